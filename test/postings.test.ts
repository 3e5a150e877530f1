/**
 * The compressed index ranks as plain BM25 does: random corpora with frequent terms (stored as bitmaps), rare ones
 * (varints) and weights of several term frequencies (exceptions), queried with and without the max-score pruning.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedStore, STORE } from "../src/search/embedded-store.js";
import { idf } from "../src/search/idf.js";
import { PRUNING, type RankWork } from "../src/search/postings.js";
import type { IndexedChunk, StoreQuery } from "../src/search/types.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vanban-postings-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A corpus of n chunks over `terms` terms: term t is in a chunk with probability 0.9 / (1 + t / 4). */
function corpus(seed: number, n: number, terms: number): IndexedChunk[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, d) => {
    const indices: number[] = [];
    const values: number[] = [];
    const norm = 0.6 + rnd();
    for (let t = 0; t < terms; t++) {
      if (rnd() >= 0.9 / (1 + t / 4)) continue;
      const tf = rnd() < 0.75 ? 1 : 2 + Math.floor(rnd() * 3);
      indices.push(1000 + t * 7);
      values.push((tf * 2.2) / (tf + norm));
    }
    const id = `d${String(d).padStart(4, "0")}`;
    return {
      id,
      sparse: { indices, values },
      payload: { documentId: id, docType: "Công văn", number: null, issuer: "X", place: null, date: null, title: "t", section: "1", sectionTitle: null, headingPath: "", kind: "section" as const, text: id, part: 0 },
    };
  });
}

