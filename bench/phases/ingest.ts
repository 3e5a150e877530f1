/**
 * Ingest throughput: parse + index (no embeddings) of N synthetic documents through the real pipeline
 * (parseDocument → chunkDocument → indexChunksParallel → EmbeddedStore.replaceAll into a temp folder).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Knowledge } from "../../src/assistant/knowledge.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { parseDocument } from "../../src/parser/index.js";
import { chunkDocument, indexChunksParallel } from "../../src/search/chunks.js";
import { parseDocuments } from "../../src/corpus/parse.js";
import { EmbeddedStore } from "../../src/search/embedded-store.js";
import { loadReal, log, memory } from "../lib/real.js";
import { synthesizeDocuments } from "../lib/synth.js";

export interface IngestResult {
  documents: number;
  chunks: number;
  bytes: number;
  parseMs: number;
  chunkMs: number;
  indexChunksMs: number;
  replaceAllMs: number;
  totalMs: number;
  docsPerSec: number;
  /**
   * The assistant's in-memory tables (new Knowledge(documents), which buildIndex also builds; it analyzes every
   * chunk again), measured on the first `knowledgeDocs` documents and scaled to all of them: not in docsPerSec.
   */
  knowledgeDocs: number;
  knowledgeMs: number;
  docsPerSecWithKnowledge: number;
  rssAfterMB: number;
}

async function pipeline(inputs: { text: string; file: string; meta: object }[], dir: string) {
  const t0 = performance.now();
  // As loadCorpus does: one part of the documents per core.
  const docs = await parseDocuments(inputs);
  uniqueIds(docs);
  const t1 = performance.now();
  const chunks = docs.flatMap(chunkDocument);
  const t2 = performance.now();
  // As buildIndex does: one part of the chunks per core, merged in order (same vectors as one thread).
  const { indexed, stats } = await indexChunksParallel(chunks);
  const t3 = performance.now();
  await new EmbeddedStore(dir).replaceAll(indexed, {});
  const t4 = performance.now();
  return { docs, stats, chunks: chunks.length, parseMs: t1 - t0, chunkMs: t2 - t1, indexChunksMs: t3 - t2, replaceAllMs: t4 - t3, totalMs: t4 - t0 };
}

export async function run(args: { documents: number }): Promise<IngestResult> {
  const real = await loadReal();
  const inputs = synthesizeDocuments(real, args.documents);
  const bytes = inputs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  const dir = await mkdtemp(join(tmpdir(), "vanban-bench-ingest-"));
  try {
    // Warm-up (JIT) on the real documents, not counted.
    await pipeline(real, join(dir, "warm"));
    const r = await pipeline(inputs, join(dir, "index"));
    const after = memory();
    // The assistant's tables, built from the statistics the indexing pass gathered (as buildIndex does).
    const knowledgeDocs = r.docs.length;
    const tk = performance.now();
    new Knowledge(r.docs, r.stats);
    const knowledgeMs = performance.now() - tk;
    const out: IngestResult = {
      documents: inputs.length,
      chunks: r.chunks,
      bytes,
      parseMs: Math.round(r.parseMs),
      chunkMs: Math.round(r.chunkMs),
      indexChunksMs: Math.round(r.indexChunksMs),
      replaceAllMs: Math.round(r.replaceAllMs),
      totalMs: Math.round(r.totalMs),
      docsPerSec: Math.round((inputs.length / r.totalMs) * 1000 * 10) / 10,
      knowledgeDocs,
      knowledgeMs: Math.round(knowledgeMs),
      docsPerSecWithKnowledge: Math.round((inputs.length / (r.totalMs + knowledgeMs)) * 1000 * 10) / 10,
      rssAfterMB: after.rssMB,
    };
    log(`ingest: ${out.documents} docs (${(bytes / 2 ** 20).toFixed(1)} MB, ${out.chunks} chunks) in ${out.totalMs} ms → ${out.docsPerSec} docs/s`);
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
