/**
 * createBot: the grammY bot with every feature wired in. Dependencies come in; nothing is imported ambiently.
 *
 * Order matters:
 *   1. a replayed update dropped; per-update child logger and the in-flight counter (shutdown waits on it);
 *   2. every button press answered once (callback-ack); sequentialize by chat: updates of one chat are processed in
 *      order (sessions are per chat), chats in parallel, button presses outside that queue;
 *   3. the error boundary around everything the user can trigger: access, session, features.
 */
import { sequentialize } from "@grammyjs/runner";
import { Bot, Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { QuizItemWriter } from "../quiz/generated.js";
import type { BotContext, BotDeps } from "./context.js";
import { errorHandler } from "./error-handler.js";
import { adminFeature } from "./features/admin.js";
import { askFeature } from "./features/ask.js";
import { chainFeature } from "./features/chain.js";
import { documentsFeature } from "./features/documents.js";
import { feedbackFeature } from "./features/feedback.js";
import { helpFeature } from "./features/help.js";
import { quizFeatures } from "./features/quiz.js";
import { scopeFeature } from "./features/scope.js";
import { sourcesFeature } from "./features/sources.js";
import { startFeature } from "./features/start.js";
import { taskFeatures, type TaskOptions } from "./features/tasks.js";
import { unknownFeature } from "./features/unknown.js";
import { InFlight } from "./in-flight.js";
import { createPager } from "./pager.js";
import { dropReplays } from "./middlewares/replays.js";
import { RETRY_OPTIONS, telegramRetry, type TelegramRetryOptions } from "./transport.js";
import { accessControl } from "./middlewares/access.js";
import { callbackAck } from "./middlewares/callback-ack.js";
import { chatKey, chatSession } from "./middlewares/session.js";

export interface CreateBotOptions extends BotDeps {
  /** Skip getMe at start-up (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /** In-flight counter shared with the launcher (shutdown waits on it). */
  inFlight?: InFlight;
  /** Override the Bot API retry timings (tests); see transport.ts. */
  retry?: Omit<TelegramRetryOptions, "logger">;
  /** The task register's source, reminders, list store and clock (defaults: see features/tasks.ts). */
  tasks?: TaskOptions;
  /** Writes quiz items for study sessions (CHAT_MODEL set); null or absent: items from the text only. */
  quizWriter?: QuizItemWriter | null;
}

export { RETRY_OPTIONS };
/** Per-call timeout for Bot API requests, in seconds (getUpdates long-polls for 30 s, so this must exceed it). */
export const API_TIMEOUT_SECONDS = 60;

export function createBot(token: string, options: CreateBotOptions): Bot<BotContext> {
  const { config, logger, storage } = options;
  const bot = new Bot<BotContext>(token, {
    botInfo: options.botInfo,
    client: { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: API_TIMEOUT_SECONDS },
  });
  bot.api.config.use(telegramRetry({ logger, ...options.retry }));

  // A webhook update Telegram delivers twice (it saw no 2xx in time) is handled once.
  bot.use(dropReplays(logger));
  bot.use(async (ctx, next) => {
    ctx.log = logger.child({ update_id: ctx.update.update_id });
    // Whether this update already got a message: the error handler then does not add an apology to an answer.
    ctx.replied = false;
    const chatId = ctx.chat?.id;
    ctx.api.config.use(async (prev, method, payload, signal) => {
      const res = await prev(method, payload, signal);
      if (res.ok && method.startsWith("send") && method !== "sendChatAction" && (payload as { chat_id?: unknown }).chat_id === chatId) ctx.replied = true;
      return res;
    });
    const started = Date.now();
    await next();
    ctx.log.debug({ ms: Date.now() - started, chat: ctx.chat?.id }, "update handled");
  });
  if (options.inFlight) bot.use(options.inFlight.middleware);
  bot.use(callbackAck);
  // Updates of one chat run in order (sessions), except button presses: they read the answer store only, and must
  // not wait behind an answer being generated in the same chat.
  bot.use(sequentialize((ctx) => (ctx.callbackQuery ? undefined : chatKey(ctx))));

  const quiz = quizFeatures({ ...options, api: bot.api });
  bot.use(quiz.activity);
  const tasks = taskFeatures({ ...options, api: bot.api });
  // Long lists and answers: one message whose buttons turn its pages (features register their page sources).
  const pager = createPager({ storage: storage.pages, logger });
  const protectedArea = new Composer<BotContext>();
  protectedArea.use(accessControl({ config, refused: storage.refused }));
  protectedArea.use(chatSession(storage.sessions, logger));
  protectedArea.use(
    startFeature(),
    helpFeature(config),
    quiz.commands,
    tasks.composer,
    chainFeature(options, pager),
    documentsFeature(options, pager),
    scopeFeature(options),
    sourcesFeature(options),
    pager.feature,
    feedbackFeature(options),
    adminFeature(options),
    askFeature(options, pager),
    unknownFeature(),
  );
  // Poll answers carry no chat to check access against: they only count for polls this bot sent (see features/quiz.ts).
  bot.errorBoundary(errorHandler(logger)).use(quiz.pollAnswers, protectedArea);

  // Last line of defence (an error thrown by the error handler itself): log, keep running.
  bot.catch((err) => logger.error({ update_id: err.ctx.update.update_id, err: err.error }, "unhandled bot error"));
  return bot;
}
