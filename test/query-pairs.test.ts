/**
 * Which pairs of a question's syllables evidence must hold (key pairs): a year ends a phrase ("đến năm 2030 | kinh tế
 * số"), so the pair across it is none; a count is read with its unit ("hỗ trợ 1 lần", "05 năm").
 */
import { describe, expect, it } from "vitest";
import { analyzeQuery } from "../src/search/analyzer.js";

const keyPairs = (q: string) => analyzeQuery(q).terms.filter((t) => t.keyPair).map((t) => t.term);

describe("key pairs of a question", () => {
  it("none across a year", () => {
    const pairs = keyPairs("Đến năm 2030 kinh tế số của tỉnh phải đạt bao nhiêu phần trăm GRDP?");
    expect(pairs).toContain("p:năm_2030");
    expect(pairs).toContain("p:tế_số");
    expect(pairs.some((p) => /^f?p:2030_/.test(p))).toBe(false);
  });

  it("a count with its unit", () => {
    expect(keyPairs("Giáo sư về làm việc được hỗ trợ 1 lần bao nhiêu tiền?")).toContain("p:1_lần");
    expect(keyPairs("Doanh nghiệp hoạt động không quá 05 năm")).toContain("p:05_năm");
  });
});
