/**
 * /han [số ngày] [cơ quan]: what falls due in the next 30 days (or 90, or any 1–365), soonest first, in the chat's
 * scope; with a body, only its tasks. Yearly deadlines ("trước ngày 30/11 hằng năm") count at their next occurrence.
 */
import { Composer } from "grammy";
import { addDays, isoDay } from "../../tasks/reminders.js";
import { TASK_TUNING } from "../../tasks/tuning.js";
import type { BotContext } from "../context.js";
import { formatDate } from "../format/citation.js";
import { escapeHtml } from "../format/html.js";
import { sendTaskList, type TaskFeatureDeps } from "./task-lists.js";

/** The longest window /han accepts, in days: a year covers every yearly deadline once. */
export const MAX_DUE_DAYS = 365;

export const DEADLINES_USAGE = `Cách dùng: /han [số ngày] [cơ quan] — mặc định ${TASK_TUNING.dueWindows[0]} ngày. Ví dụ: /han, /han 90, /han 90 Sở Tài chính`;

export function parseDueArgs(text: string): { days: number; body: string | null } | null {
  const m = /^\s*(\d{1,4})?\s*(?:ngày|ngay)?\s*(.*)$/su.exec(text)!;
  const days = m[1] ? Number(m[1]) : TASK_TUNING.dueWindows[0];
  if (days < 1 || days > MAX_DUE_DAYS) return null;
  return { days, body: m[2]!.trim() || null };
}

export function deadlinesFeature(deps: TaskFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("han", async (ctx) => {
    const args = parseDueArgs(ctx.match);
    if (!args) {
      await ctx.reply(`Số ngày phải từ 1 đến ${MAX_DUE_DAYS}. ${DEADLINES_USAGE}`);
      return;
    }
    if (await sendTaskList(ctx, deps, { kind: "han", ...args })) return;
    const today = isoDay(deps.now());
    const longer = TASK_TUNING.dueWindows.find((d) => d > args.days);
    await ctx.reply(
      `Không có nhiệm vụ nào${args.body ? ` của “${escapeHtml(args.body)}”` : ""} đến hạn trong ${args.days} ngày tới ` +
        `(${formatDate(today)} – ${formatDate(addDays(today, args.days))}).` +
        (longer ? ` Xem xa hơn: /han ${longer}${args.body ? ` ${escapeHtml(args.body)}` : ""}.` : ""),
      { parse_mode: "HTML" },
    );
  });
  return feature;
}
