/**
 * The quiz engine with an in-memory store and a recording transport (no Telegram): pacing, scores, results,
 * one quiz per chat, spaced repetition in private, and resuming after a restart.
 */
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QuizGame, parseSessionArgs, type QuizTransport } from "../../src/quiz/game.js";
import { memoryQuizStore, type QuizStore } from "../../src/quiz/store.js";
import { smallKnowledge } from "./fixtures.js";

interface SentPoll {
  chatId: number;
  pollId: string;
  messageId: number;
  question: string;
  options: string[];
  correct: number[];
  explanation: string;
  openPeriod: number;
}

function recorder(humans: number | null = 2) {
  const polls: SentPoll[] = [];
  const messages: { chatId: number; html: string }[] = [];
  const stopped: number[] = [];
  let next = 1;
  const transport: QuizTransport = {
    async sendPoll(chatId, poll) {
      const sent = { chatId, pollId: `p${next}`, messageId: next++, ...poll };
      polls.push(sent);
      return { pollId: sent.pollId, messageId: sent.messageId };
    },
    async stopPoll(_chatId, messageId) {
      stopped.push(messageId);
    },
    async sendHtml(chatId, html) {
      messages.push({ chatId, html });
    },
    async humans() {
      return humans;
    },
  };
  return { transport, polls, messages, stopped };
}

const kb = smallKnowledge();
const logger = pino({ level: "silent" });
const an = { id: 1, name: "An" };
const binh = { id: 2, name: "Bình" };
const GROUP = -100;

function game(store: QuizStore, transport: QuizTransport) {
  return new QuizGame({ store, transport, knowledge: () => kb, openPeriod: 10, logger, advanceDelayMs: 0, closeGraceMs: 0 });
}

