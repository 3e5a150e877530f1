/**
 * HTML escaping for Telegram's parse_mode "HTML": a pure text helper, here so that features below the bot (the quiz)
 * can format messages without importing the bot.
 */

/** Escape the three characters Telegram's HTML parser treats specially (and `"` for attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}
