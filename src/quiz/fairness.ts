/**
 * Fair options (issue 13): distractors of the same kind and level as the answer, drawn from the nearest source first
 * (the same section, the same document, then the corpus), never two options that say the same thing, and never a
 * distractor that is also right. `chooseDistractors` does the drawing; `optionProblems` is the check every finished
 * item passes (generated ones included).
 */
import { foldVi } from "../text/vietnamese.js";
import { containsNormalized, memoShort, normCheck, seeded } from "./text.js";
import { QUIZ_TUNING } from "./tuning.js";

/**
 * Words that change nothing about what an option says: "Về thực hiện …" and "Về việc thực hiện …" are one option.
 * Folded (no diacritics), since the comparison folds too.
 */
const FILLER = new Set(["ve", "viec", "cac", "nhung", "su", "cai", "mot", "cua"]);

/** An option as a reader compares it: no diacritics, no case, no punctuation, no filler words. */
export const optionKey = memoShort((text: string) =>
  foldVi(normCheck(text))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !FILLER.has(w))
    .join(" "),
);

/** Two options a reader would take for the same answer. */
export function sameOption(a: string, b: string): boolean {
  return sameKey(optionKey(a), optionKey(b));
}

function sameKey(ka: string, kb: string): boolean {
  if (ka === kb) return true;
  // One inside the other as whole words ("Ban Tuyên giáo" / "Ban Tuyên giáo Trung ương"): a reader cannot tell
  // which one the text means. Numbers and short codes are exempt ("2030" is not inside "2030-2035" as an answer).
  if (!ka.includes(" ") || !kb.includes(" ")) return false;
  return ` ${ka} `.includes(` ${kb} `) || ` ${kb} `.includes(` ${ka} `);
}

/** Problems with a set of options: empty when every pair is distinct to a reader. */
export function optionProblems(options: readonly string[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < options.length; i++) {
    for (let j = i + 1; j < options.length; j++) {
      if (sameOption(options[i]!, options[j]!)) problems.push(`options ${i + 1} and ${j + 1} say the same thing`);
    }
  }
  return problems;
}

/** Share of syllables two phrases have in common (Jaccard, 0…1). */
export function similarity(a: string, b: string): number {
  const sa = new Set(optionKey(a).split(" "));
  const sb = new Set(optionKey(b).split(" "));
  let both = 0;
  for (const w of sa) if (sb.has(w)) both++;
  return both / Math.max(1, sa.size + sb.size - both);
}

/** Where distractors come from, nearest first; `distance` (0 near … 1 far) feeds the item's difficulty. */
export interface Tier {
  candidates: readonly string[];
  distance: number;
}

export interface ChooseOptions {
  correct: string;
  tiers: Tier[];
  /** Answers that are also right (co-assignees, other correct readings): never offered. */
  exclude?: Iterable<string>;
  /** The question: an option it already contains would be a giveaway. */
  question?: string;
  /** Category checks: the right kind and level, and not used by the corpus in the same place (it would also be right). */
  valid?: (candidate: string) => boolean;
  /** A finer distance for one candidate (e.g. how far a year is from the answer); default: its tier's. */
  distance?: (candidate: string, tierDistance: number) => number;
  seed: string;
  count?: number;
}

export interface Chosen {
  distractors: string[];
  distances: number[];
}

/**
 * Distractors from the tiers in order. Within a tier, candidates are visited in a seeded order starting at a seeded
 * offset, and at most QUIZ_TUNING.maxCandidateChecks are checked per item: the work per item does not grow with the
 * corpus (a tier may hold every body of two thousand documents).
 */
export function chooseDistractors(o: ChooseOptions): Chosen {
  const count = o.count ?? QUIZ_TUNING.distractors;
  const rand = seeded(o.seed);
  // Everything the candidates are compared with, normalized once per call (not once per candidate).
  const correctKey = optionKey(o.correct);
  const correctNorm = normCheck(o.correct);
  const exclude = [...(o.exclude ?? [])].filter((x) => x.trim()).map((x) => ({ key: optionKey(x), norm: normCheck(x) }));
  const questionNorm = o.question ? normCheck(o.question) : null;
  const taken: string[] = [];
  const takenKeys: string[] = [];
  const distances: number[] = [];
  let checks = 0;
  for (const tier of o.tiers) {
    const n = tier.candidates.length;
    if (!n) continue;
    // Small tiers are shuffled whole (an even draw); large ones walked from a random start with a random odd
    // stride, which visits distinct candidates without copying the tier.
    const order = n <= 64 ? shuffleIndices(n, rand) : null;
    const start = Math.floor(rand() * n);
    const stride = n > 1 ? pickStride(n, rand) : 1;
    for (let k = 0; k < n && taken.length < count && checks < QUIZ_TUNING.maxCandidateChecks; k++) {
      const raw = tier.candidates[order ? order[k]! : (start + k * stride) % n]!;
      checks++;
      if (!raw || raw.length > QUIZ_TUNING.optionChars) continue;
      const c = /\s\s|^\s|\s$|[\t\n]/.test(raw) ? raw.replace(/\s+/g, " ").trim() : raw;
      const key = optionKey(c);
      const norm = normCheck(c);
      if (!key || sameKey(key, correctKey) || containsNormalized(correctNorm, norm) || containsNormalized(norm, correctNorm)) continue;
      if (takenKeys.some((t) => sameKey(t, key))) continue;
      if (exclude.some((x) => sameKey(x.key, key) || x.norm === norm)) continue;
      if (questionNorm && containsNormalized(questionNorm, norm)) continue;
      if (o.valid && !o.valid(c)) continue;
      taken.push(c);
      takenKeys.push(key);
      distances.push(o.distance ? o.distance(c, tier.distance) : tier.distance);
    }
    if (taken.length >= count) break;
  }
  return { distractors: taken, distances };
}

function shuffleIndices(n: number, rand: () => number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function gcd(a: number, b: number): number {
  return b ? gcd(b, a % b) : a;
}

/** A stride co-prime with n, so that start + k·stride visits every index once. */
function pickStride(n: number, rand: () => number): number {
  for (let tries = 0; tries < 20; tries++) {
    const s = 1 + Math.floor(rand() * (n - 1));
    if (gcd(s, n) === 1) return s;
  }
  return 1;
}
