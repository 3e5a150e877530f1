/**
 * The layouts state bodies and law-library pages use, each in a small excerpt written for the test (not copied from
 * a document): state numbers, Markdown and flattened header tables, articles and chapters, an attached regulation,
 * appendices after the signature, task tables (group rows, rows over 100, wrapped and empty cells, merged cells),
 * a letter carrying a draft report, site text around a copied page, prose assignments in their usual forms.
 */
import { describe, expect, it } from "vitest";
import type { Assignment, ParsedDocument } from "../../src/domain/model.js";
import { parseDocument } from "../../src/parser/index.js";

const parse = (text: string, file = "test.md") => parseDocument(text, file);
const paths = (d: ParsedDocument) => d.sections.map((s) => s.path);
const section = (d: ParsedDocument, path: string) => {
  const s = d.sections.find((x) => x.path === path);
  if (!s) throw new Error(`không có mục ${JSON.stringify(path)} trong ${JSON.stringify(paths(d))}`);
  return s;
};
const row = (d: ParsedDocument, path: string, assignee?: string): Assignment => {
  const a = d.assignments.find((x) => x.section === path && (!assignee || x.assignee === assignee));
  if (!a) throw new Error(`không có phân công ${path} ${assignee ?? ""}: ${JSON.stringify(d.assignments.map((x) => [x.section, x.assignee]))}`);
  return a;
};

/** A flattened table as a law library's converter writes it: a lone "|" between cells, two between rows. */
function flattened(rows: string[][]): string {
  return rows.map((r) => `|\n${r.map((c) => (c ? `${c}\n|` : "|")).join("\n")}`).join("\n");
}

const PROVINCE_HEADER = flattened([
  ["**ỦY BAN NHÂN DÂN\n**\nTỈNH LONG HÀ\n-------", "**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------"],
  ["Số: 179/KH-UBND", "*Long Hà, ngày 05\ntháng 8 năm 2025*"],
]);

const SIGNATURE = flattened([
  ["*Nơi nhận:*\n- Bộ Khoa học và Công nghệ;\n- TT. Tỉnh ủy, TT. HĐND tỉnh;\n- Các sở, ban, ngành, đoàn thể\ntỉnh;\n- Lưu: VT, KGVX.", "**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\n\n\n\n**Trần Văn Bình**"],
]);

describe("state numbers", () => {
  it("a provincial plan: flattened header table, wrapped lines, state number kept in its own form", () => {
    const d = parse(`${PROVINCE_HEADER}

**KẾ HOẠCH**

THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ
TRÊN ĐỊA BÀN TỈNH LONG HÀ GIAI ĐOẠN 2025 - 2030

Căn cứ Nghị quyết số
57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 03/NQ-CP ngày 09/01/2025
của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết
số 57-NQ/TW;

**I. MỤC
ĐÍCH, YÊU CẦU**

1. Cụ thể hóa các nhiệm vụ của Nghị quyết
số 57-NQ/TW phù hợp với điều kiện của tỉnh.

**II. TỔ CHỨC THỰC HIỆN**

**1. Sở
Khoa học và Công nghệ**

- Chủ trì, phối hợp với các sở, ngành theo dõi,
đôn đốc việc thực hiện Kế hoạch.

- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.

${SIGNATURE}
`);
    expect(d).toMatchObject({
      docType: "Kế hoạch",
      number: "179/KH-UBND",
      issuer: "Ủy ban nhân dân tỉnh Long Hà",
      place: "Long Hà",
      date: "2025-08-05",
    });
    expect(d.title).toBe("Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ trên địa bàn tỉnh Long Hà giai đoạn 2025 - 2030");
    expect(d.signer).toEqual({ name: "Trần Văn Bình", capacity: "TM. Ủy ban nhân dân", title: "Phó Chủ tịch" });
    expect(d.recipients).toEqual(["Bộ Khoa học và Công nghệ", "TT. Tỉnh ủy, TT. HĐND tỉnh", "Các sở, ban, ngành, đoàn thể tỉnh", "Lưu: VT, KGVX"]);
    expect(paths(d)).toEqual(["", "I", "I.1", "II", "II.1"]);
    expect(section(d, "II.1").title).toBe("Sở Khoa học và Công nghệ");
    // "Căn cứ A; B": every item of the list is carried out; the programme nested in B is a chain link.
    const byNumber = Object.fromEntries(d.references.map((r) => [r.number, r.relation]));
    expect(byNumber).toEqual({ "57-NQ/TW": "implements", "03/NQ-CP": "implements" });
    expect(d.id).toBe("179-kh-ubnd");
    // The heading names the body; each duty under it is one row, the report with its addressee and deadline.
    const duties = d.assignments.filter((a) => a.section === "II.1");
    expect(duties.map((a) => [a.assignee, a.role])).toEqual([
      ["Sở Khoa học và Công nghệ", "chủ trì"],
      ["Sở Khoa học và Công nghệ", "thực hiện"],
    ]);
    expect(duties[1]).toMatchObject({ reportTo: "Ủy ban nhân dân tỉnh", deadline: "trước ngày 15/12 hằng năm" });
    expect(duties[1]!.due).toMatchObject({ kind: "recurring", normalized: "yearly:12-15", recurring: "yearly" });
  });

  it("reads numbers of every form in references, never turning one form into the other", () => {
    const d = parse(`Số: 12/KH-UBND

Về chuyển đổi số

Căn cứ Luật Dữ liệu số 60/2024/QH15 ngày 30/11/2024; Nghị định số 137/2024/NĐ-CP ngày 23/10/2024 của Chính phủ; Quyết định số 2597/QĐ-TTg ngày 27/11/2025 của Thủ tướng Chính phủ; Kế hoạch số 07-KH/TU ngày 25/7/2025 của Ban Thường vụ Tỉnh ủy; Nghị quyết số 71/NQ -CP ngày 01/4/2025 của Chính phủ;

I. NỘI DUNG

Phối hợp theo Công văn số 2018/CV-TU.`);
    expect(d.number).toBe("12/KH-UBND");
    expect(d.docType).toBe("Kế hoạch");
    expect(d.references.map((r) => [r.number, r.docType, r.relation])).toEqual([
      ["60/2024/QH15", "Luật", "implements"],
      ["137/2024/NĐ-CP", "Nghị định", "implements"],
      ["2597/QĐ-TTg", "Quyết định", "implements"],
      ["07-KH/TU", "Kế hoạch", "implements"],
      ["71/NQ-CP", "Nghị quyết", "implements"],
      ["2018/CV-TU", "Công văn", "mentions"],
    ]);
  });
});

