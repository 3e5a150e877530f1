/**
 * /chuoi [số hiệu]: the chain from a document up to Nghị quyết 20 and the documents that implement it;
 * without an argument, the whole tree.
 */
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { escapeHtml, shorten } from "../format/html.js";
import { renderChainPages } from "../format/lists.js";
import type { Pager } from "../pager.js";

export function chainFeature(deps: Pick<BotDeps, "assistant">, pager: Pager): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  pager.register("chuoi", (arg) => {
    const view = deps.assistant.chain(arg || undefined);
    return view ? { pages: renderChainPages(view) } : null;
  });
  feature.command("chuoi", async (ctx) => {
    const arg = ctx.match.trim();
    const view = deps.assistant.chain(arg || undefined);
    if (!view) {
      await ctx.reply(
        `Không tìm thấy văn bản “${escapeHtml(shorten(arg, 60))}” trong chuỗi văn bản. ` +
          "Hãy ghi số hiệu như trên văn bản (ví dụ /chuoi 69-KL/TW, /chuoi 2018-CV/TU) hoặc xem danh sách bằng /vanban. " +
          "Gõ /chuoi không kèm số hiệu để xem cả cây.",
        { parse_mode: "HTML" },
      );
      return;
    }
    await pager.reply(ctx, "chuoi", arg, { pages: renderChainPages(view) });
  });
  return feature;
}
