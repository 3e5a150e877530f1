/**
 * Extractive answers (no model; the embedded default and the fallback when the model fails): metadata questions
 * from the metadata, "who" questions from the assignment table, chain questions from the references, anything
 * else from the sentences of the best sections — every claim quoted verbatim and cited. When the evidence does
 * not hold the question's key terms, the answer is `not_found` with the nearest sections as "see also".
 */
import type { Assignment, ParsedDocument, Reference } from "../domain/model.js";
import { displayDate, numberKey } from "../domain/numbers.js";
import { analyzeText } from "../search/analyzer.js";
import { foldVi } from "../text/vietnamese.js";
import { citationFromDocument, citationFromPayload, documentLabel } from "./cite.js";
import type { Knowledge } from "./knowledge.js";
import { type Candidate, type Retrieval, focusDocuments, keyPairs, keyTerms, queryPairs, typesNamed } from "./retrieve.js";
import { bestFragments, joinQuote, sentences } from "./sentences.js";
import type { AnswerResult, Citation } from "./types.js";

/** Below this share of the question's key-term weight, the best evidence does not answer the question. */
export const MIN_COVERAGE = 0.5;

export const NOT_FOUND_TEXT = "Không tìm thấy nội dung trả lời câu hỏi này trong các văn bản đã nạp.";

type Intent = "signer" | "date" | "issuer" | "number" | "recipients" | "chain-up" | "chain-down" | "cited-by" | "who" | "general";

export function intentsOf(question: string): Set<Intent> {
  const q = ` ${foldVi(question).toLowerCase().replace(/[^a-z0-9/ -]+/g, " ").replace(/\s+/g, " ")} `;
  const out = new Set<Intent>();
  if (/ (ai|nguoi) (da )?ki?y | ky boi | nguoi ky | ky ten | ai la nguoi ky /.test(q)) out.add("signer");
  if (/ ngay nao | ngay bao nhieu | (ban hanh|ky) (vao )?(ngay|khi|luc|thoi gian) nao | ngay ban hanh | thoi gian ban hanh | bao gio | ngay thang nam nao /.test(q)) out.add("date");
  if (/ (co quan|don vi|ai|cap) nao ban hanh | do (co quan|ai|don vi|cap) nao | do ai | cua co quan nao | ban hanh boi | ai ban hanh | co quan ban hanh /.test(q)) out.add("issuer");
  if (/ so (hieu|may|bao nhieu|nao) | mang so | la (bao cao|cong van|nghi quyet|ke hoach|huong dan|ket luan|van ban) so /.test(q)) out.add("number");
  if (/ gui (cho )?(ai|nhung ai|co quan nao|don vi nao|dau) | noi nhan | kinh gui | (ai|nhung ai|co quan nao|nhung co quan nao|don vi nao) (duoc )?nhan /.test(q)) out.add("recipients");
  if (/ (can cu|dua tren|dua vao|xuat phat tu) (vao )?(van ban|dau|nhung van ban|nao|.* nao) | (thuc hien|trien khai|cu the hoa) (van ban|theo van ban|nhung van ban) nao | van ban cap tren | cap tren nao | thuc hien theo (van ban|chi dao) nao /.test(q)) out.add("chain-up");
  if (/ (van ban|nhung van ban|cac van ban) nao (co )?(nhac|de cap|dan|trich dan|noi|neu) /.test(q)) out.add("cited-by");
  if (/ (van ban|nhung van ban|cac van ban|dia phuong|co quan|don vi) nao (da )?(thuc hien|trien khai|cu the hoa|ban hanh van ban thuc hien) | van ban (thuc hien|trien khai) (ket luan|nghi quyet|chi thi|huong dan|cong van|ke hoach) /.test(q)) out.add("chain-down");
  if (/ ai | (co quan|don vi|bo phan|to chuc|ban) nao | duoc giao | chiu trach nhiem | phu trach | chu tri | phoi hop voi | co nhiem vu | nhiem vu gi | nhung nhiem vu | can lam gi | phai lam gi | lam gi | duoc yeu cau | giao .*(nhiem vu|viec) | trach nhiem | duoc phan cong /.test(q)) out.add("who");
  if (!out.size) out.add("general");
  return out;
}

