/**
 * The embedded store's inverted index, compressed: about 1.5 bytes per posting instead of 8, and scored straight
 * from the compressed bytes.
 *
 * - Dictionary: the term ids in ascending order (binary search), each term's byte range in the postings, its
 *   document frequency (idf is computed from it at query time) and one flag bit.
 * - Postings of a term: its chunks in ascending order as gaps, each gap − 1 as a varint (7 bits a byte, low bits
 *   first): a term found in many chunks costs one byte a posting.
 * - Weights: a chunk's BM25 weights take few distinct values (one per term frequency: a chunk's length fixes the
 *   rest), so each chunk keeps a small table of its distinct values, most frequent first, stored exactly (float32,
 *   as before), and a posting names an entry of its chunk's table. Entry 0 (usually tf = 1) costs nothing: a term
 *   whose postings all use entry 0 stores gaps only; a term that has others (flag set; nearly every frequent term)
 *   starts with the byte length of its gaps (varint), then the gaps, then its exceptions: for each posting not at
 *   entry 0, its position among the term's postings (as a gap from the previous exception's, minus one) and its
 *   entry number minus one. The decoding loop then stays a loop over gaps with one comparison for exceptions.
 * - Frequent terms (found in more than about an eighth of the chunks) are bitmaps instead, whichever is smaller:
 *   one bit per chunk for the term, one per chunk whose posting is not at entry 0, a running count of the latter
 *   every 8 words, and those postings' entry numbers (a byte each). They carry most of a question's postings, and a
 *   bitmap lets scoring visit only the chunks that can still reach the top (see rankTerms) a word at a time.
 * Everything is in typed arrays, written to and read from index.bin without conversion.
 */
import { idf } from "./idf.js";

/** Uncompressed inverted lists: term ids ascending, postings of term k in [starts[k], starts[k + 1]). */
export interface InvertedLists {
  terms: Uint32Array;
  starts: Uint32Array;
  /** Chunk numbers, ascending within a term. */
  docs: Uint32Array;
  /** Each posting's entry in its chunk's weight table (see weightTables). */
  entries: Uint16Array;
}

/** Per chunk, its most frequent weight and the others (see CompressedPostings). */
export interface WeightTables {
  v0: Float32Array;
  restStart: Uint32Array;
  rest: Float32Array;
}

export interface CompressedPostings {
  /** Term ids, ascending. */
  terms: Uint32Array;
  /** Byte offset of each term's postings in `bytes` (termCount + 1 entries). */
  postStart: Uint32Array;
  /** Document frequency of each term, with FLAG set when its postings carry entry numbers, BITMAP for a bitmap. */
  dfFlags: Uint32Array;
  /** Each term's largest weight: with the query weight and idf, the most it adds to any chunk (for pruning). */
  termMax: Float32Array;
  /**
   * The postings of all terms (term k's at postStart[k]), starting on a multiple of 4 bytes; or null when they stay on
   * disk and are read term by term (`read`).
   */
  bytes: Uint8Array | null;
  /** Term k's postings when `bytes` is null: a copy whose byte 0 is the term's first, and the same as 32-bit words. */
  read: ((k: number) => TermBytes) | null;
  /** Per chunk: its most frequent weight (entry 0). */
  v0: Float32Array;
  /** Per chunk: where its other weights (entries 1…) start in `rest` (n + 1 entries). */
  restStart: Uint32Array;
  rest: Float32Array;
}

/** One term's postings read from disk (see CompressedPostings.read). */
export interface TermBytes {
  bytes: Uint8Array;
  words: Uint32Array;
}

/** Bytes of term k's postings. */
export function postingsLength(p: CompressedPostings, k: number): number {
  return p.postStart[k + 1]! - p.postStart[k]!;
}

const FLAG = 0x8000_0000;
const BITMAP = 0x4000_0000;
const DF_MASK = 0x3fff_ffff;
/** Words of a bitmap between two running counts of its exception bits. */
const RANK_WORDS = 8;
/** Varints of at most 4 bytes (28 bits) keep the decoder in 32-bit integer arithmetic. */
export const MAX_CHUNKS = 2 ** 28;

