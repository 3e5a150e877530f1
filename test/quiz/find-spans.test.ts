/**
 * findSpans: where a phrase stands in a source, ignoring case, tone convention and whitespace runs, with offsets in
 * nfc(source), so that a quote cut at them is verbatim.
 */
import { describe, expect, it } from "vitest";
import { findSpans } from "../../src/quiz/text.js";
import { nfc } from "../../src/text/vietnamese.js";

const cut = (source: string, needle: string) => findSpans(source, needle).map((s) => nfc(source).slice(s.start, s.end));

describe("findSpans", () => {
  it("finds whole words across case, runs of whitespace and the old tone convention, and cuts them verbatim", () => {
    const source = "Sở   Khoa học và\n\tCông nghệ chủ trì; Hoá đơn điện tử, hóa đơn giấy.";
    expect(cut(source, "sở khoa học và công nghệ")).toEqual(["Sở   Khoa học và\n\tCông nghệ"]);
    expect(cut(source, "hóa đơn")).toEqual(["Hoá đơn", "hóa đơn"]);
    // Not inside a word.
    expect(cut(source, "hoa")).toEqual([]);
    expect(cut(source, "trì")).toEqual(["trì"]);
  });

  it("offsets are in nfc(source) for decomposed input, and a word whose lowercase is longer maps to its start", () => {
    const decomposed = "Kế hoạch số 12".normalize("NFD");
    expect(cut(decomposed, "kế hoạch")).toEqual(["Kế hoạch"]);
    const dotted = "Xã İa Grai và xã Ia Pa";
    expect(cut(dotted, "ia pa")).toEqual(["Ia Pa"]);
    expect(findSpans(dotted, "và xã")[0]).toMatchObject({ start: dotted.indexOf("và xã") });
  });
});
