/**
 * The body a question asks about, wherever it stands: "Công văn X yêu cầu Sở Y báo cáo gì?" of a letter that never
 * names Sở Y says so (it does not answer with what the letter asks of others); the document's own issuer named in chat
 * ("ubnd phuong X bc … truoc ngay nao") is answered from its text, not refused as a body it assigns nothing to.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const LETTER = `UBND TỈNH LÂM HÀ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 905/SKHCN-KHTC
V/v đôn đốc báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW

Lâm Hà, ngày 15 tháng 9 năm 2025

Kính gửi: Các sở, ban, ngành; Ủy ban nhân dân các xã, phường.

1. Các sở, ban, ngành báo cáo kết quả thực hiện các nhiệm vụ được giao tại Kế hoạch số 77/KH-UBND.

2. Nội dung báo cáo riêng:

a) Sở Giáo dục và Đào tạo báo cáo riêng nội dung về tỷ lệ cơ sở giáo dục triển khai học bạ số;

b) Sở Nội vụ báo cáo riêng nội dung về kết quả bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức ngành giáo dục, y tế;

c) Ủy ban nhân dân các xã, phường báo cáo riêng nội dung về số lượng Tổ công nghệ số cộng đồng đã thành lập.

4. Báo cáo gửi về Sở Khoa học và Công nghệ trước ngày 30/9/2025. Thông tin chi tiết xin liên hệ: bà Trần Thu Hà, chuyên viên Phòng Kế hoạch - Tài chính; điện thoại: 0263.3822.111.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Bình`;

const WARD = `ỦY BAN NHÂN DÂN THÀNH PHỐ LÂM HÀ
ỦY BAN NHÂN DÂN PHƯỜNG BẮC SƠN
Số: 41/KH-UBND
Bắc Sơn, ngày 02 tháng 5 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW trên địa bàn phường Bắc Sơn

I. NHIỆM VỤ

1. Các bộ phận, khối phố tuyên truyền về chuyển đổi số.

2. Công chức Tư pháp - Hộ tịch số hóa hồ sơ thủ tục hành chính về hộ tịch, hoàn thành trong tháng 12/2025.

II. TỔ CHỨC THỰC HIỆN

1. Công chức Văn hóa - Xã hội theo dõi, đôn đốc thực hiện Kế hoạch.

2. Chế độ báo cáo: Ủy ban nhân dân phường báo cáo Ủy ban nhân dân thành phố (qua Phòng Văn hóa, Khoa học và Thông tin) định kỳ 6 tháng trước ngày 20/5 và hằng năm trước ngày 20/11.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Thị Mai`;

describe("the body a question asks about", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => ({ ask } = await assistantOver([
    [LETTER, "cv905.md"],
    [WARD, "kh41.md"],
  ])));

  it("named after 'yêu cầu' in a letter that never names it: said so", async () => {
    const a = await ask("Công văn 905/SKHCN-KHTC yêu cầu Sở Y tế báo cáo riêng nội dung gì?");
    expect(a.mode).toBe("not_found");
    expect(a.answer).not.toMatch(/học bạ số|kỹ năng số|Tổ công nghệ/);
  });

  it("named after 'yêu cầu' in a letter that names it: answered from its item", async () => {
    const a = await ask("Công văn 905/SKHCN-KHTC yêu cầu Sở Giáo dục và Đào tạo báo cáo riêng nội dung gì?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]).toMatchObject({ number: "905/SKHCN-KHTC", section: "2.a" });
  });

  it("a short form typed in chat ('tthc') reads as the words the text writes", async () => {
    const a = await ask("kh 41 so hoa ho so tthc ai lam, han bao gio");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("tháng 12/2025");
  });

  it("whom to contact, asked of a place's documents in chat: the letter that gives a contact, with its number", async () => {
    const a = await ask("cv so khcn lam ha thang 9 don doc bao cao thi lien he ai, sdt bn");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.number).toBe("905/SKHCN-KHTC");
    expect(a.answer).toContain("Trần Thu Hà");
    expect(a.answer).toContain("0263.3822.111");
  });

  it("the document's own issuer, typed in chat: answered from its text", async () => {
    const a = await ask("ubnd phuong bac son bc ubnd tp hang nam truoc ngay nao");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("20/11");
  });
});

describe("a header question naming two documents", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  const party = (kind: string, number: string, signer: string) => `TỈNH ỦY LÂM HÀ
Số ${number}
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Hà, ngày 20 tháng 01 năm 2025

${kind}
thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

1. Các cấp ủy, tổ chức đảng quán triệt Nghị quyết số 57-NQ/TW.

2. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng chương trình hành động.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
${signer}`;
  beforeAll(async () => ({ ask } = await assistantOver([
    [LETTER, "cv905.md"],
    [WARD, "kh41.md"],
    [party("KẾ HOẠCH", "12-KH/TU", "Đinh Văn Hiển"), "kh12.md"],
    [party("THÔNG BÁO", "30-TB/TU", "Trần Văn Khang"), "tb30.md"],
  ])));

  it("answers for each", async () => {
    for (const [q, names, numbers] of [
      ["Công văn 905/SKHCN-KHTC và Kế hoạch 41/KH-UBND do những ai ký?", ["Lê Văn Bình", "Trần Thị Mai"], ["905/SKHCN-KHTC", "41/KH-UBND"]],
      ["Kế hoạch 12-KH/TU và Thông báo 30-TB/TU của Tỉnh ủy Lâm Hà do những ai ký?", ["Đinh Văn Hiển", "Trần Văn Khang"], ["12-KH/TU", "30-TB/TU"]],
    ] as const) {
      const a = await ask(q);
      expect(a.mode, q).toBe("answer");
      for (const n of names) expect(a.answer, q).toContain(n);
      expect(new Set(a.citations.map((c) => c.number)), q).toEqual(new Set(numbers));
    }
  });
});

describe("a document asked for by its issuer's place", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => ({ ask } = await assistantOver([
    [LETTER.replace("1. Các sở, ban, ngành", "1. Các sở, ban, ngành và Ủy ban nhân dân huyện Tân Phú"), "cv905.md"],
    [WARD, "kh41.md"],
  ])));

  it("when no document is of that place (one text naming it is not its document): said so", async () => {
    for (const q of ["Kế hoạch của UBND huyện Tân Phú thực hiện Nghị quyết 57 giao ai theo dõi, đôn đốc?", "Kế hoạch của Tỉnh ủy Quảng Bình về Nghị quyết 57 có mấy nhiệm vụ?", "Báo cáo sơ kết 6 tháng năm 2025 của Ủy ban nhân dân huyện Tân Phú cho biết đã theo dõi, đôn đốc những gì?"]) {
      const a = await ask(q);
      expect(a.mode, q).toBe("not_found");
      expect(a.answer, q).toMatch(/không có văn bản nào của (huyện Tân Phú|Quảng Bình)/);
    }
    // The body and its place opening the question, having a document.
    const b = await ask("UBND huyện Tân Phú có kế hoạch thực hiện Nghị quyết 57 với kinh phí bao nhiêu?");
    expect(b.mode).toBe("not_found");
    expect(b.answer).toContain("không có văn bản nào của UBND huyện Tân Phú");
  });

  it("when one is: answered from it", async () => {
    const a = await ask("Kế hoạch của UBND phường Bắc Sơn giao ai theo dõi, đôn đốc thực hiện?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.number).toBe("41/KH-UBND");
  });
});
