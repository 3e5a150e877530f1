/**
 * Starting a quiz or a study session from a command, shared by /quiz (quiz.ts) and /onthi (onthi.ts).
 */
import type { User } from "grammy/types";
import { BankBuildAborted } from "../../quiz/build.js";
import type { QuizGame } from "../../quiz/game.js";
import type { BotContext } from "../context.js";

export function displayName(user: User): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
  return name || (user.username ? `@${user.username}` : `#${user.id}`);
}

export const PREPARING = "⏳ Đang chuẩn bị câu đố: ngân hàng câu hỏi đang được lập từ kho văn bản (lần đầu sau khi khởi động hoặc nạp văn bản). Câu hỏi đầu tiên sẽ đến ngay khi xong.";

/**
 * Start a quiz or session. With the bank built, at once; while it is still being built, the chat is told so and the
 * quiz starts when it is ready, outside this update: the chat's next messages are not held up meanwhile.
 */
export async function startInBackground(ctx: BotContext, game: QuizGame, input: Parameters<QuizGame["start"]>[0]): Promise<void> {
  if (game.bankReady()) {
    const result = await game.start(input);
    if (!result.ok) await ctx.reply(result.message);
    return;
  }
  await ctx.reply(PREPARING);
  const log = ctx.log;
  void game
    .start(input)
    .then(async (result) => {
      if (!result.ok) await ctx.api.sendMessage(input.chatId, result.message);
    })
    .catch(async (err: unknown) => {
      if (err instanceof BankBuildAborted) return;
      log.error({ err, chat: input.chatId }, "starting a quiz failed");
      await ctx.api.sendMessage(input.chatId, "Xin lỗi, chưa chuẩn bị được câu hỏi. Đồng chí thử lại sau ít phút.").catch(() => undefined);
    });
}

