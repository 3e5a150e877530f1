/**
 * "phòng chuyên môn nào …?", "đơn vị đầu mối nào …?": the kind of body asked for is the answer's category, not words
 * the passage must hold — it names the body ("Phòng Văn hóa, Khoa học và Thông tin"), not "phòng chuyên môn".
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `QUẬN ỦY LÊ AN
Số 52-KH/QU
Lê An, ngày 14 tháng 4 năm 2025

KẾ HOẠCH
thực hiện Chương trình hành động số 52-CTr/TU

I. MỤC ĐÍCH

Đưa Nghị quyết vào cuộc sống; cán bộ các phòng được bồi dưỡng kỹ năng số.

II. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Quận ủy chủ trì tuyên truyền, phổ biến Kế hoạch đến cán bộ, đảng viên.

2. Đảng ủy Ủy ban nhân dân quận lãnh đạo Ủy ban nhân dân quận xây dựng kế hoạch thực hiện, hoàn thành trước ngày 30/4/2025; chỉ đạo Phòng Văn hóa, Khoa học và Thông tin quận làm đầu mối theo dõi, tổng hợp.

3. Văn phòng Quận ủy chủ trì triển khai phần mềm quản lý văn bản.

III. MỤC TIÊU ĐẾN NĂM 2030

1. 80% lực lượng lao động của quận có kỹ năng số cơ bản.

2. Quy mô kinh tế số đạt 30% GRDP của quận.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn An`;

describe("the kind of body asked for", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  let coverage: (q: string, section: string) => Promise<number>;
  beforeAll(async () => {
    ({ ask, coverage } = await assistantOver([[PLAN, "kh52.md"]]));
  });

  it("is no word the passage must hold", async () => {
    const a = await ask("Theo Kế hoạch số 52-KH/QU, phòng chuyên môn nào của quận làm đầu mối theo dõi, tổng hợp việc thực hiện?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("II.2");
    expect(a.answer).toContain("Phòng Văn hóa, Khoa học và Thông tin");
  });

  it("nor is the word for a share when a share is asked ('tỷ lệ … bao nhiêu %' of '80% lực lượng lao động …')", async () => {
    const withShareWord = await coverage("Theo Kế hoạch 52-KH/QU, tỷ lệ lao động có kỹ năng số cơ bản đến năm 2030 là bao nhiêu %?", "III.1");
    const without = await coverage("Theo Kế hoạch 52-KH/QU, lao động có kỹ năng số cơ bản đến năm 2030 là bao nhiêu %?", "III.1");
    expect(withShareWord).toBeGreaterThan(0.9 * without);
    expect((await ask("kh 52-KH/QU mtieu 2030 ty le luc luong lao dong co ky nang so bn %")).citations[0]?.section).toBe("III.1");
  });
});
