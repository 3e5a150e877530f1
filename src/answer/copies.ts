/**
 * Copies collapsed, the source cited: a passage that several documents carry word for word (a provincial plan copying
 * the resolution, sixty districts copying the province) is cited from the document that issued it — a central body's,
 * else the one the others cite most, else the earliest — and the answer says how many others repeat it instead of
 * listing every copy.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import type { Candidate } from "../assistant/retrieve.js";
import { TUNING } from "./tuning.js";

export interface Collapsed {
  /** The candidate to cite: the source's chunk holding the passage (the given one when it is the source). */
  chosen: Candidate;
  /** Other documents among the evidence that carry the passage word for word. */
  copies: number;
}

/** Whitespace evened out: copies differ in line breaks and spacing, never in words. */
function even(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const central = new WeakMap<Knowledge, Set<string>>();

function isCentral(kb: Knowledge, documentId: string): boolean {
  let set = central.get(kb);
  if (!set) central.set(kb, (set = new Set(kb.centralDocuments())));
  return set.has(documentId);
}

/** Which document issued a passage several carry: central first, then the most cited, then the earliest, then by id. */
function sourceOrder(kb: Knowledge) {
  const cited = (id: string) => {
    const number = kb.byId.get(id)?.number;
    return number ? kb.citingDocumentCount(number) : 0;
  };
  return (a: Candidate, b: Candidate): number => {
    const x = a.chunk.payload.documentId;
    const y = b.chunk.payload.documentId;
    return (
      Number(isCentral(kb, y)) - Number(isCentral(kb, x)) ||
      cited(y) - cited(x) ||
      (kb.byId.get(x)?.date ?? "9999").localeCompare(kb.byId.get(y)?.date ?? "9999") ||
      (x < y ? -1 : x > y ? 1 : 0)
    );
  };
}

/**
 * The source of `quote` (fragments joined by " … ") among `pool`: every candidate whose text holds the quote's longest
 * fragment word for word is a copy; the chosen one must hold every fragment verbatim, so the quote stays exact.
 */
export function collapseCopies(candidate: Candidate, quote: string, pool: Candidate[], kb: Knowledge): Collapsed {
  const fragments = quote.split(" … ").map((f) => f.trim()).filter(Boolean);
  const key = even(fragments.reduce((a, b) => (b.length > a.length ? b : a), ""));
  if (key.length < TUNING.copyMinChars) return { chosen: candidate, copies: 0 };
  const holders = new Map<string, Candidate>();
  for (const c of [candidate, ...pool]) {
    const id = c.chunk.payload.documentId;
    if (holders.has(id) || c.chunk.payload.kind !== "section") continue;
    if (even(c.chunk.payload.text).includes(key)) holders.set(id, c);
  }
  if (holders.size <= 1) return { chosen: candidate, copies: 0 };
  // The source must answer the question as well as the copy does: a plan that copies one sentence into a section
  // about its own body ("Sở GD&ĐT phối hợp với Sở KH&CN … tổ chức thực hiện tốt Chiến lược …") answers a question
  // about that body, and the source's section does not.
  const verbatim = [...holders.values()].filter(
    (c) => c === candidate || (fragments.every((f) => c.chunk.payload.text.includes(f)) && c.coverage >= candidate.coverage - TUNING.copyCoverageSlack),
  );
  const chosen = verbatim.sort(sourceOrder(kb))[0] ?? candidate;
  return { chosen, copies: holders.size - 1 };
}

/** " (nhắc lại trong 3 văn bản khác)". */
export function copiesNote(copies: number): string {
  return copies > 0 ? ` (nhắc lại trong ${copies} văn bản khác)` : "";
}
