/**
 * "Kế hoạch X giao Sở A chủ trì <task> khi nào?" when the plan gives that task to another body: the premise is wrong.
 * The answer says so and quotes the row that does assign it (its lead, its deadline); it is not the other body's
 * deadline passed off as Sở A's. A body's own task, asked the same way, is answered.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH LÂM HÀ
Số: 130/KH-UBND
Lâm Hà, ngày 28 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW về chuyển đổi số

I. MỤC ĐÍCH

Cụ thể hóa các nhiệm vụ của tỉnh.

II. NHIỆM VỤ

Các sở, ngành thực hiện nhiệm vụ tại Phụ lục kèm theo.

PHỤ LỤC
DANH MỤC NHIỆM VỤ

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Đầu tư xây dựng Trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | Công an tỉnh, Sở Tài chính | 2025-2027 |
| 2 | Phủ sóng 5G tại các khu công nghiệp | Ban Quản lý các khu công nghiệp | Sở Khoa học và Công nghệ | Năm 2026 |
| 3 | Xây dựng cơ sở dữ liệu đất đai tỉnh | Sở Nông nghiệp và Môi trường | Ủy ban nhân dân các xã | Quý IV/2025 |
| 4 | Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã | Sở Nội vụ | Sở Khoa học và Công nghệ | Năm 2025 |

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa`;

describe("a task asked of a body the plan does not give it to", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh130.md"]]));
  });

  it("said so, with the row that assigns it", async () => {
    for (const q of [
      "Theo Kế hoạch 130/KH-UBND, Ban Quản lý các khu công nghiệp chủ trì đầu tư xây dựng Trung tâm dữ liệu tỉnh với thời hạn nào?",
      "Kế hoạch 130/KH-UBND giao Sở Tài chính chủ trì đầu tư xây dựng Trung tâm dữ liệu tỉnh hoàn thành khi nào?",
    ]) {
      const a = await ask(q);
      expect(a.mode, q).toBe("not_found");
      expect(a.answer).toContain("không giao");
      expect(a.answer).toContain("Sở Khoa học và Công nghệ (chủ trì");
      expect(a.citations[0]?.section).toBe("Phụ lục.1");
      // (The bot shows a not-found reply's see-also sections: the row is among them.)
      expect(a.seeAlso[0]?.section).toBe("Phụ lục.1");
    }
  });

  it("its own task, asked the same way, is answered", async () => {
    const a = await ask("Theo Kế hoạch 130/KH-UBND, Sở Nội vụ chủ trì bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã với thời hạn nào?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("Năm 2025");
    const b = await ask("Kế hoạch 130/KH-UBND giao Sở Khoa học và Công nghệ chủ trì đầu tư xây dựng Trung tâm dữ liệu tỉnh hoàn thành khi nào?");
    expect(b.mode).toBe("answer");
    expect(b.answer).toContain("2025-2027");
  });

  it("a partner of the task is no wrong premise", async () => {
    const a = await ask("Kế hoạch 130/KH-UBND giao Công an tỉnh phối hợp đầu tư xây dựng Trung tâm dữ liệu tỉnh đến khi nào?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("2025-2027");
  });
});

describe("a body whose head the text assigns", () => {
  it("is the body asked: 'Bộ Công an' names the row of 'Bộ trưởng Bộ Công an'", async () => {
    const { ask } = await assistantOver([
      [
        `THỦ TƯỚNG CHÍNH PHỦ
Số: 186/CĐ-TTg
Hà Nội, ngày 18 tháng 8 năm 2025

CÔNG ĐIỆN
Về bảo đảm an toàn hệ thống thông tin cấp xã

Thủ tướng Chính phủ yêu cầu:

1. Bộ trưởng Bộ Công an hướng dẫn, đôn đốc các địa phương hoàn thành việc phê duyệt cấp độ an toàn hệ thống thông tin đối với 100% hệ thống thông tin dùng chung của cấp xã trước ngày 31 tháng 10 năm 2025.

2. Bộ trưởng Bộ Khoa học và Công nghệ hoàn thành nền tảng số dùng chung của cấp xã trước ngày 30 tháng 9 năm 2025.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Văn Bình`,
        "cd186.txt",
      ],
    ]);
    const a = await ask("Công điện 186/CĐ-TTg giao Bộ Công an hướng dẫn phê duyệt cấp độ an toàn hệ thống thông tin cấp xã hoàn thành khi nào?");
    expect(a.mode).toBe("answer");
    expect(a.answer).not.toContain("không giao");
    expect(a.answer).toContain("31 tháng 10 năm 2025");
  });
});
