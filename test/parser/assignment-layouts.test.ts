/** Assignment layouts of documents not seen before: each written here in the form it takes in real texts. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";

const rowsOf = (text: string) => parseDocument(text, "x.md").assignments.map((a) => `${a.section}|${a.assignee}`);

describe("assignment layouts", () => {
  it("a heading that is only a body's name, under 'Nhiệm vụ, giải pháp' while another part is 'Tổ chức thực hiện'", () => {
    const rows = rowsOf(`CHÍNH PHỦ
Số: 38/NQ-CP
Hà Nội, ngày 24 tháng 02 năm 2025

NGHỊ QUYẾT
Về hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số

I. NHIỆM VỤ, GIẢI PHÁP

1. Bộ Khoa học và Công nghệ

a) Chủ trì, phối hợp với Bộ Tài chính xây dựng Chương trình hỗ trợ; hoàn thành trong quý III năm 2025.

b) Xây dựng Nền tảng số kết nối cung - cầu công nghệ; hoàn thành trong năm 2026.

2. Ngân hàng Nhà nước Việt Nam

Chỉ đạo các tổ chức tín dụng dành nguồn vốn cho doanh nghiệp đổi mới công nghệ.

3. Hội nghị sơ kết

Tổ chức sơ kết vào năm 2027.

II. TỔ CHỨC THỰC HIỆN

Bộ Khoa học và Công nghệ chủ trì theo dõi, đôn đốc việc thực hiện.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A`);
    expect(rows).toEqual(expect.arrayContaining(["I.1.a|Bộ Khoa học và Công nghệ", "I.1.b|Bộ Khoa học và Công nghệ", "I.2|Ngân hàng Nhà nước Việt Nam", "II|Bộ Khoa học và Công nghệ"]));
    expect(rows.some((r) => r.startsWith("I.3|"))).toBe(false);
  });

  it("'Điều 7. Trách nhiệm của Sở X': its clauses are Sở X's, a clause naming its own body keeps it; a group title names none", () => {
    const rows = rowsOf(`ỦY BAN NHÂN DÂN TỈNH PHÚ LÂM
Số: 716/QĐ-UBND
Phú Lâm, ngày 14 tháng 4 năm 2025

QUYẾT ĐỊNH
Ban hành Chương trình hỗ trợ doanh nghiệp

Điều 1. Ban hành kèm theo Quyết định này Chương trình hỗ trợ doanh nghiệp.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

Điều 3. Trách nhiệm của Sở Khoa học và Công nghệ

1. Là cơ quan thường trực, đầu mối tổ chức thực hiện Chương trình.

2. Chủ trì, phối hợp với Sở Tài chính ban hành hướng dẫn hồ sơ trước ngày 30 tháng 6 năm 2025.

Điều 4. Trách nhiệm của Ủy ban nhân dân các huyện, thành phố

1. Ban hành kế hoạch triển khai Chương trình tại địa phương trước ngày 31 tháng 5 năm 2025.

Điều 5. Trách nhiệm của các sở, ngành

1. Sở Công Thương chủ trì hỗ trợ hộ kinh doanh đưa sản phẩm lên sàn thương mại điện tử.

2. Thực hiện các nhiệm vụ khác khi được giao.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn B`);
    expect(rows).toEqual(
      expect.arrayContaining(["Điều 3.1|Sở Khoa học và Công nghệ", "Điều 3.2|Sở Khoa học và Công nghệ", "Điều 4.1|Ủy ban nhân dân các huyện, thành phố", "Điều 5.1|Sở Công Thương"]),
    );
    expect(rows.filter((r) => r.startsWith("Điều 5.2|"))).toEqual([]);
  });

  it("a letter's numbered requests 'Đối với X', with a part of its own that organises the work; a V/v letter is a công văn", () => {
    const doc = parseDocument(`UBND TỈNH PHÚ LÂM
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1387/SKHCN-QLCN
V/v đăng ký nhu cầu hỗ trợ đổi mới công nghệ
Phú Lâm, ngày 06 tháng 6 năm 2025

Kính gửi:
- Ủy ban nhân dân các huyện, thành phố;
- Ban Quản lý các khu công nghiệp tỉnh.

Sở Khoa học và Công nghệ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:

1. Đối với Ủy ban nhân dân các huyện, thành phố

Tổng hợp danh sách doanh nghiệp có nhu cầu hỗ trợ, gửi về Sở Khoa học và Công nghệ trước ngày 30/6/2025.

2. Đối với Ban Quản lý các khu công nghiệp tỉnh

Rà soát, đề xuất danh sách doanh nghiệp cần đánh giá trình độ công nghệ trước ngày 15/7/2025.

3. Tổ chức thực hiện tại Sở

Giao Phòng Quản lý công nghệ làm đầu mối tiếp nhận, tổng hợp hồ sơ.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lâm Quốc Huy`, "cv.md");
    expect(doc.docType).toBe("Công văn");
    const rows = doc.assignments.map((a) => `${a.section}|${a.assignee}`);
    expect(rows).toEqual(expect.arrayContaining(["1|Ủy ban nhân dân các huyện, thành phố", "2|Ban Quản lý các khu công nghiệp tỉnh"]));
    expect(doc.assignments.find((a) => a.section === "1")?.deadline).toMatch(/30\/6\/2025/);
  });
});

describe("a line break inside a task-table cell", () => {
  const doc = parseDocument(`BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 538/QĐ-BKHCN
Hà Nội, ngày 18 tháng 3 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch hỗ trợ doanh nghiệp

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.

PHỤ LỤC

| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| 1 | Xây dựng bộ chỉ số đánh giá<br>chuyển đổi số | Cục Chuyển đổi số quốc gia | Viện Chiến lược chuyển đổi số;<br>Hiệp hội Doanh nghiệp nhỏ và vừa | Quý III/2026 |
`, "qd.md");
  const row = doc.sections.find((s) => s.path === "Phụ lục.1")!;
  it("stands as an elision in the row's text, so each side quotes the document as written", () => {
    expect(row.text).toContain("Xây dựng bộ chỉ số đánh giá ... chuyển đổi số");
    expect(row.text).toContain("Viện Chiến lược chuyển đổi số; ... Hiệp hội Doanh nghiệp nhỏ và vừa");
  });
  it("is read as a space in the assignment: the task whole, the partners one by one", () => {
    const a = doc.assignments.find((x) => x.section === "Phụ lục.1")!;
    expect(a.task).toBe("Xây dựng bộ chỉ số đánh giá chuyển đổi số");
    expect(a.partners).toEqual(["Viện Chiến lược chuyển đổi số", "Hiệp hội Doanh nghiệp nhỏ và vừa"]);
    expect(a.deadline).toBe("Quý III/2026");
  });
});
