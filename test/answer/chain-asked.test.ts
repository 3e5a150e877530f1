/**
 * "X thực hiện kế hoạch nào …, căn cứ nghị quyết nào …?": the types asked for choose the documents listed, the
 * document's own type too (a Kế hoạch carries out a Party committee's Kế hoạch); a Chương trình asked for is a
 * Chương trình hành động as well. A preamble's further item after ";" ("…; gắn với việc tiếp tục thực hiện Kết luận
 * 69") is carried out too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const MINISTRY = `BỘ Y TẾ
Số: 301/KH-BYT
Hà Nội, ngày 02 tháng 6 năm 2025

KẾ HOẠCH
Triển khai Nghị quyết số 57-NQ/TW trong ngành Y tế

Căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW;

Thực hiện Kế hoạch số 21-KH/ĐU ngày 10/3/2025 của Đảng ủy Bộ Y tế thực hiện Nghị quyết số 57-NQ/TW,

Bộ Y tế ban hành Kế hoạch như sau:

I. MỤC ĐÍCH

Triển khai đồng bộ.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn Nam`;

const CITY = `THÀNH ỦY HÒA BẮC
Số: 31-CTr/TU
Hòa Bắc, ngày 12 tháng 3 năm 2025

CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

Thực hiện Chương trình hành động số 40-CTr/TU, ngày 20/02/2025 của Tỉnh ủy Hòa Bắc thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết số 57-NQ/TW); gắn với việc tiếp tục thực hiện Kết luận số 69-KL/TW, ngày 11/01/2024 của Bộ Chính trị, Ban Thường vụ Thành ủy xây dựng Chương trình hành động như sau:

I. MỤC TIÊU

Phát triển kinh tế số.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Trần Văn Bình`;

describe("a preamble's further item after ';'", () => {
  it("is carried out too", () => {
    const refs = parseDocument(CITY, "ctr31.md").references.map((r) => `${r.number}:${r.relation}`);
    expect(refs).toEqual(expect.arrayContaining(["40-CTr/TU:implements", "69-KL/TW:implements"]));
  });
});

// A town's plan that shares its number with the province's plan it carries out (both 12/KH-UBND).
const TOWN = `ỦY BAN NHÂN DÂN THỊ XÃ BẮC SƠN
Số: 12/KH-UBND
Bắc Sơn, ngày 19 tháng 5 năm 2025

KẾ HOẠCH
Chuyển đổi số trong du lịch năm 2025

Thực hiện Chương trình hành động số 40-CTr/TU ngày 20/02/2025 của Tỉnh ủy Hòa Bắc;

Căn cứ Kế hoạch số 12/KH-UBND ngày 28/3/2025 của UBND tỉnh Hòa Bắc thực hiện Nghị quyết số 57-NQ/TW,

UBND thị xã ban hành Kế hoạch như sau:

I. MỤC TIÊU

Phát triển du lịch thông minh.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa`;

describe("a plan citing another plan of its own number, dated otherwise", () => {
  it("cites it: its own number is no reference only when the date is its own too", () => {
    const refs = parseDocument(TOWN, "kh12.md").references.map((r) => `${r.number}:${r.date}`);
    expect(refs).toContain("12/KH-UBND:2025-03-28");
    expect(parseDocument(TOWN.replace("28/3/2025", "19/5/2025"), "kh12.md").references.map((r) => r.number)).not.toContain("12/KH-UBND");
  });
});

describe("the documents a document carries out, of the types asked", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [MINISTRY, "kh301.md"],
      [CITY, "ctr31.md"],
      [TOWN, "kh12.md"],
    ]));
  });

  it("a Kế hoạch asked for is listed though the document is a Kế hoạch itself", async () => {
    const a = await ask("Kế hoạch 301/KH-BYT thực hiện kế hoạch nào của Đảng ủy Bộ và căn cứ nghị quyết nào của Chính phủ?");
    expect(a.answer).toContain("21-KH/ĐU");
    expect(a.answer).toContain("03/NQ-CP");
  });

  it("'thực hiện văn bản nào và căn cứ kế hoạch nào': every document carried out, and the plan cited", async () => {
    const a = await ask("Kế hoạch 12/KH-UBND của UBND thị xã Bắc Sơn thực hiện văn bản nào và căn cứ kế hoạch nào của UBND tỉnh?");
    expect(a.answer).toContain("40-CTr/TU");
    expect(a.answer).toMatch(/12\/KH-UBND ngày 28\/3\/2025/);
  });

  it("'chương trình nào' finds a Chương trình hành động; 'kết luận nào' the conclusion carried on", async () => {
    const a = await ask("Chương trình hành động 31-CTr/TU thực hiện chương trình nào của Tỉnh ủy và kết luận nào của Bộ Chính trị?");
    expect(a.answer).toContain("40-CTr/TU");
    expect(a.answer).toContain("69-KL/TW");
  });
});

describe("the documents carrying out a plan named with its own issuer", () => {
  const PLAN = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 118/KH-UBND
Hòa Bắc, ngày 15 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW

I. MỤC TIÊU

Phát triển kinh tế số.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm`;
  const GUIDE = `SỞ NỘI VỤ TỈNH HÒA BẮC
Số: 118/HD-SNV
Hòa Bắc, ngày 06 tháng 10 năm 2025

HƯỚNG DẪN
Đánh giá chuyển đổi số của cán bộ, công chức

Thực hiện Kế hoạch số 118/KH-UBND ngày 15/9/2025 của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số 57-NQ/TW, Sở Nội vụ hướng dẫn như sau:

I. YÊU CẦU

Đánh giá đúng thực chất.

GIÁM ĐỐC
Trần Văn Nam`;

  it("'… triển khai Kế hoạch 118/KH-UBND của UBND tỉnh …': that issuer names the plan, the Sở's guide carries it out", async () => {
    const DECISION = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 2845/QĐ-UBND
Hòa Bắc, ngày 24 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế nền tảng chia sẻ dữ liệu

Căn cứ Kế hoạch số 118/KH-UBND ngày 15/9/2025 của Ủy ban nhân dân tỉnh;

Điều 1. Ban hành kèm theo Quyết định này Quy chế nền tảng chia sẻ dữ liệu.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm`;
    const { ask } = await assistantOver([
      [PLAN, "kh118.md"],
      [GUIDE, "hd118.md"],
      [DECISION, "qd2845.md"],
    ]);
    const a = await ask("Những văn bản nào triển khai Kế hoạch 118/KH-UBND của UBND tỉnh Hòa Bắc?");
    expect(a.mode).toBe("answer");
    expect(a.citations.map((c) => c.number)).toContain("118/HD-SNV");
  });
});
