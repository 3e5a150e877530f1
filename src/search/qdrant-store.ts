/**
 * VectorStore backed by a Qdrant server (REST, through @qdrant/js-client-rest 1.18).
 *
 * Layout: the configured `collection` is an ALIAS (e.g. "vanban"). Every `replaceAll` builds a fresh collection
 * `${alias}_v${version}` (version = a monotonic millisecond stamp), fills it, and then moves the alias to it with ONE
 * `POST /collections/aliases` call (delete_alias + create_alias). Queries never see a half-switched alias (the server
 * locks its collections while it applies the actions), but the actions are applied and saved one after the other:
 * a failure between them (a crash, a timeout) can leave the alias deleted. switchAlias therefore checks what the
 * alias names after any failure, and re-points it to the new collection if it names nothing. Until the switch,
 * queries through the alias keep answering from the previous collection; if anything fails before it, the
 * half-built collection is deleted and the error is rethrown. After the switch the previous collection(s) of the
 * alias, and leftovers of older failed runs (`${alias}_v<older>` that no alias points to), are deleted best-effort.
 *
 * Two ingests at once (the bot's /reload and `npm run ingest`) must not clean up each other's collections: with
 * `ingestLock` (services.ts turns it on) each ingest holds a lock across processes for its whole run (see
 * qdrant-lock.ts), so the cleanup above never meets another ingest's collection.
 *
 * Vectors per point: a named sparse vector "lexical" and, when `info.denseSize` is given, a named dense vector "dense"
 * (Cosine). The lexical weights are our analyzer's BM25 term weights times the idf of the term over the WHOLE corpus,
 * computed here at ingest (see withCorpusIdf): Qdrant's own `modifier: "idf"` computes idf per shard at query time
 * (N and the document frequency of each shard, qdrant/qdrant#4126), so on a collection of several shards one term
 * would weigh differently on each shard and a ranking would depend on where a point landed. Every ingest builds a
 * whole new collection, so the corpus statistics are known exactly when the points are written; the collection has
 * no modifier, and a query's scores are the embedded store's (same idf formula) on any number of shards.
 * Collections built before this (with `modifier: "idf"` and raw weights) score the same on one shard and keep
 * answering until the next ingest replaces them.
 *
 * Sharding and replicas: `shardNumber` and `replicationFactor` (QDRANT_SHARDS, QDRANT_REPLICAS) are set on every new
 * collection, since each ingest creates one. Order: points are written in chunk-id order whatever order the caller
 * gives, and hits of equal score come back in chunk-id order, so the same corpus ranks the same however it was read.
 *
 * Point ids: Qdrant accepts only unsigned integers or UUIDs, so the id is a deterministic UUID (v5, SHA-1 of the
 * chunk id in a fixed namespace) and the chunk id travels in the payload as `chunkId`; hits map back to it.
 */
import { createHash } from "node:crypto";
import {
  QdrantClient,
  QdrantClientResourceExhaustedError,
  QdrantClientTimeoutError,
  QdrantClientUnexpectedResponseError,
  type Schemas,
} from "@qdrant/js-client-rest";
import { InvalidIndexInputError, validateIndexedChunks } from "./validate.js";

export { InvalidIndexInputError, validateIndexedChunks };
import type { Logger } from "pino";
import { silentLogger } from "../logger.js";
import { idf } from "./idf.js";
import { IngestLock, type IngestLockOptions } from "./qdrant-lock.js";
import type { ChunkPayload, IndexedChunk, StoreFilter, StoreHit, StoreQuery, VectorStore } from "./types.js";

export const LEXICAL_VECTOR = "lexical";
export const DENSE_VECTOR = "dense";
/** Payload keys that get a keyword index (the keys StoreFilter filters on), in creation order. */
export const INDEXED_PAYLOAD_KEYS = ["number", "docType", "place", "documentId"] as const;

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_BATCH_SIZE = 256;
/** Fixed namespace for the v5 UUIDs of chunk ids (any constant works; changing it re-keys every point). */
const POINT_ID_NAMESPACE = "e001f119-de26-4245-95e2-727584c7af06";

