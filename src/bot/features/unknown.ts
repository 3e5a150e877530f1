/**
 * Whatever no feature handled. Private chat: unknown commands, stickers, photos, voice… get a short hint.
 * Groups: silence, except for an unknown command addressed to this bot by name ("/abc@ourbot").
 */
import { Composer } from "grammy";
import { isPrivate, leadingCommand } from "../addressing.js";
import type { BotContext } from "../context.js";

export const NOT_TEXT =
  "Trợ lý chỉ đọc được câu hỏi bằng chữ (chưa xem được ảnh, nhãn dán, tin nhắn thoại hay video). " +
  "Đồng chí vui lòng gõ câu hỏi, ví dụ: “Kết luận 69 giao nhiệm vụ gì cho Ban Tuyên giáo?”";

export function unknownFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message", async (ctx) => {
    const cmd = leadingCommand(ctx);
    if (cmd) {
      const forUs = isPrivate(ctx) ? cmd.target === null || cmd.target.toLowerCase() === ctx.me.username.toLowerCase()
        : cmd.target?.toLowerCase() === ctx.me.username.toLowerCase();
      if (forUs) await ctx.reply(`Không có lệnh /${cmd.command}. Gõ /help để xem các lệnh và ví dụ.`);
      return;
    }
    if (!isPrivate(ctx)) return;
    if (ctx.message.document) return; // handled by the admin feature (or refused there)
    await ctx.reply(NOT_TEXT);
  });

  // Buttons this version does not know (an older layout, a forged payload): stop the spinner with a hint.
  feature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: "Nút này không còn dùng được. Vui lòng hỏi lại." }));

  return feature;
}