/** Share of the key-term weight a short text holds. */
function coverageOfText(text: string, keys: { term: string; weight: number }[]): number {
  const counts = analyzeText(text).counts;
  const total = keys.reduce((s, k) => s + k.weight, 0) || 1;
  return keys.reduce((s, k) => s + (counts.has(k.term) ? k.weight : 0), 0) / total;
}

function notFound(candidates: Candidate[], text = NOT_FOUND_TEXT): AnswerResult {
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

/** The document a metadata or chain question is about. */
function targetDocument(r: Retrieval, kb: Knowledge, question: string): ParsedDocument | null {
  const focus = focusDocuments(r, kb, question);
  if (focus.length === 1) return kb.byId.get(focus[0]!) ?? null;
  const named = [...r.namedDocs];
  const top = r.candidates.find((c) => (named.length ? r.namedDocs.has(c.chunk.payload.documentId) : true) && (r.localDocs.size ? r.localDocs.has(c.chunk.payload.documentId) : true));
  const id = top?.chunk.payload.documentId ?? r.candidates[0]?.chunk.payload.documentId;
  return id ? (kb.byId.get(id) ?? null) : null;
}

/** Header and closing lines that hold a fact, verbatim, to quote for a metadata answer. */
function metaQuote(doc: ParsedDocument, wanted: (line: string) => boolean): string {
  const lines = [...doc.header, ...doc.closing].filter(wanted);
  return joinQuote(lines.slice(0, 4).map((text) => ({ text })));
}

function answerMetadata(intents: Set<Intent>, doc: ParsedDocument): AnswerResult | null {
  const label = documentLabel(doc);
  const parts: string[] = [];
  const quoteLines: string[] = [];
  const dateFolded = doc.date ? doc.date.split("-").map((x) => String(Number(x))) : null;
  if (intents.has("signer")) {
    if (!doc.signer?.name) return null;
    parts.push(`${label} do đồng chí ${doc.signer.name}${doc.signer.title ? `, ${doc.signer.title}` : ""} ký${doc.signer.capacity ? ` (${doc.signer.capacity})` : ""}.`);
    const q = metaQuote(doc, (l) => l.includes(doc.signer!.name) || (/^(T\/M|K\/T|TL|T\/L|TM|KT)\b/i.test(l) && l.length < 80) || (doc.signer!.title !== "" && foldVi(l).toLowerCase() === foldVi(doc.signer!.title).toLowerCase()));
    if (q) quoteLines.push(q);
  }
  if (intents.has("issuer") || intents.has("date") || intents.has("number")) {
    const bits = [
      `${doc.docType}${doc.number ? ` số ${doc.number}` : " (không số)"}`,
      intents.has("date") || intents.has("issuer") ? (doc.date ? `ban hành ngày ${displayDate(doc.date)}` : "không ghi ngày ban hành đầy đủ") : "",
      doc.issuer ? `do ${doc.issuer} ban hành` : "",
      doc.place ? `tại ${doc.place}` : "",
    ].filter(Boolean);
    parts.push(`${bits.join(", ")}.`);
    const q = metaQuote(doc, (l) => {
      const f = foldVi(l).toLowerCase();
      return (doc.number !== null && l.includes(doc.number.split("-")[0]!) && /so|ket luan|nghi quyet/.test(f)) || (dateFolded !== null && f.includes("ngay") && l.includes(dateFolded[0]!)) || /^so\b/.test(f);
    });
    if (q) quoteLines.push(q);
  }
  if (intents.has("recipients")) {
    if (!doc.recipients.length) return null;
    parts.push(`${label} gửi: ${doc.recipients.join("; ")}.`);
    const q = metaQuote(doc, (l) => doc.recipients.some((r) => l.includes(r)));
    if (q) quoteLines.push(q);
  }
  if (!parts.length) return null;
  const quote = quoteLines.join(" … ") || doc.title;
  return { mode: "answer", answer: `${parts.join(" ")} [1]`, citations: [citationFromDocument(doc, "", quote)], seeAlso: [], via: "metadata" };
}

/** A referenced-only document (e.g. 56-CTr/TU): what the citing sentence says of it. */
function answerReferenced(number: string, kb: Knowledge): AnswerResult | null {
  const refs = kb.referencesTo(number);
  if (!refs.length) return null;
  const { doc, ref } = refs.find((r) => r.ref.date || r.ref.issuer) ?? refs[0]!;
  const digits = ref.number.split("-")[0]!;
  for (const section of doc.sections) {
    const hit = sentences(section.text).find((s) => s.text.includes(ref.number) || new RegExp(`số ${digits}\\b`).test(s.text));
    if (!hit) continue;
    const label = referenceLabel(ref);
    return {
      mode: "answer",
      answer: `${label} (văn bản được dẫn trong ${documentLabel(doc)}; toàn văn chưa được nạp). [1]`,
      citations: [citationFromDocument(doc, section.path, hit.text)],
      seeAlso: [],
      via: "metadata",
    };
  }
  return null;
}

/** "Báo cáo số 287-BC/TU ngày 21/07/2022 của Ban Thường vụ Thành ủy": a referenced document as the citing text names it. */
function referenceLabel(ref: Reference): string {
  return `${ref.docType ?? "Văn bản"} số ${ref.number}${ref.date ? ` ngày ${displayDate(ref.date)}` : ""}${ref.issuer ? ` của ${ref.issuer}` : ""}`;
}

/** A document the corpus cites, found by what the question says of it ("báo cáo tổng kết 10 năm … số mấy?"). */
function answerReferencedByDescription(r: Retrieval, kb: Knowledge, asked: string[]): AnswerResult | null {
  const keys = keyTerms(r.query, kb);
  const total = keys.reduce((s, k) => s + k.weight, 0);
  if (!total) return null;
  let best: { doc: ParsedDocument; path: string; sentence: string; label: string; score: number } | null = null;
  const named = r.namedDocs.size ? kb.byId.get([...r.namedDocs][0]!)?.number : undefined;
  for (const { doc, ref, path, sentence, around } of kb.mentionSentences()) {
    if (asked.length && (!ref.docType || !asked.includes(ref.docType))) continue;
    if (named === ref.number) continue;
    const counts = around.counts;
    let got = 0;
    for (const k of keys) if (counts.has(k.term)) got += k.weight;
    const score = got / total;
    if (!best || score > best.score) best = { doc, path, sentence, label: referenceLabel(ref), score };
  }
  if (!best || best.score < MIN_COVERAGE) return null;
  return {
    mode: "answer",
    answer: `${best.label} (được dẫn trong ${documentLabel(best.doc)}). [1]`,
    citations: [citationFromDocument(best.doc, best.path, best.sentence)],
    seeAlso: [],
    via: "metadata",
  };
}

function answerChainUp(doc: ParsedDocument): AnswerResult | null {
  const impl = doc.references.filter((r) => r.relation === "implements");
  if (!impl.length) return null;
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const ref of impl) {
    const where = [{ path: "", text: doc.title }, ...doc.sections].find((s) => s.text.includes(ref.number));
    const sentence = where ? sentences(where.text).find((s) => s.text.includes(ref.number)) : undefined;
    const label = referenceLabel(ref);
    if (!sentence || !where) continue;
    // The title is part of the document's header: its citation is the preamble ("phần mở đầu").
    const section = doc.sections.some((s) => s.path === where.path && s.text === where.text) ? where.path : "";
    citations.push(citationFromDocument(doc, section, sentence.text));
    lines.push(`${label} [${citations.length}]`);
  }
  if (!citations.length) return null;
  return {
    mode: "answer",
    answer: `${documentLabel(doc)} căn cứ, thực hiện: ${lines.join("; ")}.`,
    citations,
    seeAlso: [],
    via: "chain",
  };
}

