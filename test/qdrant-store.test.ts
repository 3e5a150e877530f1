/**
 * The exact REST requests QdrantStore sends, recorded by a loopback server (no Qdrant needed).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  InvalidIndexInputError,
  pointIdFor,
  QdrantStore,
  QdrantStoreError,
  validateIndexedChunks,
} from "../src/search/qdrant-store.js";
import type { ChunkPayload, IndexedChunk } from "../src/search/types.js";
import { fail, firstOf, ok, qdrantDefaults, startRecorder, type Handler, type RecordedRequest, type Recorder } from "./helpers/qdrant-recorder.js";

const API_KEY = "test-key-sekret-0123456789";

function payload(documentId: string, section: string, extra: Partial<ChunkPayload> = {}): ChunkPayload {
  return {
    documentId,
    docType: "Kế hoạch",
    number: "15/KH-UBND",
    issuer: "Ủy ban nhân dân thành phố Hà Nội",
    place: "Hà Nội",
    date: "2025-03-01",
    title: "Kế hoạch thực hiện Kết luận 69-KL/TW",
    section,
    sectionTitle: `Mục ${section}`,
    headingPath: `${section}.`,
    kind: "section",
    text: `Nội dung mục ${section}: sắp xếp, tinh gọn bộ máy.`,
    part: 0,
    ...extra,
  };
}

function chunks(withDense: boolean): IndexedChunk[] {
  return [
    { id: "kh-hn#I#0", payload: payload("kh-hn", "I"), sparse: { indices: [3, 17], values: [1, 0.5] } },
    { id: "kh-hn#II#0", payload: payload("kh-hn", "II"), sparse: { indices: [4], values: [2] } },
    { id: "kh-hn#meta", payload: payload("kh-hn", "", { kind: "meta", sectionTitle: null, headingPath: "" }), sparse: { indices: [9, 3], values: [1, 1] } },
  ].map((c, i) => (withDense ? { ...c, dense: [i + 1, 0, 0, 1] } : c));
}

/** What the test compares: everything but the headers. */
const summary = (r: RecordedRequest) => ({ method: r.method, path: r.path, query: r.query, body: r.body });

/**
 * idf of each term of chunks() over its 3 chunks, by hand: term 3 is in two chunks, the others in one
 * (ln(1 + (N − n + 0.5) / (n + 0.5))). The store writes weight × idf: the whole corpus's idf, not a shard's.
 */
const IDF: Record<number, number> = { 3: Math.log(1 + 1.5 / 2.5), 4: Math.log(1 + 2.5 / 1.5), 9: Math.log(1 + 2.5 / 1.5), 17: Math.log(1 + 2.5 / 1.5) };

const point = (c: IndexedChunk) => ({
  id: pointIdFor(c.id),
  vector: {
    lexical: { indices: [...c.sparse.indices], values: [...c.sparse.values].map((v, k) => v * IDF[[...c.sparse.indices][k]!]!) },
    ...(c.dense ? { dense: c.dense } : {}),
  },
  payload: { ...c.payload, chunkId: c.id },
});

const indexRequests = (collection: string) =>
  ["number", "docType", "place", "documentId"].map((field) => ({
    method: "PUT",
    path: `/collections/${collection}/index`,
    query: { wait: "true" },
    body: { field_name: field, field_schema: "keyword" },
  }));

let rec: Recorder;
const stores: QdrantStore[] = [];

function makeStore(extra: Partial<ConstructorParameters<typeof QdrantStore>[0]> = {}): QdrantStore {
  const store = new QdrantStore({ url: rec.url, apiKey: API_KEY, collection: "vanban", timeoutMs: 2_000, ...extra });
  stores.push(store);
  return store;
}

function handle(...handlers: Handler[]): void {
  rec.setHandler(firstOf(...handlers, qdrantDefaults));
}

