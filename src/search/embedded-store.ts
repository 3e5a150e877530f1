/**
 * The embedded store: in-process, exact (no approximation at this scale), persisted on disk, lean.
 *
 * Lexical scoring is BM25: chunk vectors carry saturated term frequencies, the store applies idf at query time
 * (from its own document frequencies, the formula of search/idf.ts). Dense vectors, when present, are compared by
 * cosine, brute force. The two ranked lists are fused by RRF — not by adding scores: BM25 and cosine are not on one
 * scale. Chunks are numbered in chunk-id order whatever order they are given in, and equal scores rank by number:
 * the same corpus gives the same rankings however it was read.
 *
 * Persistence: each build is written to a new folder `v<time>-<pid>/`, then the `CURRENT` pointer is replaced by an
 * atomic rename, then older folders are removed except the version that was in use before (KEEP: the fallback when
 * the new one is found damaged later). A failed build never touches the index in use.
 *
 * Layout of a version folder (format 2), made to open by reading only what queries need:
 * - `index.bin`: typed arrays back to back, used in place — a header; the compressed inverted index (term
 *   dictionary, postings as varint gaps, each chunk's small table of weights: see postings.ts, ≈ 1.5 bytes a
 *   posting where format 1 spent 8); the normalized dense vectors; the filter columns (documentId, number,
 *   docType, place) as codes into the dictionaries of `meta.json`; the chunk ids; and where each block of
 *   records.bin lies with its CRC-32.
 * - `records.bin`: the payloads in compressed blocks, each document's fields once per block (see records.ts). The
 *   text is stored once; open() reads none of it: a hit's payload is read and its block checked when somebody looks
 *   at it (retrieval uses ids only).
 * - `meta.json`: format, counts, the filter columns' distinct values.
 * - attachments the caller asks to keep with the version (the parsed documents), so that an older version, when it
 *   has to be used, comes with the documents it was built from.
 * - `manifest.json`, written last: length and CRC-32 of each file above.
 *
 * Integrity: open() checks every file's length against the manifest, reads and checks the CRC-32 of index.bin,
 * meta.json and the attachments, and the layout of index.bin. Of index.bin it keeps what precedes the postings; the
 * postings pass through a small buffer for the check and are read again term by term when questions need them
 * (STORE). records.bin is checked block by block as it is read
 * (the block CRCs live in index.bin, itself checked). A damaged or missing version is passed over for the newest
 * intact one, and `lastOpen` says what was found, so the caller can log it, tell the operator and rebuild when
 * nothing intact is left. CRC-32, not a cryptographic hash: it guards against truncation, bit rot and a half-copied
 * folder, not against an attacker who can write DATA_DIR anyway.
 *
 * Folders written by earlier layouts still open: format 1 (`index.bin` of plain arrays + `records.bin` of JSON
 * records; its postings are compressed in memory at open) and the first one (`chunks.json` + `vectors.bin`).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { idf } from "./idf.js";
import { type Accumulators, type CompressedPostings, type InvertedLists, type RankWork, type TermBytes, type WeightTables, accumulators, compress, documentFrequency, findTerm, rankTerms, weightTables } from "./postings.js";
import { BlockRecords, RECORDS, writeRecords } from "./records.js";
import type { ChunkPayload, IndexedChunk, StoreFilter, StoreHit, StoreQuery, VectorStore } from "./types.js";
import { validateIndexedChunks } from "./validate.js";

export { idf };

/** RRF as Qdrant computes it (DEFAULT_RRF_K = 2): 1 / (2 + position), positions from 0, so both stores rank alike. */
export const RRF_K = 2;

const MAGIC = 0x58494256; // "VBIX" read as a little-endian uint32
/** The layout written now; FORMAT_1 folders still open. */
const FORMAT = 2;
const FORMAT_1 = 1;
const HEADER_WORDS_1 = 8;
const HEADER_WORDS = 16;
const MANIFEST = "manifest.json";
/** Version folders: `v<milliseconds>-<pid>`; the stamp orders them (newest first when falling back). */
const VERSION_RE = /^v(\d+)-\d+$/;

/** Tuning of opening an index and reading its postings. */
export const STORE = {
  /**
   * open() checks index.bin's CRC-32 whole, but keeps only what precedes the postings (dictionary, per-chunk tables,
   * ids): the postings go through a buffer of this size and are read again term by term when a question needs them.
   * Small enough to stay in the CPU's cache: fresh memory is what made reading the whole file slow (page faults on a
   * 56 MB buffer cost more than reading and checking it, ≈ 400 vs 60 ms at 100,000 chunks on a loaded 2-core VM).
   */
  verifyChunkBytes: 1 << 20,
  /**
   * Postings kept in memory once read, least recently used dropped first. All postings of 100,000 chunks take
   * ≈ 44 MB, so at that scale this holds all of them; at larger ones, the terms questions use.
   */
  postingCacheBytes: 64 << 20,
} as const;

/**
 * The postings of a format 2 index.bin, read term by term (one pread each) when a question first needs them, and
 * kept in a bounded cache. index.bin was checked whole at open; a file that is shorter now is reported as damaged.
 */
class PostingsFile {
  private fd: number | null = null;
  private readonly cache = new Map<number, TermBytes>();
  private cached = 0;

  constructor(
    private readonly path: string,
    /** Where the postings start in index.bin. */
    private readonly offset: number,
    private readonly postStart: Uint32Array,
  ) {}

