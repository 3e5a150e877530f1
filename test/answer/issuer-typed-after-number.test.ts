/**
 * In chat the issuer follows the number with no "của" ("cv 5128 skhcn hcm …"): a letter the corpus holds under that
 * number from another department is not that letter; its own department, typed short ("so gddt", "so khcn"), is.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const LETTER = `UBND TỈNH LÂM HÀ
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 5128/SGDĐT-KHCNTT
V/v báo cáo chuyển đổi số trường học
Lâm Hà, ngày 20 tháng 10 năm 2025

Kính gửi: Ủy ban nhân dân các xã, phường.

1. Nội dung báo cáo: số trường triển khai học bạ số; số trường thu học phí không dùng tiền mặt.

2. Báo cáo gửi về Sở Giáo dục và Đào tạo trước ngày 07/11/2025.

3. Đầu mối liên hệ: bà Nguyễn Thu Trang, điện thoại 0204.3854.216.`;

describe("an issuer typed after the number", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[LETTER, "cv5128.md"]]));
  });

  it("another department's: not this letter", async () => {
    const a = await ask("cv 5128 skhcn yeu cau xa phuong bao cao nhung noi dung gi");
    expect(a.mode).toBe("not_found");
    expect(a.answer).toContain("không phải của");
  });

  it("its own, typed short: answered", async () => {
    for (const q of ["cv 5128 so gddt yeu cau bao cao truoc ngay nao", "cv 5128 sở giáo dục yêu cầu báo cáo trước ngày nào"]) {
      const a = await ask(q);
      expect(a.mode, q).toBe("answer");
      expect(a.answer).toContain("07/11/2025");
    }
  });
});

const REPORT_LETTER = `UBND TỈNH LÂM HÀ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 968/SKHCN-KHTC
V/v báo cáo kết quả thực hiện Kế hoạch kỳ báo cáo 06 tháng cuối năm 2025
Lâm Hà, ngày 12 tháng 12 năm 2025

Kính gửi: Các sở, ban, ngành; Ủy ban nhân dân các xã, phường.

1. Phạm vi số liệu
- Số liệu báo cáo tính từ ngày 01/7/2025 đến ngày 31/12/2025.

2. Thời hạn và hình thức gửi báo cáo
- Báo cáo gửi về Sở Khoa học và Công nghệ trước 17 giờ 00 ngày 29/12/2025.
- Hình thức: văn bản điện tử có chữ ký số.

3. Đầu mối liên hệ
Bà Nguyễn Thu Trang, Phó Trưởng phòng Kế hoạch - Tài chính, Sở Khoa học và Công nghệ; điện thoại: 0204.3854.216.`;

describe("a letter's own department typed after its number, asked a deadline", () => {
  it("is whose the letter is, not a body asked about; the passage that sets the deadline answers first", async () => {
    const { ask } = await assistantOver([[REPORT_LETTER, "cv968.md"]]);
    for (const q of ["cv 968 skhcn han nop bao cao la ngay nao", "Công văn 968 của Sở Khoa học và Công nghệ: hạn nộp báo cáo là ngày nào?"]) {
      const a = await ask(q);
      expect(a.mode, q).toBe("answer");
      expect(a.citations[0]!.section, q).toBe("2");
      expect(a.answer.split("\n")[0], q).toContain("trước 17 giờ 00 ngày 29/12/2025");
    }
  });
});
