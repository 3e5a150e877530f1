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
  const entries = new Map<number, number>();
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * terms.length) / (avgLength || 1));
  for (const [term, tf] of terms.counts) {
    const id = termId(term);
    const v = (tf * (BM25_K1 + 1)) / (tf + norm);
    entries.set(id, Math.max(entries.get(id) ?? 0, v));
  }
  const indices = [...entries.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => entries.get(i)!) };
}

/** Chunks with their lexical vectors (dense vectors are added by the embedder when configured). */
export function indexChunks(chunks: Chunk[]): { indexed: IndexedChunk[]; terms: TermCounts[] } {
  const terms = chunks.map((c) => analyzeText(indexedText(c.payload)));
  const avg = terms.reduce((s, t) => s + t.length, 0) / (terms.length || 1);
  return { indexed: chunks.map((c, i) => ({ ...c, sparse: sparseVector(terms[i]!, avg) })), terms };
}
