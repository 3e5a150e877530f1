/**
 * What the generators share, built once per bank in one pass over the corpus (linear in its size):
 * - the attested-phrase index ("does the corpus use this filled-in phrase?");
 * - bodies by level, and which bodies the corpus gives which task ("a distractor that would also be right");
 * - pools of headings and enumeration items, for distractors of the same kind from other documents.
 * And, per document, a DocContext built when the generators reach it and dropped after: its section tree, the
 * syllable pairs it uses and which of them are generic in it.
 */
import type { QuizKnowledge } from "./knowledge.js";
import type { ParsedDocument, Section, Signer } from "../domain/model.js";
import { foldVi } from "../text/vietnamese.js";
import { PhraseIndex } from "./attested.js";
import { firstSyllables, pairId, pairsOf, pairsOfTokens, syllableHash, syllableIds, syllableText, type Tokens, tokensOf } from "./tokens.js";

export { pairsOf };
import { bodyLevel, CENTRAL_BODIES, cleanBody, type Level } from "./bodies.js";
import { enumerations } from "./sentences.js";
import { isContentTermShape, termKind } from "./terms.js";
import { memoShort, normCheck } from "./text.js";
import { QUIZ_TUNING } from "./tuning.js";

export interface QuizCorpus {
  kb: QuizKnowledge;
  phrases: PhraseIndex;
  /** Bodies of each level (central, province, …), one spelling each. */
  bodies: Map<Level, string[]>;
  /** Every body above as syllable ids ("12,7,301"), and their first syllables: to find bodies named in a sentence. */
  bodySeqs: Set<string>;
  bodyFirsts: Set<number>;
  /** Task key → folded names of the bodies the corpus gives that task. */
  taskBodies: Map<string, Set<string>>;
  /** Section headings of every document (short ones). */
  headings: string[];
  /** Terms from enumerations ("khu công nghệ cao, trung tâm tài chính, quỹ đầu tư mạo hiểm…") of every document, by kind. */
  termsByKind: Map<string, string[]>;
  /** Who signed the documents, and how: distractors for signature questions. */
  signers: Signer[];
  /**
   * Section copy key (sectionCopyKeys) → where the corpus first has it: a document's place in the bank's order
   * (documentOrder) × SECTION_SLOTS + the section's index. A section found earlier is a copy (copiedSections).
   */
  firstSections: Map<string, number>;
}

/** Which task an assignment row is, for "does the corpus give this task to that body?": its first words. */
export function taskKey(task: string): string {
  return firstSyllables(task, 10).join(" ");
}

/** A body's name compared without diacritics or case (memoized: body names are compared over and over). */
export const bodyKey = memoShort((body: string) => foldVi(normCheck(body)));

/**
 * A section's title and text as syllable ids, kept with the section: the corpus pass (attested phrases) and the
 * document pass (word pairs) read the same tokens, so each text is split once per bank.
 */
const tokenMemo = new WeakMap<Section, Tokens>();
export function sectionTokens(s: Section): Tokens {
  let t = tokenMemo.get(s);
  if (!t) tokenMemo.set(s, (t = tokensOf(`${s.title ?? ""}\n${s.text}`)));
  return t;
}

/**
 * What a share of the documents contributes to the corpus indexes, as plain data (it crosses between threads): its
 * phrase table, bodies, tasks by body, headings, terms and signatures.
 */
export interface CorpusPart {
  phraseTable: Uint32Array;
  bodies: string[];
  taskBodies: [string, string[]][];
  headings: string[];
  terms: string[];
  signers: Signer[];
  /** Copy key → first place of its sections (as QuizCorpus.firstSections), over this share's documents. */
  firstSections: [string, number][];
}

/** `positions`: each document's place in the bank's order (default: its index in `docs`). */
export function corpusPart(docs: readonly ParsedDocument[], positions?: ReadonlyMap<string, number>): CorpusPart {
  const part = new CorpusPartBuilder();
  docs.forEach((doc, i) => part.add(doc, positions?.get(doc.id) ?? i));
  return part.finish();
}

/**
 * A share's CorpusPart built document by document: a worker thread indexes each document as it arrives, while the
 * main thread is still sending the others.
 */
export class CorpusPartBuilder {
  private readonly phrases = new PhraseIndex();
  private readonly bodies = new Set<string>();
  private readonly taskBodies = new Map<string, Set<string>>();
  private readonly headings = new Map<string, string>();
  private readonly terms = new Map<string, string>();
  private readonly signers: Signer[] = [];
  private readonly firstSections = new Map<string, number>();
  private count = 0;

