/**
 * "Bao nhiêu / mấy …?": counts what it says it counts. The rows a body is assigned ("Sở X chủ trì bao nhiêu nhiệm
 * vụ?"), the rows of a task table or appendix and its groups, the items of a section. When the text itself states
 * the number ("16 tham luận"), the fact strategy quotes it instead.
 */
import type { ParsedDocument, Section } from "../../domain/model.js";
import { analyzeText } from "../../search/analyzer.js";
import { foldVi } from "../../text/vietnamese.js";
import { citationFromDocument, documentLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import type { Retrieval } from "../../assistant/retrieve.js";
import type { AnswerResult, Citation } from "../../assistant/types.js";
import { linesQuote, sentences } from "../../assistant/sentences.js";
import type { QuestionFrame } from "../../understand/frame.js";
import { TUNING, childrenOf, itemText, moreNote } from "../common.js";
import { pickEvidence, nounOf } from "./fact.js";

/** Nouns of a document's own items (folded), which counting its sections answers. */
const DOCUMENT_ITEMS = /^(?:nhiem vu|noi dung|muc|giai phap|chi tieu|nhom|yeu cau|quan diem|muc tieu|dieu|khoan|chuong|phu luc|linh vuc|van ban|hoat dong|viec|buoc|giai doan|nguyen tac|tieu chi|truong hop|hinh thuc|trach nhiem|chinh sach|chuong trinh|de an|du an|ket qua|han che|diem|co quan|don vi|to chuc|hanh vi|nganh|dia phuong|so|bo|tinh|huyen|xa|phuong|cap|ban|noi|yeu to|dot|hoi nghi|lop|tham luan|dong chi|nhom du lieu|du lieu|cong trinh)(?: |$)/;

/** A group row kept in its table's section when the numbering runs on through the groups: "III | Phát triển …". */
const RUN_ON_GROUP = /^[IVXL]+\s*\|\s*\S/u;

const isGroup = (s: Section) => /(?:^|\.)[IVXL]+$/.test(s.path) && !/^Điều/.test(s.path.split(".").pop()!);
const isRow = (s: Section) => /(?:^|\.)\d+$/.test(s.path);

/**
 * Leaf items under a section: its children, or the rows under its group children; with `leaves`, the items under
 * children that are only headings ("III. NHIỆM VỤ" → "1. Thể chế" → "a) …": the tasks are the a), b) …).
 */
function itemsUnder(doc: ParsedDocument, path: string, leaves = false): { items: Section[]; groups: Section[] } {
  const children = childrenOf(doc, path);
  const groups = children.filter((c) => isGroup(c) && childrenOf(doc, c.path).length > 0);
  if (groups.length && groups.length >= children.length / 2) {
    return { items: groups.flatMap((g) => childrenOf(doc, g.path).filter(isRow)), groups };
  }
  if (leaves && children.length && children.every((c) => !c.text.trim() && childrenOf(doc, c.path).length)) {
    return { items: children.flatMap((c) => childrenOf(doc, c.path)), groups: [] };
  }
  return { items: children, groups: [] };
}

function docsOf(frame: QuestionFrame, r: Retrieval, kb: Knowledge): ParsedDocument[] {
  const ids = frame.scope.documentIds.length ? frame.scope.documentIds : [...new Set(r.candidates.slice(0, 3).map((c) => c.chunk.payload.documentId))];
  return ids.map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d));
}

