/**
 * "… tham mưu UBND tỉnh X … tổng hợp tình hình thực hiện Kế hoạch 552?": the number names what is carried out, and
 * the province's other documents are looked at for one that speaks of it. When none cites it, the plan named — the
 * province's own — is the one asked about, not another plan of the same committee with a like duty.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const head = (number: string, day: string, title: string) => `ỦY BAN NHÂN DÂN
TỈNH LÂM HÀ
Số: ${number}
Lâm Hà, ngày ${day} năm 2025

KẾ HOẠCH
${title}
`;

const PLAN_552 = `${head("552/KH-UBND", "10 tháng 3", "Đổi mới công nghệ giai đoạn 2025 - 2030")}
I. MỤC ĐÍCH

Nâng cao năng lực đổi mới công nghệ của doanh nghiệp.

II. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

- Là cơ quan thường trực, chủ trì tham mưu Ủy ban nhân dân tỉnh triển khai, theo dõi, đôn đốc và tổng hợp tình hình thực hiện Kế hoạch.

2. Sở Tài chính

- Bố trí kinh phí thực hiện Kế hoạch.`;

const PLAN_1126 = `${head("1126/KH-UBND", "12 tháng 8", "Chuyển đổi số tỉnh Lâm Hà năm 2025 - 2026")}
I. MỤC ĐÍCH

Thực hiện chuyển đổi số toàn diện.

II. TỔ CHỨC THỰC HIỆN

1. Văn phòng Ủy ban nhân dân tỉnh

- Là cơ quan thường trực, giúp Ủy ban nhân dân tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, báo cáo.`;

describe("a plan named as what is carried out, of the committee named", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [PLAN_552, "kh552.md"],
      [PLAN_1126, "kh1126.md"],
    ]));
  });

  it("is the plan asked about when no other document of the committee cites it", async () => {
    const a = await ask("Ai là cơ quan thường trực, chủ trì tham mưu UBND tỉnh Lâm Hà triển khai, theo dõi và tổng hợp tình hình thực hiện Kế hoạch 552?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.number).toBe("552/KH-UBND");
    expect(a.answer).toContain("Sở Khoa học và Công nghệ");
  });
});
