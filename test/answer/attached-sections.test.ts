/**
 * A section of a text a document carries is cited as a cadre cites it: the plan a decision issues by the plan's own
 * numbering ("mục V.1 Kế hoạch kèm theo"), since the decision's own parts are articles; an appendix keeps its name
 * ("Phụ lục.3"), and so does an attached text numbered like the document's own parts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../../src/assistant/assistant.js";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import { citedSection } from "../../src/assistant/cite.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { silentLogger } from "../../src/logger.js";
import { parseDocument } from "../../src/parser/index.js";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DECISION = `ỦY BAN NHÂN DÂN TỈNH LÂM HÀ
Số: 640/QĐ-UBND
Lâm Hà, ngày 14 tháng 3 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Sơn

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Lâm Hà
(Ban hành kèm theo Quyết định số 640/QĐ-UBND ngày 14/3/2025 của Ủy ban nhân dân tỉnh)

I. MỤC TIÊU

1. Đến năm 2030, kinh tế số đạt 25% GRDP của tỉnh.

II. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch; báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.

2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.

PHỤ LỤC
NHIỆM VỤ CỤ THỂ

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| 1 | Xây dựng nền tảng dữ liệu số của tỉnh | Sở Khoa học và Công nghệ | Các sở, ngành | Quý IV/2025 |
| 2 | Đào tạo kỹ năng số cho cán bộ, công chức | Sở Nội vụ | Sở Khoa học và Công nghệ | Năm 2026 |
| 3 | Hỗ trợ doanh nghiệp chuyển đổi số | Sở Công Thương | Hiệp hội doanh nghiệp tỉnh | 2025-2030 |`;

describe("sections of an attached text", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  let section: (id: string, path: string) => { section: string; text: string } | null;
  const doc = parseDocument(DECISION, "qd640.md");
  beforeAll(async () => {
    uniqueIds([doc]);
    const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-test-")));
    const kb = await buildIndex([doc], target);
    const assistant = createAssistant({ knowledge: kb, store: target.store, logger: silentLogger });
    ask = (q) => assistant.ask(q);
    section = (id, path) => assistant.section(id, path);
  });

  it("are cited by the plan's own numbering, the plan named, and the cited path opens the section", async () => {
    const a = await ask("Theo Quyết định 640/QĐ-UBND, cơ quan nào là cơ quan thường trực theo dõi, đôn đốc thực hiện Kế hoạch?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]).toMatchObject({ number: "640/QĐ-UBND", section: "II.1", attachment: "Kế hoạch" });
    expect(section(a.citations[0]!.documentId, "II.1")?.text).toContain("cơ quan thường trực");
    const b = await ask("Theo Quyết định 640/QĐ-UBND, đến năm 2030 kinh tế số đạt bao nhiêu phần trăm GRDP?");
    expect(b.citations[0]).toMatchObject({ section: "I.1", attachment: "Kế hoạch" });
    expect(b.answer).toContain("mục I.1 Kế hoạch kèm theo");
    expect(b.answer).not.toContain("Kế hoạch.I.1");
  });

  it("keep the appendix's name for its rows, and an attached text numbered like the document's parts keeps its own", () => {
    const paths = doc.sections.map((s) => s.path);
    expect(paths).toContain("Kế hoạch.II.1");
    const row = paths.find((p) => p.startsWith("Phụ lục.") && /\.\d+$/.test(p))!;
    expect(citedSection(doc, row)).toEqual({ section: row, attachment: null });
    // A document with parts I, II of its own and an attached plan numbered I, II: "II.1" would be read as the document's.
    const clash = { sections: [{ path: "I" }, { path: "II" }, { path: "Kế hoạch" }, { path: "Kế hoạch.II" }, { path: "Kế hoạch.II.1" }] };
    expect(citedSection(clash, "Kế hoạch.II.1")).toEqual({ section: "Kế hoạch.II.1", attachment: null });
    // An appendix numbered I, II like the plan is always cited with its name: no clash.
    const appendix = { sections: [{ path: "Điều 1" }, { path: "Kế hoạch" }, { path: "Kế hoạch.II" }, { path: "Kế hoạch.II.1" }, { path: "Phụ lục" }, { path: "Phụ lục.II" }, { path: "Phụ lục.II.1" }] };
    expect(citedSection(appendix, "Kế hoạch.II.1")).toEqual({ section: "II.1", attachment: "Kế hoạch" });
    expect(citedSection(appendix, "Phụ lục.II.1")).toEqual({ section: "Phụ lục.II.1", attachment: null });
    expect(citedSection(doc, "Điều 2")).toEqual({ section: "Điều 2", attachment: null });
  });
});
