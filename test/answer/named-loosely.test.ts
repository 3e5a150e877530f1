/**
 * Documents as cadres name them loosely: "Đề án 1462" for the decision that approves it, "theo bài báo" for the
 * corpus's news pages, "đồng chí nào ký" for the signer, "bc 402 so can bo …" where "so" is "số" (a figure), not a
 * department. And an address asked that the text never gives ("gửi qua email nào") is refused, not answered with
 * whom to call.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const DECISION = `THỦ TƯỚNG CHÍNH PHỦ
Số: 1462/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 18 tháng 6 năm 2025

QUYẾT ĐỊNH
Phê duyệt Đề án ứng dụng khoa học, công nghệ trong công nghiệp chế biến, chế tạo

Điều 1. Phê duyệt Đề án với các nội dung sau:
1. Mục tiêu: đến năm 2030, 30% doanh nghiệp chế biến, chế tạo ứng dụng công nghệ số.
2. Kinh phí: ngân sách trung ương hỗ trợ không quá 30% tổng chi phí của từng dự án đổi mới công nghệ.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Trần Văn Minh`;

const REPORT = `ỦY BAN NHÂN DÂN TỈNH LONG HÀ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 402/BC-SKHCN
Long Hà, ngày 09 tháng 10 năm 2025

BÁO CÁO
Kết quả thực hiện nhiệm vụ 9 tháng năm 2025

I. KẾT QUẢ

1. Đã bồi dưỡng kỹ năng số cho 7.182 cán bộ, công chức cấp xã.

2. Phối hợp với Sở Nội vụ hoàn thành bồi dưỡng kỹ năng số cho số cán bộ, công chức cấp xã còn lại (2.268 người).

3. Năm 2025, tỉnh bố trí 1.146 tỷ đồng cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.

II. LIÊN HỆ

Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ đồng chí Bùi Thanh Tâm, Phó Trưởng phòng Quản lý khoa học để được hướng dẫn.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Hòa`;

/** A news page typed without marks: masthead in plain capitals, a menu, a breadcrumb, the dateline, the headline. */
const NEWS = `ĐÔ THỊ THỦ ĐÔ ĐIỆN TỬ
Thời sự | Chính trị | Kinh tế | Đô thị | Xã hội

Chính trị > Chuyển động Thủ đô
Thứ Ba, 21/10/2025 06:45

Long Hà: 8 xã, phường phải ban hành kế hoạch thực hiện Nghị quyết 57 trước ngày 31/10

(ĐTTĐ) - Chiều 20/10, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo tiến độ triển khai kế hoạch chuyển đổi số.

Theo ông Vũ Đình Tường, năm 2025 tỉnh đã bố trí khoảng 2.870 tỷ đồng cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.

Minh Anh`;

describe("documents named loosely", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [DECISION, "qd1462.md"],
      [REPORT, "bc402.txt"],
      [NEWS, "tin-dttd.txt"],
    ]));
  });

  it("reads a news page typed without marks as a page: its site, day and headline", () => {
    const d = parseDocument(NEWS, "tin-dttd.txt");
    expect(d).toMatchObject({ docType: "Trang thông tin", issuer: "Đô thị thủ đô điện tử", date: "2025-10-21" });
    expect(d.title).toBe("Long Hà: 8 xã, phường phải ban hành kế hoạch thực hiện Nghị quyết 57 trước ngày 31/10");
  });

  it("'Đề án 1462' is the decision that approves it", async () => {
    const r = await ask("ngan sach tw ho tro toi da bn % moi du an trong de an 1462");
    expect(r.mode).toBe("answer");
    expect(r.citations[0]).toMatchObject({ number: "1462/QĐ-TTg", section: "Điều 1.2" });
  });

  it("'theo bài báo' asks the news pages", async () => {
    const r = await ask("theo bai bao tinh bo tri bao nhieu tien cho khcn dmst cds nam 2025");
    expect(r.mode).toBe("answer");
    expect(r.citations[0]!.quote).toContain("2.870 tỷ đồng");
  });

  it("'đồng chí nào ký' asks the signer", async () => {
    const r = await ask("Quyết định 1462/QĐ-TTg do đồng chí nào ký?");
    expect(r.via).toBe("metadata");
    expect(r.answer).toContain("Trần Văn Minh");
  });

  it("'bc 402 so can bo …' asks a figure of the report, not another department's report", async () => {
    const r = await ask("bc 402 so can bo cap xa con lai chua boi duong ky nang so la bao nhieu");
    expect(r.mode).toBe("answer");
    expect(r.citations[0]!.quote).toContain("2.268 người");
  });

  it("refuses an e-mail address the text never gives, rather than quote whom to call", async () => {
    const r = await ask("bc 402 gui ho so qua dia chi email nao");
    expect(r.mode).toBe("not_found");
  });
});

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN TỈNH LONG HÀ
Số: 28/2025/NQ-HĐND
Long Hà, ngày 26 tháng 9 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ chuyển đổi số

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định chính sách hỗ trợ doanh nghiệp, hợp tác xã chuyển đổi số.

