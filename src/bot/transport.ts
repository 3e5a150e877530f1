/**
 * How Bot API calls survive Telegram's bad moments, as one API transformer:
 * - getUpdates (long polling) is retried for as long as the bot runs, on network errors, 5xx and 429, with a
 *   capped, jittered exponential backoff: a long outage is noticed within TELEGRAM_RETRY.pollCapMs of its end, and
 *   a thousand bots do not come back in the same millisecond. 401 (token revoked) and 409 (another instance polls)
 *   are passed through: the runner stops on them and the process says why.
 * - every other method (replies above all): 429 honours retry_after and 5xx backs off, both bounded by
 *   @grammyjs/auto-retry (RETRY_OPTIONS); a network error is retried a few times with the same capped backoff. Left
 *   to auto-retry alone, a network error was retried forever with a delay doubling up to an hour.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.js";

/** Tuning, in one place. */
export const TELEGRAM_RETRY = {
  /** First getUpdates retry delay, in ms: a blip costs a quarter of a second. */
  pollFirstMs: 250,
  /** Longest getUpdates retry delay, in ms: after an outage, updates flow again within 30 s of Telegram's return. */
  pollCapMs: 30_000,
  /** Retries of another method after a network error: enough for a blip of ~30 s, not for an outage. */
  networkRetries: 5,
  /** First delay of those retries, in ms (then doubling, capped like getUpdates). */
  networkFirstMs: 1_000,
} as const;

/** Bounded retries for 429 (flood wait) and 5xx: a reply older than this is not worth sending. */
export const RETRY_OPTIONS = { maxRetryAttempts: 3, maxDelaySeconds: 30 } as const;

/**
 * Delay before retry number `attempt` (0-based): exponential from `firstMs`, capped at `capMs`, with "equal jitter"
 * (a random point in the upper half), so it never exceeds the cap and never synchronizes many clients.
 */
export function backoffMs(attempt: number, firstMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, firstMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** grammY types its signals with the abort-controller polyfill; only `aborted` and the abort event are used here. */
type Signal = Pick<AbortSignal, "aborted" | "addEventListener" | "removeEventListener">;

function sleep(ms: number, signal: Signal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("aborted while waiting to retry"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("aborted while waiting to retry"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface TelegramRetryOptions {
  logger: Logger;
  /** Override the backoff of getUpdates (tests). */
  pollFirstMs?: number;
  pollCapMs?: number;
  networkFirstMs?: number;
  random?: () => number;
}

export function telegramRetry(options: TelegramRetryOptions): Transformer {
  const { logger, random = Math.random } = options;
  const pollFirstMs = options.pollFirstMs ?? TELEGRAM_RETRY.pollFirstMs;
  const pollCapMs = options.pollCapMs ?? TELEGRAM_RETRY.pollCapMs;
  const networkFirstMs = options.networkFirstMs ?? TELEGRAM_RETRY.networkFirstMs;
  const rateLimited = autoRetry({ ...RETRY_OPTIONS, rethrowHttpErrors: true });

  const poll: Transformer = async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      let failure: string;
      let retryAfterMs: number | undefined;
      try {
        const res = await prev(method, payload, signal);
        if (res.ok || res.error_code === 401 || res.error_code === 409) {
          if (attempt > 0) logger.info({ failures: attempt }, "getUpdates works again");
          return res;
        }
        failure = `HTTP ${res.error_code}: ${res.description}`;
        if (res.parameters?.retry_after !== undefined) retryAfterMs = res.parameters.retry_after * 1000;
      } catch (err) {
        if (signal?.aborted || !(err instanceof HttpError)) throw err;
        failure = err.message;
      }
      if (signal?.aborted) throw new Error("getUpdates aborted");
      const delay = retryAfterMs ?? backoffMs(attempt, pollFirstMs, pollCapMs, random);
      logger.warn({ attempt: attempt + 1, retryInMs: delay, failure }, "getUpdates failed; retrying");
      await sleep(delay, signal as Signal | undefined);
    }
  };

  return (prev, method, payload, signal) => {
    if (method === "getUpdates") return poll(prev, method, payload, signal);
    // "typing…" is repeated every few seconds anyway: retrying one would only pile up calls during an outage.
    if (method === "sendChatAction") return prev(method, payload, signal);
    const withNetworkRetries: typeof prev = async (m, p, s) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await prev(m, p, s);
        } catch (err) {
          if (!(err instanceof HttpError) || s?.aborted || attempt >= TELEGRAM_RETRY.networkRetries) throw err;
          const delay = backoffMs(attempt, networkFirstMs, pollCapMs, random);
          logger.warn({ method: m, attempt: attempt + 1, retryInMs: delay, err }, "Bot API call failed on the network; retrying");
          await sleep(delay, s as Signal | undefined);
        }
      }
    };
    return rateLimited(withNetworkRetries, method, payload, signal);
  };
}
