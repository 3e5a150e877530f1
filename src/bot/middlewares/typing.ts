/**
 * "typing…" while the bot works. Telegram shows a chat action for about five seconds, so it is repeated every four
 * until the work ends. Failures to send the action are ignored: it is cosmetic.
 */
import type { Context } from "grammy";

const REPEAT_MS = 4_000;

export async function withTyping<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return work();
  const threadId = ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
  const send = () => {
    ctx.api.sendChatAction(chatId, "typing", threadId ? { message_thread_id: threadId } : {}).catch(() => undefined);
  };
  send();
  const timer = setInterval(send, REPEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