/** Rows a body named in the question is assigned, in the documents in scope ("Sở KH&CN chủ trì bao nhiêu nhiệm vụ?"). */
function countForBody(frame: QuestionFrame, r: Retrieval, kb: Knowledge, docs: ParsedDocument[]): AnswerResult | null {
  const q = analyzeText(frame.text).counts;
  const wantsLead = / chu tri /.test(frame.folded);
  const wantsPartner = / phoi hop /.test(frame.folded) && !wantsLead;
  const inAppendix = / phu luc /.test(frame.folded);
  const foldedText = ` ${foldVi(frame.text).toLowerCase().replace(/[^a-z0-9&]+/g, " ")} `;
  for (const doc of docs) {
    const byBody = new Map<string, typeof doc.assignments>();
    for (const row of doc.assignments) {
      // The body's whole name, as typed ("Sở Khoa học và Công nghệ"), not a part of it ("Văn phòng Trung ương").
      const name = foldVi(row.assignee.replace(/^(?:Các|các)\s+/u, "")).toLowerCase().replace(/[^a-z0-9&]+/g, " ").trim();
      const pairs = [...analyzeText(row.assignee).counts.keys()].filter((k) => k.startsWith("fp:"));
      if (!pairs.length || !(foldedText.includes(` ${name} `) || pairs.every((k) => q.has(k)))) continue;
      if (wantsLead && row.role !== "chủ trì") continue;
      if (wantsPartner && row.role !== "phối hợp") continue;
      if (inAppendix && !row.section.startsWith("Phụ lục")) continue;
      const list = byBody.get(row.assignee) ?? [];
      list.push(row);
      byBody.set(row.assignee, list);
    }
    const [body, rows] = [...byBody].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    if (!body || !rows?.length) continue;
    let unique = rows.filter((row, i) => rows.findIndex((o) => o.section === row.section && o.task === row.task) === i);
    // One row holding a list of duties (bullets under the body's item): the duties are what is counted.
    if (unique.length === 1) {
      const section = doc.sections.find((sec) => sec.path === unique[0]!.section);
      const bullets = (section?.text ?? "").split("\n").filter((l) => /^[-–—•*+]\s*\S/u.test(l));
      if (bullets.length >= 2) unique = bullets.map((b) => ({ ...unique[0]!, task: b.replace(/^[-–—•*+]\s*/u, "") }));
    }
    const citations: Citation[] = [];
    const lines = [`${documentLabel(doc)}${inAppendix ? " (phụ lục)" : ""} giao ${body} ${wantsLead ? "chủ trì " : wantsPartner ? "phối hợp " : ""}${unique.length} ${nounOf(frame) === "mục" ? "nhiệm vụ" : nounOf(frame)}:`];
    for (const row of unique.slice(0, TUNING.countShowItems)) {
      const section = doc.sections.find((s) => s.path === row.section);
      const quote = (section?.text.split("\n").find((l) => l.includes(row.task.slice(0, 30))) ?? (section ? linesQuote(section.text) : row.task)).replace(/\n/g, " ");
      citations.push(citationFromDocument(doc, row.section, quote));
      lines.push(`  – mục ${row.section}: ${row.task}${row.deadline ? ` (thời hạn: ${row.deadline})` : ""} [${citations.length}]`);
    }
    const more = moreNote(unique.length, Math.min(unique.length, TUNING.countShowItems));
    if (more) lines.push(more.trim());
    return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "assignments" };
  }
  return null;
}

/** The second thing a "mấy nhóm và bao nhiêu nhiệm vụ" question counts. */
function nounAfterGroups(frame: QuestionFrame): string {
  const m = /(nhiệm vụ|chỉ tiêu|nội dung|giải pháp)/iu.exec(frame.text);
  return m ? m[1]!.toLowerCase() : "mục";
}

/**
 * What a question counts, each as typed after "bao nhiêu"/"mấy", folded: "có bao nhiêu nhiệm vụ cụ thể, chia thành mấy
 * nhóm" → ["nhiem vu cu the", "nhom"] (up to a verb, a preposition or a mark).
 */
export function countedThings(text: string): string[] {
  const out: string[] = [];
  for (const part of foldVi(text).toLowerCase().split(/(?:^|\s)(?:bao nhieu|may)\s+/).slice(1)) {
    const words: string[] = [];
    for (const w of (/^[a-z ]+/.exec(part)?.[0] ?? "").trim().split(/\s+/).filter(Boolean)) {
      if (COUNT_STOP.has(w) || words.length >= 4) break;
      words.push(w);
    }
    if (words.length) out.push(words.join(" "));
  }
  return out;
}
const COUNT_STOP = new Set("chia thanh gom co la duoc trong cua theo tai va voi de cho o nao gi".split(" "));

/**
 * "Kế hoạch 118 có bao nhiêu nhiệm vụ cụ thể, chia thành mấy nhóm?" of a passage of the document asked that states
 * each ("05 nhóm nhiệm vụ, giải pháp với 25 nhiệm vụ cụ thể"): that sentence answers, whatever else of the question's
 * words it lacks. Only when two things are counted, or one with the words that qualify it (three at least): a bare
 * "bao nhiêu nhiệm vụ" is counted from the items instead.
 */
