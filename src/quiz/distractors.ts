/**
 * Choosing wrong options. A distractor must be plausible (same category, similar shape), distinct from the other
 * options, and never also true: callers pass what else is true (`exclude`) and a `valid` check for their category
 * (e.g. a body that is also assigned the same task, a date equal to the correct one).
 */
import { containsPhrase, normCheck, overlapsAsWords, sameText, seeded } from "./text.js";
import { TELEGRAM_LIMITS } from "./types.js";

export interface DistractorOptions {
  correct: string;
  candidates: Iterable<string>;
  /** Answers that are also true, or otherwise must not be offered. */
  exclude?: Iterable<string>;
  /** How a candidate is compared with `correct` and `exclude`: equal text, or one containing the other as words. */
  compare?: "exact" | "words";
  /** The question text: an option it already contains would be a giveaway or a joke. */
  question?: string;
  /** Extra category-specific check. */
  valid?: (candidate: string) => boolean;
  /** Lower is more plausible; ties are broken by a seeded shuffle. Default: closeness in length to `correct`. */
  rank?: (candidate: string) => number;
  seed: string;
  /** How many to return (default 3). */
  count?: number;
}

export function pickDistractors(o: DistractorOptions): string[] {
  const compare = o.compare ?? "words";
  const clash = compare === "exact" ? sameText : overlapsAsWords;
  const exclude = [...(o.exclude ?? [])].filter((x) => x.trim());
  const seen = new Set<string>([normCheck(o.correct)]);
  const ok: string[] = [];
  for (const raw of o.candidates) {
    const c = raw.replace(/\s+/g, " ").trim();
    if (!c || c.length > TELEGRAM_LIMITS.optionChars) continue;
    const key = normCheck(c);
    if (seen.has(key)) continue;
    if (clash(c, o.correct) || exclude.some((x) => clash(c, x))) continue;
    if (o.question && containsPhrase(o.question, c)) continue;
    if (o.valid && !o.valid(c)) continue;
    // Two distractors that overlap would let a reader eliminate both at once.
    if (compare === "words" && ok.some((x) => overlapsAsWords(x, c))) continue;
    seen.add(key);
    ok.push(c);
  }
  const rank = o.rank ?? ((c: string) => Math.round((Math.abs(c.length - o.correct.length) / Math.max(8, o.correct.length)) * 4));
  const rand = seeded(o.seed);
  const keyed = ok.map((c) => ({ c, r: rank(c), t: rand() }));
  keyed.sort((a, b) => a.r - b.r || a.t - b.t);
  return keyed.slice(0, o.count ?? 3).map((k) => k.c);
}