/** The corpus documents that implement (or, with `anyRelation`, merely cite) the number the question names. */
function answerChainDown(r: Retrieval, kb: Knowledge, anyRelation = false): AnswerResult | null {
  const target = r.numbers.flatMap((n) => n.numbers)[0];
  if (!target) return null;
  const key = numberKey(target);
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const doc of kb.documents) {
    const ref = doc.references.find((x) => numberKey(x.number) === key && (anyRelation || x.relation === "implements"));
    if (!ref) continue;
    const where = doc.sections.find((s) => s.text.includes(ref.number)) ?? null;
    const sentence = where ? sentences(where.text).find((s) => s.text.includes(ref.number)) : undefined;
    citations.push(citationFromDocument(doc, where?.path ?? "", sentence?.text ?? doc.title));
    lines.push(`${documentLabel(doc)} [${citations.length}]`);
  }
  if (!citations.length) return null;
  const verb = anyRelation ? "nhắc đến" : "thực hiện";
  return { mode: "answer", answer: `Các văn bản ${verb} ${target}: ${lines.join("; ")}.`, citations, seeAlso: [], via: "chain" };
}

const issuerCache = new WeakMap<ParsedDocument, Set<string>>();

function issuerPairs(doc: ParsedDocument): Set<string> {
  let set = issuerCache.get(doc);
  if (!set) {
    set = new Set([...analyzeText(doc.issuer).counts.keys()].filter((k) => k.startsWith("fp:")));
    issuerCache.set(doc, set);
  }
  return set;
}

