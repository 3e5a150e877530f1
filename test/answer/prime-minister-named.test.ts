/**
 * "Thủ tướng" alone names the Prime Minister, who issues as "Thủ tướng Chính phủ": "theo quyết định của Thủ tướng"
 * is the Prime Minister's decision, not the ministry plan that carries it out, though the question also names the
 * ministry. "UBND các tỉnh" is the provinces' People's Committees ("…, thành phố trực thuộc Trung ương"), and the body
 * reports are sent to ("báo cáo kết quả … về Bộ GDĐT") is no assignee asked about.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const DECISION = `THỦ TƯỚNG CHÍNH PHỦ
Số: 1452/QĐ-TTg
Hà Nội, ngày 14 tháng 7 năm 2025

QUYẾT ĐỊNH
Phê duyệt Chương trình phát triển năng lực số và ứng dụng trí tuệ nhân tạo trong giáo dục và đào tạo đến năm 2030

Điều 1. Phê duyệt Chương trình phát triển năng lực số và ứng dụng trí tuệ nhân tạo trong giáo dục và đào tạo đến năm 2030 (sau đây gọi tắt là Chương trình) với những nội dung chủ yếu sau đây:

I. TỔ CHỨC THỰC HIỆN

1. Bộ Giáo dục và Đào tạo

a) Ban hành Khung năng lực trí tuệ nhân tạo cho nhà giáo trước ngày 31/12/2025.

b) Định kỳ hằng năm tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện Chương trình trước ngày 15 tháng 12.

2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

a) Ban hành kế hoạch thực hiện Chương trình tại địa phương trong Quý IV/2025.

b) Chỉ đạo sở giáo dục và đào tạo triển khai, báo cáo kết quả thực hiện về Bộ Giáo dục và Đào tạo trước ngày 30 tháng 11 hằng năm.

Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.

THỦ TƯỚNG
Phạm Minh Chính`;

const PLAN = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1126/KH-BGDĐT
Hà Nội, ngày 25 tháng 8 năm 2025

KẾ HOẠCH
Triển khai Chương trình phát triển năng lực số trong giáo dục

Thực hiện Quyết định số 1452/QĐ-TTg ngày 14/7/2025 của Thủ tướng Chính phủ, Bộ Giáo dục và Đào tạo ban hành Kế hoạch.

I. NHIỆM VỤ

1. Cục Nhà giáo và Cán bộ quản lý giáo dục chủ trì xây dựng Khung năng lực trí tuệ nhân tạo cho nhà giáo, hoàn thành trong tháng 12/2025.

2. Cục Khoa học, Công nghệ và Thông tin tổng hợp báo cáo kết quả thực hiện Chương trình, trình Bộ trưởng báo cáo Thủ tướng Chính phủ trước ngày 10 tháng 12 hằng năm.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Văn Minh`;

const OTHER = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
Số: 37/2025/TT-BGDĐT
Hà Nội, ngày 12 tháng 12 năm 2025

THÔNG TƯ
Quy định về dữ liệu số ngành giáo dục

Điều 1. Thông tư này quy định về dữ liệu số ngành giáo dục.

Điều 2. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 02 năm 2026.

Điều 3. Quyết định số 12/QĐ-BGDĐT hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực.

BỘ TRƯỞNG
Nguyễn Kim Sơn`;

describe("the Prime Minister named without 'Chính phủ'", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [DECISION, "qd1452.md"],
      [PLAN, "kh1126.md"],
      [OTHER, "tt37.md"],
    ]));
  });

  it("'theo quyết định của Thủ tướng' is the Prime Minister's decision", async () => {
    const a = await ask("Theo quyết định của Thủ tướng, Bộ GDĐT phải ban hành Khung năng lực trí tuệ nhân tạo cho nhà giáo trước ngày nào?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.number).toBe("1452/QĐ-TTg");
    expect(a.answer).toContain("31/12/2025");
  });

  it("the decision named with its own title, then asked when it takes effect: its article of effect", async () => {
    const a = await ask("Quyết định số 1452/QĐ-TTg phê duyệt Chương trình phát triển năng lực số và ứng dụng trí tuệ nhân tạo trong giáo dục có hiệu lực thi hành từ khi nào?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("Điều 2");
  });

  it("'UBND các tỉnh báo cáo … về Bộ GDĐT': the provinces' row, not the ministry's", async () => {
    const a = await ask("Thủ tướng yêu cầu UBND các tỉnh báo cáo kết quả thực hiện Chương trình về Bộ GDĐT trước ngày nào hằng năm?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.number).toBe("1452/QĐ-TTg");
    expect(a.answer).toContain("30 tháng 11");
  });
});

describe("the body a thing is sent to, its name with a dash", () => {
  const WARD = `ỦY BAN NHÂN DÂN PHƯỜNG TÔ HIỆU
Tô Hiệu, ngày 26 tháng 12 năm 2025

KẾ HOẠCH
Chuyển đổi số trong trường học năm 2026

I. TỔ CHỨC THỰC HIỆN

1. Phòng Văn hóa - Xã hội phường

Là cơ quan thường trực, tham mưu UBND phường theo dõi, đôn đốc các trường thực hiện Kế hoạch; tổng hợp báo cáo UBND phường và Sở Giáo dục và Đào tạo định kỳ 6 tháng (trước ngày 10/6) và năm (trước ngày 05/11).

2. Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn phường

Xây dựng kế hoạch của trường, gửi về Phòng Văn hóa - Xã hội trước ngày 15/01/2026; cử giáo viên cốt cán về chuyển đổi số tham gia mạng lưới của Sở Giáo dục và Đào tạo.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lò Văn Minh`;

  it("'… gửi kế hoạch về Phòng Văn hóa - Xã hội trước ngày nào?': the schools' row, not that office's", async () => {
    const { ask } = await assistantOver([[WARD, "kh-to-hieu.md"]]);
    const a = await ask("Các trường trên địa bàn phường Tô Hiệu phải gửi kế hoạch của trường về Phòng Văn hóa - Xã hội trước ngày nào?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("15/01/2026");
    expect(a.answer.split("\n")[0]).not.toContain("10/6");
  });
});
