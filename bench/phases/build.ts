/**
 * The 100k-chunk index: synthetic chunks (see lib/synth.ts) → the real analyzer (analyzeText, sparseVector) →
 * EmbeddedStore.replaceAll into a folder. Also writes the chunk texts for the MiniSearch phase.
 *
 * indexChunks keeps every chunk's term map until it returns (several GB at 100k chunks), so this phase calls the
 * two functions it is made of, chunk by chunk: analyzeText(indexedText(payload)), then sparseVector(terms, avg),
 * with the BM25 average length measured beforehand on a 2 % sample (the deviation from the true average is reported).
 */
import { createWriteStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";
import { analyzeText } from "../../src/search/analyzer.js";
import { chunkDocument, indexedText, sparseVector } from "../../src/search/chunks.js";
import { EmbeddedStore } from "../../src/search/embedded-store.js";
import type { IndexedChunk } from "../../src/search/types.js";
import { loadReal, log, memory } from "../lib/real.js";
import { synthesizeChunks } from "../lib/synth.js";

export interface BuildResult {
  chunks: number;
  documents: number;
  avgChunkChars: number;
  synthMs: number;
  analyzeMs: number;
  replaceAllMs: number;
  buildMs: number;
  postings: number;
  avgTermsPerChunk: number;
  distinctTerms: number | null;
  realDistinctTerms: number;
  avgLengthSample: number;
  avgLengthTrue: number;
  diskBytes: number;
  diskFiles: Record<string, number>;
  /** UTF-8 bytes of the chunks' texts, and the index's size on disk per byte of them. */
  textBytes: number;
  indexBytesPerTextByte: number;
  builderRssMB: number;
}

async function dirSize(dir: string): Promise<{ total: number; files: Record<string, number> }> {
  const files: Record<string, number> = {};
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    const s = (await stat(p)).size;
    files[p.slice(dir.length + 1).replace(/^v[^/]+\//, "")] = s;
    total += s;
  }
  return { total, files };
}

export async function run(args: { chunks: number; dir: string; textsFile: string }): Promise<BuildResult> {
  const real = await loadReal();
  const docs = real.map((d) => d.parsed);
  const t0 = performance.now();
  const chunks = synthesizeChunks(docs, args.chunks);
  const synthMs = performance.now() - t0;
  log(`build: ${chunks.length} synthetic chunks in ${Math.round(synthMs)} ms; analyzing…`);

  const t1 = performance.now();
  let sampleLen = 0;
  let sampleN = 0;
  for (let i = 0; i < chunks.length; i += 50, sampleN++) sampleLen += analyzeText(indexedText(chunks[i]!.payload)).length;
  const avg = sampleLen / (sampleN || 1);
  let trueLen = 0;
  let postings = 0;
  const indexed: IndexedChunk[] = new Array(chunks.length);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const terms = analyzeText(indexedText(c.payload));
    trueLen += terms.length;
    const sparse = sparseVector(terms, avg);
    postings += sparse.indices.length;
    indexed[i] = { ...c, sparse };
    if (i % 20000 === 19999) log(`  analyzed ${i + 1} chunks, ${Math.round(performance.now() - t1)} ms`);
  }
  const analyzeMs = performance.now() - t1;

  const t2 = performance.now();
  const store = new EmbeddedStore(args.dir);
  await store.replaceAll(indexed, {});
  const replaceAllMs = performance.now() - t2;
  const stats = (store as unknown as { stats?: () => { terms: number } }).stats?.();
  const builderRssMB = memory().rssMB;

  // Real-corpus vocabulary, for comparison.
  const realTerms = new Set<string>();
  for (const d of docs) for (const c of chunkDocument(d)) for (const t of analyzeText(indexedText(c.payload)).counts.keys()) realTerms.add(t);

  const out = createWriteStream(args.textsFile);
  for (const c of chunks) {
    const line = `${JSON.stringify({ id: c.id, text: indexedText(c.payload), documentId: c.payload.documentId, section: c.payload.section })}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");

  const disk = await dirSize(args.dir);
  const textBytes = chunks.reduce((s, c) => s + Buffer.byteLength(c.payload.text), 0);
  const result: BuildResult = {
    chunks: chunks.length,
    documents: new Set(chunks.map((c) => c.payload.documentId)).size,
    avgChunkChars: Math.round(chunks.reduce((s, c) => s + c.payload.text.length, 0) / chunks.length),
    synthMs: Math.round(synthMs),
    analyzeMs: Math.round(analyzeMs),
    replaceAllMs: Math.round(replaceAllMs),
    buildMs: Math.round(analyzeMs + replaceAllMs),
    postings,
    avgTermsPerChunk: Math.round(postings / chunks.length),
    distinctTerms: stats?.terms ?? null,
    realDistinctTerms: realTerms.size,
    avgLengthSample: Math.round(avg * 10) / 10,
    avgLengthTrue: Math.round((trueLen / chunks.length) * 10) / 10,
    diskBytes: disk.total,
    diskFiles: disk.files,
    textBytes,
    indexBytesPerTextByte: Math.round((disk.total / textBytes) * 100) / 100,
    builderRssMB,
  };
  log(
    `build: analyze ${result.analyzeMs} ms + replaceAll ${result.replaceAllMs} ms; ${postings} postings, ${result.distinctTerms ?? "?"} distinct terms; ` +
      `${(disk.total / 2 ** 20).toFixed(1)} MB on disk`,
  );
  return result;
}