const wrong = (p: SentPoll) => [(p.correct[0]! + 1) % p.options.length];

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("quiz game", () => {
  it("in a group: polls one after another, next at once when everyone answered, results cite what to re-read", async () => {
    const store = memoryQuizStore();
    const r = recorder(2);
    const g = game(store, r.transport);
    const started = await g.start({ chatId: GROUP, isPrivate: false, user: an, n: 2, topic: "KL 1" });
    expect(started.ok).toBe(true);
    expect(r.messages[0]!.html).toMatch(/Câu đố ôn tập<\/b>: 2 câu về Kết luận 1-KL\/TW/);
    expect(r.polls).toHaveLength(1);
    expect(r.polls[0]!.question).toMatch(/^1\/2\. /);
    expect(r.polls[0]!.openPeriod).toBe(10);

    // One answer is not everyone: no next poll yet. Answering twice counts once.
    await g.answer({ pollId: "p1", user: an, optionIds: r.polls[0]!.correct });
    await g.answer({ pollId: "p1", user: an, optionIds: wrong(r.polls[0]!) });
    await vi.advanceTimersByTimeAsync(0);
    expect(r.polls).toHaveLength(1);
    await g.answer({ pollId: "p1", user: binh, optionIds: wrong(r.polls[0]!) });
    await vi.advanceTimersByTimeAsync(0);
    expect(r.stopped).toEqual([1]);
    expect(r.polls).toHaveLength(2);

    await g.answer({ pollId: "p2", user: an, optionIds: r.polls[1]!.correct });
    await g.answer({ pollId: "p2", user: binh, optionIds: r.polls[1]!.correct });
    await vi.advanceTimersByTimeAsync(0);
    const results = r.messages[r.messages.length - 1]!.html;
    expect(results).toMatch(/Kết thúc câu đố/);
    expect(results).toMatch(/1\. An: 2\/2 câu đúng\n2\. Bình: 1\/2 câu đúng/);
    expect(results).toMatch(/Câu 1 \(1\/2 sai\)/);
    expect(results).toMatch(/Kết luận số 1-KL\/TW ngày 11\/01\/2024 của Bộ Chính trị, (mục \d|phần)/);
    expect(results).not.toMatch(/Câu 2 \(/);

    const board = await g.leaderboardHtml(GROUP);
    expect(board).toMatch(/1\. An: 2 câu đúng \/ 2 câu trả lời, 1 lượt/);
    expect(board).toMatch(/2\. Bình: 1 câu đúng \/ 2 câu trả lời, 1 lượt/);
    expect(await g.isRunning(GROUP)).toBe(false);
  });

  it("moves on when the poll closes, even if nobody answers; one quiz per chat; /quiz stop", async () => {
    const r = recorder(null);
    const g = game(memoryQuizStore(), r.transport);
    await g.start({ chatId: GROUP, isPrivate: false, user: an, n: 3, topic: null });
    const again = await g.start({ chatId: GROUP, isPrivate: false, user: binh, n: 3, topic: null });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/Đang có một câu đố/) });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(r.polls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(r.polls).toHaveLength(2);
    // An answer to the closed poll is not counted.
    await g.answer({ pollId: "p1", user: an, optionIds: r.polls[0]!.correct });
    expect(await g.stop(GROUP)).toEqual({ ok: true, message: null });
    expect(r.stopped).toEqual([2]);
    expect(r.messages[r.messages.length - 1]!.html).toMatch(/Câu đố đã dừng<\/b> \(2\/3 câu\)[\s\S]*Chưa có ai trả lời/);
    expect(await g.stop(GROUP)).toMatchObject({ ok: false, message: expect.stringMatching(/Không có câu đố hay buổi ôn thi nào/) });
  });

  it("says what to do for an unknown topic and when no corpus is loaded", async () => {
    const r = recorder();
    const g = game(memoryQuizStore(), r.transport);
    const res = await g.start({ chatId: GROUP, isPrivate: false, user: an, n: 3, topic: "vũ trụ học" });
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/Không có câu hỏi nào về “vũ trụ học”.*\/quiz 5 KL 69/) });
    const empty = new QuizGame({ store: memoryQuizStore(), transport: r.transport, knowledge: () => null, openPeriod: 30, logger });
    expect(await empty.start({ chatId: GROUP, isPrivate: false, user: an, n: 3, topic: null })).toMatchObject({ ok: false, message: expect.stringMatching(/Chưa có văn bản/) });
    expect(r.polls).toHaveLength(0);
  });

  it("in private, a question the user missed comes back in the next quiz", async () => {
    const store = memoryQuizStore();
    const r = recorder();
    const g = game(store, r.transport);
    await g.start({ chatId: an.id, isPrivate: true, user: an, n: 2, topic: null });
    const missed = r.polls[0]!;
    await g.answer({ pollId: missed.pollId, user: an, optionIds: wrong(missed) });
    await vi.advanceTimersByTimeAsync(0);
    await g.answer({ pollId: r.polls[1]!.pollId, user: an, optionIds: r.polls[1]!.correct });
    await vi.advanceTimersByTimeAsync(0);
    expect(await g.isRunning(an.id)).toBe(false);

    const before = r.polls.length;
    await g.start({ chatId: an.id, isPrivate: true, user: an, n: 2, topic: null });
    expect(r.polls[before]!.question.replace(/^\d+\/\d+\. /, "")).toBe(missed.question.replace(/^\d+\/\d+\. /, ""));
    expect(r.messages.find((m) => /câu ôn lại/.test(m.html))).toBeDefined();
    // The question answered correctly waits (box 2: due after two sessions).
    expect(r.polls.slice(before).map((p) => p.question.replace(/^\d+\/\d+\. /, ""))).not.toContain(r.polls[1]!.question.replace(/^\d+\/\d+\. /, ""));
  });

  it("resumes a running quiz after a restart from the stored closing time", async () => {
    const store = memoryQuizStore();
    const first = recorder(null);
    const g1 = game(store, first.transport);
    await g1.start({ chatId: GROUP, isPrivate: false, user: an, n: 2, topic: null });
    await g1.answer({ pollId: "p1", user: binh, optionIds: first.polls[0]!.correct });
    g1.close(); // the process stops: timers are gone, state is in the store

    const second = recorder(null);
    const g2 = game(store, second.transport);
    expect(await g2.resume()).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(second.polls).toHaveLength(1);
    expect(second.polls[0]!.question).toMatch(/^2\/2\. /);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(second.messages[second.messages.length - 1]!.html).toMatch(/Kết thúc câu đố[\s\S]*1\. Bình: 1\/2 câu đúng/);
    expect(await g2.resume()).toBe(0);
  });

  it("a study session: its pace, only its host (or an admin) pauses and resumes, a pause survives a restart", async () => {
    const store = memoryQuizStore();
    const r = recorder(2);
    const g = new QuizGame({ store, transport: r.transport, knowledge: () => kb, openPeriod: 10, logger, advanceDelayMs: 0, closeGraceMs: 0, admins: [99] });
    const started = await g.start({ chatId: GROUP, isPrivate: false, user: an, n: 3, topic: "KL 1", mode: "session", openPeriod: 45 });
    expect(started.ok).toBe(true);
    expect(r.messages[0]!.html).toMatch(/Buổi ôn thi<\/b>: 3 câu về Kết luận 1-KL\/TW, chủ trì: An/);
    expect(r.messages[0]!.html).toMatch(/trải trên \d\/\d phần của văn bản/);
    expect(r.polls[0]!.openPeriod).toBe(45);

    expect(await g.pause(GROUP, binh)).toMatchObject({ ok: false, message: expect.stringMatching(/Chỉ người bắt đầu buổi ôn thi \(An\)/) });
    expect(await g.stop(GROUP, binh)).toMatchObject({ ok: false });
    expect(await g.pause(GROUP, an)).toMatchObject({ ok: true, message: expect.stringMatching(/Đã tạm dừng sau câu 1\/3/) });
    expect(r.stopped).toEqual([1]);
    // Paused: the poll's time runs out and nothing comes; a restart does not start it again either.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.polls).toHaveLength(1);
    g.close();
    const r2 = recorder(2);
    const g2 = new QuizGame({ store, transport: r2.transport, knowledge: () => kb, openPeriod: 10, logger, advanceDelayMs: 0, closeGraceMs: 0, admins: [99] });
    expect(await g2.resume()).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r2.polls).toHaveLength(0);
    expect(await g2.scoreHtml(GROUP, an.id)).toMatch(/Buổi ôn thi đang diễn ra<\/b> \(câu 1\/3, đang tạm dừng\)/);
    // An admin may resume someone else's session; the next question keeps the session's pace.
    expect(await g2.resumeQuiz(GROUP, { id: 99, name: "Quản trị" })).toMatchObject({ ok: true });
    expect(r2.polls).toHaveLength(1);
    expect(r2.polls[0]!.question).toMatch(/^2\/3\. /);
    expect(r2.polls[0]!.openPeriod).toBe(45);
    await g2.answer({ pollId: r2.polls[0]!.pollId, user: an, optionIds: r2.polls[0]!.correct });
    await g2.answer({ pollId: r2.polls[0]!.pollId, user: binh, optionIds: wrong(r2.polls[0]!) });
    await vi.advanceTimersByTimeAsync(0);
    await g2.answer({ pollId: r2.polls[1]!.pollId, user: an, optionIds: r2.polls[1]!.correct });
    await g2.answer({ pollId: r2.polls[1]!.pollId, user: binh, optionIds: r2.polls[1]!.correct });
    await vi.advanceTimersByTimeAsync(0);
    const results = r2.messages.at(-1)!.html;
    expect(results).toMatch(/Kết thúc buổi ôn thi<\/b> \(3\/3 câu/);
    expect(results).toMatch(/Bảng xếp hạng<\/b>\n1\. An: 2\/3 câu đúng\n2\. Bình: 1\/3 câu đúng/);
    // The session is kept: /diem shows it, all time, and the asker's own totals.
    const board = await g2.scoreHtml(GROUP, binh.id);
    expect(board).toMatch(/Buổi ôn thi gần nhất<\/b> \([^)]*Kết luận 1-KL\/TW, 3 câu, chủ trì: An\)\n1\. An: 2\/3/);
    expect(board).toMatch(/Của đồng chí \(mọi nhóm\)<\/b>: 1 câu đúng \/ 2 câu trả lời, 1 lượt/);
    g2.close();
  });

  it("parses /onthi arguments: control words, count, pace, topic", () => {
    expect(parseSessionArgs("tạm dừng")).toEqual({ action: "pause" });
    expect(parseSessionArgs("tiep")).toEqual({ action: "resume" });
    expect(parseSessionArgs("dừng")).toEqual({ action: "stop" });
    expect(parseSessionArgs("")).toEqual({ action: "start", n: 10, topic: null, clamped: false, openPeriod: null });
    expect(parseSessionArgs("15 45s KL 69")).toEqual({ action: "start", n: 15, topic: "KL 69", clamped: false, openPeriod: 45 });
    expect(parseSessionArgs("KL 69 60 giây")).toEqual({ action: "start", n: 10, topic: "KL 69", clamped: false, openPeriod: 60 });
    expect(parseSessionArgs("50 Nghị quyết 20")).toMatchObject({ n: 20, clamped: true, topic: "Nghị quyết 20" });
  });
});
