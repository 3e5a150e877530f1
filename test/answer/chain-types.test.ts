/**
 * "Quyết định … ban hành Kế hoạch thực hiện những văn bản nào?": the type named ("Kế hoạch") is what the decision
 * issues, not a type asked for, so every document it carries out is listed; "… thực hiện kế hoạch nào?" asks for plans.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const DECISION = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ ĐÔNG
Số: 640/QĐ-UBND
Hà Đông, ngày 18 tháng 3 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ và Kế hoạch số 115-KH/TU ngày 20/02/2025 của Ban Thường vụ Thành ủy về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn thành phố Hà Đông

ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ ĐÔNG

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện chuyển đổi số trên địa bàn thành phố.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Nam`;

describe("what a decision issuing a plan carries out", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[DECISION, "qd640.txt"]]));
  });

  it("'những văn bản nào': every document, whatever its type", async () => {
    const a = await ask("Quyết định 640/QĐ-UBND ban hành Kế hoạch thực hiện những văn bản nào?");
    expect(a.answer).toContain("03/NQ-CP");
    expect(a.answer).toContain("115-KH/TU");
  });

  it("'kế hoạch nào': the plans only", async () => {
    const a = await ask("Quyết định 640/QĐ-UBND ban hành để thực hiện kế hoạch nào?");
    expect(a.answer).toContain("115-KH/TU");
    expect(a.answer).not.toContain("03/NQ-CP");
  });

  it("a reference's issuer ends before 'trên địa bàn'", () => {
    const d = parseDocument(DECISION, "qd640.txt");
    expect(d.references.find((r) => r.number === "57-NQ/TW")?.issuer).toBe("Bộ Chính trị");
  });
});
