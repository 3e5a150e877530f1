/**
 * Allow-lists. When ALLOWED_USER_IDS or ALLOWED_CHAT_IDS is non-empty, an update passes if its user is in
 * ALLOWED_USER_IDS or its chat is in ALLOWED_CHAT_IDS (so a listed group can be used by all its members, and a listed
 * user can use the bot anywhere). Admins always pass. Both lists empty: open to everyone.
 *
 * Whoever is refused gets ONE polite refusal (per user in private, per chat in groups, remembered on disk) and then
 * silence: no reply to later messages, buttons or group chatter.
 */
import type { MiddlewareFn, StorageAdapter } from "grammy";
import type { Config } from "../../config.js";
import { isAddressedToBot, isPrivate } from "../addressing.js";
import type { BotContext } from "../context.js";

export type AccessConfig = Pick<Config, "ALLOWED_USER_IDS" | "ALLOWED_CHAT_IDS" | "ADMIN_USER_IDS">;

export function isAllowed(config: AccessConfig, userId: number | undefined, chatId: number | undefined): boolean {
  if (userId !== undefined && config.ADMIN_USER_IDS.includes(userId)) return true;
  if (!config.ALLOWED_USER_IDS.length && !config.ALLOWED_CHAT_IDS.length) return true;
  return (
    (userId !== undefined && config.ALLOWED_USER_IDS.includes(userId)) ||
    (chatId !== undefined && config.ALLOWED_CHAT_IDS.includes(chatId))
  );
}

export const REFUSAL_TEXT = (userId: number | undefined) =>
  "Xin lỗi, trợ lý này chỉ dành cho những người đã được cấp quyền sử dụng. " +
  "Nếu đồng chí cần dùng, vui lòng liên hệ quản trị viên" +
  (userId !== undefined ? ` và gửi mã người dùng: ${userId}.` : ".");

/** In a group everyone reads the reply: no internal id (an admin finds the group's id in the log line). */
export const GROUP_REFUSAL_TEXT =
  "Xin lỗi, nhóm này chưa được cấp quyền sử dụng trợ lý. Nếu nhóm cần dùng, vui lòng liên hệ quản trị viên của trợ lý.";

export const BUTTON_REFUSAL = "Xin lỗi, đồng chí chưa được cấp quyền sử dụng trợ lý này.";

export function accessControl(options: { config: AccessConfig; refused: StorageAdapter<{ at: string }> }): MiddlewareFn<BotContext> {
  const { config, refused } = options;
  return async (ctx, next) => {
    if (isAllowed(config, ctx.from?.id, ctx.chat?.id)) return next();
    // A button shows a spinner until answered: a refused press is answered, briefly, every time.
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: BUTTON_REFUSAL });
      return;
    }
    // Only a message meant for the bot earns the refusal; group chatter is dropped silently.
    if (!isAddressedToBot(ctx)) return;
    const key = isPrivate(ctx) ? `user-${ctx.from?.id ?? "unknown"}` : `chat-${ctx.chat?.id ?? "unknown"}`;
    if (await refused.read(key)) return;
    await refused.write(key, { at: new Date().toISOString() });
    ctx.log.info({ user: ctx.from?.id, chat: ctx.chat?.id }, "access refused");
    await ctx.reply(isPrivate(ctx) ? REFUSAL_TEXT(ctx.from?.id) : GROUP_REFUSAL_TEXT);
  };
}
