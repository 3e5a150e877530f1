/**
 * Who does what by when, from the assignments the parser read (task-table rows and prose): "ai / cơ quan nào chủ
 * trì …?", "… phối hợp với ai?", "thời hạn …?", "Sở X có nhiệm vụ gì?". Every answer names the body (even when the
 * document names it only in a heading or a table cell) and quotes the row or the sentence it comes from.
 */
import type { Assignment, ParsedDocument } from "../../domain/model.js";
import { analyzeText } from "../../search/analyzer.js";
import { foldedBodyKey, withoutHolderTitle } from "../../domain/bodies.js";
import { foldVi } from "../../text/vietnamese.js";
import { citationFromDocument, documentLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import { ROLE_WORDS, type Retrieval, keyPairs, keyTerms, queryPairs } from "../../assistant/retrieve.js";
import { bestFragments, joinQuote, linesQuote, sentences } from "../../assistant/sentences.js";
import type { AnswerResult, Citation } from "../../assistant/types.js";
import type { QuestionFrame } from "../../understand/frame.js";
import { TUNING } from "../common.js";

const issuerCache = new WeakMap<ParsedDocument, Set<string>>();

function issuerPairs(doc: ParsedDocument): Set<string> {
  let set = issuerCache.get(doc);
  if (!set) {
    set = new Set([...analyzeText(doc.issuer).counts.keys()].filter((k) => k.startsWith("fp:")));
    issuerCache.set(doc, set);
  }
  return set;
}

/** The name-pair keys ("fp:…") of a body's name, by name: the same few hundred names recur in every document's rows. */
const namePairsMemo = new Map<string, string[]>();
function namePairs(name: string): string[] {
  let keys = namePairsMemo.get(name);
  if (!keys) {
    keys = [...analyzeText(name).counts.keys()].filter((k) => k.startsWith("fp:"));
    if (namePairsMemo.size >= 50_000) namePairsMemo.clear();
    namePairsMemo.set(name, keys);
  }
  return keys;
}

/** What a row is scored by, worked out once per row (per knowledge, for the words that depend on its idf). */
interface RowFeatures {
  task: Map<string, number>;
  assignee: Map<string, number>;
  partners: Map<string, number>;
  /** The assignee is everyone addressed ("Các đơn vị", "Các sở, ngành"), no body by name. */
  collective: boolean;
  /** The assignee's name pairs, and each partner's. */
  names: string[];
  partnerNames: string[][];
  reportTo: string[];
  /** The task's rarer words (idf > 1.5 in `ownOf`): what a row is about besides the question's words. */
  own: string[];
  ownOf: Knowledge | null;
}
const rowFeaturesCache = new WeakMap<Assignment, RowFeatures>();

/** Assignees that name no body (folded, "các" dropped, as foldedBodyKey reads them). */
const COLLECTIVE = new Set(["don vi", "co quan", "dia phuong", "co quan don vi", "so nganh", "so nganh dia phuong", "co quan don vi dia phuong", "don vi truc thuoc", "nganh"]);

function rowFeatures(row: Assignment, kb: Knowledge): RowFeatures {
  let t = rowFeaturesCache.get(row);
  if (!t) {
    t = {
      task: analyzeText(row.task).counts,
      assignee: analyzeText(row.assignee).counts,
      partners: analyzeText(row.partners.join(", ")).counts,
      // (The body, not its head's title: "Bộ trưởng Bộ Công an" is named by "bộ công an".)
      // ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" is called "UBND các tỉnh".)
      names: namePairs(withoutHolderTitle(row.assignee).replace(/,?\s*thành phố trực thuộc Trung ương$/iu, "")),
      collective: COLLECTIVE.has(foldedBodyKey(row.assignee)),
      partnerNames: row.partners.map(namePairs),
      reportTo: row.reportTo ? namePairs(row.reportTo) : [],
      own: [],
      ownOf: null,
    };
    rowFeaturesCache.set(row, t);
  }
  if (t.ownOf !== kb) {
    t.own = [...t.task.keys()].filter((k) => k.startsWith("w:") && kb.idf(k) > 1.5);
    t.ownOf = kb;
  }
  return t;
}

/** The weight of a body named as a row's partner only, when the body's own duties are asked. */
const PARTNER_ONLY = 0.5;

/** A body named before "phối hợp (với)": "Sở Giáo dục và Đào tạo phối hợp với cơ quan nào …". */
const BODY_BEFORE_PARTNER = /(?:^|\s)(?:Sở|Ban|Bộ|UBND|Ủy ban|Uỷ ban|Đảng ủy|Đảng uỷ|Văn phòng|Công an|Tỉnh đoàn|Hội|Liên hiệp|Trung tâm|Viện|Trường|Cục|Chi cục|so|ban|bo|ubnd)\s[^?]{2,80}?\s(?:phối hợp|phoi hop)\s/u;

/** Share of a body's name the question must hold for a row to be that body's. */
const BODY_NAMED = 0.75;

export interface ScoredRow {
  doc: ParsedDocument;
  row: Assignment;
  score: number;
  /** Share of the assignee's name the question holds. */
  named: number;
  /** How much of the question the row's task holds (its words and pairs, before the body named counts). */
  cover: number;
  /** Share of the lead's name (not a partner's) the question holds. */
  lead: number;
}

/**
 * Rows scored against the question: how much of the topic their task holds, and — when the question asks about a
 * body ("Sở X có nhiệm vụ gì?") rather than for one ("ai chủ trì …?") — how much of the body's name it holds.
 */
export function scoreRows(frame: QuestionFrame, r: Retrieval, kb: Knowledge, docs: ParsedDocument[], only?: RowFilter): { rows: ScoredRow[]; asksAssignee: boolean; appendix: boolean; byBodyAlone: boolean } {
  const keys = keyTerms(r.query, kb);
  const total = keys.reduce((s, k) => s + k.weight, 0);
  if (!total) return { rows: [], asksAssignee: false, appendix: false, byBodyAlone: false };
  const qTerms = analyzeText(r.query.normalized).counts;
  const pairKeys = keyPairs(r.query, kb);
  const pairTotal = pairKeys.reduce((s, k) => s + k.weight, 0);
  const fq = frame.folded;
  // "Ai được giao …?", "cơ quan nào chủ trì …?": the question asks for the body, so a body it names is the object
  // of the task ("đôn đốc các chi bộ"), not the answer. "X có nhiệm vụ gì?" asks about the body it names.
  // "Sở X phối hợp với cơ quan nào …?" asks for the partners of the body it names: that body's rows are the answer.
  const partnersOfNamed = frame.role === "partner" && BODY_BEFORE_PARTNER.test(frame.text);
  const asksAssignee =
    !partnersOfNamed &&
    // ("ở những địa phương nào" asks where, not who.)
    / (ai|(co quan|don vi|bo phan|to chuc|(?<!van )ban|so|bo|nganh|(?<! o| tai| o nhung| tai nhung| o cac| tai cac) dia phuong|cap) nao|nhung ai) /.test(fq) &&
    !/ (co|la|gom) (nhiem vu|trach nhiem) (gi|nao) | nhiem vu (gi|nao) | lam gi /.test(fq);
  const dutiesAsked = / (?:nhung |cac )?nhiem vu (?:gi|nao)(?: |$)| lam (?:gi|nhung gi)(?: |$)| duoc giao (?:gi|nhung gi)(?: |$)/.test(fq);
  // "Các sở, ngành báo cáo về Sở KH&CN trước ngày nào?": the body reported to is no assignee asked about.
  // (What is reported may take a few words: "báo cáo kết quả thực hiện Chương trình năng lực số về Bộ GDĐT".)
  // (A name may hold a dash: "Phòng Văn hóa - Xã hội".)
  const to = / (?:bao cao|gui)(?: [a-z]+){0,8} (?:ve|cho|len|toi) ((?:[a-z&-]+ ){1,8}?)(?=truoc |trong |han |vao |khi |la |theo |$)/.exec(fq);
  const addressee = new Set(to ? [...analyzeText(to[1]!).counts.keys()].filter((k) => k.startsWith("fp:")) : []);
  const rows: ScoredRow[] = [];
  const first = r.candidates[0]?.chunk.payload;
  let appendix = false;
  // "Sở X được giao những nhiệm vụ nào …?" counts a row by its body alone; any other question needs the task's words.
  const byBodyAlone = dutiesAsked && !asksAssignee;
  const reportAsked = / (bao cao|gui) [a-z ]{0,30}(ve|cho|len|toi) /.test(frame.folded);
  for (const doc of docs) {
    let boost = 1;
    if (r.namedDocs.has(doc.id)) boost += 0.5;
    if (r.localDocs.has(doc.id)) boost += 0.5;
    if ((r.namedDocs.size || r.localDocs.size) && boost === 1) boost = 0.6;
    const issuerNamed = issuerPairs(doc);
    const asksOfIssuer = issuerNamed.size > 0 && [...issuerNamed].filter((k) => qTerms.has(k)).length / issuerNamed.size >= 0.6;
    for (const row of doc.assignments) {
      if (only && !only(doc, row)) continue;
      if (row.section.startsWith("Phụ lục")) appendix = true;
      const t = rowFeatures(row, kb);
      // (A table row writes no "chủ trì": its lead stands in that column.)
      const inRow = (term: string) => t.task.has(term) || (!asksAssignee && (t.assignee.has(term) || t.partners.has(term))) || (row.source === "table" && ROLE_WORDS.has(term));
      let got = 0;
      for (const k of keys) if (inRow(k.term)) got += k.weight * (k.credit ?? 1);
      // Pairs carry the meaning here too: "Tổng Bí thư" is not "Ban Bí thư … tổng kết".
      let pairGot = 0;
      for (const k of pairKeys) if (inRow(k.term)) pairGot += k.weight;
      // (What the question asks by name or value — a law, an amount — must be the row's, as for any passage.)
      const cover0 = (pairTotal ? 0.4 * (got / total) + 0.6 * (pairGot / pairTotal) : got / total) * (r.lacks?.(`${row.task} ${row.product ?? ""}`) ?? 1);
      // A row below the bar scores nothing whatever its words (the share below only lowers it): not worth the rest.
      if (cover0 < TUNING.whoMinTaskCoverage && !byBodyAlone) continue;
      // A long paragraph holds every word of the question and is about many things; a row that is about this one
      // thing holds few words the question lacks (a task-table row, a short duty).
      const precision = t.own.length ? t.own.filter((k) => qTerms.has(k)).length / t.own.length : 0;
      const cover = cover0 * (0.75 + 0.25 * precision);
      // The document's own issuer named in the question names the sender, not an assignee — unless the assignee is
      // the issuer itself.
      const issuer = !asksOfIssuer || foldVi(doc.issuer).toLowerCase().startsWith(foldVi(row.assignee).toLowerCase()) ? new Set<string>() : issuerNamed;
      // "Các đơn vị …", "các sở, ngành …" in a question that names no body is the letter's addressees at large, not a
      // body asked about: a row led by "Các đơn vị" is not thereby the answer, unless the search finds its section first.
      const collective = !frame.body && t.collective && !(first?.documentId === doc.id && first.section === row.section);
      const ofAssignee = t.names.length && !collective ? t.names.filter((k) => qTerms.has(k) && !issuer.has(k) && !addressee.has(k)).length / t.names.length : 0;
      // A partner named in full ("văn bản nào giao Phòng Kinh tế phối hợp …") points to the row too, a little less.
      const ofPartner = t.partnerNames.some((pp) => pp.length > 0 && pp.every((k) => qTerms.has(k))) ? 0.8 : 0;
      // "… báo cáo về Sở KH&CN trước ngày nào?": the body the row reports to is named.
      const ofReportTo = reportAsked && t.reportTo.length && t.reportTo.every((k) => qTerms.has(k)) ? 0.9 : 0;
      const named = Math.max(ofAssignee, ofPartner, ofReportTo);
      // A row must be about the task asked, not only name a body the question names ("… báo cáo Văn phòng Trung ương
      // Đảng trong thời hạn bao lâu?" is no question about that office's tasks).
      // "Sở X được giao những nhiệm vụ nào (trong phụ lục …)?" asks for the body's duties whatever their words: its
      // rows count by the body alone.
      const dutiesOfNamed = byBodyAlone && named >= BODY_NAMED;
      // (The body's duties asked: the rows it leads before the rows it only joins — "giao UBND các xã những nhiệm vụ
      // gì" is not answered with the Sở's rows that name the communes as partners.)
      const asBody = byBodyAlone && ofAssignee < BODY_NAMED ? named * PARTNER_ONLY : named;
      const score = cover < TUNING.whoMinTaskCoverage && !dutiesOfNamed ? 0 : asksAssignee ? cover * (1 - named * 0.3) : cover * 0.7 + asBody * 0.5;
      if (score > 0) rows.push({ doc, row, score: score * boost, named, cover, lead: ofAssignee });
    }
  }
  // Ties broken by document and row order, never by the order documents were ingested in.
  rows.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id) || a.row.section.localeCompare(b.row.section));
  return { rows, asksAssignee, appendix, byBodyAlone };
}