  read(k: number): TermBytes {
    const hit = this.cache.get(k);
    if (hit) {
      // Most recently used last.
      this.cache.delete(k);
      this.cache.set(k, hit);
      return hit;
    }
    const from = this.postStart[k]!;
    const length = this.postStart[k + 1]! - from;
    // A buffer of its own, a whole number of words (bitmap terms are read as 32-bit words).
    const buf = new ArrayBuffer((length + 3) & ~3);
    const bytes = new Uint8Array(buf);
    this.fd ??= openSync(this.path, "r");
    let got = 0;
    while (got < length) {
      const read = readSync(this.fd, bytes, got, length - got, this.offset + from + got);
      if (read === 0) throw new Error(`embedded index: ${this.path} ended early (postings of term ${k})`);
      got += read;
    }
    const term = { bytes, words: new Uint32Array(buf) };
    this.cache.set(k, term);
    this.cached += buf.byteLength;
    while (this.cached > STORE.postingCacheBytes && this.cache.size > 1) {
      const [oldest, old] = this.cache.entries().next().value!;
      this.cache.delete(oldest);
      this.cached -= old.bytes.buffer.byteLength;
    }
    return term;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** What open() found wrong with one version folder. */
export interface IndexProblem {
  version: string;
  /** The file at fault, or null when the version folder itself is missing. */
  file: string | null;
  kind: "missing-version" | "missing-file" | "size" | "checksum" | "format";
  detail: string;
}

/**
 * The outcome of open(): `opened` — the version CURRENT names is intact; `fallback` — it is not, an older intact
 * version is in use (and CURRENT now names it); `damaged` — no intact version is left (the caller rebuilds);
 * `missing` — no index was ever written here.
 */
export interface OpenReport {
  status: "opened" | "fallback" | "damaged" | "missing";
  /** The version in use, or null. */
  version: string | null;
  /** Problems of the versions passed over, the one CURRENT names first. */
  problems: IndexProblem[];
}

class DamagedIndexError extends Error {
  constructor(readonly problem: Omit<IndexProblem, "version">) {
    super(problem.detail);
  }
}

interface ManifestFile {
  bytes: number;
  crc32: number;
}
interface Manifest {
  format: number;
  files: Record<string, ManifestFile>;
}

/** Payload fields a StoreFilter can constrain, in column order. */
const FILTER_FIELDS = ["documentId", "number", "docType", "place"] as const;
type FilterField = (typeof FILTER_FIELDS)[number];

/** Per filter field: the distinct values, and per chunk the index of its value (field-major, 4 × n codes). */
interface Columns {
  values: Record<FilterField, unknown[]>;
  codes: Uint32Array;
}

/** Where hits get their ids and payloads. */
interface RecordSource {
  id(d: number): string;
  payload(d: number): ChunkPayload;
  all(): ChunkPayload[];
  close?(): void;
}

interface Loaded {
  n: number;
  postings: CompressedPostings;
  /** Where the postings are read from when they stay on disk. */
  postingsFile?: PostingsFile;
  records: RecordSource;
  columns: Columns;
  dense: Float32Array | null;
  denseSize: number;
}

interface Meta {
  format: number;
  n: number;
  denseSize: number;
  columns: Record<FilterField, unknown[]>;
}

/** Format 1 records: per chunk `JSON.stringify([id, payload])`, decoded chunk by chunk on first use (or held eagerly). */
class JsonRecords implements RecordSource {
  private readonly ids: (string | undefined)[];
  private readonly payloads: (ChunkPayload | undefined)[];

  constructor(
    readonly n: number,
    private readonly blob: Buffer | null,
    private readonly offsets: Uint32Array | null,
    eager?: { ids: string[]; payloads: ChunkPayload[] },
  ) {
    this.ids = eager ? eager.ids : new Array<string | undefined>(n);
    this.payloads = eager ? eager.payloads : new Array<ChunkPayload | undefined>(n);
  }

  private decode(d: number): void {
    const [id, payload] = JSON.parse(this.blob!.toString("utf8", this.offsets![d]!, this.offsets![d + 1]!)) as [string, ChunkPayload];
    this.ids[d] = id;
    this.payloads[d] = payload;
  }

  id(d: number): string {
    if (this.ids[d] === undefined) this.decode(d);
    return this.ids[d]!;
  }

  payload(d: number): ChunkPayload {
    if (this.payloads[d] === undefined) this.decode(d);
    return this.payloads[d]!;
  }

  all(): ChunkPayload[] {
    for (let d = 0; d < this.n; d++) if (this.payloads[d] === undefined) this.decode(d);
    return this.payloads as ChunkPayload[];
  }
}

/** Format 2: ids from index.bin (UTF-8, decoded when asked), payloads from the record blocks. */
class IndexedRecords implements RecordSource {
  constructor(
    private readonly idBytes: Uint8Array,
    private readonly idStart: Uint32Array,
    private readonly blocks: BlockRecords,
  ) {}

  id(d: number): string {
    return Buffer.from(this.idBytes.buffer, this.idBytes.byteOffset + this.idStart[d]!, this.idStart[d + 1]! - this.idStart[d]!).toString("utf8");
  }

  payload(d: number): ChunkPayload {
    return this.blocks.payload(d);
  }

  all(): ChunkPayload[] {
    return this.blocks.all();
  }

  close(): void {
    this.blocks.close();
  }
}

/**
 * Open-addressing hash map uint32 term id → dense slot number (order of first appearance), in typed arrays:
 * tens of millions of postings go through it when an index is built.
 */
class TermTable {
  private keys = new Uint32Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  private mask = 1023;
  private shift = 22;
  size = 0;
  /** Term id of each slot number. */
  ids = new Uint32Array(1024);
  /** Occurrences of each slot number (document frequency: a vector holds an index at most once). */
  counts = new Uint32Array(1024);

  private find(t: number): number {
    let h = Math.imul(t, 0x9e3779b1) >>> this.shift;
    while (this.slots[h] !== -1 && this.keys[h] !== t) h = (h + 1) & this.mask;
    return h;
  }

  /** Slot number of the term, adding it if new; counts one occurrence. */
  add(t: number): number {
    let h = this.find(t);
    let s = this.slots[h]!;
    if (s === -1) {
      if ((this.size + 1) * 2 > this.mask + 1) {
        this.grow();
        h = this.find(t);
      }
      s = this.size++;
      if (s >= this.ids.length) {
        const ids = new Uint32Array(this.ids.length * 2);
        ids.set(this.ids);
        this.ids = ids;
        const counts = new Uint32Array(this.counts.length * 2);
        counts.set(this.counts);
        this.counts = counts;
      }
      this.keys[h] = t;
      this.slots[h] = s;
      this.ids[s] = t;
    }
    this.counts[s]!++;
    return s;
  }

  get(t: number): number {
    return this.slots[this.find(t)]!;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const keys = this.keys;
    const slots = this.slots;
    this.keys = new Uint32Array(cap);
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    for (let h = 0; h < slots.length; h++) {
      if (slots[h] === -1) continue;
      const at = this.find(keys[h]!);
      this.keys[at] = keys[h]!;
      this.slots[at] = slots[h]!;
    }
  }
}

/**
 * Build the inverted index of n sparse vectors given flat (chunk d's entries in [offsets[d], offsets[d + 1])), with
 * each chunk's weight table. Postings of a term list chunks in ascending order, as a chunk-by-chunk scan would meet
 * them. `indices` and `values` are scratch: overwritten, the postings' chunks end in `indices` (callers pass copies
 * they own).
 */
function invert(n: number, offsets: Uint32Array, indices: Uint32Array, values: Float32Array): { inv: InvertedLists; tables: WeightTables } {
  const { entry, ...tables } = weightTables(n, offsets, values);
  const table = new TermTable();
  for (let j = 0; j < indices.length; j++) indices[j] = table.add(indices[j]!);
  const count = table.size;
  const terms = table.ids.slice(0, count).sort();
  // Rank of each slot number in the sorted dictionary (term ids are distinct).
  const rank = new Uint32Array(count);
  for (let k = 0; k < count; k++) rank[table.get(terms[k]!)] = k;
  const starts = new Uint32Array(count + 1);
  for (let s = 0; s < count; s++) starts[rank[s]! + 1] = table.counts[s]!;
  for (let k = 0; k < count; k++) starts[k + 1]! += starts[k]!;
  // Postings go to their term's place in two stable passes, on the high then the low bits of the term's rank: a single
  // pass writes to as many places at once as there are terms (tens of thousands of cache lines, a miss a posting),
  // each of these to a few hundred. Chunk numbers stay ascending within a term, as the chunk-by-chunk scan met them.
  const total = indices.length;
  const bits = 32 - Math.clz32(Math.max(1, count - 1));
  const low = Math.min(16, Math.ceil(bits / 2));
  const buckets = (count >>> low) + 1;
  const bucketFill = new Uint32Array(buckets);
  for (let b = 0; b < buckets; b++) bucketFill[b] = starts[b << low]!;
  // Fresh memory costs a page fault per 4 KiB on first write (about as much as the pass itself): the first pass keeps
  // each posting's chunk in the weights' array (read by weightTables, not needed again) and its rank's low bits with its
  // entry in one word; the second writes the chunks over `indices` (read in the first pass only).
  const docOf = new Uint32Array(values.buffer, values.byteOffset, total);
  const packed = new Uint32Array(total);
  const mask = (1 << low) - 1;
  for (let d = 0; d < n; d++) {
    for (let j = offsets[d]!, end = offsets[d + 1]!; j < end; j++) {
      const k = rank[indices[j]!]!;
      const at = bucketFill[k >>> low]!++;
      docOf[at] = d;
      packed[at] = (k & mask) | (entry[j]! << 16);
    }
  }
  const fill = starts.slice(0, count);
  const docs = indices;
  const entries = new Uint16Array(total);
  for (let b = 0; b < buckets; b++) {
    const base = b << low;
    for (let i = starts[base]!, end = starts[Math.min(count, base + mask + 1)]!; i < end; i++) {
      const p = packed[i]!;
      const at = fill[base + (p & mask)]!++;
      docs[at] = docOf[i]!;
      entries[at] = p >>> 16;
    }
  }
  return { inv: { terms, starts, docs, entries }, tables };
}

/** The compressed postings of n chunk-major vectors (`indices` and `values` are overwritten). */
function compressed(n: number, v: { offsets: Uint32Array; indices: Uint32Array; values: Float32Array }): CompressedPostings {
  const { inv, tables } = invert(n, v.offsets, v.indices, v.values);
  return compress(n, inv, tables);
}

/** Postings kept term by term (the first index format) put back chunk by chunk, for invert. */
function chunkMajor(n: number, terms: Uint32Array, starts: Uint32Array, docs: Uint32Array, vals: Float32Array): { offsets: Uint32Array; indices: Uint32Array; values: Float32Array } {
  const offsets = new Uint32Array(n + 1);
  for (let j = 0; j < docs.length; j++) offsets[docs[j]! + 1]!++;
  for (let d = 0; d < n; d++) offsets[d + 1]! += offsets[d]!;
  const fill = offsets.slice(0, n);
  const indices = new Uint32Array(docs.length);
  const values = new Float32Array(docs.length);
  for (let k = 0; k < terms.length; k++) {
    for (let j = starts[k]!; j < starts[k + 1]!; j++) {
      const at = fill[docs[j]!]!++;
      indices[at] = terms[k]!;
      values[at] = vals[j]!;
    }
  }
  return { offsets, indices, values };
}

/** Dictionary-encode the filter fields of the payloads. */
function columnsOf(payloads: readonly ChunkPayload[]): Columns {
  const n = payloads.length;
  const codes = new Uint32Array(FILTER_FIELDS.length * n);
  const values = {} as Record<FilterField, unknown[]>;
  FILTER_FIELDS.forEach((field, f) => {
    const dict = new Map<unknown, number>();
    const list: unknown[] = [];
    for (let d = 0; d < n; d++) {
      const v = (payloads[d] as unknown as Record<string, unknown>)[field];
      let code = dict.get(v);
      if (code === undefined) {
        code = list.length;
        dict.set(v, code);
        list.push(v);
      }
      codes[f * n + d] = code;
    }
    values[field] = list;
  });
  return { values, codes };
}

function topK(scores: Float32Array, allowed: Uint8Array | null, k: number): number[] {
  // Partial selection: keep a small sorted buffer; at this scale it beats sorting 100k scores.
  const best: number[] = [];
  let floor = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s <= floor && best.length >= k) continue;
    if (s <= 0) continue;
    if (allowed && !allowed[i]) continue;
    let pos = best.length;
    while (pos > 0 && scores[best[pos - 1]!]! < s) pos--;
    best.splice(pos, 0, i);
    if (best.length > k) best.pop();
    if (best.length >= k) floor = scores[best[best.length - 1]!]!;
  }
  return best;
}

