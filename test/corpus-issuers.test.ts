/**
 * Bodies alike but for their place ("Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh X" in many provinces): a question
 * naming the place names that body's documents only; naming none, it names them all (and the answer lists them).
 */
import { describe, expect, it } from "vitest";
import { CorpusKnowledge } from "../src/corpus/knowledge.js";
import { parseDocument } from "../src/parser/index.js";

const plan = (province: string) => `ĐẢNG BỘ TỈNH ${province.toUpperCase()}
BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
*
${province}, ngày 10 tháng 4 năm 2024

KẾ HOẠCH
thực hiện Kết luận số 69-KL/TW

I. NHIỆM VỤ

1. Ban Tuyên giáo Đảng ủy Khối đôn đốc các chi bộ triển khai thực hiện Kế hoạch.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Lê Văn An`;

describe("issuers alike but for their place", () => {
  const kb = new CorpusKnowledge(["Thái Nguyên", "Thạch Hà", "Bình Bảo"].map((p, i) => Object.assign(parseDocument(plan(p), `${i}.md`), { id: `d${i}` })));
  const issuers = (q: string) => [...kb.documentsForIssuer(q)].map((id) => kb.byId.get(id)!.issuer).sort();

  it("the place the question names picks its own body", () => {
    expect(kb.byId.get("d0")!.issuer).toMatch(/Đảng ủy Khối các cơ quan tỉnh Thái Nguyên$/);
    expect(issuers("Kế hoạch của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên do ai ký?")).toEqual([kb.byId.get("d0")!.issuer]);
  });

  it("no place named: every such body", () => {
    expect(issuers("Kế hoạch của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh do ai ký?")).toHaveLength(3);
  });
});
