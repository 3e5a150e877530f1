/**
 * A hung model behind the real assistant (openAssistant + createLlmServices + the openai client, against the loopback
 * fake server): one deadline covers every model call of a question, and after two failures the breaker keeps the
 * following questions away from the model — each is still answered, extractively, with citations.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAssistant } from "../../src/assistant/open.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { createLlmServices } from "../../src/llm/wiring.js";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";

const TIMEOUT_MS = 1_500;
let fake: FakeOpenAI;
let data: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  data = await mkdtemp(join(tmpdir(), "vanban-deadline-"));
});
afterAll(async () => {
  await fake.close();
  await rm(data, { recursive: true, force: true });
});

describe("a hung model", () => {
  it("costs a question one deadline at most, then none while the breaker is open; every question is answered", async () => {
    const config = parseConfig({
      CORPUS_DIRS: "corpus",
      DATA_DIR: data,
      OPENAI_BASE_URL: fake.baseURL,
      CHAT_MODEL: "fake-chat",
      EMBEDDING_MODEL: "fake-embedding",
      LLM_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    const { embedder, generator } = createLlmServices(config, silentLogger, { forIngest: false });
    const assistant = await openAssistant(config, silentLogger, { embedder, generator }); // the corpus is embedded normally
    // From now on the server accepts requests and never answers (questions embed one text; the corpus many).
    const hang = { delayMs: 600_000, body: {} };
    fake.fallback("chat/completions", () => hang);
    fake.fallback("embeddings", (req) => ((req.body as { input: string[] }).input.length === 1 ? hang : undefined));

    const history = [{ question: "Công văn 2018-CV/TU của Tỉnh ủy Quảng Ngãi giao những việc gì?", answer: "Ban Tuyên giáo Tỉnh ủy chủ trì [1]." }];
    const questions: [string, typeof history][] = [
      ["Ai ký văn bản đó?", history], // a follow-up: rewrite, embedding and generation all share one deadline
      ["Ai ký Công văn 2018-CV/TU?", []],
      ["Công văn 2018-CV/TU yêu cầu gì về tuyên truyền trên báo chí?", []],
      ["Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì việc gì?", []],
      ["Ai ký Công văn 844-CV/ĐU?", []],
    ];
    const requestsPerQuestion: number[] = [];
    const ms: number[] = [];
    for (const [q, h] of questions) {
      const before = fake.requests.length;
      const started = Date.now();
      const result = await assistant.ask(q, { history: h });
      ms.push(Date.now() - started);
      requestsPerQuestion.push(fake.requests.length - before);
      expect(result.mode).toBe("answer");
      expect(result.citations.length).toBeGreaterThan(0);
    }
    // One request each for the first two questions (the deadline ends the question's model work), then the breaker
    // is open: nothing reaches the model.
    expect(requestsPerQuestion).toEqual([1, 1, 0, 0, 0]);
    // The deadline is a bound, not a speed target: generous slack for a loaded machine.
    for (const t of ms.slice(0, 2)) expect(t).toBeLessThan(TIMEOUT_MS + 2_500);
    console.info(`hung model, LLM_TIMEOUT_MS=${TIMEOUT_MS}: per-question ms ${ms.join(", ")}`);
  });
});
