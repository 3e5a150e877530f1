/**
 * /onthi: a study session for a group (sinh hoạt chi bộ, học tập nghị quyết), on the quiz engine (src/quiz/game.ts).
 *
 *   /onthi [n] [nhịp] [chủ đề]   n questions (default 10, at most 20), each open for the pace ("45s"; default
 *                                QUIZ_OPEN_PERIOD), e.g. /onthi 10 45s KL 69
 *   /onthi tạm dừng | tiếp | dừng  the host (who started it) or an admin pauses, resumes or ends it
 *
 * At the end: the leaderboard and a review of the items most people missed, each with its citation. /diem shows this
 * session and all time. In private, what the person missed comes back in their next session (spaced repetition).
 */
import { Composer } from "grammy";
import { MAX_QUESTIONS, type QuizGame, parseSessionArgs } from "../../quiz/game.js";
import { isPrivate } from "../addressing.js";
import type { BotContext } from "../context.js";
import { displayName, startInBackground } from "./quiz-start.js";

export const SESSION_USAGE =
  `Cách dùng: /onthi [số câu] [số giây mỗi câu] [chủ đề hoặc số hiệu], ví dụ /onthi, /onthi 10 KL 69, /onthi 15 45s Nghị quyết 20 (tối đa ${MAX_QUESTIONS} câu). ` +
  "Người chủ trì: /onthi tạm dừng, /onthi tiếp, /onthi dừng. Bảng điểm: /diem.";

export function studySessionFeature(game: QuizGame): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("onthi", async (ctx) => {
    const chatId = ctx.chat.id;
    const user = ctx.from ? { id: ctx.from.id, name: displayName(ctx.from) } : { id: chatId, name: "?" };
    const args = parseSessionArgs(ctx.match);
    if (args.action !== "start") {
      const r = args.action === "pause" ? await game.pause(chatId, user) : args.action === "resume" ? await game.resumeQuiz(chatId, user) : await game.stop(chatId, user);
      if (r.message) await ctx.reply(r.message);
      return;
    }
    if (args.topic && /^(help|\?|hướng dẫn|huong dan)$/iu.test(args.topic)) {
      await ctx.reply(SESSION_USAGE);
      return;
    }
    if (args.clamped) await ctx.reply(`Mỗi buổi tối đa ${MAX_QUESTIONS} câu; buổi này có ${args.n} câu.`);
    if (args.openPeriod !== null && (args.openPeriod < 5 || args.openPeriod > 600)) {
      await ctx.reply("Mỗi câu mở từ 5 đến 600 giây (giới hạn của Telegram); đã điều chỉnh cho phù hợp.");
    }
    await startInBackground(ctx, game, { chatId, isPrivate: isPrivate(ctx), user, n: args.n, topic: args.topic, mode: "session", openPeriod: args.openPeriod });
  });
  return feature;
}
