/**
 * Sources: the 📄 buttons under an answer (full text of the cited section) and /nguon (sources of the chat's last
 * answer). Both read the answer store, so they keep working after a restart.
 */
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { decodeSource, SOURCE_PATTERN } from "../callback-data/index.js";
import { renderSection, renderSources } from "../format/answer.js";
import { formatCitation } from "../format/citation.js";
import { answerKeyboard } from "../keyboards/answer.js";
import { replyHtml } from "../reply.js";

export const EXPIRED_ANSWER = "Câu trả lời này đã quá cũ nên không còn lưu nguồn. Vui lòng hỏi lại.";

export function sourcesFeature(deps: BotDeps): Composer<BotContext> {
  const { assistant, storage } = deps;
  const feature = new Composer<BotContext>();

  feature.callbackQuery(SOURCE_PATTERN, async (ctx) => {
    const ref = decodeSource(ctx.callbackQuery.data);
    const record = ref && (await storage.answers.read(ref.answerId));
    const citation = ref && record?.sources[ref.index];
    if (!ref || !citation) {
      await ctx.answerCallbackQuery({ text: EXPIRED_ANSWER, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const view = assistant.section(citation.documentId, citation.section);
    if (!view) {
      await ctx.reply(
        `Mục được trích dẫn không còn trong kho văn bản (kho có thể đã được nạp lại): ${formatCitation(citation, ref.index + 1)}. ` +
          "Vui lòng hỏi lại để nhận trích dẫn mới.",
      );
      return;
    }
    await replyHtml(ctx, renderSection(ref.index + 1, view));
  });

  feature.command("nguon", async (ctx) => {
    const id = ctx.session.lastAnswerId;
    const record = id ? await storage.answers.read(id) : undefined;
    if (!record) {
      await ctx.reply("Chưa có câu trả lời nào trong cuộc trò chuyện này. Hãy đặt câu hỏi trước, rồi gõ /nguon để xem nguồn.");
      return;
    }
    if (!record.sources.length) {
      await ctx.reply("Câu trả lời gần nhất không dẫn nguồn nào.");
      return;
    }
    await replyHtml(ctx, renderSources(record.question, record.sources, record.mode), {
      keyboard: answerKeyboard(record.id, record.sources.length, { feedback: false }),
    });
  });

  return feature;
}
