/**
 * Telegram delivers a webhook update again when it saw no 2xx in time (a slow network, a restart of the proxy), and
 * the same update then got two answers. Update ids are remembered (the most recent ones, in memory) and a second
 * delivery is dropped. Long polling confirms offsets and never repeats an update; the check costs nothing there.
 */
import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../logger.js";

/** Update ids remembered: Telegram redelivers within minutes, and a busy bot sees far fewer updates than this. */
export const REMEMBERED_UPDATES = 10_000;

export function dropReplays(logger: Logger, remembered = REMEMBERED_UPDATES): MiddlewareFn {
  const seen = new Set<number>();
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (seen.has(id)) {
      logger.info({ update_id: id }, "update delivered again: ignored");
      return;
    }
    seen.add(id);
    // A Set iterates in insertion order: the first entry is the oldest.
    if (seen.size > remembered) seen.delete(seen.values().next().value!);
    await next();
  };
}
