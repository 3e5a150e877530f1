/**
 * The error boundary around every feature: log with the update id (the logger scrubs tokens), then tell the user
 * something went wrong on our side. Never a stack trace, never silence.
 */
import { GrammyError, HttpError, type ErrorHandler } from "grammy";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

export const APOLOGY = "Xin lỗi, trợ lý gặp lỗi khi xử lý yêu cầu này. Vui lòng thử lại sau ít phút.";

export function errorHandler(logger: Logger): ErrorHandler<BotContext> {
  return async (err) => {
    const ctx = err.ctx;
    const log = ctx.log ?? logger;
    const error = err.error;
    const kind = error instanceof GrammyError ? "telegram" : error instanceof HttpError ? "network" : "internal";
    log.error(
      {
        update_id: ctx.update.update_id,
        kind,
        method: error instanceof GrammyError ? error.method : undefined,
        err: error,
      },
      "update failed",
    );
    try {
      // A press not answered yet gets the apology as an alert; one already answered (its spinner gone), as a message.
      if (ctx.callbackQuery && !ctx.buttonAnswered) await ctx.answerCallbackQuery({ text: APOLOGY, show_alert: true });
      else if (ctx.callbackQuery && ctx.chat && !ctx.replied) await ctx.reply(APOLOGY);
      // One reply per message: an error after the answer went out (a storage write) is logged, not apologised for.
      else if (ctx.chat && ctx.message && !ctx.replied) await ctx.reply(APOLOGY);
    } catch (replyErr) {
      log.warn({ update_id: ctx.update.update_id, err: replyErr }, "apology not delivered");
    }
  };
}
