/**
 * A quiz in a chat: quiz polls one after another, answers counted, scores kept, results at the end.
 *
 * Pacing: each poll stays open QUIZ_OPEN_PERIOD seconds (Telegram closes it). The next question comes when the poll
 * closes, or earlier when everyone expected has answered: in a private chat, the user; in a group, every member but
 * the bot (getChatMemberCount − 1). Then the open poll is stopped, so a late answer cannot change the result.
 *
 * State lives in the store (the running quiz with its items, poll id → quiz, scores, Leitner decks), so a restart
 * resumes every running quiz: `resume()` re-arms the timers from the stored closing times. All changes to one chat's
 * quiz run one after another (a per-chat queue): poll answers carry no chat and bypass the bot's per-chat ordering,
 * and timers fire outside any update.
 */
import { randomBytes } from "node:crypto";
import type { Knowledge } from "../assistant/knowledge.js";
import { escapeHtml } from "../text/html.js";
import type { Logger } from "../logger.js";
import { bankFor } from "./bank.js";
import { dueCards, emptyDeck, recordAnswer, startSession } from "./leitner.js";
import { renderLeaderboardHtml, renderResultsHtml } from "./render.js";
import { resolveTopic, selectItems } from "./select.js";
import { emptyScores, type ActiveQuiz, type QuizStore } from "./store.js";
import { TELEGRAM_LIMITS, type QuizItem } from "./types.js";

/** Questions per quiz: default and maximum. */
export const DEFAULT_QUESTIONS = 5;
export const MAX_QUESTIONS = 20;
/** Telegram accepts open_period of 5–600 seconds. */
export const MIN_OPEN_PERIOD = 5;
export const MAX_OPEN_PERIOD = 600;
/** Item ids remembered per chat to avoid repeating the last quizzes. */
const RECENT_ITEMS = 60;

export interface QuizTransport {
  sendPoll(chatId: number, poll: { question: string; options: string[]; correct: number[]; explanation: string; openPeriod: number }): Promise<{ pollId: string; messageId: number }>;
  stopPoll(chatId: number, messageId: number): Promise<void>;
  sendHtml(chatId: number, html: string): Promise<void>;
  /** People in the chat besides the bot, or null when unknown. */
  humans(chatId: number): Promise<number | null>;
}

export interface QuizGameOptions {
  store: QuizStore;
  transport: QuizTransport;
  /** The current Knowledge (changes on ingest; the bank follows it). Null: no corpus loaded. */
  knowledge: () => Knowledge | null;
  /** Seconds a poll stays open (clamped to Telegram's 5–600). */
  openPeriod: number;
  logger: Logger;
  /** Pause before the next question once everyone has answered, in ms (default 1500: time to read the explanation). */
  advanceDelayMs?: number;
  /** Wait after a poll's closing time before the next question, in ms (default 1000). */
  closeGraceMs?: number;
  now?: () => number;
}

export interface Player {
  id: number;
  name: string;
}

export type StartResult = { ok: true; quiz: ActiveQuiz } | { ok: false; message: string };

export const NO_BANK = "Chưa có văn bản nào để ra câu đố. Quản trị viên cần nạp kho văn bản trước (npm run ingest hoặc /reload).";

export class QuizGame {
  private readonly queues = new Map<number, Promise<unknown>>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private indexQueue: Promise<unknown> = Promise.resolve();
  private readonly openPeriod: number;
  private readonly now: () => number;

  constructor(private readonly o: QuizGameOptions) {
    this.openPeriod = Math.min(MAX_OPEN_PERIOD, Math.max(MIN_OPEN_PERIOD, Math.round(o.openPeriod)));
    this.now = o.now ?? Date.now;
  }

