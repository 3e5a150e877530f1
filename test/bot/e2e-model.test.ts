/**
 * End to end with a hung model: the real bot process (src/main.ts) against the loopback fake Bot API and a loopback
 * OpenAI-compatible server that accepts requests and never answers. Every question gets exactly one reply, within
 * one model deadline; once the breaker is open the model is not asked at all; a button pressed while an answer is
 * being generated is answered first.
 */
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../llm/fake-openai.js";
import { spawnBot, type BotProcess } from "./bot-process.js";
import { FakeBotApi, privateChat, user, type RecordedCall } from "./fake-bot-api.js";

const an = user(1001, "An");
const TIMEOUT_MS = 2_500;
const QUESTIONS = [
  "Ai ký Công văn 2018-CV/TU?",
  "Tỉnh ủy Quảng Ngãi giao Ban Tuyên giáo Tỉnh ủy những nhiệm vụ gì?",
  "Kết luận 69 yêu cầu gì về tuyên truyền?",
  "Ai ký Công văn 844-CV/ĐU?",
  "Ban Tuyên giáo Thành ủy Từ Sơn hướng dẫn những gì?",
];

let api: FakeBotApi;
let model: FakeOpenAI;
let bot: BotProcess;

beforeAll(async () => {
  api = await FakeBotApi.start();
  model = await startFakeOpenAI();
  // The corpus is embedded at start (many texts per request); a question's embedding (one text) and every chat
  // completion hang.
  const hang = { delayMs: 600_000, body: {} };
  model.fallback("chat/completions", () => hang);
  model.fallback("embeddings", (req) => ((req.body as { input: string[] }).input.length === 1 ? hang : undefined));
  bot = spawnBot({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    CORPUS_DIRS: "corpus",
    OPENAI_BASE_URL: model.baseURL,
    CHAT_MODEL: "fake-chat",
    EMBEDDING_MODEL: "fake-embedding",
    LLM_TIMEOUT_MS: String(TIMEOUT_MS),
    RATE_LIMIT_PER_MINUTE: "100",
  });
  await bot.waitForLog(/long polling started/, 60_000);
}, 90_000);

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await api?.close();
  await model?.close();
});

const repliesTo = (from: number) => api.callsOf("sendMessage", from).filter((c) => c.payload.chat_id === an.id);
const isAnswer = (c: RecordedCall) => /\[1\]/.test(String(c.payload.text)) && !/^<b>\[1\]/.test(String(c.payload.text));

describe("a hung model (end to end)", () => {
  it("answers five questions in a row with one reply each; a press during an answer is served first; the breaker stops the model calls", async () => {
    const ms: number[] = [];
    const modelRequests: number[] = [];
    let pressed: { ack: RecordedCall; section: RecordedCall } | undefined;
    let previous: RecordedCall | undefined;
    for (const [i, q] of QUESTIONS.entries()) {
      const mark = api.calls.length;
      const before = model.requests.length;
      const started = performance.now();
      api.message({ chat: privateChat(an), from: an, text: q });
      if (i === 1) {
        // While this answer waits for the model, press 📄 1 under the previous answer.
        await api.waitFor((c) => c.method === "sendChatAction" && c.payload.chat_id === an.id, { from: mark });
        const button = (previous!.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[]).find((b) => b.text === "📄 1")!;
        api.callback({ from: an, message: { message_id: 1, date: 0, chat: privateChat(an), text: String(previous!.payload.text) } as Message, data: button.callback_data });
        const ack = await api.waitFor((c) => c.method === "answerCallbackQuery", { from: mark });
        const section = await api.waitFor((c) => c.method === "sendMessage" && /^<b>\[1\]/.test(String(c.payload.text)), { from: mark });
        pressed = { ack, section };
      }
      await api.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === an.id && isAnswer(c), { from: mark, timeoutMs: 30_000 });
      ms.push(Math.round(performance.now() - started));
      const sent = await api.messagesUntilQuiet(an.id, mark, 400, 30_000);
      modelRequests.push(model.requests.length - before);
      const answers = sent.filter(isAnswer);
      expect(answers).toHaveLength(1);
      expect(sent.map((c) => c.payload.text).join("\n")).not.toMatch(/Xin lỗi/);
      if (pressed && i === 1) {
        expect(pressed.ack.index).toBeLessThan(answers[0]!.index);
        expect(pressed.section.index).toBeLessThan(answers[0]!.index);
      }
      previous = answers[0];
    }
    console.info(`hung model, LLM_TIMEOUT_MS=${TIMEOUT_MS}: replies after ${ms.join(", ")} ms; model requests per question ${modelRequests.join(", ")}`);
    expect(pressed).toBeDefined();
    // Two questions pay the deadline (two failures open the breaker), the others do not reach the model.
    expect(modelRequests.slice(2)).toEqual([0, 0, 0]);
    // A deadline, not a speed target: slack for a loaded machine, still below two deadlines.
    for (const t of ms) expect(t).toBeLessThan(2 * TIMEOUT_MS);
  });
});
