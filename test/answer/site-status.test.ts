/**
 * Whether a text is still in force is the word of a law library, not of the text: the page's "Tình trạng" is read into
 * the document (with its day of effect and its fields), kept in the index's documents, and quoted as the site's. A text
 * without such a page says only when it takes effect, and the answer says that much and no more.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const OFFICIAL = `ỦY BAN NHÂN DÂN TỈNH LONG HÀ
Số: 2145/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Long Hà, ngày 30 tháng 10 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển dữ liệu số tỉnh Long Hà năm 2025 - 2026

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển dữ liệu số tỉnh Long Hà năm 2025 - 2026.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Giám đốc Sở Khoa học và Công nghệ và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Thu Hằng`;

/** The same decision as a law library shows it: the whole metadata table run into one line, bars between fields. */
const INLINE_PAGE = `PHÁP LUẬT SỐ - Tra cứu văn bản pháp luật trực tuyến
Đăng nhập | Đăng ký | Gói dịch vụ

Trang chủ > Văn bản pháp luật > Công nghệ thông tin > Quyết định 2145/QĐ-UBND năm 2025

Số hiệu: 2145/QĐ-UBND | Loại văn bản: Quyết định | Nơi ban hành: Tỉnh Long Hà | Người ký: Lê Thị Thu Hằng | Ngày ban hành: 30/10/2025 | Ngày hiệu lực: 30/10/2025 | Ngày công báo: Đang cập nhật | Lĩnh vực: Công nghệ thông tin, Bộ máy hành chính | Tình trạng: Còn hiệu lực

[Tóm tắt] [Nội dung] [VB gốc] [Tải về]

---

${OFFICIAL}`;

/** A table of metadata, cells in rows; the status still being updated. */
const TABLE_PAGE = `[VanBanLuat247](https://vanbanluat247.vn/) | Trang chủ | Văn bản mới | Đăng nhập

| Số hiệu: | 86/2025/NQ-HĐND | Loại văn bản: | Nghị quyết |
|---|---|---|---|
| Nơi ban hành: | Tỉnh Long Hà | Người ký: | Hoàng Trung Kiên |
| Ngày ban hành: | 15/07/2025 | Ngày hiệu lực: | 25/07/2025 |
| Lĩnh vực: | Khoa học - Công nghệ | Tình trạng: | Đã biết |

---

HỘI ĐỒNG NHÂN DÂN TỈNH LONG HÀ
Số: 86/2025/NQ-HĐND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Long Hà, ngày 15 tháng 7 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ đổi mới sáng tạo

Điều 1. Nghị quyết này quy định chính sách hỗ trợ đổi mới sáng tạo trên địa bàn tỉnh.

Điều 2. Nghị quyết này có hiệu lực từ ngày 25 tháng 7 năm 2025 đến hết ngày 31 tháng 12 năm 2030.

CHỦ TỊCH
Hoàng Trung Kiên`;