describe("headers", () => {
  it("a Markdown table header of a ministry, the motto in one cell with its decoration", () => {
    const d = parse(`| BỘ KHOA HỌC VÀ CÔNG NGHỆ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| --- | --- |
| Số: 45/KH-BKHCN | Hà Nội, ngày 10 tháng 3 năm 2025 |

KẾ HOẠCH
Triển khai Chương trình hành động của Chính phủ

I. MỤC TIÊU

Hoàn thành các nhiệm vụ được giao.`);
    expect(d).toMatchObject({ docType: "Kế hoạch", number: "45/KH-BKHCN", issuer: "Bộ Khoa học và Công nghệ", place: "Hà Nội", date: "2025-03-10" });
    expect(d.title).toBe("Triển khai Chương trình hành động của Chính phủ");
  });

  it("issuer and motto on one heading line; the date split over two lines", () => {
    const d = parse(`### ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------

Số: 88/KH-UBND Đồng Nai, ngày 12
tháng 9 năm 2025

KẾ HOẠCH
Phát triển dữ liệu số

I. MỤC ĐÍCH

Nâng cao chất lượng dữ liệu.`);
    expect(d).toMatchObject({ number: "88/KH-UBND", issuer: "Ủy ban nhân dân tỉnh Đồng Nai", place: "Đồng Nai", date: "2025-09-12", docType: "Kế hoạch" });
  });

  it("a report outline numbered in Roman inside a letter's item is that item's; the items after it stay top-level", () => {
    const d = parse(`UBND TỈNH HÒA BẮC
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 968/SKHCN-KHTC
Hòa Bắc, ngày 12 tháng 12 năm 2025

Kính gửi: Các sở, ban, ngành.

1. Phạm vi, thời gian lấy số liệu
- Số liệu tính từ ngày 01/7/2025 đến ngày 31/12/2025.

2. Đề cương báo cáo
\tI.\tCÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO
\t\t- Văn bản đã ban hành để triển khai Kế hoạch.
\tII.\tSỐ LIỆU CÁC CHỈ SỐ
\t\t- Ủy ban nhân dân các xã, phường: theo Biểu số 10 đến Biểu số 12.
\tIII.\tĐỀ XUẤT, KIẾN NGHỊ

3. Thời hạn gửi báo cáo
- Báo cáo gửi về Sở Khoa học và Công nghệ trước ngày 29/12/2025.

4. Đầu mối liên hệ
Bà Nguyễn Thu Trang; điện thoại: 0204.3854.216.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trịnh Văn Bình`);
    expect(paths(d)).toEqual(["1", "2", "2.I", "2.II", "2.III", "3", "4"]);
    expect(section(d, "3").text).toContain("29/12/2025");
    // A plan whose Roman parts follow numbered grounds keeps them top-level: nothing after them goes on the grounds.
    const plan = parse(`Số: 12/KH-UBND\n\n1. Căn cứ Nghị quyết số 57-NQ/TW.\n\nI. MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n\nII. NHIỆM VỤ\n\n1. Phát triển hạ tầng số.`);
    expect(paths(plan)).toContain("II.1");
  });

  it("a number left blank for the hand ('Số:        /KH-UBND') in a header laid out with spaces: no column gap, the type and date still read", () => {
    const d = parse(`ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ DUY NGHĨA                              Độc lập - Tự do - Hạnh phúc
                                              ———————
Số:        /KH-UBND                  Duy Nghĩa, ngày 08 tháng 10 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số trên địa bàn xã năm 2025 - 2026

I. MỤC ĐÍCH, YÊU CẦU

Triển khai kịp thời các nhiệm vụ thành phố giao cho cấp xã.`);
    expect(d).toMatchObject({ docType: "Kế hoạch", number: null, issuer: "Ủy ban nhân dân xã Duy Nghĩa", date: "2025-10-08" });
  });

  it("a central steering committee named over three lines; a provincial committee under its Party organisation named once", () => {
    const central = parse(`BAN CHẤP HÀNH TRUNG ƯƠNG                                    ĐẢNG CỘNG SẢN VIỆT NAM
BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ PHÁT TRIỂN
KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO
VÀ CHUYỂN ĐỔI SỐ
              *                                   Hà Nội, ngày 10 tháng 7 năm 2025
       Số 05-KH/BCĐTW

KẾ HOẠCH
đẩy mạnh thực hiện Nghị quyết số 57-NQ/TW

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm chính quyền cấp xã vận hành thông suốt.`);
    expect(central).toMatchObject({ number: "05-KH/BCĐTW", issuer: "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", date: "2025-07-10" });
    const province = parse(`ĐẢNG BỘ TỈNH BẮC NINH                               ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY BẮC NINH
         *                                  Bắc Ninh, ngày 15 tháng 8 năm 2025
    Số 12-CTr/TU

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW

A- MỤC TIÊU

Kinh tế số đạt 25% GRDP.`);
    expect(province.issuer).toMatch(/^(?:Ban Thường vụ )?Tỉnh ủy Bắc Ninh$/u);
  });

  it("a motto or the Party's name wrapped over two lines is never the issuer", () => {
    const d = parse(`THÀNH ỦY HẢI ĐÔNG
BAN TUYÊN GIÁO
ĐẢNG CỘNG SẢN
VIỆT NAM
Số 21-HD/BTGTU
Hải Đông, ngày 3 tháng 4 năm 2025

HƯỚNG DẪN
tuyên truyền Nghị quyết số 57-NQ/TW

I. MỤC ĐÍCH

Nâng cao nhận thức.`);
    expect(d.issuer).toBe("Ban Tuyên giáo Thành ủy Hải Đông");
    expect(d.number).toBe("21-HD/BTGTU");
  });

  it("NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ names the issuer under the Central Committee's header", () => {
    const d = parse(`| BAN CHẤP HÀNH TRUNG ƯƠNG ------- | ĐẢNG CỘNG SẢN VIỆT NAM --------------- |
| --- | --- |
| Số 57-NQ/TW | Hà Nội, ngày 22 tháng 12 năm 2024 |

NGHỊ QUYẾT
CỦA BỘ CHÍNH TRỊ
về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia

I. TÌNH HÌNH

Nội dung đánh giá.`);
    expect(d).toMatchObject({ docType: "Nghị quyết", number: "57-NQ/TW", issuer: "Bộ Chính trị", date: "2024-12-22" });
    expect(d.title).toBe("về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia");
  });

  it("a Central Committee unit: BAN CHẤP HÀNH TRUNG ƯƠNG over VĂN PHÒNG is the Văn phòng Trung ương Đảng", () => {
    const d = parse(`${flattened([["BAN CHẤP HÀNH\nTRUNG ƯƠNG\n**VĂN PHÒNG**\n*", "**ĐẢNG CỘNG SẢN\nVIỆT NAM**\n---------------"], ["Số 09-TB/VPTW", "*Hà Nội, ngày 02 tháng 6 năm 2025*"]])}

**THÔNG BÁO**

KẾT LUẬN CỦA LÃNH ĐẠO VĂN PHÒNG

1. Về kết quả

Đã hoàn thành.

${flattened([["__Nơi nhận__:\n- Các tỉnh uỷ, thành uỷ,\n- Lưu Văn phòng Trung ương Đảng.", "**K/T CHÁNH\nVĂN PHÒNG**\nPHÓ CHÁNH VĂN PHÒNG\nNguyễn Văn Khang"]])}
`);
    expect(d).toMatchObject({ docType: "Thông báo", number: "09-TB/VPTW", issuer: "Văn phòng Trung ương Đảng", date: "2025-06-02" });
    expect(d.signer).toEqual({ name: "Nguyễn Văn Khang", capacity: "K/T Chánh Văn phòng", title: "Phó Chánh Văn phòng" });
  });
});

