import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type OpenAI from "openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIClient } from "../../src/llm/client.js";
import { EMBEDDING_CACHE_FILE, createOpenAIEmbedder } from "../../src/llm/embedder.js";
import { LlmError } from "../../src/llm/errors.js";
import { httpError, startFakeOpenAI, vectorFor, type FakeOpenAI } from "./fake-openai.js";

const TEXTS = [
  "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan.",
  "Tổ chức quán triệt Kết luận số 69-KL/TW đến toàn thể cán bộ, đảng viên.",
  "Đẩy mạnh chuyển đổi số, hiện đại hoá công tác văn phòng.",
  "Định kỳ báo cáo Ban Thường vụ Tỉnh ủy.",
  "Sở Khoa học và Công nghệ phối hợp thực hiện.",
];

let fake: FakeOpenAI;
let client: OpenAI;
let dir: string;

beforeEach(async () => {
  fake = await startFakeOpenAI();
  client = createOpenAIClient({ baseURL: fake.baseURL, timeoutMs: 2000, maxRetries: 2 });
  dir = await mkdtemp(join(tmpdir(), "vanban-emb-"));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const inputs = () => fake.requestsTo("embeddings").map((r) => r.body.input as string[]);

describe("OpenAI embedder", () => {
  it("embeds in batches of batchSize and returns vectors in input order", async () => {
    const embedder = createOpenAIEmbedder({ client, model: "fake-embedding", batchSize: 2 });
    const vectors = await embedder.embed(TEXTS);
    expect(inputs()).toEqual([TEXTS.slice(0, 2), TEXTS.slice(2, 4), TEXTS.slice(4)]);
    expect(vectors).toEqual(TEXTS.map((t) => vectorFor(t)));
    // Floats on the wire: servers that ignore encoding_format would break the SDK's base64 default.
    expect(fake.requestsTo("embeddings")[0]!.body.encoding_format).toBe("float");
  });

  it("orders by the returned index, not by the reply's array order", async () => {
    fake.embeddings((req) => {
      const input = req.body.input as string[];
      const data = input.map((t, index) => ({ object: "embedding", index, embedding: vectorFor(t) })).reverse();
      return { body: { object: "list", data, model: "m", usage: { prompt_tokens: 1, total_tokens: 1 } } };
    });
    const embedder = createOpenAIEmbedder({ client, model: "fake-embedding" });
    expect(await embedder.embed(TEXTS.slice(0, 3))).toEqual(TEXTS.slice(0, 3).map((t) => vectorFor(t)));
  });

  it("passes dimensions through only when set", async () => {
    const sized = createOpenAIEmbedder({ client, model: "text-embedding-3-small", dimensions: 8 });
    expect(sized.dimensions).toBe(8);
    const [v] = await sized.embed([TEXTS[0]!]);
    expect(v).toHaveLength(8);
    expect(fake.requestsTo("embeddings")[0]!.body.dimensions).toBe(8);

    const native = createOpenAIEmbedder({ client, model: "fake-embedding" });
    expect(native.dimensions).toBeNull();
    await native.embed([TEXTS[0]!]);
    expect(fake.requestsTo("embeddings")[1]!.body).not.toHaveProperty("dimensions");
  });

  it("rejects vectors of the wrong size as malformed", async () => {
    fake.embeddings((req) => ({
      body: { object: "list", data: (req.body.input as string[]).map((t, index) => ({ object: "embedding", index, embedding: vectorFor(t, 3) })) },
    }));
    const embedder = createOpenAIEmbedder({ client, model: "m", dimensions: 8 });
    await expect(embedder.embed([TEXTS[0]!])).rejects.toMatchObject({ kind: "malformed", retryable: false });
  });

  it("re-embedding unchanged text with the same cache folder makes no request, even from a new instance", async () => {
    const first = createOpenAIEmbedder({ client, model: "fake-embedding", batchSize: 2, cacheDir: dir });
    const vectors = await first.embed(TEXTS);
    expect(fake.requestsTo("embeddings")).toHaveLength(3);

    const second = createOpenAIEmbedder({ client, model: "fake-embedding", batchSize: 2, cacheDir: dir });
    expect(await second.embed(TEXTS)).toEqual(vectors);
    expect(fake.requestsTo("embeddings")).toHaveLength(3);

    // Only the changed text is sent.
    const changed = [...TEXTS.slice(0, 4), "Văn bản mới được nạp."];
    await second.embed(changed);
    expect(inputs().at(-1)).toEqual(["Văn bản mới được nạp."]);

    // Written by rename: one file, no temporary left behind.
    expect(await readdir(dir)).toEqual([EMBEDDING_CACHE_FILE]);
  });

  it("keys the cache by model and dimensions too", async () => {
    await createOpenAIEmbedder({ client, model: "model-a", cacheDir: dir }).embed(TEXTS.slice(0, 1));
    await createOpenAIEmbedder({ client, model: "model-b", cacheDir: dir }).embed(TEXTS.slice(0, 1));
    await createOpenAIEmbedder({ client, model: "model-a", dimensions: 8, cacheDir: dir }).embed(TEXTS.slice(0, 1));
    expect(fake.requestsTo("embeddings")).toHaveLength(3);
  });

  it("embeds a text repeated within one call once", async () => {
    const embedder = createOpenAIEmbedder({ client, model: "fake-embedding" });
    const vectors = await embedder.embed([TEXTS[0]!, TEXTS[1]!, TEXTS[0]!]);
    expect(inputs()).toEqual([[TEXTS[0], TEXTS[1]]]);
    expect(vectors[2]).toEqual(vectors[0]);
  });

  it("keeps the batches paid for when a later batch fails", async () => {
    fake.embeddings((req) => fakeOk(req.body.input), httpError(400, "input too long"));
    const first = createOpenAIEmbedder({ client, model: "fake-embedding", batchSize: 2, cacheDir: dir });
    await expect(first.embed(TEXTS.slice(0, 4))).rejects.toBeInstanceOf(LlmError);

    const second = createOpenAIEmbedder({ client, model: "fake-embedding", batchSize: 2, cacheDir: dir });
    await second.embed(TEXTS.slice(0, 4));
    expect(inputs().at(-1)).toEqual(TEXTS.slice(2, 4));
  });

  it("starts empty from a damaged cache file", async () => {
    await writeFile(join(dir, EMBEDDING_CACHE_FILE), "not a cache");
    const embedder = createOpenAIEmbedder({ client, model: "fake-embedding", cacheDir: dir });
    expect(await embedder.embed([TEXTS[0]!])).toEqual([vectorFor(TEXTS[0]!)]);
  });

  it("throws a retryable LlmError after bounded retries of a 5xx, a non-retryable one for a 4xx", async () => {
    fake.embeddings(httpError(500), httpError(502), httpError(500));
    const embedder = createOpenAIEmbedder({ client, model: "fake-embedding" });
    const err = await embedder.embed([TEXTS[0]!]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(err).toMatchObject({ operation: "embeddings", kind: "http", status: 500, retryable: true });
    expect(fake.requestsTo("embeddings")).toHaveLength(3);

    fake.embeddings(httpError(404, "model not found"));
    await expect(embedder.embed([TEXTS[1]!])).rejects.toMatchObject({ kind: "http", status: 404, retryable: false });
    expect(fake.requestsTo("embeddings")).toHaveLength(4);
  });

  it("never puts the API key in the error message", async () => {
    const key = "sk-proj-VERYSECRETKEY0123456789";
    const keyed = createOpenAIClient({ apiKey: key, baseURL: fake.baseURL, timeoutMs: 2000, maxRetries: 0 });
    fake.embeddings(httpError(401, `Incorrect API key provided: ${key}`));
    const err = (await createOpenAIEmbedder({ client: keyed, model: "m" }).embed(["x"]).catch((e: unknown) => e)) as LlmError;
    expect(err.message).toContain("HTTP 401");
    expect(err.message).toContain("OPENAI_API_KEY");
    expect(err.message).not.toContain("VERYSECRET");
  });

  it("stops at the caller's deadline with a retryable timeout", async () => {
    fake.embeddings({ ...fakeOk([TEXTS[0]!]), delayMs: 5000 });
    const embedder = createOpenAIEmbedder({ client, model: "fake-embedding" });
    const started = Date.now();
    await expect(embedder.embed([TEXTS[0]!], AbortSignal.timeout(200))).rejects.toMatchObject({ kind: "timeout", retryable: true });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("refuses an empty text before any request", async () => {
    const embedder = createOpenAIEmbedder({ client, model: "fake-embedding" });
    await expect(embedder.embed(["ok", "  "])).rejects.toMatchObject({ kind: "input" });
    expect(fake.requests).toHaveLength(0);
    expect(await embedder.embed([])).toEqual([]);
  });
});

function fakeOk(input: string[]) {
  return { body: { object: "list", data: input.map((t, index) => ({ object: "embedding", index, embedding: vectorFor(t) })) } };
}
