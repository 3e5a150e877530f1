/**
 * Text helpers for building and checking quiz items: comparisons that treat NFC/NFD, the two tone-mark conventions,
 * case and runs of whitespace as equal, and span search that returns offsets in the original text (so a quote is
 * always a slice of the source, verbatim by construction).
 */
import { createHash } from "node:crypto";
import { nfc, normalizeVi } from "../text/vietnamese.js";

/** NFC and whitespace collapsed: the form quotes are stored and compared in. */
export function collapse(text: string): string {
  return text.length > 200 ? recentCollapse(text) : shortCollapse(text);
}

/**
 * A memo of the last few long texts: a section is searched and quoted many times while its items are built, and the
 * bank moves from one document to the next, so the few sections of the document at hand are all it needs to hold.
 */
export function memoRecent<T>(fn: (text: string) => T, size = 16): (text: string) => T {
  const cache = new Map<string, T>();
  // The text asked last, compared before the map: most calls ask the text the one before asked, and a long text that
  // is a fresh string (a slice, a template) is hashed in full by every map lookup; this compares only its length then.
  let lastText: string | null = null;
  let lastOut: T | undefined;
  return (text) => {
    if (text === lastText) return lastOut!;
    let out = cache.get(text);
    if (out === undefined) {
      out = fn(text);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      cache.set(text, out);
    }
    lastText = text;
    lastOut = out;
    return out;
  };
}

const collapseNow = (text: string) => nfc(text).replace(/\s+/g, " ").trim();
const recentCollapse = memoRecent(collapseNow, 64);

/**
 * A bounded memo for short strings: options, body names and terms are compared thousands of times while a bank is
 * built (each candidate against each answer), and normalizing Vietnamese is the bulk of that work.
 */
export function memoShort(fn: (text: string) => string, limit = 200_000): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    if (text.length > 200) return fn(text);
    let out = cache.get(text);
    if (out === undefined) {
      out = fn(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, out);
    }
    return out;
  };
}

const shortCollapse = memoShort(collapseNow);

/** Lowercase, NFC, one tone convention, whitespace collapsed: the form answers are compared in. */
export const normCheck = (text: string): string => (text.length > 200 ? recentNormCheck(text) : shortNormCheck(text));
const shortNormCheck = memoShort((text: string) => normalizeVi(collapse(text)));
const recentNormCheck = memoRecent((text: string) => normalizeVi(collapse(text)), 64);

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `needle` occurs in `haystack` as whole words (normCheck on both sides). */
export function containsPhrase(haystack: string, needle: string): boolean {
  return containsNormalized(normCheck(haystack), needle);
}

/** containsPhrase with a haystack already in normCheck form (for searching one long text many times). */
export function containsNormalized(h: string, needle: string): boolean {
  const n = normCheck(needle);
  if (n.length > h.length) return false;
  if (!n) return false;
  let from = 0;
  for (;;) {
    const at = h.indexOf(n, from);
    if (at < 0) return false;
    const before = at > 0 ? h[at - 1]! : " ";
    const after = at + n.length < h.length ? h[at + n.length]! : " ";
    if (!(WORD_CHAR.test(n[0]!) && WORD_CHAR.test(before)) && !(WORD_CHAR.test(n[n.length - 1]!) && WORD_CHAR.test(after))) return true;
    from = at + 1;
  }
}

/** Two phrases are the same answer (normCheck-equal). */
export function sameText(a: string, b: string): boolean {
  return normCheck(a) === normCheck(b);
}

export interface Span {
  start: number;
  end: number;
}

/**
 * A normalized copy of a source (normCheck's form: lowercase, one tone convention, whitespace runs as one space) and
 * where its words stand in `nfc(source)`: a word's start in each, and whether normalizing kept its length (then each
 * character maps one to one; else the whole word maps to its start). A space maps to the start of the word after it.
 */
interface NormalizedSource {
  norm: string;
  normStarts: Int32Array;
  srcStarts: Int32Array;
  /** 1 when the word kept its length. */
  same: Uint8Array;
  srcLength: number;
}

