/**
 * What a question asks for must be in the passage that answers it: an amount ("bao nhiêu tỷ đồng") where one is
 * stated, a law by its name ("Luật Công nghiệp công nghệ số" is not "Luật Chuyển đổi số"), a target of the year asked
 * ("mục tiêu năm 2025" is not the 2030 target), a number where a quantity per unit is asked ("mỗi xã … bao nhiêu tổ").
 * Else the document does not say it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH LÂM HÀ
Số: 230/KH-UBND
Lâm Hà, ngày 25 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số

I. MỤC TIÊU

1. Mục tiêu năm 2025: 100% văn bản trao đổi giữa các cơ quan nhà nước được ký số.

2. Mục tiêu đến năm 2030: kinh tế số đạt tối thiểu 25% GRDP của tỉnh.

II. NHIỆM VỤ

1. Sở Tư pháp chủ trì góp ý dự án Luật Chuyển đổi số, hoàn thành trong quý III/2025.

2. Sở Tài chính chủ trì hướng dẫn lập, phân bổ dự toán kinh phí thực hiện Kế hoạch hằng năm.

3. Sở Khoa học và Công nghệ chủ trì hỗ trợ doanh nghiệp khởi nghiệp sáng tạo tối đa 200 triệu đồng mỗi dự án.

4. Ủy ban nhân dân cấp huyện chỉ đạo cấp xã kiện toàn Tổ công nghệ số cộng đồng ở thôn, tổ dân phố.

5. Sở Nội vụ chủ trì bồi dưỡng kỹ năng số, mỗi sở, ngành cử ít nhất 02 công chức tham gia lớp bồi dưỡng.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hải`;

describe("what a question asks for, in the passage that answers it", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh230.md"]]));
  });

  it("an amount: stated, it answers; a passage on the budget that states none does not", async () => {
    expect((await ask("Kế hoạch 230/KH-UBND hỗ trợ doanh nghiệp khởi nghiệp sáng tạo bao nhiêu tiền?")).answer).toContain("200 triệu đồng");
    expect((await ask("Kế hoạch 230/KH-UBND dự toán tổng kinh phí thực hiện là bao nhiêu tỷ đồng?")).mode).toBe("not_found");
  });

  it("a quantity per unit: a passage that states no number does not hold it", async () => {
    expect((await ask("Kế hoạch 230/KH-UBND yêu cầu mỗi sở, ngành cử bao nhiêu công chức tham gia lớp bồi dưỡng?")).answer).toContain("02 công chức");
    expect((await ask("Theo Kế hoạch 230/KH-UBND, mỗi xã phải thành lập bao nhiêu Tổ công nghệ số cộng đồng?")).mode).toBe("not_found");
  });

  it("a law by its name", async () => {
    const named = await ask("Kế hoạch 230/KH-UBND giao cơ quan nào góp ý dự án Luật Chuyển đổi số?");
    expect(named.citations[0]?.section).toBe("II.1");
    expect((await ask("Kế hoạch 230/KH-UBND giao cơ quan nào góp ý dự án Luật Công nghiệp công nghệ số?")).mode).toBe("not_found");
  });

  it("a target of the year asked", async () => {
    expect((await ask("kh230 muc tieu den nam 2030 kinh te so chiem bn % grdp")).answer).toContain("25% GRDP");
    // (The 2030 target is no answer to the 2025 one.)
    expect((await ask("kh230 muc tieu nam 2025 kinh te so chiem bn % grdp")).citations.map((c) => c.section)).not.toContain("I.2");
  });
});
