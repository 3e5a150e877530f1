/**
 * A quiz or a study session in a chat: quiz polls one after another, answers counted, scores kept, results at the end.
 *
 * Two modes on one engine: /quiz, a quick round; /onthi, a study session for a group (issue 13) — paced (each poll's
 * open period is the session's, default QUIZ_OPEN_PERIOD), drawn across all parts of the document, paused, resumed
 * and stopped by its host (or an admin), ended with a leaderboard and a review of the items most people missed, and
 * kept in the chat's history. Results are kept per chat and per person.
 *
 * Pacing: each poll stays open for the quiz's open period (Telegram closes it). The next question comes when the poll
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
import type { Logger } from "../logger.js";
import { coverageOf, extendBank, type QuizBank } from "./bank.js";
import { QuizBanks } from "./build.js";
import { corpusPart, topPart } from "./corpus.js";
import { admitGenerated, type QuizItemWriter } from "./generated.js";
import { PhraseIndex } from "./attested.js";
import { dueCards, emptyDeck, recordAnswer, startSession } from "./leitner.js";
import { introHtml, outcomeOf, renderLeaderboardHtml, renderResultsHtml, renderScoreHtml } from "./render.js";
import { resolveTopic, selectItems } from "./select.js";
import { emptyScores, type ActiveQuiz, type QuizMode, type QuizStore } from "./store.js";
import { TELEGRAM_LIMITS, type QuizItem } from "./types.js";

/** Questions per quiz: default and maximum. A study session is longer by default: a meeting's worth of questions. */
export const DEFAULT_QUESTIONS = 5;
export const DEFAULT_SESSION_QUESTIONS = 10;
export const MAX_QUESTIONS = 20;
/** Telegram accepts open_period of 5–600 seconds. */
export const MIN_OPEN_PERIOD = 5;
export const MAX_OPEN_PERIOD = 600;
/** Item ids remembered per chat to avoid repeating the last quizzes. */
const RECENT_ITEMS = 60;
/** Sections a study session asks the chat model about at most (each is one request, the group is waiting). */
const MAX_GENERATED_SECTIONS = 3;
/** Finished study sessions kept per chat (what /diem shows is the last one). */
const SESSIONS_KEPT = 10;

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
  /** Where banks are built (off the event loop in the bot). Default: on this thread. */
  banks?: Pick<QuizBanks, "bankFor" | "peek">;
  /** Seconds a poll stays open by default (clamped to Telegram's 5–600). */
  openPeriod: number;
  /** Users who may pause or stop any study session besides its host (the bot's admins). */
  admins?: readonly number[];
  /**
   * A chat model that writes items (CHAT_MODEL configured): a study session on a document asks it for the parts the
   * bank has no item for, and admits what passes every check. Absent: items come from the text alone.
   */
  writer?: QuizItemWriter | null;
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
export type ControlResult = { ok: boolean; message: string | null };

export const NOTHING_RUNS = "Không có câu đố hay buổi ôn thi nào đang diễn ra. Gõ /quiz hoặc /onthi để bắt đầu.";

export const NO_BANK = "Chưa có văn bản nào để ra câu đố. Quản trị viên cần nạp kho văn bản trước (npm run ingest hoặc /reload).";

export class QuizGame {
  private readonly queues = new Map<number, Promise<unknown>>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private indexQueue: Promise<unknown> = Promise.resolve();
  private readonly openPeriod: number;
  private readonly now: () => number;
  private readonly banks: Pick<QuizBanks, "bankFor" | "peek">;
  /** Sections the chat model was asked about, per bank: asked once, whatever it answered. */
  private readonly asked = new WeakMap<QuizBank, Set<string>>();

  constructor(private readonly o: QuizGameOptions) {
    this.openPeriod = clampPeriod(o.openPeriod);
    this.now = o.now ?? Date.now;
    this.banks = o.banks ?? new QuizBanks({ threads: 0 });
  }

  /** Is the bank of the current corpus built (a quiz starts at once)? */
  bankReady(): boolean {
    const kb = this.o.knowledge();
    return !kb || this.banks.peek(kb) !== null;
  }

