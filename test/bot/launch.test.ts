/**
 * Shutdown in polling mode, in-process: stop() stops taking updates, lets a reply in flight finish within the grace
 * period, and aborts one that would take longer (the user is told to ask again).
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { createBot } from "../../src/bot/bot.js";
import { InFlight } from "../../src/bot/in-flight.js";
import { startPolling } from "../../src/bot/launch.js";
import { createMemoryStorage } from "../../src/bot/storage/index.js";
import { FakeAssistant } from "./fake-assistant.js";
import { FakeBotApi, privateChat, user } from "./fake-bot-api.js";

const an = user(1001, "An");
const QUESTION = "Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì việc gì?";
let api: FakeBotApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function polling(delayMs: number) {
  api = await FakeBotApi.start();
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
  const assistant = new FakeAssistant();
  assistant.delayMs = delayMs;
  const shutdown = new AbortController();
  const inFlight = new InFlight();
  const bot = createBot(api.token, {
    config,
    logger: silentLogger,
    assistant,
    storage: createMemoryStorage(),
    botInfo: api.botInfo,
    inFlight,
    shutdownSignal: shutdown.signal,
  });
  const launched = startPolling({ bot, config, logger: silentLogger, inFlight, abortInFlight: () => shutdown.abort(), graceMs: 1_000 });
  return { api, launched, inFlight };
}

describe("polling shutdown", () => {
  it("finishes a reply in flight, then confirms the offset so the update is not redelivered", async () => {
    const { api, launched, inFlight } = await polling(300);
    const update = api.message({ chat: privateChat(an), from: an, text: QUESTION });
    await api.waitFor((c) => c.method === "sendChatAction");
    expect(inFlight.size).toBe(1);
    const started = Date.now();
    await launched.stop();
    expect(Date.now() - started).toBeLessThan(1_500);
    const replies = api.callsOf("sendMessage").filter((c) => c.payload.chat_id === an.id);
    expect(replies.map((c) => c.payload.text).join("\n")).toContain("[1]");
    const confirm = api.callsOf("getUpdates").at(-1)!;
    expect(Number(confirm.payload.offset)).toBe(update.update_id + 1);
    expect(api.pending).toBe(0);
  });

  it("aborts a reply that outlasts the grace period and tells the user to ask again", async () => {
    const { api, launched } = await polling(30_000);
    api.message({ chat: privateChat(an), from: an, text: QUESTION });
    await api.waitFor((c) => c.method === "sendChatAction");
    const started = Date.now();
    await launched.stop();
    expect(Date.now() - started).toBeLessThan(3_500);
    const replies = api.callsOf("sendMessage").filter((c) => c.payload.chat_id === an.id);
    expect(replies.map((c) => c.payload.text)).toEqual(["Trợ lý đang khởi động lại. Vui lòng hỏi lại sau ít phút."]);
  });
});

describe("the fake Bot API, as Telegram", () => {
  it("forgets a poll whose client went away: the next poll (a restarted bot) gets the update, not a 409", async () => {
    api = await FakeBotApi.start();
    const poll = (timeout: number, signal?: AbortSignal) =>
      fetch(`${api!.apiRoot}/bot${api!.token}/getUpdates`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ offset: 0, timeout }),
        signal,
      });
    const gone = new AbortController();
    const first = poll(30, gone.signal).catch(() => null);
    await api.waitFor((c) => c.method === "getUpdates");
    gone.abort();
    await first;
    await new Promise((r) => setTimeout(r, 50));
    const second = poll(5);
    await api.waitFor((c) => c.method === "getUpdates", { from: 1 });
    api.message({ chat: privateChat(an), from: an, text: QUESTION });
    const body = (await (await second).json()) as { ok: boolean; result?: { message?: { text?: string } }[] };
    expect(body.ok).toBe(true);
    expect(body.result?.[0]?.message?.text).toBe(QUESTION);
  });
});
