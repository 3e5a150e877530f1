/**
 * The quiz and the study session end to end: the real bot process (src/main.ts, real corpus) against the loopback
 * fake Bot API. The question bank is built off the event loop at start: another chat's question is answered while
 * it builds, and SIGTERM stops the bot in the middle of a build. /onthi in a group: paced native quiz polls drawn
 * across Kết luận 69's parts, only the host pauses, the bot restarts in the middle and the session goes on (answers
 * given before the restart still count), a leaderboard and a review with citations at the end, /diem shows the
 * session and all time. /quiz: polls, poll answers, next at once when everyone answered, results, /quiz stop.
 */
import type { Chat } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBot, type BotProcess } from "../bot/bot-process.js";
import { FakeBotApi, groupChat, privateChat, user, type RecordedCall } from "../bot/fake-bot-api.js";

const an = user(2001, "An");
const binh = user(2002, "Bình");
const chi = user(2003, "Chi");
const group = groupChat(-100888, "Chi bộ ôn tập");
const cell = groupChat(-100999, "Chi bộ 2");
const OPEN_PERIOD = 5;

let api: FakeBotApi;
let bot: BotProcess;

// corpus-dev too: twelve documents make a bank whose build takes long enough to watch the bot work meanwhile.
const env = () => ({
  TELEGRAM_BOT_TOKEN: api.token,
  TELEGRAM_API_ROOT: api.apiRoot,
  QUIZ_OPEN_PERIOD: String(OPEN_PERIOD),
  RATE_LIMIT_PER_MINUTE: "200",
  CORPUS_DIRS: "corpus,../shared/corpus-extra,../shared/corpus-dev",
});
const BANK_BUILT = /"msg":"quiz bank built"/;

async function say(from: typeof an, text: string, chat: Chat): Promise<RecordedCall[]> {
  const mark = api.calls.length;
  api.message({ chat, from, text });
  return api.messagesUntilQuiet(chat.id, mark, 300, 30_000);
}

const nextPoll = (chatId: number, from: number) => api.waitFor((c) => c.method === "sendPoll" && c.payload.chat_id === chatId, { from, timeoutMs: 30_000 });
const message = (chatId: number, re: RegExp, from: number) => api.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === chatId && re.test(c.payload.text), { from, timeoutMs: 30_000 });
const pollIdOf = (call: RecordedCall) => [...api.polls.values()].find((p) => p.chat_id === call.payload.chat_id && p.poll.question === call.payload.question)!.poll.id as string;
const wrongOf = (call: RecordedCall) => (call.payload.correct_option_ids[0] + 1) % call.payload.options.length;

/**
 * Stop the bot and start it again on the same DATA_DIR. A long poll the stopped process left open would make the
 * fake answer the new one with 409; an update flushes it (it is delivered again to the new process: a /help to Chi).
 */
async function restart(): Promise<void> {
  const { code } = await bot.stop("SIGTERM");
  expect(code).toBe(0);
  api.message({ chat: privateChat(chi), from: chi, text: "/help" });
  bot = spawnBot(env(), { entry: "src/main.ts", dataDir: bot.dataDir });
  await bot.waitForLog(/long polling started/, 60_000);
}

beforeAll(async () => {
  api = await FakeBotApi.start();
  api.memberCounts.set(group.id, 3); // the bot, An and Bình
  api.memberCounts.set(cell.id, 3);
  bot = spawnBot(env(), { entry: "src/main.ts" });
  await bot.waitForLog(/long polling started/, 60_000);
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await api?.close();
});

