/**
 * Vietnamese-aware text analysis for lexical search.
 *
 * A Vietnamese word is one or more syllables separated by spaces, so single syllables are weak terms and
 * adjacent-syllable pairs carry the meaning. Every text is NFC'd, lowercased and put in one tone-mark convention
 * ("hoá" ≡ "hóa", "uỷ" ≡ "ủy"); common abbreviations are expanded; document numbers become one term each.
 * A diacritic-folded form of every term is a secondary signal for no-diacritic typing ("tuyen truyen").
 */
import { findNumberAliases, findNumbers, numberKey } from "../domain/numbers.js";
import { SHORT_FORMS } from "../domain/vocabulary.js";
import { foldVi, hasDiacritics, normalizeVi } from "../text/vietnamese.js";

/** Function words that carry no topic on their own (pairs that contain them still count). */
export const STOPWORDS = new Set(
  "và của các những là được có cho với trong về theo để đến từ này đó thì mà như một cũng đã sẽ đang tại trên do bị vào ra lại nên nếu khi hay hoặc thế ở".split(
    " ",
  ),
);

/** Words of the question itself ("ai", "gì", "nào"…): not evidence the corpus must contain. */
export const QUESTION_WORDS = new Set(
  "ai gì nào sao bao nhiêu mấy đâu hỏi loại cho biết hãy nêu liệt kê những các có không là được cần phải làm thế nào như vậy hôm nay theo trong việc văn bản phụ trách chịu đảm nhiệm vụ giao yêu cầu gồm trì phối hợp đơn vị cơ quan khi hạn thời vậy nhé ạ ơi à hả lâu xem giúp mình em anh chị xong".split(
    " ",
  ),
);

/**
 * Question phrases whose syllables are also words ("bao" covers, "nào" as in "não"): within these phrases they are the
 * question only, no key term of their own, and no key pair joins them to a neighbour ("bố trí | bao nhiêu" gives no
 * "trí bao", although "bố trí bao gồm" puts that pair in a large corpus). "hạn nộp"/"hạn gửi" asks a deadline: the
 * text says "gửi … trước ngày" as often as "nộp". "lần lượt" says "respectively".
 */
const QUESTION_PHRASE = /^(?:bao (?:nhieu|gio|lau)|(?:the|khi|luc) nao|han (?:nop|gui)|lan luot)$/;

/** Share of a question's syllables with marks from which it counts as typed with marks (see analyzeQuery). */
const MARKED_SHARE = 1 / 3;

const FOLDED_STOPWORDS = new Set([...STOPWORDS].map((w) => foldVi(w)));
const FOLDED_QUESTION_WORDS = new Set([...QUESTION_WORDS].map((w) => foldVi(w)));

export interface TermCounts {
  /** term → frequency. Term kinds: "w:" syllable, "p:" pair, "fw:"/"fp:" folded, "n:" document number. */
  counts: Map<string, number>;
  /** Number of syllables (document length for BM25). */
  length: number;
  /** Syllable pairs written across punctuation ("hạn chế, yếu kém" → "p:chế_yếu"), exact and folded. */
  crossPairs: string[];
}

/** Normalize and expand abbreviations. */
export function normalizeForSearch(text: string): string {
  // "1,5% GDP" and "bao nhiêu phần trăm GDP" are the same words.
  let t = normalizeVi(text).replace(/%/g, " phần trăm ");
  for (const [re, rep] of SHORT_FORMS) t = t.replace(re, rep);
  return t;
}

/** Phrases = runs of syllables not broken by punctuation; pairs never cross a comma or a full stop. */
export function phrases(normalized: string): string[][] {
  return normalized
    .split(/[^\p{L}\p{N}\s]+|\s{2,}/u)
    .map((p) => p.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)))
    .filter((p) => p.length > 0);
}

function add(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Document numbers in a text as terms ("n:844-CV/DU"), from full numbers only. */
export function numberTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of findNumbers(text)) out.push(`n:${numberKey(m.number)}`);
  return out;
}