describe("articles, chapters, attachments and appendices", () => {
  it("a Prime Minister's decision: the enacting authority is no title; articles, clauses and points; the appendix after the signature", () => {
    const d = parse(`${flattened([["**THỦ TƯỚNG CHÍNH\nPHỦ**\n-------", "**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc"], ["Số: 1234/QĐ-TTg", "*Hà Nội, ngày 15\ntháng 10 năm 2025*"]])}

**QUYẾT ĐỊNH**

PHÊ DUYỆT ĐỀ ÁN SỐ HÓA HỒ SƠ

**THỦ TƯỚNG CHÍNH PHỦ**

*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 2 năm 2025;*

*Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;*

**QUYẾT ĐỊNH:**

**Điều 1.** Phê duyệt Đề án số hóa hồ sơ với những nội dung sau:

**I. MỤC TIÊU**

1. Số hóa toàn bộ hồ sơ trước năm 2030.

**II. TỔ CHỨC THỰC HIỆN**

1. Bộ Nội vụ

a) Chủ trì, phối hợp với Bộ Công an xây dựng kho dữ liệu;

b) Phối hợp với Bộ Tài chính bố trí kinh phí.

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

**Điều 3.** Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm thi hành Quyết định này./.

${flattened([["Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.", "**KT. THỦ TƯỚNG**\nPHÓ THỦ TƯỚNG\nLê Minh An"]])}


**PHỤ LỤC**

DANH MỤC NHIỆM VỤ

*(Kèm theo Quyết định số 1234/QĐ-TTg ngày 15 tháng 10 năm 2025 của Thủ tướng Chính phủ)*

${flattened([
  ["**STT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Sản phẩm**", "**Thời gian hoàn thành**"],
  ["1", "Xây dựng kho dữ liệu", "Bộ Nội vụ", "Bộ Công an", "Kho dữ liệu", "Quý IV/2026"],
  ["2", "Ban hành quy chế khai thác", "Bộ Nội vụ", "", "Quy chế", "2027"],
])}
`);
    expect(d).toMatchObject({ docType: "Quyết định", number: "1234/QĐ-TTg", issuer: "Thủ tướng Chính phủ", date: "2025-10-15" });
    expect(d.title).toBe("Phê duyệt đề án số hóa hồ sơ");
    expect(d.signer).toEqual({ name: "Lê Minh An", capacity: "KT. Thủ tướng", title: "Phó Thủ tướng" });
    expect(paths(d)).toEqual([
      "",
      "Điều 1",
      "Điều 1.I",
      "Điều 1.I.1",
      "Điều 1.II",
      "Điều 1.II.1",
      "Điều 1.II.1.a",
      "Điều 1.II.1.b",
      "Điều 2",
      "Điều 3",
      "Phụ lục",
      "Phụ lục.1",
      "Phụ lục.2",
    ]);
    expect(section(d, "Phụ lục").title).toBe("DANH MỤC NHIỆM VỤ");
    expect(section(d, "Điều 2").text).toBe("Quyết định này có hiệu lực kể từ ngày ký.");
    expect(row(d, "Điều 1.II.1.a")).toMatchObject({ assignee: "Bộ Nội vụ", role: "chủ trì", partners: ["Bộ Công an"] });
    expect(row(d, "Điều 1.II.1.b")).toMatchObject({ assignee: "Bộ Nội vụ", role: "phối hợp", partners: ["Bộ Tài chính"] });
    expect(d.assignments.filter((a) => a.section === "Điều 3").map((a) => a.assignee)).toEqual(["Các Bộ trưởng", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]);
    expect(row(d, "Phụ lục.1")).toMatchObject({ assignee: "Bộ Nội vụ", partners: ["Bộ Công an"], deadline: "Quý IV/2026", product: "Kho dữ liệu", source: "table" });
    expect(row(d, "Phụ lục.1").due).toMatchObject({ kind: "quarter", normalized: "2026-Q4", due: "2026-12-31" });
    // An empty partner cell stays empty: the deadline does not slide into it.
    expect(row(d, "Phụ lục.2")).toMatchObject({ partners: [], deadline: "2027", product: "Quy chế" });
    // The appendix is no body section: the signature still closes the decision.
    expect(d.closing.some((l) => /Lê Minh An/.test(l))).toBe(true);
  });

  it("a Party decision with an attached regulation: both sets of articles reachable, the regulation's under its name", () => {
    const d = parse(`BAN CHẤP HÀNH TRUNG ƯƠNG
Số 99-QĐ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 4 tháng 3 năm 2025

QUYẾT ĐỊNH
ban hành Quy chế làm việc của Ban Chỉ đạo

Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ban Chỉ đạo.

Điều 2. Quyết định có hiệu lực từ ngày ký.

Nơi nhận:
- Các thành viên Ban Chỉ đạo,
- Lưu Văn phòng Trung ương Đảng.

T/M BAN BÍ THƯ
Trần Văn Tâm

QUY CHẾ
làm việc của Ban Chỉ đạo
(Ban hành kèm theo Quyết định số 99-QĐ/TW ngày 4/3/2025 của Ban Bí thư)

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh

Quy chế này quy định nguyên tắc làm việc.

Điều 2. Nguyên tắc làm việc

1. Làm việc tập thể.

2. Phân công rõ trách nhiệm:

a) Trưởng Ban phụ trách chung;

b) Phó Trưởng Ban giúp Trưởng Ban.

Chương II
TRÁCH NHIỆM

Điều 3. Trách nhiệm của các thành viên

Văn phòng Trung ương Đảng chủ trì, phối hợp với Ban Tổ chức Trung ương theo dõi việc thực hiện Quy chế.`);
    expect(d).toMatchObject({ docType: "Quyết định", number: "99-QĐ/TW", issuer: "Ban Chấp hành Trung ương", date: "2025-03-04" });
    expect(d.signer).toMatchObject({ name: "Trần Văn Tâm", capacity: "T/M Ban Bí thư" });
    expect(paths(d)).toEqual([
      "Điều 1",
      "Điều 2",
      "Quy chế",
      "Quy chế.Chương I",
      "Quy chế.Điều 1",
      "Quy chế.Điều 2",
      "Quy chế.Điều 2.1",
      "Quy chế.Điều 2.2",
      "Quy chế.Điều 2.2.a",
      "Quy chế.Điều 2.2.b",
      "Quy chế.Chương II",
      "Quy chế.Điều 3",
    ]);
    expect(section(d, "Quy chế").title).toBe("làm việc của Ban Chỉ đạo");
    expect(section(d, "Quy chế.Chương I").title).toBe("QUY ĐỊNH CHUNG");
    expect(section(d, "Quy chế.Điều 1").title).toBe("Phạm vi điều chỉnh");
    expect(row(d, "Quy chế.Điều 3")).toMatchObject({ assignee: "Văn phòng Trung ương Đảng", role: "chủ trì", partners: ["Ban Tổ chức Trung ương"] });
  });

  it("an office letter with a draft report attached after its signature", () => {
    const d = parse(`TỈNH ỦY HÀ BẮC
VĂN PHÒNG
Số 315-CV/VPTU
Hà Bắc, ngày 7 tháng 11 năm 2025
V/v góp ý dự thảo Báo cáo sơ kết

Kính gửi: Các sở, ban, ngành tỉnh

Văn phòng Tỉnh ủy gửi kèm theo dự thảo Báo cáo sơ kết, đề nghị các đơn vị góp ý, gửi về Văn phòng Tỉnh ủy trước ngày 20/11/2025.

Nơi nhận:
- Như trên,
- Lưu VP.

K/T CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Lê Thu Hà

DỰ THẢO

BÁO CÁO
sơ kết 01 năm thực hiện Nghị quyết số 57-NQ/TW

I. KẾT QUẢ

1. Công tác lãnh đạo

Đã ban hành kế hoạch.

II. NHIỆM VỤ THỜI GIAN TỚI

Tiếp tục triển khai.`);
    expect(d).toMatchObject({ docType: "Công văn", number: "315-CV/VPTU", issuer: "Văn phòng Tỉnh ủy Hà Bắc", date: "2025-11-07" });
    expect(d.signer).toEqual({ name: "Lê Thu Hà", capacity: "K/T Chánh Văn phòng", title: "Phó Chánh Văn phòng" });
    expect(paths(d)).toEqual(["", "Báo cáo", "Báo cáo.I", "Báo cáo.I.1", "Báo cáo.II"]);
    expect(section(d, "Báo cáo").title).toBe("sơ kết 01 năm thực hiện Nghị quyết số 57-NQ/TW");
    expect(section(d, "Báo cáo").text).toBe("DỰ THẢO");
    expect(d.references.find((r) => r.number === "57-NQ/TW")?.relation).toBe("mentions");
  });
});

