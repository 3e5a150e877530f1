/**
 * /quiz and /diem: review quizzes as native Telegram quiz polls, in groups and in private; /onthi (onthi.ts), the
 * study session, runs on the same engine.
 *
 *   /quiz [n] [chủ đề hoặc số hiệu]   n questions (default 5, at most 20), e.g. /quiz 10 KL 69, /quiz Quảng Ngãi
 *   /quiz stop                        end the chat's quiz and post the results so far
 *   /diem                             this session (running or last), the chat's all-time board, the asker's totals
 *
 * The question bank is built off the event loop (worker threads, src/quiz/build.ts), starting when the bot starts:
 * a /quiz that comes before it is ready is told so and starts when it is, without holding up the chat.
 *
 * Polls are non-anonymous so answers arrive as poll_answer updates, which carry no chat: `pollAnswers` maps them
 * back through the stored poll id. It is mounted before the access check (bot.ts) because a poll answer has no chat
 * to check; only polls this bot sent to an admitted chat are known, anything else is ignored.
 * The engine (pacing, scores, spaced repetition, restart) is src/quiz/game.ts; this file is the Telegram side.
 */
import { join } from "node:path";
import { Composer, type Api, type MiddlewareFn } from "grammy";
import { knowledgeOf } from "../../quiz/bank.js";
import { BankBuildAborted, QuizBanks } from "../../quiz/build.js";
import { QuizGame, parseQuizArgs, MAX_QUESTIONS, type QuizTransport } from "../../quiz/game.js";
import type { QuizItemWriter } from "../../quiz/generated.js";
import type { QuizStore } from "../../quiz/store.js";
import { isPrivate } from "../addressing.js";
import type { BotContext, BotDeps } from "../context.js";
import { splitHtml } from "../format/split.js";
import { FileStore } from "../storage/file-store.js";
import { WhenQuiet } from "../when-quiet.js";
import { studySessionFeature } from "./onthi.js";
import { displayName, startInBackground } from "./quiz-start.js";

export interface QuizFeatureDeps extends BotDeps {
  /** The bot's API (polls are sent outside any update when a poll closes). */
  api: Api;
  /** Default: files under `${DATA_DIR}/bot/quiz`. */
  quizStore?: QuizStore;
  /** Where banks are built. Default: worker threads (one per core). */
  quizBanks?: QuizBanks;
  /** Writes items for the parts of a document a session's bank lacks (CHAT_MODEL set). */
  quizWriter?: QuizItemWriter | null;
}

export function fileQuizStore(dataDir: string, logger?: BotDeps["logger"]): QuizStore {
  const root = join(dataDir, "bot", "quiz");
  return {
    active: new FileStore(join(root, "active"), logger),
    polls: new FileStore(join(root, "polls"), logger),
    scores: new FileStore(join(root, "scores"), logger),
    decks: new FileStore(join(root, "decks"), logger),
    people: new FileStore(join(root, "people"), logger),
    index: new FileStore(join(root, "index"), logger),
  };
}

