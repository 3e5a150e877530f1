/**
 * Small synthetic documents, one layout or numbering style each: the variety the parser meets in other issuers'
 * documents (Markdown tables in the header and the signature, decimal numbering, "a)" items, "*"/"•" bullets,
 * page numbers, NFD input, both tone-mark conventions, OCR leftovers…).
 */
import { describe, expect, it } from "vitest";
import type { ParsedDocument } from "../../src/domain/model.js";
import { parseDocument } from "../../src/parser/index.js";
import { normalizeVi } from "../../src/text/vietnamese.js";

const parse = (text: string, file = "test.md") => parseDocument(text, file);
const paths = (d: ParsedDocument) => d.sections.map((s) => s.path);
const section = (d: ParsedDocument, path: string) => {
  const s = d.sections.find((x) => x.path === path);
  if (!s) throw new Error(`không có mục ${JSON.stringify(path)} trong ${JSON.stringify(paths(d))}`);
  return s;
};
const bodyText = (d: ParsedDocument) => d.sections.map((s) => `${s.title ?? ""}\n${s.text}`).join("\n");

/** A small complete body, to put under a header or above a signature. */
const BODY = `Thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị, Ban Thường vụ xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, đảng viên về khoa học và công nghệ.

II. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc.`;

const SIGNATURE = `Nơi nhận:
- Như trên,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn An`;

