/**
 * Chunks aligned to sections: each item of the section tree is a chunk (a long item is split on sentence
 * boundaries, keeping its heading path), carrying the full citation metadata. One more chunk per document
 * holds its metadata card (number, date, issuer, signer, recipients) so that such facts are answerable and cited.
 */
import type { ParsedDocument, Section } from "../domain/model.js";
import { displayDate } from "../domain/numbers.js";
import { type TermCounts, type TermIds, analyzeIds, termId } from "./analyzer.js";
import { runInWorker, splitAcrossThreads, threadCount } from "../workers/run.js";
import type { Chunk, ChunkPayload, IndexedChunk, SparseVector } from "./types.js";

const MAX_CHUNK = 1200;
const TARGET_CHUNK = 800;

/** Split on sentence ends and line breaks, never inside a sentence; parts of about TARGET_CHUNK characters. */
export function splitText(text: string): string[] {
  if (text.length <= MAX_CHUNK) return [text];
  const sentences = text.split(/(?<=[.;:!?])\s+(?=[\p{Lu}\-–•*+])|\n/u).filter((s) => s.trim());
  const parts: string[] = [];
  let cur = "";
  for (const s of sentences) {
    if (cur && cur.length + s.length + 1 > TARGET_CHUNK) {
      parts.push(cur);
      cur = s;
    } else cur = cur ? `${cur}${text.includes(`${cur}\n${s}`) ? "\n" : " "}${s}` : s;
  }
  if (cur) parts.push(cur);
  return parts;
}

/**
 * Longest lead-in carried into its items' heading paths. A clause that only introduces its points ("1. Hỗ trợ chi phí
 * thuê, mua giải pháp chuyển đổi số (nền tảng quản trị …):" › "b) Doanh nghiệp nhỏ: hỗ trợ 50% chi phí …") says what
 * each point is about, as a title would; a longer text ending in a colon is a passage of its own, not a heading.
 */
const LEAD_IN_CHARS = 240;

/** A section's text when it is only a lead-in to its items (short, ending in a colon). */
function leadIn(s: Section): string | null {
  const text = s.text.replace(/\s+/g, " ").trim();
  return text.length <= LEAD_IN_CHARS && text.endsWith(":") ? text : null;
}

export function headingPath(doc: ParsedDocument, section: Section, bySection = new Map(doc.sections.map((s) => [s.path, s]))): string {
  const segs = section.path.split(".");
  const labels: string[] = [];
  for (let i = 1; i <= segs.length; i++) {
    const p = segs.slice(0, i).join(".");
    const s = bySection.get(p);
    const lead = i < segs.length && s && !s.title ? leadIn(s) : null;
    labels.push(s?.title ? `${segs[i - 1]}. ${s.title}` : lead ? `${segs[i - 1]}. ${lead}` : `${segs[i - 1]}.`);
  }
  return section.path ? labels.join(" › ") : "";
}

/** Text of the metadata card: what a "who signed / when / which number" question needs. */
export function metadataText(doc: ParsedDocument): string {
  const lines = [
    `${doc.docType} ${doc.number ? `số ${doc.number}` : "(không số)"}${doc.date ? ` ngày ${displayDate(doc.date)}` : ""} của ${doc.issuer}`,
    doc.place ? `Nơi ban hành: ${doc.place}` : "",
    doc.title ? `Trích yếu: ${doc.title}` : "",
    doc.signer ? `Người ký: ${[doc.signer.capacity, doc.signer.title, doc.signer.name].filter(Boolean).join(", ")}` : "",
    doc.recipients.length ? `Nơi nhận: ${doc.recipients.join("; ")}` : "",
    // Header lines the fields above do not carry (a plenum line: "HỘI NGHỊ LẦN THỨ SÁU … KHOÁ XI").
    ...doc.header.filter((l) => l.length > 12 && !doc.title.includes(l)),
  ];
  return lines.filter(Boolean).join("\n");
}

