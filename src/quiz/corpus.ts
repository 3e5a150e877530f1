/**
 * What the generators share, built once per bank in one pass over the corpus (linear in its size):
 * - the attested-phrase index ("does the corpus use this filled-in phrase?");
 * - bodies by level, and which bodies the corpus gives which task ("a distractor that would also be right");
 * - pools of headings and enumeration items, for distractors of the same kind from other documents.
 * And, per document, a DocContext built when the generators reach it and dropped after: its section tree, the
 * syllable pairs it uses and which of them are generic in it.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import type { ParsedDocument, Section } from "../domain/model.js";
import { foldVi } from "../text/vietnamese.js";
import { PhraseIndex, syllablesOf } from "./attested.js";
import { bodyLevel, CENTRAL_BODIES, cleanBody, type Level } from "./bodies.js";
import { enumerations } from "./sentences.js";
import { normCheck } from "./text.js";
import { QUIZ_TUNING } from "./tuning.js";

export interface QuizCorpus {
  kb: Knowledge;
  phrases: PhraseIndex;
  /** Bodies of each level (central, province, …), one spelling each. */
  bodies: Map<Level, string[]>;
  /** Folded names of every body above (to find bodies named in a sentence). */
  bodyKeys: Set<string>;
  /** Task key → folded names of the bodies the corpus gives that task. */
  taskBodies: Map<string, Set<string>>;
  /** Section headings of every document (short ones). */
  headings: string[];
  /** Items of enumerations ("khu công nghệ cao, trung tâm tài chính, quỹ đầu tư mạo hiểm…") of every document. */
  terms: string[];
}

/** Which task an assignment row is, for "does the corpus give this task to that body?": its first words. */
export function taskKey(task: string): string {
  return syllablesOf(task).slice(0, 10).join(" ");
}

export const bodyKey = (body: string) => foldVi(normCheck(body));

export function buildQuizCorpus(kb: Knowledge): QuizCorpus {
  const phrases = new PhraseIndex();
  const bodies = new Map<Level, Map<string, string>>();
  const taskBodies = new Map<string, Set<string>>();
  const headings = new Map<string, string>();
  const terms = new Map<string, string>();
  const addBody = (raw: string | null | undefined) => {
    const b = raw && cleanBody(raw);
    if (!b) return;
    const level = bodyLevel(b);
    if (!bodies.has(level)) bodies.set(level, new Map());
    const m = bodies.get(level)!;
    const k = bodyKey(b);
    if (!m.has(k)) m.set(k, b);
  };
  for (const b of CENTRAL_BODIES) addBody(b);
  for (const doc of kb.documents) {
    for (const line of doc.header ?? []) phrases.add(line);
    for (const line of doc.closing ?? []) phrases.add(line);
    for (const s of doc.sections) {
      if (s.title) {
        phrases.add(s.title);
        const h = s.title.replace(/\s+/g, " ").trim();
        if (h.length >= 15 && h.length <= QUIZ_TUNING.optionChars && !headings.has(normCheck(h))) headings.set(normCheck(h), h);
      }
      phrases.add(s.text);
      for (const e of enumerations(s.text)) for (const item of e.items) if (!terms.has(normCheck(item.text))) terms.set(normCheck(item.text), item.text);
    }
    addBody(doc.issuer);
    for (const a of doc.assignments) {
      addBody(a.assignee);
      for (const p of a.partners) addBody(p);
      const key = taskKey(a.task);
      if (!taskBodies.has(key)) taskBodies.set(key, new Set());
      taskBodies.get(key)!.add(bodyKey(a.assignee));
    }
    for (const r of doc.references) addBody(r.issuer);
  }
  return {
    kb,
    phrases,
    bodies: new Map([...bodies].map(([level, m]) => [level, [...m.values()]])),
    bodyKeys: new Set([...bodies.values()].flatMap((m) => [...m.keys()])),
    taskBodies,
    headings: [...headings.values()],
    terms: [...terms.values()],
  };
}

