/**
 * Work on every core. Modules run through tsx (there is no build step), and worker threads do not inherit the
 * process's loader: each worker registers tsx, then imports `worker.ts`, which answers jobs by kind. The workers
 * live as long as the process (unref'd, so they never keep it alive): a second ingest reuses warm workers
 * instead of paying for a start-up and a cold JIT again.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

export function threadCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export type JobKind = "parse" | "analyze";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  worker: Worker;
}

class Pool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private turn = 0;

  constructor(size: number) {
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./worker.ts", import.meta.url).href;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
      worker.unref();
      worker.on("message", (m: { id: number; result?: unknown; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        this.holdOpen();
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.result);
      });
      // A worker that dies fails its own jobs and retires the pool: the next job starts a fresh one.
      worker.on("error", (err) => this.retire(worker, err));
      worker.on("exit", (code) => this.retire(worker, new Error(`worker exited with code ${code}`)));
      this.workers.push(worker);
    }
  }

  run<T>(kind: JobKind, payload: unknown): Promise<T> {
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, worker });
      this.holdOpen();
      worker.postMessage({ id, kind, payload });
    });
  }

  /** Workers keep the process alive only while a job is under way. */
  private holdOpen(): void {
    for (const w of this.workers) {
      if (this.pending.size) w.ref();
      else w.unref();
    }
  }

  private retire(dead: Worker, err: Error): void {
    for (const [id, p] of this.pending) {
      if (p.worker !== dead) continue;
      this.pending.delete(id);
      p.reject(err);
    }
    if (pool === this) pool = null;
    this.holdOpen();
    for (const w of this.workers) if (w !== dead && !this.pending.size) void w.terminate();
  }
}

let pool: Pool | null = null;

/** Run one job on a worker thread. */
export function runInWorker<T>(kind: JobKind, payload: unknown): Promise<T> {
  pool ??= new Pool(Math.max(1, threadCount() - 1));
  return pool.run<T>(kind, payload);
}

/**
 * Run `items` on every thread, in contiguous parts of about `PARTS_PER_THREAD` per thread: each worker takes the next
 * part when it hands one back, and this thread (`local`) takes one between its turns at the event loop, so a thread
 * slowed by long documents or by reading the workers' results does less, not the others waiting for it. Results come
 * back in input order. Below `minItems`, or on one core, everything runs here.
 */
export async function splitAcrossThreads<I, O>(
  items: I[],
  minItems: number,
  local: (part: I[]) => O[],
  remote: (part: I[]) => Promise<O[]>,
  threads = threadCount(),
): Promise<O[]> {
  if (threads <= 1 || items.length < minItems) return local(items);
  const size = Math.max(1, Math.ceil(items.length / (threads * PARTS_PER_THREAD)));
  const parts: I[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  const results: O[][] = new Array(parts.length);
  let next = 0;
  // A part whose worker fails is done here instead: an ingest never hangs or fails for a lost thread.
  const worker = async (): Promise<void> => {
    while (next < parts.length) {
      const k = next++;
      results[k] = await remote(parts[k]!).catch(() => local(parts[k]!));
    }
  };
  const workers = Array.from({ length: threads - 1 }, worker);
  while (next < parts.length) {
    const k = next++;
    results[k] = local(parts[k]!);
    // Let the workers' results in (and hand them their next parts) before taking another.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return results.flat();
}

/**
 * Parts per thread: enough that the threads finish together (a part is a few hundred milliseconds of a large ingest),
 * few enough that handing them out costs nothing measurable.
 */
const PARTS_PER_THREAD = 8;
