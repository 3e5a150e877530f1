/**
 * The question bank off the event loop (issue 11, item 6). The documents are dealt to worker threads, which work in
 * two steps: each indexes its share (phrase table, bodies, headings: corpus.ts `corpusPart`), then, given every
 * share's part, builds the items of its own documents (bank.ts). The main thread only deals documents out and takes
 * items back, in small messages with a turn of the event loop between them, so every chat is answered meanwhile;
 * `close()` (shutdown) terminates the workers at once. One bank per Knowledge: an ingest or /reload creates a new
 * Knowledge, and its bank is built when first asked for (the bot asks at start-up).
 */
import { availableParallelism } from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { Knowledge } from "../assistant/knowledge.js";
import type { Logger } from "../logger.js";
import { type BankShare, type QuizBank, buildBank, documentOrder, mergeBanks } from "./bank.js";
import type { CorpusPart } from "./corpus.js";
import { QUIZ_TUNING } from "./tuning.js";
import type { QuizItem } from "./types.js";

/** Main-thread work between two turns of the event loop while documents are sent to the workers. */
const SLICE_MS = 8;

/**
 * A worker's young generation (MB): the generators allocate many short-lived strings and arrays; a larger nursery
 * means fewer scavenges.
 */
const YOUNG_GENERATION_MB = 48;

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

type Reply =
  | { type: "part"; part: CorpusPart }
  | { type: "items"; items: QuizItem[]; keys: string[][] }
  | { type: "done"; rejected: QuizBank["rejected"] }
  | { type: "error"; error: string };

/**
 * How long a worker waits, idle, for the next build (an ingest's or a /reload's): a build then skips the worker's
 * start-up (loading the modules through tsx, a cold JIT: about 1.3 s of a core each). Idle, a worker holds no corpus
 * (it is reset when released) and does not keep the process alive.
 */
const IDLE_MS = 30_000;

/** A worker thread and the replies it has sent, awaited one by one. */
class BankWorker {
  readonly worker: Worker;
  private readonly queue: Reply[] = [];
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  /** Whose build it serves: the error its exit stands for. */
  onExit: () => Error;
  idleTimer: NodeJS.Timeout | null = null;

  constructor(onExit: () => Error) {
    this.onExit = onExit;
    // Modules run through tsx (no build step) and a worker does not inherit the loader: register it first
    // (as src/workers/run.ts does).
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./bank-worker.ts", import.meta.url).href;
    this.worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.worker.on("message", (r: Reply) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        if (r.type === "error") w.reject(new Error(r.error));
        else w.resolve(r);
      } else this.queue.push(r);
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      this.waiting?.reject(this.failure);
      this.waiting = null;
    };
    this.worker.on("error", fail);
    this.worker.on("exit", () => {
      fail(this.onExit());
      const at = idle.indexOf(this);
      if (at >= 0) idle.splice(at, 1);
    });
  }

  /** Nothing failed and no reply is left over: it can serve another build. */
  get reusable(): boolean {
    return !this.failure && !this.waiting && !this.queue.length;
  }

  post(message: unknown): void {
    this.worker.postMessage(message);
  }

  next(): Promise<Reply> {
    const r = this.queue.shift();
    if (r) return r.type === "error" ? Promise.reject(new Error(r.error)) : Promise.resolve(r);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }
}

/** Workers between builds, warm (shared by every QuizBanks of the process). */
const idle: BankWorker[] = [];

/** The thread ids of the workers waiting for a build (for operators' logs and tests). */
export function idleBankWorkers(): number[] {
  return idle.map((w) => w.worker.threadId);
}

function takeWorker(onExit: () => Error): BankWorker {
  const w = idle.pop();
  if (!w) return new BankWorker(onExit);
  if (w.idleTimer) clearTimeout(w.idleTimer);
  w.onExit = onExit;
  w.worker.ref();
  return w;
}

/** A worker back from a build: reset (its corpus let go) and kept IDLE_MS for the next one, or ended. */
function releaseWorker(w: BankWorker): void {
  if (!w.reusable) {
    void w.worker.terminate();
    return;
  }
  w.post({ type: "reset" });
  w.worker.unref();
  w.idleTimer = setTimeout(() => {
    const at = idle.indexOf(w);
    if (at >= 0) idle.splice(at, 1);
    void w.worker.terminate();
  }, IDLE_MS);
  w.idleTimer.unref();
  idle.push(w);
}

export class QuizBanks {
  private readonly builds = new WeakMap<Knowledge, Promise<QuizBank>>();
  private readonly done = new WeakMap<Knowledge, QuizBank>();
  private readonly workers = new Set<Worker>();
  readonly threads: number;
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

  /** Stop every build under way (their promises reject with BankBuildAborted), and the idle workers; later builds
   * are refused. */
  close(): void {
    this.closed = true;
    for (const w of this.workers) void w.terminate();
    this.workers.clear();
    for (const w of idle.splice(0)) {
      if (w.idleTimer) clearTimeout(w.idleTimer);
      void w.worker.terminate();
    }
  }

  private async build(kb: Knowledge): Promise<QuizBank> {
    if (this.closed) throw new BankBuildAborted();
    const started = performance.now();
    if (this.threads === 0) return buildBank(kb);
    const order = documentOrder(kb);
    const threads = Math.max(1, Math.min(this.threads, kb.documents.length));
    const workers = Array.from({ length: threads }, () => takeWorker(() => (this.closed ? new BankBuildAborted() : new Error("quiz bank worker exited"))));
    for (const w of workers) this.workers.add(w.worker);
    try {
      // Step 1: deal the documents out (round-robin in document order), one per message — its first read (a
      // document's sections are parsed when first read) and its copy happen on this thread — giving the event loop a
      // turn every SLICE_MS; each worker indexes a document as it arrives. Then collect the parts.
      let turn = performance.now();
      for (let i = 0; i < order.length; i++) {
        workers[i % threads]!.post({ type: "docs", documents: [kb.byId.get(order[i]!)!], positions: [i] });
        if (performance.now() - turn >= SLICE_MS) {
          await nextTurn();
          if (this.closed) throw new BankBuildAborted();
          turn = performance.now();
        }
      }
      for (const w of workers) w.post({ type: "part" });
      const parts: CorpusPart[] = [];
      for (const w of workers) parts.push(((await w.next()) as Extract<Reply, { type: "part" }>).part);
      // Step 2: every worker builds its documents' items with the whole corpus's indexes.
      const nodes = [...kb.nodes];
      for (const w of workers) w.post({ type: "build", parts, nodes, edges: kb.edges });
      const built: BankShare[] = await Promise.all(
        workers.map(async (w) => {
          const share: BankShare = { items: [], keys: [], rejected: [] };
          for (;;) {
            const r = await w.next();
            if (r.type === "items") {
              share.items.push(...r.items);
              share.keys.push(...r.keys);
            } else if (r.type === "done") {
              share.rejected = r.rejected;
              return share;
            }
          }
        }),
      );
      const bank = mergeBanks(order, built, kb, started);
      this.o.logger?.info({ documents: kb.documents.length, items: bank.stats.total, ms: bank.stats.ms, threads }, "quiz bank built");
      return bank;
    } finally {
      for (const w of workers) {
        this.workers.delete(w.worker);
        if (this.closed) void w.worker.terminate();
        else releaseWorker(w);
      }
    }
  }
}
