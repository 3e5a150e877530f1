/**
 * Everything the bot keeps on disk, under DATA_DIR/bot:
 * - sessions/  one file per chat: recent turns and the last answer id (follow-ups and /nguon survive a restart)
 * - answers/   one file per answer: question, answer, sources (buttons keep working after a restart)
 * - refused/   users and chats that got the one polite refusal
 * - feedback.jsonl  one line per 👍/👎 with the question, the answer and its citations
 * - pages/     one file per paged message (/vanban, /chuoi, a long answer): what it lists, so its page buttons can
 *              render any page later, after a restart too
 * - pending-uploads/ an admin's upload waiting for a confirmation (its number is already indexed); removed when the
 *              admin answers, and after PENDING_UPLOAD_RETENTION_MS at the latest
 */
import { randomBytes } from "node:crypto";
import { appendFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { StorageAdapter } from "grammy";
import type { AnswerResult, Citation, Turn } from "../../assistant/types.js";
import type { Logger } from "../../logger.js";
import { FileStore } from "./file-store.js";

export { FileStore } from "./file-store.js";

export interface SessionData {
  /** Recent question/answer pairs of this chat, oldest first. */
  turns: Turn[];
  /** Id of the last answer in this chat (for /nguon). */
  lastAnswerId: string | null;
  /**
   * The chat's scope (/phamvi): questions that name no document are answered from the central documents and this
   * locality's. Absent in sessions written before scopes existed: read as none.
   */
  scope?: ChatScope | null;
}

export interface ChatScope {
  /** The locality as the corpus writes it ("Quảng Ngãi"). */
  locality: string;
}

export const initialSession = (): SessionData => ({ turns: [], lastAnswerId: null, scope: null });

export interface AnswerRecord {
  id: string;
  chatId: number;
  question: string;
  answer: string;
  mode: AnswerResult["mode"];
  via: AnswerResult["via"];
  /** What the 📄 buttons open: the citations, or for not_found the "Xem thêm" sections. */
  sources: Citation[];
  createdAt: string;
}

export interface FeedbackEntry {
  at: string;
  answerId: string;
  vote: "up" | "down";
  chatId: number;
  userId: number | null;
  question: string;
  answer: string;
  citations: Citation[];
}

/** An upload held until the admin confirms replacing a document with the same number. */
export interface PendingUpload {
  fileName: string;
  /** The file's bytes, base64. */
  data: string;
  /** Who sent it (only an admin may confirm, but any admin may). */
  userId: number;
  chatId: number;
  createdAt: string;
}

/** A paged message: which list it shows (a kind the pager knows) and for what argument. Pages are rendered on press. */
export interface PagedList {
  /** The page source ("vanban", "chuoi", "answer" …). */
  kind: string;
  /** Its argument: the /chuoi number, the answer id, … ("" for none). */
  arg: string;
  chatId: number;
  createdAt: string;
}

export interface FeedbackLog {
  append(entry: FeedbackEntry): Promise<void>;
}

export interface BotStorage {
  sessions: StorageAdapter<SessionData>;
  answers: StorageAdapter<AnswerRecord>;
  /** Keys "user:<id>" / "chat:<id>" of whoever was refused once already. */
  refused: StorageAdapter<{ at: string }>;
  /** Uploads waiting for the admin's confirmation, by id. */
  pendingUploads: StorageAdapter<PendingUpload>;
  /** Paged messages, by list id (the id their page buttons carry). */
  pages: StorageAdapter<PagedList>;
  feedback: FeedbackLog;
  /** Wait for pending writes (called on shutdown). */
  flush(): Promise<void>;
}

/** Short, URL-safe, unguessable id for an answer (8 characters: fits callback_data many times over). */
export function newAnswerId(): string {
  return randomBytes(6).toString("base64url");
}

/** Answers older than this are pruned at start-up; their buttons then reply that the answer expired. */
export const ANSWER_RETENTION_MS = 90 * 24 * 3600 * 1000;
/** Paged messages older than this lose their page buttons (a press says so): they are lists anyone can ask again. */
export const PAGED_LIST_RETENTION_MS = 30 * 24 * 3600 * 1000;
/** An unanswered upload confirmation is dropped after a day: its file is up to 10 MB, and the admin can resend. */
export const PENDING_UPLOAD_RETENTION_MS = 24 * 3600 * 1000;

/** File-backed storage under `${dataDir}/bot`. */
export async function createFileStorage(dataDir: string, logger?: Logger): Promise<BotStorage> {
  const root = join(dataDir, "bot");
  await mkdir(root, { recursive: true });
  const sessions = new FileStore<SessionData>(join(root, "sessions"), logger);
  const answers = new FileStore<AnswerRecord>(join(root, "answers"), logger);
  const refused = new FileStore<{ at: string }>(join(root, "refused"), logger);
  const pendingUploads = new FileStore<PendingUpload>(join(root, "pending-uploads"), logger);
  const pages = new FileStore<PagedList>(join(root, "pages"), logger);
  const pruned = await answers.prune(ANSWER_RETENTION_MS);
  if (pruned) logger?.info({ pruned }, "old answers pruned");
  const expired = await pendingUploads.prune(PENDING_UPLOAD_RETENTION_MS);
  if (expired) logger?.info({ expired }, "unconfirmed uploads dropped");
  await pages.prune(PAGED_LIST_RETENTION_MS);

  const feedbackFile = join(root, "feedback.jsonl");
  let feedbackQueue: Promise<unknown> = Promise.resolve();
  const feedback: FeedbackLog = {
    append(entry) {
      // One appendFile at a time keeps lines whole even under concurrent votes.
      const next = feedbackQueue.catch(() => undefined).then(() => appendFile(feedbackFile, `${JSON.stringify(entry)}\n`));
      feedbackQueue = next;
      return next.then(() => undefined);
    },
  };

  return {
    sessions,
    answers,
    refused,
    pendingUploads,
    pages,
    feedback,
    async flush() {
      await Promise.allSettled([sessions.flush(), answers.flush(), refused.flush(), pendingUploads.flush(), pages.flush(), feedbackQueue]);
    },
  };
}

/** In-memory storage with the same shape (tests, the terminal chat). */
export function createMemoryStorage(): BotStorage & { feedbackEntries: FeedbackEntry[] } {
  const map = <T>(): StorageAdapter<T> => {
    const m = new Map<string, T>();
    return {
      read: (k) => structuredClone(m.get(k)),
      write: (k, v) => void m.set(k, structuredClone(v)),
      delete: (k) => void m.delete(k),
    };
  };
  const feedbackEntries: FeedbackEntry[] = [];
  return {
    sessions: map<SessionData>(),
    answers: map<AnswerRecord>(),
    refused: map<{ at: string }>(),
    pendingUploads: map<PendingUpload>(),
    pages: map<PagedList>(),
    feedback: { append: async (e) => void feedbackEntries.push(e) },
    feedbackEntries,
    flush: async () => undefined,
  };
}
