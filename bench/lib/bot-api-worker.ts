/**
 * The loopback fake Bot API (test/bot/fake-bot-api.ts) on a thread of its own, for the load benchmark: Telegram's
 * servers are not on the bot's event loop, and the fake must not be either. On the bot's thread it read a reply only
 * once the bot had finished the work queued behind it, so a reply was timestamped late by the bot's own backlog, and
 * the fake's HTTP parsing was charged to the bot. Here both timestamps of a latency (the getUpdates response that
 * delivered a question, the sendMessage request that answers it) are taken on this thread's clock, when the request
 * arrives.
 *
 * Messages in: { kind: "ask", chatId, text } (a private message from user chatId), { kind: "close" }.
 * Messages out: { kind: "ready", token, apiRoot, botInfo }, { kind: "reply", chatId, text, keyboard, latencyMs? }
 * (latencyMs on the first reply to a question), { kind: "closed" }.
 */
import { parentPort } from "node:worker_threads";
import { FakeBotApi, privateChat, user } from "../../test/bot/fake-bot-api.js";

const port = parentPort!;
const api = await FakeBotApi.start();
/** The update each chat is waiting on an answer to, and whether its first reply has come. */
const waiting = new Map<number, { updateId: number; replied: boolean }>();

api.onCall((call) => {
  if (call.method !== "sendMessage") return;
  const chatId = Number(call.payload.chat_id);
  const w = waiting.get(chatId);
  if (!w) return;
  let latencyMs: number | undefined;
  if (!w.replied) {
    w.replied = true;
    const deliveredAt = api.deliveredAt.get(w.updateId);
    if (deliveredAt !== undefined) latencyMs = call.at - deliveredAt;
  }
  port.postMessage({ kind: "reply", chatId, text: String(call.payload.text ?? ""), keyboard: Boolean(call.payload.reply_markup), latencyMs });
});

port.on("message", async (m: { kind: "ask"; chatId: number; text: string } | { kind: "close" }) => {
  if (m.kind === "ask") {
    const from = user(m.chatId);
    const update = api.message({ chat: privateChat(from), from, text: m.text });
    waiting.set(m.chatId, { updateId: update.update_id, replied: false });
  } else {
    await api.close();
    port.postMessage({ kind: "closed" });
  }
});

port.postMessage({ kind: "ready", token: api.token, apiRoot: api.apiRoot, botInfo: api.botInfo });
