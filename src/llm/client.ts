/**
 * The one place that builds an OpenAI SDK client. Works against api.openai.com (a key) and against any
 * OpenAI-compatible server (a base URL, e.g. a local llama.cpp / vLLM / Ollama endpoint that needs no key).
 */
import OpenAI from "openai";
import type { CircuitBreaker } from "./breaker.js";
import { LlmError } from "./errors.js";

export interface OpenAIClientOptions {
  /** API key. May be omitted when `baseURL` points at a server that needs none. */
  apiKey?: string | undefined;
  /** Endpoint root including the version path, e.g. "http://127.0.0.1:8000/v1". Default: the OpenAI API. */
  baseURL?: string | undefined;
  /** Time limit of one HTTP attempt, in milliseconds (LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /**
   * Retries after a connection error, timeout, 408, 409, 429 or 5xx, with exponential backoff that honours
   * `retry-after(-ms)` headers. Default 2 (at most 3 attempts). 0 disables retries.
   */
  maxRetries?: number | undefined;
  /** Told the outcome of every HTTP request (timeouts, connection errors and 408/409/429/5xx are failures). */
  breaker?: CircuitBreaker | undefined;
}

/** The SDK needs a non-empty key even when the server ignores it; this one is sent to keyless local servers. */
export const PLACEHOLDER_API_KEY = "not-needed";

export function createOpenAIClient(options: OpenAIClientOptions): OpenAI {
  const apiKey = options.apiKey?.trim() || undefined;
  const baseURL = options.baseURL?.trim() || undefined;
  if (!apiKey && !baseURL) {
    throw new LlmError("chat", "input", "no LLM endpoint: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server", false);
  }
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new LlmError("chat", "input", `timeoutMs must be a positive integer (milliseconds), got ${options.timeoutMs}`, false);
  }
  const maxRetries = options.maxRetries ?? 2;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new LlmError("chat", "input", `maxRetries must be an integer ≥ 0, got ${maxRetries}`, false);
  }
  return new OpenAI({
    apiKey: apiKey ?? PLACEHOLDER_API_KEY,
    // Explicit even when undefined: otherwise the SDK falls back to the OPENAI_BASE_URL environment variable behind
    // our back, and configuration is parsed once, in config.ts.
    baseURL: baseURL ?? null,
    timeout: options.timeoutMs,
    maxRetries,
    ...(options.breaker ? { fetch: options.breaker.observe() } : {}),
  });
}
