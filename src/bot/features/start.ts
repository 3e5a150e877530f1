/**
 * /start: who the bot is and how to ask, in a few lines (/help has the details).
 */
import { Composer } from "grammy";
import { isPrivate } from "../addressing.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/html.js";
import type { ChatScope } from "../storage/index.js";
import { scopeLine } from "./scope.js";

export function startText(botUsername: string, inPrivate: boolean, scope: ChatScope | null = null): string {
  const how = inPrivate
    ? "Đồng chí cứ gõ câu hỏi bằng tiếng Việt (có dấu hoặc không dấu)."
    : `Trong nhóm, hãy hỏi bằng /hoi &lt;câu hỏi&gt;, nhắc tên @${escapeHtml(botUsername)} hoặc trả lời tin nhắn của trợ lý.`;
  return [
    "<b>Xin chào đồng chí!</b>",
    "Trợ lý tra cứu Kết luận số 69-KL/TW của Bộ Chính trị và các văn bản thực hiện (từ Nghị quyết số 20-NQ/TW đến văn bản của các cấp ủy địa phương).",
    "Mỗi ý trả lời đều dẫn nguồn: loại văn bản, số hiệu, ngày, cơ quan ban hành, mục và trích nguyên văn.",
    "",
    how,
    "Ví dụ: <i>Kết luận 69 yêu cầu gì về tuyên truyền?</i>",
    "",
    scopeLine(scope),
    "",
    "Gõ /help để xem tất cả các lệnh.",
  ].join("\n");
}

export function startFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("start", (ctx) => ctx.reply(startText(ctx.me.username, isPrivate(ctx), ctx.session.scope ?? null), { parse_mode: "HTML" }));
  return feature;
}
