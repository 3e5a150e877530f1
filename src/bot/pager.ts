/**
 * Paged replies: a list or a long answer is sent as ONE message with page buttons (« ‹ 2/9 › »), and a press
 * edits that message to the page asked for (editMessageText), at any corpus size. /vanban at 1,506 documents used to
 * send 86 messages.
 *
 * A feature registers a page source per kind ("vanban", "chuoi", "answer" …): a function from the list's argument
 * to its pages (and the buttons every page keeps, e.g. an answer's 📄 and 👍/👎). Sending stores a small record (kind,
 * argument, chat) under a short id that the page buttons carry (callback_data stays far below Telegram's 64 bytes);
 * a press renders the pages again from the source — so a page shows today's list, buttons keep working after a
 * restart, and nothing large is stored. Any feature (the task register's /giao too) pages the same way.
 */
import { Composer, type InlineKeyboard } from "grammy";
import type { StorageAdapter } from "grammy";
import type { Logger } from "../logger.js";
import { isPrivate } from "./addressing.js";
import { decodePage, PAGE_PATTERN } from "./callback-data/index.js";
import type { BotContext } from "./context.js";
import { pagerKeyboard } from "./keyboards/pager.js";
import { editHtml, replyHtml } from "./reply.js";
import { newAnswerId, type PagedList } from "./storage/index.js";

/** What a page source gives: the pages (HTML, each within one message) and the buttons every page keeps. */
export interface Paged {
  pages: string[];
  keyboard?: InlineKeyboard;
}

/** Pages of one kind of list, for its argument; null when the list is gone (the answer expired …). */
export type PageSource = (arg: string, ctx: BotContext) => Paged | null | Promise<Paged | null>;

export const EXPIRED_LIST = "Danh sách này đã cũ, không lật trang được nữa. Vui lòng gõ lại lệnh.";

export interface Pager {
  /** Register the page source of a kind (once per kind, when the features are built). */
  register(kind: string, source: PageSource): void;
  /**
   * Send `paged` (already rendered for `arg` by the caller) as one message: page 1 with the page buttons. A single
   * page is sent as a plain reply. In groups the message replies to the question, as other answers do.
   */
  reply(ctx: BotContext, kind: string, arg: string, paged: Paged): Promise<void>;
  /** Handles the page buttons of every kind. */
  feature: Composer<BotContext>;
}

export function createPager(deps: { storage: StorageAdapter<PagedList>; logger: Logger }): Pager {
  const sources = new Map<string, PageSource>();
  const feature = new Composer<BotContext>();

  feature.callbackQuery(PAGE_PATTERN, async (ctx) => {
    const ref = decodePage(ctx.callbackQuery.data);
    const record = ref ? await deps.storage.read(ref.listId) : undefined;
    const source = record ? sources.get(record.kind) : undefined;
    // A list belongs to the chat it was sent in: a page of one chat's answer is never shown in another.
    const paged = ref && record && source && record.chatId === ctx.chat?.id ? await source(record.arg, ctx) : null;
    if (!ref || !paged?.pages.length) {
      await ctx.answerCallbackQuery({ text: EXPIRED_LIST, show_alert: true });
      return;
    }
    // The list may have shrunk since it was sent (a reload): the last page stands for pages that are gone.
    const page = Math.min(ref.page, paged.pages.length - 1);
    await ctx.answerCallbackQuery();
    await editHtml(ctx, paged.pages[page]!, pagerKeyboard(ref.listId, page, paged.pages.length, paged.keyboard));
  });

  return {
    register(kind, source) {
      if (sources.has(kind)) throw new Error(`pager: kind ${kind} registered twice`);
      sources.set(kind, source);
    },
    async reply(ctx, kind, arg, paged) {
      if (!sources.has(kind)) throw new Error(`pager: unknown kind ${kind}`);
      const quote = !isPrivate(ctx);
      if (paged.pages.length <= 1) {
        await replyHtml(ctx, paged.pages[0] ?? "", { keyboard: paged.keyboard, quoteQuestion: quote });
        return;
      }
      const listId = newAnswerId();
      try {
        await deps.storage.write(listId, { kind, arg, chatId: ctx.chat?.id ?? 0, createdAt: new Date().toISOString() });
      } catch (err) {
        // Without the record the buttons could not turn pages: every page goes out, as separate messages.
        ctx.log.warn({ err, kind }, "paged list not stored: sent as separate messages");
        for (const [i, page] of paged.pages.entries()) {
          const last = i === paged.pages.length - 1;
          await replyHtml(ctx, page, { keyboard: last ? paged.keyboard : undefined, quoteQuestion: quote && i === 0 });
        }
        return;
      }
      await replyHtml(ctx, paged.pages[0]!, { keyboard: pagerKeyboard(listId, 0, paged.pages.length, paged.keyboard), quoteQuestion: quote });
    },
    feature,
  };
}