/**
 * A chunk's payload, written out field by field (not spread from a base object): every payload then has one shape,
 * which matters when an ingest makes a hundred thousand of them.
 */
function payloadOf(doc: ParsedDocument, section: string, sectionTitle: string | null, heading: string, kind: ChunkPayload["kind"], text: string, part: number): ChunkPayload {
  return {
    documentId: doc.id,
    docType: doc.docType,
    number: doc.number,
    issuer: doc.issuer,
    place: doc.place,
    date: doc.date,
    title: doc.title,
    section,
    sectionTitle,
    headingPath: heading,
    kind,
    text,
    part,
  };
}

export function chunkDocument(doc: ParsedDocument): Chunk[] {
  const out: Chunk[] = [{ id: `${doc.id}#meta`, payload: payloadOf(doc, "", null, "", "meta", metadataText(doc), 0) }];
  const bySection = new Map(doc.sections.map((s) => [s.path, s]));
  for (const section of doc.sections) {
    if (!section.text.trim()) continue;
    const heading = headingPath(doc, section, bySection);
    splitText(section.text).forEach((text, part) => {
      out.push({ id: `${doc.id}#${section.path}#${part}`, payload: payloadOf(doc, section.path, section.title, heading, "section", text, part) });
    });
  }
  return out;
}

/** What is indexed for a chunk: its heading path (the titles say what the text is about) and its text. */
export function indexedText(payload: ChunkPayload): string {
  return payload.headingPath ? `${payload.headingPath}\n${payload.text}` : payload.text;
}

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** BM25 term-frequency saturation; idf is applied by the store. */
export function sparseVector(terms: TermCounts, avgLength: number): SparseVector {
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * terms.length) / (avgLength || 1));
  // Typed arrays and a native sort: this runs once per chunk at ingest.
  const n = terms.counts.size;
  const ids = new Uint32Array(n);
  const byId = new Map<number, number>();
  let k = 0;
  for (const [term, tf] of terms.counts) {
    const id = termId(term);
    const v = (tf * (BM25_K1 + 1)) / (tf + norm);
    const prev = byId.get(id);
    // Two terms hashing to one id (rare): one entry, the larger weight.
    if (prev === undefined) ids[k++] = id;
    if (prev === undefined || v > prev) byId.set(id, v);
  }
  const sorted = ids.subarray(0, k).sort();
  const indices = Array.from(sorted);
  return { indices, values: indices.map((i) => byId.get(i)!) };
}

/** What counts a term's chunks: a Map, or an IdCounter. */
interface DfCounter {
  add(id: number, n: number): void;
}
const mapCounter = (df: Map<number, number>): DfCounter => ({ add: (id, n) => df.set(id, (df.get(id) ?? 0) + n) });

/**
 * Counts by 32-bit term id in an open-addressed table of typed arrays, ids kept in the order first met. Term ids are
 * hashes above the small-integer range, so a Map boxes every one of the millions of updates an ingest makes.
 */
export class IdCounter implements DfCounter {
  private keys = new Uint32Array(1 << 14);
  private counts = new Uint32Array(1 << 14);
  private used = new Uint8Array(1 << 14);
  /** Ids in the order first counted. */
  readonly order: number[] = [];

