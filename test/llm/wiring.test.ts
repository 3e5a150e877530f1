import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Knowledge } from "../../src/assistant/knowledge.js";
import type { Candidate, Retrieval } from "../../src/assistant/retrieve.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { EMBEDDING_CACHE_FILE } from "../../src/llm/embedder.js";
import { createLlmServices, sourcesOf } from "../../src/llm/wiring.js";
import { parseDocument } from "../../src/parser/index.js";
import { completion, startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";

let fake: FakeOpenAI;
let dataDir: string;
let kb: Knowledge;

beforeEach(async () => {
  fake = await startFakeOpenAI();
  dataDir = await mkdtemp(join(tmpdir(), "vanban-llm-"));
  const file = new URL("../../corpus/000_22267c68cf188df5.txt", import.meta.url);
  kb = new Knowledge([parseDocument(await readFile(file, "utf8"), "000_22267c68cf188df5.txt")]);
});
afterEach(async () => {
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

const services = (env: Record<string, string> = {}) =>
  createLlmServices(
    parseConfig({ OPENAI_BASE_URL: fake.baseURL, CHAT_MODEL: "fake-chat", EMBEDDING_MODEL: "fake-embedding", DATA_DIR: dataDir, LLM_TIMEOUT_MS: "2000", ...env }),
    silentLogger,
    { forIngest: false },
  );

/** A retrieval whose candidates are the metadata card, then every section chunk twice (as parts of one section would). */
function retrievalOf(kb: Knowledge): Retrieval {
  const sections = kb.chunks.filter((c) => c.payload.kind === "section");
  const meta = kb.chunks.filter((c) => c.payload.kind === "meta");
  const candidates: Candidate[] = [...meta, ...sections, ...sections].map((chunk) => ({ chunk, score: 1, coverage: 1 }));
  return { candidates } as unknown as Retrieval;
}

describe("LLM wiring", () => {
  it("shows the model distinct sections, numbered from 1, with their verbatim section text, never the metadata card", () => {
    const sources = sourcesOf(retrievalOf(kb), kb);
    const doc = kb.documents[0]!;
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.length).toBeLessThanOrEqual(6);
    expect(sources.map((s) => s.n)).toEqual(sources.map((_, i) => i + 1));
    expect(new Set(sources.map((s) => s.citation.section)).size).toBe(sources.length);
    for (const s of sources) {
      const section = doc.sections.find((x) => x.path === s.citation.section)!;
      expect(section.text).toContain(s.text);
      expect(s.citation).toMatchObject({ documentId: doc.id, number: doc.number, issuer: doc.issuer });
    }
  });

  it("answers with citations of the indexed document, and leaves not-found to the extractive path", async () => {
    const { generator } = services();
    const retrieval = retrievalOf(kb);
    const first = sourcesOf(retrieval, kb)[0]!;
    const quote = first.text.split(/[.;:\n]/)[0]!.trim();
    fake.chat(completion({ answerable: true, claims: [{ text: `${quote}.`, source: 1, quote }] }));
    const result = await generator!.answer({ question: "Mục đích là gì?", history: [], retrieval, kb });
    expect(result?.citations).toEqual([{ ...first.citation, quote: quote.replace(/\s+/g, " ") }]);

    fake.chat(completion({ answerable: false, claims: [] }));
    expect(await generator!.answer({ question: "Tỉnh Bình Dương?", history: [], retrieval, kb })).toBeNull();
  });

  it("rewrites only follow-ups", async () => {
    const { generator } = services();
    const history = [{ question: "Công văn 844-CV/ĐU giao ai?", answer: "Đảng ủy Sở Giáo dục và Đào tạo… [1]" }];
    expect(await generator!.rewrite!("Kết luận 69-KL/TW do cơ quan nào ban hành?", history)).toBe("Kết luận 69-KL/TW do cơ quan nào ban hành?");
    expect(fake.requests).toHaveLength(0);
    fake.chat(completion("Ai ký Công văn số 844-CV/ĐU?"));
    expect(await generator!.rewrite!("ai ký văn bản đó?", history)).toBe("Ai ký Công văn số 844-CV/ĐU?");
  });

  it("caches corpus embeddings under DATA_DIR/embeddings, and question embeddings in memory only", async () => {
    const { embedder } = services({ EMBEDDING_DIMENSIONS: "8" });
    expect(embedder!.dimensions).toBe(8);
    const texts = kb.chunks.map((c) => c.payload.text);
    await embedder!.embed(texts);
    expect(await readdir(join(dataDir, "embeddings"))).toEqual([EMBEDDING_CACHE_FILE]);
    const cacheFile = join(dataDir, "embeddings", EMBEDDING_CACHE_FILE);
    const size = (await readFile(cacheFile)).length;

    await embedder!.embed(["Ai ký Công văn 844?"]);
    expect((await readFile(cacheFile)).length).toBe(size);

    // A restart re-ingesting the same corpus sends nothing.
    const before = fake.requests.length;
    await services({ EMBEDDING_DIMENSIONS: "8" }).embedder!.embed(texts);
    expect(fake.requests.length).toBe(before);
  });

  it("builds no generator for ingestion and no embedder without EMBEDDING_MODEL", () => {
    const config = parseConfig({ OPENAI_BASE_URL: fake.baseURL, CHAT_MODEL: "fake-chat", DATA_DIR: dataDir });
    expect(createLlmServices(config, silentLogger, { forIngest: true }).generator).toBeNull();
    expect(createLlmServices(config, silentLogger, { forIngest: false }).embedder).toBeNull();
  });

  it("sends embeddings to EMBEDDING_BASE_URL with EMBEDDING_API_KEY and chat to OPENAI_BASE_URL, each with its own breaker", async () => {
    const embeddingServer = await startFakeOpenAI();
    try {
      const config = parseConfig({
        OPENAI_BASE_URL: fake.baseURL,
        OPENAI_API_KEY: "chat-key-0123456789",
        CHAT_MODEL: "fake-chat",
        EMBEDDING_BASE_URL: embeddingServer.baseURL,
        EMBEDDING_API_KEY: "embed-key-0123456789",
        EMBEDDING_MODEL: "fake-embedding",
        DATA_DIR: dataDir,
        LLM_TIMEOUT_MS: "2000",
      });
      const { embedder, generator, breakers } = createLlmServices(config, silentLogger, { forIngest: false });
      await embedder!.embed(["Ai ký Công văn 844?"]);
      expect(embeddingServer.requestsTo("embeddings")).toHaveLength(1);
      expect(embeddingServer.requestsTo("embeddings")[0]!.headers.authorization).toBe("Bearer embed-key-0123456789");
      expect(fake.requests).toHaveLength(0);

      const retrieval = retrievalOf(kb);
      const quote = sourcesOf(retrieval, kb)[0]!.text.split(/[.;:\n]/)[0]!.trim();
      fake.chat(completion({ answerable: true, claims: [{ text: "Một ý.", source: 1, quote }] }));
      expect((await generator!.answer({ question: "Mục đích?", history: [], retrieval, kb }))?.via).toBe("generated");
      expect(fake.requestsTo("chat/completions")[0]!.headers.authorization).toBe("Bearer chat-key-0123456789");
      expect(embeddingServer.requestsTo("chat/completions")).toHaveLength(0);

      // The chat server failing opens the chat breaker only: question embeddings still go out.
      breakers.chat!.record(false);
      breakers.chat!.record(false);
      expect(breakers.chat!.state).toBe("open");
      expect(breakers.embeddings!.state).toBe("closed");
      await embedder!.embed(["Ai ký Kết luận 69?"]);
      expect(embeddingServer.requestsTo("embeddings")).toHaveLength(2);
    } finally {
      await embeddingServer.close();
    }
  });

  it("falls back to the chat key and URL for embeddings; an embeddings-only server needs no chat settings", async () => {
    const onlyKeyFallback = parseConfig({ OPENAI_API_KEY: "shared-key-0123456789", EMBEDDING_BASE_URL: fake.baseURL, EMBEDDING_MODEL: "fake-embedding", DATA_DIR: dataDir });
    await createLlmServices(onlyKeyFallback, silentLogger, { forIngest: false }).embedder!.embed(["một câu hỏi"]);
    expect(fake.requestsTo("embeddings").at(-1)!.headers.authorization).toBe("Bearer shared-key-0123456789");

    const embeddingsOnly = parseConfig({ EMBEDDING_BASE_URL: fake.baseURL, EMBEDDING_MODEL: "fake-embedding", CHAT_MODEL: "fake-chat", DATA_DIR: dataDir });
    const services = createLlmServices(embeddingsOnly, silentLogger, { forIngest: false });
    expect(services.generator).toBeNull();
    await services.embedder!.embed(["câu hỏi khác"]);
    expect(fake.requestsTo("embeddings")).toHaveLength(2);
  });
});
