/**
 * Builds the LLM-backed collaborators of the assistant from the configuration: the embedder (retrieval and
 * ingestion) and the generated answerer (follow-up rewriting + cited answers). Called by src/services.ts only.
 */
import { join } from "node:path";
import type OpenAI from "openai";
import type { GeneratedAnswerer } from "../assistant/assistant.js";
import type { Knowledge } from "../assistant/knowledge.js";
import type { Retrieval } from "../assistant/retrieve.js";
import { chatEndpoint, embeddingEndpoint, type Config, type LlmEndpoint } from "../config.js";
import type { Logger } from "../logger.js";
import { citationFromPayload } from "../assistant/cite.js";
import type { ChunkPayload } from "../search/types.js";
import { withDeadline } from "./abort.js";
import { generateAnswer, type Source } from "./answer.js";
import { CircuitBreaker } from "./breaker.js";
import { createOpenAIClient } from "./client.js";
import { LlmError } from "./errors.js";
import { createOpenAIEmbedder, type Embedder } from "./embedder.js";
import { needsRewrite, rewriteFollowUp } from "./rewrite.js";

/** Sections shown to the model, and the longest section text sent whole (longer: the retrieved part only). */
const MAX_SOURCES = 6;
const MAX_SOURCE_CHARS = 3000;
/** Question vectors kept in memory: repeated questions are common, but a chat bot must not grow without bound. */
const QUERY_CACHE_ENTRIES = 1000;

export interface LlmServices {
  /** The chat client, or the embeddings one when only embeddings are configured. */
  client: OpenAI;
  embedder: Embedder | null;
  generator: GeneratedAnswerer | null;
  /** The circuit breaker of each endpoint (one when chat and embeddings share a server; see breaker.ts). */
  breakers: { chat: CircuitBreaker | null; embeddings: CircuitBreaker | null };
}

/** One client and one breaker per distinct endpoint: a local chat server can fail while the embeddings one works. */
function endpointClient(endpoint: LlmEndpoint, name: string, config: Config, log: Logger): { client: OpenAI; breaker: CircuitBreaker } {
  // The probe slot frees itself when its question's deadline (LLM_TIMEOUT_MS) ends; the margin covers slow disks.
  const breaker = new CircuitBreaker({ name, logger: log, probeTimeoutMs: config.LLM_TIMEOUT_MS + 1_000 });
  const client = createOpenAIClient({
    apiKey: endpoint.apiKey ?? undefined,
    baseURL: endpoint.baseURL ?? undefined,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: 2,
    breaker,
  });
  return { client, breaker };
}

export function createLlmServices(config: Config, logger: Logger, options: { forIngest: boolean }): LlmServices {
  const log = logger.child({ component: "llm" });
  const chatAt = chatEndpoint(config);
  const embedAt = embeddingEndpoint(config);
  const shared = chatAt && embedAt && chatAt.baseURL === embedAt.baseURL && chatAt.apiKey === embedAt.apiKey;
  const chat = chatAt ? endpointClient(chatAt, shared ? "model" : "chat", config, log) : null;
  const embeddings = shared ? chat : embedAt ? endpointClient(embedAt, "embeddings", config, log) : null;
  const fallback = chat ?? embeddings;
  if (!fallback) throw new LlmError("chat", "input", "no LLM endpoint: set OPENAI_API_KEY, or OPENAI_BASE_URL (EMBEDDING_BASE_URL) for a local server", false);
  log.info(
    { chat: chatAt ? where(chatAt) : null, embeddings: embedAt ? where(embedAt) : null },
    "model endpoints",
  );
  const embedder =
    config.EMBEDDING_MODEL && embeddings
      ? routedEmbedder(
          // The corpus: cached on disk, so re-ingesting unchanged text costs no request.
          createOpenAIEmbedder({
            client: embeddings.client,
            model: config.EMBEDDING_MODEL,
            dimensions: config.EMBEDDING_DIMENSIONS,
            cacheDir: join(config.DATA_DIR, "embeddings"),
            logger: log,
          }),
          // Questions: memory only (writing the corpus cache file for every question would rewrite it each time),
          // and bounded as a whole by LLM_TIMEOUT_MS since a user is waiting.
          createOpenAIEmbedder({
            client: embeddings.client,
            model: config.EMBEDDING_MODEL,
            dimensions: config.EMBEDDING_DIMENSIONS,
            maxCachedTexts: QUERY_CACHE_ENTRIES,
            logger: log,
          }),
          config.LLM_TIMEOUT_MS,
          embeddings.breaker,
        )
      : null;
  const generator =
    config.CHAT_MODEL && chat && !options.forIngest
      ? createGenerator({ client: chat.client, model: config.CHAT_MODEL, timeoutMs: config.LLM_TIMEOUT_MS, logger: log, breaker: chat.breaker })
      : null;
  return { client: fallback.client, embedder, generator, breakers: { chat: chat?.breaker ?? null, embeddings: embeddings?.breaker ?? null } };
}

