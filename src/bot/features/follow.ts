/**
 * /theodoi <cơ quan>: the chat follows a body — it is told when a newly ingested document (/reload, an upload)
 * assigns the body something, and REMINDER_LEAD_DAYS before each of its deadlines, once (src/tasks/reminders.ts).
 * /theodoi alone lists what the chat follows; /botheodoi <cơ quan> stops one, /botheodoi alone stops all.
 * The reminders reach the chat through `telegramNoticeSink`.
 */
import { Composer, GrammyError, type Api } from "grammy";
import { ChatUnreachableError, type ReminderNotice, type ReminderSink } from "../../tasks/reminders.js";
import type { BotContext } from "../context.js";
import { renderFollows, renderNotice } from "../format/tasks.js";
import { bold, escapeHtml, shorten } from "../format/html.js";
import { splitHtml } from "../format/split.js";
import { replyHtml } from "../reply.js";
import type { TaskFeatureDeps } from "./task-lists.js";

export const FOLLOW_USAGE = "Cách dùng: /theodoi &lt;cơ quan&gt;, ví dụ /theodoi Sở Khoa học và Công nghệ. /theodoi để xem danh sách; /botheodoi &lt;cơ quan&gt; để ngừng.";

/** Telegram's answers that mean the chat is gone for the bot: blocked, removed from the group, chat deleted. */
function unreachable(err: unknown): boolean {
  return err instanceof GrammyError && (err.error_code === 403 || (err.error_code === 400 && /chat not found|group chat was upgraded/i.test(err.description)));
}

/** Reminders as HTML messages to the chat (split when long). */
export function telegramNoticeSink(api: () => Api): ReminderSink {
  return {
    async send(notice: ReminderNotice) {
      try {
        for (const part of splitHtml(renderNotice(notice))) {
          await api().sendMessage(notice.chatId, part, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
        }
      } catch (err) {
        if (unreachable(err)) throw new ChatUnreachableError(notice.chatId);
        throw err;
      }
    },
  };
}

export function followFeature(deps: TaskFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const leadDays = deps.config.REMINDER_LEAD_DAYS;

  feature.command("theodoi", async (ctx) => {
    const query = ctx.match.trim();
    const chatId = ctx.chat.id;
    if (!query) {
      await replyHtml(ctx, `${renderFollows(await deps.reminders.follows(chatId), leadDays)}\n\n${FOLLOW_USAGE}`);
      return;
    }
    const result = await deps.reminders.follow(chatId, query);
    if (!result.ok) {
      await ctx.reply(`Mỗi cuộc trò chuyện theo dõi được tối đa ${result.limit} cơ quan. Ngừng bớt bằng /botheodoi <cơ quan>.`);
      return;
    }
    const name = escapeHtml(result.follow.body);
    if (!result.added) {
      await replyHtml(ctx, `Cuộc trò chuyện này đã theo dõi ${bold(name)}. ${renderFollows(await deps.reminders.follows(chatId), leadDays)}`);
      return;
    }
    const today = deps.reminders.today();
    const upcoming = result.matches.filter((m) => m.due && m.due >= today).length;
    const now =
      result.matches.length > 0
        ? `Hiện có ${result.matches.length} nhiệm vụ liên quan (/giao ${name}), ${upcoming} nhiệm vụ có thời hạn sắp tới (/han 90 ${name}).`
        : `Chưa văn bản nào trong kho giao việc cho “${escapeHtml(shorten(query, 80))}”; trợ lý sẽ báo khi có. Kiểm tra lại tên nếu đồng chí gõ nhầm (ví dụ Sở Tài chính, Ban Tuyên giáo Tỉnh ủy).`;
    await replyHtml(
      ctx,
      `✅ Đã theo dõi ${bold(name)}.\n${now}\n` +
        `Trợ lý sẽ nhắc trước mỗi thời hạn ${leadDays} ngày (mỗi thời hạn một lần; thời hạn hằng năm nhắc mỗi năm) và báo khi văn bản mới nạp giao việc cho cơ quan này. Ngừng: /botheodoi ${name}`,
    );
  });

  feature.command("botheodoi", async (ctx) => {
    const query = ctx.match.trim();
    const stopped = await deps.reminders.unfollow(ctx.chat.id, query || undefined);
    if (!stopped.length) {
      await replyHtml(ctx, query ? `Cuộc trò chuyện này không theo dõi “${escapeHtml(shorten(query, 80))}”. ${renderFollows(await deps.reminders.follows(ctx.chat.id), leadDays)}` : renderFollows([], leadDays));
      return;
    }
    await replyHtml(ctx, `Đã ngừng theo dõi: ${stopped.map((f) => bold(escapeHtml(f.body))).join(", ")}. Trợ lý sẽ không nhắc thời hạn của ${stopped.length > 1 ? "các cơ quan này" : "cơ quan này"} nữa.`);
  });

  return feature;
}