/**
 * A whole file in a buffer of its own (offset 0, so typed-array views on it are aligned), read in 1 GiB pieces:
 * readFile refuses files over 2 GiB.
 */
async function readWhole(path: string): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const buf = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await file.read(buf, at, Math.min(size - at, 2 ** 30), at);
      if (bytesRead === 0) throw new Error(`embedded index: ${path} ended early`);
      at += bytesRead;
    }
    return buf;
  } finally {
    await file.close();
  }
}


/** Index of the section sizes of a format 2 index.bin, in 4-byte words, in order. */
function layout(h: { n: number; terms: number; postingBytes: number; denseSize: number; restCount: number; idBytes: number; blocks: number }): number[] {
  const words = (bytes: number) => Math.ceil(bytes / 4);
  return [
    HEADER_WORDS,
    h.terms, // terms
    h.terms + 1, // postStart
    h.terms, // dfFlags
    h.terms, // termMax
    h.n, // v0
    h.n + 1, // restStart
    h.restCount, // rest
    h.n * h.denseSize, // dense
    FILTER_FIELDS.length * h.n, // column codes
    h.n + 1, // idStart
    h.blocks + 1, // blockStart
    h.blocks, // blockCrc
    words(h.idBytes), // ids
    words(h.postingBytes), // postings
  ];
}

