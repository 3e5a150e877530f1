/**
 * Dense embeddings through an OpenAI-compatible `/embeddings` endpoint, batched, with a content-hash cache on disk so
 * that re-ingesting unchanged text costs no request.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type OpenAI from "openai";
import { silentLogger, type Logger } from "../logger.js";
import { abortable } from "./abort.js";
import { LlmError, toLlmError } from "./errors.js";

export interface Embedder {
  readonly model: string;
  /** Requested vector size, or null for the model's native size (known after the first call). */
  readonly dimensions: number | null;
  /**
   * One vector per text, in input order. Bound the wait with `signal` when a user is waiting (query time): the client's
   * timeout applies per attempt, and attempts are retried.
   */
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

export interface OpenAIEmbedderOptions {
  client: OpenAI;
  model: string;
  /** Ask the model for shorter vectors (text-embedding-3-*). Sent only when set. */
  dimensions?: number | undefined;
  /** Texts per request. Default 64. */
  batchSize?: number | undefined;
  /** Folder for the cache file; without it the cache lives in memory only. */
  cacheDir?: string | undefined;
  /** Most vectors kept (oldest dropped first). Default: no limit — right for a corpus, not for user questions. */
  maxCachedTexts?: number | undefined;
  logger?: Logger | undefined;
}

/** Cache file: magic, then records of [32-byte sha256 key][u32 LE length][length × f32 LE]. */
export const EMBEDDING_CACHE_FILE = "embeddings-cache.v1.bin";
const MAGIC = Buffer.from("VBEMB1\n\0", "latin1");
const KEY_BYTES = 32;

export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  return new OpenAIEmbedder(options);
}

class OpenAIEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number | null;
  private readonly client: OpenAI;
  private readonly batchSize: number;
  private readonly file: string | null;
  private readonly maxCached: number;
  private readonly logger: Logger;
  /** key (hex sha256) → vector, already rounded to float32 (see `toFloat32`). */
  private cache: Map<string, number[]> | null = null;
  private loading: Promise<Map<string, number[]>> | null = null;
  /** Serializes cache writes: two overlapping `embed` calls must not race their renames. */
  private writing: Promise<void> = Promise.resolve();

  constructor(options: OpenAIEmbedderOptions) {
    const batchSize = options.batchSize ?? 64;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new LlmError("embeddings", "input", `batchSize must be a positive integer, got ${batchSize}`, false);
    }
    if (options.dimensions !== undefined && (!Number.isInteger(options.dimensions) || options.dimensions < 1)) {
      throw new LlmError("embeddings", "input", `dimensions must be a positive integer, got ${options.dimensions}`, false);
    }
    this.client = options.client;
    this.model = options.model;
    this.dimensions = options.dimensions ?? null;
    this.batchSize = batchSize;
    this.file = options.cacheDir ? join(options.cacheDir, EMBEDDING_CACHE_FILE) : null;
    if (options.maxCachedTexts !== undefined && (!Number.isInteger(options.maxCachedTexts) || options.maxCachedTexts < 1)) {
      throw new LlmError("embeddings", "input", `maxCachedTexts must be a positive integer, got ${options.maxCachedTexts}`, false);
    }
    this.maxCached = options.maxCachedTexts ?? Number.POSITIVE_INFINITY;
    this.logger = options.logger ?? silentLogger;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    if (texts.length === 0) return [];
    const empty = texts.findIndex((t) => t.trim() === "");
    if (empty >= 0) {
      // The API answers 400 for an empty input; say which one instead.
      throw new LlmError("embeddings", "input", `text #${empty} is empty; nothing to embed`, false);
    }
    const cache = await this.load();
    const keys = texts.map((t) => this.keyOf(t));
    // Unique misses, in first-seen order: a text repeated in one call is embedded once.
    const missing = new Map<string, string>();
    // Hits are taken now: inserting this call's new vectors may evict old ones when the cache is bounded.
    const hits = new Map<string, number[]>();
    keys.forEach((k, i) => {
      const v = cache.get(k);
      if (v) {
        hits.set(k, v);
        if (Number.isFinite(this.maxCached)) {
          // Bounded cache: a hit counts as recent use (Map order is the eviction order).
          cache.delete(k);
          cache.set(k, v);
        }
      }
      else if (!missing.has(k)) missing.set(k, texts[i]!);
    });

    const fresh = new Map<string, number[]>();
    try {
      const pending = [...missing];
      for (let start = 0; start < pending.length; start += this.batchSize) {
        const batch = pending.slice(start, start + this.batchSize);
        const vectors = await this.request(batch.map(([, text]) => text), signal);
        batch.forEach(([key], j) => fresh.set(key, vectors[j]!));
      }
    } finally {
      // Keep what was paid for even when a later batch fails: the retry then starts where this one stopped.
      if (fresh.size > 0) {
        for (const [key, v] of fresh) cache.set(key, v);
        for (const key of cache.keys()) {
          if (cache.size <= this.maxCached) break;
          cache.delete(key);
        }
        await this.persist(cache);
      }
    }
    if (missing.size === 0) this.logger.debug({ texts: texts.length }, "embeddings: all cached");
    else this.logger.debug({ texts: texts.length, embedded: missing.size }, "embeddings: embedded");
    return keys.map((k) => hits.get(k) ?? fresh.get(k)!);
  }

  private keyOf(text: string): string {
    // NUL separators: "model-a" + "1text" and "model-a1" + "text" must not collide.
    return createHash("sha256").update(`${this.model}\0${this.dimensions ?? ""}\0${text}`).digest("hex");
  }

  private async request(input: string[], signal: AbortSignal | undefined): Promise<number[][]> {
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      response = await abortable(
        this.client.embeddings.create(
          {
            model: this.model,
            input,
            // Floats, not the SDK's default base64: several OpenAI-compatible servers ignore `encoding_format` and
            // send floats anyway, which the SDK would then misdecode as base64.
            encoding_format: "float",
            ...(this.dimensions !== null ? { dimensions: this.dimensions } : {}),
          },
          signal ? { signal } : undefined,
        ),
        signal,
      );
    } catch (err) {
      const error = toLlmError(err, "embeddings", { secret: this.client.apiKey, signal });
      this.logger.warn({ kind: error.kind, status: error.status, model: this.model, texts: input.length }, error.message);
      throw error;
    }
    try {
      return this.vectorsOf(response, input.length);
    } catch (err) {
      const error = toLlmError(err, "embeddings");
      this.logger.warn({ kind: error.kind, model: this.model, texts: input.length }, error.message);
      throw error;
    }
  }

  private vectorsOf(response: OpenAI.Embeddings.CreateEmbeddingResponse, count: number): number[][] {
    const data = Array.isArray(response?.data) ? response.data : [];
    if (data.length !== count) {
      throw new LlmError("embeddings", "malformed", `embeddings: asked for ${count} vectors, got ${data.length}`, false);
    }
    // Order by the returned `index`, not by array position: the API does not promise to keep input order.
    const out: number[][] = new Array(count);
    for (const item of data) {
      const i = item.index;
      const v = item.embedding as unknown;
      if (!Number.isInteger(i) || i < 0 || i >= count || out[i] !== undefined) {
        throw new LlmError("embeddings", "malformed", `embeddings: bad or duplicate index ${String(i)}`, false);
      }
      if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
        throw new LlmError("embeddings", "malformed", `embeddings: vector ${i} is not a list of numbers`, false);
      }
      if (this.dimensions !== null && v.length !== this.dimensions) {
        throw new LlmError(
          "embeddings",
          "malformed",
          `embeddings: asked for ${this.dimensions} dimensions, got ${v.length}; does ${this.model} support EMBEDDING_DIMENSIONS?`,
          false,
        );
      }
      out[i] = toFloat32(v as number[]);
    }
    return out;
  }

  private load(): Promise<Map<string, number[]>> {
    if (this.cache) return Promise.resolve(this.cache);
    this.loading ??= this.readCacheFile().then((map) => (this.cache = map));
    return this.loading;
  }

  private async readCacheFile(): Promise<Map<string, number[]>> {
    const map = new Map<string, number[]>();
    if (!this.file) return map;
    let buf: Buffer;
    try {
      buf = await readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
        this.logger.warn({ file: this.file, err }, "embeddings cache unreadable; starting empty");
      }
      return map;
    }
    // A cache is only a cache: a damaged file costs requests, never a failed ingest.
    if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
      this.logger.warn({ file: this.file }, "embeddings cache has an unknown format; starting empty");
      return map;
    }
    let at = MAGIC.length;
    while (at < buf.length) {
      if (at + KEY_BYTES + 4 > buf.length) break;
      const key = buf.toString("hex", at, at + KEY_BYTES);
      const n = buf.readUInt32LE(at + KEY_BYTES);
      const start = at + KEY_BYTES + 4;
      if (n === 0 || start + n * 4 > buf.length) break;
      const v = new Array<number>(n);
      for (let j = 0; j < n; j++) v[j] = buf.readFloatLE(start + j * 4);
      map.set(key, v);
      at = start + n * 4;
    }
    if (at !== buf.length) {
      this.logger.warn({ file: this.file, kept: map.size }, "embeddings cache is truncated; keeping the readable part");
    }
    return map;
  }

  private persist(cache: Map<string, number[]>): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const write = async () => {
      let size = MAGIC.length;
      for (const v of cache.values()) size += KEY_BYTES + 4 + v.length * 4;
      const buf = Buffer.allocUnsafe(size);
      MAGIC.copy(buf, 0);
      let at = MAGIC.length;
      for (const [key, v] of cache) {
        buf.write(key, at, KEY_BYTES, "hex");
        buf.writeUInt32LE(v.length, at + KEY_BYTES);
        at += KEY_BYTES + 4;
        for (const x of v) at = buf.writeFloatLE(x, at);
      }
      await mkdir(join(file, ".."), { recursive: true });
      // Write-then-rename: a crash mid-write leaves the previous file, never half of a new one.
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      try {
        await writeFile(tmp, buf);
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true }).catch(() => {});
        // Losing the cache write costs requests next time, not correctness: log and go on.
        this.logger.warn({ file, err }, "embeddings cache not saved");
      }
    };
    this.writing = this.writing.then(write, write);
    return this.writing;
  }
}

/**
 * Round to float32, the precision the cache stores: a vector then reads back identical from the cache and from the
 * endpoint, so re-ingesting never changes scores. (OpenAI computes float32 embeddings anyway.)
 */
function toFloat32(v: number[]): number[] {
  return Array.from(Float32Array.from(v));
}
