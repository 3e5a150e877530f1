/**
 * Targets listed under a heading that gives their year ("2. Mục tiêu cụ thể năm 2025", "3. Mục tiêu đến năm 2030"),
 * the items themselves without it: a question about another year ("năm 2027") is not answered with either.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN THÀNH PHỐ HÒA BẮC
Số: 130/KH-UBND
Hòa Bắc, ngày 28 tháng 3 năm 2025

KẾ HOẠCH
Phát triển khoa học, công nghệ và chuyển đổi số

I. MỤC ĐÍCH

Cụ thể hóa các nhiệm vụ; hoàn thành trung tâm dữ liệu thành phố trong năm 2027.

II. MỤC TIÊU

1. Mục tiêu cụ thể năm 2025

a) Quy mô kinh tế số đạt 20% GRDP thành phố.

b) Phủ sóng 5G tại 60% khu công nghiệp.

2. Mục tiêu đến năm 2030

a) Quy mô kinh tế số của thành phố đạt tối thiểu 35% GRDP.

b) Đào tạo 20.000 kỹ sư công nghệ số.

III. NHIỆM VỤ

1. Xây dựng trung tâm dữ liệu thành phố, hoàn thành năm 2027.

2. Đưa trung tâm điều hành thông minh vào vận hành trước năm 2027.

3. Số hóa hồ sơ địa chính, hoàn thành năm 2027.

4. Xây dựng khu công nghệ số tập trung, giai đoạn 2025 - 2027.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa`;

describe("targets under a heading that gives their year", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh130.md"]]));
  });

  it("answer the year asked", async () => {
    expect((await ask("Kế hoạch 130/KH-UBND đặt mục tiêu quy mô kinh tế số năm 2025 là bao nhiêu phần trăm GRDP?")).answer).toContain("20% GRDP");
    expect((await ask("Kế hoạch 130/KH-UBND đặt mục tiêu quy mô kinh tế số đến năm 2030 là bao nhiêu phần trăm GRDP?")).answer).toContain("35% GRDP");
  });

  it("and not another year the text sets no target for", async () => {
    const a = await ask("Kế hoạch 130/KH-UBND đặt mục tiêu quy mô kinh tế số năm 2027 là bao nhiêu phần trăm GRDP?");
    expect(a.mode).toBe("not_found");
  });

  it("the date that names the document with its number is no date the passage must hold", async () => {
    const a = await ask("Kế hoạch số 130/KH-UBND ngày 28/3/2025 của UBND thành phố Hòa Bắc đặt mục tiêu quy mô kinh tế số đến năm 2030 là bao nhiêu phần trăm GRDP?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("35% GRDP");
  });
});

const BY_YEAR = `TỈNH ỦY HÒA BẮC
Số 45-KH/TU
Hòa Bắc, ngày 28 tháng 7 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW

I- MỤC TIÊU

1- Mục tiêu cụ thể theo từng năm

a) Năm 2026:
- Kinh tế số đạt 14% GRDP.
- 70% người dân sử dụng dịch vụ công trực tuyến.

b) Năm 2027:
- Kinh tế số đạt 16% GRDP.
- 80% người dân sử dụng dịch vụ công trực tuyến.

II- NHIỆM VỤ

1- Phát triển kinh tế số gắn với nông nghiệp.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An`;

describe("targets listed by year, each item labelled with its year ('a) Năm 2026:')", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  let coverage: (q: string, section: string) => Promise<number>;
  beforeAll(async () => {
    ({ ask, coverage } = await assistantOver([[BY_YEAR, "kh45.md"]]));
  });

  it("answer the year asked", async () => {
    const a = await ask("Kế hoạch 45-KH/TU đặt mục tiêu kinh tế số năm 2027 là bao nhiêu phần trăm GRDP?");
    expect(a.answer).toContain("16% GRDP");
    expect(a.citations[0]?.section).toBe("I.1.b");
  });

  it("an item labelled with another year holds less of a question about a target year", async () => {
    // The same words, the year once as a target's ("năm 2029") and once bare: the items of 2026 and 2027 answer neither
    // year, and the first is marked down as another year's.
    const asTarget = await coverage("Kế hoạch 45-KH/TU: mục tiêu kinh tế số năm 2029 bao nhiêu phần trăm GRDP?", "I.1.a");
    const bare = await coverage("Kế hoạch 45-KH/TU: mục tiêu kinh tế số 2029 bao nhiêu phần trăm GRDP?", "I.1.a");
    expect(bare).toBeGreaterThan(0);
    expect(asTarget).toBeLessThan(0.4 * bare);
    expect((await ask("Kế hoạch 45-KH/TU đặt mục tiêu kinh tế số năm 2029 là bao nhiêu phần trăm GRDP?")).mode).toBe("not_found");
  });
});

const BY_DATE = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 131/KH-UBND
Hòa Bắc, ngày 30 tháng 10 năm 2025

KẾ HOẠCH
Phát triển dữ liệu số và dịch vụ công trực tuyến

I. MỤC TIÊU

1. Đến ngày 31/12/2025

a) Tỷ lệ hồ sơ trực tuyến toàn tỉnh đạt tối thiểu 60%.

b) 135/135 xã, phường kết nối mạng truyền số liệu chuyên dùng.

2. Đến hết năm 2026

a) Tỷ lệ hồ sơ trực tuyến toàn tỉnh đạt tối thiểu 80%.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa`;

describe("targets under a heading that gives their full date ('1. Đến ngày 31/12/2025')", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[BY_DATE, "kh131.md"]]));
  });

  it("the date asked is held by the heading: the item under it answers", async () => {
    const a = await ask("Kế hoạch 131/KH-UBND đặt mục tiêu tỷ lệ hồ sơ trực tuyến toàn tỉnh đến ngày 31/12/2025 là bao nhiêu?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.section).toBe("I.1.a");
    expect(a.answer).toContain("tối thiểu 60%");
  });

  it("a date no heading nor item holds is still refused", async () => {
    expect((await ask("Kế hoạch 131/KH-UBND đặt mục tiêu tỷ lệ hồ sơ trực tuyến toàn tỉnh đến ngày 30/6/2027 là bao nhiêu?")).mode).toBe("not_found");
  });
});