/** The words to quote for a row: a table row whole; a prose row from the bullet or paragraph that holds it. */
export function rowQuote(doc: ParsedDocument, row: Pick<Assignment, "section" | "source" | "task"> & { deadline?: string | { text: string | null } | null }, r: Retrieval, kb: Knowledge): string {
  const section = doc.sections.find((s) => s.path === row.section);
  if (!section) return "";
  if (row.source === "table" || section.text.length <= TUNING.quoteMaxChars) {
    // A row whose section holds several rows (merged cells) is quoted from its own line.
    const line = section.text.split("\n").find((l) => l.includes(row.task.split(": ").pop()!.slice(0, 40)));
    // A task written as a card (the task, then "Đơn vị chủ trì: …", "Thời hạn: …" lines): the card whole, so the
    // deadline and the bodies are quoted, not only the task's line.
    const whole = linesQuote(section.text);
    const due = typeof row.deadline === "string" ? row.deadline : (row.deadline?.text ?? null);
    if (line && due && !line.includes(due) && section.text.includes(due) && whole.length <= TUNING.quoteMaxChars) return whole;
    // A row whose task runs over several of the section's bullets ("- Lãnh đạo …" and "- Đưa nội dung giám sát …"):
    // all of them, not the first.
    const bare = (t: string) => t.replace(/^[\s\-–•+*]+/, "").trim();
    if (line && row.task.length > bare(line).length + 20 && whole.length <= TUNING.quoteMaxChars) {
      return joinQuote(section.text.split("\n").filter((l) => l.trim()).map((text) => ({ text: text.trim() })));
    }
    return line ?? linesQuote(section.text);
  }
  const head = row.task.slice(0, 40);
  const unit = section.text.split("\n").find((l) => l.includes(head) && l.length <= TUNING.quoteMaxChars);
  if (unit) return unit;
  const keys = keyTerms(r.query, kb);
  const all = sentences(section.text);
  const opening = all.slice(0, 1);
  const best = bestFragments(section.text, keys, queryPairs(r.query), 2).filter((f) => !opening.some((o) => o.start === f.start));
  return joinQuote([...opening, ...best].sort((a, b) => a.start - b.start));
}

