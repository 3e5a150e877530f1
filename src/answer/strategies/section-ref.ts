/**
 * A part of a document named by its number, as cadres cite it: "mục V.4 Kế hoạch 118", "điểm b mục III.2", "khoản 2
 * Điều 6 Quy chế …", "nhiệm vụ số 19 (trong phụ lục) của Kế hoạch 1126". Of the one document the question is about,
 * that part is the answer — its text and items, or the task row with its lead, partners and deadline — whatever words
 * the question shares with it: a row's number is written in no cell of it. Pure.
 */
import type { Assignment, ParsedDocument } from "../../domain/model.js";
import { foldVi } from "../../text/vietnamese.js";
import { citationFromDocument, documentLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import type { Retrieval } from "../../assistant/retrieve.js";
import type { AnswerResult } from "../../assistant/types.js";
import type { QuestionFrame } from "../../understand/frame.js";
import { describeRow, rowQuote } from "./assignments.js";
import { answerSectionItems } from "./fact.js";

/** What the question names: a section's path as the parser writes it ("V.4", "Điều 6.2", "III.2.b"), or a row. */
export type SectionRef = { kind: "path"; path: string } | { kind: "row"; number: string; appendix: string | null };

const ROMAN = "[ivxl]+";
/** "điểm b khoản 2 Điều 6", "khoản 2 Điều 6", "Điều 6 khoản 2 điểm b", "Điều 6" (folded). */
const ARTICLE = /(?:^| )(?:diem ([a-z]) )?(?:khoan (\d{1,2}) )?dieu (\d{1,3})(?: khoan (\d{1,2}))?(?: diem ([a-z]))?(?= |$)/;
/** "mục V.4", "điểm b mục III.2", "phần II", "tiểu mục 2.1" (folded; Roman numerals lowercased). */
const PART = new RegExp(`(?:^| )(?:diem ([a-z]) )?(?:tieu muc|muc|phan) (${ROMAN}(?:\\.\\d{1,2})*(?:\\.[a-z])?|\\d{1,2}(?:\\.\\d{1,2})+)(?= |$)`);
/** "nhiệm vụ số 19", "nhiệm vụ thứ 5", "STT 12" (folded), not "nhiệm vụ 2026" nor "5 nhiệm vụ". */
const ROW = /(?:^| )(?:nhiem vu|stt|so thu tu) (?:so |thu )?(\d{1,3})(?= |$)(?! (?:nhiem|nhom|thang|nam|ngay|quy))/;
const APPENDIX = new RegExp(`(?:^| )phu luc (${ROMAN}|\\d{1,2})(?= |$)`);

export function sectionRef(text: string): SectionRef | null {
  const f = ` ${foldVi(text).toLowerCase().replace(/[^a-z0-9.]+/g, " ").replace(/\.(?= |$)/g, "")} `.replace(/\s+/g, " ");
  const a = ARTICLE.exec(f);
  if (a) {
    const clause = a[2] ?? a[4];
    const point = a[1] ?? a[5];
    return { kind: "path", path: [`Điều ${a[3]}`, clause, clause ? point : undefined].filter(Boolean).join(".") };
  }
  const p = PART.exec(f);
  if (p) {
    const path = p[2]!.replace(new RegExp(`^${ROMAN}`), (r) => r.toUpperCase());
    return { kind: "path", path: p[1] ? `${path}.${p[1]}` : path };
  }
  const r = ROW.exec(f);
  if (r) {
    const app = APPENDIX.exec(f)?.[1] ?? null;
    return { kind: "row", number: String(Number(r[1])), appendix: app ? app.toUpperCase() : null };
  }
  return null;
}

/** A path's own segments after a carried text's name ("Quy chế.Điều 6" → "Điều 6"; "Điều 1.V.4" → "V.4"). */
function matchesPath(sectionPath: string, path: string): boolean {
  if (sectionPath === path) return true;
  if (!sectionPath.endsWith(`.${path}`)) return false;
  const head = sectionPath.slice(0, -path.length - 1);
  // A text the document carries ("Quy chế", "Kế hoạch"), or the decision's article that holds a programme inline.
  return /^\p{Lu}\p{Ll}+(?: \p{Ll}+)*$/u.test(head) || /^Điều \d+$/u.test(head);
}

/** The sections of `doc` the reference names (one, when the question says enough). */
function sectionsNamed(doc: ParsedDocument, ref: SectionRef, folded: string): string[] {
  if (ref.kind === "path") {
    const all = doc.sections.filter((s) => matchesPath(s.path, ref.path)).map((s) => s.path);
    if (all.length <= 1) return all;
    // "Điều 6 Quy chế …": the carried text's; otherwise the document's own.
    const carried = all.filter((p) => p !== ref.path && folded.includes(` ${foldVi(p.split(".")[0]!).toLowerCase()} `));
    return carried.length === 1 ? carried : all.includes(ref.path) ? [ref.path] : [];
  }
  const rows = doc.assignments.filter((row) => row.source === "table" && row.section.split(".").pop() === ref.number);
  const paths = [...new Set(rows.map((row) => row.section))];
  if (!ref.appendix) return paths;
  // "Phụ lục II.3" (numbered appendix) or "Phụ lục.II.3" (a group II of one appendix).
  return paths.filter((p) => p.startsWith(`Phụ lục ${ref.appendix}.`) || p.startsWith(`Phụ lục.${ref.appendix}.`));
}

/**
 * Words that ask for a part's content as a whole ("… nói gì?", "quy định những gì?", "nội dung thế nào?"), folded:
 * a question with other words asks one thing of the part ("Theo Điều 5, … trong thời hạn bao lâu?"), which the
 * search finds among its clauses.
 */
const WHOLE_PART = new Set("noi gi quy dinh nhung cac noi dung la gom co yeu cau the nao nhu ra sao ve viec cu the nhu the nao ghi neu de cap van ban ke hoach muc phan dieu khoan diem tieu".split(" "));

function asksWholePart(frame: QuestionFrame, ref: SectionRef): boolean {
  if (ref.kind === "row") return true;
  const words = foldVi(frame.topic).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  // (The part's own number and letters: "v", "4", "iii", "b".)
  return words.every((w) => WHOLE_PART.has(w) || /^(?:[ivxl]+|\d+|[a-z])$/.test(w));
}

export function answerBySectionRef(frame: QuestionFrame, r: Retrieval, kb: Knowledge): AnswerResult | null {
  const ref = sectionRef(frame.text);
  if (!ref || !frame.scope.documentIds.length || frame.scope.documentIds.length > 2 || !asksWholePart(frame, ref)) return null;
  // ("… thực hiện mục III.2 của Nghị quyết 57": a part of another document named beside it is that one's.)
  if (frame.scope.named.some((n) => !n.documentIds.some((id) => frame.scope.documentIds.includes(id)))) return null;
  const folded = ` ${foldVi(frame.text).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  const found = frame.scope.documentIds
    .map((id) => kb.byId.get(id))
    .filter((d): d is ParsedDocument => Boolean(d))
    .map((doc) => ({ doc, paths: sectionsNamed(doc, ref, folded) }))
    .filter((x) => x.paths.length === 1);
  if (found.length !== 1) return null;
  const { doc, paths } = found[0]!;
  const path = paths[0]!;
  const row: Assignment | undefined = doc.assignments.find((a) => a.section === path && a.source === "table");
  if (row) {
    const quote = rowQuote(doc, row, r, kb);
    if (!quote) return null;
    return {
      mode: "answer",
      answer: `${documentLabel(doc)}, mục ${path}: ${describeRow(row, frame)}: “${quote}” [1]`,
      citations: [citationFromDocument(doc, path, quote)],
      seeAlso: [],
      via: "extractive",
    };
  }
  return answerSectionItems(doc, path, frame);
}