/** BM25 with the store's idf, in float64: chunk ids best first (ties by id), with their scores. */
function bruteForce(chunks: IndexedChunk[], q: StoreQuery): { id: string; score: number }[] {
  const df = new Map<number, number>();
  for (const c of chunks) for (const i of c.sparse.indices) df.set(i, (df.get(i) ?? 0) + 1);
  const weight = new Map([...q.sparse.indices].map((i, k) => [i, [...q.sparse.values][k]! * idf(df.get(i) ?? 0, chunks.length)]));
  return chunks
    .map((c) => {
      let score = 0;
      [...c.sparse.indices].forEach((i, k) => (score += (weight.get(i) ?? 0) * Math.fround([...c.sparse.values][k]!)));
      return { id: c.id, score };
    })
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

describe("compressed postings", () => {
  it("rank as BM25 does, and the pruning changes no hit nor score", async () => {
    const chunks = corpus(11, 700, 90);
    const store = new EmbeddedStore(dir);
    await store.replaceAll(chunks, {});
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 89 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 30 }), async (terms, limit) => {
        const q: StoreQuery = { sparse: { indices: terms.map((t) => 1000 + t * 7), values: terms.map((t) => 0.5 + (t % 5) / 4) }, limit };
        const pruned = await store.query(q);
        (PRUNING as { enabled: boolean }).enabled = false;
        const full = await store.query(q).finally(() => ((PRUNING as { enabled: boolean }).enabled = true));
        expect(pruned.map((h) => [h.id, h.score])).toEqual(full.map((h) => [h.id, h.score]));
        // Against float64 BM25: the hits are a best `limit` (up to float32 rounding), in order.
        const exact = bruteForce(chunks, q);
        const scoreOf = new Map(exact.map((h) => [h.id, h.score]));
        const cut = exact[Math.min(limit, exact.length) - 1]?.score ?? 0;
        expect(pruned).toHaveLength(Math.min(limit, exact.length));
        for (const [i, h] of pruned.entries()) {
          expect(scoreOf.get(h.id)!).toBeGreaterThanOrEqual(cut * (1 - 1e-5));
          if (i > 0) expect(scoreOf.get(h.id)!).toBeLessThanOrEqual(scoreOf.get(pruned[i - 1]!.id)! * (1 + 1e-5));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("prune for real on a larger corpus: most postings reach only the candidates, and the hits are those of the full sum", async () => {
    const chunks = corpus(5, 4000, 60);
    const store = new EmbeddedStore(dir);
    await store.replaceAll(chunks, {});
    const work: RankWork = { queries: 0, fullTerms: 0, fullPostings: 0, prunedTerms: 0, candidates: 0, prunedPostings: 0, swept: 0 };
    const all = Array.from({ length: 60 }, (_, t) => t);
    const queries: StoreQuery[] = [all, all.slice(0, 20), all.filter((t) => t % 3 === 0), [0, 1, 2, 3, 40, 41, 42, 43, 44, 45]].map((terms) => ({
      sparse: { indices: terms.map((t) => 1000 + t * 7), values: terms.map((t) => 0.5 + (t % 5) / 4) },
      limit: 10,
    }));
    // A negative weight (scores no longer only grow): pruning must stand aside.
    const negative: StoreQuery = { sparse: { indices: all.map((t) => 1000 + t * 7), values: all.map((t) => (t === 50 ? -3 : 1)) }, limit: 10 };
    const negativePruned = await store.query(negative);
    (PRUNING as { enabled: boolean }).enabled = false;
    const negativeFull = await store.query(negative).finally(() => ((PRUNING as { enabled: boolean }).enabled = true));
    expect(negativePruned.map((h) => [h.id, h.score])).toEqual(negativeFull.map((h) => [h.id, h.score]));
    for (const q of queries) {
      store.work = work;
      const pruned = await store.query(q);
      store.work = null;
      (PRUNING as { enabled: boolean }).enabled = false;
      const full = await store.query(q).finally(() => ((PRUNING as { enabled: boolean }).enabled = true));
      expect(pruned.map((h) => [h.id, h.score])).toEqual(full.map((h) => [h.id, h.score]));
      // With a filter too: the candidates are the allowed chunks only.
      const filter = { documentIds: chunks.filter((_, d) => d % 3 === 0).map((c) => c.id) };
      const prunedFiltered = await store.query({ ...q, filter });
      (PRUNING as { enabled: boolean }).enabled = false;
      const fullFiltered = await store.query({ ...q, filter }).finally(() => ((PRUNING as { enabled: boolean }).enabled = true));
      expect(prunedFiltered.map((h) => [h.id, h.score])).toEqual(fullFiltered.map((h) => [h.id, h.score]));
      expect(prunedFiltered.every((h) => filter.documentIds.includes(h.id))).toBe(true);
    }
    expect(work.queries).toBe(queries.length);

    // The sample scored to the end at each test of θ: the same hits as without it, from fewer postings added in full.
    const tuning = PRUNING as { exactSample: boolean };
    const without: RankWork = { queries: 0, fullTerms: 0, fullPostings: 0, prunedTerms: 0, candidates: 0, prunedPostings: 0, swept: 0 };
    for (const q of queries) {
      const withSample = await store.query(q);
      tuning.exactSample = false;
      store.work = without;
      const withoutSample = await store.query(q).finally(() => ((tuning.exactSample = true), (store.work = null)));
      expect(withSample.map((h) => [h.id, h.score])).toEqual(withoutSample.map((h) => [h.id, h.score]));
    }
    expect(work.fullPostings).toBeLessThan(without.fullPostings);

    // The candidates, once fixed, take the terms left in a compact list: the same hits and scores as through the
    // bitmap of every chunk, with and without a filter and at depth 1.
    expect(work.candidates).toBeGreaterThan(0);
    for (const q of [...queries, ...queries.map((q) => ({ ...q, limit: 1 }))]) {
      const filter = { documentIds: chunks.filter((_, d) => d % 4 === 1).map((c) => c.id) };
      for (const query of [q, { ...q, filter }]) {
        const listed = await store.query(query);
        (PRUNING as { list: boolean }).list = false;
        const unlisted = await store.query(query).finally(() => ((PRUNING as { list: boolean }).list = true));
        expect(listed.map((h) => [h.id, h.score])).toEqual(unlisted.map((h) => [h.id, h.score]));
      }
    }

    // Varint terms decoded once and kept (and then looked up per candidate when those are few): the same hits as
    // decoding them at each use, also when the decoded terms kept are one at a time.
    const decodedBytes = PRUNING.decodedBytes;
    for (const bound of [decodedBytes, 1]) {
      const tuning = PRUNING as { decode: boolean; decodedBytes: number };
      tuning.decodedBytes = bound;
      try {
        for (const q of [...queries, ...queries.map((q) => ({ ...q, limit: 1 }))]) {
          const decoded = await store.query(q);
          tuning.decode = false;
          const undecoded = await store.query(q).finally(() => (tuning.decode = true));
          expect(decoded.map((h) => [h.id, h.score])).toEqual(undecoded.map((h) => [h.id, h.score]));
        }
      } finally {
        tuning.decodedBytes = decodedBytes;
      }
    }

    // Opened from disk, the postings are read term by term on first use: the same hits, also when the cache of
    // postings holds one term at a time.
    const reopened = new EmbeddedStore(dir);
    expect(await reopened.open()).toBe(true);
    const cacheBytes = STORE.postingCacheBytes;
    for (const bound of [cacheBytes, 1]) {
      (STORE as { postingCacheBytes: number }).postingCacheBytes = bound;
      try {
        for (const q of queries) expect((await reopened.query(q)).map((h) => [h.id, h.score])).toEqual((await store.query(q)).map((h) => [h.id, h.score]));
      } finally {
        (STORE as { postingCacheBytes: number }).postingCacheBytes = cacheBytes;
      }
    }
    await reopened.close();
    // The frequent terms (most of the postings) were added to the candidates only, not to every chunk.
    expect(work.prunedTerms).toBeGreaterThan(queries.length);
    const postings = queries.reduce((s, q) => s + [...q.sparse.indices].reduce((t, i) => t + store.documentFrequency(i), 0), 0);
    expect(work.fullPostings).toBeLessThan(postings / 2);
  });
});
