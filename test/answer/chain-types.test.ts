/**
 * "Công văn X đôn đốc thực hiện kế hoạch nào và dựa trên báo cáo nào?": the plan it carries out, and the report of the
 * type asked that it cites ("Theo Báo cáo số …"), each with the words that cite it; a body's name with "và" in it
 * ("Sở Khoa học và Công nghệ") is the report's issuer whole.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { findMentions } from "../../src/parser/references.js";
import { assistantOver } from "../helpers/assistant.js";

const LETTER = `ỦY BAN NHÂN DÂN
TỈNH LÂM HÀ
Số: 2386/UBND-KGVX
V/v đôn đốc thực hiện các nhiệm vụ chậm tiến độ theo Kế hoạch số 118/KH-UBND

Lâm Hà, ngày 11 tháng 6 năm 2025

Kính gửi: Các sở, ban, ngành tỉnh.

Thực hiện Kế hoạch số 118/KH-UBND ngày 25/3/2025 của UBND tỉnh về thực hiện Nghị quyết số 57-NQ/TW; theo Báo cáo số 1027/BC-SKHCN ngày 05/6/2025 của Sở Khoa học và Công nghệ, đến nay còn một số nhiệm vụ quá thời hạn nhưng chưa hoàn thành.

1. Sở Nội vụ hoàn thành Đề án thu hút nhân lực chất lượng cao trước ngày 30/6/2025.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hồ Thị Thu Hằng`;

describe("the documents a text cites, by the type asked", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[LETTER, "cv2386.md"]]));
  });

  it("the plan carried out and the report cited, each quoted", async () => {
    const a = await ask("Công văn 2386/UBND-KGVX đôn đốc thực hiện kế hoạch nào và dựa trên báo cáo nào của Sở Khoa học và Công nghệ?");
    expect(a.answer).toContain("118/KH-UBND");
    expect(a.answer).toContain("1027/BC-SKHCN");
    expect(a.answer).toContain("Sở Khoa học và Công nghệ");
    expect(a.citations.every((c) => c.quote.includes("1027/BC-SKHCN") || c.quote.includes("118/KH-UBND"))).toBe(true);
  });

  it("a body's name with 'và' in it is an issuer whole; 'và' between two bodies ends it", () => {
    expect(findMentions("theo Báo cáo số 1027/BC-SKHCN ngày 05/6/2025 của Sở Khoa học và Công nghệ, đến nay")[0]?.issuer).toBe("Sở Khoa học và Công nghệ");
    expect(findMentions("Hướng dẫn số 12-HD/BTG của Ban Tuyên giáo và Dân vận Tỉnh ủy về học tập")[0]?.issuer).toBe("Ban Tuyên giáo và Dân vận Tỉnh ủy");
    expect(findMentions("Kế hoạch số 5/KH-UBND của UBND tỉnh và các sở, ngành")[0]?.issuer).toBe("UBND tỉnh");
  });
});