describe("task tables", () => {
  it("group rows, numbering that runs on past 100, a row split over lines, merged cells lent to short rows", () => {
    const rows: string[][] = [["**TT**", "**Nhiệm vụ**", "**Chủ trì**", "**Phối hợp**", "**Thời hạn**"]];
    rows.push(["**A**", "**NHIỆM VỤ CHUNG**"]);
    for (let i = 1; i <= 101; i++) rows.push([String(i), `Nhiệm vụ số ${i}`, i % 2 ? "Sở Tài chính" : "Sở Nội vụ", "Các sở, ban, ngành", "Năm 2026"]);
    rows.push(["**B**", "**NHIỆM VỤ RIÊNG**"]);
    rows.push(["102", "Triển khai nền tảng\ndữ liệu dùng\nchung của tỉnh", "Sở Khoa học và Công nghệ", "Công an tỉnh; Sở Tài chính", "Tháng 6/2026"]);
    rows.push(["103", "Đào tạo kỹ năng số cho cán bộ", "Sở Nội vụ Sở Giáo dục và Đào tạo", "", "Thường xuyên"]);
    const d = parse(`**PHỤ LỤC II**\n\nNHIỆM VỤ CỤ THỂ\n\n${flattened(rows)}\n`);
    expect(paths(d)).toContain("Phụ lục II.101");
    expect(paths(d)).not.toContain("Phụ lục II.A");
    expect(row(d, "Phụ lục II.102")).toMatchObject({
      assignee: "Sở Khoa học và Công nghệ",
      task: "Triển khai nền tảng dữ liệu dùng chung của tỉnh",
      partners: ["Công an tỉnh", "Sở Tài chính"],
      deadline: "Tháng 6/2026",
    });
    expect(row(d, "Phụ lục II.102").due).toMatchObject({ kind: "month", normalized: "2026-06", due: "2026-06-30" });
    // Two leads run together with no separator: two rows; the empty partner cell stays empty.
    expect(d.assignments.filter((a) => a.section === "Phụ lục II.103").map((a) => [a.assignee, a.partners, a.deadline])).toEqual([
      ["Sở Nội vụ", [], "Thường xuyên"],
      ["Sở Giáo dục và Đào tạo", [], "Thường xuyên"],
    ]);
    expect(d.assignments.filter((a) => a.source === "table")).toHaveLength(104);
    expect(row(d, "Phụ lục II.50")).toMatchObject({ assignee: "Sở Nội vụ", partners: ["Các sở, ban, ngành"], deadline: "Năm 2026" });
  });

  it("a row's cells wrapped onto a line of their own, its number cell empty, go on the row above; each line stays quotable", () => {
    const d = parse(`PHỤ LỤC

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| **II** | **PHÁT TRIỂN HẠ TẦNG SỐ** | | | | |
| 1 | Xây dựng Trung tâm dữ liệu tỉnh (giai đoạn 1), kết nối | Sở Khoa học và | Công an tỉnh; Sở Tài chính | Quý IV/2026 | Trung tâm dữ liệu |
| | với Trung tâm dữ liệu quốc gia | Công nghệ | | | đưa vào vận hành |
| 2 | Phủ sóng 5G tại khu dân cư của 100% xã, phường | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | Năm 2027 | Báo cáo |
| | Hỗ trợ thiết bị đầu cuối cho hộ nghèo | Sở Y tế | | Năm 2026 | Thiết bị |
`);
    expect(d.assignments.filter((a) => a.section === "Phụ lục.1").map((a) => [a.assignee, a.task, a.product])).toEqual([
      ["Sở Khoa học và Công nghệ", "Xây dựng Trung tâm dữ liệu tỉnh (giai đoạn 1), kết nối với Trung tâm dữ liệu quốc gia", "Trung tâm dữ liệu đưa vào vận hành"],
    ]);
    expect(d.assignments.some((a) => a.assignee === "Công nghệ")).toBe(false);
    expect(section(d, "Phụ lục.1").text.split("\n")).toEqual([
      "Xây dựng Trung tâm dữ liệu tỉnh (giai đoạn 1), kết nối | Sở Khoa học và | Công an tỉnh; Sở Tài chính | Quý IV/2026 | Trung tâm dữ liệu",
      "với Trung tâm dữ liệu quốc gia | Công nghệ |  |  | đưa vào vận hành",
    ]);
    // A row of its own with no number (a capitalised task, a whole body) is not a wrapped line.
    expect(d.assignments.find((a) => a.assignee === "Sở Y tế")).toMatchObject({ task: "Hỗ trợ thiết bị đầu cuối cho hộ nghèo", deadline: "Năm 2026" });
  });

  it("a lead cell merged over the rows below it: a numbered row that leaves it empty is led by the body above, its text kept as written", () => {
    const d = parse(`PHỤ LỤC

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| **I** | **THỂ CHẾ** | | | |
| 1 | Trình Hội đồng nhân dân thành phố Nghị quyết hỗ trợ chuyển đổi số | Sở Khoa học và Công nghệ | Sở Tài chính | Tháng 9/2025 |
| 2 | Ban hành Quy chế vận hành Nền tảng chính quyền số cấp xã | | Văn phòng UBND thành phố | Tháng 10/2025 |
| 3 | Ban hành quy định vị trí việc làm công chức chuyển đổi số | Sở Nội vụ | Sở Khoa học và Công nghệ | Tháng 11/2025 |
| **II** | **HẠ TẦNG** | | | |
| 1 | Nâng cấp Trung tâm dữ liệu thành phố | | Công an thành phố | Năm 2026 |
`);
    expect(d.assignments.map((a) => [a.section, a.assignee])).toEqual([
      ["Phụ lục.I.1", "Sở Khoa học và Công nghệ"],
      ["Phụ lục.I.2", "Sở Khoa học và Công nghệ"],
      ["Phụ lục.I.3", "Sở Nội vụ"],
    ]);
    expect(section(d, "Phụ lục.I.2").text).toBe("Ban hành Quy chế vận hành Nền tảng chính quyền số cấp xã |  | Văn phòng UBND thành phố | Tháng 10/2025");
  });

  it("numbering restarting in each group puts the group in the path; merged cells lend their body to short rows", () => {
    const table = `|
**STT**
|
**Nhóm dữ liệu**
|
**Dữ liệu**
|
**Cơ quan chủ quản**
|
|
1
|
Dữ liệu tổ chức
|
Dữ liệu tổ chức đảng
|
Ban Tổ chức Trung ương
|
|
Dữ liệu đảng viên
|
|
Dữ liệu khen thưởng
|
|
2
|
Dữ liệu văn phòng
|
Dữ liệu văn bản
|
Văn phòng Trung ương Đảng
|`;
    const d = parse(`PHỤ LỤC\n\nDANH SÁCH DỮ LIỆU\n\n${table}\n`);
    expect(d.assignments.map((a) => [a.section, a.assignee, a.task])).toEqual([
      ["Phụ lục.1", "Ban Tổ chức Trung ương", "Dữ liệu tổ chức: Dữ liệu tổ chức đảng"],
      ["Phụ lục.1", "Ban Tổ chức Trung ương", "Dữ liệu tổ chức: Dữ liệu đảng viên"],
      ["Phụ lục.1", "Ban Tổ chức Trung ương", "Dữ liệu tổ chức: Dữ liệu khen thưởng"],
      ["Phụ lục.2", "Văn phòng Trung ương Đảng", "Dữ liệu văn phòng: Dữ liệu văn bản"],
    ]);
  });
});

