/**
 * Load the 100k-chunk index in a fresh process (new EmbeddedStore(dir).open()), measure its resident memory,
 * then the latency of the query set: analyzeQuery → sparseQuery (as retrieve does, without the corpus vocabulary's
 * typo repair) → store.query({ limit: 40 }) — lexical only.
 */
import { createHash } from "node:crypto";
import { sparseQuery } from "../../src/assistant/retrieve.js";
import { analyzeQuery } from "../../src/search/analyzer.js";
import { EmbeddedStore } from "../../src/search/embedded-store.js";
import type { RankWork } from "../../src/search/postings.js";
import { loadSharedQuestions, percentile, querySet, round } from "../lib/queries.js";
import { log, memory } from "../lib/real.js";

export interface QueryResult {
  loadMs: number;
  rssBeforeMB: number;
  rssAfterLoadMB: number;
  heapAfterLoadMB: number;
  externalAfterLoadMB: number;
  rssAfterQueriesMB: number;
  queries: number;
  samples: number;
  firstQueryMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  storeP50Ms: number;
  storeP95Ms: number;
  avgHits: number;
  /**
   * The warm-up round (not in p50/p95): each question's first run, postings read from disk as the terms are first
   * met (open() leaves them there).
   */
  firstRoundP50Ms: number;
  firstRoundP95Ms: number;
  /** Per question, what ranking cost (see RankWork in src/search/postings.ts): one more round, untimed (counting costs). */
  work: { fullPostings: number; prunedPostings: number; candidates: number; swept: number; fullTerms: number; prunedTerms: number } | null;
  /** Hash of every query's hit ids and scores: equal digests = the same rankings (store versions compared). */
  digest: string;
}

export async function run(args: { dir: string; rounds: number }): Promise<QueryResult> {
  const queries = querySet(loadSharedQuestions()).map((q) => q.q);
  // Analyzer warm-up (regexes, JIT) before the clock starts, so "first query" measures the store.
  for (const q of queries) sparseQuery(analyzeQuery(q));
  const before = memory();
  const t0 = performance.now();
  const store = new EmbeddedStore(args.dir);
  if (!(await store.open())) throw new Error(`no index in ${args.dir}`);
  const loadMs = performance.now() - t0;
  const after = memory();
  log(`query: open() ${Math.round(loadMs)} ms, rss ${after.rssMB} MB (heap ${after.heapUsedMB} MB, external ${after.externalMB} MB)`);

  const total: number[] = [];
  const storeOnly: number[] = [];
  const firstRound: number[] = [];
  const work: RankWork = { queries: 0, fullTerms: 0, fullPostings: 0, prunedTerms: 0, candidates: 0, prunedPostings: 0, swept: 0 };
  const hash = createHash("sha256");
  let hits = 0;
  let firstQueryMs = NaN;
  for (let round = -1; round < args.rounds; round++) {
    for (const q of queries) {
      const a = performance.now();
      const sparse = sparseQuery(analyzeQuery(q));
      const b = performance.now();
      const res = await store.query({ sparse, limit: 40 });
      const c = performance.now();
      if (Number.isNaN(firstQueryMs)) firstQueryMs = c - a;
      if (round === -1) {
        firstRound.push(c - a);
        hits += res.length;
        for (const h of res) hash.update(`${h.id}:${h.score.toFixed(9)};`);
        hash.update("\n");
        continue; // warm-up round: not in the percentiles
      }
      total.push(c - a);
      storeOnly.push(c - b);
    }
  }
  store.work = work;
  for (const q of queries) await store.query({ sparse: sparseQuery(analyzeQuery(q)), limit: 40 });
  store.work = null;
  const out: QueryResult = {
    loadMs: Math.round(loadMs),
    rssBeforeMB: before.rssMB,
    rssAfterLoadMB: after.rssMB,
    heapAfterLoadMB: after.heapUsedMB,
    externalAfterLoadMB: after.externalMB,
    rssAfterQueriesMB: memory().rssMB,
    queries: queries.length,
    samples: total.length,
    firstQueryMs: round(firstQueryMs),
    p50Ms: round(percentile(total, 50)),
    p95Ms: round(percentile(total, 95)),
    maxMs: round(Math.max(...total)),
    storeP50Ms: round(percentile(storeOnly, 50)),
    storeP95Ms: round(percentile(storeOnly, 95)),
    avgHits: round(hits / queries.length, 1),
    firstRoundP50Ms: round(percentile(firstRound, 50)),
    firstRoundP95Ms: round(percentile(firstRound, 95)),
    work: work.queries
      ? {
          fullTerms: round(work.fullTerms / work.queries, 1),
          fullPostings: Math.round(work.fullPostings / work.queries),
          prunedTerms: round(work.prunedTerms / work.queries, 1),
          prunedPostings: Math.round(work.prunedPostings / work.queries),
          candidates: Math.round(work.candidates / work.queries),
          swept: Math.round(work.swept / work.queries),
        }
      : null,
    digest: hash.digest("hex").slice(0, 16),
  };
  log(`query: ${out.samples} queries, p50 ${out.p50Ms} ms, p95 ${out.p95Ms} ms (store only p50 ${out.storeP50Ms}, p95 ${out.storeP95Ms})`);
  return out;
}
