/**
 * How a cadre cites a document: "Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi, mục 5".
 * A document without a number is "Kế hoạch (không số) … của Ban Thường vụ …". Plain text; HTML callers escape it.
 */
import { documentLabel, sectionLabel } from "../../assistant/cite.js";
import type { Citation } from "../../assistant/types.js";
import { displayDate } from "../../domain/numbers.js";

export interface DocumentLike {
  docType: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

/** ISO "2024-02-22" → "22/02/2024"; "2024-02" → "02/2024"; anything else is returned as given. */
export function formatDate(date: string | null | undefined): string | null {
  return date ? displayDate(date) : null;
}

/** "Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi" or "Kế hoạch (không số) của …". */
export function describeDocument(doc: DocumentLike): string {
  return documentLabel(doc);
}

export { sectionLabel };

/** "[1] Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi, mục 5" (no number when index is omitted). */
export function formatCitation(citation: Citation, index?: number): string {
  const label = `${describeDocument(citation)}, ${sectionLabel(citation.section, citation.attachment)}`;
  return index === undefined ? label : `[${index}] ${label}`;
}
