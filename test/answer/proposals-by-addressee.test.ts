/**
 * A report's proposals headed by whom they go to ("1. Đối với Bộ Khoa học và Công nghệ", "2. Đối với Bộ Tài chính"):
 * "kiến nghị Bộ X những gì?" is answered from the part headed by Bộ X, and when no part is, the report proposes
 * nothing to it — a proposal to another body is no answer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const REPORT = `UBND TỈNH LÂM HÀ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 27/BC-SKHCN
Lâm Hà, ngày 10 tháng 7 năm 2025

BÁO CÁO
Kết quả thực hiện Nghị quyết số 57-NQ/TW 6 tháng đầu năm 2025

I. KẾT QUẢ THỰC HIỆN

Sở Nội vụ đã bố trí công chức làm đầu mối chuyển đổi số tại 102 xã, phường; phối hợp với Bộ Nội vụ tập huấn kỹ năng số cho công chức.

II. ĐỀ XUẤT, KIẾN NGHỊ

1. Đối với Bộ Khoa học và Công nghệ

a) Sớm ban hành hướng dẫn hợp nhất Quỹ phát triển khoa học và công nghệ của các tỉnh.

b) Triển khai nền tảng số dùng chung cho cấp xã.

2. Đối với Bộ Tài chính

Sớm hướng dẫn cơ chế khoán chi đến sản phẩm cuối cùng đối với nhiệm vụ khoa học và công nghệ cấp tỉnh.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Văn Bình`;

describe("proposals headed by their addressee", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[REPORT, "bc27.md"]]));
  });

  it("to a body a part is headed by: that part", async () => {
    const a = await ask("Báo cáo 27/BC-SKHCN kiến nghị Bộ Tài chính những nội dung gì?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("II.2");
  });

  it("to a body no part is headed by: none, though the report names that body elsewhere", async () => {
    const a = await ask("Theo Báo cáo 27/BC-SKHCN, Sở Khoa học và Công nghệ kiến nghị Bộ Nội vụ những nội dung gì?");
    expect(a.mode).toBe("not_found");
    // (The report names Bộ Nội vụ, in its results: no proposal to it all the same.)
    expect(a.answer).not.toContain("tập huấn");
  });
});
