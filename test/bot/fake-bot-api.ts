/**
 * A loopback fake of the Telegram Bot API for tests and the load benchmark: node:http on 127.0.0.1:0.
 *
 * - Implements getMe, getUpdates (long polling on a queue the test pushes into, offsets confirmed like Telegram),
 *   sendMessage, sendDocument (a multipart upload: the file is in `payload.document` as `{ file_name, data }`),
 *   editMessageText, editMessageReplyMarkup, sendPoll, stopPoll, getChatMemberCount, getFile and the file download
 *   (`/file/bot<token>/<path>`); every other method answers `true`. Every call is recorded.
 * - `pollAnswer(…)` pushes the poll_answer update Telegram sends when a user answers a non-anonymous poll;
 *   `memberCounts` sets what getChatMemberCount answers per chat (default 2: the bot and one user).
 * - `failNext(method, …)` makes the next call of a method fail once (e.g. 429 with retry_after).
 * - Builders create realistic updates: commands and @mentions get their entities, as Telegram would send them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";

export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  /** performance.now() when the request arrived. */
  at: number;
  /** Index in `calls`. */
  index: number;
}

export interface Failure {
  error_code: number;
  description: string;
  retry_after?: number;
  /** Close the connection without an answer (a network failure: the client sees no HTTP response at all). */
  drop?: boolean;
}

/** A network failure for `failNext`: the connection is closed without an answer. */
export const DROPPED: Failure = { error_code: 0, description: "connection dropped", drop: true };

interface Waiter {
  offset: number;
  limit: number;
  resolve: (updates: Update[]) => void;
  timer: NodeJS.Timeout;
}

export const TEST_TOKEN = "123456:TEST-token-for-the-loopback-fake_0123456789";

