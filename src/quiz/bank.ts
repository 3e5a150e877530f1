/**
 * The question bank: every item the current Knowledge supports, derived deterministically (same corpus, same items,
 * same ids, same option order).
 *
 * Linear in the corpus (issue 11, item 6): one pass builds the shared indexes (attested phrases, bodies by level,
 * headings, the chain's adjacency), then each document is handled on its own with work bounded per item (a
 * distractor search checks at most QUIZ_TUNING.maxCandidateChecks candidates). The bot builds it off the event loop
 * (build.ts runs this in a worker thread); tests and the command line call `buildBank` directly.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import type { QuizKnowledge } from "./knowledge.js";
import { buildQuizCorpus, copiedSections, docContext, type QuizCorpus, topPart } from "./corpus.js";
import { assignmentDrafts } from "./generators/assignments.js";
import { chainDownDrafts, chainIndex, chainUpDrafts } from "./generators/chain.js";
import { clozeDrafts } from "./generators/cloze.js";
import { documentFactDrafts, factPools, referenceFactDrafts } from "./generators/facts.js";
import { groupDrafts } from "./generators/group.js";
import { listDrafts, listPool } from "./generators/lists.js";
import { numberDrafts } from "./generators/numbers.js";
import { orderDrafts } from "./generators/order.js";
import { trueFalseDrafts } from "./generators/truefalse.js";
import { finishItem, type Draft } from "./item.js";
import { normCheck } from "./text.js";
import { QUIZ_KINDS, type QuizItem, type QuizKind } from "./types.js";
import { validateItem } from "./validate.js";

export interface BankStats {
  total: number;
  byKind: Record<QuizKind, number>;
  byDocument: Record<string, number>;
  byDifficulty: Record<"1" | "2" | "3", number>;
  /** Items whose correct answer is found word for word in the quote (every admitted item). */
  verifiable: number;
  /** Milliseconds the build took. */
  ms: number;
}

export interface QuizBank {
  items: QuizItem[];
  byId: Map<string, QuizItem>;
  stats: BankStats;
  /** Drafts dropped, with the reason (too few distractors, or a failed check): for the logs and tests. */
  rejected: { question: string; reason: string }[];
}

const placeMasks = new Map<string, RegExp>();

/**
 * A sentence as another locality's copy of it reads the same: the locality's name (`place`, the document's), every
 * number and so every date masked. Two documents of the same plan for two provinces give one key.
 */