/** "Sở Tài chính chủ trì; phối hợp: …; thời hạn: 2026; sản phẩm: …". */
export function describeRow(row: Assignment, frame: QuestionFrame): string {
  const role = row.role === "chủ trì" ? "chủ trì" : row.role === "phối hợp" ? "phối hợp" : "thực hiện";
  const bits = [
    row.partners.length ? `${row.role === "phối hợp" ? "cùng" : "phối hợp"}: ${row.partners.join(", ")}` : "",
    row.deadline ? `thời hạn: ${row.deadline}` : frame.asks.includes("when") ? "văn bản không ghi thời hạn cho việc này" : "",
    row.product ? `sản phẩm: ${row.product}` : "",
    row.reportTo ? `báo cáo: ${row.reportTo}` : "",
  ].filter(Boolean);
  return `${row.assignee} (${role}${bits.length ? `; ${bits.join("; ")}` : ""})`;
}

export function answerAssignments(frame: QuestionFrame, r: Retrieval, kb: Knowledge): AnswerResult | null {
  // Unscoped, the rows of the documents the search found: a row that answers the question is in a section that
  // holds its words (scoring every row of thousands of documents per question does not scale).
  const inScope = r.scoped ? { docs: frameDocs(frame, kb) } : candidateDocs(r, kb, frame.body);
  const scored = scoreRows(frame, r, kb, inScope.docs, inScope.only);
  const { asksAssignee } = scored;
  // "… trong phụ lục": the rows of the appendices.
  const appendixAsked = / phu luc /.test(frame.folded) && scored.appendix;
  const inAppendix = appendixAsked ? scored.rows.filter((x) => x.row.section.startsWith("Phụ lục")) : [];
  // Asked of the appendices, whose rows all miss the question: not answered from the body of the text instead.
  if (appendixAsked && !inAppendix.length) return null;
  const otherBody = taskOfAnotherBody(frame, r, kb, scored, inAppendix.length ? inAppendix : scored.rows);
  if (otherBody) return otherBody;
  // A body asked about ("văn bản nào giao Phòng Kinh tế phối hợp …"): only rows that name it, when any does.
  const ofNamedBody = frame.body && !asksAssignee ? (inAppendix.length ? inAppendix : scored.rows).filter((x) => x.named >= BODY_NAMED && x.score > 0) : [];
  const candidates = ofNamedBody.length ? ofNamedBody : inAppendix.length ? inAppendix : scored.rows;
  // "… giao sở nào chủ trì?": a department is asked for; of the rows, those led by one ("Ban Tuyên giáo" is no Sở).
  const kind = asksAssignee ? kindAsked(frame) : null;
  const ofKind = kind ? candidates.filter((x) => kind.test(x.row.assignee)) : [];
  const rows = ofKind.length ? ofKind : candidates;
  const best = rows[0];
  if (!best) return null;
  const first = r.candidates[0]?.chunk.payload;
  // (A table row or card only: its lead and deadline are fields; a prose row's deadline is the first its sentences give.)
  const searchAgrees = best.row.source === "table" && first?.documentId === best.doc.id && first.section === best.row.section;
  if (best.score < (searchAgrees ? TUNING.whoMinScoreSearchAgrees : TUNING.whoMinScore)) return null;
  // "Khi nào …?" without a body asked for: a row answers only when it states a deadline; else the text does.
  if (!frame.asks.includes("who") && !frame.asks.includes("which-doc") && !best.row.deadline) return null;
  // …nor when the search found a passage that holds the question far better than the row's ("… báo cáo kết quả về
  // Bộ KH&CN vào thời điểm nào" of a clause setting quarterly reports, against a row of that ministry's own task;
  // "ai chủ trì phiên họp ngày 28/10" of the notice's opening, against rows that name a steering committee).
  const top = r.candidates[0];
  if (!frame.asks.includes("which-doc") && top && top.coverage >= TUNING.minCoverage) {
    const own = r.candidates.find((c) => c.chunk.payload.documentId === best.doc.id && c.chunk.payload.section === best.row.section);
    if ((own?.coverage ?? 0) < top.coverage * TUNING.runnerUpCoverage) return null;
  }
  // The rows answer questions about a body ("X có nhiệm vụ gì?") or for one ("ai/cơ quan nào …?"); "những nhiệm
  // vụ cụ thể mà công văn chú trọng" asks for a list of the text, not for a body.
  // A body asked about must be the row's, by (nearly) its whole name: "Ban Tuyên giáo Đảng ủy Sở …" is not "Ban Tuyên
  // giáo Trung ương".
  // "Nhiệm vụ X có thời hạn khi nào?" names no body: the row's deadline answers it (with who leads it).
  // (Only the row the search also finds first, fully above the bar: a deadline of a neighbouring row is a wrong answer.)
  const whenOfTask = frame.asks.includes("when") && !frame.body && Boolean(best.row.deadline) && searchAgrees && best.score >= TUNING.whoMinScore;
  if (!asksAssignee && best.named < BODY_NAMED && !whenOfTask) return null;
  const focused = r.namedDocs.size > 0 || r.localDocs.size > 0 || r.scoped;
  // "Sở X có nhiệm vụ gì?": every duty of the body named, in document order; otherwise the rows close to the best.
  const ofBody = !asksAssignee && best.named >= 0.6;
  const seen = new Set<string>();
  const chosen = rows
    .filter((s, i) => {
      const key = `${s.doc.id}#${s.row.section}#${s.row.assignee}#${s.row.task}`;
      if (seen.has(key)) return false;
      const keep =
        i === 0 ||
        (ofBody
          ? s.doc.id === best.doc.id && s.row.assignee === best.row.assignee && s.score >= best.score * 0.5
          : s.score >= best.score * TUNING.whoRunnerUp && (focused ? s.doc.id === best.doc.id : true));
      if (keep) seen.add(key);
      return keep;
    })
    .slice(0, TUNING.whoMaxRows);
  if (ofBody) chosen.sort((a, b) => a.doc.sections.findIndex((x) => x.path === a.row.section) - b.doc.sections.findIndex((x) => x.path === b.row.section));
  // "… trước ngày nào?": the rows that state a deadline answer it; the others would only say the text gives none.
  const dated = frame.asks.includes("when") ? chosen.filter((x) => x.row.deadline) : [];
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const { doc, row } of dated.length ? dated : chosen) {
    const quote = rowQuote(doc, row, r, kb);
    if (!quote) continue;
    citations.push(citationFromDocument(doc, row.section, quote));
    lines.push(`${describeRow(row, frame)}: “${quote}” [${citations.length}]`);
  }
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "assignments" };
}

