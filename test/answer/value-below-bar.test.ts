/**
 * A value asked ("… tối thiểu bao nhiêu phần trăm?") of the one document named, whose nearest passage is a little below
 * the bar: answered only when that passage holds what the value is of ("hồ sơ trực tuyến"), not merely the words around
 * a value ("tối thiểu 3% tổng chi ngân sách" is another target).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import { retrieve } from "../../src/assistant/retrieve.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const DIRECTIVE = `
BAN CHẤP HÀNH TRUNG ƯƠNG
BAN BÍ THƯ
Số 53-CT/TW
Hà Nội, ngày 19 tháng 8 năm 2025

CHỈ THỊ
về phát triển dữ liệu số và dịch vụ công trực tuyến toàn trình

Thời gian qua, dữ liệu ở nhiều nơi còn phân tán; tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình ở cấp xã còn thấp; hạ tầng và đội ngũ cán bộ làm công tác chuyển đổi số ở cấp xã chưa đáp ứng yêu cầu.

1. Nâng cao nhận thức, trách nhiệm của cấp ủy, người đứng đầu. Người đứng đầu cấp ủy, chính quyền các cấp trực tiếp chỉ đạo chuyển đổi số.

2. Hoàn thiện thể chế về dữ liệu. Rà soát, sửa đổi các quy định cản trở chia sẻ dữ liệu giữa các cơ quan.

3. Phát triển dữ liệu số. Đến hết năm 2026, cơ bản hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực.

4. Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình. Đến hết năm 2026, 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.

5. Bảo đảm nguồn lực và an toàn thông tin. Bố trí tối thiểu 3% tổng chi ngân sách hằng năm cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.

T/M BAN BÍ THƯ
Trần Cẩm Tú
`;

describe("a value asked of the named document's nearest passage, below the bar", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[DIRECTIVE.trim(), "ct53.txt"]]));
  });

  it("the value of another target is no answer", async () => {
    expect((await ask("ct 53 ban bi thu dat chi tieu ty le ho so truc tuyen toi thieu bao nhieu phan tram")).mode).toBe("not_found");
  });

  it("the value of the target asked is", async () => {
    const a = await ask("Chỉ thị 53-CT/TW yêu cầu bố trí tối thiểu bao nhiêu phần trăm tổng chi ngân sách cho khoa học, công nghệ?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("tối thiểu 3% tổng chi ngân sách");
  });
});

const REPORT = `ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: 87/BC-UBND
Tân Lập, ngày 04 tháng 6 năm 2026

BÁO CÁO
Kết quả phát triển dịch vụ công trực tuyến 6 tháng đầu năm 2026

I. KẾT QUẢ

1. Tổng số hồ sơ thủ tục hành chính tiếp nhận: 2.846 hồ sơ; trong đó hồ sơ trực tuyến 1.934 hồ sơ.

2. Thành lập 16 Tổ công nghệ số cộng đồng tại 16 thôn.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Rơ Châm Hiếu`;

describe("a figure asked for a year, of a report on one period", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[REPORT, "bc87.txt"]]));
  });

  it("a passage without a year counts the report's period: another year is not answered", async () => {
    expect((await ask("Báo cáo 87/BC-UBND cho biết năm 2025 xã tiếp nhận bao nhiêu hồ sơ trực tuyến?")).mode).toBe("not_found");
    const a = await ask("Báo cáo 87/BC-UBND cho biết năm 2026 xã tiếp nhận bao nhiêu hồ sơ trực tuyến?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("1.934 hồ sơ");
  });
});

const TARGETS = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 235/KH-UBND
Hòa Bắc, ngày 04 tháng 9 năm 2025

KẾ HOẠCH
Phát triển khoa học, công nghệ năm 2026

I. MỤC TIÊU

1. Mục tiêu chung: phát triển khoa học, công nghệ. Mục tiêu cụ thể: kinh tế số đạt 20% GRDP.

2. Mục tiêu đến năm 2030: 100% thủ tục hành chính được cung cấp trực tuyến; mục tiêu hạ tầng số phủ khắp.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa`;

const STARTUPS = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 236/KH-UBND
Hòa Bắc, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Hỗ trợ khởi nghiệp đổi mới sáng tạo

II. NHIỆM VỤ, GIẢI PHÁP

4. Hỗ trợ hình thành ít nhất 30 doanh nghiệp khởi nghiệp sáng tạo mỗi năm.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa`;

describe("a question that frames what it asks ('đặt mục tiêu …') of a text without those words", () => {
  it("is answered: the framing noun is no thing the text leaves out", async () => {
    const q = "Kế hoạch 236/KH-UBND đặt mục tiêu hỗ trợ hình thành bao nhiêu doanh nghiệp khởi nghiệp sáng tạo mỗi năm?";
    const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-framing-")));
    const kb = await buildIndex([parseDocument(TARGETS, "kh235.md"), parseDocument(STARTUPS, "kh236.md")], target);
    expect((await retrieve(q, kb, target.store)).namedAbsent).toEqual([]);
    const { ask } = await assistantOver([
      [TARGETS, "kh235.md"],
      [STARTUPS, "kh236.md"],
    ]);
    const a = await ask(q);
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("ít nhất 30 doanh nghiệp khởi nghiệp sáng tạo");
  });
});