  private addBody(raw: string | null | undefined): void {
    const b = raw && cleanBody(raw);
    if (b) this.bodies.add(b);
  }

  /** `position`: the document's place in the bank's order (documentOrder over the whole corpus). */
  add(doc: ParsedDocument, position: number): void {
    const di = this.count++;
    const { phrases, headings, terms, taskBodies, firstSections } = this;
    sectionCopyKeys(doc).forEach((key, i) => {
      if (key === null) return;
      const at = sectionPlace(position, i);
      const first = firstSections.get(key);
      if (first === undefined || at < first) firstSections.set(key, at);
    });
    for (const line of doc.header ?? []) phrases.add(line);
    for (const line of doc.closing ?? []) phrases.add(line);
    for (const s of doc.sections) {
      phrases.addIds(sectionTokens(s).ids);
      if (s.title) {
        const h = s.title.replace(/\s+/g, " ").trim();
        if (h.length >= 15 && h.length <= QUIZ_TUNING.optionChars && !headings.has(normCheck(h))) headings.set(normCheck(h), h);
      }
      // Enough terms for distractors from other documents: the rest of the corpus adds no kind of term, only time.
      if (terms.size < QUIZ_TUNING.termPool && di < QUIZ_TUNING.termPoolDocuments) {
        for (const e of enumerations(s.text)) {
          for (const item of e.items) {
            const k = normCheck(item.text);
            if (!terms.has(k) && isContentTermShape(item.text)) terms.set(k, item.text);
          }
        }
      }
    }
    this.addBody(doc.issuer);
    for (const a of doc.assignments) {
      this.addBody(a.assignee);
      for (const p of a.partners) this.addBody(p);
      const key = taskKey(a.task);
      if (!taskBodies.has(key)) taskBodies.set(key, new Set());
      taskBodies.get(key)!.add(bodyKey(a.assignee));
    }
    for (const r of doc.references) this.addBody(r.issuer);
    if (doc.signer?.name) this.signers.push(doc.signer);
  }

  finish(): CorpusPart {
    return {
      phraseTable: this.phrases.export(),
      bodies: [...this.bodies],
      taskBodies: [...this.taskBodies].map(([k, v]) => [k, [...v]]),
      headings: [...this.headings.values()],
      terms: [...this.terms.values()],
      signers: this.signers,
      firstSections: [...this.firstSections],
    };
  }
}

/** The corpus indexes from the parts of every share of the documents. */
export function assembleCorpus(kb: QuizKnowledge, parts: readonly CorpusPart[]): QuizCorpus {
  const bodies = new Map<Level, Map<string, string>>();
  for (const b of [...CENTRAL_BODIES, ...parts.flatMap((p) => p.bodies)]) {
    const level = bodyLevel(b);
    if (!bodies.has(level)) bodies.set(level, new Map());
    const m = bodies.get(level)!;
    const k = bodyKey(b);
    if (!m.has(k)) m.set(k, b);
  }
  const taskBodies = new Map<string, Set<string>>();
  for (const p of parts) {
    for (const [k, list] of p.taskBodies) {
      if (!taskBodies.has(k)) taskBodies.set(k, new Set());
      for (const b of list) taskBodies.get(k)!.add(b);
    }
  }
  const headings = new Map<string, string>();
  const termsByKind = new Map<string, string[]>();
  const seenTerms = new Set<string>();
  for (const p of parts) {
    for (const h of p.headings) if (!headings.has(normCheck(h))) headings.set(normCheck(h), h);
    for (const t of p.terms) {
      const k = normCheck(t);
      if (seenTerms.has(k)) continue;
      seenTerms.add(k);
      const kind = termKind(t)!;
      if (!termsByKind.has(kind)) termsByKind.set(kind, []);
      termsByKind.get(kind)!.push(t);
    }
  }
  const all = [...bodies.values()].flatMap((m) => [...m.values()]);
  return {
    kb,
    phrases: PhraseIndex.fromTables(parts.map((p) => p.phraseTable)),
    bodies: new Map([...bodies].map(([level, m]) => [level, [...m.values()]])),
    bodySeqs: new Set(all.map((b) => syllableIds(b).join(","))),
    bodyFirsts: new Set(all.map((b) => syllableIds(b)[0]!)),
    taskBodies,
    headings: [...headings.values()],
    termsByKind,
    signers: parts.flatMap((p) => p.signers),
    firstSections: firstOf(parts.map((p) => p.firstSections)),
  };
}

