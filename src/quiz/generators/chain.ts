/**
 * The directive chain: which document a document implements ("Thực hiện Kết luận số 69-KL/TW…"), and which of
 * several documents implements a given one. Distractors never sit on the same branch: not an ancestor, not a
 * descendant, not another document the text implements; for "which implements X", only documents dated before X
 * (a document cannot implement one issued after it).
 */
import type { Knowledge } from "../../assistant/knowledge.js";
import type { ChainNode } from "../../assistant/types.js";
import { numberKey } from "../../domain/numbers.js";
import type { ParsedDocument } from "../../domain/model.js";
import { pickDistractors } from "../distractors.js";
import type { Draft } from "../item.js";
import { docRef } from "../label.js";
import { headerSource, locate, quotedAt, sectionSource, type Source } from "../sources.js";
import { containsPhrase, findSpan } from "../text.js";

function nodeLabel(node: ChainNode, withIssuer = false): string | null {
  if (!node.number || !node.docType) return null;
  const base = `${node.docType} số ${node.number}`;
  const full = node.issuer ? `${base} của ${node.issuer}` : base;
  return withIssuer && full.length <= 100 ? full : base;
}

function walk(kb: Knowledge, from: string, direction: "up" | "down"): Set<string> {
  const out = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const k = todo.pop()!;
    for (const e of kb.edges) {
      if (e.relation !== "implements") continue;
      const [a, b] = direction === "up" ? [e.from, e.to] : [e.to, e.from];
      if (a === k && !out.has(b)) {
        out.add(b);
        todo.push(b);
      }
    }
  }
  return out;
}

function keyOf(kb: Knowledge, doc: ParsedDocument): string | null {
  return kb.node(doc.number ?? doc.id)?.key ?? null;
}

function heads(doc: ParsedDocument): Source[] {
  return [headerSource(doc), sectionSource(doc, "")].filter((s): s is Source => Boolean(s?.text.trim()));
}

function upDrafts(kb: Knowledge, doc: ParsedDocument): Draft[] {
  const key = keyOf(kb, doc);
  if (!key) return [];
  const up = walk(kb, key, "up");
  const down = walk(kb, key, "down");
  const direct = kb.edges.filter((e) => e.from === key && e.relation === "implements").map((e) => e.to);
  const mentioned = new Set(doc.references.map((r) => kb.node(r.number)?.key).filter(Boolean));
  const header = headerSource(doc).text;
  const out: Draft[] = [];
  for (const target of direct) {
    const node = kb.node(target);
    const correct = node && nodeLabel(node);
    if (!node || !correct) continue;
    const found = locate(heads(doc), correct) ?? locate(heads(doc), node.number!);
    if (!found) continue;
    const before = found.source.text.slice(Math.max(0, found.span.start - 30), found.span.start);
    const verb = /tiếp tục thực hiện\s*(tốt\s*)?$/iu.test(before) ? "tiếp tục thực hiện" : "thực hiện";
    const question = `${docRef(doc)} được ban hành để ${verb} văn bản nào?`;
    const anchoredInHeader = found.source.part === "header";
    const candidates = [...kb.nodes.values()].filter((n) => {
      if (n.key === key || n.key === target || up.has(n.key) || down.has(n.key) || direct.includes(n.key)) return false;
      if (!mentioned.has(n.key)) return true;
      // A document the text also names may be "implemented" in a loose sense; only when the subject line states the
      // one it implements are other documents of the same type it merely names certainly wrong.
      return anchoredInHeader && n.docType === node.docType && !(n.number && containsPhrase(header, n.number));
    });
    const rank = (label: string) => {
      const n = candidates.find((c) => nodeLabel(c) === label);
      if (!n) return 9;
      return (n.docType === node.docType ? 0 : 2) + (doc.date && n.date && n.date < doc.date ? 0 : 1);
    };
    out.push({
      kind: "chain",
      doc,
      ...quotedAt(found),
      question,
      correct,
      distractors: pickDistractors({
        correct,
        candidates: candidates.map((n) => nodeLabel(n)).filter((l): l is string => Boolean(l)),
        compare: "exact",
        question,
        valid: (c) => !direct.some((t) => numberKey(c).includes(numberKey(t))),
        rank,
        seed: `up:${doc.id}:${target}`,
      }),
    });
  }
  return out;
}

function downDrafts(kb: Knowledge): Draft[] {
  const out: Draft[] = [];
  for (const target of kb.nodes.values()) {
    if (!target.date || !target.number || !target.docType) continue;
    const implementers = kb.edges
      .filter((e) => e.to === target.key && e.relation === "implements")
      .map((e) => kb.node(e.from))
      .filter((n): n is ChainNode => Boolean(n?.documentId));
    const earlier = [...kb.nodes.values()].filter((n) => n.date && n.date < target.date! && n.key !== target.key);
    for (const impl of implementers) {
      const doc = kb.byId.get(impl.documentId!)!;
      const correct = doc.number ? nodeLabel({ ...impl, docType: doc.docType, issuer: doc.issuer }, true)! : `${doc.docType} của ${doc.issuer}`;
      if (correct.length > 100) continue;
      const found = locate(heads(doc), target.number);
      if (!found) continue;
      const question = `Văn bản nào sau đây được ban hành để thực hiện ${target.docType} số ${target.number}?`;
      out.push({
        kind: "chain",
        doc,
        ...quotedAt(found),
        question,
        correct,
        distractors: pickDistractors({
          correct,
          candidates: earlier.map((n) => nodeLabel(n, true)).filter((l): l is string => Boolean(l)),
          compare: "exact",
          question,
          valid: (c) => !findSpan(c, target.number!),
          rank: () => 0,
          seed: `down:${target.key}:${impl.key}`,
        }),
      });
    }
  }
  return out;
}

export function chainDrafts(kb: Knowledge): Draft[] {
  return [...kb.documents.flatMap((d) => upDrafts(kb, d)), ...downDrafts(kb)];
}
