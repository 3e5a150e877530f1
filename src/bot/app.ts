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
import { createBot, API_TIMEOUT_SECONDS } from "./bot.js";
import { ADMIN_COMMANDS, USER_COMMANDS } from "./commands.js";
import { InFlight } from "./in-flight.js";
import { startPolling, startWebhook, type Launched } from "./launch.js";
import { createFileStorage } from "./storage/index.js";

export type OpenAssistant = (config: Config, logger: Logger) => Promise<Assistant>;

export const NO_TOKEN_MESSAGE = [
  "Chưa có TELEGRAM_BOT_TOKEN: không thể chạy bot Telegram.",
  "  Đặt token (lấy từ @BotFather) vào tệp .env: TELEGRAM_BOT_TOKEN=123456:ABC...",
  "  Hoặc trò chuyện với trợ lý ngay trên terminal: npm run chat",
  "TELEGRAM_BOT_TOKEN is not set: the Telegram bot cannot start.",
  "  Put the token from @BotFather in .env, or chat in the terminal with: npm run chat",
].join("\n");

/** Hard limit on the whole shutdown, in milliseconds: exit 0 even if something hangs. */
const SHUTDOWN_DEADLINE_MS = 8_000;

/** getMe with a clear message for the two failures an operator can fix: a wrong token, an unreachable API. */
async function whoAmI(token: string, config: Config): Promise<UserFromGetMe> {
  const api = new Api(token, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 30 });
  try {
    return await api.getMe();
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      throw new Error("Telegram từ chối TELEGRAM_BOT_TOKEN (401/404): kiểm tra lại token với @BotFather. / The bot token was rejected.");
    }
    if (err instanceof HttpError) {
      throw new Error(
        `Không kết nối được Bot API tại ${config.TELEGRAM_API_ROOT} (TELEGRAM_API_ROOT). / Cannot reach the Bot API: ${scrubSecrets(err.message)}`,
      );
    }
    throw err;
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
    const botInfo = await whoAmI(token, config);
    logger.info({ username: botInfo.username, mode: config.BOT_MODE }, "bot identity confirmed");
    const storage = await createFileStorage(config.DATA_DIR, logger);
    storageFlush = () => storage.flush();
    const started = Date.now();
    const assistant = await options.openAssistant(config, logger);
    logger.info({ ms: Date.now() - started, documents: assistant.documents().length }, "assistant ready");
    if (stopping) return;

    const inFlight = new InFlight();
    const bot = createBot(token, { config, logger, assistant, storage, botInfo, inFlight, shutdownSignal: shutdown.signal, quizWriter: options.quizWriter?.() ?? null });
    bot.api.config.use(async (prev, method, payload, signal) => {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (method === "getUpdates" && !stopping) logger.warn({ err }, "getUpdates failed; retrying");
        throw err;
      }
    });
    await setCommands(bot.api, config, logger);
    if (config.BOT_MODE === "polling") await bot.api.deleteWebhook();

    const launchOptions = { bot, config, logger, inFlight, abortInFlight: () => shutdown.abort() };
    launched = config.BOT_MODE === "webhook" ? await startWebhook(launchOptions) : startPolling(launchOptions);
    logger.info({ mode: config.BOT_MODE, apiTimeoutSeconds: API_TIMEOUT_SECONDS }, "bot started");
    const err = await launched.crashed;
    if (stopping) return;
    logger.fatal({ err }, "bot stopped receiving updates");
    await storage.flush();
    process.exit(1);
  } catch (err) {
    if (stopping) return;
    logger.fatal({ err }, "start-up failed");
    process.stderr.write(`${scrubSecrets(err instanceof Error ? err.message : String(err))}\n`);
    process.exit(1);
  }
}
