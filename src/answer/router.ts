/**
 * The router: the frame's asks choose the strategy, and scope honesty wraps them all. A question about a document
 * the corpus does not hold is not answered from another; one the corpus only cites is answered with who cites it;
 * when the named document does not say it, the answer says so and points to where another document does.
 */
import { bodyTokens, foldedBodyKey, matchBody } from "../domain/bodies.js";
import { citationFromPayload, documentLabel, sectionLabel } from "../assistant/cite.js";
import { findNumbers, numberKey } from "../domain/numbers.js";
import { PAGE_TYPE, expandShortForms } from "../domain/vocabulary.js";
import { type Knowledge, localitiesOf } from "../assistant/knowledge.js";
import type { Retrieval } from "../assistant/retrieve.js";
import { bestFragments, joinQuote, sentences } from "../assistant/sentences.js";
import type { AnswerResult, Citation } from "../assistant/types.js";
import { keyTerms, queryPairs } from "../assistant/retrieve.js";
import type { QuestionFrame } from "../understand/frame.js";
import { citationFromDocument } from "../assistant/cite.js";
import { TUNING, combineAnswers, notFound } from "./common.js";
import { answerAssignments } from "./strategies/assignments.js";
import { actAsked, answerActsOf, answerChainDown, answerChainUp, answerReferencedByDescription } from "./strategies/chain.js";
import { answerCompare } from "./strategies/compare.js";
import { answerContact } from "./strategies/contact.js";
import { answerCount } from "./strategies/count.js";
import { answerByTitle, answerFact, contactMissing, periodMissing } from "./strategies/fact.js";
import { answerBySectionRef } from "./strategies/section-ref.js";
import { answerMetadata, answerReferencedMeta } from "./strategies/metadata.js";
import { answerFromRegister } from "./strategies/register.js";
import { answerHeaderClaim, openYesNo } from "./strategies/yesno.js";
import { taskRepeat, taskWindow } from "../understand/window.js";
import { type ParsedDocument, readable } from "../domain/model.js";
import { foldVi, normalizeVi } from "../text/vietnamese.js";
import { analyzeText } from "../search/analyzer.js";

/** The one document a metadata or chain question is about: the frame's, else the best-ranked in its scope. */
function targetDocument(frame: QuestionFrame, r: Retrieval, kb: Knowledge): ParsedDocument | null {
  if (frame.scope.documentIds.length === 1) return kb.byId.get(frame.scope.documentIds[0]!) ?? null;
  const top = r.candidates.find((c) => !frame.scope.documentIds.length || frame.scope.documentIds.includes(c.chunk.payload.documentId));
  const id = top?.chunk.payload.documentId;
  return id ? (kb.byId.get(id) ?? null) : null;
}

/** "Văn bản X chưa có trong kho; các văn bản sau dẫn chiếu đến nó: …", each citing sentence quoted. */
function referencedOnly(frame: QuestionFrame, kb: Knowledge, r: Retrieval): AnswerResult {
  const named = frame.scope.named.filter((n) => n.status === "referenced");
  const number = named[0]!.numbers.find((x) => kb.isKnownNumber(x)) ?? named[0]!.numbers[0]!;
  const citations: Citation[] = [];
  const labels: string[] = [];
  // A page quoted below for its words is not listed again among the texts that cite the document.
  const page = pageQuoting(number, r, kb);
  // Of the page, only the sentences about the document itself: one that names another document or a place ("Chương
  // trình hành động số 47-CTr/TU của Tỉnh ủy Quảng Trị đề ra mục tiêu …"), or a province's own ("… kinh tế số của
  // tỉnh đạt 50% GRDP"), speaks of that one, not of this.
  const own = page ? sentences(page.chunk.payload.text).filter((u) => !kb.localitySpans(u.text).length && !LOCAL_WORDS.test(u.text) && !findNumbers(u.text).some((n) => numberKey(n.number) !== numberKey(number))) : [];
  const ownText = own.map((u) => u.text).join("\n");
  const keys = keyTerms(r.query, kb);
  // (Its words as the page's search coverage counts them: the sentences kept, and the page's label.)
  const label = page ? kb.chunkById.get(`${page.chunk.payload.documentId}#meta`)?.terms.counts : undefined;
  const held = ownText ? analyzeText(ownText).counts : null;
  const weight = keys.reduce((t, k) => t + k.weight, 0);
  const ownCoverage = held && weight ? keys.filter((k) => held.has(k.term) || label?.has(k.term)).reduce((t, k) => t + k.weight, 0) / weight : 0;
  const quoted = page && ownCoverage >= TUNING.elsewhereCoverage ? page : undefined;
  const seen = new Set<string>(quoted ? [quoted.chunk.payload.documentId] : []);
  for (const { doc, ref } of kb.referencesTo(number)) {
    if (seen.has(doc.id) || citations.length >= TUNING.maxSections) continue;
    const where = [{ path: "", text: doc.title }, ...doc.sections].find((s) => s.text.includes(ref.number));
    const sentence = where ? sentences(where.text).find((s) => s.text.includes(ref.number)) : undefined;
    if (!where || !sentence) continue;
    seen.add(doc.id);
    const path = doc.sections.some((s) => s.path === where.path && s.text === where.text) ? where.path : "";
    citations.push(citationFromDocument(doc, path, sentence.text));
    labels.push(`${documentLabel(doc)} [${citations.length}]`);
  }
  const total = new Set(kb.referencesTo(number).map((x) => x.doc.id)).size;
  const missing = `Văn bản ${named[0]!.alias} (${number}) chưa có trong kho văn bản đã nạp`;
  const citingText = (ls: string[]) => (ls.length ? ` Các văn bản sau dẫn chiếu đến nó${total > ls.length ? ` (${total} văn bản, nêu ${ls.length})` : ""}: ${ls.join("; ")}.` : "");
  // A page that writes about it (questions and answers, news) and answers the question: quoted as that page's words,
  // never as the document's, after saying the document itself is not here.
  if (quoted) {
    const p = quoted.chunk.payload;
    const quote = joinQuote(bestFragments(ownText, keys, queryPairs(r.query), 2)) || own[0]!.text;
    const pageCitation = citationFromPayload(p, quote);
    const others = citingText(labels.map((l, i) => l.replace(`[${i + 1}]`, `[${i + 2}]`)));
    // Not found all the same: the document asked about is not here, whatever a page says of it.
    return {
      mode: "not_found",
      answer: `${missing}; dưới đây là lời của một trang khác, không phải của văn bản đó. ${documentLabel(p)}, ${sectionLabel(p.section)} viết: “${quote}” [1]${others}`,
      citations: [pageCitation, ...citations],
      seeAlso: [pageCitation, ...citations],
      via: "extractive",
    };
  }
  const text = `${missing} nên không trả lời được nội dung của nó.${citingText(labels)}`;
  return { mode: "not_found", answer: text, citations, seeAlso: citations.length ? citations : notFound(r.candidates).seeAlso, via: "none" };
}

