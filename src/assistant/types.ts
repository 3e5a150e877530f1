/**
 * What the assistant offers to its front ends (the CLI commands, the Telegram bot, the terminal chat).
 * Front ends receive an `Assistant`; they never reach into the index or the parser themselves.
 */
import type { Assignment, ChainNode, DocumentCard, DocumentSummary } from "../domain/model.js";

export type { ChainEdge, ChainNode, DocumentCard, DocumentSummary } from "../domain/model.js";

export interface Citation {
  documentId: string;
  docType: string;
  number: string | null;
  issuer: string;
  place: string | null;
  date: string | null;
  title: string;
  /**
   * The section as a cadre cites it: "III.2", "Điều 5.1"; in a text the document carries (the plan a decision issues,
   * its appendix) that text's own numbering ("V.1") when no other part of the document has that number, else prefixed
   * with the text's name ("Phụ lục.II.6"). "" for the header, opening and signature.
   */
  section: string;
  /** The attached text the section is in ("Chương trình hành động", "Phụ lục"), when `section` is its own numbering. */
  attachment?: string | null;
  sectionTitle: string | null;
  /** Verbatim from the cited section; fragments may be joined with "…". */
  quote: string;
}

export interface AnswerResult {
  mode: "answer" | "not_found";
  /** Plain text (no markup). Claims refer to citations as [1], [2] … in citation order. */
  answer: string;
  citations: Citation[];
  /** For not_found: the nearest sections, offered as "see also" (never presented as an answer). */
  seeAlso: Citation[];
  /** How the answer was produced, for logs and the UI. */
  via: "extractive" | "generated" | "metadata" | "assignments" | "chain" | "none";
}

export interface Turn {
  question: string;
  answer: string;
}

export interface AskOptions {
  /** Recent turns of this chat, oldest first, used to rewrite follow-up questions. */
  history?: Turn[];
  signal?: AbortSignal;
  /**
   * The chat's own scope (set with /phamvi): a question that names no document is answered from the central
   * documents and this locality's. A question that names its documents is answered from those.
   */
  scope?: { locality: string } | null;
}


/** A place the corpus has documents of (a document's place or the locality in its issuer's name). */
export interface LocalityInfo {
  /** As the documents write it: "Quảng Ngãi", "Từ Sơn". */
  name: string;
  /** How many documents of the corpus are tied to it. */
  documents: number;
}

export interface AssignmentGroup {
  document: DocumentSummary;
  rows: Assignment[];
}



export interface ChainView {
  /** The node asked about (null for the whole tree). */
  focus: ChainNode | null;
  /** From the focus up to the root (Nghị quyết 20), focus first. */
  up: ChainNode[];
  /** Documents that implement the focus (directly), or the whole tree's roots' descendants when focus is null. */
  down: { node: ChainNode; depth: number }[];
}

export interface SectionView {
  document: DocumentSummary;
  /** As a citation gives it (Citation.section), with the attached text it is in. */
  section: string;
  attachment?: string | null;
  sectionTitle: string | null;
  text: string;
}

export interface IngestReport {
  indexed: DocumentSummary[];
  rejected: { file: string; reason: string }[];
  /** Indexed uploads whose header facts the parser could not find (cited as "(không số)", without date …). */
  warnings?: { file: string; missing: string[] }[];
}

/** A document as an admin compares two of them: who issued it, when, and who signed. */

/** What an upload would do, before anything is written: its documents, its rejections, and number conflicts. */
export interface UploadPreview {
  documents: DocumentCard[];
  rejected: { file: string; reason: string }[];
  /** Uploaded documents whose number an indexed document already has: replacing needs the admin's confirmation. */
  conflicts: { upload: DocumentCard; existing: DocumentCard[] }[];
}

export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<AnswerResult>;
  /** Who is assigned what: rows whose assignee or task matches the query, grouped by document. */
  assignments(query: string): AssignmentGroup[];
  /** The chain around a document (number or alias like "KL 69"); no argument: the whole tree. Null if unknown. */
  chain(numberOrAlias?: string): ChainView | null;
  documents(): DocumentSummary[];
  /** The corpus's localities, by name (a chat picks its scope among them with /phamvi). */
  localities?(): LocalityInfo[];
  section(documentId: string, path: string): SectionView | null;
  /**
   * Parse and index the given files next to the current corpus (atomic swap; a bad file changes nothing).
   * `replace`: ids of indexed documents the upload replaces (after the admin confirmed a number conflict).
   */
  addFiles(files: { fileName: string; data: Buffer }[], options?: { replace?: string[] }): Promise<IngestReport>;
  /** Parse uploads and compare them with the index, changing nothing (assistants without it index at once). */
  previewFiles?(files: { fileName: string; data: Buffer }[]): Promise<UploadPreview>;
  /** Re-ingest the configured corpus folders. */
  reload(): Promise<IngestReport>;
}
