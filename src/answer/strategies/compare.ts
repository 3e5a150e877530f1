/**
 * "So sánh / khác nhau / cả hai / cùng ngày không?": one answer per document the question names, side by side, each
 * cited; for header facts (date, issuer, signer) a last line says whether they agree.
 */
import type { ParsedDocument } from "../../domain/model.js";
import { displayDate } from "../../domain/numbers.js";
import { documentLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import type { Retrieval } from "../../assistant/retrieve.js";
import type { AnswerResult, Citation } from "../../assistant/types.js";
import type { QuestionFrame } from "../../understand/frame.js";
import { TUNING, renumber } from "../common.js";
import { answerAssignments } from "./assignments.js";
import { answerChainUp } from "./chain.js";
import { answerFact } from "./fact.js";
import { answerMetadata } from "./metadata.js";

/** The documents a comparison is between: named ones first, then those of the places named. */
function comparedDocs(frame: QuestionFrame, kb: Knowledge): ParsedDocument[] {
  const ids = [...new Set([...frame.scope.named.flatMap((n) => n.documentIds), ...frame.scope.documentIds])];
  return ids.map((id) => kb.byId.get(id)).filter((d): d is ParsedDocument => Boolean(d));
}

/** Renumber one answer's citations after those already given. */
function append(into: { lines: string[]; citations: Citation[] }, label: string, part: AnswerResult): void {
  // The side's label heads its line: its quotes need not repeat it ("mục VI: “…”").
  const text = renumber(part.answer, into.citations.length).split(`${label}, `).join("");
  into.citations.push(...part.citations);
  into.lines.push(`• ${label}: ${text.replace(/\n/g, "\n  ")}`);
}

export function answerCompare(frame: QuestionFrame, r: Retrieval, kb: Knowledge): AnswerResult | null {
  const docs = comparedDocs(frame, kb);
  if (docs.length < 2) return null;
  const out = { lines: [] as string[], citations: [] as Citation[] };
  const missing: string[] = [];
  for (const doc of docs.slice(0, 3)) {
    // The side's own search when the question named its documents by number; else the shared one, held to it.
    const side = r.parts?.find((p) => p.candidates.some((c) => c.chunk.payload.documentId === doc.id)) ?? r;
    const own: Retrieval = { ...side, candidates: side.candidates.filter((c) => c.chunk.payload.documentId === doc.id), elsewhere: [], scoped: true };
    const ownFrame: QuestionFrame = { ...frame, scope: { ...frame.scope, documentIds: [doc.id] } };
    // Each document's own best evidence, even when it holds less of the comparison's words ("khác nhau thế nào").
    const relaxed: Retrieval = {
      ...own,
      candidates: own.candidates.map((c) => ({ ...c, coverage: c.coverage >= TUNING.compareCoverage ? Math.max(c.coverage, TUNING.minCoverage) : c.coverage })),
    };
    const part = frame.meta.length
      ? answerMetadata(ownFrame, doc)
      : frame.asks.includes("chain-up")
        ? answerChainUp(doc)
        : frame.asks.includes("who") || frame.asks.includes("when")
          ? (answerAssignments(ownFrame, own, kb) ?? answerFact(ownFrame, relaxed, kb))
          : answerFact(ownFrame, relaxed, kb);
    if (!part || part.mode !== "answer") {
      missing.push(documentLabel(doc));
      continue;
    }
    append(out, documentLabel(doc), { ...part, citations: part.citations.slice(0, TUNING.maxSections) });
  }
  if (!out.citations.length) return null;
  for (const m of missing) out.lines.push(`• ${m}: không thấy văn bản nêu nội dung này.`);
  // Header facts compared outright.
  if (frame.meta.includes("date")) {
    const dates = new Set(docs.map((d) => d.date));
    out.lines.push(dates.size === 1 && docs[0]!.date ? `→ Cùng ban hành ngày ${displayDate(docs[0]!.date)}.` : "→ Ngày ban hành khác nhau.");
  }
  if (frame.meta.includes("issuer")) out.lines.push(new Set(docs.map((d) => d.issuer)).size === 1 ? `→ Cùng do ${docs[0]!.issuer} ban hành.` : "→ Do các cơ quan khác nhau ban hành.");
  if (frame.meta.includes("signer")) {
    const names = new Set(docs.map((d) => d.signer?.name ?? ""));
    out.lines.push(names.size === 1 && docs[0]!.signer?.name ? `→ Cùng do đồng chí ${docs[0]!.signer.name} ký.` : "→ Người ký khác nhau.");
  }
  return { mode: "answer", answer: out.lines.join("\n"), citations: out.citations, seeAlso: [], via: "extractive" };
}