/**
 * The best passage of a web page that writes about the document (cites its number) and answers the question, from a
 * part whose heading names no place (a page's "Tỉnh X triển khai Nghị quyết 57 như thế nào?" is about the province's
 * plan, not the resolution's words). Undefined when there is none.
 */
/** Words of a sentence about one locality ("của tỉnh", "toàn tỉnh", "GRDP"), not about a central document. */
const LOCAL_WORDS = /GRDP|(?<![\p{L}])(?:của|toàn|trên địa bàn|tại)\s+(?:tỉnh|huyện|thành phố|thị xã|xã|phường)(?![\p{L}])/iu;

function pageQuoting(number: string, r: Retrieval, kb: Knowledge) {
  const key = numberKey(number);
  // The part that holds most of the question, then rank.
  const parts = r.candidates.filter((c) => {
    const p = c.chunk.payload;
    if (p.docType !== PAGE_TYPE || p.kind !== "section" || c.coverage < TUNING.elsewhereCoverage) return false;
    if (kb.localitySpans(`${p.headingPath} ${p.sectionTitle ?? ""}`).length) return false;
    return kb.byId.get(p.documentId)?.references.some((ref) => numberKey(ref.number) === key) ?? false;
  });
  // (Coverage already counts a part set for another horizon down: "Tầm nhìn đến năm 2045" for "… đến năm 2030".)
  return parts.reduce<(typeof parts)[number] | undefined>((best, c) => (!best || c.coverage > best.coverage ? c : best), undefined);
}

/**
 * Scope honesty: the documents the question names do not answer it. Say so, and where another document does, quote
 * it as that document's (never as the named one's).
 */
function honest(frame: QuestionFrame, r: Retrieval, kb: Knowledge): AnswerResult {
  const named = scopeLabel(frame, kb);
  const other = r.elsewhere.find((c) => c.coverage >= TUNING.elsewhereCoverage && c.chunk.payload.kind === "section");
  if (!other) return notFound(r.elsewhere.length ? r.elsewhere : r.candidates, `${named} không nêu nội dung này.`);
  const p = other.chunk.payload;
  const quote = joinQuote(bestFragments(p.text, keyTerms(r.query, kb), queryPairs(r.query), 2)) || sentences(p.text)[0]?.text || p.text;
  const citation = citationFromPayload(p, quote);
  return {
    mode: "not_found",
    answer: `${named} không nêu nội dung này. ${documentLabel(p)}, ${p.section ? `mục ${p.section}` : "phần mở đầu"} nêu: “${quote}” [1]`,
    citations: [citation],
    seeAlso: [citation],
    via: "none",
  };
}

/**
 * A document asked for by its issuer's place ("Kế hoạch của UBND huyện Hương Khê", "chương trình hành động của Tỉnh ủy
 * Quảng Bình") when no document of the corpus is issued there or for it: that place, as the question writes it; else
 * null. (A place only mentioned in some text, "các huyện Hương Khê, Hương Sơn còn vùng lõm sóng", issues nothing.)
 */
function issuerPlaceAbsent(text: string, kb: Knowledge): string | null {
  // ("UBND phường Chiềng An có kế hoạch … không?": the body the question opens with, having or issuing a document.)
  const opener = OPENS_WITH_ISSUER.exec(text);
  if (opener) {
    if (!placeIssues(opener[2]!, kb)) return `${opener[1]} ${opener[2]}`;
  }
  // The document's type and "của <issuer>" on a lower-cased copy; the place's name, capitalized, on the text itself.
  const head = ISSUED_BY_HEAD.exec(text.toLowerCase());
  if (!head) return null;
  const m = PLACE_NAME.exec(text.slice(head.index + head[0].length));
  // A place: after its level word, or after a committee's name ("Tỉnh ủy Quảng Bình"); not any capitalized words
  // ("của Thủ tướng Chính phủ").
  if (!m || !(m[1] || /(?:ủy|uỷ)$/u.test(head[0]))) return null;
  return placeIssues(m[2]!, kb) ? null : [m[1], m[2]].filter(Boolean).join(" ");
}

