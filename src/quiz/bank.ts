/**
 * The question bank: every item the current Knowledge supports, derived deterministically (same corpus, same items,
 * same ids, same option order). Built once per Knowledge instance — an ingest or /reload creates a new Knowledge, so
 * the bank is rebuilt with it — and cached in a WeakMap so an old one goes away with its Knowledge.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import { assignmentDrafts } from "./generators/assignments.js";
import { chainDrafts } from "./generators/chain.js";
import { clozeDrafts } from "./generators/cloze.js";
import { factDrafts } from "./generators/facts.js";
import { listDrafts } from "./generators/lists.js";
import { finishItem, type Draft } from "./item.js";
import { normCheck } from "./text.js";
import { QUIZ_KINDS, type QuizItem, type QuizKind } from "./types.js";
import { answerInQuote, validateItem } from "./validate.js";

export interface BankStats {
  total: number;
  byKind: Record<QuizKind, number>;
  byDocument: Record<string, number>;
  /** Items whose correct answer is found word for word in the quote. */
  verifiable: number;
}

export interface QuizBank {
  items: QuizItem[];
  byId: Map<string, QuizItem>;
  stats: BankStats;
  /** Drafts dropped, with the reason (too few distractors, or a failed check): for the logs and tests. */
  rejected: { question: string; reason: string }[];
}

export function buildBank(kb: Knowledge): QuizBank {
  const drafts: Draft[] = [...factDrafts(kb), ...chainDrafts(kb), ...listDrafts(kb), ...assignmentDrafts(kb), ...clozeDrafts(kb)];
  const items: QuizItem[] = [];
  const rejected: QuizBank["rejected"] = [];
  const seenQuestion = new Set<string>();
  const byId = new Map<string, QuizItem>();
  for (const d of drafts) {
    const item = finishItem(d);
    if (!item) {
      rejected.push({ question: d.question, reason: `only ${d.distractors.length} distractor(s)` });
      continue;
    }
    const problems = validateItem(item, kb);
    if (problems.length) {
      rejected.push({ question: d.question, reason: problems.join("; ") });
      continue;
    }
    const key = `${normCheck(item.question)}\u0000${normCheck(item.options[item.correct[0]!]!)}`;
    if (byId.has(item.id) || seenQuestion.has(key)) continue;
    seenQuestion.add(key);
    byId.set(item.id, item);
    items.push(item);
  }
  const byKind = Object.fromEntries(QUIZ_KINDS.map((k) => [k, 0])) as Record<QuizKind, number>;
  const byDocument: Record<string, number> = {};
  let verifiable = 0;
  for (const it of items) {
    byKind[it.kind]++;
    byDocument[it.documentId] = (byDocument[it.documentId] ?? 0) + 1;
    if (answerInQuote(it)) verifiable++;
  }
  return { items, byId, rejected, stats: { total: items.length, byKind, byDocument, verifiable } };
}

const cache = new WeakMap<Knowledge, QuizBank>();

/** The bank of this Knowledge, built on first use. */
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
