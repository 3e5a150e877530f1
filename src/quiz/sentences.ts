/**
 * Cutting section text into the pieces quiz items are made of, with offsets into the text (so that every quote and
 * every answer is a slice of the source): sentences, clauses (at ";"), and enumerations of short noun phrases
 * ("khu công nghệ cao, trung tâm tài chính, quỹ đầu tư mạo hiểm, trường đại học, viện nghiên cứu"). Results are
 * kept for the last few texts: the generators of one document each walk its sections. Callers must not modify them.
 */
import { memoRecent } from "./text.js";

export interface Piece {
  text: string;
  start: number;
  end: number;
}

function trimmed(text: string, start: number, end: number): Piece | null {
  let s = start;
  let e = end;
  // Leading whitespace and a bullet ("- ", "• ", "+ ") are not part of the sentence.
  while (s < e && /[\s\-–•*+]/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return e > s ? { text: text.slice(s, e), start: s, end: e } : null;
}

/** Sentences: end at ". ", "! ", "? " (before a capital, a bullet or the end) or at a line break. */
export const sentencesOf = memoRecent(sentencesNow, 64);

function sentencesNow(text: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  const re = /[.!?](?=\s+(?:[\p{Lu}\-–•"“(\d])|\s*$)|\n/gu;
  for (const m of text.matchAll(re)) {
    const end = m[0] === "\n" ? m.index : m.index + 1;
    const p = trimmed(text, start, end);
    if (p) out.push(p);
    start = m.index + m[0].length;
  }
  const last = trimmed(text, start, text.length);
  if (last) out.push(last);
  return out;
}

/** Clauses: sentences cut at "; " (directive prose strings its measures together with semicolons). */
export const clausesOf = memoRecent(clausesNow, 64);

function clausesNow(text: string): Piece[] {
  const out: Piece[] = [];
  for (const s of sentencesOf(text)) {
    let from = s.start;
    for (const m of s.text.matchAll(/;\s+/g)) {
      const p = trimmed(text, from, s.start + m.index);
      if (p) out.push(p);
      from = s.start + m.index + m[0].length;
    }
    const p = trimmed(text, from, s.end);
    if (p) out.push(p);
  }
  return out.map((p) => ({ ...p, ...stripEnd(text, p) }));
}

/** A clause without its final full stop. */
function stripEnd(text: string, p: Piece): Piece {
  let e = p.end;
  while (e > p.start && /[.;:,]/.test(text[e - 1]!)) e--;
  return { text: text.slice(p.start, e), start: p.start, end: e };
}

/** A code unit JavaScript's `\s` matches. */
const isWhitespace = (c: number) =>
  (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Words of a text (runs between whitespace), counted in one pass: it is asked of every candidate statement. */
export const wordCount = (text: string) => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhitespace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
};

export interface Enumeration {
  /** The clause the enumeration stands in. */
  clause: Piece;
  items: Piece[];
}

/**
 * Runs of comma-separated short phrases (2–6 syllables each) within one clause, after its first segment: that one
 * carries the clause's lead-in ("hình thành các cụm … với khu công nghệ cao").
 */
export const enumerations = memoRecent(enumerationsNow, 64);

function enumerationsNow(text: string): Enumeration[] {
  const out: Enumeration[] = [];
  for (const clause of clausesOf(text)) {
    const segments: Piece[] = [];
    let from = clause.start;
    for (const m of clause.text.matchAll(/,\s+/g)) {
      segments.push({ text: text.slice(from, clause.start + m.index), start: from, end: clause.start + m.index });
      from = clause.start + m.index + m[0].length;
    }
    segments.push({ text: text.slice(from, clause.end), start: from, end: clause.end });
    let run: Piece[] = [];
    // Three short items make a list; in a clause of four segments or more (a list whose ends carry other words:
    // "…với khu công nghệ cao, trung tâm tài chính, …, chợ đầu mối ở các vùng trọng điểm") two are enough.
    const least = segments.length >= 4 ? 2 : 3;
    const flush = () => {
      if (run.length >= least) out.push({ clause, items: run });
      run = [];
    };
    // The first segment of a clause carries its lead-in or subject: never an item.
    for (const [i, seg] of segments.entries()) {
      if (i === 0) continue;
      const n = wordCount(seg.text);
      const short = n >= 2 && n <= 6 && /^[\p{Ll}\p{Lu}]/u.test(seg.text) && !/[:()"“”]/u.test(seg.text);
      if (short) run.push(seg);
      else flush();
    }
    flush();
  }
  return out;
}
