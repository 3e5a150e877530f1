/**
 * Yes/no questions answered yes or no first. A header claim ("có phải do UBND tỉnh Bắc Ninh ban hành không?", "… ký
 * ngày 24/11/2025 phải không?", "… do đồng chí X ký à?") is checked against the document's header and answered
 * "Đúng" or "Không" with what the document says. A content question gets "Có" only when the evidence holds nearly all
 * of it; otherwise the quote is given for the reader to judge, and a document that is silent is answered "Không thấy".
 */
import type { ParsedDocument } from "../../domain/model.js";
import { displayDate, parseDateText } from "../../domain/numbers.js";
import { analyzeText } from "../../search/analyzer.js";
import type { AnswerResult } from "../../assistant/types.js";
import type { QuestionFrame } from "../../understand/frame.js";
import { foldVi } from "../../text/vietnamese.js";
import { TUNING } from "../tuning.js";
import { answerMetadata } from "./metadata.js";

function pairs(text: string): Set<string> {
  return new Set([...analyzeText(text).counts.keys()].filter((k) => k.startsWith("fp:")));
}

/** Does the claimed name match the document's (most of its word pairs, short forms expanded)? */
function sameName(claimed: string, actual: string): boolean {
  const want = pairs(claimed);
  const have = pairs(actual);
  if (!want.size || !have.size) return false;
  const hit = [...have].filter((k) => want.has(k)).length;
  // A word pair of the claim the name lacks is a difference ("… tỉnh Đồng Tháp" against "… tỉnh Bắc Ninh"); one is a
  // seam of a shortened name ("UBND Bắc Ninh": "dân bắc").
  const extra = [...want].filter((k) => !have.has(k)).length;
  return hit / have.size >= TUNING.bodyMentionedShare && extra <= 1;
}

/** A header claim of a yes/no question about one document, checked: the answer, or null when it claims none. */
export function answerHeaderClaim(frame: QuestionFrame, doc: ParsedDocument): AnswerResult | null {
  const text = frame.text;
  const label = `${doc.docType}${doc.number ? ` số ${doc.number}` : " (không số)"}`;
  const verdicts: string[] = [];
  const fields: QuestionFrame["meta"] = [];
  const issuer = /(?:do|bởi|của)\s+(.{4,80}?)\s+(?:ban hành|ra|phát hành|ban hanh)(?=\s|$|\?)/iu.exec(text);
  if (issuer) {
    fields.push("issuer");
    verdicts.push(sameName(issuer[1]!, doc.issuer) ? `Đúng, ${label} do ${doc.issuer} ban hành.` : `Không. ${label} do ${doc.issuer || "cơ quan không ghi rõ"} ban hành.`);
  }
  const dated = parseDateText(text);
  if (dated && /(?:ngày|ngay)/iu.test(text)) {
    fields.push("date");
    verdicts.push(doc.date === dated ? `Đúng, văn bản đề ngày ${displayDate(doc.date)}.` : `Không. Văn bản đề ngày ${displayDate(doc.date) ?? "không ghi đủ"}, không phải ${displayDate(dated)}.`);
  }
  const signer = /(?:đồng chí|đ\/c|ông|bà|dong chi|ong|ba)\s+(.{4,40}?)\s+(?:ký|ky)(?=\s|$|\?)/iu.exec(text);
  if (signer) {
    fields.push("signer");
    const name = doc.signer?.name ?? "";
    const same = name !== "" && foldVi(name).toLowerCase().includes(foldVi(signer[1]!).toLowerCase().trim());
    verdicts.push(same ? `Đúng, đồng chí ${name} ký.` : `Không. ${name ? `Người ký là đồng chí ${name}.` : "Văn bản không ghi người ký."}`);
  }
  if (!verdicts.length) return null;
  const facts = answerMetadata({ ...frame, meta: fields }, doc);
  return {
    mode: "answer",
    answer: `${verdicts.join(" ")} [1]`,
    citations: facts?.citations.slice(0, 1) ?? [],
    seeAlso: [],
    via: "metadata",
  };
}

/**
 * A content answer to a yes/no question, opened by what it amounts to. An assignment row of the very body asked
 * about ("… có giao Bộ Xây dựng chủ trì … không?") is a yes as much as near-complete evidence is.
 */
export function openYesNo(answer: AnswerResult, coverage: number, frame: QuestionFrame): AnswerResult {
  if (answer.mode !== "answer") return { ...answer, answer: `Không thấy. ${answer.answer}` };
  // Already a verdict (a clause that leaves the group asked about out: "Không. … không áp dụng đối với: …").
  if (/^(?:Không|Có|Đúng)\.\s/u.test(answer.answer)) return answer;
  const rowOfBody = answer.via === "assignments" && frame.body !== null && sameName(frame.body, answer.answer.split(" (")[0] ?? "") && coverage >= TUNING.minCoverage;
  if (coverage >= TUNING.yesCoverage || rowOfBody) return { ...answer, answer: `Có. ${answer.answer}` };
  return { ...answer, answer: `Văn bản nêu như sau (đối chiếu với câu hỏi): ${answer.answer}` };
}
