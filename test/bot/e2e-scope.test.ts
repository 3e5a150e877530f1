/**
 * A group's own scope (/phamvi), end to end: the real bot process and the real assistant over the bundled corpus,
 * against the loopback fake Bot API. Set, ask, restart, still scoped; clear, answered as before.
 */
import type { Chat } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBot, type BotProcess } from "./bot-process.js";
import { FakeBotApi, groupChat, user, type RecordedCall } from "./fake-bot-api.js";

const an = user(1101, "An");
const group = groupChat(-100888, "Chi bộ Quảng Ngãi");
/** Names no document and no place: without a scope it is answered from the whole corpus. */
const QUESTION = "/hoi Ai chủ trì việc tuyên truyền?";

let api: FakeBotApi;
let bot: BotProcess;

const env = () => ({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, RATE_LIMIT_PER_MINUTE: "200" });

async function say(text: string, chat: Chat = group): Promise<RecordedCall[]> {
  const mark = api.calls.length;
  api.message({ chat, from: an, text });
  return api.messagesUntilQuiet(chat.id, mark, 300, 20_000);
}
const textOf = (sent: RecordedCall[]) => sent.map((c) => c.payload.text as string).join("\n");

beforeAll(async () => {
  api = await FakeBotApi.start();
  bot = spawnBot(env());
  await bot.waitForLog(/long polling started/, 60_000);
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await api?.close();
});

describe("/phamvi: a chat's scope (end to end)", () => {
  let unscoped: string;
  let scoped: string;

  it("without a scope, a question is answered from the whole corpus", async () => {
    unscoped = textOf(await say(QUESTION));
    expect(unscoped).toContain("[1]");
    expect(textOf(await say("/phamvi"))).toMatch(/chưa đặt phạm vi/);
  });

  it("an unknown place is refused with the corpus's localities listed", async () => {
    const reply = textOf(await say("/phamvi Hà Giang"));
    expect(reply).toMatch(/không có văn bản nào của “Hà Giang”/);
    for (const place of ["Quảng Ngãi (1)", "Thái Nguyên (1)", "Từ Sơn (1)"]) expect(reply).toContain(place);
  });

  it("sets the group's scope (typed without diacritics) and answers from the central documents and that place's", async () => {
    expect(textOf(await say("/phamvi tinh quang ngai"))).toMatch(/Đã đặt phạm vi: <b>Quảng Ngãi<\/b>/);
    scoped = textOf(await say(QUESTION));
    expect(scoped).not.toBe(unscoped);
    expect(scoped).toContain("2018-CV/TU");
    // Nothing of the other localities: only the province's document and central ones.
    expect(scoped).not.toMatch(/Từ Sơn|Thái Nguyên|844-CV\/ĐU/);
    expect(textOf(await say("/start"))).toMatch(/Phạm vi của cuộc trò chuyện này: <b>Quảng Ngãi<\/b>/);
  });

  it("keeps the scope across a restart", async () => {
    expect((await bot.stop("SIGTERM")).code).toBe(0);
    bot = spawnBot(env(), { dataDir: bot.dataDir });
    await bot.waitForLog(/long polling started/, 60_000);
    expect(textOf(await say(QUESTION))).toBe(scoped);
    expect(textOf(await say("/help"))).toMatch(/Phạm vi của cuộc trò chuyện này: <b>Quảng Ngãi<\/b>/);
  });

  it("/phamvi xoa clears it: the question is answered as before", async () => {
    expect(textOf(await say("/phamvi xoá"))).toMatch(/Đã bỏ phạm vi/);
    expect(textOf(await say(QUESTION))).toBe(unscoped);
  });
});