/** Growable byte buffer for the encoder. */
class Bytes {
  buf = new Uint8Array(1 << 16);
  length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + bytes));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  append(other: Bytes): void {
    this.reserve(other.length);
    this.buf.set(other.buf.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  /** Pad with zeros to a multiple of 4 (bitmaps are read as 32-bit words). */
  align4(): void {
    this.reserve(3);
    while (this.length % 4) this.buf[this.length++] = 0;
  }

  word(v: number): void {
    this.reserve(4);
    this.buf[this.length++] = v & 0xff;
    this.buf[this.length++] = (v >>> 8) & 0xff;
    this.buf[this.length++] = (v >>> 16) & 0xff;
    this.buf[this.length++] = (v >>> 24) & 0xff;
  }

  byte(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  varint(v: number): void {
    this.reserve(5);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }
}

/**
 * Each chunk's table of distinct weights (entry 0 its most frequent, see the file's head) and each posting's entry in
 * it, read from the chunk-major vectors (chunk d's weights in values[offsets[d] … offsets[d + 1])) in one sequential
 * pass: `entry[j]` belongs to values[j]. Ties of count: smaller value first, so the same vectors give the same bytes.
 */
export function weightTables(n: number, offsets: Uint32Array, values: Float32Array): WeightTables & { entry: Uint16Array } {
  const v0 = new Float32Array(n);
  const restStart = new Uint32Array(n + 1);
  let rest = new Float32Array(Math.max(16, n));
  let restCount = 0;
  const entry = new Uint16Array(values.length);
  let distinct = new Float64Array(64);
  let counts = new Uint32Array(64);
  for (let d = 0; d < n; d++) {
    const from = offsets[d]!;
    const to = offsets[d + 1]!;
    let m = 0;
    for (let j = from; j < to; j++) {
      const v = values[j]!;
      let e = 0;
      while (e < m && distinct[e] !== v) e++;
      if (e === m) {
        if (m === distinct.length) {
          const dd = new Float64Array(m * 2);
          dd.set(distinct);
          distinct = dd;
          const cc = new Uint32Array(m * 2);
          cc.set(counts);
          counts = cc;
        }
        distinct[m] = v;
        counts[m] = 0;
        m++;
      }
      counts[e]!++;
    }
    // Insertion sort of the few distinct values: count descending, then value ascending.
    for (let a = 1; a < m; a++) {
      const v = distinct[a]!;
      const c = counts[a]!;
      let b = a - 1;
      while (b >= 0 && (counts[b]! < c || (counts[b] === c && distinct[b]! > v))) {
        distinct[b + 1] = distinct[b]!;
        counts[b + 1] = counts[b]!;
        b--;
      }
      distinct[b + 1] = v;
      counts[b + 1] = c;
    }
    if (m > 0xffff) throw new RangeError("embedded index: a chunk with more than 65535 distinct weights");
    for (let j = from; j < to; j++) {
      const v = values[j]!;
      let e = 0;
      while (distinct[e] !== v) e++;
      entry[j] = e;
    }
    v0[d] = m ? distinct[0]! : 0;
    restStart[d] = restCount;
    if (restCount + m > rest.length) {
      const grown = new Float32Array(Math.max(rest.length * 2, restCount + m));
      grown.set(rest);
      rest = grown;
    }
    for (let e = 1; e < m; e++) rest[restCount++] = distinct[e]!;
  }
  restStart[n] = restCount;
  return { v0, restStart, rest: rest.slice(0, restCount), entry };
}

/**
 * Compress inverted lists of n chunks, whose postings carry their entry in their chunk's weight table (`tables`, from
 * weightTables). Typed arrays throughout, read in order: tens of millions of postings pass through here when a large
 * corpus is indexed.
 */
export function compress(n: number, inv: InvertedLists, tables: WeightTables): CompressedPostings {
  if (n >= MAX_CHUNKS) throw new RangeError(`embedded index: at most ${MAX_CHUNKS - 1} chunks`);
  const { v0, restStart, rest } = tables;
  const termCount = inv.terms.length;
  const postStart = new Uint32Array(termCount + 1);
  const dfFlags = new Uint32Array(termCount);
  const termMax = new Float32Array(termCount);
  const out = new Bytes();
  const gaps = new Bytes();
  const words = Math.ceil(n / 32);
  const bitmapFixed = (2 * words + Math.ceil(words / RANK_WORDS)) * 4;
  for (let k = 0; k < termCount; k++) {
    const from = inv.starts[k]!;
    const to = inv.starts[k + 1]!;
    gaps.length = 0;
    let prev = -1;
    let exceptions = 0;
    let bigEntry = false;
    let max = 0;
    for (let j = from; j < to; j++) {
      const d = inv.docs[j]!;
      gaps.varint(d - prev - 1);
      prev = d;
      const entry = inv.entries[j]!;
      if (entry !== 0) exceptions++;
      if (entry > 256) bigEntry = true;
      const v = entry === 0 ? v0[d]! : rest[restStart[d]! + entry - 1]!;
      if (v > max) max = v;
    }
    termMax[k] = max;
    if (to - from > DF_MASK) throw new RangeError("embedded index: a term in too many chunks");
    // A bitmap when it is smaller than the varints (about df > n / 8), and its entry numbers fit a byte.
    const varintSize = gaps.length + (exceptions ? 5 + 2 * exceptions : 0);
    if (!bigEntry && bitmapFixed + exceptions + 3 < varintSize) {
      out.align4();
      postStart[k] = out.length;
      dfFlags[k] = (to - from) | BITMAP;
      const present = new Uint32Array(words);
      const excepted = new Uint32Array(words);
      const entries: number[] = [];
      for (let j = from; j < to; j++) {
        const d = inv.docs[j]!;
        present[d >>> 5]! |= 1 << (d & 31);
        const entry = inv.entries[j]!;
        if (entry !== 0) {
          excepted[d >>> 5]! |= 1 << (d & 31);
          entries.push(entry - 1);
        }
      }
      for (let x = 0; x < words; x++) out.word(present[x]!);
      for (let x = 0; x < words; x++) out.word(excepted[x]!);
      let running = 0;
      for (let x = 0; x < words; x++) {
        if (x % RANK_WORDS === 0) out.word(running);
        running += popcount(excepted[x]!);
      }
      for (const e of entries) out.byte(e);
      continue;
    }
    postStart[k] = out.length;
    dfFlags[k] = (to - from) | (exceptions ? FLAG : 0);
    if (exceptions) out.varint(gaps.length);
    out.append(gaps);
    if (exceptions) {
      let last = -1;
      for (let j = from; j < to; j++) {
        const entry = inv.entries[j]!;
        if (entry === 0) continue;
        const i = j - from;
        out.varint(i - last - 1);
        out.varint(entry - 1);
        last = i;
      }
    }
    if (out.length > 0xffff_ffff) throw new RangeError("embedded index: postings exceed 4 GiB");
  }
  postStart[termCount] = out.length;
  return { terms: inv.terms, postStart, dfFlags, termMax, bytes: out.buf.slice(0, out.length), read: null, v0, restStart, rest };
}

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Index of term t in the sorted dictionary, or -1. */
export function findTerm(terms: Uint32Array, t: number): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = terms[mid]!;
    if (v === t) return mid;
    if (v < t) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

export function documentFrequency(p: CompressedPostings, k: number): number {
  return p.dfFlags[k]! & DF_MASK;
}

/**
 * Scratch of one query, reused from query to query (allocating and zeroing 100,000-entry arrays per query cost more
 * than scoring a short question): `unit[d]` sums the query weight × idf of the chunk's terms whose weight is its
 * entry 0 (most postings), `extra[d]` the full contributions of the others. A chunk's score is then
 * `v0[d] · unit[d] + extra[d]`: the hot loop touches one array per posting, not two. Float32, as the uncompressed
 * store summed: half the memory traffic of float64, and scores are float32 anyway.
 *
 * Only the chunks whose bit is set in `seen` have non-zero accumulators, and only those are cleared after a query;
 * `live` marks the candidates once pruning has fixed them (a subset of `seen`).
 */
export interface Accumulators {
  /** The index these were made for. */
  postings: CompressedPostings;
  /** Per chunk, its largest weight: a chunk can get at most that × the query weights × idf of the terms not added. */
  chunkMax: Float32Array;
  unit: Float32Array;
  extra: Float32Array;
  seen: Uint32Array;
  live: Uint32Array;
  /** Room for the chunks of a cheap test of θ (grown when short). */
  sample: Uint32Array;
  /** The postings as 32-bit words (bitmaps are word-aligned in them), when in memory. */
  postingWords: Uint32Array | null;
  /** The histogram that places θ. */
  counts: Uint32Array;
  /**
   * The chunks the last full test counted (score at or above its lowest) and their histogram buckets, in chunk order:
   * the chunks to test cheaply next are taken from them, not from another pass over every chunk seen.
   */
  placed: Uint32Array;
  placedBucket: Uint16Array;
  placedCount: number;
  /**
   * Varint terms decoded (chunk numbers, and each posting's entry number, 0 for most), least recently used dropped
   * first beyond PRUNING.decodedBytes: a term added to the candidates only then costs a search per candidate, not a pass
   * over its postings (see addDecodedLive).
   */
  decoded: Map<number, Decoded>;
  decodedBytes: number;
  /**
   * The candidates once pruning has fixed them, compact: their chunks ascending and their accumulators (see
   * addToList). The terms left are added to these arrays, read in order, rather than over the 100,000-entry
   * accumulators and a bitmap of every chunk: at 100,000 chunks a question's last terms reach a few thousand
   * candidates each.
   */
  listDocs: Uint32Array;
  listUnit: Float32Array;
  listExtra: Float32Array;
}

/** One varint term's postings, decoded. */
interface Decoded {
  docs: Uint32Array;
  entries: Uint16Array;
}

export function accumulators(p: CompressedPostings, n: number): Accumulators {
  const words = Math.ceil(n / 32);
  const chunkMax = new Float32Array(n);
  for (let d = 0; d < n; d++) {
    let max = p.v0[d]!;
    for (let e = p.restStart[d]!; e < p.restStart[d + 1]!; e++) if (p.rest[e]! > max) max = p.rest[e]!;
    chunkMax[d] = max;
  }
  // Bitmaps start on a multiple of 4 bytes of the postings, which start on one in index.bin.
  const postingWords = p.bytes ? new Uint32Array(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength >>> 2) : null;
  return { postings: p, chunkMax, postingWords, counts: new Uint32Array(FLOOR_BUCKETS), placed: new Uint32Array(n), placedBucket: new Uint16Array(n), placedCount: 0, unit: new Float32Array(n), extra: new Float32Array(n), seen: new Uint32Array(words), live: new Uint32Array(words), sample: new Uint32Array(1024), decoded: new Map(), decodedBytes: 0, listDocs: new Uint32Array(n), listUnit: new Float32Array(n), listExtra: new Float32Array(n) };
}

/** Tuning of exact pruning (max-score with candidates: see rankTerms). */
export const PRUNING = {
  /**
   * Off only to check, in tests, that pruning changes nothing: every term is then added to every chunk it names.
   */
  enabled: true,
  /**
   * When to test whether the chunks seen so far already fix the candidates: the test reads every chunk seen (a few
   * ns each), so it runs before a term only when the postings added since the last test plus that term's are at
   * least this share of the chunks seen — the tests then cost at most 1 / share times the postings added.
   */
  checkShare: 1,
  /**
   * Between full tests, θ is read from the chunks that were about the `sample` × depth best at the last one: the
   * best chunks so far mostly stay the best, and testing them costs almost nothing, so it runs before every term.
   */
  sample: 4,
  /**
   * Once the candidates are fixed, the ones that fell below θ − R are dropped (one pass over them) each time R, what
   * the remaining terms can add, has fallen to this share of its value at the last pass.
   */
  resweep: 0.7,
  /**
   * Float32 rounding: a chunk's accumulated sums can differ from the float64 bound by about one float32 epsilon
   * (2^-23) of the largest possible score per addition; the bound is widened by (terms + 2) of them so that a chunk
   * that belongs in the top is never dropped. Pruning then costs nothing measurable.
   */
  epsilon: 2 ** -23,
  /**
   * Varint terms are decoded once and kept (Accumulators.decoded; off only to compare), up to this many bytes (6 a
   * posting): the terms of the benchmark's 80 questions at 100,000 chunks take 17 MB.
   */
  decode: true,
  decodedBytes: 32 << 20,
  /**
   * At each full test of θ, the sample's chunks are scored to the end (finalScores): θ then starts near its final
   * value, and fewer terms are added to every chunk they name (off only to compare).
   */
  exactSample: true,
  /**
   * …when the sample holds at most this many × depth chunks (about PRUNING.sample × depth, more on ties): a sample of
   * many equal scores so far (after frequent terms only) costs more to score than it gains; the next test retries.
   */
  exactSampleMax: 16,
  /**
   * Once the candidates are fixed, the terms left are added to a compact list of them (addToList) rather than through
   * the bitmap of every chunk and the 100,000-entry accumulators (off only to compare): at 100,000 chunks that phase
   * was half of a long question's time.
   */
  list: true,
} as const;

/** Buckets of the histogram that places θ. */
const FLOOR_BUCKETS = 2048;

/** What one query cost, for benchmarks and tests (counts, summed into the object given). */
export interface RankWork {
  /** Queries ranked. */
  queries: number;
  /** Terms added to every chunk they name, and their postings. */
  fullTerms: number;
  fullPostings: number;
  /** Terms added to the candidates only, the candidates they were added to (summed over those terms), and the
   * postings decoded for them (a varint term is decoded whole; a bitmap term is read for the candidates only). */
  prunedTerms: number;
  candidates: number;
  prunedPostings: number;
  /** Chunks read by the passes that place θ and drop candidates. */
  swept: number;
}

/** A term of the query, in scoring order. */
interface QueryTerm {
  k: number;
  df: number;
  /** Query weight × idf. */
  w: number;
  /** The most it adds to a chunk: w × the term's largest weight. */
  u: number;
}

/**
 * Add a varint term's contributions to every chunk it names, marking them in `seen`. (Two copies of the decoding loop,
 * this one and addVarintLive: a test per posting of which one applies costs more than the copy.)
 */
function addVarintAll(p: CompressedPostings, bytes: Uint8Array, start: number, t: QueryTerm, acc: Accumulators, seen: Uint32Array): void {
  const { unit, extra } = acc;
  const { rest, restStart } = p;
  const { k, w, df } = t;
  const end = start + postingsLength(p, k);
  let at = start;
  let gapEnd = end;
  let excAt = end;
  /** Position of the next exception among the term's postings (df when none is left), and its entry number. */
  let nextExc = df;
  let entry = 0;
  if ((p.dfFlags[k]! & FLAG) !== 0) {
    const head = { excAt: at };
    const gapBytes = readVarint(bytes, head);
    at = head.excAt;
    gapEnd = at + gapBytes;
    const exc = { excAt: gapEnd };
    nextExc = readVarint(bytes, exc);
    entry = readVarint(bytes, exc) + 1;
    excAt = exc.excAt;
  }
  let d = -1;
  // Everything the loop touches in locals: property loads and calls in the hot loop cost more than the work.
  for (let i = 0; at < gapEnd; i++) {
    let b = bytes[at++]!;
    let v = b & 0x7f;
    if (b & 0x80) {
      b = bytes[at++]!;
      v |= (b & 0x7f) << 7;
      if (b & 0x80) {
        b = bytes[at++]!;
        v |= (b & 0x7f) << 14;
        if (b & 0x80) v |= (bytes[at++]! & 0x7f) << 21;
      }
    }
    d += v + 1;
    seen[d >>> 5]! |= 1 << (d & 31);
    if (i !== nextExc) {
      unit[d]! += w;
      continue;
    }
    extra[d]! += w * rest[restStart[d]! + entry - 1]!;
    // The next exception: position gap, then entry number (both varints).
    if (excAt >= end) {
      nextExc = df;
      continue;
    }
    b = bytes[excAt++]!;
    v = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = bytes[excAt++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    nextExc += v + 1;
    b = bytes[excAt++]!;
    v = b & 0x7f;
    shift = 7;
    while (b & 0x80) {
      b = bytes[excAt++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    entry = v + 1;
  }
}

/** Add a varint term's contributions to the chunks in `live` (its postings are decoded whole all the same). */
function addVarintLive(p: CompressedPostings, bytes: Uint8Array, start: number, t: QueryTerm, acc: Accumulators, live: Uint32Array): void {
  const { unit, extra } = acc;
  const { rest, restStart } = p;
  const { k, w, df } = t;
  const end = start + postingsLength(p, k);
  let at = start;
  let gapEnd = end;
  let excAt = end;
  /** Position of the next exception among the term's postings (df when none is left), and its entry number. */
  let nextExc = df;
  let entry = 0;
  if ((p.dfFlags[k]! & FLAG) !== 0) {
    const head = { excAt: at };
    const gapBytes = readVarint(bytes, head);
    at = head.excAt;
    gapEnd = at + gapBytes;
    const exc = { excAt: gapEnd };
    nextExc = readVarint(bytes, exc);
    entry = readVarint(bytes, exc) + 1;
    excAt = exc.excAt;
  }
  let d = -1;
  for (let i = 0; at < gapEnd; i++) {
    let b = bytes[at++]!;
    let v = b & 0x7f;
    if (b & 0x80) {
      b = bytes[at++]!;
      v |= (b & 0x7f) << 7;
      if (b & 0x80) {
        b = bytes[at++]!;
        v |= (b & 0x7f) << 14;
        if (b & 0x80) v |= (bytes[at++]! & 0x7f) << 21;
      }
    }
    d += v + 1;
    const wanted = ((live[d >>> 5]! >>> (d & 31)) & 1) !== 0;
    if (i !== nextExc) {
      if (wanted) unit[d]! += w;
      continue;
    }
    if (wanted) extra[d]! += w * rest[restStart[d]! + entry - 1]!;
    // The next exception: position gap, then entry number (both varints).
    if (excAt >= end) {
      nextExc = df;
      continue;
    }
    b = bytes[excAt++]!;
    v = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = bytes[excAt++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    nextExc += v + 1;
    b = bytes[excAt++]!;
    v = b & 0x7f;
    shift = 7;
    while (b & 0x80) {
      b = bytes[excAt++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    entry = v + 1;
  }
}

function readVarint(bytes: Uint8Array, cur: { excAt: number }): number {
  let b = bytes[cur.excAt++]!;
  let v = b & 0x7f;
  let shift = 7;
  while (b & 0x80) {
    b = bytes[cur.excAt++]!;
    v |= (b & 0x7f) << shift;
    shift += 7;
  }
  return v;
}

/**
 * Add a bitmap term's contributions: to every chunk it names (marking them in `seen`), or, with `live`, to those
 * only, a word of 32 chunks at a time.
 */
function addBitmap(p: CompressedPostings, n: number, entries: Uint8Array, all: Uint32Array, start: number, t: QueryTerm, acc: Accumulators, live: Uint32Array | null, seen: Uint32Array | null): void {
  const words = Math.ceil(n / 32);
  const rankWords = Math.ceil(words / RANK_WORDS);
  // The term's sections as offsets into a view of the postings as words (no typed array made per term and query).
  const present = start >>> 2;
  const excepted = present + words;
  const ranks = excepted + words;
  const entriesAt = (ranks + rankWords) << 2;
  const { unit, extra } = acc;
  const { rest, restStart } = p;
  const w = t.w;
  if (live === null) {
    // Every chunk: the exception bits are met in order, so their count runs along.
    let rank = entriesAt;
    for (let x = 0; x < words; x++) {
      let bits = all[present + x]!;
      if (bits === 0) continue;
      if (seen !== null) seen[x]! |= bits;
      const exc = all[excepted + x]!;
      const base = x << 5;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const d = base + 31 - Math.clz32(low);
        if ((exc & low) === 0) unit[d]! += w;
        else extra[d]! += w * rest[restStart[d]! + entries[rank++]!]!;
      }
    }
    return;
  }
  // Only the candidates: an exception's rank from the running counts (every RANK_WORDS words) and the words since.
  for (let x = 0; x < words; x++) {
    let bits = all[present + x]! & live[x]!;
    if (bits === 0) continue;
    const exc = all[excepted + x]!;
    const base = x << 5;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const d = base + 31 - Math.clz32(low);
      if ((exc & low) === 0) {
        unit[d]! += w;
        continue;
      }
      extra[d]! += w * rest[restStart[d]! + entries[entriesAt + exceptionRank(all, excepted, ranks, x, exc & (low - 1))]!]!;
    }
  }
}

/**
 * Of a bitmap term (its sections as word offsets, see addBitmap), the rank of an exception bit of word x among all its
 * exception bits: the running count before x's group of RANK_WORDS words, those of the words since, and the bits of
 * x below it (`below`: x's exception word masked to them).
 */
function exceptionRank(all: Uint32Array, excepted: number, ranks: number, x: number, below: number): number {
  let rank = all[ranks + ((x / RANK_WORDS) | 0)]!;
  for (let y = x - (x % RANK_WORDS); y < x; y++) rank += popcount(all[excepted + y]!);
  return rank + popcount(below);
}

/** The first position at or after `lo` of sorted `docs` holding d or more: a gallop from lo, then a binary search. */
function seek(docs: Uint32Array, lo: number, d: number): number {
  const df = docs.length;
  let step = 1;
  let hi = lo;
  while (hi < df && docs[hi]! < d) {
    lo = hi + 1;
    hi += step;
    step <<= 1;
  }
  if (hi > df) hi = df;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Term k's postings decoded (kept in acc.decoded). */
function decode(p: CompressedPostings, bytes: Uint8Array, start: number, k: number, acc: Accumulators): Decoded {
  const df = documentFrequency(p, k);
  const docs = new Uint32Array(df);
  const entries = new Uint16Array(df);
  const end = start + postingsLength(p, k);
  let at = start;
  let gapEnd = end;
  const cur = { excAt: end };
  if ((p.dfFlags[k]! & FLAG) !== 0) {
    cur.excAt = at;
    const gapBytes = readVarint(bytes, cur);
    at = cur.excAt;
    gapEnd = at + gapBytes;
    cur.excAt = gapEnd;
  }
  let d = -1;
  for (let i = 0; at < gapEnd; i++) {
    let b = bytes[at++]!;
    let v = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = bytes[at++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    d += v + 1;
    docs[i] = d;
  }
  for (let i = -1; cur.excAt < end; ) {
    i += readVarint(bytes, cur) + 1;
    entries[i] = readVarint(bytes, cur) + 1;
  }
  const out = { docs, entries };
  acc.decoded.set(k, out);
  acc.decodedBytes += df * 6;
  for (const [old, term] of acc.decoded) {
    if (acc.decodedBytes <= PRUNING.decodedBytes || old === k) break;
    acc.decoded.delete(old);
    acc.decodedBytes -= term.docs.length * 6;
  }
  return out;
}

/** Add a decoded varint term's contributions to every chunk it names, marking them in `seen`. */
function addDecodedAll(p: CompressedPostings, dec: Decoded, w: number, acc: Accumulators, seen: Uint32Array): void {
  const { unit, extra } = acc;
  const { rest, restStart } = p;
  const { docs, entries } = dec;
  for (let j = 0; j < docs.length; j++) {
    const d = docs[j]!;
    seen[d >>> 5]! |= 1 << (d & 31);
    const e = entries[j]!;
    if (e === 0) unit[d]! += w;
    else extra[d]! += w * rest[restStart[d]! + e - 1]!;
  }
}

/**
 * Add a decoded varint term's contributions to the chunks in `live`: when they are few, each one is looked up in the
 * term's chunks (a galloping search onward from the last one found), else the postings are walked.
 */
function addDecodedLive(p: CompressedPostings, dec: Decoded, w: number, acc: Accumulators, live: Uint32Array, candidates: number): void {
  const { unit, extra } = acc;
  const { rest, restStart } = p;
  const { docs, entries } = dec;
  const df = docs.length;
  if (candidates * (32 - Math.clz32(df)) >= df) {
    for (let j = 0; j < df; j++) {
      const d = docs[j]!;
      if (((live[d >>> 5]! >>> (d & 31)) & 1) === 0) continue;
      const e = entries[j]!;
      if (e === 0) unit[d]! += w;
      else extra[d]! += w * rest[restStart[d]! + e - 1]!;
    }
    return;
  }
  let lo = 0;
  for (let x = 0; x < live.length && lo < df; x++) {
    let bits = live[x]!;
    while (bits !== 0 && lo < df) {
      const low = bits & -bits;
      bits ^= low;
      const d = (x << 5) + 31 - Math.clz32(low);
      lo = seek(docs, lo, d);
      if (lo < df && docs[lo] === d) {
        const e = entries[lo]!;
        if (e === 0) unit[d]! += w;
        else extra[d]! += w * rest[restStart[d]! + e - 1]!;
        lo++;
      }
    }
  }
}

/** Varint term k's postings decoded: from acc.decoded (most recently used last), or decoded now and kept there. */
function decodedTerm(p: CompressedPostings, k: number, acc: Accumulators): Decoded {
  const dec = acc.decoded.get(k);
  if (dec !== undefined) {
    acc.decoded.delete(k);
    acc.decoded.set(k, dec);
    return dec;
  }
  const read = p.bytes === null ? p.read!(k) : null;
  return decode(p, read ? read.bytes : p.bytes!, read ? 0 : p.postStart[k]!, k, acc);
}

function addTerm(p: CompressedPostings, n: number, t: QueryTerm, acc: Accumulators, live: Uint32Array | null, seen: Uint32Array | null, candidates = -1): void {
  if ((p.dfFlags[t.k]! & BITMAP) === 0 && PRUNING.decode) {
    const dec = decodedTerm(p, t.k, acc);
    if (live === null) addDecodedAll(p, dec, t.w, acc, seen!);
    else addDecodedLive(p, dec, t.w, acc, live, candidates < 0 ? dec.docs.length : candidates);
    return;
  }
  let bytes = p.bytes;
  let words = acc.postingWords;
  let start = p.postStart[t.k]!;
  if (bytes === null || words === null) {
    const read = p.read!(t.k);
    bytes = read.bytes;
    words = read.words;
    start = 0;
  }
  if ((p.dfFlags[t.k]! & BITMAP) !== 0) addBitmap(p, n, bytes, words, start, t, acc, live, seen);
  else if (live !== null) addVarintLive(p, bytes, start, t, acc, live);
  else addVarintAll(p, bytes, start, t, acc, seen!);
}

/**
 * What the last pass read: the chunks it visited, (place) the floor of the (sample × depth) best and its bucket, and
 * (cut) the chunks it kept.
 */
const lastPass = { visited: 0, sampleFloor: 0, sampleBucket: 0, kept: 0 };

/**
 * θ from the chunks marked in `from` (allowed ones, when `allowed`): their scores so far go into a histogram whose
 * bucket holding the depth-th best gives θ, a floor under it (at least `depth` scores are at or above it); the bucket
 * holding the (sample × depth)-th best gives the floor of the chunks to test cheaply next (lastPass.sampleFloor).
 * `top` bounds every score. Plain numbers in and out: this runs hot, and V8 optimizes it best without objects.
 */
function place(p: CompressedPostings, acc: Accumulators, from: Uint32Array, allowed: Uint8Array | null, depth: number, lowest: number, top: number, counts: Uint32Array): number {
  const { unit, extra, placed, placedBucket } = acc;
  const v0 = p.v0;
  counts.fill(0);
  // Scores only grow: below the last test's sample floor no chunk can be among the best it counts now.
  const scale = top > lowest ? (FLOOR_BUCKETS - 1) / (top - lowest) : 0;
  let visited = 0;
  let count = 0;
  for (let x = 0; x < from.length; x++) {
    let bits = from[x]!;
    const base = x << 5;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const d = base + 31 - Math.clz32(low);
      visited++;
      const s = Math.fround(v0[d]! * unit[d]! + extra[d]!) - lowest;
      if (s < 0 || (allowed !== null && allowed[d] === 0)) continue;
      const b0 = (s * scale) | 0;
      const b = b0 < FLOOR_BUCKETS ? b0 : FLOOR_BUCKETS - 1;
      counts[b]!++;
      placed[count] = d;
      placedBucket[count++] = b;
    }
  }
  acc.placedCount = count;
  lastPass.visited = visited;
  return histogramFloor(counts, scale, depth, lowest);
}

/**
 * The floor of the depth-th best of a histogram of FLOOR_BUCKETS buckets over [lowest, lowest + (FLOOR_BUCKETS − 1) /
 * scale] (0 when it holds fewer), and that of the (sample × depth)-th best into lastPass.sampleFloor.
 */
function histogramFloor(counts: Uint32Array, scale: number, depth: number, lowest: number): number {
  lastPass.sampleFloor = 0;
  lastPass.sampleBucket = 0;
  let seen = 0;
  let floor = 0;
  for (let b = FLOOR_BUCKETS - 1; b >= 0; b--) {
    seen += counts[b]!;
    // Bucket b holds scores in [lowest + b / scale, lowest + (b + 1) / scale): at least `depth` are at or above its
    // lower edge.
    if (seen >= depth && floor === 0) floor = lowest + b / scale;
    if (seen >= PRUNING.sample * depth) {
      lastPass.sampleFloor = lowest + b / scale;
      lastPass.sampleBucket = b;
      break;
    }
  }
  return floor;
}

/**
 * Unmark the chunks of `from` that cannot reach θ any more (and those not allowed): score so far s with
 * s + min(r, chunkMax · w) + slack < θ, where r is the most the terms not added yet can add to any chunk and w the sum
 * of their weights × idf (so chunkMax · w bounds what they add to this one).
 */
function cut(p: CompressedPostings, acc: Accumulators, from: Uint32Array, allowed: Uint8Array | null, theta: number, r: number, w: number, slack: number): void {
  const { unit, extra, chunkMax } = acc;
  const v0 = p.v0;
  const floor = theta - slack;
  let visited = 0;
  let dropped = 0;
  for (let x = 0; x < from.length; x++) {
    let bits = from[x]!;
    if (bits === 0) continue;
    const base = x << 5;
    let keep = bits;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const d = base + 31 - Math.clz32(low);
      visited++;
      const s = Math.fround(v0[d]! * unit[d]! + extra[d]!);
      // The bound for every chunk first (no load), the chunk's own when that one does not decide.
      if (s + r < floor || s + chunkMax[d]! * w < floor || (allowed !== null && allowed[d] === 0)) {
        keep ^= low;
        dropped++;
      }
    }
    from[x] = keep;
  }
  lastPass.visited = visited;
  lastPass.kept = visited - dropped;
}

/**
 * The chunks the last place() counted in bucket `bucket` or above (the allowed ones whose score so far is at least
 * lastPass.sampleFloor), in chunk order, into acc.sample (grown if short).
 */
function collect(acc: Accumulators, bucket: number): Uint32Array {
  const { placed, placedBucket, placedCount } = acc;
  let out = acc.sample;
  let count = 0;
  for (let j = 0; j < placedCount; j++) {
    if (placedBucket[j]! < bucket) continue;
    if (count === out.length) {
      const grown = new Uint32Array(out.length * 2);
      grown.set(out);
      out = acc.sample = grown;
    }
    out[count++] = placed[j]!;
  }
  return out.subarray(0, count);
}

/** θ from the chunks of `sample` only (allowed ones): a floor under the depth-th best of a subset is one under all. */
function sampleFloor(p: CompressedPostings, acc: Accumulators, sample: Uint32Array, allowed: Uint8Array | null, depth: number, top: number, counts: Uint32Array): number {
  if (sample.length < depth) return 0;
  const { unit, extra } = acc;
  const v0 = p.v0;
  counts.fill(0);
  const scale = top > 0 ? (FLOOR_BUCKETS - 1) / top : 0;
  for (let j = 0; j < sample.length; j++) {
    const d = sample[j]!;
    if (allowed !== null && allowed[d] === 0) continue;
    const b = (Math.fround(v0[d]! * unit[d]! + extra[d]!) * scale) | 0;
    counts[b < FLOOR_BUCKETS ? b : FLOOR_BUCKETS - 1]!++;
  }
  return depthFloor(counts, depth, scale);
}

/** The lower edge of the histogram bucket that holds the depth-th best score (0 when it holds fewer). */
function depthFloor(counts: Uint32Array, depth: number, scale: number): number {
  let seen = 0;
  for (let b = FLOOR_BUCKETS - 1; b >= 0; b--) {
    seen += counts[b]!;
    if (seen >= depth) return b / scale;
  }
  return 0;
}

/**
 * Add term t to the first `count` chunks of `docs` (ascending), whose accumulators are `unit[j]`, `extra[j]`, in the
 * same float32 steps as addTerm adds it to a chunk's own: a chunk ends with the same score either way. A varint term
 * is looked up by a search per chunk when they are few, else its postings are walked beside them. False when a
 * varint term is not decoded (a comparison run, PRUNING.decode off): the caller adds it the other way.
 */
function addToList(p: CompressedPostings, n: number, acc: Accumulators, t: QueryTerm, docs: Uint32Array, unit: Float32Array, extra: Float32Array, count: number): boolean {
  const { rest, restStart } = p;
  const w = t.w;
  if ((p.dfFlags[t.k]! & BITMAP) === 0) {
    if (!PRUNING.decode) return false;
    const { docs: termDocs, entries } = decodedTerm(p, t.k, acc);
    const df = termDocs.length;
    if (count * (32 - Math.clz32(df)) >= df) {
      let j = 0;
      for (let q = 0; q < df && j < count; q++) {
        const d = termDocs[q]!;
        while (j < count && docs[j]! < d) j++;
        if (j === count || docs[j] !== d) continue;
        const e = entries[q]!;
        if (e === 0) unit[j]! += w;
        else extra[j]! += w * rest[restStart[d]! + e - 1]!;
        j++;
      }
      return true;
    }
    let lo = 0;
    for (let j = 0; j < count && lo < df; j++) {
      const d = docs[j]!;
      lo = seek(termDocs, lo, d);
      if (lo < df && termDocs[lo] === d) {
        const e = entries[lo]!;
        if (e === 0) unit[j]! += w;
        else extra[j]! += w * rest[restStart[d]! + e - 1]!;
        lo++;
      }
    }
    return true;
  }
  let all = acc.postingWords;
  let start = p.postStart[t.k]!;
  let bytes = p.bytes;
  if (bytes === null || all === null) {
    const read = p.read!(t.k);
    bytes = read.bytes;
    all = read.words;
    start = 0;
  }
  const words = Math.ceil(n / 32);
  const present = start >>> 2;
  const excepted = present + words;
  const ranks = excepted + words;
  const entriesAt = (ranks + Math.ceil(words / RANK_WORDS)) << 2;
  for (let j = 0; j < count; j++) {
    const d = docs[j]!;
    const x = d >>> 5;
    const low = 1 << (d & 31);
    if ((all[present + x]! & low) === 0) continue;
    const exc = all[excepted + x]!;
    if ((exc & low) === 0) {
      unit[j]! += w;
      continue;
    }
    extra[j]! += w * rest[restStart[d]! + bytes[entriesAt + exceptionRank(all, excepted, ranks, x, exc & (low - 1))]!]!;
  }
  return true;
}

/**
 * The final scores of `chunks` (ascending): what the terms from `from` on add to each is added to its score so far,
 * in the same order and float32 steps as the query adds them, so these are the scores the chunks end with (null when
 * varint terms are not decoded: a comparison run). The accumulators are left as they were; varint terms are decoded
 * as addTerm would (and kept for it).
 */
function finalScores(p: CompressedPostings, n: number, acc: Accumulators, sample: readonly number[], terms: readonly QueryTerm[], from: number): Float32Array | null {
  const c = sample.length;
  const docs = Uint32Array.from(sample);
  const unit = new Float32Array(c);
  const extra = new Float32Array(c);
  for (let j = 0; j < c; j++) {
    unit[j] = acc.unit[docs[j]!]!;
    extra[j] = acc.extra[docs[j]!]!;
  }
  for (let i = from; i < terms.length; i++) if (!addToList(p, n, acc, terms[i]!, docs, unit, extra, c)) return null;
  const scores = new Float32Array(c);
  for (let j = 0; j < c; j++) scores[j] = Math.fround(p.v0[docs[j]!]! * unit[j]! + extra[j]!);
  return scores;
}

/** θ from the candidates of the list (see addToList): the floor of the histogram bucket holding their depth-th best score so far. */
function listFloor(p: CompressedPostings, docs: Uint32Array, unit: Float32Array, extra: Float32Array, count: number, depth: number, top: number, counts: Uint32Array): number {
  if (count < depth || top <= 0) return 0;
  const v0 = p.v0;
  counts.fill(0);
  const scale = (FLOOR_BUCKETS - 1) / top;
  for (let j = 0; j < count; j++) {
    const b = (Math.fround(v0[docs[j]!]! * unit[j]! + extra[j]!) * scale) | 0;
    counts[b < FLOOR_BUCKETS ? b : FLOOR_BUCKETS - 1]!++;
  }
  return depthFloor(counts, depth, scale);
}

/** cut() for the candidates of the list: those that cannot reach θ any more are dropped, the rest moved up; returns how many are left. */
function cutList(p: CompressedPostings, acc: Accumulators, docs: Uint32Array, unit: Float32Array, extra: Float32Array, count: number, theta: number, r: number, w: number, slack: number): number {
  const { chunkMax } = acc;
  const v0 = p.v0;
  const floor = theta - slack;
  let kept = 0;
  for (let j = 0; j < count; j++) {
    const d = docs[j]!;
    const s = Math.fround(v0[d]! * unit[j]! + extra[j]!);
    if (s + r < floor || s + chunkMax[d]! * w < floor) continue;
    docs[kept] = d;
    unit[kept] = unit[j]!;
    extra[kept++] = extra[j]!;
  }
  return kept;
}

/**
 * The `depth` best chunks of a question (terms: dictionary entries `ks`, query `weights`), best first, equal scores
 * by chunk number; only chunks with a positive score, and only `allowed` ones when given. Scores are exactly those of
 * adding every term to every chunk in one fixed order, float32 as the uncompressed store summed.
 *
 * A question of 100 terms names about a million postings at 100,000 chunks, most of them of frequent terms that add
 * little to any score. Max-score pruning with candidates: each term can add at most U = query weight × idf × its
 * largest weight; terms are added in order of U, largest first (then rarest, then by dictionary entry) — always, so a
 * chunk's score never depends on how the work was split. After some terms, θ (a floor under the depth-th best score
 * so far) is computed: scores only grow, so the final depth-th best is at least θ. Once the terms not yet added can
 * add at most R < θ, a chunk not seen yet cannot reach the top, nor can a seen one below θ − R: the candidates are
 * fixed, the remaining terms are added to them only (a bitmap term visits only their words), and after each term
 * the candidates that fell below the new θ − R are dropped.
 */
export function rankTerms(
  p: CompressedPostings,
  n: number,
  ks: readonly number[],
  weights: readonly number[],
  acc: Accumulators,
  depth: number,
  allowed: Uint8Array | null,
  work: RankWork | null = null,
): number[] {
  const terms: QueryTerm[] = ks
    .map((k, t) => {
      const df = documentFrequency(p, k);
      const w = weights[t]! * idf(df, n);
      return { k, df, w, u: w * p.termMax[k]! };
    })
    .sort((a, b) => b.u - a.u || a.df - b.df || a.k - b.k);
  const m = terms.length;
  /** remaining[i]: what the terms from i on can add to a chunk, at most; remainingW[i]: their weights × idf. */
  const remaining = new Float64Array(m + 1);
  const remainingW = new Float64Array(m + 1);
  for (let i = m - 1; i >= 0; i--) {
    remaining[i] = remaining[i + 1]! + Math.max(0, terms[i]!.u);
    remainingW[i] = remainingW[i + 1]! + Math.max(0, terms[i]!.w);
  }
  const top = remaining[0]! * (1 + PRUNING.epsilon * (m + 2));
  const slack = (m + 2) * PRUNING.epsilon * top;
  // Pruning rests on scores only growing: a negative weight (no analyzer gives one) turns it off.
  const prune = PRUNING.enabled && terms.every((t) => t.w >= 0 && t.u >= 0);
  const { seen, live } = acc;
  const { counts } = acc;
  let i = 0;
  let pruned = false;
  let theta = 0;
  // Chunks seen at the last full test of θ, and postings added since.
  let seenAtTest = 0;
  let since = 0;
  let swept = 0;
  let fullTerms = 0;
  let fullPostings = 0;
  let candidates = 0;
  let prunedPostings = 0;
  /** The best chunks at the last full test: a cheap test between full ones reads only them. */
  let sample: Uint32Array | null = null;
  let sampleAt = 0;
  /** Chunks scored to the end (finalScores), and their final scores. */
  const scored = new Set<number>();
  const finals: number[] = [];
  for (; i < m; i++) {
    const t = terms[i]!;
    const bound = remaining[i]! + slack;
    // θ cannot exceed the most the terms added can give: no test before that can pass.
    if (prune && i > 0 && top - remaining[i]! > bound) {
      if (sample !== null) theta = Math.max(theta, sampleFloor(p, acc, sample, allowed, depth, top, counts));
      if (theta <= bound && since + t.df >= PRUNING.checkShare * (seenAtTest + since)) {
        theta = Math.max(theta, place(p, acc, seen, allowed, depth, sample === null ? 0 : sampleAt, top, counts));
        seenAtTest = lastPass.visited;
        swept += lastPass.visited;
        since = 0;
        sampleAt = lastPass.sampleFloor;
        sample = collect(acc, lastPass.sampleBucket);
        if (PRUNING.exactSample && sample.length <= PRUNING.exactSampleMax * depth) {
          // The best chunks so far, scored to the end (those not scored at an earlier test): the depth-th best final
          // score of any chunks is a floor under the final depth-th best, and this one is usually close to it.
          const fresh = Array.from(sample).filter((d) => !scored.has(d));
          const scores = finalScores(p, n, acc, fresh, terms, i);
          if (scores !== null) {
            for (const d of fresh) scored.add(d);
            for (const v of scores) finals.push(v);
            if (finals.length >= depth) theta = Math.max(theta, finals.sort((a, b) => b - a)[depth - 1]! - slack);
          }
        }
      }
      if (theta > bound) {
        // The candidates are fixed: the chunks seen (allowed ones) that can still reach θ.
        live.set(seen);
        cut(p, acc, live, allowed, theta, remaining[i]!, remainingW[i]!, slack);
        swept += lastPass.visited;
        pruned = true;
        break;
      }
    }
    addTerm(p, n, t, acc, null, seen);
    since += t.df;
    fullTerms++;
    fullPostings += t.df;
  }
  if (!pruned) live.set(seen);
  // What the remaining terms could add at the last sweep of the candidates.
  let sweptAt = remaining[i]!;
  if (pruned && PRUNING.list && PRUNING.decode && i < m) {
    // The candidates, compact (see addToList): the terms left are added to them there, then the scores go back.
    const { listDocs: docs, listUnit: lu, listExtra: le, unit, extra } = acc;
    let count = 0;
    for (let x = 0; x < live.length; x++) {
      let bits = live[x]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const d = (x << 5) + 31 - Math.clz32(low);
        docs[count] = d;
        lu[count] = unit[d]!;
        le[count++] = extra[d]!;
      }
    }
    for (; i < m; i++) {
      addToList(p, n, acc, terms[i]!, docs, lu, le, count);
      if (work !== null) {
        candidates += count;
        if ((p.dfFlags[terms[i]!.k]! & BITMAP) === 0) prunedPostings += terms[i]!.df;
      }
      if (i + 1 < m && remaining[i + 1]! <= PRUNING.resweep * sweptAt) {
        sweptAt = remaining[i + 1]!;
        // The candidates' scores so far are floors of their final ones: θ from them, then those below θ − R dropped.
        theta = Math.max(theta, listFloor(p, docs, lu, le, count, depth, top, counts));
        swept += 2 * count;
        count = cutList(p, acc, docs, lu, le, count, theta, remaining[i + 1]!, remainingW[i + 1]!, slack);
      }
    }
    live.fill(0);
    for (let j = 0; j < count; j++) {
      const d = docs[j]!;
      unit[d] = lu[j]!;
      extra[d] = le[j]!;
      live[d >>> 5]! |= 1 << (d & 31);
    }
  }
  // The candidates' count (a varint term looks them up when they are few: their count decides), kept by the sweeps.
  let count = pruned ? lastPass.kept : 0;
  if (!pruned) for (let x = 0; x < live.length; x++) count += popcount(live[x]!);
  for (; i < m; i++) {
    addTerm(p, n, terms[i]!, acc, live, null, count);
    if (work !== null) {
      candidates += count;
      if ((p.dfFlags[terms[i]!.k]! & BITMAP) === 0) prunedPostings += terms[i]!.df;
    }
    if (i + 1 < m && remaining[i + 1]! <= PRUNING.resweep * sweptAt) {
      sweptAt = remaining[i + 1]!;
      if (sample !== null) theta = Math.max(theta, sampleFloor(p, acc, sample, null, depth, top, counts));
      cut(p, acc, live, null, theta, remaining[i + 1]!, remainingW[i + 1]!, slack);
      swept += lastPass.visited;
      count = lastPass.kept;
    }
  }
  if (work !== null) {
    work.queries++;
    work.fullTerms += fullTerms;
    work.fullPostings += fullPostings;
    work.prunedTerms += m - fullTerms;
    work.candidates += candidates;
    work.prunedPostings += prunedPostings;
    work.swept += swept;
  }
  const best = select(p, acc, live, allowed, depth);
  clear(acc);
  return best;
}

/** Clear what a query wrote, for the next one: the accumulators of the chunks seen, and the marks. */
function clear(acc: Accumulators): void {
  const { unit, extra, seen, live } = acc;
  // Nothing after the loop: V8 compiles this loop on stack (it is long) and would otherwise leave that code on a
  // site the interpreter never reached, and give it up at every query.
  live.fill(0);
  for (let x = 0; x < seen.length; x++) {
    let bits = seen[x]!;
    seen[x] = 0;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const d = (x << 5) + 31 - Math.clz32(low);
      unit[d] = 0;
      extra[d] = 0;
    }
  }
}

/** The `depth` best of the chunks marked in `from` (positive scores, allowed), best first, ties by chunk number. */
function select(p: CompressedPostings, acc: Accumulators, from: Uint32Array, allowed: Uint8Array | null, depth: number): number[] {
  const { unit, extra } = acc;
  const v0 = p.v0;
  // Partial selection: a small sorted buffer; chunks come in ascending order, so an equal score never displaces.
  const best: number[] = [];
  const scores: number[] = [];
  let floor = 0;
  for (let x = 0; x < from.length; x++) {
    let bits = from[x]!;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const d = (x << 5) + 31 - Math.clz32(low);
      const s = Math.fround(v0[d]! * unit[d]! + extra[d]!);
      if (s <= 0 || (s <= floor && best.length >= depth)) continue;
      if (allowed !== null && allowed[d] === 0) continue;
      let pos = best.length;
      while (pos > 0 && scores[pos - 1]! < s) pos--;
      best.splice(pos, 0, d);
      scores.splice(pos, 0, s);
      if (best.length > depth) {
        best.pop();
        scores.pop();
      }
      if (best.length >= depth) floor = scores[scores.length - 1]!;
    }
  }
  return best;
}
