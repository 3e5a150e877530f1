/**
 * createBot: the grammY bot with every feature wired in. Dependencies come in; nothing is imported ambiently.
 *
 * Order matters:
 *   1. per-update child logger and the in-flight counter (shutdown waits on it);
 *   2. sequentialize by chat: updates of one chat are processed in order (sessions are per chat), chats in parallel;
 *   3. the error boundary around everything the user can trigger: access, session, features.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { QuizItemWriter } from "../quiz/generated.js";
import type { BotContext, BotDeps } from "./context.js";
import { errorHandler } from "./error-handler.js";
import { adminFeature } from "./features/admin.js";
import { askFeature } from "./features/ask.js";
import { assignmentsFeature } from "./features/assignments.js";
import { chainFeature } from "./features/chain.js";
import { documentsFeature } from "./features/documents.js";
import { feedbackFeature } from "./features/feedback.js";
import { helpFeature } from "./features/help.js";
import { quizFeatures } from "./features/quiz.js";
import { sourcesFeature } from "./features/sources.js";
import { startFeature } from "./features/start.js";
import { unknownFeature } from "./features/unknown.js";
import { InFlight } from "./in-flight.js";
import { accessControl } from "./middlewares/access.js";
import { chatKey, chatSession } from "./middlewares/session.js";

export interface CreateBotOptions extends BotDeps {
  /** Skip getMe at start-up (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /** In-flight counter shared with the launcher (shutdown waits on it). */
  inFlight?: InFlight;
  /** Writes quiz items for study sessions (CHAT_MODEL set); null or absent: items from the text only. */
  quizWriter?: QuizItemWriter | null;
}

/** Bounded retries for 429 (flood wait) and 5xx: a reply older than this is not worth sending. */
export const RETRY_OPTIONS = { maxRetryAttempts: 3, maxDelaySeconds: 30 } as const;
/** Per-call timeout for Bot API requests, in seconds (getUpdates long-polls for 30 s, so this must exceed it). */
export const API_TIMEOUT_SECONDS = 60;

export function createBot(token: string, options: CreateBotOptions): Bot<BotContext> {
  const { config, logger, storage } = options;
  const bot = new Bot<BotContext>(token, {
    botInfo: options.botInfo,
    client: { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: API_TIMEOUT_SECONDS },
  });
  bot.api.config.use(autoRetry(RETRY_OPTIONS));

  bot.use(async (ctx, next) => {
    ctx.log = logger.child({ update_id: ctx.update.update_id });
    const started = Date.now();
    await next();
    ctx.log.debug({ ms: Date.now() - started, chat: ctx.chat?.id }, "update handled");
  });
  if (options.inFlight) bot.use(options.inFlight.middleware);
  bot.use(sequentialize(chatKey));

  const quiz = quizFeatures({ ...options, api: bot.api });
  const protectedArea = new Composer<BotContext>();
  protectedArea.use(accessControl({ config, refused: storage.refused }));
  protectedArea.use(chatSession(storage.sessions));
  protectedArea.use(
    startFeature(),
    helpFeature(config),
    quiz.commands,
    assignmentsFeature(options),
    chainFeature(options),
    documentsFeature(options),
    sourcesFeature(options),
    feedbackFeature(options),
    adminFeature(options),
    askFeature(options),
    unknownFeature(),
  );
  // Poll answers carry no chat to check access against: they only count for polls this bot sent (see features/quiz.ts).
  bot.errorBoundary(errorHandler(logger)).use(quiz.pollAnswers, protectedArea);

  // Last line of defence (an error thrown by the error handler itself): log, keep running.
  bot.catch((err) => logger.error({ update_id: err.ctx.update.update_id, err: err.error }, "unhandled bot error"));
  return bot;
}
