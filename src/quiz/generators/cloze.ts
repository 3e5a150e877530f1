/**
 * Key phrases with a blank: "… là quốc sách hàng đầu, ___ chiến lược, là động lực quan trọng …". The blank is a
 * distinctive two-syllable word; distractors are words the corpus itself puts before the same next word ("đối tác
 * chiến lược", "dự báo chiến lược"), or after the same previous word, so they read naturally. A distractor is
 * refused when the filled-in phrase occurs anywhere in the corpus (it would be true somewhere). Numbers get nearby
 * numbers ("Sau ___ năm thực hiện Nghị quyết số 20-NQ/TW").
 */
import type { Knowledge } from "../../assistant/knowledge.js";
import type { ParsedDocument } from "../../domain/model.js";
import { STOPWORDS } from "../../search/analyzer.js";
import { pickDistractors } from "../distractors.js";
import type { Draft } from "../item.js";
import { partLabel, shortRef } from "../label.js";
import { sectionSource } from "../sources.js";
import { collapse, containsPhrase, normCheck } from "../text.js";
import { TELEGRAM_LIMITS } from "../types.js";

const BLANK = "___";
/** Cloze items per document at most (a bank of blanks would crowd out everything else). */
const PER_DOCUMENT = 4;

interface Token {
  text: string;
  norm: string;
  start: number;
  end: number;
  /** Index of the punctuation-free run the token belongs to. */
  run: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let run = 0;
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (out.length && /[^\s]/u.test(text.slice(last, m.index))) run++;
    out.push({ text: m[0], norm: normCheck(m[0]), start: m.index, end: m.index + m[0].length, run });
    last = m.index + m[0].length;
  }
  return out;
}

const isWordSyllable = (t: Token | undefined) => Boolean(t && /^\p{Ll}+$/u.test(t.text) && !STOPWORDS.has(t.norm));

interface CorpusIndex {
  /** Normalized text of every section, punctuation kept, joined by " ¶ ". */
  text: string;
  syllableCount: Map<string, number>;
  bigramCount: Map<string, number>;
  /** Sections a bigram occurs in. */
  bigramDf: Map<string, number>;
  sections: number;
  /** "chiến lược" → words right before it ("đột phá", "đối tác"…). */
  before: Map<string, Map<string, string>>;
  /** "quốc sách" → words right after it. */
  after: Map<string, Map<string, string>>;
}

function indexCorpus(kb: Knowledge): CorpusIndex {
  const idx: CorpusIndex = { text: "", syllableCount: new Map(), bigramCount: new Map(), bigramDf: new Map(), sections: 0, before: new Map(), after: new Map() };
  const parts: string[] = [];
  const put = (m: Map<string, Map<string, string>>, key: string, norm: string, surface: string) => {
    if (!m.has(key)) m.set(key, new Map());
    if (!m.get(key)!.has(norm)) m.get(key)!.set(norm, surface);
  };
  // Two passes: counts first, then the neighbour maps, which keep only whole words (see `standsAlone`).
  const runs: { text: string; toks: Token[] }[] = [];
  for (const doc of kb.documents) {
    for (const s of doc.sections) {
      const text = collapse([s.title, s.text].filter(Boolean).join(". "));
      parts.push(normCheck(text));
      idx.sections++;
      const toks = tokens(text);
      runs.push({ text, toks });
      for (const t of toks) idx.syllableCount.set(t.norm, (idx.syllableCount.get(t.norm) ?? 0) + 1);
      const seen = new Set<string>();
      for (let i = 0; i + 1 < toks.length; i++) {
        const [a, b] = [toks[i]!, toks[i + 1]!];
        if (a.run !== b.run) continue;
        const bg = `${a.norm} ${b.norm}`;
        idx.bigramCount.set(bg, (idx.bigramCount.get(bg) ?? 0) + 1);
        if (!seen.has(bg)) idx.bigramDf.set(bg, (idx.bigramDf.get(bg) ?? 0) + 1);
        seen.add(bg);
      }
    }
  }
  for (const { text, toks } of runs) {
    for (let i = 0; i + 1 < toks.length; i++) {
      const [a, b] = [toks[i]!, toks[i + 1]!];
      if (a.run !== b.run || !isWordSyllable(a) || !isWordSyllable(b) || !standsAlone(idx, toks, i)) continue;
      const bg = `${a.norm} ${b.norm}`;
      const c = toks[i + 2];
      const d = toks[i + 3];
      if (c && d && c.run === a.run && d.run === a.run) put(idx.before, `${c.norm} ${d.norm}`, bg, text.slice(a.start, b.end));
      const y = toks[i - 2];
      const x = toks[i - 1];
      if (x && y && x.run === a.run && y.run === a.run) put(idx.after, `${y.norm} ${x.norm}`, bg, text.slice(a.start, b.end));
    }
  }
  idx.text = ` ${parts.join(" ¶ ")} `;
  return idx;
}

