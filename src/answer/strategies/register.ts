/**
 * Tasks by body and time, from the task register: "Sở Tài chính phải làm gì trước quý 2/2026?", "KH 552 có những
 * việc nào đến hạn trong tháng 6/2026?", "30 ngày tới Sở KH&CN có việc gì đến hạn?". Every task the register holds
 * for the body (as lead, partner or addressee of reports) in the documents in scope whose deadline falls in the
 * window, soonest first, each quoting its row or sentence.
 */
import type { ParsedDocument } from "../../domain/model.js";
import { displayDate } from "../../domain/numbers.js";
import { RECURRING_WORDS } from "../../domain/vocabulary.js";
import { citationFromDocument, documentLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import type { Retrieval } from "../../assistant/retrieve.js";
import type { AnswerResult, Citation } from "../../assistant/types.js";
import { type TaskRegister, buildRegister } from "../../tasks/register.js";
import type { QuestionFrame } from "../../understand/frame.js";
import type { TaskRepeat, TaskWindow } from "../../understand/window.js";
import { TUNING, moreNote } from "../common.js";
import { rowQuote } from "./assignments.js";

/** One register per corpus version (a re-index replaces the documents array, never mutates it). */
const registers = new WeakMap<readonly ParsedDocument[], TaskRegister>();

function registerOf(kb: Knowledge): TaskRegister {
  let reg = registers.get(kb.documents);
  if (!reg) registers.set(kb.documents, (reg = buildRegister(kb.documents)));
  return reg;
}

/** What the question holds tasks to: a window of deadlines, or a repeat ("hằng năm"). */
export type TaskFilter = { window: TaskWindow } | { repeat: TaskRepeat };

const REPEAT_WORDS: Record<TaskRepeat, string> = {
  yearly: "hằng năm",
  "half-yearly": "định kỳ 6 tháng",
  quarterly: "hằng quý",
  monthly: "hằng tháng",
  ongoing: "thường xuyên",
};

export function answerFromRegister(frame: QuestionFrame, r: Retrieval, kb: Knowledge, filter: TaskFilter, today: string): AnswerResult | null {
  if ("repeat" in filter) return answerRepeating(frame, r, kb, filter.repeat, today);
  const { window } = filter;
  const documentIds = frame.scope.documentIds.length ? frame.scope.documentIds : undefined;
  // A body or a document to hold the list to: the whole corpus's tasks of a quarter are no answer to read in a chat.
  if (!frame.body && !documentIds) return null;
  const register = registerOf(kb);
  const query = { body: frame.body ?? undefined, documentIds, today };
  const all = register.query(query);
  if (frame.body && !all.length) return null; // the register does not know the body: the text answers instead
  const inWindow = (window.exact ? all.filter((m) => m.record.deadline?.normalized === window.exact) : register.query({ ...query, dueBefore: window.to, dueFrom: window.from ?? undefined }))
    .sort((a, b) => (a.due ?? "").localeCompare(b.due ?? "") || a.record.document.id.localeCompare(b.record.document.id) || a.record.section.localeCompare(b.record.section));
  const { bodyName, where } = scopeWords(frame, kb, register, documentIds);
  const whose = bodyName ? `của ${bodyName}` : "";
  const span = window.exact ? "ghi đúng như vậy" : window.from ? `từ ${displayDate(window.from)} đến ${displayDate(window.to)}` : `đến hết ngày ${displayDate(window.to)}`;
  const undated = all.filter((m) => !m.due).length;
  const rest = undated ? ` (${undated} nhiệm vụ ${whose} thường xuyên, định kỳ hoặc không ghi thời hạn cụ thể không tính ở đây.)`.replace(/\s+/g, " ") : "";
  if (!inWindow.length) {
    return {
      mode: "not_found",
      answer: `Không thấy nhiệm vụ nào ${whose}${where} có thời hạn ${span} (“${window.text}”).${rest}`.replace(/\s+/g, " "),
      citations: [],
      seeAlso: [],
      via: "assignments",
    };
  }
  const { citations, lines } = citeRows(
    inWindow,
    r,
    kb,
    (m, doc, n) => `• ${m.record.deadline?.text ?? ""} — ${m.record.task} (${roles(m.role, m.record.leads, m.record.partners)}) — ${documentLabel(doc)}, mục ${m.record.section} [${n}]`,
  );
  lines.unshift(`Nhiệm vụ ${whose}${where} có thời hạn ${span} (“${window.text}”): ${inWindow.length} nhiệm vụ.`.replace(/\s+/g, " "));
  const more = moreNote(inWindow.length, Math.min(inWindow.length, TUNING.listMaxItems)).trim();
  if (more) lines.push(more);
  if (rest) lines.push(rest.trim());
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "assignments" };
}

