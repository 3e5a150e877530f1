/**
 * The assistant: one object the front ends talk to. Collaborators come in through `createAssistant`:
 * the knowledge (parsed corpus), the store, and optionally an embedder and a generated-answer function.
 */
import type { Logger } from "../logger.js";
import { numberKey } from "../domain/numbers.js";
import type { VectorStore } from "../search/types.js";
import { route } from "../answer/router.js";
import { understand } from "../understand/frame.js";
import { splitClauses } from "../understand/clauses.js";
import { combineAnswers } from "../answer/common.js";
import { isoDay } from "../tasks/reminders.js";
import { Knowledge, summaryOf } from "./knowledge.js";
import { type QueryEmbedder, retrieveFrame } from "./retrieve.js";
import type { AnswerResult, AskOptions, Assistant, AssignmentGroup, ChainNode, ChainView, IngestReport, SectionView, Turn } from "./types.js";
import type { Citation } from "./types.js";
import { citeAsWritten, citedSection, sectionByCitedPath } from "./cite.js";
import type { Retrieval } from "./retrieve.js";
import { analyzeText } from "../search/analyzer.js";

/** Longest question analyzed (front ends refuse longer messages with a Vietnamese request to shorten them). */
export const MAX_QUESTION_CHARS = 1000;

export interface GeneratedAnswerer {
  answer(input: { question: string; history: Turn[]; retrieval: Retrieval; kb: Knowledge; signal?: AbortSignal }): Promise<AnswerResult | null>;
  rewrite?(question: string, history: Turn[], signal?: AbortSignal): Promise<string>;
}

export interface AssistantDeps {
  knowledge: Knowledge;
  store: VectorStore;
  logger: Logger;
  embedder?: QueryEmbedder | null;
  generator?: GeneratedAnswerer | null;
  /**
   * The model's time budget per question, in milliseconds (LLM_TIMEOUT_MS): one deadline shared by the follow-up
   * rewrite, the question's embedding and the generated answer, every retry of the client included. When it ends,
   * the question is answered extractively. Without it each call has its own deadline.
   */
  modelDeadlineMs?: number;
  /** Re-ingest: returns the new knowledge (the store has been swapped atomically by then). */
  reindex?: (extra: { fileName: string; data: Buffer }[] | null, replace?: string[]) => Promise<{ knowledge: Knowledge; report: IngestReport }>;
}

/** The caller's signal (shutdown, the bot's own bound) combined with a deadline of `ms` from now. */
function deadlineSignal(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const deadline = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}

/** Analyzed short texts of the assignment table (assignees, partners, tasks), kept across /giao lookups. */
const shortTexts = new Map<string, Map<string, number>>();

function termsOf(text: string): Map<string, number> {
  let t = shortTexts.get(text);
  if (!t) {
    t = analyzeText(text).counts;
    if (shortTexts.size >= 20_000) shortTexts.clear();
    shortTexts.set(text, t);
  }
  return t;
}

