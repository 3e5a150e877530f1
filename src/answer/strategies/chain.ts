/**
 * Chain questions from the references: what a document carries out ("căn cứ văn bản nào?"), which documents carry
 * one out or cite it, and a cited document found by what the question says of it ("báo cáo tổng kết … số mấy?").
 */
import type { DocType, ParsedDocument } from "../../domain/model.js";
import { typeKind } from "../../domain/vocabulary.js";
import { numberKey } from "../../domain/numbers.js";
import { citationFromDocument, documentLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import { type Retrieval, keyTerms } from "../../assistant/retrieve.js";
import { linesQuote, sentences } from "../../assistant/sentences.js";
import { foldVi } from "../../text/vietnamese.js";
import type { AnswerResult, Citation } from "../../assistant/types.js";
import { TUNING, referenceLabel } from "../common.js";

/**
 * What a document carries out, and with `onlyTypes` the documents of those types it cites; `anyCarried` keeps every
 * document it carries out beside them ("thực hiện văn bản nào và căn cứ kế hoạch nào").
 */
export function answerChainUp(doc: ParsedDocument, onlyTypes: string[] = [], anyCarried = false): AnswerResult | null {
  const kinds = new Set(onlyTypes.map((t) => typeKind(t as DocType)));
  const ofKind = (r: ParsedDocument["references"][number]) => r.docType !== null && kinds.has(typeKind(r.docType));
  const impl = doc.references.filter((r) => r.relation === "implements" && (!kinds.size || anyCarried || ofKind(r)));
  // A type asked by name ("dựa trên báo cáo nào", "gắn với kết luận nào"): the documents of that type it cites, whatever
  // the words that cite them.
  const cited = kinds.size ? doc.references.filter((r) => r.relation !== "implements" && ofKind(r)) : [];
  if (!impl.length && !cited.length) return null;
  const citations: Citation[] = [];
  const quote = (ref: ParsedDocument["references"][number]): string | null => {
    const where = [{ path: "", text: doc.title }, ...doc.sections].find((s) => s.text.includes(ref.number));
    const sentence = where ? sentences(where.text).find((s) => s.text.includes(ref.number)) : undefined;
    if (!sentence || !where) return null;
    // The title is part of the document's header: its citation is the preamble ("phần mở đầu").
    const section = doc.sections.some((s) => s.path === where.path && s.text === where.text) ? where.path : "";
    citations.push(citationFromDocument(doc, section, sentence.text));
    return `${referenceLabel(ref)} [${citations.length}]`;
  };
  const carried = impl.map(quote).filter((l): l is string => l !== null);
  const named = cited.map(quote).filter((l): l is string => l !== null);
  if (!citations.length) return null;
  const parts = [carried.length ? `căn cứ, thực hiện: ${carried.join("; ")}` : "", named.length ? `dẫn: ${named.join("; ")}` : ""].filter(Boolean);
  return { mode: "answer", answer: `${documentLabel(doc)} ${parts.join("; ")}.`, citations, seeAlso: [], via: "chain" };
}

/**
 * The corpus documents that implement (or, with `anyRelation`, merely cite) the number the question names; with
 * `within`, only those of the issuers, places and types the question names ("văn bản nào của Chính phủ thực hiện
 * …"), and when none of them does, that is said before the others are listed.
 */
/**
 * How one document acts on another, as a question asks it ("văn bản nào sửa đổi / thay thế / bãi bỏ X"), with the
 * words (folded) a citing sentence must hold to say so. Citing X is not amending it.
 */
const ACTS: { asked: RegExp; said: RegExp; verb: string }[] = [
  { asked: / sua doi | bo sung /, said: /\b(sua doi|bo sung)\b/, verb: "sửa đổi, bổ sung" },
  { asked: / thay the /, said: /\bthay the\b/, verb: "thay thế" },
  { asked: / bai bo | het hieu luc /, said: /\b(bai bo|het hieu luc)\b/, verb: "bãi bỏ" },
  { asked: / huong dan thi hanh | quy dinh chi tiet /, said: /\b(huong dan thi hanh|quy dinh chi tiet)\b/, verb: "hướng dẫn thi hành" },
];

/** The act a question asks of the documents citing a number (folded question), or null for "cites / carries out". */
export function actAsked(folded: string): (typeof ACTS)[number] | null {
  return ACTS.find((a) => a.asked.test(folded)) ?? null;
}

/** A document's number as a text writes it ("03/NQ-CP", "28-CTr/TU", "27/2025/NQ-HĐND"). */
const WRITTEN_NUMBER = /(?<![\p{L}\d])\d{1,5}(?:\/\d{4})?[-/][\p{Lu}Đ][\p{L}Đđ&]*(?:[-/][\p{Lu}Đ][\p{L}Đđ&\d]*)*/u;

/**
 * "Kế hoạch 45 thay thế những văn bản nào?", "Nghị quyết 214 sửa đổi, bổ sung văn bản nào?": the act asked of the
 * document named, from its own sentences that state it (the act's verb and a document's number after it), in the
 * order the document gives them; the title first ("Sửa đổi, bổ sung … ban hành kèm theo Nghị quyết số 03/NQ-CP").
 */
export function answerActsOf(doc: ParsedDocument, act: (typeof ACTS)[number]): AnswerResult | null {
  const citations: Citation[] = [];
  const lines: string[] = [];
  // (An article's title states it as often as its text: "Điều 1. Sửa đổi, bổ sung … Nghị quyết số 03/NQ-CP … (đã được
  // sửa đổi … theo Nghị quyết số 71/NQ-CP …)".)
  const places = [{ path: "", text: doc.title }, ...doc.sections.flatMap((s) => [...(s.title ? [{ path: s.path, text: s.title }] : []), { path: s.path, text: s.text }])];
  for (const where of places) {
    for (const x of sentences(where.text)) {
      const folded = foldVi(x.text).toLowerCase();
      const verb = act.said.exec(folded);
      if (!verb || !WRITTEN_NUMBER.test(x.text.slice(verb.index))) continue;
      // The title is part of the document's header: its citation is the preamble ("phần mở đầu").
      const section = where.text === doc.title && where.path === "" ? "" : where.path;
      // A short passage whole: the documents it lists may stand in sentences of their own ("… hết hiệu lực thi hành:
      // Nghị quyết số 11/2021/NQ-HĐND …; Nghị quyết số 06/2022/NQ-HĐND …").
      // Else the line whole when the sentence opens a list ("… hết hiệu lực thi hành: Nghị quyết số …; …").
      const whole = where.text.length <= TUNING.listWholeSectionChars;
      const line = where.text.split("\n").find((l) => l.includes(x.text));
      const quote = whole ? linesQuote(where.text) : /:/.test(x.text) && line && line.length <= TUNING.actLineChars ? line.trim() : x.text;
      citations.push(citationFromDocument(doc, section, quote));
      lines.push(`${section ? `mục ${section}` : "phần mở đầu"}: “${quote}” [${citations.length}]`);
      if (whole || citations.length >= TUNING.maxSections) break;
    }
    if (citations.length >= TUNING.maxSections) break;
  }
  if (!citations.length) return null;
  return { mode: "answer", answer: `${documentLabel(doc)} ghi (${act.verb}):\n${lines.join("\n")}`, citations, seeAlso: [], via: "chain" };
}

/** Verbs that say how a sentence's subject stands to the document named after them (folded). */
const RELATION_VERB = /\b(sua doi|bo sung|thay the|bai bo|het hieu luc|huong dan thi hanh|quy dinh chi tiet|thuc hien|trien khai|can cu|quan triet|cu the hoa|ke thua)\b/g;

/**
 * Does the sentence say it does `act` to the document numbered `written`? The verb nearest before that number, after
 * any other number, decides: in "Căn cứ Nghị quyết 71/NQ-CP sửa đổi … Chương trình … thực hiện Nghị quyết 57-NQ/TW"
 * 57 is carried out, not amended.
 */
function actsOn(sentence: string, written: string, act: (typeof ACTS)[number]): boolean {
  const at = sentence.indexOf(written);
  if (at < 0) return false;
  const before = sentence.slice(0, at);
  const afterOther = before.search(/\d+[-/][\p{Lu}Đ][^\s]*(?!.*\d+[-/][\p{Lu}Đ])/su);
  const window = foldVi(afterOther >= 0 ? before.slice(afterOther) : before).toLowerCase();
  const verbs = [...window.matchAll(RELATION_VERB)];
  const last = verbs[verbs.length - 1]?.[1];
  return last !== undefined && act.said.test(last);
}

export function answerChainDown(r: Retrieval, kb: Knowledge, anyRelation = false, within?: Set<string>, act: (typeof ACTS)[number] | null = null): AnswerResult | null {
  const target = r.numbers.flatMap((n) => n.numbers)[0];
  if (!target) return null;
  const key = numberKey(target);
  // (Not the document named itself: a plan that carries out another plan of its own number cites that number.)
  const citing = kb.documents.filter((doc) => doc.id !== r.namedOne && doc.references.some((x) => numberKey(x.number) === key && (anyRelation || x.relation === "implements")));
  // "Văn bản nào sửa đổi X": the citing documents whose sentence naming X says so; the others only cite it.
  const saying = (doc: ParsedDocument) => {
    const written = doc.references.find((y) => numberKey(y.number) === key)?.number;
    return Boolean(written) && [{ text: doc.title }, ...doc.sections].some((s) => sentences(s.text).some((x) => actsOn(x.text, written!, act!)));
  };
  const all = act ? citing.filter(saying) : citing;
  if (act && !all.length) {
    const mentions = citing.slice(0, TUNING.listMaxItems).map(documentLabel);
    const also = mentions.length ? ` Các văn bản chỉ nhắc đến ${target}: ${mentions.join("; ")}${citing.length > mentions.length ? "; …" : ""}.` : "";
    return { mode: "not_found", answer: `Không thấy văn bản nào trong các văn bản đã nạp ${act.verb} ${target}.${also}`, citations: [], seeAlso: [], via: "chain" };
  }
  const narrowed = within?.size ? all.filter((d) => within.has(d.id)) : all;
  const docs = narrowed.length ? narrowed : all;
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const doc of docs) {
    const ref = doc.references.find((x) => numberKey(x.number) === key && (anyRelation || x.relation === "implements"));
    if (!ref) continue;
    const where = doc.sections.find((s) => s.text.includes(ref.number)) ?? null;
    const sentence = where ? sentences(where.text).find((s) => s.text.includes(ref.number)) : undefined;
    citations.push(citationFromDocument(doc, where?.path ?? "", sentence?.text ?? doc.title));
    lines.push(`${documentLabel(doc)} [${citations.length}]`);
  }
  if (!citations.length) return null;
  const verb = act ? act.verb : anyRelation ? "nhắc đến" : "thực hiện";
  const none = within?.size && !narrowed.length ? `Không thấy văn bản nào của cơ quan, địa phương được hỏi ${verb} ${target}. ` : "";
  const answer = docs.length === 1 && !none ? `Văn bản ${verb} ${target}: ${lines[0]}.` : `${none}Các văn bản ${verb} ${target} (${citations.length} văn bản): ${lines.join("; ")}.`;
  return { mode: "answer", answer, citations, seeAlso: [], via: "chain" };
}

