/**
 * Telegram HTML (parse_mode "HTML") building blocks. Everything that did not come from our own templates —
 * user text, answer text, document titles, quotes — goes through `escapeHtml` before it is put in a message.
 */

export { escapeHtml } from "../../text/html.js";

/** The inverse of `escapeHtml` plus the numeric entities Telegram accepts. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === "amp") return "&";
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "quot") return '"';
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** `<b>` around already-escaped HTML. */
export const bold = (html: string): string => `<b>${html}</b>`;
/** `<i>` around already-escaped HTML. */
export const italic = (html: string): string => `<i>${html}</i>`;
/** `<code>` around already-escaped HTML. */
export const code = (html: string): string => `<code>${html}</code>`;
/** `<blockquote>` around already-escaped HTML. */
export const blockquote = (html: string): string => `<blockquote>${html}</blockquote>`;

/**
 * Plain-text rendering of our HTML for the terminal chat: tags dropped, entities decoded, quotes indented.
 * Only meant for HTML this module's helpers produce.
 */
export function htmlToText(html: string): string {
  const withQuotes = html.replace(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/gi, (_m, inner: string) =>
    inner
      .split("\n")
      .map((line) => `    ${line}`)
      .join("\n"),
  );
  return unescapeHtml(withQuotes.replace(/<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?>/gi, ""));
}

/** Shorten plain text to at most `max` characters on a word boundary, marking the cut with "…". */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
