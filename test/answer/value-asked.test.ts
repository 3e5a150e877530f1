/**
 * What a question asks for must be in the passage that answers it: an amount ("bao nhiêu tỷ đồng") where one is
 * stated, a law by its name ("Luật Công nghiệp công nghệ số" is not "Luật Chuyển đổi số"), a target of the year asked
 * ("mục tiêu năm 2025" is not the 2030 target), a number where a quantity per unit is asked ("mỗi xã … bao nhiêu tổ").
 * Else the document does not say it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knowledge } from "../../src/assistant/knowledge.js";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import { retrieve } from "../../src/assistant/retrieve.js";
import { parseDocument } from "../../src/parser/index.js";
import type { EmbeddedStore } from "../../src/search/embedded-store.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH LÂM HÀ
Số: 230/KH-UBND
Lâm Hà, ngày 25 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số

I. MỤC TIÊU

1. Mục tiêu năm 2025: 100% văn bản trao đổi giữa các cơ quan nhà nước được ký số.

2. Mục tiêu đến năm 2030: kinh tế số đạt tối thiểu 25% GRDP của tỉnh.

II. NHIỆM VỤ

1. Sở Tư pháp chủ trì góp ý dự án Luật Chuyển đổi số, hoàn thành trong quý III/2025.

2. Sở Tài chính chủ trì hướng dẫn lập, phân bổ dự toán kinh phí thực hiện Kế hoạch hằng năm.

3. Sở Khoa học và Công nghệ chủ trì hỗ trợ doanh nghiệp khởi nghiệp sáng tạo tối đa 200 triệu đồng mỗi dự án.

4. Ủy ban nhân dân cấp huyện chỉ đạo cấp xã kiện toàn Tổ công nghệ số cộng đồng ở thôn, tổ dân phố.

5. Sở Nội vụ chủ trì bồi dưỡng kỹ năng số, mỗi sở, ngành cử ít nhất 02 công chức tham gia lớp bồi dưỡng.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hải`;

const OTHER = `ỦY BAN NHÂN DÂN
TỈNH LÂM HÀ
Số: 231/KH-UBND
Lâm Hà, ngày 28 tháng 3 năm 2025

KẾ HOẠCH
Phát triển khoa học và công nghệ tỉnh Lâm Hà

I. MỤC TIÊU

1. Đến năm 2030: tổng chi cho nghiên cứu và phát triển đạt 2% GRDP; số doanh nghiệp đổi mới sáng tạo tăng gấp đôi.

II. NHIỆM VỤ

1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ chế khoán chi nhiệm vụ khoa học và công nghệ.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hải`;

/** A district's plan with the province's number: its issuer tells them apart. */
const DISTRICT = `ỦY BAN NHÂN DÂN
HUYỆN ĐỨC TRỌNG
Số: 230/KH-UBND
Đức Trọng, ngày 02 tháng 4 năm 2025

KẾ HOẠCH
Chuyển đổi số huyện Đức Trọng năm 2025

I. MỤC TIÊU

1. Huyện đặt mục tiêu bố trí kinh phí cho khoa học, công nghệ hằng năm; đặt mục tiêu 100% xã có điểm phục vụ dịch vụ công.

2. Ưu tiên nguồn lực cho khoa học, công nghệ và đổi mới sáng tạo.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Bình`;

describe("what a question asks for, in the passage that answers it", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  let ask2: (q: string) => Promise<AnswerResult>;
  let two: { kb: Knowledge; store: EmbeddedStore };
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh230.md"]]));
    ({ ask: ask2 } = await assistantOver([[PLAN, "kh230.md"], [OTHER, "kh231.md"]]));
    const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-absent-")));
    two = { kb: await buildIndex([parseDocument(PLAN, "kh230.md"), parseDocument(OTHER, "kh231.md")], target), store: target.store };
  });

  it("an amount: stated, it answers; a passage on the budget that states none does not", async () => {
    expect((await ask("Kế hoạch 230/KH-UBND hỗ trợ doanh nghiệp khởi nghiệp sáng tạo bao nhiêu tiền?")).answer).toContain("200 triệu đồng");
    expect((await ask("Kế hoạch 230/KH-UBND dự toán tổng kinh phí thực hiện là bao nhiêu tỷ đồng?")).mode).toBe("not_found");
  });

  it("a quantity per unit: a passage that states no number does not hold it", async () => {
    expect((await ask("Kế hoạch 230/KH-UBND yêu cầu mỗi sở, ngành cử bao nhiêu công chức tham gia lớp bồi dưỡng?")).answer).toContain("02 công chức");
    expect((await ask("Theo Kế hoạch 230/KH-UBND, mỗi xã phải thành lập bao nhiêu Tổ công nghệ số cộng đồng?")).mode).toBe("not_found");
  });

  it("a thing the named document never writes of, though another document does, is told apart", async () => {
    // "kinh tế" stands in Kế hoạch 230 but nowhere in Kế hoạch 231: a section of 231 close in its other words must
    // not answer for it below the usual bar (fact.ts pickEvidence).
    const absent = await retrieve("Kế hoạch 231/KH-UBND đặt chỉ tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP vào năm 2030?", two.kb, two.store);
    expect(absent.namedAbsent).toEqual(expect.arrayContaining(["fp:kinh_te", "p:tế_số"]));
    const present = await retrieve("Kế hoạch 231/KH-UBND đặt mục tiêu tổng chi cho nghiên cứu và phát triển bao nhiêu phần trăm GRDP?", two.kb, two.store);
    expect(present.namedAbsent).toEqual([]);
    expect((await ask2("Kế hoạch 231/KH-UBND đặt chỉ tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP vào năm 2030?")).mode).toBe("not_found");
  });

  it("of two documents with one number, the one whose issuer is named is measured; the question's own verb or function word before a word the text has is no thing it lacks", async () => {
    const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-absent-")));
    const docs = [parseDocument(PLAN, "kh230.md"), parseDocument(DISTRICT, "kh230-duc-trong.md")];
    const kb = await buildIndex(docs, target);
    const r = await retrieve("Kế hoạch 230/KH-UBND của Ủy ban nhân dân tỉnh Lâm Hà đặt mục tiêu năm 2025 cho khoa học là gì?", kb, target.store);
    expect(r.namedDocs.size).toBe(2);
    expect(r.namedOne).toBe(kb.documents.find((d) => d.file === "kh230.md")!.id);
    // "đặt mục" and "cho khoa" are what the district writes; the province writes "mục tiêu", "khoa học".
    expect(r.namedAbsent).toEqual([]);
    const unnamed = await retrieve("Kế hoạch 230/KH-UBND đặt mục tiêu gì?", kb, target.store);
    expect(unnamed.namedOne).toBeUndefined();
  });

  it("a law by its name", async () => {
    const named = await ask("Kế hoạch 230/KH-UBND giao cơ quan nào góp ý dự án Luật Chuyển đổi số?");
    expect(named.citations[0]?.section).toBe("II.1");
    expect((await ask("Kế hoạch 230/KH-UBND giao cơ quan nào góp ý dự án Luật Công nghiệp công nghệ số?")).mode).toBe("not_found");
  });

  it("a target of the year asked", async () => {
    expect((await ask("kh230 muc tieu den nam 2030 kinh te so chiem bn % grdp")).answer).toContain("25% GRDP");
    // (The 2030 target is no answer to the 2025 one.)
    expect((await ask("kh230 muc tieu nam 2025 kinh te so chiem bn % grdp")).citations.map((c) => c.section)).not.toContain("I.2");
  });
});
