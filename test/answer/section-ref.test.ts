/**
 * A part of a document named by its number ("mục V.2 Kế hoạch 118", "khoản 2 Điều 6 Quy chế …", "nhiệm vụ số 3 trong
 * phụ lục của Kế hoạch 118") is answered from that part of the document the question names, whatever words they share:
 * a task row's number is written in none of its cells.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { sectionRef } from "../../src/answer/strategies/section-ref.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 118/KH-UBND
Hòa Bắc, ngày 15 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

I. MỤC TIÊU

Đến năm 2030, kinh tế số đạt 30% GRDP.

II. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ là cơ quan thường trực, tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10 tháng 12 hằng năm.

2. Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền Nghị quyết trên báo chí; xây dựng chuyên mục hỏi - đáp.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm

PHỤ LỤC
NHIỆM VỤ CỤ THỂ

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| 1 | Ban hành quy chế quản lý nền tảng tích hợp, chia sẻ dữ liệu | Sở Khoa học và Công nghệ | Công an tỉnh | Quý IV/2025 |
| 2 | Số hóa sổ hộ tịch lưu trữ tại cấp xã | Sở Tư pháp | Công an tỉnh | Quý II/2026 |
| 3 | Thí điểm trợ lý ảo hỗ trợ công chức cấp xã | Sở Nội vụ | Sở Khoa học và Công nghệ | Quý III/2026 |`;

describe("a part named by its number", () => {
  it("reads the part as the parser numbers it", () => {
    expect(sectionRef("Mục V.4 Kế hoạch 118/KH-UBND nói gì?")).toEqual({ kind: "path", path: "V.4" });
    expect(sectionRef("điểm b mục III.2 của công văn")).toEqual({ kind: "path", path: "III.2.b" });
    expect(sectionRef("khoản 2 Điều 6 Quy chế kèm theo")).toEqual({ kind: "path", path: "Điều 6.2" });
    expect(sectionRef("dieu 6 khoan 2 diem a quy che")).toEqual({ kind: "path", path: "Điều 6.2.a" });
    expect(sectionRef("kh 1126 nhiem vu so 19 la gi, bao gio xong")).toEqual({ kind: "row", number: "19", appendix: null });
    expect(sectionRef("nhiệm vụ thứ 5 trong phụ lục I do ai chủ trì")).toEqual({ kind: "row", number: "5", appendix: "I" });
    // A count, a year, a share: no part named.
    expect(sectionRef("kế hoạch có 25 nhiệm vụ, chia mấy nhóm")).toBeNull();
    expect(sectionRef("nhiệm vụ năm 2026 của sở")).toBeNull();
    expect(sectionRef("phần lớn các xã đã hoàn thành")).toBeNull();
  });

  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh118.md"]]));
  });

  it("a section named by its number is answered from it", async () => {
    const a = await ask("Mục II.2 Kế hoạch 118/KH-UBND nói gì?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("II.2");
    expect(a.answer).toContain("Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền");
  });

  it("one thing asked of a part named is found among its words, not answered with the part whole", async () => {
    const a = await ask("Theo mục II Kế hoạch 118/KH-UBND, Sở Khoa học và Công nghệ tổng hợp báo cáo trước ngày nào hằng năm?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("II.1");
    expect(a.answer).toContain("10 tháng 12");
    expect(a.answer).not.toContain("Sở Văn hóa");
  });

  it("a task row named by its number: its task, lead and deadline", async () => {
    const a = await ask("kh 118 nhiem vu so 3 la gi, bao gio xong");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("Phụ lục.3");
    expect(a.answer).toContain("Thí điểm trợ lý ảo");
    expect(a.answer).toContain("Quý III/2026");
  });
});
