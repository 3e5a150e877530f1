/**
 * A grammY storage adapter (read, write, delete) that keeps one JSON file per key in a folder.
 *
 * Writes go to a temporary file and are renamed into place, so a crash never leaves half a file; writes to one key
 * are queued so the last write wins. A file that cannot be parsed reads as missing (and is logged by the caller's
 * logger if one is given) rather than stopping the bot.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StorageAdapter } from "grammy";
import type { Logger } from "../../logger.js";

export class FileStore<T> implements StorageAdapter<T> {
  private readonly queues = new Map<string, Promise<unknown>>();
  private ready: Promise<unknown> | undefined;
  private tmpCounter = 0;

  /**
   * @param dir folder that holds the files (created on first write)
   * @param logger optional, for unreadable files
   */
  constructor(
    readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  /** File name for a key: safe keys are kept readable ("-100123.json"), others are base64url-encoded. */
  fileFor(key: string): string {
    const safe = /^[A-Za-z0-9_.-]{1,100}$/.test(key) && !key.startsWith(".") ? key : `~${Buffer.from(key).toString("base64url")}`;
    return join(this.dir, `${safe}.json`);
  }

  async read(key: string): Promise<T | undefined> {
    await this.queues.get(key)?.catch(() => undefined);
    let raw: string;
    try {
      raw = await readFile(this.fileFor(key), "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
    try {
      return JSON.parse(raw) as T;
    } catch {
      this.logger?.warn({ file: this.fileFor(key) }, "unreadable store file ignored");
      return undefined;
    }
  }

  write(key: string, value: T): Promise<void> {
    return this.enqueue(key, async () => {
      await this.ensureDir();
      const file = this.fileFor(key);
      const tmp = `${file}.${process.pid}.${++this.tmpCounter}.tmp`;
      try {
        await writeFile(tmp, JSON.stringify(value));
        await rename(tmp, file);
      } catch (err) {
        // A full disk or a vanished folder: no half-written temporary file is left behind.
        await rm(tmp, { force: true }).catch(() => undefined);
        throw err;
      }
    });
  }

  delete(key: string): Promise<void> {
    return this.enqueue(key, () => rm(this.fileFor(key), { force: true }));
  }

  async has(key: string): Promise<boolean> {
    return (await this.read(key)) !== undefined;
  }

  /** Delete entries not written for `maxAgeMs` (keeps the folder from growing without bound). Returns how many. */
  async prune(maxAgeMs: number, now: number = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const file = join(this.dir, name);
      try {
        const info = await stat(file);
        if (now - info.mtimeMs > maxAgeMs) {
          await rm(file, { force: true });
          removed++;
        }
      } catch {
        // Raced with a writer or already gone: nothing to prune.
      }
    }
    return removed;
  }

  /** Resolves when every queued write and delete has finished. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }

  private ensureDir(): Promise<unknown> {
    this.ready ??= mkdir(this.dir, { recursive: true }).catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  private enqueue(key: string, op: () => Promise<unknown>): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(op);
    this.queues.set(key, next);
    const cleanup = () => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    };
    next.then(cleanup, cleanup);
    return next.then(() => undefined);
  }
}
