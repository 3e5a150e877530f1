/**
 * End to end: the real bot process against the loopback fake Bot API. One process for the whole file (start-up is
 * the expensive part), tests in order, then SIGTERM, a restart on the same DATA_DIR, and SIGTERM again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Chat, InlineKeyboardButton, Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBot, type BotProcess } from "./bot-process.js";
import { FakeBotApi, groupChat, privateChat, user, type RecordedCall } from "./fake-bot-api.js";

const admin = user(9001, "Quản trị");
const an = user(1001, "An");
const binh = user(1002, "Bình");
const group = groupChat(-100777);
const QUESTION = "Tỉnh ủy Quảng Ngãi giao Ban Tuyên giáo Tỉnh ủy những nhiệm vụ gì?";
const UPLOAD = `BAN TUYÊN GIÁO TỈNH ỦY THỬ NGHIỆM
Số 77-CV/BTGTU
ĐẢNG CỘNG SẢN VIỆT NAM
Thử Nghiệm, ngày 05 tháng 5 năm 2024

V/v tuyên truyền mô hình vườn ươm khinh khí cầu

Kính gửi: Các huyện ủy, thành ủy trực thuộc

Thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị, Ban Tuyên giáo Tỉnh ủy đề nghị:

1. Các huyện ủy tuyên truyền mô hình vườn ươm khinh khí cầu trên địa bàn.

2. Báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy trước ngày 30/6/2024.

Nơi nhận:
- Như trên,
- Lưu VP.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Văn Thử
`;

let api: FakeBotApi;
let bot: BotProcess;

const buttons = (call: RecordedCall): InlineKeyboardButton.CallbackButton[] =>
  (call.payload.reply_markup?.inline_keyboard ?? []).flat();
/** The Message object the fake returned for a recorded sendMessage (what a user would press buttons on). */
const asMessage = (call: RecordedCall): Message =>
  ({
    message_id: 50_000 + call.index,
    date: 0,
    chat: call.payload.chat_id < 0 ? group : privateChat(an),
    from: { id: api.botInfo.id, is_bot: true, first_name: api.botInfo.first_name, username: api.botInfo.username },
    text: call.payload.text,
    reply_markup: call.payload.reply_markup,
  }) as Message;

/** Send a text and return everything the bot sent to that chat until it goes quiet. */
async function say(from: typeof an, text: string, chat: Chat = privateChat(from), extra: Partial<Message> = {}): Promise<RecordedCall[]> {
  const mark = api.calls.length;
  api.message({ chat, from, text, extra });
  return api.messagesUntilQuiet(chat.id, mark, 300, 20_000);
}

/** Assert that nothing is sent to `chatId` for `ms` after `mark`. */
async function expectSilence(chatId: number, mark: number, ms = 800): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  expect(api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === chatId)).toEqual([]);
}

beforeAll(async () => {
  api = await FakeBotApi.start();
  bot = spawnBot({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ADMIN_USER_IDS: String(admin.id),
    RATE_LIMIT_PER_MINUTE: "200",
  });
  await bot.waitForLog(/long polling started/, 60_000);
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await api?.close();
});

