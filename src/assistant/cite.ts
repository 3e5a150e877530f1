/** Citations: built from the index, never from a model; and the way a cadre writes them. */
import type { ParsedDocument } from "../domain/model.js";
import { displayDate } from "../domain/numbers.js";
import { PAGE_TYPE } from "../domain/vocabulary.js";
import type { ChunkPayload } from "../search/types.js";
import type { Citation } from "./types.js";

export function citationFromPayload(p: ChunkPayload, quote: string): Citation {
  return {
    documentId: p.documentId,
    docType: p.docType,
    number: p.number,
    issuer: p.issuer,
    place: p.place,
    date: p.date,
    title: p.title,
    section: p.section,
    sectionTitle: p.sectionTitle,
    quote,
  };
}

export function citationFromDocument(doc: ParsedDocument, section: string, quote: string): Citation {
  const s = doc.sections.find((x) => x.path === section);
  return {
    documentId: doc.id,
    docType: doc.docType,
    number: doc.number,
    issuer: doc.issuer,
    place: doc.place,
    date: doc.date,
    title: doc.title,
    section,
    sectionTitle: s?.title ?? null,
    quote,
  };
}

/** "Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi" / "Kế hoạch (không số) của …". */
export function documentLabel(c: { docType?: string | null; number?: string | null; date?: string | null; issuer?: string | null }): string {
  const num = c.number?.trim() ? ` số ${c.number.trim()}` : " (không số)";
  const date = c.date ? ` ngày ${displayDate(c.date)}` : "";
  const issuer = c.issuer?.trim();
  // Neither number nor issuer nor type: a page that is no official text (news, questions and answers) is cited as
  // what it is, never as the document it quotes.
  if (!c.number?.trim() && !issuer && (!c.docType?.trim() || c.docType === "Văn bản")) return `Tài liệu không rõ số hiệu, cơ quan ban hành${date}`;
  if (c.docType === PAGE_TYPE) return `Bài trên trang ${issuer || "thông tin điện tử"}${date} (không phải văn bản chính thức)`;
  return `${c.docType?.trim() || "Văn bản"}${num}${date}${issuer ? ` của ${issuer}` : ""}`;
}

/** "mục III.2"; the text before the first numbered heading (and the header/signature) is "phần mở đầu". */
export function sectionLabel(section: string): string {
  return section.trim() ? `mục ${section.trim()}` : "phần mở đầu";
}

/** "…, mục III.2". */
export function formatCitation(c: Citation): string {
  return `${documentLabel(c)}, ${sectionLabel(c.section)}`;
}
