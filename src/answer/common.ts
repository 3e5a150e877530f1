/**
 * What the answer strategies share: the not-found answer with its "see also", labels of referenced documents, the
 * items under a section, quoting a section by the words that answer best. Every quote is verbatim from the index.
 */
import type { ParsedDocument, Reference, Section } from "../domain/model.js";
import { displayDate } from "../domain/numbers.js";
import { analyzeText } from "../search/analyzer.js";
import { citationFromPayload } from "../assistant/cite.js";
import type { Knowledge } from "../assistant/knowledge.js";
import { type Candidate, type Retrieval, keyTerms, queryPairs } from "../assistant/retrieve.js";
import { bestFragments, joinQuote, linesQuote, sentences } from "../assistant/sentences.js";
import type { AnswerResult, Citation } from "../assistant/types.js";
import { TUNING } from "./tuning.js";

export const NOT_FOUND_TEXT = "Không tìm thấy nội dung trả lời câu hỏi này trong các văn bản đã nạp.";

/** A strategy's verdict: an answer, or null when it does not apply (the router tries the next). */
export type Strategy = (r: Retrieval, kb: Knowledge) => AnswerResult | null;

export function notFound(candidates: Candidate[], text = NOT_FOUND_TEXT): AnswerResult {
  const seeAlso: Citation[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (c.chunk.payload.kind !== "section") continue;
    const key = `${c.chunk.payload.documentId}#${c.chunk.payload.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const first = sentences(c.chunk.payload.text)[0]?.text ?? c.chunk.payload.text.slice(0, 200);
    seeAlso.push(citationFromPayload(c.chunk.payload, first));
    if (seeAlso.length >= 3) break;
  }
  return { mode: "not_found", answer: text, citations: [], seeAlso, via: "none" };
}

/** Share of the key-term weight a short text holds. */
export function coverageOfText(text: string, keys: { term: string; weight: number }[]): number {
  const counts = analyzeText(text).counts;
  const total = keys.reduce((s, k) => s + k.weight, 0) || 1;
  return keys.reduce((s, k) => s + (counts.has(k.term) ? k.weight : 0), 0) / total;
}

/** "Báo cáo số 287-BC/TU ngày 21/07/2022 của Ban Thường vụ Thành ủy": a referenced document as the citing text names it. */
export function referenceLabel(ref: Reference): string {
  const date = ref.dateText ?? (ref.date ? displayDate(ref.date) : null);
  return `${ref.docType ?? "Văn bản"} số ${ref.number}${date ? ` ngày ${date}` : ""}${ref.issuer ? ` của ${ref.issuer}` : ""}`;
}

/** The items directly under a section; under the opening part (""), the numbered items it introduces. */
export function childrenOf(doc: ParsedDocument, path: string): Section[] {
  // The opening part introduces numbered items ("…một số nhiệm vụ trọng tâm sau:" then 1., 2., …), not the
  // document's parts (I., II.): a document outline is not a list the opening asks for.
  if (path === "") return doc.sections.filter((s) => /^\d+$/.test(s.path));
  const depth = path.split(".").length + 1;
  return doc.sections.filter((s) => s.path.startsWith(`${path}.`) && s.path.split(".").length === depth);
}

/** What an item says in one line: its title, or its first sentence. */
export function itemText(s: Section): string {
  return ((s.title && !s.text ? s.title : sentences(s.text)[0]?.text) ?? s.title ?? "").trim();
}

/** The words of a section that answer the question best (whole when short), verbatim. */
export function quoteSection(text: string, r: Retrieval, kb: Knowledge, max = 3): string {
  if (text.length <= 240) return linesQuote(text);
  const frags = bestFragments(text, keyTerms(r.query, kb), queryPairs(r.query), max);
  return joinQuote(frags) || sentences(text)[0]?.text || text.slice(0, 240);
}

/** One answer's citation marks moved past the `offset` citations of the answers before it. */
export function renumber(text: string, offset: number): string {
  return offset ? text.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`) : text;
}

/**
 * The answers to a compound question's clauses as one: each in turn, its citations numbered after the ones before;
 * an answer when any clause was answered (a clause the documents do not answer says so in its place).
 */
export function combineAnswers(parts: AnswerResult[]): AnswerResult {
  const lines: string[] = [];
  const citations: Citation[] = [];
  const seeAlso: Citation[] = [];
  for (const part of parts) {
    lines.push(renumber(part.answer, citations.length));
    citations.push(...part.citations);
    for (const s of part.seeAlso) if (seeAlso.length < 3 && !seeAlso.some((x) => x.documentId === s.documentId && x.section === s.section)) seeAlso.push(s);
  }
  const answered = parts.find((p) => p.mode === "answer");
  return { mode: answered ? "answer" : "not_found", answer: lines.join("\n\n"), citations, seeAlso: answered ? [] : seeAlso, via: answered?.via ?? "none" };
}

/** A list cut to what a chat message holds, with what was left out said. */
export function moreNote(total: number, shown: number): string {
  return total > shown ? `\n(… và ${total - shown} mục khác — xem thêm trong văn bản)` : "";
}

export { TUNING };
