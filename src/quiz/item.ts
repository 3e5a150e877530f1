/**
 * From a draft (question, correct answer, distractors, citation) to a finished item: options in a stable shuffled
 * order, a stable id, and the poll explanation that cites the section.
 */
import type { ParsedDocument } from "../domain/model.js";
import { explanationFor } from "./label.js";
import { collapse, hashId, shuffled } from "./text.js";
import type { QuizItem, QuizKind, QuotePart } from "./types.js";

export interface Draft {
  kind: QuizKind;
  doc: ParsedDocument;
  part: QuotePart;
  section: string;
  quote: string;
  question: string;
  correct: string;
  distractors: string[];
}

/** Fewest distractors an item may have (Telegram allows two options; three make a better question). */
export const MIN_DISTRACTORS = 2;

export function finishItem(d: Draft): QuizItem | null {
  if (d.distractors.length < MIN_DISTRACTORS) return null;
  const question = collapse(d.question);
  const correct = collapse(d.correct);
  const id = hashId(d.kind, d.doc.id, question, correct);
  const options = shuffled([correct, ...d.distractors.slice(0, 3).map(collapse)], id);
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
  };
}