export function telegramTransport(api: Api): QuizTransport {
  return {
    async sendPoll(chatId, poll) {
      const sent = await api.sendPoll(chatId, poll.question, poll.options, {
        type: "quiz",
        is_anonymous: false,
        correct_option_ids: poll.correct,
        explanation: poll.explanation,
        open_period: poll.openPeriod,
      });
      return { pollId: sent.poll.id, messageId: sent.message_id };
    },
    async stopPoll(chatId, messageId) {
      await api.stopPoll(chatId, messageId);
    },
    async sendHtml(chatId, html) {
      for (const part of splitHtml(html)) await api.sendMessage(chatId, part, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    },
    async humans(chatId) {
      const count = await api.getChatMemberCount(chatId);
      return typeof count === "number" ? count - 1 : null;
    },
  };
}

export const QUIZ_USAGE =
  `Cách dùng: /quiz [số câu] [chủ đề hoặc số hiệu], ví dụ /quiz, /quiz 10, /quiz 5 KL 69, /quiz Quảng Ngãi (tối đa ${MAX_QUESTIONS} câu). ` +
  "Dừng: /quiz stop. Bảng điểm: /diem.";

/** The background bank build waits for this long without an update… */
const PREBUILD_QUIET_MS = 2_000;
/** …or this long at most, under steady traffic. */
const PREBUILD_MAX_WAIT_MS = 60_000;

export function quizFeatures(deps: QuizFeatureDeps): {
  commands: Composer<BotContext>;
  pollAnswers: Composer<BotContext>;
  game: QuizGame;
  /** Middleware for every update: traffic that holds the background bank build back. */
  activity: MiddlewareFn<BotContext>;
} {
  const banks = deps.quizBanks ?? new QuizBanks({ logger: deps.logger });
  const game = new QuizGame({
    store: deps.quizStore ?? fileQuizStore(deps.config.DATA_DIR, deps.logger),
    transport: telegramTransport(deps.api),
    knowledge: () => knowledgeOf(deps.assistant),
    banks,
    openPeriod: deps.config.QUIZ_OPEN_PERIOD,
    admins: deps.config.ADMIN_USER_IDS,
    writer: deps.quizWriter ?? null,
    logger: deps.logger,
  });
  void game.resume().catch((err: unknown) => deps.logger.warn({ err }, "resuming running quizzes failed"));
  // Build the bank in the background, once the bot is quiet: the first /quiz or /onthi then rarely waits, and the
  // questions of a start's backlog do not wait behind the build's threads. A /quiz before then builds it at once.
  const kb = knowledgeOf(deps.assistant);
  const prebuild = new WhenQuiet(
    () => {
      if (!kb) return;
      deps.logger.info({ documents: kb.documents.length }, "quiz bank build started");
      void banks.bankFor(kb).catch((err: unknown) => {
        if (!(err instanceof BankBuildAborted)) deps.logger.warn({ err }, "quiz bank build failed");
      });
    },
    PREBUILD_QUIET_MS,
    PREBUILD_MAX_WAIT_MS,
  );
  deps.shutdownSignal?.addEventListener("abort", () => prebuild.cancel(), { once: true });
  deps.shutdownSignal?.addEventListener("abort", () => banks.close(), { once: true });

  const commands = new Composer<BotContext>();
  commands.command("quiz", async (ctx) => {
    const chatId = ctx.chat.id;
    const args = parseQuizArgs(ctx.match);
    if (args.stop) {
      const r = await game.stop(chatId, ctx.from ? { id: ctx.from.id, name: displayName(ctx.from) } : undefined);
      if (r.message) await ctx.reply(r.message);
      return;
    }
    if (args.topic && /^(help|\?|hướng dẫn|huong dan)$/iu.test(args.topic)) {
      await ctx.reply(QUIZ_USAGE);
      return;
    }
    if (args.clamped) await ctx.reply(`Mỗi lượt tối đa ${MAX_QUESTIONS} câu; câu đố này có ${args.n} câu.`);
    const user = ctx.from ? { id: ctx.from.id, name: displayName(ctx.from) } : { id: chatId, name: "?" };
    await startInBackground(ctx, game, { chatId, isPrivate: isPrivate(ctx), user, n: args.n, topic: args.topic });
  });
  commands.use(studySessionFeature(game));
  commands.command("diem", async (ctx) => {
    for (const part of splitHtml(await game.scoreHtml(ctx.chat.id, ctx.from?.id ?? null))) await ctx.reply(part, { parse_mode: "HTML" });
  });

  const pollAnswers = new Composer<BotContext>();
  pollAnswers.on("poll_answer", async (ctx) => {
    const a = ctx.pollAnswer;
    if (!a.user) return; // anonymous voter: our polls are not anonymous
    await game.answer({ pollId: a.poll_id, user: { id: a.user.id, name: displayName(a.user) }, optionIds: a.option_ids });
  });

  const activity: MiddlewareFn<BotContext> = (_ctx, next) => {
    prebuild.touch();
    return next();
  };
  return { commands, pollAnswers, game, activity };
}
