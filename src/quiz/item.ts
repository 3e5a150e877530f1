/**
 * From a draft (question, correct answer, distractors, citation) to a finished item: options in a stable shuffled
 * order, a stable id, a difficulty from the distractors' distances, and the poll explanation that cites the section.
 */
import type { ParsedDocument } from "../domain/model.js";
import { explanationFor } from "./label.js";
import { collapse, hashId, shuffled } from "./text.js";
import { QUIZ_TUNING, difficultyOf } from "./tuning.js";
import type { QuizItem, QuizKind, QuotePart } from "./types.js";

export interface Draft {
  kind: QuizKind;
  doc: ParsedDocument;
  part: QuotePart;
  section: string;
  /** Verbatim; fragments of the cited place joined with " … ". */
  quote: string;
  question: string;
  correct: string;
  distractors: string[];
  /** Per distractor, 0 (as close to the answer as a wrong option gets) … 1 (far); default 0.5 each. */
  distances?: number[];
  origin?: "text" | "model";
}

/** Joins verbatim fragments of one place into a quote. */
export const FRAGMENT_JOIN = " … ";

export function finishItem(d: Draft): QuizItem | null {
  if (d.distractors.length < QUIZ_TUNING.minDistractors) return null;
  const question = collapse(d.question);
  const correct = collapse(d.correct);
  const id = hashId(d.kind, d.doc.id, question, correct);
  const distractors = d.distractors.slice(0, QUIZ_TUNING.distractors).map(collapse);
  const options = shuffled([correct, ...distractors], id);
  const quote = collapse(d.quote);
  return {
    id,
    kind: d.kind,
    documentId: d.doc.id,
    documentDate: d.doc.date,
    part: d.part,
    question,
    options,
    correct: [options.indexOf(correct)],
    explanation: explanationFor(d.doc, d.part, d.section, quote, correct),
    citation: {
      docType: d.doc.docType,
      number: d.doc.number,
      issuer: d.doc.issuer,
      place: d.doc.place,
      section: d.section,
      quote,
    },
    difficulty: difficultyOf((d.distances ?? distractors.map(() => 0.5)).slice(0, distractors.length)),
    origin: d.origin ?? "text",
  };
}
