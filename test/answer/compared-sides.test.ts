/**
 * A comparison whose two documents are named each by its issuer or its place, not by number ("trong hướng dẫn của Sở
 * KH&CN với chỉ tiêu của phường X", "cả chương trình của Bộ … và kế hoạch của tỉnh … mỗi bên", "Thành ủy … bao nhiêu,
 * còn Đại học … bao nhiêu"): both sides answered, each from its own document. A side that names no document adds
 * nothing, and a question of one document is no comparison.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const GUIDE = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 186/HD-SKHCN
Hòa Bắc, ngày 26 tháng 12 năm 2025

HƯỚNG DẪN
Bộ chỉ số đánh giá chuyển đổi số cấp xã năm 2026

I. CÁC CHỈ SỐ
1. Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình: tối thiểu 70%.
2. Tỷ lệ hộ kinh doanh sử dụng thanh toán không dùng tiền mặt: tối thiểu 85%.`;

const WARD = `ỦY BAN NHÂN DÂN
PHƯỜNG BÃI LONG
Số:    /KH-UBND
Bãi Long, ngày 09 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số phường Bãi Long năm 2026

I. CHỈ TIÊU
1. Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình đạt tối thiểu 75%.
2. Tỷ lệ hộ kinh doanh tại chợ Bãi Long sử dụng thanh toán không dùng tiền mặt đạt 90%.`;

const PROGRAMME = `THÀNH ỦY HÒA BẮC
Số 115-CTr/TU
Hòa Bắc, ngày 24 tháng 02 năm 2025

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW

I. NHIỆM VỤ
1. Phối hợp với các trường đào tạo nhân lực công nghệ số; mỗi năm đào tạo ít nhất 1.000 kỹ sư công nghệ số.`;

const UNIVERSITY = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
ĐẠI HỌC HÒA BẮC
Số: 1265/KH-ĐHHB
Hòa Bắc, ngày 26 tháng 5 năm 2025

KẾ HOẠCH
Triển khai Nghị quyết số 57-NQ/TW tại Đại học Hòa Bắc

I. MỤC TIÊU
1. Đào tạo ít nhất 2.000 kỹ sư công nghệ số giai đoạn 2025 - 2030.`;

describe("a comparison of two documents named by issuer or place", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [GUIDE, "hd186.md"],
      [WARD, "kh-bailong.md"],
      [PROGRAMME, "ctr115.md"],
      [UNIVERSITY, "kh1265.md"],
    ]));
  });

  it("'trong hướng dẫn của Sở … với chỉ tiêu của phường …' answers both sides", async () => {
    const a = await ask("So sánh tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình trong hướng dẫn của Sở KH&CN với chỉ tiêu của phường Bãi Long.");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("tối thiểu 70%");
    expect(a.answer).toContain("tối thiểu 75%");
    expect(new Set(a.citations.map((c) => c.issuer))).toEqual(new Set(["Sở Khoa học và Công nghệ tỉnh Hòa Bắc", "Ủy ban nhân dân phường Bãi Long"]));
  });

  it("'X … bao nhiêu, còn Y … bao nhiêu' puts both X's and Y's documents in scope", async () => {
    const a = await ask("Về đào tạo kỹ sư công nghệ số: Thành ủy Hòa Bắc yêu cầu mỗi năm đào tạo bao nhiêu kỹ sư, còn Đại học Hòa Bắc đào tạo bao nhiêu kỹ sư giai đoạn 2025 - 2030?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("1.000 kỹ sư");
    expect(a.answer).toContain("2.000 kỹ sư");
  });

  it("a question of one document keeps one side", async () => {
    const a = await ask("Phường Bãi Long đặt chỉ tiêu thanh toán không dùng tiền mặt của hộ kinh doanh bao nhiêu?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("90%");
    expect(a.answer).not.toContain("85%");
  });
});
