/**
 * Ranking quality on the REAL corpus (6 documents) for the shared questions (and, as a secondary figure, their
 * paraphrases and no-diacritic forms):
 * - ours, retrieval: src/assistant/retrieve.ts retrieve(question, kb, store) candidates in order, one entry per
 *   (document, section) — the first chunk of a section stands for it;
 * - ours, answer: assistant.ask() citations in order (openAssistant, extractive: no model configured);
 * - MiniSearch, defaults, over the same chunks (text = heading path + text), ranked by search(), same dedupe.
 * Negatives: ours refuses when ask() answers not_found; MiniSearch when search() returns nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { openAssistant } from "../../src/assistant/open.js";
import { retrieve } from "../../src/assistant/retrieve.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { indexedText } from "../../src/search/chunks.js";
import { EmbeddedStore } from "../../src/search/embedded-store.js";
import type { ChunkPayload } from "../../src/search/types.js";
import { type Citable, type Quality, type Question, dedupeSections, loadSharedQuestions, quality, querySet } from "../lib/queries.js";
import { CORPUS_DIRS, log } from "../lib/real.js";

export interface QualityResult {
  documents: number;
  chunks: number;
  shared: { retrieve: Quality; ask: Quality; minisearch: Quality; retrieveZeroCandidatesOnNegatives: number };
  variants: { retrieve: Quality; ask: Quality; minisearch: Quality };
}

type Row = { q: Question; ranked: Citable[]; refused: boolean };

export async function run(): Promise<QualityResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "vanban-bench-quality-"));
  try {
    const config = parseConfig({ CORPUS_DIRS: CORPUS_DIRS.join(","), DATA_DIR: dataDir });
    const assistant = await openAssistant(config, silentLogger);
    const kb = assistant.knowledge();
    const store = new EmbeddedStore(join(dataDir, "index"));
    if (!(await store.open())) throw new Error("index not built");

    const ms = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], storeFields: [] });
    ms.addAll(kb.chunks.map((c) => ({ id: c.id, text: indexedText(c.payload) })));

    const shared = loadSharedQuestions();
    const all = querySet(shared);
    const rows = { retrieve: [] as Row[], ask: [] as Row[], minisearch: [] as Row[] };
    let zeroCandidates = 0;
    for (const q of all) {
      const r = await retrieve(q.q, kb, store);
      rows.retrieve.push({ q, ranked: dedupeSections(r.candidates.map((c) => c.chunk.payload)), refused: r.candidates.length === 0 });
      if (q.variant === "shared" && q.expect === "not_found" && r.candidates.length === 0) zeroCandidates++;
      const a = await assistant.ask(q.q);
      rows.ask.push({ q, ranked: a.citations, refused: a.mode === "not_found" });
      const found = ms.search(q.q);
      const payloads = found.map((f) => kb.chunkById.get(String(f.id))?.payload).filter((p): p is ChunkPayload => Boolean(p));
      rows.minisearch.push({ q, ranked: dedupeSections(payloads), refused: found.length === 0 });
    }
    const pick = (rs: Row[], shared: boolean) => quality(rs.filter((r) => (r.q.variant === "shared") === shared));
    const out: QualityResult = {
      documents: kb.documents.length,
      chunks: kb.chunkCount,
      shared: { retrieve: pick(rows.retrieve, true), ask: pick(rows.ask, true), minisearch: pick(rows.minisearch, true), retrieveZeroCandidatesOnNegatives: zeroCandidates },
      variants: { retrieve: pick(rows.retrieve, false), ask: pick(rows.ask, false), minisearch: pick(rows.minisearch, false) },
    };
    const line = (name: string, x: Quality) => `${name} hit@3 ${x.hitAt3}/${x.scored}, MRR ${x.mrr}, negatives refused ${x.negativesRefused}/${x.negatives}`;
    log(`quality (shared questions, ${out.documents} docs / ${out.chunks} chunks):`);
    log(`  retrieve()   hit@3 ${out.shared.retrieve.hitAt3}/${out.shared.retrieve.scored}, MRR ${out.shared.retrieve.mrr} (retrieval never refuses; ask() does)`);
    log(`  ${line("ask()       ", out.shared.ask)}`);
    log(`  ${line("MiniSearch  ", out.shared.minisearch)}`);
    return out;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
