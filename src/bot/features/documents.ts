/**
 * /vanban: the documents in the corpus (type, number or "không số", date, issuer, subject).
 */
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { renderDocuments } from "../format/lists.js";
import { replyHtml } from "../reply.js";

export function documentsFeature(deps: Pick<BotDeps, "assistant">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("vanban", (ctx) => replyHtml(ctx, renderDocuments(deps.assistant.documents())));
  return feature;
}
