/**
 * "Theo Kế hoạch của Ủy ban nhân dân xã X, đơn vị nào … theo Nghị quyết 36?": the document the question opens with,
 * named by type and issuer, is asked; the number further on is what it speaks of.
 */
import { describe, expect, it } from "vitest";
import { assistantOver } from "../helpers/assistant.js";

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÒA BẮC
Số: 36/2025/NQ-HĐND
Hòa Bắc, ngày 26 tháng 9 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ chuyển đổi số

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định nội dung, mức hỗ trợ chuyển đổi số đối với hộ kinh doanh.

Điều 2. Tổ chức thực hiện
Giao Ủy ban nhân dân thành phố tổ chức thực hiện Nghị quyết này.`;

const PLAN = `ỦY BAN NHÂN DÂN
XÃ DUY NGHĨA
Số:        /KH-UBND                  Duy Nghĩa, ngày 08 tháng 10 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số trên địa bàn xã

I. TỔ CHỨC THỰC HIỆN

1. Phòng Kinh tế: là cơ quan thường trực giúp Ủy ban nhân dân xã theo dõi việc thực hiện Kế hoạch; chủ trì triển khai chính sách hỗ trợ theo Nghị quyết số 36/2025/NQ-HĐND đối với hộ kinh doanh.`;

describe("a question that opens with a document named by its type and issuer", () => {
  it("is answered from that document, not from the resolution it speaks of", async () => {
    const { ask } = await assistantOver([
      [RESOLUTION, "nq36.md"],
      [PLAN, "kh-duynghia.txt"],
    ]);
    const a = await ask("Theo Kế hoạch của Ủy ban nhân dân xã Duy Nghĩa, đơn vị nào chủ trì triển khai chính sách hỗ trợ theo Nghị quyết số 36/2025/NQ-HĐND đối với hộ kinh doanh?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("Phòng Kinh tế");
    expect(a.citations[0]!.issuer).toBe("Ủy ban nhân dân xã Duy Nghĩa");
  });
});
