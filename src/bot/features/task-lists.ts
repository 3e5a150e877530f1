/**
 * Paged task lists for /giao and /han: one message, ‹ Trước / Sau › buttons that edit it in place.
 *
 * A button carries `tl:<list id>:<page>` (≤ 20 bytes of Telegram's 64): the list's request (command, words, the
 * chat's scope) is stored under the id and run again on each press, so buttons keep working after a restart and show
 * the corpus as it is. Written compactly here so that it can later join the generic pager of /vanban and /chuoi.
 */
import { randomBytes } from "node:crypto";
import { Composer, GrammyError, InlineKeyboard, type StorageAdapter } from "grammy";
import type { Logger } from "../../logger.js";
import type { TaskMatch } from "../../tasks/register.js";
import { addDays, isoDay } from "../../tasks/reminders.js";
import type { Reminders } from "../../tasks/reminders.js";
import type { TaskSource } from "../../tasks/source.js";
import { TASK_TUNING } from "../../tasks/tuning.js";
import type { BotContext, BotDeps } from "../context.js";
import { formatDate } from "../format/citation.js";
import { renderTaskPage } from "../format/tasks.js";
import { replyHtml } from "../reply.js";

/** What a list shows: a body's (or a document's, or matching words') tasks, or what falls due within `days`. */
export type TaskListRequest = { kind: "giao"; query: string } | { kind: "han"; days: number; body: string | null };

export interface StoredTaskList {
  chatId: number;
  request: TaskListRequest;
  /** The chat's scope when the list was asked for (/phamvi). */
  locality: string | null;
  createdAt: string;
}

export interface TaskFeatureDeps extends BotDeps {
  tasks: TaskSource;
  /** Stored list requests, by id. */
  lists: StorageAdapter<StoredTaskList>;
  reminders: Reminders;
  /** Milliseconds since the epoch (a fake clock in tests). */
  now: () => number;
}

export const TASK_LIST_PATTERN = /^tl:([A-Za-z0-9_-]{8}):(\d{1,4})$/;
/** Stored lists older than this are pruned at start; their buttons then ask for the command again. */
export const TASK_LIST_RETENTION_MS = 30 * 24 * 3600 * 1000;
export const EXPIRED_LIST = "Danh sách này đã cũ. Vui lòng gõ lại lệnh để xem danh sách mới.";

/** The chat's scope set with /phamvi, when that feature is present (its session field is `scope`). */
export function chatLocality(ctx: BotContext): string | null {
  return (ctx.session as { scope?: { locality?: string } | null }).scope?.locality ?? null;
}

interface Built {
  title: string;
  note: string | null;
  matches: TaskMatch[];
  byDocument: boolean;
  showRole: boolean;
}

/** Run a list request against the register as it is now. Null when nothing matches (the caller says why). */
export function buildTaskList(deps: Pick<TaskFeatureDeps, "tasks" | "now">, request: TaskListRequest, locality: string | null): Built | null {
  const register = deps.tasks.register();
  const scoped = locality ? deps.tasks.scopeDocuments(locality) : null;
  const scopeNote = scoped ? `Trong phạm vi ${locality}: văn bản trung ương và văn bản của ${locality} (/phamvi để đổi).` : null;
  const today = isoDay(deps.now());
  if (request.kind === "han") {
    const until = addDays(today, request.days);
    const matches = register
      .query({ body: request.body ?? undefined, documentIds: scoped ?? undefined, today, dueFrom: today, dueBefore: until })
      .sort((a, b) => a.due!.localeCompare(b.due!));
    if (!matches.length) return null;
    const who = request.body ? ` của ${register.bodiesNamed(request.body)[0]?.name ?? request.body}` : "";
    return {
      title: `Nhiệm vụ${who} đến hạn trong ${request.days} ngày tới (${formatDate(today)} – ${formatDate(until)})`,
      note: scopeNote,
      matches,
      byDocument: false,
      showRole: Boolean(request.body),
    };
  }
  const query = request.query;
  // A document's number ("KH 552", "552/KH-UBND"): its tasks.
  const documents = register.findDocuments(query).filter((d) => !scoped || scoped.includes(d.id));
  if (documents.length) {
    const ids = documents.map((d) => d.id);
    const matches = register.query({ documentIds: ids, today });
    if (matches.length) return { title: `Nhiệm vụ theo ${documents.length === 1 ? "văn bản" : "các văn bản"} “${query}”`, note: scopeNote, matches, byDocument: true, showRole: false };
  }
  const byBody = register.query({ body: query, documentIds: scoped ?? undefined, today });
  if (byBody.length) {
    const bodies = register.bodiesNamed(query);
    const one = bodies.length === 1 ? bodies[0]!.name : null;
    const others = bodies.length > 1 ? `Gồm: ${bodies.slice(0, 6).map((b) => b.name).join("; ")}${bodies.length > 6 ? `; … (${bodies.length} cơ quan)` : ""}.` : null;
    return {
      title: `Nhiệm vụ của ${one ?? `“${query}”`}`,
      note: [others, scopeNote].filter(Boolean).join("\n") || null,
      matches: byBody,
      byDocument: true,
      showRole: true,
    };
  }
  // Words of a task ("/giao tuyên truyền"), as /giao always answered.
  const byWords = register.query({ text: query, documentIds: scoped ?? undefined, today });
  if (byWords.length) return { title: `Nhiệm vụ có “${query}”`, note: scopeNote, matches: byWords, byDocument: true, showRole: false };
  return null;
}

