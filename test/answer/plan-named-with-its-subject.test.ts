/**
 * A document named together with the resolution it is about, when that resolution is only cited: "Hướng dẫn tuyên
 * truyền 08-HD/BTGDVTW ngoài Nghị quyết 57 …" (the guide's own number after its descriptive words), "hướng dẫn … của
 * Trung ương về Nghị quyết 57" (what the guide is about), "ke hoach dhh nq57" (the plan by its issuer's code),
 * "Theo hướng dẫn tuyên truyền của Ban …, Nghị quyết 57 …" (the source opened with). Each asks the guide or the plan;
 * none is answered by "Nghị quyết 57 is not in the corpus".
 */
import { describe, expect, it } from "vitest";
import { understand } from "../../src/understand/frame.js";
import { assistantOver } from "../helpers/assistant.js";

const GUIDE = `BAN CHẤP HÀNH TRUNG ƯƠNG
BAN TUYÊN GIÁO VÀ DÂN VẬN
*
Số 08-HD/BTGDVTW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 03 tháng 4 năm 2025

HƯỚNG DẪN
tuyên truyền Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị

Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 03/NQ-CP, ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động của Chính phủ, Ban Tuyên giáo và Dân vận Trung ương hướng dẫn công tác tuyên truyền như sau:

I. NỘI DUNG TUYÊN TRUYỀN
1. Tuyên truyền mục tiêu đến năm 2030: kinh phí chi cho nghiên cứu phát triển đạt 2% GDP.

II. TỔ CHỨC THỰC HIỆN
1. Đảng ủy Bộ Văn hóa, Thể thao và Du lịch chỉ đạo tổ chức sáng tác tranh cổ động tấm lớn về chủ đề chuyển đổi số.
2. Ban Tuyên giáo và Dân vận các tỉnh ủy, thành ủy tổ chức tọa đàm chuyên đề 01 lần/năm.`;

const PLAN = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
ĐẠI HỌC HUẾ
Số: 1265/KH-ĐHH
Huế, ngày 26 tháng 5 năm 2025

KẾ HOẠCH
Triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị tại Đại học Huế

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;

I. TỔ CHỨC THỰC HIỆN
1. Các trường đại học thành viên xây dựng kế hoạch cụ thể của đơn vị, gửi về Đại học Huế trước ngày 30/6/2025.
2. Ban Đào tạo tích hợp học phần năng lực số vào chương trình đào tạo trong năm học 2025 - 2026.`;

const LETTER = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/SKHCN-QLCN
Hòa Bắc, ngày 10 tháng 3 năm 2025

V/v triển khai Nghị quyết số 57-NQ/TW

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Sở đề nghị các phòng báo cáo kết quả trước ngày 15/4/2025.`;

