import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerResult, Citation } from "../../src/assistant/types.js";
import { renderAnswer, renderCitations } from "../../src/bot/format/answer.js";
import { describeDocument, formatCitation, formatDate, sectionLabel } from "../../src/bot/format/citation.js";
import { escapeHtml, htmlToText, shorten, unescapeHtml } from "../../src/bot/format/html.js";
import { splitHtml, TELEGRAM_MESSAGE_LIMIT } from "../../src/bot/format/split.js";
import { paginate } from "../../src/bot/format/paging.js";

const cv2018: Citation = {
  documentId: "cv2018",
  docType: "Công văn",
  number: "2018-CV/TU",
  issuer: "Tỉnh ủy Quảng Ngãi",
  place: "Quảng Ngãi",
  date: "2024-02-22",
  title: "Về triển khai thực hiện Kết luận số 69-KL/TW",
  section: "5",
  sectionTitle: null,
  quote: "Ban Tuyên giáo Tỉnh ủy chủ trì <phối hợp> & tuyên truyền",
};

/** Tags must nest and close within each part; entities must be whole. */
function assertWellFormed(part: string): void {
  const stack: string[] = [];
  for (const m of part.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(part.replace(/<[^>]*>/g, "")).not.toMatch(/&(?![a-z]+;|#\d+;)/);
  expect(part).not.toMatch(/<[^>]*$/);
}

describe("escapeHtml", () => {
  it("escapes what Telegram's HTML parser treats specially, and round-trips", () => {
    expect(escapeHtml(`<script>alert("1")</script> & co`)).toBe("&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; co");
    fc.assert(fc.property(fc.string(), (s) => unescapeHtml(escapeHtml(s)) === s));
    fc.assert(fc.property(fc.string(), (s) => !/[<>]/.test(escapeHtml(s))));
  });

  it("renders our HTML as plain text for the terminal", () => {
    expect(htmlToText("<b>A &amp; B</b>\n<blockquote><i>“q”</i></blockquote>")).toBe("A & B\n    “q”");
  });

  it("shortens on a word boundary", () => {
    expect(shorten("một hai ba bốn năm sáu", 12)).toBe("một hai ba…");
    expect(shorten("ngắn", 12)).toBe("ngắn");
  });
});

describe("splitHtml", () => {
  it("keeps a short message whole", () => {
    expect(splitHtml("<b>xin chào</b>")).toEqual(["<b>xin chào</b>"]);
  });

  it("splits on paragraph boundaries first", () => {
    const para = (n: number) => `Đoạn ${n}: ${"chữ ".repeat(300).trim()}`;
    const html = [1, 2, 3, 4].map(para).join("\n\n");
    const parts = splitHtml(html, 2500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2500);
      expect(p).toMatch(/^Đoạn \d: /);
    }
  });

  it("closes and reopens a tag that spans a cut, never cuts an entity", () => {
    const html = `<blockquote><i>${"a &amp; b ".repeat(100)}</i></blockquote>`;
    const parts = splitHtml(html, 200);
    expect(parts.length).toBeGreaterThan(4);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(200);
      expect(p.startsWith("<blockquote><i>")).toBe(true);
      expect(p.endsWith("</i></blockquote>")).toBe(true);
      assertWellFormed(p);
    }
  });

  it("keeps attributes when reopening a link", () => {
    const parts = splitHtml(`<a href="https://x.vn/?a=1&amp;b=2">${"từ ".repeat(80)}</a>`, 100);
    for (const p of parts) expect(p.startsWith(`<a href="https://x.vn/?a=1&amp;b=2">`)).toBe(true);
  });

  it("property: every part fits, is well formed, and no text is lost", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }).map(escapeHtml),
      fc.constantFrom("\n", "\n\n", " ", "&amp;", "&lt;", "😀", "Tỉnh ủy"),
      fc.string({ maxLength: 20 }).map((s) => `<b>${escapeHtml(s)}</b>`),
      fc.string({ maxLength: 40 }).map((s) => `<blockquote><i>${escapeHtml(s)}</i></blockquote>`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 64, max: 300 }), (pieces, limit) => {
        const html = pieces.join("");
        const parts = splitHtml(html, limit);
        const text = (h: string) => unescapeHtml(h.replace(/<[^>]*>/g, "")).replace(/\s+/g, "");
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(limit);
          assertWellFormed(p);
        }
        expect(parts.map(text).join("")).toBe(text(html));
      }),
      { numRuns: 300 },
    );
  });

  it("fits Telegram's limit by default", () => {
    const parts = splitHtml(`${"Câu trả lời dài. ".repeat(1000)}`);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
  });
});

