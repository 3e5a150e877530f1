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

const letter = (issuer: string, level: string, place: string, code: string) => `ỦY BAN NHÂN DÂN ${level.toUpperCase()} ${place.toUpperCase()}
${issuer.toUpperCase()}
Số: 12/${code}
${place}, ngày 10 tháng 4 năm 2025

CÔNG VĂN
V/v bố trí kinh phí chuyển đổi số

Kính gửi: Ủy ban nhân dân ${level} ${place}

1. Bố trí 500 triệu đồng cho Trung tâm dữ liệu.

GIÁM ĐỐC
Lê Văn An`;

describe("a document named by its type and its issuer without the place", () => {
  const docs = [
    Object.assign(parseDocument(letter("Sở Tài chính", "tỉnh", "Hòa Bắc", "STC-NS"), "a.md"), { id: "stc" }),
    Object.assign(parseDocument(letter("Sở Nội vụ", "tỉnh", "Hòa Bắc", "SNV-CCVC"), "b.md"), { id: "snv" }),
  ];
  const kb = new CorpusKnowledge(docs);

  it("'Công văn của Sở Tài chính', 'cv so 12 cua so tai chinh': that body's documents, whatever their place", () => {
    expect(kb.byId.get("stc")!.issuer).toBe("Sở Tài chính tỉnh Hòa Bắc");
    expect([...kb.documentsForIssuer("Công văn của Sở Tài chính yêu cầu gì?")]).toEqual(["stc"]);
    expect([...kb.documentsForIssuer("theo cv so 12 cua so tai chinh, xa vung dtts duoc ho tro bao nhieu")]).toEqual(["stc"]);
    // Typed in chat without "của".
    expect([...kb.documentsForIssuer("cv so noi vu: nop ho so truoc ngay may")]).toEqual(["snv"]);
    // A type that is also a verb, without "của", says to whom a body reports, not whose document it is.
    expect([...kb.documentsForIssuer("cac xa bao cao so noi vu truoc ngay nao")]).toEqual([]);
    expect([...kb.documentsForIssuer("Các xã báo cáo Sở Tài chính kết quả trước ngày nào?")]).toEqual([]);
  });

  it("named only as a body the text speaks of, or at another level, it names none", () => {
    expect([...kb.documentsForIssuer("Sở Tài chính bố trí kinh phí gì?")]).toEqual([]);
    expect([...kb.documentsForIssuer("Công văn của Sở Tài chính xã Bình Minh yêu cầu gì?")]).toEqual([]);
    // A place the corpus does not know: another province's body.
    expect([...kb.documentsForIssuer("Công văn của Sở Tài chính tỉnh Hương Khê yêu cầu gì?")]).toEqual([]);
    expect([...kb.documentsForIssuer("Công văn của Sở Tài chính tỉnh yêu cầu gì?")]).toEqual(["stc"]);
  });
});

describe("a merged province's paper", () => {
  it("'Báo và Phát thanh, Truyền hình Hòa Bắc' is named 'Báo Hòa Bắc'", () => {
    const page = parseDocument(`BÁO VÀ PHÁT THANH, TRUYỀN HÌNH HÒA BẮC | baohoabac.com.vn
Thời sự | Chính trị

# Hòa Bắc quán triệt Chỉ thị về dữ liệu số

Thứ Tư, 22/10/2025 - 17:35

Sáng 22/10, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.`, "p.md");
    const kb = new CorpusKnowledge([Object.assign(page, { id: "p" })]);
    expect([...kb.documentsForIssuer("Bài báo Báo Hòa Bắc cho biết gì?")]).toEqual(["p"]);
  });
});
