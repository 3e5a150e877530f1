/**
 * Properties of the parser over the real corpus and over generated documents:
 *  - nothing is lost: every content line of the input is found in exactly one place of the model (a section's
 *    title or text, the header, the closing block, the noise);
 *  - section paths follow the convention and are unique;
 *  - it never throws, NFD input gives the NFC model, and it is pure. (Speed is measured by `npm run bench`, never by a
 *    timed test.)
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ParsedDocument } from "../../src/domain/model.js";
import { parseDocument } from "../../src/parser/index.js";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
/** PROPERTY_RUNS=10 npx vitest run test/parser/properties.test.ts: ten times the runs, for a deeper search. */
const SCALE = Math.max(1, Number(process.env.PROPERTY_RUNS ?? 1) || 1);
const runs = (n: number) => ({ numRuns: n * SCALE });

// ---------------------------------------------------------------------------------------------------------------
// The model's places, and the input's content lines, as sequences of words (letters and digits only): Markdown
// noise, punctuation and spacing do not matter, the words and their order do.

const BOUNDARY = "\u0000";

function words(text: string): string[] {
  // Format characters (zero-width space, BOM, soft hyphen) are not separators: the parser drops them.
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .normalize("NFC").replace(/\u00D0/g, "Đ").replace(/\u00F0/g, "đ").match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/**
 * A heading marker at the start of a line ("II-", "1\.", "2.1.", "a)", "**B- ", "Điều 3.", "PHỤ LỤC II", "(2)"), a
 * table row's number alone on its line, and bullets. The marker lives on in the section's path, not in its text. Removing a little too much (a "1." that was no heading) only shortens
 * the line looked for.
 */
const MARKER =
  /^[\s*#>_\\]*(?:[-–—•*+·]\s+)?(?:\d{1,3}\.\d{1,3}(?:\.\d{1,3})?\s*[-.):/]*(?=\s|$)|(?:[A-H]|[IVXL]{1,6}|\d{1,3}|[a-zđ])\s*[.)\-–:/]+|(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ\s+)?[IVXLC\d]+)?(?=[\s*:.]|$)|Điều\s+\d+[.:]?|Chương\s+[IVXLC\d]+|\(\d{1,2}\)|(?:\d{1,3}|[IVXL]{1,6}|[A-H])\s*\**\s*$)?/u;

/** The content lines of a raw text: each table cell and each line, its heading marker removed; only those with a word. */
function contentLines(raw: string): string[][] {
  const out: string[][] = [];
  for (const line of raw.normalize("NFC").split(/\r\n?|\n/)) {
    const cells = /\|/.test(line.replace(/\\\|/g, "")) ? line.replace(/\\\|/g, " ").split("|") : [line];
    for (const cell of cells) {
      for (const part of cell.split(/<br\s*\/?>/i)) {
        // An escaped mark is punctuation, never emphasis: it separates words like a space.
        const unescaped = part.replace(/\\\*/g, " *").replace(/\\([\\`_{}[\]()#+\-.!|>~])/g, "$1").replace(/\*\*/g, "");
        const w = words(unescaped.replace(MARKER, " "));
        if (w.length) out.push(w);
      }
    }
  }
  return out;
}

/** The model's places: one per section (title and text), and the header, the closing block and the noise. */
function places(doc: ParsedDocument): string[][] {
  return [
    ...doc.sections.map((s) => words(`${s.title ?? ""} ${s.text}`)),
    words(doc.header.join(" ")),
    words(doc.closing.join(" ")),
    words(doc.noise.join(" ")),
  ];
}

function stream(parts: string[][]): string[] {
  return parts.flatMap((p) => [...p, BOUNDARY]);
}

function occurrences(hay: string[], needle: string[]): number {
  let n = 0;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    n++;
  }
  return n;
}

interface Loss {
  line: string;
  expected: number;
  found: number;
}

/**
 * Every content line is found in the model as often as it occurs in the input (so a line that occurs once is in
 * exactly one place). Short lines (< minExact words, without a unique token) only need to be found at all: a few
 * common words can also straddle two joined lines.
 */
function losses(raw: string, doc: ParsedDocument, opts: { minExact?: number; unique?: RegExp } = {}): Loss[] {
  const lines = contentLines(raw);
  const input = stream(lines);
  const output = stream(places(doc));
  const out: Loss[] = [];
  for (const line of lines) {
    const expected = occurrences(input, line);
    const found = occurrences(output, line);
    const exact = line.length >= (opts.minExact ?? 4) || (opts.unique ? line.some((w) => opts.unique!.test(w)) : false);
    if (exact ? found !== expected : found < 1) out.push({ line: line.join(" "), expected, found });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Section paths: part letter, Roman numeral, Arabic numbers, lowercase letter, in that order, each at most once
// (Arabic: one or more decimal segments).

// An attachment ("Phụ lục II", "Quy chế") and an article ("Điều 3") may open a path; a chapter is a path of its own.
const PATH =
  /^(?:(?:Phụ lục(?: [IVXLC\d]+)?(?: \(\d+\))?|Quy chế|Quy định|Đề án|Báo cáo|Kế hoạch|Chương trình hành động|Chương trình|Hướng dẫn)(?:\.|$))?(?:Chương [IVXLC\d]+$|(?:Điều \d+[a-zđ]?(?:\.|$))?(?:[A-H](?:\.|$))?(?:(?:X{0,3}(?:IX|IV|V?I{1,3}|V|X))(?:\.|$))?(?:\d+(?:\.\d+)*(?:\.|$))?(?:[a-zđ])?)$/u;

function checkPaths(doc: ParsedDocument): void {
  const ps = doc.sections.map((s) => s.path);
  expect(new Set(ps).size, JSON.stringify(ps)).toBe(ps.length);
  for (const p of ps) {
    expect(p, p).toMatch(PATH);
    expect(p.endsWith("."), p).toBe(false);
  }
  // "" only for the text before the first heading, and first.
  const empty = ps.indexOf("");
  expect(empty === -1 || empty === 0).toBe(true);
}

// ---------------------------------------------------------------------------------------------------------------

const FILES = [
  ...["000_22267c68cf188df5.txt", "002_50cfeafd4e4b0251.txt", "003_70418e7171d1c670.txt", "004_a95fb1284217b662.txt"].map((f) =>
    join(root("corpus"), f),
  ),
  join(root("../shared/corpus-extra"), "ket-luan-69-KL-TW.md"),
  join(root("../shared/corpus-extra"), "nghi-quyet-20-NQ-TW.md"),
];
/** Real documents in the state and law-library layouts (read in place, never copied). */
const DEV_FILES = [
  "kh144-ubnd-bac-ninh-2025-kinh-te-so.md",
  "kh310-ubnd-ha-noi-2025-ha-tang-5g-iot.md",
  "kh552-ubnd-dong-thap-2025-doi-moi-cong-nghe.md",
  "kl07-vptw-2025-cong-tac-van-phong.md",
  "qd2597-ttg-2025-de-an-chuyen-doi-so-xay-dung.md",
  "qd384-tw-2025-quy-dinh-chia-se-du-lieu.md",
].map((f) => join(root("../shared/corpus-dev"), f));

describe("the six documents in state and law-library layouts", () => {
  let texts: { file: string; text: string }[] = [];
  beforeAll(async () => {
    texts = await Promise.all(DEV_FILES.map(async (file) => ({ file, text: await readFile(file, "utf8") })));
  });

  // Wrapped lines are joined back into paragraphs, so a line's words may also run on across a join elsewhere:
  // each line must be found, not found exactly once.
  it("nothing is lost: every content line (each wrapped piece, each table cell) is found in the model", () => {
    for (const { file, text } of texts) {
      const doc = parseDocument(text, file);
      expect(losses(text, doc, { minExact: 99 }), file).toEqual([]);
    }
  });

  it("section paths follow the convention and are unique", () => {
    for (const { file, text } of texts) checkPaths(parseDocument(text, file));
  });

  it("NFD input gives the same model", () => {
    for (const { file, text } of texts) expect(parseDocument(text.normalize("NFD"), file), file).toEqual(parseDocument(text, file));
  });
});

describe("the six corpus documents", () => {
  let texts: { file: string; text: string }[] = [];
  beforeAll(async () => {
    texts = await Promise.all(FILES.map(async (file) => ({ file, text: await readFile(file, "utf8") })));
  });

  it("the corpus folder holds the four seeds", async () => {
    expect((await readdir(root("corpus"))).filter((f) => f.endsWith(".txt")).sort()).toEqual(
      FILES.slice(0, 4).map((f) => f.split("/").pop()),
    );
  });

  it("nothing is lost: every content line is in exactly one place", () => {
    for (const { file, text } of texts) {
      const doc = parseDocument(text, file);
      expect(losses(text, doc), file).toEqual([]);
    }
  });

  it("section paths follow the convention and are unique", () => {
    for (const { file, text } of texts) checkPaths(parseDocument(text, file));
  });

  it("the check itself sees a lost or a doubled line", () => {
    const { file, text } = texts[0]!;
    const doc = parseDocument(text, file);
    const target = doc.sections.find((s) => s.path === "III.3")!;
    const lost = { ...doc, sections: doc.sections.map((s) => (s === target ? { ...s, text: "" } : s)) };
    expect(losses(text, lost).length).toBeGreaterThan(0);
    const doubled = { ...doc, closing: [...doc.closing, target.text] };
    expect(losses(text, doubled).length).toBeGreaterThan(0);
  });

  it("NFD input and the Ð look-alike give the same model", () => {
    for (const { file, text } of texts) {
      const doc = parseDocument(text, file);
      expect(parseDocument(text.normalize("NFD"), file), file).toEqual(doc);
      expect(parseDocument(text.replace(/Đ/g, "\u00D0"), file), file).toEqual(doc);
    }
  });

  it("pure: the same input gives the same model, whatever was parsed before", () => {
    const first = texts.map(({ file, text }) => parseDocument(text, file));
    const again = [...texts].reverse().map(({ file, text }) => parseDocument(text, file));
    expect(again.reverse()).toEqual(first);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Generated documents: random headers, headings of every style, bullets, paragraphs of Vietnamese words, page
// numbers, sentences split by page breaks, Markdown noise, closing blocks. Every body line carries a unique token
// ("mã17"), so it must be found exactly once.

const VOCAB = [
  "khoa học",
  "công nghệ",
  "đổi mới",
  "sáng tạo",
  "cán bộ",
  "đảng viên",
  "tuyên truyền",
  "nâng cao",
  "nhận thức",
  "phát triển",
  "kinh tế",
  "hiện đại hóa",
  "công nghiệp hoá",
  "thực hiện",
  "kết quả",
  "nguồn nhân lực",
  "chất lượng",
  "chính sách",
  "trong",
  "của",
  "và",
  "cấp uỷ",
  "chính quyền",
  "giám sát",
  "năm 2030",
  "tầm nhìn",
];
const CAP_WORDS = ["Tăng cường", "Đẩy mạnh", "Nâng cao", "Phát huy", "Xây dựng", "Rà soát", "Chú trọng", "Đổi mới", "Ưu tiên"];
const CAPS_TITLES = ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "NHIỆM VỤ VÀ GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG NHIỆM VỤ", "QUAN ĐIỂM"];
const ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

type Counter = { n: number };
const tag = (c: Counter) => `mã${++c.n}`;

const phrase = (min: number, max: number) => fc.array(fc.constantFrom(...VOCAB), { minLength: min, maxLength: max }).map((w) => w.join(" "));

/** A sentence: capitalized opening, words, a unique token, an end mark. */
const sentence = (c: Counter) =>
  fc.tuple(fc.constantFrom(...CAP_WORDS), phrase(2, 10), fc.constantFrom(".", ";", ":", "")).map(([a, b, end]) => `${a} ${b} ${tag(c)}${end}`);

type Block = (c: Counter) => fc.Arbitrary<string>;

const paragraph: Block = (c) =>
  fc.oneof(
    sentence(c),
    // Split by a page break, with or without a page number between the halves.
    fc
      .tuple(phrase(3, 8), phrase(2, 6), fc.constantFrom("", "- 3 -", "Trang 4", "7"))
      .map(([a, b, page]) => `${CAP_WORDS[0]} ${a} ${tag(c)} và\n\n${page ? `${page}\n\n` : ""}${b} ${tag(c)}.`),
  );

const bullet: Block = (c) =>
  fc.tuple(fc.constantFrom("- ", "\\- ", "* ", "• ", "+ "), sentence(c)).map(([b, s]) => `${b}${s}`);

const wrap = (text: string) => fc.constantFrom(text, `**${text}**`, `### ${text}`, `## **${text}**`);

const heading = (c: Counter) =>
  fc.oneof(
    fc.tuple(fc.constantFrom("A", "B", "C"), fc.constantFrom("- ", ". "), fc.constantFrom(...CAPS_TITLES)).chain(([l, sep, t]) => wrap(`${l}${sep}${t} ${tag(c).toUpperCase()}`)),
    fc.tuple(fc.constantFrom(...ROMANS), fc.constantFrom(". ", "- ", "\\. "), fc.constantFrom(...CAPS_TITLES)).chain(([r, sep, t]) => wrap(`${r}${sep}${t} ${tag(c).toUpperCase()}`)),
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom(". ", "- ", "\\. ", ") "), fc.boolean(), sentence(c)).chain(([n, sep, short, s]) =>
      wrap(short ? `${n}${sep}${CAP_WORDS[1]} ${tag(c)}` : `${n}${sep}${s}`),
    ),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.constantFrom(". ", "- ", "\\. "), phrase(1, 5)).chain(([a, b, sep, p]) =>
      wrap(`${a}.${b}${sep}${CAP_WORDS[2]} ${p} ${tag(c)}`),
    ),
    fc.tuple(fc.constantFrom("a", "b", "c", "d", "đ"), sentence(c)).map(([l, s]) => `${l}) ${s}`),
  );

const pageNumber = fc.constantFrom("- 2 -", "Trang 3", "4", "– 5 –", "Trang 6/10");

const header = (c: Counter) =>
  fc.oneof(
    fc.constant(""),
    fc.tuple(fc.constantFrom("TỈNH ỦY BẮC NINH", "TỈNH UỶ QUẢNG NGÃI\nBAN TUYÊN GIÁO", "ĐẢNG BỘ TỈNH THÁI NGUYÊN\nĐẢNG UỶ KHỐI CÁC CƠ QUAN"), fc.constantFrom("Số 12-KH/TU", "Số: -HD/BTG", "Số 844 -CV/ĐU"), fc.constantFrom("KẾ HOẠCH", "HƯỚNG DẪN", "")).map(
      ([issuer, so, type]) => `${issuer}\n*\n${so}\n\nĐẢNG CỘNG SẢN VIỆT NAM\nBắc Ninh, ngày 5 tháng 3 năm 2024\n\n${type}\n${type ? "thực hiện" : "Về thực hiện"} Kết luận số 69-KL/TW ${tag(c)}\n`,
    ),
    fc.constant(`| TỈNH ỦY BẮC NINH | ĐẢNG CỘNG SẢN VIỆT NAM |\n| :---- | :---- |\n| Số 12-KH/TU | Bắc Ninh, ngày 5 tháng 3 năm 2024 |\n\nKẾ HOẠCH\nthực hiện Kết luận số 69-KL/TW\n`),
  );

const closing = fc.oneof(
  fc.constant(""),
  fc.constant("Nơi nhận:\n- Như trên,\n- Lưu VT.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nCarol\nNguyễn Văn An"),
  fc.constant("Trên đây là hướng dẫn thực hiện./.\n\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\n(Đã ký)\n\nLê Thị Hoa"),
  fc.constant("| Nơi nhận: | T/M BAN THƯỜNG VỤ |\n| :---- | :---- |\n| - Lưu VT. | BÍ THƯ |\n| | Trần Văn Bình |"),
);

/** A whole generated document. The counter makes every tagged line unique within it. */
const documentArb = fc.integer({ min: 0, max: 1e9 }).chain(() => {
  const c: Counter = { n: 0 };
  const block = fc.oneof(
    { weight: 3, arbitrary: heading(c) },
    { weight: 4, arbitrary: paragraph(c) },
    { weight: 3, arbitrary: bullet(c) },
    { weight: 1, arbitrary: pageNumber },
  );
  return fc
    .tuple(header(c), fc.array(block, { minLength: 0, maxLength: 25 }), closing, fc.constantFrom("\n\n", "\n", "\r\n\r\n"))
    .map(([h, body, cl, sep]) => [h, ...body, cl].filter(Boolean).join(sep));
});

const UNIQUE = /^mã\d+$/iu;

describe("generated documents", () => {
  it("nothing is lost: each tagged line is in exactly one place, every other line at least once", () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        const doc = parseDocument(text, "gen.md");
        const lost = losses(text, doc, { minExact: 99, unique: UNIQUE });
        if (lost.length) throw new Error(`${JSON.stringify(lost)}\n---\n${text}\n---\n${JSON.stringify(doc, null, 1)}`);
      }),
      runs(300),
    );
  });

  it("section paths follow the convention and are unique", () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        checkPaths(parseDocument(text, "gen.md"));
      }),
      runs(200),
    );
  });

  it("NFD input gives the same model", () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        expect(parseDocument(text.normalize("NFD"), "gen.md")).toEqual(parseDocument(text, "gen.md"));
      }),
      runs(100),
    );
  });
});

