/**
 * The question bank off the event loop (issue 11, item 6): the documents are dealt to worker threads, each builds
 * its share (bank.ts, linear in its documents), and the shares are merged here. While they work the bot answers
 * every chat; `close()` (shutdown) terminates them at once. One bank per Knowledge: an ingest or /reload creates a
 * new Knowledge, and its bank is built when first asked for.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Knowledge } from "../assistant/knowledge.js";
import type { Logger } from "../logger.js";
import { type QuizBank, buildBank, mergeBanks } from "./bank.js";
import { knowledgeData } from "./knowledge.js";
import { QUIZ_TUNING } from "./tuning.js";
import type { QuizItem } from "./types.js";

export interface QuizBanksOptions {
  /** Worker threads per build (default: one per core, at most QUIZ_TUNING.maxBankThreads). 0: build on this thread. */
  threads?: number;
  logger?: Logger;
}

/** A bank build stopped by `close()` (the process is shutting down). */
export class BankBuildAborted extends Error {
  constructor() {
    super("quiz bank build stopped");
    this.name = "BankBuildAborted";
  }
}

export class QuizBanks {
  private readonly builds = new WeakMap<Knowledge, Promise<QuizBank>>();
  private readonly done = new WeakMap<Knowledge, QuizBank>();
  private readonly workers = new Set<Worker>();
  private readonly threads: number;
  private closed = false;

  constructor(private readonly o: QuizBanksOptions = {}) {
    this.threads = o.threads ?? Math.max(1, Math.min(availableParallelism(), QUIZ_TUNING.maxBankThreads));
  }

  /** The bank if it is built already (no waiting). */
  peek(kb: Knowledge): QuizBank | null {
    return this.done.get(kb) ?? null;
  }

  /** The bank of this Knowledge: built on first call, shared by later ones. */
  bankFor(kb: Knowledge): Promise<QuizBank> {
    let p = this.builds.get(kb);
    if (!p) {
      p = this.build(kb).then((bank) => {
        this.done.set(kb, bank);
        return bank;
      });
      // A failed build is not cached: the next /quiz tries again.
      p.catch(() => this.builds.delete(kb));
      this.builds.set(kb, p);
    }
    return p;
  }

  /** Stop every build under way (their promises reject with BankBuildAborted); later builds are refused. */
  close(): void {
    this.closed = true;
    for (const w of this.workers) void w.terminate();
    this.workers.clear();
  }

  private async build(kb: Knowledge): Promise<QuizBank> {
    if (this.closed) throw new BankBuildAborted();
    const started = performance.now();
    if (this.threads === 0) return buildBank(kb);
    const data = knowledgeData(kb);
    const parts = await Promise.all(Array.from({ length: this.threads }, (_, i) => this.runShard(data, [i, this.threads])));
    const bank = mergeBanks(kb, parts, started);
    this.o.logger?.info({ documents: kb.documents.length, items: bank.stats.total, ms: bank.stats.ms, threads: this.threads }, "quiz bank built");
    return bank;
  }

  private runShard(data: ReturnType<typeof knowledgeData>, shard: [number, number]): Promise<Pick<QuizBank, "items" | "rejected">> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new BankBuildAborted());
      // Modules run through tsx (no build step) and a worker does not inherit the loader: register it first
      // (as src/workers/run.ts does).
      const tsx = import.meta.resolve("tsx/esm/api");
      const entry = new URL("./bank-worker.ts", import.meta.url).href;
      const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
      this.workers.add(worker);
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.workers.delete(worker);
        void worker.terminate();
        fn();
      };
      worker.on("message", (m: { items?: QuizItem[]; rejected?: QuizBank["rejected"]; error?: string }) =>
        finish(() => (m.error !== undefined ? reject(new Error(m.error)) : resolve({ items: m.items!, rejected: m.rejected! }))),
      );
      worker.on("error", (err) => finish(() => reject(err)));
      worker.on("exit", () => finish(() => reject(this.closed ? new BankBuildAborted() : new Error("quiz bank worker exited"))));
      worker.postMessage({ data, shard });
    });
  }
}
