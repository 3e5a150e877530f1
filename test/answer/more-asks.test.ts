/**
 * Asks read from how cadres phrase them: who proposed a document, a named number of items, two documents asked one
 * question, a compound question whose second part is about the document that answered the first.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../../src/assistant/assistant.js";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { silentLogger } from "../../src/logger.js";
import { parseDocument } from "../../src/parser/index.js";

const DECISION = `THỦ TƯỚNG CHÍNH PHỦ
Số: 901/QĐ-TTg
Hà Nội, ngày 05 tháng 9 năm 2025

QUYẾT ĐỊNH
Phê duyệt Đề án số hóa quản lý đô thị

THỦ TƯỚNG CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Theo đề nghị của Bộ trưởng Bộ Xây dựng.

QUYẾT ĐỊNH:

Điều 1. Phê duyệt Đề án với ba nhóm giải pháp: hoàn thiện thể chế về dữ liệu đô thị; xây dựng nền tảng bản đồ số đô thị; đào tạo nhân lực số ngành xây dựng.

Điều 2. Bộ Xây dựng chủ trì tổ chức thực hiện Đề án, báo cáo Thủ tướng Chính phủ trước ngày 15/12 hằng năm.

Điều 3. Quyết định này có hiệu lực từ ngày ký.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Trần Hồng Hà`;

const plan = (province: string, number: number, day: string) => `ỦY BAN NHÂN DÂN TỈNH ${province.toUpperCase()}
Số: ${number}/KH-UBND
${province}, ngày 10 tháng 10 năm 2025

KẾ HOẠCH
Thực hiện Đề án số hóa quản lý đô thị

Thực hiện Quyết định số 901/QĐ-TTg ngày 05/9/2025 của Thủ tướng Chính phủ;

I. TỔ CHỨC THỰC HIỆN

Các sở, ngành gửi báo cáo kết quả hằng năm về Sở Xây dựng trước ngày ${day} để tổng hợp.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn ${province}`;

let ask: (q: string) => Promise<AnswerResult>;

beforeAll(async () => {
  const documents = [parseDocument(DECISION, "qd.md"), parseDocument(plan("Lâm Hà", 71, "10/11"), "a.md"), parseDocument(plan("Đông Sơn", 72, "25/11"), "b.md")];
  uniqueIds(documents);
  const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-asks-")));
  const knowledge = await buildIndex(documents, target);
  const assistant = createAssistant({ knowledge, store: target.store, logger: silentLogger });
  ask = (q) => assistant.ask(q);
}, 60_000);

describe("asks as cadres phrase them", () => {
  it("'theo đề nghị của ai': the preamble's proposal, quoted", async () => {
    const r = await ask("Quyết định 901/QĐ-TTg được ban hành theo đề nghị của ai?");
    expect(r.answer).toContain("“Theo đề nghị của Bộ trưởng Bộ Xây dựng”");
    expect(r.citations[0]!.quote).toContain("Theo đề nghị của Bộ trưởng Bộ Xây dựng");
  });

  it("with the date asked too: both", async () => {
    const r = await ask("qd 901 ban hanh ngay nao, theo de nghi cua ai");
    expect(r.answer).toContain("Bộ trưởng Bộ Xây dựng");
    expect(r.answer).toContain("05/9/2025");
  });

  it("'nêu ba nhóm giải pháp nào': a list, quoted whole", async () => {
    const r = await ask("Quyết định 901 nêu ba nhóm giải pháp nào?");
    expect(r.answer).toContain("hoàn thiện thể chế về dữ liệu đô thị");
    expect(r.answer).toContain("đào tạo nhân lực số ngành xây dựng");
  });

  it("two documents asked one question: each answers it", async () => {
    const r = await ask("Kế hoạch 71 của Lâm Hà và Kế hoạch 72 của Đông Sơn quy định hạn gửi báo cáo hằng năm về Sở Xây dựng là ngày nào?");
    expect(r.answer).toMatch(/10\/11/);
    expect(r.answer).toMatch(/25\/11/);
    expect(new Set(r.citations.map((c) => c.number))).toEqual(new Set(["71/KH-UBND", "72/KH-UBND"]));
  });

  it("a second part naming nothing is asked of the document that answered the first", async () => {
    const r = await ask("Đề án số hóa quản lý đô thị được phê duyệt theo quyết định nào và ai ký quyết định đó?");
    expect(r.answer).toContain("901/QĐ-TTg");
    expect(r.answer).toContain("Trần Hồng Hà");
  });
});

describe("yes or no first", () => {
  it("a header claim is checked against the header: right, wrong, either way quoted", async () => {
    expect((await ask("Quyết định 901/QĐ-TTg có phải do Thủ tướng Chính phủ ban hành không?")).answer).toMatch(/^Đúng, Quyết định số 901\/QĐ-TTg do Thủ tướng Chính phủ ban hành\./);
    expect((await ask("qd 901 co phai do ubnd tinh lam ha ban hanh ko")).answer).toMatch(/^Không\. Quyết định số 901\/QĐ-TTg do Thủ tướng Chính phủ ban hành\./);
    expect((await ask("Quyết định 901 ký ngày 05/9/2025 phải không?")).answer).toMatch(/^Đúng, văn bản đề ngày 05\/9\/2025\./);
    expect((await ask("Quyết định 901 ký ngày 15/9/2025 phải không?")).answer).toMatch(/^Không\. Văn bản đề ngày 05\/9\/2025, không phải 15\/9\/2025\./);
    const signer = await ask("Quyết định 901 do đồng chí Trần Hồng Hà ký phải không?");
    expect(signer.answer).toMatch(/^Đúng, đồng chí Trần Hồng Hà ký\./);
    expect(signer.citations[0]!.quote).toContain("Trần Hồng Hà");
  });

  it("a content question: 'Có' when the text says it, 'Không thấy' when the named document is silent", async () => {
    expect((await ask("Quyết định 901 có giao Bộ Xây dựng chủ trì tổ chức thực hiện Đề án không?")).answer).toMatch(/^Có\. /);
    expect((await ask("Kế hoạch 71 có giao Sở Y tế xây dựng bệnh viện số không?")).answer).toMatch(/^Không thấy\. /);
  });
});
