/**
 * /phamvi: a chat's own scope. A committee of one province sets `/phamvi Quảng Ngãi` once; from then on a question
 * that names no document is answered from the central documents and that province's (the assistant applies it,
 * see AskOptions.scope). `/phamvi` alone shows the scope, `/phamvi xoa` (or "bỏ") clears it. The scope lives in the
 * chat's session, so it survives a restart; in a group it is the group's.
 */
import { Composer } from "grammy";
import type { LocalityInfo } from "../../assistant/types.js";
import { foldVi } from "../../text/vietnamese.js";
import type { BotContext, BotDeps } from "../context.js";
import { bold, escapeHtml, shorten } from "../format/html.js";
import type { ChatScope } from "../storage/index.js";

/** Localities named in the reply to an unknown place; a corpus of every province lists them all, a bigger one is cut. */
const MAX_LISTED_LOCALITIES = 150;

const CLEAR_WORDS = new Set(["xoa", "bo", "huy", "tat ca", "clear"]);

const folded = (text: string) => ` ${foldVi(text).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;

/**
 * The corpus locality a user's words name: an exact match first ("quang ngai"), else the longest locality the words
 * contain ("tỉnh Quảng Ngãi", "TP. Từ Sơn"). Null when none.
 */
export function resolveLocality(input: string, localities: readonly LocalityInfo[]): LocalityInfo | null {
  const words = folded(input);
  if (!words.trim()) return null;
  const exact = localities.find((l) => folded(l.name) === words);
  if (exact) return exact;
  let best: LocalityInfo | null = null;
  for (const l of localities) {
    const name = folded(l.name);
    if (words.includes(name) && (!best || name.length > folded(best.name).length)) best = l;
  }
  return best;
}

/** One line saying what the chat's scope is, for /phamvi, /start and /help. */
export function scopeLine(scope: ChatScope | null | undefined): string {
  return scope
    ? `Phạm vi của cuộc trò chuyện này: ${bold(escapeHtml(scope.locality))} (câu hỏi không nêu văn bản cụ thể được trả lời từ văn bản trung ương và văn bản của ${escapeHtml(scope.locality)}; /phamvi xoa để bỏ).`
    : "Phạm vi: tất cả văn bản đã nạp (đặt phạm vi một địa phương bằng /phamvi &lt;địa phương&gt;).";
}

function listLocalities(localities: readonly LocalityInfo[]): string {
  const shown = localities.slice(0, MAX_LISTED_LOCALITIES).map((l) => `${escapeHtml(l.name)} (${l.documents})`);
  const more = localities.length > shown.length ? ` … và ${localities.length - shown.length} địa phương khác` : "";
  return `${shown.join(", ")}${more}`;
}

export function scopeFeature(deps: Pick<BotDeps, "assistant">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("phamvi", async (ctx) => {
    const arg = ctx.match.trim();
    const localities = deps.assistant.localities?.() ?? [];
    const current = ctx.session.scope ?? null;
    const html = (text: string) => ctx.reply(text, { parse_mode: "HTML" });

    if (!arg) {
      if (!current) {
        await html(
          "Cuộc trò chuyện này chưa đặt phạm vi: câu hỏi được trả lời từ tất cả văn bản đã nạp.\n" +
            `Đặt phạm vi một địa phương: /phamvi &lt;địa phương&gt;${localities[0] ? `, ví dụ /phamvi ${escapeHtml(localities[0].name)}` : ""}.`,
        );
        return;
      }
      const still = resolveLocality(current.locality, localities);
      await html(scopeLine(current) + (still ? "" : "\n⚠️ Hiện kho không còn văn bản nào của địa phương này: câu hỏi được trả lời từ tất cả văn bản."));
      return;
    }

    if (CLEAR_WORDS.has(folded(arg).trim())) {
      ctx.session.scope = null;
      await ctx.reply(current ? "Đã bỏ phạm vi: câu hỏi được trả lời từ tất cả văn bản đã nạp." : "Cuộc trò chuyện này chưa đặt phạm vi nào.");
      return;
    }

    const found = resolveLocality(arg, localities);
    if (!found) {
      await html(
        localities.length
          ? `Kho văn bản không có văn bản nào của “${escapeHtml(shorten(arg, 60))}”. Các địa phương có văn bản (số văn bản): ${listLocalities(localities)}.\n` +
              `Ví dụ: /phamvi ${escapeHtml(localities[0]!.name)}`
          : "Kho văn bản chưa có văn bản của địa phương nào (chỉ có văn bản trung ương): chưa đặt được phạm vi.",
      );
      return;
    }
    ctx.session.scope = { locality: found.name };
    await html(
      `Đã đặt phạm vi: ${bold(escapeHtml(found.name))} (${found.documents} văn bản). ` +
        `Câu hỏi không nêu văn bản cụ thể sẽ được trả lời từ các văn bản trung ương và văn bản của ${escapeHtml(found.name)}; ` +
        "câu hỏi nêu số hiệu hoặc địa phương khác vẫn được trả lời từ văn bản đó. Gõ /phamvi xoa để bỏ phạm vi.",
    );
  });
  return feature;
}
