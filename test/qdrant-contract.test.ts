/** The shared VectorStore contract, run against QdrantStore talking to the in-memory fake Qdrant over loopback HTTP. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QdrantStore } from "../src/search/qdrant-store.js";
import { describeStoreContract } from "./contract/store-contract.js";
import { startFakeQdrant, type FakeQdrant } from "./helpers/fake-qdrant.js";

describeStoreContract("QdrantStore (fake Qdrant)", async () => {
  const fake = await startFakeQdrant();
  const store = new QdrantStore({ url: fake.url, collection: "vanban", timeoutMs: 5_000 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await fake.close();
    },
  };
});

describe("QdrantStore over the fake: collections behind the alias", () => {
  let fake: FakeQdrant;
  beforeEach(async () => {
    fake = await startFakeQdrant();
  });
  afterEach(() => fake.close());

  it("keeps exactly one collection per alias after repeated ingests, and drop() removes everything", async () => {
    const store = new QdrantStore({ url: fake.url, collection: "vanban" });
    const chunk = { id: "a#1#0", payload: { documentId: "a" } as never, sparse: { indices: [1], values: [1] } };
    await store.replaceAll([chunk], {});
    await store.replaceAll([chunk], {});
    await store.replaceAll([chunk], {});
    expect(fake.collections()).toHaveLength(1);
    expect(fake.aliases()).toEqual({ vanban: fake.collections()[0] });
    await store.drop();
    expect(fake.collections()).toEqual([]);
    expect(fake.aliases()).toEqual({});
  });

  it("a server-side failure mid-ingest leaves the previous collection answering and no leftover", async () => {
    const store = new QdrantStore({ url: fake.url, collection: "vanban", batchSize: 1 });
    const mk = (id: string, term: number) => ({ id, payload: { documentId: id } as never, sparse: { indices: [term], values: [1] } });
    await store.replaceAll([mk("old", 1)], {});
    const live = fake.collections();
    let n = 0;
    fake.intercept((req) => (req.method === "PUT" && req.path.endsWith("/points") && ++n === 2 ? { status: 500, body: { status: { error: "boom" } } } : undefined));
    await expect(store.replaceAll([mk("new1", 1), mk("new2", 1)], {})).rejects.toThrow(/boom/);
    fake.intercept(undefined);
    expect(fake.collections()).toEqual(live);
    expect((await store.query({ sparse: { indices: [1], values: [1] }, limit: 5 })).map((h) => h.id)).toEqual(["old"]);
  });
});

describe("fake Qdrant scoring (what the contract relies on)", () => {
  let fake: FakeQdrant;
  beforeEach(async () => {
    fake = await startFakeQdrant();
  });
  afterEach(() => fake.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(fake.url + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as { result: any } };
  };

  it("sparse with idf: Σ q·d·ln(1 + (N − n + 0.5)/(n + 0.5)); rrf: Σ 1/(2 + position)", async () => {
    await call("PUT", "/collections/c", { sparse_vectors: { s: { modifier: "idf" } }, vectors: { d: { size: 2, distance: "Cosine" } } });
    await call("PUT", "/collections/c/points?wait=true", {
      points: [
        { id: 1, vector: { s: { indices: [1, 2], values: [1, 2] }, d: [1, 0] } },
        { id: 2, vector: { s: { indices: [1], values: [3] }, d: [0, 1] } },
        { id: 3, vector: { s: { indices: [3], values: [1] }, d: [1, 1] } },
      ],
    });
    const idf = (n: number) => Math.log(1 + (3 - n + 0.5) / (n + 0.5));
    const sparse = await call("POST", "/collections/c/points/query", { query: { indices: [1, 2], values: [1, 1] }, using: "s", limit: 10 });
    expect(sparse.json.result.points.map((p: { id: number; score: number }) => [p.id, p.score])).toEqual([
      [1, 1 * idf(2) + 2 * idf(1)],
      [2, 3 * idf(2)],
    ]);
    const fused = await call("POST", "/collections/c/points/query", {
      prefetch: [
        { query: { indices: [1, 2], values: [1, 1] }, using: "s", limit: 10 },
        { query: [0, 1], using: "d", limit: 10 },
      ],
      query: { fusion: "rrf" },
      filter: { must: [{ has_id: [1, 2] }] },
      limit: 10,
    });
    // sparse: 1, 2; dense (filtered to 1, 2): 2, 1.
    expect(fused.json.result.points.map((p: { id: number; score: number }) => [p.id, p.score])).toEqual([
      [1, 1 / 2 + 1 / 3],
      [2, 1 / 3 + 1 / 2],
    ]);
    expect((await call("POST", "/collections/c/points/query", { query: [1, 0, 0], using: "d" })).status).toBe(400);
    expect((await call("POST", "/collections/missing/points/query", { query: [1, 0], using: "d" })).status).toBe(404);
  });
});
