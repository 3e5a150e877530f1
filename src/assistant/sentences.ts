/**
 * Picking the words to quote: sentences of a section (long ones cut at clause boundaries), scored by how much
 * of the question's key terms they hold. Every fragment returned is a verbatim substring of the section text.
 */
import { analyzeText } from "../search/analyzer.js";

export interface Fragment {
  text: string;
  start: number;
  score: number;
}

const LONG_SENTENCE = 320;

/** A line of a task table as a section holds it: cells joined by " | ". */
const TABLE_ROW = / \| /;

/**
 * Sentences with their offsets; a sentence ends at ". " before a capital, at a line break, or at "; ". (A table row's
 * cell break, " ... " before a capitalised cell, ends none: see CELL_BREAK in domain/model.ts.) A table row is one
 * sentence: a "; " between two bodies in its partners' cell ends no sentence, so a quote of the row keeps the cells
 * after it (its deadline, its amount).
 */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^\n]+?(?:(?<! \.\.)[.!?](?=\s+[\p{Lu}\-–•"“(])|;(?=\s)|$)/gmu;
  const push = (raw: string, at: number) => {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t.length > 1) out.push({ text: t, start: at + lead });
  };
  let at = 0;
  for (const line of text.split("\n")) {
    if (TABLE_ROW.test(line)) push(line, at);
    else for (const m of line.matchAll(re)) push(m[0], at + (m.index ?? 0));
    at += line.length + 1;
  }
  return out;
}

/** A long sentence is cut into clause windows at commas, so a quote stays on point. */
function clauses(s: { text: string; start: number }): { text: string; start: number }[] {
  if (s.text.length <= LONG_SENTENCE) return [s];
  const parts: { text: string; start: number }[] = [];
  let from = 0;
  for (const m of s.text.matchAll(/,\s+/g)) {
    const end = m.index ?? 0;
    if (end - from >= 120) {
      parts.push({ text: s.text.slice(from, end), start: s.start + from });
      from = end + m[0].length;
    }
  }
  if (from < s.text.length) parts.push({ text: s.text.slice(from), start: s.start + from });
  return parts;
}

/** How much of the list a lead-in introduces a quote carries (characters). */
const LEAD_IN_ITEMS_CHARS = 600;
/**
 * A fragment that holds this share of the question's key weight that the fragments chosen so far lack is quoted too
 * (within `max`): "Giáo sư, Phó Giáo sư, Tiến sĩ … bao nhiêu?" asks three clauses' amounts, "dự toán … và đã giải ngân
 * bao nhiêu?" two sentences'. Below it, a fragment only repeats words already quoted.
 */
const FRAGMENT_MIN_GAIN = 0.08;

/** The best fragments (in document order), at most `max`, each verbatim from `text`. */

export function bestFragments(
  text: string,
  keys: { term: string; weight: number }[],
  pairs: string[],
  max = 2,
  /** Words the answer must carry (a date for "khi nào", a number for "bao nhiêu"): fragments that hold them first. */
  prefer?: RegExp,
): Fragment[] {
  const units = sentences(text).flatMap(clauses);
  if (!units.length) return [];
  const total = keys.reduce((s, k) => s + k.weight, 0) || 1;
  const scored = units.map((u) => {
    const counts = analyzeText(u.text).counts;
    let got = 0;
    for (const k of keys) if (counts.has(k.term)) got += k.weight;
    let pairHits = 0;
    for (const p of pairs) if (counts.has(p)) pairHits++;
    const score = got / total + 0.15 * pairHits + (prefer && prefer.test(u.text) ? 0.5 : 0);
    return { text: u.text, start: u.start, score, counts };
  });
  const best = [...scored].sort((a, b) => b.score - a.score || a.start - b.start);
  const top = best[0]!;
  const chosen = [top];
  for (const f of best.slice(1)) {
    if (chosen.length >= max) break;
    if (f.score >= top.score * 0.45 && f.score > 0) chosen.push(f);
  }
  // Then what the question asks that the fragments chosen do not hold yet, fragment by fragment (the most first).
  while (chosen.length < max) {
    const held = (t: string) => chosen.some((c) => c.counts.has(t));
    let next: (typeof scored)[number] | null = null;
    let nextGain = FRAGMENT_MIN_GAIN;
    for (const f of scored) {
      if (chosen.includes(f)) continue;
      let gain = 0;
      for (const k of keys) if (f.counts.has(k.term) && !held(k.term)) gain += k.weight;
      if (gain / total >= nextGain + (next ? 1e-9 : 0)) [next, nextGain] = [f, gain / total];
    }
    if (!next) break;
    chosen.push(next);
  }
  // A lead-in ("Đề nghị Ủy ban MTTQ và các đoàn thể huyện:") says nothing by itself: the items it introduces go
  // with it, as far as LEAD_IN_ITEMS_CHARS allows.
  const ordered = [...scored].sort((a, b) => a.start - b.start);
  for (const f of [...chosen]) {
    if (!/:\s*$/.test(f.text)) continue;
    let budget = LEAD_IN_ITEMS_CHARS;
    for (const next of ordered.filter((u) => u.start > f.start)) {
      if (chosen.includes(next)) continue;
      if (budget - next.text.length < 0) break;
      budget -= next.text.length;
      chosen.push(next);
    }
  }
  return chosen.sort((a, b) => a.start - b.start).map(({ text, start, score }) => ({ text, start, score }));
}

/**
 * The items a lead-in ("… cụ thể:") introduces, taken from the whole `text` it stands in (a chunk may end before
 * them), as far as LEAD_IN_ITEMS_CHARS allows.
 */
export function itemsAfter(text: string, leadIn: string): Fragment[] {
  const at = text.indexOf(leadIn);
  if (at < 0 || !/:\s*$/.test(leadIn)) return [];
  const out: Fragment[] = [];
  let budget = LEAD_IN_ITEMS_CHARS;
  for (const u of sentences(text)) {
    if (u.start < at + leadIn.length) continue;
    if (budget - u.text.length < 0) break;
    budget -= u.text.length;
    out.push({ text: u.text, start: u.start, score: 0 });
  }
  return out;
}

/**
 * A section's lines as one quote: joined by a space, except where a table row meets another line — its source line
 * ends at a cell border ("… | Chưa báo cáo |") the row's text leaves out, so " … " marks the seam and each side
 * stays verbatim.
 */
export function linesQuote(text: string): string {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  let out = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) out += TABLE_ROW.test(lines[i - 1]!) || TABLE_ROW.test(lines[i]!) ? ` … ${lines[i]}` : ` ${lines[i]}`;
  return out;
}

export function joinQuote(fragments: { text: string }[]): string {
  return fragments.map((f) => f.text).join(" … ");
}
