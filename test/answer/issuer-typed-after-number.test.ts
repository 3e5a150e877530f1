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

2. Báo cáo gửi về Sở Giáo dục và Đào tạo trước ngày 07/11/2025.`;

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
