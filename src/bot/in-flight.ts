/**
 * Counts updates being processed, so shutdown can wait for in-flight replies (bounded) in both polling and webhook
 * mode, and remembers the highest update id seen (to confirm the offset to Telegram on a polling shutdown).
 */
import type { MiddlewareFn } from "grammy";

export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  /** Highest update_id whose processing has started (0 before the first update). */
  maxUpdateId = 0;

  get size(): number {
    return this.count;
  }

  readonly middleware: MiddlewareFn = async (ctx, next) => {
    this.count++;
    if (ctx.update.update_id > this.maxUpdateId) this.maxUpdateId = ctx.update.update_id;
    try {
      await next();
    } finally {
      this.count--;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    }
  };

  /** Resolves true when nothing is in flight, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(done);
    });
  }
}
