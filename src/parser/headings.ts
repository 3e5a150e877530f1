/**
 * Section heading markers seen in real directive documents: capital parts "A-", Roman "I." / "II-",
 * Arabic "1." / "1-" / "1)" / "1/", decimal "2.1-" / "2.1.", letters "a)". Bullets (- * • +) are not headings.
 */

export type HeadingKind = "part" | "roman" | "arabic" | "decimal" | "paren" | "letter" | "article" | "chapter";

export interface HeadingMarker {
  kind: HeadingKind;
  /** Segments this marker sets: ["B"], ["III"], ["2"], ["2", "1"], ["a"]. */
  segments: string[];
  /** Text after the marker. */
  rest: string;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))$/;

/** "Điều 5.", "Điều 5:", "Điều 5 Phạm vi…": an article. */
const ARTICLE = /^Điều\s+(\d{1,3}[a-zđ]?)\s*(?:[.:]\s*|\s+(?=\p{Lu})|$)/u;
/** "Chương I", "CHƯƠNG II", "Chương 3": a chapter (a title, never a path segment of what it holds). */
const CHAPTER = /^(?:Chương|CHƯƠNG)\s+([IVXLC]{1,6}|\d{1,2})(?=[\s.:-]|$)\s*[.:-]?\s*/u;

/**
 * "PHẦN I", "Phần II.", "PHẦN THỨ HAI": a part of a Party programme or report, numbered as a Roman section is (its
 * items "1.", "2." are "II.1", "II.2", as a reader cites them). An ordinal word only after "thứ": "Phần năm 2025…"
 * is no heading.
 */
const PART_WORD = /^(?:PHẦN|Phần)\s+(?:([IVX]{1,5})|(?:THỨ|thứ)\s+(NHẤT|nhất|HAI|hai|BA|ba|TƯ|tư|BỐN|bốn|NĂM|năm|SÁU|sáu|BẢY|bảy|TÁM|tám|CHÍN|chín|MƯỜI|mười))(?=$|\s*[.:\-–]|\s+\p{Lu})\s*[.:\-–]?\s*/u;
const ORDINAL: Record<string, string> = { nhất: "I", hai: "II", ba: "III", tư: "IV", bốn: "IV", năm: "V", sáu: "VI", bảy: "VII", tám: "VIII", chín: "IX", mười: "X" };

export function matchHeading(text: string): HeadingMarker | null {
  const partWord = PART_WORD.exec(text);
  if (partWord && (!partWord[1] || ROMAN.test(partWord[1]))) {
    return { kind: "roman", segments: [partWord[1] ?? ORDINAL[partWord[2]!.toLowerCase()]!], rest: text.slice(partWord[0].length).trim() };
  }
  const article = ARTICLE.exec(text);
  if (article) return { kind: "article", segments: [`Điều ${article[1]}`], rest: text.slice(article[0].length).trim() };
  const chapter = CHAPTER.exec(text);
  if (chapter) return { kind: "chapter", segments: [`Chương ${chapter[1]}`], rest: text.slice(chapter[0].length).trim() };
  let m = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\s*[-.):]?\s+(?=\S)/.exec(text);
  if (m && !/^\d{1,2}\.\d{1,2}\s*(%|tỷ|triệu|nghìn)/.test(text)) {
    return { kind: "decimal", segments: [m[1]!, m[2]!, ...(m[3] ? [m[3]] : [])], rest: text.slice(m[0].length).trim() };
  }
  m = /^([IVX]{1,5})\s*[-.)]\s*(?=\S)/.exec(text);
  if (m && ROMAN.test(m[1]!) && m[1]) {
    return { kind: "roman", segments: [m[1]], rest: text.slice(m[0].length).trim() };
  }
  m = /^([A-H])\s*[-.)]\s+(?=[\p{Lu}\d])/u.exec(text);
  if (m) return { kind: "part", segments: [m[1]!], rest: text.slice(m[0].length).trim() };
  // Arabic: "1." / "1-" / "1)" then text. A number followed by a type code ("20-NQ/TW") is not a heading.
  m = /^(\d{1,2})\s*(?:[.)]\s*|[-–\/]\s+)(?=\S)/.exec(text);
  if (m && !/^\d{1,2}\s*[-–]\s*[\p{L}&]{1,8}\s*\//u.test(text) && !/^\d{1,2}\.\d/.test(text)) {
    return { kind: "arabic", segments: [m[1]!], rest: text.slice(m[0].length).trim() };
  }
  // "(1) Công tác tham mưu…": numbered items inside a numbered part.
  m = /^\((\d{1,2})\)\s*(?=\S)/.exec(text);
  if (m) return { kind: "paren", segments: [m[1]!], rest: text.slice(m[0].length).trim() };
  m = /^([a-zđ])\s*\)\s*(?=\S)/.exec(text) ?? /^([a-zđ])[./]\s+(?=\p{Lu})/u.exec(text);
  if (m) return { kind: "letter", segments: [m[1]!], rest: text.slice(m[0].length).trim() };
  return null;
}

