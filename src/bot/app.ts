/**
 * The bot process: configuration, checks, the assistant, the bot, and a clean shutdown.
 * `src/main.ts` calls `runMain` with the real `openAssistant`; tests can pass another one.
 */
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Assistant } from "../assistant/types.js";
import type { QuizItemWriter } from "../quiz/generated.js";
import { ConfigError, loadConfig, type Config } from "../config.js";
import { createLogger, scrubSecrets, type Logger } from "../logger.js";
import { taskSourceOf } from "../tasks/source.js";
import { createBot, API_TIMEOUT_SECONDS } from "./bot.js";
import { createReminders } from "./features/tasks.js";
import { ADMIN_COMMANDS, USER_COMMANDS } from "./commands.js";
import { InFlight } from "./in-flight.js";
import { startPolling, startWebhook, type Launched } from "./launch.js";
import { backoffMs, TELEGRAM_RETRY } from "./transport.js";
import { createFileStorage } from "./storage/index.js";
import { checkDataDir, StartupError } from "../startup.js";

/** What start-up offers the assistant's opener besides configuration and logger. */
export interface OpenHooks {
  /** A Vietnamese notice for the admins (e.g. the index was damaged and rebuilt); the bot sends it once it runs. */
  onRecovery?(message: string): void;
}

export type OpenAssistant = (config: Config, logger: Logger, hooks?: OpenHooks) => Promise<Assistant>;

export const NO_TOKEN_MESSAGE = [
  "Chưa có TELEGRAM_BOT_TOKEN: không thể chạy bot Telegram.",
  "  Đặt token (lấy từ @BotFather) vào tệp .env: TELEGRAM_BOT_TOKEN=123456:ABC...",
  "  Hoặc trò chuyện với trợ lý ngay trên terminal: npm run chat",
  "TELEGRAM_BOT_TOKEN is not set: the Telegram bot cannot start.",
  "  Put the token from @BotFather in .env, or chat in the terminal with: npm run chat",
].join("\n");

/** Hard limit on the whole shutdown, in milliseconds: exit 0 even if something hangs. */
const SHUTDOWN_DEADLINE_MS = 8_000;

/**
 * How long start-up waits for the Bot API to answer getMe: a bot started with its host (docker compose, systemd)
 * may come up before the network or during a short Telegram outage; a wrong TELEGRAM_API_ROOT still ends start-up.
 */
const STARTUP_TELEGRAM_WAIT_MS = 120_000;

/** getMe, retried through a network failure or a 5xx for a while, with a message naming the setting at fault. */
async function whoAmI(token: string, config: Config, logger: Logger): Promise<UserFromGetMe> {
  const api = new Api(token, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 30 });
  const giveUpAt = Date.now() + STARTUP_TELEGRAM_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.getMe();
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new StartupError("TELEGRAM_BOT_TOKEN", "TELEGRAM_BOT_TOKEN: Telegram từ chối token này (401/404): kiểm tra lại token với @BotFather. / The bot token was rejected.");
      }
      const transient = err instanceof HttpError || (err instanceof GrammyError && (err.error_code >= 500 || err.error_code === 429));
      if (!transient) throw err;
      const delay = backoffMs(attempt, TELEGRAM_RETRY.pollFirstMs, TELEGRAM_RETRY.pollCapMs);
      if (Date.now() + delay > giveUpAt) {
        throw new StartupError(
          "TELEGRAM_API_ROOT",
          `TELEGRAM_API_ROOT: không kết nối được Bot API tại ${config.TELEGRAM_API_ROOT} sau ${STARTUP_TELEGRAM_WAIT_MS / 1000} giây. ` +
            `Kiểm tra mạng và TELEGRAM_API_ROOT. / Cannot reach the Bot API: ${scrubSecrets(err instanceof Error ? err.message : String(err))}`,
        );
      }
      logger.warn({ attempt: attempt + 1, retryInMs: delay, err }, "Bot API unreachable at start; retrying");
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

async function setCommands(api: Api, config: Config, logger: Logger): Promise<void> {
  try {
    await api.setMyCommands(USER_COMMANDS);
  } catch (err) {
    logger.warn({ err }, "setMyCommands failed; the command menu may be out of date");
  }
  for (const adminId of config.ADMIN_USER_IDS) {
    // Fails with "chat not found" until the admin has opened a chat with the bot: harmless.
    await api
      .setMyCommands(ADMIN_COMMANDS, { scope: { type: "chat", chat_id: adminId } })
      .catch((err: unknown) => logger.debug({ err, adminId }, "admin command menu not set"));
  }
}

/** Send start-up notices (index recovered …) to every admin; an admin who never opened a chat cannot get them. */
async function notifyAdmins(api: Api, config: Config, logger: Logger, notices: string[]): Promise<void> {
  for (const text of notices) {
    for (const adminId of config.ADMIN_USER_IDS) {
      await api.sendMessage(adminId, text).catch((err: unknown) => logger.warn({ err, adminId }, "admin notice not delivered"));
    }
  }
}

