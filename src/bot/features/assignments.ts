/**
 * /giao <cơ quan hoặc việc>: who is assigned what, grouped by document, each row with its section.
 */
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { escapeHtml, shorten } from "../format/html.js";
import { renderAssignments } from "../format/lists.js";
import { replyHtml } from "../reply.js";

export const ASSIGNMENTS_USAGE =
  "Cách dùng: /giao &lt;cơ quan hoặc việc&gt;\nVí dụ: /giao Ban Tuyên giáo, /giao tuyên truyền, /giao Sở Khoa học và Công nghệ";

export function assignmentsFeature(deps: Pick<BotDeps, "assistant">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("giao", async (ctx) => {
    const query = ctx.match.trim();
    if (!query) {
      await ctx.reply(ASSIGNMENTS_USAGE, { parse_mode: "HTML" });
      return;
    }
    const groups = deps.assistant.assignments(query).filter((g) => g.rows.length);
    if (!groups.length) {
      await ctx.reply(
        `Không tìm thấy phân công nào khớp với “${escapeHtml(shorten(query, 80))}”. ` +
          "Hãy thử tên cơ quan ngắn hơn (ví dụ /giao Ban Tuyên giáo) hoặc một việc (ví dụ /giao tuyên truyền).",
        { parse_mode: "HTML" },
      );
      return;
    }
    await replyHtml(ctx, renderAssignments(query, groups));
  });
  return feature;
}
