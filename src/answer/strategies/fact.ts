/**
 * What a text says: the best sections of the documents in scope, each quoted by the words that answer the question
 * — a date first for "khi nào", a number first for "bao nhiêu"; a section that introduces a list is answered with
 * its items; a section whose title the question names is answered with its items. Not found when the evidence does
 * not hold the question's key words.
 */
import { BODY_HEADS, PAGE_TYPE, expandShortForms } from "../../domain/vocabulary.js";
import type { ParsedDocument } from "../../domain/model.js";
import { deadlinePhrases } from "../../domain/deadline.js";
import { analyzeText } from "../../search/analyzer.js";
import { foldVi } from "../../text/vietnamese.js";
import { citationFromDocument, citationFromPayload, citedSection, documentLabel, sectionLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import { type Candidate, type Retrieval, coverageOf, keyPairs, keyTerms, queryPairs, tableHeaderLine } from "../../assistant/retrieve.js";
import { bestFragments, itemsAfter, joinQuote, linesQuote, sentences } from "../../assistant/sentences.js";
import type { AnswerResult, Citation } from "../../assistant/types.js";
import type { QuestionFrame } from "../../understand/frame.js";
import { collapseCopies, copiesNote } from "../copies.js";
import { TUNING, childrenOf, coverageOfText, itemText, moreNote, notFound } from "../common.js";

/** "ai …", "phòng nào", "cơ quan nào …": the question asks which body. */
function asksWhichBody(frame: QuestionFrame): boolean {
  return / (ai|(co quan|don vi|phong|so|ban|bo|nganh|to chuc) nao) /.test(frame.folded);
}

/** The body a section is headed by: its own title, else its nearest item's, when that is a body's name. */
function headingBody(kb: Knowledge, documentId: string, path: string, title: string | null): string | null {
  if (title) return isBodyHeading(title) ? title.replace(/[.:]\s*$/, "") : null;
  const sections = kb.byId.get(documentId)?.sections ?? [];
  for (let cut = path.lastIndexOf("."); cut > 0; cut = path.lastIndexOf(".", cut - 1)) {
    const up = sections.find((x) => x.path === path.slice(0, cut));
    if (up?.title) return isBodyHeading(up.title) ? up.title.replace(/[.:]\s*$/, "") : null;
  }
  return null;
}

/** A section title that is a body's name ("Phòng Văn hóa, Khoa học và Thông tin", "Sở Tài chính"). */
function isBodyHeading(title: string): boolean {
  const t = title.trim();
  return t.length <= 120 && BODY_HEADS.some((h) => t.startsWith(`${h} `)) && !/[.;!?]\s*\S/.test(t);
}

/** A date or a deadline in running text (a telephone number's "38.44" in "0238.3844.512" is none). */
export const DATE_WORDS = /(?<![\d.])\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?![\d.]*\d{3})|ngày\s+\d|tháng\s+\d|quý\s+[IVX\d]|năm\s+\d{4}|\b(?:19|20)\d{2}\b|hằng năm|hàng năm|thường xuyên|định kỳ/iu;
/** A reporting period a question names (folded) and how a text writes it. */
const PERIODS: [RegExp, RegExp][] = [
  // ("5.000.000 đồng/người/tháng" is monthly too.)
  // ("báo cáo quý" asks a quarterly report as "báo cáo hằng quý" does; "quy định", "quy chế" are no quarter.)
  [/ (?:(?:hang|moi) quy|bao cao quy(?! (?:dinh|che|mo|trinh|hoach|chuan|tac)(?![a-z]))) /, /(?:hằng|hàng|mỗi)\s+quý|theo quý|\/\s*quý|báo cáo quý/iu],
  // ("báo cáo tháng" asks a monthly report; "báo cáo tháng 6" is of one month.)
  [/ (?:hang|moi) thang | bao cao thang(?! \d) /, /(?:hằng|hàng|mỗi)\s+tháng|\/\s*tháng|báo cáo tháng(?!\s*\d)/iu],
  [/ (?:6|sau) thang /, /(?:6|sáu)\s+tháng/iu],
];

/** A reporting period the question asks about ("hằng quý") that none of the quotes gives. */
export function periodMissing(frame: QuestionFrame, citations: readonly Citation[]): boolean {
  const period = PERIODS.find(([asked]) => asked.test(frame.folded));
  return Boolean(period) && frame.asks.includes("when") && citations.length > 0 && !citations.some((c) => period![1].test(c.quote));
}

/**
 * A contact asked that none of the quotes gives: an e-mail address ("gửi vào mail nào", "địa chỉ thư điện tử") without
 * an "@", a telephone number without one. A line that names whom to call is not the address asked.
 */
export function contactMissing(frame: QuestionFrame, citations: readonly Citation[]): boolean {
  // (Asked beside a deadline or a figure, the rest of the answer still stands.)
  if (!citations.length || frame.asks.some((a) => a === "when" || a === "count" || a === "meta")) return false;
  if (/ (e ?mail|mail|thu dien tu|hop thu) /.test(frame.folded) && !citations.some((c) => /@/.test(c.quote))) return true;
  return / (so dien thoai|dien thoai|sdt|hotline) /.test(frame.folded) && !/ (email|mail|thu dien tu) /.test(frame.folded) && !citations.some((c) => /(?:\d[ .]?){9,}/.test(c.quote));
}

/** An amount of money asked ("bao nhiêu tiền", "kinh phí … bao nhiêu", "phụ cấp … bn"), folded. */
const AMOUNT_ASKED = / (?:bao nhieu|bn) (?:ty |trieu |nghin )?(?:dong|tien) | (?:kinh phi|muc ho tro|phu cap|muc chi|du toan)(?: [a-z0-9]+){0,12} (?:la )?(?:bao nhieu|bn) /;

/** A day in running text ("15/12", "ngày 15 tháng 12"). */
/** A time given as the day of signing ("có hiệu lực kể từ ngày ký"). */
const FROM_SIGNING = /(?:từ|kể từ)\s+ngày\s+ký/iu;
const QUARTER_WORDS = /quý\s*(?:[IVX]{1,3}|[1-4])(?![\p{L}\d])/iu;
const DAY_WORDS = /(?<![\d.])\d{1,2}\s*[/.-]\s*\d{1,2}(?![\d.]*\d{3})|ngày\s+\d/iu;
/** A figure in a quote, in digits or words ("02", "30%", "hai", "toàn bộ"; not "năm", a year more often than five). */
const FIGURE_IN_QUOTE = /\d|(?<![\p{L}])(?:một|hai|ba|bốn|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|toàn bộ|tất cả|đa số|phần lớn)(?![\p{L}])/iu;
/** A number a "bao nhiêu" question wants. */
export const NUMBER_WORDS = /\d/;

