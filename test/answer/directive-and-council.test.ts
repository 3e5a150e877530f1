/**
 * A directive's items headed by the body they go to ("1. Bộ Khoa học và Công nghệ" › "a) Chủ trì, phối hợp với …"), a
 * clause that sets a period for reports, and a People's Council's resolution whose preamble "Xét Tờ trình số …" and
 * whose time limits ("trong thời hạn 20 ngày làm việc") are asked of it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const DIRECTIVE = `THỦ TƯỚNG CHÍNH PHỦ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 29/CT-TTg
Hà Nội, ngày 18 tháng 8 năm 2025

CHỈ THỊ
Về đẩy mạnh chuyển đổi số phục vụ chính quyền địa phương hai cấp

Để chính quyền địa phương hai cấp vận hành thông suốt, Thủ tướng Chính phủ chỉ thị:

1. Bộ Khoa học và Công nghệ

a) Chủ trì, phối hợp với Văn phòng Chính phủ, Bộ Công an hoàn thiện Bộ chỉ số đánh giá mức độ chuyển đổi số cấp xã; hoàn thành trước ngày 30/9/2025.

b) Theo dõi, đôn đốc việc thực hiện Chỉ thị này; tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 15/12/2025.

2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương

a) Bố trí đủ công chức phụ trách chuyển đổi số tại mỗi xã, phường.

b) Định kỳ hằng quý, trước ngày 20 của tháng cuối quý, báo cáo kết quả thực hiện Chỉ thị này về Bộ Khoa học và Công nghệ để tổng hợp.

THỦ TƯỚNG

Nguyễn Văn An`;

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN
TỈNH HÒA BẮC

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 27/2025/NQ-HĐND
Hòa Bắc, ngày 16 tháng 10 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ khởi nghiệp sáng tạo trên địa bàn tỉnh Hòa Bắc

HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BẮC

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

Xét Tờ trình số 318/TTr-UBND ngày 06 tháng 10 năm 2025 của Ủy ban nhân dân tỉnh về dự thảo Nghị quyết; Báo cáo thẩm tra của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.

QUYẾT NGHỊ:

Điều 1. Trình tự, thủ tục

1. Tổ chức, cá nhân nộp hồ sơ đề nghị hỗ trợ tại Trung tâm Phục vụ hành chính công tỉnh; Sở Khoa học và Công nghệ là cơ quan tiếp nhận, thẩm định hồ sơ đề nghị hỗ trợ trước ngày 31 tháng 12 hằng năm.

2. Trong thời hạn 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, Sở Khoa học và Công nghệ thẩm định, trình Ủy ban nhân dân tỉnh quyết định hỗ trợ.

Điều 2. Hiệu lực thi hành

Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.

Nơi nhận:
- Ủy ban Thường vụ Quốc hội;
- Lưu: VT.

CHỦ TỊCH

Phạm Thị Hồng Nhung`;

describe("a directive's items and a council's resolution", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [DIRECTIVE, "ct29.md"],
      [RESOLUTION, "nq27.md"],
    ]));
  });

  it("a point under an item headed by a body is answered with that body named", async () => {
    const a = await ask("Chỉ thị số 29/CT-TTg giao cơ quan nào hoàn thiện Bộ chỉ số đánh giá mức độ chuyển đổi số cấp xã, phối hợp với cơ quan nào?");
    expect(a.citations[0]!.section).toBe("1.a");
    expect(a.answer).toContain("Bộ Khoa học và Công nghệ");
    expect(a.answer).toContain("Văn phòng Chính phủ, Bộ Công an");
  });

  it("the number's own issuer code typed after it ('ct 29 ttg …') names the directive, no words the passage must hold", async () => {
    const a = await ask("ct 29 ttg giao bo khcn hoan thien bo chi so danh gia cds cap xa, han khi nao");
    expect(a.citations[0]!.section).toBe("1.a");
    expect(a.answer).toContain("30/9/2025");
  });

  it("'vào thời điểm nào' of the clause that sets the reports' period, not a row of the body the reports go to", async () => {
    const a = await ask("Chỉ thị 29/CT-TTg quy định các tỉnh báo cáo kết quả định kỳ về Bộ Khoa học và Công nghệ vào thời điểm nào?");
    expect(a.citations[0]!.section).toBe("2.b");
    expect(a.answer).toContain("trước ngày 20 của tháng cuối quý");
  });

  it("'trên cơ sở tờ trình nào': the preamble's 'Xét Tờ trình số …'", async () => {
    const a = await ask("Nghị quyết 27/2025/NQ-HĐND được xem xét trên cơ sở tờ trình nào của Ủy ban nhân dân tỉnh?");
    expect(a.answer).toContain("318/TTr-UBND");
    expect(a.citations[0]!.section).toBe("");
  });

  it("'bao nhiêu ngày' of the clause stating the days, not of one that gives only a day", async () => {
    const a = await ask("Sở Khoa học và Công nghệ có bao nhiêu ngày để thẩm định hồ sơ đề nghị hỗ trợ theo Nghị quyết 27/2025/NQ-HĐND?");
    expect(a.citations[0]!.section).toBe("Điều 1.2");
    expect(a.answer).toContain("20 ngày làm việc");
  });
});
