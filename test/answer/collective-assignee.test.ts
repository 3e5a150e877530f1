/**
 * "Các đơn vị …" in a question that names no body is everyone the letter addresses, not a body asked about: a deadline
 * question is answered from the sentence that holds its words ("gửi kế hoạch … trước ngày 20/5"), not from the one row
 * the letter happens to lead with "Các đơn vị" ("Các đơn vị báo cáo kết quả … trước ngày 01/6").
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const LETTER = `UBND TỈNH LÂM HÀ
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 733/SGDĐT-VP
V/v triển khai thực hiện Nghị quyết số 57-NQ/TW trong ngành Giáo dục

Lâm Hà, ngày 06 tháng 5 năm 2025

Kính gửi: Các đơn vị trực thuộc Sở; Phòng Giáo dục và Đào tạo các huyện.

Sở Giáo dục và Đào tạo đề nghị các đơn vị triển khai thực hiện các nội dung sau:

1. Quán triệt và xây dựng kế hoạch của đơn vị

Tổ chức quán triệt Nghị quyết số 57-NQ/TW đến 100% cán bộ quản lý, giáo viên. Xây dựng kế hoạch thực hiện của đơn vị giai đoạn 2025 - 2030, trong đó xác định rõ chỉ tiêu, lộ trình, người phụ trách; gửi về Sở Giáo dục và Đào tạo (qua Văn phòng Sở) trước ngày 20/5/2025.

2. Triển khai học bạ số

Triển khai học bạ số tại 100% cơ sở giáo dục phổ thông từ năm học 2025 - 2026.

3. Chế độ báo cáo

Các đơn vị báo cáo kết quả thực hiện định kỳ 6 tháng trước ngày 01/6 và hằng năm trước ngày 01/12 theo đề cương gửi kèm Công văn này, gửi về Sở (qua Văn phòng Sở) để tổng hợp, báo cáo Sở Khoa học và Công nghệ theo Kế hoạch của UBND tỉnh và báo cáo Bộ Giáo dục và Đào tạo theo Kế hoạch số 415/KH-BGDĐT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Hà Văn Nam`;

describe("'các đơn vị' named by a question that names no body", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[LETTER, "cv733.md"]]));
  });

  it("a deadline is taken from the sentence the question describes, not from the row led by 'Các đơn vị'", async () => {
    const a = await ask("Theo Công văn 733/SGDĐT-VP, các đơn vị phải gửi kế hoạch thực hiện của đơn vị về Sở Giáo dục và Đào tạo trước ngày nào?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("1");
    expect(a.answer).toContain("20/5/2025");
  });

  it("the row led by 'Các đơn vị' still answers the question about it", async () => {
    const a = await ask("cac don vi bao cao ket qua thuc hien 6 thang truoc ngay nao");
    expect(a.citations[0]?.section).toBe("3");
    expect(a.answer).toContain("01/6");
  });
});
