/**
 * "Kế hoạch 118 có bao nhiêu nhiệm vụ cụ thể, chia thành mấy nhóm?" of a plan that states both in one sentence
 * ("05 nhóm nhiệm vụ, giải pháp với 25 nhiệm vụ cụ thể"): that sentence answers, though the question's other words
 * ("chia thành") are not in it. Each thing counted is read after its own "bao nhiêu" / "mấy".
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { countedThings } from "../../src/answer/strategies/count.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 118/KH-UBND
Hòa Bắc, ngày 15 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

I. MỤC TIÊU

1. Đến năm 2030, có ít nhất 40 doanh nghiệp khoa học và công nghệ; 02 trung tâm đổi mới sáng tạo cấp tỉnh đi vào hoạt động.

2. Kinh tế số đạt 30% GRDP; 90% dân số trưởng thành có kỹ năng số cơ bản.

II. NHIỆM VỤ, GIẢI PHÁP

Tập trung thực hiện 05 nhóm nhiệm vụ, giải pháp với 25 nhiệm vụ cụ thể (chi tiết tại Phụ lục kèm theo).

1. Nâng cao nhận thức, hoàn thiện thể chế.

2. Phát triển hạ tầng số.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm`;

const GUIDE = `SỞ NỘI VỤ TỈNH HÒA BẮC
Số: 12/HD-SNV
Hòa Bắc, ngày 06 tháng 10 năm 2025

HƯỚNG DẪN
Đánh giá chuyển đổi số của cán bộ, công chức

1. Việc đánh giá được chia thành hai bước: cá nhân tự đánh giá, thủ trưởng cơ quan xếp loại.

2. Kết quả được chia thành bốn mức: xuất sắc, tốt, đạt, chưa đạt.

GIÁM ĐỐC
Trần Văn Nam`;

describe("counts the text states", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [PLAN, "kh118.md"],
      [GUIDE, "hd12.md"],
    ]));
  });

  it("what is counted, each after its own 'bao nhiêu' / 'mấy', up to a verb or a preposition", () => {
    expect(countedThings("Kế hoạch 118 có bao nhiêu nhiệm vụ cụ thể, chia thành mấy nhóm?")).toEqual(["nhiem vu cu the", "nhom"]);
    expect(countedThings("có bao nhiêu doanh nghiệp khoa học và công nghệ và mấy trung tâm đổi mới sáng tạo cấp tỉnh")).toEqual(["doanh nghiep khoa hoc", "trung tam doi moi"]);
  });

  it("two things counted in one sentence: that sentence", async () => {
    const a = await ask("Kế hoạch 118/KH-UBND có bao nhiêu nhiệm vụ cụ thể, chia thành mấy nhóm?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("II");
    expect(a.answer).toContain("05 nhóm nhiệm vụ, giải pháp với 25 nhiệm vụ cụ thể");
  });

  it("'bao nhiêu X và mấy Y': each read after its own word; the line that holds both", async () => {
    const a = await ask("Kế hoạch 118/KH-UBND đặt mục tiêu đến năm 2030 có bao nhiêu doanh nghiệp khoa học và công nghệ và mấy trung tâm đổi mới sáng tạo cấp tỉnh?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("40 doanh nghiệp khoa học và công nghệ");
    expect(a.answer).toContain("02 trung tâm đổi mới sáng tạo");
  });
});
