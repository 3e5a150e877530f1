/**
 * Questions. Private chat: any text. Groups: /hoi <câu hỏi>, /hoi@bot, a mention of the bot, or a reply to the bot;
 * other group chatter falls through (and is ignored by the unknown-message feature).
 *
 * Each answer is stored (answer store) before it is sent, so its 📄 and 👍/👎 buttons work even after a restart,
 * and the chat's recent turns are kept in the session for follow-up questions.
 */
import { Composer } from "grammy";
import type { AnswerResult } from "../../assistant/types.js";
import { isReplyToBot, leadingCommand, mentionsBot, withoutMentions } from "../addressing.js";
import type { BotContext, BotDeps } from "../context.js";
import { renderAnswer, sourcesOf } from "../format/answer.js";
import { shorten } from "../format/html.js";
import { pagesOfText } from "../format/paging.js";
import { answerKeyboard } from "../keyboards/answer.js";
import { createRateLimiter } from "../middlewares/rate-limit.js";
import { withTyping } from "../middlewares/typing.js";
import type { Pager } from "../pager.js";
import { replyHtml } from "../reply.js";
import { newAnswerId, type AnswerRecord } from "../storage/index.js";

/**
 * Longest question accepted. Longer ones are refused with a request to shorten rather than answered from their
 * first part: a question cut in the middle may ask something else, and a wrong citation is worse than none.
 */
export const MAX_QUESTION_CHARS = 1000;
/** Turns of the chat passed to the assistant to resolve follow-ups ("còn Quảng Ngãi thì sao?"). */
export const HISTORY_TURNS = 4;
/** Turns kept in the session; answers are shortened in it (the full answer is in the answer store). */
const STORED_TURNS = 6;
const STORED_ANSWER_CHARS = 1200;
/** Upper bound on one question, in milliseconds, whatever the assistant does. */
export const ASK_TIMEOUT_MS = 60_000;

export const ASK_USAGE =
  "Hãy gõ câu hỏi sau lệnh, ví dụ:\n/hoi Ai chủ trì việc tuyên truyền Kết luận 69 ở Quảng Ngãi?";

class AskAborted extends Error {
  constructor(readonly reason: "timeout" | "shutdown") {
    super(`ask aborted: ${reason}`);
  }
}

/** Resolve with the assistant's answer, or reject as soon as the signal fires even if the assistant ignores it. */
function abortable<T>(work: Promise<T>, timeout: AbortSignal, shutdown: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onTimeout = () => reject(new AskAborted("timeout"));
    const onShutdown = () => reject(new AskAborted("shutdown"));
    if (shutdown?.aborted) return onShutdown();
    timeout.addEventListener("abort", onTimeout, { once: true });
    shutdown?.addEventListener("abort", onShutdown, { once: true });
    work.then(resolve, reject).finally(() => {
      timeout.removeEventListener("abort", onTimeout);
      shutdown?.removeEventListener("abort", onShutdown);
    });
  });
}

/** The answer a stored record holds, as the assistant gave it (its sources are its citations or its "see also"). */
function resultOf(record: AnswerRecord): AnswerResult {
  const answered = record.mode === "answer";
  return { mode: record.mode, answer: record.answer, via: record.via, citations: answered ? record.sources : [], seeAlso: answered ? [] : record.sources };
}

