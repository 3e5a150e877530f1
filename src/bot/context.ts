/**
 * The bot's context type and the dependencies every feature receives.
 */
import type { Context, SessionFlavor } from "grammy";
import type { Assistant } from "../assistant/types.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BotStorage, SessionData } from "./storage/index.js";

export interface BotDeps {
  config: Config;
  logger: Logger;
  assistant: Assistant;
  storage: BotStorage;
  /** Aborted when the process shuts down: in-flight questions stop waiting for the assistant. */
  shutdownSignal?: AbortSignal;
}

export interface LoggerFlavor {
  /** Child logger carrying this update's id. */
  log: Logger;
  /** True once a message was sent to this update's chat (so an error after an answer adds no apology). */
  replied: boolean;
  /** True once this button press was answered (answerCallbackQuery may be called once per press). */
  buttonAnswered: boolean;
}

export type BotContext = Context & SessionFlavor<SessionData> & LoggerFlavor;