describe("study session /onthi (end to end)", () => {
  it("answers another chat while the bank is built; the session starts when it is ready", async () => {
    expect(bot.output()).not.toMatch(BANK_BUILT);
    const mark = api.calls.length;
    api.message({ chat: group, from: an, text: "/onthi 3 7s KL 69" });
    expect((await api.nextMessage(group.id, mark, 30_000)).payload.text).toMatch(/Đang chuẩn bị câu đố/);
    api.message({ chat: privateChat(chi), from: chi, text: "Ai ký Kết luận 69-KL/TW?" });
    const answer = await api.nextMessage(chi.id, mark, 30_000);
    expect(answer.payload.text).toMatch(/Trương Thị Mai/);
    // Answered while the bank was still being built: the event loop was free.
    expect(bot.output()).not.toMatch(BANK_BUILT);
    await message(group.id, /Buổi ôn thi/, mark);
    expect(bot.output()).toMatch(BANK_BUILT);
  });

  it("runs a paced session across Kết luận 69, paused only by its host, through a restart, to a leaderboard and a review", async () => {
    const intro = await message(group.id, /Buổi ôn thi/, 0);
    let mark = intro.index;
    expect(intro.payload.text).toMatch(/3 câu về Kết luận 69-KL\/TW, chủ trì: An/);
    // The session says how much of the document it covers.
    expect(intro.payload.text).toMatch(/trải trên 3\/7 phần của văn bản \(ngân hàng có câu hỏi cho 7\/7 phần\)/);
    expect(intro.payload.text).toMatch(/Mỗi câu mở trong 7 giây/);
    const first = await nextPoll(group.id, mark);
    expect(first.payload.type).toBe("quiz");
    expect(first.payload.open_period).toBe(7);
    expect(first.payload.question).toMatch(/^1\/3\. /);
    expect(first.payload.explanation).toMatch(/^Kết luận 69-KL\/TW, mục [1-7]: “/);

    // Bình answers wrong, An right; then Bình (not the host) cannot pause, An can.
    api.pollAnswer({ pollId: pollIdOf(first), from: binh, optionIds: [wrongOf(first)] });
    const [refused] = await say(binh, "/onthi tạm dừng", group);
    expect(refused!.payload.text).toMatch(/Chỉ người bắt đầu buổi ôn thi \(An\)/);
    mark = api.calls.length;
    const paused = await say(an, "/onthi tạm dừng", group);
    expect(paused.map((c) => c.payload.text).join("\n")).toMatch(/Đã tạm dừng sau câu 1\/3/);
    expect(api.callsOf("stopPoll", mark)).toHaveLength(1);
    const [during] = await say(binh, "/diem", group);
    expect(during!.payload.text).toMatch(/Buổi ôn thi đang diễn ra<\/b> \(câu 1\/3, đang tạm dừng\)\n1\. Bình: 0\/1 câu đúng/);

    // The bot restarts in the middle: the paused session waits, then goes on when the host resumes.
    await restart();
    mark = api.calls.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(api.callsOf("sendPoll", mark)).toHaveLength(0);
    api.message({ chat: group, from: an, text: "/onthi tiếp" });
    const second = await nextPoll(group.id, mark);
    expect(second.payload.question).toMatch(/^2\/3\. /);
    // Everyone answers: the next question comes at once.
    mark = api.calls.length;
    api.pollAnswer({ pollId: pollIdOf(second), from: an, optionIds: second.payload.correct_option_ids });
    api.pollAnswer({ pollId: pollIdOf(second), from: binh, optionIds: [wrongOf(second)] });
    const third = await nextPoll(group.id, mark);
    mark = api.calls.length;
    api.pollAnswer({ pollId: pollIdOf(third), from: an, optionIds: third.payload.correct_option_ids });
    api.pollAnswer({ pollId: pollIdOf(third), from: binh, optionIds: third.payload.correct_option_ids });

    const results = (await message(group.id, /Kết thúc buổi ôn thi/, mark)).payload.text as string;
    expect(results).toMatch(/Bảng xếp hạng<\/b>\n1\. An: 2\/3 câu đúng\n2\. Bình: 1\/3 câu đúng/);
    // The items most people missed, each with its citation: question 2 (Bình wrong, An right) is half missed.
    expect(results).toMatch(/nên đọc lại<\/b>\n• Câu 1 \(1\/1 sai\)[\s\S]*Đáp án: [\s\S]*Kết luận số 69-KL\/TW ngày 11\/01\/2024 của Bộ Chính trị, (mục [1-7]|phần)/);
    expect(results).toMatch(/• Câu 2 \(1\/2 sai\)/);
    expect(results).not.toMatch(/• Câu 3 /);

    const [after] = await say(binh, "/diem", group);
    const board = after!.payload.text as string;
    expect(board).toMatch(/Buổi ôn thi gần nhất<\/b> \([^)]*Kết luận 69-KL\/TW, 3 câu, chủ trì: An\)\n1\. An: 2\/3 câu đúng\n2\. Bình: 1\/3 câu đúng/);
    expect(board).toMatch(/Bảng điểm từ trước đến nay[\s\S]*1\. An: 2 câu đúng \/ 2 câu trả lời, 1 lượt/);
    expect(board).toMatch(/Của đồng chí \(mọi nhóm\)<\/b>: 1 câu đúng \/ 3 câu trả lời, 1 lượt/);
  });
});

