/**
 * "Kế hoạch 45 thay thế những văn bản nào?", "Nghị quyết 214 sửa đổi, bổ sung văn bản nào?", "… những nghị quyết nào
 * hết hiệu lực?": the act asked of the one document named is answered from its own sentences that state it — its
 * title, an article's title, a clause that lists the documents — not from passages that share the question's words.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ĐẢNG BỘ TỈNH HÒA BẮC
BAN THƯỜNG VỤ TỈNH ỦY
Số 45-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Hòa Bắc, ngày 28 tháng 7 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

I. MỤC ĐÍCH, YÊU CẦU

1. Quán triệt đầy đủ Nghị quyết số 57-NQ/TW trong toàn Đảng bộ tỉnh.

2. Kế hoạch này thay thế Chương trình hành động số 48-CTr/TU, ngày 20/02/2025 của Ban Thường vụ Tỉnh ủy Hòa Nam (cũ) và Kế hoạch số 232-KH/TU, ngày 14/02/2025 của Ban Thường vụ Tỉnh ủy Hòa Bắc (cũ).

II. NHIỆM VỤ

1. Văn phòng Tỉnh ủy hợp nhất Hệ thống quản lý văn bản và điều hành của hai Tỉnh ủy trước hợp nhất, thay thế các hệ thống cũ trước ngày 30/9/2025.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn Hải`;

const RESOLUTION = `CHÍNH PHỦ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 214/NQ-CP
Hà Nội, ngày 24 tháng 7 năm 2025

NGHỊ QUYẾT
Sửa đổi, bổ sung một số nội dung của Chương trình hành động của Chính phủ ban hành kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;

QUYẾT NGHỊ:

Điều 1. Sửa đổi, bổ sung một số nội dung của Chương trình hành động ban hành kèm theo Nghị quyết số 03/NQ-CP (đã được sửa đổi, bổ sung theo Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025 của Chính phủ) như sau:

1. Sửa đổi chỉ tiêu về dịch vụ công trực tuyến toàn trình thành 80% trong năm 2025.

Điều 2. Hiệu lực thi hành

1. Nghị quyết này có hiệu lực từ ngày ký.

2. Kể từ ngày Nghị quyết này có hiệu lực, các nghị quyết sau đây hết hiệu lực thi hành: Nghị quyết số 11/2021/NQ-CP ngày 09/7/2021 của Chính phủ; Nghị quyết số 06/2022/NQ-CP ngày 10/3/2022 của Chính phủ.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Trần Văn Sơn`;

const OTHER_PLAN = `ĐẢNG BỘ TỈNH HÒA NAM
BAN THƯỜNG VỤ TỈNH ỦY
Số 45-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Hòa Nam, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

I. MỤC ĐÍCH, YÊU CẦU

1. Quán triệt Nghị quyết số 57-NQ/TW đến toàn thể cán bộ, đảng viên trong Đảng bộ tỉnh.

II. NHIỆM VỤ

1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Nghị quyết số 57-NQ/TW trong quý II năm 2025.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Lê Văn Nam`;

describe("an act asked of the document named", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [PLAN, "kh45.md"],
      [OTHER_PLAN, "kh45-hoa-nam.md"],
      [RESOLUTION, "nq214.md"],
    ]));
  });

  it("what a plan replaces: the clause that says so, of the plan numbered so that says it", async () => {
    const a = await ask("Kế hoạch số 45-KH/TU thay thế những văn bản nào của hai tỉnh trước hợp nhất?");
    expect(a.citations[0]!.section).toBe("I.2");
    expect(a.citations.every((c) => c.issuer?.includes("Hòa Bắc"))).toBe(true);
    expect(a.answer).toContain("48-CTr/TU");
    expect(a.answer).toContain("232-KH/TU");
  });

  it("what a resolution amends: its title, and its article's title with the earlier amendment", async () => {
    const a = await ask("Nghị quyết số 214/NQ-CP sửa đổi, bổ sung văn bản nào, văn bản đó đã được sửa đổi bởi nghị quyết nào?");
    expect(a.answer).toContain("03/NQ-CP");
    expect(a.answer).toContain("71/NQ-CP");
    expect(a.citations.map((c) => c.section)).toEqual(["", "Điều 1"]);
  });

  it("the documents it ends: the clause's list whole", async () => {
    const a = await ask("Nghị quyết 214/NQ-CP bãi bỏ, làm hết hiệu lực những nghị quyết nào?");
    expect(a.citations[0]!.section).toBe("Điều 2.2");
    expect(a.answer).toContain("11/2021/NQ-CP");
    expect(a.answer).toContain("06/2022/NQ-CP");
  });
});