/** Is some document of the corpus of this place (its place, or its issuer's name, holds it)? */
function placeIssues(place: string, kb: Knowledge): boolean {
  const name = foldedPadded(place);
  return kb.documents.some((d) => foldedPadded(d.place ?? "").includes(name) || foldedPadded(d.issuer ?? "").includes(name));
}
/** Folded words between spaces (" thanh hoa "), for whole-word containment. */
function foldedPadded(t: string): string {
  return ` ${foldVi(t).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
}
const ISSUED_BY_HEAD =
  /(?:kế hoạch|chương trình(?: hành động)?|quyết định|công văn|nghị quyết|hướng dẫn|văn bản|thông báo|báo cáo|chỉ thị)(?:\s+[^\s?,;]+){0,8}?\s+(?:của|do)\s+(?:(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|hđnd|hội đồng nhân dân|ban thường vụ|thường trực)\s+)?(?:(?:tỉnh|huyện|thành|thị|quận)\s+(?:ủy|uỷ)(?=\s))?/u;
const PLACE_NAME = /^\s*(tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn)?\s*(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3})/u;
/** A local body and its place opening the question, then what it has or issues ("UBND phường X có kế hoạch …"). */
const OPENS_WITH_ISSUER =
  /^\s*(?:theo\s+)?((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Đảng ủy|Đảng uỷ)\s+(?:tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn))\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3})\s+(?:có|đã|ban hành|đã ban hành)\s+(?:kế hoạch|chương trình|nghị quyết|quyết định|công văn|văn bản|báo cáo|hướng dẫn)(?![\p{L}])/u;

/** Is the body named in the question one that the documents in scope assign anything to (by its whole name)? */
function bodyAssigned(body: string, frame: QuestionFrame, kb: Knowledge): boolean {
  // (Short forms read as the names they stand for: "ubnd phuong X" is "Ủy ban nhân dân phường X".)
  const want = foldedBodyKey(body);
  // The document's own issuer ("UBND phường X báo cáo … trước ngày nào" of the ward's plan) is no body it assigns,
  // and what it says of itself is answered from its text.
  const issuedBy = (id: string) => {
    const issuer = foldedBodyKey(kb.byId.get(id)?.issuer ?? "");
    return issuer.length > 3 && (issuer.includes(want) || want.includes(issuer));
  };
  return frame.scope.documentIds.some((id) =>
    issuedBy(id) ||
    (kb.byId.get(id)?.assignments ?? []).some((a) => {
      const name = foldedBodyKey(a.assignee);
      return name.length > 3 && (want.includes(name) || name.includes(want));
    }),
  );
}

/** The documents of the places, issuers and types a question names besides its numbers ("… của Chính phủ", "kế hoạch nào của tỉnh X"); undefined when it names none. */
function namedOutsideNumbers(frame: QuestionFrame, kb: Knowledge): Set<string> | undefined {
  const { localDocs } = frame.scope;
  // "… thực hiện Kết luận 193": the type of the document named is how it is named, not a type asked for.
  const namedTypes = new Set(frame.scope.named.flatMap((n) => n.documentIds.map((id) => kb.byId.get(id)?.docType)));
  const types = frame.scope.types.filter((t) => !namedTypes.has(t));
  if (!localDocs.length && !types.length) return undefined;
  // "… triển khai Kế hoạch 118/KH-UBND của UBND tỉnh Tây Ninh": the issuer written after the number is that
  // document's own, how it is named; the documents that carry it out may be anyone's.
  const folded = (t: string) => foldVi(t).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  const ownIssuerAfter = frame.scope.named.some((n) => {
    const at = frame.text.indexOf(n.alias);
    const after = at < 0 ? "" : folded(frame.text.slice(at + n.alias.length, at + n.alias.length + 120));
    const m = /^(?:cua|do) (.+)$/.exec(after);
    return Boolean(m) && n.documentIds.some((id) => {
      const issuer = folded(kb.byId.get(id)?.issuer ?? "");
      return issuer.length > 3 && folded(expandShortForms(m![1]!)).startsWith(issuer);
    });
  });
  if (ownIssuerAfter && !types.length) return undefined;
  const ids = localDocs.length && !ownIssuerAfter ? localDocs : kb.documents.map((d) => d.id);
  return new Set(ids.filter((id) => !types.length || types.includes(kb.byId.get(id)?.docType as never)));
}

/** Folded pairs of each document's text (all its chunks), for telling whether it names a body at all. */
const documentPairs = new WeakMap<Knowledge, Map<string, Set<string>>>();

function pairsOf(kb: Knowledge, documentId: string): Set<string> {
  let byDoc = documentPairs.get(kb);
  if (!byDoc) documentPairs.set(kb, (byDoc = new Map()));
  let set = byDoc.get(documentId);
  if (!set) {
    set = new Set();
    for (const c of kb.chunksOf(documentId)) for (const k of c.terms.counts.keys()) if (k.startsWith("fp:")) set.add(k);
    byDoc.set(documentId, set);
  }
  return set;
}

/**
 * Does any document in scope name the body (most of its folded word pairs, short forms expanded, anywhere in it)?
 * Lenient on purpose: only a body the documents never name is answered as not there.
 */
function bodyMentioned(body: string, frame: QuestionFrame, kb: Knowledge): boolean {
  const want = [...analyzeText(body).counts.keys()].filter((k) => k.startsWith("fp:"));
  if (want.length < 2) return true;
  return frame.scope.documentIds.some((id) => {
    const have = pairsOf(kb, id);
    return want.filter((k) => have.has(k)).length / want.length >= TUNING.bodyMentionedShare;
  });
}

/** How the answer names the documents in scope: one by its label, several by their numbers. */
/** "Đối với Bộ Khoa học và Công nghệ", "Đối với Ủy ban nhân dân tỉnh:": a proposal's addressee heading a part. */
const ADDRESSEE_HEADING = /^(?:đối với|kiến nghị với|đề nghị với|đề xuất với)\s+(.+?)\s*[:.]?\s*$/iu;

/**
 * For a question of what the documents in scope propose to a body, when their proposals are headed by addressee and
 * none names that body: the addressees they do have ("các kiến nghị gửi Bộ Khoa học và Công nghệ; Bộ Tài chính").
 * Null when the question asks no such thing, or a heading names the body, or the documents have no such headings.
 */
function proposalsNotTo(frame: QuestionFrame, kb: Knowledge): string | null {
  if (!frame.body || !frame.scope.documentIds.length || !/ (?:kien nghi|de xuat|de nghi) /.test(frame.folded)) return null;
  const addressees: string[] = [];
  for (const id of frame.scope.documentIds) {
    for (const s of kb.byId.get(id)?.sections ?? []) {
      const m = s.title ? ADDRESSEE_HEADING.exec(s.title) : null;
      if (m) addressees.push(m[1]!);
    }
  }
  if (!addressees.length) return null;
  const asked = bodyTokens(frame.body);
  if (addressees.some((a) => matchBody(asked, a) !== null || matchBody(bodyTokens(a), frame.body!) !== null)) return null;
  return `các kiến nghị gửi ${[...new Set(addressees)].join("; ")}`;
}

function scopeLabel(frame: QuestionFrame, kb: Knowledge): string {
  const names = frame.scope.documentIds.map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d));
  return names.length === 1 ? documentLabel(names[0]!) : names.length ? `Các văn bản ${names.map((d) => d.number ?? documentLabel(d)).join(", ")}` : "Văn bản được hỏi";
}

/** What the router needs besides the question: today's date where the documents' readers live (ISO). */
export interface RouteContext {
  today: string;
}

/**
 * A question that names no document, place or scope, answered from a locality's document while other localities'
 * documents answer it too ("kế hoạch giao Sở Tài chính việc gì?"): each locality has its own. The central documents
 * answer if they can; the localities' documents are listed, with how to ask for one.
 */
function ambiguity(frame: QuestionFrame, r: Retrieval, kb: Knowledge, answer: AnswerResult, answerFrom: (r: Retrieval) => AnswerResult): AnswerResult {
  if (answer.mode !== "answer" || r.scoped || frame.scope.named.length || frame.scope.localDocs.length || frame.scope.fromChat || frame.scope.fromHistory) return answer;
  const central = new Set(kb.centralDocuments());
  // Only an answer taken from a locality's document can be one locality's answer among several.
  const first = answer.citations[0];
  const firstDoc = first ? kb.byId.get(first.documentId) : undefined;
  if (!firstDoc || central.has(firstDoc.id) || !localitiesOf(firstDoc).length) return answer;
  const best = Math.max(0, ...r.candidates.filter((c) => c.chunk.payload.documentId === firstDoc.id).map((c) => c.coverage));
  // Documents that answer about as well as the one cited: another locality's plan, or the central text.
  const answering = r.candidates.filter((c) => c.coverage >= Math.max(TUNING.minCoverage, best * TUNING.ambiguityCoverage) && c.chunk.payload.kind === "section");
  // A locality's text that repeats the answer's passage word for word is a copy, not a different answer.
  const passage = (answer.citations[0]?.quote ?? "").split(" … ").reduce((a, b) => (b.length > a.length ? b : a), "").replace(/\s+/g, " ").trim();
  const copies = (text: string) => passage.length >= TUNING.copyMinChars && text.replace(/\s+/g, " ").includes(passage);
  const places = new Map<string, string>();
  for (const c of answering) {
    const doc = kb.byId.get(c.chunk.payload.documentId);
    if (!doc || central.has(doc.id) || copies(c.chunk.payload.text)) continue;
    const place = localitiesOf(doc)[0];
    if (place && !places.has(place)) places.set(place, doc.id);
  }
  places.delete(localitiesOf(firstDoc)[0]!);
  if (!places.size) return answer;
  const fromCentral = answering.some((c) => central.has(c.chunk.payload.documentId))
    ? answerFrom({ ...r, candidates: r.candidates.filter((c) => central.has(c.chunk.payload.documentId)) })
    : null;
  const base = fromCentral?.mode === "answer" ? fromCentral : answer;
  const listed = [...places].slice(0, TUNING.ambiguityMaxPlaces).map(([place, id]) => `${place}: ${documentLabel(kb.byId.get(id)!)}`);
  const more = places.size > listed.length ? ` và ${places.size - listed.length} địa phương khác` : "";
  const whose = base === answer ? `Trên đây là văn bản của ${localitiesOf(firstDoc)[0]}. ` : "";
  const note = `\n${whose}Mỗi địa phương có văn bản riêng về nội dung này (${listed.join("; ")}${more}); hỏi rõ địa phương hoặc đặt /phamvi <địa phương>.`;
  return { ...base, answer: `${base.answer}${note}` };
}

/** The answer to a framed question, from the retrieval held to its scope. */
export function route(frame: QuestionFrame, r: Retrieval, kb: Knowledge, context: RouteContext = { today: new Date().toISOString().slice(0, 10) }): AnswerResult {
  const answer = sharedNumber(frame, kb, routeFrame(frame, r, kb, context));
  // The answer reads a table cell's wrapped lines as one; its citations keep the break, as the document has it.
  return { ...answer, answer: readable(answer.answer) };
}

/**
 * Documents of different issuers that share the number the question names ("Kế hoạch 552/KH-UBND" of two provinces)
 * are all shown: a header question is answered for each; any other answer says which one it is from and names the
 * others, so that one is never taken for the other.
 */
function sharedNumber(frame: QuestionFrame, kb: Knowledge, answer: AnswerResult): AnswerResult {
  const inScope = new Set(frame.scope.documentIds);
  const named = frame.scope.named.find((n) => n.role === "subject" && n.status === "corpus" && n.documentIds.filter((id) => inScope.has(id)).length >= 2);
  if (!named) return answer;
  const docs = named.documentIds.filter((id) => inScope.has(id)).map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d));
  if (new Set(docs.map((d) => d.issuer)).size < 2) return answer;
  const head = `Có ${docs.length} văn bản cùng số hiệu ${docs[0]!.number ?? named.alias}: ${docs.map((d) => documentLabel(d)).join("; ")}.`;
  if (frame.asks.includes("meta") && frame.meta.length) {
    const parts = docs.map((d) => answerMetadata(frame, d)).filter((a): a is AnswerResult => a !== null);
    if (parts.length) {
      const all = combineAnswers(parts);
      return { ...all, answer: `${head}\n${all.answer}` };
    }
  }
  const from = [...new Set(answer.citations.map((c) => c.documentId))].map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d));
  const which = from.length ? ` Câu trả lời dưới đây lấy từ ${from.map((d) => documentLabel(d)).join("; ")}; hỏi kèm cơ quan ban hành hoặc địa phương để chọn văn bản khác.` : "";
  return { ...answer, answer: `${head}${which}\n${answer.answer}` };
}

function routeFrame(frame: QuestionFrame, r: Retrieval, kb: Knowledge, context: RouteContext): AnswerResult {
  if (!frame.asks.includes("yesno")) return routeAsks(frame, r, kb, context);
  // "… có phải do UBND tỉnh X ban hành không?": a header claim, checked.
  const doc = frame.scope.documentIds.length === 1 ? kb.byId.get(frame.scope.documentIds[0]!) : undefined;
  const claim = doc ? answerHeaderClaim(frame, doc) : null;
  if (claim) return claim;
  const answer = routeAsks(frame, r, kb, context);
  if (answer.via === "metadata" || answer.via === "chain") return answer;
  const cited = new Set(answer.citations.map((c) => `${c.documentId}#${c.section}`));
  const coverage = Math.max(0, ...r.candidates.filter((c) => cited.has(`${c.chunk.payload.documentId}#${c.chunk.payload.section}`)).map((c) => c.coverage));
  return openYesNo(answer, coverage, frame);
}

