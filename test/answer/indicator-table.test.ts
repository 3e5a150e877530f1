/**
 * A plan's indicator table by year ("STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026 | …"): a row holds its header's
 * words, so "chỉ tiêu … năm 2026 là bao nhiêu" finds it, and the answer reads the cell under the year asked with its
 * unit. A person asked of a meeting ("ai chủ trì phiên họp ngày …") is answered by the passage that says so, not by
 * task rows that name the committee.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH HÒA BẮC

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 318/KH-UBND
Hòa Bắc, ngày 10 tháng 10 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số tỉnh Hòa Bắc giai đoạn 2025 - 2030

I. MỤC TIÊU

1. Đến năm 2030, mạng 5G phủ sóng 100% dân số; kinh tế số đạt 30% GRDP.

II. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ chủ trì theo dõi các chỉ tiêu tại Phụ lục I.

Phụ lục I
CHỈ TIÊU CHUYỂN ĐỔI SỐ

| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026 | Năm 2027 | Năm 2030 | Cơ quan theo dõi |
|---|---|---|---|---|---|---|---|
| 1 | Tỷ lệ thôn, khu có sóng di động băng rộng | % | 97 | 100 | 100 | 100 | Sở Khoa học và Công nghệ |
| 2 | Tỷ lệ dân số được phủ sóng mạng 5G | % | 25 | 45 | 60 | 100 | Sở Khoa học và Công nghệ |
| 3 | Số doanh nghiệp công nghệ số | Doanh nghiệp | 410 | 480 | 560 | 800 | Sở Tài chính |`;

const NOTICE = `BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ TỈNH HÒA BẮC
Số: 214-TB/BCĐ

ĐẢNG CỘNG SẢN VIỆT NAM
Hòa Bắc, ngày 31 tháng 10 năm 2025

THÔNG BÁO
Kết luận của Ban Chỉ đạo tại phiên họp quý III năm 2025

Ngày 28/10/2025, Ban Chỉ đạo tổ chức phiên họp quý III năm 2025. Đồng chí Hà Minh Quảng, Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo chủ trì phiên họp.

1. Ban Chỉ đạo các xã, phường chủ trì rà soát kế hoạch của địa phương, hoàn thành trước ngày 30/11/2025.

2. Văn phòng Tỉnh ủy chủ trì tổng hợp kết quả, báo cáo Ban Chỉ đạo trước ngày 15/01/2026.

T/L BAN CHỈ ĐẠO
CHÁNH VĂN PHÒNG

Nguyễn Văn Hòa`;

// The same table laid out with tabs (a .txt), below a task table whose row names the same thing.
const TAB_PLAN = [
  "ỦY BAN NHÂN DÂN TỈNH HÒA NAM",
  "Số: 118/KH-UBND",
  "Hòa Nam, ngày 15 tháng 9 năm 2025",
  "",
  "KẾ HOẠCH",
  "Thực hiện Nghị quyết số 57-NQ/TW",
  "",
  "I. NHIỆM VỤ",
  "",
  "1. Sở Khoa học và Công nghệ chủ trì phát triển doanh nghiệp khoa học và công nghệ, doanh nghiệp công nghệ cao.",
  "",
  "PHỤ LỤC II",
  "PHÂN KỲ MỘT SỐ CHỈ TIÊU CHỦ YẾU",
  "",
  "STT\tChỉ tiêu\tNăm 2025\tNăm 2026\tNăm 2027\tNăm 2030\tCơ quan theo dõi",
  "1\tTỷ trọng kinh tế số trong GRDP\t15%\t18%\t21%\t30%\tSở Tài chính",
  "2\tSố doanh nghiệp khoa học và công nghệ, công nghệ cao\t22\t27\t31\t40\tSở Khoa học và Công nghệ",
].join("\n");

describe("an indicator table laid out with tabs", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[TAB_PLAN, "kh118.txt"]]));
  });

  it("the cell under the year asked ('dn khcn' written out); a year the table has no column for is refused", async () => {
    const a = await ask("kh118 nam 2027 phai co bao nhieu dn khcn");
    expect(a.mode).toBe("answer");
    expect(a.answer.split("\n")[0]).toBe("Năm 2027: 31 [1].");
    expect((await ask("Theo Kế hoạch 118/KH-UBND, năm 2028 tỷ trọng kinh tế số trong GRDP phải đạt bao nhiêu?")).mode).toBe("not_found");
    expect((await ask("Theo Kế hoạch 118/KH-UBND, năm 2026 tỷ trọng kinh tế số trong GRDP phải đạt bao nhiêu?")).answer.split("\n")[0]).toBe("Năm 2026: 18% [1].");
  });
});

describe("an indicator table by year, and a meeting's chair", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [PLAN, "kh318.md"],
      [NOTICE, "tb214.txt"],
    ]));
  });

  it("the cell under the year asked, with its unit", async () => {
    for (const q of ["Theo Phụ lục Kế hoạch 318/KH-UBND, chỉ tiêu tỷ lệ dân số được phủ sóng 5G năm 2026 là bao nhiêu?", "phu luc kh 318 chi tieu ty le dan so dc phu song 5g nam 2026 la bn"]) {
      const a = await ask(q);
      expect(a.mode, q).toBe("answer");
      expect(a.citations[0]!.section, q).toMatch(/Phụ lục.*2$/);
      expect(a.answer.split("\n")[0], q).toBe("Năm 2026: 45 % [1].");
    }
    expect((await ask("Kế hoạch 318/KH-UBND đặt chỉ tiêu số doanh nghiệp công nghệ số năm 2030 là bao nhiêu?")).answer.split("\n")[0]).toBe("Năm 2030: 800 Doanh nghiệp [1].");
  });

  it("who chaired the meeting: the notice's opening, not the task rows", async () => {
    const a = await ask("Ai chủ trì phiên họp Ban Chỉ đạo tỉnh Hòa Bắc ngày 28/10/2025?");
    expect(a.citations[0]!.section).toBe("");
    expect(a.answer).toContain("Hà Minh Quảng");
  });
});
