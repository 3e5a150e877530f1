/**
 * Per-chat session (recent turns, last answer id) persisted through the storage adapter, so a restart forgets
 * nothing. Keyed by chat id, the same key `sequentialize` uses in bot.ts: updates of one chat never race on it.
 */
import { session, type Context, type MiddlewareFn, type StorageAdapter } from "grammy";
import type { BotContext } from "../context.js";
import { initialSession, type SessionData } from "../storage/index.js";

export const chatKey = (ctx: Context): string | undefined => ctx.chat?.id.toString();

export function chatSession(storage: StorageAdapter<SessionData>): MiddlewareFn<BotContext> {
  return session({ initial: initialSession, storage, getSessionKey: chatKey });
}
