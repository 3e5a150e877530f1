import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIClient, PLACEHOLDER_API_KEY } from "../../src/llm/client.js";
import { LlmError } from "../../src/llm/errors.js";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

describe("createOpenAIClient", () => {
  it("talks to a keyless local server with a placeholder key", async () => {
    const client = createOpenAIClient({ baseURL: fake.baseURL, timeoutMs: 1000 });
    await client.embeddings.create({ model: "m", input: ["xin chào"], encoding_format: "float" });
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${PLACEHOLDER_API_KEY}`);
    expect(client.maxRetries).toBe(2);
    expect(client.timeout).toBe(1000);
  });

  it("refuses to start without a key or a base URL, naming the variables", () => {
    expect(() => createOpenAIClient({ apiKey: " ", timeoutMs: 1000 })).toThrow(LlmError);
    expect(() => createOpenAIClient({ timeoutMs: 1000 })).toThrow(/OPENAI_API_KEY.*OPENAI_BASE_URL/);
    expect(() => createOpenAIClient({ apiKey: "k", timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
