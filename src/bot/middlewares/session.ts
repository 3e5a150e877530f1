/**
 * Per-chat session (recent turns, last answer id) persisted through the storage adapter, so a restart forgets
 * nothing. Keyed by chat id, the same key `sequentialize` uses in bot.ts: updates of one chat never race on it.
 */
import { session, type Context, type MiddlewareFn, type StorageAdapter } from "grammy";
import type { Logger } from "../../logger.js";
import type { BotContext } from "../context.js";
import { initialSession, type SessionData } from "../storage/index.js";

export const chatKey = (ctx: Context): string | undefined => ctx.chat?.id.toString();

/**
 * The session is written after the reply: a failed write (a full disk) costs the chat its follow-up context, and is
 * logged, but must not turn an answer already sent into an error and a second message.
 */
export function chatSession(storage: StorageAdapter<SessionData>, logger?: Logger): MiddlewareFn<BotContext> {
  const tolerant: StorageAdapter<SessionData> = {
    read: (key) => storage.read(key),
    write: async (key, value) => {
      try {
        await storage.write(key, value);
      } catch (err) {
        logger?.warn({ err, chat: key }, "session not saved");
      }
    },
    delete: (key) => storage.delete(key),
  };
  return session({ initial: initialSession, storage: tolerant, getSessionKey: chatKey });
}
