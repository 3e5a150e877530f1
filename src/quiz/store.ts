/**
 * What a quiz keeps between updates and across restarts: the chat's running quiz or study session (with its items,
 * so an ingest in the middle changes nothing), the poll id → quiz map that poll answers arrive with, the chat's
 * scores and finished sessions, each person's totals across chats, and each user's Leitner deck. Every part is a
 * grammY-style storage adapter (read, write, delete): files in the bot, memory in tests.
 */
import type { StorageAdapter } from "grammy";
import type { LeitnerDeck } from "./leitner.js";
import type { QuizItem } from "./types.js";

export interface Answer {
  option: number;
  correct: boolean;
}

/** "quiz": /quiz, a quick round. "session": /onthi, a paced study session the host can pause, kept in history. */
export type QuizMode = "quiz" | "session";

export interface ActiveQuiz {
  id: string;
  /** Absent in quizzes stored before sessions existed: a quiz. */
  mode?: QuizMode;
  chatId: number;
  private: boolean;
  startedBy: { id: number; name: string };
  topic: string | null;
  items: QuizItem[];
  /** Index of the question on screen; -1 before the first. */
  index: number;
  current: { pollId: string; messageId: number; closesAt: number } | null;
  /** Every poll this quiz sent, so that their poll → quiz entries are removed when it ends. */
  pollIds?: string[];
  /** Question index → user id → answer. */
  answers: Record<string, Record<string, Answer>>;
  /** User id → display name, for everyone who answered. */
  players: Record<string, string>;
  /** People expected to answer (members minus the bot), when known: all answered → next question at once. */
  expected: number | null;
  startedAt: number;
  /** Seconds each poll stays open (the session's pace); absent: the configured default. */
  openPeriod?: number;
  /** Paused by the host: no poll is open and none is scheduled until the host resumes. */
  paused?: boolean;
}

export interface PollRef {
  chatId: number;
  quizId: string;
  index: number;
}

export interface PlayerScore {
  name: string;
  correct: number;
  answered: number;
  /** Quizzes in which the player answered at least once. */
  sessions: number;
  lastQuizId: string | null;
}

/** A finished study session, as /diem shows it. */
export interface SessionSummary {
  id: string;
  topic: string | null;
  host: string;
  finishedAt: number;
  asked: number;
  stopped: boolean;
  ranking: { id: string; name: string; correct: number; answered: number }[];
}

export interface ChatScores {
  players: Record<string, PlayerScore>;
  quizzes: number;
  /** Item ids asked lately in this chat, newest last (the next quiz prefers others). */
  recent: string[];
  /** Finished study sessions, newest last (a few kept). Absent in scores stored before sessions existed. */
  sessions?: SessionSummary[];
}

/** One person's totals across every chat. */
export interface PersonScore {
  name: string;
  correct: number;
  answered: number;
  /** Quizzes and sessions in which the person answered at least once. */
  sessions: number;
  lastQuizId: string | null;
}

export interface QuizStore {
  active: StorageAdapter<ActiveQuiz>;
  polls: StorageAdapter<PollRef>;
  scores: StorageAdapter<ChatScores>;
  decks: StorageAdapter<LeitnerDeck>;
  /** Key: user id. */
  people: StorageAdapter<PersonScore>;
  /** Key "chats": ids of chats with a running quiz (resumed after a restart). */
  index: StorageAdapter<number[]>;
}

export const emptyScores = (): ChatScores => ({ players: {}, quizzes: 0, recent: [] });

/** In-memory store with the same shape (tests, the terminal). */
export function memoryQuizStore(): QuizStore {
  const map = <T>(): StorageAdapter<T> => {
    const m = new Map<string, T>();
    return {
      read: (k) => structuredClone(m.get(k)),
      write: (k, v) => void m.set(k, structuredClone(v)),
      delete: (k) => void m.delete(k),
    };
  };
  return { active: map(), polls: map(), scores: map(), decks: map(), people: map(), index: map() };
}