function keyboardFor(id: string, page: number, pages: number): InlineKeyboard | undefined {
  if (pages <= 1) return undefined;
  const kb = new InlineKeyboard();
  if (page > 0) kb.text("‹ Trước", `tl:${id}:${page - 1}`);
  if (page < pages - 1) kb.text("Sau ›", `tl:${id}:${page + 1}`);
  return kb;
}

/**
 * Pages as ranges of the list: at most `pageSize` tasks, and fewer when long tasks would take a page past what one
 * message holds (an edited message cannot be split). Measured on the HTML, which is never shorter than the text
 * Telegram counts.
 */
function pagesOf(built: Built): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  while (start < built.matches.length) {
    let end = start + 1;
    while (end < built.matches.length && end - start < TASK_TUNING.pageSize && render(built, start, end + 1, 0, 1).length <= TASK_TUNING.pageChars) end++;
    ranges.push([start, end]);
    start = end;
  }
  return ranges.length ? ranges : [[0, 0]];
}

function render(built: Built, start: number, end: number, page: number, pages: number): string {
  return renderTaskPage({
    title: built.title,
    note: built.note,
    matches: built.matches.slice(start, end),
    page,
    pages,
    offset: start,
    total: built.matches.length,
    byDocument: built.byDocument,
    showRole: built.showRole,
  });
}

function pageOf(built: Built, page: number): { html: string; page: number; pages: number } {
  const ranges = pagesOf(built);
  const p = Math.min(Math.max(0, page), ranges.length - 1);
  const [start, end] = ranges[p]!;
  return { html: render(built, start, end, p, ranges.length), page: p, pages: ranges.length };
}

/** Send the first page of a list; false when nothing matched (the command says what to try). */
export async function sendTaskList(ctx: BotContext, deps: TaskFeatureDeps, request: TaskListRequest): Promise<boolean> {
  const locality = chatLocality(ctx);
  const built = buildTaskList(deps, request, locality);
  if (!built) return false;
  const { html, page, pages } = pageOf(built, 0);
  let keyboard: InlineKeyboard | undefined;
  if (pages > 1) {
    const id = randomBytes(6).toString("base64url");
    await deps.lists.write(id, { chatId: ctx.chat!.id, request, locality, createdAt: new Date(deps.now()).toISOString() });
    keyboard = keyboardFor(id, page, pages);
  }
  await replyHtml(ctx, html, { keyboard });
  return true;
}

/** The page buttons. */
export function taskListFeature(deps: TaskFeatureDeps & { logger: Logger }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(TASK_LIST_PATTERN, async (ctx) => {
    const [, id, pageText] = TASK_LIST_PATTERN.exec(ctx.callbackQuery.data)!;
    const stored = await deps.lists.read(id!);
    if (!stored || stored.chatId !== ctx.chat?.id) {
      await ctx.answerCallbackQuery({ text: EXPIRED_LIST, show_alert: true });
      return;
    }
    const built = buildTaskList(deps, stored.request, stored.locality);
    if (!built) {
      await ctx.answerCallbackQuery({ text: "Danh sách này không còn nhiệm vụ nào (kho văn bản đã thay đổi).", show_alert: true });
      return;
    }
    const { html, page, pages } = pageOf(built, Number(pageText));
    await ctx.answerCallbackQuery();
    try {
      await ctx.editMessageText(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: keyboardFor(id!, page, pages) });
    } catch (err) {
      // Pressed twice: the page is already shown.
      if (!(err instanceof GrammyError && /message is not modified/i.test(err.description))) throw err;
    }
  });
  return feature;
}
