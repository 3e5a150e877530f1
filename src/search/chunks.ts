/**
 * Chunks aligned to sections: each item of the section tree is a chunk (a long item is split on sentence
 * boundaries, keeping its heading path), carrying the full citation metadata. One more chunk per document
 * holds its metadata card (number, date, issuer, signer, recipients) so that such facts are answerable and cited.
 */
import type { ParsedDocument, Section } from "../domain/model.js";
import { displayDate } from "../domain/numbers.js";
import { type TermCounts, analyzeText, termId } from "./analyzer.js";
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

export function headingPath(doc: ParsedDocument, section: Section): string {
  const bySection = new Map(doc.sections.map((s) => [s.path, s]));
  const segs = section.path.split(".");
  const labels: string[] = [];
  for (let i = 1; i <= segs.length; i++) {
    const p = segs.slice(0, i).join(".");
    const s = bySection.get(p);
    labels.push(s?.title ? `${segs[i - 1]}. ${s.title}` : `${segs[i - 1]}.`);
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
  ];
  return lines.filter(Boolean).join("\n");
}

function basePayload(doc: ParsedDocument): Omit<ChunkPayload, "section" | "sectionTitle" | "headingPath" | "kind" | "text" | "part"> {
  return { documentId: doc.id, docType: doc.docType, number: doc.number, issuer: doc.issuer, place: doc.place, date: doc.date, title: doc.title };
}

export function chunkDocument(doc: ParsedDocument): Chunk[] {
  const out: Chunk[] = [
    {
      id: `${doc.id}#meta`,
      payload: { ...basePayload(doc), section: "", sectionTitle: null, headingPath: "", kind: "meta", text: metadataText(doc), part: 0 },
    },
  ];
  for (const section of doc.sections) {
    if (!section.text.trim()) continue;
    splitText(section.text).forEach((text, part) => {
      out.push({
        id: `${doc.id}#${section.path}#${part}`,
        payload: { ...basePayload(doc), section: section.path, sectionTitle: section.title, headingPath: headingPath(doc, section), kind: "section", text, part },
      });
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

/** Chunks with their lexical vectors (dense vectors are added by the embedder when configured). */
/** Corpus-wide term statistics gathered while indexing: what retrieval needs without keeping every chunk's terms. */
export interface TermStats {
  /** Document frequency over chunks, per term. */
  df: Map<string, number>;
  /** Pairs written across punctuation (see TermCounts.crossPairs). */
  crossPairs: Set<string>;
}

/** Syllables of a text, counted cheaply (BM25's average length needs them before any chunk is analyzed). */
export function roughLength(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * Lexical vectors and corpus statistics in one pass: each chunk is analyzed once and its term map dropped right
 * after, so indexing a large corpus never holds every chunk's terms at once.
 */
export function indexChunks(chunks: Chunk[]): { indexed: IndexedChunk[]; stats: TermStats } {
  const avg = chunks.reduce((s, c) => s + roughLength(indexedText(c.payload)), 0) / (chunks.length || 1);
  const stats: TermStats = { df: new Map(), crossPairs: new Set() };
  const indexed = chunks.map((c) => {
    const terms = analyzeText(indexedText(c.payload));
    for (const t of terms.counts.keys()) stats.df.set(t, (stats.df.get(t) ?? 0) + 1);
    for (const p of terms.crossPairs) stats.crossPairs.add(p);
    return { ...c, sparse: sparseVector(terms, avg) };
  });
  return { indexed, stats };
}
