import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";

const LETTER = `TỈNH ỦY HÒA BẮC
VĂN PHÒNG
Số 12-CV/VPTU
Hòa Bắc, ngày 08 tháng 5 năm 2026

V/v góp ý dự thảo báo cáo

Kính gửi: Các ban đảng Tỉnh ủy

Văn phòng Tỉnh ủy đề nghị các cơ quan góp ý dự thảo báo cáo (gửi kèm theo).

Nơi nhận:
- Như trên,
- Lưu VP.

K/T CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Lê Thị Hoa

DỰ THẢO
BÁO CÁO
kết quả thực hiện nhiệm vụ chuyển đổi số

I. KẾT QUẢ

Hoàn thành kho dữ liệu dùng chung.

II. KIẾN NGHỊ

Đề nghị Văn phòng Trung ương Đảng sớm cấp tài khoản; đề nghị Bộ Khoa học và Công nghệ hỗ trợ kho dữ liệu.

T/M BAN THƯỜNG VỤ
BÍ THƯ`;

describe("an attached report's own signature block", () => {
  const doc = parseDocument(LETTER, "cv.md");
  it("is not the text of its last section", () => {
    const last = doc.sections.find((s) => s.path.endsWith("II"));
    expect(last?.text).toBe("Đề nghị Văn phòng Trung ương Đảng sớm cấp tài khoản; đề nghị Bộ Khoa học và Công nghệ hỗ trợ kho dữ liệu.");
  });
  it("is kept (as noise), and the letter's own signer is unchanged", () => {
    expect(doc.noise).toEqual(expect.arrayContaining(["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]));
    expect(doc.signer?.name).toBe("Lê Thị Hoa");
  });
});
