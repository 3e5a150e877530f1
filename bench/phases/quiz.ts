/**
 * The question bank at scale (issue 11, item 6): N synthetic documents (lib/synth.ts, as the ingest phase makes them)
 * parsed, then the bank built as the bot builds it — worker threads (src/quiz/build.ts), off the event loop — timed
 * from the call to the merged bank. Meanwhile a 10 ms timer on the main thread measures the longest stall of the
 * event loop (what another chat would wait).
 */
import { Knowledge } from "../../src/assistant/knowledge.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { parseDocuments } from "../../src/corpus/parse.js";
import { QuizBanks } from "../../src/quiz/build.js";
import { loadReal, log, memory } from "../lib/real.js";
import { timedOffLoop } from "../lib/timed.js";
import { synthesizeDocuments } from "../lib/synth.js";

export interface QuizBankResult {
  documents: number;
  items: number;
  threads: number;
  bankMs: number;
  /**
   * CPU time of the whole process (main thread and workers) during the build: on a machine shared with other work,
   * wall time says more about the neighbours than about the bank; CPU time over the threads is what it costs.
   */
  cpuMs: number;
  /** Longest gap between two ticks of a 10 ms timer on the main thread while the bank was built. */
  maxEventLoopStallMs: number;
  byKind: Record<string, number>;
  rssAfterMB: number;
}

export async function run(args: { documents: number }): Promise<QuizBankResult> {
  const real = await loadReal();
  const docs = await parseDocuments(synthesizeDocuments(real, args.documents));
  uniqueIds(docs);
  // The assistant's Knowledge as the bot holds it (the bank reads its documents and chain).
  const kb = new Knowledge(docs, { df: new Map(), crossPairs: new Set(), words: new Set() });
  const banks = new QuizBanks();
  // Warm-up (worker start, JIT) on the real documents, not counted.
  await new QuizBanks().bankFor(new Knowledge(real.map((d) => d.parsed), { df: new Map(), crossPairs: new Set(), words: new Set() }));
  const { result: bank, wallMs: bankMs, cpuMs, maxStallMs } = await timedOffLoop(() => banks.bankFor(kb));
  const threads = banks.threads;
  log(`quiz bank: ${docs.length} documents → ${bank.stats.total} items in ${bankMs} ms (CPU ${cpuMs} ms) on ${threads} worker thread(s); longest event-loop stall ${maxStallMs} ms`);
  return {
    documents: docs.length,
    items: bank.stats.total,
    threads,
    bankMs,
    cpuMs,
    maxEventLoopStallMs: maxStallMs,
    byKind: bank.stats.byKind,
    rssAfterMB: memory().rssMB,
  };
}