/**
 * How much two syllables belong together (0…1): how often they occur as a pair, relative to the rarer of the two.
 * "tiềm lực", "đột phá", "ứng dụng" are near 1; "dụng khoa" (from "ứng dụng khoa học") is low. Vietnamese writes
 * words as separate syllables, so this is how a two-syllable word is told from a chance pair.
 */
function cohesion(idx: CorpusIndex, a: string, b: string): number {
  const pair = idx.bigramCount.get(`${a} ${b}`) ?? 0;
  return pair / Math.max(1, Math.min(idx.syllableCount.get(a) ?? 0, idx.syllableCount.get(b) ?? 0));
}

/**
 * The pair toks[i], toks[i+1] is a word on its own here: neither syllable binds more strongly (or strongly at all)
 * to its outer neighbour ("hiện tốt" in "thực hiện tốt" does not stand alone: "thực hiện" is a word).
 */
function standsAlone(idx: CorpusIndex, toks: Token[], i: number): boolean {
  const [a, b] = [toks[i]!, toks[i + 1]!];
  const own = cohesion(idx, a.norm, b.norm);
  const x = toks[i - 1];
  const c = toks[i + 2];
  if (x && x.run === a.run && cohesion(idx, x.norm, a.norm) >= Math.min(own, 0.5)) return false;
  if (c && c.run === a.run && cohesion(idx, b.norm, c.norm) >= Math.min(own, 0.5)) return false;
  return true;
}

/** A two-syllable word of the corpus (seen at least twice, cohesive). */
function isWord(idx: CorpusIndex, bigram: string): boolean {
  const [a = "", b = ""] = bigram.split(" ");
  return (idx.bigramCount.get(bigram) ?? 0) >= 2 && cohesion(idx, a, b) >= 0.4;
}

