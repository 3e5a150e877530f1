/**
 * "Nhóm I … trong Phụ lục gồm bao nhiêu nhiệm vụ?": the rows of that group are counted, though the plan states the
 * whole table's count ("gồm 5 nhiệm vụ, chia thành 02 nhóm"); asked of the whole, the stated count answers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const DECISION = `BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 777/QĐ-BKHCN
Hà Nội, ngày 14 tháng 3 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch hành động của Bộ thực hiện Nghị quyết số 57-NQ/TW

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động của Bộ.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

KẾ HOẠCH HÀNH ĐỘNG

I. NHIỆM VỤ

Kế hoạch gồm 5 nhiệm vụ cụ thể, chia thành 02 nhóm: (I) Hoàn thiện thể chế, chính sách; (II) Phát triển hạ tầng số. Chi tiết tại Phụ lục kèm theo.

PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Quyết định số 777/QĐ-BKHCN ngày 14/3/2025 của Bộ trưởng Bộ Khoa học và Công nghệ)

| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| **I** | **Hoàn thiện thể chế, chính sách** | | |
| 1 | Xây dựng dự án Luật Chuyển đổi số | Cục Chuyển đổi số quốc gia | Quý III/2025 |
| 2 | Sửa đổi Nghị định về quỹ phát triển khoa học và công nghệ | Vụ Pháp chế | Quý IV/2025 |
| 3 | Ban hành Thông tư về định mức kinh tế - kỹ thuật | Vụ Kế hoạch - Tài chính | Quý II/2025 |
| **II** | **Phát triển hạ tầng số** | | |
| 1 | Đẩy nhanh triển khai mạng di động 5G | Cục Viễn thông | Năm 2025 |
| 2 | Xóa vùng lõm sóng di động | Cục Viễn thông | Quý IV/2025 |

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Văn Minh`;

describe("counting one group of an appendix", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[DECISION, "qd777.md"]]));
  });

  it("the group named: its rows", async () => {
    const a = await ask('Nhóm I "Hoàn thiện thể chế, chính sách" trong Phụ lục Quyết định 777/QĐ-BKHCN gồm bao nhiêu nhiệm vụ?');
    expect(a.answer).toMatch(/có 3 nhiệm vụ/);
    expect(a.citations.map((c) => c.section)).toEqual(["Phụ lục.I.1", "Phụ lục.I.2", "Phụ lục.I.3"]);
  });

  it("the whole plan: the count it states", async () => {
    const a = await ask("Kế hoạch hành động kèm Quyết định 777/QĐ-BKHCN gồm bao nhiêu nhiệm vụ?");
    expect(a.answer).toContain("5 nhiệm vụ");
  });
});
