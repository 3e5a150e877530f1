/**
 * The task register's commands together: /giao, /han, /theodoi, /botheodoi, /xuat and the page buttons, with what
 * they share — the register source, the stored lists, the reminders, the clock.
 *
 * Storage under DATA_DIR/bot: task-lists/ (the requests behind page buttons, pruned after 30 days) and
 * reminders/state.json (follows, the documents already seen, the reminders sent).
 */
import { join } from "node:path";
import { Composer, type Api, type StorageAdapter } from "grammy";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import { Reminders, type ReminderStore } from "../../tasks/reminders.js";
import { taskSourceOf, type TaskSource } from "../../tasks/source.js";
import type { BotContext, BotDeps } from "../context.js";
import { FileStore } from "../storage/file-store.js";
import { assignmentsFeature } from "./assignments.js";
import { deadlinesFeature } from "./deadlines.js";
import { exportFeature } from "./export.js";
import { followFeature, telegramNoticeSink } from "./follow.js";
import { type StoredTaskList, TASK_LIST_RETENTION_MS, taskListFeature } from "./task-lists.js";

export interface TaskOptions {
  /** Default: the register of the assistant's knowledge. */
  source?: TaskSource;
  /** Default: reminders kept under DATA_DIR/bot/reminders, sent through the bot's API, not started. */
  reminders?: Reminders;
  /** Default: files under DATA_DIR/bot/task-lists. */
  lists?: StorageAdapter<StoredTaskList>;
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
}

/** The reminders of a bot process: state in DATA_DIR, notices through `api`. Started by the caller. */
export function createReminders(options: {
  config: Pick<Config, "DATA_DIR" | "REMINDER_LEAD_DAYS">;
  logger: Logger;
  source: TaskSource;
  api: () => Api;
  store?: ReminderStore;
  now?: () => number;
}): Reminders {
  return new Reminders({
    store: options.store ?? new FileStore(join(options.config.DATA_DIR, "bot", "reminders"), options.logger),
    register: () => options.source.register(),
    sink: telegramNoticeSink(options.api),
    leadDays: options.config.REMINDER_LEAD_DAYS,
    now: options.now,
    logger: options.logger,
  });
}

export function taskFeatures(deps: BotDeps & { api: Api; tasks?: TaskOptions }): { composer: Composer<BotContext>; reminders: Reminders } {
  const now = deps.tasks?.now ?? Date.now;
  const source = deps.tasks?.source ?? taskSourceOf(deps.assistant);
  let lists = deps.tasks?.lists;
  if (!lists) {
    const files = new FileStore<StoredTaskList>(join(deps.config.DATA_DIR, "bot", "task-lists"), deps.logger);
    void files.prune(TASK_LIST_RETENTION_MS).catch(() => 0);
    lists = files;
  }
  const reminders = deps.tasks?.reminders ?? createReminders({ config: deps.config, logger: deps.logger, source, api: () => deps.api, now });
  const full = { ...deps, tasks: source, lists, reminders, now };
  const composer = new Composer<BotContext>();
  composer.use(taskListFeature(full), assignmentsFeature(full), deadlinesFeature(full), followFeature(full), exportFeature(full));
  return { composer, reminders };
}