/** Is the document named `alias` the object of the act ("sửa đổi, bổ sung một số điều của Nghị định 80")? */
function actedOn(text: string, alias: string, said: RegExp): boolean {
  const at = text.indexOf(alias);
  if (at < 0) return false;
  const before = foldVi(text.slice(0, at)).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  const verb = /(\S+ \S+)(?: mot so dieu(?: cua)?| cac dieu(?: cua)?| toan bo)?$/.exec(before)?.[1] ?? "";
  return said.test(verb.replace(/^\S+ (bo sung|thay the|bai bo)$/, "$1"));
}

/** A reporting period by its months and year ("6 tháng đầu năm 2025", "9 thang nam 2025"), folded. */
const MONTHS_PERIOD = /(?:^|\s)(\d{1,2}|ba|sau|chin) thang(?: dau)?(?: nam)? ((?:19|20)\d\d)(?!\d)/;
const MONTH_WORDS: Record<string, string> = { ba: "3", sau: "6", chin: "9" };

/**
 * "bc 6 tháng đầu năm 2025 của sở khcn …" when the reports in scope are of another period ("Kết quả 9 tháng năm
 * 2025"): the report asked is not in the corpus, and another period's figures are no answer. The message, or null.
 */
function otherPeriod(frame: QuestionFrame, r: Retrieval, kb: Knowledge): string | null {
  if (!/ (bao cao|bc) /.test(frame.folded)) return null;
  const asked = MONTHS_PERIOD.exec(frame.folded);
  if (!asked) return null;
  const months = (m: RegExpExecArray) => MONTH_WORDS[m[1]!] ?? String(Number(m[1]));
  // The reports in scope; with none named, the reports the search found first.
  const ids = frame.scope.documentIds.length ? frame.scope.documentIds : [...new Set(r.candidates.slice(0, TUNING.periodReportsLead).map((c) => c.chunk.payload.documentId))];
  const docs = ids.map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => d?.docType === "Báo cáo");
  // (Named, every one a report; found, the first is one: "báo cáo 6 tháng … trước ngày nào" of a plan asks a duty.)
  if (!docs.length || (frame.scope.documentIds.length > 0 ? docs.length < ids.length : docs[0]!.id !== ids[0])) return null;
  const periods = docs.map((d) => MONTHS_PERIOD.exec(` ${foldVi(d.title).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `));
  if (periods.some((p) => !p || (months(p) === months(asked) && p[2] === asked[2]))) return null;
  return `Kho văn bản không có báo cáo ${months(asked)} tháng năm ${asked[2]} được hỏi; có: ${docs.map((d) => `${documentLabel(d)} (“${d.title}”)`).join("; ")}.`;
}

