/**
 * A tiny in-memory Qdrant over loopback HTTP, implementing just what QdrantStore uses, with Qdrant's semantics where
 * they decide a ranking:
 * - collections: create (named dense vectors, named sparse vectors with modifier), delete (drops its aliases),
 *   exists, info, list; aliases: list, update (create/delete/rename); payload index create (recorded only);
 * - points: upsert (uint or UUID ids; dimension / sparse checks like the server's 400s), retrieve by ids, count
 *   (exact, filtered), query (Query API): direct nearest (dense or sparse) or prefetch + fusion, with filters;
 * - what the server does in the corner cases the store meets (Qdrant's lib/storage: toc/collection_meta_ops.rs
 *   update_aliases, alias_mapping.rs, toc/create_collection.rs, delete_collection; errors.rs for the statuses):
 *   alias actions are applied and saved one by one (a failing action leaves the earlier ones applied: not atomic
 *   across a failure); delete_alias of a missing alias is a no-op; create_alias over an existing alias re-points it
 *   (and fails 409 if a collection has the alias's name, 404 if the target collection does not exist);
 *   rename_alias of a missing alias is a 404 and overwrites an existing new name; creating a collection that exists
 *   is a 409 "already exists", over an existing alias a 400 "Alias with the same name already exists"; deleting a
 *   missing collection answers 200 with result false;
 * - sparse scoring: Σ q_i · d_i over shared indices, times idf(i) when the vector's modifier is "idf", where
 *   idf(i) = ln(1 + (N − n(i) + 0.5) / (n(i) + 0.5)), N = points in the collection, n(i) = points with a non-zero
 *   value at i (Qdrant "indexing" docs, IDF modifier). Only points sharing an index with the query are returned;
 * - dense: Cosine (vectors normalized on upsert, score = dot) or Dot;
 * - RRF: score = Σ over prefetches of 1 / (k + position), position 0-based, k = 2 by default (Qdrant's
 *   DEFAULT_RRF_K; `{ rrf: { k } }` overrides), equal to 1/((pos+1) + k − 1) in Qdrant's weighted formula;
 * - a root `filter` is folded into every prefetch (ANDed with the prefetch's own), as the server does.
 * Ties keep insertion order (the server does not define an order for ties).
 */
import { fail, ok, startRecorder, type Handler, type RecordedRequest, type Recorder, type Reply } from "./qdrant-recorder.js";

type SparseVec = { indices: number[]; values: number[] };
type VectorValue = number[] | SparseVec;

interface FakePoint {
  id: string | number;
  vectors: Map<string, VectorValue>;
  payload: Record<string, unknown>;
  seq: number;
}

interface FakeCollection {
  name: string;
  dense: Map<string, { size: number; distance: string }>;
  sparse: Map<string, { modifier: "idf" | "none" }>;
  payloadIndexes: Map<string, unknown>;
  points: Map<string, FakePoint>;
  seq: number;
}

export interface FakeQdrant {
  url: string;
  recorder: Recorder;
  /** Names of existing collections. */
  collections(): string[];
  /** alias → collection. */
  aliases(): Record<string, string>;
  /** Answer matching requests yourself (fault injection); return undefined to let the fake answer. */
  intercept(handler: Handler | undefined): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (name: string) => new HttpError(404, `Not found: Collection \`${name}\` doesn't exist!`);
const wrongInput = (msg: string) => new HttpError(400, `Wrong input: ${msg}`);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pointKey(id: unknown): string {
  if (typeof id === "number" && Number.isInteger(id) && id >= 0) return `n:${id}`;
  if (typeof id === "string" && UUID_RE.test(id)) return `u:${id.toLowerCase()}`;
  throw new HttpError(400, `Format error in JSON body: value ${JSON.stringify(id)} is not a valid point ID`);
}

function isSparse(v: unknown): v is SparseVec {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "indices" in v && "values" in v;
}

function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x));
}

function checkSparse(v: SparseVec): void {
  if (!isNumberArray(v.indices) || !isNumberArray(v.values)) throw new HttpError(400, "Format error in JSON body: invalid sparse vector");
  if (v.indices.length !== v.values.length) throw wrongInput("Sparse vector indices and values must have the same length");
  if (new Set(v.indices).size !== v.indices.length) throw wrongInput("Sparse vector indices must be unique");
  if (v.indices.some((i) => !Number.isInteger(i) || i < 0 || i > 0xffffffff)) throw new HttpError(400, "Format error in JSON body: invalid sparse index");
}