export function maskLocal(text: string, place: string | null, numbers = true): string {
  let t = normCheck(text);
  if (place) {
    const p = normCheck(place);
    let re = placeMasks.get(p);
    if (!re) placeMasks.set(p, (re = new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g")));
    if (p) t = t.replace(re, "@");
  }
  return numbers ? t.replace(/\d+/g, "#") : t;
}

/** The masked fact key: the same answer (its numbers kept) from the same sentence of another locality's copy. */
function maskedKey(answer: string, quote: string, place: string | null): string {
  return `m\u0000${maskLocal(answer, place, false)}\u0000${maskLocal(quote, place)}`;
}

/** Admit drafts into a bank under construction: finish, validate, drop duplicates. Returns what was admitted. */
export class BankBuilder {
  readonly items: QuizItem[] = [];
  readonly byId = new Map<string, QuizItem>();
  readonly rejected: QuizBank["rejected"] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly kb: QuizKnowledge) {}

  /**
   * The key of a fact: its answer and where it is quoted (a blank on a body and "which body is assigned…" on the
   * same sentence ask the same). Which task comes first is another fact than what the task is, on the same row.
   */
  private static factKey(answer: string, quote: string, kind?: QuizItem["kind"]): string {
    return `s\u0000${kind === "order" ? "order\u0000" : ""}${normCheck(answer)}\u0000${normCheck(quote)}`;
  }

  /** Is this answer from this quote in the bank already? */
  readonly known = (answer: string, quote: string): boolean => this.seen.has(BankBuilder.factKey(answer, quote));

  /**
   * `known` for the sections of a document of `place`: also true when an earlier document has the same sentence with
   * another locality's name, other numbers or other dates (a provincial plan rewritten for the next province).
   */
  knownIn(place: string | null): (answer: string, quote: string) => boolean {
    return (answer, quote) => this.known(answer, quote) || this.seen.has(maskedKey(answer, quote, place));
  }

  /**
   * The keys that make two items one question: the same question and answer, the same answer from the same quote;
   * for a question on a section's text (`place` given: the document's locality), the same answer from the same
   * sentence with the locality's name, numbers and dates masked.
   */
  static keys(kind: QuizItem["kind"], question: string, answer: string, quote: string, place?: string | null, part?: QuizItem["part"]): string[] {
    const keys = [`q\u0000${normCheck(question)}\u0000${normCheck(answer)}`, BankBuilder.factKey(answer, quote, kind)];
    // A fact question names its document: asked twice (two sentences citing it, two shares of the corpus), it is one.
    if (kind === "fact") keys.push(`f\u0000${normCheck(question)}`);
    // Not for what a document itself implements or which of its deadlines comes first: a fact of that document.
    if (part === "section" && place !== undefined && kind !== "chain" && kind !== "order") keys.push(maskedKey(answer, quote, place));
    return keys;
  }

  static keysOf(item: Pick<QuizItem, "kind" | "question" | "options" | "correct" | "citation" | "part">, place?: string | null): string[] {
    return BankBuilder.keys(item.kind, item.question, item.options[item.correct[0]!]!, item.citation.quote, place, item.part);
  }

  /**
   * Items finished and validated elsewhere (another thread's share of the documents), in document order, with their
   * keys (computed there, off this thread): only the duplicates are dropped.
   */
  addItems(items: readonly QuizItem[], keys: readonly string[][]): void {
    items.forEach((item, i) => {
      const k = keys[i]!;
      if (this.byId.has(item.id) || k.some((x) => this.seen.has(x))) return;
      for (const x of k) this.seen.add(x);
      this.byId.set(item.id, item);
      this.items.push(item);
    });
  }

  add(drafts: Iterable<Draft>): QuizItem[] {
    const admitted: QuizItem[] = [];
    for (const d of drafts) {
      // The same question twice, or the same sentence asked the same way from a local document that copies the
      // central one: asked once, from the earliest document. The same answer from the same quote is the same fact,
      // whatever the kind of question (a blank on a body and "which body is assigned…" on the same sentence).
      // Checked on the draft, before the work of finishing and validating it.
      const keys = BankBuilder.keys(d.kind, d.question, d.correct, d.quote, d.doc.place, d.part);
      if (keys.some((k) => this.seen.has(k))) continue;
      const item = finishItem(d);
      if (!item) {
        this.rejected.push({ question: d.question, reason: `only ${d.distractors.length} distractor(s)` });
        continue;
      }
      if (this.byId.has(item.id)) continue;
      const problems = validateItem(item, this.kb);
      if (problems.length) {
        this.rejected.push({ question: d.question, reason: problems.join("; ") });
        continue;
      }
      for (const k of keys) this.seen.add(k);
      this.byId.set(item.id, item);
      this.items.push(item);
      admitted.push(item);
    }
    return admitted;
  }

  finish(started: number): QuizBank {
    const byKind = Object.fromEntries(QUIZ_KINDS.map((k) => [k, 0])) as Record<QuizKind, number>;
    const byDocument: Record<string, number> = {};
    const byDifficulty = { "1": 0, "2": 0, "3": 0 };
    for (const it of this.items) {
      byKind[it.kind]++;
      byDocument[it.documentId] = (byDocument[it.documentId] ?? 0) + 1;
      byDifficulty[String(it.difficulty) as "1"]++;
    }
    const ms = Math.round(performance.now() - started);
    return {
      items: this.items,
      byId: this.byId,
      rejected: this.rejected,
      stats: { total: this.items.length, byKind, byDocument, byDifficulty, verifiable: this.items.length, ms },
    };
  }
}

/** Documents earliest first: a sentence a local document copies from the central one is asked from the central one. */
export function documentOrder(kb: QuizKnowledge): string[] {
  return [...kb.documents].sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999")).map((d) => d.id);
}

export interface BuildOptions {
  /**
   * The corpus indexes, when `kb` holds only a share of the documents (a worker thread's): assembled from every
   * share's part. Default: built from `kb`.
   */
  corpus?: QuizCorpus;
  /**
   * Each document's place in the whole corpus's documentOrder, when `kb` holds only a share (default: its place
   * among `kb`'s documents): a section copied from a document of another share is skipped all the same.
   */
  positions?: ReadonlyMap<string, number>;
}

/** The bank of `kb`'s documents (all of them, or a thread's share with the whole corpus's indexes). */
export function buildBank(kb: QuizKnowledge, options: BuildOptions = {}): QuizBank {
  const started = performance.now();
  const order = documentOrder(kb);
  const positions = options.positions ?? new Map(order.map((id, i) => [id, i]));
  const corpus = options.corpus ?? buildQuizCorpus(kb, positions);
  const pools = factPools(kb, corpus);
  const chain = chainIndex(kb);
  const lists = listPool(corpus.headings);
  const builder = new BankBuilder(kb);
  for (const id of order) {
    const doc = kb.byId.get(id)!;
    const ctx = docContext(doc, builder.knownIn(doc.place), copiedSections(doc, positions.get(id)!, corpus));
    builder.add([
      ...groupDrafts(ctx),
      ...assignmentDrafts(ctx, corpus),
      ...numberDrafts(ctx, corpus),
      ...clozeDrafts(ctx, corpus),
      ...trueFalseDrafts(ctx, corpus),
      ...orderDrafts(ctx),
      ...listDrafts(ctx, lists),
      ...chainUpDrafts(ctx, chain),
      ...documentFactDrafts(ctx, corpus, pools),
    ]);
  }
  // Facts the documents state about others (which implements what, a cited resolution's term): from this share's
  // documents; shares built on other threads add theirs, duplicates are dropped when the shares are merged.
  builder.add([...chainDownDrafts(chain), ...referenceFactDrafts(kb, pools)]);
  return builder.finish(started);
}

/** Add items (generated ones, admitted after the checks) to a built bank; duplicates of its items are dropped. */
export function extendBank(bank: QuizBank, items: readonly QuizItem[]): QuizItem[] {
  const seen = new Set(bank.items.flatMap((it) => BankBuilder.keysOf(it)));
  const added: QuizItem[] = [];
  for (const it of items) {
    const keys = BankBuilder.keysOf(it);
    if (bank.byId.has(it.id) || keys.some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    bank.items.push(it);
    bank.byId.set(it.id, it);
    bank.stats.byKind[it.kind]++;
    bank.stats.byDocument[it.documentId] = (bank.stats.byDocument[it.documentId] ?? 0) + 1;
    bank.stats.total++;
    added.push(it);
  }
  return added;
}

/** A share of the bank as a worker thread sends it: items with their keys, and the drafts it dropped. */
export interface BankShare {
  items: QuizItem[];
  keys: string[][];
  rejected: QuizBank["rejected"];
}

export function shareOf(bank: QuizBank, kb?: QuizKnowledge): BankShare {
  const place = (it: QuizItem) => (kb ? (kb.byId.get(it.documentId)?.place ?? null) : undefined);
  return { items: bank.items, keys: bank.items.map((it) => BankBuilder.keysOf(it, place(it))), rejected: bank.rejected };
}

/** One bank from the shares built on several threads: items in document order, duplicates across shares dropped. */
export function mergeBanks(order: readonly string[], shares: readonly BankShare[], kb: QuizKnowledge, started: number): QuizBank {
  const rank = new Map(order.map((id, i) => [id, i]));
  const all = shares.flatMap((p) => p.items.map((item, i) => ({ item, key: p.keys[i]!, i })));
  // Stable: within a document, the order its thread produced.
  all.sort((a, b) => (rank.get(a.item.documentId) ?? 0) - (rank.get(b.item.documentId) ?? 0) || a.i - b.i);
  const builder = new BankBuilder(kb);
  builder.addItems(
    all.map((x) => x.item),
    all.map((x) => x.key),
  );
  builder.rejected.push(...shares.flatMap((p) => p.rejected));
  return builder.finish(started);
}

export interface Coverage {
  /** Numbered top-level parts of the document ("1"… "7", "A", "Điều 2"), in order, with their item counts. */
  parts: { part: string; title: string | null; items: number }[];
  covered: number;
  total: number;
}

/** Which parts of a document the bank (or a subset of it) asks about. */
export function coverageOf(kb: QuizKnowledge, documentId: string, items: readonly QuizItem[]): Coverage {
  const doc = kb.byId.get(documentId);
  const parts = new Map<string, { part: string; title: string | null; items: number }>();
  for (const s of doc?.sections ?? []) {
    const part = topPart(s.path);
    if (!part) continue;
    const p = parts.get(part) ?? { part, title: null, items: 0 };
    if (s.path === part) p.title = s.title;
    if (s.text.trim() || s.title) parts.set(part, p);
  }
  for (const it of items) {
    if (it.documentId !== documentId || it.part !== "section") continue;
    const p = parts.get(topPart(it.citation.section));
    if (p) p.items++;
  }
  const list = [...parts.values()];
  return { parts: list, covered: list.filter((p) => p.items > 0).length, total: list.length };
}

const cache = new WeakMap<Knowledge, QuizBank>();

/** The bank of this Knowledge, built on first use, on this thread (the command line, tests). */
export function bankFor(kb: Knowledge): QuizBank {
  let bank = cache.get(kb);
  if (!bank) {
    bank = buildBank(kb);
    cache.set(kb, bank);
  }
  return bank;
}

/**
 * The Knowledge behind an assistant, when it exposes one (openAssistant's does; test doubles may not). The quiz
 * reads the parsed corpus directly: questions are built from documents, not from answers.
 */
export function knowledgeOf(assistant: unknown): Knowledge | null {
  const k = (assistant as { knowledge?: () => Knowledge } | null)?.knowledge;
  return typeof k === "function" ? k.call(assistant) : null;
}
