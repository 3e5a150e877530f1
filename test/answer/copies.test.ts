/**
 * Many localities: a central conclusion, three provinces' plans that copy one of its paragraphs word for word and
 * assign their own Sở Tài chính different work, and a news page quoting the conclusion. Questions without scope must
 * cite the source, count the copies, never cite the news page as the conclusion, and say when each locality has its own.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../../src/assistant/assistant.js";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { silentLogger } from "../../src/logger.js";
import { parseDocument } from "../../src/parser/index.js";

const PASSAGE =
  "Xây dựng và vận hành sàn giao dịch dữ liệu nông sản quốc gia, kết nối cơ sở dữ liệu đất trồng với chuỗi cung ứng của hợp tác xã trước năm 2028.";

const CONCLUSION = `BAN CHẤP HÀNH TRUNG ƯƠNG
Số 77-KL/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 02 tháng 6 năm 2025

KẾT LUẬN
CỦA BỘ CHÍNH TRỊ
về dữ liệu nông nghiệp

1. Bộ Chính trị yêu cầu các cấp ủy tập trung các nhiệm vụ sau.

2. ${PASSAGE}

3. Bộ Tài chính bố trí kinh phí cho sàn giao dịch dữ liệu nông sản quốc gia từ ngân sách trung ương.

T/M BỘ CHÍNH TRỊ
Nguyễn Văn A`;

const plan = (province: string, number: number, task: string) => `ỦY BAN NHÂN DÂN TỈNH ${province.toUpperCase()}
Số: ${number}/KH-UBND
${province}, ngày 10 tháng 8 năm 2025

KẾ HOẠCH
Thực hiện Kết luận số 77-KL/TW của Bộ Chính trị

Thực hiện Kết luận số 77-KL/TW ngày 02/6/2025 của Bộ Chính trị;

I. NHIỆM VỤ

1. ${PASSAGE}

2. Sở Tài chính chủ trì ${task}

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn ${province}`;

const NEWS = `Kết luận 77: dữ liệu nông nghiệp là động lực mới
Cập nhật 08:00 ngày 05/6/2025

Theo Kết luận, nhiệm vụ trọng tâm là: ${PASSAGE}

Bạn đọc hỏi về thời hạn của sàn giao dịch dữ liệu nông sản.`;

const TEXTS: [string, string][] = [
  ["kl77.md", CONCLUSION],
  ["lam-ha.md", plan("Lâm Hà", 101, "bố trí kinh phí cho sàn giao dịch dữ liệu nông sản từ ngân sách tỉnh.")],
  ["dong-son.md", plan("Đông Sơn", 202, "bố trí kinh phí cho sàn giao dịch dữ liệu nông sản trong dự toán năm 2026.")],
  ["bac-giang-thuong.md", plan("Bắc Thủy", 303, "bố trí kinh phí cho sàn giao dịch dữ liệu nông sản qua quỹ đổi mới sáng tạo.")],
  ["tin.md", NEWS],
];

async function assistantOf(order: [string, string][]) {
  const documents = order.map(([file, text]) => parseDocument(text, file));
  uniqueIds(documents);
  const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-copies-")));
  const knowledge = await buildIndex(documents, target);
  return createAssistant({ knowledge, store: target.store, logger: silentLogger });
}

let ask: (q: string) => Promise<AnswerResult>;
let askReversed: (q: string) => Promise<AnswerResult>;

beforeAll(async () => {
  const a = await assistantOf(TEXTS);
  const b = await assistantOf([...TEXTS].reverse());
  ask = (q) => a.ask(q);
  askReversed = (q) => b.ask(q);
}, 60_000);

describe("copies and sources", () => {
  it("a passage several documents carry is cited from the one that issued it, the copies counted", async () => {
    const r = await ask("Thời hạn xây dựng sàn giao dịch dữ liệu nông sản quốc gia là khi nào?");
    expect(r.mode).toBe("answer");
    expect(r.citations[0]).toMatchObject({ number: "77-KL/TW", section: "2" });
    expect(r.answer).toMatch(/nhắc lại trong [34] văn bản khác/);
    // Listed once, not once per copy.
    expect(r.citations.filter((c) => c.quote.includes("sàn giao dịch dữ liệu nông sản quốc gia"))).toHaveLength(1);
  });

  it("a page without number or issuer is never labelled as the document it quotes", async () => {
    const r = await ask("Bạn đọc hỏi về vấn đề gì?");
    const news = r.citations.find((c) => c.quote.includes("Bạn đọc hỏi"));
    expect(news).toBeDefined();
    expect(news!.number).toBeNull();
    expect(r.answer).toMatch(/Tài liệu không rõ số hiệu, cơ quan ban hành/);
    expect(r.answer).not.toMatch(/Kết luận số 77-KL\/TW[^\n]*Bạn đọc hỏi/);
  });

  it("a question each locality answers differently, asked without scope, says so and lists their documents", async () => {
    const r = await ask("Sở Tài chính được giao nhiệm vụ gì về sàn giao dịch dữ liệu nông sản?");
    expect(r.answer).toMatch(/Trên đây là văn bản của (Lâm Hà|Đông Sơn|Bắc Thủy)\. Mỗi địa phương có văn bản riêng về nội dung này \(.*\); hỏi rõ địa phương hoặc đặt \/phamvi/s);
    expect(r.answer).toMatch(/Đông Sơn/);
    expect(r.answer).toMatch(/Bắc Thủy/);
  });

  it("asked for a province's plan without naming the province: a province's answer and the list, not the central text", async () => {
    const unscoped = await ask("Ai bố trí kinh phí cho sàn giao dịch dữ liệu nông sản?");
    expect(unscoped.citations[0]).toMatchObject({ number: "77-KL/TW", section: "3" });
    expect(unscoped.answer).toMatch(/Mỗi địa phương có văn bản riêng/);
    for (const q of ["Kế hoạch của tỉnh giao ai bố trí kinh phí cho sàn giao dịch dữ liệu nông sản?", "kh cua tinh giao ai bo tri kinh phi cho san giao dich du lieu nong san"]) {
      const r = await ask(q);
      expect(r.citations[0]?.number).toMatch(/^(101|202|303)\/KH-UBND$/);
      expect(r.answer).toMatch(/Trên đây là văn bản của (Lâm Hà|Đông Sơn|Bắc Thủy)\. Mỗi địa phương có văn bản riêng/);
      expect(r.answer).not.toMatch(/Bộ Tài chính/);
    }
  });

  it("the same corpus ingested in another order gives the same answers", async () => {
    for (const q of [
      "Thời hạn xây dựng sàn giao dịch dữ liệu nông sản quốc gia là khi nào?",
      "Sở Tài chính được giao nhiệm vụ gì về sàn giao dịch dữ liệu nông sản?",
      "kết nối cơ sở dữ liệu đất trồng với chuỗi cung ứng của ai",
    ]) {
      const [x, y] = [await ask(q), await askReversed(q)];
      expect(y.answer).toBe(x.answer);
      expect(y.citations).toEqual(x.citations);
    }
  });
});

describe("documents sharing a number", () => {
  const plan552 = (province: string, day: number, task: string) => `ỦY BAN NHÂN DÂN TỈNH ${province.toUpperCase()}
Số: 552/KH-UBND
${province}, ngày ${day} tháng 11 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2026

I. NHIỆM VỤ

1. Sở Khoa học và Công nghệ chủ trì ${task}

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn ${province}`;

  let askShared: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    const a = await assistantOf([
      ["a.md", plan552("Lâm Hà", 19, "xây dựng kho dữ liệu khoa học của tỉnh.")],
      ["b.md", plan552("Đông Sơn", 21, "xây dựng mạng lưới trạm quan trắc tự động.")],
    ]);
    askShared = (q) => a.ask(q);
  }, 60_000);

  it("a header question is answered for each, with its issuer", async () => {
    const r = await askShared("Kế hoạch 552/KH-UBND ban hành ngày nào?");
    expect(r.answer).toMatch(/^Có 2 văn bản cùng số hiệu 552\/KH-UBND/);
    expect(r.answer).toMatch(/19\/11\/2025/);
    expect(r.answer).toMatch(/21\/11\/2025/);
    expect(new Set(r.citations.map((c) => c.issuer)).size).toBe(2);
  });

  it("a content answer says which one it is from and names the other", async () => {
    const r = await askShared("Kế hoạch 552 giao Sở Khoa học và Công nghệ xây dựng kho dữ liệu gì?");
    expect(r.answer).toMatch(/^Có 2 văn bản cùng số hiệu 552\/KH-UBND: .*Lâm Hà.*Đông Sơn|^Có 2 văn bản cùng số hiệu 552\/KH-UBND: .*Đông Sơn.*Lâm Hà/);
    expect(r.answer).toMatch(/Câu trả lời dưới đây lấy từ Kế hoạch số 552\/KH-UBND ngày 19\/11\/2025 của Ủy ban nhân dân tỉnh Lâm Hà/);
  });
});
