/**
 * What the parser could not place in a document, in Vietnamese, for `inspect`, an upload's reply and the logs:
 * a missing number, type, issuer, date or signer, or a body without any numbered part. Pure.
 */
import type { ParsedDocument } from "../domain/model.js";

export function headerGaps(doc: ParsedDocument): string[] {
  const gaps: string[] = [];
  if (doc.docType === "Văn bản") gaps.push("không nhận ra loại văn bản (Kế hoạch, Công văn, Quyết định…)");
  if (!doc.number) gaps.push("không thấy số hiệu (sẽ trích dẫn là “không số”)");
  if (!doc.issuer) gaps.push("không thấy cơ quan ban hành");
  if (!doc.date) gaps.push("không thấy ngày ban hành đầy đủ");
  if (!doc.signer) gaps.push("không thấy người ký");
  if (!doc.sections.some((s) => s.path)) gaps.push("không thấy mục đánh số nào: cả văn bản là một đoạn");
  return gaps;
}
