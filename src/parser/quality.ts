/**
 * What the parser could not place in a document, in Vietnamese, for `inspect`, an upload's reply and the logs:
 * a missing number, type, issuer, date or signer, or a body without any numbered part. Pure.
 */
import type { ParsedDocument } from "../domain/model.js";
import { PAGE_TYPE } from "../domain/vocabulary.js";

/** Header facts a document lacks, in the words an admin reads: "loại văn bản", "số hiệu", "cơ quan ban hành"… */
export function missingFacts(doc: ParsedDocument): string[] {
  const missing: string[] = [];
  if (doc.docType === "Văn bản") missing.push("loại văn bản");
  // A web page has no number or signer of its own: it is cited as a page.
  if (doc.docType === PAGE_TYPE) return [!doc.issuer.trim() && "trang đăng", !doc.date && "ngày đăng"].filter((x): x is string => Boolean(x));
  if (!doc.number) missing.push("số hiệu");
  if (!doc.issuer.trim()) missing.push("cơ quan ban hành");
  if (!doc.date) missing.push("ngày ban hành");
  if (!doc.signer?.name) missing.push("người ký");
  return missing;
}

/** The same, as sentences that say what follows from each gap; and a body without numbered parts. */
export function headerGaps(doc: ParsedDocument): string[] {
  const said: Record<string, string> = {
    "loại văn bản": "không nhận ra loại văn bản (Kế hoạch, Công văn, Quyết định…)",
    "số hiệu": "không thấy số hiệu (sẽ trích dẫn là “không số”)",
    "cơ quan ban hành": "không thấy cơ quan ban hành",
    "ngày ban hành": "không thấy ngày ban hành đầy đủ",
    "người ký": "không thấy người ký",
  };
  const gaps = missingFacts(doc).map((m) => said[m] ?? `không thấy ${m}`);
  if (!doc.sections.some((s) => s.path)) gaps.push("không thấy mục đánh số nào: cả văn bản là một đoạn");
  return gaps;
}
