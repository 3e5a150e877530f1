/**
 * The model's circuit breaker as a state machine (clock injected), and through the real OpenAI client: requests
 * that fail open it, an open breaker sends nothing, one question probes after the cool-down.
 */
import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../src/llm/breaker.js";
import { createOpenAIClient } from "../../src/llm/client.js";
import { httpError, startFakeOpenAI } from "./fake-openai.js";

function breaker() {
  let now = 0;
  const b = new CircuitBreaker({ name: "test", failuresToOpen: 2, coolDownMs: 60_000, probeTimeoutMs: 5_000, now: () => now });
  return { b, advance: (ms: number) => (now += ms) };
}

describe("circuit breaker", () => {
  it("opens after consecutive failures only; a success in between resets the count", () => {
    const { b } = breaker();
    b.record(false);
    b.record(true);
    b.record(false);
    expect(b.allow()).toBe(true);
    b.record(false);
    expect(b.state).toBe("open");
    expect(b.allow()).toBe(false);
  });

  it("after the cool-down lets exactly one question probe; its success closes, its failure reopens", () => {
    const { b, advance } = breaker();
    b.record(false);
    b.record(false);
    advance(60_001);
    const probe = new AbortController().signal;
    const other = new AbortController().signal;
    expect(b.allow(probe)).toBe(true);
    expect(b.allow(probe)).toBe(true); // the probing question's next call (e.g. generation after embedding)
    expect(b.allow(other)).toBe(false);
    b.record(false);
    expect(b.state).toBe("open");
    expect(b.allow(other)).toBe(false);
    advance(60_001);
    expect(b.allow(other)).toBe(true);
    b.record(true);
    expect(b.state).toBe("closed");
    expect(b.allow(probe)).toBe(true);
  });

  it("a probe that never reaches the endpoint frees the slot when its question ends, or after its timeout", () => {
    const { b, advance } = breaker();
    b.record(false);
    b.record(false);
    advance(60_001);
    const first = new AbortController();
    expect(b.allow(first.signal)).toBe(true);
    expect(b.allow(new AbortController().signal)).toBe(false);
    first.abort();
    const second = new AbortController().signal;
    expect(b.allow(second)).toBe(true);
    advance(5_001);
    expect(b.allow(new AbortController().signal)).toBe(true);
  });

  it("counts what the endpoint answers through the client: 5xx and timeouts fail, 4xx do not", async () => {
    const fake = await startFakeOpenAI();
    try {
      const b = new CircuitBreaker({ name: "chat", failuresToOpen: 3, coolDownMs: 60_000 });
      const client = createOpenAIClient({ baseURL: fake.baseURL, timeoutMs: 300, maxRetries: 0, breaker: b });
      const call = () => client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] }).catch(() => undefined);
      fake.chat(httpError(400));
      await call();
      expect(b.state).toBe("closed");
      fake.chat(httpError(503), { delayMs: 2_000, body: {} });
      await call();
      await call();
      expect(b.state).toBe("closed");
      fake.chat(httpError(502));
      await call();
      expect(b.state).toBe("open");
    } finally {
      await fake.close();
    }
  });
});
