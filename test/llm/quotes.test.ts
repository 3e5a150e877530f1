import { describe, expect, it } from "vitest";
import { verbatimQuote } from "../../src/llm/quotes.js";

const SECTION =
  "**2. Ban Tuyên giáo Thành ủy** chủ trì, phối hợp với Phòng Kinh tế\ntham mưu Ban Thường vụ Thành ủy “sơ kết” việc thực hiện – định kỳ hằng năm; đẩy mạnh chuyển đổi số, hiện đại hoá quản lý.";

describe("verbatimQuote", () => {
  it("returns the source's own text for an exact quote", () => {
    expect(verbatimQuote(SECTION, "chủ trì, phối hợp với Phòng Kinh tế")).toBe("chủ trì, phối hợp với Phòng Kinh tế");
  });

  it("tolerates only invisible or typographic differences, and answers with the source's spelling", () => {
    // Line break → space, NFD input, other tone convention, case, straight quotes and hyphen, Markdown emphasis.
    expect(verbatimQuote(SECTION, "Phòng Kinh tế tham mưu")).toBe("Phòng Kinh tế tham mưu");
    expect(verbatimQuote(SECTION, "hiện đại hóa quản lý".normalize("NFD"))).toBe("hiện đại hoá quản lý");
    expect(verbatimQuote(SECTION, 'BAN THƯỜNG VỤ THÀNH ỦY "sơ kết" việc thực hiện - định kỳ')).toBe(
      "Ban Thường vụ Thành ủy “sơ kết” việc thực hiện – định kỳ",
    );
    expect(verbatimQuote(SECTION, "Ban Tuyên giáo Thành ủy chủ trì")).toBe("Ban Tuyên giáo Thành ủy** chủ trì");
    // Edge punctuation and ellipses the model adds are not part of the match.
    expect(verbatimQuote(SECTION, "…định kỳ hằng năm.")).toBe("định kỳ hằng năm");
  });

  it("accepts fragments joined by an ellipsis, each verbatim and in source order", () => {
    expect(verbatimQuote(SECTION, "Ban Tuyên giáo Thành ủy chủ trì … định kỳ hằng năm")).toBe(
      "Ban Tuyên giáo Thành ủy** chủ trì … định kỳ hằng năm",
    );
    expect(verbatimQuote(SECTION, "chủ trì, phối hợp...đẩy mạnh chuyển đổi số")).toBe("chủ trì, phối hợp … đẩy mạnh chuyển đổi số");
    expect(verbatimQuote(SECTION, "định kỳ hằng năm … Ban Tuyên giáo Thành ủy")).toBeNull();
  });

  it("rejects paraphrases, invented words, partial words and stitched single words", () => {
    expect(verbatimQuote(SECTION, "phối hợp với Phòng Kinh tế, chủ trì")).toBeNull();
    expect(verbatimQuote(SECTION, "chủ trì, phối hợp với Phòng Tài chính")).toBeNull();
    expect(verbatimQuote(SECTION, "an Tuyên giáo")).toBeNull();
    expect(verbatimQuote(SECTION, "Ban … chủ trì … năm")).toBeNull();
    expect(verbatimQuote(SECTION, "")).toBeNull();
    expect(verbatimQuote(SECTION, " … ")).toBeNull();
  });
});