function firstOf(lists: readonly [string, number][][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of lists) {
    for (const [key, at] of list) {
      const first = out.get(key);
      if (first === undefined || at < first) out.set(key, at);
    }
  }
  return out;
}

/** `positions`: each document's place in the bank's order (documentOrder). */
export function buildQuizCorpus(kb: QuizKnowledge, positions?: ReadonlyMap<string, number>): QuizCorpus {
  return assembleCorpus(kb, [corpusPart(kb.documents, positions)]);
}

/** Syllable pairs of directive prose that identify no sentence, whatever the document. */
const GENERIC_PAIRS = new Set<number>(
  [
    "tăng cường", "đẩy mạnh", "nâng cao", "thực hiện", "triển khai", "tổ chức", "xây dựng", "phát triển", "hoàn thiện", "đổi mới",
    "công tác", "nhiệm vụ", "giải pháp", "hiệu quả", "chất lượng", "kiểm tra", "giám sát", "lãnh đạo", "chỉ đạo", "quản lý",
    "phối hợp", "hướng dẫn", "cơ quan", "đơn vị", "địa phương", "tích cực", "mạnh mẽ", "kịp thời", "thường xuyên", "đôn đốc",
    "theo dõi", "tuyên truyền", "quán triệt", "nghiên cứu", "cụ thể", "liên quan", "yêu cầu", "nội dung", "kết quả", "tình hình",
    "chủ động", "trách nhiệm", "nhận thức", "tập trung", "ưu tiên", "khuyến khích", "hỗ trợ", "tạo điều", "điều kiện", "thuận lợi",
    "phù hợp", "bảo đảm", "đảm bảo", "cán bộ", "đảng viên", "nhân dân", "xã hội", "kinh tế", "hoạt động", "chính sách", "cơ chế",
    "vai trò", "sơ kết", "tổng kết", "báo cáo", "đánh giá", "sử dụng", "ứng dụng", "trọng tâm", "trọng điểm", "chủ yếu", "toàn diện",
    "đồng bộ", "các cấp", "các ngành", "người đứng", "đứng đầu", "phát huy", "góp phần", "thúc đẩy", "nguồn lực", "đáp ứng",
  ].flatMap(pairsOf),
);

export interface DocContext {
  doc: ParsedDocument;
  level: Level;
  /** Sections by path, and the direct children of each path in document order. */
  section: Map<string, Section>;
  children: Map<string, Section[]>;
  /** Syllable pairs the document uses anywhere (header, sections, closing). */
  pairs: Set<number>;
  /** Syllable pair → number of the document's sections using it (title or text). */
  pairSections: Map<number, number>;
  /** The word pairs of each section (title and text), in the order of `doc.sections`. */
  sectionPairs: Set<number>[];
  sectionCount: number;
  /**
   * Is this answer from this quote already in the bank (a passage a local document copies from the central one)?
   * Generators ask before the work of choosing distractors.
   */
  known: (answer: string, quote: string) => boolean;
  /**
   * Sections whose title and text an earlier document has word for word (a local document copying the central
   * one's part): every item they could give is in the bank already, so generators skip them.
   */
  copied: Set<string>;
}

/** Room for a document's sections in a section's place (position × SECTION_SLOTS + index): more than any document has. */
const SECTION_SLOTS = 1 << 16;

function sectionPlace(position: number, index: number): number {
  return position * SECTION_SLOTS + Math.min(index, SECTION_SLOTS - 1);
}

/**
 * Each section's copy key, or null for a short one: another locality's copy of a section reads the same but for the
 * locality's name, numbers and dates, so those syllables are left out of the hash. Syllable hashes are of the text,
 * so the keys are the same on every thread.
 */
function sectionCopyKeys(doc: ParsedDocument): (string | null)[] {
  let keys = copyKeyMemo.get(doc);
  if (!keys) copyKeyMemo.set(doc, (keys = copyKeysNow(doc)));
  return keys;
}
/** Read when a document is indexed and again when its items are built: hashed once. */
const copyKeyMemo = new WeakMap<ParsedDocument, (string | null)[]>();

function copyKeysNow(doc: ParsedDocument): (string | null)[] {
  const place = new Set(doc.place ? syllableIds(doc.place) : []);
  return doc.sections.map((s) => {
    const ids = sectionTokens(s).ids;
    // Short sections ("Tổ chức thực hiện", a bare heading) recur without being copies of anything.
    if (ids.length < 12) return null;
    let h = 0x811c9dc5;
    for (const id of ids) if (!place.has(id) && !isNumberSyllable(id)) h = Math.imul(h ^ syllableHash(id), 0x01000193);
    return `${h >>> 0}:${ids.length}`;
  });
}

