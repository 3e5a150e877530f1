/**
 * Is a message meant for the bot? In a private chat, always. In a group: a command (bare or "@ourbot"), a mention
 * of the bot, or a reply to one of the bot's messages. Everything else in a group is people talking to each other.
 */
import type { Context } from "grammy";
import type { Message, MessageEntity } from "grammy/types";

export function isPrivate(ctx: Context): boolean {
  return ctx.chat?.type === "private";
}

function textAndEntities(msg: Message | undefined): { text: string; entities: MessageEntity[] } {
  if (!msg) return { text: "", entities: [] };
  return { text: msg.text ?? msg.caption ?? "", entities: msg.entities ?? msg.caption_entities ?? [] };
}

/** The command at the very start of the message, with its "@target" if any. */
export function leadingCommand(ctx: Context): { command: string; target: string | null } | null {
  const { text, entities } = textAndEntities(ctx.message);
  const entity = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity) return null;
  const raw = text.slice(1, entity.length);
  const at = raw.indexOf("@");
  return at < 0 ? { command: raw.toLowerCase(), target: null } : { command: raw.slice(0, at).toLowerCase(), target: raw.slice(at + 1) };
}

/** A leading command that is ours: bare in any chat, or "/cmd@ourbot". */
export function isCommandForUs(ctx: Context): boolean {
  const cmd = leadingCommand(ctx);
  if (!cmd) return false;
  return cmd.target === null || cmd.target.toLowerCase() === ctx.me.username.toLowerCase();
}

function mentionEntities(ctx: Context): MessageEntity[] {
  const { text, entities } = textAndEntities(ctx.message);
  const handle = `@${ctx.me.username}`.toLowerCase();
  return entities.filter(
    (e) =>
      (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === "text_mention" && e.user.id === ctx.me.id),
  );
}

export function mentionsBot(ctx: Context): boolean {
  return mentionEntities(ctx).length > 0;
}

/** The message text with the bot's mentions removed (e.g. "@vanban_bot, ai chủ trì?" → "ai chủ trì?"). */
export function withoutMentions(ctx: Context): string {
  const { text } = textAndEntities(ctx.message);
  const spans = mentionEntities(ctx).sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of spans) {
    // text_mention shows a name the user picked ("Trợ lý"): drop only @handles, keep the sentence readable.
    if (e.type === "mention") out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  }
  return out.replace(/^[\s,:;.!-]+/, "").trim();
}

export function isReplyToBot(ctx: Context): boolean {
  const reply = ctx.message?.reply_to_message;
  // In forum topics every message "replies" to the topic's first service message: that is not a reply to us.
  if (!reply || reply.forum_topic_created) return false;
  return reply.from?.id === ctx.me.id;
}

/** True when the update is a message meant for the bot (see module comment). */
export function isAddressedToBot(ctx: Context): boolean {
  if (!ctx.message) return false;
  if (isPrivate(ctx)) return true;
  return isCommandForUs(ctx) || mentionsBot(ctx) || isReplyToBot(ctx);
}
