/**
 * A task table's row holds what its columns are: "kinh phí … bao nhiêu triệu đồng?" is answered by the row whose
 * figure stands under "Kinh phí (triệu đồng)", though the row itself writes no unit.
 */
import { describe, expect, it } from "vitest";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN THÀNH PHỐ HÒA BẮC
Số: 268/KH-UBND
Hòa Bắc, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Triển khai chuyển đổi số năm 2025 - 2026

I. MỤC TIÊU

Hoàn thành hạ tầng số phục vụ chính quyền hai cấp.

PHỤ LỤC

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Kinh phí (triệu đồng) |
|---|---|---|---|---|---|
| 1 | Kết nối mạng truyền số liệu chuyên dùng đến 16 xã | Sở Khoa học và Công nghệ | UBND các xã | Tháng 12/2025 | 3.200 |
| 2 | Nâng cấp Trung tâm dữ liệu thành phố, bảo đảm lưu trữ dự phòng cho cấp xã | Công an thành phố | Sở Tài chính | Năm 2026 | 45.000 |
`;

describe("a figure under its column's unit", () => {
  it("answers an amount asked in the unit the header gives", async () => {
    const { ask } = await assistantOver([[PLAN, "kh268.md"]]);
    const a = await ask("Kinh phí nhiệm vụ nâng cấp Trung tâm dữ liệu thành phố trong Phụ lục Kế hoạch số 268/KH-UBND là bao nhiêu triệu đồng?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]!.section).toBe("Phụ lục.2");
    expect(a.answer).toContain("45.000");
  });
});
