/**
 * The six documents of the corpus, parsed and checked against what each text says (expectations were read off the
 * files themselves, line numbers in comments): the four seeds in corpus/ and Kết luận 69 / Nghị quyết 20 in
 * ../shared/corpus-extra/ with the sidecars of metadata/.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/index.js";
import type { Assignment, ParsedDocument } from "../../src/domain/model.js";
import { parseDocument } from "../../src/parser/index.js";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const CORPUS = root("corpus");
const EXTRA = root("../shared/corpus-extra");
const METADATA = root("metadata");

let docs: ParsedDocument[] = [];
const byFile = (name: string): ParsedDocument => {
  const d = docs.find((x) => x.file.endsWith(name));
  if (!d) throw new Error(`không thấy ${name}`);
  return d;
};

beforeAll(async () => {
  const { documents, rejected } = await loadCorpus([CORPUS, EXTRA], { metadataDir: METADATA });
  expect(rejected).toEqual([]);
  docs = documents;
});

const paths = (d: ParsedDocument) => d.sections.map((s) => s.path);
const section = (d: ParsedDocument, path: string) => {
  const s = d.sections.find((x) => x.path === path);
  if (!s) throw new Error(`không có mục ${path}`);
  return s;
};
const ref = (d: ParsedDocument, number: string) => d.references.find((r) => r.number === number);
const implemented = (d: ParsedDocument) =>
  d.references
    .filter((r) => r.relation === "implements")
    .map((r) => r.number)
    .sort();
const refNumbers = (d: ParsedDocument) => d.references.map((r) => r.number).sort();
const rows = (d: ParsedDocument) => d.assignments.map((a) => [a.section, a.assignee]);
/** Every assignment row in full (the task aside): section, assignee, role, partners, reportTo, deadline. */
const table = (d: ParsedDocument) => d.assignments.map((a) => [a.section, a.assignee, a.role, a.partners, a.reportTo, a.deadline]);
const row = (d: ParsedDocument, sectionPath: string, assignee: string): Assignment => {
  const a = d.assignments.find((x) => x.section === sectionPath && x.assignee === assignee);
  if (!a) throw new Error(`không có phân công ${sectionPath} ${assignee}: ${JSON.stringify(rows(d))}`);
  return a;
};
const linked = (d: ParsedDocument, from: string, to: string) => d.links.some((l) => l.from === from && l.to === to);

describe("corpus", () => {
  it("loads the six documents, one model each", () => {
    expect(docs).toHaveLength(6);
    expect(new Set(docs.map((d) => d.id)).size).toBe(6);
  });
});

