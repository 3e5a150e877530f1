/**
 * The bot in-process (createBot + handleUpdate) against the loopback fake Bot API and the in-memory FakeAssistant:
 * behaviour that is awkward to provoke in the real process (assistant failures, slow answers, long answers).
 */
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createBot } from "../../src/bot/bot.js";
import { APOLOGY } from "../../src/bot/error-handler.js";
import { InFlight } from "../../src/bot/in-flight.js";
import { createMemoryStorage } from "../../src/bot/storage/index.js";
import { FakeAssistant } from "./fake-assistant.js";
import { FakeBotApi, privateChat, user } from "./fake-bot-api.js";

const an = user(1001, "An");
let api: FakeBotApi;

beforeAll(async () => {
  api = await FakeBotApi.start();
});
afterAll(() => api.close());

function setup(options: { shutdown?: AbortController } = {}) {
  const lines: string[] = [];
  const logger = pino(
    { level: "info" },
    new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  );
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: "/nonexistent" });
  const assistant = new FakeAssistant();
  const storage = createMemoryStorage();
  const inFlight = new InFlight();
  const bot = createBot(api.token, {
    config,
    logger,
    assistant,
    storage,
    botInfo: api.botInfo,
    inFlight,
    shutdownSignal: options.shutdown?.signal,
  });
  const ask = async (text: string) => {
    const mark = api.calls.length;
    await bot.handleUpdate(api.message({ chat: privateChat(an), from: an, text }));
    return api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === an.id);
  };
  return { bot, assistant, storage, lines, inFlight, ask };
}

describe("bot (in-process)", () => {
  it("passes the chat's recent turns to the assistant for follow-up questions", async () => {
    const { assistant, ask } = setup();
    await ask("Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì việc gì?");
    expect(assistant.lastAsk?.options?.history).toEqual([]);
    await ask("Còn Thái Nguyên thì sao?");
    const history = assistant.lastAsk?.options?.history ?? [];
    expect(history).toHaveLength(1);
    expect(history[0]!.question).toBe("Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì việc gì?");
    expect(history[0]!.answer).toContain("Ban Tuyên giáo");
  });

  it("apologises and logs the update id when the assistant fails", async () => {
    const { assistant, ask, lines } = setup();
    assistant.failWith = new Error("index unavailable");
    const sent = await ask("Ban Tuyên giáo làm gì?");
    expect(sent.map((c) => c.payload.text)).toEqual([APOLOGY]);
    const log = lines.join("");
    expect(log).toMatch(/"update_id":\d+/);
    expect(log).toContain("update failed");
    expect(log).toContain("index unavailable");
  });

  it("sends a long answer as one message in pages: a page button edits it, the sources and votes stay on every page", async () => {
    const { bot, assistant, ask } = setup();
    const long = Array.from({ length: 300 }, (_, i) => `Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền đợt ${i + 1}.`).join(" ");
    assistant.docs[1]!.sections[0]!.text = long;
    const sent = await ask("Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền gì?");
    expect(sent).toHaveLength(1);
    const first = sent[0]!;
    expect((first.payload.text as string).length).toBeLessThanOrEqual(4096);
    const buttons = (call: { payload: Record<string, any> }) => call.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
    const next = buttons(first).find((b) => b.text === "Sau ›")!;
    expect(buttons(first).map((b) => b.text)).toEqual(expect.arrayContaining(["📄 1", "👍", "👎", "Sau ›"]));
    expect(buttons(first).find((b) => /^1\/\d+$/.test(b.text))).toBeDefined();

    const mark = api.calls.length;
    await bot.handleUpdate(api.callback({ from: an, data: next.callback_data, message: { message_id: 1, date: 0, chat: privateChat(an), text: "x" } as never }));
    const edit = api.callsOf("editMessageText", mark)[0]!;
    expect(edit.payload.message_id).toBe(1);
    expect(edit.payload.text).not.toBe(first.payload.text);
    expect(edit.payload.text).toMatch(/đợt \d+/);
    expect(buttons(edit).map((b) => b.text)).toEqual(expect.arrayContaining(["📄 1", "👍", "👎", "‹ Trước"]));
    expect(api.callsOf("sendMessage", mark)).toHaveLength(0);
    expect(api.callsOf("answerCallbackQuery", mark)).toHaveLength(1);
  });

  it("not_found: says so, lists 'Xem thêm' sections, and their 📄 buttons open them", async () => {
    const { bot, ask } = setup();
    const [reply] = await ask("xyzzy plugh");
    expect(reply!.payload.text).toContain("Không tìm thấy câu trả lời");
    expect(reply!.payload.text).toContain("<b>Xem thêm</b>");
    const button = reply!.payload.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text === "📄 1");
    const mark = api.calls.length;
    await bot.handleUpdate(
      api.callback({ from: an, data: button.callback_data, message: { message_id: 1, date: 0, chat: privateChat(an), text: "x" } as never }),
    );
    expect(api.callsOf("sendMessage", mark)[0]!.payload.text).toMatch(/^<b>\[1\]/);
  });

  it("answers an expired button with an alert instead of failing", async () => {
    const { bot } = setup();
    const mark = api.calls.length;
    await bot.handleUpdate(
      api.callback({ from: an, data: "s:ZZZZZZZZ:0", message: { message_id: 1, date: 0, chat: privateChat(an), text: "x" } as never }),
    );
    const ack = api.callsOf("answerCallbackQuery", mark)[0]!;
    expect(ack.payload).toMatchObject({ show_alert: true });
    expect(ack.payload.text).toMatch(/quá cũ/);
  });

  it("on shutdown, an in-flight question stops waiting and tells the user", async () => {
    const shutdown = new AbortController();
    const { assistant, ask, inFlight } = setup({ shutdown });
    assistant.delayMs = 30_000;
    const pending = ask("Ban Tuyên giáo Tỉnh ủy làm gì?");
    await new Promise((r) => setTimeout(r, 100));
    expect(inFlight.size).toBe(1);
    expect(await inFlight.idle(50)).toBe(false);
    shutdown.abort();
    const sent = await pending;
    expect(sent.map((c) => c.payload.text)).toEqual(["Trợ lý đang khởi động lại. Vui lòng hỏi lại sau ít phút."]);
    expect(await inFlight.idle(50)).toBe(true);
  });
});
