/**
 * Syllables of a text as numbers, fast: the raw text is split once and each distinct raw syllable is normalized
 * once (NFC, lower case, one tone convention) and given an id. A corpus has a few tens of thousands of distinct
 * syllables, so the attested-phrase index and the word-pair counts of two thousand documents cost one split of each
 * text instead of normalizing it whole, and pairs of syllables are numbers, not strings.
 */
import { normalizeVi } from "../text/vietnamese.js";

const idByRaw = new Map<string, number>();
const idByNorm = new Map<string, number>();
const normById: string[] = [""];
/**
 * A hash of each syllable's normalized form: ids depend on the order a thread meets syllables in, hashes do not, so
 * phrase tables built on different threads agree.
 */
const hashById: number[] = [0];

/** murmur3's finaliser: spreads close values (sequential ids, FNV sums) over 32 bits. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** The normalized form of a syllable id. */
export function syllableText(id: number): string {
  return normById[id]!;
}

/** The thread-independent hash of a syllable id. */
export function syllableHash(id: number): number {
  return hashById[id]!;
}

/** The id of a syllable's normalized form (the same for "hoá" and "hóa", "Ủy" and "uỷ"). */
export function syllableId(raw: string): number {
  let id = idByRaw.get(raw);
  if (id === undefined) {
    const norm = normalizeVi(raw);
    id = idByNorm.get(norm);
    if (id === undefined) {
      id = normById.length;
      normById.push(norm);
      hashById.push(stableHash(norm));
      idByNorm.set(norm, id);
    }
    idByRaw.set(raw, id);
  }
  return id;
}

/**
 * Which UTF-16 code units belong to a syllable (letters, combining marks, digits; surrogates count as letters):
 * a table built once, so splitting a text is one pass over its code units with no regular expression.
 */
const WORD = (() => {
  const table = new Uint8Array(0x10000);
  const re = /[\p{L}\p{M}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) table[c] = 1;
    else if (c < 0x80) table[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
    else table[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return table;
})();

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 0x2028 || c === 0x2029;

/**
 * Raw syllables already seen, by a hash of their code units: a text's syllables are looked up without cutting
 * them out of the text (no new string per syllable), and only a syllable never seen before is normalized.
 */
interface RawEntry {
  raw: string;
  id: number;
  next: RawEntry | null;
}
const rawByHash = new Map<number, RawEntry>();

function idAt(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  let e = rawByHash.get(h) ?? null;
  for (; e; e = e.next) {
    const r = e.raw;
    if (r.length !== to - from) continue;
    let same = true;
    for (let i = 0; same && i < r.length; i++) same = r.charCodeAt(i) === text.charCodeAt(from + i);
    if (same) return e.id;
  }
  const raw = text.slice(from, to);
  const id = syllableId(raw);
  rawByHash.set(h, { raw, id, next: rawByHash.get(h) ?? null });
  return id;
}

/**
 * Walk the syllables of a text: `visit(id, afterBreak, start, end)` for each, afterBreak when punctuation (not only whitespace)
 * stands between it and the previous one, or it is the first.
 */
export function scan(text: string, visit: (id: number, afterBreak: boolean, start: number, end: number) => void): void {
  let brk = true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (WORD[c]) {
      let j = i + 1;
      while (j < n && WORD[text.charCodeAt(j)]) j++;
      visit(idAt(text, i, j), brk, i, j);
      brk = false;
      i = j;
    } else {
      if (!isSpace(c)) brk = true;
      i++;
    }
  }
}

/** The first `n` syllables of a text, normalized (the rest of the text is not split). */
export function firstSyllables(text: string, n: number): string[] {
  let words = 0;
  let i = 0;
  const len = text.length;
  while (i < len && words < n) {
    if (WORD[text.charCodeAt(i)]) {
      while (i < len && WORD[text.charCodeAt(i)]) i++;
      words++;
    } else i++;
  }
  return syllablesOf(i < len ? text.slice(0, i) : text);
}

/** Ids of every syllable of a text. */
export function syllableIds(text: string): number[] {
  const out: number[] = [];
  scan(text, (id) => out.push(id));
  return out;
}

/** Every syllable, normalized. */
export function syllablesOf(text: string): string[] {
  return syllableIds(text).map((id) => normById[id]!);
}

/** A pair of syllable ids as one number (ids stay far below 2^21; the product stays a safe integer). */
export const pairId = (a: number, b: number) => a * 0x200000 + b;

/** Adjacent syllable pairs within punctuation-free runs ("hạn chế, yếu kém" gives no "chế yếu"), as numbers. */
export function pairsOf(text: string): number[] {
  const out: number[] = [];
  let prev = 0;
  scan(text, (id, afterBreak) => {
    if (prev && !afterBreak) out.push(pairId(prev, id));
    prev = id;
  });
  return out;
}

export interface Tokens {
  /** Syllable ids in order. */
  ids: Uint32Array;
  /** 1 where a syllable follows punctuation (a pair across it is not a word pair). */
  runStart: Uint8Array;
}

/** Syllable ids of a text with the punctuation breaks between them. */
export function tokensOf(text: string): Tokens {
  const ids: number[] = [];
  const starts: number[] = [];
  scan(text, (id, afterBreak) => {
    ids.push(id);
    starts.push(afterBreak ? 1 : 0);
  });
  return { ids: Uint32Array.from(ids), runStart: Uint8Array.from(starts) };
}

/** The word pairs of tokens (no pair across punctuation). */
export function pairsOfTokens(t: Tokens): number[] {
  const out: number[] = [];
  for (let i = 1; i < t.ids.length; i++) if (!t.runStart[i]) out.push(pairId(t.ids[i - 1]!, t.ids[i]!));
  return out;
}
