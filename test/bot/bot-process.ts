/**
 * Start the real bot process (`node --import tsx <entry>`) against a FakeBotApi, for the end-to-end suites.
 *
 * The entry is src/main.ts (the real assistant) once src/assistant/open.ts exists; until then, or with
 * BOT_E2E_ASSISTANT=fake, it is test/bot/fixtures/fake-main.ts: the same runMain with the in-memory FakeAssistant.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const REAL_ASSISTANT = existsSync(join(ROOT, "src/assistant/open.ts")) && process.env.BOT_E2E_ASSISTANT !== "fake";
export const ENTRY = REAL_ASSISTANT ? "src/main.ts" : "test/bot/fixtures/fake-main.ts";

export interface BotProcess {
  proc: ChildProcess;
  dataDir: string;
  output(): string;
  /** Resolve when the log contains `pattern`; reject if the process exits first or after `timeoutMs`. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Send a signal and resolve with the exit code and how long the exit took. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; ms: number }>;
  exited: Promise<number | null>;
}

export function spawnBot(env: Record<string, string | undefined>, options: { entry?: string; dataDir?: string } = {}): BotProcess {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "vanban-bot-"));
  const proc = spawn(process.execPath, ["--import", "tsx", options.entry ?? ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      CORPUS_DIRS: "corpus,../shared/corpus-extra",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString("utf8");
    if (process.env.BOT_E2E_VERBOSE) process.stderr.write(chunk);
    for (const l of [...listeners]) l();
  };
  proc.stdout!.on("data", onData);
  proc.stderr!.on("data", onData);
  const exited = new Promise<number | null>((res) => proc.once("exit", (code) => res(code)));
  let exitCode: number | null | undefined;
  void exited.then((c) => {
    exitCode = c;
    for (const l of [...listeners]) l();
  });

  return {
    proc,
    dataDir,
    exited,
    output: () => out,
    waitForLog(pattern, timeoutMs = 30_000) {
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            done();
            resolvePromise();
          } else if (exitCode !== undefined) {
            done();
            reject(new Error(`bot exited (${exitCode}) before logging ${pattern}:\n${out.slice(-3000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`bot did not log ${pattern} within ${timeoutMs} ms:\n${out.slice(-3000)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async stop(signal = "SIGTERM", timeoutMs = 10_000) {
      const started = Date.now();
      if (exitCode !== undefined) return { code: exitCode, ms: 0 };
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return { code, ms: Date.now() - started };
    },
  };
}
