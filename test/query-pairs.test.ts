/**
 * Which pairs of a question's syllables evidence must hold (key pairs): a year is a key term of its own and ends a
 * phrase ("đến năm 2030 | kinh tế số"), so no pair after it is one, nor one before it the corpus never writes; a count
 * is read with its unit ("hỗ trợ 1 lần").
 */
import { describe, expect, it } from "vitest";
import { analyzeQuery } from "../src/search/analyzer.js";

const keyPairs = (q: string) => analyzeQuery(q).terms.filter((t) => t.keyPair).map((t) => t.term);

describe("key pairs of a question", () => {
  it("none after a year; before one, as the corpus writes it", () => {
    const pairs = keyPairs("Đến năm 2030 kinh tế số của tỉnh phải đạt bao nhiêu phần trăm GRDP?");
    expect(pairs).toContain("p:tế_số");
    expect(pairs.some((p) => /^f?p:2030_/.test(p))).toBe(false);
    const vocab = { has: (t: string) => t === "fp:nam_2030", repair: () => null };
    const known = analyzeQuery("Đến năm 2030 kinh tế số đạt bao nhiêu?", vocab).terms.filter((t) => t.keyPair).map((t) => t.term);
    expect(known).toContain("p:năm_2030");
    expect(analyzeQuery("Techfest 2025 do ai chủ trì?", vocab).terms.filter((t) => t.keyPair).map((t) => t.term)).not.toContain("p:techfest_2025");
    expect(analyzeQuery("Techfest 2025 do ai chủ trì?").terms.filter((t) => t.key).map((t) => t.term)).toContain("w:2025");
  });

  it("'hạn nộp' asks a deadline: 'nộp' is no word the evidence must hold (it says 'gửi … trước ngày' as often)", () => {
    const keys = analyzeQuery("hạn nộp báo cáo là ngày nào").terms.filter((t) => t.key).map((t) => t.term);
    expect(keys).not.toContain("w:nộp");
    expect(keys).toContain("w:báo");
    expect(analyzeQuery("hộ kinh doanh nộp thuế điện tử").terms.filter((t) => t.key).map((t) => t.term)).toContain("w:nộp");
    // "lần lượt" says "respectively": neither word is asked.
    expect(analyzeQuery("hạn của hai văn bản lần lượt là ngày nào").terms.filter((t) => t.key).map((t) => t.term)).not.toContain("w:lượt");
  });

  it("a count with its unit", () => {
    expect(keyPairs("Giáo sư về làm việc được hỗ trợ 1 lần bao nhiêu tiền?")).toContain("p:1_lần");
    expect(keyPairs("Doanh nghiệp hoạt động không quá 05 năm")).toContain("p:05_năm");
  });

  it("no pair joins a question phrase's syllable to its neighbour, even where a large corpus writes that pair", () => {
    // "bố trí bao gồm", "thế nào là": pairs a corpus of thousands of documents holds somewhere.
    const vocab = { has: (t: string) => ["fp:tri_bao", "fp:nao_la", "fp:kinh_phi", "fp:bao_phu", "fp:phu_bao"].includes(t), repair: () => null };
    const pairs = analyzeQuery("Huyện bố trí bao nhiêu kinh phí, triển khai thế nào là đúng?", vocab).terms.filter((t) => t.keyPair).map((t) => t.term);
    expect(pairs).not.toContain("fp:tri_bao");
    expect(pairs).not.toContain("fp:nao_la");
    expect(pairs).toContain("p:bố_trí");
    // "bao" of "bao phủ" is a word, and pairs; the next "bao" asks.
    const cover = analyzeQuery("sóng 5G bao phủ bao nhiêu xã", vocab).terms.filter((t) => t.keyPair).map((t) => t.term);
    expect(cover).toContain("fp:bao_phu");
    expect(cover).not.toContain("fp:phu_bao");
  });

  it("in a question typed with marks, an unmarked function word is that word and joins no key pair", () => {
    const vocab = { has: (t: string) => ["fp:tien_cho", "fp:cho_nguoi", "w:tiền", "w:người"].includes(t), repair: () => null };
    const marked = analyzeQuery("Hỗ trợ một lần bao nhiêu tiền cho người có trình độ thạc sĩ?", vocab).terms.filter((t) => t.keyPair).map((t) => t.term);
    expect(marked).not.toContain("fp:tien_cho");
    expect(marked).not.toContain("fp:cho_nguoi");
    expect(marked).toContain("p:thạc_sĩ");
  });

  it("a function word read as one joins no key pair with the word after it, even one that has no marks to type", () => {
    // "theo | Quy định của …" names the document asked; "quy" is written without marks, "theo" is the function word.
    const vocab = { has: (t: string) => ["fp:theo_quy", "fp:quy_dinh", "fw:quy", "w:định", "w:điều", "w:kiện"].includes(t), repair: () => null };
    const pairs = analyzeQuery("Tổ công nghệ số phải đáp ứng điều kiện gì theo Quy định của Hội đồng nhân dân tỉnh?", vocab).terms.filter((t) => t.keyPair).map((t) => t.term);
    expect(pairs).not.toContain("fp:theo_quy");
    expect(pairs).toContain("fp:quy_dinh");
    expect(pairs).toContain("p:điều_kiện");
  });

  it("a function word typed with its marks is that word even where the index keeps no such term", () => {
    // An index that keeps "từ" only in folded pairs ("phí từ" written somewhere) must not make it a folded syllable.
    const vocab = { has: (t: string) => ["fp:phi_tu", "fp:tu_ngan", "w:phí", "w:ngân", "w:sách", "fw:tu"].includes(t), repair: () => null };
    const pairs = analyzeQuery("bố trí bao nhiêu kinh phí từ ngân sách huyện", vocab).terms.filter((t) => t.keyPair).map((t) => t.term);
    expect(pairs).not.toContain("fp:phi_tu");
    expect(pairs).not.toContain("fp:tu_ngan");
  });
});
