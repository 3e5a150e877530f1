/**
 * A figure asked for one year ("tỷ lệ … năm 2024 là bao nhiêu?") is not answered by a passage that gives other years'
 * and never that one (a report's period in its title counts as said); a quarterly report asked of a text that sets
 * six-monthly and yearly reports is not answered either.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const REPORT = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 12/BC-UBND
Hòa Bắc, ngày 12 tháng 01 năm 2026

BÁO CÁO
Kết quả 06 tháng cuối năm 2025 thực hiện Kế hoạch chuyển đổi số

I. KẾT QUẢ

1. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt 62,4% (mục tiêu đến năm 2027 là 85%).

2. Các xã, phường gửi báo cáo 6 tháng trước ngày 10 tháng 6 và báo cáo hằng năm trước ngày 10 tháng 12.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm`;

describe("the year of a figure, the period of a report", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[REPORT, "bc12.md"]]));
  });

  it("another year's figure is no answer; the report's own period is", async () => {
    expect((await ask("Theo Báo cáo 12/BC-UBND, tỷ lệ hồ sơ giải quyết trực tuyến toàn trình năm 2024 là bao nhiêu?")).mode).toBe("not_found");
    const a = await ask("Theo Báo cáo 12/BC-UBND, tỷ lệ hồ sơ giải quyết trực tuyến toàn trình năm 2025 là bao nhiêu?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("62,4%");
  });

  it("a quarterly report asked of six-monthly and yearly ones is no answer", async () => {
    expect((await ask("Theo Báo cáo 12/BC-UBND, các xã gửi báo cáo quý trước ngày nào?")).mode).toBe("not_found");
    expect((await ask("Theo Báo cáo 12/BC-UBND, các xã gửi báo cáo 6 tháng trước ngày nào?")).answer).toContain("10 tháng 6");
  });
});

const NOTICE = `THÀNH ỦY HÒA BẮC
Số 36-TB/TU
Hòa Bắc, ngày 22 tháng 8 năm 2025

THÔNG BÁO KẾT LUẬN
của Ban Thường vụ Thành ủy về chuyển đổi số

1. Giao Đảng ủy Ủy ban nhân dân thành phố ban hành kế hoạch triển khai trước ngày 30/9/2025.

2. Giao Ban Thường vụ Đảng ủy các xã, phường ban hành kế hoạch thực hiện trước ngày 15/10/2025; báo cáo kết quả định kỳ hằng quý về Ban Thường vụ Thành ủy trước ngày 15 của tháng cuối quý.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG
Trần Văn Nam`;

describe("a task that repeats, its deadline field giving only its first date", () => {
  it("is among the tasks with a quarterly deadline", async () => {
    const { ask } = await assistantOver([[NOTICE, "tb36.md"]]);
    const a = await ask("Ban Thường vụ Đảng ủy các xã, phường phải ban hành kế hoạch thực hiện Thông báo 36-TB/TU trước ngày nào và báo cáo định kỳ hằng quý vào thời hạn nào?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]!.section).toBe("2");
    expect(a.answer).toContain("trước ngày 15 của tháng cuối quý");
  });
});