/**
 * The paths of `doc`'s sections that the corpus has earlier (in an earlier document of the bank's order, or earlier
 * in this one): whichever thread builds which document, a copy is skipped and its first occurrence is not.
 */
export function copiedSections(doc: ParsedDocument, position: number, corpus: QuizCorpus): Set<string> {
  const copied = new Set<string>();
  sectionCopyKeys(doc).forEach((key, i) => {
    if (key !== null && corpus.firstSections.get(key)! < sectionPlace(position, i)) copied.add(doc.sections[i]!.path);
  });
  return copied;
}

const numberSyllables = new Map<number, boolean>();
function isNumberSyllable(id: number): boolean {
  let n = numberSyllables.get(id);
  if (n === undefined) numberSyllables.set(id, (n = /\d/.test(syllableText(id))));
  return n;
}

export function parentPath(path: string): string {
  const i = path.lastIndexOf(".");
  return i < 0 ? "" : path.slice(0, i);
}

export function docContext(doc: ParsedDocument, known: DocContext["known"] = () => false, copied: Set<string> = new Set()): DocContext {
  const section = new Map<string, Section>();
  const children = new Map<string, Section[]>();
  const pairs = new Set<number>();
  const pairSections = new Map<number, number>();
  const sectionPairs: Set<number>[] = [];
  for (const line of [...(doc.header ?? []), ...(doc.closing ?? [])]) for (const p of pairsOf(line)) pairs.add(p);
  for (const s of doc.sections) {
    section.set(s.path, s);
    if (s.path) {
      const p = parentPath(s.path);
      if (!children.has(p)) children.set(p, []);
      children.get(p)!.push(s);
    }
    const own = new Set(pairsOfTokens(sectionTokens(s)));
    sectionPairs.push(own);
    for (const p of own) {
      pairs.add(p);
      pairSections.set(p, (pairSections.get(p) ?? 0) + 1);
    }
  }
  return { doc, level: bodyLevel(doc.issuer), section, children, pairs, pairSections, sectionPairs, sectionCount: doc.sections.length, known, copied };
}

/** A pair that says nothing about where it stands: directive boilerplate, or used across much of this document. */
export function isGenericPair(ctx: DocContext, pair: number): boolean {
  if (GENERIC_PAIRS.has(pair)) return true;
  const n = ctx.pairSections.get(pair) ?? 0;
  return n >= QUIZ_TUNING.genericMinSections && n > ctx.sectionCount * QUIZ_TUNING.genericSectionShare;
}

/** Function words: never content, whatever the document. */
const FUNCTION_WORDS = new Set(
  "và của các những là được có cho với trong về theo để đến từ này đó thì mà như một cũng đã sẽ đang tại trên do bị vào ra lại nên nếu khi hay hoặc ở việc sự nhất là".split(" ").map(normCheck),
);

/**
 * How many syllables of a phrase carry content: not function words, not part of a generic pair ("tăng cường công
 * tác kiểm tra, giám sát, đôn đốc việc thực hiện" has none). A phrase with few says nothing a reader could recall.
 */
export function contentSyllables(ctx: DocContext, text: string): number {
  const t = tokensOf(text);
  const covered = new Uint8Array(t.ids.length);
  for (let i = 1; i < t.ids.length; i++) {
    if (t.runStart[i]) continue;
    if (isGenericPair(ctx, pairId(t.ids[i - 1]!, t.ids[i]!))) covered[i - 1] = covered[i] = 1;
  }
  let n = 0;
  for (let i = 0; i < t.ids.length; i++) if (!covered[i] && !FUNCTION_WORDS.has(syllableText(t.ids[i]!))) n++;
  return n;
}

/** The pairs of a phrase that identify it (not generic). */
export function distinctivePairs(ctx: DocContext, text: string): number[] {
  return pairsOf(text).filter((p) => !isGenericPair(ctx, p));
}

/** Does the document name this body anywhere? (All its syllable pairs occur in the document: conservative.) */
export function docNames(ctx: DocContext, body: string): boolean {
  const ps = pairsOf(body);
  return ps.length > 0 && ps.every((p) => ctx.pairs.has(p));
}

/** Is section `path` the section `at` or below it? */
export function isUnder(path: string, at: string): boolean {
  return at === "" || path === at || path.startsWith(`${at}.`);
}

/** The top-level part of a section path ("7", "B", "Điều 2", "" for the opening): what coverage counts. */
export function topPart(path: string): string {
  return path.split(".")[0] ?? "";
}