/**
 * "cv 1186 của sở khcn …" when the corpus's 1186 is the Sở Giáo dục's: a department named as the issuer, of the same
 * kind as the document's issuer but another field, is another document — not this one. The message, or null.
 */
function otherIssuer(frame: QuestionFrame, kb: Knowledge): string | null {
  for (const n of frame.scope.named) {
    if (n.role !== "subject" || n.status !== "corpus") continue;
    const at = frame.text.indexOf(n.alias);
    if (at < 0) continue;
    const docs = n.documentIds.map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d));
    const after = frame.text.slice(at + n.alias.length);
    // "Quyết định 1765/QĐ-UBND của UBND thành phố Đà Nẵng" when the corpus's 1765 is Hải Phòng's: the place the
    // question gives its issuer is none of theirs.
    const placed = ISSUER_PLACE.exec(after);
    if (placed) {
      // (Only of documents whose place is known: "Sở Khoa học và Công nghệ" alone says none.)
      const own = docs.map((d) => foldedPadded(`${d.issuer} ${d.place ?? ""}`));
      if (docs.every((d) => localitiesOf(d).length) && !own.some((o) => o.includes(foldedPadded(placed[1]!)))) {
        const typed = placed[0].replace(DATE_AFTER_NAME, "").replace(/^\s*(?:của|do)\s+/u, "");
        return `Kho văn bản có ${docs.map((d) => documentLabel(d)).join("; ")}, không phải của “${typed.trim()}” như câu hỏi ghi; văn bản “${n.alias}” của cơ quan đó chưa có trong kho.`;
      }
    }
    // (Short forms written out, "so khcn" is "sở khoa học và công nghệ", as issuers are matched elsewhere.)
    const said = ISSUER_SAID.exec(foldVi(expandShortForms(after)).toLowerCase());
    if (!said) continue;
    const words = (d: ParsedDocument) => foldVi(d.issuer).toLowerCase().split(/[^a-z0-9]+/);
    // ("cv 5128 skhcn hcm …": in chat the issuer follows the number with no "của".)
    const [kind, field] = [said[1] ?? said[2]!, said[3]!];
    const sameKind = docs.filter((d) => words(d)[0] === kind);
    if (!sameKind.length || sameKind.length < docs.length || sameKind.some((d) => words(d).includes(field))) continue;
    // The issuer as the question names it, up to what it is asked to have done ("… yêu cầu", "… giao").
    const typed = ISSUER_TYPED.exec(frame.text.slice(at + n.alias.length))?.[1] ?? "";
    return `Kho văn bản có ${docs.map((d) => documentLabel(d)).join("; ")}, không phải của “${typed.trim()}” như câu hỏi ghi; văn bản “${n.alias}” của cơ quan đó chưa có trong kho.`;
  }
  return null;
}
/**
 * "… ngày 20/5/2025 của Ủy ban nhân dân thành phố Đà Nẵng", "… của Tỉnh ủy Quảng Ninh" after a document's name: the
 * place of the issuer the question gives (capitalized, after a level word or a committee's name).
 */