  /** Start a quiz of `n` questions (clamped to 1–20), optionally on a topic. */
  start(input: { chatId: number; isPrivate: boolean; user: Player; n: number; topic: string | null }): Promise<StartResult> {
    const kb = this.o.knowledge();
    if (!kb) return Promise.resolve({ ok: false, message: NO_BANK });
    const bank = bankFor(kb);
    const topic = input.topic ? resolveTopic(kb, bank, input.topic) : null;
    if (input.topic && !topic) {
      return Promise.resolve({
        ok: false,
        message: `Không có câu hỏi nào về “${input.topic}”. Thử theo số hiệu hoặc địa phương, ví dụ: /quiz 5 KL 69, /quiz Quảng Ngãi.`,
      });
    }
    const n = Math.min(MAX_QUESTIONS, Math.max(1, Math.floor(input.n)));
    return this.withChat(input.chatId, async () => {
      const running = await this.o.store.active.read(key(input.chatId));
      if (running) {
        return {
          ok: false,
          message: `Đang có một câu đố trong cuộc trò chuyện này (câu ${Math.max(1, running.index + 1)}/${running.items.length}). Gõ /quiz stop để dừng trước khi bắt đầu câu đố mới.`,
        } as const;
      }
      const scores = (await this.o.store.scores.read(key(input.chatId))) ?? emptyScores();
      let deck = input.isPrivate ? startSession((await this.o.store.decks.read(key(input.user.id))) ?? emptyDeck()) : null;
      const items = selectItems(bank, {
        n,
        topic,
        seed: `${input.chatId}:${scores.quizzes}:${deck?.session ?? 0}`,
        review: deck ? dueCards(deck) : [],
        maxReview: Math.ceil(n * 0.6),
        recent: scores.recent,
        seen: deck ? Object.keys(deck.cards) : [],
      });
      if (!items.length) return { ok: false, message: "Không có câu hỏi nào phù hợp." } as const;
      const reviews = deck ? items.filter((i) => deck!.cards[i.id]).length : 0;
      const expected = input.isPrivate ? 1 : await this.o.transport.humans(input.chatId).catch(() => null);
      const quiz: ActiveQuiz = {
        id: randomBytes(6).toString("base64url"),
        chatId: input.chatId,
        private: input.isPrivate,
        startedBy: input.user,
        topic: topic?.label ?? null,
        items,
        index: -1,
        current: null,
        answers: {},
        players: {},
        expected: expected && expected > 0 ? expected : null,
        startedAt: this.now(),
      };
      if (deck) await this.o.store.decks.write(key(input.user.id), deck);
      await this.o.store.active.write(key(input.chatId), quiz);
      await this.updateIndex((ids) => [...new Set([...ids, input.chatId])]);
      this.o.logger.info({ chat: input.chatId, quiz: quiz.id, questions: items.length, topic: quiz.topic, reviews, bank: bank.stats.total }, "quiz started");
      await this.o.transport.sendHtml(input.chatId, introHtml(quiz, n, this.openPeriod, reviews));
      await this.askNext(quiz);
      return { ok: true, quiz } as const;
    });
  }

  /** A poll_answer update. Answers to unknown or closed polls are ignored. */
  async answer(input: { pollId: string; user: Player; optionIds: number[] }): Promise<void> {
    const ref = await this.o.store.polls.read(input.pollId);
    if (!ref) return;
    await this.withChat(ref.chatId, async () => {
      const quiz = await this.o.store.active.read(key(ref.chatId));
      if (!quiz || quiz.id !== ref.quizId || quiz.index !== ref.index || !input.optionIds.length) return;
      const answers = (quiz.answers[String(ref.index)] ??= {});
      const uid = String(input.user.id);
      if (answers[uid]) return; // quiz polls allow one answer
      const item = quiz.items[ref.index]!;
      const correct = sameSet(input.optionIds, item.correct);
      answers[uid] = { option: input.optionIds[0]!, correct };
      quiz.players[uid] = input.user.name;
      await this.o.store.active.write(key(ref.chatId), quiz);

      const scores = (await this.o.store.scores.read(key(ref.chatId))) ?? emptyScores();
      const p = (scores.players[uid] ??= { name: input.user.name, correct: 0, answered: 0, sessions: 0, lastQuizId: null });
      p.name = input.user.name;
      p.answered++;
      if (correct) p.correct++;
      if (p.lastQuizId !== quiz.id) {
        p.sessions++;
        p.lastQuizId = quiz.id;
      }
      await this.o.store.scores.write(key(ref.chatId), scores);
      if (quiz.private) {
        const deck = (await this.o.store.decks.read(key(input.user.id))) ?? emptyDeck();
        await this.o.store.decks.write(key(input.user.id), recordAnswer(deck, item.id, correct));
      }

      if (quiz.expected && Object.keys(answers).length >= quiz.expected && quiz.current) {
        // Everyone answered: close this poll now and move on after a short pause.
        await this.o.transport.stopPoll(quiz.chatId, quiz.current.messageId).catch((err: unknown) => this.o.logger.debug({ err }, "stopPoll failed"));
        this.schedule(quiz.chatId, quiz.id, quiz.index, this.o.advanceDelayMs ?? 1500);
      }
    });
  }