export function createAssistant(deps: AssistantDeps): Assistant & { knowledge(): Knowledge } {
  let kb = deps.knowledge;
  const { store, logger } = deps;

  async function ask(raw: string, options: AskOptions = {}): Promise<AnswerResult> {
    const question = raw.normalize("NFC").slice(0, MAX_QUESTION_CHARS).trim();
    if (!question) return { mode: "not_found", answer: "Câu hỏi trống.", citations: [], seeAlso: [], via: "none" };
    const history = options.history ?? [];
    // A compound question ("Ai … theo NQ 45, và ai … theo QĐ 412?"): each clause answered on its own, a clause that
    // names no document taking the one before it as its context.
    const clauses = splitClauses(question, (c) => kb.resolveNumbers(c).length > 0);
    if (clauses.length > 1) {
      const parts: AnswerResult[] = [];
      let turns = history;
      for (const clause of clauses) {
        const part = await askOne(clause, { ...options, history: turns });
        parts.push(part);
        // The next clause's context: this clause, and the documents its answer came from ("… tổ chức ngày nào và ai
        // phát biểu kết luận?": the second part is about the document that answered the first).
        const cited = [...new Set(part.citations.map((c) => c.number).filter((n): n is string => Boolean(n)))].slice(0, 2);
        turns = [...turns, { question: cited.length ? `${clause} (${cited.join(", ")})` : clause, answer: part.answer }];
      }
      return asWritten(combineAnswers(parts));
    }
    return asWritten(await askOne(question, options));
  }

  /** The answer's sections as cadres cite them (citeAsWritten), on a copy: strategies may hand out shared objects. */
  function asWritten(result: AnswerResult): AnswerResult {
    const copy = (c: Citation) => ({ ...c });
    const citations = result.citations.map(copy);
    const out = { ...result, citations, seeAlso: result.seeAlso.map((c) => citations[result.citations.indexOf(c)] ?? copy(c)) };
    citeAsWritten(out, (id) => kb.byId.get(id));
    return out;
  }

  async function askOne(question: string, options: AskOptions): Promise<AnswerResult> {
    const history = options.history ?? [];
    let frame = understand(question, history, kb, options.scope);
    // One signal for every model call of this question: it also names the question to the model's circuit breaker.
    const modelSignal = deps.modelDeadlineMs ? deadlineSignal(options.signal, deps.modelDeadlineMs) : options.signal;
    if (deps.generator?.rewrite && history.length && !frame.scope.named.length) {
      const rewritten = await deps.generator.rewrite(question, history, modelSignal).catch(() => question);
      // A model's standalone question names its documents itself.
      if (rewritten !== question) frame = understand(rewritten, [], kb);
    }
    const retrieval = await retrieveFrame(frame, kb, store, { embedder: deps.embedder, signal: modelSignal });
    if (deps.generator && !modelSignal?.aborted) {
      try {
        const generated = await deps.generator.answer({ question: frame.text, history, retrieval, kb, signal: modelSignal });
        if (generated) return generated;
      } catch (err) {
        logger.warn({ err }, "generated answer failed; falling back to the extractive answer");
      }
    }
    return route(frame, retrieval, kb, { today: isoDay(Date.now()) });
  }

  function assignments(query: string): AssignmentGroup[] {
    const q = analyzeText(query.normalize("NFC").trim()).counts;
    // Folded terms, so "ban tuyen giao" finds "Ban Tuyên giáo"; pairs when the query has them ("Ban Tuyên giáo"
    // must not match every "Ban …" whose task mentions "tuyên truyền" and "giáo dục").
    // Pairs the corpus never writes ("hop so" in "phối hợp sở …") join two phrases of the query: left out.
    const pairs = [...q.keys()].filter((k) => k.startsWith("fp:") && kb.hasTerm(k));
    const words = [...q.keys()].filter((k) => k.startsWith("fw:"));
    const wanted = pairs.length ? pairs : words;
    if (!wanted.length) return [];
    const groups: AssignmentGroup[] = [];
    for (const doc of kb.documents) {
      const rows = doc.assignments
        .map((row) => {
          const has = (text: string) => {
            const t = termsOf(text);
            return wanted.every((k) => t.has(k));
          };
          const rank = has(row.assignee) ? 3 : row.partners.some(has) || (row.reportTo && has(row.reportTo)) ? 2 : has(row.task) ? 1 : 0;
          return { row, rank };
        })
        .filter((x) => x.rank > 0)
        .sort((x, y) => y.rank - x.rank)
        .map((x) => x.row);
      if (rows.length) groups.push({ document: summaryOf(doc), rows });
    }
    return groups;
  }

  function chain(numberOrAlias?: string): ChainView | null {
    const nodes = kb.nodes;
    const edges = kb.edges.filter((e) => e.relation === "implements");
    const childrenOf = (key: string) => edges.filter((e) => e.to === key).map((e) => e.from);
    const parentsOf = (key: string) => edges.filter((e) => e.from === key).map((e) => e.to);
    const nodeOf = (key: string) => nodes.get(numberKey(key))!;
    const descend = (key: string, depth: number, seen: Set<string>, out: { node: ChainNode; depth: number }[]) => {
      for (const c of childrenOf(key)) {
        if (seen.has(c)) continue;
        seen.add(c);
        out.push({ node: nodeOf(c), depth });
        descend(c, depth + 1, seen, out);
      }
    };
    if (!numberOrAlias?.trim()) {
      const roots = [...nodes.values()].filter((n) => parentsOf(n.key).length === 0 && childrenOf(n.key).length > 0);
      const down: { node: ChainNode; depth: number }[] = [];
      const seen = new Set<string>();
      for (const r of roots) {
        seen.add(r.key);
        down.push({ node: r, depth: 0 });
        descend(r.key, 1, seen, down);
      }
      return { focus: null, up: [], down };
    }
    const resolved = kb.resolveNumbers(numberOrAlias)[0];
    let focus = resolved?.numbers.map((n) => kb.node(n)).find(Boolean) ?? null;
    if (!focus) {
      // A document without a number: by its id, or by a locality named in the argument.
      const ids = [...kb.documentsForLocality(numberOrAlias)];
      const id = kb.byId.has(numberOrAlias.trim()) ? numberOrAlias.trim() : ids.length === 1 ? ids[0]! : null;
      focus = id ? ([...nodes.values()].find((n) => n.documentId === id) ?? null) : null;
    }
    if (!focus) return null;
    const up: ChainNode[] = [focus];
    const seenUp = new Set([focus.key]);
    for (let cur = focus.key; ; ) {
      // With several parents (a document that implements both 115-CV/BTGTU and 69-KL/TW), the nearest one is
      // the parent that itself implements another: the chain goes up one level at a time.
      const parents = parentsOf(cur).filter((p) => !seenUp.has(p));
      const next = parents.find((p) => parents.some((q) => q !== p && parentsOf(p).includes(q))) ?? parents[0];
      if (!next) break;
      seenUp.add(next);
      up.push(nodeOf(next));
      cur = next;
    }
    const down: { node: ChainNode; depth: number }[] = [];
    descend(focus.key, 1, new Set([focus.key]), down);
    return { focus, up, down };
  }

  function section(documentId: string, path: string): SectionView | null {
    const doc = kb.byId.get(documentId);
    if (!doc) return null;
    if (path === "") {
      // "Phần mở đầu" cites the header, the opening text and the signature block: show all three, so that a
      // quote from any of them (who signed, the date line, the recipients) can be found in what the button shows.
      const opening = doc.sections.find((s) => s.path === "")?.text ?? "";
      return { document: summaryOf(doc), section: "", sectionTitle: null, text: [doc.header.join("\n"), opening, doc.closing.join("\n")].filter(Boolean).join("\n\n") };
    }
    // (A citation names an attached text's section by its own numbering: see citedSection.)
    const s = sectionByCitedPath(doc, path);
    if (!s) return null;
    const children = doc.sections.filter((x) => x.path.startsWith(`${s.path}.`));
    const text = [s.text, ...children.map((c) => `${c.path.split(".").pop()}. ${c.title ?? ""}${c.title && c.text ? "\n" : ""}${c.text}`)].filter(Boolean).join("\n");
    return { document: summaryOf(doc), ...citedSection(doc, s.path), sectionTitle: s.title, text };
  }

  // One re-index at a time: two admins (or /reload and an upload) must not build over each other.
  let indexing: Promise<unknown> = Promise.resolve();
  function reindex(files: { fileName: string; data: Buffer }[] | null, replace?: string[]): Promise<IngestReport> {
    const rebuild = deps.reindex;
    if (!rebuild) return Promise.reject(new Error("Chế độ này không hỗ trợ nạp lại văn bản."));
    const run = indexing.then(async () => {
      const { knowledge, report } = await rebuild(files, replace);
      kb = knowledge;
      return report;
    });
    indexing = run.catch(() => undefined);
    return run;
  }

  return {
    ask,
    assignments,
    chain,
    documents: () => kb.documents.map(summaryOf),
    localities: () => kb.localityList(),
    section,
    addFiles: (files, options) => reindex(files, options?.replace),
    reload: () => reindex(null),
    knowledge: () => kb,
  };
}

export type { Citation };