/** The collection name the store created (from its PUT /collections/{name}). */
function createdCollection(): string {
  const create = rec.requests.find((r) => r.method === "PUT" && /^\/collections\/[^/]+$/.test(r.path));
  expect(create, "a PUT /collections/{name} request").toBeDefined();
  return create!.path.split("/")[2]!;
}

beforeEach(async () => {
  rec = await startRecorder();
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await rec.close();
});

describe("QdrantStore construction", () => {
  it("sends nothing at construction (no version probe on GET /)", async () => {
    makeStore();
    await new Promise((r) => setTimeout(r, 50));
    expect(rec.requests).toEqual([]);
  });

  it("sends the api key header on every request", async () => {
    const store = makeStore();
    await store.count();
    await store.replaceAll(chunks(false), {});
    expect(rec.requests.length).toBeGreaterThan(5);
    for (const r of rec.requests) expect(r.headers["api-key"]).toBe(API_KEY);
  });

  it("sends no api-key header without a key", async () => {
    const store = makeStore({ apiKey: undefined });
    await store.count();
    expect(rec.requests[0]!.headers["api-key"]).toBeUndefined();
  });

  it("rejects alias names that are not plain identifiers", () => {
    expect(() => makeStore({ collection: "a/b" })).toThrow(/alias/);
  });
});

