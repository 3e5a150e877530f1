/**
 * Send HTML that may be longer than one message: split on paragraph/line boundaries, buttons on the last part,
 * and in groups the first part replies to the question so the thread stays readable.
 */
import type { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { isPrivate } from "./addressing.js";
import type { BotContext } from "./context.js";
import { splitHtml } from "./format/split.js";

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
    sent.push(
      await ctx.reply(parts[i]!, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(i === 0 && replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
      }),
    );
  }
  return sent;
}