  /** `/quiz stop`: close the open poll and post the results so far. False when no quiz runs. */
  stop(chatId: number): Promise<boolean> {
    return this.withChat(chatId, async () => {
      const quiz = await this.o.store.active.read(key(chatId));
      if (!quiz) return false;
      if (quiz.current) await this.o.transport.stopPoll(chatId, quiz.current.messageId).catch(() => undefined);
      await this.finish(quiz, true);
      return true;
    });
  }

  async leaderboardHtml(chatId: number): Promise<string> {
    return renderLeaderboardHtml(await this.o.store.scores.read(key(chatId)));
  }

  async isRunning(chatId: number): Promise<boolean> {
    return Boolean(await this.o.store.active.read(key(chatId)));
  }

  /** After a restart: re-arm the timer of every running quiz (a poll whose time is up moves on at once). */
  async resume(): Promise<number> {
    const ids = (await this.o.store.index.read("chats")) ?? [];
    let resumed = 0;
    for (const chatId of ids) {
      const quiz = await this.o.store.active.read(key(chatId));
      if (!quiz) {
        await this.updateIndex((list) => list.filter((c) => c !== chatId));
        continue;
      }
      const due = quiz.current ? quiz.current.closesAt + (this.o.closeGraceMs ?? 1000) - this.now() : 0;
      this.schedule(chatId, quiz.id, quiz.index, Math.max(0, due));
      resumed++;
    }
    if (resumed) this.o.logger.info({ quizzes: resumed }, "running quizzes resumed");
    return resumed;
  }

  /** Stop the timers (shutdown, tests). State stays in the store for `resume()`. */
  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  // ------------------------------------------------------------------ internals

  private async askNext(quiz: ActiveQuiz): Promise<void> {
    quiz.index++;
    if (quiz.index >= quiz.items.length) return this.finish(quiz, false);
    const item = quiz.items[quiz.index]!;
    const numbered = `${quiz.index + 1}/${quiz.items.length}. ${item.question}`;
    let sent: { pollId: string; messageId: number };
    try {
      sent = await this.o.transport.sendPoll(quiz.chatId, {
        question: numbered.length <= TELEGRAM_LIMITS.questionChars ? numbered : item.question,
        options: item.options,
        correct: item.correct,
        explanation: item.explanation,
        openPeriod: this.openPeriod,
      });
    } catch (err) {
      // The bot was removed, the chat is gone…: end this quiz rather than retry forever.
      this.o.logger.warn({ err, chat: quiz.chatId, quiz: quiz.id }, "sending a quiz poll failed; quiz ended");
      await this.o.store.active.delete(key(quiz.chatId));
    // Answers to a finished quiz are not counted: its poll entries would only grow the store.
    for (const pollId of quiz.pollIds ?? []) await this.o.store.polls.delete(pollId);
      await this.updateIndex((ids) => ids.filter((c) => c !== quiz.chatId));
      throw err;
    }
    quiz.current = { pollId: sent.pollId, messageId: sent.messageId, closesAt: this.now() + this.openPeriod * 1000 };
    await this.o.store.polls.write(sent.pollId, { chatId: quiz.chatId, quizId: quiz.id, index: quiz.index });
    quiz.pollIds = [...(quiz.pollIds ?? []), sent.pollId];
    await this.o.store.active.write(key(quiz.chatId), quiz);
    this.schedule(quiz.chatId, quiz.id, quiz.index, this.openPeriod * 1000 + (this.o.closeGraceMs ?? 1000));
  }

