/**
 * MiniSearch with its default settings over the same 100k chunk texts (heading path + text), the same query set.
 */
import { readFile } from "node:fs/promises";
import MiniSearch from "minisearch";
import { loadSharedQuestions, percentile, querySet, round } from "../lib/queries.js";
import { log, memory } from "../lib/real.js";
import { rng } from "../lib/rng.js";

export interface MiniSearchResult {
  documents: number;
  indexMs: number;
  rssBeforeMB: number;
  rssAfterIndexMB: number;
  heapAfterIndexMB: number;
  terms: number;
  /** Latency samples taken (the loop stops after a time budget, see BUDGET_MS). */
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  avgResults: number;
}

interface Doc {
  id: string;
  text: string;
  documentId: string;
  section: string;
}

/** MiniSearch's queries are slow at 100k chunks: the latency loop stops after this much time (queries shuffled). */
const BUDGET_MS = 30_000;

export async function run(args: { textsFile: string; rounds: number }): Promise<MiniSearchResult> {
  const r = rng(5);
  const queries = querySet(loadSharedQuestions())
    .map((q) => ({ q: q.q, key: r() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.q);
  let docs: Doc[] | null = (await readFile(args.textsFile, "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Doc);
  const n = docs.length;
  const before = memory();
  const t0 = performance.now();
  const ms = new MiniSearch<Doc>({ fields: ["text"], storeFields: ["documentId", "section"] });
  ms.addAll(docs);
  const indexMs = performance.now() - t0;
  docs = null; // only the index stays
  const after = memory();
  log(`minisearch: addAll ${n} in ${Math.round(indexMs)} ms, rss ${after.rssMB} MB (heap ${after.heapUsedMB} MB)`);
  const times: number[] = [];
  let results = 0;
  let counted = 0;
  for (const q of queries.slice(0, 3)) ms.search(q); // warm-up
  const start = performance.now();
  loop: for (let round = 0; round < args.rounds; round++) {
    for (const q of queries) {
      if (performance.now() - start > BUDGET_MS && times.length >= 20) break loop;
      const a = performance.now();
      const res = ms.search(q);
      times.push(performance.now() - a);
      if (round === 0) {
        results += res.length;
        counted++;
      }
    }
  }
  const out: MiniSearchResult = {
    documents: n,
    indexMs: Math.round(indexMs),
    rssBeforeMB: before.rssMB,
    rssAfterIndexMB: after.rssMB,
    heapAfterIndexMB: after.heapUsedMB,
    terms: ms.termCount,
    samples: times.length,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(Math.max(...times)),
    avgResults: Math.round(results / (counted || 1)),
  };
  log(`minisearch: p50 ${out.p50Ms} ms, p95 ${out.p95Ms} ms, ${out.avgResults} results/query on average`);
  return out;
}
