/**
 * Admin uploads (in-process bot with the real assistant over a temporary DATA_DIR, against the loopback fake Bot API):
 * a number already indexed is replaced only after the admin compares both documents and confirms; a text without a
 * recognisable header is indexed with a warning; size limits are stated; nothing temporary is left behind; groups
 * get replies without internal ids.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Chat, Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAssistant } from "../../src/assistant/open.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { createBot } from "../../src/bot/bot.js";
import { createFileStorage } from "../../src/bot/storage/index.js";
import { EmbeddedStore } from "../../src/search/embedded-store.js";
import type { IndexedChunk } from "../../src/search/types.js";
import { FakeBotApi, groupChat, privateChat, user, type RecordedCall } from "./fake-bot-api.js";

const admin = user(9001, "Quản trị");
const an = user(1001, "An");
const group = groupChat(-100888);
/** A copy of Công văn 2018-CV/TU of Tỉnh ủy Quảng Ngãi with another signer: what a forged copy looks like. */
const FORGED = `TỈNH ỦY QUẢNG NGÃI
Số 2018-CV/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ngãi, ngày 25 tháng 3 năm 2024

V/v tổ chức nghiên cứu, quán triệt Kết luận số 69-KL/TW

1. Các huyện ủy tổ chức hội nghị trực tuyến về khinh khí cầu học thuật.

2. Báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy.

Nơi nhận:
- Như trên,
- Lưu VP.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn Giả
`;
const HEADERLESS = "Một số nội dung cần tuyên truyền về hồ sơ số hóa tài liệu\n\n1. Tuyên truyền sâu rộng về hồ sơ số hóa tài liệu lưu trữ.\n\n2. Tổ chức hội thảo chuyên đề về hồ sơ số hóa.\n";
const WHO_SIGNED = "Ai ký Công văn 2018-CV/TU?";

/** The embedded store, failing its next swap on demand (a full disk). */
class FlakyStore extends EmbeddedStore {
  failNext = false;
  override async replaceAll(chunks: IndexedChunk[], info: Parameters<EmbeddedStore["replaceAll"]>[1]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("ENOSPC: no space left on device");
    }
    return super.replaceAll(chunks, info);
  }
}

let api: FakeBotApi;
let data: string;
let bot: ReturnType<typeof createBot>;
let assistant: Awaited<ReturnType<typeof openAssistant>>;
let store: FlakyStore;

beforeAll(async () => {
  api = await FakeBotApi.start();
  data = await mkdtemp(join(tmpdir(), "vanban-uploads-"));
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATA_DIR: data,
    CORPUS_DIRS: "corpus",
    ADMIN_USER_IDS: String(admin.id),
    ALLOWED_USER_IDS: `${admin.id},${an.id}`,
  });
  store = new FlakyStore(join(data, "index"));
  assistant = await openAssistant(config, silentLogger, { store });
  bot = createBot(api.token, { config, logger: silentLogger, assistant, storage: await createFileStorage(data), botInfo: api.botInfo });
});
afterAll(async () => {
  await api.close();
  await rm(data, { recursive: true, force: true });
});

async function send(from: typeof admin, extra: Partial<Message>, chat: Chat = privateChat(from)): Promise<RecordedCall[]> {
  const mark = api.calls.length;
  await bot.handleUpdate(api.message({ chat, from, extra }));
  return api.callsOf("sendMessage", mark).filter((c) => c.payload.chat_id === chat.id);
}
const upload = (name: string, text: string, from = admin, chat?: Chat) => send(from, { document: api.addFile(name, Buffer.from(text)) } as Partial<Message>, chat);
const buttons = (call: RecordedCall) => (call.payload.reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data: string }[];
async function press(from: typeof admin, call: RecordedCall, label: RegExp): Promise<{ sent: RecordedCall[]; acks: RecordedCall[] }> {
  const mark = api.calls.length;
  const button = buttons(call).find((b) => label.test(b.text))!;
  await bot.handleUpdate(api.callback({ from, message: { message_id: 5, date: 0, chat: privateChat(admin), text: "x" } as Message, data: button.callback_data }));
  return { sent: api.callsOf("sendMessage", mark), acks: api.callsOf("answerCallbackQuery", mark) };
}
const signer = async () => (await assistant.ask(WHO_SIGNED)).answer;
const leftovers = async (): Promise<string[]> => {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else if (e.name.endsWith(".tmp")) out.push(join(dir, e.name));
    }
  };
  await walk(data);
  return out;
};

