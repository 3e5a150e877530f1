/**
 * 👍 / 👎 under an answer: appended to DATA_DIR/bot/feedback.jsonl with the question, the answer and its citations,
 * so a reviewer can read what was judged without the answer store.
 */
import { Composer } from "grammy";
import { decodeFeedback, FEEDBACK_PATTERN } from "../callback-data/index.js";
import type { BotContext, BotDeps } from "../context.js";
import { EXPIRED_ANSWER } from "./sources.js";

export function feedbackFeature(deps: BotDeps): Composer<BotContext> {
  const { storage } = deps;
  const feature = new Composer<BotContext>();

  feature.callbackQuery(FEEDBACK_PATTERN, async (ctx) => {
    const ref = decodeFeedback(ctx.callbackQuery.data);
    const record = ref && (await storage.answers.read(ref.answerId));
    if (!ref || !record) {
      await ctx.answerCallbackQuery({ text: EXPIRED_ANSWER, show_alert: true });
      return;
    }
    await storage.feedback.append({
      at: new Date().toISOString(),
      answerId: record.id,
      vote: ref.vote,
      chatId: record.chatId,
      userId: ctx.from.id,
      question: record.question,
      answer: record.answer,
      citations: record.sources,
    });
    ctx.log.info({ answer: record.id, vote: ref.vote }, "feedback stored");
    await ctx.answerCallbackQuery({
      text: ref.vote === "up" ? "Cảm ơn đồng chí đã đánh giá!" : "Cảm ơn đồng chí! Góp ý đã được ghi lại để cải thiện câu trả lời.",
    });
  });

  return feature;
}