type Match = ReturnType<TaskRegister["query"]>[number];

/** The body as the documents name it ("so khcn" → "Sở Khoa học và Công nghệ"), and " trong <documents>" for one or two. */
function scopeWords(frame: QuestionFrame, kb: Knowledge, register: TaskRegister, documentIds: string[] | undefined): { bodyName: string | null; where: string } {
  const bodyName = frame.body ? (register.bodiesNamed(frame.body)[0]?.name ?? frame.body) : null;
  const where = documentIds && documentIds.length <= 2 ? ` trong ${documentIds.map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d)).map(documentLabel).join("; ")}` : "";
  return { bodyName, where };
}

/** The first rows of a list, each quoted from its document and cited; `describe` writes its line (n: its citation). */
function citeRows(matches: Match[], r: Retrieval, kb: Knowledge, describe: (m: Match, doc: ParsedDocument, n: number) => string): { citations: Citation[]; lines: string[] } {
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const m of matches.slice(0, TUNING.listMaxItems)) {
    const doc = kb.byId.get(m.record.document.id);
    if (!doc) continue;
    const quote = rowQuote(doc, m.record, r, kb);
    if (!quote) continue;
    citations.push(citationFromDocument(doc, m.record.section, quote));
    lines.push(describe(m, doc, citations.length));
  }
  return { citations, lines };
}

/** "chủ trì; phối hợp: Sở A, Sở B" for the body asked about; "chủ trì: Sở X; phối hợp: …" when none was. */
function roles(role: string | null, leads: string[], partners: string[]): string {
  const withWhom = partners.length ? `phối hợp: ${partners.join(", ")}` : "";
  if (role === "chủ trì") return ["chủ trì", withWhom].filter(Boolean).join("; ");
  const lead = leads.length ? `chủ trì: ${leads.join(", ")}` : "";
  return [role, lead, role === "phối hợp" ? "" : withWhom].filter(Boolean).join("; ");
}

/**
 * Does a task's own text say it repeats so ("ban hành kế hoạch trước ngày 15/10/2025; báo cáo kết quả định kỳ hằng quý
 * …"), when its deadline field gives only its first date?
 */
function repeatsIn(task: string, repeat: TaskRepeat): boolean {
  return RECURRING_WORDS.some(([re, kind]) => kind === repeat && re.test(task));
}

/** "Những nhiệm vụ nào có thời hạn hằng năm?": the tasks in scope whose deadline repeats so, in document order. */
function answerRepeating(frame: QuestionFrame, r: Retrieval, kb: Knowledge, repeat: TaskRepeat, today: string): AnswerResult | null {
  const documentIds = frame.scope.documentIds.length ? frame.scope.documentIds : undefined;
  if (!frame.body && !documentIds) return null;
  const register = registerOf(kb);
  const all = register.query({ body: frame.body ?? undefined, documentIds, today });
  if (!all.length) return null;
  // "Phụ lục" named: its rows only.
  const inAppendix = / phu luc /.test(frame.folded);
  const matching = all.filter(
    (m) =>
      ((repeat === "ongoing" ? m.record.deadline?.kind === "ongoing" : m.record.deadline?.recurring === repeat) || (repeat !== "ongoing" && repeatsIn(m.record.task, repeat))) &&
      (!inAppendix || m.record.section.startsWith("Phụ lục")),
  );
  const { bodyName, where } = scopeWords(frame, kb, register, documentIds);
  const whose = bodyName ? ` của ${bodyName}` : "";
  if (!matching.length) {
    return { mode: "not_found", answer: `Không thấy nhiệm vụ nào${whose}${where}${inAppendix ? " (phụ lục)" : ""} có thời hạn ${REPEAT_WORDS[repeat]}.`, citations: [], seeAlso: [], via: "assignments" };
  }
  const { citations, lines } = citeRows(
    matching,
    r,
    kb,
    (m, _doc, n) => `• ${m.record.task} (${roles(m.role, m.record.leads, m.record.partners)}; thời hạn: ${m.record.deadline?.text ?? ""}) — mục ${m.record.section} [${n}]`,
  );
  lines.unshift(`Nhiệm vụ${whose}${where}${inAppendix ? " (phụ lục)" : ""} có thời hạn ${REPEAT_WORDS[repeat]}: ${matching.length} nhiệm vụ.`);
  const more = moreNote(matching.length, Math.min(matching.length, TUNING.listMaxItems)).trim();
  if (more) lines.push(more);
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "assignments" };
}
