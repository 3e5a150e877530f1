/**
 * One error type for every failure at the LLM / embedding boundary, so callers decide on `retryable` and `kind`
 * without importing the SDK's error classes. Messages never carry the API key (nor anything shaped like one).
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from "openai/core/error";
import { scrubSecrets } from "../logger.js";

export type LlmOperation = "chat" | "embeddings";

/**
 * - `timeout`: no answer within the time limit (per attempt or the caller's deadline);
 * - `connection`: the endpoint could not be reached;
 * - `http`: the endpoint answered with an error status (see `status`);
 * - `aborted`: the caller's signal fired;
 * - `malformed`: the reply did not have the expected shape (bad JSON, wrong vector count or size);
 * - `refusal`: the model refused or was cut off (content filter, length);
 * - `input`: we were asked to do something the endpoint would reject (e.g. embed an empty text).
 */
export type LlmErrorKind = "timeout" | "connection" | "http" | "aborted" | "malformed" | "refusal" | "input";

export class LlmError extends Error {
  override readonly name = "LlmError";
  constructor(
    readonly operation: LlmOperation,
    readonly kind: LlmErrorKind,
    message: string,
    /** True when the same request may succeed later (timeouts, connection errors, 408/409/429/5xx). */
    readonly retryable: boolean,
    /** HTTP status when the endpoint answered with an error. */
    readonly status: number | null = null,
    /** The provider's request id, when it sent one (for support tickets; not a secret). */
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

/** Statuses worth retrying later: the SDK retries them too (408 timeout, 409 lock, 429 rate limit, 5xx). */
function retryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Remove the given secret and anything shaped like an API key or bot token. */
export function scrub(text: string, secret?: string | null): string {
  let out = text;
  // A placeholder key ("not-needed") is not a secret, but scrubbing it is harmless; skip trivially short values
  // so a one-letter key cannot blank out every occurrence of that letter.
  if (secret && secret.length >= 8) out = out.split(secret).join("[key]");
  return scrubSecrets(out);
}

/**
 * Map anything thrown by the SDK (or by our own parsing) to an LlmError. The SDK's error objects are not kept as
 * `cause`: they hold response headers and bodies, and a logger serializing causes would print them.
 */
export function toLlmError(
  err: unknown,
  operation: LlmOperation,
  context: { secret?: string | null | undefined; signal?: AbortSignal | undefined } = {},
): LlmError {
  if (err instanceof LlmError) return err;
  const { secret, signal } = context;
  const what = operation === "chat" ? "chat completion" : "embeddings";
  // The SDK reports any fired signal as a user abort; a deadline (AbortSignal.timeout) is a timeout to the caller.
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    return reason instanceof Error && reason.name === "TimeoutError"
      ? new LlmError(operation, "timeout", `${what}: no reply within the deadline`, true)
      : new LlmError(operation, "aborted", `${what}: request aborted by the caller`, false);
  }
  if (err instanceof APIUserAbortError) {
    return new LlmError(operation, "aborted", `${what}: request aborted by the caller`, false);
  }
  if (err instanceof APIConnectionTimeoutError) {
    return new LlmError(operation, "timeout", `${what}: no reply within the timeout; try again or raise LLM_TIMEOUT_MS`, true);
  }
  if (err instanceof APIConnectionError) {
    return new LlmError(
      operation,
      "connection",
      `${what}: cannot reach the endpoint (${scrub(err.message, secret)}); check ${operation === "embeddings" ? "EMBEDDING_BASE_URL (or OPENAI_BASE_URL)" : "OPENAI_BASE_URL"} and the network`,
      true,
    );
  }
  if (err instanceof APIError && typeof err.status === "number") {
    const status = err.status;
    const [keySetting, urlSetting] =
      operation === "embeddings" ? ["EMBEDDING_API_KEY (or OPENAI_API_KEY)", "EMBEDDING_BASE_URL (or OPENAI_BASE_URL)"] : ["OPENAI_API_KEY", "OPENAI_BASE_URL"];
    const hint =
      status === 401 || status === 403
        ? `; check ${keySetting}`
        : status === 404
          ? `; check the model name and ${urlSetting}`
          : status === 429
            ? "; rate limited, try again later"
            : "";
    return new LlmError(
      operation,
      "http",
      `${what}: HTTP ${status}: ${scrub(err.message, secret)}${hint}`,
      retryableStatus(status),
      status,
      err.requestID ?? null,
    );
  }
  if (err instanceof LengthFinishReasonError || err instanceof ContentFilterFinishReasonError) {
    return new LlmError(operation, "refusal", `${what}: ${scrub(err.message, secret)}`, false);
  }
  if (err instanceof SyntaxError || (err instanceof Error && err.name === "ZodError")) {
    return new LlmError(operation, "malformed", `${what}: reply is not the expected JSON (${scrub(err.message, secret).slice(0, 200)})`, false);
  }
  if (err instanceof Error && err.name === "TimeoutError") {
    return new LlmError(operation, "timeout", `${what}: no reply within the deadline`, true);
  }
  if (err instanceof Error && err.name === "AbortError") {
    return new LlmError(operation, "aborted", `${what}: request aborted`, false);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new LlmError(operation, "malformed", `${what}: ${scrub(message, secret).slice(0, 300)}`, false);
}