/** Start-up failures an operator fixes in one setting, said in Vietnamese with the setting's name. */
function startupErrorOf(err: unknown, config: Config): StartupError | null {
  if (err instanceof StartupError) return err;
  const e = err as { name?: string; message?: string; operation?: string } | null;
  switch (e?.name) {
    case "EmptyCorpusError":
      return new StartupError(
        "CORPUS_DIRS",
        `CORPUS_DIRS: không tìm thấy văn bản nào để nạp trong ${config.CORPUS_DIRS.join(", ")}. Kiểm tra đường dẫn các thư mục văn bản (tính từ thư mục chạy trợ lý).`,
      );
    case "QdrantStoreError":
      return new StartupError(
        "QDRANT_URL",
        `QDRANT_URL: không dùng được Qdrant (${scrubSecrets(e.message ?? "")}). Kiểm tra QDRANT_URL và QDRANT_API_KEY, hoặc bỏ QDRANT_URL để dùng chỉ mục trên đĩa.`,
      );
    case "LlmError": {
      const setting = e.operation === "embeddings" ? "EMBEDDING_MODEL" : "CHAT_MODEL";
      return new StartupError(
        setting,
        `${setting}: không lập được chỉ mục vì máy chủ mô hình không trả lời đúng (${scrubSecrets(e.message ?? "")}). ` +
          "Kiểm tra địa chỉ máy chủ (OPENAI_BASE_URL, EMBEDDING_BASE_URL), khóa và tên mô hình, hoặc bỏ EMBEDDING_MODEL để trả lời không cần mô hình.",
      );
    }
    default:
      return null;
  }
}

export interface RunMainOptions {
  openAssistant: OpenAssistant;
  /** Release what openAssistant opened (e.g. the Qdrant client), after the last reply on shutdown. */
  close?: () => Promise<void>;
  /** The chat model that writes quiz items, once openAssistant has built the services (none: text items only). */
  quizWriter?: () => QuizItemWriter | null;
}

export async function runMain(options: RunMainOptions): Promise<void> {
  let config: Config;
  try {
    config = await loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: config.LOG_LEVEL, name: "vanban-bot" });
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) {
    process.stderr.write(`${NO_TOKEN_MESSAGE}\n`);
    process.exit(2);
  }

  let launched: Launched | undefined;
  let storageFlush: (() => Promise<void>) | undefined;
  let stopReminders: (() => Promise<void>) | undefined;
  const shutdown = new AbortController();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.warn("shutdown deadline reached, exiting");
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    try {
      await launched?.stop();
      await stopReminders?.();
      await storageFlush?.();
      await options.close?.();
    } catch (err) {
      logger.error({ err }, "error during shutdown");
    }
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled promise rejection"));

  try {
    await checkDataDir(config.DATA_DIR);
    const botInfo = await whoAmI(token, config, logger);
    logger.info({ username: botInfo.username, mode: config.BOT_MODE }, "bot identity confirmed");
    const storage = await createFileStorage(config.DATA_DIR, logger);
    storageFlush = () => storage.flush();
    const started = Date.now();
    const notices: string[] = [];
    const assistant = await options.openAssistant(config, logger, { onRecovery: (message) => notices.push(message) });
    logger.info({ ms: Date.now() - started, documents: assistant.documents().length }, "assistant ready");
    if (stopping) return;

    const inFlight = new InFlight();
    // Deadline reminders and new-document notices for /theodoi: checked every minute once the bot runs.
    const taskSource = taskSourceOf(assistant);
    const reminders = createReminders({ config, logger, source: taskSource, api: () => bot.api });
    const bot = createBot(token, { config, logger, assistant, storage, botInfo, inFlight, shutdownSignal: shutdown.signal, tasks: { source: taskSource, reminders }, quizWriter: options.quizWriter?.() ?? null });
    bot.api.config.use(async (prev, method, payload, signal) => {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (method === "getUpdates" && !stopping) logger.warn({ err }, "getUpdates failed; retrying");
        throw err;
      }
    });
    await setCommands(bot.api, config, logger);
    await notifyAdmins(bot.api, config, logger, notices);
    if (config.BOT_MODE === "polling") await bot.api.deleteWebhook();

    const launchOptions = { bot, config, logger, inFlight, abortInFlight: () => shutdown.abort() };
    launched = config.BOT_MODE === "webhook" ? await startWebhook(launchOptions) : startPolling(launchOptions);
    logger.info({ mode: config.BOT_MODE, apiTimeoutSeconds: API_TIMEOUT_SECONDS }, "bot started");
    reminders.start();
    stopReminders = () => reminders.stop();
    const err = await launched.crashed;
    if (stopping) return;
    logger.fatal({ err }, "bot stopped receiving updates");
    await storage.flush();
    process.exit(1);
  } catch (err) {
    if (stopping) return;
    const named = startupErrorOf(err, config);
    if (named) {
      // The message names the setting and the fix; the errno behind it would only distract.
      logger.fatal({ setting: named.setting }, "start-up failed");
      process.stderr.write(`${named.message}\n`);
      process.exit(2);
    }
    logger.fatal({ err }, "start-up failed");
    process.stderr.write(`${scrubSecrets(err instanceof Error ? err.message : String(err))}\n`);
    process.exit(1);
  }
}