  private async finish(quiz: ActiveQuiz, stopped: boolean): Promise<void> {
    this.clearTimer(quiz.chatId);
    await this.o.store.active.delete(key(quiz.chatId));
    await this.updateIndex((ids) => ids.filter((c) => c !== quiz.chatId));
    const scores = (await this.o.store.scores.read(key(quiz.chatId))) ?? emptyScores();
    scores.quizzes++;
    const asked = quiz.items.slice(0, Math.max(0, quiz.index + 1)).map((i) => i.id);
    scores.recent = [...scores.recent.filter((id) => !asked.includes(id)), ...asked].slice(-RECENT_ITEMS);
    await this.o.store.scores.write(key(quiz.chatId), scores);
    this.o.logger.info({ chat: quiz.chatId, quiz: quiz.id, stopped, players: Object.keys(quiz.players).length }, "quiz finished");
    await this.o.transport.sendHtml(quiz.chatId, renderResultsHtml(quiz, stopped));
  }

  private schedule(chatId: number, quizId: string, index: number, ms: number): void {
    this.clearTimer(chatId);
    const timer = setTimeout(() => {
      this.timers.delete(chatId);
      void this.withChat(chatId, async () => {
        const quiz = await this.o.store.active.read(key(chatId));
        if (!quiz || quiz.id !== quizId || quiz.index !== index) return;
        await this.askNext(quiz);
      }).catch((err: unknown) => this.o.logger.error({ err, chat: chatId }, "quiz step failed"));
    }, ms);
    // Timers never keep the process alive: on restart, resume() re-arms them from the store.
    timer.unref();
    this.timers.set(chatId, timer);
  }

  private clearTimer(chatId: number): void {
    const t = this.timers.get(chatId);
    if (t) clearTimeout(t);
    this.timers.delete(chatId);
  }

  private withChat<T>(chatId: number, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(chatId) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    this.queues.set(chatId, next);
    const done = () => {
      if (this.queues.get(chatId) === next) this.queues.delete(chatId);
    };
    next.then(done, done);
    return next;
  }

  private updateIndex(change: (ids: number[]) => number[]): Promise<void> {
    const next = this.indexQueue
      .catch(() => undefined)
      .then(async () => {
        const ids = (await this.o.store.index.read("chats")) ?? [];
        await this.o.store.index.write("chats", change(ids));
      });
    this.indexQueue = next;
    return next;
  }
}

const key = (id: number) => String(id);

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function introHtml(quiz: ActiveQuiz, asked: number, openPeriod: number, reviews: number): string {
  const total = quiz.items.length;
  const lines = [
    `<b>Câu đố ôn tập</b>: ${total} câu${quiz.topic ? ` về ${escapeHtml(quiz.topic)}` : ""}.`,
    total < asked ? `(Ngân hàng câu hỏi${quiz.topic ? " cho chủ đề này" : ""} chỉ có ${total} câu phù hợp.)` : null,
    reviews ? `Có ${reviews} câu ôn lại từ những lần trước đồng chí trả lời sai hoặc đến hạn ôn.` : null,
    `Mỗi câu mở trong ${openPeriod} giây; câu tiếp theo đến khi hết giờ hoặc ${quiz.private ? "ngay khi đồng chí trả lời" : "khi mọi người trong nhóm đã trả lời"}.`,
    "Dừng: /quiz stop. Bảng điểm: /diem.",
  ];
  return lines.filter(Boolean).join("\n");
}

/** What /quiz was given: "stop", or an optional count and an optional topic ("/quiz 10 KL 69"). */
export function parseQuizArgs(raw: string): { stop: true } | { stop: false; n: number; topic: string | null; clamped: boolean } {
  const text = raw.normalize("NFC").trim();
  if (/^(stop|dừng|dung|huỷ|hủy|huy|kết thúc|ket thuc)$/iu.test(text)) return { stop: true };
  const m = /^(\d{1,4})(?:\s+([\s\S]*))?$/u.exec(text);
  if (m) {
    const asked = Number(m[1]);
    const n = Math.min(MAX_QUESTIONS, Math.max(1, asked));
    return { stop: false, n, topic: m[2]?.trim() || null, clamped: n !== asked };
  }
  return { stop: false, n: DEFAULT_QUESTIONS, topic: text || null, clamped: false };
}

export type { QuizItem };
