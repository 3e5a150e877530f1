/**
 * Items headed by the body they assign ("1. Phòng Văn hóa, Khoa học và Thông tin" then "- Là cơ quan thường trực …"):
 * asked which body does something, the answer names the heading with the quoted duty; short forms typed in chat
 * ("phong tc-kh", "htx") read as the text writes them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN
HUYỆN TÂN PHÚ
Số: 55/KH-UBND
Tân Phú, ngày 08 tháng 4 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW trên địa bàn huyện Tân Phú

I. MỤC TIÊU

1. Đến năm 2026, 100% hợp tác xã được hỗ trợ ứng dụng nền tảng số.

II. TỔ CHỨC THỰC HIỆN

1. Phòng Văn hóa, Khoa học và Thông tin

- Là cơ quan thường trực, tham mưu Ủy ban nhân dân huyện theo dõi, đôn đốc việc thực hiện Kế hoạch.

2. Phòng Tài chính - Kế hoạch

- Tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm.

- Hướng dẫn các xã, thị trấn lập dự toán kinh phí chuyển đổi số năm 2026.

III. NHIỆM VỤ CỦA CÁC CƠ QUAN ĐẢNG

3.1. Đảng đoàn Hội đồng nhân dân huyện

- Lãnh đạo Hội đồng nhân dân huyện phối hợp với Ủy ban nhân dân huyện chuẩn bị dự thảo nghị quyết về chính sách hỗ trợ; xem xét, thông qua tại kỳ họp giữa năm 2025.

- Đưa nội dung giám sát việc thực hiện Nghị quyết số 57-NQ/TW vào chương trình giám sát năm 2026 của Hội đồng nhân dân huyện.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Bùi Văn Trường`;

describe("items headed by a body", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => ({ ask } = await assistantOver([[PLAN, "kh55.md"]])));

  it("name the body asked for beside the quoted duty", async () => {
    const a = await ask("kh 55 cua huyen tan phu thi co quan thuong truc la phong nao");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("II.1");
    expect(a.answer).toContain("Phòng Văn hóa, Khoa học và Thông tin");
  });

  it("asked for all the duties of a body, quote each of its bullets", async () => {
    const a = await ask("Kế hoạch 55/KH-UBND giao Phòng Tài chính - Kế hoạch những nhiệm vụ gì?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("bố trí kinh phí");
    expect(a.answer).toContain("lập dự toán kinh phí chuyển đổi số năm 2026");
    const b = await ask("Kế hoạch 55/KH-UBND giao Đảng đoàn Hội đồng nhân dân huyện những nhiệm vụ gì?");
    expect(b.answer).toContain("giữa năm 2025");
    expect(b.answer).toContain("giám sát năm 2026");
  });

  it("are found by a short form typed in chat", async () => {
    const a = await ask("phong tc-kh huyen tan phu dc giao nhiem vu gi trong kh 55");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("kinh phí");
    const b = await ask("kh 55 muc tieu ho tro htx den 2026 la gi");
    expect(b.answer).toContain("100% hợp tác xã");
  });
});