/** The document's own date after its name ("… 215/KH-UBND ngày 28/3/2025 của …"). */
const DATE_AFTER_NAME = /^\s*,?\s*ngày\s+[\d/.\s-]+(?:tháng\s+\d+\s+năm\s+\d{4})?/u;
const ISSUER_PLACE =
  /^\s*(?:,?\s*ngày\s+[\d/.\s-]+(?:tháng\s+\d+\s+năm\s+\d{4})?)?\s*(?:của|do)\s+(?:(?:[Bb]an [Tt]hường vụ|[Tt]hường trực)\s+)?(?:(?:[ỦUủu][ỷy] ban nhân dân|UBND|[Hh]ội đồng nhân dân|HĐND)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+|(?:[Tt]ỉnh|[Tt]hành|[Hh]uyện|[Tt]hị|[Qq]uận)\s+(?:ủy|uỷ)\s+)(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3})/u;
/**
 * "của sở khoa học …", "cua bo gd …" after a document's name (or, as typed in chat, "cv 5128 sở khoa học …" with no
 * "của"): the issuer's kind and the first word of its field.
 */
// (The field a department's, a ministry's or a board's name opens with: in chat "bc 402 so can bo …" is "số cán bộ", a
// figure asked, not a "Sở Cán bộ".)
const ISSUER_SAID = /^\s*(?:(?:cua|do)\s+(so|bo|cuc|ban)|(so|bo|cuc))\s+(khoa|noi|tai|giao|y|xay|cong|tu|nong|van|ke|lao|thong|ngoai|du|quoc|dan|tuyen|to|kiem|tai|nn|gd|gddt|yt|xd|ct|tp|tc|nv|kh|vh|tt|tn|ld|dl|qp|ca)(?![a-z])/;
const ISSUER_TYPED =
  /^\s*(?:(?:của|cua|do)\s+)?(.+?)(?=\s+(?:yêu cầu|yeu cau|giao|về|ve|có|co|nêu|neu|quy định|quy dinh|ban hành|ban hanh|hướng dẫn|huong dan|đề nghị|de nghi|làm|lam|gửi|gui|ngày|ngay)(?![\p{L}])|\s*[?,.;]|$)/iu;