/** Terms of a document text. */
export function analyzeText(text: string): TermCounts {
  const counts = new Map<string, number>();
  const crossPairs: string[] = [];
  let length = 0;
  let prevLast: { w: string; fw: string } | null = null;
  for (const phrase of phrases(normalizeForSearch(text))) {
    const folds = phrase.map((w) => foldVi(w));
    if (prevLast) crossPairs.push(`p:${prevLast.w}_${phrase[0]}`, `fp:${prevLast.fw}_${folds[0]}`);
    for (let i = 0; i < phrase.length; i++) {
      const w = phrase[i]!;
      const fw = folds[i]!;
      length++;
      if (!STOPWORDS.has(w)) {
        add(counts, `w:${w}`);
        add(counts, `fw:${fw}`);
      }
      const next = phrase[i + 1];
      if (next !== undefined) {
        add(counts, `p:${w}_${next}`);
        add(counts, `fp:${fw}_${folds[i + 1]}`);
      }
    }
    prevLast = { w: phrase[phrase.length - 1]!, fw: folds[folds.length - 1]! };
  }
  for (const n of numberTerms(text)) add(counts, n);
  return { counts, length, crossPairs };
}

/**
 * The term ids of a text, as `termId` would give for every term of `analyzeText`, computed without building the
 * term strings: the hash runs over the prefix and the syllables directly. Indexing uses this (one pass, numeric
 * maps, no garbage per term); retrieval's evidence checks use `analyzeText` on the few chunks they look at.
 */
export interface TermIds {
  counts: Map<number, number>;
  length: number;
  /** Distinct exact syllables (the vocabulary for typo repair). */
  words: string[];
  /** Ids of the pairs written across punctuation. */
  crossPairs: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvAdd(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

const H_W = fnvAdd(FNV_OFFSET, "w:");
const H_FW = fnvAdd(FNV_OFFSET, "fw:");
const H_P = fnvAdd(FNV_OFFSET, "p:");
const H_FP = fnvAdd(FNV_OFFSET, "fp:");
const UNDERSCORE = "_".charCodeAt(0);

function pairId(start: number, a: string, b: string): number {
  let h = fnvAdd(start, a);
  h ^= UNDERSCORE;
  h = Math.imul(h, FNV_PRIME);
  return fnvAdd(h, b) >>> 0;
}

function addId(map: Map<number, number>, id: number): void {
  map.set(id, (map.get(id) ?? 0) + 1);
}

export function analyzeIds(text: string): TermIds {
  const counts = new Map<number, number>();
  const crossPairs: number[] = [];
  const words = new Set<string>();
  let length = 0;
  let prevLast: { w: string; fw: string } | null = null;
  for (const phrase of phrases(normalizeForSearch(text))) {
    const folds = phrase.map((w) => foldVi(w));
    if (prevLast) crossPairs.push(pairId(H_P, prevLast.w, phrase[0]!), pairId(H_FP, prevLast.fw, folds[0]!));
    for (let i = 0; i < phrase.length; i++) {
      const w = phrase[i]!;
      const fw = folds[i]!;
      length++;
      if (!STOPWORDS.has(w)) {
        words.add(w);
        addId(counts, fnvAdd(H_W, w) >>> 0);
        addId(counts, fnvAdd(H_FW, fw) >>> 0);
      }
      const next = phrase[i + 1];
      if (next !== undefined) {
        addId(counts, pairId(H_P, w, next));
        addId(counts, pairId(H_FP, fw, folds[i + 1]!));
      }
    }
    prevLast = { w: phrase[phrase.length - 1]!, fw: folds[folds.length - 1]! };
  }
  for (const n of numberTerms(text)) addId(counts, termId(n));
  return { counts, length, words: [...words], crossPairs };
}

const termIds = new Map<string, number>();

/** A 32-bit FNV-1a hash: the term id in sparse vectors (stable across runs and machines). Memoized: indexing
 * hashes the same few hundred thousand terms over and over. */
export function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = fnv1a(term);
    if (termIds.size >= 1_000_000) termIds.clear();
    termIds.set(term, id);
  }
  return id;
}

