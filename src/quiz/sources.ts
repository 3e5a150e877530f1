/**
 * The citable text of a document: each section (heading and body), the header lines and the closing lines.
 * Quotes are slices of these texts with whitespace collapsed, so they are verbatim by construction.
 */
import type { ParsedDocument } from "../domain/model.js";
import { nfc } from "../text/vietnamese.js";
import { collapse, findSpans, type Span } from "./text.js";
import type { QuotePart } from "./types.js";

export interface Source {
  part: QuotePart;
  /** Section path; "" for header and closing. */
  section: string;
  /** NFC text; spans from findSpans index into it. */
  text: string;
}

/**
 * The texts of a document's citable places, built once per document: the same string each time, so that the
 * memos downstream (normalized copies, sentence splits) find it without rehashing a new copy.
 */
const placeTexts = new WeakMap<ParsedDocument, Map<string, string | null>>();

function placeText(doc: ParsedDocument, key: string, build: () => string | null): string | null {
  let m = placeTexts.get(doc);
  if (!m) placeTexts.set(doc, (m = new Map()));
  if (!m.has(key)) m.set(key, build());
  return m.get(key)!;
}

export function sectionText(doc: ParsedDocument, path: string): string | null {
  return placeText(doc, `s:${path}`, () => {
    const s = doc.sections.find((x) => x.path === path);
    return s ? nfc([s.title, s.text].filter((x) => x && x.trim()).join("\n")) : null;
  });
}

export function headerSource(doc: ParsedDocument): Source {
  return { part: "header", section: "", text: placeText(doc, "h", () => nfc((doc.header ?? []).join("\n")))! };
}

export function closingSource(doc: ParsedDocument): Source {
  return { part: "closing", section: "", text: placeText(doc, "c", () => nfc((doc.closing ?? []).join("\n")))! };
}

export function sectionSource(doc: ParsedDocument, path: string): Source | null {
  const text = sectionText(doc, path);
  return text === null ? null : { part: "section", section: path, text };
}

/** Header, sections in order, closing. */
export function sourcesOf(doc: ParsedDocument): Source[] {
  const out: Source[] = [headerSource(doc)];
  for (const s of doc.sections) out.push(sectionSource(doc, s.path)!);
  out.push(closingSource(doc));
  return out.filter((s) => s.text.trim());
}

/**
 * Is `quote` verbatim (whitespace collapsed, NFC) in the place the citation names? Fragments joined with " … " must
 * each be there, in order.
 */
export function quoteIsVerbatim(doc: ParsedDocument, part: QuotePart, section: string, quote: string): boolean {
  const fragments = collapse(quote)
    .split(/\s…\s/u)
    .map((f) => f.trim())
    .filter(Boolean);
  if (!fragments.length) return false;
  const text = collapse(part === "header" ? headerSource(doc).text : part === "closing" ? closingSource(doc).text : (sectionText(doc, section) ?? ""));
  let from = 0;
  for (const f of fragments) {
    const at = text.indexOf(f, from);
    if (at < 0) return false;
    from = at + f.length;
  }
  return true;
}

function sentenceBounds(text: string, from: number, to: number): Span {
  // Back from `from` to the end of the previous sentence (". ", "; ", a line break): no scan of the whole prefix.
  let start = 0;
  for (let i = from - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (ch === "\n") {
      start = i + 1;
      break;
    }
    if (".;!?".includes(ch) && (i + 1 >= text.length || /\s/.test(text[i + 1]!)) && i + 1 <= from) {
      start = i + 1;
      while (start < from && /[ \t]/.test(text[start]!)) start++;
      break;
    }
  }
  let end = text.length;
  const rest = text.slice(to);
  const m = /[.;!?](?=\s|$)|\n/.exec(rest);
  if (m) end = to + m.index + (m[0] === "\n" ? 0 : 1);
  return { start, end };
}

/**
 * A subject line wrapped over several header lines ("Về tổ chức nghiên cứu, quán triệt,\nphổ biến và triển khai thực
 * hiện\nKết luận số 69-KL/TW\nngày 11/01/2024 của Bộ Chính trị"): back to its "Về …" line (at most 4 lines up) and
 * forward over lines that continue in lower case.
 */
function wrappedLines(text: string, line: Span): Span {
  const lines: Span[] = [];
  let at = 0;
  for (const l of text.split("\n")) {
    lines.push({ start: at, end: at + l.length });
    at += l.length + 1;
  }
  const i = lines.findIndex((l) => l.start <= line.start && line.start <= l.end);
  if (i < 0) return line;
  let first = i;
  for (let k = i; k >= Math.max(0, i - 4); k--) {
    if (/^\s*(Về|V\/v|Thực hiện)\s/u.test(text.slice(lines[k]!.start, lines[k]!.end))) {
      first = k;
      break;
    }
  }
  let last = i;
  while (last + 1 < lines.length && /^\s*\p{Ll}/u.test(text.slice(lines[last + 1]!.start, lines[last + 1]!.end))) last++;
  return { start: Math.min(line.start, lines[first]!.start), end: Math.max(line.end, lines[last]!.end) };
}

/**
 * A verbatim quote around `span` (and up to `through`, when the quote must also cover a later span): the sentence or
 * line that contains it, narrowed to at most `max` characters at word boundaries when the sentence is longer.
 */
export function quoteAround(text: string, span: Span, options: { max?: number; through?: number } = {}): string {
  const max = options.max ?? 320;
  const to = Math.max(span.end, options.through ?? span.end);
  const bounds = sentenceBounds(text, span.start, to);
  if (bounds.end - bounds.start < 60) Object.assign(bounds, wrappedLines(text, bounds));
  let { start, end } = bounds;
  if (end - start > max) {
    const need = to - span.start;
    const slack = Math.max(0, max - need);
    start = Math.max(bounds.start, span.start - Math.floor(slack / 3));
    end = Math.min(bounds.end, start + Math.max(max, need));
    // Word boundaries: never cut inside a word.
    while (start > bounds.start && /\S/.test(text[start - 1]!)) start++;
    while (end < bounds.end && /\S/.test(text[end]!) && end > to) end--;
    if (start > span.start) start = span.start;
    // Prefer to begin and end at a clause (", ") when one is at hand: a quote that starts mid-phrase reads badly.
    if (start > bounds.start) {
      const clause = text.slice(start, span.start).indexOf(", ");
      if (clause >= 0) start += clause + 2;
    }
    if (end < bounds.end) {
      const clause = text.slice(to, end).lastIndexOf(", ");
      if (clause >= 0) end = to + clause;
    }
  }
  return collapse(text.slice(start, end)).replace(/^[-–•*+\s]+/, "");
}

/** First occurrence of `needle` in any of the sources (in order), with the source. */
/** Where a located answer is quoted: the part and section of its source and the sentence around it. */
export function quotedAt(found: { source: Source; span: Span }): { part: Source["part"]; section: string; quote: string } {
  return { part: found.source.part, section: found.source.section, quote: quoteAround(found.source.text, found.span) };
}

export function locate(sources: Source[], needle: string): { source: Source; span: Span } | null {
  for (const source of sources) {
    const span = findSpans(source.text, needle)[0];
    if (span) return { source, span };
  }
  return null;
}