describe("never throws", () => {
  const FRAGMENTS = [
    "I.",
    "II-",
    "1\\.",
    "2.1.",
    "a)",
    "- ",
    "* ",
    "• ",
    "**",
    "#",
    "|",
    "| :---- |",
    "\\-",
    "Số: -HD/BTG",
    "Số 12-KH/TU",
    "Kính gửi:",
    "Nơi nhận:",
    "T/M BAN THƯỜNG VỤ",
    "K/T",
    "TL",
    "(Đã ký)",
    "Trên đây là",
    "- 2 -",
    "Trang 3",
    "Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về",
    "Nghị quyết số 20 ngày",
    "thực hiện",
    "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với",
    "báo cáo",
    "TỔ CHỨC THỰC HIỆN",
    "Bắc Ninh, ngày 5 tháng 3 năm 2024",
    "\u00D0",
    "\u0301",
    "\uFEFF",
    "\r",
    "\n",
    "\n\n",
  ];
  const mixture = fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 40 })
    .map((parts) => parts.join(""));

  it.each([
    ["strings", fc.string({ maxLength: 300 })],
    ["full Unicode", fc.string({ unit: "binary", maxLength: 300 })],
    ["graphemes", fc.string({ unit: "grapheme", maxLength: 100 })],
    ["directive fragments", mixture],
    ["lines of fragments", fc.array(mixture, { maxLength: 10 }).map((l) => l.join("\n"))],
  ])("on arbitrary %s, with valid unique paths", (_name, arb) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<string>, (text) => {
        const doc = parseDocument(text, "any.txt");
        checkPaths(doc);
        expect(doc.id).not.toBe("");
        for (const s of doc.sections) expect(typeof s.text).toBe("string");
      }),
      runs(300),
    );
  });

  it("keeps every content line of arbitrary fragment mixtures (at least once)", () => {
    fc.assert(
      fc.property(fc.array(mixture, { maxLength: 10 }).map((l) => l.join("\n")), (text) => {
        const doc = parseDocument(text, "any.txt");
        const lost = losses(text, doc, { minExact: 99 });
        if (lost.length) throw new Error(`${JSON.stringify(lost)}\n---\n${JSON.stringify(text)}\n---\n${JSON.stringify(doc, null, 1)}`);
      }),
      runs(300),
    );
  });
});