function fnv1a(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface QueryTerm {
  term: string;
  weight: number;
  /** The word was not in the vocabulary and was repaired as a typo: it earns only part of its evidence. */
  repaired?: boolean;
  /** A pair of adjacent syllables as the question typed them (exact or folded). */
  pair?: boolean;
  /** A pair of two content syllables: the meaning-bearing pairs evidence must hold. */
  keyPair?: boolean;
  /** Counts toward "does the evidence answer the question?" */
  key: boolean;
}

export interface AnalyzedQuery {
  normalized: string;
  /** The user typed no diacritics at all: folded terms are the main signal. */
  folded: boolean;
  terms: QueryTerm[];
  /** Document numbers the question names, canonical where resolvable later ("69", "KL" → resolved by the caller). */
  numbers: ReturnType<typeof findNumberAliases>;
}

/** Vocabulary of the index, for typo repair: syllable → document frequency. */
export interface Vocabulary {
  has(term: string): boolean;
  /** Closest known syllable within edit distance 1 (same folded class first), or null. */
  repair(word: string, folded: boolean): string | null;
}

export function analyzeQuery(text: string, vocab?: Vocabulary): AnalyzedQuery {
  const norm = normalizeForSearch(text);
  const terms = new Map<string, QueryTerm>();
  const put = (term: string, weight: number, key: boolean, extra: Partial<QueryTerm> = {}) => {
    const prev = terms.get(term);
    if (!prev || prev.weight < weight) terms.set(term, { term, weight, key: key || (prev?.key ?? false), ...extra });
    else if (key) prev.key = true;
  };
  // Each word is matched exactly when typed with its marks and known, and by its folded form when typed without
  // marks (or with wrong ones): "Kêt luân 69 yêu câu gi vê thi truong" mixes both in one question.
  let allFolded = true;
  // Typed with marks (a third of the syllables or more, where Vietnamese has about two in three): then a function word
  // that has no marks ("cho", "trong", "theo") is that word, not one typed without them, and joins no key pair
  // ("tiền cho", "cho người" are written somewhere in a large corpus, and say nothing).
  const syllables = norm.match(/\p{L}+/gu) ?? [];
  const marked = syllables.filter((w) => hasDiacritics(w)).length >= MARKED_SHARE * syllables.length && syllables.length > 0;
  for (const phrase of phrases(norm)) {
    const folds = phrase.map((w) => foldVi(w));
    const pairKnown = (i: number, j: number) => !!vocab && i >= 0 && j < phrase.length && vocab.has(`fp:${folds[i]}_${folds[j]}`);
    const analyzed = phrase.map((raw, i) => {
      let w = raw;
      let repaired = false;
      const numeric = /^\d+$/.test(w);
      let fold = !hasDiacritics(w) && !numeric && !(marked && STOPWORDS.has(w));
      // (A function word typed with its marks is that word, whether or not the index keeps it: "phí từ ngân sách".)
      if (vocab && !numeric && !fold && !STOPWORDS.has(w) && !vocab.has(`w:${w}`)) {
        if (FOLDED_STOPWORDS.has(folds[i]!)) {
          // A function word typed with wrong marks ("vê" for "về") is still that function word.
          fold = true;
        } else if (vocab.has(`fw:${folds[i]}`)) {
          // Marks the corpus never uses on this syllable: a typing slip ("Kêt luân") when the folded form pairs
          // with a neighbour as the corpus writes it, else a word the corpus lacks ("mức lương" ≠ "mức lượng").
          fold = pairKnown(i - 1, i) || pairKnown(i, i + 1);
        }
        // A marked word the corpus lacks in every form is a word it lacks ("vàng", "lương"): no repair.
      } else if (vocab && fold && !vocab.has(`fw:${w}`) && !FOLDED_STOPWORDS.has(w) && !FOLDED_QUESTION_WORDS.has(w)) {
        // (A question word the corpus never writes, "xong", is no typo of a word it does, "công".)
        const fixed = vocab.repair(w, true);
        if (fixed) [w, repaired] = [fixed, true];
      }
      if (!fold) allFolded = false;
      const fw = foldVi(w);
      const stop = fold ? FOLDED_STOPWORDS.has(fw) : STOPWORDS.has(w);
      const content = !stop && !(fold ? FOLDED_QUESTION_WORDS.has(fw) : QUESTION_WORDS.has(w));
      return { w, fw, fold, stop, content, repaired };
    });
    const questionPhrase = folds.map(() => false);
    for (let i = 0; i + 1 < folds.length; i++) if (QUESTION_PHRASE.test(`${folds[i]} ${folds[i + 1]}`)) questionPhrase[i] = questionPhrase[i + 1] = true;
    analyzed.forEach((a, i) => {
      if (questionPhrase[i]) a.content = false;
      // Without marks a function word may be a content word ("dang": đang or Đảng, "thi": thì or thị): it stays,
      // weak, and pairs decide ("dang doan", "thi truong" are pairs the corpus uses).
      if (a.stop && a.fold) put(`fw:${a.fw}`, 0.2, false);
      if (!a.stop) {
        if (a.fold) put(`fw:${a.fw}`, 1, a.content, a.repaired ? { repaired: true } : {});
        else {
          put(`w:${a.w}`, 1, a.content, a.repaired ? { repaired: true } : {});
          put(`fw:${a.fw}`, 0.3, false);
        }
      }
      const b = analyzed[i + 1];
      if (!b) return;
      const foldedPair = `fp:${a.fw}_${b.fw}`;
      const known = (x: (typeof analyzed)[number] | undefined, y: (typeof analyzed)[number] | undefined) =>
        !!x && !!y && !!vocab?.has(`fp:${x.fw}_${y.fw}`);
      // Two words the corpus knows, side by side only in this question ("phấn đấu | trở thành" gives "đấu trở"):
      // the seam between them is not a phrase the evidence must hold.
      const seam = !vocab?.has(foldedPair) && known(analyzed[i - 1], a) && known(b, analyzed[i + 2]);
      // A year is a key term of its own, and ends a phrase ("đến năm 2030 | kinh tế số"): no compound with what
      // follows it; with what precedes it, only as the corpus writes it ("năm 2030", "đến 2030"; "Techfest 2025" is
      // written "Techfest Việt Nam 2025"). (A count is read with its unit: "1 lần", "05 năm".)
      const year = /^(?:19|20)\d\d$/;
      const withYear = year.test(a.fw) || (year.test(b.fw) && !vocab?.has(foldedPair));
      // A function word read as one (typed with marks, or in a question typed with them: "theo | Quy định của …") joins
      // no key pair: "theo quy" is how the question names a document, not what the evidence must hold.
      const functionWord = (a.stop && !a.fold) || (b.stop && !b.fold);
      const keyPair = !seam && !withYear && !functionWord && !questionPhrase[i] && !questionPhrase[i + 1] && ((a.content && b.content) || ((a.fold || b.fold) && (a.content || b.content) && !!vocab?.has(foldedPair)));
      if (!a.fold && !b.fold) {
        put(`p:${a.w}_${b.w}`, 2, false, { pair: true, keyPair });
        put(`fp:${a.fw}_${b.fw}`, 0.6, false);
      } else put(`fp:${a.fw}_${b.fw}`, 2, false, { pair: true, keyPair });
    });
  }
  for (const n of numberTerms(norm.toUpperCase())) put(n, 3, false);
  return { normalized: norm, folded: allFolded && /[a-z]/.test(norm), terms: [...terms.values()], numbers: findNumberAliases(text) };
}
