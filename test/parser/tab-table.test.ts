/**
 * A task table pasted from Word keeps a tab between its cells: it is read as a table (rows numbered within their
 * groups, lead, partners, deadline), while a header or signature laid out with tabs stays text.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { sentences } from "../../src/assistant/sentences.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const T = "\t";
const PLAN = [
  "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "TỈNH HÀ LAM\tĐộc lập - Tự do - Hạnh phúc",
  "Số: 77/KH-UBND\tHà Lam, ngày 10 tháng 4 năm 2025",
  "",
  "KẾ HOẠCH",
  "Thực hiện Nghị quyết số 57-NQ/TW",
  "",
  "I. MỤC ĐÍCH",
  "Triển khai đồng bộ các nhiệm vụ tại Phụ lục kèm theo.",
  "",
  "Nơi nhận:\tKT. CHỦ TỊCH",
  "- Như trên;\tPHÓ CHỦ TỊCH",
  "- Lưu: VT.\tNguyễn Văn Bình",
  "",
  "PHỤ LỤC",
  "DANH MỤC NHIỆM VỤ",
  "",
  ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"].join(T),
  ["I", "HẠ TẦNG SỐ", "", "", ""].join(T),
  ["1", "Xây dựng Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Công an tỉnh; Sở Tài chính", "Năm 2026"].join(T),
  ["2", "Phủ sóng 5G khu dân cư", "Sở Khoa học và Công nghệ", "Các doanh nghiệp viễn thông", "2025 - 2030"].join(T),
  ["II", "NHÂN LỰC", "", "", ""].join(T),
  ["1", "Bồi dưỡng kỹ năng số cho công chức", "Sở Nội vụ", "Sở Khoa học và Công nghệ", "Hằng năm"].join(T),
].join("\n");

describe("a table whose cells a tab separates", () => {
  const d = parseDocument(PLAN, "kh77.txt");

  it("rows become sections numbered in their groups, with the row's cells", () => {
    const paths = d.sections.map((s) => s.path);
    expect(paths).toEqual(expect.arrayContaining(["Phụ lục.I", "Phụ lục.I.1", "Phụ lục.I.2", "Phụ lục.II", "Phụ lục.II.1"]));
    // Cells joined by the cell break, not by pipes the document does not write.
    expect(d.sections.find((s) => s.path === "Phụ lục.I.2")!.text).toBe("Phủ sóng 5G khu dân cư ... Sở Khoa học và Công nghệ ... Các doanh nghiệp viễn thông ... 2025 - 2030");
  });

  it("gives each row's lead, partners and deadline", () => {
    const a = d.assignments.find((x) => x.section === "Phụ lục.I.1")!;
    expect(a.assignee).toBe("Sở Khoa học và Công nghệ");
    expect(a.partners).toEqual(["Công an tỉnh", "Sở Tài chính"]);
    expect(a.deadline).toBe("Năm 2026");
    expect(d.assignments.find((x) => x.section === "Phụ lục.II.1")!.assignee).toBe("Sở Nội vụ");
  });

  it("the header and signature laid out with tabs stay the document's header and signer", () => {
    expect(d.number).toBe("77/KH-UBND");
    expect(d.issuer).toBe("Ủy ban nhân dân tỉnh Hà Lam");
    expect(d.signer?.name).toBe("Nguyễn Văn Bình");
  });
});

describe("quoting a row of a tab-separated table", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh77.txt"]]));
  });

  it("a cell break before a capitalised cell ends no sentence; a full stop before a capital still does", () => {
    expect(sentences("Phủ sóng 5G ... Sở Khoa học và Công nghệ ... Năm 2026").map((x) => x.text)).toEqual(["Phủ sóng 5G ... Sở Khoa học và Công nghệ ... Năm 2026"]);
    expect(sentences("Hoàn thành trong năm 2025. Sở Tài chính bố trí kinh phí.").length).toBe(2);
  });

  it("quotes the whole row, each cell as the document writes it, and none of the pipes it does not", async () => {
    const a = await ask("Kế hoạch 77/KH-UBND: nhiệm vụ phủ sóng 5G khu dân cư thời gian hoàn thành khi nào?");
    expect(a.citations[0]?.section).toBe("Phụ lục.I.2");
    const quote = a.citations[0]!.quote;
    expect(quote).toContain("2025 - 2030");
    expect(quote).not.toContain("|");
    // Every fragment between elisions stands in the document (tabs read as whitespace).
    const squash = (t: string) => t.replace(/\s+/g, "");
    for (const part of quote.split(/…|\.\.\./)) expect(squash(PLAN)).toContain(squash(part));
  });
});

describe("a table pasted as text with ' | ' between cells, no pipe at either end and rows wrapped", () => {
  const BARE = [
    "ỦY BAN NHÂN DÂN TỈNH HÀ LAM",
    "Số: 78/KH-UBND",
    "Hà Lam, ngày 12 tháng 4 năm 2025",
    "",
    "KẾ HOẠCH",
    "Thực hiện Nghị quyết số 57-NQ/TW",
    "",
    "I. MỤC ĐÍCH",
    "Triển khai các nhiệm vụ tại Phụ lục | bảng dưới đây.",
    "",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ",
    "",
    "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm",
    "1 | Xây dựng Trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | Công an tỉnh, Văn phòng UBND tỉnh |",
    "Năm 2026 | Trung tâm dữ liệu đưa vào vận hành",
    "2 | Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp | Sở Nội vụ | Sở Khoa học và Công nghệ | Hằng năm | Cán bộ",
    "được cấp chứng nhận",
    "3 | Phủ sóng 5G khu công nghiệp | Sở Khoa học và Công nghệ | Các doanh",
    "nghiệp viễn thông | Quý II/2026 | Trạm 5G",
    "",
    "Nơi nhận:",
    "- Lưu: VT.",
  ].join("\n");
  const d = parseDocument(BARE, "kh78.txt");

  it("rows become sections whose cells are joined across the wrapped lines", () => {
    expect(d.sections.map((s) => s.path)).toEqual(expect.arrayContaining(["Phụ lục.1", "Phụ lục.2", "Phụ lục.3"]));
    expect(d.sections.find((s) => s.path === "Phụ lục.3")!.text).toBe("Phủ sóng 5G khu công nghiệp | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | Quý II/2026 | Trạm 5G");
    // A line with a pipe in running text is no table.
    expect(d.sections.find((s) => s.path === "I")!.text).toContain("bảng dưới đây");
  });

  it("gives each row's lead, partners, deadline and product, the cell that wrapped read whole", () => {
    const a = d.assignments.find((x) => x.section === "Phụ lục.1")!;
    expect(a.assignee).toBe("Sở Khoa học và Công nghệ");
    expect(a.partners).toEqual(["Công an tỉnh", "Văn phòng UBND tỉnh"]);
    expect(a.deadline).toBe("Năm 2026");
    expect(d.assignments.find((x) => x.section === "Phụ lục.2")!.deadline).toBe("Hằng năm");
    expect(d.assignments.find((x) => x.section === "Phụ lục.3")!.partners).toEqual(["Các doanh nghiệp viễn thông"]);
  });
});
