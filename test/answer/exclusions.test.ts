/**
 * Rules that leave a group out ("3. Quy định này không áp dụng đối với: … b) Hộ kinh doanh, cá nhân kinh doanh;"):
 * "… hộ kinh doanh có được hỗ trợ không?" is "Không", with the clause — never "Có" because the clause names them;
 * "… hộ kinh doanh được hỗ trợ bao nhiêu?" has no amount to give, and says why. Groups the rules cover are answered.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const RULES = `HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BẮC
Số: 18/2025/NQ-HĐND
Hòa Bắc, ngày 09 tháng 12 năm 2025

QUY ĐỊNH
Chính sách hỗ trợ doanh nghiệp chuyển đổi số trên địa bàn tỉnh Hòa Bắc

Điều 1. Đối tượng áp dụng

1. Doanh nghiệp nhỏ và vừa có trụ sở chính trên địa bàn tỉnh.

2. Doanh nghiệp khởi nghiệp sáng tạo hoạt động không quá 05 năm.

3. Quy định này không áp dụng đối với:

a) Doanh nghiệp do Nhà nước nắm giữ trên 50% vốn điều lệ;

b) Hộ kinh doanh, cá nhân kinh doanh;

c) Doanh nghiệp đang làm thủ tục giải thể, phá sản.

Điều 2. Mức hỗ trợ

1. Hỗ trợ 50% chi phí thuê, mua giải pháp chuyển đổi số, tối đa 100 triệu đồng/doanh nghiệp/năm.

2. Hỗ trợ 30% kinh phí thuê chuyên gia tư vấn, tối đa 50 triệu đồng/hợp đồng.

TM. HỘI ĐỒNG NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Hải`;

describe("a group the rules leave out", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[RULES, "nq18.md"]]));
  });

  it("asked whether it is supported: 'Không', with the clause that leaves it out", async () => {
    const a = await ask("Hộ kinh doanh có được hỗ trợ theo Nghị quyết 18/2025/NQ-HĐND không?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toMatch(/^Không\. /);
    expect(a.answer).toContain("không áp dụng đối với");
    expect(a.citations[0]).toMatchObject({ section: "Điều 1.3.b", quote: "Hộ kinh doanh, cá nhân kinh doanh;" });
  });

  it("asked how much it gets: no amount, the clause said", async () => {
    const a = await ask("Theo Nghị quyết 18/2025/NQ-HĐND, hộ kinh doanh được hỗ trợ tối đa bao nhiêu khi thuê giải pháp chuyển đổi số?");
    expect(a.mode).toBe("not_found");
    expect(a.answer).not.toContain("100 triệu");
  });

  it("a group the rules cover is answered", async () => {
    const a = await ask("Theo Nghị quyết 18/2025/NQ-HĐND, doanh nghiệp nhỏ và vừa được hỗ trợ tối đa bao nhiêu khi thuê giải pháp chuyển đổi số?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("tối đa 100 triệu đồng/doanh nghiệp/năm");
  });
});