describe("bot process (end to end)", () => {
  it("starts: checks the token, sets the Vietnamese command menu, polls", async () => {
    expect(api.callsOf("getMe").length).toBeGreaterThan(0);
    const menu = api.callsOf("setMyCommands").find((c) => !c.payload.scope);
    expect(menu).toBeDefined();
    const commands = menu!.payload.commands as { command: string; description: string }[];
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(["hoi", "giao", "chuoi", "vanban", "nguon", "help", "start"]));
    expect(commands.find((c) => c.command === "vanban")!.description).toMatch(/văn bản/);
    await api.waitFor((c) => c.method === "getUpdates" && Number(c.payload.timeout) > 0);
    expect(bot.output()).not.toContain(api.token);
  });

  let answer: RecordedCall;
  it("answers a private question in HTML with numbered citations, quotes (each once) and buttons", async () => {
    const mark = api.calls.length;
    const sent = await say(an, QUESTION);
    answer = sent[sent.length - 1]!;
    const text = sent.map((c) => c.payload.text as string).join("\n");
    expect(sent.every((c) => c.payload.parse_mode === "HTML" && (c.payload.text as string).length <= 4096)).toBe(true);
    expect(text).toContain("[1]");
    expect(text).toMatch(/Công văn số 2018-CV\/TU ngày 22\/02\/2024 của Tỉnh ủy Quảng Ngãi, mục \d/);
    // Quoted words, and each quote printed once: a quote already in the answer is not repeated under its citation.
    const quotes = [...text.matchAll(/“([^”]{20,})”/g)].map((m) => m[1]!);
    expect(quotes.length).toBeGreaterThan(0);
    expect(new Set(quotes).size).toBe(quotes.length);
    const labels = buttons(answer).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(["📄 1", "👍", "👎"]));
    expect(buttons(answer).every((b) => Buffer.byteLength(b.callback_data) <= 64)).toBe(true);
    // "typing…" only when the answer took long enough to be noticed (test/bot/typing.test.ts): it never follows it.
    const typing = api.callsOf("sendChatAction", mark).filter((c) => c.payload.chat_id === an.id);
    expect(typing.every((c) => c.at <= answer.at)).toBe(true);
  });

  it("shows the full cited section when a source button is pressed", async () => {
    const source = buttons(answer).find((b) => b.text === "📄 1")!;
    const mark = api.calls.length;
    api.callback({ from: an, message: asMessage(answer), data: source.callback_data });
    const reply = await api.nextMessage(an.id, mark);
    expect(reply.payload.text).toMatch(/^<b>\[1\] .+, (mục|phần mở đầu)/);
    expect(api.callsOf("answerCallbackQuery", mark).length).toBe(1);
  });

  it("stores 👍 with the question, the answer and its citations", async () => {
    const up = buttons(answer).find((b) => b.text === "👍")!;
    const mark = api.calls.length;
    api.callback({ from: an, message: asMessage(answer), data: up.callback_data });
    const ack = await api.waitFor((c) => c.method === "answerCallbackQuery", { from: mark });
    expect(ack.payload.text).toMatch(/Cảm ơn/);
    const lines = readFileSync(join(bot.dataDir, "bot", "feedback.jsonl"), "utf8").trim().split("\n");
    const entry = JSON.parse(lines[lines.length - 1]!);
    expect(entry).toMatchObject({ vote: "up", question: QUESTION, userId: an.id });
    expect(entry.citations.length).toBeGreaterThan(0);
  });

  it("/nguon lists the sources of the chat's last answer", async () => {
    const [reply] = await say(an, "/nguon");
    expect(reply!.payload.text).toContain("2018-CV/TU");
    expect(buttons(reply!).some((b) => b.text === "📄 1")).toBe(true);
  });

  it("in a group: ignores chatter, answers /hoi@bot, a mention and a reply to the bot", async () => {
    let mark = api.calls.length;
    api.message({ chat: group, from: binh, text: "Chiều nay họp chi bộ lúc 3 giờ nhé mọi người" });
    api.message({ chat: group, from: binh, text: `/hoi@some_other_bot ${QUESTION}` });
    await expectSilence(group.id, mark);

    const viaCommand = await say(binh, `/hoi@${api.botInfo.username} ${QUESTION}`, group);
    expect(viaCommand.map((c) => c.payload.text).join("\n")).toContain("[1]");
    expect(viaCommand[0]!.payload.reply_parameters?.message_id).toBeGreaterThan(0);

    const viaMention = await say(binh, `@${api.botInfo.username} ${QUESTION}`, group);
    expect(viaMention.map((c) => c.payload.text).join("\n")).toContain("[1]");

    const last = viaMention[viaMention.length - 1]!;
    const viaReply = await say(binh, QUESTION, group, { reply_to_message: { ...asMessage(last), chat: group } as Message.TextMessage as Message["reply_to_message"] });
    expect(viaReply.map((c) => c.payload.text).join("\n")).toContain("[1]");

    mark = api.calls.length;
    api.message({ chat: group, from: binh, text: "/giao" });
    const usage = await api.nextMessage(group.id, mark);
    expect(usage.payload.text).toMatch(/Cách dùng: \/giao/);
  });

  it("/giao lists assignments grouped by document, with sections", async () => {
    const sent = await say(an, "/giao Ban Tuyên giáo");
    const text = sent.map((c) => c.payload.text).join("\n");
    expect(text).toContain("Ban Tuyên giáo");
    expect(text).toMatch(/<b>(Công văn|Kế hoạch|Hướng dẫn|Kết luận|Nghị quyết|Chương trình)[^<]*<\/b>/);
    expect(text).toMatch(/mục [0-9IVX]/);
    const [empty] = await say(an, "/giao");
    expect(empty!.payload.text).toMatch(/Cách dùng/);
  });

  it("/chuoi shows the chain, the whole tree, and a helpful reply for an unknown number", async () => {
    const focus = (await say(an, "/chuoi 69-KL/TW")).map((c) => c.payload.text).join("\n");
    expect(focus).toContain("69-KL/TW");
    expect(focus).toContain("20-NQ/TW");
    const tree = (await say(an, "/chuoi")).map((c) => c.payload.text).join("\n");
    expect(tree).toContain("2018-CV/TU");
    const [unknown] = await say(an, "/chuoi 99999-XX/YY");
    expect(unknown!.payload.text).toMatch(/Không tìm thấy văn bản/);
  });

  it("/vanban lists documents with number or (không số), date and issuer", async () => {
    const text = (await say(an, "/vanban")).map((c) => c.payload.text).join("\n");
    expect(text).toContain("Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi");
    expect(text).toContain("(không số)");
  });

  it("refuses uploads from non-admins and files that are too large or of the wrong type", async () => {
    const file = api.addFile("cong-van.md", Buffer.from(UPLOAD));
    const [notAdmin] = await say(an, undefined as unknown as string, privateChat(an), { document: file } as Partial<Message>);
    expect(notAdmin!.payload.text).toMatch(/chỉ quản trị viên/i);
    const [big] = await say(admin, undefined as unknown as string, privateChat(admin), {
      document: { ...file, file_size: 11 * 1024 * 1024 },
    } as Partial<Message>);
    expect(big!.payload.text).toMatch(/quá lớn: tối đa 10 MB/);
    const [exe] = await say(admin, undefined as unknown as string, privateChat(admin), {
      document: { ...file, file_name: "virus.exe" },
    } as Partial<Message>);
    expect(exe!.payload.text).toMatch(/Chỉ nhận tệp/);
  });

  it("admin upload of a .md document is indexed and then answers questions", async () => {
    const file = api.addFile("77-CV-BTGTU.md", Buffer.from(UPLOAD));
    const mark = api.calls.length;
    const sent = await say(admin, undefined as unknown as string, privateChat(admin), { document: file } as Partial<Message>);
    expect(api.callsOf("getFile", mark).length).toBe(1);
    expect(sent.map((c) => c.payload.text).join("\n")).toContain("77-CV/BTGTU");
    const reply = (await say(an, "Mô hình vườn ươm khinh khí cầu được tuyên truyền như thế nào?")).map((c) => c.payload.text).join("\n");
    expect(reply).toContain("77-CV/BTGTU");
  });

  it("retries a sendMessage that got 429 and still delivers the reply", async () => {
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    const mark = api.calls.length;
    const started = performance.now();
    api.message({ chat: privateChat(binh), from: binh, text: "/start" });
    const attempts = await api.waitFor(
      (c) => c.method === "sendMessage" && c.payload.chat_id === binh.id && api.callsOf("sendMessage", mark).filter((x) => x.payload.chat_id === binh.id).length >= 2,
      { from: mark, timeoutMs: 10_000 },
    );
    expect(attempts.payload.text).toMatch(/Xin chào/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("handles bad input: sticker, photo, voice, a 5000-character text, HTML/script, unknown commands", async () => {
    const [sticker] = await say(an, undefined as unknown as string, privateChat(an), {
      sticker: { file_id: "s1", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
    } as Partial<Message>);
    expect(sticker!.payload.text).toMatch(/chỉ đọc được câu hỏi bằng chữ/);
    const [photo] = await say(an, undefined as unknown as string, privateChat(an), {
      photo: [{ file_id: "p1", file_unique_id: "p1", width: 10, height: 10 }],
      caption: "<b>ảnh</b>",
    } as Partial<Message>);
    expect(photo!.payload.text).toMatch(/chỉ đọc được câu hỏi bằng chữ/);
    const [voice] = await say(an, undefined as unknown as string, privateChat(an), {
      voice: { file_id: "v1", file_unique_id: "v1", duration: 3 },
    } as Partial<Message>);
    expect(voice!.payload.text).toMatch(/thoại/);

    const [long] = await say(an, "Kết luận 69 ".repeat(417).slice(0, 5000));
    expect(long!.payload.text).toMatch(/5000 ký tự.*1000 ký tự/);

    const script = await say(an, "<script>alert(1)</script>");
    const all = script.map((c) => c.payload.text).join("\n");
    expect(all).not.toContain("<script>");
    expect(script.every((c) => c.payload.parse_mode === "HTML")).toBe(true);

    const [unknown] = await say(an, "/khongcolenh");
    expect(unknown!.payload.text).toMatch(/Không có lệnh \/khongcolenh/);
    const [emptyAsk] = await say(an, "/hoi");
    expect(emptyAsk!.payload.text).toMatch(/Hãy gõ câu hỏi/);
    const [quiz] = await say(an, "/quiz");
    expect(quiz!.payload.text).toMatch(/câu đố/i);
  });

  it("/reload is for admins only", async () => {
    const [refused] = await say(an, "/reload");
    expect(refused!.payload.text).toMatch(/chỉ quản trị viên/i);
    const sent = await say(admin, "/reload");
    expect(sent.map((c) => c.payload.text).join("\n")).toMatch(/Nạp lại kho/);
  });

  it("exits 0 on SIGTERM within a few seconds, and a restart keeps sessions and buttons", async () => {
    const { code, ms } = await bot.stop("SIGTERM");
    expect(code).toBe(0);
    expect(ms).toBeLessThan(6_000);

    bot = spawnBot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ADMIN_USER_IDS: String(admin.id) }, { dataDir: bot.dataDir });
    await bot.waitForLog(/long polling started/, 60_000);
    const source = buttons(answer).find((b) => b.text === "📄 1")!;
    const mark = api.calls.length;
    api.callback({ from: an, message: asMessage(answer), data: source.callback_data });
    const reply = await api.nextMessage(an.id, mark);
    expect(reply.payload.text).toMatch(/^<b>\[1\]/);

    const sessionFile = join(bot.dataDir, "bot", "sessions", `${an.id}.json`);
    const turnsBefore = JSON.parse(readFileSync(sessionFile, "utf8")).turns.length as number;
    expect(turnsBefore).toBeGreaterThan(0);
    const followUpMark = api.calls.length;
    api.message({ chat: privateChat(an), from: an, text: "Còn Thái Nguyên thì sao?" });
    await api.messagesUntilQuiet(an.id, followUpMark, 300, 20_000);
    const session = JSON.parse(readFileSync(sessionFile, "utf8"));
    expect(session.turns.length).toBe(Math.min(turnsBefore + 1, 6));
    expect(session.turns[session.turns.length - 1].question).toBe("Còn Thái Nguyên thì sao?");

    const stopped = await bot.stop("SIGTERM");
    expect(stopped.code).toBe(0);
    expect(bot.output()).not.toContain(api.token);
  });
});