export interface QdrantStoreOptions {
  /** Base URL of the Qdrant REST API, e.g. "http://localhost:6333" (a path prefix is kept; credentials in it are not). */
  url: string;
  /** Sent as the `api-key` header; never logged nor put in an error message. */
  apiKey?: string;
  /** Alias name queries go through, e.g. "vanban". Each ingest builds `${collection}_v<version>` behind it. */
  collection: string;
  /** Client-side timeout of each HTTP request (default 30 s). */
  timeoutMs?: number;
  logger?: Logger;
  /** Injected client (tests); by default one is built from url/apiKey/timeoutMs. */
  client?: QdrantClient;
  /** Points per upsert request (default 256). */
  batchSize?: number;
  /**
   * Take the cross-process ingest lock around every replaceAll (see qdrant-lock.ts): `true` for the defaults, or
   * timings. Without it, two ingests at once may delete the collection the other just switched the alias to.
   */
  ingestLock?: boolean | IngestLockOptions;
  /**
   * Shards of each new collection (Qdrant's `shard_number`; default: the server's, 1 on a single node). In a cluster,
   * at least the number of nodes, so that every node holds part of the index.
   */
  shardNumber?: number;
  /** Copies of each shard (Qdrant's `replication_factor`; default: the server's, 1). 2 or more survive a node loss. */
  replicationFactor?: number;
}