describe("QdrantStore.replaceAll", () => {
  it("sparse only: creates the collection with a lexical vector weighted by the corpus's idf, indexes 4 keys, upserts in batches, switches the alias in one call, deletes the old collections", async () => {
    handle((req) => {
      if (req.method === "GET" && req.path === "/aliases") {
        return ok({
          aliases: [
            { alias_name: "vanban", collection_name: "vanban_v1" },
            { alias_name: "other", collection_name: "vanban_v3" },
          ],
        });
      }
      if (req.method === "GET" && req.path === "/collections") {
        // v5: a leftover of a failed run; v3: aliased by someone else; khac: unrelated.
        return ok({ collections: ["vanban_v1", "vanban_v3", "vanban_v5", "khac", createdCollection()].map((name) => ({ name })) });
      }
      return undefined;
    });
    const cs = chunks(false);
    await makeStore({ batchSize: 2 }).replaceAll(cs, {});

    const target = createdCollection();
    expect(target).toMatch(/^vanban_v\d{13,}$/);
    expect(rec.requests.map(summary)).toEqual([
      { method: "GET", path: "/aliases", query: {}, body: undefined },
      { method: "PUT", path: `/collections/${target}`, query: {}, body: { sparse_vectors: { lexical: {} } } },
      ...indexRequests(target),
      { method: "PUT", path: `/collections/${target}/points`, query: { wait: "true" }, body: { points: [point(cs[0]!), point(cs[1]!)] } },
      { method: "PUT", path: `/collections/${target}/points`, query: { wait: "true" }, body: { points: [point(cs[2]!)] } },
      {
        method: "POST",
        path: "/collections/aliases",
        query: {},
        body: {
          actions: [{ delete_alias: { alias_name: "vanban" } }, { create_alias: { collection_name: target, alias_name: "vanban" } }],
        },
      },
      { method: "GET", path: "/collections", query: {}, body: undefined },
      { method: "DELETE", path: "/collections/vanban_v1", query: {}, body: undefined },
      { method: "DELETE", path: "/collections/vanban_v5", query: {}, body: undefined },
    ]);
  });

  it("point ids are deterministic v5 UUIDs of the chunk ids; the chunk id rides in the payload", async () => {
    await makeStore().replaceAll(chunks(false), {});
    const upsert = rec.requests.find((r) => r.path.endsWith("/points"))!;
    const points = (upsert.body as { points: { id: string; payload: { chunkId: string } }[] }).points;
    for (const p of points) {
      expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(p.id).toBe(pointIdFor(p.payload.chunkId));
    }
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
    // Pinned (equals Python uuid.uuid5 with the same namespace): changing the namespace or the hashing would silently re-key every stored point.
    expect(pointIdFor("kh-hn#I#0")).toBe(pointIdFor("kh-hn#I#0"));
    expect(pointIdFor("kh-hn#I#0")).not.toBe(pointIdFor("kh-hn#I#1"));
    expect(pointIdFor("69-KL/TW#meta")).toMatchInlineSnapshot(`"36d0365f-3cc8-5dfd-a4cf-b6da7ace7487"`);
  });

  it("with dense vectors: adds the named Cosine vector; first ingest creates the alias without deleting anything", async () => {
    const cs = chunks(true);
    await makeStore().replaceAll(cs, { denseSize: 4 });
    const target = createdCollection();
    expect(rec.requests.map(summary)).toEqual([
      { method: "GET", path: "/aliases", query: {}, body: undefined },
      {
        method: "PUT",
        path: `/collections/${target}`,
        query: {},
        body: { sparse_vectors: { lexical: {} }, vectors: { dense: { size: 4, distance: "Cosine" } } },
      },
      ...indexRequests(target),
      { method: "PUT", path: `/collections/${target}/points`, query: { wait: "true" }, body: { points: cs.map(point) } },
      {
        method: "POST",
        path: "/collections/aliases",
        query: {},
        body: { actions: [{ create_alias: { collection_name: target, alias_name: "vanban" } }] },
      },
      { method: "GET", path: "/collections", query: {}, body: undefined },
    ]);
  });

  it("a 500 during upsert leaves the alias untouched, deletes the new collection, and throws a retryable error naming the URL", async () => {
    let upserts = 0;
    handle((req) => {
      if (req.method === "GET" && req.path === "/aliases") return ok({ aliases: [{ alias_name: "vanban", collection_name: "vanban_v1" }] });
      if (req.method === "PUT" && req.path.endsWith("/points") && ++upserts === 2) return fail(500, "Service internal error: disk full");
      return undefined;
    });
    const err = await makeStore({ batchSize: 2 })
      .replaceAll(chunks(false), {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QdrantStoreError);
    const e = err as QdrantStoreError;
    expect(e.retryable).toBe(true);
    expect(e.status).toBe(500);
    expect(e.message).toContain(rec.url);
    expect(e.message).toContain("disk full");
    expect(e.message).toContain("retryable");
    expect(e.message).not.toContain(API_KEY);

    const target = createdCollection();
    const tail = rec.requests.map(summary).slice(-3);
    expect(tail).toEqual([
      expect.objectContaining({ method: "PUT", path: `/collections/${target}/points` }),
      expect.objectContaining({ method: "PUT", path: `/collections/${target}/points` }),
      { method: "DELETE", path: `/collections/${target}`, query: {}, body: undefined },
    ]);
    expect(rec.requests.some((r) => r.path === "/collections/aliases")).toBe(false);
    expect(rec.requests.some((r) => r.method === "DELETE" && r.path === "/collections/vanban_v1")).toBe(false);
  });

  it("a 400 is not retryable", async () => {
    handle((req) => (req.method === "PUT" && /^\/collections\/[^/]+$/.test(req.path) ? fail(400, "Wrong input: bad config") : undefined));
    const err = (await makeStore().replaceAll(chunks(false), {}).catch((e: unknown) => e)) as QdrantStoreError;
    expect(err).toBeInstanceOf(QdrantStoreError);
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/not retryable/);
    // Nothing was created, so nothing is deleted.
    expect(rec.requests.map((r) => r.method)).toEqual(["GET", "PUT"]);
  });

  it("a failed alias switch that did not apply deletes the new collection and throws", async () => {
    handle((req) => {
      if (req.method === "GET" && req.path === "/aliases") return ok({ aliases: [{ alias_name: "vanban", collection_name: "vanban_v1" }] });
      if (req.path === "/collections/aliases") return fail(503, "Service unavailable");
      return undefined;
    });
    await expect(makeStore().replaceAll(chunks(false), {})).rejects.toThrow(/switch alias vanban.*503/);
    const target = createdCollection();
    expect(rec.requests.map(summary).slice(-3)).toEqual([
      expect.objectContaining({ method: "POST", path: "/collections/aliases" }),
      { method: "GET", path: "/aliases", query: {}, body: undefined },
      { method: "DELETE", path: `/collections/${target}`, query: {}, body: undefined },
    ]);
  });

  it("a failed alias switch that did apply (lost answer) counts as done", async () => {
    let switched = false;
    handle((req) => {
      if (req.method === "GET" && req.path === "/aliases") {
        return ok({ aliases: [{ alias_name: "vanban", collection_name: switched ? createdCollection() : "vanban_v1" }] });
      }
      if (req.path === "/collections/aliases") {
        switched = true;
        return fail(504, "Gateway timeout");
      }
      return undefined;
    });
    await makeStore().replaceAll(chunks(false), {});
    const target = createdCollection();
    expect(rec.requests.some((r) => r.method === "DELETE" && r.path === `/collections/${target}`)).toBe(false);
    expect(rec.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/collections/vanban_v1" });
  });

  it("invalid input is rejected before any request", async () => {
    const bad = chunks(true).map((c, i) => (i === 1 ? { ...c, dense: [0, NaN, 0, 1] } : c));
    await expect(makeStore().replaceAll(bad, { denseSize: 4 })).rejects.toBeInstanceOf(InvalidIndexInputError);
    await expect(makeStore().replaceAll(chunks(true), { denseSize: 3 })).rejects.toThrow(/3/);
    expect(rec.requests).toEqual([]);
  });

  it("an unreachable server gives a retryable error naming the URL", async () => {
    const dead = await startRecorder();
    await dead.close();
    const store = new QdrantStore({ url: dead.url, apiKey: API_KEY, collection: "vanban", timeoutMs: 2_000 });
    const err = (await store.count().catch((e: unknown) => e)) as QdrantStoreError;
    expect(err).toBeInstanceOf(QdrantStoreError);
    expect(err.retryable).toBe(true);
    expect(err.message).toContain(dead.url);
    expect(err.message).toMatch(/cannot reach/);
  });

  it("a slow server gives a retryable timeout error", async () => {
    handle(() => ({ ...ok({ count: 1 }), delayMs: 400 }));
    const err = (await makeStore({ timeoutMs: 100 }).count().catch((e: unknown) => e)) as QdrantStoreError;
    expect(err).toBeInstanceOf(QdrantStoreError);
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/100 ms/);
  });
});

