/**
 * /vanban: the documents in the corpus (type, number or "không số", date, issuer, subject), one message whose
 * buttons turn its pages, whatever the corpus size.
 */
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { renderDocumentPages } from "../format/lists.js";
import type { Pager } from "../pager.js";

export function documentsFeature(deps: Pick<BotDeps, "assistant">, pager: Pager): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const pages = () => ({ pages: renderDocumentPages(deps.assistant.documents()) });
  pager.register("vanban", pages);
  feature.command("vanban", (ctx) => pager.reply(ctx, "vanban", "", pages()));
  return feature;
}