describe("quiz (end to end)", () => {
  it("/quiz in a group sends quiz polls, counts poll answers, moves on when everyone answered, posts results", async () => {
    const mark = api.calls.length;
    api.message({ chat: cell, from: an, text: "/quiz 2 KL 69" });
    const intro = await message(cell.id, /Câu đố ôn tập/, mark);
    expect(intro.payload.text).toMatch(/2 câu về Kết luận 69-KL\/TW/);
    const first = await nextPoll(cell.id, mark);
    const p = first.payload;
    expect(p.type).toBe("quiz");
    expect(p.is_anonymous).toBe(false);
    expect(p.open_period).toBe(OPEN_PERIOD);
    expect(p.question.length).toBeLessThanOrEqual(300);
    expect(p.options.length).toBeGreaterThanOrEqual(2);
    expect(p.options.length).toBeLessThanOrEqual(12);
    for (const o of p.options) expect((typeof o === "string" ? o : o.text).length).toBeLessThanOrEqual(100);
    expect(p.correct_option_ids).toHaveLength(1);
    expect(p.explanation.length).toBeLessThanOrEqual(200);

    // A second /quiz while one runs is refused.
    const refused = await say(chi, "/quiz", cell);
    expect(refused[0]!.payload.text).toMatch(/Đang có một câu đố/);

    const started = performance.now();
    let mark2 = api.calls.length;
    api.pollAnswer({ pollId: pollIdOf(first), from: an, optionIds: first.payload.correct_option_ids });
    api.pollAnswer({ pollId: pollIdOf(first), from: chi, optionIds: [wrongOf(first)] });
    const second = await nextPoll(cell.id, mark2);
    // Everyone answered: the first poll is stopped and the second comes before the open period is over.
    expect(performance.now() - started).toBeLessThan(OPEN_PERIOD * 1000);
    expect(api.callsOf("stopPoll", mark2).length).toBe(1);

    mark2 = api.calls.length;
    api.pollAnswer({ pollId: pollIdOf(second), from: an, optionIds: second.payload.correct_option_ids });
    api.pollAnswer({ pollId: pollIdOf(second), from: chi, optionIds: [wrongOf(second)] });
    const text = (await message(cell.id, /Kết thúc câu đố/, mark2)).payload.text as string;
    expect(text).toMatch(/1\. An: 2\/2 câu đúng/);
    expect(text).toMatch(/2\. Chi: 0\/2 câu đúng/);
    expect(text).toMatch(/nên đọc lại/);
    expect(text).toMatch(/Kết luận số 69-KL\/TW ngày 11\/01\/2024 của Bộ Chính trị, (mục \d|phần)/);
  });

  it("/quiz stop ends a running quiz with the results so far; in private the quiz starts too", async () => {
    const mark = api.calls.length;
    api.message({ chat: privateChat(an), from: an, text: "/quiz 3" });
    const poll = await nextPoll(an.id, mark);
    expect(poll.payload.type).toBe("quiz");
    const stopped = await say(an, "/quiz stop", privateChat(an));
    expect(stopped.map((c) => c.payload.text).join("\n")).toMatch(/Câu đố đã dừng/);
    const [none] = await say(an, "/quiz stop", privateChat(an));
    expect(none!.payload.text).toMatch(/Không có câu đố hay buổi ôn thi nào/);
  });

  it("stops at once on SIGTERM while the bank is being built", async () => {
    await restart();
    await bot.waitForLog(/quiz bank build started/, 30_000);
    const { code, ms } = await bot.stop("SIGTERM");
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    expect(bot.output()).not.toMatch(BANK_BUILT);
  });
});
