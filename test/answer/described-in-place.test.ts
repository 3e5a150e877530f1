/**
 * "Nghị quyết của HĐND tỉnh X quy định … có số hiệu là gì?": a document cited by description is looked for in the
 * documents of the place the question names, never taken from another province's letter that cites its own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const LETTER_A = `UBND TỈNH LÂM HÀ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1652/SKHCN-KHTC
V/v triển khai chính sách hỗ trợ khoa học, công nghệ

Lâm Hà, ngày 15 tháng 9 năm 2025

Kính gửi: Các doanh nghiệp trên địa bàn tỉnh.

Thực hiện Nghị quyết số 15/2025/NQ-HĐND ngày 16/7/2025 của Hội đồng nhân dân tỉnh quy định một số chính sách hỗ trợ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn tỉnh Lâm Hà, Sở Khoa học và Công nghệ thông báo như sau:

1. Doanh nghiệp khởi nghiệp sáng tạo lập hồ sơ đề nghị hỗ trợ gửi về Sở trước ngày 30/10/2025.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Bình`;

const PLAN_B = `ỦY BAN NHÂN DÂN
TỈNH HÒA BẮC
Số: 118/KH-UBND
Hòa Bắc, ngày 25 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Hòa Bắc

I. NHIỆM VỤ

1. Sở Khoa học và Công nghệ chủ trì xây dựng dự thảo Nghị quyết của Hội đồng nhân dân tỉnh quy định chính sách hỗ trợ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, trình trong năm 2025.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hải`;

describe("a document described, in the place the question names", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [LETTER_A, "cv1652.md"],
      [PLAN_B, "kh118.md"],
    ]));
  });

  it("the place whose documents cite it: its number", async () => {
    const a = await ask("Nghị quyết của HĐND tỉnh Lâm Hà quy định chính sách hỗ trợ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số có số hiệu là gì?");
    expect(a.answer).toContain("15/2025/NQ-HĐND");
  });

  it("another place: never the first place's resolution", async () => {
    const a = await ask("Nghị quyết của HĐND tỉnh Hòa Bắc quy định chính sách hỗ trợ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số có số hiệu là gì?");
    expect(a.answer).not.toContain("15/2025/NQ-HĐND");
  });
});
