/**
 * Vietnamese-aware text analysis for lexical search.
 *
 * A Vietnamese word is one or more syllables separated by spaces, so single syllables are weak terms and
 * adjacent-syllable pairs carry the meaning. Every text is NFC'd, lowercased and put in one tone-mark convention
 * ("hoá" ≡ "hóa", "uỷ" ≡ "ủy"); common abbreviations are expanded; document numbers become one term each.
 * A diacritic-folded form of every term is a secondary signal for no-diacritic typing ("tuyen truyen").
 */
import { findNumberAliases, numberKey, NUMBER_PATTERN } from "../domain/numbers.js";
import { foldVi, normalizeVi } from "../text/vietnamese.js";

/** Abbreviations cadres type, expanded before tokenizing (matched on the normalized, lowercased text). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/(?<![\p{L}\p{N}])kh,\s*cn\s*&\s*đmst(?![\p{L}\p{N}])/gu, "khoa học, công nghệ và đổi mới sáng tạo"],
  [/(?<![\p{L}\p{N}])kh\s*&\s*cn(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])khcn(?![\p{L}\p{N}])/gu, "khoa học và công nghệ"],
  [/(?<![\p{L}\p{N}])đmst(?![\p{L}\p{N}])/gu, "đổi mới sáng tạo"],
  [/(?<![\p{L}\p{N}])cnh\s*-\s*hđh(?![\p{L}\p{N}])/gu, "công nghiệp hóa, hiện đại hóa"],
  [/(?<![\p{L}\p{N}])ubnd(?![\p{L}\p{N}])/gu, "ủy ban nhân dân"],
  [/(?<![\p{L}\p{N}])hđnd(?![\p{L}\p{N}])/gu, "hội đồng nhân dân"],
  [/(?<![\p{L}\p{N}])mttq(?![\p{L}\p{N}])/gu, "mặt trận tổ quốc"],
  [/(?<![\p{L}\p{N}])btv(?![\p{L}\p{N}])/gu, "ban thường vụ"],
  [/(?<![\p{L}\p{N}])btg(?![\p{L}\p{N}])/gu, "ban tuyên giáo"],
  [/(?<![\p{L}\p{N}])bch(?![\p{L}\p{N}])/gu, "ban chấp hành"],
  [/(?<![\p{L}\p{N}])bct(?![\p{L}\p{N}])/gu, "bộ chính trị"],
  [/(?<![\p{L}\p{N}])đuk(?![\p{L}\p{N}])/gu, "đảng ủy khối"],
  [/(?<![\p{L}\p{N}])cqtw(?![\p{L}\p{N}])/gu, "cơ quan trung ương"],
  [/(?<![\p{L}\p{N}])kt\s*-\s*xh(?![\p{L}\p{N}])/gu, "kinh tế - xã hội"],
  [/(?<![\p{L}\p{N}])gd\s*&\s*đt(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])gdđt(?![\p{L}\p{N}])/gu, "giáo dục và đào tạo"],
];

/** Function words that carry no topic on their own (pairs that contain them still count). */
export const STOPWORDS = new Set(
  "và của các những là được có cho với trong về theo để đến từ này đó thì mà như một cũng đã sẽ đang tại trên do bị vào ra lại nên nếu khi hay hoặc thế ở".split(
    " ",
  ),
);

/** Words of the question itself ("ai", "gì", "nào"…): not evidence the corpus must contain. */
export const QUESTION_WORDS = new Set(
  "ai gì nào sao bao nhiêu mấy đâu hỏi cho biết hãy nêu liệt kê những các có không là được cần phải làm thế nào như vậy hôm nay theo trong việc văn bản phụ trách chịu đảm nhiệm vụ giao yêu cầu gồm".split(
    " ",
  ),
);

const FOLDED_STOPWORDS = new Set([...STOPWORDS].map((w) => foldVi(w)));
const FOLDED_QUESTION_WORDS = new Set([...QUESTION_WORDS].map((w) => foldVi(w)));

export interface TermCounts {
  /** term → frequency. Term kinds: "w:" syllable, "p:" pair, "fw:"/"fp:" folded, "n:" document number. */
  counts: Map<string, number>;
  /** Number of syllables (document length for BM25). */
  length: number;
}

/** Normalize and expand abbreviations. */
export function normalizeForSearch(text: string): string {
  let t = normalizeVi(text);
  for (const [re, rep] of ABBREVIATIONS) t = t.replace(re, rep);
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
  for (const m of text.matchAll(new RegExp(NUMBER_PATTERN, "g"))) out.push(`n:${numberKey(`${m[1]}-${m[2]}/${m[3]}`)}`);
  return out;
}

/** Terms of a document text. */
export function analyzeText(text: string): TermCounts {
  const counts = new Map<string, number>();
  const norm = normalizeForSearch(text);
  let length = 0;
  for (const phrase of phrases(norm)) {
    for (let i = 0; i < phrase.length; i++) {
      const w = phrase[i]!;
      length++;
      const fw = foldVi(w);
      if (!STOPWORDS.has(w)) {
        add(counts, `w:${w}`);
        add(counts, `fw:${fw}`);
      }
      const next = phrase[i + 1];
      if (next) {
        add(counts, `p:${w}_${next}`);
        add(counts, `fp:${fw}_${foldVi(next)}`);
      }
    }
  }
  for (const n of numberTerms(text)) add(counts, n);
  return { counts, length };
}

/** A 32-bit FNV-1a hash: the term id in sparse vectors (stable across runs and machines). */
export function termId(term: string): number {
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
  const folded = foldVi(norm) === norm && /[a-z]/.test(norm);
  const terms = new Map<string, QueryTerm>();
  const put = (term: string, weight: number, key: boolean) => {
    const prev = terms.get(term);
    if (!prev || prev.weight < weight) terms.set(term, { term, weight, key: key || (prev?.key ?? false) });
  };
  for (const phrase of phrases(norm)) {
    const repairedWords = new Set<string>();
    const words = phrase.map((w) => {
      if (!vocab) return w;
      const kind = folded ? "fw:" : "w:";
      if (vocab.has(`${kind}${folded ? foldVi(w) : w}`) || STOPWORDS.has(w) || /^\d+$/.test(w)) return w;
      const fixed = vocab.repair(w, folded);
      if (fixed) repairedWords.add(fixed);
      return fixed ?? w;
    });
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const fw = foldVi(w);
      const stop = folded ? FOLDED_STOPWORDS.has(fw) : STOPWORDS.has(w);
      const isContent = !stop && !(folded ? FOLDED_QUESTION_WORDS.has(fw) : QUESTION_WORDS.has(w));
      if (!stop) {
        if (!folded) put(`w:${w}`, 1, isContent);
        put(`fw:${fw}`, folded ? 1 : 0.3, folded && isContent);
        if (repairedWords.has(w)) {
          const t = terms.get(folded ? `fw:${fw}` : `w:${w}`);
          if (t) t.repaired = true;
        }
      }
      const next = words[i + 1];
      if (next) {
        if (!folded) put(`p:${w}_${next}`, 2, false);
        put(`fp:${fw}_${foldVi(next)}`, folded ? 2 : 0.6, false);
      }
    }
  }
  for (const n of numberTerms(norm.toUpperCase())) put(n, 3, false);
  return { normalized: norm, folded, terms: [...terms.values()], numbers: findNumberAliases(text) };
}
