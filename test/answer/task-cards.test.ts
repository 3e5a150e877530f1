/**
 * Tasks written as cards — the task, then "Đơn vị chủ trì: …", "Đơn vị phối hợp: …", "Thời hạn: …", "Sản phẩm: …" as
 * bullets — as ministries write a task table in prose: read as rows, answered with their lead and deadline, quoted
 * whole; and a chat question whose extra words ("bao giờ xong", "gd") cost coverage still gets the row the search
 * finds first.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { splitBodies } from "../../src/parser/assignments.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `BỘ Y TẾ
Số: 277/KH-BYT
Hà Nội, ngày 14 tháng 5 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW trong ngành y tế

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm mỗi nhiệm vụ có đơn vị chủ trì, thời hạn và sản phẩm cụ thể.

II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN

1. Chuyển đổi số y tế

a) Triển khai bệnh án điện tử tại các bệnh viện trực thuộc Bộ.

* Đơn vị chủ trì: Cục Khoa học, Công nghệ và Đào tạo.
* Đơn vị phối hợp: Vụ Kế hoạch - Tài chính; các bệnh viện trực thuộc Bộ.
* Thời hạn: Quý IV/2025.
* Sản phẩm: Bệnh án điện tử được triển khai.

b) Xây dựng nền tảng hồ sơ sức khỏe điện tử dùng chung toàn ngành.

* Đơn vị chủ trì: Cục Quản lý khám, chữa bệnh.
* Đơn vị phối hợp: Cục Khoa học, Công nghệ và Đào tạo; Bảo hiểm xã hội Việt Nam.
* Thời hạn: Năm 2026.
* Sản phẩm: Nền tảng hồ sơ sức khỏe điện tử.

III. TỔ CHỨC THỰC HIỆN

Các đơn vị báo cáo kết quả về Văn phòng Bộ trước ngày 15/12 hằng năm.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Minh`;

describe("a task card", () => {
  const doc = parseDocument(PLAN, "kh277.md");
  const row = (section: string) => doc.assignments.find((a) => a.section === section);

  it("is one row: its lead, partners (a name with a comma kept whole), deadline and product, the task its text", () => {
    expect(row("II.1.a")).toMatchObject({
      assignee: "Cục Khoa học, Công nghệ và Đào tạo",
      role: "chủ trì",
      partners: ["Vụ Kế hoạch - Tài chính", "các bệnh viện trực thuộc Bộ"],
      deadline: "Quý IV/2025",
      product: "Bệnh án điện tử được triển khai",
      task: "Triển khai bệnh án điện tử tại các bệnh viện trực thuộc Bộ.",
    });
    expect(row("II.1.b")?.due?.normalized).toBe("2026");
    expect(row("II.1.b")?.partners).toEqual(["Cục Khoa học, Công nghệ và Đào tạo", "Bảo hiểm xã hội Việt Nam"]);
  });

  it("and a section with no lead line is no card", () => {
    expect(doc.assignments.filter((a) => a.section === "I")).toEqual([]);
  });
});

describe("names in a list of bodies", () => {
  it("a name's own fields written with a comma stay one body; 'và' before a Cục or Vụ starts another", () => {
    expect(splitBodies("Phòng Văn hóa, Khoa học và Thông tin, Văn phòng HĐND và UBND")).toEqual(["Phòng Văn hóa, Khoa học và Thông tin", "Văn phòng HĐND và UBND"]);
    expect(splitBodies("Vụ Giáo dục Đại học, Cục Quản lý chất lượng và Vụ Pháp chế")).toEqual(["Vụ Giáo dục Đại học", "Cục Quản lý chất lượng", "Vụ Pháp chế"]);
    // A combined office is one body, its "và" before another body's name included.
    expect(splitBodies("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường")).toEqual(["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"]);
    expect(splitBodies("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh; Sở Nội vụ và Sở Tài chính")).toEqual(["Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", "Sở Nội vụ", "Sở Tài chính"]);
    expect(splitBodies("Văn phòng UBND tỉnh và Sở Tài chính")).toEqual(["Văn phòng UBND tỉnh", "Sở Tài chính"]);
    expect(splitBodies("Báo Lạng Sơn, Đài Phát thanh và Truyền hình tỉnh")).toEqual(["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"]);
  });
});

describe("questions on task cards", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh277.md"]]));
  });

  it("'ai chủ trì …, bao giờ xong' typed in chat: the card's lead and deadline, the card quoted with its deadline", async () => {
    const a = await ask("ai chu tri xay dung nen tang ho so suc khoe dien tu dung chung, bao gio xong");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("Cục Quản lý khám, chữa bệnh");
    expect(a.answer).toContain("Năm 2026");
    expect(a.citations[0]).toMatchObject({ number: "277/KH-BYT", section: "II.1.b" });
    expect(a.citations[0]!.quote).toContain("Thời hạn: Năm 2026");
  });

  it("'nhiệm vụ X có thời hạn khi nào?' names no body: the card's deadline answers it", async () => {
    const a = await ask("Theo Kế hoạch 277/KH-BYT, nhiệm vụ triển khai bệnh án điện tử tại các bệnh viện trực thuộc Bộ có thời hạn khi nào?");
    expect(a.answer).toContain("Quý IV/2025");
    expect(a.citations[0]?.section).toBe("II.1.a");
  });
});
