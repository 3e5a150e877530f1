/**
 * "Kế hoạch giao Ủy ban nhân dân các xã, phường những nhiệm vụ gì?": the body named with its levels ("các xã, phường")
 * is asked about, and its duties are the rows it leads, before the rows that only name it as a partner.
 */
import { describe, expect, it } from "vitest";
import { understand } from "../../src/understand/frame.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 1536/KH-UBND
Hòa Bắc, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Chuyển đổi số giai đoạn 2025 - 2030

I. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ
a) Tổ chức phong trào "Bình dân học vụ số" tại 99 xã, phường, phối hợp với Ủy ban nhân dân các xã, phường.
b) Phủ sóng 5G tại khu dân cư của 100% xã, phường, phối hợp với Ủy ban nhân dân các xã, phường.

2. Ủy ban nhân dân các xã, phường
a) Ban hành kế hoạch thực hiện của địa phương, hoàn thành trước ngày 30/9/2025.
b) Phân công ít nhất 01 công chức phụ trách chuyển đổi số.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Hùng`;

describe("a body's duties asked, the body named with its levels", () => {
  it("reads 'Ủy ban nhân dân các xã, phường' whole, and answers with the rows it leads", async () => {
    const { kb, ask } = await assistantOver([[PLAN, "kh1536.md"]]);
    const q = "Kế hoạch 1536/KH-UBND giao Ủy ban nhân dân các xã, phường những nhiệm vụ gì trong tổ chức thực hiện?";
    expect(understand(q, [], kb).body).toBe("Ủy ban nhân dân các xã, phường");
    const a = await ask(q);
    expect(a.mode).toBe("answer");
    expect(a.citations[0]!.section).toBe("I.2.a");
    expect(a.answer.split("\n")[0]).toContain("30/9/2025");
  });
});

const RESOLUTION = `CHÍNH PHỦ
Số: 214/NQ-CP
Hà Nội, ngày 24 tháng 7 năm 2025

NGHỊ QUYẾT
Sửa đổi, bổ sung Nghị quyết số 03/NQ-CP

Điều 1. Bổ sung nhiệm vụ

1. Bổ sung các nhiệm vụ sau:

a) Xây dựng Nền tảng số dùng chung phục vụ chính quyền cấp xã. Cơ quan chủ trì: Bộ Khoa học và Công nghệ; cơ quan phối hợp: Văn phòng Chính phủ. Thời gian hoàn thành: tháng 12 năm 2025.

b) Ban hành Bộ chỉ số đánh giá mức độ chuyển đổi số của xã, phường, đặc khu. Cơ quan chủ trì: Bộ Khoa học và Công nghệ; cơ quan phối hợp: Bộ Nội vụ. Thời gian hoàn thành: tháng 9 năm 2025.`;

describe("a task written with its fields on its line", () => {
  it("'bộ nào chủ trì, bộ nào phối hợp?' quotes the line with its bodies", async () => {
    const { ask } = await assistantOver([[RESOLUTION, "nq214.md"]]);
    const a = await ask("Theo Nghị quyết số 214/NQ-CP, bộ nào chủ trì ban hành Bộ chỉ số đánh giá mức độ chuyển đổi số của xã, phường, đặc khu và bộ nào phối hợp?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]!.section).toBe("Điều 1.1.b");
    expect(a.answer).toContain("cơ quan phối hợp: Bộ Nội vụ");
  });
});