describe("law-library pages", () => {
  it("site text before the header and after the signature is no part of the document; its metadata table fills what the text lacks", () => {
    const d = parse(`Kết luận 221-KL/TW năm 2025 về tiếp tục thực hiện Nghị quyết do Ban Chấp hành Trung ương ban hành

| Số hiệu: | 221-KL/TW | Loại văn bản: | Kết luận |
| --- | --- | --- | --- |
| Nơi ban hành: | Ban Chấp hành Trung ương | Người ký: | Trần Cẩm Tú |
| Ngày ban hành: | 28/11/2025 | Ngày hiệu lực: | Đã biết |

Tải văn bản gốc

| BAN CHẤP HÀNH TRUNG ƯƠNG ------- | ĐẢNG CỘNG SẢN VIỆT NAM --------------- |
| --- | --- |
| Số 221-KL/TW | Hà Nội, ngày 28 tháng 11 năm 2025 |

KẾT LUẬN
CỦA BỘ CHÍNH TRỊ
về tiếp tục thực hiện Nghị quyết số 57-NQ/TW

1. Đánh giá chung

Bộ Chính trị đánh giá cao kết quả đạt được.

2. Nhiệm vụ thời gian tới

Ban Tuyên giáo và Dân vận Trung ương chủ trì tuyên truyền.

| Nơi nhận: - Các tỉnh ủy, thành ủy, - Lưu Văn phòng Trung ương Đảng. | T/M BỘ CHÍNH TRỊ Trần Cẩm Tú |
| --- | --- |

Văn bản liên quan

Nghị quyết 57-NQ/TW năm 2024 đột phá phát triển khoa học

Lưu trữ

Ghi chú

Bạn Chưa Đăng Nhập Thành Viên!`);
    expect(d).toMatchObject({ docType: "Kết luận", number: "221-KL/TW", issuer: "Bộ Chính trị", date: "2025-11-28" });
    expect(d.signer).toMatchObject({ name: "Trần Cẩm Tú", capacity: "T/M Bộ Chính trị" });
    expect(paths(d)).toEqual(["1", "2"]);
    const all = d.sections.map((s) => `${s.title ?? ""} ${s.text}`).join("\n");
    expect(all).not.toMatch(/Số hiệu|Văn bản liên quan|Lưu trữ|Đăng Nhập|Tải văn bản/);
    expect(d.closing.join("\n")).not.toMatch(/Văn bản liên quan|Đăng Nhập/);
    expect(d.references.map((r) => [r.number, r.relation])).toEqual([["57-NQ/TW", "implements"]]);
    expect(row(d, "2")).toMatchObject({ assignee: "Ban Tuyên giáo và Dân vận Trung ương", role: "chủ trì" });
  });

  it("a related-documents list written on its label's line, however long, ends the document", () => {
    const titles = "Quyết định 327/QĐ-TTg năm 2025 phê duyệt Chương trình phát triển công nghiệp công nghệ số và đổi mới sáng tạo tại các thành phố trực thuộc trung ương | Kế hoạch 130/KH-UBND năm 2025 thực hiện Nghị quyết 57-NQ/TW thành phố Hải Phòng";
    const d = parse(`| Số hiệu: | 86/KH-UBND | Loại văn bản: | Kế hoạch |
| --- | --- | --- | --- |
| Ngày ban hành: | 19/05/2025 | Ngày hiệu lực: | Đã biết |

| ỦY BAN NHÂN DÂN THÀNH PHỐ SẦM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| --- | --- |
| Số: 86/KH-UBND | Sầm Sơn, ngày 19 tháng 5 năm 2025 |

KẾ HOẠCH
Chuyển đổi số trong lĩnh vực du lịch

1. Phòng Văn hóa chủ trì triển khai.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Thanh Nga

PHỤ LỤC

1. Danh mục nhiệm vụ.

Văn bản liên quan: ${titles}`);
    const all = [...d.sections.map((s) => `${s.title ?? ""} ${s.text}`), ...d.closing].join("\n");
    expect(all).toContain("Danh mục nhiệm vụ");
    expect(all).not.toMatch(/Văn bản liên quan|327\/QĐ-TTg/);
  });

  it("a page whose document lacks a header: the metadata table gives number, issuer, date and signer", () => {
    const d = parse(`Số hiệu: 12-TB/TW
Loại văn bản: Thông báo
Nơi ban hành: Ban Bí thư
Người ký: Lê Văn Sơn
Ngày ban hành: 02/02/2025

Tải về

Số 12-TB/TW

THÔNG BÁO
kết luận của Ban Bí thư về công tác chuyển đổi số

1. Ban Bí thư yêu cầu tiếp tục chuyển đổi số.

Lưu trữ`);
    expect(d).toMatchObject({ docType: "Thông báo", number: "12-TB/TW", date: "2025-02-02", issuer: "Ban Bí thư" });
    expect(d.signer?.name).toBe("Lê Văn Sơn");
    expect(paths(d)).toEqual(["1"]);
  });
});

