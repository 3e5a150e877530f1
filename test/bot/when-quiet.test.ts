import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WhenQuiet } from "../../src/bot/when-quiet.js";

describe("background work that waits for a quiet bot", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("starts once nothing has come for the quiet period", () => {
    const started: number[] = [];
    new WhenQuiet(() => started.push(Date.now()), 2_000, 60_000);
    vi.advanceTimersByTime(1_999);
    expect(started).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(started).toEqual([2_000]);
    vi.advanceTimersByTime(120_000);
    expect(started).toEqual([2_000]);
  });

  it("waits while updates keep coming, and starts after the longest wait under steady traffic", () => {
    const started: number[] = [];
    const quiet = new WhenQuiet(() => started.push(Date.now()), 2_000, 10_000);
    for (let t = 0; t < 6_000; t += 500) {
      vi.advanceTimersByTime(500);
      quiet.touch();
    }
    expect(started).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(started).toEqual([8_000]);

    const busy: number[] = [];
    const steady = new WhenQuiet(() => busy.push(Date.now() - 8_000), 2_000, 10_000);
    for (let t = 0; t < 20_000; t += 500) {
      vi.advanceTimersByTime(500);
      steady.touch();
    }
    expect(busy).toEqual([10_000]);
  });

  it("never starts once cancelled (shutdown)", () => {
    const started: number[] = [];
    const quiet = new WhenQuiet(() => started.push(Date.now()), 2_000, 10_000);
    vi.advanceTimersByTime(1_000);
    quiet.cancel();
    quiet.touch();
    vi.advanceTimersByTime(60_000);
    expect(started).toEqual([]);
  });
});