/** The best candidates that hold the question: the lead one, and runners-up close to it, one per section. */
export function pickEvidence(r: Retrieval, max: number = TUNING.maxSections): Candidate[] {
  const lead = r.candidates.slice(0, 5);
  const first = lead[0];
  // The metadata card of the document the question names, ranked first, answers it ("Nghị quyết 20 … Hội nghị
  // lần thứ mấy?"); otherwise sections come before cards.
  const namedCard = first && first.chunk.payload.kind === "meta" && r.namedDocs.has(first.chunk.payload.documentId) && first.coverage >= TUNING.minCoverage;
  // Within the one document the question names, its first section answers a little below the bar when nothing
  // else there comes close ("kinh phí … lấy từ nguồn nào" against "bố trí từ ngân sách phường") — unless the question
  // names a thing that document never writes of ("chỉ tiêu kinh tế số" of a text without "kinh tế"): then the
  // section is close only in its other words.
  const second = r.candidates.find((c) => c !== first && c.chunk.payload.kind === "section");
  const clearFirst =
    first !== undefined &&
    r.scoped &&
    !r.namedAbsent?.length &&
    first.chunk.payload.kind === "section" &&
    // (Or one of the two documents a shared number names: "theo qd 1765" of a ministry's and a city's decision 1765.)
    (r.namedOne === first.chunk.payload.documentId || (r.namedOne === undefined && r.namedDocs.size === 2 && r.namedDocs.has(first.chunk.payload.documentId))) &&
    first.coverage >= TUNING.namedClearCoverage &&
    first.coverage >= (second?.coverage ?? 0) * TUNING.namedClearMargin;
  const best = namedCard
    ? first
    : (lead.find((c) => c.coverage >= TUNING.minCoverage && c.chunk.payload.kind === "section") ?? lead.find((c) => c.coverage >= TUNING.minCoverage) ?? (clearFirst ? first : undefined));
  if (!best) return [];
  const metaOfNamed = best.chunk.payload.kind === "meta" && r.namedDocs.has(best.chunk.payload.documentId);
  const sectionsFirst = !metaOfNamed && r.candidates.some((c) => c.chunk.payload.kind === "section" && c.coverage >= TUNING.minCoverage);
  const picked: Candidate[] = [];
  const seen = new Set<string>();
  for (const c of [best, ...r.candidates]) {
    if (sectionsFirst && c.chunk.payload.kind === "meta") continue;
    if (picked.length >= max) break;
    const key = `${c.chunk.payload.documentId}#${c.chunk.payload.section}`;
    if (seen.has(key)) continue;
    if (c !== best && (c.coverage < Math.max(TUNING.minCoverage, best.coverage * TUNING.runnerUpCoverage) || c.score < best.score * TUNING.runnerUpScore)) continue;
    seen.add(key);
    picked.push(c);
  }
  return picked;
}

function preferFor(frame: QuestionFrame): RegExp | undefined {
  if (frame.asks.includes("when")) return DATE_WORDS;
  if (frame.asks.includes("count") || / bao nhieu | may /.test(frame.folded)) return NUMBER_WORDS;
  return undefined;
}

/**
 * "Những loại tài khoản nào?" answered by items of one list ("Tài khoản … gồm: a) …; b) …; c) …"): the list whole,
 * its opening and every item, rather than the items that happen to rank best.
 */
function listOfPicked(frame: QuestionFrame, picked: Candidate[], kb: Knowledge): AnswerResult | null {
  if (!frame.asks.includes("list")) return null;
  const parents = new Map<string, number>();
  for (const c of picked) {
    const path = c.chunk.payload.section;
    if (!path.includes(".")) continue;
    const key = `${c.chunk.payload.documentId}#${path.slice(0, path.lastIndexOf("."))}`;
    parents.set(key, (parents.get(key) ?? 0) + 1);
  }
  const [key] = [...parents].find(([, n]) => n >= 2) ?? [];
  if (!key) return null;
  const [docId, parent] = [key.slice(0, key.indexOf("#")), key.slice(key.indexOf("#") + 1)];
  const doc = kb.byId.get(docId);
  const intro = doc?.sections.find((s) => s.path === parent);
  // Only a parent that introduces its items ("… gồm:", "… sau:") is a list; sibling sections of a chapter are not.
  if (!doc || !intro || !/:\s*$/.test(intro.text.trim())) return null;
  return answerSectionItems(doc, parent, frame);
}

/** A task's fields that name its bodies ("Cơ quan chủ trì: Bộ X; cơ quan phối hợp: Bộ Y"). */
const BODY_FIELD = /(?:cơ quan|đơn vị)\s+(?:chủ trì|phối hợp)\s*:/iu;

/** A body or person asked for ("ai", "cơ quan nào", "sở nào"), not a list of tasks ("những nhiệm vụ nào"). */
const WHO_WORDS = / (?:ai|co quan nao|don vi nao|so nao|bo nao|ban nao|nganh nao|to chuc nao|nhung ai|cap nao|ben nao) /;

/** A deadline asked: "hạn", "hoàn thành", "trước ngày nào" — not the day an event took place. */
function asksDeadline(frame: QuestionFrame): boolean {
  return frame.asks.includes("when") && / (han|thoi han|hoan thanh|xong|truoc ngay|cham nhat|den han) /.test(frame.folded);
}

/** The first fragment whose next clause on the same line states a time, joined with that clause (a verbatim slice). */
function withTimeAfter<F extends { text: string; start: number }>(text: string, frags: F[]): F[] {
  const all = sentences(text);
  for (const [k, f] of frags.entries()) {
    const at = all.findIndex((x) => x.start === f.start);
    const next = at >= 0 ? all[at + 1] : undefined;
    if (!next || !DATE_WORDS.test(next.text) || text.slice(f.start + f.text.length, next.start).includes("\n")) continue;
    const out = [...frags];
    out[k] = { ...f, text: text.slice(f.start, next.start + next.text.length) };
    return out;
  }
  return frags;
}

