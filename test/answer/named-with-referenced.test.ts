/**
 * A question that names a document of the corpus and, as what it speaks of, one the corpus only cites ("Nghị quyết 196
 * bãi bỏ những nhiệm vụ nào tại Phụ lục kèm theo Nghị quyết 03?"): answered from the first. The cited one asked about
 * alone is still not here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const RESOLUTION = `CHÍNH PHỦ
Số: 196/NQ-CP
Hà Nội, ngày 18 tháng 7 năm 2025

NGHỊ QUYẾT
Sửa đổi, bổ sung một số nội dung của Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ;

QUYẾT NGHỊ:

Điều 1. Sửa đổi, bổ sung Chương trình hành động ban hành kèm theo Nghị quyết số 03/NQ-CP

1. Thay thế cụm từ "Bộ Kế hoạch và Đầu tư" bằng cụm từ "Bộ Tài chính".

2. Bãi bỏ nhiệm vụ số 14 và nhiệm vụ số 27 tại Phụ lục kèm theo Nghị quyết số 03/NQ-CP.

Điều 2. Hiệu lực thi hành

Nghị quyết này có hiệu lực từ ngày ký.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Văn An`;

describe("a document of the corpus named with one it only cites", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[RESOLUTION, "nq196.md"]]));
  });

  it("is answered from the document the corpus holds", async () => {
    const a = await ask("Nghị quyết số 196/NQ-CP bãi bỏ những nhiệm vụ nào tại Phụ lục kèm theo Nghị quyết số 03/NQ-CP?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]).toMatchObject({ number: "196/NQ-CP", section: "Điều 1.2" });
    expect(a.answer).toContain("nhiệm vụ số 14 và nhiệm vụ số 27");
  });

  it("the cited one asked about alone is not here", async () => {
    const a = await ask("Nghị quyết 03/NQ-CP giao Bộ Tài chính những nhiệm vụ gì?");
    expect(a.mode).toBe("not_found");
    expect(a.answer).toContain("chưa có trong kho");
  });
});
