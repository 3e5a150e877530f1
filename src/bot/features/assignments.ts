/**
 * /giao <cơ quan>: what a body is assigned across the documents — as lead, partner or addressee of reports — grouped
 * by document, with deadline and partners, paged in one message; in the chat's scope when /phamvi set one.
 * "Sở KH&CN", "so khcn" and "Sở Khoa học và Công nghệ" are one body. A document's number lists that document's
 * tasks; other words list the tasks that contain them (/giao tuyên truyền).
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml, shorten } from "../format/html.js";
import { sendTaskList, type TaskFeatureDeps } from "./task-lists.js";

export const ASSIGNMENTS_USAGE =
  "Cách dùng: /giao &lt;cơ quan hoặc việc&gt;\nVí dụ: /giao Sở Khoa học và Công nghệ (hoặc /giao so khcn), /giao Ban Tuyên giáo, /giao tuyên truyền, /giao KH 552";

export function assignmentsFeature(deps: TaskFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("giao", async (ctx) => {
    const query = ctx.match.trim();
    if (!query) {
      await ctx.reply(ASSIGNMENTS_USAGE, { parse_mode: "HTML" });
      return;
    }
    if (await sendTaskList(ctx, deps, { kind: "giao", query })) return;
    await ctx.reply(
      `Không tìm thấy nhiệm vụ nào giao cho “${escapeHtml(shorten(query, 80))}”. ` +
        "Hãy thử tên cơ quan đầy đủ hoặc ngắn hơn (ví dụ /giao Sở Tài chính, /giao Ban Tuyên giáo) hoặc một việc (ví dụ /giao tuyên truyền)." +
        (ctx.session && (ctx.session as { scope?: unknown }).scope ? " Tìm trong mọi văn bản: bỏ phạm vi bằng /phamvi xoa." : ""),
      { parse_mode: "HTML" },
    );
  });
  return feature;
}