const rowTermsCache = new WeakMap<Assignment, { task: Map<string, number>; assignee: Map<string, number> }>();

function rowTerms(row: Assignment) {
  let t = rowTermsCache.get(row);
  if (!t) {
    t = { task: analyzeText(row.task).counts, assignee: analyzeText(row.assignee).counts };
    rowTermsCache.set(row, t);
  }
  return t;
}

function answerWho(r: Retrieval, kb: Knowledge): AnswerResult | null {
  const keys = keyTerms(r.query, kb);
  const total = keys.reduce((s, k) => s + k.weight, 0);
  if (!total) return null;
  const qTerms = analyzeText(r.query.normalized).counts;
  const pairKeys = keyPairs(r.query, kb);
  const fq = ` ${foldVi(r.query.normalized).replace(/[^a-z0-9]+/g, " ")} `;
  // "Ai được giao …?", "cơ quan nào chủ trì …?": the question asks for the assignee, so a body it names is
  // not the answer (it is the object: "đôn đốc các chi bộ"). Otherwise ("X có nhiệm vụ gì?") the named body is.
  const asksAssignee = / (ai|(co quan|don vi|bo phan|to chuc|ban) nao) (duoc giao|duoc phan cong|chiu trach nhiem|phu trach|chu tri|co trach nhiem|thuc hien|lam|la|se|can|phai)/.test(fq) || /^ ai /.test(fq);
  const scored: { doc: ParsedDocument; row: Assignment; score: number; named: number }[] = [];
  for (const doc of kb.documents) {
    let boost = 1;
    if (r.namedDocs.has(doc.id)) boost += 0.5;
    if (r.localDocs.has(doc.id)) boost += 0.5;
    if ((r.namedDocs.size || r.localDocs.size) && boost === 1) boost = 0.6;
    for (const row of doc.assignments) {
      const t = rowTerms(row);
      let got = 0;
      const inRow = (term: string) => t.task.has(term) || (!asksAssignee && t.assignee.has(term));
      for (const k of keys) if (inRow(k.term)) got += k.weight * (k.credit ?? 1);
      // Pairs carry the meaning here too: "Tổng Bí thư" is not "Ban Bí thư … tổng kết".
      const pairTotal = pairKeys.reduce((s, k) => s + k.weight, 0);
      const pairShare = pairTotal ? pairKeys.filter((k) => inRow(k.term)).reduce((s, k) => s + k.weight, 0) / pairTotal : null;
      const cover = pairShare === null ? got / total : 0.4 * (got / total) + 0.6 * pairShare;
      // How much of the assignee's name the question contains: "giao Đảng đoàn Hội đồng nhân dân tỉnh…".
      // Folded pairs: the question may be typed with or without marks.
      // The document's own issuer named in the question ("Đảng ủy Sở GD&ĐT yêu cầu…") names the sender, not an
      // assignee: pairs of the issuer's name do not count.
      // …unless the assignee is the issuer itself ("Ban Tuyên giáo Thành ủy" in the guide of "Ban Tuyên giáo Thành
      // ủy Từ Sơn" gives itself the task).
      const issuerNamed = issuerPairs(doc);
      const asksOfIssuer = issuerNamed.size > 0 && [...issuerNamed].filter((k) => qTerms.has(k)).length / issuerNamed.size >= 0.6;
      const issuer = !asksOfIssuer || foldVi(doc.issuer).toLowerCase().startsWith(foldVi(row.assignee).toLowerCase()) ? new Set<string>() : issuerNamed;
      const names = [...t.assignee.keys()].filter((k) => k.startsWith("fp:"));
      const named = names.length ? names.filter((k) => qTerms.has(k) && !issuer.has(k)).length / names.length : 0;
      const score = asksAssignee ? cover * (1 - named * 0.3) : cover * 0.7 + named * 0.5;
      scored.push({ doc, row, score: score * boost, named });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < 0.55) return null;
  // The assignment table answers questions about a body ("X có nhiệm vụ gì?") or for one ("ai/cơ quan nào …?");
  // "những nhiệm vụ cụ thể mà công văn chú trọng" asks for a list of the text, not for a body.
  if (!asksAssignee && best.named < 0.3) return null;
  // Close runners-up: in the same document when the question points to one, else across documents
  // ("các văn bản giao Ban Tuyên giáo những việc gì?").
  const focused = r.namedDocs.size > 0 || r.localDocs.size > 0;
  const chosen = scored
    .filter((s, i) => i === 0 || (s.score >= best.score * 0.9 && (focused ? s.doc.id === best.doc.id : true) && !(s.doc.id === best.doc.id && s.row.section === best.row.section)))
    .slice(0, focused ? 3 : 4);
  const citations: Citation[] = [];
  const lines: string[] = [];
  const pairs = queryPairs(r.query);
  for (const { doc, row } of chosen) {
    const section = doc.sections.find((s) => s.path === row.section);
    if (!section) continue;
    // A task is quoted whole when short; a long one by its opening and the sentences that answer best.
    let quote: string;
    // A row from one bullet or paragraph of a longer item is quoted from that unit.
    const unit = section.text.split("\n").find((l) => l.includes(row.assignee) && l.length <= 700);
    if (unit && section.text.length > 700) quote = unit;
    else if (section.text.length <= 700) quote = section.text.replace(/\n/g, " ");
    else {
      const all = sentences(section.text);
      const opening = all.slice(0, 1);
      const best = bestFragments(section.text, keys, pairs, 2).filter((f) => !opening.some((o) => o.start === f.start));
      quote = joinQuote([...opening, ...best].sort((a, b) => a.start - b.start));
    }
    if (!quote) continue;
    citations.push(citationFromDocument(doc, row.section, quote));
    const extra = [row.partners.length ? `phối hợp với ${row.partners.join(", ")}` : "", row.reportTo ? `báo cáo ${row.reportTo}` : "", row.deadline ? `thời hạn: ${row.deadline}` : ""].filter(Boolean).join("; ");
    lines.push(`${row.assignee} (${row.role}${extra ? `; ${extra}` : ""}): “${quote}” [${citations.length}]`);
  }
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "assignments" };
}

