/**
 * Getting updates in: long polling with @grammyjs/runner, or a webhook served by node:http. Both return a `stop`
 * that stops taking updates, waits (bounded) for in-flight replies, then aborts what is left.
 */
import { createServer, type Server } from "node:http";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { GrammyError, webhookCallback, type Bot } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { StartupError } from "../startup.js";
import type { BotContext } from "./context.js";
import type { InFlight } from "./in-flight.js";

/** Update types the bot handles (poll_answer: quiz answers); Telegram does not send the others. */
export const ALLOWED_UPDATES = ["message", "callback_query", "poll_answer"] as const;
/** How long shutdown waits for in-flight replies before aborting them, in milliseconds. */
export const SHUTDOWN_GRACE_MS = 4_000;
/**
 * Webhook mode: how long the HTTP request waits for the update to be processed, in milliseconds. Quick updates
 * (commands, buttons) finish inside it; a slow answer gets its 200 at this point and keeps running in the background
 * (webhookCallback's onTimeout "return"), so Telegram never times out and resends it. The price: an update
 * acknowledged this way is not redelivered if the process dies before answering.
 */
export const WEBHOOK_ACK_MS = 1_500;

export interface Launched {
  stop(): Promise<void>;
  /** Resolves if updates stop arriving on their own (the runner crashed, e.g. another instance took over). */
  crashed: Promise<Error>;
}

export interface LaunchOptions {
  bot: Bot<BotContext>;
  config: Config;
  logger: Logger;
  inFlight: InFlight;
  /** Aborted when the grace period is over: in-flight questions give up and say so. */
  abortInFlight: () => void;
  /** Grace period for in-flight replies on stop, in milliseconds (default SHUTDOWN_GRACE_MS). */
  graceMs?: number;
}

async function drain({ inFlight, abortInFlight, logger, graceMs = SHUTDOWN_GRACE_MS }: LaunchOptions): Promise<void> {
  if (await inFlight.idle(graceMs)) return;
  logger.warn({ inFlight: inFlight.size }, "grace period over: aborting in-flight updates");
  abortInFlight();
  await inFlight.idle(1_000);
}

export function startPolling(options: LaunchOptions): Launched {
  const { bot, logger, inFlight } = options;
  const handle: RunnerHandle = run(bot, {
    runner: {
      fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: 30 },
      // getUpdates failures are retried and logged by the API transformer (transport.ts): only 401/409 reach the
      // runner, which then stops (the process says why); these two settings are a backstop.
      silent: true,
      retryInterval: "exponential",
      maxRetryTime: 24 * 3600 * 1000,
    },
    sink: { concurrency: 500 },
  });
  logger.info("long polling started");
  const crashed = new Promise<Error>((resolve) => {
    void handle.task()?.then(
      () => undefined,
      (err: unknown) => resolve(err instanceof Error ? err : new Error(String(err))),
    );
  });
  return {
    crashed,
    async stop() {
      const stopped = handle.isRunning() ? handle.stop() : Promise.resolve();
      await drain(options);
      await Promise.race([stopped.catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
      // The runner does not confirm the last offset: do it, or Telegram redelivers the last batch on restart.
      if (inFlight.maxUpdateId > 0) {
        await bot.api
          .getUpdates(
            { offset: inFlight.maxUpdateId + 1, limit: 1, timeout: 0 },
            AbortSignal.timeout(2_000) as unknown as Parameters<typeof bot.api.getUpdates>[1],
          )
          .catch((err: unknown) => logger.warn({ err }, "could not confirm the update offset"));
      }
    },
  };
}

export async function startWebhook(options: LaunchOptions): Promise<Launched> {
  const { bot, config, logger } = options;
  const url = config.WEBHOOK_URL;
  if (!url) throw new Error("WEBHOOK_URL is required in webhook mode");
  if (!config.WEBHOOK_SECRET) logger.warn("WEBHOOK_SECRET is not set: anyone who finds the URL can post updates");
  const path = new URL(url).pathname || "/";
  const handleUpdate = webhookCallback(bot, "http", {
    onTimeout: "return",
    timeoutMilliseconds: WEBHOOK_ACK_MS,
    secretToken: config.WEBHOOK_SECRET,
  });
  let closing = false;
  let crash: (err: Error) => void = () => undefined;
  const crashed = new Promise<Error>((resolve) => (crash = resolve));

  const server: Server = createServer((req, res) => {
    const reqPath = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && reqPath === "/healthz") {
      res.writeHead(closing ? 503 : 200, { "content-type": "text/plain" }).end(closing ? "stopping" : "ok");
      return;
    }
    if (req.method !== "POST" || reqPath !== path) {
      res.writeHead(404).end();
      return;
    }
    if (closing) {
      // Telegram retries on non-2xx: the update is delivered again to the next instance, not lost.
      res.writeHead(503).end();
      return;
    }
    handleUpdate(req, res).catch((err: unknown) => {
      logger.warn({ err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          "WEBHOOK_PORT",
          err.code === "EADDRINUSE"
            ? `WEBHOOK_PORT: cổng ${config.WEBHOOK_PORT} đang được một chương trình khác dùng; chọn cổng khác hoặc dừng chương trình đó.`
            : err.code === "EACCES"
              ? `WEBHOOK_PORT: không được phép mở cổng ${config.WEBHOOK_PORT} (cổng dưới 1024 cần quyền quản trị); chọn cổng từ 1024 trở lên.`
              : `WEBHOOK_PORT: không mở được cổng ${config.WEBHOOK_PORT} để nhận webhook.`,
        ),
      ),
    );
    server.listen(config.WEBHOOK_PORT, () => {
      server.removeAllListeners("error");
      server.on("error", (err) => crash(err));
      resolve();
    });
  });
  try {
    await bot.api.setWebhook(url, {
      secret_token: config.WEBHOOK_SECRET,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } catch (err) {
    server.close();
    if (!(err instanceof GrammyError)) throw err;
    // Telegram's own reason ("bad webhook: An HTTPS URL must be provided…") is English; it follows the setting.
    const setting = /secret/i.test(err.description) ? "WEBHOOK_SECRET" : "WEBHOOK_URL";
    throw new StartupError(setting, `${setting}: Telegram từ chối đăng ký webhook (${err.description}). Kiểm tra lại ${setting}: Telegram cần địa chỉ HTTPS công khai, cổng 443, 80, 88 hoặc 8443.`);
  }
  logger.info({ port: config.WEBHOOK_PORT, path }, "webhook server listening");

  return {
    crashed,
    async stop() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await drain(options);
      server.closeAllConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
    },
  };
}