  /**
   * Start a quiz or a study session of `n` questions (clamped to 1–20), optionally on a topic and at a pace (seconds
   * per question). Waits for the bank when it is still being built.
   */
  async start(input: { chatId: number; isPrivate: boolean; user: Player; n: number; topic: string | null; mode?: QuizMode; openPeriod?: number | null }): Promise<StartResult> {
    const kb = this.o.knowledge();
    if (!kb) return { ok: false, message: NO_BANK };
    const mode = input.mode ?? "quiz";
    const command = mode === "session" ? "/onthi" : "/quiz";
    const bank = await this.banks.bankFor(kb);
    const topic = input.topic ? resolveTopic(kb, bank, input.topic) : null;
    if (input.topic && !topic) {
      return {
        ok: false,
        message: `Không có câu hỏi nào về “${input.topic}”. Thử theo số hiệu hoặc địa phương, ví dụ: ${command} 5 KL 69, ${command} Quảng Ngãi.`,
      };
    }
    const n = Math.min(MAX_QUESTIONS, Math.max(1, Math.floor(input.n)));
    if (mode === "session" && topic?.documentId && this.o.writer) await this.fillGaps(kb, bank, topic.documentId);
    return this.withChat(input.chatId, async () => {
      const running = await this.o.store.active.read(key(input.chatId));
      if (running) {
        const what = running.mode === "session" ? "một buổi ôn thi" : "một câu đố";
        const stop = running.mode === "session" ? "/onthi dừng" : "/quiz stop";
        return {
          ok: false,
          message: `Đang có ${what} trong cuộc trò chuyện này (câu ${Math.max(1, running.index + 1)}/${running.items.length}). Gõ ${stop} để dừng trước khi bắt đầu lượt mới.`,
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
        mode,
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
        openPeriod: clampPeriod(input.openPeriod ?? this.openPeriod),
        paused: false,
      };
      if (deck) await this.o.store.decks.write(key(input.user.id), deck);
      await this.o.store.active.write(key(input.chatId), quiz);
      await this.updateIndex((ids) => [...new Set([...ids, input.chatId])]);
      this.o.logger.info({ chat: input.chatId, quiz: quiz.id, mode, questions: items.length, topic: quiz.topic, reviews, bank: bank.stats.total }, "quiz started");
      const coverage = topic?.documentId ? { session: coverageOf(kb, topic.documentId, items), bank: coverageOf(kb, topic.documentId, bank.items.filter(topic.matches)) } : null;
      await this.o.transport.sendHtml(input.chatId, introHtml(quiz, n, reviews, coverage));
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
      const person = (await this.o.store.people.read(uid)) ?? { name: input.user.name, correct: 0, answered: 0, sessions: 0, lastQuizId: null };
      person.name = input.user.name;
      person.answered++;
      if (correct) person.correct++;
      if (person.lastQuizId !== quiz.id) {
        person.sessions++;
        person.lastQuizId = quiz.id;
      }
      await this.o.store.people.write(uid, person);
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

  /** `/quiz stop`, `/onthi dừng`: close the open poll and post the results so far. False when nothing runs. */
  stop(chatId: number, user?: Player): Promise<ControlResult> {
    return this.withChat(chatId, async () => {
      const quiz = await this.o.store.active.read(key(chatId));
      if (!quiz) return { ok: false, message: NOTHING_RUNS };
      const refused = user && this.refuse(quiz, user, "dừng");
      if (refused) return { ok: false, message: refused };
      if (quiz.current) await this.o.transport.stopPoll(chatId, quiz.current.messageId).catch(() => undefined);
      await this.finish(quiz, true);
      return { ok: true, message: null };
    });
  }

  /** `/onthi tạm dừng`: the open poll is closed (its answers count) and no next question comes until resumed. */
  pause(chatId: number, user: Player): Promise<ControlResult> {
    return this.withChat(chatId, async () => {
      const quiz = await this.o.store.active.read(key(chatId));
      if (!quiz) return { ok: false, message: "Không có buổi ôn thi nào đang diễn ra. Gõ /onthi để bắt đầu." };
      const refused = this.refuse(quiz, user, "tạm dừng");
      if (refused) return { ok: false, message: refused };
      if (quiz.paused) return { ok: false, message: "Buổi ôn thi đang tạm dừng. Gõ /onthi tiếp để tiếp tục." };
      this.clearTimer(chatId);
      if (quiz.current) await this.o.transport.stopPoll(chatId, quiz.current.messageId).catch(() => undefined);
      quiz.current = null;
      quiz.paused = true;
      await this.o.store.active.write(key(chatId), quiz);
      this.o.logger.info({ chat: chatId, quiz: quiz.id, index: quiz.index }, "quiz paused");
      const done = Math.max(0, quiz.index + 1);
      return { ok: true, message: `⏸ Đã tạm dừng sau câu ${done}/${quiz.items.length}. Gõ /onthi tiếp để tiếp tục, /onthi dừng để kết thúc.` };
    });
  }

  /** `/onthi tiếp`: the next question of a paused session. */
  resumeQuiz(chatId: number, user: Player): Promise<ControlResult> {
    return this.withChat(chatId, async () => {
      const quiz = await this.o.store.active.read(key(chatId));
      if (!quiz) return { ok: false, message: "Không có buổi ôn thi nào đang diễn ra. Gõ /onthi để bắt đầu." };
      const refused = this.refuse(quiz, user, "tiếp tục");
      if (refused) return { ok: false, message: refused };
      if (!quiz.paused) return { ok: false, message: "Buổi ôn thi đang diễn ra, không tạm dừng." };
      quiz.paused = false;
      this.o.logger.info({ chat: chatId, quiz: quiz.id, index: quiz.index }, "quiz resumed");
      await this.o.transport.sendHtml(chatId, `▶️ Tiếp tục buổi ôn thi: câu ${quiz.index + 2}/${quiz.items.length}.`);
      await this.askNext(quiz);
      return { ok: true, message: null };
    });
  }

  /** The chat's all-time leaderboard. */
  async leaderboardHtml(chatId: number): Promise<string> {
    return renderLeaderboardHtml(await this.o.store.scores.read(key(chatId)));
  }

  /** /diem: this session (running, or the last finished), the chat's all-time board, and the asker's own totals. */
  async scoreHtml(chatId: number, userId: number | null): Promise<string> {
    const running = await this.o.store.active.read(key(chatId));
    const scores = await this.o.store.scores.read(key(chatId));
    const person = userId === null ? undefined : await this.o.store.people.read(String(userId));
    return renderScoreHtml({ running: running ?? null, scores: scores ?? null, person: person ?? null });
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
      resumed++;
      // A paused session waits for its host, restart or not.
      if (quiz.paused) continue;
      const due = quiz.current ? quiz.current.closesAt + (this.o.closeGraceMs ?? 1000) - this.now() : 0;
      this.schedule(chatId, quiz.id, quiz.index, Math.max(0, due));
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

  /** Written items for the parts of a document the bank has none for, admitted only after every check. */
  private async fillGaps(kb: Knowledge, bank: QuizBank, documentId: string): Promise<void> {
    const doc = kb.byId.get(documentId);
    const writer = this.o.writer;
    if (!doc || !writer) return;
    const empty = coverageOf(kb, documentId, bank.items)
      .parts.filter((p) => p.items === 0)
      .map((p) => p.part);
    let asked = this.asked.get(bank);
    if (!asked) this.asked.set(bank, (asked = new Set()));
    const sections = doc.sections
      .filter((s) => empty.includes(topPart(s.path)) && s.text.trim().length >= 80 && !asked!.has(`${doc.id}#${s.path}`))
      .slice(0, MAX_GENERATED_SECTIONS);
    if (!sections.length) return;
    for (const s of sections) asked.add(`${doc.id}#${s.path}`);
    // "Used by the corpus in the same place" is checked against the document and the ones next to it in the chain:
    // a whole-corpus index would mean building it here, on the event loop.
    const related = [doc, ...kb.documents.filter((d) => d !== doc && d.references.some((r) => doc.number && r.number === doc.number))].slice(0, 20);
    const phrases = PhraseIndex.fromTables([corpusPart(related).phraseTable]);
    for (const section of sections) {
      const raw = await writer.write({ doc, section });
      const { admitted, rejected } = admitGenerated(kb, { phrases }, doc, section, raw);
      const added = extendBank(bank, admitted);
      this.o.logger.info({ document: doc.id, section: section.path, admitted: added.length, rejected: rejected.map((r) => r.reason) }, "generated quiz items checked");
    }
  }

  /** Why `user` may not control this session (null: they may): only the host or an admin, in a group session. */
  private refuse(quiz: ActiveQuiz, user: Player, action: string): string | null {
    if (quiz.mode !== "session" || quiz.private || user.id === quiz.startedBy.id || (this.o.admins ?? []).includes(user.id)) return null;
    return `Chỉ người bắt đầu buổi ôn thi (${hostOf(quiz)}) hoặc quản trị viên mới ${action} được.`;
  }

  private async askNext(quiz: ActiveQuiz): Promise<void> {
    quiz.index++;
    if (quiz.index >= quiz.items.length) return this.finish(quiz, false);
    const item = quiz.items[quiz.index]!;
    const numbered = `${quiz.index + 1}/${quiz.items.length}. ${item.question}`;
    const openPeriod = quiz.openPeriod ?? this.openPeriod;
    let sent: { pollId: string; messageId: number };
    try {
      sent = await this.o.transport.sendPoll(quiz.chatId, {
        question: numbered.length <= TELEGRAM_LIMITS.questionChars ? numbered : item.question,
        options: item.options,
        correct: item.correct,
        explanation: item.explanation,
        openPeriod,
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
    quiz.current = { pollId: sent.pollId, messageId: sent.messageId, closesAt: this.now() + openPeriod * 1000 };
    await this.o.store.polls.write(sent.pollId, { chatId: quiz.chatId, quizId: quiz.id, index: quiz.index });
    quiz.pollIds = [...(quiz.pollIds ?? []), sent.pollId];
    await this.o.store.active.write(key(quiz.chatId), quiz);
    this.schedule(quiz.chatId, quiz.id, quiz.index, openPeriod * 1000 + (this.o.closeGraceMs ?? 1000));
  }

  private async finish(quiz: ActiveQuiz, stopped: boolean): Promise<void> {
    this.clearTimer(quiz.chatId);
    await this.o.store.active.delete(key(quiz.chatId));
    await this.updateIndex((ids) => ids.filter((c) => c !== quiz.chatId));
    const scores = (await this.o.store.scores.read(key(quiz.chatId))) ?? emptyScores();
    scores.quizzes++;
    const asked = quiz.items.slice(0, Math.max(0, quiz.index + 1)).map((i) => i.id);
    scores.recent = [...scores.recent.filter((id) => !asked.includes(id)), ...asked].slice(-RECENT_ITEMS);
    if (quiz.mode === "session") {
      const o = outcomeOf(quiz);
      scores.sessions = [
        ...(scores.sessions ?? []),
        { id: quiz.id, topic: quiz.topic, host: quiz.startedBy.name, finishedAt: this.now(), asked: o.asked, stopped, ranking: o.ranking },
      ].slice(-SESSIONS_KEPT);
    }
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

/** The host's name as a message names it. */
function hostOf(quiz: ActiveQuiz): string {
  return quiz.startedBy.name;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function clampPeriod(seconds: number): number {
  return Math.min(MAX_OPEN_PERIOD, Math.max(MIN_OPEN_PERIOD, Math.round(seconds)));
}

export type SessionArgs =
  | { action: "stop" | "pause" | "resume" }
  | { action: "start"; n: number; topic: string | null; clamped: boolean; openPeriod: number | null };

/**
 * What /onthi was given: a control word (dừng, tạm dừng, tiếp), or an optional count, an optional pace ("45s",
 * "45 giây") and an optional topic, in any order after the count: "/onthi 10 45s KL 69".
 */
export function parseSessionArgs(raw: string): SessionArgs {
  let text = raw.normalize("NFC").trim();
  if (/^(tạm dừng|tam dung|pause)$/iu.test(text)) return { action: "pause" };
  if (/^(tiếp|tiep|tiếp tục|tiep tuc|resume|continue)$/iu.test(text)) return { action: "resume" };
  if (/^(stop|dừng|dung|huỷ|hủy|huy|kết thúc|ket thuc)$/iu.test(text)) return { action: "stop" };
  let openPeriod: number | null = null;
  text = text
    .replace(/(?<![\p{L}\d])(\d{1,3})\s*(s|giây|giay)(?![\p{L}])/iu, (_m, secs: string) => {
      openPeriod = Number(secs);
      return " ";
    })
    .trim();
  const m = /^(\d{1,4})(?:\s+([\s\S]*))?$/u.exec(text);
  const asked = m ? Number(m[1]) : DEFAULT_SESSION_QUESTIONS;
  const n = Math.min(MAX_QUESTIONS, Math.max(1, asked));
  const topic = (m ? m[2] : text)?.replace(/\s+/g, " ").trim() || null;
  return { action: "start", n, topic, clamped: n !== asked, openPeriod };
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
