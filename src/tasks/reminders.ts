/**
 * Following a body: a chat that follows "Sở Khoa học và Công nghệ" is told when a newly ingested document assigns it
 * something, and `leadDays` before each of its deadlines — once per task and due day, also across restarts (what was
 * sent is persisted before the next notice goes out). A yearly deadline ("trước ngày 30/11 hằng năm") falls due,
 * and is reminded, every year.
 *
 * No Telegram here: notices go to a `ReminderSink` (the bot renders and sends them), state to a key-value store
 * (the bot's FileStore), time comes from `now` (a fake clock in tests).
 */
import type { Logger } from "../logger.js";
import { bodyKey, foldedBodyKey } from "../domain/bodies.js";
import type { TaskDocument, TaskMatch, TaskRecord, TaskRegister } from "./register.js";
import { TASK_TUNING } from "./tuning.js";

export interface Follow {
  chatId: number;
  /** The body as the chat will see it named: its canonical name when the corpus knows it, else as typed. */
  body: string;
  /** Since when (ISO day). */
  since: string;
}

export interface ReminderState {
  follows: Follow[];
  /** Documents already seen, by id; null until the first check, which records them without telling anyone. */
  knownDocuments: string[] | null;
  /** Reminders sent: chat, task and due day (so a yearly task is reminded again next year, not twice this year). */
  sent: string[];
  /** "New document" notices sent for documents not yet known (some chat's notice failed and is being retried). */
  told: string[];
}

/** The one value the reminders keep (a grammY storage adapter over one key fits). */
export interface ReminderStore {
  read(key: string): Promise<ReminderState | undefined> | ReminderState | undefined;
  write(key: string, value: ReminderState): Promise<void> | void;
}

export interface DueItem {
  record: TaskRecord;
  role: TaskMatch["role"];
  /** The day it falls due (ISO). */
  due: string;
  /** Days from today to that day (0 = today). */
  daysLeft: number;
}

export type ReminderNotice =
  | { kind: "due"; chatId: number; body: string; items: DueItem[] }
  | { kind: "new"; chatId: number; body: string; document: TaskDocument; items: TaskMatch[] };

/** Thrown by a sink when the chat cannot be reached any more (the bot was blocked or removed): its follows end. */
export class ChatUnreachableError extends Error {
  constructor(readonly chatId: number) {
    super(`chat ${chatId} cannot be reached`);
    this.name = "ChatUnreachableError";
  }
}

export interface ReminderSink {
  send(notice: ReminderNotice): Promise<void>;
}

export interface RemindersOptions {
  store: ReminderStore;
  /** The register as it is now (it changes when documents are reloaded or uploaded). */
  register: () => TaskRegister;
  sink: ReminderSink;
  /** Days before a deadline the reminder goes out (REMINDER_LEAD_DAYS). */
  leadDays: number;
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
  logger?: Logger;
}

export type FollowResult =
  | { ok: true; follow: Follow; added: boolean; matches: TaskMatch[] }
  | { ok: false; reason: "too-many"; limit: number };

const STATE_KEY = "state";
const DAY_MS = 24 * 3600 * 1000;