describe("Công văn 844-CV/ĐU (corpus/000_…)", () => {
  let d: ParsedDocument;
  beforeAll(() => {
    d = byFile("000_22267c68cf188df5.txt");
  });

  it("header: type, number with its stray space removed, issuer from the opening paragraph, no date", () => {
    expect(d.docType).toBe("Công văn");
    expect(d.number).toBe("844-CV/ĐU"); // line 3 "Số 844 -CV/ĐU"
    expect(d.issuer).toBe("Đảng ủy Sở Giáo dục và Đào tạo"); // line 11
    expect(d.place).toBeNull();
    expect(d.date).toBeNull(); // the text gives no date of its own
    expect(d.title).toBe(
      "Về thực hiện Kết luận số 69-KL/TW ngày 11 tháng 01 năm 2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 20 ngày 01 tháng 11 năm 2012 của Ban Chấp hành Trung ương Đảng khóa XI",
    );
  });

  it("signer: T/M Ban Thường vụ, Phó Bí thư Thường trực, the name and not the OCR leftover 'Carol'", () => {
    expect(d.signer).toEqual({ name: "Nguyễn Huỳnh Long", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư Thường trực" });
    expect(d.closing).toContain("Carol");
  });

  it("recipients: Kính gửi and Nơi nhận, without 'Như trên'", () => {
    expect(d.recipients).toEqual(
      expect.arrayContaining(["Các đảng bộ, chi bộ trực thuộc", "Sở Giáo dục và Đào tạo", "Công đoàn ngành giáo dục"]),
    );
    expect(d.recipients.some((r) => /như trên/i.test(r))).toBe(false);
  });

  it("sections", () => {
    expect(paths(d)).toEqual([
      "",
      "I",
      "I.1",
      "I.2",
      "I.3",
      "II",
      "II.1",
      "II.2",
      "II.3",
      "II.4",
      "II.5",
      "II.6",
      "II.7",
      "III",
      "III.1",
      "III.2",
      "III.3",
      "III.4",
    ]);
    expect(section(d, "I").title).toBe("MỤC ĐÍCH, YÊU CẦU");
    expect(section(d, "II").title).toBe("NỘI DUNG TRỌNG TÂM");
    expect(section(d, "III").title).toBe("TỔ CHỨC THỰC HIỆN");
    expect(section(d, "").text).toMatch(/^Thực hiện Công văn số 115-CV\/BTGTU/);
    expect(section(d, "").text).toMatch(/như sau:$/);
    // Lines 23/25 and 43/45: sentences split by a page break are joined back.
    expect(section(d, "II").text).toContain("tầm nhìn đến năm 2045, Nghị quyết số 45-NQ/TW");
    expect(section(d, "III.3").text).toContain("đổi mới sáng tạo đến năm 2030; Chương trình hành động");
    expect(`${section(d, "II.7").title ?? ""} ${section(d, "II.7").text}`).toContain("Phát triển nguồn nhân lực khoa học và công nghệ");
    // "Trên đây là…" belongs to the closing block.
    expect(d.sections.some((s) => s.text.includes("Trên đây là"))).toBe(false);
  });

  it("references: implements 115-CV/BTGTU (Thực hiện…) and 69-KL/TW (title); the bare 'Nghị quyết số 20' is 20-NQ/TW", () => {
    expect(refNumbers(d)).toEqual(["115-CV/BTGTU", "20-NQ/TW", "287-BC/TU", "29-NQ/TW", "3842-CV/BTGTU", "45-NQ/TW", "49-CTrHĐ/TU", "69-KL/TW"]);
    expect(implemented(d)).toEqual(["115-CV/BTGTU", "69-KL/TW"]);
    expect(ref(d, "115-CV/BTGTU")).toMatchObject({ docType: "Công văn", date: "2024-04-04", issuer: "Ban Tuyên giáo Thành ủy" });
    expect(ref(d, "69-KL/TW")).toMatchObject({ docType: "Kết luận", date: "2024-01-11", issuer: "Bộ Chính trị" });
    expect(ref(d, "20-NQ/TW")).toMatchObject({ docType: "Nghị quyết", date: "2012-11-01", relation: "mentions" });
    expect(ref(d, "29-NQ/TW")).toMatchObject({ date: "2022-11-17" });
    expect(ref(d, "45-NQ/TW")).toMatchObject({ date: "2023-11-24" });
    expect(ref(d, "49-CTrHĐ/TU")).toMatchObject({ docType: "Chương trình hành động", date: "2024-02-26", issuer: "Ban Thường vụ Thành ủy" });
    expect(ref(d, "287-BC/TU")).toMatchObject({ docType: "Báo cáo", date: "2022-07-21", issuer: "Ban Thường vụ Thành ủy" });
    expect(ref(d, "3842-CV/BTGTU")).toMatchObject({ docType: "Công văn", date: "2024-01-25", issuer: "Ban Tuyên giáo Thành ủy" });
  });

  it("chain links stated in the text", () => {
    expect(linked(d, "115-CV/BTGTU", "69-KL/TW")).toBe(true); // line 9 "Công văn … về thực hiện Kết luận số 69"
    expect(linked(d, "69-KL/TW", "20-NQ/TW")).toBe(true);
    expect(linked(d, "49-CTrHĐ/TU", "45-NQ/TW")).toBe(true); // line 25
  });

  it("assignments of III. TỔ CHỨC THỰC HIỆN", () => {
    expect(table(d)).toEqual([
      ["III.1", "Các đảng bộ, chi bộ trực thuộc", "thực hiện", [], null, null],
      // Line 41: "…; phối hợp với các sở, ngành, đơn vị liên quan kiểm tra, đánh giá…"
      ["III.2", "Ban Tuyên giáo Đảng ủy Sở", "thực hiện", ["các sở, ngành, đơn vị liên quan"], null, null],
      // Line 43: "Sở Giáo dục và Đào tạo phối hợp với Sở Khoa học và Công nghệ tổ chức thực hiện…"
      ["III.3", "Sở Giáo dục và Đào tạo", "phối hợp", ["Sở Khoa học và Công nghệ"], null, null],
      ["III.4", "Công đoàn ngành giáo dục thành phố", "thực hiện", [], null, null],
    ]);
    expect(row(d, "III.3", "Sở Giáo dục và Đào tạo").task).toContain("đến năm 2030; Chương trình hành động");
  });
});

describe("Kế hoạch of Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên (corpus/002_…)", () => {
  let d: ParsedDocument;
  beforeAll(() => {
    d = byFile("002_50cfeafd4e4b0251.txt");
  });

  it("header: a Kế hoạch without number or date; issuer with its province", () => {
    expect(d.docType).toBe("Kế hoạch");
    expect(d.number).toBeNull();
    expect(d.date).toBeNull();
    expect(d.place).toBeNull();
    expect(d.issuer).toBe("Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên");
    expect(d.title).toMatch(/^thực hiện Chương trình hành động số 56-CTr\/TU, ngày 13\/3\/2024 của Ban Thường vụ Tỉnh ủy Thái Nguyên/i);
    expect(d.title).toMatch(/hội nhập quốc tế$/);
    expect(d.id).not.toBe("");
  });

  it("signer", () => {
    expect(d.signer).toEqual({ name: "Mai Thị Nhài", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" });
    expect(d.recipients).toEqual(expect.arrayContaining(["Ban Tuyên giáo Tỉnh ủy", "Các chi bộ, đảng bộ cơ sở", "Lưu Văn phòng ĐUK"]));
  });

  it("sections", () => {
    expect(paths(d)).toEqual(["", "I", "I.1", "I.2", "II", "II.1", "II.2", "II.3", "II.4", "III", "III.1", "III.2", "III.3"]);
    expect(section(d, "I").title).toBe("MỤC ĐÍCH, YÊU CẦU");
    expect(section(d, "I.1").title).toBe("Mục đích");
    expect(section(d, "I.2").title).toBe("Yêu cầu");
    expect(section(d, "II").title).toBe("NỘI DUNG THỰC HIỆN");
    expect(section(d, "III").title).toBe("TỔ CHỨC THỰC HIỆN");
    // "1. **Giao Ban Tuyên giáo Đảng ủy Khối:** Đôn đốc…": the label before the colon is the item's title.
    expect(section(d, "III.1")).toMatchObject({ title: "Giao Ban Tuyên giáo Đảng ủy Khối" });
    expect(section(d, "III.1").text).toMatch(/^Đôn đốc các chi bộ/);
    expect(section(d, "III.2").title).toBe("Các chi bộ, đảng ủy cơ sở");
    expect(section(d, "III.3").title).toBe("Các đoàn thể trực thuộc");
    // Bullets stay inside their item.
    expect(section(d, "I.1").text.split("\n")).toHaveLength(2);
    expect(section(d, "I.1").text).toMatch(/^- Quán triệt/);
    expect(section(d, "II.2").text).toContain("chuyển đổi số của khu vực Trung du và Miền núi phía Bắc");
  });

  it("references: implements the Chương trình hành động 56-CTr/TU it names in its title", () => {
    expect(refNumbers(d)).toEqual(["20-NQ/TW", "56-CTr/TU", "69-KL/TW"]);
    expect(implemented(d)).toEqual(["56-CTr/TU"]);
    expect(ref(d, "56-CTr/TU")).toMatchObject({
      docType: "Chương trình hành động",
      date: "2024-03-13",
      issuer: "Ban Thường vụ Tỉnh ủy Thái Nguyên",
    });
    expect(ref(d, "69-KL/TW")).toMatchObject({ date: "2024-01-11", issuer: "Bộ Chính trị" });
    expect(linked(d, "56-CTr/TU", "69-KL/TW")).toBe(true);
    expect(linked(d, "69-KL/TW", "20-NQ/TW")).toBe(true);
  });

  it("assignments of III. TỔ CHỨC THỰC HIỆN", () => {
    expect(table(d)).toEqual([
      // Line 35: "…báo cáo Ban Thường vụ Đảng ủy Khối kết quả thực hiện…"
      ["III.1", "Ban Tuyên giáo Đảng ủy Khối", "thực hiện", [], "Ban Thường vụ Đảng ủy Khối", null],
      // Line 37: "báo cáo viên" is a role, not a report.
      ["III.2", "Các chi bộ, đảng ủy cơ sở", "thực hiện", [], null, null],
      ["III.3", "Các đoàn thể trực thuộc", "thực hiện", [], null, null],
    ]);
    expect(row(d, "III.1", "Ban Tuyên giáo Đảng ủy Khối").task).toMatch(/^Đôn đốc các chi bộ/);
  });
});

describe("Hướng dẫn of Ban Tuyên giáo Thành ủy Từ Sơn (corpus/003_…)", () => {
  let d: ParsedDocument;
  beforeAll(() => {
    d = byFile("003_70418e7171d1c670.txt");
  });

  it("header: 'Số: -HD/BTG' has no number; 'ngày tháng 5 năm 2024' is no full date", () => {
    expect(d.docType).toBe("Hướng dẫn");
    expect(d.number).toBeNull();
    expect(d.place).toBe("Từ Sơn");
    expect(d.date).toBeNull();
    expect(d.issuer).toBe("Ban Tuyên giáo Thành ủy Từ Sơn");
    expect(d.title).toMatch(/^Thực hiện Kết luận số 69-KL\/TW, ngày 11\/01\/2024 của Bộ Chính trị/);
  });

  it("signer: K/T Trưởng ban", () => {
    expect(d.signer).toEqual({ name: "Nguyễn Thị Thanh Hương", capacity: "K/T Trưởng ban", title: "Phó Trưởng ban Thường trực" });
    expect(d.recipients).toEqual(expect.arrayContaining(["Ban Tuyên giáo Tỉnh ủy (bc)", "Thường trực Thành ủy (bc)"]));
  });

  it("sections", () => {
    expect(paths(d)).toEqual(["", "I", "I.1", "I.2", "I.3", "II", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "III", "III.1", "III.2", "III.3"]);
    expect(section(d, "I").title).toBe("MỤC ĐÍCH, YÊU CẦU");
    expect(section(d, "II").title).toBe("NỘI DUNG TRỌNG TÂM");
    expect(section(d, "III").title).toBe("TỔ CHỨC THỰC HIỆN");
    expect(section(d, "").text).toMatch(/^Căn cứ Hướng dẫn số 101-HD\/BTGTU/);
    // I.3 ends without a full stop (line 20): the heading after it is not glued on.
    expect(section(d, "I.3").text).toMatch(/đặc thù của địa phương, đơn vị$/);
    // Lines 37/39: "…ngành liên" / "quan kiểm tra…".
    expect(section(d, "III.1").text).toContain("các phòng, ban, ngành liên quan kiểm tra");
    expect(section(d, "III.1").text.split("\n")).toHaveLength(2);
  });

  it("references: Căn cứ 101-HD/BTGTU, title 'Thực hiện Kết luận số 69'", () => {
    expect(refNumbers(d)).toEqual(["101-HD/BTGTU", "20-NQ/TW", "29-NQ/TW", "45-NQ/TW", "69-KL/TW"]);
    expect(implemented(d)).toEqual(["101-HD/BTGTU", "69-KL/TW"]);
    expect(ref(d, "101-HD/BTGTU")).toMatchObject({ docType: "Hướng dẫn", date: "2024-04-12", issuer: "Ban Tuyên giáo Tỉnh ủy" });
    expect(ref(d, "29-NQ/TW")).toMatchObject({ date: "2022-11-17" });
    expect(ref(d, "45-NQ/TW")).toMatchObject({ date: "2023-11-24" });
    expect(linked(d, "101-HD/BTGTU", "69-KL/TW")).toBe(true);
    expect(linked(d, "69-KL/TW", "20-NQ/TW")).toBe(true);
  });

  it("assignments of III. TỔ CHỨC THỰC HIỆN, one row per body", () => {
    expect(table(d)).toEqual([
      ["III.1", "Các chi, đảng bộ trực thuộc Thành ủy", "thực hiện", [], null, null],
      // Second paragraph of item 1 (lines 37–39), addressed to another body.
      ["III.1", "Ban Tuyên giáo các đảng ủy trực thuộc", "thực hiện", ["các phòng, ban, ngành liên quan"], null, null],
      // Line 41: "Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội phổ biến…"
      ["III.2", "Ủy ban Mặt trận Tổ quốc", "thực hiện", [], null, null],
      ["III.2", "các tổ chức chính trị - xã hội", "thực hiện", [], null, null],
      // Line 43: "…chủ trì, phối hợp với Phòng Kinh tế và các cơ quan liên quan… báo cáo Ban Thường vụ Thành ủy, Ban Tuyên giáo Tỉnh ủy."
      ["III.3", "Ban Tuyên giáo Thành ủy", "chủ trì", ["Phòng Kinh tế", "các cơ quan liên quan"], "Ban Thường vụ Thành ủy, Ban Tuyên giáo Tỉnh ủy", null],
    ]);
  });
});

describe("Công văn 2018-CV/TU of Tỉnh ủy Quảng Ngãi (corpus/004_…)", () => {
  let d: ParsedDocument;
  beforeAll(() => {
    d = byFile("004_a95fb1284217b662.txt");
  });

  it("header", () => {
    expect(d.docType).toBe("Công văn");
    expect(d.number).toBe("2018-CV/TU");
    expect(d.issuer).toBe("Tỉnh ủy Quảng Ngãi");
    expect(d.place).toBe("Quảng Ngãi");
    expect(d.date).toBe("2024-02-22");
    // Four title lines (9–12) make one trích yếu.
    expect(d.title).toBe("Về tổ chức nghiên cứu, quán triệt, phổ biến và triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị");
  });

  it("signer and Kính gửi list", () => {
    expect(d.signer).toEqual({ name: "Đặng Ngọc Huy", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" });
    expect(d.recipients.slice(0, 5)).toEqual([
      "Đảng đoàn Hội đồng nhân dân tỉnh",
      "Ban cán sự đảng Ủy ban nhân dân tỉnh",
      "Ban Tuyên giáo Tỉnh ủy",
      "Đảng đoàn Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh, Ban Thường vụ Tỉnh Đoàn",
      "Ban thường vụ các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy",
    ]);
    expect(d.recipients).toEqual(expect.arrayContaining(["Bộ Chính trị (báo cáo)", "Thường trực Tỉnh ủy"]));
  });

  it("sections: five numbered items addressed to bodies", () => {
    expect(paths(d)).toEqual(["", "1", "2", "3", "4", "5"]);
    expect(section(d, "1").title).toBe("Ban thường vụ các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy");
    expect(section(d, "2").title).toBe("Đảng đoàn Hội đồng nhân dân tỉnh");
    expect(section(d, "3").title).toBe("Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo");
    expect(section(d, "4").title).toBe("Đảng đoàn Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh, Ban Thường vụ Tỉnh Đoàn");
    expect(section(d, "5").title).toBe("Ban Tuyên giáo Tỉnh ủy");
    expect(section(d, "3").text.split("\n").every((l) => l.startsWith("- "))).toBe(true);
    expect(section(d, "3").text).toContain("công nghệ và đổi mới sáng tạo. Xây dựng cơ chế"); // lines 46/48
    expect(section(d, "5").text).toContain("sơ kết, tổng kết, đánh giá"); // lines 62/64
  });

  it("references", () => {
    expect(refNumbers(d)).toEqual(["20-NQ/TW", "69-KL/TW"]);
    expect(implemented(d)).toEqual(["69-KL/TW"]);
    expect(ref(d, "69-KL/TW")).toMatchObject({ date: "2024-01-11", issuer: "Bộ Chính trị" });
    expect(ref(d, "20-NQ/TW")).toMatchObject({ date: "2012-11-01" });
    expect(linked(d, "69-KL/TW", "20-NQ/TW")).toBe(true);
  });

  it("assignments: every numbered item is addressed to a body", () => {
    expect(table(d)).toEqual([
      // Line 30: "…định kỳ báo cáo kết quả thực hiện cho Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy)."
      ["1", "Ban thường vụ các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy", "thực hiện", [], "Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy)", null],
      ["2", "Đảng đoàn Hội đồng nhân dân tỉnh", "thực hiện", [], null, null],
      ["3", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "thực hiện", [], null, null],
      ["4", "Đảng đoàn Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh", "thực hiện", [], null, null],
      ["4", "Ban Thường vụ Tỉnh Đoàn", "thực hiện", [], null, null],
      // Lines 62–64: "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan… báo cáo đề xuất Ban Thường vụ Tỉnh ủy chỉ đạo…"
      ["5", "Ban Tuyên giáo Tỉnh ủy", "chủ trì", ["các cơ quan, đơn vị liên quan"], "Ban Thường vụ Tỉnh ủy", null],
    ]);
    expect(row(d, "3", "Ban cán sự đảng Ủy ban nhân dân tỉnh").task).toContain("Chiến lược phát triển khoa học");
  });
});

describe("Kết luận 69-KL/TW (corpus-extra, with its sidecar)", () => {
  let d: ParsedDocument;
  beforeAll(() => {
    d = byFile("ket-luan-69-KL-TW.md");
  });

  it("header: from the sidecar where the copy lacks it", () => {
    expect(d).toMatchObject({ docType: "Kết luận", number: "69-KL/TW", issuer: "Bộ Chính trị", place: "Hà Nội", date: "2024-01-11" });
    expect(d.title).toBe(
      "Về tiếp tục thực hiện Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khoá XI về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hoá, hiện đại hoá trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế",
    );
  });

  it("the text alone names itself (line 3): number, type, date, issuer", async () => {
    const text = await readFile(`${EXTRA}/ket-luan-69-KL-TW.md`, "utf8");
    const bare = parseDocument(text, "kl69.md");
    expect(bare).toMatchObject({ docType: "Kết luận", number: "69-KL/TW", issuer: "Bộ Chính trị", date: "2024-01-11", place: null });
  });

  it("signer from the one-line table cell", () => {
    expect(d.signer).toEqual({ name: "Trương Thị Mai", capacity: "T/M Bộ Chính trị", title: "" });
  });

  it("sections", () => {
    expect(paths(d)).toEqual(["", "1", "2", "3", "4", "5", "6", "7"]);
    expect(section(d, "1").title).toBe("Tăng cường sự lãnh đạo của Đảng đối với phát triển khoa học, công nghệ và đổi mới sáng tạo");
    expect(section(d, "2").title).toBe(
      "Đổi mới tư duy, hoàn thiện chính sách, pháp luật, nâng cao vai trò quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo",
    );
    expect(section(d, "3").title).toBe("Nâng cao tiềm lực khoa học, công nghệ và đổi mới sáng tạo");
    expect(section(d, "4").title).toBe("Phát triển hệ thống đổi mới sáng tạo quốc gia, hệ sinh thái khởi nghiệp sáng tạo");
    expect(section(d, "5").title).toBe("Thúc đẩy phát triển thị trường khoa học và công nghệ");
    expect(section(d, "6").title).toBe("Đẩy mạnh hội nhập, hợp tác quốc tế về khoa học, công nghệ và đổi mới sáng tạo");
    expect(section(d, "7").title).toBe("Tổ chức thực hiện");
    expect(section(d, "").text).toMatch(/^Sau 10 năm thực hiện/);
    expect(section(d, "").text).toMatch(/nhiệm vụ trọng tâm sau:$/);
    expect(section(d, "7").text.split("\n")).toHaveLength(5);
    // Escaped "\-" is read as a plain dash.
    expect(section(d, "1").text).toContain("kinh tế - xã hội");
    expect(d.sections.some((s) => s.text.includes("\\"))).toBe(false);
  });

  it("references: implements Nghị quyết 20; mentions 29 and 45", () => {
    expect(refNumbers(d)).toEqual(["20-NQ/TW", "29-NQ/TW", "45-NQ/TW"]);
    expect(implemented(d)).toEqual(["20-NQ/TW"]);
    expect(ref(d, "20-NQ/TW")).toMatchObject({ docType: "Nghị quyết", date: "2012-11-01" });
    expect(ref(d, "29-NQ/TW")?.issuer).toMatch(/Hội nghị Trung ương lần thứ sáu khoá XIII/);
  });

  it("assignments of 7. Tổ chức thực hiện: one row per body named in each bullet", () => {
    expect(table(d)).toEqual([
      // Line 55: one list sharing "Các", as written.
      ["7", "Các tỉnh uỷ, thành uỷ, ban đảng, ban cán sự đảng, đảng đoàn, đảng uỷ trực thuộc Trung ương", "thực hiện", [], null, null],
      // Line 57: two bodies.
      ["7", "Đảng đoàn Quốc hội", "thực hiện", [], null, null],
      ["7", "Ban cán sự đảng Chính phủ", "thực hiện", [], null, null],
      // Line 59: the same body again, with another task.
      ["7", "Ban cán sự đảng Chính phủ", "thực hiện", [], null, null],
      // Line 61: four bodies.
      ["7", "Đảng đoàn Mặt trận Tổ quốc Việt Nam", "thực hiện", [], null, null],
      ["7", "các tổ chức chính trị - xã hội", "thực hiện", [], null, null],
      ["7", "Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "thực hiện", [], null, null],
      ["7", "hội quần chúng", "thực hiện", [], null, null],
      // Line 63.
      ["7", "Ban Tuyên giáo Trung ương", "chủ trì", ["các cơ quan liên quan"], "Bộ Chính trị, Ban Bí thư", null],
    ]);
    expect(d.assignments[3]!.task).toMatch(/^lãnh đạo, chỉ đạo tổ chức thực hiện tốt Chiến lược/);
  });
});

describe("Nghị quyết 20-NQ/TW (corpus-extra, with its sidecar)", () => {
  let d: ParsedDocument;
  beforeAll(() => {
    d = byFile("nghi-quyet-20-NQ-TW.md");
  });

  it("header from the Markdown table", () => {
    expect(d).toMatchObject({ docType: "Nghị quyết", number: "20-NQ/TW", place: "Hà Nội", date: "2012-11-01" });
    expect(d.issuer).toBe("Ban Chấp hành Trung ương Đảng"); // sidecar
    expect(d.title).toBe(
      "Về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hoá, hiện đại hoá trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế",
    );
    expect(d.signer).toBeNull(); // the copy has no signature block
  });

  it("without the sidecar the header still gives the Ban Chấp hành Trung ương", async () => {
    const text = await readFile(`${EXTRA}/nghi-quyet-20-NQ-TW.md`, "utf8");
    const bare = parseDocument(text, "nq20.md");
    expect(bare).toMatchObject({ docType: "Nghị quyết", number: "20-NQ/TW", place: "Hà Nội", date: "2012-11-01" });
    expect(bare.issuer).toMatch(/^Ban Chấp hành Trung ương/);
  });

  it("recipients from the Nơi nhận table cell", () => {
    expect(d.recipients).toEqual([
      "Các tỉnh uỷ, thành uỷ",
      "Các ban đảng, ban cán sự đảng, đảng đoàn, đảng uỷ trực thuộc Trung ương",
      "Các đảng uỷ đơn vị sự nghiệp Trung ương",
      "Các đồng chí Uỷ viên Ban Chấp hành Trung ương",
      "Lưu Văn phòng Trung ương Đảng",
    ]);
  });

  it("sections: parts A-/B-/C-, Roman I-, Arabic 1-, decimal 2.1-, letters a)", () => {
    expect(paths(d)).toEqual([
      "A",
      "A.1",
      "A.2",
      "A.2.a",
      "A.2.b",
      "A.2.c",
      "A.2.d",
      "B",
      "B.I",
      "B.I.1",
      "B.I.2",
      "B.I.3",
      "B.I.4",
      "B.I.5",
      "B.II",
      "B.II.1",
      "B.II.2",
      "B.II.2.a",
      "B.II.2.b",
      "B.II.2.c",
      "B.III",
      "B.III.1",
      "B.III.2",
      "B.III.2.1",
      "B.III.2.2",
      "B.III.2.3",
      "B.III.2.4",
      "B.III.2.5",
      "B.III.2.6",
      "B.III.3",
      "B.III.3.1",
      "B.III.3.2",
      "B.III.3.3",
      "B.III.4",
      "B.III.5",
      "B.III.6",
      "C",
      "C.1",
      "C.2",
      "C.3",
      "C.4",
    ]);
    const titles: Record<string, string> = {
      A: "TÌNH HÌNH VÀ NGUYÊN NHÂN",
      B: "ĐỊNH HƯỚNG PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ ĐẾN NĂM 2020 VÀ TẦM NHÌN ĐẾN NĂM 2030",
      "B.I": "QUAN ĐIỂM",
      "B.II": "MỤC TIÊU",
      "B.II.1": "Mục tiêu tổng quát",
      "B.II.2": "Mục tiêu cụ thể",
      "B.III": "NHIỆM VỤ VÀ GIẢI PHÁP",
      "B.III.1": "Đổi mới tư duy, tăng cường vai trò lãnh đạo của Đảng, quản lý của Nhà nước đối với sự nghiệp phát triển khoa học và công nghệ",
      "B.III.2": "Tiếp tục đổi mới mạnh mẽ, đồng bộ cơ chế quản lý, tổ chức, hoạt động khoa học và công nghệ",
      "B.III.2.1": "Đổi mới mạnh mẽ cơ chế quản lý, phương thức đầu tư và cơ chế tài chính",
      "B.III.2.2": "Đổi mới hệ thống tổ chức khoa học và công nghệ",
      "B.III.2.3": "Đổi mới cơ chế hoạt động của các tổ chức khoa học và công nghệ",
      "B.III.2.4": "Đổi mới quy hoạch phát triển nguồn nhân lực, cơ chế, chính sách sử dụng và trọng dụng cán bộ khoa học và công nghệ",
      "B.III.2.5": "Kiện toàn, nâng cao năng lực bộ máy quản lý nhà nước về khoa học và công nghệ",
      "B.III.3": "Triển khai các định hướng nhiệm vụ khoa học và công nghệ chủ yếu",
      "B.III.3.1":
        "Tăng cường nghiên cứu cơ bản, nghiên cứu phục vụ hoạch định đường lối, chính sách phát triển đất nước, bảo đảm quốc phòng, an ninh và mục đích công cộng",
      "B.III.3.2": "Ưu tiên phát triển một số công nghệ tiên tiến, công nghệ cao, công nghệ liên ngành",
      "B.III.3.3": "Đẩy mạnh ứng dụng, phát triển khoa học và công nghệ trong các ngành, lĩnh vực, vùng, địa phương",
      "B.III.4": "Phát huy và tăng cường tiềm lực khoa học và công nghệ quốc gia",
      "B.III.5": "Phát triển thị trường khoa học và công nghệ",
      "B.III.6": "Hợp tác và hội nhập quốc tế về khoa học và công nghệ",
      C: "TỔ CHỨC THỰC HIỆN",
    };
    for (const [p, t] of Object.entries(titles)) expect(section(d, p).title, p).toBe(t);
    // "**2.6- **Thực hành dân chủ…" is an item whose text starts right after the marker.
    expect(section(d, "B.III.2.6").text).toMatch(/^Thực hành dân chủ/);
    expect(section(d, "A.1").text.split("\n")).toHaveLength(4);
    expect(section(d, "B.II.2.b").text).toContain("khoảng 35% tăng trưởng kinh tế");
    // The look-alike "Ð" (line 116) is read as "Đ".
    expect(section(d, "B.III.2.4").text).toContain("Đổi mới công tác tuyển dụng");
  });

  it("no references to other documents", () => {
    expect(d.references).toEqual([]);
  });

  it("assignments of C- TỔ CHỨC THỰC HIỆN", () => {
    expect(table(d)).toEqual([
      ["C.1", "Các cấp uỷ đảng", "thực hiện", [], null, null],
      ["C.2", "Đảng đoàn Quốc hội", "thực hiện", [], null, null],
      ["C.3", "Ban cán sự đảng Chính phủ", "thực hiện", [], null, null],
      // Line 204: "…chủ trì phối hợp với các ban đảng, …, đảng uỷ trực thuộc Trung ương thường xuyên theo dõi… báo cáo Bộ Chính trị, Ban Bí thư…"
      [
        "C.4",
        "Ban Tuyên giáo Trung ương",
        "chủ trì",
        ["các ban đảng, ban cán sự đảng, đảng đoàn, đảng uỷ trực thuộc Trung ương"],
        "Bộ Chính trị, Ban Bí thư",
        null,
      ],
    ]);
  });
});