describe("header", () => {
  it("as a Markdown table: issuer (the standing committee it is signed for), number, place and date from the cells", () => {
    const d = parse(`| TỈNH ỦY BẮC NINH | ĐẢNG CỘNG SẢN VIỆT NAM |
| :---- | :---- |
| Số 12-KH/TU | Bắc Ninh, ngày 5 tháng 3 năm 2024 |

KẾ HOẠCH
thực hiện Kết luận số 69-KL/TW

${BODY}

${SIGNATURE}`);
    expect(d).toMatchObject({
      docType: "Kế hoạch",
      number: "12-KH/TU",
      issuer: "Ban Thường vụ Tỉnh ủy Bắc Ninh",
      place: "Bắc Ninh",
      date: "2024-03-05",
      title: "thực hiện Kết luận số 69-KL/TW",
    });
    expect(d.id).toBe("12-kh-tu");
    expect(paths(d)).toEqual(["", "I", "I.1", "II", "II.1"]);
    expect(d.header).toEqual(expect.arrayContaining(["TỈNH ỦY BẮC NINH", "Số 12-KH/TU", "Bắc Ninh, ngày 5 tháng 3 năm 2024", "KẾ HOẠCH"]));
  });

  it("a table with a second caps row and a decoration row", () => {
    const d = parse(`| TỈNH ỦY BẮC NINH | ĐẢNG CỘNG SẢN VIỆT NAM |
|---|---|
| BAN TUYÊN GIÁO | |
| \\* | |
| Số 07-HD/BTGTU | *Bắc Ninh, ngày 15 tháng 4 năm 2024* |

**HƯỚNG DẪN**
**tuyên truyền Kết luận số 69-KL/TW**

${BODY}`);
    expect(d).toMatchObject({ docType: "Hướng dẫn", number: "07-HD/BTGTU", issuer: "Ban Tuyên giáo Tỉnh ủy Bắc Ninh", date: "2024-04-15" });
    expect(d.title).toBe("tuyên truyền Kết luận số 69-KL/TW");
  });

  it("two caps lines: the unit under its parent committee", () => {
    const d = parse(`TỈNH ỦY BẮC NINH
BAN TUYÊN GIÁO
*
Số 45-CV/BTGTU

ĐẢNG CỘNG SẢN VIỆT NAM

Bắc Ninh, ngày 02 tháng 5 năm 2024

V/v tuyên truyền Kết luận số 69-KL/TW

${BODY}`);
    expect(d.issuer).toBe("Ban Tuyên giáo Tỉnh ủy Bắc Ninh");
    expect(d.docType).toBe("Công văn");
    expect(d.title).toBe("V/v tuyên truyền Kết luận số 69-KL/TW");
  });

  it("header cells flattened onto single lines", () => {
    const d = parse(`TỈNH ỦY BẮC NINH ĐẢNG CỘNG SẢN VIỆT NAM
Số 12-KH/TU Bắc Ninh, ngày 5 tháng 3 năm 2024

KẾ HOẠCH
thực hiện Kết luận số 69-KL/TW

${BODY}`);
    expect(d).toMatchObject({ number: "12-KH/TU", issuer: "Tỉnh ủy Bắc Ninh", place: "Bắc Ninh", date: "2024-03-05", docType: "Kế hoạch" });
  });

  it("a whole header on one line (issuer, star, number, Party name, place and date) is read cell by cell", () => {
    const d = parse(`TỈNH ỦY BẮC NINH BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ * Số 12-TB/BCĐ ĐẢNG CỘNG SẢN VIỆT NAM Bắc Ninh, ngày 16 tháng 01 năm 2026

**THÔNG BÁO**

**KẾT LUẬN CỦA ĐỒNG CHÍ TRƯỞNG BAN CHỈ ĐẠO TẠI PHIÊN HỌP LẦN THỨ TƯ**

${BODY}`);
    expect(d).toMatchObject({ number: "12-TB/BCĐ", place: "Bắc Ninh", date: "2026-01-16", docType: "Thông báo" });
    expect(d.issuer).toMatch(/^Ban Chỉ đạo về phát triển khoa học, công nghệ .*Tỉnh ủy Bắc Ninh$/u);
    expect(d.title).toMatch(/^Kết luận của đồng chí Trưởng ban Chỉ đạo/iu);
    // The central board under the Central Committee, on one line with the rest: "… Trung ương", never the Committee.
    const central = parse(`BAN CHẤP HÀNH TRUNG ƯƠNG BAN TUYÊN GIÁO VÀ DÂN VẬN * Số 08-HD/BTGDVTW ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 03 tháng 4 năm 2025

**HƯỚNG DẪN**
**tuyên truyền Nghị quyết số 57-NQ/TW**

${BODY}`);
    expect(central).toMatchObject({ number: "08-HD/BTGDVTW", issuer: "Ban Tuyên giáo và Dân vận Trung ương", place: "Hà Nội", date: "2025-04-03", docType: "Hướng dẫn" });
    // A line of capitals that is no header (a heading, a sentence with a star) is left as it is.
    const prose = parse(`TỈNH ỦY BẮC NINH
Số 12-KH/TU
Bắc Ninh, ngày 5 tháng 3 năm 2024

KẾ HOẠCH
thực hiện Kết luận số 69-KL/TW

Mục tiêu * được giữ nguyên trong câu này.

${BODY}`);
    expect(bodyText(prose)).toContain("Mục tiêu * được giữ nguyên trong câu này.");
  });

  it("a numbered slogan ending in '!' is the item's text, not a heading's title", () => {
    const d = parse(`TỈNH ỦY BẮC NINH
Số 12-HD/TU
Bắc Ninh, ngày 5 tháng 3 năm 2024

HƯỚNG DẪN
tuyên truyền Nghị quyết số 57-NQ/TW

IV. KHẨU HIỆU TUYÊN TRUYỀN

1. Khoa học, công nghệ là đột phá quan trọng hàng đầu!

2. Toàn dân tham gia chuyển đổi số - Bình dân học vụ số!`);
    expect(section(d, "IV.2")).toMatchObject({ title: null, text: "Toàn dân tham gia chuyển đổi số - Bình dân học vụ số!" });
    expect(section(d, "IV").title).toBe("KHẨU HIỆU TUYÊN TRUYỀN");
  });

  it("a university under its ministry issues in its own name, its place capitalized", () => {
    const d = parse(`| BỘ GIÁO DỤC VÀ ĐÀO TẠO<br>**ĐẠI HỌC HUẾ**<br>------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |
| --- | --- |
| Số: 1265/KH-ĐHH | *Huế, ngày 26 tháng 5 năm 2025* |

**KẾ HOẠCH**

**Triển khai thực hiện Nghị quyết số 57-NQ/TW**

${BODY}`);
    expect(d).toMatchObject({ number: "1265/KH-ĐHH", issuer: "Đại học Huế", place: "Huế", docType: "Kế hoạch" });
    expect(parse(`BỘ GIÁO DỤC VÀ ĐÀO TẠO
TRƯỜNG ĐẠI HỌC CẦN THƠ
Số: 12/KH-ĐHCT
Cần Thơ, ngày 5 tháng 3 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW

${BODY}`).issuer).toBe("Trường Đại học Cần Thơ");
  });

  it("a two-line title is one trích yếu; a caps title is written in sentence case with its codes intact", () => {
    const d = parse(`TỈNH ỦY BẮC NINH
Số 12-KH/TU
Bắc Ninh, ngày 5 tháng 3 năm 2024

KẾ HOẠCH
triển khai thực hiện Kết luận số 69-KL/TW
ngày 11/01/2024 của Bộ Chính trị

${BODY}`);
    expect(d.title).toBe("triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị");
    const caps = parse(`TỈNH ỦY BẮC NINH
Số 12-KH/TU

KẾ HOẠCH
TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 69-KL/TW
CỦA BỘ CHÍNH TRỊ KHÓA XIII

${BODY}`);
    expect(caps.title).toBe("Triển khai thực hiện Kết luận số 69-KL/TW của Bộ Chính trị khóa XIII");
    expect(caps.references.find((r) => r.number === "69-KL/TW")?.relation).toBe("implements");
    // A title's second item after the first one's description, the line wrapped before it.
    const two = parse(`TỈNH ỦY HÒA BẮC
Số 06-CTr/TU

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá
phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia và
Kết luận số 69-KL/TW, ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện
Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương khóa XI

I. MỤC TIÊU

1. Nâng cao nhận thức của cán bộ, đảng viên.`);
    const rel = (n: string) => two.references.find((r) => r.number === n)?.relation;
    // A line that only looks like a header on one line ("… Số 12-KH/TUI.") is running text, kept whole.
    for (const line of ["TỔ CHỨC THỰC HIỆN• Số 12-KH/TUI.", "KẾ HOẠCH NÀY Số: -HD/BTGa)"]) {
      const d = parse(line);
      expect([...d.header, ...d.sections.map((x) => x.text), ...d.closing, ...d.noise].some((t) => t.includes(line)), line).toBe(true);
    }
    expect([rel("57-NQ/TW"), rel("69-KL/TW"), rel("20-NQ/TW")]).toEqual(["implements", "implements", "mentions"]);
  });

  it("'Số: -HD/BTG' has no number: null, never invented; the type comes from the code", () => {
    const d = parse(`BAN TUYÊN GIÁO THÀNH ỦY
Số: -HD/BTG
Từ Sơn, ngày   tháng 5 năm 2024

Căn cứ Hướng dẫn số 101-HD/BTGTU ngày 12/4/2024 của Ban Tuyên giáo Tỉnh ủy, Ban Tuyên giáo Thành ủy hướng dẫn như sau:

I. MỤC ĐÍCH
Nâng cao nhận thức.`, "huong-dan-tu-son.md");
    expect(d.number).toBeNull();
    expect(d.docType).toBe("Hướng dẫn");
    expect(d.date).toBeNull();
    expect(d.place).toBe("Từ Sơn");
    expect(d.id).toBe("huong-dan-tu-son");
    expect(d.references.map((r) => [r.number, r.relation])).toEqual([["101-HD/BTGTU", "implements"]]);
  });

  it("number spacing and dashes are normalized", () => {
    expect(parse(`Số 844 -CV/ĐU\n\nVề việc X\n\n${BODY}`).number).toBe("844-CV/ĐU");
    expect(parse(`Số: 05 – KH/TU\n\nVề việc X\n\n${BODY}`).number).toBe("05-KH/TU");
    expect(parse(`Số:12-CTr/TU\n\nVề việc X\n\n${BODY}`).number).toBe("12-CTr/TU");
  });

  it("Kính gửi list with bullets, and without bullets ending on a full stop", () => {
    const d = parse(`TỈNH ỦY BẮC NINH
Số 30-CV/TU
V/v tuyên truyền

Kính gửi:
- Các huyện ủy, thị ủy, thành ủy;
- Các đảng ủy trực thuộc Tỉnh ủy.

Nội dung đề nghị thực hiện nghiêm túc.`);
    expect(d.recipients).toEqual(["Các huyện ủy, thị ủy, thành ủy", "Các đảng ủy trực thuộc Tỉnh ủy"]);
    expect(section(d, "").text).toBe("Nội dung đề nghị thực hiện nghiêm túc.");
    const plain = parse(`TỈNH ỦY BẮC NINH
Số 30-CV/TU

Kính gửi: Ban Tuyên giáo Tỉnh ủy,
Văn phòng Tỉnh ủy,
Sở Khoa học và Công nghệ.

Nội dung công văn.`);
    expect(plain.recipients).toEqual(["Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy", "Sở Khoa học và Công nghệ"]);
    expect(section(plain, "").text).toBe("Nội dung công văn.");
  });

  it("a caps trích yếu without a type word is the title, not part of the issuer", () => {
    const d = parse(`TỈNH ỦY BẮC NINH
Số 12-KH/TU
Bắc Ninh, ngày 5 tháng 3 năm 2024

TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 69-KL/TW NGÀY 11/01/2024 CỦA BỘ CHÍNH TRỊ

${BODY}`);
    expect(d.issuer).toBe("Tỉnh ủy Bắc Ninh");
    expect(d.docType).toBe("Kế hoạch");
    expect(d.title).toBe("Triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị");
  });

  it("a unit named after its province: 'TỈNH ỦY X / ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH'", () => {
    const d = parse(`TỈNH ỦY THÁI NGUYÊN
ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
Số 30-KH/ĐUK

${BODY}`);
    expect(d.issuer).toBe("Đảng ủy Khối các cơ quan tỉnh Thái Nguyên");
    const bo = parse(`ĐẢNG BỘ TỈNH BẮC NINH
HUYỆN ỦY GIA BÌNH
Số 5-CV/HU

${BODY}`);
    expect(bo.issuer).toBe("Huyện ủy Gia Bình tỉnh Bắc Ninh");
  });

  it("a central document is issued by the body it is signed for", () => {
    const d = parse(`| BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |
| :---- | :---- |
| Số 35-CT/TW | Hà Nội, ngày 14 tháng 6 năm 2024 |

CHỈ THỊ
CỦA BỘ CHÍNH TRỊ
về đại hội đảng bộ các cấp

${BODY}

T/M BỘ CHÍNH TRỊ
(Đã ký)
Trương Thị Mai`);
    expect(d).toMatchObject({ docType: "Chỉ thị", number: "35-CT/TW", issuer: "Bộ Chính trị", date: "2024-06-14" });
    expect(d.title).toBe("về đại hội đảng bộ các cấp"); // as written; the conference/body line before it is not the trích yếu
  });

  it("a Markdown title line names the document without being its header", () => {
    const d = parse(`# Chỉ thị số 35-CT/TW

Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về tổ chức đại hội đảng bộ các cấp

Đại hội đảng bộ các cấp là sự kiện chính trị quan trọng.

**1\\. Công tác chuẩn bị**

Chuẩn bị kỹ lưỡng.`);
    expect(d).toMatchObject({ docType: "Chỉ thị", number: "35-CT/TW", issuer: "Bộ Chính trị", date: "2024-06-14" });
    expect(d.title).toBe("Về tổ chức đại hội đảng bộ các cấp");
    expect(paths(d)).toEqual(["", "1"]);
    expect(section(d, "1").title).toBe("Công tác chuẩn bị");
  });
});