/** A document the corpus cites, found by what the question says of it ("báo cáo tổng kết 10 năm … số mấy?"). */
export function answerReferencedByDescription(r: Retrieval, kb: Knowledge, asked: string[], within: ReadonlySet<string> | null = null): AnswerResult | null {
  const keys = keyTerms(r.query, kb);
  const total = keys.reduce((s, k) => s + k.weight, 0);
  if (!total) return null;
  let best: { doc: ParsedDocument; path: string; sentence: string; label: string; score: number } | null = null;
  const named = new Set(r.numbers.flatMap((n) => n.numbers).map(numberKey));
  for (const { doc, ref, path, sentence, around } of kb.mentionSentences()) {
    // "Tờ trình đề nghị ban hành KH 215 là số mấy?": the documents the question is about are where it is cited.
    if (within && !within.has(doc.id)) continue;
    if (asked.length && (!ref.docType || !asked.includes(ref.docType))) continue;
    if (named.has(numberKey(ref.number))) continue;
    const counts = around.counts;
    let got = 0;
    for (const k of keys) if (counts.has(k.term)) got += k.weight;
    const score = got / total;
    if (!best || score > best.score) best = { doc, path, sentence, label: referenceLabel(ref), score };
  }
  if (!best || best.score < TUNING.minCoverage) return null;
  return {
    mode: "answer",
    answer: `${best.label} (được dẫn trong ${documentLabel(best.doc)}). [1]`,
    citations: [citationFromDocument(best.doc, best.path, best.sentence)],
    seeAlso: [],
    via: "metadata",
  };
}