/**
 * "Kế hoạch X giao Sở A chủ trì <task> khi nào?" when the document's row for that task is another body's and none of
 * Sở A's rows is about it: the premise is wrong. Not answered with the other body's deadline as if it were Sở A's,
 * and not refused bare either: the row that does assign the task is quoted, with its lead.
 */
function taskOfAnotherBody(frame: QuestionFrame, r: Retrieval, kb: Knowledge, scored: ReturnType<typeof scoreRows>, rows: ScoredRow[]): AnswerResult | null {
  if (!frame.body || !r.scoped || scored.asksAssignee || scored.byBodyAlone) return null;
  // "… giao Sở A chủ trì …" of a row Sở A is a partner of: not Sở A's to lead either.
  const leadAsked = / chu tri /.test(frame.folded) && !/ phoi hop /.test(frame.folded);
  const isOwn = (x: ScoredRow) => (leadAsked ? x.lead : x.named) >= BODY_NAMED;
  const byTask = [...rows].sort((a, b) => b.cover - a.cover || a.doc.id.localeCompare(b.doc.id) || a.row.section.localeCompare(b.row.section))[0];
  if (!byTask || isOwn(byTask) || byTask.cover < TUNING.otherBodyTaskCoverage) return null;
  const own = Math.max(0, ...rows.filter(isOwn).map((x) => x.cover));
  if (own >= byTask.cover * TUNING.otherBodyOwnShare) return null;
  const quote = rowQuote(byTask.doc, byTask.row, r, kb);
  if (!quote) return null;
  const citation = citationFromDocument(byTask.doc, byTask.row.section, quote);
  return {
    mode: "not_found",
    answer: `${documentLabel(citation)} không giao ${frame.body}${leadAsked ? " chủ trì" : ""} việc này. Văn bản giao: ${describeRow(byTask.row, frame)}: “${quote}” [1]`,
    citations: [citation],
    seeAlso: [citation],
    via: "assignments",
  };
}