/** Syllable pairs of directive prose that identify no sentence, whatever the document. */
const GENERIC_PAIRS = new Set(
  [
    "tăng cường", "đẩy mạnh", "nâng cao", "thực hiện", "triển khai", "tổ chức", "xây dựng", "phát triển", "hoàn thiện", "đổi mới",
    "công tác", "nhiệm vụ", "giải pháp", "hiệu quả", "chất lượng", "kiểm tra", "giám sát", "lãnh đạo", "chỉ đạo", "quản lý",
    "phối hợp", "hướng dẫn", "cơ quan", "đơn vị", "địa phương", "tích cực", "mạnh mẽ", "kịp thời", "thường xuyên", "đôn đốc",
    "theo dõi", "tuyên truyền", "quán triệt", "nghiên cứu", "cụ thể", "liên quan", "yêu cầu", "nội dung", "kết quả", "tình hình",
    "chủ động", "trách nhiệm", "nhận thức", "tập trung", "ưu tiên", "khuyến khích", "hỗ trợ", "tạo điều", "điều kiện", "thuận lợi",
    "phù hợp", "bảo đảm", "đảm bảo", "cán bộ", "đảng viên", "nhân dân", "xã hội", "kinh tế", "hoạt động", "chính sách", "cơ chế",
    "vai trò", "sơ kết", "tổng kết", "báo cáo", "đánh giá", "sử dụng", "ứng dụng", "trọng tâm", "trọng điểm", "chủ yếu", "toàn diện",
    "đồng bộ", "các cấp", "các ngành", "người đứng", "đứng đầu", "phát huy", "góp phần", "thúc đẩy", "nguồn lực", "đáp ứng",
  ].map(normCheck),
);

export interface DocContext {
  doc: ParsedDocument;
  level: Level;
  /** Sections by path, and the direct children of each path in document order. */
  section: Map<string, Section>;
  children: Map<string, Section[]>;
  /** Syllable pairs the document uses anywhere (header, sections, closing). */
  pairs: Set<string>;
  /** Syllable pair → number of the document's sections using it. */
  pairSections: Map<string, number>;
  sectionCount: number;
}

export function parentPath(path: string): string {
  const i = path.lastIndexOf(".");
  return i < 0 ? "" : path.slice(0, i);
}

/** Adjacent syllable pairs of a text (within punctuation-free runs). */
export function pairsOf(text: string): string[] {
  const out: string[] = [];
  for (const run of normCheck(text).split(/[^\p{L}\p{N}\s]+/u)) {
    const s = run.split(/\s+/).filter(Boolean);
    for (let i = 0; i + 1 < s.length; i++) out.push(`${s[i]} ${s[i + 1]}`);
  }
  return out;
}

export function docContext(doc: ParsedDocument): DocContext {
  const section = new Map<string, Section>();
  const children = new Map<string, Section[]>();
  const pairs = new Set<string>();
  const pairSections = new Map<string, number>();
  for (const line of [...(doc.header ?? []), ...(doc.closing ?? [])]) for (const p of pairsOf(line)) pairs.add(p);
  for (const s of doc.sections) {
    section.set(s.path, s);
    if (s.path) {
      const p = parentPath(s.path);
      if (!children.has(p)) children.set(p, []);
      children.get(p)!.push(s);
    }
    const own = new Set(pairsOf(`${s.title ?? ""}\n${s.text}`));
    for (const p of own) {
      pairs.add(p);
      pairSections.set(p, (pairSections.get(p) ?? 0) + 1);
    }
  }
  return { doc, level: bodyLevel(doc.issuer), section, children, pairs, pairSections, sectionCount: doc.sections.length };
}

/** A pair that says nothing about where it stands: directive boilerplate, or used across much of this document. */
export function isGenericPair(ctx: DocContext, pair: string): boolean {
  if (GENERIC_PAIRS.has(pair)) return true;
  const n = ctx.pairSections.get(pair) ?? 0;
  return n >= QUIZ_TUNING.genericMinSections && n > ctx.sectionCount * QUIZ_TUNING.genericSectionShare;
}

/** The pairs of a phrase that identify it (not generic). */
export function distinctivePairs(ctx: DocContext, text: string): string[] {
  return pairsOf(text).filter((p) => !isGenericPair(ctx, p));
}

/** Does the document name this body anywhere? (All its syllable pairs occur in the document: conservative.) */
export function docNames(ctx: DocContext, body: string): boolean {
  const ps = pairsOf(body);
  return ps.length > 0 && ps.every((p) => ctx.pairs.has(p));
}

/** The top-level part of a section path ("7", "B", "Điều 2", "" for the opening): what coverage counts. */
export function topPart(path: string): string {
  return path.split(".")[0] ?? "";
}
