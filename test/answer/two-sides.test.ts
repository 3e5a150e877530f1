/**
 * A question that joins two things ("tỷ lệ hồ sơ … và về kinh tế số là bao nhiêu?") is answered by both passages
 * when its targets stand as sibling points: the side the first passage does not hold is answered by the passage of
 * the same document that holds it. A question of one thing keeps one passage, and a side the document never writes
 * of adds nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH LONG HÀ
Số: 35/KH-UBND
Long Hà, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

I. MỤC ĐÍCH, YÊU CẦU

1. Quán triệt đầy đủ chủ trương của Đảng về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.

II. MỤC TIÊU

1. Đến hết năm 2025

a) Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình đạt 70%.

b) 100% Ủy ban nhân dân các xã, phường sử dụng thống nhất Hệ thống quản lý văn bản và điều hành.

c) Kinh tế số đạt 25% GRDP.

2. Đến năm 2030

a) Tỷ lệ dân số trưởng thành sử dụng dịch vụ công trực tuyến đạt 90%.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An`;

describe("a question of two things", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh35.txt"]]));
  });

  it("quotes the passage of each side", async () => {
    const a = await ask("Theo Kế hoạch 35/KH-UBND, mục tiêu năm 2025 về tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình và về kinh tế số là bao nhiêu?");
    expect(a.citations.map((c) => c.section)).toEqual(["II.1.a", "II.1.c"]);
    expect(a.answer).toContain("25% GRDP");
  });

  it("keeps one passage for a question of one thing", async () => {
    const a = await ask("Theo Kế hoạch 35/KH-UBND, tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình năm 2025 là bao nhiêu?");
    expect(a.citations.map((c) => c.section)).toEqual(["II.1.a"]);
  });

  it("adds nothing for a side the document never writes of", async () => {
    const a = await ask("Theo Kế hoạch 35/KH-UBND, tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình năm 2025 và số doanh nghiệp công nghệ số là bao nhiêu?");
    expect(a.citations.map((c) => c.section)).not.toContain("II.1.c");
    expect(a.citations[0]?.section).toBe("II.1.a");
  });
});
