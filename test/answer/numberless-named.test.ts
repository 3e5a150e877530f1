/**
 * A document without a number is named as cadres cite it ("Kế hoạch (không số) ngày 26/9/2025 của Ban Thường vụ Đảng
 * ủy phường …"): those words name it, and no passage need hold them.
 */
import { describe, expect, it } from "vitest";
import { understand } from "../../src/understand/frame.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ĐẢNG BỘ TỈNH HÒA BẮC                           ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY PHƯỜNG KINH BẮC
        *                               Kinh Bắc, ngày 26 tháng 9 năm 2025
Số:     -KH/ĐU

KẾ HOẠCH
thực hiện Chương trình hành động số 12-CTr/TU về chuyển đổi số trên địa bàn phường

I. MỤC TIÊU

1. Đến năm 2026
- 90% hồ sơ thủ tục hành chính của phường được giải quyết trực tuyến toàn trình.

2. Đến năm 2027
- 95% người dân từ 14 tuổi trở lên có tài khoản định danh điện tử mức độ 2.
- 70% hộ kinh doanh tại chợ thực hiện thanh toán không dùng tiền mặt.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Ngô Văn Thắng`;

describe("a plan without a number, named with its date", () => {
  it("is asked about; its designation and date are not words the passage must hold", async () => {
    const { kb, ask } = await assistantOver([[PLAN, "kh-khongso.md"]]);
    const q = "Kế hoạch (không số) ngày 26/9/2025 của Ban Thường vụ Đảng ủy phường Kinh Bắc đặt mục tiêu đến năm 2027 về tài khoản định danh điện tử và thanh toán không dùng tiền mặt như thế nào?";
    const f = understand(q, [], kb);
    expect(f.topic).not.toMatch(/không số|26\/9\/2025/);
    const a = await ask(q);
    expect(a.mode).toBe("answer");
    expect(a.citations[0]!.section).toBe("I.2");
    expect(a.answer).toContain("95% người dân từ 14 tuổi trở lên");
  });
});