/** The marker of a bullet line, to strip it. */
export const BULLET_MARK = /^[-–—•*+·◦▪▫►➢➤✓○●■□]\s*/u;

/** A bullet line inside an item. */
export function isBullet(text: string): boolean {
  return /^[-–—•*+·◦▪▫►➢➤✓○●■□]\s*\S/u.test(text) && !/^[-–—]\s*\d{1,3}\s*[-–—]$/.test(text);
}

/**
 * Tracks the current position in the section tree and turns markers into paths. An attachment (an appendix, an
 * attached regulation) prefixes every path inside it ("Phụ lục II.3", "Quy chế.Điều 2"); an article prefixes its
 * clauses and points ("Điều 3.2.a"); a chapter is a title only: its own path is "Chương II", and the articles it
 * holds keep theirs.
 */
export class PathTracker {
  private prefix: string | null = null;
  private article: string | null = null;
  private part: string | null = null;
  private roman: string | null = null;
  private arabic: string | null = null;
  private subs: string[] = [];
  private paren: string | null = null;
  private letter: string | null = null;

  /** Enter an attachment ("Phụ lục II", "Quy chế"): everything after is under it. */
  enterAttachment(label: string): string {
    this.prefix = label;
    this.article = this.part = this.roman = this.arabic = this.paren = this.letter = null;
    this.subs = [];
    return label;
  }

  enter(marker: HeadingMarker): string {
    switch (marker.kind) {
      case "chapter":
        this.article = this.part = this.roman = this.arabic = this.paren = this.letter = null;
        this.subs = [];
        return [this.prefix, marker.segments[0]].filter(Boolean).join(".");
      case "article":
        this.article = marker.segments[0]!;
        this.part = this.roman = this.arabic = this.paren = this.letter = null;
        this.subs = [];
        break;
      case "part":
        this.part = marker.segments[0]!;
        this.roman = this.arabic = this.paren = this.letter = null;
        this.subs = [];
        break;
      case "roman":
        this.roman = marker.segments[0]!;
        this.arabic = this.paren = this.letter = null;
        this.subs = [];
        break;
      case "arabic":
        this.arabic = marker.segments[0]!;
        this.subs = [];
        this.paren = this.letter = null;
        break;
      case "decimal":
        this.arabic = marker.segments[0]!;
        this.subs = marker.segments.slice(1);
        this.paren = this.letter = null;
        break;
      case "paren":
        this.paren = marker.segments[0]!;
        this.letter = null;
        break;
      case "letter":
        this.letter = marker.segments[0]!;
        break;
    }
    return this.path();
  }

  path(): string {
    return [this.prefix, this.article, this.part, this.roman, this.arabic, ...this.subs, this.paren, this.letter].filter((s): s is string => Boolean(s)).join(".");
  }
}
