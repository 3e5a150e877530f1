/** A quote that lands on a lead-in ("Đề nghị …:") carries the items it introduces. */
import { describe, expect, it } from "vitest";
import { bestFragments, joinQuote, sentences } from "../../src/assistant/sentences.js";
import { analyzeText } from "../../src/search/analyzer.js";

const keys = (q: string) => [...analyzeText(q).counts.keys()].filter((t) => t.startsWith("w:")).map((term) => ({ term, weight: 1 }));

describe("a lead-in and its items", () => {
  const text = [
    "Đề nghị Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện:",
    "- Tuyên truyền, vận động đoàn viên, hội viên ứng dụng tiến bộ khoa học và công nghệ.",
    "- Thực hiện giám sát, phản biện xã hội việc thực hiện Kết luận.",
  ].join("\n");

  it("the items come with the lead-in, verbatim", () => {
    const quote = joinQuote(bestFragments(text, keys("Mặt trận Tổ quốc và các đoàn thể được đề nghị"), [], 1));
    expect(quote).toMatch(/^Đề nghị Ủy ban Mặt trận Tổ quốc/);
    expect(quote).toContain("giám sát, phản biện xã hội");
  });

  it("a sentence that introduces nothing is quoted alone", () => {
    const quote = joinQuote(bestFragments("Sở Tài chính bố trí kinh phí. Sở Nội vụ rà soát biên chế.", keys("Sở Tài chính bố trí kinh phí"), [], 1));
    expect(quote).toBe("Sở Tài chính bố trí kinh phí.");
  });
});

describe("fragments for what the question asks that the best one lacks", () => {
  /** As the answer strategies call it: words weighted by rarity (idf), the question's pairs, a number preferred. */
  const asked = (q: string, rare: string[]) => {
    const terms = [...analyzeText(q).counts.keys()];
    return {
      keys: terms.filter((t) => t.startsWith("w:")).map((term) => ({ term, weight: rare.includes(term) ? 3 : 1 })),
      pairs: terms.filter((t) => t.startsWith("p:")),
    };
  };

  it("each clause the question names is quoted, within the fragments allowed", () => {
    const text = "Hỗ trợ một lần khi về làm việc tại cơ quan, đơn vị của tỉnh: Giáo sư 500 triệu đồng; Phó Giáo sư 400 triệu đồng; Tiến sĩ 300 triệu đồng; Thạc sĩ tốt nghiệp loại giỏi 150 triệu đồng.";
    const { keys: k, pairs } = asked("Mức hỗ trợ một lần đối với Giáo sư, Phó Giáo sư, Tiến sĩ về làm việc tại cơ quan, đơn vị của tỉnh là bao nhiêu?", ["w:phó", "w:tiến", "w:sĩ"]);
    const quote = joinQuote(bestFragments(text, k, pairs, 3, /\d/));
    expect(quote).toContain("Giáo sư 500 triệu đồng");
    expect(quote).toContain("Phó Giáo sư 400 triệu đồng");
    expect(quote).toContain("Tiến sĩ 300 triệu đồng");
    expect(quote).not.toContain("Thạc sĩ");
  });

  it("a clause that only repeats words already quoted is not added", () => {
    const text = "Sở Tài chính bố trí kinh phí thực hiện Kế hoạch; bảo đảm kinh phí thực hiện Kế hoạch hằng năm; Sở Nội vụ rà soát biên chế.";
    const { keys: k, pairs } = asked("Sở Tài chính bố trí kinh phí thực hiện Kế hoạch như thế nào?", []);
    expect(joinQuote(bestFragments(text, k, pairs, 3))).not.toContain("Sở Nội vụ");
  });
});

describe("a row of a task table", () => {
  it("is one sentence: a '; ' between two partners ends none, so the cells after it (deadline, amount) are quoted", () => {
    const row = "Triển khai hồ sơ sức khỏe điện tử, bệnh án điện tử tại các bệnh viện công lập | Sở Y tế | Bảo hiểm xã hội Thành phố; Sở Khoa học và Công nghệ | Năm 2026 | 210";
    expect(sentences(`(Kèm theo Kế hoạch)\n${row}`).map((s) => s.text)).toEqual(["(Kèm theo Kế hoạch)", row]);
    expect(joinQuote(bestFragments(row, keys("hồ sơ sức khỏe điện tử kinh phí bao nhiêu"), [], 2, /\d/))).toBe(row);
  });

  it("prose keeps its clauses: '; ' still ends a sentence outside a table", () => {
    expect(sentences("Sở Y tế chủ trì; Sở Tài chính bố trí kinh phí.").map((s) => s.text)).toEqual(["Sở Y tế chủ trì;", "Sở Tài chính bố trí kinh phí."]);
  });
});
