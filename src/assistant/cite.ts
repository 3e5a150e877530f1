/** Citations: built from the index, never from a model; and the way a cadre writes them. */
import type { ParsedDocument } from "../domain/model.js";
import { displayDate } from "../domain/numbers.js";
import { PAGE_TYPE } from "../domain/vocabulary.js";
import type { ChunkPayload } from "../search/types.js";
import type { Citation } from "./types.js";

export function citationFromPayload(p: ChunkPayload, quote: string): Citation {
  return {
    documentId: p.documentId,
    docType: p.docType,
    number: p.number,
    issuer: p.issuer,
    place: p.place,
    date: p.date,
    title: p.title,
    section: p.section,
    sectionTitle: p.sectionTitle,
    quote,
  };
}

export function citationFromDocument(doc: ParsedDocument, section: string, quote: string): Citation {
  const s = doc.sections.find((x) => x.path === section);
  return {
    documentId: doc.id,
    docType: doc.docType,
    number: doc.number,
    issuer: doc.issuer,
    place: doc.place,
    date: doc.date,
    title: doc.title,
    section,
    sectionTitle: s?.title ?? null,
    quote,
  };
}

/** "Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi" / "Kế hoạch (không số) của …". */
export function documentLabel(c: { docType?: string | null; number?: string | null; date?: string | null; issuer?: string | null }): string {
  const num = c.number?.trim() ? ` số ${c.number.trim()}` : " (không số)";
  const date = c.date ? ` ngày ${displayDate(c.date)}` : "";
  const issuer = c.issuer?.trim();
  // Neither number nor issuer nor type: a page that is no official text (news, questions and answers) is cited as
  // what it is, never as the document it quotes.
  if (!c.number?.trim() && !issuer && (!c.docType?.trim() || c.docType === "Văn bản")) return `Tài liệu không rõ số hiệu, cơ quan ban hành${date}`;
  if (c.docType === PAGE_TYPE) return `Bài trên trang ${issuer || "thông tin điện tử"}${date} (không phải văn bản chính thức)`;
  return `${c.docType?.trim() || "Văn bản"}${num}${date}${issuer ? ` của ${issuer}` : ""}`;
}

/**
 * "mục III.2"; the text before the first numbered heading (and the header/signature) is "phần mở đầu"; a section of an
 * attached text by its own numbering, the text named: "mục V.1 Chương trình hành động kèm theo".
 */
export function sectionLabel(section: string, attachment?: string | null): string {
  if (!section.trim()) return "phần mở đầu";
  return attachment ? `mục ${section.trim()} ${attachment} kèm theo` : `mục ${section.trim()}`;
}

/**
 * The first part of a section path that names an attached text rather than numbering a part ("Phụ lục", "Kế hoạch",
 * "Chương trình hành động", "Báo cáo"); null for "III", "Điều 5", "Chương II".
 */
export function attachmentOf(path: string): string | null {
  const top = path.split(".")[0]!;
  if (top === path || !/^\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)*$/u.test(top) || /^(?:Điều|Chương|Mục|Phần|Khoản|Điểm)$/u.test(top)) return null;
  return top;
}

const OWN_NUMBERING = /^(?:Kế hoạch(?: hành động)?|Chương trình(?: hành động)?|Quy chế|Quy định|Đề án|Hướng dẫn|Điều lệ)$/u;

/**
 * A section path as a cadre cites it (see Citation.section): an attached text's own numbering when no other part of
 * the document cited by its bare numbering is numbered the same at the top ("Chương trình hành động.V.1" → "V.1" in a
 * decision of Điều 1…3, beside an appendix cited "Phụ lục.II.6"), else the path as it is.
 */
export function citedSection(doc: { sections: readonly { path: string }[] }, path: string): { section: string; attachment: string | null } {
  const attachment = attachmentOf(path);
  // An appendix, or the outline of a report a letter asks for, is cited with its name ("Phụ lục", row 5): only a text
  // with parts of its own (the plan or programme a decision issues) is cited by its own numbering.
  if (!attachment || !OWN_NUMBERING.test(attachment)) return { section: path, attachment: null };
  const own = path.slice(attachment.length + 1);
  // Another part cited by its bare numbering and numbered the same at the top (the decision's own "I", another attached
  // text's "II"): "II.6" would be read as that part's, so the attached text stays named in the path. An appendix is
  // always cited with its name ("Phụ lục.II.6"), so its "II" is no clash.
  const top = own.split(".")[0];
  const clash = doc.sections.some((s) => {
    const other = attachmentOf(s.path);
    if (other === attachment || (other !== null && !OWN_NUMBERING.test(other))) return false;
    return (other ? s.path.slice(other.length + 1) : s.path).split(".")[0] === top;
  });
  return clash ? { section: path, attachment: null } : { section: own, attachment };
}

/** The section of `doc` a cited path names: the path itself, or an attached text's own numbering (citedSection). */
export function sectionByCitedPath<S extends { path: string }>(doc: { sections: readonly S[] }, path: string): S | undefined {
  return doc.sections.find((s) => s.path === path) ?? doc.sections.find((s) => attachmentOf(s.path) !== null && citedSection(doc, s.path).section === path);
}

/**
 * An answer as cadres cite: each citation's section by citedSection, and the answer's "mục <path>" written the same
 * way. (Retrieval and the strategies keep the index's paths; this is the last step before the answer leaves.)
 */
export function citeAsWritten(result: { answer: string; citations: Citation[]; seeAlso: Citation[] }, docOf: (id: string) => { sections: readonly { path: string }[] } | undefined): void {
  const renamed = new Map<string, string>();
  const fix = (c: Citation) => {
    const doc = docOf(c.documentId);
    if (!doc || c.attachment !== undefined) return;
    const { section, attachment } = citedSection(doc, c.section);
    if (attachment) renamed.set(c.section, sectionLabel(section, attachment));
    c.section = section;
    c.attachment = attachment;
  };
  result.citations.forEach(fix);
  result.seeAlso.forEach(fix);
  for (const [path, label] of renamed) {
    result.answer = result.answer.replace(new RegExp(`mục ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\d.])`, "gu"), label);
  }
}

/** "…, mục III.2". */
export function formatCitation(c: Citation): string {
  return `${documentLabel(c)}, ${sectionLabel(c.section, c.attachment)}`;
}