function routeAsks(frame: QuestionFrame, r: Retrieval, kb: Knowledge, context: RouteContext): AnswerResult {
  const subjects = frame.scope.named.filter((n) => n.role === "subject");
  const asks = new Set(frame.asks);
  const mismatch = otherIssuer(frame, kb) ?? otherPeriod(frame, r, kb);
  if (mismatch) return notFound(r.candidates, mismatch);
  // A document the corpus neither holds nor cites: never answer from look-alikes.
  const unknown = subjects.filter((n) => n.status === "unknown");
  if (unknown.length && !frame.scope.documentIds.length) {
    return notFound(r.candidates, `Văn bản ${unknown.map((n) => n.alias).join(", ")} chưa có trong các văn bản đã nạp.`);
  }
  // "Văn bản nào sửa đổi Nghị định 80?" of a number no document cites: none of them does. The act is asked of the
  // number it stands before, not of one further on ("sửa đổi Chương trình … thực hiện Nghị quyết 57" amends no 57).
  const asked = actAsked(frame.folded);
  const act = asked && frame.scope.named.some((n) => actedOn(frame.text, n.alias, asked.said)) ? asked : null;
  if (asked && !act) asks.delete("cited-by");
  // "Kế hoạch 45 thay thế những văn bản nào?": the act asked of the document named, from its own sentences. (Of
  // documents sharing the number, those whose text states that act: another province's 45 that replaces nothing is
  // no answer.)
  if (asked && !act && frame.scope.documentIds.length <= TUNING.metaDocumentsMax && / (van ban|nghi quyet|nghi dinh|quyet dinh|ke hoach|chuong trinh|chi thi|thong tu|cong van|huong dan)( [a-z]+){0,3} nao /.test(frame.folded)) {
    const parts = frame.scope.documentIds
      .map((id) => kb.byId.get(id))
      .map((doc) => (doc ? answerActsOf(doc, asked) : null))
      .filter((a): a is AnswerResult => a !== null);
    if (parts.length) return combineAnswers(parts);
  }
  // "Kế hoạch của UBND huyện X …" when no document of the corpus is of huyện X: none is answered for it.
  const absentPlace = frame.scope.documentIds.length ? null : issuerPlaceAbsent(frame.text, kb);
  if (absentPlace) return notFound(r.candidates, `Các văn bản đã nạp không có văn bản nào của ${absentPlace}.`);
  const unknownTopics = frame.scope.named.filter((n) => n.role === "topic" && n.status === "unknown");
  if ((asks.has("cited-by") || asks.has("chain-down")) && unknownTopics.length && !frame.scope.documentIds.length) {
    return notFound(r.candidates, `Không văn bản nào trong các văn bản đã nạp ${act ? act.verb : "nhắc đến"} ${unknownTopics.map((n) => n.alias).join(", ")}.`);
  }
  if (asks.has("cited-by") && r.numbers.length) {
    const ans = answerChainDown(r, kb, true, namedOutsideNumbers(frame, kb), act);
    if (ans) return ans;
  }
  if (asks.has("chain-down") && r.numbers.length) {
    const ans = answerChainDown(r, kb, false, namedOutsideNumbers(frame, kb));
    if (ans) return ans;
  }
  // A document the corpus only cites: its header facts from the citing sentence; its content is not ours to give.
  const referenced = subjects.filter((n) => n.status === "referenced");
  // "Chỉ thị 35-CT/TW … mà Kết luận 07 nhắc đến được ban hành ngày nào?": the cited documents' dates, even with a
  // corpus document named as where they are cited.
  if (referenced.length && frame.meta.some((f) => f === "date" || f === "issuer" || f === "number")) {
    const parts = referenced
      .slice(0, 3)
      .map((n) => answerReferencedMeta(n.numbers.find((x) => kb.isKnownNumber(x)) ?? n.numbers[0]!, kb))
      .filter((a): a is AnswerResult => a !== null);
    if (parts.length) {
      const citations = parts.flatMap((p) => p.citations);
      const answer = parts.map((p, i) => p.answer.replace(/\[1\]/g, `[${i + 1}]`)).join("\n");
      return { mode: "answer", answer, citations, seeAlso: [], via: "metadata" };
    }
  }
  if (referenced.length && !frame.scope.documentIds.length) {
    if (frame.meta.some((f) => f === "date" || f === "issuer" || f === "number")) {
      const ans = answerReferencedMeta(referenced[0]!.numbers.find((x) => kb.isKnownNumber(x)) ?? referenced[0]!.numbers[0]!, kb);
      if (ans) return ans;
    }
    return referencedOnly(frame, kb, r);
  }
  if (asks.has("compare")) {
    const ans = answerCompare(frame, r, kb);
    if (ans) return ans;
  }
  if (asks.has("chain-up")) {
    const doc = targetDocument(frame, r, kb);
    // The types asked for ("thực hiện kế hoạch nào, nghị quyết nào"), the document's own too; else the types named
    // other than its own (the word that names the document itself filters nothing).
    // "… ban hành Kế hoạch thực hiện những văn bản nào?": documents of any type asked, the type named is what was issued.
    // "… thực hiện văn bản nào và căn cứ kế hoạch nào": every document it carries out, and the plans it cites.
    const anyType = / van ban nao /.test(frame.folded);
    const only = frame.scope.typesAsked.length ? frame.scope.typesAsked : anyType ? [] : frame.scope.types.filter((t) => t !== doc?.docType);
    const ans = doc ? answerChainUp(doc, only, anyType) ?? answerChainUp(doc) : null;
    // "… ban hành ngày nào và để thực hiện kết luận nào?": both, the header fact first.
    const meta = ans && doc && asks.has("meta") ? answerMetadata(frame, doc) : null;
    if (ans && meta?.mode === "answer") return combineAnswers([meta, ans]);
    if (ans) return ans;
  }
  if (asks.has("meta")) {
    // "Kế hoạch A và Thông báo B do những ai ký?": each document named, its own header fact.
    const namedIds = [...new Set(subjects.filter((n) => n.status === "corpus" && n.documentIds.length === 1).map((n) => n.documentIds[0]!))];
    if (namedIds.length >= 2) {
      const parts = namedIds
        .slice(0, TUNING.metaDocumentsMax)
        .map((id) => answerMetadata(frame, kb.byId.get(id)!))
        .filter((a): a is AnswerResult => a?.mode === "answer");
      if (parts.length >= 2) return combineAnswers(parts);
    }
    // "… còn hiệu lực không", "… xếp vào lĩnh vực gì" of a text held twice, as issued and as a law library's page: the
    // page is what says it.
    if (frame.meta.includes("status") || frame.meta.includes("field")) {
      const paged = frame.scope.documentIds.map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d?.site));
      const ans = paged.length === 1 ? answerMetadata(frame, paged[0]!) : null;
      if (ans) return ans;
    }
    const doc = frame.scope.documentIds.length === 1 || frame.meta.includes("signer") ? targetDocument(frame, r, kb) : null;
    // "Báo cáo tổng kết … là báo cáo số mấy?": the type asked about is not the document named. ("Theo Thông báo
    // 745, … thành lập theo quyết định số mấy?": the type word that names the document is not asked about.)
    const namingTypes = new Set(frame.scope.named.flatMap((n) => n.documentIds.map((id) => kb.byId.get(id)?.docType)));
    const asked = frame.scope.types.filter((t) => !namingTypes.has(t));
    // "… theo đề nghị của ai, tại tờ trình số mấy?": the proposal is the named document's own preamble.
    if (doc && (!asked.length || asked.includes(doc.docType) || frame.meta.includes("signer") || frame.meta.includes("proposer"))) {
      const ans = answerMetadata(frame, doc);
      if (ans) return ans;
    }
    // A document named as the subject ("tờ trình đề nghị ban hành KH 215") is where the description is looked for; one
    // named as what is carried out ("báo cáo tổng kết thực hiện Nghị quyết 20") is not.
    // A place the question names holds the search to its documents: "Nghị quyết của HĐND tỉnh Quảng Trị … số hiệu là
    // gì" is not answered with another province's resolution that a letter of that province cites.
    const subjectIds = subjects.filter((n) => n.status === "corpus").flatMap((n) => n.documentIds);
    const within = subjectIds.length ? subjectIds : frame.scope.localDocs;
    const described = answerReferencedByDescription(r, kb, asked, within.length ? new Set(within) : null);
    if (described) return described;
  }
  // "kế hoạch của tỉnh giao ai …" with no place named: a locality's document is asked, the central ones answer nothing.
  if (frame.scope.localLevel && !r.scoped) {
    const central = new Set(kb.centralDocuments());
    const local = r.candidates.filter((c) => !central.has(c.chunk.payload.documentId));
    if (local.length) r = { ...r, candidates: local };
  }
  let answer = ambiguity(frame, r, kb, routeContent(frame, r, kb, asks, context), (only) => routeContent(frame, only, kb, asks, context));
  // "… báo cáo hằng quý … trước ngày nào?" answered with a six-monthly report's day: not what was asked.
  if (answer.mode === "answer" && periodMissing(frame, answer.citations)) answer = notFound(r.candidates);
  // "… gửi vào mail nào?" answered with whom to call: not the address asked.
  if (answer.mode === "answer" && contactMissing(frame, answer.citations)) answer = notFound(r.candidates);
  // (A strategy's own not-found — "no task of X falls due by …" — is already the honest answer.)
  if (answer.mode === "not_found" && answer.via === "none" && r.scoped && !frame.scope.fromHistory && !frame.scope.fromChat) return honest(frame, r, kb);
  if (asks.has("which-doc") && answer.mode === "answer") {
    const docs = [...new Set(answer.citations.map((c) => documentLabel(c)))];
    return { ...answer, answer: `${docs.length === 1 ? "Văn bản" : "Các văn bản"}: ${docs.join("; ")}.\n${answer.answer}` };
  }
  return answer;
}