function answerGeneral(r: Retrieval, kb: Knowledge): AnswerResult {
  const keys = keyTerms(r.query, kb);
  // The best-ranked of the leading candidates whose text holds the question; none → not found.
  const lead = r.candidates.slice(0, 5);
  const first = lead[0];
  // The metadata card of the document the question names, ranked first, answers it ("Nghị quyết 20 … Hội nghị
  // lần thứ mấy?"); otherwise sections come before cards.
  const namedCard = first && first.chunk.payload.kind === "meta" && r.namedDocs.has(first.chunk.payload.documentId) && first.coverage >= MIN_COVERAGE;
  const best = namedCard ? first : (lead.find((c) => c.coverage >= MIN_COVERAGE && c.chunk.payload.kind === "section") ?? lead.find((c) => c.coverage >= MIN_COVERAGE));
  if (!best) return notFound(r.candidates);
  const pairs = queryPairs(r.query);
  const picked: Candidate[] = [];
  const seen = new Set<string>();
  // The metadata card answers metadata questions (handled above); here it is evidence only when no section is,
  // or when it is the best evidence of the very document the question names ("Nghị quyết 20 … Hội nghị lần thứ mấy?").
  const metaOfNamed = best.chunk.payload.kind === "meta" && r.namedDocs.has(best.chunk.payload.documentId);
  const sectionsFirst = !metaOfNamed && r.candidates.some((c) => c.chunk.payload.kind === "section" && c.coverage >= MIN_COVERAGE);
  for (const c of r.candidates) {
    if (sectionsFirst && c.chunk.payload.kind === "meta") continue;
    if (picked.length >= 3) break;
    const key = `${c.chunk.payload.documentId}#${c.chunk.payload.section}`;
    if (seen.has(key)) continue;
    if (c.coverage < Math.max(MIN_COVERAGE, best.coverage * 0.75) || c.score < best.score * 0.35) continue;
    seen.add(key);
    picked.push(c);
  }
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const c of picked) {
    const p = c.chunk.payload;
    const doc = kb.byId.get(p.documentId);
    if (p.kind === "meta" && doc) {
      // Quote the header line that holds the most of the question (e.g. the plenum line of a resolution).
      const scoredLines = [...doc.header, ...doc.closing].map((l) => ({ l, s: coverageOfText(l, keys) }));
      const top = scoredLines.sort((a, b) => b.s - a.s)[0];
      const q = top && top.s > 0 ? top.l : (doc.header.find((l) => l.length > 20) ?? doc.title);
      citations.push(citationFromDocument(doc, "", q));
      lines.push(`${documentLabel(doc)}, phần mở đầu: “${q}” [${citations.length}]`);
      continue;
    }
    const frags = bestFragments(p.text, keys, pairs, 3);
    let quote = joinQuote(frags);
    // A section that introduces a list ("… những nhiệm vụ cụ thể sau:") is answered by its items.
    const items = doc ? childrenOf(doc, p.section) : [];
    // Only when the words quoted are the introduction itself ("…những nhiệm vụ cụ thể sau:").
    const listIntro = frags.length > 0 && /:\s*$/.test(frags[frags.length - 1]!.text);
    if (items.length && listIntro) {
      const itemTexts = items.slice(0, 8).map((s) => (s.title ?? sentences(s.text)[0]?.text ?? "").trim()).filter(Boolean);
      citations.push(citationFromPayload(p, quote));
      lines.push(`${documentLabel(p)}, ${p.section ? `mục ${p.section}` : "phần mở đầu"}: “${quote}” [${citations.length}]`);
      for (const [i, s] of items.slice(0, 8).entries()) {
        const t = itemTexts[i];
        if (!t) continue;
        citations.push(citationFromDocument(doc!, s.path, t));
        lines.push(`  ${s.path.split(".").pop()}. ${t} [${citations.length}]`);
      }
      continue;
    }
    if (!quote) quote = sentences(p.text)[0]?.text ?? p.text;
    citations.push(citationFromPayload(p, quote));
    lines.push(`${documentLabel(p)}, ${p.section ? `mục ${p.section}` : "phần mở đầu"}: “${quote}” [${citations.length}]`);
  }
  if (!citations.length) return notFound(r.candidates);
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "extractive" };
}