describe("QdrantStore.query", () => {
  const hitPayload = payload("kh-hn", "I");
  const answer: Handler = (req) =>
    req.path === "/collections/vanban/points/query"
      ? ok({
          points: [
            { id: pointIdFor("kh-hn#I#0"), version: 3, score: 0.8333, payload: { ...hitPayload, chunkId: "kh-hn#I#0" } },
            { id: pointIdFor("kh-hn#II#0"), version: 3, score: 0.5, payload: { ...payload("kh-hn", "II"), chunkId: "kh-hn#II#0" } },
          ],
        })
      : undefined;

  it("with dense: prefetches both named vectors, fuses with rrf, filters with match.any, maps hits back to chunk ids", async () => {
    handle(answer);
    const hits = await makeStore().query({
      sparse: { indices: [3, 17], values: [1, 0.5] },
      dense: [0.1, 0.2, 0.3, 0.4],
      filter: { documentIds: ["kh-hn", "kl-69"], numbers: ["15/KH-UBND"], docTypes: ["Kế hoạch"], places: ["Hà Nội"] },
      limit: 5,
    });
    expect(rec.requests.map(summary)).toEqual([
      {
        method: "POST",
        path: "/collections/vanban/points/query",
        query: {},
        body: {
          prefetch: [
            { query: { indices: [3, 17], values: [1, 0.5] }, using: "lexical", limit: 50 },
            { query: [0.1, 0.2, 0.3, 0.4], using: "dense", limit: 50 },
          ],
          query: { fusion: "rrf" },
          filter: {
            must: [
              { key: "documentId", match: { any: ["kh-hn", "kl-69"] } },
              { key: "number", match: { any: ["15/KH-UBND"] } },
              { key: "docType", match: { any: ["Kế hoạch"] } },
              { key: "place", match: { any: ["Hà Nội"] } },
            ],
          },
          limit: 5,
          with_payload: true,
        },
      },
    ]);
    expect(hits).toEqual([
      { id: "kh-hn#I#0", score: 0.8333, payload: hitPayload },
      { id: "kh-hn#II#0", score: 0.5, payload: payload("kh-hn", "II") },
    ]);
    expect(hits[0]!.payload).not.toHaveProperty("chunkId");
  });

  it("sparse only: one lexical prefetch fused with rrf, no filter key; prefetch limit grows with the limit", async () => {
    handle(answer);
    await makeStore().query({ sparse: { indices: [4], values: [2] }, limit: 20 });
    expect(rec.requests.map(summary)).toEqual([
      {
        method: "POST",
        path: "/collections/vanban/points/query",
        query: {},
        body: {
          prefetch: [{ query: { indices: [4], values: [2] }, using: "lexical", limit: 80 }],
          query: { fusion: "rrf" },
          limit: 20,
          with_payload: true,
        },
      },
    ]);
  });

  it("asks nothing when the answer is known to be empty (empty filter list, limit 0, no terms and no dense)", async () => {
    const store = makeStore();
    expect(await store.query({ sparse: { indices: [4], values: [1] }, filter: { places: [] }, limit: 5 })).toEqual([]);
    expect(await store.query({ sparse: { indices: [4], values: [1] }, limit: 0 })).toEqual([]);
    expect(await store.query({ sparse: { indices: [], values: [] }, limit: 5 })).toEqual([]);
    expect(rec.requests).toEqual([]);
  });

  it("a missing alias (nothing ingested yet) answers [] and count 0; other errors are wrapped", async () => {
    handle(() => fail(404, "Not found: Collection `vanban` doesn't exist!"));
    const store = makeStore();
    expect(await store.query({ sparse: { indices: [4], values: [1] }, limit: 5 })).toEqual([]);
    expect(await store.count()).toBe(0);
    handle(() => fail(400, "Wrong input: Not existing vector name: dense"));
    await expect(store.query({ sparse: { indices: [4], values: [1] }, dense: [1, 0, 0, 0], limit: 5 })).rejects.toThrow(
      /Qdrant query vanban failed at http:\/\/127\.0\.0\.1:\d+: HTTP 400.*Not existing vector name: dense \(not retryable\)/,
    );
  });
});