/** A Qdrant call failed. The message names the server URL (never the api key) and whether a retry may help. */
export class QdrantStoreError extends Error {
  override readonly name = "QdrantStoreError";
  constructor(
    message: string,
    readonly operation: string,
    readonly retryable: boolean,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}


/** Deterministic RFC 4122 version-5 UUID (SHA-1, fixed namespace) of a chunk id: the Qdrant point id. */
export function pointIdFor(chunkId: string): string {
  const namespace = Buffer.from(POINT_ID_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespace).update(chunkId, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The chunks in chunk-id order with idf over the whole corpus applied to their lexical weights (see the module
 * comment): the same scores as Qdrant's `modifier: "idf"` on a single shard, and the same on any number of shards.
 */
export function withCorpusIdf(chunks: readonly IndexedChunk[]): IndexedChunk[] {
  const df = new Map<number, number>();
  for (const c of chunks) for (const i of c.sparse.indices) df.set(i, (df.get(i) ?? 0) + 1);
  const total = chunks.length;
  const weights = new Map<number, number>();
  for (const [i, n] of df) weights.set(i, idf(n, total));
  return [...chunks]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => {
      const indices = [...c.sparse.indices];
      const values = [...c.sparse.values];
      return { ...c, sparse: { indices, values: values.map((v, k) => v * weights.get(indices[k]!)!) } };
    });
}

/** StoreFilter → Qdrant filter (`must` of `match.any` per key); undefined when nothing constrains. */
export function toQdrantFilter(filter: StoreFilter | undefined): Schemas["Filter"] | undefined {
  if (!filter) return undefined;
  const must: Schemas["FieldCondition"][] = [];
  const add = (key: string, values: string[] | undefined) => {
    if (values !== undefined) must.push({ key, match: { any: [...values] } });
  };
  add("documentId", filter.documentIds);
  add("number", filter.numbers);
  add("docType", filter.docTypes);
  add("place", filter.places);
  return must.length > 0 ? { must } : undefined;
}

/** Number of candidates each prefetch leg hands to the fusion (more than `limit`, so RRF can reorder). */
export function prefetchLimit(limit: number): number {
  return Math.max(limit * 4, 50);
}

/** The URL as shown in logs and errors: no credentials, no query string. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    u.search = "";
    u.hash = "";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "<invalid url>";
  }
}

function errorStatus(err: unknown): number | undefined {
  if (err && typeof err === "object" && "status" in err && typeof (err as { status: unknown }).status === "number") {
    return (err as { status: number }).status;
  }
  return undefined;
}

function isNotFound(err: unknown): boolean {
  return errorStatus(err) === 404;
}

function serverMessage(err: unknown): string | undefined {
  const data = err && typeof err === "object" && "data" in err ? (err as { data: unknown }).data : undefined;
  if (data && typeof data === "object") {
    const status = (data as { status?: unknown }).status;
    if (status && typeof status === "object" && typeof (status as { error?: unknown }).error === "string") {
      return (status as { error: string }).error;
    }
  }
  if (typeof data === "string" && data.length > 0) return data.slice(0, 300);
  return undefined;
}

function versionOf(alias: string, collection: string): number | undefined {
  const prefix = `${alias}_v`;
  if (!collection.startsWith(prefix)) return undefined;
  const rest = collection.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

export class QdrantStore implements VectorStore {
  readonly alias: string;
  private readonly client: QdrantClient;
  private readonly url: string;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly lockOptions: IngestLockOptions | null;
  private readonly shardNumber: number | undefined;
  private readonly replicationFactor: number | undefined;
  private lastVersion = 0;
  /** replaceAll calls on one instance run one after the other. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(options: QdrantStoreOptions) {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(options.collection)) {
      throw new Error(`invalid Qdrant alias name ${JSON.stringify(options.collection)} (letters, digits, _ and - only)`);
    }
    this.alias = options.collection;
    this.url = displayUrl(options.url);
    this.apiKey = options.apiKey || undefined;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = (options.logger ?? silentLogger).child({ component: "qdrant-store", alias: this.alias });
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!(Number.isInteger(this.batchSize) && this.batchSize > 0)) throw new Error("batchSize must be a positive integer");
    this.client = options.client ?? this.createClient(options.url);
    this.lockOptions = options.ingestLock ? (options.ingestLock === true ? {} : options.ingestLock) : null;
    this.shardNumber = options.shardNumber;
    this.replicationFactor = options.replicationFactor;
  }

  private createClient(url: string): QdrantClient {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`invalid Qdrant URL ${JSON.stringify(displayUrl(url))}`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw new Error(`Qdrant URL must start with http:// or https://, got ${displayUrl(url)}`);
    }
    const loopback = ["localhost", "127.0.0.1", "[::1]", "::1"].includes(parsed.hostname);
    if (this.apiKey && parsed.protocol === "http:" && !loopback) {
      this.logger.warn({ url: this.url }, "Qdrant api key sent over plain http");
    }
    const prefix = parsed.pathname !== "/" ? parsed.pathname.replace(/\/+$/, "") : undefined;
    // The api key goes in as a header rather than `apiKey`, which would console.warn on http (we log above instead).
    // Note: like every Qdrant client, a URL without a port means port 6333.
    return new QdrantClient({
      url: parsed.origin,
      ...(prefix ? { prefix } : {}),
      ...(this.apiKey ? { headers: { "api-key": this.apiKey } } : {}),
      timeout: this.timeoutMs,
      // Otherwise the client probes GET / at construction and console.warns on any mismatch or failure.
      checkCompatibility: false,
    });
  }

  /** Wrap any client failure in a QdrantStoreError that names the URL and says whether a retry may help. */
  private wrap(err: unknown, operation: string): QdrantStoreError {
    if (err instanceof QdrantStoreError) return err;
    let status: number | undefined;
    let detail: string;
    let retryable: boolean;
    if (err instanceof QdrantClientTimeoutError) {
      detail = `no answer within ${this.timeoutMs} ms`;
      retryable = true;
    } else if (err instanceof QdrantClientResourceExhaustedError) {
      status = 429;
      detail = `rate limited, retry after ${err.retry_after} s`;
      retryable = true;
    } else if ((status = errorStatus(err)) !== undefined) {
      const statusText = (err as { statusText?: unknown }).statusText;
      detail = `HTTP ${status}${typeof statusText === "string" && statusText ? ` ${statusText}` : ""}`;
      const server = serverMessage(err);
      if (server) detail += `: ${server}`;
      retryable = status === 408 || status === 429 || status >= 500;
    } else if (err instanceof QdrantClientUnexpectedResponseError) {
      detail = err.message.split("\n")[0] ?? "unexpected response";
      retryable = false;
    } else if (err instanceof TypeError && /fetch failed/i.test(err.message)) {
      const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
      const code = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
      detail = `cannot reach the server${code ? ` (${code})` : ""}`;
      retryable = true;
    } else {
      detail = err instanceof Error ? err.message : String(err);
      retryable = false;
    }
    let message = `Qdrant ${operation} failed at ${this.url}: ${detail} (${retryable ? "retryable" : "not retryable"})`;
    if (this.apiKey) message = message.split(this.apiKey).join("[redacted]");
    return new QdrantStoreError(message, operation, retryable, status, { cause: err });
  }

  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw this.wrap(err, operation);
    }
  }

  private async listAliases(): Promise<Schemas["AliasDescription"][]> {
    const res = await this.call("list aliases", () => this.client.getAliases());
    return res.aliases;
  }

  replaceAll(chunks: IndexedChunk[], info: { denseSize?: number }): Promise<void> {
    const run = this.writing.then(
      () => this.doReplaceAll(chunks, info),
      () => this.doReplaceAll(chunks, info),
    );
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async doReplaceAll(chunks: IndexedChunk[], info: { denseSize?: number }): Promise<void> {
    validateIndexedChunks(chunks, info);
    if (!this.lockOptions) return this.build(chunks, info, null);
    const lock = new IngestLock(this.client, this.alias, this.logger, this.lockOptions);
    await this.call(`take the ingest lock ${lock.name}`, () => lock.acquire());
    try {
      await this.build(chunks, info, lock);
    } finally {
      await lock.release();
    }
  }

  private async build(chunks: IndexedChunk[], info: { denseSize?: number }, lock: IngestLock | null): Promise<void> {
    const started = Date.now();
    const aliases = await this.listAliases();
    const previous = aliases.filter((a) => a.alias_name === this.alias).map((a) => a.collection_name);
    const version = Math.max(
      Date.now(),
      this.lastVersion + 1,
      ...previous.map((c) => (versionOf(this.alias, c) ?? 0) + 1),
    );
    this.lastVersion = version;
    const target = `${this.alias}_v${version}`;
    const log = this.logger.child({ target });

    let created = false;
    try {
      await this.call(`create collection ${target}`, () =>
        this.client.createCollection(target, {
          // No idf modifier: the weights carry the corpus-wide idf already (a modifier would apply a per-shard one).
          sparse_vectors: { [LEXICAL_VECTOR]: {} },
          ...(info.denseSize !== undefined ? { vectors: { [DENSE_VECTOR]: { size: info.denseSize, distance: "Cosine" } } } : {}),
          ...(this.shardNumber !== undefined ? { shard_number: this.shardNumber } : {}),
          ...(this.replicationFactor !== undefined ? { replication_factor: this.replicationFactor } : {}),
        }),
      );
      created = true;
      // Payload indexes first: Qdrant builds its filter-aware structures as points arrive.
      for (const field of INDEXED_PAYLOAD_KEYS) {
        await this.call(`create payload index ${field} on ${target}`, () =>
          this.client.createPayloadIndex(target, { field_name: field, field_schema: "keyword", wait: true }),
        );
      }
      const points = withCorpusIdf(chunks);
      for (let start = 0; start < points.length; start += this.batchSize) {
        const batch = points.slice(start, start + this.batchSize);
        await this.call(`upsert points ${start}..${start + batch.length - 1} into ${target}`, () =>
          this.client.upsert(target, { wait: true, points: batch.map(toPoint) }),
        );
        log.debug({ done: start + batch.length, total: chunks.length }, "upserted batch");
      }
      if (lock) await this.call(`check the ingest lock ${lock.name}`, () => lock.verify());
      await this.switchAlias(target, previous[0] ?? null);
    } catch (err) {
      if (created && !(err instanceof AliasStateUnknown)) {
        try {
          await this.client.deleteCollection(target);
        } catch (cleanupErr) {
          log.warn({ err: this.wrap(cleanupErr, `delete collection ${target}`) }, "could not delete the half-built collection; the next ingest removes it");
        }
      }
      throw err instanceof AliasStateUnknown ? err.original : err;
    }
    log.info({ points: chunks.length, denseSize: info.denseSize ?? null, ms: Date.now() - started }, "alias switched to new collection");

    // After the switch: drop the collections the alias pointed to, and older leftovers no alias points to.
    const stillAliased = new Set(aliases.filter((a) => a.alias_name !== this.alias).map((a) => a.collection_name));
    const doomed = new Set(previous.filter((c) => c !== target && !stillAliased.has(c)));
    try {
      const { collections } = await this.call("list collections", () => this.client.getCollections());
      for (const { name } of collections) {
        const v = versionOf(this.alias, name);
        if (v !== undefined && v < version && !stillAliased.has(name)) doomed.add(name);
      }
    } catch (err) {
      log.warn({ err }, "could not list collections to remove leftovers");
    }
    for (const name of doomed) {
      try {
        await this.client.deleteCollection(name);
        log.info({ deleted: name }, "deleted previous collection");
      } catch (err) {
        if (!isNotFound(err)) log.warn({ err: this.wrap(err, `delete collection ${name}`) }, "could not delete previous collection");
      }
    }
  }

  /**
   * Move the alias to `target`. If the call fails, ask which collection the alias now names: the server may have
   * applied it all (e.g. the answer timed out) → success; nothing → the old collection still answers, rethrow (the
   * caller deletes the new collection); only the delete_alias (the actions are saved one by one) → the alias names
   * nothing and every query would find nothing, so it is re-pointed to the new, complete collection. Unknown (the
   * server cannot be asked) → rethrow wrapped in AliasStateUnknown so the caller leaves the new collection in place.
   */
  private async switchAlias(target: string, previous: string | null): Promise<void> {
    const actions: Schemas["AliasOperations"][] = [];
    if (previous !== null) actions.push({ delete_alias: { alias_name: this.alias } });
    actions.push({ create_alias: { collection_name: target, alias_name: this.alias } });
    try {
      await this.client.updateCollectionAliases({ actions });
    } catch (err) {
      const wrapped = this.wrap(err, `switch alias ${this.alias} to ${target}`);
      const now = await this.aliasTarget();
      if (now === target) {
        this.logger.warn({ err: wrapped }, "alias update reported an error but was applied");
        return;
      }
      if (now === null && previous !== null) {
        // Half applied: the alias is gone. Re-point it (create_alias alone cannot stop half-way): to the new
        // collection, or failing that back to the previous one, which still exists.
        for (const to of [target, previous]) {
          try {
            await this.client.updateCollectionAliases({ actions: [{ create_alias: { collection_name: to, alias_name: this.alias } }] });
          } catch {
            if ((await this.aliasTarget()) !== to) continue;
          }
          this.logger.warn({ err: wrapped, to }, "alias update failed half-way (alias deleted, not created): re-pointed");
          if (to === target) return;
          throw wrapped;
        }
        throw new AliasStateUnknown(wrapped);
      }
      if (now === undefined) throw new AliasStateUnknown(wrapped);
      throw wrapped;
    }
  }

  /** The collection the alias names now; null when it names none; undefined when the server cannot be asked. */
  private async aliasTarget(): Promise<string | null | undefined> {
    try {
      return (await this.client.getAliases()).aliases.find((a) => a.alias_name === this.alias)?.collection_name ?? null;
    } catch {
      return undefined;
    }
  }

  async query(query: StoreQuery): Promise<StoreHit[]> {
    const { limit } = query;
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`query limit must be a non-negative integer, got ${limit}`);
    if (limit === 0) return [];
    // An empty list in a filter admits nothing: answer without asking the server.
    const f = query.filter;
    if (f && [f.documentIds, f.numbers, f.docTypes, f.places].some((v) => v !== undefined && v.length === 0)) return [];

    const candidates = prefetchLimit(limit);
    const prefetch: Schemas["Prefetch"][] = [];
    if (query.sparse.indices.length > 0) {
      prefetch.push({
        query: { indices: [...query.sparse.indices], values: [...query.sparse.values] },
        using: LEXICAL_VECTOR,
        limit: candidates,
      });
    }
    if (query.dense !== undefined) prefetch.push({ query: [...query.dense], using: DENSE_VECTOR, limit: candidates });
    if (prefetch.length === 0) return [];

    const filter = toQdrantFilter(f);
    // Always prefetch + RRF, even with a single (sparse) leg: StoreHit.score is documented as a fused rank score, so a
    // sparse-only query returns 1/(k + rank) like a hybrid one (a direct sparse query would return raw idf-dot scores
    // on another scale), and both query kinds go through the same server path. With one leg RRF keeps its order.
    // The filter is set on the root query: Qdrant folds a root filter into every prefetch search, so each leg already
    // retrieves its candidates among the admitted points only.
    let points: Schemas["ScoredPoint"][];
    try {
      const res = await this.client.query(this.alias, {
        prefetch,
        query: { fusion: "rrf" },
        ...(filter ? { filter } : {}),
        limit,
        with_payload: true,
      });
      points = res.points;
    } catch (err) {
      // No alias yet: nothing was ever ingested, which is an empty index rather than an error.
      if (isNotFound(err)) {
        this.logger.debug("query before any ingest: alias does not exist");
        return [];
      }
      throw this.wrap(err, `query ${this.alias}`);
    }
    // Equal scores in chunk-id order (the fusion leaves their order to the server).
    return points.map(toHit).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async count(): Promise<number> {
    try {
      const res = await this.client.count(this.alias, { exact: true });
      return res.count;
    } catch (err) {
      if (isNotFound(err)) return 0;
      throw this.wrap(err, `count ${this.alias}`);
    }
  }

  /** Remove the alias and every `${alias}_v<n>` collection (tests, decommissioning). Not part of VectorStore. */
  async drop(): Promise<void> {
    const aliases = await this.listAliases();
    const current = aliases.filter((a) => a.alias_name === this.alias).map((a) => a.collection_name);
    if (current.length > 0) {
      await this.call(`delete alias ${this.alias}`, () =>
        this.client.updateCollectionAliases({ actions: [{ delete_alias: { alias_name: this.alias } }] }),
      );
    }
    const { collections } = await this.call("list collections", () => this.client.getCollections());
    const names = new Set(current);
    for (const { name } of collections) if (versionOf(this.alias, name) !== undefined) names.add(name);
    for (const name of names) {
      try {
        await this.client.deleteCollection(name);
      } catch (err) {
        if (!isNotFound(err)) throw this.wrap(err, `delete collection ${name}`);
      }
    }
  }

  async close(): Promise<void> {
    // The client keeps no resources that need closing (its keep-alive sockets idle out on their own).
    await this.writing;
  }
}

class AliasStateUnknown extends Error {
  constructor(readonly original: QdrantStoreError) {
    super(original.message);
  }
}

function toPoint(chunk: IndexedChunk): Schemas["PointStruct"] {
  const vector: Record<string, Schemas["Vector"]> = {};
  // A chunk without terms gets no lexical vector (it can then only be found through the dense leg).
  if (chunk.sparse.indices.length > 0) {
    vector[LEXICAL_VECTOR] = { indices: [...chunk.sparse.indices], values: [...chunk.sparse.values] };
  }
  if (chunk.dense !== undefined) vector[DENSE_VECTOR] = [...chunk.dense];
  return { id: pointIdFor(chunk.id), vector, payload: { ...chunk.payload, chunkId: chunk.id } };
}

function toHit(point: Schemas["ScoredPoint"]): StoreHit {
  const { chunkId, ...payload } = (point.payload ?? {}) as Record<string, unknown>;
  return {
    id: typeof chunkId === "string" ? chunkId : String(point.id),
    score: point.score,
    payload: payload as unknown as ChunkPayload,
  };
}