/** The items directly under a section; under the opening part (""), the document's top-level sections. */
function childrenOf(doc: ParsedDocument, path: string): ParsedDocument["sections"] {
  // The opening part introduces numbered items ("…một số nhiệm vụ trọng tâm sau:" then 1., 2., …), not the
  // document's parts (I., II.): a document outline is not a list the opening asks for.
  if (path === "") return doc.sections.filter((s) => /^\d+$/.test(s.path));
  const depth = path.split(".").length + 1;
  return doc.sections.filter((s) => s.path.startsWith(`${path}.`) && s.path.split(".").length === depth);
}

/** A section whose title the question names ("Mục đích, yêu cầu của Công văn 844…"): answer with it and its items. */
function answerByTitle(r: Retrieval, kb: Knowledge): AnswerResult | null {
  const q = ` ${foldVi(r.query.normalized).replace(/[^a-z0-9]+/g, " ")} `;
  const docs = r.namedDocs.size ? [...r.namedDocs] : r.localDocs.size ? [...r.localDocs] : [];
  if (docs.length !== 1) return null;
  const doc = kb.byId.get(docs[0]!);
  if (!doc) return null;
  const match = doc.sections.find((s) => {
    if (!s.title || s.title.length < 6) return false;
    const t = ` ${foldVi(s.title).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
    return t.trim().split(" ").length >= 2 && q.includes(t);
  });
  if (!match) return null;
  // Only when the title is what the question asks about, not one word of it ("mục tiêu … bao nhiêu phần trăm GDP").
  const titleTerms = analyzeText(match.title ?? "").counts;
  const keys = keyTerms(r.query, kb);
  const total = keys.reduce((s, k) => s + k.weight, 0);
  const inTitle = keys.filter((k) => titleTerms.has(k.term) || titleTerms.has(`fw:${foldVi(k.term.replace(/^f?w:/, ""))}`)).reduce((s, k) => s + k.weight, 0);
  if (!total || inTitle / total < 0.6) return null;
  const items = doc.sections.filter((s) => s.path.startsWith(`${match.path}.`) && s.path.split(".").length === match.path.split(".").length + 1);
  const citations: Citation[] = [];
  const lines: string[] = [`${documentLabel(doc)}, mục ${match.path} (${match.title}):`];
  const own = sentences(match.text)[0]?.text;
  if (own) {
    citations.push(citationFromDocument(doc, match.path, own));
    lines.push(`“${own}” [${citations.length}]`);
  }
  for (const s of items.slice(0, 8)) {
    const t = (s.title && !s.text ? s.title : sentences(s.text)[0]?.text) ?? s.title;
    if (!t) continue;
    citations.push(citationFromDocument(doc, s.path, t));
    lines.push(`  ${s.path.split(".").pop()}. ${t} [${citations.length}]`);
  }
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "extractive" };
}

export function answerExtractive(question: string, r: Retrieval, kb: Knowledge): AnswerResult {
  const keys = keyTerms(r.query, kb);
  // A document the corpus neither holds nor cites (e.g. "Nghị quyết 57-NQ/TW"): never answer from look-alikes.
  if (r.unknownNumbers.length && !r.namedDocs.size) {
    return notFound(r.candidates, `Văn bản ${r.unknownNumbers.join(", ")} chưa có trong các văn bản đã nạp.`);
  }
  if (!keys.length && !r.namedDocs.size && !r.numbers.length) return notFound(r.candidates);
  const intents = intentsOf(question);
  const metaIntents = ["signer", "date", "issuer", "number", "recipients"] as const;
  if (metaIntents.some((i) => intents.has(i))) {
    const referencedOnly = r.numbers.flatMap((n) => (n.documentIds.length ? [] : n.numbers));
    if (referencedOnly.length && !r.namedDocs.size && (intents.has("date") || intents.has("issuer") || intents.has("number"))) {
      const ans = answerReferenced(referencedOnly[0]!, kb);
      if (ans) return ans;
    }
    const doc = focusDocuments(r, kb, question).length === 1 || intents.has("signer") ? targetDocument(r, kb, question) : null;
    // "Báo cáo tổng kết … là báo cáo số mấy?": the type asked about is not the document named ("Nghị quyết 20").
    // The type asked about is a type word outside the document numbers the question names.
    let unnamed = question.normalize("NFC");
    for (const n of [...r.numbers].sort((a, b) => b.alias.start - a.alias.start)) unnamed = unnamed.slice(0, n.alias.start) + unnamed.slice(n.alias.end);
    const asked = typesNamed(unnamed);
    if (doc && (!asked.length || asked.includes(doc.docType) || intents.has("signer"))) {
      const ans = answerMetadata(intents, doc);
      if (ans) return ans;
    }
    const described = answerReferencedByDescription(r, kb, asked);
    if (described) return described;
  }
  if (intents.has("cited-by") && r.numbers.length) {
    const ans = answerChainDown(r, kb, true);
    if (ans) return ans;
  }
  if (intents.has("chain-down") && r.numbers.length) {
    const ans = answerChainDown(r, kb);
    if (ans) return ans;
  }
  if (intents.has("chain-up")) {
    const doc = targetDocument(r, kb, question);
    const ans = doc ? answerChainUp(doc) : null;
    if (ans) return ans;
  }
  const byTitle = answerByTitle(r, kb);
  if (byTitle) return byTitle;
  if (intents.has("who")) {
    const ans = answerWho(r, kb);
    if (ans) return ans;
  }
  return answerGeneral(r, kb);
}
