/**
 * An acronym or foreign word in a question ("chỉ số PII", "mục tiêu DTI", typed "pii" in chat) names its thing on its
 * own: that the corpus never writes it next to the question's other words ("tiêu PII") is no sign that the documents
 * are silent. Vietnamese pairs the corpus never writes ("thời tiết") still are.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { isSyllableShape } from "../../src/text/vietnamese.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH LÂM HÀ
Số: 77/KH-UBND
Lâm Hà, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh Lâm Hà

I. MỤC TIÊU

1. Mục tiêu đến năm 2025

a) Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt tối thiểu 50%.

2. Mục tiêu đến năm 2030

a) Kinh tế số đạt 20% GRDP của tỉnh.

b) Chỉ số đổi mới sáng tạo cấp địa phương (PII) và Chỉ số chuyển đổi số cấp tỉnh (DTI) của tỉnh thuộc nhóm 25 tỉnh, thành phố dẫn đầu cả nước.

c) Nhân lực nghiên cứu và phát triển đạt 8 người trên một vạn dân.

II. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.

2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình`;

const LETTER = `UBND TỈNH LÂM HÀ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 412/SKHCN-QLCN
V/v triển khai Kế hoạch số 77/KH-UBND

Lâm Hà, ngày 02 tháng 4 năm 2025

Kính gửi: Các sở, ban, ngành cấp tỉnh.

1. Cử cán bộ đầu mối theo dõi việc thực hiện Kế hoạch, gửi danh sách về Sở Khoa học và Công nghệ trước ngày 15/4/2025.

2. Báo cáo kết quả thực hiện các mục tiêu của Kế hoạch định kỳ 6 tháng, gửi về Sở Khoa học và Công nghệ trước ngày 05/6.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Thị Minh Hà`;

describe("acronyms in questions", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => ({ ask } = await assistantOver([
    [PLAN, "kh77.md"],
    [LETTER, "cv412.md"],
  ])));

  it("are not Vietnamese syllables; Vietnamese syllables, folded, are", () => {
    for (const w of ["pii", "dti", "grdp", "kpi", "ubnd", "nq"]) expect(isSyllableShape(w)).toBe(false);
    for (const w of ["muc", "tieu", "nghieng", "khuyen", "quyet", "uu", "xoong", "giu", "nguoi", "ai"]) expect(isSyllableShape(w)).toBe(true);
  });

  it("answer from the passage that names them, typed formally or in chat", async () => {
    for (const q of ["Mục tiêu PII và DTI của Lâm Hà đến năm 2030 là gì?", "muc tieu pii va dti cua lam ha den 2030 la gi"]) {
      const a = await ask(q);
      expect(a.mode, q).toBe("answer");
      expect(a.citations[0]?.section, q).toBe("I.2.b");
      expect(a.answer, q).toContain("nhóm 25 tỉnh");
    }
  });

  it("still refuse what the documents do not set", async () => {
    const a = await ask("Mục tiêu về tỷ lệ hộ nghèo của Lâm Hà đến năm 2030 là gì?");
    expect(a.mode).toBe("not_found");
  });
});