export function askFeature(deps: BotDeps, pager: Pager): Composer<BotContext> {
  const { assistant, storage, config, shutdownSignal } = deps;
  const limiter = createRateLimiter({ limit: config.RATE_LIMIT_PER_MINUTE });
  const feature = new Composer<BotContext>();
  // A long answer is one message in pages; its 📄 and 👍/👎 buttons stay under every page.
  pager.register("answer", async (answerId) => {
    const record = await storage.answers.read(answerId);
    if (!record) return null;
    return { pages: pagesOfText(renderAnswer(resultOf(record), record.question)), keyboard: answerKeyboard(record.id, record.sources.length) };
  });

  async function answerQuestion(ctx: BotContext, raw: string): Promise<void> {
    const question = raw.trim();
    if (!question) {
      await ctx.reply(ASK_USAGE);
      return;
    }
    if (question.length > MAX_QUESTION_CHARS) {
      await ctx.reply(
        `Câu hỏi dài ${question.length} ký tự, vượt quá giới hạn ${MAX_QUESTION_CHARS} ký tự. ` +
          "Vui lòng rút gọn và hỏi từng ý một, ví dụ: “Ai chủ trì việc tuyên truyền Kết luận 69?”",
      );
      return;
    }
    const userKey = String(ctx.from?.id ?? ctx.chat?.id ?? "anonymous");
    const decision = limiter.take(userKey);
    if (!decision.allowed) {
      if (!limiter.notice(userKey)) {
        ctx.log.debug({ user: userKey }, "question over the limit dropped (notice already sent)");
        return;
      }
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      await ctx.reply(
        `Đồng chí đã hỏi ${config.RATE_LIMIT_PER_MINUTE} câu trong một phút, đạt giới hạn. Vui lòng hỏi lại sau ${seconds} giây ` +
          "(các câu gửi thêm trước thời điểm đó sẽ không được trả lời).",
      );
      return;
    }

    const session = ctx.session;
    const history = session.turns.slice(-HISTORY_TURNS);
    const timeout = AbortSignal.timeout(ASK_TIMEOUT_MS);
    const signal = shutdownSignal ? AbortSignal.any([timeout, shutdownSignal]) : timeout;
    const started = Date.now();

    let result: AnswerResult;
    try {
      result = await withTyping(ctx, () => abortable(assistant.ask(question, { history, signal, scope: session.scope ?? null }), timeout, shutdownSignal));
    } catch (err) {
      if (err instanceof AskAborted) {
        ctx.log.warn({ reason: err.reason, ms: Date.now() - started }, "question aborted");
        await ctx.reply(
          err.reason === "timeout"
            ? "Xin lỗi, câu hỏi này mất quá nhiều thời gian. Vui lòng thử lại hoặc hỏi cụ thể hơn."
            : "Trợ lý đang khởi động lại. Vui lòng hỏi lại sau ít phút.",
        );
        return;
      }
      throw err;
    }

    const sources = sourcesOf(result);
    const record: AnswerRecord = {
      id: newAnswerId(),
      chatId: ctx.chat?.id ?? 0,
      question,
      answer: result.answer,
      mode: result.mode,
      via: result.via,
      sources,
      createdAt: new Date().toISOString(),
    };
    // The answer store backs the buttons; a failed write (a full disk) costs the buttons, never the answer itself.
    let stored = true;
    try {
      await storage.answers.write(record.id, record);
    } catch (err) {
      stored = false;
      ctx.log.warn({ err, answer: record.id }, "answer not stored: sent without buttons");
    }
    session.turns = [...session.turns, { question, answer: shorten(result.answer, STORED_ANSWER_CHARS) }].slice(-STORED_TURNS);
    session.lastAnswerId = record.id;

    ctx.log.info(
      { answer: record.id, mode: result.mode, via: result.via, citations: result.citations.length, ms: Date.now() - started },
      "question answered",
    );
    const html = renderAnswer(result, question);
    if (stored) await pager.reply(ctx, "answer", record.id, { pages: pagesOfText(html), keyboard: answerKeyboard(record.id, sources.length) });
    else await replyHtml(ctx, html);
  }

  feature.command("hoi", (ctx) => answerQuestion(ctx, ctx.match));

  feature.chatType("private").on("message:text", (ctx, next) => {
    if (leadingCommand(ctx)) return next();
    return answerQuestion(ctx, ctx.message.text);
  });

  feature.chatType(["group", "supergroup"]).on("message:text", (ctx, next) => {
    if (leadingCommand(ctx)) return next();
    if (mentionsBot(ctx)) return answerQuestion(ctx, withoutMentions(ctx));
    if (isReplyToBot(ctx)) return answerQuestion(ctx, ctx.message.text);
    return next();
  });

  return feature;
}
