/**
 * Headers and closings written as provinces and ministries write them: a commune committee under its city's, a
 * Party programme whose title line opens with the committee that issues it, a plain-text closing whose right column
 * starts closer to a long recipient than elsewhere, and a recipient wrapped onto the next line.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

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

  it("a title centred under its type word, its lines indented unevenly, is the title (not a second column)", () => {
    const doc = parseDocument(
      `        TỈNH ỦY HÒA BẮC                          ĐẢNG CỘNG SẢN VIỆT NAM
               *
          Số 45-KH/TU                        Hòa Bắc, ngày 28 tháng 7 năm 2025

                                   KẾ HOẠCH
       thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị
    về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi
                          số quốc gia, tầm nhìn đến năm 2045
                                    -----

I- MỤC ĐÍCH, YÊU CẦU

1- Nội dung.`,
      "kh45.txt",
    );
    expect(doc.docType).toBe("Kế hoạch");
    expect(doc.title).toBe("thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, tầm nhìn đến năm 2045");
    expect(doc.issuer).toBe("Tỉnh ủy Hòa Bắc");
  });

  it("a committee's name typed without some of its marks ('UY BAN NHAN DÂN') is the committee's", () => {
    const doc = parseDocument(
      `UY BAN NHAN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 PHƯỜNG AN BÌNH                            Độc lập - Tự do - Hạnh phúc
    -------                                    ---------------
Số: 45/KH-UBND                          An Bình, ngày 29 tháng 9 năm 2025

KẾ HOẠCH
Chuyển đổi số phường An Bình năm 2025

I. MỤC ĐÍCH

Nội dung.`,
      "kh45-phuong.txt",
    );
    expect(doc.issuer).toBe("Ủy ban nhân dân phường An Bình");
  });

  it("a People's Council's resolution: the council's line with its term and session closes the title", () => {
    const doc = parseDocument(
      `HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BẮC

Số: 25/2025/NQ-HĐND

Hòa Bắc, ngày 19 tháng 9 năm 2025

**NGHỊ QUYẾT**

**QUY ĐỊNH CHÍNH SÁCH HỖ TRỢ PHÁT TRIỂN KHOA HỌC, CÔNG
NGHỆ TRÊN ĐỊA BÀN TỈNH HÒA BẮC**

**HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BẮC
KHÓA X, KỲ HỌP THỨ BA (CHUYÊN ĐỀ)**

*Căn cứ Luật Tổ chức chính quyền địa phương;*

**QUYẾT NGHỊ:**

**Điều 1. Phạm vi điều chỉnh**

Nội dung.`,
      "nq25.md",
    );
    expect(doc.title).toBe("Quy định chính sách hỗ trợ phát triển khoa học, công nghệ trên địa bàn tỉnh Hòa Bắc");
  });

  it("a committee's document signed for its standing committee ('T/M BAN THƯỜNG VỤ') is the standing committee's", async () => {
    const text = `TỈNH ỦY HÒA BẮC                          ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 45-KH/TU                        Hòa Bắc, ngày 28 tháng 7 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW

I- MỤC ĐÍCH

1- Nội dung.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An`;
    const doc = parseDocument(text, "kh45.txt");
    expect(doc.issuer).toBe("Ban Thường vụ Tỉnh ủy Hòa Bắc");
    expect(doc.signer?.capacity).toMatch(/^T\/M Ban Thường vụ$/);
    // Named as the committee, it is still found by its issuer.
    const { kb } = await assistantOver([[text, "kh45.txt"]]);
    expect([...kb.documentsForIssuer("Kế hoạch của Tỉnh ủy Hòa Bắc")]).toEqual([doc.id]);
  });

  it("the special zones of the two-level government ('ĐẶC KHU CÔN SƠN'), a city named with its level, the merged central board", () => {
    const zone = parseDocument(`ỦY BAN NHÂN DÂN
ĐẶC KHU CÔN SƠN
Số: 214/QĐ-UBND
Côn Sơn, ngày 29 tháng 9 năm 2025

QUYẾT ĐỊNH
Về việc thành lập Ban Chỉ đạo chuyển đổi số

Điều 1. Thành lập Ban Chỉ đạo.`, "qd214.txt");
    expect(zone.issuer).toBe("Ủy ban nhân dân đặc khu Côn Sơn");
    const city = parseDocument(`THÀNH ỦY THÀNH PHỐ HÒA BẮC                ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 35-CTr/TU          Thành phố Hòa Bắc, ngày 18 tháng 8 năm 2025

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW

I- MỤC TIÊU

1- Nội dung.`, "ctr35.txt");
    expect(city.issuer).toBe("Thành ủy Thành phố Hòa Bắc");
    const guide = parseDocument(`BAN CHẤP HÀNH TRUNG ƯƠNG
BAN TUYÊN GIÁO VÀ DÂN VẬN
Số 16-HD/BTGDVTW
Hà Nội, ngày 25 tháng 7 năm 2025

HƯỚNG DẪN
Tuyên truyền Nghị quyết số 57-NQ/TW

1. Mục đích.`, "hd16.md");
    expect(guide.issuer).toBe("Ban Tuyên giáo và Dân vận Trung ương");
  });
});
