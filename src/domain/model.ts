/**
 * The document model: plain data, no I/O. Everything the assistant cites is built from these types.
 *
 * Section paths follow one convention everywhere: segments joined by "." in order of nesting — capital part
 * letter, Roman numeral, Arabic number (a decimal "2.1" is two segments under "2"), lowercase letter:
 * "III.2", "B.III.2.1", "II.2.2.a", "5". Text before the first numbered heading has the path "".
 */

export type DocType =
  | "Nghị quyết"
  | "Kết luận"
  | "Chỉ thị"
  | "Quyết định"
  | "Kế hoạch"
  | "Hướng dẫn"
  | "Công văn"
  | "Chương trình"
  | "Chương trình hành động"
  | "Thông báo"
  | "Báo cáo"
  | "Quy định"
  | "Tờ trình"
  | "Văn bản";

export interface Signer {
  name: string;
  /** Signing capacity, e.g. "T/M Ban Thường vụ", "K/T Trưởng ban", "TL Ban Thường vụ". Empty when not stated. */
  capacity: string;
  /** Title of the person who signs, e.g. "Phó Bí thư". Empty when not stated. */
  title: string;
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
  deadline: string | null;
  task: string;
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
  recipients: string[];
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