/** Format 1 index.bin (views on it): plain inverted lists, record offsets, codes. */
function readIndex1(bytes: Uint8Array, meta: Meta): { inv: { terms: Uint32Array; starts: Uint32Array; docs: Uint32Array; vals: Float32Array }; dense: Float32Array | null; recordOffsets: Uint32Array; codes: Uint32Array } {
  const buf = bytes.buffer;
  let off = bytes.byteOffset;
  const u32 = (len: number) => {
    const a = new Uint32Array(buf, off, len);
    off += len * 4;
    return a;
  };
  const f32 = (len: number) => {
    const a = new Float32Array(buf, off, len);
    off += len * 4;
    return a;
  };
  if (bytes.byteLength < HEADER_WORDS_1 * 4) throw new DamagedIndexError({ file: "index.bin", kind: "size", detail: "index.bin is shorter than its header" });
  const [magic, format, n, termCount, postings, denseSize] = u32(HEADER_WORDS_1);
  if (magic !== MAGIC || format !== FORMAT_1 || n !== meta.n || denseSize !== meta.denseSize) {
    throw new DamagedIndexError({ file: "index.bin", kind: "format", detail: "index.bin does not match meta.json" });
  }
  const words = [HEADER_WORDS_1, termCount!, termCount! + 1, postings!, postings!, n! * denseSize!, n! + 1, FILTER_FIELDS.length * n!];
  if (bytes.byteLength !== words.reduce((s, w) => s + w * 4, 0)) {
    throw new DamagedIndexError({ file: "index.bin", kind: "size", detail: "index.bin has the wrong size" });
  }
  const terms = u32(termCount!);
  const starts = u32(termCount! + 1);
  const docs = u32(postings!);
  const vals = f32(postings!);
  const dense = denseSize ? f32(n! * denseSize) : null;
  const recordOffsets = u32(n! + 1);
  const codes = u32(FILTER_FIELDS.length * n!);
  return { inv: { terms, starts, docs, vals }, dense, recordOffsets, codes };
}

/** Bytes of a format 2 index.bin before its postings, from its header; null when the header is unreadable. */
function postingsOffset(head: Uint8Array): number | null {
  if (head.byteLength < HEADER_WORDS * 4) return null;
  const h = new Uint32Array(head.buffer, head.byteOffset, HEADER_WORDS);
  if (h[0] !== MAGIC || h[1] !== FORMAT) return null;
  const words = layout({ n: h[2]!, terms: h[3]!, postingBytes: h[4]!, denseSize: h[5]!, restCount: h[6]!, idBytes: h[7]!, blocks: h[8]! });
  return words.slice(0, -1).reduce((s, w) => s + w * 4, 0);
}

/**
 * Format 2 index.bin (views on it, nothing copied). `bytes` is the whole file, or, with `lazy`, only what precedes the
 * postings (which are then read term by term from `lazy.path`, a file of `lazy.fileBytes` bytes).
 */
function readIndex2(
  bytes: Uint8Array,
  meta: Meta,
  recordsPath: string,
  recordsSize: number | null,
  lazy: { path: string; fileBytes: number } | null = null,
): Omit<Loaded, "columns"> & { codes: Uint32Array } {
  const damaged = (kind: IndexProblem["kind"], detail: string) => new DamagedIndexError({ file: "index.bin", kind, detail });
  if (bytes.byteLength < HEADER_WORDS * 4 || bytes.byteOffset % 4 !== 0) throw damaged("size", "index.bin is shorter than its header");
  const buf = bytes.buffer;
  const head = new Uint32Array(buf, bytes.byteOffset, HEADER_WORDS);
  const [magic, format, n, terms, postingBytes, denseSize, restCount, idBytes, blocks, perBlock] = head as unknown as number[];
  if (magic !== MAGIC || format !== FORMAT || n !== meta.n || denseSize !== meta.denseSize || !perBlock) throw damaged("format", "index.bin does not match meta.json");
  const words = layout({ n: n!, terms: terms!, postingBytes: postingBytes!, denseSize: denseSize!, restCount: restCount!, idBytes: idBytes!, blocks: blocks! });
  const fileBytes = words.reduce((s, w) => s + w * 4, 0);
  const headBytes = fileBytes - words[words.length - 1]! * 4;
  if ((lazy?.fileBytes ?? bytes.byteLength) !== fileBytes || (lazy !== null && bytes.byteLength !== headBytes)) throw damaged("size", "index.bin has the wrong size");
  let off = bytes.byteOffset + HEADER_WORDS * 4;
  const take = <T>(Ctor: new (b: ArrayBufferLike, o: number, l: number) => T, len: number, wordsUsed = len): T => {
    const a = new Ctor(buf, off, len);
    off += wordsUsed * 4;
    return a;
  };
  const termIds = take(Uint32Array, terms!);
  const postStart = take(Uint32Array, terms! + 1);
  const dfFlags = take(Uint32Array, terms!);
  const termMax = take(Float32Array, terms!);
  const v0 = take(Float32Array, n!);
  const restStart = take(Uint32Array, n! + 1);
  const rest = take(Float32Array, restCount!);
  const dense = take(Float32Array, n! * denseSize!);
  const codes = take(Uint32Array, FILTER_FIELDS.length * n!);
  const idStart = take(Uint32Array, n! + 1);
  const blockStart = take(Uint32Array, blocks! + 1);
  const blockCrc = take(Uint32Array, blocks!);
  const idBlob = take(Uint8Array, idBytes!, Math.ceil(idBytes! / 4));
  const postingBlob = lazy ? null : take(Uint8Array, postingBytes!, Math.ceil(postingBytes! / 4));
  // Offsets that point outside their arrays would read garbage: checked once here.
  if (postStart[terms!] !== postingBytes || idStart[n!] !== idBytes || restStart[n!] !== restCount || blocks !== Math.ceil(n! / perBlock!)) {
    throw damaged("format", "index.bin's offsets do not match its sizes");
  }
  if (recordsSize !== null && blockStart[blocks!] !== recordsSize) {
    throw new DamagedIndexError({ file: "records.bin", kind: "size", detail: `records.bin has ${recordsSize} bytes, ${blockStart[blocks!]} expected` });
  }
  const postingsFile = lazy ? new PostingsFile(lazy.path, headBytes, postStart) : undefined;
  return {
    n: n!,
    postings: { terms: termIds, postStart, dfFlags, termMax, bytes: postingBlob, read: postingsFile ? (k) => postingsFile.read(k) : null, v0, restStart, rest },
    postingsFile,
    records: new IndexedRecords(idBlob, idStart, new BlockRecords(recordsPath, n!, blockStart, blockCrc, perBlock!)),
    dense: denseSize ? dense : null,
    denseSize: denseSize!,
    codes,
  };
}

