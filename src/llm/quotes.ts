/**
 * Verbatim-quote checking. A generated claim is kept only if its quote can be found, word for word, in the source the
 * claim names. What is tolerated is only what is invisible or typographic — Unicode form, runs of whitespace, letter
 * case, the two tone-mark conventions ("hoá"/"hóa"), Markdown emphasis, curly vs straight quotes, dash variants,
 * punctuation at the fragment's edges — and the returned quote is always cut from the source itself, so a citation
 * never shows the model's spelling.
 */
import { nfc, unifyTones } from "../text/vietnamese.js";

/** Characters the source may carry as Markdown markup around words: ignored on both sides. */
const MARKUP = new Set(["*", "_", "`", "\\", "#", ">"]);
const QUOTES = /["“”„«»‘’']/;
const DASHES = /[‐‑‒–—―−]/;
/** Fragment separators the model may use, as the eval does: "…" or "...". */
const FRAGMENT_SEPARATOR = /…|\.\.\./;
/** Stripped from a fragment's edges before matching ("…thực hiện." vs "…thực hiện;"). */
// Not brackets: "(Kết luận số 69-KL/TW)" must keep its closing one.
const EDGE = /^[\s.,;:!?"“”„«»‘’'\-–—]+|[\s.,;:!?"“”„«»‘’'\-–—]+$/gu;

interface Folded {
  /** The comparison form. */
  key: string;
  /** key[i] came from text[map[i]]. */
  map: number[];
}

/**
 * The comparison form, character by character so every position maps back to the text. Every step keeps one char
 * for one char (a step that would not — a rare lowercase expansion — is skipped), which makes the map exact.
 */
function fold(text: string): Folded {
  const lower = [...text].map((c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  }).join("");
  const toned = unifyTones(lower);
  const source = toned.length === lower.length ? toned : lower;
  let key = "";
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    let c = source[i]!;
    if (/\s/.test(c)) {
      if (key.length > 0 && !key.endsWith(" ")) {
        key += " ";
        map.push(i);
      }
      continue;
    }
    if (MARKUP.has(c)) continue;
    if (QUOTES.test(c)) c = '"';
    else if (DASHES.test(c)) c = "-";
    key += c;
    map.push(i);
  }
  if (key.endsWith(" ")) {
    key = key.slice(0, -1);
    map.pop();
  }
  return { key, map };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);

/** First occurrence of `needle` at or after `from` that starts and ends on word boundaries ("an" is not in "ban"). */
function findWhole(haystack: string, needle: string, from: number): number {
  for (let at = haystack.indexOf(needle, from); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const startsWord = !(isWordChar(needle[0]) && isWordChar(haystack[at - 1]));
    const endsWord = !(isWordChar(needle[needle.length - 1]) && isWordChar(haystack[end]));
    if (startsWord && endsWord) return at;
  }
  return -1;
}

const words = (s: string) => s.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * The verbatim form of `quote` in `sourceText`, or null when any part of it is not there.
 * Fragments joined by "…" must each be found, in source order, and (when there are several) be at least two words
 * each: single words found here and there would let a stitched-together sentence pass as a quote.
 * The result is the source's own text for each fragment (NFC, whitespace collapsed), joined with " … ".
 */
export function verbatimQuote(sourceText: string, quote: string): string | null {
  const text = nfc(sourceText);
  const source = fold(text);
  const fragments = nfc(quote)
    .split(FRAGMENT_SEPARATOR)
    .map((f) => fold(f).key.replace(EDGE, ""))
    .filter((f) => f.length > 0);
  if (fragments.length === 0) return null;
  if (fragments.some((f) => !/[\p{L}\p{N}]/u.test(f))) return null;
  if (fragments.length > 1 && fragments.some((f) => words(f) < 2)) return null;

  const found: string[] = [];
  let from = 0;
  for (const fragment of fragments) {
    const at = findWhole(source.key, fragment, from);
    if (at < 0) return null;
    const end = at + fragment.length;
    const start = source.map[at]!;
    const stop = source.map[end - 1]! + 1;
    found.push(text.slice(start, stop).replace(/\s+/g, " ").trim());
    from = end;
  }
  return found.join(" … ");
}
