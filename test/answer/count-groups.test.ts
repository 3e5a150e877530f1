/**
 * A body's duties in an appendix, asked with many words that are no task's ("… trong Phụ lục kèm theo Kế hoạch …").
 * Counting a document's own items: the groups of a task table numbered straight through (its group rows stay lines
 * of the table's section), and the tasks of a part named by its number whose items sit under sub-headings.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 95/KH-UBND
Hòa Bắc, ngày 20 tháng 3 năm 2025

KẾ HOẠCH
Chuyển đổi số tỉnh Hòa Bắc năm 2025

I. MỤC TIÊU

Hoàn thành các nhiệm vụ chuyển đổi số.

II. NHIỆM VỤ

1. Hạ tầng số

a) Phủ sóng 5G tại các khu công nghiệp.

b) Xây dựng trung tâm dữ liệu tỉnh.

2. Dữ liệu số

a) Số hóa hồ sơ đất đai.

b) Số hóa hồ sơ hộ tịch.

c) Kết nối cơ sở dữ liệu dân cư.

III. TỔ CHỨC THỰC HIỆN

Các sở, ngành triển khai.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa

PHỤ LỤC
DANH MỤC NHIỆM VỤ

| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| **I** | **Tuyên truyền** | | |
| 1 | Mở chuyên mục chuyển đổi số | Báo Hòa Bắc | 2025 |
| 2 | Tổ chức hội nghị quán triệt | Sở Khoa học và Công nghệ | Quý II/2025 |
| **II** | **Hạ tầng số** | | |
| 3 | Phủ sóng 5G tại khu công nghiệp | Sở Khoa học và Công nghệ | 2026 |
| 4 | Trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | 2027 |
| **III** | **Kiểm tra** | | |
| 5 | Kiểm tra, đánh giá | Văn phòng UBND tỉnh | Hằng năm |
`;

describe("counting", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh95.md"]]));
  });

  it("'bao nhiêu nhóm' of a table numbered straight through: its group rows, and the tasks", async () => {
    const a = await ask("Phụ lục Kế hoạch 95/KH-UBND chia các nhiệm vụ thành bao nhiêu nhóm?");
    expect(a.answer).toContain("3 nhóm, 5 nhiệm vụ");
    expect(a.citations.map((c) => c.quote)).toEqual(["I | Tuyên truyền", "II | Hạ tầng số", "III | Kiểm tra"]);
  });

  it("'Sở X được giao những nhiệm vụ nào trong Phụ lục …': the body's rows, whatever the question's other words", async () => {
    const a = await ask("Sở Khoa học và Công nghệ tỉnh Hòa Bắc được giao chủ trì những nhiệm vụ nào trong Phụ lục kèm theo Kế hoạch 95/KH-UBND?");
    expect(a.mode).toBe("answer");
    expect(a.citations.map((c) => c.section)).toEqual(["Phụ lục.2", "Phụ lục.3", "Phụ lục.4"]);
  });

  it("'Mục II có bao nhiêu nhiệm vụ': the tasks under its sub-headings", async () => {
    const a = await ask("Mục II của Kế hoạch 95/KH-UBND có bao nhiêu nhiệm vụ?");
    expect(a.answer).toContain("mục II (NHIỆM VỤ) có 5 nhiệm vụ");
    expect(a.citations.map((c) => c.section)).toEqual(["II.1.a", "II.1.b", "II.2.a", "II.2.b", "II.2.c"]);
  });
});

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN TỈNH LÂM HÀ
Số: 21/2025/NQ-HĐND
Lâm Hà, ngày 16 tháng 7 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ phát triển khoa học, công nghệ trên địa bàn tỉnh Lâm Hà

Điều 1. Phạm vi điều chỉnh

Nghị quyết này quy định chính sách hỗ trợ phát triển khoa học, công nghệ.

Điều 2. Nội dung và mức hỗ trợ

1. Hỗ trợ khởi nghiệp sáng tạo

a) Hỗ trợ 50% chi phí thuê văn phòng, tối đa 100.000.000 đồng/dự án.

2. Hỗ trợ đổi mới công nghệ

a) Hỗ trợ 30% kinh phí chuyển giao công nghệ.

3. Hỗ trợ chuyển đổi số

a) Hỗ trợ 50% chi phí thuê nền tảng số, tối đa 20.000.000 đồng/doanh nghiệp/năm;

b) Hỗ trợ thành viên Tổ công nghệ số cộng đồng 150.000 đồng/người/tháng.

Điều 3. Điều kiện hỗ trợ

1. Doanh nghiệp không nợ thuế.

2. Dự án có phương án khả thi.

3. Chưa nhận hỗ trợ từ nguồn khác cho cùng nội dung.

4. Cam kết báo cáo kết quả.`;

describe("counting an article's parts", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => ({ ask } = await assistantOver([[RESOLUTION, "nq21.md"]])));

  it("'Điều 2 … bao nhiêu nhóm nội dung': the article's clauses, named whole", async () => {
    const a = await ask("Điều 2 Nghị quyết 21/2025/NQ-HĐND quy định bao nhiêu nhóm nội dung hỗ trợ?");
    expect(a.answer).toContain("có 3 nhóm nội dung");
    expect(a.citations[0]?.section).toMatch(/^Điều 2\.1/);
  });

  it("'khoản 3 Điều 2 … bao nhiêu nội dung': that clause's points", async () => {
    const a = await ask("Khoản 3 Điều 2 Nghị quyết 21/2025/NQ-HĐND có bao nhiêu nội dung hỗ trợ?");
    expect(a.answer).toContain("có 2 nội dung");
  });
});
