/**
 * /giao, /han, /theodoi, /botheodoi and /xuat in the bot (createBot + handleUpdate) against the loopback fake Bot
 * API, over the register of the seeds and ../shared/corpus-dev, with a fake clock: paged lists whose buttons edit
 * the message, the chat's scope, reminders reaching the chat, exported files opened again.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { InlineKeyboardButton, Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import { EXPIRED_LIST } from "../../src/bot/features/task-lists.js";
import { createReminders } from "../../src/bot/features/tasks.js";
import { createMemoryStorage } from "../../src/bot/storage/index.js";
import { parseConfig } from "../../src/config.js";
import { loadCorpus } from "../../src/corpus/index.js";
import type { ParsedDocument } from "../../src/domain/model.js";
import { silentLogger } from "../../src/logger.js";
import { EXPORT_HEADERS } from "../../src/tasks/export.js";
import { buildRegister } from "../../src/tasks/register.js";
import type { TaskSource } from "../../src/tasks/source.js";
import { FakeAssistant } from "./fake-assistant.js";
import { FakeBotApi, groupChat, privateChat, user, type RecordedCall } from "./fake-bot-api.js";

const an = user(1001, "An");
const binh = user(1002, "Bình");
const group = groupChat(-100555);
let api: FakeBotApi;
let documents: ParsedDocument[];

beforeAll(async () => {
  api = await FakeBotApi.start();
  documents = (await loadCorpus(["corpus", "../shared/corpus-dev"])).documents;
});
afterAll(() => api.close());

/** 09:00 in Vietnam on that day. */
const at = (day: string) => Date.parse(`${day}T02:00:00Z`);

function setup(day = "2026-11-10") {
  const dataDir = mkdtempSync(join(tmpdir(), "vanban-bot-tasks-"));
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, REMINDER_LEAD_DAYS: "7" });
  const register = buildRegister(documents);
  const kh552 = documents.find((d) => d.number === "552/KH-UBND")!;
  // The scope /phamvi sets: Đồng Tháp reads the central documents and its own plan.
  const source: TaskSource = { register: () => register, scopeDocuments: (locality) => (locality === "Đồng Tháp" ? [kh552.id] : null) };
  const clock = { now: at(day) };
  const storage = createMemoryStorage();
  const reminders = createReminders({ config, logger: silentLogger, source, api: () => bot.api, now: () => clock.now });
  const bot = createBot(api.token, {
    config,
    logger: silentLogger,
    assistant: new FakeAssistant(),
    storage,
    botInfo: api.botInfo,
    tasks: { source, reminders, now: () => clock.now },
  });
  const say = async (text: string, from = an, chat: Message["chat"] = privateChat(from)) => {
    const mark = api.calls.length;
    await bot.handleUpdate(api.message({ chat, from, text }));
    return api.calls.slice(mark).filter((c) => c.payload.chat_id === chat.id && c.method.startsWith("send") && c.method !== "sendChatAction");
  };
  const press = async (call: RecordedCall, data: string, from = an) => {
    const mark = api.calls.length;
    const message = { message_id: 42, date: 0, chat: call.payload.chat_id < 0 ? group : privateChat(from), text: call.payload.text } as Message;
    await bot.handleUpdate(api.callback({ from, message, data }));
    return api.calls.slice(mark);
  };
  return { bot, say, press, clock, reminders, storage };
}

const buttons = (payload: Record<string, any>): InlineKeyboardButton.CallbackButton[] => (payload.reply_markup?.inline_keyboard ?? []).flat();
const numbers = (html: string) => [...html.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));