describe("numbering styles and section paths", () => {
  it("Roman 'II-' and escaped Markdown markers '1\\.'", () => {
    const d = parse(`I- MỤC ĐÍCH

1\\. Nâng cao nhận thức của cán bộ, đảng viên.

2\\. Tạo chuyển biến trong hành động.

II- NHIỆM VỤ

1\\- Tăng cường sự lãnh đạo của Đảng.`);
    expect(paths(d)).toEqual(["I", "I.1", "I.2", "II", "II.1"]);
    expect(section(d, "I").title).toBe("MỤC ĐÍCH");
    expect(section(d, "I.1").text).toBe("Nâng cao nhận thức của cán bộ, đảng viên.");
    expect(section(d, "II.1").text).toBe("Tăng cường sự lãnh đạo của Đảng.");
  });

  it("a Party programme's parts 'PHẦN I' / 'PHẦN THỨ HAI', each with its title on the next line, numbered as Roman sections", () => {
    const d = parse(`PHẦN I
TÌNH HÌNH THỰC HIỆN

1. Kết quả đạt được.

PHẦN THỨ HAI
QUAN ĐIỂM, MỤC TIÊU

1. Quan điểm chung của tỉnh.

2. Mục tiêu đến năm 2030

a) Quy mô kinh tế số đạt tối thiểu 25% GRDP.

Phần III. Tổ chức thực hiện

1. Văn phòng Tỉnh ủy theo dõi, đôn đốc.

Phần năm 2025 còn lại dành cho các huyện.`);
    expect(paths(d)).toEqual(["I", "I.1", "II", "II.1", "II.2", "II.2.a", "III", "III.1"]);
    expect(section(d, "I").title).toBe("TÌNH HÌNH THỰC HIỆN");
    expect(section(d, "II").title).toBe("QUAN ĐIỂM, MỤC TIÊU");
    expect(section(d, "II.2.a").text).toBe("Quy mô kinh tế số đạt tối thiểu 25% GRDP.");
    expect(section(d, "III").title).toBe("Tổ chức thực hiện");
    expect(section(d, "III.1").text).toContain("Phần năm 2025 còn lại");
  });

  it("capital parts A-/B-, Roman, Arabic and decimal: 'B.III.2.1'", () => {
    const d = parse(`**A- TÌNH HÌNH**

Nội dung đánh giá.

**B- NHIỆM VỤ**

I- QUAN ĐIỂM

Quan điểm chung.

III- GIẢI PHÁP

**2- Đổi mới cơ chế**

**2.1- Đổi mới cơ chế quản lý**

Nội dung 2.1.

**2.2- Đổi mới tổ chức**

Nội dung 2.2.`);
    expect(paths(d)).toEqual(["A", "B", "B.I", "B.III", "B.III.2", "B.III.2.1", "B.III.2.2"]);
    expect(section(d, "B.III.2.1")).toEqual({ path: "B.III.2.1", title: "Đổi mới cơ chế quản lý", text: "Nội dung 2.1." });
  });

  it("decimal '2.1.' numbering and 'a)' items under decimal and Arabic items", () => {
    const d = parse(`I. MỤC TIÊU

1. Mục tiêu chung

Phát triển khoa học và công nghệ.

2. Mục tiêu cụ thể

a) Đến năm 2025, tỷ lệ đạt 50%.

b) Đến năm 2030, tỷ lệ đạt 80%.

II. NHIỆM VỤ

1. Nhiệm vụ chung

1.1. Tăng cường lãnh đạo

a) Các cấp ủy quán triệt nội dung.

b) Đẩy mạnh tuyên truyền.

1.2. Hoàn thiện thể chế

Rà soát văn bản.

2.1. Nhiệm vụ không có mục cha

Nội dung.

đ) Mục chữ đ.`);
    expect(paths(d)).toEqual([
      "I",
      "I.1",
      "I.2",
      "I.2.a",
      "I.2.b",
      "II",
      "II.1",
      "II.1.1",
      "II.1.1.a",
      "II.1.1.b",
      "II.1.2",
      "II.2.1",
      "II.2.1.đ",
    ]);
    expect(section(d, "I.2.a").text).toBe("Đến năm 2025, tỷ lệ đạt 50%.");
    expect(section(d, "II.1.1").title).toBe("Tăng cường lãnh đạo");
  });

  it("top-level Arabic numbering with decimal sub-items: '5', '5.2'", () => {
    const d = parse(`Mở đầu văn bản.

1. Công tác tuyên truyền

1.1. Nội dung tuyên truyền

Tuyên truyền rộng rãi.

5. Tổ chức thực hiện

5.2- Giao Văn phòng theo dõi.`);
    expect(paths(d)).toEqual(["", "1", "1.1", "5", "5.2"]);
  });

  it("bullets '-', '\\-', '*', '•', '+' stay inside their item", () => {
    const d = parse(`I. NHIỆM VỤ

1. Tuyên truyền

- Gạch đầu dòng thường.
\\- Gạch đầu dòng thoát Markdown.
* Dấu sao Markdown.
• Dấu chấm tròn.
+ Dấu cộng.

2. Kiểm tra

* Kiểm tra định kỳ.`);
    expect(paths(d)).toEqual(["I", "I.1", "I.2"]);
    expect(section(d, "I.1").text.split("\n")).toEqual([
      "- Gạch đầu dòng thường.",
      "- Gạch đầu dòng thoát Markdown.",
      "* Dấu sao Markdown.",
      "• Dấu chấm tròn.",
      "+ Dấu cộng.",
    ]);
    expect(section(d, "I.2").text).toBe("* Kiểm tra định kỳ.");
  });

  it("'1/' and 'a/' markers, other bullet glyphs", () => {
    const d = parse(`I. NHIỆM VỤ

1/ Tuyên truyền

a/ Nội dung tuyên truyền.

◦ Ý thứ nhất.
➢ Ý thứ hai.

2/ Kiểm tra

Ngày 1/6/2024 kiểm tra.`);
    expect(paths(d)).toEqual(["I", "I.1", "I.1.a", "I.2"]);
    expect(section(d, "I.1.a").text.split("\n")).toEqual(["Nội dung tuyên truyền.", "◦ Ý thứ nhất.", "➢ Ý thứ hai."]);
  });

  it("a task table in the body: each row a section under the part, one assignment per row", () => {
    const d = parse(`III. PHÂN CÔNG

| TT | Nội dung | Cơ quan chủ trì |
| :-- | :-- | :-- |
| 1 | Tuyên truyền Kết luận | Ban Tuyên giáo Tỉnh ủy |
| 2 | Rà soát chính sách | Sở Khoa học và Công nghệ |`);
    expect(paths(d)).toEqual(["III", "III.1", "III.2"]);
    // The header row stays with the part; each row keeps its cells together, verbatim.
    expect(section(d, "III").text).toBe("TT | Nội dung | Cơ quan chủ trì");
    expect(section(d, "III.2").text).toBe("Rà soát chính sách | Sở Khoa học và Công nghệ");
    expect(d.assignments.map((a) => [a.section, a.assignee, a.role, a.task, a.source])).toEqual([
      ["III.1", "Ban Tuyên giáo Tỉnh ủy", "chủ trì", "Tuyên truyền Kết luận", "table"],
      ["III.2", "Sở Khoa học và Công nghệ", "chủ trì", "Rà soát chính sách", "table"],
    ]);
    expect(d.noise).toEqual([]);
  });

  it("a table of figures without a body column stays text", () => {
    const d = parse(`II. MỤC TIÊU

| TT | Chỉ số | Năm 2025 |
| :-- | :-- | :-- |
| 1 | Tỷ lệ dân số có tài khoản | 80% |
| 2 | Tỷ lệ hồ sơ trực tuyến | 60% |`);
    expect(paths(d)).toEqual(["II"]);
    expect(section(d, "II").text.split("\n")).toEqual(["TT | Chỉ số | Năm 2025", "1 | Tỷ lệ dân số có tài khoản | 80%", "2 | Tỷ lệ hồ sơ trực tuyến | 60%"]);
    expect(d.assignments).toEqual([]);
  });


  it("Markdown headings and bold headings", () => {
    const d = parse(`## I. MỤC ĐÍCH, YÊU CẦU

### **1. Mục đích**

Nâng cao nhận thức.

## **II. NỘI DUNG**

**1. Nội dung trọng tâm**

Tập trung.`);
    expect(paths(d)).toEqual(["I", "I.1", "II", "II.1"]);
    expect(section(d, "I").title).toBe("MỤC ĐÍCH, YÊU CẦU");
    expect(section(d, "I.1").title).toBe("Mục đích");
    expect(section(d, "II.1").title).toBe("Nội dung trọng tâm");
  });

  it("an item opening with a short label and a colon: the label is its title", () => {
    const d = parse(`I- MỤC TIÊU
1- Mục tiêu chung: Phát triển khoa học, công nghệ trở thành động lực phát triển của xã.
2- Ban Thường vụ Tỉnh ủy yêu cầu: các cấp ủy thực hiện nghiêm túc.`);
    expect(section(d, "I.1")).toEqual({ path: "I.1", title: "Mục tiêu chung", text: "Phát triển khoa học, công nghệ trở thành động lực phát triển của xã." });
    expect(section(d, "I.2").title).toBeNull();
  });

  it("a PDF's hard-wrapped lines are joined into their paragraph", () => {
    const d = parse(`Căn cứ Kế hoạch số 88-KH/HU ngày 25/3/2024 của Ban Thường vụ Huyện ủy Đại Từ về
thực hiện Kết luận số 69-KL/TW của Bộ Chính trị; Đảng ủy xã Hùng Sơn xây dựng Chương
trình hành động như sau:
I- MỤC TIÊU
1- Phát triển khoa học, công nghệ và đổi mới sáng tạo trở thành động lực quan trọng
phát triển kinh tế - xã hội của xã.`);
    expect(paths(d)).toEqual(["", "I", "I.1"]);
    expect(section(d, "").text).toMatch(/^Căn cứ .* Chương trình hành động như sau:$/);
    expect(section(d, "I.1").text).toBe("Phát triển khoa học, công nghệ và đổi mới sáng tạo trở thành động lực quan trọng phát triển kinh tế - xã hội của xã.");
    expect(d.references.map((r) => [r.number, r.relation])).toEqual([
      ["88-KH/HU", "implements"],
      ["69-KL/TW", "mentions"],
    ]);
    expect(d.links).toEqual([{ from: "88-KH/HU", to: "69-KL/TW" }]);
  });

  it("numbers in running text are not headings", () => {
    const d = parse(`I. MỤC TIÊU

Phấn đấu đến năm 2030:
2024 là năm bản lề.
1.500 cán bộ được tập huấn.
20-NQ/TW là nghị quyết quan trọng.`);
    expect(paths(d)).toEqual(["I"]);
    expect(section(d, "I").text.split("\n")).toHaveLength(4);
  });
});