export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  /** performance.now() of the first delivery of each update (getUpdates response), by update_id. */
  readonly deliveredAt = new Map<number, number>();
  readonly botInfo: UserFromGetMe;
  private queue: Update[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private waiter: Waiter | undefined;
  private readonly failures = new Map<string, Failure[]>();
  private readonly files = new Map<string, { path: string; data: Buffer; name: string }>();
  private readonly listeners = new Set<(call: RecordedCall) => void>();
  /** Polls sent, by poll id (what stopPoll returns). */
  readonly polls = new Map<string, Record<string, any>>();
  /** getChatMemberCount answers, by chat id. */
  readonly memberCounts = new Map<number, number>();
  private server!: Server;
  apiRoot = "";

  private constructor(
    readonly token: string,
    botInfo: Partial<UserFromGetMe>,
  ) {
    this.botInfo = {
      id: 777000111,
      is_bot: true,
      first_name: "Trợ lý văn bản",
      username: "vanban_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      ...botInfo,
    } as UserFromGetMe;
  }

  static async start(options: { token?: string; botInfo?: Partial<UserFromGetMe> } = {}): Promise<FakeBotApi> {
    const api = new FakeBotApi(options.token ?? TEST_TOKEN, options.botInfo ?? {});
    api.server = createServer((req, res) => void api.route(req, res));
    api.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
    const { port } = api.server.address() as AddressInfo;
    api.apiRoot = `http://127.0.0.1:${port}`;
    return api;
  }

  async close(): Promise<void> {
    if (this.waiter) {
      clearTimeout(this.waiter.timer);
      this.waiter.resolve([]);
      this.waiter = undefined;
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- updates

  /** Queue an update (update_id assigned unless given) and wake a pending getUpdates. */
  push(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    this.queue.push(full);
    this.wake();
    return full;
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  get pending(): number {
    return this.queue.length;
  }

  /** A text message as Telegram would deliver it (bot_command and mention entities computed). */
  message(options: {
    chat: Chat;
    from: User;
    text?: string;
    replyTo?: Message;
    extra?: Partial<Message>;
  }): Update {
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: options.chat,
      from: options.from,
      ...(options.text !== undefined ? { text: options.text, entities: entitiesOf(options.text) } : {}),
      ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
      ...options.extra,
    } as Message;
    if (message.entities && !message.entities.length) delete (message as { entities?: unknown }).entities;
    return this.push({ message } as Omit<Update, "update_id">);
  }

  /** A button press on a message the bot sent. */
  callback(options: { from: User; message: Message; data: string }): Update {
    return this.push({
      callback_query: {
        id: String(this.nextUpdateId * 7),
        from: options.from,
        chat_instance: "ci-1",
        message: options.message,
        data: options.data,
      },
    } as Omit<Update, "update_id">);
  }

  /** A user's answer to a non-anonymous poll the bot sent (a poll_answer update). */
  pollAnswer(options: { pollId: string; from: User; optionIds: number[] }): Update {
    return this.push({
      poll_answer: {
        poll_id: options.pollId,
        user: options.from,
        option_ids: options.optionIds,
        option_persistent_ids: options.optionIds.map(String),
      },
    } as Omit<Update, "update_id">);
  }

  /** Store a file the bot can fetch with getFile + download. Returns what a `document` message carries. */
  addFile(name: string, data: Buffer, mime = "text/markdown") {
    const id = `file-${this.files.size + 1}`;
    this.files.set(id, { path: `documents/${id}-${name}`, data, name });
    return { file_id: id, file_unique_id: `u${id}`, file_name: name, mime_type: mime, file_size: data.length };
  }

  // ---------------------------------------------------------------- failures and inspection

  /** The next `times` calls of `method` fail with this error (default: one 429 with retry_after 1). */
  failNext(method: string, failure: Failure = { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 }, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** Call `listener` for every call from now on; returns an unsubscribe function. */
  onCall(listener: (call: RecordedCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  callsOf(method: string, from = 0): RecordedCall[] {
    return this.calls.slice(from).filter((c) => c.method === method);
  }

  /** Resolve with the first call (at index ≥ from) matching; reject after `timeoutMs`. */
  waitFor(predicate: (call: RecordedCall) => boolean, options: { from?: number; timeoutMs?: number } = {}): Promise<RecordedCall> {
    const from = options.from ?? 0;
    const found = this.calls.slice(from).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const listener = (call: RecordedCall) => {
        if (call.index >= from && predicate(call)) {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolve(call);
        }
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`FakeBotApi.waitFor: no matching call within ${options.timeoutMs ?? 10_000} ms`));
      }, options.timeoutMs ?? 10_000);
      this.listeners.add(listener);
    });
  }

  /** Wait for the bot's next message to `chatId` (sendMessage) after call index `from`. */
  nextMessage(chatId: number, from: number, timeoutMs = 10_000): Promise<RecordedCall> {
    return this.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === chatId, { from, timeoutMs });
  }

  /** Collect everything sent to `chatId` after `from` until `quietMs` pass without a new message. */
  async messagesUntilQuiet(chatId: number, from: number, quietMs = 400, timeoutMs = 10_000): Promise<RecordedCall[]> {
    await this.nextMessage(chatId, from, timeoutMs);
    for (;;) {
      const count = this.callsOf("sendMessage", from).filter((c) => c.payload.chat_id === chatId).length;
      await new Promise((r) => setTimeout(r, quietMs));
      const now = this.callsOf("sendMessage", from).filter((c) => c.payload.chat_id === chatId);
      if (now.length === count) return now;
    }
  }

  // ---------------------------------------------------------------- HTTP

  private wake(): void {
    const w = this.waiter;
    if (!w) return;
    const ready = this.queue.filter((u) => u.update_id >= w.offset).slice(0, w.limit);
    if (!ready.length) return;
    clearTimeout(w.timer);
    this.waiter = undefined;
    w.resolve(ready);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) {
      const file = [...this.files.values()].find((f) => f.path === decodeURIComponent(fileMatch[2]!));
      if (fileMatch[1] !== this.token || !file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(file.data);
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (m[1] !== this.token) return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2]!;
    const payload = { ...Object.fromEntries(url.searchParams), ...(await readJson(req)) };
    const call: RecordedCall = { method, payload, at: performance.now(), index: this.calls.length };
    this.calls.push(call);
    for (const l of [...this.listeners]) l(call);

    const failure = this.failures.get(method)?.shift();
    if (failure?.drop) {
      req.socket.destroy();
      return;
    }
    if (failure) {
      return send(res, failure.error_code, {
        ok: false,
        error_code: failure.error_code,
        description: failure.description,
        ...(failure.retry_after !== undefined ? { parameters: { retry_after: failure.retry_after } } : {}),
      });
    }

    switch (method) {
      case "getMe":
        return ok(res, this.botInfo);
      case "getUpdates":
        return this.getUpdates(res, payload);
      case "sendMessage":
      case "sendPoll":
      case "sendDocument":
        return ok(res, this.sentMessage(payload, method));
      case "stopPoll": {
        const poll = [...this.polls.values()].find((p) => p.chat_id === Number(payload.chat_id) && p.message_id === Number(payload.message_id));
        if (!poll) return send(res, 400, { ok: false, error_code: 400, description: "Bad Request: message with poll to stop not found" });
        poll.poll.is_closed = true;
        return ok(res, poll.poll);
      }
      case "getChatMemberCount":
        return ok(res, this.memberCounts.get(Number(payload.chat_id)) ?? 2);
      case "editMessageText":
      case "editMessageReplyMarkup":
        return ok(res, payload.inline_message_id ? true : { ...this.sentMessage(payload, method), message_id: payload.message_id });
      case "getFile": {
        const file = this.files.get(String(payload.file_id));
        if (!file) return send(res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
        return ok(res, { file_id: payload.file_id, file_unique_id: `u${payload.file_id}`, file_size: file.data.length, file_path: file.path });
      }
      default:
        return ok(res, true);
    }
  }

  private sentMessage(payload: Record<string, any>, method: string): Message {
    const chatId = Number(payload.chat_id);
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "Nhóm thử" } : { id: chatId, type: "private", first_name: "Người dùng" },
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      ...(method === "sendPoll"
        ? {
            poll: {
              id: `poll-${this.nextMessageId}`,
              question: payload.question,
              options: (payload.options ?? []).map((o: string | { text: string }) => ({ text: typeof o === "string" ? o : o.text, voter_count: 0 })),
              total_voter_count: 0,
              is_closed: false,
              is_anonymous: payload.is_anonymous ?? true,
              type: payload.type ?? "regular",
              allows_multiple_answers: false,
              ...(payload.correct_option_ids ? { correct_option_ids: payload.correct_option_ids } : {}),
              ...(payload.explanation ? { explanation: payload.explanation } : {}),
              ...(payload.open_period ? { open_period: payload.open_period } : {}),
            },
          }
        : { text: payload.text }),
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
    } as Message;
    if (method === "sendPoll") {
      const poll = (message as Message.PollMessage).poll;
      this.polls.set(poll.id, { chat_id: chatId, message_id: message.message_id, poll });
    }
    return message;
  }

  private getUpdates(res: ServerResponse, payload: Record<string, any>): void {
    const offset = Number(payload.offset ?? 0);
    const limit = Math.max(1, Math.min(100, Number(payload.limit ?? 100)));
    const timeout = Math.max(0, Number(payload.timeout ?? 0));
    // Confirm everything below the offset, as Telegram does.
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    const respond = (updates: Update[]) => {
      const now = performance.now();
      for (const u of updates) if (!this.deliveredAt.has(u.update_id)) this.deliveredAt.set(u.update_id, now);
      if (!res.writableEnded && !res.destroyed) ok(res, updates);
    };
    const ready = this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
    if (ready.length || timeout === 0) return respond(ready);
    if (this.waiter) {
      // Telegram answers a second concurrent poll with 409; the runner never does this, so make it loud.
      return void send(res, 409, { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request" });
    }
    const waiter: Waiter = {
      offset,
      limit,
      resolve: respond,
      timer: setTimeout(() => {
        if (this.waiter === waiter) this.waiter = undefined;
        respond([]);
      }, timeout * 1000),
    };
    this.waiter = waiter;
    // The response's "close", not the request's: a request emits "close" once its body is read (before this point),
    // so a poll whose client went away (a bot stopped mid-poll) stayed the waiter, and the next bot's first poll got
    // a 409 that stops its runner: a flaky end-to-end test whenever that poll came before the test's message.
    res.once("close", () => {
      if (this.waiter === waiter) {
        clearTimeout(waiter.timer);
        this.waiter = undefined;
      }
    });
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  if (type.includes("multipart/form-data")) return readMultipart(Buffer.concat(chunks), type);
  return {};
}

/**
 * A multipart request (a file sent with sendDocument): fields as strings (objects JSON-parsed, as grammY encodes them),
 * and a field that points at a file part ("attach://…") replaced by `{ file_name, data }`. Parsed by hand: grammY
 * writes headers Telegram reads but undici's FormData parser refuses (`filename=` unquoted, no spaces).
 */
function readMultipart(body: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!boundary) return {};
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields: Record<string, unknown> = {};
  const files = new Map<string, { file_name: string; data: Buffer }>();
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // past the CRLF after the delimiter, before the one closing the part
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    const file = /filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(head);
    if (name && file) files.set(name, { file_name: file[1] ?? file[2]!, data: Buffer.from(data) });
    else if (name) {
      const value = data.toString("utf8");
      try {
        // Ids as numbers, as in a JSON request, so a test compares chat_id the same way for both.
        fields[name] = /^[[{]/.test(value) ? JSON.parse(value) : /^(?:chat_id|message_id)$/.test(name) && /^-?\d+$/.test(value) ? Number(value) : value;
      } catch {
        fields[name] = value;
      }
    }
    at = next;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.startsWith("attach://")) fields[key] = files.get(value.slice("attach://".length)) ?? value;
  }
  return fields;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function ok(res: ServerResponse, result: unknown): void {
  send(res, 200, { ok: true, result });
}

/** bot_command and mention entities, as Telegram computes them (offsets in UTF-16 code units, like JS strings). */
export function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const m of text.matchAll(/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)/g)) {
    entities.push({ type: "bot_command", offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  for (const m of text.matchAll(/(^|[^\w/@])(@[A-Za-z0-9_]{5,32})/g)) {
    entities.push({ type: "mention", offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  return entities.sort((a, b) => a.offset - b.offset);
}

// ---------------------------------------------------------------- people and chats

export const user = (id: number, first_name = `Người dùng ${id}`): User => ({ id, is_bot: false, first_name, language_code: "vi" });
export const privateChat = (u: User): Chat.PrivateChat => ({ id: u.id, type: "private", first_name: u.first_name });
export const groupChat = (id: number, title = "Chi bộ thử nghiệm"): Chat.SupergroupChat => ({ id, type: "supergroup", title });
