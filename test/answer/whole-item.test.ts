/**
 * A short item of one line is quoted whole, not by the clause that ranks best: its clauses are one statement
 * ("Xã chưa có công chức chuyên trách …; hiện giao 01 công chức … kiêm nhiệm."). A long one is still quoted by its
 * best clauses.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const LONG = `Tổ chức tập huấn kỹ năng số cho cán bộ thôn, làng; ${"hướng dẫn người dân cài đặt ứng dụng, ".repeat(8)}kích hoạt tài khoản định danh điện tử mức độ 2; vận động doanh nghiệp tham gia sàn thương mại điện tử của tỉnh.`;

const REPORT = `ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: 88/BC-UBND
Tân Lập, ngày 04 tháng 6 năm 2026

BÁO CÁO
Kết quả chuyển đổi số 6 tháng đầu năm 2026

I. KHÓ KHĂN

1. Xã chưa có công chức chuyên trách công nghệ thông tin; hiện giao 01 công chức Văn phòng - Thống kê kiêm nhiệm.

2. ${LONG}

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Rơ Châm Hiếu`;

describe("an item quoted", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[REPORT, "bc88.txt"]]));
  });

  it("short: whole, both its clauses", async () => {
    const a = await ask("Báo cáo 88/BC-UBND nêu khó khăn gì về công chức chuyên trách công nghệ thông tin?");
    expect(a.citations[0]?.quote).toBe("Xã chưa có công chức chuyên trách công nghệ thông tin; hiện giao 01 công chức Văn phòng - Thống kê kiêm nhiệm.");
  });

  it("long: by its best clauses", async () => {
    const a = await ask("Báo cáo 88/BC-UBND nêu việc vận động doanh nghiệp tham gia sàn thương mại điện tử thế nào?");
    expect(a.citations[0]?.section).toBe("I.2");
    expect(a.citations[0]!.quote.length).toBeLessThan(LONG.length);
  });
});
