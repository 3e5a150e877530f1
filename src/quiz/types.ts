/**
 * The quiz model: plain data. An item is one multiple-choice question with its citation; the bank is every item the
 * current Knowledge supports. Items are built from the parsed corpus (or written by a chat model and admitted only
 * after the same checks), so each one can be checked against the text it cites.
 */
import type { Difficulty } from "./tuning.js";

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
  /** A content word that identifies the sentence (a technical term, a named body) with a blank. */
  | "cloze"
  /** Which document implements (continues) which. */
  | "chain"
  /** Which group of tasks (heading of the same document) a measure belongs to. */
  | "group"
  /** What the document asks of a named body. */
  | "task"
  /** A number, year or target the document sets, with a blank. */
  | "number"
  /** Which statement is true: one sentence as written, the others minimally changed (a number, a body, a negation). */
  | "truefalse"
  /** Which step comes first (deadlines, numbered steps or phases). */
  | "order";

export const QUIZ_KINDS: QuizKind[] = ["fact", "list", "assignment", "cloze", "chain", "group", "task", "number", "truefalse", "order"];

/** Where the quote comes from: a section (title and body), the header lines, or the closing lines. */
export type QuotePart = "section" | "header" | "closing";

export interface QuizCitation {
  docType: string;
  number: string | null;
  issuer: string;
  place: string | null;
  /** Section path ("7", "III.2"); "" for the preamble, the header and the closing. */
  section: string;
  /**
   * Verbatim from the cited section (title and body), or from the header or closing lines; whitespace collapsed.
   * Fragments of the same place are joined with " … " (a heading and a sentence further down).
   */
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
  /** 1 dễ, 2 vừa, 3 khó: from how close the distractors are to the answer. */
  difficulty: Difficulty;
  /** "text": built from the parsed text; "model": written by a chat model and admitted after the same checks. */
  origin: "text" | "model";
}

/**
 * What `npm run quiz -- --json` prints for one item. A contract: fields are added, never renamed or dropped
 * (id, kind, difficulty and origin came after the first five).
 */
export interface PublicQuizItem {
  question: string;
  options: string[];
  correct: number[];
  explanation: string;
  citation: QuizCitation;
  id: string;
  kind: QuizKind;
  difficulty: Difficulty;
  origin: "text" | "model";
}

export function toPublicItem(item: QuizItem): PublicQuizItem {
  const { question, options, correct, explanation, citation, id, kind, difficulty, origin } = item;
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
    id,
    kind,
    difficulty,
    origin,
  };
}