/**
 * Check a format 2 index.bin against its CRC-32 in one streaming pass and keep only what precedes its postings (see
 * STORE.verifyChunkBytes). Null when its header does not give a sane split (it is then read whole and checked the
 * usual way, which names what is wrong).
 */
async function verifyIndexHead(path: string, expected: ManifestFile): Promise<Buffer | null> {
  const file = await open(path, "r");
  try {
    const header = Buffer.alloc(HEADER_WORDS * 4);
    const { bytesRead } = await file.read(header, 0, header.length, 0);
    const split = bytesRead === header.length ? postingsOffset(header) : null;
    if (split === null || split > expected.bytes) return null;
    const head = Buffer.allocUnsafeSlow(split);
    const chunk = Buffer.allocUnsafeSlow(STORE.verifyChunkBytes);
    let crc = 0;
    for (let at = 0; at < expected.bytes; ) {
      // What precedes the postings is read into the buffer kept; the postings through the small one.
      const into = at < split ? head.subarray(at, Math.min(split, at + 2 ** 30)) : chunk.subarray(0, Math.min(chunk.length, expected.bytes - at));
      const { bytesRead: got } = await file.read(into, 0, into.length, at);
      if (got === 0) throw new DamagedIndexError({ file: "index.bin", kind: "size", detail: `index.bin has ${at} bytes, ${expected.bytes} expected` });
      crc = crc32(into.subarray(0, got), crc);
      at += got;
    }
    if (crc !== expected.crc32) throw new DamagedIndexError({ file: "index.bin", kind: "checksum", detail: "index.bin fails its checksum" });
    return head;
  } finally {
    await file.close();
  }
}

export class EmbeddedStore implements VectorStore {
  private data: Loaded | null = null;
  /** The version folder in use (verified at open, or just written). */
  private version: string | null = null;
  /** Attachments of the version opened, verified against its manifest, until taken. */
  private attachments = new Map<string, Buffer>();
  /** What the last open() found (null before the first open). */
  lastOpen: OpenReport | null = null;
  private scratch: Accumulators | null = null;
  /** When set, what queries cost is added to it (benchmarks, tests). */
  work: RankWork | null = null;

  constructor(private readonly dir: string) {}

  /**
   * Load the newest intact index version. Returns false when there is none: nothing was ever written here
   * (`lastOpen.status` "missing") or every version is damaged ("damaged"); the caller then builds a new one.
   */
  async open(): Promise<boolean> {
    let current: string | null = null;
    try {
      current = (await readFile(join(this.dir, "CURRENT"), "utf8")).trim() || null;
    } catch {
      current = null;
    }
    const others = (await readdir(this.dir).catch(() => [] as string[]))
      .filter((e) => VERSION_RE.test(e) && e !== current)
      .sort((a, b) => Number(VERSION_RE.exec(b)![1]) - Number(VERSION_RE.exec(a)![1]));
    if (current === null && others.length === 0) {
      this.lastOpen = { status: "missing", version: null, problems: [] };
      return false;
    }
    const problems: IndexProblem[] = [];
    if (current === null) problems.push({ version: "CURRENT", file: "CURRENT", kind: "missing-file", detail: "CURRENT is missing or empty" });
    for (const version of current === null ? others : [current, ...others]) {
      try {
        const { loaded, attachments } = await this.openVersion(version);
        this.use(loaded);
        this.version = version;
        this.attachments = attachments;
        if (version !== current) await this.pointTo(version);
        this.lastOpen = { status: version === current ? "opened" : "fallback", version, problems };
        return true;
      } catch (err) {
        problems.push({ version, ...(err instanceof DamagedIndexError ? err.problem : { file: null, kind: "format" as const, detail: (err as Error).message }) });
      }
    }
    this.lastOpen = { status: "damaged", version: null, problems };
    return false;
  }

  /** Switch to another loaded index; the previous one's record file is closed (it reopens if a late hit reads it). */
  private use(loaded: Loaded): void {
    this.data?.records.close?.();
    this.data?.postingsFile?.close();
    this.data = loaded;
  }

  /**
   * A file kept with the version opened (see replaceAll's `attachments`), verified against its manifest; null when
   * there is none. Handed over once: the store does not keep a second copy of what may be a large file.
   */
  takeAttachment(name: string): Buffer | null {
    const buf = this.attachments.get(name) ?? null;
    this.attachments.delete(name);
    return buf;
  }