function statedCounts(frame: QuestionFrame, r: Retrieval, kb: Knowledge): AnswerResult | null {
  const things = countedThings(frame.text);
  if (!frame.scope.documentIds.length || !things.length || (things.length < 2 && things[0]!.split(" ").length < 3)) return null;
  const patterns = things.map((t) => new RegExp(`(?:^|[^\\d])\\d+ (?:[a-z]+ ){0,2}${t}(?![a-z])`));
  for (const c of r.candidates.slice(0, 10)) {
    const p = c.chunk.payload;
    if (!frame.scope.documentIds.includes(p.documentId) || p.kind !== "section") continue;
    for (const sentence of sentences(p.text)) {
      const folded = foldVi(sentence.text).toLowerCase().replace(/[^a-z0-9]+/g, " ");
      if (!patterns.every((re) => re.test(folded))) continue;
      const doc = kb.byId.get(p.documentId);
      if (!doc) return null;
      // (The line that holds it, when short: "Có ít nhất 20 doanh nghiệp …; 60% doanh nghiệp nhỏ và vừa …" answers the
      // rest of a question that asks a share beside the count.)
      const line = p.text.split("\n").find((l) => l.includes(sentence.text));
      const quote = line && line.length <= TUNING.quoteMaxChars ? line.trim() : sentence.text;
      return {
        mode: "answer",
        answer: `${documentLabel(doc)}, mục ${p.section}: “${quote}” [1]`,
        citations: [citationFromDocument(doc, p.section, quote)],
        seeAlso: [],
        via: "extractive",
      };
    }
  }
  return null;
}

