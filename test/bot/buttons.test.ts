/**
 * Button presses (in-process bot against the loopback fake Bot API): answered at once even while an answer is being
 * generated in the same chat, always answered exactly once, and a failed answerCallbackQuery does not stop the rest.
 */
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createBot } from "../../src/bot/bot.js";
import { APOLOGY } from "../../src/bot/error-handler.js";
import { BUTTON_REFUSAL } from "../../src/bot/middlewares/access.js";
import { createMemoryStorage } from "../../src/bot/storage/index.js";
import { FakeAssistant } from "./fake-assistant.js";
import { FakeBotApi, privateChat, user, type RecordedCall } from "./fake-bot-api.js";

const an = user(1001, "An");
const stranger = user(2002, "Người lạ");
const QUESTION = "Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì việc gì?";
let api: FakeBotApi;

beforeAll(async () => {
  api = await FakeBotApi.start();
});
afterAll(() => api.close());

function setup(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const logger = pino({ level: "info" }, new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }));
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: "/nonexistent", ...env });
  const assistant = new FakeAssistant();
  const bot = createBot(api.token, { config, logger, assistant, storage: createMemoryStorage(), botInfo: api.botInfo });
  return { bot, assistant, lines };
}

const sourceButton = (call: RecordedCall): string =>
  (call.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[]).find((b) => b.text === "📄 1")!.callback_data;
const messageOf = (call: RecordedCall) => ({ message_id: 1, date: 0, chat: privateChat(an), text: String(call.payload.text) }) as never;

async function answered(bot: ReturnType<typeof setup>["bot"]): Promise<RecordedCall> {
  const mark = api.calls.length;
  await bot.handleUpdate(api.message({ chat: privateChat(an), from: an, text: QUESTION }));
  return api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === an.id).at(-1)!;
}

describe("button presses", () => {
  it("are acknowledged while an answer is being generated in the same chat, not after it", async () => {
    const { bot, assistant } = setup();
    const first = await answered(bot);
    assistant.delayMs = 3_000;
    const mark = api.calls.length;
    const slow = bot.handleUpdate(api.message({ chat: privateChat(an), from: an, text: QUESTION }));
    await api.waitFor((c) => c.method === "sendChatAction", { from: mark });
    await bot.handleUpdate(api.callback({ from: an, message: messageOf(first), data: sourceButton(first) }));
    const ack = api.callsOf("answerCallbackQuery", mark);
    const section = api.callsOf("sendMessage", mark).filter((c) => /^<b>\[1\]/.test(String(c.payload.text)));
    expect(ack).toHaveLength(1);
    expect(section).toHaveLength(1);
    await slow;
    const reply = api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === an.id && c.payload.text.includes("[1]") && !/^<b>\[1\]/.test(c.payload.text));
    // The press was answered (and its section sent) before the slow answer went out.
    expect(ack[0]!.index).toBeLessThan(reply[0]!.index);
    expect(section[0]!.index).toBeLessThan(reply[0]!.index);
  });

  it("a failed answerCallbackQuery (too old) is logged; the section is still sent, nothing is apologised", async () => {
    const { bot, lines } = setup();
    const first = await answered(bot);
    api.failNext("answerCallbackQuery", { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" });
    const mark = api.calls.length;
    await bot.handleUpdate(api.callback({ from: an, message: messageOf(first), data: sourceButton(first) }));
    const sent = api.callsOf("sendMessage", mark);
    expect(sent.map((c) => String(c.payload.text).slice(0, 4))).toEqual(["<b>["]);
    expect(api.callsOf("answerCallbackQuery", mark)).toHaveLength(1);
    expect(lines.join("")).not.toContain("update failed");
    expect(lines.join("")).toContain("answerCallbackQuery failed");
  });

  it("a press by a user who is not allowed stops the spinner with a short refusal, every time", async () => {
    const { bot } = setup({ ALLOWED_USER_IDS: String(an.id) });
    const first = await answered(bot);
    const mark = api.calls.length;
    for (let i = 0; i < 2; i++) {
      await bot.handleUpdate(api.callback({ from: stranger, message: messageOf(first), data: sourceButton(first) }));
    }
    expect(api.callsOf("answerCallbackQuery", mark).map((c) => c.payload.text)).toEqual([BUTTON_REFUSAL, BUTTON_REFUSAL]);
    expect(api.callsOf("sendMessage", mark)).toEqual([]);
  });

  it("a press whose handler fails after answering gets the apology as a message, and one answer only", async () => {
    const { bot, assistant } = setup();
    const first = await answered(bot);
    assistant.section = () => {
      throw new Error("index unavailable");
    };
    const mark = api.calls.length;
    await bot.handleUpdate(api.callback({ from: an, message: messageOf(first), data: sourceButton(first) }));
    expect(api.callsOf("answerCallbackQuery", mark)).toHaveLength(1);
    expect(api.callsOf("sendMessage", mark).map((c) => c.payload.text)).toEqual([APOLOGY]);
  });
});

describe("one reply per question", () => {
  it("an answer that cannot be stored is still sent (without buttons), and no apology follows it", async () => {
    const storage = createMemoryStorage();
    storage.answers.write = async () => Promise.reject(new Error("ENOSPC: no space left on device"));
    storage.sessions.write = async () => Promise.reject(new Error("ENOSPC: no space left on device"));
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: "/nonexistent" });
    const full = createBot(api.token, { config, logger: pino({ level: "silent" }), assistant: new FakeAssistant(), storage, botInfo: api.botInfo });
    const mark = api.calls.length;
    await full.handleUpdate(api.message({ chat: privateChat(an), from: an, text: QUESTION }));
    const sent = api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === an.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.text).toContain("[1]");
    expect(sent[0]!.payload.reply_markup).toBeUndefined();
  });

  it("HTML that Telegram refuses is sent again as plain text", async () => {
    const { bot } = setup();
    api.failNext("sendMessage", { error_code: 400, description: "Bad Request: can't parse entities: unsupported start tag \"x\" at byte offset 3" });
    const mark = api.calls.length;
    await bot.handleUpdate(api.message({ chat: privateChat(an), from: an, text: QUESTION }));
    const sent = api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === an.id);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.payload.parse_mode).toBeUndefined();
    expect(sent[1]!.payload.text).toContain("[1]");
    expect(sent[1]!.payload.text).not.toContain("<b>");
  });
});
