/**
 * A province no document of the corpus is of, named in the question's topic ("… tại thành phố Đà Nẵng"), is still a
 * place the evidence must name: the task row about another city is no answer; the row about the city asked is.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const DECISION = `THỦ TƯỚNG CHÍNH PHỦ
Số: 327/QĐ-TTg
Hà Nội, ngày 24 tháng 02 năm 2025

QUYẾT ĐỊNH
Phê duyệt Chương trình phát triển công nghiệp công nghệ số tại các thành phố trực thuộc trung ương

Điều 1. Phê duyệt Chương trình kèm theo Quyết định này.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Phạm Quốc Hưng

PHỤ LỤC
DANH MỤC NHIỆM VỤ

| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Xây dựng khu công nghệ số tập trung tại thành phố Cần Thơ | Ủy ban nhân dân thành phố Cần Thơ | 2026-2029 |
| 2 | Xây dựng khu công nghệ số tập trung tại thành phố Hải Phòng | Ủy ban nhân dân thành phố Hải Phòng | 2025-2028 |
`;

describe("a province named in the topic that no document is of", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[DECISION, "qd327.md"]]));
  });

  it("is a place the row must name: another city's row is no answer", async () => {
    const a = await ask("Theo Phụ lục Quyết định 327/QĐ-TTg, nhiệm vụ xây dựng khu công nghệ số tập trung tại thành phố Đà Nẵng do ai chủ trì?");
    expect(a.mode).toBe("not_found");
    expect(a.answer).not.toMatch(/Ủy ban nhân dân thành phố (Cần Thơ|Hải Phòng) \(chủ trì/);
  });

  it("while the city the rows name is answered", async () => {
    const a = await ask("Theo Phụ lục Quyết định 327/QĐ-TTg, nhiệm vụ xây dựng khu công nghệ số tập trung tại thành phố Cần Thơ do ai chủ trì?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("Ủy ban nhân dân thành phố Cần Thơ");
  });
});
