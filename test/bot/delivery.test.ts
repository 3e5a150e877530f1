/**
 * Floods and delivery (in-process bot and launcher against the loopback fake Bot API): one rate-limit notice per
 * user per window, a replayed update answered once, getUpdates retried with a capped, jittered backoff through an
 * outage, replies retried through a short network failure.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { createBot } from "../../src/bot/bot.js";
import { InFlight } from "../../src/bot/in-flight.js";
import { startPolling } from "../../src/bot/launch.js";
import { createMemoryStorage } from "../../src/bot/storage/index.js";
import { backoffMs, TELEGRAM_RETRY } from "../../src/bot/transport.js";
import { FakeAssistant } from "./fake-assistant.js";
import { DROPPED, FakeBotApi, privateChat, user } from "./fake-bot-api.js";

const an = user(1001, "An");
const QUESTION = "Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì việc gì?";
let api: FakeBotApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function setup(env: Record<string, string> = {}, retry: Parameters<typeof createBot>[1]["retry"] = {}) {
  api = await FakeBotApi.start();
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: "/nonexistent", ...env });
  const inFlight = new InFlight();
  const bot = createBot(api.token, { config, logger: silentLogger, assistant: new FakeAssistant(), storage: createMemoryStorage(), botInfo: api.botInfo, inFlight, retry });
  return { api, bot, config, inFlight };
}

describe("a flood from one user", () => {
  it("40 questions in a row with a limit of 20: 20 answers and one notice", async () => {
    const { api, bot } = await setup({ RATE_LIMIT_PER_MINUTE: "20" });
    const mark = api.calls.length;
    await Promise.all(Array.from({ length: 40 }, (_, i) => bot.handleUpdate(api.message({ chat: privateChat(an), from: an, text: `${QUESTION} ${i}` }))));
    const texts = api.callsOf("sendMessage", mark).map((c) => String(c.payload.text));
    expect(texts.filter((t) => /đạt giới hạn/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("[1]"))).toHaveLength(20);
    console.info(`flood of 40 in a row, limit 20: ${texts.filter((t) => /đạt giới hạn/.test(t)).length} notice(s)`);
  });
});

describe("a replayed update", () => {
  it("is answered once", async () => {
    const { api, bot } = await setup();
    const update = api.message({ chat: privateChat(an), from: an, text: QUESTION });
    const mark = api.calls.length;
    await bot.handleUpdate(update);
    await bot.handleUpdate(structuredClone(update));
    expect(api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === an.id)).toHaveLength(1);
  });
});

describe("getUpdates through a Telegram outage", () => {
  it("the retry delay grows, never passes the cap, and is jittered", () => {
    const { pollFirstMs: first, pollCapMs: cap } = TELEGRAM_RETRY;
    const delays = Array.from({ length: 40 }, (_, i) => backoffMs(i, first, cap));
    expect(Math.max(...delays)).toBeLessThanOrEqual(cap);
    expect(delays[0]).toBeLessThanOrEqual(first);
    expect(delays.slice(-10).every((d) => d >= cap / 2)).toBe(true);
    expect(new Set(Array.from({ length: 20 }, () => backoffMs(20, first, cap))).size).toBeGreaterThan(1);
  });

  it("keeps polling through dropped connections and 5xx, with gaps below the cap, then answers what was waiting", async () => {
    const capMs = 200;
    const { api, bot, config, inFlight } = await setup({}, { pollFirstMs: 20, pollCapMs: capMs, networkFirstMs: 20 });
    api.failNext("getUpdates", DROPPED, 5);
    api.failNext("getUpdates", { error_code: 502, description: "Bad Gateway" }, 5);
    const launched = startPolling({ bot, config, logger: silentLogger, inFlight, abortInFlight: () => undefined });
    try {
      const mark = api.calls.length;
      api.message({ chat: privateChat(an), from: an, text: QUESTION });
      const reply = await api.nextMessage(an.id, mark, 15_000);
      expect(String(reply.payload.text)).toContain("[1]");
      const polls = api.callsOf("getUpdates").map((c) => c.at);
      expect(polls.length).toBeGreaterThan(10);
      const gaps = polls.slice(1, 11).map((t, i) => t - polls[i]!);
      // The cap plus the time of a request on a loaded machine.
      expect(Math.max(...gaps)).toBeLessThan(capMs + 1_500);
    } finally {
      await launched.stop();
    }
  });

  it("a reply whose connection drops is sent again, a bounded number of times", async () => {
    const { api, bot } = await setup({}, { networkFirstMs: 20, pollCapMs: 100 });
    api.failNext("sendMessage", DROPPED, 2);
    const mark = api.calls.length;
    await bot.handleUpdate(api.message({ chat: privateChat(an), from: an, text: QUESTION }));
    const attempts = api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === an.id);
    expect(attempts).toHaveLength(3);

    api.failNext("sendMessage", DROPPED, 50);
    const before = api.calls.length;
    await bot.handleUpdate(api.message({ chat: privateChat(an), from: an, text: QUESTION }));
    // The answer and then the apology each try 1 + networkRetries times, then give up (the error is logged).
    expect(api.callsOf("sendMessage", before).length).toBe(2 * (1 + TELEGRAM_RETRY.networkRetries));
  });
});
