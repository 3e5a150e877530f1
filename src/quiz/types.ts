/**
 * The quiz model: plain data. An item is one multiple-choice question with its citation; the bank is every item the
 * current Knowledge supports. Items are built from the parsed corpus only (never from a model), so each one can be
 * checked against the text it cites.
 */

/** Telegram's limits for a quiz poll (Bot API 10.3). Every item of the bank fits them. */
export const TELEGRAM_LIMITS = {
  questionChars: 300,
  optionChars: 100,
  minOptions: 2,
  maxOptions: 12,
  explanationChars: 200,
  /** Line feeds allowed in an explanation. */
  explanationLineFeeds: 2,
} as const;

export type QuizKind =
  /** Facts about a document: issuer, date, signer, signing capacity, number, subject, conference and term. */
  | "fact"
  /** Membership in a numbered list ("one of the focus tasks of …"). */
  | "list"
  /** Who is assigned a task (assignment rows). */
  | "assignment"
  /** A key phrase with a blank. */
  | "cloze"
  /** Which document implements which. */
  | "chain";

export const QUIZ_KINDS: QuizKind[] = ["fact", "list", "assignment", "cloze", "chain"];

/** Where the quote comes from: a section (title and body), the header lines, or the closing lines. */
export type QuotePart = "section" | "header" | "closing";

export interface QuizCitation {
  docType: string;
  number: string | null;
  issuer: string;
  place: string | null;
  /** Section path ("7", "III.2"); "" for the preamble, the header and the closing. */
  section: string;
  /** Verbatim from the cited section (title and body), or from the header or closing lines; whitespace collapsed. */
  quote: string;
}

export interface QuizItem {
  /** Stable across rebuilds of the same corpus (a content hash): spaced repetition and scores refer to it. */
  id: string;
  kind: QuizKind;
  /** The cited document (a corpus document id). */
  documentId: string;
  /** ISO date of the cited document, for labels. */
  documentDate: string | null;
  part: QuotePart;
  question: string;
  options: string[];
  /** Indices into `options`, increasing. */
  correct: number[];
  /** ≤ 200 characters, cites the section. */
  explanation: string;
  citation: QuizCitation;
}

/** What `npm run quiz -- --json` prints for one item. */
export interface PublicQuizItem {
  question: string;
  options: string[];
  correct: number[];
  explanation: string;
  citation: QuizCitation;
}

export function toPublicItem(item: QuizItem): PublicQuizItem {
  const { question, options, correct, explanation, citation } = item;
  return {
    question,
    options: [...options],
    correct: [...correct],
    explanation,
    citation: {
      docType: citation.docType,
      number: citation.number,
      issuer: citation.issuer,
      place: citation.place,
      section: citation.section,
      quote: citation.quote,
    },
  };
}
