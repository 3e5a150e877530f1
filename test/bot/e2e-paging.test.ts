/**
 * Lists at corpus scale, end to end: the real bot process over 1,500 generated one-page documents (each implements
 * Kết luận 69), against the loopback fake Bot API. /vanban and /chuoi send ONE message whose buttons turn its pages.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineKeyboardButton, Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBot, type BotProcess } from "./bot-process.js";
import { FakeBotApi, privateChat, user, type RecordedCall } from "./fake-bot-api.js";

const DOCUMENTS = 1500;
const an = user(1201, "An");

/** A short letter of district k (its own number and date) that carries out Kết luận 69. */
function letter(k: number): string {
  return `BAN TUYÊN GIÁO HUYỆN ỦY THỬ NGHIỆM ${k}
Số ${k}-CV/BTGHU
ĐẢNG CỘNG SẢN VIỆT NAM
Thử Nghiệm, ngày ${(k % 28) + 1} tháng 5 năm 2024

V/v thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị

Kính gửi: Các chi bộ trực thuộc

Thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị, Ban Tuyên giáo Huyện ủy đề nghị:

1. Các chi bộ tuyên truyền Kết luận số 69-KL/TW trên địa bàn huyện thử nghiệm số ${k}.

Nơi nhận:
- Như trên,
- Lưu VP.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Văn Thử
`;
}

let api: FakeBotApi;
let bot: BotProcess;

const buttons = (call: RecordedCall): InlineKeyboardButton.CallbackButton[] => (call.payload.reply_markup?.inline_keyboard ?? []).flat();
const button = (call: RecordedCall, label: string) => buttons(call).find((b) => b.text === label);
const pageOf = (call: RecordedCall) => buttons(call).find((b) => /^\d+\/\d+$/.test(b.text))!.text.split("/").map(Number) as [number, number];
/** The message a press comes from: the one the bot sent first (edits keep its id). */
const asMessage = (sent: RecordedCall): Message =>
  ({ message_id: 70_000, date: 0, chat: privateChat(an), from: { id: api.botInfo.id, is_bot: true, first_name: "bot" }, text: sent.payload.text }) as Message;

/** Send a command; exactly what the bot sent to the chat until it went quiet. */
async function command(text: string): Promise<RecordedCall[]> {
  const mark = api.calls.length;
  api.message({ chat: privateChat(an), from: an, text });
  return api.messagesUntilQuiet(an.id, mark, 400, 30_000);
}

/** Press a button on the paged message; resolves with the edit it caused (and checks the press was answered). */
async function press(first: RecordedCall, data: string): Promise<RecordedCall> {
  const mark = api.calls.length;
  api.callback({ from: an, message: asMessage(first), data });
  const edit = await api.waitFor((c) => c.method === "editMessageText", { from: mark, timeoutMs: 20_000 });
  await api.waitFor((c) => c.method === "answerCallbackQuery", { from: mark });
  expect(edit.payload.message_id).toBe(70_000);
  expect((edit.payload.text as string).length).toBeLessThanOrEqual(4096);
  expect(api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === an.id)).toEqual([]);
  return edit;
}

beforeAll(async () => {
  const corpus = mkdtempSync(join(tmpdir(), "vanban-many-"));
  for (let k = 1; k <= DOCUMENTS; k++) writeFileSync(join(corpus, `cv-${String(k).padStart(4, "0")}.txt`), letter(k));
  api = await FakeBotApi.start();
  bot = spawnBot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, CORPUS_DIRS: corpus, RATE_LIMIT_PER_MINUTE: "200" });
  await bot.waitForLog(/long polling started/, 120_000);
}, 150_000);

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await api?.close();
});

describe("lists that page (1,500 documents, end to end)", () => {
  it("/vanban: one message with page buttons; next, last and previous pages edit it", async () => {
    const sent = await command("/vanban");
    expect(sent).toHaveLength(1);
    const first = sent[0]!;
    expect(first.payload.text).toContain(`Các văn bản đã nạp (${DOCUMENTS})`);
    expect(first.payload.text).toMatch(/^1\. /m);
    expect((first.payload.text as string).length).toBeLessThanOrEqual(4096);
    const [page, pages] = pageOf(first);
    expect(page).toBe(1);
    expect(pages).toBeGreaterThan(50);
    for (const b of buttons(first)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    expect(button(first, "‹ Trước")).toBeUndefined();

    const second = await press(first, button(first, "Sau ›")!.callback_data);
    expect(pageOf(second)).toEqual([2, pages]);
    const firstOfSecond = Number(/^(\d+)\. /m.exec(second.payload.text)![1]);
    const lastOfFirst = Math.max(...[...(first.payload.text as string).matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])));
    expect(firstOfSecond).toBe(lastOfFirst + 1);

    const last = await press(first, button(first, "»")!.callback_data);
    expect(pageOf(last)).toEqual([pages, pages]);
    expect(last.payload.text).toContain(`trang ${pages}/${pages}`);
    const numbers = [...(last.payload.text as string).matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers[numbers.length - 1]).toBe(DOCUMENTS);
    expect(button(last, "Sau ›")).toBeUndefined();

    const before = await press(first, button(last, "‹ Trước")!.callback_data);
    expect(pageOf(before)).toEqual([pages - 1, pages]);
    expect(Math.max(...[...(before.payload.text as string).matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])))).toBe(numbers[0]! - 1);
  });

  it("/chuoi 69-KL/TW: the 1,500 documents that implement it in one paged message", async () => {
    const sent = await command("/chuoi 69-KL/TW");
    expect(sent).toHaveLength(1);
    const first = sent[0]!;
    expect(first.payload.text).toContain("Các văn bản thực hiện văn bản này");
    const [, pages] = pageOf(first);
    expect(pages).toBeGreaterThan(10);
    const last = await press(first, button(first, "»")!.callback_data);
    expect(last.payload.text).toContain(`trang ${pages}/${pages}`);
    expect(last.payload.text).toMatch(/Xem một văn bản: \/chuoi số hiệu/);
    // Every document appears on exactly one page: the pages' lines add up to the corpus.
    let lines = 0;
    let current = first;
    for (let p = 1; p <= pages; p++) {
      lines += ((current.payload.text as string).match(/└ Công văn số \d+-CV\/BTGHU/g) ?? []).length;
      if (p < pages) current = await press(first, button(current, "Sau ›")!.callback_data);
    }
    expect(lines).toBe(DOCUMENTS);
  });

  it("a page button of a list this chat never had is answered with a notice", async () => {
    const mark = api.calls.length;
    api.callback({ from: an, message: { message_id: 5, date: 0, chat: privateChat(an), text: "x" } as Message, data: "pg:ZZZZZZZZ:3" });
    const ack = await api.waitFor((c) => c.method === "answerCallbackQuery", { from: mark });
    expect(ack.payload).toMatchObject({ show_alert: true });
    expect(ack.payload.text).toMatch(/đã cũ/);
  });
});
