/**
 * Header facts asked of the documents as they are written: a programme named by its full type ("Chương trình hành
 * động") is asked its date (its "chương trình" names no second type); a People's Council's session line opening the
 * preamble ("KHÓA X, KỲ HỌP CHUYÊN ĐỀ") answers "tại kỳ họp nào"; a report's period is its subject line and its
 * archive copy ("Lưu: VT") is sent to no one; a news page whose masthead is a name in capitals ("# HÒA BẮC ONLINE") is
 * a page, its day and reporter read, and "bài viết của … về việc đưa Nghị quyết 57 …" asks the page, not the resolution.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { PAGE_TYPE } from "../../src/domain/vocabulary.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const PROGRAMME = `ĐẢNG BỘ TỈNH HÒA BẮC
BAN THƯỜNG VỤ TỈNH ỦY
Số 45-CTr/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Hòa Bắc, ngày 22 tháng 9 năm 2025

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị

I. MỤC TIÊU

1. Đến năm 2030, kinh tế số đạt 25% GRDP của tỉnh.

II. TỔ CHỨC THỰC HIỆN

1. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch thực hiện Chương trình, hoàn thành trước ngày 15/10/2025.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Trương Minh Khải`;

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN
TỈNH HÒA BẮC

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 27/2025/NQ-HĐND
Hòa Bắc, ngày 16 tháng 10 năm 2025

NGHỊ QUYẾT
Ban hành Quy định chính sách hỗ trợ chuyển đổi số trên địa bàn tỉnh Hòa Bắc

HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BẮC
KHÓA X, KỲ HỌP CHUYÊN ĐỀ

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

QUYẾT NGHỊ:

Điều 1. Ban hành kèm theo Nghị quyết này Quy định chính sách hỗ trợ chuyển đổi số trên địa bàn tỉnh.

Điều 2. Hiệu lực thi hành

Nghị quyết này đã được Hội đồng nhân dân tỉnh Hòa Bắc khóa X, Kỳ họp thứ 9 (chuyên đề) thông qua ngày 16 tháng 10 năm 2025.

Nơi nhận:
- Ủy ban Thường vụ Quốc hội;
- Lưu: VT.

CHỦ TỊCH

Phạm Thị Hồng Nhung`;

const REPORT = `UBND TỈNH HÒA BẮC
SỞ KHOA HỌC VÀ CÔNG NGHỆ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 45/BC-SKHCN
Hòa Bắc, ngày 24 tháng 10 năm 2025

BÁO CÁO
Kết quả thực hiện nhiệm vụ chuyển đổi số 9 tháng đầu năm 2025

Kính gửi: Ủy ban nhân dân tỉnh Hòa Bắc.

I. KẾT QUẢ

1. Tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 46,8%.

Nơi nhận:
- Như trên;
- Bộ Khoa học và Công nghệ (b/c);
- Lưu: VT, KHTC.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trịnh Minh Đạt`;

const PAGE = `# HÒA BẮC ONLINE

*Cơ quan của Đảng bộ, chính quyền và Nhân dân tỉnh Hòa Bắc*

Trang chủ | Thời sự | Chính trị | Kinh tế | Khoa học - Công nghệ

## Hòa Bắc tăng tốc đưa Nghị quyết 57 vào cuộc sống

Thứ Sáu, 07/11/2025 - 09:15

**HOÀI NAM**

**(HBO) - Tỉnh Hòa Bắc đã hoàn thành hệ thống văn bản thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.**

Ngày 22/9/2025, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động số 45-CTr/TU, đặt mục tiêu kinh tế số chiếm 25% GRDP vào năm 2030.

© Hòa Bắc Online - Báo và Phát thanh, Truyền hình Hòa Bắc.`;

const QA = `# TraCuuPhapLy.vn - Tra cứu văn bản, hỏi đáp pháp luật

[Trang chủ](https://tracuuphaply.vn) | [Hỏi đáp pháp luật](https://tracuuphaply.vn/hoi-dap) | Đăng nhập

Trang chủ > Hỏi đáp pháp luật > Chuyển đổi số

## Xã, phường ở Hòa Bắc phải làm gì về chuyển đổi số theo Kế hoạch 318/KH-UBND?

*Ngày đăng: 05/12/2025 09:14 | Chuyên mục: Chuyển đổi số*

**Câu hỏi:**

Tôi là công chức ở một xã của tỉnh Hòa Bắc. Kế hoạch của tỉnh giao cho xã những việc gì? (Câu hỏi của bạn Hoàng Thu Trang, Hòa Bắc)

**Trả lời:**

Theo Kế hoạch số 318/KH-UBND, mỗi xã bố trí ít nhất 01 công chức phụ trách chuyển đổi số.`;

describe("header facts, as the documents write them", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [PROGRAMME, "ctr45.md"],
      [RESOLUTION, "nq27.md"],
      [REPORT, "bc45.md"],
      [PAGE, "tin.md"],
      [QA, "hoidap.md"],
    ]));
  });

  it("a programme named by its full type is asked its date", async () => {
    const a = await ask("Chương trình hành động 45-CTr/TU ban hành ngày nào?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("22/9/2025");
    expect(a.answer).toContain("ngày 22 tháng 9 năm 2025");
  });

  it("the session line that opens the preamble, and the article that says it was passed there", async () => {
    const a = await ask("Nghị quyết 27/2025/NQ-HĐND được thông qua tại kỳ họp nào và ai ký?");
    expect(a.answer).toContain("KHÓA X, KỲ HỌP CHUYÊN ĐỀ");
    expect(a.answer).toContain("Phạm Thị Hồng Nhung");
    expect(a.citations.map((c) => c.section)).toEqual(["", "Điều 2"]);
  });

  it("a report's period is its subject line; the archive copy is sent to no one", async () => {
    const a = await ask("Báo cáo số 45/BC-SKHCN được gửi tới cơ quan nào và báo cáo về giai đoạn nào?");
    expect(a.answer).toContain("9 tháng đầu năm 2025");
    expect(a.answer).toContain("Ủy ban nhân dân tỉnh Hòa Bắc");
    expect(a.answer).not.toContain("Lưu");
  });

  it("a page under a masthead in capitals is a page: its site, day and reporter", async () => {
    const d = parseDocument(PAGE, "tin.md");
    expect(d.docType).toBe(PAGE_TYPE);
    expect(d.issuer).toBe("Hòa Bắc Online");
    expect(d.date).toBe("2025-11-07");
    expect(d.title).toBe("Hòa Bắc tăng tốc đưa Nghị quyết 57 vào cuộc sống");
    expect(d.author).toBe("HOÀI NAM");
    const a = await ask("Bài viết của Hòa Bắc Online về việc đưa Nghị quyết 57 vào cuộc sống đăng ngày nào, do phóng viên nào viết?");
    expect(a.answer).toContain("07/11/2025");
    expect(a.answer).toContain("HOÀI NAM");
    expect(a.citations[0]!.documentId).toBe(d.id);
  });

  it("a question-and-answer page named by its address: its day, and who asked", async () => {
    expect(parseDocument(QA, "hoidap.md").issuer).toBe("TraCuuPhapLy.vn");
    const a = await ask("Trên TraCuuPhapLy.vn, bài hỏi đáp về nhiệm vụ chuyển đổi số của xã ở Hòa Bắc được đăng ngày nào và là câu hỏi của ai?");
    expect(a.answer).toContain("05/12/2025");
    expect(a.answer).toContain("Câu hỏi của bạn Hoàng Thu Trang");
  });
});
