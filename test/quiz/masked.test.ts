import { describe, expect, it } from "vitest";
import { BankBuilder, maskLocal } from "../../src/quiz/bank.js";

describe("another locality's copy of a sentence", () => {
  const a = "Giao Ủy ban nhân dân tỉnh Gia Lai chủ trì, phấn đấu đến ngày 15/3/2025 hoàn thành 80% kế hoạch của GIA LAI.";
  const b = "Giao Ủy ban nhân dân tỉnh Kon Tum chủ trì, phấn đấu đến ngày 02/9/2026 hoàn thành 75% kế hoạch của KON TUM.";

  it("reads the same with the locality's name, numbers and dates masked", () => {
    expect(maskLocal(a, "Gia Lai")).toBe(maskLocal(b, "Kon Tum"));
    expect(maskLocal(a, "Gia Lai")).not.toBe(maskLocal("Giao Sở Tài chính chủ trì, phấn đấu đến năm 2025 hoàn thành.", "Gia Lai"));
    // The answer keeps its numbers: "80" and "75" are two facts.
    expect(maskLocal("80", "Gia Lai", false)).not.toBe(maskLocal("75", "Kon Tum", false));
  });

  it("gives a section question one key across the copies, not a question about the document itself", () => {
    const key = (quote: string, place: string, kind: "cloze" | "chain" | "order") =>
      BankBuilder.keys(kind, `q ${place}`, "Sở Tài chính", quote, place, "section").filter((k) => k.startsWith("m"));
    expect(key(a, "Gia Lai", "cloze")).toEqual(key(b, "Kon Tum", "cloze"));
    expect(key(a, "Gia Lai", "cloze")).toHaveLength(1);
    expect(key(a, "Gia Lai", "chain")).toEqual([]);
    expect(key(a, "Gia Lai", "order")).toEqual([]);
    // Without the document's place (items merged elsewhere), no masked key.
    expect(BankBuilder.keys("cloze", "q", "x", a).some((k) => k.startsWith("m"))).toBe(false);
  });
});
