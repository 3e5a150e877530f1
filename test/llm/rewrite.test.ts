import type OpenAI from "openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIClient } from "../../src/llm/client.js";
import { needsRewrite, rewriteFollowUp } from "../../src/llm/rewrite.js";
import type { Turn } from "../../src/assistant/types.js";
import { completion, httpError, startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";

const HISTORY: Turn[] = [
  {
    question: "Công văn 2018-CV/TU của Tỉnh ủy Quảng Ngãi giao ai theo dõi việc thực hiện?",
    answer: "Ban Tuyên giáo Tỉnh ủy chủ trì theo dõi, đôn đốc [1].",
  },
];

let fake: FakeOpenAI;
let client: OpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI();
  client = createOpenAIClient({ baseURL: fake.baseURL, timeoutMs: 2000, maxRetries: 2 });
});
afterEach(async () => {
  await fake.close();
});

const rewrite = (question: string, history: Turn[] = HISTORY, timeoutMs = 2000) =>
  rewriteFollowUp({ client, model: "fake-chat", question, history, timeoutMs });

describe("rewriteFollowUp", () => {
  it("returns a standalone question built from the last turns", async () => {
    fake.chat(completion("Ai ký Công văn số 2018-CV/TU của Tỉnh ủy Quảng Ngãi?"));
    expect(await rewrite("ai ký văn bản đó?")).toBe("Ai ký Công văn số 2018-CV/TU của Tỉnh ủy Quảng Ngãi?");
    const user = (fake.requestsTo("chat/completions")[0]!.body.messages as { content: string }[]).at(-1)!.content;
    expect(user).toContain(HISTORY[0]!.question);
    expect(user).toContain("ai ký văn bản đó?");
  });

  it("strips a label and wrapping quotes the model adds", async () => {
    fake.chat(completion('Câu hỏi viết lại: "Tỉnh ủy Quảng Ngãi giao ai theo dõi việc thực hiện Công văn 2018-CV/TU?"\nGiải thích: …'));
    expect(await rewrite("còn Quảng Ngãi thì sao?")).toBe("Tỉnh ủy Quảng Ngãi giao ai theo dõi việc thực hiện Công văn 2018-CV/TU?");
  });

  it("returns the question unchanged, without a request, when there is no history", async () => {
    expect(await rewrite("ai ký văn bản đó?", [])).toBe("ai ký văn bản đó?");
    expect(fake.requests).toHaveLength(0);
  });

  it("falls back to the question on HTTP errors, empty replies and timeouts", async () => {
    fake.chat(httpError(500), httpError(500), httpError(500));
    expect(await rewrite("ai ký văn bản đó?")).toBe("ai ký văn bản đó?");
    expect(fake.requestsTo("chat/completions")).toHaveLength(3);

    fake.chat(completion("   "));
    expect(await rewrite("ai ký văn bản đó?")).toBe("ai ký văn bản đó?");

    fake.chat({ ...completion("Câu hỏi chậm?"), delayMs: 5000 });
    const started = Date.now();
    expect(await rewrite("ai ký văn bản đó?", HISTORY, 200)).toBe("ai ký văn bản đó?");
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe("needsRewrite", () => {
  it("flags follow-ups that lean on earlier turns", () => {
    for (const q of [
      "còn Quảng Ngãi thì sao?",
      "ai ký văn bản đó?",
      "Văn bản này ban hành ngày nào?",
      "Các nhiệm vụ nêu trên do ai chủ trì?",
      "Kế hoạch trên giao nhiệm vụ gì cho Sở Khoa học và Công nghệ?",
      "ai ký?",
      "con Quang Ngai thi sao",
      "ai ky van ban do",
    ]) {
      expect(needsRewrite(q, HISTORY), q).toBe(true);
    }
  });

  it("leaves standalone questions alone, and everything without history", () => {
    for (const q of [
      "Kết luận 69-KL/TW giao nhiệm vụ gì cho Ban Tuyên giáo Tỉnh ủy Quảng Ngãi?",
      "Những nhiệm vụ trên địa bàn tỉnh Thái Nguyên là gì?",
      "Nghị quyet 20 ban hanh ngay nao va do co quan nao ban hanh",
    ]) {
      expect(needsRewrite(q, HISTORY), q).toBe(false);
    }
    expect(needsRewrite("còn Quảng Ngãi thì sao?", [])).toBe(false);
  });
});
