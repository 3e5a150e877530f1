/**
 * A letter's table of overdue tasks (rows 1–8) then its numbered directives (1.–4.): row 4 and directive 4 share a
 * path, and a quote of that section must stay verbatim — the row's source line ends at a cell border the row's text
 * leaves out, so the seam between the row and the directive is marked " … ", never run together.
 */
import { describe, expect, it } from "vitest";
import { linesQuote } from "../../src/assistant/sentences.js";
import { assistantOver } from "../helpers/assistant.js";

const LETTER = `ỦY BAN NHÂN DÂN THÀNH PHỐ HÒA BẮC
VĂN PHÒNG
Số: 1265/VP-KT
Hòa Bắc, ngày 14 tháng 4 năm 2025

V/v đôn đốc thực hiện các nhiệm vụ quá hạn theo Kế hoạch số 208/KH-UBND

Kính gửi: Các sở, ban, ngành thành phố.

| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn theo Kế hoạch | Tình trạng |
| --- | --- | --- | --- | --- |
| 1 | Tổ chức hội nghị quán triệt Nghị quyết 57-NQ/TW | Sở Nội vụ | Quý I/2025 | Chưa báo cáo |
| 2 | Tổng hợp nhu cầu kinh phí thực hiện Nghị quyết 57-NQ/TW năm 2025 | Sở Tài chính | 15/3/2025 | Chưa báo cáo |

1. Thủ trưởng các cơ quan có tên tại bảng trên khẩn trương hoàn thành các nhiệm vụ quá hạn trước ngày 30/4/2025.

2. Sở Nội vụ theo dõi, tham mưu xem xét trách nhiệm người đứng đầu để nhiệm vụ quá hạn từ hai lần trở lên.`;

describe("a section holding a table row and a numbered item", () => {
  it("joins lines with a space, and a table row with the line beside it by ' … '", () => {
    expect(linesQuote("a | b | c\n2. Sở Nội vụ theo dõi.")).toBe("a | b | c … 2. Sở Nội vụ theo dõi.");
    expect(linesQuote("Câu một\ncâu hai.")).toBe("Câu một câu hai.");
  });

  it("is quoted with each side verbatim", async () => {
    const { ask } = await assistantOver([[LETTER, "cv1265.md"]]);
    const a = await ask("Công văn 1265/VP-KT: Sở Nội vụ theo dõi, tham mưu xem xét trách nhiệm người đứng đầu khi nhiệm vụ quá hạn mấy lần?");
    expect(a.mode).toBe("answer");
    const flat = LETTER.replace(/\s+/g, " ");
    for (const c of a.citations) for (const part of (c.quote ?? "").split(" … ")) expect(flat).toContain(part.trim());
  });
});
