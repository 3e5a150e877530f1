/**
 * End to end, faults an operator meets: the real bot process (src/main.ts) against the loopback fake Bot API.
 * - a damaged index at start: the bot starts, answers from the newest intact version (or a rebuild), logs one line
 *   and tells the admins in Vietnamese;
 * - a DATA_DIR that cannot be written: start-up stops at once with a Vietnamese message naming DATA_DIR;
 * - a Telegram outage at start and while polling: the bot waits it out and answers what arrived meanwhile.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRY, ROOT, spawnBot, type BotProcess } from "./bot-process.js";
import { DROPPED, FakeBotApi, privateChat, user } from "./fake-bot-api.js";

const admin = user(9001, "Quản trị");
const an = user(1001, "An");
const QUESTION = "Ai ký Công văn 2018-CV/TU?";

describe("a damaged index at start (end to end)", () => {
  let api: FakeBotApi;
  let bot: BotProcess | undefined;
  let dataDir: string;
  const start = async () => {
    bot = spawnBot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ADMIN_USER_IDS: String(admin.id), CORPUS_DIRS: "corpus" }, { dataDir });
    await bot.waitForLog(/long polling started/, 60_000);
    return bot;
  };
  const ask = async () => {
    const mark = api.calls.length;
    api.message({ chat: privateChat(an), from: an, text: QUESTION });
    // A bot that exits meanwhile fails the test at once, with what it printed, rather than after the wait.
    const exited = bot!.exited.then((code) => Promise.reject(new Error(`bot exited (${code}) before answering:\n${bot!.output().slice(-3000)}`)));
    exited.catch(() => undefined); // the test's own stop, after the answer, is no failure
    const sent = await Promise.race([api.messagesUntilQuiet(an.id, mark, 300, 20_000), exited]);
    return sent.map((c) => c.payload.text as string).join("\n");
  };
  const current = () => readFileSync(join(dataDir, "index", "CURRENT"), "utf8").trim();
  const adminNotices = (from: number) => api.callsOf("sendMessage", from).filter((c) => c.payload.chat_id === admin.id).map((c) => c.payload.text as string);

  beforeAll(async () => {
    api = await FakeBotApi.start();
    dataDir = mkdtempSync(join(tmpdir(), "vanban-damaged-"));
    // Two index versions on disk: the first build, then an admin's /reload.
    await start();
    const mark = api.calls.length;
    api.message({ chat: privateChat(admin), from: admin, text: "/reload" });
    await api.messagesUntilQuiet(admin.id, mark, 300, 30_000);
    await bot!.stop("SIGTERM");
  }, 120_000);

  afterAll(async () => {
    await bot?.stop("SIGKILL");
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a truncated index file: starts on the previous version, answers, logs one line, tells the admin", async () => {
    truncateSync(join(dataDir, "index", current(), "index.bin"), 100);
    const mark = api.calls.length;
    await start();
    expect(await ask()).toContain("Đặng Ngọc Huy");
    const notices = adminNotices(mark);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/Chỉ mục văn bản bị hỏng: tệp index\.bin bị cắt cụt/);
    expect(bot!.output().match(/index damaged/g)).toHaveLength(1);
    expect(bot!.output()).not.toMatch(/wrong size|Unexpected token|ENOENT/);
    await bot!.stop("SIGTERM");
  });

  it("a version pointer to nothing and no version left: rebuilds from the corpus and answers", async () => {
    rmSync(join(dataDir, "index"), { recursive: true, force: true });
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dataDir, "index"));
    writeFileSync(join(dataDir, "index", "CURRENT"), "v999-1");
    const mark = api.calls.length;
    await start();
    expect(await ask()).toContain("Đặng Ngọc Huy");
    expect(adminNotices(mark)).toEqual([expect.stringMatching(/không tồn tại.*lập lại chỉ mục từ kho văn bản/)]);
    await bot!.stop("SIGTERM");
  });
});

describe("a DATA_DIR that cannot be written (end to end)", () => {
  it("stops at start with a Vietnamese message naming DATA_DIR, before any question", () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-unwritable-"));
    // A regular file where the folder should be: unwritable for any user, root included.
    const file = join(dir, "not-a-folder");
    writeFileSync(file, "x");
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", ENTRY], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, TELEGRAM_BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TELEGRAM_API_ROOT: "http://127.0.0.1:9", DATA_DIR: join(file, "data") },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/DATA_DIR: không ghi được vào thư mục dữ liệu/);
      expect(result.stderr).not.toMatch(/ENOTDIR|EACCES|errno/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a Telegram outage (end to end)", () => {
  it("at start and while polling: the bot waits it out, then answers the question sent meanwhile", async () => {
    const api = await FakeBotApi.start();
    api.failNext("getMe", { error_code: 502, description: "Bad Gateway" }, 2);
    api.failNext("getMe", DROPPED, 1);
    const bot = spawnBot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, CORPUS_DIRS: "corpus" });
    try {
      await bot.waitForLog(/long polling started/, 60_000);
      expect(bot.output()).toMatch(/Bot API unreachable at start; retrying/);
      api.failNext("getUpdates", DROPPED, 2);
      api.failNext("getUpdates", { error_code: 502, description: "Bad Gateway" }, 2);
      const mark = api.calls.length;
      api.message({ chat: privateChat(an), from: an, text: QUESTION });
      const sent = await api.messagesUntilQuiet(an.id, mark, 300, 30_000);
      expect(sent.map((c) => c.payload.text).join("\n")).toContain("Đặng Ngọc Huy");
      expect(bot.output()).toMatch(/getUpdates failed; retrying/);
      expect(bot.output()).not.toContain(api.token);
    } finally {
      await bot.stop("SIGKILL");
      await api.close();
    }
  });
});