/** An endpoint as a log shows it: the server (no credentials, no path) and whether a key is sent. */
function where(endpoint: LlmEndpoint): { server: string; key: boolean } {
  let server = "api.openai.com";
  if (endpoint.baseURL) {
    try {
      server = new URL(endpoint.baseURL).host;
    } catch {
      server = "<invalid url>";
    }
  }
  return { server, key: Boolean(endpoint.apiKey) };
}

/**
 * One embedder for both uses: retrieval embeds one question per call, ingestion the whole corpus in one call.
 * Single texts go to the query embedder under a deadline, unless the breaker is open (retrieval is then lexical);
 * anything larger to the disk-cached corpus embedder (an ingest is not skipped: it fails and keeps the old index).
 */
function routedEmbedder(corpus: Embedder, query: Embedder, timeoutMs: number, breaker?: CircuitBreaker): Embedder {
  return {
    model: corpus.model,
    dimensions: corpus.dimensions,
    embed: (texts, signal) => {
      if (texts.length !== 1) return corpus.embed(texts, signal);
      if (breaker && !breaker.allow(signal)) {
        return Promise.reject(new LlmError("embeddings", "connection", "embeddings: endpoint failing, skipped until the breaker's cool-down ends", true));
      }
      return query.embed(texts, withDeadline(signal, timeoutMs));
    },
  };
}

export function createGenerator(deps: { client: OpenAI; model: string; timeoutMs: number; logger: Logger; breaker?: CircuitBreaker }): GeneratedAnswerer {
  const { client, model, timeoutMs, logger, breaker } = deps;
  return {
    async answer({ question, history, retrieval, kb, signal }) {
      // An open breaker: the extractive answer, at once, instead of one more wait for a failing endpoint.
      if (breaker && !breaker.allow(signal)) return null;
      const sources = sourcesOf(retrieval, kb);
      const result = await generateAnswer({ client, model, question, history, sources, timeoutMs, signal, logger });
      // The model saw section text only. When it finds no answer there, the extractive path still knows the
      // metadata (signer, date, recipients), the assignment table and the chain, and offers "see also" sections.
      if (result?.mode === "not_found") return null;
      return result;
    },
    async rewrite(question, history, signal) {
      if (!needsRewrite(question, history)) return question;
      if (breaker && !breaker.allow(signal)) return question;
      return rewriteFollowUp({ client, model, question, history, timeoutMs, signal, logger });
    },
  };
}

/** The best distinct sections of the retrieval, numbered 1…n, with their verbatim text. */
export function sourcesOf(retrieval: Retrieval, kb: Knowledge): Source[] {
  const sources: Source[] = [];
  const seen = new Set<string>();
  for (const { chunk } of retrieval.candidates) {
    const p = chunk.payload;
    // The metadata card is composed by us, not quoted from the document: it cannot back a verbatim quote.
    if (p.kind !== "section") continue;
    const key = `${p.documentId}#${p.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const section = kb.byId.get(p.documentId)?.sections.find((s) => s.path === p.section);
    const text = section && section.text.length <= MAX_SOURCE_CHARS ? section.text : p.text;
    sources.push({
      n: sources.length + 1,
      citation: citationWithoutQuote(p),
      text,
    });
    if (sources.length >= MAX_SOURCES) break;
  }
  return sources;
}

function citationWithoutQuote(p: ChunkPayload): Source["citation"] {
  const { quote: _quote, ...citation } = citationFromPayload(p, "");
  return citation;
}
