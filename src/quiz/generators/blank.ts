/**
 * What the blank-filling kinds (numbers, terms, bodies) share: the question that shows a sentence with a blank (cut
 * around the blank to fit Telegram's 300 characters), and the filled-in phrase checked against the corpus.
 */
import type { ParsedDocument } from "../../domain/model.js";
import type { QuizCorpus } from "../corpus.js";
import { partLabel, shortRef } from "../label.js";
import { containsPhrase, findSpans, normCheck } from "../text.js";
import { QUIZ_TUNING } from "../tuning.js";
import { TELEGRAM_LIMITS } from "../types.js";

export const BLANK = "___";

export interface Blank {
  /** The sentence shown, and where the blank is in it. */
  sentence: string;
  start: number;
  end: number;
}

/** "Điền vào chỗ trống (Kết luận 69-KL/TW, mục 4): “… trung tâm tài chính, ___, trường đại học …”". */
export function blankQuestion(lead: string, doc: ParsedDocument, section: string, b: Blank): string {
  const head = `${lead} (${shortRef(doc)}, ${partLabel("section", section)}): “`;
  const room = TELEGRAM_LIMITS.questionChars - head.length - 2;
  const s = b.sentence;
  const filled = `${s.slice(0, b.start)}${BLANK}${s.slice(b.end)}`;
  if (filled.length <= room) return `${head}${filled}”`;
  const at = b.start;
  let from = Math.max(0, at - Math.floor(room * 0.55));
  while (from > 0 && /\S/.test(filled[from - 1]!)) from++;
  let to = Math.min(filled.length, from + room - 2);
  while (to < filled.length && to > at + BLANK.length && /\S/.test(filled[to]!)) to--;
  return `${head}${from > 0 ? "…" : ""}${filled.slice(from, to).trim()}${to < filled.length ? "…" : ""}”`;
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The syllables around a blank: computed once per blank, not once per candidate. */
const contexts = new WeakMap<Blank, { l: string; r: string }>();
function contextOf(b: Blank): { l: string; r: string } {
  let c = contexts.get(b);
  if (!c) {
    const n = QUIZ_TUNING.attestedContext;
    const left = words(b.sentence.slice(0, b.start));
    const right = words(b.sentence.slice(b.end));
    c = { l: left.slice(-(right.length ? n : 2 * n)).join(" "), r: right.slice(0, left.length ? n : 2 * n).join(" ") };
    contexts.set(b, c);
  }
  return c;
}

/**
 * A candidate for the blank is wrong for sure only if the corpus never writes it in this place, and if the shown
 * sentence does not hold it already (it would read as a repetition, or give itself away). "This place" is the
 * candidate with `attestedContext` syllables on each side; at the start or end of a sentence, more on the side there is.
 */
export function fitsNowhere(corpus: QuizCorpus, b: Blank, candidate: string): boolean {
  const { l, r } = contextOf(b);
  if (corpus.phrases.has(`${l} ${candidate} ${r}`)) return false;
  return !containsPhrase(b.sentence, candidate);
}

/** The answer may not stand a second time in the shown sentence (the blank would be given away). */
export function standsOnce(b: Blank): boolean {
  const s = normCheck(b.sentence);
  const a = normCheck(b.sentence.slice(b.start, b.end));
  const first = s.indexOf(a);
  // A second occurrence as a substring may be inside a longer word: then look closer, word by word.
  return first < 0 || s.indexOf(a, first + 1) < 0 || findSpans(b.sentence, a).length <= 1;
}
