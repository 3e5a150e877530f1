/**
 * A question that asks two things ("… thông báo trong bao lâu và khắc phục trong bao lâu?") whose answers stand in two
 * clauses of one article: each clause holds half the question, so neither reaches the bar alone; together they
 * answer it, both cited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const RULES = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 2845/QĐ-UBND
Hòa Bắc, ngày 24 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế quản lý, vận hành Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý, vận hành Nền tảng tích hợp, chia sẻ dữ liệu tỉnh.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm

QUY CHẾ
Quản lý, vận hành Nền tảng tích hợp, chia sẻ dữ liệu tỉnh

Điều 1. Phạm vi điều chỉnh

Quy chế này quy định việc quản lý, vận hành, kết nối, khai thác LGSP tỉnh.

Điều 2. Bảo đảm an toàn thông tin

1. LGSP tỉnh được bảo đảm an toàn hệ thống thông tin theo cấp độ 3.

2. Dữ liệu cấu hình được sao lưu hằng ngày; bản sao lưu được lưu giữ tối thiểu 30 ngày.

Điều 3. Xử lý sự cố

1. Khi xảy ra sự cố, đơn vị vận hành thông báo đến các cơ quan kết nối trong vòng 02 giờ kể từ khi phát hiện.

2. Sự cố phải được khắc phục trong vòng 24 giờ; trường hợp vượt quá khả năng xử lý, Sở Khoa học và Công nghệ báo cáo Ủy ban nhân dân tỉnh.`;

describe("two things asked, answered by two clauses of one article", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[RULES, "qd2845.md"]]));
  });

  it("both clauses, both cited", async () => {
    const a = await ask("Khi LGSP tỉnh gặp sự cố, đơn vị vận hành phải thông báo trong bao lâu và khắc phục trong bao lâu?");
    expect(a.mode).toBe("answer");
    expect(a.citations.map((c) => c.section)).toEqual(["Điều 3.1", "Điều 3.2"]);
    expect(a.answer).toContain("02 giờ");
    expect(a.answer).toContain("24 giờ");
  });
});
