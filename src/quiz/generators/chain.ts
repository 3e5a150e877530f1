/**
 * The directive chain: which document a document continues or implements ("Thực hiện Kết luận số 69-KL/TW…"), and
 * which of several documents implements a given one. Distractors are documents of the same type (a resolution for
 * a resolution) and never on the same branch: not an ancestor, not a descendant, not another document the text
 * implements; for "which implements X", only documents dated before X (a document cannot implement one issued
 * after it). The chain's adjacency is built once per bank, so each document costs the same however large the corpus.
 */
import type { QuizKnowledge } from "../knowledge.js";
import type { ChainNode } from "../../assistant/types.js";
import type { ParsedDocument } from "../../domain/model.js";
import { bodyLevel } from "../bodies.js";
import type { DocContext } from "../corpus.js";
import { chooseDistractors } from "../fairness.js";
import type { Draft } from "../item.js";
import { docRef } from "../label.js";
import { headerSource, locate, quotedAt, sectionSource, type Source } from "../sources.js";
import { containsPhrase, findSpan, shuffled } from "../text.js";

/** Implementing documents asked about per implemented document: a central one has hundreds. */
const IMPLEMENTERS_PER_TARGET = 4;

export interface ChainIndex {
  kb: QuizKnowledge;
  /** node key → keys it implements, and → keys implementing it. */
  up: Map<string, string[]>;
  down: Map<string, string[]>;
  /** Labels ("Nghị quyết số 20-NQ/TW") of nodes by type, for distractors of the same type. */
  labelsByType: Map<string, string[]>;
  nodeByLabel: Map<string, ChainNode>;
}

function nodeLabel(node: ChainNode, withIssuer = false): string | null {
  if (!node.number || !node.docType) return null;
  const base = `${node.docType} số ${node.number}`;
  const full = node.issuer ? `${base} của ${node.issuer}` : base;
  return withIssuer && full.length <= 100 ? full : base;
}

export function chainIndex(kb: QuizKnowledge): ChainIndex {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const e of kb.edges) {
    if (e.relation !== "implements") continue;
    if (!up.has(e.from)) up.set(e.from, []);
    up.get(e.from)!.push(e.to);
    if (!down.has(e.to)) down.set(e.to, []);
    down.get(e.to)!.push(e.from);
  }
  const labelsByType = new Map<string, string[]>();
  const nodeByLabel = new Map<string, ChainNode>();
  for (const n of kb.nodes.values()) {
    const label = nodeLabel(n);
    if (!label || !n.docType) continue;
    if (!labelsByType.has(n.docType)) labelsByType.set(n.docType, []);
    labelsByType.get(n.docType)!.push(label);
    nodeByLabel.set(label, n);
  }
  return { kb, up, down, labelsByType, nodeByLabel };
}

/**
 * Central (Trung ương, Chính phủ, Quốc hội…) or local, from the number's code or the issuer: a Politburo conclusion
 * continues a central resolution, never a provincial report.
 */
function nodeLevel(node: ChainNode): "central" | "local" {
  const code = node.number?.split(/[/-]/).at(-1)?.toUpperCase() ?? "";
  if (/^(TW|CP|TTG|QH\d*|BCT|BBT|VPTW)$/.test(code)) return "central";
  if (code) return "local";
  return node.issuer && bodyLevel(node.issuer) === "central" ? "central" : "local";
}

function walk(adj: Map<string, string[]>, from: string): Set<string> {
  const out = new Set<string>();
  const todo = [from];
  while (todo.length) {
    for (const next of adj.get(todo.pop()!) ?? []) {
      if (out.has(next)) continue;
      out.add(next);
      todo.push(next);
    }
  }
  return out;
}

function heads(doc: ParsedDocument): Source[] {
  return [headerSource(doc), sectionSource(doc, "")].filter((s): s is Source => Boolean(s?.text.trim()));
}

