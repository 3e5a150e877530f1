/**
 * Headers and closings written as provinces and ministries write them: a commune committee under its city's, a
 * Party programme whose title line opens with the committee that issues it, a plain-text closing whose right column
 * starts closer to a long recipient than elsewhere, and a recipient wrapped onto the next line.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";

describe("headers", () => {
  it("a commune's committee under its city's: the commune's issues, the city places it", () => {
    const doc = parseDocument(
      `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÒA BẮC
ỦY BAN NHÂN DÂN
PHƯỜNG AN BÌNH
-------
Số: 41/KH-UBND

An Bình, ngày 02 tháng 5 năm 2025

KẾ HOẠCH
Chuyển đổi số phường An Bình năm 2025

I. MỤC ĐÍCH

Nội dung.`,
      "kh41.txt",
    );
    expect(doc.issuer).toBe("Ủy ban nhân dân phường An Bình, thành phố Hòa Bắc");
  });

  it("a district's Party committee under its city's, its name on one line or split over two", () => {
    for (const head of ["QUẬN ỦY LÊ AN", "QUẬN ỦY\nLÊ AN"]) {
      const doc = parseDocument(
        `THÀNH ỦY HÒA BẮC                          ĐẢNG CỘNG SẢN VIỆT NAM
${head}
     *
Số 52-KH/QU                            Lê An, ngày 14 tháng 4 năm 2025

KẾ HOẠCH
thực hiện Chương trình hành động số 12-CTr/TU

I. MỤC ĐÍCH

Nội dung.`,
        "kh52.txt",
      );
      expect(doc.issuer).toBe("Quận ủy Lê An thành phố Hòa Bắc");
    }
  });

  it("'CHƯƠNG TRÌNH HÀNH ĐỘNG / CỦA BAN THƯỜNG VỤ … THỰC HIỆN …' is one title", () => {
    const doc = parseDocument(
      `THÀNH ỦY HÒA BẮC
Số 12-CTr/TU
Hòa Bắc, ngày 10 tháng 3 năm 2025

CHƯƠNG TRÌNH HÀNH ĐỘNG
CỦA BAN THƯỜNG VỤ THÀNH ỦY THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW

I. MỤC TIÊU

Nội dung.`,
      "ctr12.md",
    );
    expect(doc.title).toBe("Chương trình hành động của Ban Thường vụ Thành ủy thực hiện Nghị quyết số 57-NQ/TW");
  });
});

describe("a plain-text closing in two columns", () => {
  const doc = parseDocument(
    `BỘ Y TẾ
Số: 77/KH-BYT
Hà Nội, ngày 15 tháng 4 năm 2025

KẾ HOẠCH
Triển khai thực hiện

I. MỤC ĐÍCH

Nội dung.

Nơi nhận:                                         KT. BỘ TRƯỞNG
- Ban Chỉ đạo Trung ương về phát triển KH,CN,     THỨ TRƯỞNG
  ĐMST và CĐS (để b/c);
- Văn phòng Chính phủ (để b/c);                   (Đã ký)
- Các Thứ trưởng;                                 Nguyễn Văn Tâm
- Lưu: VT.`,
    "kh77.md",
  );

  it("splits where the right column starts though a long recipient leaves a narrow gap there", () => {
    expect(doc.signer).toEqual({ name: "Nguyễn Văn Tâm", capacity: "KT. Bộ trưởng", title: "Thứ trưởng" });
  });

  it("keeps a recipient wrapped onto the next line whole", () => {
    expect(doc.recipients).toEqual(["Ban Chỉ đạo Trung ương về phát triển KH,CN, ĐMST và CĐS (để b/c)", "Văn phòng Chính phủ (để b/c)", "Các Thứ trưởng", "Lưu: VT"]);
  });
});