describe("page breaks and page numbers", () => {
  it("a page number at the top of the text is noise too", () => {
    const d = parse(`1\n\nTỈNH ỦY BẮC NINH\nSố 12-KH/TU\n\n${BODY}`);
    expect(d.noise).toEqual(["1"]);
    expect(d.issuer).toBe("Tỉnh ủy Bắc Ninh");
  });

  it("'- 2 -', 'Trang 3' and a bare '4' between paragraphs are noise", () => {
    const d = parse(`I. MỤC ĐÍCH

1. Nâng cao nhận thức.

- 2 -

2. Tạo chuyển biến.

Trang 3

3. Thống nhất hành động.

4

II. NỘI DUNG

Nội dung.`);
    expect(paths(d)).toEqual(["I", "I.1", "I.2", "I.3", "II"]);
    expect(d.noise).toEqual(["- 2 -", "Trang 3", "4"]);
    expect(bodyText(d)).not.toMatch(/Trang 3|- 2 -/);
    expect(section(d, "I.3").text).toBe("Thống nhất hành động.");
  });

  it("a sentence split by a page break is joined back, with or without a page number inside", () => {
    const d = parse(`I. NHIỆM VỤ

1. Rà soát văn bản pháp luật về khoa học, công nghệ và đổi mới sáng tạo, bảo đảm đồng bộ và

thống nhất trong toàn tỉnh.

2. Xây dựng chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030, tầm nhìn

- 5 -

đến năm 2045.

3. Phối hợp với các cơ quan của Ban Chấp hành Trung ương và

Trang 6

Ban Tuyên giáo Tỉnh ủy trong công tác tuyên truyền.`);
    expect(section(d, "I.1").text).toBe("Rà soát văn bản pháp luật về khoa học, công nghệ và đổi mới sáng tạo, bảo đảm đồng bộ và thống nhất trong toàn tỉnh.");
    expect(section(d, "I.2").text).toBe("Xây dựng chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030, tầm nhìn đến năm 2045.");
    expect(section(d, "I.3").text).toBe("Phối hợp với các cơ quan của Ban Chấp hành Trung ương và Ban Tuyên giáo Tỉnh ủy trong công tác tuyên truyền.");
    expect(d.noise).toEqual(["- 5 -", "Trang 6"]);
  });

  it("a heading line is not glued to the paragraph before it", () => {
    const d = parse(`I. MỤC ĐÍCH

Nâng cao nhận thức của địa phương, đơn vị

II. NỘI DUNG

Nội dung.`);
    expect(section(d, "I").text).toBe("Nâng cao nhận thức của địa phương, đơn vị");
    expect(section(d, "II").title).toBe("NỘI DUNG");
  });
});