  /** Read and verify one version folder; throws DamagedIndexError naming what is wrong. */
  private async openVersion(version: string): Promise<{ loaded: Loaded; attachments: Map<string, Buffer> }> {
    const base = join(this.dir, version);
    if (!(await stat(base).then((s) => s.isDirectory(), () => false))) {
      throw new DamagedIndexError({ file: null, kind: "missing-version", detail: `version folder ${version} does not exist` });
    }
    const manifestText = await readFile(join(base, MANIFEST), "utf8").catch(() => null);
    if (manifestText === null) {
      // Written before manifests existed: structural checks only.
      const isIndexed = await stat(join(base, "index.bin")).then(() => true, () => false);
      const loaded = await (isIndexed ? this.openUnverified(base) : this.openLegacy(base)).catch((err: unknown) => {
        throw err instanceof DamagedIndexError ? err : new DamagedIndexError({ file: null, kind: "format", detail: (err as Error).message });
      });
      return { loaded, attachments: new Map() };
    }
    let manifest: Manifest;
    try {
      manifest = JSON.parse(manifestText) as Manifest;
      if (!manifest || typeof manifest.files !== "object" || manifest.files === null) throw new Error("no file list");
    } catch (err) {
      throw new DamagedIndexError({ file: MANIFEST, kind: "format", detail: `${MANIFEST} is unreadable (${(err as Error).message})` });
    }
    const entries = Object.entries(manifest.files);
    for (const name of ["meta.json", "index.bin", "records.bin"]) {
      if (!manifest.files[name]) throw new DamagedIndexError({ file: MANIFEST, kind: "format", detail: `${MANIFEST} does not list ${name}` });
    }
    // Lengths first (a stat each): a truncated file is named without reading hundreds of MB.
    for (const [name, expected] of entries) {
      const size = await stat(join(base, name)).then((s) => s.size, () => null);
      if (size === null) throw new DamagedIndexError({ file: name, kind: "missing-file", detail: `${name} is missing` });
      if (size !== expected.bytes) throw new DamagedIndexError({ file: name, kind: "size", detail: `${name} has ${size} bytes, ${expected.bytes} expected` });
    }
    // Format 2 leaves the records unread (their blocks are checked when read); format 1 reads everything.
    const lazyRecords = manifest.format === FORMAT;
    // Format 2 leaves the postings on disk once checked (see STORE.verifyChunkBytes); null: read whole after all.
    const indexPath = join(base, "index.bin");
    const indexHead = manifest.format === FORMAT ? verifyIndexHead(indexPath, manifest.files["index.bin"]!) : Promise.resolve(null);
    const toRead = entries.filter(([name]) => !(lazyRecords && name === "records.bin") && !(manifest.format === FORMAT && name === "index.bin"));
    // Read together (the reads overlap on the thread pool), then check each file's CRC-32.
    const [head, ...buffers] = await Promise.all([
      indexHead.catch((err: unknown) => {
        throw err instanceof DamagedIndexError ? err : new DamagedIndexError({ file: "index.bin", kind: "missing-file", detail: "index.bin is missing" });
      }),
      ...toRead.map(([name]) =>
        readWhole(join(base, name)).catch(() => {
          throw new DamagedIndexError({ file: name, kind: "missing-file", detail: `${name} is missing` });
        }),
      ),
    ]);
    if (manifest.format === FORMAT && head === null) {
      toRead.push(["index.bin", manifest.files["index.bin"]!]);
      buffers.push(await readWhole(indexPath));
    }
    const files = new Map<string, Buffer>();
    toRead.forEach(([name, expected], i) => {
      const buf = buffers[i]!;
      if (buf.length !== expected.bytes) throw new DamagedIndexError({ file: name, kind: "size", detail: `${name} has ${buf.length} bytes, ${expected.bytes} expected` });
      if (crc32(buf) !== expected.crc32) throw new DamagedIndexError({ file: name, kind: "checksum", detail: `${name} fails its checksum` });
      files.set(name, buf);
    });
    const lazy = head ? { path: indexPath, fileBytes: manifest.files["index.bin"]!.bytes } : null;
    const loaded = this.load(base, files.get("meta.json")!.toString("utf8"), head ?? files.get("index.bin")!, files.get("records.bin") ?? null, manifest.files["records.bin"]!.bytes, lazy);
    for (const name of ["meta.json", "index.bin", "records.bin"]) files.delete(name);
    return { loaded, attachments: files };
  }

  /** A version without manifest but with index.bin: checked for structure only. */
  private async openUnverified(base: string): Promise<Loaded> {
    const read = (name: string) =>
      readWhole(join(base, name)).catch(() => {
        throw new DamagedIndexError({ file: name, kind: "missing-file", detail: `${name} is missing` });
      });
    const [meta, bytes] = await Promise.all([read("meta.json"), read("index.bin")]);
    const format = (JSON.parse(meta.toString("utf8")) as Partial<Meta>).format;
    const recordsSize = await stat(join(base, "records.bin")).then((s) => s.size, () => null);
    if (recordsSize === null) throw new DamagedIndexError({ file: "records.bin", kind: "missing-file", detail: "records.bin is missing" });
    const blob = format === FORMAT ? null : await read("records.bin");
    return this.load(base, meta.toString("utf8"), bytes, blob, recordsSize);
  }

  private load(base: string, metaText: string, bytes: Buffer, blob: Buffer | null, recordsSize: number, lazy: { path: string; fileBytes: number } | null = null): Loaded {
    let meta: Meta;
    try {
      meta = JSON.parse(metaText) as Meta;
      if (!meta || !Number.isInteger(meta.n) || !Number.isInteger(meta.denseSize) || typeof meta.columns !== "object") throw new Error("fields missing");
    } catch (err) {
      throw new DamagedIndexError({ file: "meta.json", kind: "format", detail: `meta.json is unreadable (${(err as Error).message})` });
    }
    if (meta.format === FORMAT) {
      const { codes, ...rest } = readIndex2(bytes, meta, join(base, "records.bin"), recordsSize, lazy);
      return { ...rest, columns: { values: meta.columns, codes } };
    }
    // Format 1: plain lists, compressed here (once per open of an index written by an earlier version).
    const { inv, dense, recordOffsets, codes } = readIndex1(bytes, meta);
    if (!blob || recordOffsets[meta.n] !== blob.length) {
      throw new DamagedIndexError({ file: "records.bin", kind: "size", detail: `records.bin has ${blob?.length ?? recordsSize} bytes, ${recordOffsets[meta.n]} expected` });
    }
    return {
      n: meta.n,
      postings: compressed(meta.n, chunkMajor(meta.n, inv.terms, inv.starts, inv.docs, inv.vals)),
      records: new JsonRecords(meta.n, blob, recordOffsets),
      columns: { values: meta.columns, codes },
      dense: dense ? dense.slice() : null,
      denseSize: meta.denseSize,
    };
  }

