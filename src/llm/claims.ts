/**
 * Does a quote support the claim it is attached to? A quote can be verbatim and still say nothing of the claim (one
 * unrelated word, the right words about another body). A claim stands only when its quote is more than a fragment,
 * every number and date it states is in the quote (or the cited document's label), every body it names is there by
 * its words, and the claim's own content words are mostly there too. Pure.
 */
import { foldVi } from "../text/vietnamese.js";
import { BODY_HEADS } from "../domain/vocabulary.js";

/** Tuning of the support check, with reasons. */
export const SUPPORT = {
  /** Fewer words than this is a fragment: it can be found anywhere and shows nothing. */
  minQuoteWords: 4,
  /** Share of the claim's content words the quote (with the document's label) must hold. */
  minOverlap: 0.4,
} as const;

const words = (text: string) => foldVi(text).toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Function words that carry no claim. */
const FUNCTION = new Set(
  "va cua cac nhung la duoc co cho voi trong ve theo de den tu nay do thi ma nhu mot cung da se dang tai tren bi vao ra lai nen neu khi hay hoac the o can phai viec nham gom".split(" "),
);

const BODY = new RegExp(`(?:${BODY_HEADS.map((h) => h.replace(/ /g, "\\s+")).join("|")})(?:\\s+\\p{Lu}[\\p{L}&]*){1,6}`, "gu");
const NUMBER = /\d+(?:[/.,-]\d+)*(?:-[\p{L}]+\/[\p{L}\d-]+)?%?/gu;

export type Unsupported = "fragment" | "number" | "body" | "overlap";

/** Why a quote does not support a claim, or null when it does. `label` is the cited document's label. */
export function unsupported(claim: string, quote: string, label = ""): Unsupported | null {
  const quoteWords = words(quote);
  if (quoteWords.length < SUPPORT.minQuoteWords) return "fragment";
  const haystack = ` ${[...quoteWords, ...words(label)].join(" ")} `;
  const has = (w: string[]) => w.every((x) => haystack.includes(` ${x} `));
  for (const n of claim.match(NUMBER) ?? []) if (!has(words(n))) return "number";
  for (const b of claim.match(BODY) ?? []) if (!has(words(b))) return "body";
  const content = words(claim).filter((w) => w.length >= 2 && !FUNCTION.has(w) && !/^\d+$/.test(w));
  if (content.length && content.filter((w) => haystack.includes(` ${w} `)).length / content.length < SUPPORT.minOverlap) return "overlap";
  return null;
}

/** Model text as plain text: Markdown emphasis, headings, code marks and links removed (the bot escapes the rest). */
export function plainText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((?:[^)]+)\)/g, "$1")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/(^|\s)[*_](?=\S)([^*_]+?)[*_](?=\s|[.,;:!?]|$)/g, "$1$2")
    .replace(/^\s*#{1,6}\s+/gm, "")
    .replace(/^\s*[-*+]\s+/gm, "– ")
    .replace(/<[^>]+>/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
}