describe("an upload whose number is already indexed", () => {
  it("is held: both documents are shown (issuer, date, signer) with two buttons, and the index is unchanged", async () => {
    expect(await signer()).toContain("Đặng Ngọc Huy");
    const [prompt] = await upload("2018-cv-tu-ban-sao.md", FORGED);
    const text = String(prompt!.payload.text);
    expect(text).toContain("Số hiệu 2018-CV/TU đã có trong kho");
    expect(text).toContain("Đặng Ngọc Huy");
    expect(text).toContain("Nguyễn Văn Giả");
    expect(text).toContain("22/02/2024");
    expect(text).toContain("25/3/2024");
    expect(text.match(/Tỉnh ủy Quảng Ngãi/g)!.length).toBeGreaterThanOrEqual(2);
    expect(buttons(prompt!).map((b) => b.text)).toEqual(["✅ Thay thế", "✖️ Giữ văn bản đang có"]);
    expect(await signer()).toContain("Đặng Ngọc Huy");
    expect(assistant.documents().filter((d) => d.number === "2018-CV/TU")).toHaveLength(1);
    expect(await readdir(join(data, "bot", "pending-uploads"))).toHaveLength(1);
    await press(admin, prompt!, /Giữ/);
  });

  it("'keep' discards the upload; a second press finds nothing to do; a non-admin cannot choose", async () => {
    const [prompt] = await upload("2018-cv-tu-ban-sao.md", FORGED);
    const stranger = await press(an, prompt!, /Thay thế/);
    expect(stranger.acks[0]!.payload.text).toMatch(/chỉ quản trị viên/);
    const kept = await press(admin, prompt!, /Giữ/);
    expect(kept.sent.map((c) => c.payload.text)).toEqual([expect.stringMatching(/Đã giữ văn bản đang có/)]);
    const again = await press(admin, prompt!, /Thay thế/);
    expect(again.acks[0]!.payload.text).toMatch(/đã được xử lý hoặc đã quá hạn/);
    expect(await signer()).toContain("Đặng Ngọc Huy");
    expect(await readdir(join(data, "bot", "pending-uploads")).catch(() => [])).toEqual([]);
  });

  it("'replace' puts the new document in place of the old one, which no longer answers", async () => {
    const [prompt] = await upload("2018-cv-tu-ban-sao.md", FORGED);
    const replaced = await press(admin, prompt!, /Thay thế/);
    expect(replaced.sent.map((c) => String(c.payload.text)).join("\n")).toMatch(/thay thế.*đã nạp 1 văn bản/s);
    expect(await signer()).toContain("Nguyễn Văn Giả");
    expect(assistant.documents().filter((d) => d.number === "2018-CV/TU")).toHaveLength(1);
    // It stays replaced across a reload of the corpus folders.
    await assistant.reload();
    expect(await signer()).toContain("Nguyễn Văn Giả");
    expect(assistant.documents().filter((d) => d.number === "2018-CV/TU")).toHaveLength(1);
    expect(await readdir(join(data, "bot", "pending-uploads"))).toEqual([]);
  });
});

describe("an upload without a recognisable header", () => {
  it("is indexed with a warning naming what is missing", async () => {
    const sent = await upload("ghi-chu-so-hoa.txt", HEADERLESS);
    const text = sent.map((c) => String(c.payload.text)).join("\n");
    expect(text).toContain("đã nạp 1 văn bản");
    expect(text).toMatch(/⚠️ Lưu ý:.*ghi-chu-so-hoa\.txt: không nhận ra loại văn bản, số hiệu, cơ quan ban hành, ngày ban hành, người ký/s);
    expect(text).toContain("ghi-chu-so-hoa.txt.meta.json");
  });
});

describe("size limits", () => {
  it("say the file's size and the limit", async () => {
    const file = api.addFile("lon.pdf", Buffer.from("x"));
    const [reply] = await send(admin, { document: { ...file, file_size: Math.round(11 * 1024 * 1024) } } as Partial<Message>);
    expect(reply!.payload.text).toMatch(/quá lớn: tối đa 10 MB cho mỗi tệp.*\(tệp này 11,0 MB\)/);
  });

  it("a file Telegram will not hand over (over 20 MB) is 'too large', not 'try again later'", async () => {
    const { file_size: _size, ...file } = api.addFile("rat-lon.pdf", Buffer.from("x"));
    api.failNext("getFile", { error_code: 400, description: "Bad Request: file is too big" });
    const [reply] = await send(admin, { document: file } as Partial<Message>);
    expect(reply!.payload.text).toMatch(/quá lớn: tối đa 10 MB/);
    expect(reply!.payload.text).not.toMatch(/gửi lại sau ít phút/);
  });
});

describe("a failed upload", () => {
  it("leaves no temporary file and no uploaded file; the index keeps answering", async () => {
    store.failNext = true;
    const sent = await upload("77-cv-btgtu.md", FORGED.replace("2018-CV/TU", "77-CV/BTGTU").replace("TỈNH ỦY QUẢNG NGÃI", "BAN TUYÊN GIÁO TỈNH ỦY THỬ"));
    expect(sent.map((c) => c.payload.text)).toEqual([expect.stringMatching(/Xin lỗi/)]);
    expect(await leftovers()).toEqual([]);
    expect(await readdir(join(data, "uploads"))).not.toContain("77-cv-btgtu.md");
    expect((await assistant.ask("Ai ký Công văn 844-CV/ĐU?")).mode).toBe("answer");
  });
});

describe("in a group", () => {
  it("a file from an admin gets a pointer to the private chat; nothing with an id", async () => {
    const [reply] = await upload("van-ban.md", FORGED, admin, group);
    expect(reply!.payload.text).toMatch(/gửi tệp trong tin nhắn riêng với @vanban_test_bot/);
    expect(reply!.payload.text).not.toMatch(/\d{4,}/);
  });

  it("the refusal of a group that may not use the bot shows no internal id", async () => {
    const mark = api.calls.length;
    await bot.handleUpdate(api.message({ chat: group, from: user(5005, "Khách"), text: `/hoi@${api.botInfo.username} Kết luận 69 là gì?` }));
    const [refusal] = api.callsOf("sendMessage", mark);
    expect(refusal!.payload.text).toMatch(/nhóm này chưa được cấp quyền/);
    expect(refusal!.payload.text).not.toMatch(/\d{4,}/);
  });
});
