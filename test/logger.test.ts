import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets } from "../src/logger.js";

const TOKEN = "1234567:AAHfake_token-value_0123456789abcdef";

describe("secrets never reach a log line", () => {
  it("scrubs a bot token inside a Bot API URL and an API key", () => {
    const text = `request to https://api.telegram.org/bot${TOKEN}/getMe failed; key sk-abcdefghijklmnop`;
    const out = scrubSecrets(text);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain("sk-abcdefghijklmnop");
    expect(out).toContain("/bot[token]/getMe");
  });

  it("scrubs nested error causes through the err serializer", async () => {
    const lines: string[] = [];
    const capture = createLogger({ level: "info", stream: { write: (l: string) => lines.push(l) } });
    const cause = new Error(`request to http://127.0.0.1:9/bot${TOKEN}/getUpdates failed`);
    const err = Object.assign(new Error("Network request for 'getUpdates' failed!"), { error: cause });
    capture.warn({ err }, "polling failed");
    expect(lines.join("")).not.toContain(TOKEN);
    expect(lines.join("")).toContain("[token]");
  });
});