describe("/giao", () => {
  it("lists a body's tasks by document with role, partners and deadline, page by page in one message", async () => {
    const { say, press } = setup();
    const [first] = await say("/giao Sở KH&CN");
    const html = first!.payload.text as string;
    expect(first!.payload.parse_mode).toBe("HTML");
    expect(html).toMatch(/^<b>Nhiệm vụ của Sở Khoa học và Công nghệ<\/b> — 41 nhiệm vụ \(trang 1\/\d+\)/);
    expect(html).toMatch(/<b>(Công văn|Kế hoạch) số [^<]+<\/b>/);
    expect(html).toContain("<b>[chủ trì]</b>");
    expect(html).toMatch(/mục [0-9IVX]/);
    const pages = Number(/trang 1\/(\d+)/.exec(html)![1]);
    expect(pages).toBeGreaterThan(1);

    // Every task once across the pages, each page an edit of the same message.
    const seen = [...numbers(html)];
    let payload = first!.payload;
    for (let page = 2; page <= pages; page++) {
      const next = buttons(payload).find((b) => b.text === "Sau ›")!;
      expect(Buffer.byteLength(next.callback_data)).toBeLessThanOrEqual(64);
      const calls = await press(first!, next.callback_data);
      const edit = calls.find((c) => c.method === "editMessageText")!;
      expect(calls.filter((c) => c.method === "sendMessage")).toEqual([]);
      expect(edit.payload.text).toContain(`(trang ${page}/${pages})`);
      expect(buttons(edit.payload).map((b) => b.text)).toEqual(page < pages ? ["‹ Trước", "Sau ›"] : ["‹ Trước"]);
      expect(calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(1);
      seen.push(...numbers(edit.payload.text));
      payload = edit.payload;
    }
    expect(seen).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(html.length).toBeLessThanOrEqual(4096);
  });

  it("the same body typed without diacritics or abbreviated; a deadline and partners shown as written", async () => {
    const { say, press } = setup();
    const [plain] = await say("/giao so khoa hoc va cong nghe");
    expect(plain!.payload.text).toMatch(/^<b>Nhiệm vụ của Sở Khoa học và Công nghệ<\/b> — 41 nhiệm vụ/);
    // Kế hoạch 310's table rows sit on a later page: walk to the one that has them.
    let payload = plain!.payload;
    while (!String(payload.text).includes("Quý IV/2025- Quý II/2026")) {
      const next = buttons(payload).find((b) => b.text === "Sau ›")!;
      payload = (await press(plain!, next.callback_data)).find((c) => c.method === "editMessageText")!.payload;
    }
    expect(payload.text).toMatch(/<b>\[phối hợp\]<\/b> Khảo sát, đánh giá thực trạng hạ tầng viễn thông[\s\S]*?Chủ trì: Ban Quản lý các khu công nghệ cao và khu công nghiệp · Phối hợp: Sở Khoa học và Công nghệ; Sở Công Thương[\s\S]*?⏰ Quý IV\/2025- Quý II\/2026/);
  });

  it("in a chat scoped to Đồng Tháp, only the central documents and Đồng Tháp's", async () => {
    const { say, storage } = setup();
    await storage.sessions.write(String(group.id), { turns: [], lastAnswerId: null, scope: { locality: "Đồng Tháp" } } as never);
    const [reply] = await say("/giao Sở Khoa học và Công nghệ", binh, group);
    expect(reply!.payload.text).toMatch(/— 13 nhiệm vụ/);
    expect(reply!.payload.text).toContain("Trong phạm vi Đồng Tháp");
    expect(reply!.payload.text).not.toContain("144/KH-UBND");
  });

  it("a number lists that document; words list the tasks that have them; nothing found says what to try", async () => {
    const { say } = setup();
    const [doc] = await say("/giao KH 310");
    expect(doc!.payload.text).toMatch(/^<b>Nhiệm vụ theo văn bản “KH 310”<\/b>/);
    expect(doc!.payload.text).not.toContain("552/KH-UBND");
    const [words] = await say("/giao hạ tầng 5G");
    expect(words!.payload.text).toMatch(/^<b>Nhiệm vụ có “hạ tầng 5G”<\/b>/);
    const [none] = await say("/giao Sở Du lịch");
    expect(none!.payload.text).toMatch(/Không tìm thấy nhiệm vụ nào giao cho “Sở Du lịch”/);
    const [usage] = await say("/giao");
    expect(usage!.payload.text).toMatch(/Cách dùng: \/giao/);
  });

  it("a page button of a list that no longer exists asks for the command again", async () => {
    const { say, press } = setup();
    const [any] = await say("/giao Sở KH&CN");
    const calls = await press(any!, "tl:AAAAAAAA:1");
    expect(calls.find((c) => c.method === "answerCallbackQuery")!.payload).toMatchObject({ text: EXPIRED_LIST, show_alert: true });
    expect(calls.filter((c) => c.method === "editMessageText")).toEqual([]);
  });
});

describe("/han", () => {
  it("lists what falls due in the next 30 days, soonest first, yearly deadlines at their next day", async () => {
    const { say } = setup("2026-11-10");
    const [reply] = await say("/han");
    const html = reply!.payload.text as string;
    expect(html).toMatch(/^<b>Nhiệm vụ đến hạn trong 30 ngày tới \(10\/11\/2026 – 10\/12\/2026\)<\/b>/);
    const days = [...html.matchAll(/hạn gần nhất (\d\d\/\d\d\/\d{4})/g)].map((m) => m[1]);
    expect(days.slice(0, 2)).toEqual(["15/11/2026", "20/11/2026"]);
    expect(html).toContain("trước ngày 30/11 hằng năm (hạn gần nhất 30/11/2026)");
    expect(html).not.toContain("Quý III Năm 2026");
  });

  it("/han 90 reaches further; /han with a body lists only its tasks; a bad window is refused", async () => {
    const { say } = setup("2026-08-01");
    const [thirty] = await say("/han 30 Sở Khoa học và Công nghệ");
    expect(thirty!.payload.text).toMatch(/Không có nhiệm vụ nào của “Sở Khoa học và Công nghệ” đến hạn trong 30 ngày tới \(01\/8\/2026 – 31\/8\/2026\)\. Xem xa hơn: \/han 90/);
    const [ninety] = await say("/han 90 Sở Khoa học và Công nghệ");
    expect(ninety!.payload.text).toMatch(/^<b>Nhiệm vụ của Sở Khoa học và Công nghệ đến hạn trong 90 ngày tới/);
    expect(ninety!.payload.text).toContain("Quý III Năm 2026");
    expect(ninety!.payload.text).toContain("<b>[phối hợp]</b>");
    const [bad] = await say("/han 900");
    expect(bad!.payload.text).toMatch(/Số ngày phải từ 1 đến 365/);
  });
});

describe("/theodoi and /botheodoi", () => {
  it("follows a body, reminds the chat before a deadline once, lists and stops", async () => {
    const { say, reminders, clock } = setup("2026-11-01");
    const [ok] = await say("/theodoi sở kh&cn", binh, group);
    expect(ok!.payload.text).toMatch(/Đã theo dõi <b>Sở Khoa học và Công nghệ<\/b>/);
    expect(ok!.payload.text).toContain("nhắc trước mỗi thời hạn 7 ngày");

    const mark = api.calls.length;
    await reminders.tick();
    expect(api.calls.slice(mark).filter((c) => c.payload.chat_id === group.id)).toEqual([]);
    clock.now = at("2026-11-10");
    await reminders.tick();
    await reminders.tick();
    const sent = api.calls.slice(mark).filter((c) => c.method === "sendMessage" && c.payload.chat_id === group.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.text).toMatch(/Sắp đến hạn — Sở Khoa học và Công nghệ[\s\S]*còn 5 ngày \(15\/11\/2026\)[\s\S]*Kế hoạch số 144\/KH-UBND/);

    const [list] = await say("/theodoi", binh, group);
    expect(list!.payload.text).toContain("• Sở Khoa học và Công nghệ (từ 01/11/2026)");
    const [again] = await say("/theodoi Sở Khoa học và Công nghệ", binh, group);
    expect(again!.payload.text).toMatch(/đã theo dõi/);
    const [stop] = await say("/botheodoi", binh, group);
    expect(stop!.payload.text).toMatch(/Đã ngừng theo dõi: <b>Sở Khoa học và Công nghệ<\/b>/);
    clock.now = at("2026-11-15");
    const after = api.calls.length;
    await reminders.tick();
    expect(api.calls.slice(after).filter((c) => c.payload.chat_id === group.id)).toEqual([]);
  });
});

describe("/xuat", () => {
  it("sends the body's register as .xlsx and .docx tables that open with the report columns", async () => {
    const { say } = setup();
    const sent = await say("/xuat Sở KH&CN");
    const files = sent.filter((c) => c.method === "sendDocument").map((c) => c.payload.document as { file_name: string; data: Buffer });
    expect(files.map((f) => f.file_name)).toEqual(["nhiem-vu-so-khoa-hoc-va-cong-nghe-2026-11-10.xlsx", "nhiem-vu-so-khoa-hoc-va-cong-nghe-2026-11-10.docx"]);
    expect(sent.find((c) => c.method === "sendDocument")!.payload.caption).toBe("Danh mục nhiệm vụ của Sở Khoa học và Công nghệ: 41 nhiệm vụ.");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[0]!.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
    expect(ws.rowCount).toBe(41 + 2);

    const { value: html } = await mammoth.convertToHtml({ buffer: files[1]!.data });
    expect((html.match(/<tr>/g) ?? []).length).toBe(41 + 1);
    expect(html).toContain("Kế hoạch số 552/KH-UBND ngày 19/11/2025 của Ủy ban nhân dân tỉnh Đồng Tháp");
  });

  it("a document by its number; nothing to export says what to type", async () => {
    const { say } = setup();
    const sent = await say("/xuat 310/KH-UBND");
    expect(sent.filter((c) => c.method === "sendDocument").map((c) => c.payload.document.file_name)).toEqual([
      "nhiem-vu-310-kh-ubnd-2026-11-10.xlsx",
      "nhiem-vu-310-kh-ubnd-2026-11-10.docx",
    ]);
    const [none] = await say("/xuat Sở Du lịch");
    expect(none!.payload.text).toMatch(/Không có nhiệm vụ nào để xuất cho “Sở Du lịch”/);
  });
});
