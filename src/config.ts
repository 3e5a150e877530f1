/**
 * Configuration, parsed once from the environment (and `.env`) into a typed object.
 * A wrong value stops start-up with a message naming the variable and the fix.
 */
import { z } from "zod";

const list = (what: string) =>
  z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .describe(what);

const ids = (name: string) =>
  z
    .string()
    .default("")
    .transform((s, ctx) => {
      const out: number[] = [];
      for (const part of s.split(",").map((x) => x.trim()).filter(Boolean)) {
        const n = Number(part);
        if (!Number.isSafeInteger(n)) {
          ctx.addIssue({ code: "custom", message: `${name}: "${part}" không phải một id số (ví dụ: 123456789,987654321)` });
          return z.NEVER;
        }
        out.push(n);
      }
      return out;
    });

/** Telegram's rule for setWebhook's secret_token (Bot API docs): checked at start, not at the first setWebhook. */
export const WEBHOOK_SECRET_RE = /^[A-Za-z0-9_-]{1,256}$/;

const optionalString = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

const positiveInt = (dflt: number) => z.coerce.number().int().positive().default(dflt);

export const configSchema = z.object({
  /** Comma-separated corpus folders or files. Default: the bundled `corpus`. */
  CORPUS_DIRS: list("corpus folders").transform((v) => (v.length ? v : ["corpus"])),
  /** Folder of metadata sidecars (`<file name>.meta.json`) for documents whose folder we cannot write to. */
  METADATA_DIR: z.string().default("metadata"),
  /** Where the embedded index, sessions, feedback and quiz state live. */
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.refine((v) => v === undefined || URL.canParse(v), "phải là một địa chỉ URL đầy đủ, ví dụ http://127.0.0.1:8000/v1"),
  /**
   * Embeddings endpoint and key when they are not the chat ones (e.g. chat on vLLM, embeddings on a llama.cpp
   * server). Each falls back to OPENAI_BASE_URL / OPENAI_API_KEY.
   */
  EMBEDDING_BASE_URL: optionalString.refine((v) => v === undefined || URL.canParse(v), "phải là một địa chỉ URL đầy đủ, ví dụ http://127.0.0.1:8081/v1"),
  EMBEDDING_API_KEY: optionalString,
  /** Embedding model; embeddings are on when this is set and an endpoint is configured. */
  EMBEDDING_MODEL: optionalString,
  EMBEDDING_DIMENSIONS: z.coerce.number().int().positive().optional(),
  /** Chat model for generated answers; extractive answers when unset. */
  CHAT_MODEL: optionalString,
  /** Timeout of one LLM or embedding call, in milliseconds. */
  LLM_TIMEOUT_MS: positiveInt(20_000),

  QDRANT_URL: optionalString,
  QDRANT_API_KEY: optionalString,
  QDRANT_COLLECTION: z.string().default("vanban"),
  /** Shards of each collection an ingest creates (unset: the server's default, 1); in a cluster ≥ the nodes. */
  QDRANT_SHARDS: z.coerce.number().int().positive().optional(),
  /** Copies of each shard (unset: 1); 2 or more keep answering when a node is lost. */
  QDRANT_REPLICAS: z.coerce.number().int().positive().optional(),

  TELEGRAM_BOT_TOKEN: optionalString,
  /** Bot API root; set it for a self-hosted Bot API server. */
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  WEBHOOK_URL: optionalString.refine((v) => v === undefined || URL.canParse(v), "phải là một địa chỉ URL đầy đủ, ví dụ https://bot.example.vn/telegram"),
  /** Sent by Telegram in every webhook request; Telegram accepts 1–256 characters of A–Z a–z 0–9 _ - only. */
  WEBHOOK_SECRET: optionalString.refine(
    (v) => v === undefined || WEBHOOK_SECRET_RE.test(v),
    "Telegram chỉ chấp nhận 1–256 ký tự gồm chữ cái không dấu A–Z a–z, chữ số 0–9, dấu gạch dưới _ và gạch ngang - (ví dụ: vanban_bi-mat_2024)",
  ),
  WEBHOOK_PORT: positiveInt(8080),
  /** Empty = open to everyone. */
  ALLOWED_USER_IDS: ids("ALLOWED_USER_IDS"),
  ALLOWED_CHAT_IDS: ids("ALLOWED_CHAT_IDS"),
  ADMIN_USER_IDS: ids("ADMIN_USER_IDS"),
  /** Questions per user per minute. */
  RATE_LIMIT_PER_MINUTE: positiveInt(20),
  /**
   * Days before a followed body's deadline that /theodoi reminds the chat (0 = on the day). Each deadline is reminded
   * once; a yearly one every year.
   */
  REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /** Seconds a quiz poll stays open (Telegram allows 5–600). */
  QUIZ_OPEN_PERIOD: z.coerce.number().int().min(5, "Telegram cho phép 5–600 giây").max(600, "Telegram cho phép 5–600 giây").default(30),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** What is wrong with a value, in the operator's language (our own refinements already speak Vietnamese). */
function vietnamese(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? "phải là một số nguyên (không có phần thập phân)" : issue.expected === "number" ? "phải là một số" : "giá trị không hợp lệ";
    case "too_small":
      return issue.message.startsWith("Too small") ? `phải ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}` : issue.message;
    case "too_big":
      return issue.message.startsWith("Too big") ? `phải ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}` : issue.message;
    case "invalid_value":
      return `phải là một trong: ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return issue.format === "url" ? "phải là một địa chỉ URL đầy đủ, ví dụ https://api.telegram.org" : "sai định dạng";
    default:
      return issue.message;
  }
}

/** Parse the environment. Throws ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${vietnamese(i)}`));
  }
  const config = result.data;
  if (config.BOT_MODE === "webhook" && !config.WEBHOOK_URL) {
    throw new ConfigError(["WEBHOOK_URL: bắt buộc khi BOT_MODE=webhook (ví dụ https://bot.example.vn/telegram)"]);
  }
  return config;
}

/** Load `.env` (if present) then parse. Only entry points call this. */
export async function loadConfig(): Promise<Config> {
  const dotenv = await import("dotenv");
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}

/** An OpenAI-compatible endpoint: a base URL (null: api.openai.com) and a key (null: a server that needs none). */
export interface LlmEndpoint {
  baseURL: string | null;
  apiKey: string | null;
}

/** Where chat completions go: OPENAI_BASE_URL / OPENAI_API_KEY; null when neither is set. */
export function chatEndpoint(config: Config): LlmEndpoint | null {
  if (!config.OPENAI_BASE_URL && !config.OPENAI_API_KEY) return null;
  return { baseURL: config.OPENAI_BASE_URL ?? null, apiKey: config.OPENAI_API_KEY ?? null };
}

/** Where embeddings go: EMBEDDING_BASE_URL / EMBEDDING_API_KEY, each falling back to the chat one; null when none. */
export function embeddingEndpoint(config: Config): LlmEndpoint | null {
  const baseURL = config.EMBEDDING_BASE_URL ?? config.OPENAI_BASE_URL ?? null;
  const apiKey = config.EMBEDDING_API_KEY ?? config.OPENAI_API_KEY ?? null;
  return baseURL || apiKey ? { baseURL, apiKey } : null;
}

/** An OpenAI-compatible endpoint is configured for chat or for embeddings (a key, or a local server's base URL). */
export function hasLlmEndpoint(config: Config): boolean {
  return Boolean(chatEndpoint(config) || embeddingEndpoint(config));
}