Điều 2. Nội dung và mức hỗ trợ
1. Hỗ trợ chuyển đổi số: hỗ trợ 50% chi phí thuê, mua giải pháp chuyển đổi số, mức hỗ trợ tối đa 100 triệu đồng/doanh nghiệp và tối đa 50 triệu đồng/hợp tác xã.
2. Hỗ trợ đổi mới công nghệ: hỗ trợ 30% giá trị hợp đồng chuyển giao công nghệ, mức hỗ trợ tối đa 500 triệu đồng/dự án.
3. Hỗ trợ khởi nghiệp đổi mới sáng tạo: hỗ trợ một lần 200 triệu đồng/dự án.

TM. HỘI ĐỒNG NHÂN DÂN
CHỦ TỊCH
Lê Văn Hùng`;

describe("chat forms in what is asked", () => {
  it("'htx' is a cooperative, named by the point that covers it", async () => {
    const { ask } = await assistantOver([[RESOLUTION, "nq28.txt"]]);
    const r = await ask("nq 28 hdnd ho tro htx chuyen doi so toi da bn");
    expect(r.mode).toBe("answer");
    expect(r.citations[0]!.quote).toContain("50 triệu đồng/hợp tác xã");
  });
});

const LETTER = `ỦY BAN NHÂN DÂN TỈNH LONG HÀ
VĂN PHÒNG
Số: 8120/VPUBND-KGVX
Long Hà, ngày 05 tháng 12 năm 2025
V/v đôn đốc thực hiện nhiệm vụ về chuyển đổi số

Kính gửi: Sở Tài chính; Sở Nội vụ.

1. Đến ngày 01/12/2025, còn 04 nhiệm vụ chậm tiến độ, cụ thể:
a) Sở Tài chính chưa trình phương án bố trí kinh phí năm 2026.
b) Sở Nội vụ chưa ban hành kế hoạch bồi dưỡng kỹ năng số.

2. Đề nghị các sở hoàn thành trước ngày 15/12/2025.

KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Nguyễn Thị Lan`;

describe("a count of what befell them", () => {
  it("'bao nhiêu nhiệm vụ bị chậm' counts the text's 'nhiệm vụ chậm tiến độ'", async () => {
    const { ask } = await assistantOver([[LETTER, "cv8120.txt"]]);
    const r = await ask("công văn 8120 nêu bao nhiêu nhiệm vụ bị chậm tiến độ?");
    expect(r.mode).toBe("answer");
    expect(r.answer).toContain("04 nhiệm vụ");
  });
});

describe("a report asked by a period it does not cover", () => {
  it("is not in the corpus: the report of another period is named, not quoted as the answer", async () => {
    const { ask } = await assistantOver([[REPORT, "bc402.txt"]]);
    const r = await ask("bc 6 thang dau nam 2025 cua so khcn da boi duong ky nang so cho bao nhieu can bo cap xa");
    expect(r.mode).toBe("not_found");
    expect(r.answer).toContain("không có báo cáo 6 tháng năm 2025");
    const own = await ask("bc 9 thang nam 2025 cua so khcn da boi duong ky nang so cho bao nhieu can bo cap xa");
    expect(own.mode).toBe("answer");
    expect(own.answer).toContain("7.182");
  });
});

describe("an office under its committee's name", () => {
  it("is the committee's office", () => {
    const d = parseDocument(
      `ỦY BAN NHÂN DÂN TỈNH THANH HÓA          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        VĂN PHÒNG                             Độc lập - Tự do - Hạnh phúc
Số: 8120/VPUBND-KGVX                  Thanh Hóa, ngày 05 tháng 12 năm 2025
V/v đôn đốc thực hiện các nhiệm vụ chậm tiến độ

Kính gửi: Sở Tài chính.

1. Đề nghị Sở Tài chính khẩn trương hoàn thành nhiệm vụ.

KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Nguyễn Thị Lan`,
      "cv8120.txt",
    );
    expect(d.issuer).toBe("Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa");
  });
});
