/**
 * Which items a quiz asks: limited to a topic (a document number or alias such as "KL 69", a locality, or words),
 * due reviews first (spaced repetition in private chats), then items the chat has not seen lately, drawn across the
 * parts of the documents and mixing kinds.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import { numberKey } from "../domain/numbers.js";
import { foldVi } from "../text/vietnamese.js";
import type { QuizBank } from "./bank.js";
import { shortRef } from "./label.js";
import { topPart } from "./corpus.js";
import { normCheck, shuffled } from "./text.js";
import { QUIZ_TUNING } from "./tuning.js";
import type { QuizItem } from "./types.js";

export interface Topic {
  /** How the quiz names its topic ("Kết luận 69-KL/TW", "Quảng Ngãi", "“ban tuyên giáo”"). */
  label: string;
  matches(item: QuizItem): boolean;
  /** The corpus document the topic names, when it names one (its coverage is reported). */
  documentId?: string;
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
      ? { label, matches: (it) => ids.has(it.documentId), documentId: ids.size === 1 ? [...ids][0] : undefined }
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

/** Where an item stands in its document, for drawing across parts: "<document>#<top-level part>", or "#meta". */
function bucketOf(item: QuizItem): string {
  const part = item.part === "section" ? topPart(item.citation.section) : "";
  return `${item.documentId}#${part || "meta"}`;
}

/**
 * A session's order: round-robin over the parts of the documents (body parts first, in a seeded order), and within a
 * part the kind least asked so far, so a session covers the whole document and mixes kinds. Items from outside the
 * body (who issued it, when) are at most QUIZ_TUNING.maxMetadataShare of the first `n`.
 */
function sessionOrder(items: QuizItem[], seed: string, n: number): QuizItem[] {
  const buckets = new Map<string, QuizItem[]>();
  for (const it of shuffled(items, `${seed}:items`)) {
    const b = bucketOf(it);
    if (!buckets.has(b)) buckets.set(b, []);
    buckets.get(b)!.push(it);
  }
  const keys = shuffled([...buckets.keys()], seed).sort((a, b) => Number(a.endsWith("#meta")) - Number(b.endsWith("#meta")));
  const kindCount = new Map<string, number>();
  const out: QuizItem[] = [];
  const maxMeta = Math.max(1, Math.floor(n * QUIZ_TUNING.maxMetadataShare));
  let meta = 0;
  const maxPerKind = Math.max(2, Math.ceil(n * QUIZ_TUNING.maxKindShare));
  const deferred: QuizItem[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const k of keys) {
      const bucket = buckets.get(k)!;
      if (!bucket.length) continue;
      // The kind this session has asked least so far.
      let best = 0;
      for (let i = 1; i < bucket.length; i++) if ((kindCount.get(bucket[i]!.kind) ?? 0) < (kindCount.get(bucket[best]!.kind) ?? 0)) best = i;
      const [item] = bucket.splice(best, 1);
      progress = true;
      if ((k.endsWith("#meta") && meta >= maxMeta) || (kindCount.get(item!.kind) ?? 0) >= maxPerKind) {
        deferred.push(item!);
        continue;
      }
      if (k.endsWith("#meta")) meta++;
      kindCount.set(item!.kind, (kindCount.get(item!.kind) ?? 0) + 1);
      out.push(item!);
    }
  }
  return [...out, ...deferred];
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
  const fresh = pool.filter((i) => !recent.has(i.id) && !seen.has(i.id));
  const notRecent = pool.filter((i) => !recent.has(i.id));
  for (const part of [fresh, notRecent, pool]) {
    if (out.length >= o.n) break;
    for (const item of sessionOrder(part, o.seed, o.n - out.length)) take(item);
  }
  return out;
}
