/**
 * Which items a quiz asks: limited to a topic (a document number or alias such as "KL 69", a locality, or words),
 * due reviews first (spaced repetition in private chats), then items the chat has not seen lately, mixing kinds.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import { numberKey } from "../domain/numbers.js";
import { foldVi } from "../text/vietnamese.js";
import type { QuizBank } from "./bank.js";
import { shortRef } from "./label.js";
import { normCheck, shuffled } from "./text.js";
import { QUIZ_KINDS, type QuizItem } from "./types.js";

export interface Topic {
  /** How the quiz names its topic ("Kết luận 69-KL/TW", "Quảng Ngãi", "“ban tuyên giáo”"). */
  label: string;
  matches(item: QuizItem): boolean;
}

const fold = (s: string) => foldVi(s).toLowerCase().replace(/[^a-z0-9/]+/g, " ").trim();

/** Resolve what the user typed after /quiz n. Null when nothing in the bank matches. */
export function resolveTopic(kb: Knowledge, bank: QuizBank, raw: string): Topic | null {
  const text = raw.normalize("NFC").trim();
  if (!text) return null;
  const resolved = kb.resolveNumbers(text).filter((r) => r.numbers.length);
  if (resolved.length) {
    const ids = new Set(resolved.flatMap((r) => r.documentIds));
    const keys = resolved.flatMap((r) => r.numbers.map(numberKey));
    const doc = ids.size ? kb.byId.get([...ids][0]!) : undefined;
    const label = doc ? shortRef(doc) : resolved[0]!.numbers[0]!;
    // A corpus document: its own items. A document only referenced: the items that name it.
    const topic: Topic = ids.size
      ? { label, matches: (it) => ids.has(it.documentId) }
      : { label, matches: (it) => keys.some((k) => numberKey(`${it.question} ${it.options.join(" ")}`).includes(k)) };
    return bank.items.some(topic.matches) ? topic : null;
  }
  const places = kb.documentsForLocality(text);
  if (places.size) {
    const topic: Topic = { label: text, matches: (it) => places.has(it.documentId) };
    if (bank.items.some(topic.matches)) return topic;
  }
  const words = fold(text);
  if (!words) return null;
  const topic: Topic = {
    label: `“${text}”`,
    matches: (it) => ` ${fold(`${it.question} ${it.options.join(" ")} ${it.citation.quote}`)} `.includes(` ${words} `),
  };
  return bank.items.some(topic.matches) ? topic : null;
}

export interface SelectOptions {
  n: number;
  topic?: Topic | null;
  /** Varies the order from one quiz to the next (e.g. chat id and quiz count). */
  seed: string;
  /** Item ids to ask first (due reviews), most urgent first. */
  review?: string[];
  /** At most this many reviews (default: all). */
  maxReview?: number;
  /** Item ids asked recently in this chat: used only when nothing else is left. */
  recent?: Iterable<string>;
  /** Item ids already seen (spaced repetition): unseen items come before seen ones. */
  seen?: Iterable<string>;
}

/** Round-robin over kinds, each kind in a seeded order: a quiz mixes facts, lists, assignments, blanks, the chain. */
function interleave(items: QuizItem[], seed: string): QuizItem[] {
  const byKind = QUIZ_KINDS.map((k) => shuffled(items.filter((i) => i.kind === k), `${seed}:${k}`));
  const kinds = shuffled(
    byKind.map((_, i) => i),
    seed,
  );
  const out: QuizItem[] = [];
  for (let round = 0; out.length < items.length; round++) for (const k of kinds) if (byKind[k]![round]) out.push(byKind[k]![round]!);
  return out;
}

export function selectItems(bank: QuizBank, o: SelectOptions): QuizItem[] {
  const pool = o.topic ? bank.items.filter(o.topic.matches) : bank.items;
  const inPool = new Set(pool.map((i) => i.id));
  const recent = new Set(o.recent ?? []);
  const seen = new Set(o.seen ?? []);
  const out: QuizItem[] = [];
  const stems = new Set<string>();
  const take = (item: QuizItem) => {
    // One question per stem: "đâu là một trong các nhiệm vụ trọng tâm?" twice in a quiz is one too many.
    const stem = normCheck(item.question);
    if (out.length >= o.n || out.includes(item) || stems.has(stem)) return;
    stems.add(stem);
    out.push(item);
  };
  const reviews = (o.review ?? []).filter((id) => inPool.has(id)).slice(0, o.maxReview ?? Infinity);
  for (const id of reviews) take(bank.byId.get(id)!);
  const order = interleave(pool, o.seed);
  for (const item of order) if (!recent.has(item.id) && !seen.has(item.id)) take(item);
  for (const item of order) if (!recent.has(item.id)) take(item);
  for (const item of order) take(item);
  return out;
}