describe("a law library's record of a text", () => {
  it("reads status, day of effect and fields from a line that runs them together, each as the page writes it", () => {
    const d = parseDocument(INLINE_PAGE, "web-qd2145.md");
    expect(d.number).toBe("2145/QĐ-UBND");
    expect(d.site).toEqual({
      name: "PHÁP LUẬT SỐ",
      status: { said: "Tình trạng: Còn hiệu lực", value: "Còn hiệu lực" },
      effective: { said: "Ngày hiệu lực: 30/10/2025", value: "2025-10-30" },
      fields: { said: "Lĩnh vực: Công nghệ thông tin, Bộ máy hành chính", value: "Công nghệ thông tin, Bộ máy hành chính" },
    });
  });

  it("reads a table's cells, and takes a value the site hides ('Đã biết') for none", () => {
    const d = parseDocument(TABLE_PAGE, "nq86-vanbanluat.md");
    expect(d.site).toEqual({
      name: "VanBanLuat247",
      status: null,
      effective: { said: "Ngày hiệu lực: | 25/07/2025", value: "2025-07-25" },
      fields: { said: "Lĩnh vực: | Khoa học - Công nghệ", value: "Khoa học - Công nghệ" },
    });
  });

  it("reads a signature the page flattened into one cell, name run on after the title", () => {
    const flat = INLINE_PAGE.replace("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Thu Hằng", "| Nơi nhận: - Như Điều 3; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Thị Thu Hằng |");
    expect(flat).not.toBe(INLINE_PAGE);
    expect(parseDocument(flat, "web-qd2145.md").signer).toEqual({ name: "Lê Thị Thu Hằng", capacity: "TM. Ủy ban nhân dân", title: "Phó Chủ tịch" });
  });

  it("ends a value where a label the page wrapped onto its line starts ('Cập nhật: …')", () => {
    const wrapped = INLINE_PAGE.replace("| Tình trạng: Còn hiệu lực", "| Tình trạng: Còn hiệu lực\nCập nhật: 04/11/2025 10:12");
    expect(parseDocument(wrapped, "web-qd2145.md").site?.status).toEqual({ said: "Tình trạng: Còn hiệu lực", value: "Còn hiệu lực" });
  });

  it("gives a text without a site's page no record", () => {
    expect(parseDocument(OFFICIAL, "qd2145.txt").site).toBeUndefined();
  });
});

describe("asked whether a text is in force", () => {
  it("quotes the site's status of the page held beside the issued text, and the text's own article of effect", async () => {
    const { ask, kb } = await assistantOver([
      [OFFICIAL, "qd2145.txt"],
      [INLINE_PAGE, "web-qd2145.md"],
    ]);
    // The record is kept in the index's documents.
    expect([...kb.byId.values()].filter((d) => d.site?.status?.value === "Còn hiệu lực")).toHaveLength(1);
    for (const q of ["qd 2145 ubnd tinh con hieu luc ko", "Trên trang tra cứu, Quyết định 2145/QĐ-UBND được ghi tình trạng hiệu lực như thế nào?"]) {
      const r = await ask(q);
      expect(r.mode, q).toBe("answer");
      expect(r.answer, q).toContain("Theo trang PHÁP LUẬT SỐ");
      expect(r.citations[0]!.quote, q).toContain("Tình trạng: Còn hiệu lực");
      expect(r.citations.map((c) => c.section), q).toContain("Điều 2");
    }
    // The day of effect the page gives, asked of the page.
    const day = await ask("Trên trang tra cứu, ngày hiệu lực của Quyết định 2145 được ghi là ngày nào?");
    expect(day.citations[0]!.quote).toContain("Ngày hiệu lực: 30/10/2025");
    const field = await ask("trang phap luat so xep qd 2145 vao linh vuc gi");
    expect(field.citations[0]!.quote).toBe("Lĩnh vực: Công nghệ thông tin, Bộ máy hành chính");
  });

  it("says a text alone does not tell, and gives what it says of its effect", async () => {
    const { ask } = await assistantOver([[OFFICIAL, "qd2145.txt"]]);
    const r = await ask("Quyết định 2145/QĐ-UBND còn hiệu lực không?");
    expect(r.answer).toContain("không ghi nó còn hay hết hiệu lực");
    expect(r.answer).not.toContain("Còn hiệu lực");
    expect(r.citations.find((c) => c.section === "Điều 2")?.quote).toBe("Quyết định này có hiệu lực kể từ ngày ký.");
  });

  it("leaves the day a text takes effect, and a field its tasks work in, to the text", async () => {
    const { ask } = await assistantOver([[TABLE_PAGE, "nq86-vanbanluat.md"]]);
    const r = await ask("Nghị quyết 86/2025/NQ-HĐND có hiệu lực từ ngày nào?");
    expect(r.citations[0]!.section).toBe("Điều 2");
    const content = await ask("Nghị quyết 86/2025/NQ-HĐND hỗ trợ đổi mới sáng tạo trong những lĩnh vực nào?");
    expect(content.citations[0]?.quote ?? "").not.toContain("Lĩnh vực:");
  });
});
