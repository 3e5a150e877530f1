/**
 * Bot load benchmark: N simulated users, all active at once, ask through a loopback fake Bot API. Each user asks,
 * waits for the complete answer, "reads" it for a think time (uniform 0.5–1.5 × thinkTimeMs, default mean 2 s), then
 * asks the next question; first questions are spread over one think time. The bot runs in-process as in production:
 * runner long polling, sequentialize per chat, file sessions and answer store on disk, auto-retry. The fake Bot API runs
 * on a worker thread (bench/lib/bot-api-worker.ts), as Telegram's servers are not on the bot's event loop: it reads a
 * reply when the bot sends it, not once the bot has worked through its backlog.
 *
 * Why a think time: with none (thinkTimeMs: 0, a pure closed loop) every user always has a question in flight, and by
 * Little's law latency ≈ users / throughput: the benchmark then measures queueing, not the bot. 200 users with a 2 s
 * think time offer ≈ 100 questions/s, twice the 50 q/s target.
 *
 * Reports answered questions per second, reply latency p50/p95 in milliseconds (from the getUpdates response that
 * delivered the question to the first sendMessage of its reply, both taken on the fake's thread) and lost questions (no complete answer by the
 * deadline, or an apology / limit reply instead of an answer). Target on the embedded default: ≥ 50 q/s,
 * p95 ≤ 500 ms, 0 lost.
 *
 *   npx tsx bench/bot-load.ts [--users 200] [--questions 5] [--think 2000] [--assistant real|fake]
 *
 * `runBotLoad(options)` is what the bench runner calls.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { run } from "@grammyjs/runner";
import type { Assistant } from "../src/assistant/types.js";
import { parseConfig, type Config } from "../src/config.js";
import { silentLogger, type Logger } from "../src/logger.js";
import { createBot } from "../src/bot/bot.js";
import { APOLOGY } from "../src/bot/error-handler.js";
import { InFlight } from "../src/bot/in-flight.js";
import { createFileStorage } from "../src/bot/storage/index.js";
import type { UserFromGetMe } from "grammy/types";
import { rng } from "./lib/rng.js";

export interface BotLoadOptions {
  /** Simulated users asking at the same time (default 200). */
  users?: number;
  /** Questions each user asks, one after the other (default 5). */
  questionsPerUser?: number;
  /** The assistant to load; default: the real one from src/assistant/open.ts with `config`. */
  assistant?: Assistant;
  /** Environment overrides for the configuration (CORPUS_DIRS, DATA_DIR…); the Telegram settings are the fake's. */
  env?: Record<string, string>;
  /** Questions to cycle through (default: a set close to what cadres ask). */
  questions?: string[];
  /** Mean pause between an answer and the user's next question, in milliseconds (default 2000; 0 = closed loop). */
  thinkTimeMs?: number;
  /** Seed of the think-time randomness (default 1), for repeatable runs. */
  seed?: number;
  /** Give up on unanswered questions after this many milliseconds (default 120 000). */
  deadlineMs?: number;
  logger?: Logger;
}

export interface BotLoadResult {
  /** Questions answered per second, over the whole run. */
  qps: number;
  /** Reply latency percentiles, milliseconds. */
  p50: number;
  p95: number;
  /** Questions without a complete answer by the deadline (or answered with an apology / limit message). */
  lost: number;
  /** Questions asked. */
  total: number;
  answered: number;
  /** Questions answered with an apology, a limit or a timeout message (counted in `lost`). */
  failed: number;
  durationMs: number;
}

export const DEFAULT_QUESTIONS = [
  "Tỉnh ủy Quảng Ngãi giao Ban Tuyên giáo Tỉnh ủy những nhiệm vụ gì?",
  "Kết luận số 69-KL/TW do cơ quan nào ban hành, vào ngày nào?",
  "Công văn 2018-CV/TU giao Đảng đoàn Hội đồng nhân dân tỉnh nhiệm vụ gì?",
  "Công đoàn ngành giáo dục thành phố có nhiệm vụ gì trong việc thực hiện Kết luận 69?",
  "Tỉnh Thái Nguyên đặt mục tiêu trở thành trung tâm gì vào năm 2030?",
  "Công văn 844-CV/ĐU chú trọng những nhiệm vụ cụ thể nào?",
  "Ai ký Công văn 2018-CV/TU của Tỉnh ủy Quảng Ngãi?",
  "Hướng dẫn của Ban Tuyên giáo Thành ủy Từ Sơn căn cứ vào văn bản nào?",
  "ai phu trach tuyen truyen ket luan 69",
  "Sở Giáo dục và Đào tạo phối hợp với cơ quan nào?",
];

const FAILURE = /đạt giới hạn|quá nhiều thời gian|khởi động lại/;


interface Reply {
  chatId: number;
  text: string;
  keyboard: boolean;
  latencyMs?: number;
}