/** A clause that leaves some out: "… không áp dụng đối với:", "không thuộc đối tượng …", "không được hỗ trợ". */
const LEAVES_OUT = /không\s+(?:áp dụng|thuộc đối tượng|thuộc phạm vi|được hỗ trợ|hỗ trợ)|loại trừ/iu;

/**
 * A group the question names that the quotes do not, and that the cited document leaves out (a clause that says so,
 * or an item under a lead-in that does): "Không": the clause, when a yes or no is asked; else the amount asked has
 * no answer for them, said with the clause. Null when nothing the question names is left out.
 */
function excludedAsked(frame: QuestionFrame, r: Retrieval, citations: readonly Citation[], kb: Knowledge): AnswerResult | null {
  // Word pairs compared folded (a question typed without marks names the same group).
  const foldedPairs = (text: string) => new Set([...analyzeText(foldVi(text)).counts.keys()].filter((t) => t.startsWith("fp:")));
  const asked = foldedPairs(frame.text);
  const quoted = new Set(citations.flatMap((c) => [...foldedPairs(c.quote)]));
  const cited = new Set(citations.map((c) => `${c.documentId}#${c.section}`));
  for (const id of new Set(citations.map((c) => c.documentId))) {
    const doc = kb.byId.get(id);
    if (!doc) continue;
    for (const s of doc.sections) {
      const parent = s.path.includes(".") ? doc.sections.find((x) => x.path === s.path.slice(0, s.path.lastIndexOf("."))) : undefined;
      const clause = LEAVES_OUT.exec(s.text);
      if (!clause && !(parent && /:\s*$/.test(parent.text.trim()) && LEAVES_OUT.test(parent.text))) continue;
      // The group left out: the item, or what the clause names after "không áp dụng đối với" — named by the question
      // (half its word pairs at least: "Hộ kinh doanh, cá nhân kinh doanh" of "hộ kinh doanh"), and not by the quotes
      // unless a quote is this very item.
      const group = [...foldedPairs(clause ? s.text.slice(clause.index + clause[0].length).split(/[.;\n]/)[0]! : s.text)];
      const here = cited.has(`${id}#${s.path}`);
      const named = group.filter((t) => asked.has(t) && (here || !quoted.has(t))).length;
      if (named < 2 || named * 2 < group.length) continue;
      const lead = clause ? "" : `“${parent!.text.trim()}” … `;
      const quote = sentences(s.text).find((x) => [...foldedPairs(x.text)].some((t) => asked.has(t)))?.text ?? s.text.trim();
      const citation = citationFromDocument(doc, s.path, quote);
      const where = `${documentLabel(doc)}, ${sectionLabel(citation.section, citation.attachment)}`;
      if (frame.asks.includes("yesno")) {
        return { mode: "answer", answer: `Không. ${where}: ${lead}“${quote}” [1]`, citations: [citation], seeAlso: [], via: "extractive" };
      }
      return { mode: "not_found", answer: `${where} không áp dụng cho đối tượng này: ${lead}“${quote}”`, citations: [], seeAlso: [citation], via: "none" };
    }
  }
  return null;
}

