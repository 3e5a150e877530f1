/**
 * Order of steps: "Theo Kế hoạch số 144/KH-UBND, việc nào sau đây phải hoàn thành sớm nhất?" — from the deadlines of
 * a document's task rows ("Quý II/2025", "Tháng 6/2026", "Năm 2026", "trước ngày 15/12/2025"), or from steps and
 * phases it numbers ("Bước 1", "Giai đoạn 1"). The answer is the earliest; distractors are tasks due strictly later
 * (a task due in the same period would also be right). Rows without a datable deadline ("Thường xuyên", "Hằng năm")
 * take no part.
 */
import type { Assignment } from "../../domain/model.js";
import type { DocContext } from "../corpus.js";
import { chooseDistractors } from "../fairness.js";
import type { Draft } from "../item.js";
import { docRef } from "../label.js";
import { quoteAround, sectionSource } from "../sources.js";
import { capitalize, clip, findSpans } from "../text.js";
import { QUIZ_TUNING } from "../tuning.js";
import { taskClause } from "./assignments.js";

/** A deadline as the last day it allows, "YYYY-MM-DD" (comparable as text); null when it names no date. */
export function deadlineEnd(deadline: string): string | null {
  const d = deadline.normalize("NFC").toLowerCase();
  const pad = (n: number) => String(n).padStart(2, "0");
  let m = /(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/.exec(d);
  if (m) return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  m = /quý\s+(i{1,3}|iv|[1-4])\s*(?:\/|năm)\s*(\d{4})/u.exec(d);
  if (m) {
    const q = { i: 1, ii: 2, iii: 3, iv: 4 }[m[1] as "i"] ?? Number(m[1]);
    return `${m[2]}-${pad(q * 3)}-31`;
  }
  m = /tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/u.exec(d);
  if (m) return `${m[2]}-${pad(Number(m[1]))}-31`;
  // "2026-2030" ends in 2030; "năm 2026" at the end of 2026.
  m = /(\d{4})\s*[-–]\s*(\d{4})/.exec(d) ?? /(?:năm\s+)?(\d{4})(?!\d)/u.exec(d);
  if (m) return `${m[2] ?? m[1]}-12-31`;
  return null;
}

export function orderDrafts(ctx: DocContext): Draft[] {
  const doc = ctx.doc;
  const dated = doc.assignments
    .map((row) => ({ row, end: row.deadline ? deadlineEnd(row.deadline) : null }))
    .filter((x): x is { row: Assignment; end: string } => x.end !== null);
  const ends = [...new Set(dated.map((x) => x.end))].sort();
  if (ends.length < 3) return [];
  const out: Draft[] = [];
  const ref = docRef(doc);
  const question = `Theo ${ref}, việc nào sau đây phải hoàn thành sớm nhất?`;
  // The earliest deadline against tasks due strictly later: one question per document.
  {
    const first = ends[0]!;
    const rows = dated.filter((x) => x.end === first);
    const row = rows[0]!.row;
    const correct = capitalize(clip(taskClause(row), QUIZ_TUNING.optionChars));
    const source = sectionSource(doc, row.section);
    const span = source && findSpans(source.text, taskClause(row).split(/\s+/).slice(0, 6).join(" "))[0];
    if (!source || !span) return out;
    const later = dated.filter((x) => x.end > first);
    const chosen = chooseDistractors({
      correct,
      tiers: [{ candidates: later.map((x) => capitalize(clip(taskClause(x.row), QUIZ_TUNING.optionChars))), distance: 0.4 }],
      exclude: rows.map((x) => capitalize(clip(taskClause(x.row), QUIZ_TUNING.optionChars))),
      seed: `order:${doc.id}:${first}`,
    });
    out.push({
      kind: "order",
      doc,
      part: "section",
      section: row.section,
      quote: quoteAround(source.text, span),
      question,
      correct,
      distractors: chosen.distractors,
      distances: chosen.distances,
    });
  }
  return out;
}