  add(id: number, n: number): void {
    if ((this.order.length + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = fmix32(id) & mask;
    while (this.used[i] && this.keys[i] !== id) i = (i + 1) & mask;
    if (!this.used[i]) {
      this.used[i] = 1;
      this.keys[i] = id;
      this.order.push(id);
    }
    this.counts[i]! += n;
  }

  get(id: number): number {
    const mask = this.keys.length - 1;
    let i = fmix32(id) & mask;
    while (this.used[i] && this.keys[i] !== id) i = (i + 1) & mask;
    return this.used[i] ? this.counts[i]! : 0;
  }

  private grow(): void {
    const [keys, counts, used] = [this.keys, this.counts, this.used];
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    this.used = new Uint8Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (!used[j]) continue;
      let i = fmix32(keys[j]!) & mask;
      while (this.used[i]) i = (i + 1) & mask;
      this.used[i] = 1;
      this.keys[i] = keys[j]!;
      this.counts[i] = counts[j]!;
    }
  }
}

/** murmur3's finaliser (32-bit): spreads ids over the table. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** BM25 weights from term ids (the indexing path); same vector as `sparseVector` of the same text. */
export function sparseFromIds(terms: TermIds, avgLength: number, counts?: DfCounter | Map<number, number>, times = 1): SparseVector {
  const df = counts instanceof Map ? mapCounter(counts) : counts;
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * terms.length) / (avgLength || 1));
  // Sort (id, tf) pairs natively: id · 2^16 + tf fits a double exactly (id < 2^32, tf < 2^16 in any chunk).
  const packed = new Float64Array(terms.counts.size);
  let k = 0;
  for (const [id, tf] of terms.counts) {
    packed[k++] = id * 65536 + Math.min(tf, 65535);
    if (df) df.add(id, times);
  }
  packed.sort();
  const indices = new Array<number>(k);
  const values = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const tf = packed[i]! % 65536;
    indices[i] = (packed[i]! - tf) / 65536;
    values[i] = (tf * (BM25_K1 + 1)) / (tf + norm);
  }
  return { indices, values };
}

/** Corpus-wide term statistics gathered while indexing: what retrieval needs without keeping every chunk's terms. */
export interface TermStats {
  /** Document frequency over chunks, per term id (`termId`). */
  df: Map<number, number>;
  /** Ids of the pairs written across punctuation (see TermCounts.crossPairs). */
  crossPairs: Set<number>;
  /** Every exact syllable of the corpus (vocabulary for typo repair). */
  words: Set<string>;
}

