/**
 * "Theo Thông báo X, Ban Chỉ đạo được thành lập theo quyết định số mấy?": the type asked about (a decision) is not the
 * type that names the document (the notice); the decision is found where the notice cites it, and a lowercase word
 * after its date ("… ngày 24/01/2025 thành lập Ban …") is no issuer. A period the question names ("hằng tháng") is
 * found in the text however written ("đồng/người/tháng").
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const NOTICE = `TỈNH ỦY LÂM HÀ
Số 30-TB/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Hà, ngày 26 tháng 02 năm 2025

THÔNG BÁO
KẾT LUẬN của Thường trực Tỉnh ủy về tình hình thực hiện Nghị quyết số 57-NQ/TW

1. Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 12-KH/TU ngày 20/01/2025 và Quyết định số 1612-QĐ/TU ngày 24/01/2025 thành lập Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.

2. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng chương trình hành động trong tháng 3/2025.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Trần Văn Khang`;

describe("a document cited inside the one named", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => ({ ask } = await assistantOver([[NOTICE, "tb30.md"]])));

  it("is what 'quyết định số mấy' asks for, not the notice's own number", async () => {
    const a = await ask("Theo Thông báo 30-TB/TU, Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ được thành lập theo quyết định số mấy, ngày nào?");
    expect(a.answer).toContain("1612-QĐ/TU");
    expect(a.answer).toContain("24/01/2025");
    expect(a.answer).not.toContain("của thành lập");
  });

  it("has no issuer made of the words after its date", () => {
    const ref = parseDocument(NOTICE, "tb30.md").references.find((r) => r.number === "1612-QĐ/TU");
    expect(ref).toMatchObject({ date: "2025-01-24", issuer: null });
  });
});

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN TỈNH LÂM HÀ
Số: 20/2025/NQ-HĐND
Lâm Hà, ngày 16 tháng 7 năm 2025

NGHỊ QUYẾT
Quy định chính sách thu hút nhân lực khoa học, công nghệ trên địa bàn tỉnh Lâm Hà

Điều 1. Hỗ trợ một lần cho chuyên gia về làm việc tại tỉnh: Giáo sư 300.000.000 đồng; Tiến sĩ 150.000.000 đồng.

Điều 2. Người có trình độ tiến sĩ thuộc các chuyên ngành trí tuệ nhân tạo, khoa học dữ liệu được hỗ trợ thêm 5.000.000 đồng/người/tháng trong thời gian 36 tháng kể từ ngày tiếp nhận.

Điều 3. Các cơ quan báo cáo kết quả thực hiện hằng năm trước ngày 15/12.

Điều 4. Nghị quyết này đã được Hội đồng nhân dân tỉnh Lâm Hà khóa XVIII, Kỳ họp thứ 28 thông qua ngày 16 tháng 7 năm 2025.

Nơi nhận:
- Ủy ban nhân dân tỉnh;
- Lưu: VT.
CHỦ TỊCH

Võ Thị Yến`;

describe("a period the question names", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => ({ ask } = await assistantOver([[RESOLUTION, "nq20.md"]])));

  it("written per month in the text ('đồng/người/tháng') answers 'hằng tháng … trong bao lâu'", async () => {
    const a = await ask("Người có trình độ tiến sĩ chuyên ngành trí tuệ nhân tạo về làm việc tại Lâm Hà được hỗ trợ thêm hằng tháng bao nhiêu và trong bao lâu?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("36 tháng");
  });

  it("the session a resolution was passed at is given from its last article, beside who signed", async () => {
    const a = await ask("Nghị quyết 20/2025/NQ-HĐND được thông qua tại kỳ họp nào, do ai ký?");
    expect(a.answer).toContain("Võ Thị Yến");
    expect(a.answer).toContain("Kỳ họp thứ 28");
    expect(a.citations.map((c) => c.section)).toContain("Điều 4");
  });

  it("that no quote gives still refuses ('hằng quý' of a yearly report)", async () => {
    const a = await ask("Theo Nghị quyết 20/2025/NQ-HĐND, các cơ quan báo cáo hằng quý trước ngày nào?");
    expect(a.mode).toBe("not_found");
  });

  it("'báo cáo tháng' asks a monthly report: a yearly one's day is no answer", async () => {
    const a = await ask("Theo Nghị quyết 20/2025/NQ-HĐND, các cơ quan báo cáo tháng kết quả thực hiện trước ngày nào?");
    expect(a.mode).toBe("not_found");
  });
});
