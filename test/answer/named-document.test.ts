/**
 * A question that names one document: its first section answers a little below the usual bar when nothing else in
 * it comes close (the question's phrasing is not the document's), and a department of the same kind but another
 * field named as its issuer ("cv 1186 của sở khcn" for the Sở Giáo dục's 1186) is another document, not this one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const LETTER = `SỞ GIÁO DỤC VÀ ĐÀO TẠO HÒA BẮC
Số: 1186/SGDĐT-VP
V/v triển khai Nghị quyết số 57-NQ/TW
Hòa Bắc, ngày 06 tháng 5 năm 2025

Kính gửi: Các trường trung học phổ thông.

1. Các đơn vị xây dựng kế hoạch thực hiện, gửi về Sở trước ngày 20/5/2025.

2. Kinh phí năm 2025 dự kiến 85 triệu đồng, bố trí từ ngân sách sự nghiệp giáo dục của đơn vị.

3. Các đơn vị báo cáo kết quả định kỳ 6 tháng trước ngày 01/6.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Thị Hoa`;

describe("a question naming one document", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[LETTER, "cv1186.md"]]));
  });

  it("is answered by its section far ahead of the others though worded otherwise", async () => {
    const a = await ask("Kinh phí dự kiến năm 2025 theo Công văn 1186/SGDĐT-VP là bao nhiêu và lấy từ nguồn nào?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]).toMatchObject({ number: "1186/SGDĐT-VP", section: "2" });
    expect(a.answer).toContain("85 triệu đồng");
  });

  it("with another department of the same kind as its issuer is not this document", async () => {
    const a = await ask("cv 1186 cua so khcn hoa bac yeu cau cac truong lam gi");
    expect(a.mode).toBe("not_found");
    expect(a.answer).toContain("Công văn số 1186/SGDĐT-VP");
    expect(a.answer).toContain("không phải của “so khcn hoa bac”");
  });

  it("with its own issuer, typed in chat, is answered", async () => {
    const a = await ask("cv 1186 cua so gd hoa bac yeu cau gui ke hoach truoc ngay nao");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("20/5/2025");
  });
});

const DECISION = `BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1200/QĐ-BKHCN
Hà Nội, ngày 09 tháng 6 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển mạng lưới đổi mới sáng tạo

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển mạng lưới đổi mới sáng tạo.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Đỗ Văn Tâm

KẾ HOẠCH
Phát triển mạng lưới đổi mới sáng tạo
(Ban hành kèm theo Quyết định số 1200/QĐ-BKHCN ngày 09 tháng 6 năm 2025 của Bộ trưởng Bộ Khoa học và Công nghệ)

I. MỤC TIÊU

1. Mục tiêu đến năm 2027: có ít nhất 3.000 doanh nghiệp khởi nghiệp sáng tạo; cổng thông tin khởi nghiệp sáng tạo tích hợp dữ liệu doanh nghiệp khởi nghiệp sáng tạo.

2. Đến năm 2030: có 5.000 doanh nghiệp khởi nghiệp, 30 trung tâm.`;

describe("a question about one horizon", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[DECISION, "qd1200.md"]]));
  });

  it("is answered by the targets of the year asked, before other years' and before the attachment's caption", async () => {
    const a = await ask("qd 1200 bkhcn muc tieu den 2030 co bao nhieu doanh nghiep khoi nghiep sang tao");
    // The plan's own numbering, the plan named beside it (see test/answer/attached-sections.test.ts).
    expect(a.citations[0]).toMatchObject({ section: "I.2", attachment: "Kế hoạch" });
    expect(a.answer).toContain("5.000");
  });
});

const PLAN_215 = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 215/KH-UBND
Hòa Bắc, ngày 28 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW

Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 412/TTr-SKHCN ngày 20/3/2025.

I. MỤC TIÊU

Phát triển kinh tế số.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa`;

const OTHER_LETTER = `TỈNH ỦY AN GIANG NAM
Số 4313-CV/TU
An Giang Nam, ngày 26 tháng 9 năm 2024

V/v ban hành kế hoạch

Kính gửi: Ban cán sự đảng UBND tỉnh.

1. Xét Tờ trình số 133/TTr-SKHCN ngày 20/7/2024 của Sở Khoa học và Công nghệ đề nghị ban hành kế hoạch, Thường trực Tỉnh ủy đồng ý chủ trương.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Trần Văn Ba`;

describe("a document described by how the named one cites it", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [PLAN_215, "kh215.md"],
      [OTHER_LETTER, "cv4313.md"],
    ]));
  });

  it("named with another place's issuer is not this document; with its own, it is", async () => {
    const wrong = await ask("Kế hoạch 215/KH-UBND ngày 28/3/2025 của Ủy ban nhân dân tỉnh Lâm Hà đặt mục tiêu gì?");
    expect(wrong.mode).toBe("not_found");
    expect(wrong.answer).toContain("Kế hoạch số 215/KH-UBND ngày 28/3/2025 của Ủy ban nhân dân tỉnh Hòa Bắc, không phải của “Ủy ban nhân dân tỉnh Lâm Hà”");
    const right = await ask("Kế hoạch 215/KH-UBND của Ủy ban nhân dân tỉnh Hòa Bắc do ai ký?");
    expect(right.mode).toBe("answer");
    expect(right.answer).toContain("Lê Văn Hòa");
  });

  it("is looked for in the document named as the subject, not in another that cites a look-alike", async () => {
    const a = await ask("to trinh cua so khcn de nghi ban hanh kh 215 la so may");
    expect(a.answer).toContain("412/TTr-SKHCN");
    expect(a.answer).not.toContain("133/TTr-SKHCN");
  });
});