describe("QdrantStore.count", () => {
  it("counts exactly through the alias", async () => {
    handle((req) => (req.path === "/collections/vanban/points/count" ? ok({ count: 42 }) : undefined));
    expect(await makeStore().count()).toBe(42);
    expect(rec.requests.map(summary)).toEqual([{ method: "POST", path: "/collections/vanban/points/count", query: {}, body: { exact: true } }]);
  });
});

describe("validateIndexedChunks", () => {
  it("accepts the corpus and rejects zero dense vectors and bad denseSize", () => {
    expect(() => validateIndexedChunks(chunks(true), { denseSize: 4 })).not.toThrow();
    expect(() => validateIndexedChunks(chunks(false), {})).not.toThrow();
    expect(() => validateIndexedChunks([], {})).not.toThrow();
    const zero = chunks(true).map((c) => ({ ...c, dense: [0, 0, 0, 0] }));
    expect(() => validateIndexedChunks(zero, { denseSize: 4 })).toThrow(/zeros/);
    expect(() => validateIndexedChunks(chunks(false), { denseSize: 0 })).toThrow(/denseSize/);
    expect(() => validateIndexedChunks([{ ...chunks(false)[0]!, sparse: { indices: [-1], values: [1] } }], {})).toThrow(/index/);
  });
});
