/**
 * How a cadre cites a document: "Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi, mục 5".
 * A document without a number is "Kế hoạch (không số) … của Ban Thường vụ …". Plain text; HTML callers escape it.
 */
import type { Citation } from "../../assistant/types.js";

export interface DocumentLike {
  docType: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

/** ISO "2024-02-22" → "22/02/2024"; "2024-02" → "02/2024"; anything else is returned as given. */
export function formatDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (full) return `${full[3]}/${full[2]}/${full[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) return `${month[2]}/${month[1]}`;
  return date;
}

/** "Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi" or "Kế hoạch (không số) của …". */
export function describeDocument(doc: DocumentLike): string {
  const type = doc.docType?.trim() || "Văn bản";
  const number = doc.number?.trim() ? `số ${doc.number.trim()}` : "(không số)";
  const date = formatDate(doc.date);
  const issuer = doc.issuer?.trim();
  return [type, number, date ? `ngày ${date}` : null, issuer ? `của ${issuer}` : null].filter(Boolean).join(" ");
}

/** "mục III.2"; the text before the first numbered heading is "phần mở đầu". */
export function sectionLabel(section: string): string {
  return section.trim() ? `mục ${section.trim()}` : "phần mở đầu";
}

/** "[1] Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi, mục 5" (no number when index is omitted). */
export function formatCitation(citation: Citation, index?: number): string {
  const label = `${describeDocument(citation)}, ${sectionLabel(citation.section)}`;
  return index === undefined ? label : `[${index}] ${label}`;
}