describe("Vietnamese text forms", () => {
  const DOC = `TỈNH ỦY QUẢNG NGÃI
Số 2018-CV/TU
Quảng Ngãi, ngày 22 tháng 02 năm 2024
Về triển khai thực hiện Kết luận số 69-KL/TW

Kính gửi: Ban Tuyên giáo Tỉnh ủy

Để triển khai thực hiện có hiệu quả Kết luận số 69-KL/TW về công nghiệp hóa, hiện đại hóa, Ban Thường vụ Tỉnh ủy yêu cầu:

1. Đảng đoàn Hội đồng nhân dân tỉnh

Lãnh đạo, chỉ đạo hoàn thiện chính sách xã hội hóa.

2. Ban Tuyên giáo Tỉnh ủy

Chủ trì, phối hợp với Sở Khoa học và Công nghệ theo dõi, báo cáo Ban Thường vụ Tỉnh ủy.

Nơi nhận:
- Như trên,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Đặng Ngọc Huy`;

  it("NFD input gives the same model as NFC", () => {
    const nfc = parse(DOC.normalize("NFC"));
    const nfd = parse(DOC.normalize("NFD"));
    expect(nfd).toEqual(nfc);
    expect(nfc.issuer).toBe("Tỉnh ủy Quảng Ngãi");
    expect(nfc.assignments.map((a) => [a.section, a.assignee, a.role])).toEqual([
      ["1", "Đảng đoàn Hội đồng nhân dân tỉnh", "thực hiện"],
      ["2", "Ban Tuyên giáo Tỉnh ủy", "chủ trì"],
    ]);
  });

  it("'hoá/uỷ' and 'hóa/ủy' give the same model up to the tone convention", () => {
    const other = DOC.replace(/ủy/g, "uỷ").replace(/ỦY/g, "UỶ").replace(/hóa/g, "hoá");
    expect(other).not.toBe(DOC);
    const a = parse(DOC);
    const b = parse(other);
    const norm = (d: ParsedDocument) => JSON.parse(normalizeVi(JSON.stringify(d))) as unknown;
    expect(norm(b)).toEqual(norm(a));
    expect(b.issuer).toBe("Tỉnh uỷ Quảng Ngãi");
    expect(b.signer?.capacity).toBe("T/M Ban Thường vụ");
    expect(b.assignments).toHaveLength(2);
  });

  it("the look-alike 'Ð' (U+00D0) is read as 'Đ'", () => {
    const d = parse(`ÐẢNG ỦY SỞ GIÁO DỤC VÀ ÐÀO TẠO
Số 844-CV/ÐU
Về thực hiện Kết luận số 69-KL/TW

Ðổi mới tư duy.`);
    expect(d.number).toBe("844-CV/ĐU");
    expect(d.issuer).toBe("Đảng ủy Sở Giáo dục và Đào tạo");
    expect(section(d, "").text).toBe("Đổi mới tư duy.");
  });

  it("zero-width characters, non-breaking spaces and CRLF line ends", () => {
    const d = parse("I.\u00A0MỤC\u200B ĐÍCH\r\n\r\n1. Nâng\u00A0cao nhận thức.\r\n");
    expect(paths(d)).toEqual(["I", "I.1"]);
    expect(section(d, "I").title).toBe("MỤC ĐÍCH");
    expect(section(d, "I.1").text).toBe("Nâng cao nhận thức.");
  });
});