/** The fake Bot API on its own thread (bench/lib/bot-api-worker.ts), driven by messages. */
async function startFakeApi() {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./lib/bot-api-worker.ts", import.meta.url).href;
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  const listeners = new Set<(r: Reply) => void>();
  let closed: () => void = () => undefined;
  const ready = await new Promise<{ token: string; apiRoot: string; botInfo: UserFromGetMe }>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (m: { kind: string } & Record<string, any>) => {
      if (m.kind === "ready") resolve(m as never);
      else if (m.kind === "reply") for (const l of listeners) l(m as unknown as Reply);
      else if (m.kind === "closed") closed();
    });
  });
  return {
    ...ready,
    ask: (chatId: number, text: string) => worker.postMessage({ kind: "ask", chatId, text }),
    onReply: (listener: (r: Reply) => void) => void listeners.add(listener),
    close: async () => {
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ kind: "close" });
      });
      await worker.terminate();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function defaultAssistant(config: Config, logger: Logger): Promise<Assistant> {
  const modulePath = "../src/assistant/open.js";
  const { openAssistant } = (await import(modulePath)) as { openAssistant: (c: Config, l: Logger) => Promise<Assistant> };
  return openAssistant(config, logger);
}

export async function runBotLoad(options: BotLoadOptions = {}): Promise<BotLoadResult> {
  const users = options.users ?? 200;
  const perUser = options.questionsPerUser ?? 5;
  const questions = options.questions ?? DEFAULT_QUESTIONS;
  const deadlineMs = options.deadlineMs ?? 120_000;
  const thinkTimeMs = options.thinkTimeMs ?? 2_000;
  const rand = rng(options.seed ?? 1);
  const think = () => (thinkTimeMs > 0 ? thinkTimeMs * (0.5 + rand()) : 0);
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const logger = options.logger ?? silentLogger;
  const dataDir = mkdtempSync(join(tmpdir(), "vanban-bot-load-"));
  const api = await startFakeApi();
  const config = parseConfig({
    CORPUS_DIRS: "corpus,../shared/corpus-extra",
    DATA_DIR: dataDir,
    ...options.env,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    RATE_LIMIT_PER_MINUTE: String(perUser * 10),
    ALLOWED_USER_IDS: "",
    ALLOWED_CHAT_IDS: "",
  });
  const assistant = options.assistant ?? (await defaultAssistant(config, logger));
  const storage = await createFileStorage(config.DATA_DIR, logger);
  const inFlight = new InFlight();
  const bot = createBot(api.token, { config, logger, assistant, storage, botInfo: api.botInfo, inFlight });
  const handle = run(bot, { runner: { fetch: { timeout: 30 }, silent: true }, sink: { concurrency: 500 } });

  /** Users with a question not yet answered in full. */
  const pending = new Set<number>();
  const asked = new Map<number, number>();
  const latencies: number[] = [];
  let answered = 0;
  let failed = 0;
  let finished = 0;
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((r) => (allDone = r));

  const ask = (userId: number) => {
    const n = asked.get(userId) ?? 0;
    if (n >= perUser) {
      if (++finished === users) allDone();
      return;
    }
    asked.set(userId, n + 1);
    pending.add(userId);
    api.ask(userId, questions[(userId + n) % questions.length]!);
  };

  api.onReply((reply) => {
    if (!pending.has(reply.chatId)) return;
    if (reply.latencyMs !== undefined) latencies.push(reply.latencyMs);
    if (reply.keyboard) answered++;
    else if (reply.text === APOLOGY || FAILURE.test(reply.text)) failed++;
    else return; // first part of a split answer: the keyboard comes with the last part
    pending.delete(reply.chatId);
    lastAnswerAt = performance.now();
    later(think(), () => ask(reply.chatId));
  });

  const started = performance.now();
  let lastAnswerAt = started;
  for (let i = 0; i < users; i++) later(thinkTimeMs > 0 ? rand() * thinkTimeMs : 0, () => ask(100_000 + i));
  const timer = setTimeout(allDone, deadlineMs);
  await done;
  clearTimeout(timer);
  for (const t of timers) clearTimeout(t);
  // Throughput over the time questions were being answered (not the idle think time after the last answer).
  const durationMs = lastAnswerAt - started;

  await Promise.race([handle.stop(), new Promise((r) => setTimeout(r, 2_000))]);
  await inFlight.idle(2_000);
  await storage.flush();
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });

  const total = users * perUser;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    qps: round(answered / (durationMs / 1000)),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    lost: total - answered,
    total,
    answered,
    durationMs: Math.round(durationMs),
    failed,
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? "")).href) {
  const root = resolve(import.meta.dirname, "..");
  const wantFake = arg("assistant") === "fake" || !existsSync(join(root, "src/assistant/open.ts"));
  let assistant: Assistant | undefined;
  if (wantFake) {
    const { FakeAssistant } = await import("../test/bot/fake-assistant.js");
    assistant = new FakeAssistant();
    process.stderr.write("bot-load: using the in-memory FakeAssistant (src/assistant/open.ts missing or --assistant fake)\n");
  }
  const result = await runBotLoad({
    users: Number(arg("users") ?? 200),
    questionsPerUser: Number(arg("questions") ?? 5),
    thinkTimeMs: arg("think") !== undefined ? Number(arg("think")) : undefined,
    assistant,
  });
  process.stdout.write(`${JSON.stringify({ assistant: wantFake ? "fake" : "real", ...result })}\n`);
  process.exit(result.lost === 0 ? 0 : 1);
}
