/**
 * The only place that builds real external clients (Qdrant, the OpenAI-compatible endpoint) from the
 * configuration. Entry points (main, CLI commands) call it and pass the results down.
 */
import type { Config } from "./config.js";
import { hasLlmEndpoint } from "./config.js";
import { type Logger, createLogger } from "./logger.js";
import { openAssistant } from "./assistant/open.js";
import type { GeneratedAnswerer } from "./assistant/assistant.js";
import type { QueryEmbedder } from "./assistant/retrieve.js";
import { QdrantStore } from "./search/qdrant-store.js";
import type { QuizItemWriter } from "./quiz/generated.js";

export interface Services {
  qdrant: QdrantStore | null;
  embedder: (QueryEmbedder & { dimensions?: number | null }) | null;
  generator: GeneratedAnswerer | null;
  /** Writes quiz items for study sessions (CHAT_MODEL set); every item is checked before use (src/quiz/generated.ts). */
  quizWriter: QuizItemWriter | null;
}

export async function buildServices(config: Config, logger: Logger, options: { forIngest?: boolean; indexDirGiven?: boolean } = {}): Promise<Services> {
  const qdrant =
    config.QDRANT_URL && !options.indexDirGiven
      ? new QdrantStore({
          url: config.QDRANT_URL,
          apiKey: config.QDRANT_API_KEY,
          collection: config.QDRANT_COLLECTION,
          shardNumber: config.QDRANT_SHARDS,
          replicationFactor: config.QDRANT_REPLICAS,
          timeoutMs: config.LLM_TIMEOUT_MS,
          logger,
          // The bot's /reload and `npm run ingest` may run at the same time: one ingest at a time per alias.
          ingestLock: true,
        })
      : null;
  let embedder: Services["embedder"] = null;
  let generator: GeneratedAnswerer | null = null;
  let quizWriter: QuizItemWriter | null = null;
  if (hasLlmEndpoint(config)) {
    const { createLlmServices } = await import("./llm/wiring.js");
    const llm = createLlmServices(config, logger, { forIngest: options.forIngest ?? false });
    ({ embedder, generator } = llm);
    if (config.CHAT_MODEL && !options.forIngest) {
      const { createOpenAIQuizWriter } = await import("./quiz/generated.js");
      quizWriter = createOpenAIQuizWriter({ client: llm.client, model: config.CHAT_MODEL, timeoutMs: config.LLM_TIMEOUT_MS, logger: logger.child({ component: "quiz-writer" }) });
    }
  }
  logger.info({ store: qdrant ? "qdrant" : "embedded", embeddings: Boolean(embedder), generatedAnswers: Boolean(generator), generatedQuizItems: Boolean(quizWriter) }, "services");
  return { qdrant, embedder, generator, quizWriter };
}

/**
 * Build the services and open the assistant over them: the embedded index (at `indexDir`, default under DATA_DIR)
 * or Qdrant when QDRANT_URL is set and no index folder is given.
 */
export async function openWithServices(
  config: Config,
  logger: Logger,
  options: { indexDir?: string; generated?: boolean; onRecovery?: (message: string) => void } = {},
): Promise<{ assistant: Awaited<ReturnType<typeof openAssistant>>; services: Services }> {
  const services = await buildServices(config, logger, { indexDirGiven: options.indexDir !== undefined });
  const assistant = await openAssistant(config, logger, {
    indexDir: options.indexDir,
    store: services.qdrant ?? undefined,
    embedder: services.embedder,
    generator: options.generated === false ? null : services.generator,
    onRecovery: options.onRecovery,
  });
  return { assistant, services };
}

/** Command-line tools log warnings and worse to stderr unless LOG_LEVEL asks for more. */
export function cliLogger(config: Config): Logger {
  return createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, destination: "stderr" });
}
