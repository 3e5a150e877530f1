/**
 * A Prime Minister's công điện: its addressees follow "THỦ TƯỚNG CHÍNH PHỦ điện:" as a letter's follow "Kính gửi:"
 * (recipients, not a passage to answer from); "cd 186" names it in chat; "1. Bộ trưởng Bộ Khoa học và Công nghệ:" is
 * one addressee, not "Bộ trưởng" and a ministry; "đưa vào sử dụng nền tảng nào" asks a task, not a chain ("dựa vào").
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const DISPATCH = `THỦ TƯỚNG CHÍNH PHỦ
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 186/CĐ-TTg
Hà Nội, ngày 18 tháng 8 năm 2025

CÔNG ĐIỆN

VỀ VIỆC ĐẨY MẠNH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW, BẢO ĐẢM HẠ TẦNG SỐ CHO CHÍNH QUYỀN ĐỊA PHƯƠNG HAI CẤP

THỦ TƯỚNG CHÍNH PHỦ điện:

- Bộ trưởng các Bộ: Khoa học và Công nghệ, Nội vụ, Tài chính;
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương;
- Chủ tịch Hội đồng thành viên: Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel), Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT).

Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị, Thủ tướng Chính phủ yêu cầu:

1. Bộ trưởng Bộ Khoa học và Công nghệ:

a) Hoàn thành, đưa vào sử dụng nền tảng trợ lý ảo dùng chung hỗ trợ cán bộ, công chức cấp xã tra cứu văn bản trước ngày 31 tháng 12 năm 2025.

b) Chủ trì xóa các vùng lõm sóng, phủ sóng di động đến 100% thôn, bản trong Quý I năm 2026.

2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương rà soát, ban hành mới kế hoạch thực hiện Nghị quyết số 57-NQ/TW trước ngày 15 tháng 10 năm 2025.

3. Đề nghị Tập đoàn Viettel, Tập đoàn VNPT đầu tư trạm phát sóng tại các thôn, bản chưa có sóng; hỗ trợ thiết bị cho bộ phận một cửa cấp xã.

THỦ TƯỚNG

Phạm Minh Chính`;

describe("a công điện", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[DISPATCH, "cd186.txt"]]));
  });

  it("its addressees are its recipients; its first item's head is one addressee", () => {
    const d = parseDocument(DISPATCH, "cd186.txt");
    expect(d.recipients[0]).toBe("Bộ trưởng các Bộ: Khoa học và Công nghệ, Nội vụ, Tài chính");
    expect(d.sections.find((s) => s.path === "")?.text ?? "").not.toContain("Tập đoàn Công nghiệp");
    expect(d.assignments.filter((a) => a.section === "1.a").map((a) => a.assignee)).toEqual(["Bộ trưởng Bộ Khoa học và Công nghệ"]);
  });

  it("what it asks the telecom groups: their item, not the addressees' list", async () => {
    const a = await ask("Công điện 186/CĐ-TTg đề nghị các tập đoàn viễn thông thực hiện những việc gì?");
    expect(a.citations[0]!.section).toBe("3");
  });

  it("'đưa vào sử dụng nền tảng nào' asks the task", async () => {
    const a = await ask("Công điện số 186/CĐ-TTg yêu cầu Bộ Khoa học và Công nghệ hoàn thành, đưa vào sử dụng nền tảng nào?");
    expect(a.citations[0]!.section).toBe("1.a");
    expect(a.answer).toContain("trợ lý ảo dùng chung");
  });

  it("'cd 186' names it", async () => {
    const a = await ask("cd 186 chu tich ubnd tinh phai ban hanh lai ke hoach thuc hien nq57 truoc ngay nao");
    expect(a.citations[0]!.section).toBe("2");
    expect(a.answer).toContain("15 tháng 10 năm 2025");
  });
});
