/**
 * The embedded store: in-process, exact (no approximation at this scale), persisted on disk.
 *
 * Lexical scoring is BM25: chunk vectors carry saturated term frequencies, the store applies idf at query time
 * (the same split Qdrant uses with `modifier: idf`). Dense vectors, when present, are compared by cosine,
 * brute force. The two ranked lists are fused by RRF — not by adding scores: BM25 and cosine are not on one scale.
 *
 * Persistence: each build is written to a new folder `v<time>/`, then the `CURRENT` pointer is replaced by an
 * atomic rename, then older folders are removed. A failed build never touches the index in use.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ChunkPayload, IndexedChunk, StoreFilter, StoreHit, StoreQuery, VectorStore } from "./types.js";
import { validateIndexedChunks } from "./validate.js";

/** RRF as Qdrant computes it (DEFAULT_RRF_K = 2): 1 / (2 + position), positions from 0, so both stores rank alike. */
export const RRF_K = 2;

interface Postings {
  docs: Uint32Array;
  vals: Float32Array;
}

interface Loaded {
  ids: string[];
  payloads: ChunkPayload[];
  postings: Map<number, Postings>;
  idf: Map<number, number>;
  dense: Float32Array | null;
  denseSize: number;
}

/** idf(t) = ln(1 + (N − n + 0.5) / (n + 0.5)), as Qdrant computes it for `modifier: idf`. */
export function idf(n: number, total: number): number {
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

function buildPostings(offsets: Uint32Array, indices: Uint32Array, values: Float32Array): { postings: Map<number, Postings>; idf: Map<number, number> } {
  const n = offsets.length - 1;
  const df = new Map<number, number>();
  for (let i = 0; i < indices.length; i++) df.set(indices[i]!, (df.get(indices[i]!) ?? 0) + 1);
  const postings = new Map<number, Postings>();
  for (const [t, count] of df) postings.set(t, { docs: new Uint32Array(count), vals: new Float32Array(count) });
  const fill = new Map<number, number>();
  for (let d = 0; d < n; d++) {
    for (let j = offsets[d]!; j < offsets[d + 1]!; j++) {
      const t = indices[j]!;
      const p = postings.get(t)!;
      const k = fill.get(t) ?? 0;
      p.docs[k] = d;
      p.vals[k] = values[j]!;
      fill.set(t, k + 1);
    }
  }
  const idfs = new Map<number, number>();
  for (const [t, count] of df) idfs.set(t, idf(count, n));
  return { postings, idf: idfs };
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

export class EmbeddedStore implements VectorStore {
  private data: Loaded | null = null;

  constructor(private readonly dir: string) {}

  /** Load the current index from disk, if there is one. Returns false when the folder holds no index yet. */
  async open(): Promise<boolean> {
    let current: string;
    try {
      current = (await readFile(join(this.dir, "CURRENT"), "utf8")).trim();
    } catch {
      return false;
    }
    const base = join(this.dir, current);
    const meta = JSON.parse(await readFile(join(base, "chunks.json"), "utf8")) as { ids: string[]; payloads: ChunkPayload[]; denseSize: number };
    const bin = await readFile(join(base, "vectors.bin"));
    const buf = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    const head = new Uint32Array(buf, 0, 2);
    const n = head[0]!;
    const total = head[1]!;
    let off = 8;
    const offsets = new Uint32Array(buf, off, n + 1);
    off += (n + 1) * 4;
    const indices = new Uint32Array(buf, off, total);
    off += total * 4;
    const values = new Float32Array(buf, off, total);
    off += total * 4;
    const dense = meta.denseSize ? new Float32Array(buf, off, n * meta.denseSize) : null;
    const { postings, idf: idfs } = buildPostings(offsets, indices, values);
    this.data = { ids: meta.ids, payloads: meta.payloads, postings, idf: idfs, dense, denseSize: meta.denseSize };
    return true;
  }

  async replaceAll(chunks: IndexedChunk[], info: { denseSize?: number }): Promise<void> {
    validateIndexedChunks(chunks, info);
    const denseSize = info.denseSize ?? 0;
    const n = chunks.length;
    const total = chunks.reduce((s, c) => s + c.sparse.indices.length, 0);
    const bytes = 8 + (n + 1) * 4 + total * 8 + n * denseSize * 4;
    const buf = new ArrayBuffer(bytes);
    new Uint32Array(buf, 0, 2).set([n, total]);
    let off = 8;
    const offsets = new Uint32Array(buf, off, n + 1);
    off += (n + 1) * 4;
    const indices = new Uint32Array(buf, off, total);
    off += total * 4;
    const values = new Float32Array(buf, off, total);
    off += total * 4;
    const dense = denseSize ? new Float32Array(buf, off, n * denseSize) : null;
    let p = 0;
    chunks.forEach((c, d) => {
      offsets[d] = p;
      indices.set(c.sparse.indices, p);
      values.set(c.sparse.values, p);
      p += c.sparse.indices.length;
      if (dense) {
        const v = c.dense ?? new Array<number>(denseSize).fill(0);
        const norm = Math.hypot(...v) || 1;
        for (let k = 0; k < denseSize; k++) dense[d * denseSize + k] = v[k]! / norm;
      }
    });
    offsets[n] = p;
    const ids = chunks.map((c) => c.id);
    const payloads = chunks.map((c) => c.payload);

    await mkdir(this.dir, { recursive: true });
    const version = `v${Date.now()}-${process.pid}`;
    const target = join(this.dir, version);
    await mkdir(target);
    try {
      await writeFile(join(target, "chunks.json"), JSON.stringify({ ids, payloads, denseSize }));
      await writeFile(join(target, "vectors.bin"), new Uint8Array(buf));
      await writeFile(join(this.dir, `CURRENT.${process.pid}.tmp`), version);
      await rename(join(this.dir, `CURRENT.${process.pid}.tmp`), join(this.dir, "CURRENT"));
    } catch (err) {
      await rm(target, { recursive: true, force: true });
      throw err;
    }
    const { postings, idf: idfs } = buildPostings(offsets, indices, values);
    this.data = { ids, payloads, postings, idf: idfs, dense, denseSize };
    for (const entry of await readdir(this.dir)) {
      if (/^v\d+-\d+$/.test(entry) && entry !== version) await rm(join(this.dir, entry), { recursive: true, force: true });
    }
  }

  private allowedMask(filter: StoreFilter | undefined, data: Loaded): Uint8Array | null {
    if (!filter) return null;
    const sets = {
      documentId: filter.documentIds ? new Set(filter.documentIds) : null,
      number: filter.numbers ? new Set(filter.numbers) : null,
      docType: filter.docTypes ? new Set(filter.docTypes) : null,
      place: filter.places ? new Set(filter.places) : null,
    };
    if (!sets.documentId && !sets.number && !sets.docType && !sets.place) return null;
    const mask = new Uint8Array(data.payloads.length);
    data.payloads.forEach((p, i) => {
      const ok =
        (!sets.documentId || sets.documentId.has(p.documentId)) &&
        (!sets.number || (p.number !== null && sets.number.has(p.number))) &&
        (!sets.docType || sets.docType.has(p.docType)) &&
        (!sets.place || (p.place !== null && sets.place.has(p.place)));
      mask[i] = ok ? 1 : 0;
    });
    return mask;
  }

  async query(q: StoreQuery): Promise<StoreHit[]> {
    const data = this.data;
    if (!data || !data.payloads.length) return [];
    const n = data.payloads.length;
    const allowed = this.allowedMask(q.filter, data);
    const depth = Math.max(q.limit * 4, 100);
    const scores = new Float32Array(n);
    for (let i = 0; i < q.sparse.indices.length; i++) {
      const t = q.sparse.indices[i]!;
      const post = data.postings.get(t);
      if (!post) continue;
      const w = q.sparse.values[i]! * (data.idf.get(t) ?? 0);
      const { docs, vals } = post;
      for (let j = 0; j < docs.length; j++) scores[docs[j]!]! += w * vals[j]!;
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
      .map(([d, score]) => ({ id: data.ids[d]!, score, payload: data.payloads[d]! }));
  }

  async count(): Promise<number> {
    return this.data?.payloads.length ?? 0;
  }

  /** All payloads, in index order (used to rebuild the chunk table for the answerer). */
  payloads(): readonly ChunkPayload[] {
    return this.data?.payloads ?? [];
  }
}