describe("closing block", () => {
  it("Nơi nhận and the signature are metadata, not sections; 'Trên đây là…' too", () => {
    const d = parse(`${BODY}

Trên đây là Kế hoạch thực hiện Kết luận số 69-KL/TW, đề nghị các cơ quan thực hiện./.

${SIGNATURE}`);
    expect(paths(d)).toEqual(["", "I", "I.1", "II", "II.1"]);
    expect(d.signer).toEqual({ name: "Nguyễn Văn An", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" });
    expect(d.recipients).toEqual(["Lưu Văn phòng Tỉnh ủy"]);
    expect(d.closing[0]).toMatch(/^Trên đây là/);
    expect(bodyText(d)).not.toMatch(/Nơi nhận|Nguyễn Văn An|Trên đây/);
  });

  it("a signature laid out with tabs whose last line has an empty left column, and '[đã ký]' in brackets", () => {
    const d = parse(`${BODY}

Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Như trên;\tKT. CHỦ TỊCH
- CT, các PCT UBND tỉnh;\tPHÓ CHỦ TỊCH
- CVP, PCVP Vũ Ngọc Sơn;\t[đã ký]
- Lưu: VT, KGVX.
\tHồ Thị Thu Hằng`);
    expect(d.signer).toEqual({ name: "Hồ Thị Thu Hằng", capacity: "TM. Ủy ban nhân dân", title: "Phó Chủ tịch" });
    expect(d.recipients).toContain("Lưu: VT, KGVX");
    expect(bodyText(d)).not.toMatch(/Hồ Thị Thu Hằng|đã ký/);
  });

  it("an OCR leftover word before the signer's name is not the name", () => {
    const d = parse(`${BODY}

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Carol
Nguyễn Huỳnh Long`);
    expect(d.signer).toEqual({ name: "Nguyễn Huỳnh Long", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư Thường trực" });
    expect(d.closing).toContain("Carol");
    // In lower case, after blank lines: not the title's continuation either.
    const lower = parse(`${BODY}

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC



hoa
Trần Đình Khang`);
    expect(lower.signer).toEqual({ name: "Trần Đình Khang", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư Thường trực" });
  });

  it("the signature's mark left bare by OCR after the title ('ky' in the right column) is not part of the title", () => {
    const d = parse(`${BODY}

Nơi nhận:                                         T/M BAN THƯỜNG VỤ
- Thường trực Tỉnh uỷ (b/c),                  PHÓ BÍ THƯ THƯỜNG TRỰC
- Văn phòng Tỉnh uỷ,
- Các đ/c Thị uỷ viên,                                    ky
- Lưu Văn phòng Thị uỷ.                                Mai Văn Hùng`);
    expect(d.signer).toEqual({ name: "Mai Văn Hùng", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư Thường trực" });
  });

  it.each([
    ["K/T BÍ THƯ\nPHÓ BÍ THƯ", "K/T Bí thư", "Phó Bí thư"],
    ["K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC", "K/T Trưởng ban", "Phó Trưởng ban Thường trực"],
    ["TL. BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG", "TL. Ban Thường vụ", "Chánh Văn phòng"],
    ["TL BAN THƯỜNG VỤ\nPHÓ CHÁNH VĂN PHÒNG", "TL Ban Thường vụ", "Phó Chánh Văn phòng"],
    ["TM. BAN CHẤP HÀNH\nBÍ THƯ", "TM. Ban Chấp hành", "Bí thư"],
    ["T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nTHƯỜNG TRỰC", "T/M Ban Thường vụ", "Phó Bí thư Thường trực"],
    ["T/M BỘ CHÍNH TRỊ", "T/M Bộ Chính trị", ""],
  ])("signing capacity %j", (block, capacity, title) => {
    const d = parse(`${BODY}\n\nNơi nhận:\n- Lưu VT.\n\n${block}\n\n(Đã ký)\n\nLê Thị Hoa`);
    expect(d.signer).toEqual({ name: "Lê Thị Hoa", capacity, title });
    expect(paths(d)).toEqual(["", "I", "I.1", "II", "II.1"]);
  });

  it("a signature in a Markdown table, next to the Nơi nhận list", () => {
    const d = parse(`${BODY}

| *Nơi nhận:* | T/M BAN THƯỜNG VỤ |
| :---- | :---- |
| - Ban Tuyên giáo Trung ương (b/c), | PHÓ BÍ THƯ |
| - Lưu VT. | |
| | **Nguyễn Văn An** |`);
    expect(d.signer).toEqual({ name: "Nguyễn Văn An", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" });
    expect(d.recipients).toEqual(["Ban Tuyên giáo Trung ương (b/c)", "Lưu VT"]);
    expect(paths(d)).toEqual(["", "I", "I.1", "II", "II.1"]);
  });

  it("a one-cell signature: capacity, title, '(Đã ký)' and the name on one line", () => {
    const d = parse(`${BODY}

| Nơi nhận: - Như trên, - Lưu VT. | T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ *(Đã ký)* Nguyễn Văn An |
| :---- | :---- |`);
    expect(d.signer).toEqual({ name: "Nguyễn Văn An", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" });
    expect(d.recipients).toEqual(["Lưu VT"]);
  });

  it("line breaks inside table cells ('<br>')", () => {
    const d = parse(`${BODY}

| **Nơi nhận:**<br>- Như trên,<br>- Lưu VT. | **T/M BAN THƯỜNG VỤ**<br>**PHÓ BÍ THƯ**<br><br>Nguyễn Văn An |
| :---- | :---- |`);
    expect(d.signer).toEqual({ name: "Nguyễn Văn An", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" });
    expect(d.recipients).toEqual(["Lưu VT"]);
  });

  it("a signing block written in sentence case", () => {
    const d = parse(`${BODY}\n\nT/M Ban Thường vụ\nPhó Bí thư\n\nNguyễn Văn An`);
    expect(d.signer).toEqual({ name: "Nguyễn Văn An", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" });
    const one = parse(`${BODY}\n\nK/T Trưởng ban Phó Trưởng ban Nguyễn Thị Lan`);
    expect(one.signer).toEqual({ name: "Nguyễn Thị Lan", capacity: "K/T Trưởng ban", title: "Phó Trưởng ban" });
  });

  it("a name in capitals", () => {
    const d = parse(`${BODY}\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNGUYỄN VĂN AN`);
    expect(d.signer).toEqual({ name: "Nguyễn Văn An", capacity: "T/M Ban Thường vụ", title: "Bí thư" });
  });
});

describe("references", () => {
  it("implements after 'Thực hiện…' / 'Căn cứ…', mentions otherwise; chain links between cited documents", () => {
    const d = parse(`Căn cứ Công văn số 115-CV/BTGTU ngày 04/4/2024 của Ban Tuyên giáo Thành ủy về thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị;

Thực hiện Kế hoạch số 7-KH/TU ngày 3 tháng 5 năm 2024 của Ban Thường vụ Tỉnh ủy, Đảng ủy Khối hướng dẫn như sau:

I. NỘI DUNG

Gắn với Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII và Báo cáo số 287-BC/TU.`);
    const byNumber = Object.fromEntries(d.references.map((r) => [r.number, r]));
    expect(Object.keys(byNumber).sort()).toEqual(["115-CV/BTGTU", "287-BC/TU", "29-NQ/TW", "69-KL/TW", "7-KH/TU"]);
    expect(byNumber["115-CV/BTGTU"]).toEqual({
      number: "115-CV/BTGTU",
      docType: "Công văn",
      date: "2024-04-04",
      // The date as the text writes it, for citing to the letter.
      dateText: "04/4/2024",
      issuer: "Ban Tuyên giáo Thành ủy",
      relation: "implements",
    });
    expect(byNumber["7-KH/TU"]).toMatchObject({ docType: "Kế hoạch", date: "2024-05-03", issuer: "Ban Thường vụ Tỉnh ủy", relation: "implements" });
    expect(byNumber["69-KL/TW"]).toMatchObject({ relation: "mentions", issuer: "Bộ Chính trị", date: "2024-01-11" });
    expect(byNumber["29-NQ/TW"]).toMatchObject({ relation: "mentions", date: "2022-11-17" });
    expect(byNumber["287-BC/TU"]).toMatchObject({ relation: "mentions", docType: "Báo cáo", date: null });
    expect(d.links).toEqual([{ from: "115-CV/BTGTU", to: "69-KL/TW" }]);
  });

  it("a title 'Kế hoạch thực hiện…' implements what it names", () => {
    const d = parse(`TỈNH ỦY BẮC NINH
Số 12-KH/TU

KẾ HOẠCH
thực hiện Chương trình hành động số 56-CTr/TU của Ban Thường vụ Tỉnh ủy

Nội dung.`);
    expect(d.references).toEqual([
      { number: "56-CTr/TU", docType: "Chương trình hành động", date: null, dateText: null, issuer: "Ban Thường vụ Tỉnh ủy", relation: "implements" },
    ]);
  });

  it("a bare 'Nghị quyết số 20 ngày…' resolves to 20-NQ/TW (from the same text, or a central issuer)", () => {
    const same = parse(`Thực hiện Nghị quyết số 20 ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khóa XI.

I. NỘI DUNG

Quán triệt Nghị quyết số 20-NQ/TW.`);
    expect(same.references.map((r) => r.number)).toEqual(["20-NQ/TW"]);
    expect(same.references[0]).toMatchObject({ relation: "implements", date: "2012-11-01" });
    const central = parse(`Thực hiện Nghị quyết số 20 ngày 01 tháng 11 năm 2012 của Ban Chấp hành Trung ương Đảng khóa XI, Ban Thường vụ yêu cầu:`);
    expect(central.references.map((r) => r.number)).toEqual(["20-NQ/TW"]);
    // A local issuer gives no code: the bare number stays bare rather than invented.
    const local = parse(`Thực hiện Kế hoạch số 15 ngày 02/3/2024 của Ban Thường vụ Huyện ủy, Chi bộ triển khai như sau:`);
    expect(local.references.map((r) => r.number)).toEqual(["15"]);
  });

  it("the document's own number is not one of its references", () => {
    const d = parse(`TỈNH ỦY BẮC NINH
Số 12-KH/TU

KẾ HOẠCH
thực hiện Kết luận số 69-KL/TW

Kế hoạch số 12-KH/TU được triển khai đến chi bộ.`);
    expect(d.references.map((r) => r.number)).toEqual(["69-KL/TW"]);
  });
});

describe("assignments", () => {
  it("PHÂN CÔNG NHIỆM VỤ: chủ trì, partners, report and deadline", () => {
    const d = parse(`I. MỤC ĐÍCH

Nâng cao nhận thức.

II. PHÂN CÔNG NHIỆM VỤ

1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Khoa học và Công nghệ, Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 30/6/2024.

2. Đảng đoàn Hội đồng nhân dân tỉnh phối hợp với Ban cán sự đảng Ủy ban nhân dân tỉnh rà soát chính sách.

3. Giao Văn phòng Tỉnh ủy: bố trí kinh phí thực hiện.

4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và Tỉnh Đoàn tuyên truyền sâu rộng.

5. Các sở, ngành, địa phương căn cứ chức năng, nhiệm vụ tổ chức thực hiện; báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo) trong quý IV/2024.`);
    const rows = d.assignments.map(({ section, assignee, role, partners, reportTo, deadline }) => ({ section, assignee, role, partners, reportTo, deadline, task: undefined }));
    expect(d.assignments[0]!.due).toMatchObject({ kind: "date", due: "2024-06-30" });
    expect(d.assignments.every((a) => a.source === "prose")).toBe(true);
    expect(rows).toEqual([
      {
        section: "II.1",
        assignee: "Ban Tuyên giáo Tỉnh ủy",
        role: "chủ trì",
        partners: ["Sở Khoa học và Công nghệ", "Văn phòng Tỉnh ủy"],
        reportTo: "Ban Thường vụ Tỉnh ủy",
        deadline: "trước ngày 30/6/2024",
        task: undefined,
      },
      {
        section: "II.2",
        assignee: "Đảng đoàn Hội đồng nhân dân tỉnh",
        role: "phối hợp",
        partners: ["Ban cán sự đảng Ủy ban nhân dân tỉnh"],
        reportTo: null,
        deadline: null,
        task: undefined,
      },
      { section: "II.3", assignee: "Văn phòng Tỉnh ủy", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: undefined },
      { section: "II.4", assignee: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: undefined },
      { section: "II.4", assignee: "Tỉnh Đoàn", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: undefined },
      {
        section: "II.5",
        assignee: "Các sở, ngành, địa phương",
        role: "thực hiện",
        partners: [],
        reportTo: "Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo)",
        deadline: "trong quý IV/2024",
        task: undefined,
      },
    ]);
    expect(d.assignments[0]!.task).toMatch(/^chủ trì, phối hợp với Sở Khoa học và Công nghệ/);
  });

  it("items headed by the body's name, with bullets of tasks; a bullet that opens with a verb is not a body", () => {
    const d = parse(`III. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy

- Tổ chức quán triệt Kết luận đến cán bộ, đảng viên.
- Chủ trì, phối hợp với các cơ quan liên quan kiểm tra, giám sát.

2. Các huyện ủy, thị ủy, thành ủy

- Lãnh đạo, chỉ đạo xây dựng kế hoạch.

3. Ban Tổ chức Tỉnh ủy và Ban Dân vận Tỉnh ủy phối hợp thực hiện.`);
    // One row per duty under the heading: "Tổ chức quán triệt …" is the verb "organise", not a body.
    expect(d.assignments.map((a) => [a.section, a.assignee, a.role])).toEqual([
      ["III.1", "Ban Tuyên giáo Tỉnh ủy", "thực hiện"],
      ["III.1", "Ban Tuyên giáo Tỉnh ủy", "chủ trì"],
      ["III.2", "Các huyện ủy, thị ủy, thành ủy", "thực hiện"],
      ["III.3", "Ban Tổ chức Tỉnh ủy", "phối hợp"],
      ["III.3", "Ban Dân vận Tỉnh ủy", "phối hợp"],
    ]);
    expect(d.assignments[1]!.partners).toEqual(["các cơ quan liên quan"]);
  });

  it("paragraphs and bullets of a TỔ CHỨC THỰC HIỆN part without numbered items", () => {
    const d = parse(`II. TỔ CHỨC THỰC HIỆN

- Các chi bộ trực thuộc nghiên cứu, quán triệt Kết luận.
- Tổ chức sơ kết hằng năm.
- Văn phòng Đảng ủy theo dõi, báo cáo Ban Thường vụ Đảng ủy.`);
    expect(d.assignments.map((a) => [a.assignee, a.reportTo])).toEqual([
      ["Các chi bộ trực thuộc", null],
      ["Văn phòng Đảng ủy", "Ban Thường vụ Đảng ủy"],
    ]);
    // A bullet without its own body continues the task of the one before it.
    expect(d.assignments[0]!.task).toContain("Tổ chức sơ kết hằng năm");
  });

  it("without an assigning part, numbered items that open with a body are addressed to it", () => {
    const d = parse(`Để triển khai Kết luận số 69-KL/TW, Ban Thường vụ Tỉnh ủy yêu cầu:

1. Nâng cao nhận thức của cán bộ, đảng viên.

2. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền, báo cáo Thường trực Tỉnh ủy.

3. Sở Khoa học và Công nghệ tham mưu cơ chế, chính sách.`);
    expect(d.assignments.map((a) => [a.section, a.assignee, a.role, a.reportTo])).toEqual([
      ["2", "Ban Tuyên giáo Tỉnh ủy", "chủ trì", "Thường trực Tỉnh ủy"],
      ["3", "Sở Khoa học và Công nghệ", "thực hiện", null],
    ]);
  });

  it("no assignments outside an assigning part when the document has one", () => {
    const d = parse(`I. MỤC ĐÍCH

1. Ban Tuyên giáo Tỉnh ủy là cơ quan thường trực.

II. TỔ CHỨC THỰC HIỆN

1. Văn phòng Tỉnh ủy bảo đảm kinh phí.`);
    expect(d.assignments.map((a) => a.section)).toEqual(["II.1"]);
  });
});

describe("metadata sidecar", () => {
  it("every stated field wins; the model shares no object with the metadata", () => {
    const meta = {
      number: "69-KL/TW",
      issuer: "Bộ Chính trị",
      date: "2024-01-11",
      place: "Hà Nội",
      signer: { name: "Trương Thị Mai", capacity: "T/M Bộ Chính trị", title: "" },
      recipients: ["Các tỉnh uỷ, thành uỷ"],
    };
    const frozen = JSON.stringify(meta);
    const d = parseDocument(`Về tiếp tục thực hiện Kết luận số 69-KL/TW và Nghị quyết số 20-NQ/TW.\n\n1. Nội dung.`, "kl.md", meta);
    expect(d).toMatchObject({ number: "69-KL/TW", issuer: "Bộ Chính trị", date: "2024-01-11", place: "Hà Nội", id: "69-kl-tw" });
    // Its own number is not a reference.
    expect(d.references.map((r) => r.number)).toEqual(["20-NQ/TW"]);
    d.signer!.name = "x";
    d.recipients.push("y");
    expect(JSON.stringify(meta)).toBe(frozen);
  });

  it("number: null states that the document has none", () => {
    const d = parseDocument(`Số 12-KH/TU\n\nVề việc X\n\nNội dung.`, "kh.md", { number: null });
    expect(d.number).toBeNull();
    expect(d.id).toBe("kh");
  });
});

describe("robustness", () => {
  it.each([[""], ["   \n\n  "], ["|"], ["**"], ["#"], ["\\"], ["Số:"], ["Nơi nhận:"], ["T/M"], ["1."], ["I."], ["a)"], ["- 2 -"]])(
    "parses %j without throwing",
    (text) => {
      const d = parse(text);
      expect(d.id).not.toBe("");
      expect(d.docType).toBeTruthy();
    },
  );

  it("a header with no body gives no sections", () => {
    const d = parse(`TỈNH ỦY BẮC NINH\nSố 12-KH/TU\nBắc Ninh, ngày 5 tháng 3 năm 2024`);
    expect(d.sections).toEqual([]);
    expect(d).toMatchObject({ number: "12-KH/TU", issuer: "Tỉnh ủy Bắc Ninh", date: "2024-03-05" });
  });

  it("an impossible date is null, not a wrong date", () => {
    const d = parse(`TỈNH ỦY BẮC NINH\nSố 12-KH/TU\nBắc Ninh, ngày 31 tháng 02 năm 2024\n\n${BODY}`);
    expect(d.date).toBeNull();
    expect(d.place).toBe("Bắc Ninh");
  });

  it("repeated numbering keeps one section per path", () => {
    const d = parse(`I. MỤC ĐÍCH

1. Một.

1. Một lần nữa.`);
    expect(paths(d)).toEqual(["I", "I.1"]);
    expect(section(d, "I.1").text).toContain("Một lần nữa.");
  });
});

describe("duties under a lead-in", () => {
  it("'X chủ trì, phối hợp với Y, Z:' then bullets: one row per bullet with that role and those partners; bodies joined by ';' are apart", () => {
    const d = parseDocument(`III. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Trung tâm Chính trị huyện, Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện:

- Hướng dẫn các chi, đảng bộ cơ sở tổ chức học tập, quán triệt Kết luận.

- Tổ chức tập huấn cho đội ngũ báo cáo viên trong quý III/2024.

2. Đề nghị các đoàn thể chính trị - xã hội huyện:

- Huyện đoàn phát động phong trào "Tuổi trẻ sáng tạo"; Hội Nông dân huyện phát động phong trào nông dân sản xuất giỏi; Liên đoàn Lao động huyện đẩy mạnh phong trào "Lao động sáng tạo".`, "leadin.md");
    const rows = d.assignments.map((a) => [a.section, a.assignee, a.role, a.partners.join("; "), a.deadline]);
    expect(rows.filter((r) => r[0] === "III.1")).toEqual([
      ["III.1", "Ban Tuyên giáo Huyện ủy", "chủ trì", "Trung tâm Chính trị huyện; Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện", null],
      ["III.1", "Ban Tuyên giáo Huyện ủy", "chủ trì", "Trung tâm Chính trị huyện; Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện", "trong quý III/2024"],
    ]);
    expect(d.assignments.filter((a) => a.section === "III.2").map((a) => a.assignee)).toEqual(expect.arrayContaining(["Huyện đoàn", "Hội Nông dân huyện", "Liên đoàn Lao động huyện"]));
  });
});

describe("the task first, its body after", () => {
  it("'Tổ chức X hằng năm; Cục Y chủ trì.' and 'Xây dựng Z. Cục Y chủ trì, phối hợp với Vụ W; thời hạn: quý IV/2025.'", () => {
    const d = parseDocument(`III. NHIỆM VỤ VÀ GIẢI PHÁP

1. Hoàn thiện thể chế

a) Xây dựng Thông tư hướng dẫn tiêu chí công nhận trung tâm đổi mới sáng tạo. Cục Khởi nghiệp và Doanh nghiệp công nghệ chủ trì, phối hợp với Vụ Pháp chế; thời hạn hoàn thành: quý IV/2025.

b) Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo quốc gia hằng năm; Cục Thông tin, Thống kê chủ trì.

c) Trung tâm Đổi mới sáng tạo Quốc gia là hạt nhân của mạng lưới, chủ trì xây dựng quy chế hoạt động mạng lưới.

d) Xây dựng Nghị định về cơ chế thử nghiệm có kiểm soát. Vụ Pháp chế chủ trì; trình Chính phủ trong năm 2026.`, "task-first.md");
    const rows = d.assignments.map((a) => [a.section, a.assignee, a.role, a.partners.join("; "), a.due?.normalized ?? null]);
    expect(rows).toEqual([
      ["III.1.a", "Cục Khởi nghiệp và Doanh nghiệp công nghệ", "chủ trì", "Vụ Pháp chế", "2025-Q4"],
      ["III.1.b", "Cục Thông tin, Thống kê", "chủ trì", "", null],
      ["III.1.c", "Trung tâm Đổi mới sáng tạo Quốc gia", "chủ trì", "", null],
      ["III.1.d", "Vụ Pháp chế", "chủ trì", "", "2026"],
    ]);
    expect(d.assignments[0]!.task).toMatch(/^Xây dựng Thông tư hướng dẫn tiêu chí/);
    expect(d.assignments[1]!.task).toMatch(/^Tổ chức Ngày hội khởi nghiệp/);
  });
});

describe("a letter's numbered requests", () => {
  it("a request that opens with a named body is that body's task, even where the letter has a reporting part", () => {
    const d = parseDocument(`SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1387/SKHCN-QLCN
V/v triển khai Kế hoạch số 215/KH-UBND

Kính gửi: Các sở, ban, ngành cấp tỉnh.

1. Nghiên cứu, quán triệt nội dung Kế hoạch đến cán bộ, công chức.

2. Ủy ban nhân dân các huyện miền núi rà soát, lập danh sách thôn, bản còn vùng lõm sóng di động, gửi về Sở Khoa học và Công nghệ trước ngày 15/5/2025.

3. Chế độ báo cáo

Các cơ quan, đơn vị báo cáo kết quả thực hiện định kỳ 6 tháng, gửi Sở Khoa học và Công nghệ trước ngày 05/6.`, "letter.md");
    const row = d.assignments.find((a) => a.section === "2");
    expect(row).toMatchObject({ assignee: "Ủy ban nhân dân các huyện miền núi", deadline: "trước ngày 15/5/2025" });
    expect(d.assignments.some((a) => a.section === "1")).toBe(false);
  });
});
