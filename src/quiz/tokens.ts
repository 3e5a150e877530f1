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

function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
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

const SYLLABLE = /[\p{L}\p{M}\p{N}]+/gu;
const BREAK = /[^\p{L}\p{M}\p{N}\s]/u;

/** Ids of every syllable of a text. */
export function syllableIds(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(SYLLABLE)) out.push(syllableId(m[0]));
  return out;
}

/** Every syllable, normalized. */
export function syllablesOf(text: string): string[] {
  return syllableIds(text).map((id) => normById[id]!);
}

/** A pair of syllable ids as one number (ids stay far below 2^21; the product stays a safe integer). */
export const pairId = (a: number, b: number) => a * 0x200000 + b;
const pair = pairId;

/** Adjacent syllable pairs within punctuation-free runs ("hạn chế, yếu kém" gives no "chế yếu"), as numbers. */
export function pairsOf(text: string): number[] {
  const out: number[] = [];
  for (const run of text.split(BREAK)) {
    let prev = 0;
    for (const m of run.matchAll(SYLLABLE)) {
      const s = syllableId(m[0]);
      if (prev) out.push(pair(prev, s));
      prev = s;
    }
  }
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
  let last = 0;
  for (const m of text.matchAll(SYLLABLE)) {
    // Punctuation between this syllable and the last one starts a new run (whitespace does not).
    let brk = ids.length === 0;
    for (let i = last; !brk && i < m.index; i++) {
      const c = text.charCodeAt(i);
      brk = !(c === 32 || c === 10 || c === 9 || c === 13 || c === 160);
    }
    starts.push(brk ? 1 : 0);
    ids.push(syllableId(m[0]));
    last = m.index + m[0].length;
  }
  return { ids: Uint32Array.from(ids), runStart: Uint8Array.from(starts) };
}

/** The word pairs of tokens (no pair across punctuation). */
export function pairsOfTokens(t: Tokens): number[] {
  const out: number[] = [];
  for (let i = 1; i < t.ids.length; i++) if (!t.runStart[i]) out.push(pair(t.ids[i - 1]!, t.ids[i]!));
  return out;
}
