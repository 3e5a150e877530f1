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
 *   bitmap lets scoring visit only the chunks that can still reach the top (see scoreTerms) a word at a time.
 * Everything is in typed arrays, written to and read from index.bin without conversion.
 */
import { idf } from "./idf.js";

/** Uncompressed inverted lists: term ids ascending, postings of term k in [starts[k], starts[k + 1]). */
export interface InvertedLists {
  terms: Uint32Array;
  starts: Uint32Array;
  /** Chunk numbers, ascending within a term. */
  docs: Uint32Array;
  vals: Float32Array;
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
  bytes: Uint8Array;
  /** Per chunk: its most frequent weight (entry 0). */
  v0: Float32Array;
  /** Per chunk: where its other weights (entries 1…) start in `rest` (n + 1 entries). */
  restStart: Uint32Array;
  rest: Float32Array;
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
 * Compress inverted lists of n chunks. Each chunk's value table is built from the weights its postings carry, most
 * frequent first (ties: smaller value first, so the same lists give the same bytes). Typed arrays throughout: tens
 * of millions of postings pass through here when a large corpus is indexed.
 */
export function compress(n: number, inv: InvertedLists): CompressedPostings {
  if (n >= MAX_CHUNKS) throw new RangeError(`embedded index: at most ${MAX_CHUNKS - 1} chunks`);
  const total = inv.docs.length;
  // The postings gathered by chunk (a counting sort on the chunk number): slotOf[j] is posting j's place there.
  const perChunk = new Uint32Array(n + 1);
  for (let j = 0; j < total; j++) perChunk[inv.docs[j]! + 1]!++;
  for (let d = 0; d < n; d++) perChunk[d + 1]! += perChunk[d]!;
  const fill = perChunk.slice(0, n);
  const slotOf = new Uint32Array(total);
  const byChunk = new Float32Array(total);
  for (let j = 0; j < total; j++) {
    const at = fill[inv.docs[j]!]!++;
    slotOf[j] = at;
    byChunk[at] = inv.vals[j]!;
  }

  // Per chunk: its distinct weights ordered by count (then value), and each of its postings' entry number.
  const v0 = new Float32Array(n);
  const restStart = new Uint32Array(n + 1);
  let rest = new Float32Array(Math.max(16, n));
  let restCount = 0;
  const entryOfSlot = new Uint16Array(total);
  let distinct = new Float64Array(64);
  let counts = new Uint32Array(64);
  for (let d = 0; d < n; d++) {
    const from = perChunk[d]!;
    const to = perChunk[d + 1]!;
    let m = 0;
    for (let j = from; j < to; j++) {
      const v = byChunk[j]!;
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
      const v = byChunk[j]!;
      let e = 0;
      while (distinct[e] !== v) e++;
      entryOfSlot[j] = e;
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
      const entry = entryOfSlot[slotOf[j]!]!;
      if (entry !== 0) exceptions++;
      if (entry > 256) bigEntry = true;
      if (inv.vals[j]! > max) max = inv.vals[j]!;
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
        const entry = entryOfSlot[slotOf[j]!]!;
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
        const entry = entryOfSlot[slotOf[j]!]!;
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
  return { terms: inv.terms, postStart, dfFlags, termMax, bytes: out.buf.slice(0, out.length), v0, restStart, rest: rest.slice(0, restCount) };
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
 * Scratch accumulators of one query: `unit[d]` sums the query weight × idf of the chunk's terms whose weight is its
 * entry 0 (most postings), `extra[d]` the full contributions of the others. A chunk's score is then
 * `v0[d] · unit[d] + extra[d]` (see finish): the hot loop touches one array per posting, not two.
 */
export interface Accumulators {
  unit: Float32Array;
  extra: Float32Array;
}

/** Float32, as the uncompressed store summed: half the memory traffic of float64, and scores are float32 anyway. */
export function accumulators(n: number): Accumulators {
  return { unit: new Float32Array(n), extra: new Float32Array(n) };
}

/** Tuning of query scoring. */
export const SCORING = {
  /**
   * Chunks per window: the query's terms are decoded window by window, so that additions land in 2 × 4 bytes ×
   * 16,384 = 128 kB of accumulators (within a core's L2 cache) instead of anywhere in 800 kB.
   */
  window: 16_384,
} as const;

/** A query term being decoded: where it is in its gaps and its exceptions (varint terms). */
interface Cursor {
  w: number;
  /** Next gap byte, end of the gaps. */
  at: number;
  gapEnd: number;
  /** The next chunk not yet added, or n when none is left (an int: V8 keeps it a small integer). */
  d: number;
  /** Position of that chunk among the term's postings. */
  i: number;
  /** Next exception byte, end of the exceptions. */
  excAt: number;
  excEnd: number;
  /** Position of the next exception (df when none is left) and its entry number. */
  nextExc: number;
  entry: number;
}

/** A bitmap term: its words, and the number of its exception bits before the next word to visit. */
interface BitmapTerm {
  w: number;
  present: Uint32Array;
  excepted: Uint32Array;
  ranks: Uint32Array;
  entries: Uint8Array;
  rank: number;
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

/** Load the cursor's next exception (position and entry), or mark that none is left. */
function nextException(bytes: Uint8Array, cur: Cursor, df: number): void {
  if (cur.excAt >= cur.excEnd) {
    cur.nextExc = df;
    return;
  }
  cur.nextExc += readVarint(bytes, cur) + 1;
  cur.entry = readVarint(bytes, cur) + 1;
}

function bitmapTerm(p: CompressedPostings, n: number, k: number, w: number): BitmapTerm {
  const words = Math.ceil(n / 32);
  const rankWords = Math.ceil(words / RANK_WORDS);
  const at = p.bytes.byteOffset + p.postStart[k]!;
  const buf = p.bytes.buffer;
  const present = new Uint32Array(buf, at, words);
  const excepted = new Uint32Array(buf, at + words * 4, words);
  const ranks = new Uint32Array(buf, at + 2 * words * 4, rankWords);
  const entriesAt = at + (2 * words + rankWords) * 4;
  const entries = new Uint8Array(buf, entriesAt, p.bytes.byteOffset + p.postStart[k + 1]! - entriesAt);
  return { w, present, excepted, ranks, entries, rank: 0 };
}

/**
 * Add the contributions of terms (dictionary entries `ks`, query weights × idf `ws`) to the accumulators, window by
 * window of chunks (see SCORING.window). Within a chunk the terms are applied in the order given, so a chunk's sums
 * do not depend on the window size. With `only` (a bitmap of chunks), chunks outside it get nothing: a bitmap term
 * then visits only their words; a varint term still decodes its postings and passes the others over.
 */
function addTerms(p: CompressedPostings, n: number, ks: readonly number[], ws: readonly number[], acc: Accumulators, only: Uint32Array | null): void {
  const bytes = p.bytes;
  const { unit, extra } = acc;
  const { rest, restStart } = p;
  const dfs: number[] = [];
  const terms: (Cursor | BitmapTerm)[] = ks.map((k, t) => {
    const df = documentFrequency(p, k);
    dfs.push(df);
    if ((p.dfFlags[k]! & BITMAP) !== 0) return bitmapTerm(p, n, k, ws[t]!);
    const start = p.postStart[k]!;
    const end = p.postStart[k + 1]!;
    const cur: Cursor = { w: ws[t]!, at: start, gapEnd: end, d: -1, i: -1, excAt: end, excEnd: end, nextExc: df, entry: 0 };
    if ((p.dfFlags[k]! & FLAG) !== 0) {
      const head = { excAt: start };
      const gapBytes = readVarint(bytes, head);
      cur.at = head.excAt;
      cur.gapEnd = head.excAt + gapBytes;
      cur.excAt = cur.gapEnd;
      cur.nextExc = -1;
      nextException(bytes, cur, df);
    }
    return cur;
  });
  for (let from = 0; from < n; from += SCORING.window) {
    const to = Math.min(n, from + SCORING.window);
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if ("present" in term) {
        addBitmap(term, from, to, acc, rest, restStart, only);
        continue;
      }
      const cur = term;
      if (cur.d >= to) continue;
      // Everything the loop touches in locals: property loads and calls in the hot loop cost more than the work.
      const w = cur.w;
      const gapEnd = cur.gapEnd;
      const excEnd = cur.excEnd;
      const df = dfs[t]!;
      let d = cur.d;
      let i = cur.i;
      let at = cur.at;
      let excAt = cur.excAt;
      let nextExc = cur.nextExc;
      let entry = cur.entry;
      // d = −1: the first gap is not decoded yet; otherwise (d, i) is decoded but not yet added.
      let pending = d >= 0;
      for (;;) {
        if (!pending) {
          if (at >= gapEnd) {
            d = n;
            break;
          }
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
          i++;
          if (d >= to) break;
        }
        pending = false;
        const wanted = only === null || ((only[d >>> 5]! >>> (d & 31)) & 1) !== 0;
        if (i !== nextExc) {
          if (wanted) unit[d]! += w;
          continue;
        }
        if (wanted) extra[d]! += w * rest[restStart[d]! + entry - 1]!;
        // The next exception: position gap, then entry number (both varints).
        if (excAt >= excEnd) {
          nextExc = df;
          continue;
        }
        let b = bytes[excAt++]!;
        let v = b & 0x7f;
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
      cur.d = d;
      cur.i = i;
      cur.at = at;
      cur.excAt = excAt;
      cur.nextExc = nextExc;
      cur.entry = entry;
    }
  }
}

/** A bitmap term's contributions to chunks [from, to) (window bounds are multiples of 32). */
function addBitmap(term: BitmapTerm, from: number, to: number, acc: Accumulators, rest: Float32Array, restStart: Uint32Array, only: Uint32Array | null): void {
  const { unit, extra } = acc;
  const { present, excepted, ranks, entries, w } = term;
  const lastWord = Math.ceil(to / 32);
  if (only === null) {
    // Every chunk: the exception bits are met in order, so their count runs along.
    let rank = term.rank;
    for (let x = from >>> 5; x < lastWord; x++) {
      let bits = present[x]!;
      const exc = excepted[x]!;
      const base = x << 5;
      while (bits !== 0) {
        const low = bits & -bits;
        const bit = 31 - Math.clz32(low);
        bits ^= low;
        const d = base + bit;
        if ((exc & low) === 0) unit[d]! += w;
        else extra[d]! += w * rest[restStart[d]! + entries[rank++]!]!;
      }
    }
    term.rank = rank;
    return;
  }
  // Only the chunks that can still reach the top: a word at a time; an exception's rank from the running counts.
  for (let x = from >>> 5; x < lastWord; x++) {
    let bits = present[x]! & only[x]!;
    if (bits === 0) continue;
    const exc = excepted[x]!;
    const base = x << 5;
    while (bits !== 0) {
      const low = bits & -bits;
      const bit = 31 - Math.clz32(low);
      bits ^= low;
      const d = base + bit;
      if ((exc & low) === 0) {
        unit[d]! += w;
        continue;
      }
      let rank = ranks[Math.floor(x / RANK_WORDS)]!;
      for (let y = x - (x % RANK_WORDS); y < x; y++) rank += popcount(excepted[y]!);
      rank += popcount(exc & (low - 1));
      extra[d]! += w * rest[restStart[d]! + entries[rank]!]!;
    }
  }
}

/** Tuning of exact pruning. */
export const PRUNING = {
  /**
   * Where θ is checked (each check is two passes over all the scores, ≈ 1 ms at 100,000 chunks on a loaded core, so
   * few): when what the remaining terms can add has fallen to these shares of what the terms added so far could.
   * Measured on the bench's questions, θ is then usually above the bound at the first check.
   */
  checkpoints: [0.1, 0.02],
  /** Relative margin on the bound, so that float rounding can never drop a chunk that belongs in the top. */
  margin: 1e-6,
} as const;

/**
 * The chunks' exact scores for the `depth` best, into `out`: every chunk that can be among the `depth` best gets its
 * full score, the others may get less, never more. A question of 100 terms reads about a million postings at
 * 100,000 chunks, most of them of frequent terms that add little to any score: max-score pruning skips adding those
 * to chunks that cannot reach the top.
 *
 * Each term can add at most U = query weight × idf × its largest weight. Terms are added in order of U, largest first
 * (then rarest, then by dictionary entry) — always, so a chunk's score never depends on how the work was split. At
 * a few checkpoints θ, the depth-th best score so far, is computed: scores only grow, so the final depth-th best is
 * at least θ; the terms not yet added can add at most R = ΣU to any chunk, and once R < θ a chunk below θ − R
 * cannot reach the top: the remaining terms are added only to the others (their postings are still decoded, which
 * costs a fraction of adding them everywhere).
 */
export function scoreTerms(
  p: CompressedPostings,
  n: number,
  ks: readonly number[],
  weights: readonly number[],
  acc: Accumulators,
  out: Float32Array,
  depth: number,
  allowed: Uint8Array | null,
): void {
  const order = ks
    .map((k, t) => {
      const df = documentFrequency(p, k);
      return { k, w: weights[t]!, df, u: weights[t]! * idf(df, n) * p.termMax[k]! };
    })
    .sort((a, b) => b.u - a.u || a.df - b.df || a.k - b.k);
  const m = order.length;
  /** remaining[i]: what the terms from i on can add to a chunk, at most. */
  const remaining = new Float64Array(m + 1);
  for (let i = m - 1; i >= 0; i--) remaining[i] = remaining[i + 1]! + Math.max(0, order[i]!.u);
  const add = (from: number, to: number, only: Uint32Array | null) => {
    const part = order.slice(from, to);
    addTerms(p, n, part.map((t) => t.k), part.map((t) => t.w * idf(t.df, n)), acc, only);
  };
  let i = 0;
  for (const share of PRUNING.checkpoints) {
    if (i >= m) break;
    // Up to where the remaining bound has fallen to `share` of the bound of the terms added (at least one term).
    let j = i + 1;
    while (j < m && remaining[j]! > share * (remaining[0]! - remaining[j]!)) j++;
    add(i, j, null);
    i = j;
    if (i >= m) break;
    // θ: a floor under the depth-th best score so far (scores are at most what the added terms can add).
    const theta = scoresAndFloor(p, acc, out, allowed, depth, remaining[0]! - remaining[i]!);
    const bound = remaining[i]! * (1 + PRUNING.margin) + PRUNING.margin;
    if (theta > bound) {
      const words = Math.ceil(n / 32);
      const only = new Uint32Array(words);
      const floor = theta - bound;
      for (let d = 0; d < n; d++) if (out[d]! >= floor && (allowed === null || allowed[d] !== 0)) only[d >>> 5]! |= 1 << (d & 31);
      add(i, m, only);
      // Only the chunks that got more need their scores again; the others keep the ones just computed.
      const { unit, extra } = acc;
      const v0 = p.v0;
      for (let x = 0; x < words; x++) {
        let bits = only[x]!;
        while (bits !== 0) {
          const low = bits & -bits;
          bits ^= low;
          const d = (x << 5) + 31 - Math.clz32(low);
          out[d] = v0[d]! * unit[d]! + extra[d]!;
        }
      }
      unit.fill(0);
      extra.fill(0);
      return;
    }
  }
  if (i < m) add(i, m, null);
  finish(p, acc, out);
}

/** Buckets of the histogram that places θ. */
const FLOOR_BUCKETS = 2048;

/**
 * The chunks' scores so far (into `out`, accumulators kept), and a floor under the depth-th best of the allowed
 * ones: the lower edge of the histogram bucket holding it (at least `depth` scores are at or above it). `top` bounds
 * every score. One pass, where an exact selection would take a second.
 */
function scoresAndFloor(p: CompressedPostings, acc: Accumulators, out: Float32Array, allowed: Uint8Array | null, depth: number, top: number): number {
  const { unit, extra } = acc;
  const v0 = p.v0;
  const counts = new Uint32Array(FLOOR_BUCKETS);
  const scale = top > 0 ? (FLOOR_BUCKETS - 1) / (top * (1 + PRUNING.margin)) : 0;
  for (let d = 0; d < out.length; d++) {
    const u = unit[d]!;
    const e = extra[d]!;
    if (u === 0 && e === 0) {
      out[d] = 0;
      continue;
    }
    const v = v0[d]! * u + e;
    out[d] = v;
    if (v > 0 && (allowed === null || allowed[d] !== 0)) counts[Math.min(FLOOR_BUCKETS - 1, Math.floor(v * scale))]!++;
  }
  let seen = 0;
  for (let b = FLOOR_BUCKETS - 1; b >= 0; b--) {
    seen += counts[b]!;
    // Bucket b holds scores in [b / scale, (b + 1) / scale): at least `depth` are at or above its lower edge.
    if (seen >= depth) return b / scale;
  }
  return 0;
}

/** The chunks' scores from the accumulators (into `out`), and the accumulators cleared for the next query. */
function finish(p: CompressedPostings, acc: Accumulators, out: Float32Array, clear = true): void {
  const { unit, extra } = acc;
  const v0 = p.v0;
  for (let d = 0; d < out.length; d++) {
    const u = unit[d]!;
    const e = extra[d]!;
    out[d] = u === 0 && e === 0 ? 0 : v0[d]! * u + e;
  }
  if (!clear) return;
  unit.fill(0);
  extra.fill(0);
}
