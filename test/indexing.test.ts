import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/parser/index.js";
import { analyzeIds, analyzeText, termId } from "../src/search/analyzer.js";
import { IdCounter, chunkDocument, indexChunks, indexChunksParallel, indexedText, roughLength, sparseFromIds, sparseVector } from "../src/search/chunks.js";
import type { Chunk } from "../src/search/types.js";

const FILES = ["corpus/000_22267c68cf188df5.txt", "corpus/004_a95fb1284217b662.txt", "../shared/corpus-extra/nghi-quyet-20-NQ-TW.md"];
const texts = FILES.map((f) => readFileSync(f, "utf8"));

describe("indexing", () => {
  it("computes the same term ids and weights from ids as from term strings", () => {
    for (const text of texts) {
      const strings = analyzeText(text);
      const ids = analyzeIds(text);
      const fromStrings = new Map<number, number>();
      for (const [t, n] of strings.counts) fromStrings.set(termId(t), (fromStrings.get(termId(t)) ?? 0) + n);
      expect(ids.counts).toEqual(fromStrings);
      expect(ids.crossPairs).toEqual(strings.crossPairs.map(termId));
      expect(sparseFromIds(ids, 120)).toEqual(sparseVector(strings, 120));
    }
  });

  it("counts term ids as a Map does, in the order first met, past its first size and with id 0", () => {
    const counter = new IdCounter();
    const map = new Map<number, number>();
    let x = 12345;
    for (let k = 0; k < 60_000; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const id = k % 7 === 0 ? 0 : x % 40_000 === 0 ? 0xffffffff : x % 50_000;
      counter.add(id, (k % 3) + 1);
      map.set(id, (map.get(id) ?? 0) + (k % 3) + 1);
    }
    expect(counter.order).toEqual([...map.keys()]);
    expect(counter.order.map((id) => counter.get(id))).toEqual([...map.values()]);
    expect(counter.get(123_456_789)).toBe(0);
  });

  it("gives the same vectors and statistics on several threads as on one", async () => {
    const docs = Array.from({ length: 60 }, (_, i) =>
      texts.map((t, j) => {
        const d = parseDocument(t, `${FILES[j]}#${i}`);
        d.id = `${d.id}-${i}`;
        return d;
      }),
    ).flat();
    // Each copy's texts made its own: a text the corpus repeats is analyzed once, and the threads share distinct texts.
    const chunks = docs.flatMap(chunkDocument).map((c, k) => ({ ...c, payload: { ...c.payload, text: `${c.payload.text} (${k})` } }));
    expect(chunks.length).toBeGreaterThan(4000);
    const one = indexChunks(chunks);
    const two = await indexChunksParallel(chunks, 2);
    expect(two.indexed.map((c) => c.id)).toEqual(one.indexed.map((c) => c.id));
    const plain = (r: typeof one) => r.indexed.map((c) => [Array.from(c.sparse.indices), Array.from(c.sparse.values)]);
    expect(plain(two)).toEqual(plain(one));
    expect(two.stats.df).toEqual(one.stats.df);
    // In the same order too: the index's file lists them as met.
    expect([...two.stats.df.keys()]).toEqual([...one.stats.df.keys()]);
    expect(two.stats.crossPairs).toEqual(one.stats.crossPairs);
    expect(new Set(two.stats.words)).toEqual(new Set(one.stats.words));
    expect(indexedText(chunks[0]!.payload)).toContain(chunks[0]!.payload.text.slice(0, 20));
  }, 60_000);

  it("analyzes a text many chunks share once, with the vectors and document frequencies of analyzing every chunk", async () => {
    // A central document's passages copied into several local ones: the same text under other chunk ids.
    const base = texts.flatMap((t, j) => chunkDocument(parseDocument(t, FILES[j]!)));
    const copies: Chunk[] = [0, 1, 2].flatMap((n) => base.filter((_, k) => k % (n + 2) === 0).map((c) => ({ ...c, id: `copy${n}/${c.id}` })));
    const chunks = [...base, ...copies];
    const avg = chunks.reduce((s, c) => s + roughLength(indexedText(c.payload)), 0) / chunks.length;
    const df = new Map<number, number>();
    const each = chunks.map((c) => sparseFromIds(analyzeIds(indexedText(c.payload)), avg, df));
    for (const result of [indexChunks(chunks), await indexChunksParallel(chunks, 2)]) {
      expect(result.indexed.map((c) => c.id)).toEqual(chunks.map((c) => c.id));
      expect(result.indexed.map((c) => [Array.from(c.sparse.indices), Array.from(c.sparse.values)])).toEqual(each.map((v) => [v.indices, v.values]));
      expect(result.stats.df).toEqual(df);
    }
  });
});
