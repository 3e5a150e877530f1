import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/bot/middlewares/rate-limit.js";

describe("rate limiter", () => {
  it("allows `limit` questions per window per user, then says when to retry", () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => limiter.take("an").allowed)).toEqual([true, true, true]);
    const refused = limiter.take("an");
    expect(refused).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(limiter.take("binh").allowed).toBe(true);
    now += 30_000;
    expect(limiter.take("an")).toEqual({ allowed: false, retryAfterMs: 30_000 });
    now += 30_001;
    expect(limiter.take("an").allowed).toBe(true);
  });

  it("does not count refused questions (a user who keeps trying is not locked out longer)", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: () => now });
    limiter.take("u");
    for (let i = 0; i < 10; i++) {
      now += 50;
      limiter.take("u");
    }
    now = 1_001;
    expect(limiter.take("u").allowed).toBe(true);
  });
});