/** Syllables of a text, counted cheaply (BM25's average length needs them before any chunk is analyzed). */
export function roughLength(text: string): number {
  // Words are separated by spaces in Vietnamese: count the starts of non-space runs.
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The lexical part of indexing for a batch of chunk texts, flattened into transferable arrays. */
export interface AnalyzedBatch {
  /** Chunk i's entries are [offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
  indices: Uint32Array;
  values: Float64Array;
  dfIds: Uint32Array;
  dfCounts: Uint32Array;
  crossPairs: Uint32Array;
  words: string[];
}

/**
 * Chunks whose indexed text is the same (a local document copying the central one's passage, the same heading and
 * paragraph in many localities' plans) are analyzed once: `texts` holds each distinct text once, in first-seen
 * order, `of[k]` is chunk k's text and `times[i]` how many chunks have text i (document frequency counts them all).
 */
export function distinctTexts(all: readonly string[]): { texts: string[]; of: Uint32Array; times: number[] } {
  const at = new Map<string, number>();
  const texts: string[] = [];
  const times: number[] = [];
  const of = new Uint32Array(all.length);
  all.forEach((t, k) => {
    let i = at.get(t);
    if (i === undefined) {
      i = texts.length;
      at.set(t, i);
      texts.push(t);
      times.push(0);
    }
    times[i]!++;
    of[k] = i;
  });
  return { texts, of, times };
}

/** BM25's average chunk length, over every chunk (distinct texts weighted by how many chunks have them). */
function averageLength(texts: readonly string[], times: readonly number[]): number {
  let sum = 0;
  let n = 0;
  texts.forEach((t, i) => {
    sum += roughLength(t) * times[i]!;
    n += times[i]!;
  });
  return sum / (n || 1);
}

export function analyzeBatch(texts: string[], avg: number, times?: number[]): AnalyzedBatch {
  const df = new IdCounter();
  const crossPairs = new Set<number>();
  const words = new Set<string>();
  const vectors = texts.map((text, i) => {
    const terms = analyzeIds(text);
    for (const p of terms.crossPairs) crossPairs.add(p);
    for (const w of terms.words) words.add(w);
    return sparseFromIds(terms, avg, df, times?.[i] ?? 1);
  });
  const total = vectors.reduce((s, v) => s + v.indices.length, 0);
  const offsets = new Uint32Array(texts.length + 1);
  const indices = new Uint32Array(total);
  const values = new Float64Array(total);
  let at = 0;
  vectors.forEach((v, i) => {
    offsets[i] = at;
    indices.set(v.indices, at);
    values.set(v.values, at);
    at += v.indices.length;
  });
  offsets[texts.length] = at;
  return {
    offsets,
    indices,
    values,
    dfIds: Uint32Array.from(df.order),
    dfCounts: Uint32Array.from(df.order, (id) => df.get(id)),
    crossPairs: Uint32Array.from(crossPairs),
    words: [...words],
  };
}

/** Below this many distinct chunk texts, threads cost more than they save. */
const PARALLEL_MIN_CHUNKS = 4000;

/**
 * `indexChunks` on every core: the distinct chunk texts are cut into one contiguous part per thread (the first on
 * this thread), analyzed in worker threads and merged in order, so the result equals the one-thread result.
 */
export async function indexChunksParallel(chunks: readonly Chunk[], threads = threadCount()): Promise<{ indexed: IndexedChunk[]; stats: TermStats }> {
  const { texts, of, times } = distinctTexts(chunks.map((c) => indexedText(c.payload)));
  if (threads <= 1 || texts.length < PARALLEL_MIN_CHUNKS) return indexChunks(chunks);
  const avg = averageLength(texts, times);
  const jobs = texts.map((text, i) => ({ text, times: times[i]! }));
  const batches = await splitAcrossThreads(
    jobs,
    1,
    (part) => [analyzeBatch(part.map((j) => j.text), avg, part.map((j) => j.times))],
    async (part) => [await runInWorker<AnalyzedBatch>("analyze", { texts: part.map((j) => j.text), avg, times: part.map((j) => j.times) })],
    threads,
  );
  const stats: TermStats = { df: new Map(), crossPairs: new Set(), words: new Set() };
  /** The vector of each distinct text, in `texts` order. */
  const vectors: SparseVector[] = [];
  for (const b of batches) {
    for (let i = 0; i + 1 < b.offsets.length; i++) {
      const from = b.offsets[i]!;
      const to = b.offsets[i + 1]!;
      vectors.push({ indices: b.indices.subarray(from, to), values: b.values.subarray(from, to) });
    }
    b.dfIds.forEach((id, k) => stats.df.set(id, (stats.df.get(id) ?? 0) + b.dfCounts[k]!));
    for (const p of b.crossPairs) stats.crossPairs.add(p);
    for (const w of b.words) stats.words.add(w);
  }
  // Chunks of one text share its vector (the store copies vectors into its own arrays).
  const indexed = chunks.map((c, k) => ({ ...c, sparse: vectors[of[k]!]! }));
  return { indexed, stats };
}

/**
 * Chunks with their lexical vectors (dense vectors are added by the embedder when configured) and the corpus
 * statistics, in one pass: each distinct chunk text is analyzed once and its term map dropped right after, so
 * indexing a large corpus never holds every chunk's terms at once.
 */
export function indexChunks(chunks: readonly Chunk[]): { indexed: IndexedChunk[]; stats: TermStats } {
  const { texts, of, times } = distinctTexts(chunks.map((c) => indexedText(c.payload)));
  const avg = averageLength(texts, times);
  const stats: TermStats = { df: new Map(), crossPairs: new Set(), words: new Set() };
  const vectors = texts.map((text, i) => {
    const terms = analyzeIds(text);
    for (const p of terms.crossPairs) stats.crossPairs.add(p);
    for (const w of terms.words) stats.words.add(w);
    return sparseFromIds(terms, avg, stats.df, times[i]!);
  });
  const indexed = chunks.map((c, k) => ({ ...c, sparse: vectors[of[k]!]! }));
  return { indexed, stats };
}
