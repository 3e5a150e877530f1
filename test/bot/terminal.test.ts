/**
 * The terminal chat: in-process with the FakeAssistant, and as a real process with piped stdin.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTerminalChat } from "../../src/bot/terminal.js";
import { REAL_ASSISTANT, ROOT } from "./bot-process.js";
import { FakeAssistant } from "./fake-assistant.js";

async function chat(lines: string[]): Promise<{ out: string; assistant: FakeAssistant }> {
  const assistant = new FakeAssistant();
  const output = new PassThrough();
  let out = "";
  output.on("data", (c: Buffer) => (out += c.toString("utf8")));
  await runTerminalChat({ assistant, input: Readable.from(lines.map((l) => `${l}\n`)), output });
  return { out, assistant };
}

describe("terminal chat", () => {
  it("answers in plain text with citations, and keeps follow-up history", async () => {
    const { out, assistant } = await chat(["Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì việc gì?", "Còn Thái Nguyên thì sao?"]);
    expect(out).toContain("[1] Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi, mục 5");
    expect(out).not.toMatch(/<\/?[bi]>|&amp;|&lt;/);
    expect(assistant.lastAsk?.options?.history).toHaveLength(1);
  });

  it("runs the commands: /giao, /chuoi, /vanban, /nguon, /xem, /quiz, /help, unknown", async () => {
    const { out } = await chat([
      "/giao Ban Tuyên giáo",
      "/chuoi 69-KL/TW",
      "/chuoi 1-XX/YY",
      "/vanban",
      "/nguon",
      "Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền?",
      "/xem 1",
      "/quiz",
      "/help",
      "/abc",
      "/thoat",
      "câu này không được đọc",
    ]);
    expect(out).toContain("Phân công liên quan đến “Ban Tuyên giáo”");
    expect(out).toContain("Kết luận số 69-KL/TW");
    expect(out).toContain("Không tìm thấy văn bản “1-XX/YY”");
    expect(out).toContain("Kế hoạch (không số)");
    expect(out).toContain("Chưa có câu trả lời nào có nguồn.");
    expect(out).toMatch(/\[1\] Công văn số 2018-CV\/TU.*mục 5\n\nBan Tuyên giáo Tỉnh ủy chủ trì/);
    expect(out).toMatch(/câu đố/);
    expect(out).toContain("/giao <cơ quan hoặc việc>");
    expect(out).toContain("Không có lệnh /abc");
    expect(out).not.toContain("không được đọc");
  });

  it("works as `npm run chat` with piped stdin (real process)", () => {
    const entry = REAL_ASSISTANT ? "src/cli/chat.ts" : "test/bot/fixtures/fake-chat.ts";
    const result = spawnSync(process.execPath, ["--import", "tsx", entry], {
      cwd: ROOT,
      input: "Tỉnh ủy Quảng Ngãi giao Ban Tuyên giáo Tỉnh ủy những nhiệm vụ gì?\n/vanban\n",
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: mkdtempSync(join(tmpdir(), "vanban-chat-")),
        CORPUS_DIRS: "corpus,../shared/corpus-extra",
        LOG_LEVEL: "warn",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("2018-CV/TU");
    expect(result.stdout).toContain("[1]");
    expect(result.stdout).not.toContain("> ");
  });
});