describe("prose assignments", () => {
  it("'Giao X chủ trì, phối hợp Y', 'X chủ trì; Y phối hợp', 'phối hợp' without 'với', 'Định kỳ, X …', reports with addressee and deadline", () => {
    const d = parse(`III. TỔ CHỨC THỰC HIỆN

1. Giao Sở Tài chính chủ trì, phối hợp Sở Khoa học và Công nghệ bố trí kinh phí.

2. Sở Nội vụ chủ trì; Sở Tư pháp phối hợp rà soát thủ tục.

3. Định kỳ, Sở Khoa học và Công nghệ tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm.

4. Các sở, ngành gửi báo cáo về Sở Khoa học và Công nghệ trước ngày 15/11/2025.`);
    expect(row(d, "III.1")).toMatchObject({ assignee: "Sở Tài chính", role: "chủ trì", partners: ["Sở Khoa học và Công nghệ"] });
    expect(row(d, "III.2", "Sở Nội vụ")).toMatchObject({ role: "chủ trì", partners: ["Sở Tư pháp"] });
    expect(row(d, "III.2", "Sở Tư pháp")).toMatchObject({ role: "phối hợp", partners: ["Sở Nội vụ"] });
    expect(row(d, "III.3")).toMatchObject({
      assignee: "Sở Khoa học và Công nghệ",
      reportTo: "Ủy ban nhân dân tỉnh",
      deadline: "trước ngày 20/12 hằng năm",
    });
    expect(row(d, "III.4")).toMatchObject({ assignee: "Các sở, ngành", reportTo: "Sở Khoa học và Công nghệ", deadline: "trước ngày 15/11/2025" });
    expect(row(d, "III.4").due).toMatchObject({ kind: "date", due: "2025-11-15" });
  });
});

