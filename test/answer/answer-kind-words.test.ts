/**
 * The words of the kind of answer asked ("xong khi nào", "ai chủ trì") are not words the evidence must repeat: a task
 * table gives the deadline as "Quý IV/2025" and the lead as a body's name, each in its column. A question about
 * something the table does not hold is still refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const DECISION = `BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 901/QĐ-BKHCN
Hà Nội, ngày 14 tháng 3 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch hành động của Bộ Khoa học và Công nghệ thực hiện Nghị quyết số 57-NQ/TW

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động của Bộ.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Văn phòng Bộ chủ trì, phối hợp với Trung tâm Truyền thông khoa học và công nghệ tuyên truyền kết quả thực hiện Kế hoạch năm 2025.

PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Quyết định số 901/QĐ-BKHCN ngày 14/3/2025 của Bộ trưởng Bộ Khoa học và Công nghệ)

| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| **I** | **Hoàn thiện thể chế** | | | | |
| 1 | Xây dựng dự án Luật Chuyển đổi số | Cục Chuyển đổi số quốc gia | Vụ Pháp chế | Quý III/2025 | Hồ sơ dự án Luật |
| 2 | Ban hành Thông tư hướng dẫn định mức kinh tế - kỹ thuật | Vụ Kế hoạch - Tài chính | Các cục liên quan | Quý II/2025 | Thông tư |
| **II** | **Hệ sinh thái khởi nghiệp** | | | | |
| 1 | Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo quốc gia (Techfest Việt Nam 2025) | Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ | Cục Đổi mới sáng tạo | Quý IV/2025 | Techfest được tổ chức |
| 2 | Vận hành Cổng thông tin khởi nghiệp quốc gia | Trung tâm Thông tin khoa học | Cục Đổi mới sáng tạo | Thường xuyên | Cổng thông tin |

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Văn Minh`;

describe("the words of the kind of answer asked", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[DECISION, "qd901.md"]]));
  });

  it("'xong khi nào, ai chủ trì' typed in chat: the row's deadline and lead answer it", async () => {
    const a = await ask("qd901 techfest 2025 ai chu tri, xong khi nao");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("Phụ lục.II.1");
    expect(a.answer).toContain("Quý IV/2025");
    expect(a.answer).toContain("Cục Phát triển thị trường");
  });

  it("a deadline of something the table does not hold is refused", async () => {
    const a = await ask("qd901 hội chợ công nghệ quốc tế 2025 ai chủ trì, xong khi nào");
    expect(a.mode).toBe("not_found");
  });
});