/** "Kết luận số 69-KL/TW được ban hành để tiếp tục thực hiện văn bản nào?" */
export function chainUpDrafts(ctx: DocContext, chain: ChainIndex): Draft[] {
  const { kb } = chain;
  const doc = ctx.doc;
  const key = kb.node(doc.number ?? doc.id)?.key;
  if (!key) return [];
  const direct = chain.up.get(key) ?? [];
  if (!direct.length) return [];
  const up = walk(chain.up, key);
  const down = walk(chain.down, key);
  const mentioned = new Set(doc.references.map((r) => kb.node(r.number)?.key).filter(Boolean));
  const header = headerSource(doc).text;
  const out: Draft[] = [];
  for (const target of direct) {
    const node = kb.node(target);
    const correct = node && nodeLabel(node);
    if (!node || !correct || !node.docType) continue;
    const found = locate(heads(doc), correct) ?? locate(heads(doc), node.number!);
    if (!found) continue;
    const before = found.source.text.slice(Math.max(0, found.span.start - 30), found.span.start);
    const verb = /tiếp tục thực hiện\s*(tốt\s*)?$/iu.test(before) ? "tiếp tục thực hiện" : "thực hiện";
    const question = `${docRef(doc)} được ban hành để ${verb} văn bản nào?`;
    const anchoredInHeader = found.source.part === "header";
    const valid = (label: string) => {
      const n = chain.nodeByLabel.get(label);
      if (!n || n.key === key || up.has(n.key) || down.has(n.key) || direct.includes(n.key) || nodeLevel(n) !== nodeLevel(node)) return false;
      // A document cannot implement one issued after it.
      if (doc.date && n.date && n.date > doc.date) return false;
      if (!mentioned.has(n.key)) return true;
      // A document the text also names may be "implemented" in a loose sense; only when the subject line states the
      // one it implements are other documents it merely names certainly wrong.
      return anchoredInHeader && !(n.number && containsPhrase(header, n.number));
    };
    const chosen = chooseDistractors({
      correct,
      // Documents of the same type (a resolution for a resolution), then any type.
      tiers: [
        { candidates: chain.labelsByType.get(node.docType) ?? [], distance: 0.3 },
        ...[...chain.labelsByType].filter(([t]) => t !== node.docType).map(([, labels]) => ({ candidates: labels, distance: 0.7 })),
      ],
      question,
      valid,
      seed: `up:${doc.id}:${target}`,
    });
    out.push({ kind: "chain", doc, ...quotedAt(found), question, correct, distractors: chosen.distractors, distances: chosen.distances });
  }
  return out;
}

/** "Văn bản nào sau đây được ban hành để thực hiện Kết luận số 69-KL/TW?", a few implementers per target. */
export function chainDownDrafts(chain: ChainIndex): Draft[] {
  const { kb } = chain;
  const out: Draft[] = [];
  const byDate = [...kb.nodes.values()].filter((n) => n.date && nodeLabel(n, true)).sort((a, b) => a.date!.localeCompare(b.date!));
  const labelsByDate = byDate.map((n) => nodeLabel(n, true)!);
  const nodeByFullLabel = new Map(byDate.map((n, i) => [labelsByDate[i]!, n]));
  for (const [targetKey, implementers] of chain.down) {
    const target = kb.node(targetKey);
    if (!target?.date || !target.number || !target.docType) continue;
    // Documents dated before the target: a prefix of the list sorted by date.
    let earlier = 0;
    while (earlier < byDate.length && byDate[earlier]!.date! < target.date) earlier++;
    const pool = labelsByDate.slice(0, earlier);
    const picked = shuffled(implementers, `down:${targetKey}`).slice(0, IMPLEMENTERS_PER_TARGET);
    const implementing = new Set(implementers);
    for (const implKey of picked) {
      const impl = kb.node(implKey);
      const doc = impl?.documentId ? kb.byId.get(impl.documentId) : undefined;
      if (!impl || !doc) continue;
      const correct = doc.number ? nodeLabel({ ...impl, docType: doc.docType, issuer: doc.issuer }, true)! : `${doc.docType} của ${doc.issuer}`;
      if (correct.length > 100) continue;
      const found = locate(heads(doc), target.number);
      if (!found) continue;
      const question = `Văn bản nào sau đây được ban hành để thực hiện ${target.docType} số ${target.number}?`;
      const chosen = chooseDistractors({
        correct,
        tiers: [{ candidates: pool, distance: 0.5 }],
        question,
        // Not another implementer of the target (it would also be right).
        valid: (c) => !findSpan(c, target.number!) && !implementing.has(nodeByFullLabel.get(c)?.key ?? ""),
        seed: `down:${targetKey}:${implKey}`,
      });
      out.push({ kind: "chain", doc, ...quotedAt(found), question, correct, distractors: chosen.distractors, distances: chosen.distances });
    }
  }
  return out;
}
