/**
 * The embedded store: in-process, exact (no approximation at this scale), persisted on disk.
 *
 * Lexical scoring is BM25: chunk vectors carry saturated term frequencies, the store applies idf at query time
 * (the same split Qdrant uses with `modifier: idf`). Dense vectors, when present, are compared by cosine,
 * brute force. The two ranked lists are fused by RRF — not by adding scores: BM25 and cosine are not on one scale.
 *
 * Persistence: each build is written to a new folder `v<time>/`, then the `CURRENT` pointer is replaced by an
 * atomic rename, then older folders are removed except the version that was in use before (KEEP: the fallback when
 * the new one is found damaged later). A failed build never touches the index in use.
 *
 * Integrity: every version folder ends with `manifest.json`, written last, giving each file's length and CRC-32.
 * open() verifies them (and the typed-array layout) before using a version; a damaged or missing version is passed
 * over for the newest intact one, and `lastOpen` says what was found, so the caller can log it, tell the operator and
 * rebuild when nothing intact is left. CRC-32, not a cryptographic hash: it guards against truncation, bit rot and
 * a half-copied folder, not against an attacker who can write DATA_DIR anyway, and zlib computes it at memory speed.
 *
 * Layout of a version folder (format 1), made to load without rebuilding anything:
 * - `index.bin`: typed arrays back to back — a header, the sorted term dictionary, the inverted index itself
 *   (per term, its postings: chunk numbers ascending and their weights), the normalized dense vectors, the byte
 *   offsets of each chunk's record in `records.bin`, and the filter columns (documentId, number, docType, place) as
 *   codes into the dictionaries of `meta.json`. open() reads it once and uses views on it.
 * - `records.bin`: per chunk, `JSON.stringify([id, payload])`, concatenated. Decoded lazily: a query decodes only
 *   the chunks it returns, so opening a large index does not JSON.parse hundreds of MB of payloads.
 * - `meta.json`: format, counts, the filter columns' distinct values.
 * - attachments the caller asks to keep with the version (the parsed documents), so that an older version, when it
 *   has to be used, comes with the documents it was built from.
 * - `manifest.json`: length and CRC-32 of each file above.
 * Folders written by earlier layouts (no manifest; or `chunks.json` + `vectors.bin`) still open, with structural
 * checks only.
 */
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { ChunkPayload, IndexedChunk, StoreFilter, StoreHit, StoreQuery, VectorStore } from "./types.js";
import { validateIndexedChunks } from "./validate.js";

/** RRF as Qdrant computes it (DEFAULT_RRF_K = 2): 1 / (2 + position), positions from 0, so both stores rank alike. */
export const RRF_K = 2;

const MAGIC = 0x58494256; // "VBIX" read as a little-endian uint32
const FORMAT = 1;
const HEADER_WORDS = 8;
const MANIFEST = "manifest.json";
/** Version folders: `v<milliseconds>-<pid>`; the stamp orders them (newest first when falling back). */
const VERSION_RE = /^v(\d+)-\d+$/;

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

/** Inverted index: term dictionary sorted ascending, postings of term k in [starts[k], starts[k + 1]). */
interface Inverted {
  terms: Uint32Array;
  starts: Uint32Array;
  docs: Uint32Array;
  vals: Float32Array;
  idf: Float64Array;
}

interface Loaded extends Inverted {
  n: number;
  records: Records;
  columns: Columns;
  dense: Float32Array | null;
  denseSize: number;
}

