/**
 * /quiz and /diem. Placeholder until the quiz issue lands: replace this file's Composer.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const QUIZ_COMING = "Tính năng câu đố ôn tập đang được hoàn thiện và sẽ sớm ra mắt. Trong lúc chờ, đồng chí có thể đặt câu hỏi hoặc dùng /help.";

export function quizFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(["quiz", "diem"], (ctx) => ctx.reply(QUIZ_COMING));
  return feature;
}