function sentences(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.;!?](?=\s|$)|\n/g)) {
    out.push({ start, text: text.slice(start, m.index + (m[0] === "\n" ? 0 : 1)) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out
    .map((s) => {
      // Leading whitespace and a bullet ("- ", "• ") are not part of the sentence.
      const lead = /^[\s\-–•*+]*/u.exec(s.text)![0].length;
      return { start: s.start + lead, text: s.text.slice(lead).trim() };
    })
    .filter((s) => s.text);
}

interface Blank {
  sentence: string;
  start: number;
  end: number;
  correct: string;
  candidates: Map<string, string>;
  /** The filled-in phrase for a candidate, to test whether the corpus attests it. */
  fill: (norm: string) => string;
  score: number;
}

function wordBlanks(sentence: string, idx: CorpusIndex): Blank[] {
  const toks = tokens(sentence);
  const out: Blank[] = [];
  const sNorm = (from: number, to: number) => normCheck(sentence.slice(from, to));
  for (let i = 0; i + 1 < toks.length; i++) {
    const [a, b] = [toks[i]!, toks[i + 1]!];
    if (a.run !== b.run || !isWordSyllable(a) || !isWordSyllable(b)) continue;
    const bg = `${a.norm} ${b.norm}`;
    const df = idx.bigramDf.get(bg) ?? 0;
    // A distinctive word: a real word (cohesive, and more so than with its neighbours), used in few sections.
    if (!isWord(idx, bg) || df > idx.sections * 0.12) continue;
    const c = toks[i + 2];
    const d = toks[i + 3];
    const x = toks[i - 1];
    const y = toks[i - 2];
    const own = cohesion(idx, a.norm, b.norm);
    if (!standsAlone(idx, toks, i)) continue;
    const right = c && d && c.run === a.run && d.run === a.run ? `${c.norm} ${d.norm}` : null;
    const left = x && y && x.run === a.run && y.run === a.run ? `${y.norm} ${x.norm}` : null;
    const leftContext = sNorm(Math.max(0, a.start - 18), a.start).replace(/^\S*\s/, "");
    const rightContext = sNorm(b.end, Math.min(sentence.length, b.end + 18)).replace(/\s\S*$/, "");
    for (const [side, key] of [
      ["right", right],
      ["left", left],
    ] as const) {
      if (!key) continue;
      const pool = (side === "right" ? idx.before : idx.after).get(key);
      if (!pool || pool.size < 4) continue;
      const candidates = new Map([...pool].filter(([n]) => n !== bg && isWord(idx, n)));
      if (candidates.size < 3) continue;
      out.push({
        sentence,
        start: a.start,
        end: b.end,
        correct: sentence.slice(a.start, b.end),
        candidates,
        fill: (n) => `${leftContext} ${n} ${rightContext}`.trim(),
        score: Math.min(candidates.size, 6) + own * 4 + (/\slà\s/u.test(sentence) ? 3 : 0) - df,
      });
    }
  }
  return out;
}

function numberBlanks(sentence: string): Blank[] {
  const out: Blank[] = [];
  for (const m of sentence.matchAll(/(?<![\d/.,-])(\d{1,3})(?![\d/.,-])\s+(người|năm|lần|%|phần trăm|tỷ|triệu)/gu)) {
    const v = Number(m[1]);
    // Not a date ("ngày 21 tháng 7 năm 2022") nor a numbered item.
    if (v < 2 || /(tháng|ngày|số|mục|điểm)\s*$/iu.test(sentence.slice(0, m.index))) continue;
    const near = [Math.round(v * 0.5), v - 2, v - 1, v + 1, v + 2, Math.round(v * 1.5), v * 2].filter((n) => n > 0 && n !== v);
    const candidates = new Map(near.map((n) => [String(n), String(n)]));
    out.push({
      sentence,
      start: m.index,
      end: m.index + m[1]!.length,
      correct: m[1]!,
      candidates,
      fill: (n) => normCheck(`${sentence.slice(Math.max(0, m.index - 15), m.index)}${n} ${m[2]}`).replace(/^\S*\s/, ""),
      score: 20,
    });
  }
  return out;
}

/** The words around a blank: the same blank in a sentence copied by a local document is the same question. */
function contextKey(blank: Blank): string {
  return normCheck(`${blank.sentence.slice(Math.max(0, blank.start - 40), blank.start)}|${blank.sentence.slice(blank.end, blank.end + 40)}`);
}

function questionFor(doc: ParsedDocument, section: string, blank: Blank): string {
  const head = `Điền vào chỗ trống (${shortRef(doc)}, ${partLabel("section", section)}): “`;
  const room = TELEGRAM_LIMITS.questionChars - head.length - 2;
  const s = blank.sentence;
  const filled = `${s.slice(0, blank.start)}${BLANK}${s.slice(blank.end)}`;
  const at = blank.start;
  if (filled.length <= room) return `${head}${filled}”`;
  let from = Math.max(0, at - Math.floor(room * 0.6));
  while (from > 0 && /\S/.test(filled[from - 1]!)) from++;
  let to = Math.min(filled.length, from + room - 2);
  while (to < filled.length && to > at + BLANK.length && /\S/.test(filled[to]!)) to--;
  return `${head}${from > 0 ? "…" : ""}${filled.slice(from, to).trim()}${to < filled.length ? "…" : ""}”`;
}

export function clozeDrafts(kb: Knowledge): Draft[] {
  const idx = indexCorpus(kb);
  const out: Draft[] = [];
  // Local documents repeat the central ones word for word: the sentence is asked once, from the earliest source.
  const asked = new Set<string>();
  const byDate = [...kb.documents].sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
  for (const doc of byDate) {
    const mine: { draft: Draft; score: number; key: string }[] = [];
    for (const s of doc.sections) {
      const source = sectionSource(doc, s.path);
      if (!source || !s.text.trim()) continue;
      let best: { draft: Draft; score: number; key: string } | null = null;
      for (const sentence of sentences(source.text)) {
        if (sentence.text.length < 50 || sentence.text.length > 320) continue;
        for (const blank of [...numberBlanks(sentence.text), ...wordBlanks(sentence.text, idx)]) {
          // Cheap checks first: only a blank that would beat the best one so far is worth its distractors.
          if ((best && best.score >= blank.score) || asked.has(contextKey(blank))) continue;
          const question = questionFor(doc, s.path, blank);
          // The word must not also stand elsewhere in the shown sentence.
          if (containsPhrase(question.replace(BLANK, " "), blank.correct)) continue;
          const distractors = pickDistractors({
            correct: blank.correct,
            candidates: blank.candidates.values(),
            compare: "exact",
            // The filled-in sentence must not be attested anywhere in the corpus: then it would be true.
            valid: (c) => !idx.text.includes(` ${blank.fill(normCheck(c))} `) && !normCheck(blank.sentence).includes(normCheck(c)),
            rank: () => 0,
            seed: `cloze:${doc.id}:${s.path}:${blank.start}`,
          });
          if (distractors.length < 3) continue;
          best = {
            key: contextKey(blank),
            score: blank.score,
            draft: { kind: "cloze", doc, part: "section", section: s.path, quote: sentence.text, question, correct: blank.correct, distractors },
          };
        }
      }
      if (best) mine.push(best);
    }
    mine.sort((a, b) => b.score - a.score);
    for (const m of mine.slice(0, PER_DOCUMENT)) {
      asked.add(m.key);
      out.push(m.draft);
    }
  }
  return out;
}