  /** Replace the CURRENT pointer atomically (write a temporary file, rename it over). */
  private async pointTo(version: string): Promise<void> {
    const tmp = join(this.dir, `CURRENT.${process.pid}.tmp`);
    try {
      await writeFile(tmp, version);
      await rename(tmp, join(this.dir, "CURRENT"));
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  /** The first layout: chunks.json (ids, payloads, denseSize) + vectors.bin (CSR sparse vectors, dense). */
  private async openLegacy(base: string): Promise<Loaded> {
    const meta = JSON.parse(await readFile(join(base, "chunks.json"), "utf8")) as { ids: string[]; payloads: ChunkPayload[]; denseSize: number };
    const bin = await readWhole(join(base, "vectors.bin"));
    const buf = bin.buffer;
    const head = new Uint32Array(buf, bin.byteOffset, 2);
    const n = head[0]!;
    const total = head[1]!;
    let off = bin.byteOffset + 8;
    const offsets = new Uint32Array(buf, off, n + 1);
    off += (n + 1) * 4;
    const indices = new Uint32Array(buf, off, total);
    off += total * 4;
    const values = new Float32Array(buf, off, total);
    off += total * 4;
    const dense = meta.denseSize ? new Float32Array(buf, off, n * meta.denseSize).slice() : null;
    return {
      n,
      postings: compressed(n, { offsets, indices, values }),
      records: new JsonRecords(n, null, null, { ids: meta.ids, payloads: meta.payloads }),
      columns: columnsOf(meta.payloads),
      dense,
      denseSize: meta.denseSize,
    };
  }

  /**
   * Build and switch to a new version. `info.attachments` are extra files kept in the version folder and covered by
   * its manifest (read back with `takeAttachment(name)` after open).
   */
  async replaceAll(given: IndexedChunk[], info: { denseSize?: number; attachments?: Record<string, string | Buffer> }): Promise<void> {
    validateIndexedChunks(given, info);
    // Chunks are numbered in id order, whatever order they come in: equal scores (ranked by number) then come out in
    // chunk-id order, and the same corpus gives the same rankings however it was read.
    const chunks = [...given].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const denseSize = info.denseSize ?? 0;
    const n = chunks.length;
    let total = 0;
    for (const c of chunks) total += c.sparse.indices.length;
    const offsets = new Uint32Array(n + 1);
    const indices = new Uint32Array(total);
    const values = new Float32Array(total);
    let p = 0;
    for (let d = 0; d < n; d++) {
      const { sparse } = chunks[d]!;
      offsets[d] = p;
      indices.set(sparse.indices, p);
      values.set(sparse.values, p);
      p += sparse.indices.length;
    }
    offsets[n] = p;
    const postings = compressed(n, { offsets, indices, values });
    const payloads = chunks.map((c) => c.payload);
    const columns = columnsOf(payloads);
    const records = writeRecords(payloads);
    const ids = Buffer.from(chunks.map((c) => c.id).join(""));
    const idStart = new Uint32Array(n + 1);
    for (let d = 0, at = 0; d < n; d++) {
      idStart[d] = at;
      at += Buffer.byteLength(chunks[d]!.id);
      idStart[d + 1] = at;
    }

    const postingBytes = postings.bytes!;
    const sizes = { n, terms: postings.terms.length, postingBytes: postingBytes.length, denseSize, restCount: postings.rest.length, idBytes: ids.length, blocks: records.blockCrc.length };
    const words = layout(sizes);
    const bin = new ArrayBuffer(words.reduce((s, w) => s + w * 4, 0));
    let off = 0;
    let part = 0;
    /** The next section of index.bin as a typed array (its size from layout()). */
    const section = <T>(Ctor: new (b: ArrayBuffer, o: number, l: number) => T, len: number): T => {
      const a = new Ctor(bin, off, len);
      off += words[part++]! * 4;
      return a;
    };
    section(Uint32Array, HEADER_WORDS).set([MAGIC, FORMAT, n, sizes.terms, sizes.postingBytes, denseSize, sizes.restCount, sizes.idBytes, sizes.blocks, RECORDS.perBlock]);
    section(Uint32Array, sizes.terms).set(postings.terms);
    section(Uint32Array, sizes.terms + 1).set(postings.postStart);
    section(Uint32Array, sizes.terms).set(postings.dfFlags);
    section(Float32Array, sizes.terms).set(postings.termMax);
    section(Float32Array, n).set(postings.v0);
    section(Uint32Array, n + 1).set(postings.restStart);
    section(Float32Array, sizes.restCount).set(postings.rest);
    const dense = section(Float32Array, n * denseSize);
    section(Uint32Array, columns.codes.length).set(columns.codes);
    section(Uint32Array, n + 1).set(idStart);
    section(Uint32Array, sizes.blocks + 1).set(records.blockStart);
    section(Uint32Array, sizes.blocks).set(records.blockCrc);
    section(Uint8Array, sizes.idBytes).set(ids);
    section(Uint8Array, sizes.postingBytes).set(postingBytes);
    if (denseSize) {
      for (let d = 0; d < n; d++) {
        const v = chunks[d]!.dense ?? new Array<number>(denseSize).fill(0);
        const norm = Math.hypot(...v) || 1;
        for (let k = 0; k < denseSize; k++) dense[d * denseSize + k] = v[k]! / norm;
      }
    }
    const meta: Meta = { format: FORMAT, n, denseSize, columns: columns.values };

    const files = new Map<string, Uint8Array>([
      ["index.bin", new Uint8Array(bin)],
      ["records.bin", records.file],
      ["meta.json", Buffer.from(JSON.stringify(meta))],
    ]);
    for (const [name, content] of Object.entries(info.attachments ?? {})) {
      if (files.has(name) || name === MANIFEST || !/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`embedded index: invalid attachment name ${name}`);
      files.set(name, typeof content === "string" ? Buffer.from(content) : content);
    }
    const manifest: Manifest = { format: FORMAT, files: {} };
    for (const [name, content] of files) manifest.files[name] = { bytes: content.byteLength, crc32: crc32(content) };

    await mkdir(this.dir, { recursive: true });
    // Strictly increasing stamps: two builds within one millisecond must not share a folder, and the fallback
    // order ("newest first") must follow the build order.
    const latest = Math.max(0, ...(await readdir(this.dir)).map((e) => Number(VERSION_RE.exec(e)?.[1] ?? 0)));
    const version = `v${Math.max(Date.now(), latest + 1)}-${process.pid}`;
    const target = join(this.dir, version);
    await mkdir(target);
    try {
      for (const [name, content] of files) await writeFile(join(target, name), content);
      // Last: a folder without its manifest is an unfinished build.
      await writeFile(join(target, MANIFEST), JSON.stringify(manifest));
      await this.pointTo(version);
    } catch (err) {
      await rm(target, { recursive: true, force: true });
      throw err;
    }
    const previous = this.version;
    // The index just written, used in place (the same views open() would make), its records read from the new folder.
    const { codes, ...loaded } = readIndex2(new Uint8Array(bin), meta, join(target, "records.bin"), records.file.length);
    this.use({ ...loaded, columns: { values: columns.values, codes } });
    this.version = version;
    this.attachments = new Map();
    this.lastOpen = { status: "opened", version, problems: [] };
    // Keep the version that was in use (verified at open or written by us): the fallback if this one is damaged
    // later. Anything else (older builds, damaged versions passed over at open) goes.
    for (const entry of await readdir(this.dir)) {
      if (VERSION_RE.test(entry) && entry !== version && entry !== previous) await rm(join(this.dir, entry), { recursive: true, force: true });
    }
  }

  private allowedMask(filter: StoreFilter | undefined, data: Loaded): Uint8Array | null {
    if (!filter) return null;
    const sets: Record<FilterField, Set<unknown> | null> = {
      documentId: filter.documentIds ? new Set(filter.documentIds) : null,
      number: filter.numbers ? new Set(filter.numbers) : null,
      docType: filter.docTypes ? new Set(filter.docTypes) : null,
      place: filter.places ? new Set(filter.places) : null,
    };
    if (!sets.documentId && !sets.number && !sets.docType && !sets.place) return null;
    const n = data.n;
    const mask = new Uint8Array(n).fill(1);
    FILTER_FIELDS.forEach((field, f) => {
      const set = sets[field];
      if (!set) return;
      // A null number / place matches no value.
      const nullable = field === "number" || field === "place";
      const ok = data.columns.values[field].map((v) => (nullable && v === null ? false : set.has(v)));
      const { codes } = data.columns;
      for (let d = 0; d < n; d++) if (!ok[codes[f * n + d]!]) mask[d] = 0;
    });
    return mask;
  }

  async query(q: StoreQuery): Promise<StoreHit[]> {
    const data = this.data;
    if (!data || !data.n) return [];
    const n = data.n;
    const allowed = this.allowedMask(q.filter, data);
    const depth = Math.max(q.limit * 4, 100);
    const { postings } = data;
    // The accumulators are reused (a query runs to its end without yielding, so no two share them).
    const acc = this.scratch?.postings === postings ? this.scratch : (this.scratch = accumulators(postings, n));
    const ks: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < q.sparse.indices.length; i++) {
      const k = findTerm(postings.terms, q.sparse.indices[i]!);
      if (k < 0) continue;
      ks.push(k);
      weights.push(q.sparse.values[i]!);
    }
    const fuse = !!q.dense && data.dense !== null && data.denseSize === q.dense.length;
    // Without a dense list to fuse with, a hit's RRF score falls with its lexical rank: the first `limit` lexical
    // hits are the answer, in order, and ranking only those lets pruning cut at a higher score (same hits).
    const lexical = rankTerms(postings, n, ks, weights, acc, fuse ? depth : Math.max(1, q.limit), allowed, this.work);
    const lists: number[][] = [lexical];
    if (fuse && q.dense && data.dense) {
      const dim = data.denseSize;
      const qn = Math.hypot(...q.dense) || 1;
      const qv = q.dense.map((v) => v / qn);
      const sims = new Float32Array(n);
      for (let d = 0; d < n; d++) {
        let s = 0;
        const base = d * dim;
        for (let k = 0; k < dim; k++) s += qv[k]! * data.dense[base + k]!;
        // Shift cosine into (0, 2] so that topK's "positive score" rule keeps every candidate.
        sims[d] = s + 1.000001;
      }
      lists.push(topK(sims, allowed, depth));
    }
    const fused = new Map<number, number>();
    for (const list of lists) list.forEach((d, position) => fused.set(d, (fused.get(d) ?? 0) + 1 / (RRF_K + position)));
    return [...fused.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, q.limit)
      .map(([d, score]) => hit(data.records, d, score));
  }

  async count(): Promise<number> {
    return this.data?.n ?? 0;
  }

  /** Close the records and postings files (queries reopen them when they read). */
  async close(): Promise<void> {
    this.data?.records.close?.();
    this.data?.postingsFile?.close();
  }

  /** All payloads, in index order (chunk-id order). */
  payloads(): readonly ChunkPayload[] {
    return this.data?.records.all() ?? [];
  }

  /** Document frequency of a term id in the index (0 when absent). */
  documentFrequency(term: number): number {
    const p = this.data?.postings;
    const k = p ? findTerm(p.terms, term) : -1;
    return p && k >= 0 ? documentFrequency(p, k) : 0;
  }

  /** Size of the loaded index (for benchmarks and logs). */
  stats(): { chunks: number; terms: number; postings: number; postingBytes: number } {
    const p = this.data?.postings;
    let postings = 0;
    if (p) for (let k = 0; k < p.terms.length; k++) postings += documentFrequency(p, k);
    return { chunks: this.data?.n ?? 0, terms: p?.terms.length ?? 0, postings, postingBytes: p ? p.postStart[p.terms.length]! : 0 };
  }
}

/**
 * A hit whose payload is read from the records when first looked at: retrieval needs ids only, and reading 40
 * payloads would inflate 40 blocks per question.
 */
function hit(records: RecordSource, d: number, score: number): StoreHit {
  const id = records.id(d);
  let payload: ChunkPayload | undefined;
  return Object.defineProperty({ id, score } as StoreHit, "payload", {
    enumerable: true,
    get: () => (payload ??= records.payload(d)),
  });
}
