/**
 * Send HTML that may be longer than one message: split on paragraph/line boundaries, buttons on the last part,
 * and in groups the first part replies to the question so the thread stays readable.
 */
import { GrammyError, type InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { isPrivate } from "./addressing.js";
import type { BotContext } from "./context.js";
import { htmlToText } from "./format/html.js";
import { splitHtml } from "./format/split.js";

/** Telegram refused our markup (a bug of ours, or text it reads differently): the message is sent as plain text. */
function isMarkupRejected(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /parse entities|can't find end|unsupported start tag|unexpected end tag/i.test(err.description);
}

/** Options of a text message we send or edit: no link previews (citations name documents, not pages to preview). */
const NO_PREVIEW = { link_preview_options: { is_disabled: true } } as const;

/**
 * Replace the text of the message a button was pressed on (a page turned). Telegram's refusal of an edit that
 * changes nothing ("message is not modified": the page shown was pressed) is no error; refused markup is sent plain.
 */
export async function editHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const other = { ...NO_PREVIEW, ...(keyboard ? { reply_markup: keyboard } : {}) };
  try {
    await ctx.editMessageText(html, { parse_mode: "HTML", ...other });
  } catch (err) {
    if (err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description)) return;
    if (!isMarkupRejected(err)) throw err;
    ctx.log.warn({ err }, "HTML refused by Telegram: page shown as plain text");
    await ctx.editMessageText(htmlToText(html), other);
  }
}

export async function replyHtml(
  ctx: BotContext,
  html: string,
  options: { keyboard?: InlineKeyboard; quoteQuestion?: boolean } = {},
): Promise<Message.TextMessage[]> {
  const parts = splitHtml(html);
  const sent: Message.TextMessage[] = [];
  const replyTo = (options.quoteQuestion ?? !isPrivate(ctx)) ? ctx.message?.message_id : undefined;
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    const common = {
      ...NO_PREVIEW,
      ...(i === 0 && replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
    };
    try {
      sent.push(await ctx.reply(parts[i]!, { parse_mode: "HTML", ...common }));
    } catch (err) {
      if (!isMarkupRejected(err)) throw err;
      ctx.log.warn({ err }, "HTML refused by Telegram: sent as plain text");
      sent.push(await ctx.reply(htmlToText(parts[i]!), common));
    }
  }
  return sent;
}
