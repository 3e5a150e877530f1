/**
 * "Sở KH&CN tỉnh X phải công bố … trước ngày nào?": the body named, with no document's type or number, is the one
 * assigned; the document asked is whichever assigns it (the province's decision), not the body's own guide.
 */
import { describe, expect, it } from "vitest";
import { assistantOver } from "../helpers/assistant.js";

const GUIDE = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 186/HD-SKHCN
Hòa Bắc, ngày 26 tháng 12 năm 2025

HƯỚNG DẪN
Đánh giá chuyển đổi số cấp xã

I. NỘI DUNG
1. Ủy ban nhân dân cấp xã cập nhật số liệu lên Hệ thống theo dõi trước ngày 28/02/2026.
2. Các xã công bố kết quả tự đánh giá trên cổng thông tin của xã.`;

const DECISION = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 41/2025/QĐ-UBND
Hòa Bắc, ngày 28 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy định quản lý nhiệm vụ khoa học, công nghệ cấp tỉnh

Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý nhiệm vụ khoa học, công nghệ cấp tỉnh.

Điều 2. Quyết định này có hiệu lực từ ngày 10 tháng 12 năm 2025.

Điều 3. Giám đốc Sở Khoa học và Công nghệ chịu trách nhiệm thi hành Quyết định này.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A

QUY ĐỊNH
Quản lý nhiệm vụ khoa học, công nghệ cấp tỉnh

Điều 11. Trách nhiệm của Sở Khoa học và Công nghệ
1. Tổng hợp đề xuất đặt hàng nhiệm vụ của các sở, ngành.
2. Công bố công khai danh mục nhiệm vụ cấp tỉnh được phê duyệt trước ngày 31 tháng 10 hằng năm.`;

describe("a body named as the one who must act", () => {
  it("is answered from the document that assigns it, not limited to the body's own documents", async () => {
    const { ask } = await assistantOver([
      [GUIDE, "hd186.md"],
      [DECISION, "qd41.md"],
    ]);
    const a = await ask("Sở Khoa học và Công nghệ Hòa Bắc phải công bố công khai danh mục nhiệm vụ cấp tỉnh được phê duyệt trước ngày nào hằng năm?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("31 tháng 10 hằng năm");
    expect(a.citations[0]!.number).toBe("41/2025/QĐ-UBND");
    // The body's own document named by its type is still that document.
    const own = await ask("Hướng dẫn của Sở Khoa học và Công nghệ Hòa Bắc yêu cầu cấp xã cập nhật số liệu trước ngày nào?");
    expect(own.citations[0]!.number).toBe("186/HD-SKHCN");
    expect(own.answer).toContain("28/02/2026");
  });
});
