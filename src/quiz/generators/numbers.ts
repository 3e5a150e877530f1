/**
 * The numbers, years and targets a document sets: "Điền số còn thiếu (Kết luận 69-KL/TW, mục 2): “… Chiến lược phát
 * triển khoa học, công nghệ và đổi mới sáng tạo đến năm ___ gắn với …”". Distractors are numbers of the same kind
 * (years for a year, percentages for a percentage), near the answer, and never one the corpus writes in the same
 * place. Numbers that are not content are skipped: dates, document numbers, section markers, terms of office.
 */
import { DATE_PATTERN, NUMBER_PATTERN } from "../../domain/numbers.js";
import type { DocContext, QuizCorpus } from "../corpus.js";
import { chooseDistractors } from "../fairness.js";
import type { Draft } from "../item.js";
import { sentencesOf } from "../sentences.js";
import { quoteAround } from "../sources.js";
import { QUIZ_TUNING } from "../tuning.js";
import { type Blank, blankQuestion, fitsNowhere, standsOnce } from "./blank.js";

export type NumberKind = "year" | "percent" | "count";

export interface NumberMention {
  start: number;
  end: number;
  value: number;
  kind: NumberKind;
}

const NOT_CONTENT_BEFORE = /(?:số|mục|điểm|khoản|Điều|điều|ngày|tháng|lần thứ|Quý|quý|khóa|khoá|Phụ lục|phụ lục|Chương|chương|Mục|Khoản|Điểm)\s*$/u;

/** Numbers that are not content: dates, document numbers, "6/2026", ranges. */
const NOT_CONTENT = [new RegExp(DATE_PATTERN, "g"), new RegExp(NUMBER_PATTERN, "gu"), /\d+\/\d{4}/g, /\d+\s*[-–]\s*\d+/g];

/** Content numbers of a sentence: years ("năm 2030"), percentages ("30%"), counts ("10 năm", "500 doanh nghiệp"). */
export function numberMentions(sentence: string): NumberMention[] {
  if (!/\d/.test(sentence)) return [];
  const excluded: [number, number][] = [];
  for (const re of NOT_CONTENT) {
    for (const m of sentence.matchAll(re)) excluded.push([m.index, m.index + m[0].length]);
  }
  const out: NumberMention[] = [];
  for (const m of sentence.matchAll(/(?<![\p{L}\d.,/])(\d{1,4}(?:[.,]\d+)?)(?![\d/])(\s*%)?/gu)) {
    const start = m.index;
    const end = start + m[1]!.length;
    if (excluded.some(([a, b]) => start < b && end > a)) continue;
    const before = sentence.slice(Math.max(0, start - 14), start);
    if (NOT_CONTENT_BEFORE.test(before)) continue;
    const value = Number(m[1]!.replace(",", "."));
    if (!Number.isFinite(value)) continue;
    if (m[2]) {
      if (value > 0 && value <= 100) out.push({ start, end, value, kind: "percent" });
      continue;
    }
    if (/^(19|20)\d{2}$/.test(m[1]!) && /(năm|đến|giai đoạn|từ|trước|sau|cuối|đầu)\s*$/u.test(before)) {
      out.push({ start, end, value, kind: "year" });
      continue;
    }
    const after = sentence.slice(end, end + 20);
    if (Number.isInteger(value) && value >= 2 && value < 10_000 && /^\s+\p{Ll}/u.test(after) && !/^\s+(tháng|giờ)/u.test(after)) {
      out.push({ start, end, value, kind: "count" });
    }
  }
  return out;
}

/** Wrong values of the same kind, nearest first, with their distance from the answer (0 near … 1 far). */
export function numberCandidates(m: Pick<NumberMention, "value" | "kind">): { text: string; distance: number }[] {
  const v = m.value;
  let values: number[];
  let scale: number;
  if (m.kind === "year") {
    values = [v + 5, v - 5, v + 10, v - 10, v + 15, v - 15].filter((y) => y >= 1945 && y <= 2100);
    scale = 20;
  } else if (m.kind === "percent") {
    const step = v >= 20 ? 10 : v >= 5 ? 5 : 1;
    values = [v + step, v - step, v + 2 * step, v * 2, Math.round(v / 2)].filter((p) => p > 0 && p <= 100);
    scale = Math.max(v, 10);
  } else {
    // Round counts stay round ("10 năm": 5, 15, 20), small ones move by one or two.
    const step = v >= 10 && v % 5 === 0 ? (v >= 100 && v % 50 === 0 ? 50 : 5) : 1;
    values = [v + step, v - step, v + 2 * step, v - 2 * step, v * 2].filter((c) => c > 0);
    scale = Math.max(v, 4);
  }
  const seen = new Set<number>([v]);
  const out: { text: string; distance: number }[] = [];
  for (const c of values) {
    if (seen.has(c)) continue;
    seen.add(c);
    out.push({ text: String(c), distance: Math.min(1, Math.abs(c - v) / scale) });
  }
  return out;
}

export function numberDrafts(ctx: DocContext, corpus: QuizCorpus): Draft[] {
  const out: Draft[] = [];
  const perPart = new Map<string, number>();
  for (const s of ctx.doc.sections) {
    if (ctx.copied.has(s.path)) continue;
    let inSection = 0;
    const text = [s.title, s.text].filter((x) => x && x.trim()).join("\n");
    for (const sentence of sentencesOf(text)) {
      if (sentence.text.length < 40 || sentence.text.length > 600) continue;
      for (const m of numberMentions(sentence.text)) {
        const part = s.path.split(".")[0] ?? "";
        if ((perPart.get(part) ?? 0) >= QUIZ_TUNING.numbersPerPart || inSection >= QUIZ_TUNING.numbersPerSection) break;
        const blank: Blank = { sentence: sentence.text, start: m.start, end: m.end };
        if (!standsOnce(blank)) continue;
        const correct = sentence.text.slice(m.start, m.end);
        const quote = quoteAround(text, { start: sentence.start + m.start, end: sentence.start + m.end });
        // Asked already from a document this one copies: that item fills this slot.
        if (ctx.known(correct, quote)) {
          perPart.set(part, (perPart.get(part) ?? 0) + 1);
          inSection++;
          continue;
        }
        const candidates = numberCandidates(m);
        const distanceOf = new Map(candidates.map((c) => [c.text, c.distance]));
        const question = blankQuestion("Điền số còn thiếu", ctx.doc, s.path, blank);
        const chosen = chooseDistractors({
          correct,
          tiers: [{ candidates: candidates.map((c) => c.text), distance: 0.5 }],
          valid: (c) => fitsNowhere(corpus, blank, c),
          distance: (c) => distanceOf.get(c) ?? 0.5,
          seed: `number:${ctx.doc.id}:${s.path}:${sentence.start + m.start}`,
        });
        if (chosen.distractors.length < QUIZ_TUNING.distractors) continue;
        perPart.set(part, (perPart.get(part) ?? 0) + 1);
        inSection++;
        out.push({
          kind: "number",
          doc: ctx.doc,
          part: "section",
          section: s.path,
          quote,
          question,
          correct,
          distractors: chosen.distractors,
          distances: chosen.distances,
        });
      }
    }
  }
  return out;
}