/** idf(t) = ln(1 + (N − n + 0.5) / (n + 0.5)), as Qdrant computes it for `modifier: idf`. */
export function idf(n: number, total: number): number {
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

/** Chunk ids and payloads: held as objects, or as a records.bin blob decoded chunk by chunk on first use. */
class Records {
  private readonly ids: (string | undefined)[];
  private readonly payloads: (ChunkPayload | undefined)[];
  private complete = false;

  constructor(
    readonly n: number,
    private readonly blob: Buffer | null,
    private readonly offsets: Uint32Array | null,
    eager?: { ids: string[]; payloads: ChunkPayload[] },
  ) {
    this.ids = eager ? eager.ids : new Array<string | undefined>(n);
    this.payloads = eager ? eager.payloads : new Array<ChunkPayload | undefined>(n);
    this.complete = Boolean(eager);
  }

  private decode(d: number): void {
    const [id, payload] = JSON.parse(this.blob!.toString("utf8", this.offsets![d]!, this.offsets![d + 1]!)) as [string, ChunkPayload];
    this.ids[d] = id;
    this.payloads[d] = payload;
  }

  id(d: number): string {
    if (!this.complete && this.ids[d] === undefined) this.decode(d);
    return this.ids[d]!;
  }

  payload(d: number): ChunkPayload {
    if (!this.complete && this.payloads[d] === undefined) this.decode(d);
    return this.payloads[d]!;
  }

  all(): ChunkPayload[] {
    if (!this.complete) {
      for (let d = 0; d < this.n; d++) if (this.payloads[d] === undefined) this.decode(d);
      this.complete = true;
    }
    return this.payloads as ChunkPayload[];
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
 * Build the inverted index of n sparse vectors given flat (chunk d's entries in [offsets[d], offsets[d + 1])).
 * Postings of a term list chunks in ascending order, as a chunk-by-chunk scan would meet them.
 * `indices` is scratch: it is overwritten with slot numbers (callers pass a copy they own).
 */
function invert(n: number, offsets: Uint32Array, indices: Uint32Array, values: Float32Array): Inverted {
  const table = new TermTable();
  for (let j = 0; j < indices.length; j++) indices[j] = table.add(indices[j]!);
  const count = table.size;
  const terms = table.ids.slice(0, count).sort();
  // Rank of each slot number in the sorted dictionary (term ids are distinct).
  const rank = new Uint32Array(count);
  for (let k = 0; k < count; k++) rank[table.get(terms[k]!)] = k;
  const starts = new Uint32Array(count + 1);
  const idfs = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    starts[rank[s]! + 1] = table.counts[s]!;
    idfs[rank[s]!] = idf(table.counts[s]!, n);
  }
  for (let k = 0; k < count; k++) starts[k + 1]! += starts[k]!;
  const fill = starts.slice(0, count);
  const docs = new Uint32Array(indices.length);
  const vals = new Float32Array(indices.length);
  for (let d = 0; d < n; d++) {
    for (let j = offsets[d]!; j < offsets[d + 1]!; j++) {
      const k = rank[indices[j]!]!;
      const at = fill[k]!++;
      docs[at] = d;
      vals[at] = values[j]!;
    }
  }
  return { terms, starts, docs, vals, idf: idfs };
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

/** Index of term t in the sorted dictionary, or -1. */
function findTerm(terms: Uint32Array, t: number): number {
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

/** Byte length of the typed arrays of index.bin, in order. */
function layout(n: number, terms: number, postings: number, denseSize: number): { words: number[]; bytes: number } {
  const words = [HEADER_WORDS, terms, terms + 1, postings, postings, n * denseSize, n + 1, FILTER_FIELDS.length * n];
  return { words, bytes: words.reduce((s, w) => s + w * 4, 0) };
}

interface Meta {
  format: number;
  n: number;
  denseSize: number;
  columns: Record<FilterField, unknown[]>;
}

/** Views on index.bin (Uint8Array of the file, 4-byte aligned). */
function readIndex(bytes: Uint8Array, meta: Meta): { inv: Omit<Inverted, "idf">; dense: Float32Array | null; recordOffsets: Uint32Array; codes: Uint32Array } {
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
  if (bytes.byteLength < HEADER_WORDS * 4) throw new DamagedIndexError({ file: "index.bin", kind: "size", detail: "index.bin is shorter than its header" });
  const head = u32(HEADER_WORDS);
  const [magic, format, n, termCount, postings, denseSize] = head;
  if (magic !== MAGIC || format !== FORMAT || n !== meta.n || denseSize !== meta.denseSize) {
    throw new DamagedIndexError({ file: "index.bin", kind: "format", detail: "index.bin does not match meta.json" });
  }
  if (bytes.byteLength !== layout(n, termCount!, postings!, denseSize).bytes) {
    throw new DamagedIndexError({ file: "index.bin", kind: "size", detail: "index.bin has the wrong size" });
  }
  const terms = u32(termCount!);
  const starts = u32(termCount! + 1);
  const docs = u32(postings!);
  const vals = f32(postings!);
  const dense = denseSize ? f32(n * denseSize) : null;
  const recordOffsets = u32(n + 1);
  const codes = u32(FILTER_FIELDS.length * n);
  return { inv: { terms, starts, docs, vals }, dense, recordOffsets, codes };
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

export class EmbeddedStore implements VectorStore {
  private data: Loaded | null = null;
  /** The version folder in use (verified at open, or just written). */
  private version: string | null = null;
  /** Attachments of the version opened, verified against its manifest, until taken. */
  private attachments = new Map<string, Buffer>();
  /** What the last open() found (null before the first open). */
  lastOpen: OpenReport | null = null;

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
        this.data = loaded;
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
      const isCurrentFormat = await stat(join(base, "index.bin")).then(() => true, () => false);
      const loaded = await (isCurrentFormat ? this.openIndex(base) : this.openLegacy(base)).catch((err: unknown) => {
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
    // Lengths first (a stat each): a truncated file is named without reading hundreds of MB.
    for (const [name, expected] of entries) {
      const size = await stat(join(base, name)).then((s) => s.size, () => null);
      if (size === null) throw new DamagedIndexError({ file: name, kind: "missing-file", detail: `${name} is missing` });
      if (size !== expected.bytes) throw new DamagedIndexError({ file: name, kind: "size", detail: `${name} has ${size} bytes, ${expected.bytes} expected` });
    }
    // Read together (the reads overlap on the thread pool), then check each file's CRC-32.
    const buffers = await Promise.all(
      entries.map(([name]) =>
        readWhole(join(base, name)).catch(() => {
          throw new DamagedIndexError({ file: name, kind: "missing-file", detail: `${name} is missing` });
        }),
      ),
    );
    const files = new Map<string, Buffer>();
    entries.forEach(([name, expected], i) => {
      const buf = buffers[i]!;
      if (buf.length !== expected.bytes) throw new DamagedIndexError({ file: name, kind: "size", detail: `${name} has ${buf.length} bytes, ${expected.bytes} expected` });
      if (crc32(buf) !== expected.crc32) throw new DamagedIndexError({ file: name, kind: "checksum", detail: `${name} fails its checksum` });
      files.set(name, buf);
    });
    for (const name of ["meta.json", "index.bin", "records.bin"]) {
      if (!files.has(name)) throw new DamagedIndexError({ file: MANIFEST, kind: "format", detail: `${MANIFEST} does not list ${name}` });
    }
    const loaded = this.load(files.get("meta.json")!.toString("utf8"), files.get("index.bin")!, files.get("records.bin")!);
    for (const name of ["meta.json", "index.bin", "records.bin"]) files.delete(name);
    return { loaded, attachments: files };
  }

  private async openIndex(base: string): Promise<Loaded> {
    const read = (name: string) =>
      readWhole(join(base, name)).catch(() => {
        throw new DamagedIndexError({ file: name, kind: "missing-file", detail: `${name} is missing` });
      });
    const [meta, bytes, blob] = await Promise.all([read("meta.json"), read("index.bin"), read("records.bin")]);
    return this.load(meta.toString("utf8"), bytes, blob);
  }

  private load(metaText: string, bytes: Buffer, blob: Buffer): Loaded {
    let meta: Meta;
    try {
      meta = JSON.parse(metaText) as Meta;
      if (!meta || !Number.isInteger(meta.n) || !Number.isInteger(meta.denseSize) || typeof meta.columns !== "object") throw new Error("fields missing");
    } catch (err) {
      throw new DamagedIndexError({ file: "meta.json", kind: "format", detail: `meta.json is unreadable (${(err as Error).message})` });
    }
    const { inv, dense, recordOffsets, codes } = readIndex(bytes, meta);
    if (recordOffsets[meta.n] !== blob.length) {
      throw new DamagedIndexError({ file: "records.bin", kind: "size", detail: `records.bin has ${blob.length} bytes, ${recordOffsets[meta.n]} expected` });
    }
    const idfs = new Float64Array(inv.terms.length);
    for (let k = 0; k < idfs.length; k++) idfs[k] = idf(inv.starts[k + 1]! - inv.starts[k]!, meta.n);
    return { ...inv, idf: idfs, n: meta.n, records: new Records(meta.n, blob, recordOffsets), columns: { values: meta.columns, codes }, dense, denseSize: meta.denseSize };
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

  /** The previous layout: chunks.json (ids, payloads, denseSize) + vectors.bin (CSR sparse vectors, dense). */
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
      ...invert(n, offsets, indices, values),
      n,
      records: new Records(n, null, null, { ids: meta.ids, payloads: meta.payloads }),
      columns: columnsOf(meta.payloads),
      dense,
      denseSize: meta.denseSize,
    };
  }

  /**
   * Build and switch to a new version. `info.attachments` are extra files kept in the version folder and covered by
   * its manifest (read back with `attachment(name)` after open).
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
    const inv = invert(n, offsets, indices, values);
    const ids = chunks.map((c) => c.id);
    const payloads = chunks.map((c) => c.payload);
    const columns = columnsOf(payloads);

    // Records: JSON of [id, payload] per chunk, written straight into one buffer (no giant string).
    const records = ids.map((id, d) => JSON.stringify([id, payloads[d]]));
    const recordOffsets = new Uint32Array(n + 1);
    let bytes = 0;
    for (let d = 0; d < n; d++) {
      recordOffsets[d] = bytes;
      bytes += Buffer.byteLength(records[d]!);
      if (bytes > 0xffff_ffff) throw new RangeError("embedded index: records exceed 4 GiB");
    }
    recordOffsets[n] = bytes;
    const blob = Buffer.allocUnsafe(bytes);
    for (let d = 0; d < n; d++) blob.write(records[d]!, recordOffsets[d]!, "utf8");
    records.length = 0;

    const { words, bytes: indexBytes } = layout(n, inv.terms.length, total, denseSize);
    const bin = new ArrayBuffer(indexBytes);
    const views: ArrayBufferView[] = [];
    let off = 0;
    const section = <T extends Uint32Array | Float32Array>(Ctor: new (b: ArrayBuffer, o: number, l: number) => T, len: number): T => {
      const a = new Ctor(bin, off, len);
      off += len * 4;
      views.push(a);
      return a;
    };
    section(Uint32Array, words[0]!).set([MAGIC, FORMAT, n, inv.terms.length, total, denseSize, 0, 0]);
    section(Uint32Array, words[1]!).set(inv.terms);
    section(Uint32Array, words[2]!).set(inv.starts);
    section(Uint32Array, words[3]!).set(inv.docs);
    section(Float32Array, words[4]!).set(inv.vals);
    const dense = section(Float32Array, words[5]!);
    section(Uint32Array, words[6]!).set(recordOffsets);
    section(Uint32Array, words[7]!).set(columns.codes);
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
      ["records.bin", blob],
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
    this.data = { ...inv, n, records: new Records(n, null, null, { ids, payloads }), columns, dense: denseSize ? dense : null, denseSize };
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
    const scores = new Float32Array(n);
    const { terms, starts, docs, vals } = data;
    for (let i = 0; i < q.sparse.indices.length; i++) {
      const k = findTerm(terms, q.sparse.indices[i]!);
      if (k < 0) continue;
      const w = q.sparse.values[i]! * data.idf[k]!;
      const end = starts[k + 1]!;
      for (let j = starts[k]!; j < end; j++) scores[docs[j]!]! += w * vals[j]!;
    }
    const lexical = topK(scores, allowed, depth);
    const lists: number[][] = [lexical];
    if (q.dense && data.dense && data.denseSize === q.dense.length) {
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
      .map(([d, score]) => ({ id: data.records.id(d), score, payload: data.records.payload(d) }));
  }

  async count(): Promise<number> {
    return this.data?.n ?? 0;
  }

  /** All payloads, in index order (used to rebuild the chunk table for the answerer). */
  payloads(): readonly ChunkPayload[] {
    return this.data?.records.all() ?? [];
  }

  /** Size of the loaded index (for benchmarks and logs). */
  stats(): { chunks: number; terms: number; postings: number } {
    const d = this.data;
    return { chunks: d?.n ?? 0, terms: d?.terms.length ?? 0, postings: d?.docs.length ?? 0 };
  }
}
