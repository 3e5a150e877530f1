/**
 * End to end, second process: allow-lists (one refusal, then silence), the per-user question limit, the missing
 * token message, and webhook mode (secret token, fast acknowledgement, SIGTERM).
 */
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRY, ROOT, spawnBot, type BotProcess } from "./bot-process.js";
import { FakeBotApi, groupChat, privateChat, user } from "./fake-bot-api.js";

const allowed = user(1001, "An");
const stranger = user(2002, "Người lạ");
const allowedGroup = groupChat(-100555, "Chi bộ được phép");
const otherGroup = groupChat(-100666, "Nhóm khác");
const QUESTION = "Tỉnh ủy Quảng Ngãi giao Ban Tuyên giáo Tỉnh ủy những nhiệm vụ gì?";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("access control and limits (end to end)", () => {
  let api: FakeBotApi;
  let bot: BotProcess;

  beforeAll(async () => {
    api = await FakeBotApi.start();
    bot = spawnBot({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      ALLOWED_USER_IDS: String(allowed.id),
      ALLOWED_CHAT_IDS: String(allowedGroup.id),
      RATE_LIMIT_PER_MINUTE: "2",
    });
    await bot.waitForLog(/long polling started/, 60_000);
  });

  afterAll(async () => {
    await bot?.stop("SIGKILL");
    await api?.close();
  });

  it("refuses a stranger once, politely, then stays silent", async () => {
    const mark = api.calls.length;
    api.message({ chat: privateChat(stranger), from: stranger, text: QUESTION });
    api.message({ chat: privateChat(stranger), from: stranger, text: "/start" });
    api.message({ chat: privateChat(stranger), from: stranger, text: "Xin chào?" });
    await api.nextMessage(stranger.id, mark);
    await wait(800);
    const sent = api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === stranger.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.text).toMatch(/chỉ dành cho những người đã được cấp quyền/);
    expect(sent[0]!.payload.text).toContain(String(stranger.id));
  });

  it("refuses an unlisted group once when addressed, ignores its chatter; a listed group works for anyone", async () => {
    let mark = api.calls.length;
    api.message({ chat: otherGroup, from: allowed, text: "chuyện phiếm trong nhóm" });
    api.message({ chat: otherGroup, from: stranger, text: `/hoi@${api.botInfo.username} ${QUESTION}` });
    api.message({ chat: otherGroup, from: stranger, text: `/hoi@${api.botInfo.username} ${QUESTION}` });
    await api.nextMessage(otherGroup.id, mark);
    await wait(800);
    expect(api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === otherGroup.id)).toHaveLength(1);

    mark = api.calls.length;
    api.message({ chat: allowedGroup, from: stranger, text: `/hoi ${QUESTION}` });
    const sent = await api.messagesUntilQuiet(allowedGroup.id, mark, 300, 20_000);
    expect(sent.map((c) => c.payload.text).join("\n")).toContain("[1]");
  });

  it("limits questions per user per minute with a Vietnamese reply", async () => {
    const mark = api.calls.length;
    for (let i = 0; i < 3; i++) api.message({ chat: privateChat(allowed), from: allowed, text: `${QUESTION} (${i})` });
    await api.waitFor(() => api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === allowed.id).length >= 3, {
      from: mark,
      timeoutMs: 20_000,
    });
    await wait(300);
    const texts = api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === allowed.id).map((c) => c.payload.text as string);
    expect(texts.filter((t) => /đạt giới hạn/.test(t))).toHaveLength(1);
    expect(texts[texts.length - 1]).toMatch(/Vui lòng hỏi lại sau \d+ giây/);
  });
});

describe("start-up without a token", () => {
  it("exits non-zero with a message pointing to npm run chat", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", ENTRY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TELEGRAM_BOT_TOKEN: "" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(result.stderr).toContain("npm run chat");
  });
});

describe("a webhook secret Telegram would reject", () => {
  it("stops start-up with a Vietnamese message naming WEBHOOK_SECRET and Telegram's rule, before calling Telegram", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", ENTRY], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TELEGRAM_BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.vn/telegram",
        WEBHOOK_SECRET: "mật khẩu có dấu cách!",
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/WEBHOOK_SECRET: Telegram chỉ chấp nhận 1–256 ký tự/);
    expect(result.stderr).not.toContain("mật khẩu");
  });
});

describe("webhook mode (end to end)", () => {
  let api: FakeBotApi;
  let bot: BotProcess;
  let url: string;
  const secret = "s3cret_Token-for-tests";

  beforeAll(async () => {
    api = await FakeBotApi.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/telegram/hook`;
    bot = spawnBot({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: secret,
      WEBHOOK_PORT: String(port),
    });
    await bot.waitForLog(/webhook server listening/, 60_000);
  });

  afterAll(async () => {
    await bot?.stop("SIGKILL");
    await api?.close();
  });

  const post = (body: unknown, token?: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { "x-telegram-bot-api-secret-token": token } : {}) },
      body: JSON.stringify(body),
    });

  it("registers the webhook with its secret, rejects a wrong secret, answers a posted update", async () => {
    const set = api.callsOf("setWebhook")[0]!;
    expect(set.payload).toMatchObject({ url, secret_token: secret });
    expect(api.callsOf("getUpdates")).toHaveLength(0);

    const update = {
      update_id: 1,
      message: { message_id: 1, date: 0, chat: privateChat(allowed), from: allowed, text: QUESTION },
    };
    expect((await post(update, "wrong")).status).toBe(401);

    const mark = api.calls.length;
    const started = performance.now();
    const res = await post(update, secret);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3_000);
    const sent = await api.messagesUntilQuiet(allowed.id, mark, 300, 20_000);
    expect(sent.map((c) => c.payload.text).join("\n")).toContain("[1]");
  });

  it("answers an update Telegram delivers twice only once", async () => {
    const update = {
      update_id: 77,
      message: { message_id: 77, date: 0, chat: privateChat(allowed), from: allowed, text: "Ai ký Công văn 2018-CV/TU?" },
    };
    const mark = api.calls.length;
    expect((await post(update, secret)).status).toBe(200);
    expect((await post(update, secret)).status).toBe(200);
    await api.messagesUntilQuiet(allowed.id, mark, 600, 20_000);
    const answers = api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === allowed.id);
    expect(answers).toHaveLength(1);
  });

  it("exits 0 on SIGTERM", async () => {
    const { code, ms } = await bot.stop("SIGTERM");
    expect(code).toBe(0);
    expect(ms).toBeLessThan(6_000);
  });
});