function normalize(v: number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return norm === 0 ? v.slice() : v.map((x) => x / norm);
}

function asArray<T>(v: T | T[] | null | undefined): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function getPath(payload: Record<string, unknown>, key: string): unknown {
  let cur: unknown = payload;
  for (const part of key.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

type Filter = { must?: unknown; should?: unknown; must_not?: unknown };

function matchesCondition(point: FakePoint, cond: unknown): boolean {
  if (cond === null || typeof cond !== "object") throw new HttpError(400, "Format error in JSON body: invalid condition");
  const c = cond as Record<string, unknown>;
  if ("must" in c || "should" in c || "must_not" in c) return matchesFilter(point, c as Filter);
  if ("has_id" in c) return asArray(c.has_id).some((id) => pointKey(id) === pointKey(point.id));
  if (typeof c.key === "string" && c.match && typeof c.match === "object") {
    const raw = getPath(point.payload, c.key);
    const values = (Array.isArray(raw) ? raw : [raw]).filter((x) => x !== null && x !== undefined);
    const m = c.match as Record<string, unknown>;
    if ("value" in m) return values.some((x) => x === m.value);
    if ("any" in m) return values.some((x) => (m.any as unknown[]).includes(x));
    if ("except" in m) return values.length > 0 && values.every((x) => !(m.except as unknown[]).includes(x));
  }
  throw new HttpError(400, `Format error in JSON body: condition not supported by the fake: ${JSON.stringify(cond)}`);
}

function matchesFilter(point: FakePoint, filter: Filter | undefined | null): boolean {
  if (!filter) return true;
  if (!asArray(filter.must).every((c) => matchesCondition(point, c))) return false;
  const should = asArray(filter.should);
  if (should.length > 0 && !should.some((c) => matchesCondition(point, c))) return false;
  if (asArray(filter.must_not).some((c) => matchesCondition(point, c))) return false;
  return true;
}

function andFilters(a: Filter | undefined, b: Filter | undefined): Filter | undefined {
  if (!a) return b;
  if (!b) return a;
  return { must: [a, b] };
}

interface Scored {
  point: FakePoint;
  score: number;
}

function byScoreDesc(a: Scored, b: Scored): number {
  return b.score - a.score || a.point.seq - b.point.seq;
}

function idf(col: FakeCollection, name: string, index: number): number {
  const N = col.points.size;
  let n = 0;
  for (const p of col.points.values()) {
    const v = p.vectors.get(name);
    if (v && isSparse(v)) {
      const at = v.indices.indexOf(index);
      if (at >= 0 && v.values[at] !== 0) n++;
    }
  }
  return Math.log(1 + (N - n + 0.5) / (n + 0.5));
}

function nearest(col: FakeCollection, vector: unknown, using: string, candidates: FakePoint[]): Scored[] {
  if (isSparse(vector)) {
    const cfg = col.sparse.get(using);
    if (!cfg) throw wrongInput(`Not existing vector name: ${using}`);
    checkSparse(vector);
    const weights = new Map<number, number>();
    vector.indices.forEach((i, k) => {
      const q = vector.values[k]!;
      weights.set(i, cfg.modifier === "idf" ? q * idf(col, using, i) : q);
    });
    const out: Scored[] = [];
    for (const point of candidates) {
      const v = point.vectors.get(using);
      if (!v || !isSparse(v)) continue;
      let score = 0;
      let overlap = false;
      v.indices.forEach((i, k) => {
        const w = weights.get(i);
        if (w !== undefined) {
          overlap = true;
          score += w * v.values[k]!;
        }
      });
      if (overlap) out.push({ point, score });
    }
    return out.sort(byScoreDesc);
  }
  if (isNumberArray(vector)) {
    const cfg = col.dense.get(using);
    if (!cfg) throw wrongInput(`Not existing vector name: ${using || "(default)"}`);
    if (vector.length !== cfg.size) throw wrongInput(`Vector dimension error: expected dim: ${cfg.size}, got ${vector.length}`);
    const q = cfg.distance === "Cosine" ? normalize(vector) : vector;
    const out: Scored[] = [];
    for (const point of candidates) {
      const v = point.vectors.get(using);
      if (!v || isSparse(v)) continue;
      out.push({ point, score: v.reduce((s, x, i) => s + x * q[i]!, 0) });
    }
    return out.sort(byScoreDesc);
  }
  throw new HttpError(400, `Format error in JSON body: query vector not supported by the fake: ${JSON.stringify(vector)}`);
}

type QueryBody = {
  prefetch?: unknown;
  query?: unknown;
  using?: string | null;
  filter?: Filter | null;
  limit?: number | null;
  score_threshold?: number | null;
};

function fusionOf(query: unknown): { kind: "rrf"; k: number } | undefined {
  if (query && typeof query === "object" && !Array.isArray(query)) {
    const q = query as Record<string, unknown>;
    if (q.fusion === "rrf") return { kind: "rrf", k: 2 };
    if (q.fusion !== undefined) throw new HttpError(400, `fusion ${String(q.fusion)} not supported by the fake`);
    if (q.rrf && typeof q.rrf === "object") {
      const r = q.rrf as { k?: number | null; weights?: unknown };
      if (r.weights) throw new HttpError(400, "weighted rrf not supported by the fake");
      return { kind: "rrf", k: r.k ?? 2 };
    }
  }
  return undefined;
}

function vectorOf(query: unknown): unknown {
  if (query && typeof query === "object" && !Array.isArray(query) && "nearest" in query) return (query as { nearest: unknown }).nearest;
  return query;
}

function runQuery(col: FakeCollection, body: QueryBody, inherited: Filter | undefined): Scored[] {
  const filter = andFilters(inherited, body.filter ?? undefined);
  const limit = body.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1) throw new HttpError(422, "Validation error in JSON body: limit must be >= 1");
  const prefetches = asArray(body.prefetch as QueryBody | QueryBody[] | undefined);
  const admitted = [...col.points.values()].filter((p) => matchesFilter(p, filter));
  let scored: Scored[];
  if (prefetches.length > 0) {
    const lists = prefetches.map((p) => runQuery(col, p, filter));
    const fusion = fusionOf(body.query);
    if (fusion) {
      const acc = new Map<string, Scored>();
      for (const list of lists) {
        list.forEach(({ point }, position) => {
          const key = pointKey(point.id);
          const add = 1 / (position + fusion.k);
          const prev = acc.get(key);
          if (prev) prev.score += add;
          else acc.set(key, { point, score: add });
        });
      }
      scored = [...acc.values()].sort(byScoreDesc);
    } else if (body.query !== undefined && body.query !== null) {
      const seen = new Map<string, FakePoint>();
      for (const list of lists) for (const { point } of list) seen.set(pointKey(point.id), point);
      scored = nearest(col, vectorOf(body.query), body.using ?? "", [...seen.values()]);
    } else {
      throw wrongInput("Query is required for merging prefetches");
    }
  } else {
    if (fusionOf(body.query)) throw wrongInput("Fusion queries require prefetches");
    if (body.query === undefined || body.query === null) {
      scored = admitted.map((point) => ({ point, score: 0 }));
    } else {
      scored = nearest(col, vectorOf(body.query), body.using ?? "", admitted);
    }
  }
  if (typeof body.score_threshold === "number") scored = scored.filter((s) => s.score >= body.score_threshold!);
  return scored.slice(0, limit);
}

export function createFakeQdrantHandler(): { handler: Handler; collections: Map<string, FakeCollection>; aliases: Map<string, string> } {
  const collections = new Map<string, FakeCollection>();
  const aliases = new Map<string, string>();

  const resolve = (name: string): FakeCollection => {
    const col = collections.get(name) ?? collections.get(aliases.get(name) ?? "");
    if (!col) throw notFound(name);
    return col;
  };

  const createCollection = (name: string, body: Record<string, unknown> | undefined): void => {
    if (collections.has(name)) throw new HttpError(409, `Wrong input: Collection \`${name}\` already exists!`);
    if (aliases.has(name)) throw wrongInput(`Can't create collection with name ${name}. Alias with the same name already exists`);
    if (!/^[^/\s]{1,255}$/.test(name)) throw wrongInput(`Collection name \`${name}\` is invalid`);
    const col: FakeCollection = { name, dense: new Map(), sparse: new Map(), payloadIndexes: new Map(), points: new Map(), seq: 0 };
    const vectors = body?.vectors as Record<string, unknown> | undefined;
    const addDense = (vname: string, cfg: unknown) => {
      const c = cfg as { size?: unknown; distance?: unknown };
      if (!Number.isInteger(c?.size) || (c.size as number) < 1) throw new HttpError(422, "Validation error in JSON body: size must be >= 1");
      if (c.distance !== "Cosine" && c.distance !== "Dot") throw new HttpError(400, `distance ${String(c.distance)} not supported by the fake`);
      col.dense.set(vname, { size: c.size as number, distance: c.distance });
    };
    if (vectors && "size" in vectors) addDense("", vectors);
    else for (const [vname, cfg] of Object.entries(vectors ?? {})) addDense(vname, cfg);
    for (const [vname, cfg] of Object.entries((body?.sparse_vectors as Record<string, unknown> | undefined) ?? {})) {
      const modifier = (cfg as { modifier?: unknown } | null)?.modifier ?? "none";
      if (modifier !== "idf" && modifier !== "none") throw new HttpError(400, `Format error in JSON body: unknown modifier ${String(modifier)}`);
      col.sparse.set(vname, { modifier });
    }
    collections.set(name, col);
  };

  const upsert = (col: FakeCollection, body: Record<string, unknown> | undefined): void => {
    const points = body?.points;
    if (!Array.isArray(points)) throw new HttpError(400, "Format error in JSON body: expected points");
    // Validate everything first: a rejected request changes nothing.
    const staged: FakePoint[] = points.map((raw: unknown) => {
      const p = raw as { id: unknown; vector: unknown; payload?: unknown };
      pointKey(p.id);
      const vectors = new Map<string, VectorValue>();
      const entries: [string, unknown][] = Array.isArray(p.vector) ? [["", p.vector]] : Object.entries((p.vector as object) ?? {});
      for (const [vname, v] of entries) {
        if (isSparse(v)) {
          if (!col.sparse.has(vname)) throw wrongInput(`Not existing vector name: ${vname}`);
          checkSparse(v);
          vectors.set(vname, { indices: [...v.indices], values: [...v.values] });
        } else if (isNumberArray(v)) {
          const cfg = col.dense.get(vname);
          if (!cfg) throw wrongInput(`Not existing vector name: ${vname}`);
          if (v.length !== cfg.size) throw wrongInput(`Vector dimension error: expected dim: ${cfg.size}, got ${v.length}`);
          vectors.set(vname, cfg.distance === "Cosine" ? normalize(v) : [...v]);
        } else {
          throw new HttpError(400, `Format error in JSON body: invalid vector ${vname}`);
        }
      }
      const payload = p.payload && typeof p.payload === "object" ? structuredClone(p.payload as Record<string, unknown>) : {};
      return { id: p.id as string | number, vectors, payload, seq: 0 };
    });
    for (const point of staged) {
      const key = pointKey(point.id);
      point.seq = col.points.get(key)?.seq ?? col.seq++;
      col.points.set(key, point);
    }
  };

  // As the server: each action is applied (and saved) in turn; a failing action leaves the earlier ones applied.
  const updateAliases = (body: Record<string, unknown> | undefined): void => {
    const actions = body?.actions;
    if (!Array.isArray(actions)) throw new HttpError(400, "Format error in JSON body: expected actions");
    for (const action of actions as Record<string, Record<string, string>>[]) {
      if (action.create_alias) {
        const { collection_name, alias_name } = action.create_alias;
        if (!collections.has(collection_name!)) throw notFound(collection_name!);
        if (collections.has(alias_name!)) throw new HttpError(409, `Wrong input: Collection \`${alias_name}\` already exists!`);
        aliases.set(alias_name!, collection_name!);
      } else if (action.delete_alias) {
        aliases.delete(action.delete_alias.alias_name!);
      } else if (action.rename_alias) {
        const { old_alias_name, new_alias_name } = action.rename_alias;
        const target = aliases.get(old_alias_name!);
        if (target === undefined) throw new HttpError(404, `Not found: Alias ${old_alias_name} does not exists!`);
        aliases.delete(old_alias_name!);
        aliases.set(new_alias_name!, target);
      } else {
        throw new HttpError(400, "Format error in JSON body: unknown alias action");
      }
    }
  };

  const updated = () => ok({ operation_id: 0, status: "completed" });

  const route = (req: RecordedRequest): Reply => {
    const { method, path } = req;
    const body = req.body as Record<string, unknown> | undefined;
    if (typeof req.body === "string") throw new HttpError(400, "Format error in JSON body");
    const seg = path.split("/").filter(Boolean);
    if (method === "GET" && seg.length === 0) return { status: 200, body: { title: "fake qdrant", version: "1.15.0" } };
    if (method === "GET" && path === "/aliases") {
      return ok({ aliases: [...aliases].map(([alias_name, collection_name]) => ({ alias_name, collection_name })) });
    }
    if (method === "GET" && path === "/collections") return ok({ collections: [...collections.keys()].map((name) => ({ name })) });
    if (method === "POST" && path === "/collections/aliases") {
      updateAliases(body);
      return ok(true);
    }
    if (seg[0] !== "collections" || seg.length < 2) throw new HttpError(404, `Not found: ${method} ${path}`);
    const name = seg[1]!;
    const rest = seg.slice(2).join("/");
    if (rest === "") {
      if (method === "PUT") {
        createCollection(name, body);
        return ok(true);
      }
      if (method === "DELETE") {
        // A name that is no collection (a missing one, or an alias) deletes nothing: 200 with result false.
        if (!collections.delete(name)) return ok(false);
        for (const [alias, target] of [...aliases]) if (target === name) aliases.delete(alias);
        return ok(true);
      }
      if (method === "GET") {
        const col = resolve(name);
        return ok({
          status: "green",
          optimizer_status: "ok",
          points_count: col.points.size,
          segments_count: 1,
          config: {
            params: {
              vectors: Object.fromEntries(col.dense),
              sparse_vectors: Object.fromEntries(col.sparse),
            },
          },
          payload_schema: Object.fromEntries([...col.payloadIndexes].map(([k, v]) => [k, { data_type: v, points: col.points.size }])),
        });
      }
    }
    if (rest === "exists" && method === "GET") return ok({ exists: collections.has(name) || aliases.has(name) });
    if (rest === "aliases" && method === "GET") {
      return ok({ aliases: [...aliases].filter(([, c]) => c === name).map(([alias_name, collection_name]) => ({ alias_name, collection_name })) });
    }
    const col = resolve(name);
    if (rest === "index" && method === "PUT") {
      if (typeof body?.field_name !== "string") throw new HttpError(400, "Format error in JSON body: field_name");
      col.payloadIndexes.set(body.field_name, body.field_schema ?? null);
      return updated();
    }
    if (rest === "points" && method === "PUT") {
      upsert(col, body);
      return updated();
    }
    if (rest === "points" && method === "POST") {
      // Retrieve by ids: the points that exist, in request order; missing ids are left out.
      const ids = asArray(body?.ids as unknown[] | undefined);
      const withPayload = body?.with_payload !== false;
      const found = ids.map((id) => col.points.get(pointKey(id))).filter((p): p is FakePoint => p !== undefined);
      return ok(found.map((p) => ({ id: p.id, ...(withPayload ? { payload: structuredClone(p.payload) } : {}) })));
    }
    if (rest === "points/count" && method === "POST") {
      const filter = (body?.filter as Filter | undefined) ?? undefined;
      return ok({ count: [...col.points.values()].filter((p) => matchesFilter(p, filter)).length });
    }
    if (rest === "points/query" && method === "POST") {
      const q = (body ?? {}) as QueryBody & { with_payload?: unknown; offset?: number };
      const offset = q.offset ?? 0;
      const scored = runQuery(col, { ...q, limit: (q.limit ?? 10) + offset }, undefined).slice(offset);
      const withPayload = q.with_payload === true;
      return ok({
        points: scored.map(({ point, score }) => ({
          id: point.id,
          version: 0,
          score,
          ...(withPayload ? { payload: structuredClone(point.payload) } : {}),
        })),
      });
    }
    throw new HttpError(404, `Not found: ${method} ${path}`);
  };

  const handler: Handler = (req) => {
    try {
      return route(req);
    } catch (err) {
      if (err instanceof HttpError) return fail(err.status, err.message);
      throw err;
    }
  };
  return { handler, collections, aliases };
}

export async function startFakeQdrant(): Promise<FakeQdrant> {
  const fake = createFakeQdrantHandler();
  let intercept: Handler | undefined;
  const recorder = await startRecorder(async (req) => (intercept ? await intercept(req) : undefined) ?? fake.handler(req));
  return {
    url: recorder.url,
    recorder,
    collections: () => [...fake.collections.keys()],
    aliases: () => Object.fromEntries(fake.aliases),
    intercept(h) {
      intercept = h;
    },
    close: () => recorder.close(),
  };
}