/** Where a reader's question is written on a question-and-answer page ("Câu hỏi:", "Ông X (phường Y) hỏi:"). */
const ASKED_MARK = /(?:^|\n)\s*(?:\*\*|#+\s*)?(?:Câu hỏi|CÂU HỎI)\b|\shỏi\s*:/u;
/** Where its reply starts ("**Trả lời:**", "## Trả lời", "TRẢ LỜI:"). */
const REPLY_MARK = /(?:^|\n)\s*(?:\*\*|#+\s*)?(?:Trả lời|TRẢ LỜI)\s*(?:\*\*)?\s*:?\s*(?:\*\*)?/u;

/** The reply of a question-and-answer page's text (a reader's question, then "Trả lời:"), or null. */
function replyOf(text: string): { start: number } | null {
  const m = REPLY_MARK.exec(text);
  return m && ASKED_MARK.test(text.slice(0, m.index)) ? { start: m.index + m[0].length } : null;
}

/**
 * A time asked that no quote gives: "… trước ngày nào?", "ngày mấy?" with no day (a passage about the same report
 * without its day is the near miss, not the answer); "… trong quý nào?" with no quarter; "… hoàn thành khi nào?" with
 * no time at all (the task is there, its deadline is not). A length asked ("thời hạn bao lâu", "mấy ngày") is no time.
 */
function timeNotGiven(frame: QuestionFrame, citations: readonly Citation[]): boolean {
  if (!frame.asks.includes("when")) return false;
  const gives = (re: RegExp) => citations.some((c) => re.test(c.quote));
  if (/ (ngay nao|ngay may|truoc ngay|han chot) /.test(frame.folded) && !gives(DAY_WORDS)) return true;
  if (/ (quy nao|quy may) /.test(frame.folded) && !gives(QUARTER_WORDS)) return true;
  return / (khi nao|bao gio|luc nao|han cuoi|thang nao|thang may) /.test(frame.folded) && !/ (bao lau|bao nhieu ngay|may ngay) /.test(frame.folded) && !gives(DATE_WORDS) && !gives(FROM_SIGNING);
}

/**
 * A question that joins two things ("tỷ lệ … trực tuyến toàn trình và về kinh tế số là bao nhiêu?") asks of two
 * passages when the picked ones hold one side only. Each side (the words between "và" / "còn") is measured by its own
 * key pairs: a side the picked passages hold little of is answered by the passage of the same document that holds
 * most of it, added after them.
 */
function withComplement(frame: QuestionFrame, r: Retrieval, kb: Knowledge, picked: Candidate[]): Candidate[] {
  if (!picked.length || frame.asks.includes("compare")) return picked;
  const sides = frame.folded.split(/ (?:va|con|cung nhu) /).filter((x) => x.trim());
  if (sides.length < 2) return picked;
  const pairs = keyPairs(r.query, kb).map((p) => ({ p, words: ` ${p.parts.map((w) => foldVi(w.replace(/^f?w:/, "")).toLowerCase()).join(" ")} ` }));
  const documentId = picked[0]!.chunk.payload.documentId;
  const own = new Set(picked.map((c) => `${c.chunk.payload.documentId}#${c.chunk.payload.section}`));
  const out = [...picked];
  for (const side of sides) {
    const text = ` ${side.trim()} `;
    const its = pairs.filter((x) => text.includes(x.words)).map((x) => x.p);
    const weight = its.reduce((n, p) => n + p.weight, 0);
    if (its.length < 2 || !weight) continue;
    const heldBy = (c: Candidate) => its.filter((p) => c.chunk.terms.counts.has(p.term)).reduce((n, p) => n + p.weight, 0) / weight;
    if (Math.max(...out.map(heldBy)) >= TUNING.complementHeld) continue;
    let best: { c: Candidate; held: number } | null = null;
    for (const c of r.candidates) {
      const p = c.chunk.payload;
      if (p.kind !== "section" || p.documentId !== documentId || own.has(`${p.documentId}#${p.section}`)) continue;
      const held = heldBy(c);
      if (held >= TUNING.complementGain && (!best || held > best.held)) best = { c, held };
    }
    if (best) {
      out.push(best.c);
      own.add(`${best.c.chunk.payload.documentId}#${best.c.chunk.payload.section}`);
    }
  }
  return out;
}

/** A quote without the documents' numbers, dates and years it names: what figures are left are values. */
function withoutNumbersAndDates(quote: string): string {
  return quote
    .replace(/\d+(?:\/\d{4})?[-/]\p{Lu}[\p{L}\d&/-]*/gu, " ")
    .replace(/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s*\/\s*\d{4}/gu, " ")
    .replace(/(?<![\p{L}])(?:năm|giai đoạn|đến|từ|tháng \d{1,2} năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?/giu, " ");
}

/** Question words, folded: two of them joined by "và" ask two things. */
const ASKED_THING = / (?:bao lau|bao nhieu|khi nao|ngay nao|bao gio|o dau|the nao|ai|nao|gi)(?= )/g;

/** Two sibling clauses that answer a two-part question together (TUNING.siblingPairCoverage); else none. */
function siblingPair(frame: QuestionFrame, r: Retrieval, kb: Knowledge): Candidate[] {
  if (!/ va /.test(frame.folded) || (frame.folded.match(ASKED_THING)?.length ?? 0) < 2) return [];
  const keys = keyTerms(r.query, kb);
  const pairs = keyPairs(r.query, kb);
  const lead = r.candidates.slice(0, 4).filter((c) => c.chunk.payload.kind === "section" && c.coverage >= TUNING.siblingPairCoverage);
  const parent = (c: Candidate) => `${c.chunk.payload.documentId}#${c.chunk.payload.section.split(".").slice(0, -1).join(".")}`;
  for (let i = 0; i < lead.length; i++) {
    for (let j = i + 1; j < lead.length; j++) {
      const [a, b] = [lead[i]!, lead[j]!];
      if (parent(a) !== parent(b) || !a.chunk.payload.section.includes(".")) continue;
      if (coverageOf(keys, a.chunk, b.chunk.terms.counts, pairs) < TUNING.minCoverage) continue;
      // (In the document's order: clause 1 before clause 2.)
      const order = kb.byId.get(a.chunk.payload.documentId)?.sections.map((x) => x.path) ?? [];
      return order.indexOf(a.chunk.payload.section) <= order.indexOf(b.chunk.payload.section) ? [a, b] : [b, a];
    }
  }
  return [];
}

export function answerFact(frame: QuestionFrame, r: Retrieval, kb: Knowledge): AnswerResult {
  const keys = keyTerms(r.query, kb);
  let picked = pickEvidence(r);
  // A deadline asked is set by a passage that sets one ("… gửi về Sở trước 17 giờ 00 ngày 29/12/2025"): such passages
  // first, before one that only shares the question's words (a letter's subject line "V/v báo cáo …").
  if (asksDeadline(frame)) {
    const sets = new Set(picked.filter((c) => deadlinePhrases(c.chunk.payload.text).length));
    picked = [...picked.filter((c) => sets.has(c)), ...picked.filter((c) => !sets.has(c))];
  }
  if (!picked.length) picked = siblingPair(frame, r, kb);
  if (!picked.length) return notFound(r.candidates);
  picked = withComplement(frame, r, kb, picked);
  // A value asked ("… tối thiểu bao nhiêu phần trăm?") of the named document's one passage a little below the bar: it
  // must hold most of what the value is of (its key pairs: "hồ sơ trực tuyến"), not only the words around a value
  // ("tối thiểu … %" of another target).
  if (picked[0]!.coverage < TUNING.minCoverage && / (bao nhieu|bn|may) /.test(frame.folded)) {
    const pairs = keyPairs(r.query, kb);
    const total = pairs.reduce((n, p) => n + p.weight, 0);
    const held = pairs.filter((p) => picked[0]!.chunk.terms.counts.has(p.term)).reduce((n, p) => n + p.weight, 0);
    if (total > 0 && held / total < TUNING.belowBarValuePairs) return notFound(r.candidates);
  }
  const list = listOfPicked(frame, picked, kb);
  if (list) return list;
  const pairs = queryPairs(r.query);
  const prefer = preferFor(frame);
  const citations: Citation[] = [];
  const lines: string[] = [];
  const cited = new Set<string>();
  for (const c of picked) {
    const p = c.chunk.payload;
    const doc = kb.byId.get(p.documentId);
    if (p.kind === "meta" && doc) {
      // Quote the header line that holds the most of the question (e.g. the plenum line of a resolution).
      // (A day asked: a line with one first — "Ngày hiệu lực: | 14/08/2025" before "Tình trạng: | Còn hiệu lực".)
      const dayAsked = frame.asks.includes("when");
      const scoredLines = [...doc.header, ...doc.closing].map((l) => ({ l, s: coverageOfText(l, keys) + (dayAsked && DAY_WORDS.test(l) ? 0.5 : 0) }));
      const top = scoredLines.sort((a, b) => b.s - a.s)[0];
      const q = top && top.s > 0 ? top.l : (doc.header.find((l) => l.length > 20) ?? doc.title);
      citations.push(citationFromDocument(doc, "", q));
      lines.push(`${documentLabel(doc)}, phần mở đầu: “${q}” [${citations.length}]`);
      continue;
    }
    let frags = bestFragments(p.text, keys, pairs, 3, prefer);
    const whole = doc?.sections.find((s) => s.path === p.section)?.text;
    // A question-and-answer page matched on the reader's question, which restates what the cadre asks: the answer
    // is in the page's reply, quoted from there.
    const reply = doc?.docType === PAGE_TYPE && whole && frags.length ? replyOf(whole) : null;
    if (reply && whole!.indexOf(frags[0]!.text) < reply.start) {
      const answered = bestFragments(whole!.slice(reply.start), keys, pairs, 3, prefer);
      if (answered.length) frags = answered;
    }
    // "… bao giờ xong?" of a clause whose time is the next one on its line ("… tại 03 thôn: …; hoàn thành trong tháng
    // 01/2026."): that clause with it.
    if (frame.asks.includes("when") && frags.length && !frags.some((f) => DATE_WORDS.test(f.text))) frags = withTimeAfter(p.text, frags);
    // A body asked about ("kl 69 giao ban tuyên giáo làm gì"): the fragments that name it, not the lines of other
    // bodies beside it that share the question's words ("… công tác tuyên truyền …").
    if (frame.body) {
      const body = ` ${foldedWords(frame.body)} `;
      const naming = frags.filter((f) => ` ${foldedWords(f.text)} `.includes(body));
      if (naming.length && naming.length < frags.length) frags = naming;
    }
    // A lead-in whose items run past the end of this chunk: the items from the section's whole text.
    const leadIn = frags.find((f) => /:\s*$/.test(f.text));
    if (leadIn && whole && whole.length > p.text.length) {
      const items = itemsAfter(whole, leadIn.text);
      const own = new Set(frags.map((f) => f.text));
      if (items.some((i) => !own.has(i.text))) frags = [...frags.filter((f) => f.start <= leadIn.start), ...items.map((i) => ({ ...i, start: leadIn.start + 1 + i.start }))];
    }
    let quote = joinQuote(frags);
    // A section that introduces a list ("… những nhiệm vụ cụ thể sau:") is answered by its items.
    const items = doc ? childrenOf(doc, p.section) : [];
    // (Not for "ai …?" or "khi nào …?": a name or a date is the answer, not the list the sentence opens; "những
    // nhiệm vụ nào …?" asks the list.)
    const listIntro = frags.length > 0 && /:\s*$/.test(frags[frags.length - 1]!.text) && !frame.asks.includes("when") && !(frame.asks.includes("who") && WHO_WORDS.test(frame.folded));
    if (items.length && listIntro) {
      citations.push(citationFromPayload(p, quote));
      lines.push(`${documentLabel(p)}, ${p.section ? `mục ${p.section}` : "phần mở đầu"}: “${quote}” [${citations.length}]`);
      for (const s of items.slice(0, TUNING.listMaxItems)) {
        const t = itemText(s);
        if (!t) continue;
        citations.push(citationFromDocument(doc!, s.path, t));
        lines.push(`  ${s.path.split(".").pop()}. ${t} [${citations.length}]`);
      }
      const more = moreNote(items.length, TUNING.listMaxItems);
      if (more) lines.push(more.trim());
      continue;
    }
    if (!quote) quote = sentences(p.text)[0]?.text ?? p.text;
    // A short item quoted by one of its clauses ("Xã chưa có công chức chuyên trách công nghệ thông tin;" of "…; hiện
    // giao 01 công chức Văn phòng - Thống kê kiêm nhiệm."): the item whole, its other clause is part of the answer.
    const item = p.text.trim();
    if (!item.includes("\n") && item.length <= TUNING.wholeItemChars && item.length > quote.length && frags.length && frags.every((f) => item.includes(f.text))) quote = item;
    // "Bộ nào chủ trì …?" of a task written with its fields on its line ("… . Cơ quan chủ trì: Bộ X; cơ quan phối hợp:
    // Bộ Y. Thời gian hoàn thành: …"): the line whole, bodies and all.
    if (frame.asks.includes("who") && WHO_WORDS.test(frame.folded) && !BODY_FIELD.test(quote)) {
      const line = p.text.split("\n").find((l) => l.includes(frags[0]?.text ?? "\u0000"));
      if (line && BODY_FIELD.test(line) && line.length <= TUNING.listWholeSectionChars) quote = line.trim();
    }
    // "Sở Nội vụ được giao nhiệm vụ gì?" landing on the item headed "3. Sở Nội vụ": its duties whole, not the clause
    // that ranks best.
    const headedByBody = p.sectionTitle && p.sectionTitle.length <= 80 && foldVi(frame.text).toLowerCase().includes(foldVi(p.sectionTitle).toLowerCase().replace(/[.:]\s*$/, "").trim());
    if (headedByBody && / (nhiem vu|lam gi|viec gi|trach nhiem|duoc giao|giao) /.test(frame.folded) && p.text.length <= TUNING.listWholeSectionChars && p.text.length > quote.length) {
      quote = linesQuote(p.text);
    }
    // A list asked for, stated in one sentence ("năm yếu tố: thể chế …; hạ tầng số …; nhân lực số …."): the whole
    // sentence, not its first item.
    if (frame.asks.includes("list") || frame.asks.includes("count")) {
      const line = p.text.split("\n").find((l) => l.includes(frags[0]?.text ?? "\u0000"));
      if (line && line.length <= 900 && /:/.test(line) && line.length > quote.length) quote = line;
      // A short section asked for its items ("đề nghị A …; đề nghị B …"): all of it, not the clause that ranks best.
      else if (p.text.length <= TUNING.listWholeSectionChars && p.text.length > quote.length) quote = linesQuote(p.text);
    }
    // The same words in several documents in scope: cited from the one that issued them, the copies counted (a
    // question held to one document keeps its own: other documents are not in its candidates).
    const { chosen, copies } = collapseCopies(c, quote, r.candidates, kb);
    const src = chosen.chunk.payload;
    const key = `${src.documentId}#${src.section}`;
    if (cited.has(key)) continue;
    cited.add(key);
    citations.push(citationFromPayload(src, quote));
    // "… cơ quan thường trực là phòng nào?" of an item headed by the body ("1. Phòng Văn hóa, Khoa học và Thông tin"
    // then "- Là cơ quan thường trực …"): the heading names the answer, so it is given with the section.
    // (Or the point's item: "1. Bộ Khoa học và Công nghệ" › "a) Chủ trì, phối hợp với … hoàn thiện Bộ chỉ số …".)
    const bodyTitle = asksWhichBody(frame) ? headingBody(kb, src.documentId, src.section, src.sectionTitle) : null;
    const heading = bodyTitle && !quote.includes(bodyTitle) ? ` (${bodyTitle})` : "";
    lines.push(`${documentLabel(src)}, ${src.section ? `mục ${src.section}` : "phần mở đầu"}${heading}${copiesNote(copies)}: “${quote}” [${citations.length}]`);
  }
  if (!citations.length) return notFound(r.candidates);
  // "… có bao nhiêu doanh nghiệp công nghệ số?" of passages that count "doanh nghiệp khởi nghiệp sáng tạo": what is
  // counted, with its qualifier, is in no passage: they count something else.
  // (Only where the passages count that noun of another kind: "bao nhiêu trường đại học" of "08 cơ sở giáo dục đại học"
  // is written otherwise, not another kind.)
  const counted = countedPhrase(frame);
  if (counted) {
    const texts = picked.map((c) => ` ${foldedWords(c.chunk.payload.text)} `);
    const noun = ` ${counted.split(" ").slice(0, 2).join(" ")} `;
    // (The qualifier may come a few words on: "kỹ sư công nghệ số" of "kỹ sư, cử nhân công nghệ số", "đội hình hỗ trợ"
    // of 'đội hình "Thanh niên tình nguyện hỗ trợ …"'.)
    const qualified = new RegExp(`${noun}(?:[a-z0-9]+ ){0,4}${counted.split(" ")[2]} `);
    if (texts.some((t) => t.includes(noun)) && !texts.some((t) => qualified.test(t))) return notFound(r.candidates);
  }
  // "… hỗ trợ bao nhiêu phần trăm lãi suất vay vốn?" of passages that support 30% of a contract's value: the thing
  // whose figure is asked is in no passage.
  // (A table row's measures are named by its header: "Tỷ lệ so với kế hoạch (%)".)
  const measured = measuredPhrase(frame);
  const measures = (p: Candidate["chunk"]["payload"]) => ` ${foldedWords(`${p.sectionTitle ?? ""} ${p.text} ${p.text.includes(" | ") ? (tableHeaderLine(kb, p.documentId, p.section) ?? "") : ""}`)} `;
  if (measured && !picked.some((c) => measures(c.chunk.payload).includes(` ${measured} `))) return notFound(r.candidates);
  // "… hỗ trợ doanh nghiệp lớn bao nhiêu?" of points headed by the kinds the text covers ("a) Doanh nghiệp siêu nhỏ: …;
  // b) Doanh nghiệp nhỏ: …; c) Doanh nghiệp vừa: …"): the kind asked is none of them.
  if (kindNotListed(frame, picked, kb)) return notFound(r.candidates);
  // "… hộ kinh doanh được hỗ trợ tối đa bao nhiêu?" of rules that leave household businesses out ("3. Quy định này không
  // áp dụng đối với: … b) Hộ kinh doanh, cá nhân kinh doanh;"): the clause that leaves them out is the answer.
  const excluded = excludedAsked(frame, r, citations, kb);
  if (excluded) return excluded;
  // A time asked that no quote gives.
  if (timeNotGiven(frame, citations)) return notFound(r.candidates);
  // "Kinh phí … là bao nhiêu?", "phụ cấp … bao nhiêu một tháng?": an amount asked that no quote states in figures (the
  // text says only where the money comes from) is not answered by them.
  // (A document's number, a date or a year is no amount: "tuyên truyền Nghị quyết số 57-NQ/TW" states none.)
  if (AMOUNT_ASKED.test(frame.folded) && !citations.some((c) => /\d/.test(withoutNumbersAndDates(c.quote)))) return notFound(r.candidates);
  // "… có bao nhiêu doanh nghiệp …?" of passages that give no figure at all (a task row "hỗ trợ doanh nghiệp …"): not
  // the number asked.
  if (/ (?:bao nhieu|bn) /.test(frame.folded) && !citations.some((c) => FIGURE_IN_QUOTE.test(c.quote))) return notFound(r.candidates);
  // "Báo cáo hằng quý gửi trước ngày nào?" of a text that asks reports every six months and yearly: the period asked
  // must be the one the quotes give.
  if (periodMissing(frame, citations)) return notFound(r.candidates);
  // "Hạn … là ngày nào?": the deadline the first quote sets, stated first, in the document's words.
  // Only when the quote sets one deadline: of two, which one the question means is the reader's call.
  const deadline = asksDeadline(frame) ? [...new Set(deadlinePhrases(citations[0]!.quote))] : [];
  if (deadline.length === 1) lines.unshift(`Thời hạn: ${deadline[0]} [1].`);
  // "… năm 2026 là bao nhiêu?" of an indicator row: the cell under that year's column, read with its unit.
  // "… năm 2028 … bao nhiêu?" of an indicator row whose columns are 2025, 2026, 2027 and 2030: no figure for that year.
  const columns = yearsNotAsked(frame, picked[0]?.chunk.payload, kb);
  if (columns) return notFound(r.candidates, `${documentLabel(picked[0]!.chunk.payload)} không đặt chỉ tiêu cho năm ${columns.asked}; bảng chỉ tiêu ghi các năm ${columns.years.join(", ")}.`);
  // (Of the picked passages, the first indicator row whose header has that year: a task row may rank above it.)
  if (deadline.length !== 1) {
    for (const c of picked) {
      const cell = cellAsked(frame, c.chunk.payload, kb);
      const at = citations.findIndex((x) => x.documentId === c.chunk.payload.documentId && x.section === c.chunk.payload.section);
      if (!cell || at < 0) continue;
      lines.unshift(`${cell} [${at + 1}].`);
      break;
    }
  }
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "extractive" };
}

/** A section whose title the question names ("Mục đích, yêu cầu của Công văn 844…"): answer with it and its items. */
export function answerByTitle(frame: QuestionFrame, r: Retrieval, kb: Knowledge): AnswerResult | null {
  const q = ` ${foldVi(r.query.normalized).replace(/[^a-z0-9]+/g, " ")} `;
  const docs = frame.scope.documentIds;
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
  const answer = answerSectionItems(doc, match.path, frame);
  return answer && !timeNotGiven(frame, answer.citations) ? answer : null;
}

/** A section and the items under it, numbered as the document numbers them. */
export function answerSectionItems(doc: ParsedDocument, path: string, frame: QuestionFrame, counted = false): AnswerResult | null {
  const match = doc.sections.find((s) => s.path === path);
  if (!match) return null;
  const items = childrenOf(doc, path).filter((s) => itemText(s));
  const citations: Citation[] = [];
  // (As cadres cite it: "mục Điều 6 Quy chế kèm theo", not the path "Quy chế.Điều 6".)
  const cited = citedSection(doc, match.path);
  const head = `${documentLabel(doc)}, ${sectionLabel(cited.section, cited.attachment)}${match.title ? ` (${match.title})` : ""}`;
  const lines: string[] = [counted ? `${head} gồm ${items.length} ${nounOf(frame)}:` : `${head}:`];
  const own = match.text.length <= 500 ? linesQuote(match.text) : sentences(match.text)[0]?.text;
  if (own && !counted) {
    citations.push(citationFromDocument(doc, match.path, own));
    lines.push(`“${own}” [${citations.length}]`);
  }
  const shown = items.slice(0, counted ? TUNING.countShowItems : TUNING.listMaxItems);
  for (const s of shown) {
    citations.push(citationFromDocument(doc, s.path, itemText(s)));
    lines.push(`  ${s.path.split(".").pop()}. ${itemText(s)} [${citations.length}]`);
  }
  const more = moreNote(items.length, shown.length);
  if (more) lines.push(more.trim());
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "extractive" };
}

/** Folded words of a text, separated by single spaces (punctuation dropped). */
function foldedWords(text: string): string {
  return foldVi(text).toLowerCase().replace(/[^a-z0-9%]+/g, " ").trim();
}

/**
 * Words after "bao nhiêu"/"mấy" that end what is counted: a verb, a negation, a preposition, a time ("… doanh nghiệp
 * công nghệ số | đang hoạt động", "… xã | chưa có 5G").
 */
const COUNTED_END = new Set(
  "dang duoc co khong chua da se phai can dat la tren trong cua theo tai vao nam den tu hien thuoc nhu va o con tham nao nhung cac moi hang toi gom cho de chia thanh ve phuc voi duoi sau truoc khi ma thi bang qua cu chu nhan".split(" "),
);
// (…and a word that ranks what is counted rather than naming its kind: "lĩnh vực ưu tiên", "nhiệm vụ then chốt",
// "kết quả nổi bật" are the text's "05 lĩnh vực", whatever it calls them; a level before a place: "bao nhiêu công
// chức xã Đak Pơ" counts the commune's civil servants.)
// ("bị", the passive, says what befell them: "nhiệm vụ bị chậm tiến độ" are the text's "04 nhiệm vụ chậm tiến độ".)
for (const w of ["uu", "then", "noi", "xa", "phuong", "tinh", "huyen", "quan", "bi"]) COUNTED_END.add(w);
/** Units and measures counted ("bao nhiêu tỷ đồng", "bao nhiêu phần trăm"): the figure, not a kind of thing. */
const COUNTED_UNIT = /^(?:ty|trieu|nghin|dong|phan|%|lan|nam|thang|ngay|gio|diem|muc|so|km|ha|m2)$/;
/** What is measured, not counted ("tối đa bao nhiêu kinh phí nhiệm vụ" asks an amount of the task's money), folded. */
const MEASURED = /^(?:kinh phi|chi phi|ngan sach|von|tien|thoi gian|thoi han|ty le|dien tich)(?: |$)/;

/**
 * What a count question counts when it names a kind of thing with its qualifier: three syllables at least
 * ("doanh nghiệp công nghệ số", "trạm phát sóng 5G"), folded; null for a unit or a bare noun ("bao nhiêu nhiệm vụ").
 */
export function countedPhrase(frame: QuestionFrame): string | null {
  // Up to the first mark of punctuation ("bao nhiêu người/vạn dân", "bao nhiêu chỉ tiêu, gồm …"); short forms written
  // out ("dn khcn" is "doanh nghiệp khoa học và công nghệ").
  const m = /(?:^|\s)(?:bao nhieu|may)\s+([a-z0-9 ]+)/.exec(foldVi(expandShortForms(frame.text)).toLowerCase());
  if (!m) return null;
  const words: string[] = [];
  for (const w of m[1]!.trim().split(/\s+/)) {
    if (COUNTED_END.has(w) || /^\d/.test(w)) break;
    words.push(w);
  }
  if (words.length < 3 || COUNTED_UNIT.test(words[0]!) || MEASURED.test(words.join(" "))) return null;
  // The noun and the first word of what qualifies it ("doanh nghiệp công …" is no "doanh nghiệp khởi nghiệp …"); the
  // rest may be written otherwise ("hội nghị quán triệt Nghị quyết 57" of "hội nghị quán triệt với …").
  return words.slice(0, 3).join(" ");
}

/** Units a figure is asked in ("bao nhiêu phần trăm", "bao nhiêu tỷ đồng"), folded: what follows them is measured. */
const FIGURE_UNIT = new Set("phan tram % ty trieu nghin dong usd diem lan".split(" "));

/**
 * What a figure question measures when it names it after the unit ("bao nhiêu phần trăm lãi suất vay vốn" → "lai
 * suat"): its first two syllables, folded; null when the question names none there.
 */
export function measuredPhrase(frame: QuestionFrame): string | null {
  const m = /(?:^|\s)(?:bao nhieu|bn)\s+([a-z0-9% ]+)/.exec(foldVi(expandShortForms(frame.text)).toLowerCase());
  if (!m) return null;
  const words = m[1]!.trim().split(/\s+/);
  let i = 0;
  while (i < words.length && FIGURE_UNIT.has(words[i]!)) i++;
  if (i === 0) return null;
  const rest: string[] = [];
  for (const w of words.slice(i)) {
    if (COUNTED_END.has(w) || NOT_MEASURED.has(w) || /^\d/.test(w)) break;
    rest.push(w);
  }
  return rest.length >= 2 ? rest.slice(0, 2).join(" ") : null;
}

/** Words after a unit that say whom, what for or when, not what is measured ("… điểm đối với …", "… giai đoạn …"). */
const NOT_MEASURED = new Set("doi moi mot gi giai".split(" "));

/** A table row's cells joined by " | ", or by " ... " where tabs separated them. */
const ROW_CELLS = / \| | \.\.\. /;

/** The one year a question names (not the year inside a document's number: "27/2025/NQ-HĐND"); null for none or two. */
function yearAsked(frame: QuestionFrame): string | null {
  const years = [...new Set(frame.text.match(/(?<![\d/])(?:19|20)\d\d(?![\d/])/g) ?? [])];
  return years.length === 1 ? years[0]! : null;
}

/**
 * The cell of a table row under the one column a year the question names heads ("Năm 2026" of "STT | Chỉ tiêu | Đơn
 * vị tính | Năm 2025 | Năm 2026 | …"), as "Năm 2026: 45 %" — or null when the row and its header do not line up.
 */
function cellAsked(frame: QuestionFrame, row: Candidate["chunk"]["payload"] | undefined, kb: Knowledge): string | null {
  const year = yearAsked(frame);
  if (!row || !year || !ROW_CELLS.test(row.text)) return null;
  const header = tableHeaderLine(kb, row.documentId, row.section);
  if (!header) return null;
  const cells = (line: string) => line.replace(/^\s*\|/, "").replace(/\|\s*$/, "").split(/\s*\|\s*| \.\.\. /).map((c) => c.trim());
  let heads = cells(header);
  const values = cells(row.text);
  // The row's number is its section's label, not a cell of its text.
  if (heads.length === values.length + 1 && /^(?:STT|TT|Số TT)$/iu.test(heads[0]!)) heads = heads.slice(1);
  if (heads.length !== values.length) return null;
  const at = heads.findIndex((h) => new RegExp(`(?<!\\d)${year}(?!\\d)`).test(h));
  if (at < 0 || !values[at]) return null;
  const unit = heads.findIndex((h) => /^đơn vị tính$/iu.test(h));
  return `${heads[at]}: ${values[at]}${unit >= 0 && values[unit] ? ` ${values[unit]}` : ""}`;
}

/**
 * The year a figure question names ("năm 2028") when the indicator row answering it has a column for each of several
 * other years and none for it (nor a span of years that holds it); else null.
 */
function yearsNotAsked(frame: QuestionFrame, row: Candidate["chunk"]["payload"] | undefined, kb: Knowledge): { asked: string; years: string[] } | null {
  const year = yearAsked(frame);
  if (!row || !year || !/ (?:bao nhieu|bn|may) /.test(frame.folded) || !ROW_CELLS.test(row.text)) return null;
  const header = tableHeaderLine(kb, row.documentId, row.section);
  if (!header || /(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d/.test(header)) return null;
  const columns = [...new Set(header.match(/(?<![\d/])(?:19|20)\d\d(?![\d/])/g) ?? [])];
  return columns.length >= 2 && !columns.includes(year) ? { asked: year, years: columns } : null;
}

/** Words that end a kind's name in a question ("doanh nghiệp | bao nhiêu", "doanh nghiệp | nào"): no qualifier. */
const NOT_QUALIFIER = new Set([...COUNTED_END, "bao", "may", "gi", "ra", "nay", "do", "kia", "bn"]);

/**
 * Whether the question names a kind ("doanh nghiệp lớn") of the thing whose kinds the picked points are headed by
 * ("Doanh nghiệp siêu nhỏ", "Doanh nghiệp nhỏ", "Doanh nghiệp vừa": two sibling titles at least open with the picked
 * point's first two syllables; others, "Hợp tác xã", may stand beside them), and none of those titles has the word
 * that qualifies it: the text sets nothing for that kind.
 */
function kindNotListed(frame: QuestionFrame, picked: readonly Candidate[], kb: Knowledge): boolean {
  // (Short forms written out: "hỗ trợ htx" names "hợp tác xã".)
  const question = ` ${foldedWords(expandShortForms(frame.text))} `;
  for (const c of picked) {
    const p = c.chunk.payload;
    const cut = p.section.lastIndexOf(".");
    if (!p.sectionTitle || cut < 0) continue;
    const parent = p.section.slice(0, cut);
    const sections = kb.byId.get(p.documentId)?.sections ?? [];
    const siblings = sections.filter((s) => s.path.lastIndexOf(".") === cut && s.path.startsWith(`${parent}.`));
    const titles = siblings.filter((s) => s.title).map((s) => ` ${foldedWords(s.title!)} `);
    const head = foldedWords(p.sectionTitle).split(" ").slice(0, 2).join(" ");
    const kinds = titles.filter((t) => t.startsWith(` ${head} `));
    if (kinds.length < 2 || head.split(" ").length < 2) continue;
    const asked = new RegExp(` ${head} ([a-z0-9]+) `).exec(question)?.[1];
    if (!asked || NOT_QUALIFIER.has(asked) || /^\d/.test(asked)) continue;
    // A word the lead-in or the points use is what is done for them ("doanh nghiệp thuê giải pháp"), not a kind.
    const block = ` ${foldedWords([sections.find((s) => s.path === parent)?.text ?? "", ...siblings.map((s) => s.text)].join(" "))} `;
    if (block.includes(` ${asked} `)) continue;
    // (Anywhere in a title: "mục tiêu hết 2025" is "Mục tiêu đến hết năm 2025".)
    if (!kinds.some((t) => t.includes(` ${asked} `))) return true;
  }
  return false;
}

/** The noun a count question counts ("bao nhiêu nhiệm vụ" → "nhiệm vụ"), for saying what was counted. */
export function nounOf(frame: QuestionFrame): string {
  // Typed with or without marks ("bao nhieu dn" reads "bao nhieu doanh nghiệp" once chat forms are expanded).
  const m = /(?:bao nhiêu|bao nhieu|mấy|số lượng|so luong|tổng số|tong so|tổng cộng|tong cong)\s+(?:(?:có|co|là|la)\s+)?(?:(?:bao nhiêu|bao nhieu|mấy)\s+)?((?:\p{L}+\s?){1,3})/iu.exec(frame.text);
  // Two syllables, a compound ("nhiệm vụ"); three after a word that groups ("nhóm nội dung", "loại hình thức").
  const words = m?.[1]?.trim().split(/\s+/) ?? [];
  const noun = words.slice(0, /^(?:nhóm|nhom|loại|loai)$/iu.test(words[0] ?? "") ? 3 : 2).join(" ");
  return noun && !/^(?:là|có|được)$/u.test(noun) ? noun : "mục";
}
