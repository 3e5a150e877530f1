/**
 * Qdrant faults, against the loopback fake (which answers the corner cases as the server does; the first block pins
 * that, with where the server decides it): two ingests at once, an alias switch that fails half-way, a stale lock.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QdrantStore } from "../src/search/qdrant-store.js";
import type { IndexedChunk } from "../src/search/types.js";
import { startFakeQdrant, type FakeQdrant } from "./helpers/fake-qdrant.js";

let fake: FakeQdrant;
beforeEach(async () => {
  fake = await startFakeQdrant();
});
afterEach(() => fake.close());

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(fake.url + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { result?: unknown; status?: { error?: string } } };
};
const aliases = (...actions: unknown[]) => call("POST", "/collections/aliases", { actions });
const chunk = (id: string, term = 1): IndexedChunk => ({ id, payload: { documentId: id } as never, sparse: { indices: [term], values: [1] } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ids = async (store: QdrantStore) => (await store.query({ sparse: { indices: [1], values: [1] }, limit: 5 })).map((h) => h.id);

describe("the fake answers as Qdrant does (lib/storage/src/content_manager)", () => {
  it("alias actions: delete of a missing alias is a no-op, create re-points, a failing action keeps the earlier ones", async () => {
    await call("PUT", "/collections/a", {});
    await call("PUT", "/collections/b", {});
    expect((await aliases({ delete_alias: { alias_name: "nothing" } })).status).toBe(200);
    await aliases({ create_alias: { collection_name: "a", alias_name: "x" } });
    expect((await aliases({ create_alias: { collection_name: "b", alias_name: "x" } })).status).toBe(200);
    expect(fake.aliases()).toEqual({ x: "b" });
    // alias_lock.remove is saved before create_alias fails on the missing collection: the alias is gone.
    const half = await aliases({ delete_alias: { alias_name: "x" } }, { create_alias: { collection_name: "missing", alias_name: "x" } });
    expect(half.status).toBe(404);
    expect(fake.aliases()).toEqual({});
    expect((await aliases({ create_alias: { collection_name: "a", alias_name: "b" } })).status).toBe(409);
    expect((await aliases({ rename_alias: { old_alias_name: "nope", new_alias_name: "y" } })).status).toBe(404);
  });

  it("collections: create over an alias is a 400, over a collection a 409; deleting a missing one answers false", async () => {
    await call("PUT", "/collections/a", {});
    await aliases({ create_alias: { collection_name: "a", alias_name: "x" } });
    const overAlias = await call("PUT", "/collections/x", {});
    expect(overAlias.status).toBe(400);
    expect(overAlias.json.status?.error).toMatch(/Alias with the same name already exists/);
    expect((await call("PUT", "/collections/a", {})).status).toBe(409);
    expect(await call("DELETE", "/collections/missing")).toMatchObject({ status: 200, json: { result: false } });
    expect(await call("DELETE", "/collections/x")).toMatchObject({ status: 200, json: { result: false } });
    expect(fake.collections()).toEqual(["a"]);
  });
});

describe("two ingests into one alias at the same time", () => {
  it("never leave the alias without its collection: the second waits for the first", async () => {
    const lock = { pollMs: 30, ttlMs: 10_000, waitMs: 20_000 };
    const first = new QdrantStore({ url: fake.url, collection: "vanban", ingestLock: lock });
    const second = new QdrantStore({ url: fake.url, collection: "vanban", ingestLock: lock });
    await first.replaceAll([chunk("old")], {});
    // The interleaving that emptied the alias: the first ingest's upsert is slow, the second switches first, and
    // its clean-up (listing collections) runs after the first switched.
    fake.intercept(async (req) => {
      const body = req.body as { points?: { payload: { chunkId: string } }[] } | undefined;
      if (req.method === "PUT" && req.path.endsWith("/points") && body?.points?.[0]?.payload.chunkId === "a") await sleep(400);
      if (req.method === "GET" && req.path === "/collections") await sleep(600);
      return undefined;
    });
    const a = first.replaceAll([chunk("a")], {});
    await sleep(20);
    const b = second.replaceAll([chunk("b")], {});
    await Promise.all([a, b]);
    fake.intercept(undefined);
    const live = fake.aliases().vanban;
    expect(live).toBeDefined();
    expect(fake.collections().filter((c) => c.startsWith("vanban_v"))).toEqual([live]);
    expect(await ids(first)).toEqual(["b"]);
    expect(fake.collections()).not.toContain("vanban_lock");
  });

  it("a lock left by a dead ingest is taken over once expired; a live one makes the next ingest wait, then give up with a clear error", async () => {
    await call("PUT", "/collections/vanban_lock", { vectors: { size: 1, distance: "Dot" } });
    await call("PUT", "/collections/vanban_lock/points", { points: [{ id: 1, vector: [1], payload: { owner: "dead:1", expiresAt: Date.now() - 1 } }] });
    const store = new QdrantStore({ url: fake.url, collection: "vanban", ingestLock: { pollMs: 20, waitMs: 300 } });
    await store.replaceAll([chunk("after-takeover")], {});
    expect(await ids(store)).toEqual(["after-takeover"]);

    await call("PUT", "/collections/vanban_lock", { vectors: { size: 1, distance: "Dot" } });
    await call("PUT", "/collections/vanban_lock/points", { points: [{ id: 1, vector: [1], payload: { owner: "busy:2", expiresAt: Date.now() + 60_000 } }] });
    await expect(store.replaceAll([chunk("blocked")], {})).rejects.toThrow(/another ingest .* is running \(busy:2\)/);
    expect(await ids(store)).toEqual(["after-takeover"]);
  });
});

describe("an alias switch that fails half-way", () => {
  it("(alias deleted, not re-created) is re-pointed to the new collection, and the old one is cleaned up", async () => {
    const store = new QdrantStore({ url: fake.url, collection: "vanban" });
    await store.replaceAll([chunk("old")], {});
    // The server applies the delete_alias, then fails (as when it stops between two actions).
    let failed = false;
    fake.intercept(async (req) => {
      const actions = (req.body as { actions?: Record<string, unknown>[] } | undefined)?.actions;
      if (req.path === "/collections/aliases" && actions?.length === 2 && !failed) {
        failed = true;
        await call("POST", "/collections/aliases", { actions: [actions[0]] });
        return { status: 500, body: { status: { error: "Service internal error: node stopped" } } };
      }
      return undefined;
    });
    await store.replaceAll([chunk("new")], {});
    fake.intercept(undefined);
    expect(failed).toBe(true);
    expect(await ids(store)).toEqual(["new"]);
    expect(fake.collections().filter((c) => c.startsWith("vanban_v"))).toEqual([fake.aliases().vanban]);
  });
});