describe("plain-text layouts", () => {
  it("a header and a signature laid out with tabs (a Word document's tab stops, one tab once extracted)", () => {
    const d = parse(
      [
        "ỦY BAN NHÂN DÂN\t\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HUYỆN CAN LỘC\tĐộc lập - Tự do - Hạnh phúc",
        "",
        "Số: 96/KH-UBND\t\tCan Lộc, ngày 08 tháng 4 năm 2025",
        "",
        "KẾ HOẠCH",
        "Triển khai thực hiện Nghị quyết số 57-NQ/TW trên địa bàn huyện",
        "",
        "I. MỤC ĐÍCH",
        "",
        "1.\tCụ thể hóa các nhiệm vụ được giao.",
        "2.\tPhân công cụ thể cho các phòng, ban.",
        "",
        "Nơi nhận:\t\t\tTM. ỦY BAN NHÂN DÂN",
        "- Sở Khoa học và Công nghệ;\t\tCHỦ TỊCH",
        "- Lưu: VT.",
        "\t\t\t\tBùi Quang Trường",
      ].join("\n"),
    );
    expect(d).toMatchObject({ docType: "Kế hoạch", number: "96/KH-UBND", issuer: "Ủy ban nhân dân huyện Can Lộc", date: "2025-04-08", place: "Can Lộc" });
    expect(d.signer).toMatchObject({ name: "Bùi Quang Trường", title: "Chủ tịch" });
    // A list item's number before a tab is no column.
    expect(d.sections.find((s) => s.path === "I.2")?.text).toBe("Phân công cụ thể cho các phòng, ban.");
  });

  it("breaks written inside one bold run of a layout cell keep their lines: each is quoted as written", () => {
    const d = parse(`| **ỦY BAN NHÂN DÂN<br>TỈNH LÂM HÀ**<br>------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc** |
| --- | --- |
| Số: 612/QĐ-UBND | *Lâm Hà, ngày 10 tháng 3 năm 2025* |

**QUYẾT ĐỊNH**
**Ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW**

Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

| *Nơi nhận:*<br>- Như Điều 2;<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH**<br><br>**Phạm Ngọc Tuấn** |
| --- | --- |`);
    expect(d).toMatchObject({ number: "612/QĐ-UBND", issuer: "Ủy ban nhân dân tỉnh Lâm Hà", date: "2025-03-10" });
    expect(d.header).toEqual(expect.arrayContaining(["ỦY BAN NHÂN DÂN", "TỈNH LÂM HÀ"]));
    expect(d.closing).toEqual(expect.arrayContaining(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Ngọc Tuấn"]));
    expect(d.signer).toMatchObject({ name: "Phạm Ngọc Tuấn", title: "Phó Chủ tịch" });
  });

  it("a parent body and its department on one line of a flattened header cell", () => {
    const d = parse(`UBND TỈNH HÀ TĨNH **SỞ KHOA HỌC VÀ CÔNG NGHỆ** -------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc
Số: 1652/SKHCN-KHTC | *Hà Tĩnh, ngày 15 tháng 9 năm 2025*
V/v đôn đốc báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW |

**Kính gửi:** Các sở, ban, ngành cấp tỉnh.

Đề nghị các cơ quan gửi báo cáo trước ngày 30/9/2025.`);
    expect(d).toMatchObject({ docType: "Công văn", number: "1652/SKHCN-KHTC", issuer: "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh", date: "2025-09-15" });
  });

  it("a header and a signature laid out in two columns with spaces read as a layout table", () => {
    const d = parse(`ĐẢNG BỘ TỈNH LONG HÀ                                     ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY ĐÔNG SƠN
*                                          Đông Sơn, ngày 20 tháng 5 năm 2024
Số 45-KH/HU


KẾ HOẠCH
thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị

I- MỤC ĐÍCH, YÊU CẦU

1- Quán triệt sâu sắc nội dung Kết luận số 69-KL/TW đến cán bộ, đảng viên.

II- TỔ CHỨC THỰC HIỆN

1- Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi việc thực hiện.

Nơi nhận:                                                  T/M BAN THƯỜNG VỤ
- Ban Thường vụ Tỉnh ủy (để b/c),                                PHÓ BÍ THƯ
- Các đồng chí Huyện ủy viên,
- Các chi, đảng bộ cơ sở,                                      (đã ký)
- Lưu Văn phòng Huyện ủy.
                                                             Lê Đình Quang`);
    expect(d).toMatchObject({ docType: "Kế hoạch", number: "45-KH/HU", date: "2024-05-20", place: "Đông Sơn", issuer: "Ban Thường vụ Huyện ủy Đông Sơn tỉnh Long Hà" });
    expect(d.signer).toEqual({ name: "Lê Đình Quang", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" });
    expect(d.recipients).toEqual(["Ban Thường vụ Tỉnh ủy (để b/c)", "Các đồng chí Huyện ủy viên", "Các chi, đảng bộ cơ sở", "Lưu Văn phòng Huyện ủy"]);
    expect(paths(d)).toEqual(["I", "I.1", "II", "II.1"]);
  });

  it("a hard-wrapped letter keeps its header lines apart; 'UBND TỈNH X / SỞ Y' is the department of that province; an outline of the report asked for is an attachment", () => {
    const prose = "Đề nghị các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai thực hiện nghiêm túc";
    const d = parse(`UBND TỈNH LONG HÀ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
-------
Số: 1387/SKHCN-QLCN
V/v triển khai Kế hoạch số 215/KH-UBND
ngày 28/3/2025 của UBND tỉnh

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Long Hà, ngày 08 tháng 4 năm 2025

Kính gửi:
- Các sở, ban, ngành cấp tỉnh;
- Ủy ban nhân dân các huyện, thành phố.

Ngày 28/3/2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch số
215/KH-UBND thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của
Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng
tạo và chuyển đổi số. ${prose}
Kế hoạch, báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày
15/6/2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.
Sở Khoa học và Công nghệ đề nghị các cơ quan, đơn vị quan tâm phối
hợp thực hiện, trong quá trình triển khai nếu có vướng mắc, đề nghị
phản ánh về Sở Khoa học và Công nghệ để được hướng dẫn kịp thời./.

Nơi nhận:
- Như trên;
- Lưu: VT, QLCN.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

(đã ký)

Lê Thị Minh Hà

ĐỀ CƯƠNG BÁO CÁO
Kết quả thực hiện Kế hoạch số 215/KH-UBND

I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI

II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ`);
    expect(d).toMatchObject({ docType: "Công văn", number: "1387/SKHCN-QLCN", date: "2025-04-08", issuer: "Sở Khoa học và Công nghệ tỉnh Long Hà" });
    expect(d.title).toBe("V/v triển khai Kế hoạch số 215/KH-UBND ngày 28/3/2025 của UBND tỉnh");
    expect(d.signer).toEqual({ name: "Lê Thị Minh Hà", capacity: "KT. Giám đốc", title: "Phó Giám đốc" });
    expect(paths(d)).toContain("Báo cáo.I");
  });

  it("'KT. BỘ TRƯỞNG / THỨ TRƯỞNG': the minister is signed for, the deputy signs", () => {
    const d = parse(`BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1156/QĐ-BKHCN
Hà Nội, ngày 09 tháng 6 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển mạng lưới đổi mới sáng tạo

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển mạng lưới đổi mới sáng tạo.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Đỗ Văn Khiêm`);
    expect(d.signer).toEqual({ name: "Đỗ Văn Khiêm", capacity: "KT. Bộ trưởng", title: "Thứ trưởng" });
  });

  it("a law-library page whose number carries its year ('Số: 86/2025/NQ-HĐND'): the header's issuer, not the site's place", () => {
    const d = parse(`Trang chủ > Văn bản pháp luật > Nghị quyết 86/2025/NQ-HĐND

| Số hiệu: | 86/2025/NQ-HĐND | Loại văn bản: | Nghị quyết |
|---|---|---|---|
| Nơi ban hành: | Tỉnh Long Hà | Người ký: | Hoàng Trung Kiên |
| Ngày ban hành: | 15/07/2025 | Tình trạng: | Còn hiệu lực |

---

**HỘI ĐỒNG NHÂN DÂN TỈNH LONG HÀ**
\\-\\-\\-\\-\\-\\-\\-\\-
Số: 86/2025/NQ-HĐND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập - Tự do - Hạnh phúc**
*Long Hà, ngày 15 tháng 7 năm 2025*

**NGHỊ QUYẾT**

**QUY ĐỊNH CHÍNH SÁCH HỖ TRỢ ĐỔI MỚI SÁNG TẠO**

**QUYẾT NGHỊ:**

**Điều 1. Phạm vi điều chỉnh**

Nghị quyết này quy định chính sách hỗ trợ đổi mới sáng tạo trên địa bàn tỉnh.

**CHỦ TỊCH**

**Hoàng Trung Kiên**`);
    expect(d).toMatchObject({ docType: "Nghị quyết", number: "86/2025/NQ-HĐND", issuer: "Hội đồng nhân dân tỉnh Long Hà", date: "2025-07-15" });
    // The page's row of validity stays with the header (quotable); its other rows are noise.
    expect(d.header).toContain("Ngày ban hành: | 15/07/2025 | Tình trạng: | Còn hiệu lực");
    expect(d.header.join("\n")).not.toContain("Người ký");
  });
});
