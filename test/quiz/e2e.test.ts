/**
 * The quiz end to end: the real bot process (src/main.ts, real corpus) against the loopback fake Bot API.
 * /quiz in a group sends native quiz polls within Telegram's limits; poll_answer updates are counted; when every
 * member has answered the next poll comes at once; the results name who answered and cite what to re-read; /diem
 * names the players; scores survive a restart on the same DATA_DIR.
 */
import type { Chat } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBot, type BotProcess } from "../bot/bot-process.js";
import { FakeBotApi, groupChat, privateChat, user, type RecordedCall } from "../bot/fake-bot-api.js";

const an = user(2001, "An");
const binh = user(2002, "Bình");
const group = groupChat(-100888, "Chi bộ ôn tập");
const OPEN_PERIOD = 5;

let api: FakeBotApi;
let bot: BotProcess;

const env = () => ({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, QUIZ_OPEN_PERIOD: String(OPEN_PERIOD), RATE_LIMIT_PER_MINUTE: "200" });

async function say(from: typeof an, text: string, chat: Chat): Promise<RecordedCall[]> {
  const mark = api.calls.length;
  api.message({ chat, from, text });
  return api.messagesUntilQuiet(chat.id, mark, 300, 20_000);
}

const nextPoll = (chatId: number, from: number) => api.waitFor((c) => c.method === "sendPoll" && c.payload.chat_id === chatId, { from, timeoutMs: 15_000 });
const pollIdOf = (call: RecordedCall) => [...api.polls.values()].find((p) => p.chat_id === call.payload.chat_id && p.poll.question === call.payload.question)!.poll.id as string;
const wrongOf = (call: RecordedCall) => (call.payload.correct_option_ids[0] + 1) % call.payload.options.length;

beforeAll(async () => {
  api = await FakeBotApi.start();
  api.memberCounts.set(group.id, 3); // the bot, An and Bình
  bot = spawnBot(env(), { entry: "src/main.ts" });
  await bot.waitForLog(/long polling started/, 60_000);
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await api?.close();
});

describe("quiz (end to end)", () => {
  it("/quiz in a group sends quiz polls, counts poll answers, moves on when everyone answered, posts results", async () => {
    const mark = api.calls.length;
    api.message({ chat: group, from: an, text: "/quiz 2 KL 69" });
    const intro = await api.nextMessage(group.id, mark, 20_000);
    expect(intro.payload.text).toMatch(/Câu đố ôn tập/);
    const first = await nextPoll(group.id, mark);

    for (const call of [first]) {
      const p = call.payload;
      expect(p.type).toBe("quiz");
      expect(p.is_anonymous).toBe(false);
      expect(p.open_period).toBe(OPEN_PERIOD);
      expect(p.question.length).toBeLessThanOrEqual(300);
      expect(p.options.length).toBeGreaterThanOrEqual(2);
      expect(p.options.length).toBeLessThanOrEqual(12);
      for (const o of p.options) expect((typeof o === "string" ? o : o.text).length).toBeLessThanOrEqual(100);
      expect(p.correct_option_ids).toHaveLength(1);
      expect(p.explanation.length).toBeLessThanOrEqual(200);
      expect(p.explanation).toMatch(/^Kết luận 69-KL\/TW, (mục \d|phần)/);
    }

    // A second /quiz while one runs is refused.
    const refused = await say(binh, "/quiz", group);
    expect(refused[0]!.payload.text).toMatch(/Đang có một câu đố/);

    const started = performance.now();
    let mark2 = api.calls.length;
    api.pollAnswer({ pollId: pollIdOf(first), from: an, optionIds: first.payload.correct_option_ids });
    api.pollAnswer({ pollId: pollIdOf(first), from: binh, optionIds: [wrongOf(first)] });
    const second = await nextPoll(group.id, mark2);
    // Everyone answered: the first poll is stopped and the second comes before the open period is over.
    expect(performance.now() - started).toBeLessThan(OPEN_PERIOD * 1000);
    expect(api.callsOf("stopPoll", mark2).length).toBe(1);

    mark2 = api.calls.length;
    api.pollAnswer({ pollId: pollIdOf(second), from: an, optionIds: second.payload.correct_option_ids });
    api.pollAnswer({ pollId: pollIdOf(second), from: binh, optionIds: [wrongOf(second)] });
    const results = await api.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === group.id && /Kết thúc câu đố/.test(c.payload.text), { from: mark2, timeoutMs: 15_000 });
    const text = results.payload.text as string;
    expect(text).toMatch(/1\. An: 2\/2 câu đúng/);
    expect(text).toMatch(/2\. Bình: 0\/2 câu đúng/);
    // Both questions were missed by half the players: the section to re-read is cited.
    expect(text).toMatch(/nên đọc lại/);
    expect(text).toMatch(/Kết luận số 69-KL\/TW ngày 11\/01\/2024 của Bộ Chính trị, (mục \d|phần)/);
  });

  it("/diem names who answered, with correct answers and sessions", async () => {
    const [board] = await say(binh, "/diem", group);
    expect(board!.payload.text).toMatch(/1\. An: 2 câu đúng \/ 2 câu trả lời, 1 lượt/);
    expect(board!.payload.text).toMatch(/2\. Bình: 0 câu đúng \/ 2 câu trả lời, 1 lượt/);
  });

  it("/quiz stop ends a running quiz with the results so far; in private the quiz starts too", async () => {
    const mark = api.calls.length;
    api.message({ chat: privateChat(an), from: an, text: "/quiz 3" });
    const poll = await nextPoll(an.id, mark);
    expect(poll.payload.type).toBe("quiz");
    const stopped = await say(an, "/quiz stop", privateChat(an));
    expect(stopped.map((c) => c.payload.text).join("\n")).toMatch(/Câu đố đã dừng/);
    const [none] = await say(an, "/quiz stop", privateChat(an));
    expect(none!.payload.text).toMatch(/Không có câu đố nào/);
  });

  it("scores survive a restart of the bot process", async () => {
    const { code } = await bot.stop("SIGTERM");
    expect(code).toBe(0);
    bot = spawnBot(env(), { entry: "src/main.ts", dataDir: bot.dataDir });
    await bot.waitForLog(/long polling started/, 60_000);
    const [board] = await say(an, "/diem", group);
    expect(board!.payload.text).toMatch(/An: 2 câu đúng/);
    expect(board!.payload.text).toMatch(/Bình: 0 câu đúng/);
  });
});
