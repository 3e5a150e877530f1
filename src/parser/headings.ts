/**
 * Section heading markers seen in real directive documents: capital parts "A-", Roman "I." / "II-",
 * Arabic "1." / "1-" / "1)" / "1/", decimal "2.1-" / "2.1.", letters "a)". Bullets (- * • +) are not headings.
 */

export type HeadingKind = "part" | "roman" | "arabic" | "decimal" | "letter";

export interface HeadingMarker {
  kind: HeadingKind;
  /** Segments this marker sets: ["B"], ["III"], ["2"], ["2", "1"], ["a"]. */
  segments: string[];
  /** Text after the marker. */
  rest: string;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))$/;

export function matchHeading(text: string): HeadingMarker | null {
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

/** Tracks the current position in the section tree and turns markers into paths. */
export class PathTracker {
  private part: string | null = null;
  private roman: string | null = null;
  private arabic: string | null = null;
  private subs: string[] = [];
  private letter: string | null = null;

  enter(marker: HeadingMarker): string {
    switch (marker.kind) {
      case "part":
        this.part = marker.segments[0]!;
        this.roman = this.arabic = this.letter = null;
        this.subs = [];
        break;
      case "roman":
        this.roman = marker.segments[0]!;
        this.arabic = this.letter = null;
        this.subs = [];
        break;
      case "arabic":
        this.arabic = marker.segments[0]!;
        this.subs = [];
        this.letter = null;
        break;
      case "decimal":
        this.arabic = marker.segments[0]!;
        this.subs = marker.segments.slice(1);
        this.letter = null;
        break;
      case "letter":
        this.letter = marker.segments[0]!;
        break;
    }
    return this.path();
  }

  path(): string {
    return [this.part, this.roman, this.arabic, ...this.subs, this.letter].filter((s): s is string => Boolean(s)).join(".");
  }
}