describe("citations", () => {
  it("formats dates as Nghị định 30/2020 has them written: a day below 10 and months 1–2 with a leading zero", () => {
    expect(formatDate("2024-02-22")).toBe("22/02/2024");
    expect(formatDate("2025-03-28")).toBe("28/3/2025");
    expect(formatDate("2025-09-05")).toBe("05/9/2025");
    expect(formatDate("2024-03")).toBe("3/2024");
    expect(formatDate(null)).toBeNull();
  });

  it("cites type, number, date, issuer and section the way cadres do", () => {
    expect(formatCitation(cv2018, 1)).toBe("[1] Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi, mục 5");
  });

  it('says "(không số)" for a document without a number, and omits an unknown date', () => {
    expect(
      describeDocument({ docType: "Kế hoạch", number: null, date: null, issuer: "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên" }),
    ).toBe("Kế hoạch (không số) của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên");
    expect(sectionLabel("")).toBe("phần mở đầu");
    expect(sectionLabel("III.2")).toBe("mục III.2");
  });

  it("puts each quote, escaped, in an italic blockquote", () => {
    expect(renderCitations([cv2018])).toBe(
      "[1] Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi, mục 5\n" +
        "<blockquote><i>“Ban Tuyên giáo Tỉnh ủy chủ trì &lt;phối hợp&gt; &amp; tuyên truyền”</i></blockquote>",
    );
  });
});

describe("renderAnswer", () => {
  const answer: AnswerResult = { mode: "answer", answer: "Tuyên truyền <rộng rãi> [1].", citations: [cv2018], seeAlso: [], via: "extractive" };

  it("ends an answer with numbered citations, everything escaped", () => {
    const html = renderAnswer(answer, "hỏi");
    expect(html).toMatch(/^Tuyên truyền &lt;rộng rãi&gt; \[1\]\.\n\n<b>Nguồn:<\/b>\n\[1\] Công văn số 2018-CV\/TU/);
  });

  it("says so when nothing was found and lists 'Xem thêm' sections, echoing the question escaped", () => {
    const html = renderAnswer({ mode: "not_found", answer: "", citations: [], seeAlso: [cv2018], via: "none" }, "<script>alert(1)</script>");
    expect(html).toContain("Không tìm thấy câu trả lời");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("<b>Xem thêm</b>");
    expect(html).toContain("[1] Công văn số 2018-CV/TU");
  });
});

describe("paginate", () => {
  it("keeps every page within a message with its heading, and every item once and in order", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 900 }), { maxLength: 60 }), (raw) => {
        const items = raw.map((s, i) => `${i}. ${escapeHtml(s.replace(/\n/g, " "))}`);
        const pages = paginate(items, { head: (p, n) => `<b>Danh sách</b> — trang ${p + 1}/${n}` });
        for (const [p, page] of pages.entries()) {
          expect(page.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
          expect(page.startsWith(`<b>Danh sách</b> — trang ${p + 1}/${pages.length}`)).toBe(true);
          assertWellFormed(page);
        }
        const shown = pages.flatMap((page) => [...page.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])));
        expect(shown).toEqual(items.map((_, i) => i));
      }),
      { numRuns: 50 },
    );
  });
});

describe("a quote is printed once", () => {
  it("a citation whose quote the answer already gives shows only its label; another keeps its quote", () => {
    const cite = (section: string, quote: string): Citation => ({ documentId: "d", docType: "Kế hoạch", number: "88/KH-UBND", issuer: "Ủy ban nhân dân tỉnh Hà Bắc", place: null, date: "2025-09-12", title: "", section, sectionTitle: null, quote });
    const html = renderAnswer({
      mode: "answer",
      answer: "Kế hoạch số 88/KH-UBND, mục I: “Đến năm 2030, 100% hồ sơ được xử lý trên môi trường mạng.” [1]",
      citations: [cite("I", "Đến năm 2030, 100% hồ sơ được xử lý trên môi trường mạng."), cite("II", "Phát triển nguồn nhân lực số.")],
      seeAlso: [],
      via: "extractive",
    });
    expect(html.split("Đến năm 2030, 100% hồ sơ").length - 1).toBe(1);
    expect(html).toContain("<blockquote><i>“Phát triển nguồn nhân lực số.”</i></blockquote>");
  });
});
