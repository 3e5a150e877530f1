/**
 * Logging with pino. Command-line tools log to stderr so that stdout carries only the command's output.
 * Secrets never reach a log line: known secret fields are redacted, and the bot token is scrubbed from messages.
 */
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(
  options: { level?: string; name?: string; destination?: "stdout" | "stderr"; stream?: pino.DestinationStream } = {},
): Logger {
  const fd = options.destination === "stdout" ? 1 : 2;
  return pino(
    {
      level: options.level ?? "info",
      name: options.name ?? "vanban",
      redact: {
        paths: ["token", "*.token", "apiKey", "*.apiKey", "OPENAI_API_KEY", "QDRANT_API_KEY", "TELEGRAM_BOT_TOKEN", "*.TELEGRAM_BOT_TOKEN", "headers.authorization"],
        censor: "[redacted]",
      },
      hooks: {
        // The Bot API puts the token in every URL (`/bot<token>/method`): scrub it from any message or error text.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === "string" ? scrubSecrets(a) : a)) as Parameters<typeof method>,
          );
        },
      },
      serializers: {
        // Nested causes too: grammY's HttpError carries the fetch error, whose message holds the whole URL.
        err: (err: unknown) => JSON.parse(scrubSecrets(JSON.stringify(pino.stdSerializers.err(err as Error)))) as unknown,
      },
    },
    options.stream ?? pino.destination({ fd, sync: fd === 2 }),
  );
}

/** Remove anything that looks like a Telegram bot token or a bearer key. */
export function scrubSecrets(text: string): string {
  // No word boundary before the token: in "/bot123456:AAA…/getMe" it follows a letter.
  return text.replace(/(?<!\d)\d{5,}:[A-Za-z0-9_-]{20,}/g, "[token]").replace(/\bsk-[A-Za-z0-9_-]{10,}/g, "[key]");
}

/** A logger that drops everything (tests, library defaults). */
export const silentLogger: Logger = pino({ level: "silent" });
