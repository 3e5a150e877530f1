/**
 * Per-user question limit: a sliding window of `limit` questions per `windowMs`.
 * In memory on purpose: a restart forgiving a minute of questions costs nothing, and the check stays off the disk.
 */

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /** Count one question for `key`; refused questions are not counted. */
  take(key: string): RateDecision;
  /**
   * Should this refusal be told to the user? True for the first refusal, then false until a window has passed: a
   * flood of 40 messages gets one notice, not twenty.
   */
  notice(key: string): boolean;
}

export interface RateLimiterOptions {
  /** Questions allowed per window. */
  limit: number;
  /** Window length in milliseconds (default 60 000). */
  windowMs?: number;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
}

export function createRateLimiter({ limit, windowMs = 60_000, now = Date.now }: RateLimiterOptions): RateLimiter {
  const hits = new Map<string, number[]>();
  const noticed = new Map<string, number>();
  let calls = 0;

  const sweep = (t: number) => {
    for (const [key, times] of hits) {
      if (!times.length || times[times.length - 1]! <= t - windowMs) hits.delete(key);
    }
    for (const [key, at] of noticed) if (at <= t - windowMs) noticed.delete(key);
  };

  return {
    take(key) {
      const t = now();
      // Forget idle users now and then so the map cannot grow with every user ever seen.
      if (++calls % 1000 === 0) sweep(t);
      const times = (hits.get(key) ?? []).filter((x) => x > t - windowMs);
      if (times.length >= limit) {
        hits.set(key, times);
        return { allowed: false, retryAfterMs: Math.max(0, times[0]! + windowMs - t) };
      }
      times.push(t);
      hits.set(key, times);
      return { allowed: true };
    },
    notice(key) {
      const t = now();
      const last = noticed.get(key);
      if (last !== undefined && last > t - windowMs) return false;
      noticed.set(key, t);
      return true;
    },
  };
}
