/**
 * Every button press gets exactly one answerCallbackQuery: Telegram keeps a spinner on the button until then. A
 * handler that answers is used as is; one that does not (or fails) gets an empty answer at the end. A failed
 * answer (the press is older than Telegram accepts, a network error) is logged and never thrown, so the rest of
 * the handler — sending the section a 📄 button opens — still happens.
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

export const callbackAck: MiddlewareFn<BotContext> = async (ctx, next) => {
  ctx.buttonAnswered = false;
  if (!ctx.callbackQuery) return next();
  const answer = ctx.answerCallbackQuery.bind(ctx);
  ctx.answerCallbackQuery = async (...args: Parameters<BotContext["answerCallbackQuery"]>) => {
    if (ctx.buttonAnswered) return true;
    ctx.buttonAnswered = true;
    try {
      return await answer(...args);
    } catch (err) {
      ctx.log.warn({ err }, "answerCallbackQuery failed; the button press goes on");
      return true;
    }
  };
  try {
    await next();
  } finally {
    if (!ctx.buttonAnswered) await ctx.answerCallbackQuery();
  }
};
