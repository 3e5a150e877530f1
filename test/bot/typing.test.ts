import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Context } from "grammy";
import { withTyping } from "../../src/bot/middlewares/typing.js";

/** A context whose API records the chat actions sent, at the fake clock's time. */
function context(topic?: number) {
  const actions: { at: number; chat: number; action: string; thread?: number }[] = [];
  const ctx = {
    chat: { id: 42 },
    msg: topic ? { is_topic_message: true, message_thread_id: topic } : {},
    api: {
      sendChatAction: async (chat: number, action: string, other: { message_thread_id?: number }) => {
        actions.push({ at: Date.now(), chat, action, thread: other.message_thread_id });
        return true;
      },
    },
  } as unknown as Context;
  return { ctx, actions };
}

const work = (ms: number) => () => new Promise<string>((resolve) => setTimeout(() => resolve("xong"), ms));

describe("typing… while the bot works", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends nothing for an answer ready before anyone would notice the wait", async () => {
    const { ctx, actions } = context();
    const done = withTyping(ctx, work(120));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await done).toBe("xong");
    expect(actions).toEqual([]);
  });

  it("shows typing once the work is noticed, repeats it before Telegram clears it, and stops with the work", async () => {
    const { ctx, actions } = context(7);
    const done = withTyping(ctx, work(9_000));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await done).toBe("xong");
    expect(actions.map((a) => a.at)).toEqual([300, 4_300, 8_300]);
    expect(actions.every((a) => a.chat === 42 && a.action === "typing" && a.thread === 7)).toBe(true);
  });

  it("a failed action costs nothing: the work's result still comes back", async () => {
    const { ctx } = context();
    (ctx.api as unknown as { sendChatAction: () => Promise<never> }).sendChatAction = () => Promise.reject(new Error("429"));
    const done = withTyping(ctx, work(1_000));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await done).toBe("xong");
  });
});