export function answerCount(frame: QuestionFrame, r: Retrieval, kb: Knowledge): AnswerResult | null {
  const docs = docsOf(frame, r, kb);
  const body = countForBody(frame, r, kb, docs);
  if (body) return body;
  const statedAll = statedCounts(frame, r, kb);
  if (statedAll) return statedAll;
  const noun = nounOf(frame);
  const nounFold = foldVi(noun).toLowerCase();
  const evidence = pickEvidence(r, 3);
  // Things in the world ("bao nhiêu doanh nghiệp khởi nghiệp", "mấy trạm 5G") are counted by the text, in a target
  // or a figure it states; only a document's own items (tasks, contents, groups, articles) are counted here.
  const ownItems = DOCUMENT_ITEMS.test(nounFold);
  // What to count: an appendix (or one of its groups) when the question speaks of one; else the best section.
  let target: { doc: ParsedDocument; path: string } | null = null;
  let groupNamed = false;
  if (ownItems && / phu luc | bang /.test(frame.folded)) {
    for (const doc of docs) {
      const roots = doc.sections.filter((s) => /^Phụ lục[^.]*$/.test(s.path));
      if (!roots.length) continue;
      // A group the question names ("về xã hội số") narrows the count to it.
      const groups = doc.sections.filter((s) => /^Phụ lục[^.]*\.[IVXL]+$/.test(s.path) && s.title);
      const named = groups.find((g) => foldVi(frame.text).toLowerCase().includes(foldVi(g.title!.replace(/^[IVXL]+\.\s*/, "")).toLowerCase().trim()));
      target = { doc, path: named?.path ?? roots[0]!.path };
      groupNamed = Boolean(named);
      break;
    }
  }
  // The text states the number next to the noun ("có 16 tham luận", "6 nhóm nhiệm vụ"): quote it, do not count —
  // unless the question asks of one group of an appendix, whose items the text counts nowhere ("20 nhiệm vụ, chia
  // thành 03 nhóm" is the whole table's).
  const stated = new RegExp(`(?:^|[^\\d])\\d+\\s+${nounFold.split(/\s+/)[0]}(?![a-z])`, "u");
  if (!groupNamed && evidence.some((c) => stated.test(foldVi(c.chunk.payload.text).toLowerCase()))) return null;
  if (!ownItems) return null;
  // A section the question names by its number ("Mục III của Kế hoạch …", "phần II").
  const byNumber = /(?:^|\s)(?:mục|phần|muc|phan)\s+([IVXL]+(?:\.\d+)*|\d+(?:\.\d+)+)(?![\p{L}\d])/iu.exec(frame.text);
  // An article, or a clause of it ("Điều 2 …", "khoản 4 Điều 2"): its path is written so.
  const article = /(?:^|\s)(?:(?:khoản|khoan)\s+(\d+)\s+)?(?:điều|dieu)\s+(\d+)(?![\p{L}\d])/iu.exec(frame.text);
  const named = byNumber ? byNumber[1]!.toUpperCase() : article ? `Điều ${article[2]}${article[1] ? `.${article[1]}` : ""}` : null;
  if (!target && named) {
    for (const doc of docs) {
      if (childrenOf(doc, named).length) {
        target = { doc, path: named };
        break;
      }
    }
  }
  // A section the question names by its title ("phần tổ chức thực hiện", "mục phát triển nền móng …").
  if (!target) {
    const q = ` ${foldVi(frame.text).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
    for (const doc of docs) {
      // Most of the title's words in the question ("nhiệm vụ trọng tâm đến tháng 6/2027" for "Về phương hướng, nhiệm
      // vụ trọng tâm đến tháng 6/2027").
      const share = (title: string) => {
        const words = foldVi(title).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter((w) => w.length > 1);
        return words.length ? words.filter((w) => q.includes(` ${w} `)).length / words.length : 0;
      };
      const named = doc.sections
        .filter((sec) => sec.title && sec.title.length >= 8 && childrenOf(doc, sec.path).length && share(sec.title) >= 0.7)
        .sort((a, b) => share(b.title!) - share(a.title!))[0];
      if (named) {
        target = { doc, path: named.path };
        break;
      }
    }
  }
  if (!target) {
    const best = evidence.find((c) => c.chunk.payload.kind === "section");
    if (!best) return null;
    const doc = kb.byId.get(best.chunk.payload.documentId);
    if (!doc) return null;
    let path = best.chunk.payload.section;
    // A leaf counts its siblings ("mục III gồm bao nhiêu nội dung" lands on one of them).
    if (!childrenOf(doc, path).length && path.includes(".")) path = path.slice(0, path.lastIndexOf("."));
    if (!childrenOf(doc, path).length) return null;
    target = { doc, path };
  }
  const { doc, path } = target;
  const section = doc.sections.find((s) => s.path === path);
  // Tasks ("bao nhiêu nhiệm vụ") are the items under the headings that group them.
  const { items, groups } = itemsUnder(doc, path, /^nhiem vu/.test(nounFold));
  if (!items.length) return null;
  // Groups of a table numbered straight through ("I | Nâng cao nhận thức …" rows, tasks 1 … 27) stay lines of the
  // table's own section: "bao nhiêu nhóm" counts those.
  const runOn = groups.length ? [] : (section?.text ?? "").split("\n").filter((l) => RUN_ON_GROUP.test(l));
  if (/^nhom/.test(nounFold) && runOn.length >= 2) {
    const citations = runOn.slice(0, TUNING.countShowItems).map((l) => citationFromDocument(doc, path, l));
    const itemNoun = /nhiem vu|chi tieu|noi dung|giai phap/.test(foldVi(frame.text).toLowerCase()) ? nounAfterGroups(frame) : "nhiệm vụ";
    const lines = [`${documentLabel(doc)}, mục ${path}${section?.title ? ` (${section.title})` : ""} có ${runOn.length} nhóm, ${items.length} ${itemNoun}:`];
    runOn.slice(0, TUNING.countShowItems).forEach((l, i) => lines.push(`  ${l.replace(/\s*\|\s*/, ". ")} [${i + 1}]`));
    const more = moreNote(runOn.length, citations.length);
    if (more) lines.push(more.trim());
    return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "extractive" };
  }
  const countGroups = /^nhom/.test(nounFold) && groups.length > 0;
  const counted = countGroups ? groups : items;
  const citations: Citation[] = [];
  const where = `${documentLabel(doc)}, ${path ? `mục ${path}` : "phần mở đầu"}${section?.title ? ` (${section.title})` : ""}`;
  // With groups, both counts are said: "7 nhóm, 25 nhiệm vụ".
  const itemNoun = countGroups ? (/nhiem vu|chi tieu|noi dung|giai phap/.exec(foldVi(frame.text).toLowerCase())?.[0] ? nounAfterGroups(frame) : "mục") : noun;
  const summary = groups.length ? `${groups.length} nhóm, ${items.length} ${itemNoun}` : `${counted.length} ${noun}`;
  const lines = [`${where} có ${summary}:`];
  for (const s of counted.slice(0, TUNING.countShowItems)) {
    const t = itemText(s);
    if (!t) continue;
    citations.push(citationFromDocument(doc, s.path, t));
    lines.push(`  ${s.path.split(".").slice(path ? path.split(".").length : 0).join(".")}. ${t} [${citations.length}]`);
  }
  const more = moreNote(counted.length, Math.min(counted.length, TUNING.countShowItems));
  if (more) lines.push(more.trim());
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "extractive" };
}