/** Which rows of the documents given are worth scoring. */
type RowFilter = (doc: ParsedDocument, row: Assignment) => boolean;

/** The kind of body a who-question asks for ("sở nào", "bộ nào", "phòng nào"), as the names it allows; else null. */
function kindAsked(frame: QuestionFrame): RegExp | null {
  // (Folded "so nao" is "số nào" too: only where the question was typed with marks, or asks who leads.)
  if (/(?<![\p{L}])sở\s+nào(?![\p{L}])/iu.test(frame.text) || / so nao (chu tri|phu trach|lam|duoc giao|thuc hien) /.test(frame.folded)) return /^Sở\s/u;
  if (/ bo nao /.test(frame.folded)) return /^Bộ\s/u;
  if (/ phong nao /.test(frame.folded)) return /^Phòng\s/u;
  return null;
}

function candidateDocs(r: Retrieval, kb: Knowledge, body: string | null): { docs: ParsedDocument[]; only?: RowFilter } {
  const ids = new Set(r.candidates.map((c) => c.chunk.payload.documentId));
  // …and the documents whose rows name the body asked about (a plain comparison of names, no analysis): the search
  // may rank a central text above the letter that gives that body its task. Of those the search did not find, only
  // the rows that name the body count: in a corpus of many localities hundreds of plans name it, and their other
  // rows, on topics the search passed over, are not read.
  let only: RowFilter | undefined;
  if (body) {
    // Compared as the task register compares bodies: short forms written out, diacritics folded.
    const name = foldedBodyKey(body);
    if (name.split(" ").length >= 2) {
      const byBody = new Set<string>();
      for (const d of kb.documents) {
        if (ids.has(d.id)) continue;
        if (namesIn(d).has(name)) byBody.add(d.id);
      }
      if (byBody.size) {
        for (const id of byBody) ids.add(id);
        only = (doc, row) => !byBody.has(doc.id) || [row.assignee, ...row.partners].some((n) => foldedBodyKey(n) === name);
      }
    }
  }
  // In corpus order, as before: ties between rows of equal score fall the same way.
  return { docs: kb.documents.filter((d) => ids.has(d.id)), only };
}

/** The bodies a document's rows name (leads and partners, folded), computed once per document. */
const rowNames = new WeakMap<ParsedDocument, Set<string>>();
function namesIn(doc: ParsedDocument): Set<string> {
  let names = rowNames.get(doc);
  if (!names) rowNames.set(doc, (names = new Set(doc.assignments.flatMap((a) => [a.assignee, ...a.partners]).map(foldedBodyKey))));
  return names;
}

function frameDocs(frame: QuestionFrame, kb: Knowledge): ParsedDocument[] {
  return frame.scope.documentIds.map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d));
}