/** The calendar day (ISO) at `ms` where the documents' readers live (Vietnam, UTC+7, no daylight saving). */
export function isoDay(ms: number): string {
  return new Date(ms + TASK_TUNING.utcOffsetHours * 3600 * 1000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `iso` plus `days` days. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const sameBody = (a: string, b: string) => foldedBodyKey(a) === foldedBodyKey(b);

export class Reminders {
  private state: ReminderState | null = null;
  /** Every read-modify-write of the state runs in this queue: a /theodoi during a check loses nothing. */
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  /**
   * What the last complete check saw. Deadlines only come into the lead time when the day, the register or the
   * follows change, so a check with none changed (most minutes) skips the scan; a failed notice clears it.
   */
  private checked: { day: string; register: TaskRegister; follows: number } | null = null;
  /** Bumped by every follow and unfollow. */
  private followsVersion = 0;

  constructor(private readonly o: RemindersOptions) {
    this.now = o.now ?? Date.now;
  }

  today(): string {
    return isoDay(this.now());
  }

  /** Follow a body (as typed). Following it again changes nothing. */
  follow(chatId: number, query: string): Promise<FollowResult> {
    return this.serial(async (state) => {
      const register = this.o.register();
      const named = register.bodiesNamed(query);
      // The canonical name when the query names one body whole ("so khcn" → "Sở Khoa học và Công nghệ").
      const body = named.length === 1 && bodyKey(named[0]!.name).split(" ").length === bodyKey(query).split(" ").length ? named[0]!.name : query.trim();
      const matches = register.query({ body, today: this.today() });
      const existing = state.follows.find((f) => f.chatId === chatId && sameBody(f.body, body));
      if (existing) return { ok: true as const, follow: existing, added: false, matches };
      if (state.follows.filter((f) => f.chatId === chatId).length >= TASK_TUNING.maxFollowsPerChat) {
        return { ok: false as const, reason: "too-many" as const, limit: TASK_TUNING.maxFollowsPerChat };
      }
      const follow: Follow = { chatId, body, since: this.today() };
      state.follows.push(follow);
      this.followsVersion++;
      await this.save(state);
      return { ok: true as const, follow, added: true, matches };
    });
  }

  /** Stop following one body (as typed), or every body when none is given. Returns what was stopped. */
  unfollow(chatId: number, query?: string): Promise<Follow[]> {
    return this.serial(async (state) => {
      const stopped = state.follows.filter((f) => f.chatId === chatId && (!query?.trim() || sameBody(f.body, query) || this.names(f, query)));
      if (!stopped.length) return [];
      state.follows = state.follows.filter((f) => !stopped.includes(f));
      this.followsVersion++;
      await this.save(state);
      return stopped;
    });
  }

  follows(chatId: number): Promise<Follow[]> {
    return this.serial(async (state) => state.follows.filter((f) => f.chatId === chatId));
  }

  /**
   * One check: new documents that assign work to a followed body, then deadlines within the lead time. Each notice
   * is recorded before the next is sent; a notice that fails is tried again at the next check.
   */
  tick(): Promise<{ notices: number }> {
    return this.serial(async (state) => {
      const register = this.o.register();
      const today = this.today();
      let notices = 0;

      // New documents. The first check only learns what is there: nothing is new to a bot that just started.
      const ids = register.documents.map((d) => d.id);
      if (state.knownDocuments === null) {
        state.knownDocuments = ids;
        await this.save(state);
      }
      const known = new Set(state.knownDocuments);
      for (const document of register.documents.filter((d) => !known.has(d.id))) {
        let all = true;
        for (const follow of [...state.follows]) {
          const told = `${follow.chatId}|${foldedBodyKey(follow.body)}|${document.id}`;
          if (state.told.includes(told)) continue;
          const items = register.query({ body: follow.body, documentIds: [document.id], today });
          if (!items.length) continue;
          if (!(await this.deliver(state, { kind: "new", chatId: follow.chatId, body: follow.body, document, items }))) {
            all = false;
            continue;
          }
          state.told.push(told);
          await this.save(state);
          notices++;
        }
        // Known once every follower was told; until then the ones told are remembered so they are not told twice.
        if (all) {
          state.knownDocuments!.push(document.id);
          state.told = state.told.filter((t) => !t.endsWith(`|${document.id}`));
          await this.save(state);
        }
      }

      // Deadlines. One notice per chat and body, listing every task due within the lead time not reminded yet.
      const seen = { day: today, register, follows: this.followsVersion };
      const c = this.checked;
      if (c && c.day === seen.day && c.register === seen.register && c.follows === seen.follows) return { notices };
      let complete = true;
      state.sent = state.sent.filter((s) => s.slice(s.lastIndexOf("|") + 1) >= today);
      const sent = new Set(state.sent);
      const until = addDays(today, this.o.leadDays);
      for (const follow of [...state.follows]) {
        if (!state.follows.includes(follow)) continue;
        const items: DueItem[] = register
          .query({ body: follow.body, today, dueFrom: today, dueBefore: until })
          .filter((m) => !sent.has(sentKey(follow.chatId, m.record, m.due!)))
          .map((m) => ({ record: m.record, role: m.role, due: m.due!, daysLeft: daysBetween(today, m.due!) }))
          .sort((a, b) => a.due.localeCompare(b.due));
        if (!items.length) continue;
        if (!(await this.deliver(state, { kind: "due", chatId: follow.chatId, body: follow.body, items }))) {
          complete = false;
          continue;
        }
        for (const item of items) {
          const key = sentKey(follow.chatId, item.record, item.due);
          sent.add(key);
          state.sent.push(key);
        }
        await this.save(state);
        notices++;
      }
      this.checked = complete ? seen : null;
      return { notices };
    });
  }

  /** Check every `TASK_TUNING.reminderTickMs` until `stop()`; the first check runs at once. */
  start(): void {
    if (this.timer) return;
    const run = () =>
      void this.tick().catch((err: unknown) => this.o.logger?.error({ err }, "reminder check failed"));
    run();
    this.timer = setInterval(run, TASK_TUNING.reminderTickMs);
    this.timer.unref();
  }

  /** Stop checking and wait for a check in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.queue.catch(() => undefined);
  }

  /** Send one notice; false when it failed (tried again next time), and the chat's follows end if it is gone. */
  private async deliver(state: ReminderState, notice: ReminderNotice): Promise<boolean> {
    try {
      await this.o.sink.send(notice);
      return true;
    } catch (err) {
      if (err instanceof ChatUnreachableError) {
        this.o.logger?.warn({ chatId: notice.chatId }, "chat unreachable: its follows end");
        state.follows = state.follows.filter((f) => f.chatId !== notice.chatId);
        this.followsVersion++;
        await this.save(state);
      } else {
        this.o.logger?.warn({ err, chatId: notice.chatId, kind: notice.kind }, "reminder not delivered; will retry");
      }
      return false;
    }
  }

  /** Does a follow's body read as the query (typed differently, e.g. "sở kh&cn" for "Sở Khoa học và Công nghệ")? */
  private names(follow: Follow, query: string): boolean {
    return this.o.register().bodiesNamed(query).some((b) => sameBody(b.name, follow.body));
  }

  private serial<T>(op: (state: ReminderState) => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(async () => op(await this.load()));
    this.queue = run;
    return run;
  }

  private async load(): Promise<ReminderState> {
    if (!this.state) {
      const stored = await this.o.store.read(STATE_KEY);
      this.state = { follows: stored?.follows ?? [], knownDocuments: stored?.knownDocuments ?? null, sent: stored?.sent ?? [], told: stored?.told ?? [] };
    }
    return this.state;
  }

  private async save(state: ReminderState): Promise<void> {
    await this.o.store.write(STATE_KEY, state);
  }
}

function sentKey(chatId: number, record: TaskRecord, due: string): string {
  return `${chatId}|${record.key}|${due}`;
}