describe("a document named with the resolution it is about, the resolution only cited", () => {
  const corpus = () =>
    assistantOver([
      [GUIDE, "hd08.md"],
      [PLAN, "kh1265.md"],
      [LETTER, "cv12.md"],
    ]);

  it("the guide's own number after its descriptive words is the document asked", async () => {
    const { ask } = await corpus();
    const a = await ask("Hướng dẫn tuyên truyền 08-HD/BTGDVTW ngoài Nghị quyết 57 còn thực hiện nghị quyết nào của Chính phủ?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("03/NQ-CP");
    expect(a.citations[0]!.number).toBe("08-HD/BTGDVTW");
  });

  it("a guide 'về Nghị quyết 57' is asked, the resolution is what it is about", async () => {
    const { ask } = await corpus();
    const a = await ask("Trong hướng dẫn tuyên truyền của Trung ương về Nghị quyết 57, ai chỉ đạo sáng tác tranh cổ động tấm lớn?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("Bộ Văn hóa, Thể thao và Du lịch");
    expect(a.citations[0]).toMatchObject({ number: "08-HD/BTGDVTW", section: "II.1" });
  });

  it("'Theo hướng dẫn tuyên truyền của <issuer>, Nghị quyết 57 …' is answered from the guide", async () => {
    const { ask } = await corpus();
    const a = await ask("Theo hướng dẫn tuyên truyền của Ban Tuyên giáo và Dân vận Trung ương, Nghị quyết 57 đặt mục tiêu chi cho nghiên cứu phát triển bao nhiêu phần trăm GDP?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("2% GDP");
    expect(a.citations[0]).toMatchObject({ number: "08-HD/BTGDVTW", section: "I.1" });
  });

  it("a plan named by its issuer's code ('ke hoach dhh nq57') is that plan; an unknown code or plain words are not", async () => {
    const { ask, kb } = await corpus();
    const a = await ask("ke hoach dhh nq57 ban dao tao tich hop hoc phan nang luc so trong nam hoc nao");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]).toMatchObject({ number: "1265/KH-ĐHH", section: "I.2" });
    expect(kb.isIssuerCode("dhh")).toBe(true);
    expect(kb.isIssuerCode("skhcn")).toBe(true);
    // A level's code names no one body; words are no codes.
    expect(kb.isIssuerCode("ubnd")).toBe(false);
    expect(kb.isIssuerCode("kem")).toBe(false);
    // The resolution asked by itself is still said to be only cited.
    const own = await ask("Nghị quyết 57 đặt mục tiêu chi cho nghiên cứu phát triển bao nhiêu phần trăm GDP?");
    expect(own.mode).toBe("not_found");
    expect(own.answer).toContain("chưa có trong kho");
  });
});

describe("a number typed with its issuer's code", () => {
  it("'tb vpcp 12' is the office's notice 12, not another body's numbered 12 nor the office's other notice", async () => {
    const NOTICE = `VĂN PHÒNG CHÍNH PHỦ
Số: 12/TB-VPCP
Hà Nội, ngày 05 tháng 9 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng tại cuộc họp về chuyển đổi số

1. Bộ Tài chính tổng hợp nhu cầu kinh phí, báo cáo Thủ tướng Chính phủ trước ngày 15/10/2025.`;
    const OTHER = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/TB-SKHCN
Hòa Bắc, ngày 05 tháng 9 năm 2025

THÔNG BÁO
Kết quả xét chọn nhiệm vụ

1. Sở Tài chính tổng hợp nhu cầu kinh phí, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/10/2025.`;
    // Another notice of the same office, numbered otherwise, says the same of another date.
    const LATER = NOTICE.replace("12/TB-VPCP", "15/TB-VPCP").replace("05 tháng 9", "01 tháng 8").replace("15/10/2025", "15/11/2025");
    const { ask, kb } = await assistantOver([
      [NOTICE, "tb12-vpcp.md"],
      [LATER, "tb15-vpcp.md"],
      [OTHER, "tb12-skhcn.md"],
    ]);
    const q = "tb vpcp 12 bo tai chinh bao cao ttg ve kinh phi truoc ngay nao";
    // The one document so numbered is named: the office's other notice is not in scope.
    expect(understand(q, [], kb).scope.named.map((n) => n.numbers)).toEqual([["12/TB-VPCP"]]);
    const a = await ask(q);
    expect(a.mode).toBe("answer");
    expect(a.citations[0]!.number).toBe("12/TB-VPCP");
    expect(a.answer).toContain("15/10/2025");
    expect(a.answer).not.toContain("30/10/2025");
    expect(a.answer).not.toContain("15/11/2025");
  });
});

describe("a local body named just before a number the corpus only cites", () => {
  it("'tinh uy hb nq57 …' asks that body's document on it; 'Bộ Chính trị nq57' is still the cited resolution", async () => {
    const RESOLUTION = `TỈNH ỦY HÒA BẮC
Số 05-NQ/TU
Hòa Bắc, ngày 24 tháng 10 năm 2025

NGHỊ QUYẾT
về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị,

I. TÌNH HÌNH
Sau 9 tháng triển khai Nghị quyết số 57-NQ/TW, toàn tỉnh có 15 nhiệm vụ hoàn thành, 32 nhiệm vụ đang triển khai.`;
    const { ask } = await assistantOver([[RESOLUTION, "nq05.md"]]);
    const a = await ask("tinh uy hoa bac nq57 sau 9 thang bao nhieu nhiem vu hoan thanh");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("15 nhiệm vụ hoàn thành");
    expect(a.citations[0]).toMatchObject({ number: "05-NQ/TU", section: "I" });
    const own = await ask("Bộ Chính trị nq57 đặt mục tiêu gì?");
    expect(own.mode).toBe("not_found");
    expect(own.answer).toContain("chưa có trong kho");
  });
});
