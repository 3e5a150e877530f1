/**
 * A circuit breaker for one model endpoint. A slow or hung endpoint must not cost every question the full deadline:
 * after a few failed requests in a row the breaker opens, questions are answered extractively without calling the
 * model for a cool-down, then one question probes the endpoint again (half-open) — success closes the breaker,
 * failure opens it for another cool-down.
 *
 * It sees requests through the client's `fetch` (record), and is asked at the start of each model call (allow).
 * A question is identified by its deadline signal, which every model call of that question shares: in half-open,
 * all calls of the probing question go through, calls of other questions do not.
 */
import { silentLogger, type Logger } from "../logger.js";

/** Tuning, in one place. */
export const BREAKER = {
  /**
   * Failed requests in a row that open the breaker. Two: one timeout can be bad luck, but two in a row have already
   * made two users wait the whole deadline, and a server answering 5xx fails the client's retries quickly.
   */
  failuresToOpen: 2,
  /**
   * Time without model calls once open, in milliseconds: a long outage then costs one slow answer a minute, and a
   * restarted model server is used again within a minute.
   */
  coolDownMs: 60_000,
} as const;

export type BreakerState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  /** For logs: "chat", "embeddings". */
  name: string;
  failuresToOpen?: number;
  coolDownMs?: number;
  /**
   * How long a probe may stay without an outcome before another question may probe (the probing question's calls
   * may all be answered from a cache, or skipped). Default: the cool-down.
   */
  probeTimeoutMs?: number;
  logger?: Logger;
  /** Clock, for tests. */
  now?: () => number;
}

/** HTTP statuses that say the endpoint is unavailable or overloaded (the ones the SDK retries too). */
export function isUnavailableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probe: { owner: object; since: number } | null = null;
  private readonly failuresToOpen: number;
  private readonly coolDownMs: number;
  private readonly probeTimeoutMs: number;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly name: string;
  private halfOpen = false;

  constructor(options: CircuitBreakerOptions) {
    this.name = options.name;
    this.failuresToOpen = options.failuresToOpen ?? BREAKER.failuresToOpen;
    this.coolDownMs = options.coolDownMs ?? BREAKER.coolDownMs;
    this.probeTimeoutMs = options.probeTimeoutMs ?? this.coolDownMs;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.halfOpen) return "half-open";
    return this.openUntil > this.now() ? "open" : this.openUntil > 0 ? "half-open" : "closed";
  }

  /**
   * May a model call of the question identified by `question` (its deadline signal) go ahead? Closed: yes. Open: no.
   * Half-open: yes for the one question that probes, no for the others until the probe has an outcome.
   */
  allow(question?: AbortSignal): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open") return false;
    this.halfOpen = true;
    const t = this.now();
    if (this.probe && (question === undefined || this.probe.owner !== question) && t - this.probe.since < this.probeTimeoutMs) return false;
    if (this.probe?.owner === question && question !== undefined) return true;
    const owner: object = question ?? {};
    this.probe = { owner, since: t };
    // A probe that ends without any request (cache hits, nothing to ask) frees the slot when its question ends.
    question?.addEventListener(
      "abort",
      () => {
        if (this.probe?.owner === owner) this.probe = null;
      },
      { once: true },
    );
    this.logger.info({ model: this.name }, "model breaker half-open: one question probes the endpoint");
    return true;
  }

  /** The outcome of one HTTP request to the endpoint. */
  record(ok: boolean): void {
    if (ok) {
      if (this.halfOpen || this.openUntil > 0) this.logger.info({ model: this.name }, "model endpoint answers again: breaker closed");
      this.failures = 0;
      this.openUntil = 0;
      this.halfOpen = false;
      this.probe = null;
      return;
    }
    this.failures++;
    if (this.halfOpen || this.failures >= this.failuresToOpen) {
      const reopened = this.halfOpen || this.openUntil > 0;
      this.openUntil = this.now() + this.coolDownMs;
      this.halfOpen = false;
      this.probe = null;
      this.logger.warn(
        { model: this.name, failures: this.failures, coolDownMs: this.coolDownMs },
        reopened ? "model endpoint still failing: breaker open again" : "model endpoint failing: breaker open, answering without the model",
      );
    }
  }

  /** A fetch that reports each request's outcome here (for the OpenAI client's `fetch` option). */
  observe(fetchImpl: typeof fetch = globalThis.fetch): typeof fetch {
    return async (input, init) => {
      let res: Response;
      try {
        res = await fetchImpl(input, init);
      } catch (err) {
        this.record(false);
        throw err;
      }
      this.record(!isUnavailableStatus(res.status));
      return res;
    };
  }
}
