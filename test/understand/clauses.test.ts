import { describe, expect, it } from "vitest";
import { splitClauses } from "../../src/understand/clauses.js";

const names = (c: string) => /\b(?:\d+[-/][A-ZĐ]|KH \d|NQ \d|QĐ \d|KL \d)/u.test(c);

describe("compound questions", () => {
  it("splits two questions joined by ', và', ';' or a second question mark", () => {
    expect(splitClauses("Ai thẩm định an ninh mạng theo NQ 45, và ai đánh giá an ninh mạng theo QĐ 412?", names)).toEqual([
      "Ai thẩm định an ninh mạng theo NQ 45",
      "ai đánh giá an ninh mạng theo QĐ 412?",
    ]);
    expect(splitClauses("KH 88 ban hành ngày nào; ai ký kế hoạch đó?", names)).toHaveLength(2);
    expect(splitClauses("KL 69 do ai ký? Ngày ban hành là ngày nào?", names)).toHaveLength(2);
  });

  it("splits at a bare 'và' only before a question word", () => {
    expect(splitClauses("Sở Nội vụ chủ trì việc gì trong KH 88 và ai phối hợp xây dựng hạ tầng số?", names)).toHaveLength(2);
    // A clause of question words only asks more of the same task: one question, which keeps its topic.
    expect(splitClauses("Sở Nội vụ chủ trì việc gì trong KH 88 và khi nào phải hoàn thành?", names)).toHaveLength(1);
    expect(splitClauses("Thông tư hướng dẫn tiêu chí công nhận phải hoàn thành khi nào và đơn vị nào chủ trì?", names)).toHaveLength(1);
    expect(splitClauses("Kế hoạch 88 giao Sở Nội vụ và Sở Tài chính những việc gì?", names)).toHaveLength(1);
  });

  it("splits before 'và có … không' when the yes/no clause runs to the end and asks on its own", () => {
    expect(splitClauses("KH 88 giao Sở Nội vụ việc gì và có yêu cầu báo cáo định kỳ hằng quý không?", names)).toEqual([
      "KH 88 giao Sở Nội vụ việc gì",
      "có yêu cầu báo cáo định kỳ hằng quý không?",
    ]);
    expect(splitClauses("kh 88 giao so noi vu viec gi va co yeu cau bao cao hang quy khong", names)).toHaveLength(2);
    // Too short to stand alone, or "có" inside a list: one question.
    expect(splitClauses("KH 88 giao Sở Nội vụ việc gì và có hạn không?", names)).toHaveLength(1);
    expect(splitClauses("Sở Nội vụ và có Sở Tài chính cùng phối hợp trong KH 88 không?", names)).toHaveLength(1);
  });

  it("keeps one question whole: a list joined by commas, a comparison, a clause that asks nothing of its own", () => {
    expect(splitClauses("KL 69 yêu cầu gì về đào tạo, và phát triển nhân lực?", names)).toHaveLength(1);
    expect(splitClauses("So sánh thời hạn của KH 88, và của KH 12 khác nhau thế nào?", names)).toHaveLength(1);
    expect(splitClauses("Ai chủ trì, và ai phối hợp?", names)).toHaveLength(1);
  });

  it("a topic set before a colon is every clause's", () => {
    expect(splitClauses("Nhiệm vụ bồi dưỡng kỹ năng số: KH 88 đặt thời hạn nào, còn KH 12 giao cơ quan nào chủ trì?", names)).toEqual([
      "Nhiệm vụ bồi dưỡng kỹ năng số: KH 88 đặt thời hạn nào",
      "Nhiệm vụ bồi dưỡng kỹ năng số: KH 12 giao cơ quan nào chủ trì?",
    ]);
    // A question before the colon is no topic.
    expect(splitClauses("KH 88 giao ai: Sở Nội vụ hay Sở Tài chính; và KH 12 giao ai chủ trì đào tạo?", names)[1]).not.toMatch(/^KH 88/);
  });
});
