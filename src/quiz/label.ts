/**
 * How items name documents and sections: in questions ("Kết luận số 69-KL/TW"), in poll explanations (short:
 * "Kết luận 69-KL/TW, mục 7: …", ≤ 200 characters) and in full citations ("… ngày 11/01/2024 của Bộ Chính trị, mục 7").
 */
import { documentLabel } from "../assistant/cite.js";
import type { ParsedDocument } from "../domain/model.js";
import { clip, collapse, findSpan } from "./text.js";
import { TELEGRAM_LIMITS, type QuizItem, type QuotePart } from "./types.js";

/** "Kết luận số 69-KL/TW"; without a number: "Kế hoạch (không số) của Ban Thường vụ …". */
export function docRef(doc: Pick<ParsedDocument, "docType" | "number" | "issuer">): string {
  return doc.number ? `${doc.docType} số ${doc.number}` : `${doc.docType} (không số) của ${doc.issuer}`;
}

/** "Kết luận 69-KL/TW"; without a number: "Kế hoạch của Ban Thường vụ …". */
export function shortRef(doc: Pick<ParsedDocument, "docType" | "number" | "issuer">): string {
  return doc.number ? `${doc.docType} ${doc.number}` : `${doc.docType} của ${doc.issuer}`;
}

export function partLabel(part: QuotePart, section: string): string {
  if (part === "header") return "phần đầu văn bản";
  if (part === "closing") return "phần ký văn bản";
  return section ? `mục ${section}` : "phần mở đầu";
}

/** Full citation, the way a cadre writes it. */
export function citationLabel(item: Pick<QuizItem, "citation" | "documentDate" | "part">): string {
  const c = item.citation;
  return `${documentLabel({ docType: c.docType, number: c.number, date: item.documentDate, issuer: c.issuer })}, ${partLabel(item.part, c.section)}`;
}

/** A piece of `quote` of at most `room` characters, centred on `focus` when it occurs. */
export function snippet(quote: string, focus: string | null, room: number): string {
  const q = collapse(quote);
  if (q.length <= room) return q;
  const span = focus ? findSpan(q, focus) : null;
  if (!span || span.end - span.start > room - 2) return clip(q, room);
  let start = Math.max(0, span.start - Math.floor((room - (span.end - span.start)) / 3));
  while (start > 0 && /\S/.test(q[start - 1]!)) start--;
  const body = clip(q.slice(start), start > 0 ? room - 1 : room);
  return start > 0 ? `…${body}` : body;
}

/** "Kết luận 69-KL/TW, mục 7: “Ban Tuyên giáo Trung ương chủ trì…”" in at most 200 characters. */
export function explanationFor(doc: Pick<ParsedDocument, "docType" | "number" | "issuer">, part: QuotePart, section: string, quote: string, answer: string | null): string {
  const max = TELEGRAM_LIMITS.explanationChars;
  let head = `${shortRef(doc)}, ${partLabel(part, section)}`;
  if (head.length > max - 40) head = clip(head, max - 40);
  const room = max - head.length - 4; // ": “" and "”"
  return `${head}: “${snippet(quote, answer, room)}”`;
}