const normalizedWithMap = memoRecent((source: string): NormalizedSource => {
  const src = nfc(source);
  // Normalized whole in one pass when that keeps every character in place (lowercasing and the tone convention do in
  // NFC text): then only the whitespace runs move. Else word by word.
  const whole = normalizeVi(src);
  const inPlace = whole.length === src.length;
  const parts: string[] = [];
  const normStarts: number[] = [];
  const srcStarts: number[] = [];
  const same: number[] = [];
  let length = 0;
  for (const m of src.matchAll(/\S+/g)) {
    if (parts.length) {
      parts.push(" ");
      length++;
    }
    const word = inPlace ? whole.slice(m.index, m.index + m[0].length) : normalizeVi(m[0]);
    normStarts.push(length);
    srcStarts.push(m.index);
    same.push(word.length === m[0].length ? 1 : 0);
    parts.push(word);
    length += word.length;
  }
  return { norm: parts.join(""), normStarts: Int32Array.from(normStarts), srcStarts: Int32Array.from(srcStarts), same: Uint8Array.from(same), srcLength: src.length };
}, 64);

/** The index in `nfc(source)` of index i of its normalized copy. */
function sourceIndex(n: NormalizedSource, i: number): number {
  if (i >= n.norm.length) return n.srcLength;
  let lo = 0;
  let hi = n.normStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (n.normStarts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  const next = lo + 1 < n.normStarts.length ? n.normStarts[lo + 1]! : n.norm.length + 1;
  // The space before the next word maps to that word's start.
  if (i === next - 1 && lo + 1 < n.normStarts.length) return n.srcStarts[lo + 1]!;
  return n.same[lo] ? n.srcStarts[lo]! + (i - n.normStarts[lo]!) : n.srcStarts[lo]!;
}

/**
 * Where `needle` occurs in `source` as whole words, ignoring case, tone convention and whitespace runs.
 * Offsets are in `nfc(source)`. Returns every match, in order.
 */
export function findSpans(source: string, needle: string): Span[] {
  const target = normCheck(needle);
  if (!target) return [];
  const n = normalizedWithMap(source);
  const norm = n.norm;
  const out: Span[] = [];
  let from = 0;
  for (;;) {
    const at = norm.indexOf(target, from);
    if (at < 0) return out;
    from = at + 1;
    const before = at > 0 ? norm[at - 1]! : " ";
    const after = at + target.length < norm.length ? norm[at + target.length]! : " ";
    if (WORD_CHAR.test(target[0]!) && WORD_CHAR.test(before)) continue;
    if (WORD_CHAR.test(target[target.length - 1]!) && WORD_CHAR.test(after)) continue;
    out.push({ start: sourceIndex(n, at), end: sourceIndex(n, at + target.length - 1) + 1 });
  }
}

export function findSpan(source: string, needle: string): Span | null {
  return findSpans(source, needle)[0] ?? null;
}

/** Consecutive syllable pairs within punctuation-free runs. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normCheck(text).split(/[^\p{L}\p{N}\s]+/u)) {
    const s = run.split(/\s+/).filter(Boolean);
    for (let i = 0; i + 1 < s.length; i++) out.push(`${s[i]} ${s[i + 1]}`);
  }
  return out;
}

/** Short stable id of some content: 10 base64url characters of a SHA-1. */
export function hashId(...parts: string[]): string {
  return createHash("sha1").update(parts.join("\u241f")).digest("base64url").slice(0, 10);
}

/** A deterministic pseudo-random generator (mulberry32) seeded from a string. */
export function seeded(seed: string): () => number {
  let a = createHash("sha1").update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator: same seed, same order. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const rand = seeded(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Upper-case the first letter (options start with a capital, like a cadre writes them). */
export function capitalize(text: string): string {
  return text ? text[0]!.toLocaleUpperCase("vi") + text.slice(1) : text;
}

/** Lower-case the first letter unless the first word looks like a name (two capitals, an acronym). */
export function decapitalize(text: string): string {
  const first = text.split(/\s+/, 1)[0] ?? "";
  if (/^\p{Lu}{2,}/u.test(first)) return text;
  return text ? text[0]!.toLocaleLowerCase("vi") + text.slice(1) : text;
}

/**
 * Cut `text` to at most `max` characters at a word boundary, preferring a clause boundary (",", ";"), and mark the
 * cut with "…". Text that fits is returned unchanged.
 */
export function clip(text: string, max: number): string {
  const t = collapse(text);
  if (t.length <= max) return t;
  const room = t.slice(0, max - 1);
  const clause = Math.max(room.lastIndexOf(", "), room.lastIndexOf("; "));
  const cut = clause >= max * 0.6 ? clause : room.lastIndexOf(" ");
  return `${room.slice(0, cut > 0 ? cut : max - 1).replace(/[\s,;:.\-–]+$/, "")}…`;
}

/** All letters upper case ("MỤC ĐÍCH, YÊU CẦU"): a structural heading, not content. */
export function isUpperLabel(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toLocaleUpperCase("vi");
}
