/**
 * The document model: plain data, no I/O. Everything the assistant cites is built from these types.
 *
 * Section paths follow one convention everywhere: segments joined by "." in order of nesting — capital part
 * letter, Roman numeral, Arabic number (a decimal "2.1" is two segments under "2"), lowercase letter:
 * "III.2", "B.III.2.1", "II.2.2.a", "5". Text before the first numbered heading has the path "".
 */

import { type DocType, PAGE_TYPE } from "./vocabulary.js";

export type { DocType };

/** How any document is named in a citation: type, number (null = "không số"), date and issuer. */
export interface DocumentRef {
  docType: DocType;
  number: string | null;
  /** ISO "YYYY-MM-DD", or null when not known. */
  date: string | null;
  issuer: string;
}

/** A deadline as written, with a normalized reading (see domain/deadline.ts). */
export interface Deadline {
  /** As written: "Quý II/2026", "trước ngày 30/11 hằng năm", "Thường xuyên". */
  text: string;
  kind: "date" | "month" | "quarter" | "year" | "range" | "recurring" | "ongoing" | "unknown";
  /** "2025-12-15", "2026-06", "2026-Q2", "2026", "2026..2030", "yearly:11-30", "ongoing", or "" when unreadable. */
  normalized: string;
  /** The last day the work is due (ISO), when the text fixes one; null for ongoing, recurring or unknown. */
  due: string | null;
  /** A repeat the text states ("hằng năm", "định kỳ 6 tháng"), else null. */
  recurring: "yearly" | "half-yearly" | "quarterly" | "monthly" | "periodic" | null;
}

export interface Signer {
  name: string;
  /** Signing capacity, e.g. "T/M Ban Thường vụ", "K/T Trưởng ban", "TL Ban Thường vụ". Empty when not stated. */
  capacity: string;
  /** Title of the person who signs, e.g. "Phó Bí thư". Empty when not stated. */
  title: string;
}

/**
 * A line break inside a table cell ("Cục A;<br>Hội B", "khởi nghiệp<br>sáng tạo"), as it stands in a row's text:
 * three dots. A quote of the row then matches the document on either side of the break (an elision separates a
 * quote's fragments), and a reader's text (`readable`) shows a plain space. Three ASCII dots, not "…": the quotes'
 * own elisions are "…", and whitespace may be normalised anywhere in between.
 */
export const CELL_BREAK = " ... ";

/** Text for reading: cell breaks as plain spaces. */
export function readable(text: string): string {
  return text.replace(/ \.\.\. /g, " ");
}

export interface Section {
  path: string;
  /** Heading text without its marker, or null for a section that has none (the preamble, a bare list item). */
  title: string | null;
  /** The section's own body text (not its children's), paragraphs joined by "\n". */
  text: string;
}

export type Relation = "implements" | "mentions";

export interface Reference {
  /** Canonical number ("115-CV/BTGTU"), or the bare number when the sentence gives no code ("20"). */
  number: string;
  docType: DocType | null;
  date: string | null;
  /** The date as the citing text writes it ("13/8/2025", "22 tháng 12 năm 2024"), for citing it to the letter. */
  dateText?: string | null;
  issuer: string | null;
  relation: Relation;
}

export type Role = "chủ trì" | "phối hợp" | "thực hiện";

export interface Assignment {
  section: string;
  assignee: string;
  role: Role;
  partners: string[];
  reportTo: string | null;
  /** Deadline as written, or null. */
  deadline: string | null;
  task: string;
  /** The normalized deadline (null when none is written). */
  due?: Deadline | null;
  /** What the task delivers (a task table's "Sản phẩm" / "Kết quả" column), or null. */
  product?: string | null;
  /** Where the row came from: a task table's row, or a sentence of the text. */
  source?: "table" | "prose";
}

/** A field a law library shows beside a text it copies: as the page writes it, label and value, and the value. */
export interface SiteField {
  /** "Tình trạng: | Còn hiệu lực", "Lĩnh vực: Công nghệ thông tin" (a table's cells joined by " | "). */
  said: string;
  /** "Còn hiệu lực"; for the day of effect, ISO "2025-07-25". */
  value: string;
}

/**
 * What a law library says of the text it copies that the text itself cannot: whether it is still in force, the day it
 * took effect, the fields it is filed under. The site's word at the time the page was copied, cited as the site's.
 */
export interface SiteRecord {
  /** The site's name ("THƯ VIỆN PHÁP LUẬT"), or null when its page does not show one. */
  name: string | null;
  status: SiteField | null;
  effective: SiteField | null;
  fields: SiteField | null;
}

export interface ParsedDocument {
  id: string;
  file: string;
  docType: DocType;
  number: string | null;
  issuer: string;
  place: string | null;
  /** ISO "YYYY-MM-DD", or null when the text gives no full date. */
  date: string | null;
  title: string;
  signer: Signer | null;
  /** A web page's byline (news: the reporter), as the page writes it; official texts have none. */
  author?: string | null;
  recipients: string[];
  /** A law library's page: what the site says of the text (in force or not, since when, its fields). */
  site?: SiteRecord;
  sections: Section[];
  references: Reference[];
  assignments: Assignment[];
  /** Chain edges between referenced documents stated in this text ("A về thực hiện B": A implements B). */
  links: { from: string; to: string }[];
  /** Lines that belong to the header or the closing block (Nơi nhận, signature, "Trên đây là…"), kept verbatim. */
  header: string[];
  closing: string[];
  /** Page numbers and decoration left in the text. */
  noise: string[];
}

/** A document as lists and citations show it. */
export interface DocumentSummary {
  id: string;
  docType: DocType;
  number: string | null;
  date: string | null;
  issuer: string;
  place: string | null;
  title: string;
}

/** A document with its file, its signer and what its header lacks (uploads, /vanban). */
export interface DocumentCard extends DocumentSummary {
  file: string;
  /** "Đặng Ngọc Huy (T/M Ban Thường vụ, Phó Bí thư)", or null when no signature was found. */
  signer: string | null;
  /** Header facts not found: "loại văn bản", "số hiệu", "cơ quan ban hành", "ngày ban hành", "người ký". */
  missing: string[];
}

/** A node of the directive chain: a corpus document, or a document the corpus only cites. */
export interface ChainNode {
  /** Canonical number, or the document id for a corpus document without a number. */
  key: string;
  number: string | null;
  docType: string | null;
  date: string | null;
  issuer: string | null;
  /** Set when the document is in the corpus (full text indexed). */
  documentId: string | null;
}

/** "from implements to" (or mentions) between two nodes of the chain. */
export interface ChainEdge {
  from: string;
  to: string;
  relation: Relation;
}

/**
 * Is this an official text? A web page (news, questions and answers) is not, nor a text with neither number nor
 * issuer: such pages rank after official texts and are cited as what they are, never as what they quote.
 */
export function isOfficial(d: { docType?: string | null; number?: string | null; issuer?: string | null }): boolean {
  return d.docType !== PAGE_TYPE && Boolean(d.number?.trim() || d.issuer?.trim());
}
