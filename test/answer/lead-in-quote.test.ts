/** A quote that lands on a lead-in ("Đề nghị …:") carries the items it introduces. */
import { describe, expect, it } from "vitest";
import { bestFragments, joinQuote } from "../../src/assistant/sentences.js";
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
