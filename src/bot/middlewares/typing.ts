/**
 * "typing…" while the bot works, once the work has taken long enough to be noticed. Telegram shows a chat action for
 * about five seconds, so it is repeated every four until the work ends. Failures to send the action are ignored: it is
 * cosmetic.
 */
import type { Context } from "grammy";

/**
 * An answer sent before this delay needs no "typing…": the Bot API recommends the action only when a reply will take
 * a noticeable time, and each one is a request that counts against the bot's limits. The embedded default answers
 * most questions well within it; a model's answer, or a queue after a burst, does not.
 */
const DELAY_MS = 300;
const REPEAT_MS = 4_000;

export async function withTyping<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return work();
  const threadId = ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
  const send = () => {
    ctx.api.sendChatAction(chatId, "typing", threadId ? { message_thread_id: threadId } : {}).catch(() => undefined);
  };
  let repeat: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    send();
    repeat = setInterval(send, REPEAT_MS);
  }, DELAY_MS);
  try {
    return await work();
  } finally {
    clearTimeout(first);
    clearInterval(repeat);
  }
}