function routeContent(frame: QuestionFrame, r: Retrieval, kb: Knowledge, asks: Set<string>, context: RouteContext): AnswerResult {
  // "Liên hệ với ai, số điện thoại nào?": the letter's contact line, not a task.
  const contact = answerContact(frame, kb, r.candidates.map((c) => c.chunk.payload.documentId));
  if (contact) return contact;
  // "Sở Tài chính phải làm gì trước quý 2/2026?": the register's tasks of that body (or document) in the window.
  // "Những nhiệm vụ nào có thời hạn hằng năm?": the register's tasks that repeat so.
  const tasksAsked = asks.has("who") || asks.has("when") || asks.has("list") || asks.has("count");
  const window = tasksAsked ? taskWindow(frame.text, context.today) : null;
  const repeat = tasksAsked && !window ? taskRepeat(frame.text) : null;
  if (window || repeat) {
    const ans = answerFromRegister(frame, r, kb, window ? { window } : { repeat: repeat! }, context.today);
    if (ans) return ans;
  }
  if (asks.has("count")) {
    const ans = answerCount(frame, r, kb);
    if (ans) return ans;
  }
  // "Mục V.4 Kế hoạch 118 nói gì?", "nhiệm vụ số 19 của kh 1126 bao giờ xong": the part named by its number.
  const byNumber = answerBySectionRef(frame, r, kb);
  if (byNumber) return byNumber;
  // "Hướng dẫn X giao Đảng đoàn HĐND nhiệm vụ gì?" when X never names that body: X does not say it.
  // (Only when the question asks about that body, not for one: "sở nào là cơ quan thường trực …".)
  const asksForBody = /(?<!van) ban nao | (ai|(co quan|don vi|so|bo|nganh|to chuc) nao|nhung ai) /.test(frame.folded);
  // (Whatever is asked of it: "Công văn X yêu cầu Sở Y báo cáo gì?" of a letter that never names Sở Y.)
  if (frame.body && !asksForBody && frame.scope.documentIds.length && !frame.scope.fromChat && !bodyMentioned(frame.body, frame, kb)) {
    return notFound(r.candidates, `${scopeLabel(frame, kb)} không nhắc đến ${frame.body}.`);
  }
  // "Báo cáo X kiến nghị Bộ Y những gì?" of a report whose proposals are headed by whom they go to ("1. Đối với Bộ …"):
  // when no such heading names Bộ Y, the report proposes nothing to it (a proposal to another body is no answer).
  const notProposedTo = proposalsNotTo(frame, kb);
  if (notProposedTo) return notFound(r.candidates, `${scopeLabel(frame, kb)} không có kiến nghị, đề xuất nào gửi ${frame.body}: ${notProposedTo}.`);
  // A body asked about ("Bộ KH&CN chủ trì nhiệm vụ nào") is answered from its rows before a section titled with its name.
  if (frame.body && asks.has("who")) {
    const ans = answerAssignments(frame, r, kb);
    if (ans) return ans;
  }
  // "… chủ trì nhiệm vụ nào trong phụ lục": the appendix's task rows, before a section titled with the body's name.
  if (asks.has("who") && / phu luc /.test(frame.folded)) {
    const ans = answerAssignments(frame, r, kb);
    if (ans) return ans;
  }
  const byTitle = answerByTitle(frame, r, kb);
  if (byTitle) return byTitle;
  if (asks.has("who") || asks.has("when") || asks.has("which-doc")) {
    const ans = answerAssignments(frame, r, kb);
    if (ans) return ans;
    // "Văn bản X giao Sở Y những nhiệm vụ gì?" when no row of the documents in scope is Sở Y's: the text does not
    // assign it; words of the task found elsewhere in the text are not an answer.
    if (frame.body && frame.scope.documentIds.length && !bodyAssigned(frame.body, frame, kb)) return notFound(r.candidates);
  }
  return answerFact(frame, r, kb);
}
