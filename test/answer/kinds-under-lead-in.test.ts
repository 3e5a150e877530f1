/**
 * Points under a lead-in ("1. Hỗ trợ chi phí thuê, mua giải pháp chuyển đổi số (…):" › "b) Doanh nghiệp nhỏ: hỗ trợ 50%
 * chi phí …") are about what the lead-in says: its words are in their heading path, so a question that names the
 * support and the kind finds the point and is answered. A kind the points do not list ("doanh nghiệp lớn") is the near
 * miss: refused, not answered from its siblings.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { headingPath } from "../../src/search/chunks.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN
TỈNH HÒA BẮC
Số: 21/2025/NQ-HĐND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hòa Bắc, ngày 15 tháng 9 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ chuyển đổi số đối với doanh nghiệp nhỏ và vừa, hợp tác xã trên địa bàn tỉnh Hòa Bắc

Điều 1. Phạm vi điều chỉnh

Nghị quyết này quy định nội dung, mức hỗ trợ chuyển đổi số đối với doanh nghiệp nhỏ và vừa, hợp tác xã; khuyến khích các doanh nghiệp lớn chia sẻ nền tảng số với doanh nghiệp nhỏ và vừa.

Điều 2. Nội dung và mức hỗ trợ

1. Hỗ trợ chi phí thuê, mua giải pháp chuyển đổi số (nền tảng quản trị doanh nghiệp, kế toán, bán hàng, hóa đơn điện tử):

a) Doanh nghiệp siêu nhỏ: hỗ trợ 50% chi phí, tối đa 20 triệu đồng/doanh nghiệp/năm;

b) Doanh nghiệp nhỏ: hỗ trợ 50% chi phí, tối đa 50 triệu đồng/doanh nghiệp/năm;

c) Doanh nghiệp vừa: hỗ trợ 30% chi phí, tối đa 100 triệu đồng/doanh nghiệp/năm;

d) Hợp tác xã: hỗ trợ 70% chi phí, tối đa 40 triệu đồng/hợp tác xã/năm.

2. Hỗ trợ đào tạo kỹ năng số cho người lao động của doanh nghiệp: 100% học phí, tối đa 3 triệu đồng/người/khóa học.

Điều 3. Hiệu lực thi hành

Nghị quyết này có hiệu lực từ ngày 01 tháng 10 năm 2025.

CHỦ TỊCH
Nguyễn Văn Bình`;

describe("kinds listed under a lead-in", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[RESOLUTION, "nq21.md"]]));
  });

  it("a point's heading path carries its clause's lead-in, not a longer passage's text", () => {
    const doc = parseDocument(RESOLUTION, "nq21.md");
    const point = doc.sections.find((s) => s.path === "Điều 2.1.b")!;
    expect(headingPath(doc, point)).toContain("1. Hỗ trợ chi phí thuê, mua giải pháp chuyển đổi số");
    expect(headingPath(doc, point)).toContain("b. Doanh nghiệp nhỏ");
    // A clause with its own text (no colon at its end) gives its number only.
    const long = parseDocument(RESOLUTION.replace("hóa đơn điện tử):", "hóa đơn điện tử) theo danh mục của Sở."), "nq21.md");
    expect(headingPath(long, long.sections.find((s) => s.path === "Điều 2.1.b")!)).not.toContain("thuê");
  });

  it("the kind asked, with the lead-in's words: the point that sets it", async () => {
    for (const q of ["Nghị quyết 21/2025/NQ-HĐND hỗ trợ doanh nghiệp nhỏ bao nhiêu phần trăm chi phí thuê giải pháp chuyển đổi số, tối đa bao nhiêu tiền một năm?", "nq 21 hdnd hoa bac ho tro doanh nghiep sieu nho thue giai phap chuyen doi so toi da bao nhieu"]) {
      const a = await ask(q);
      expect(a.mode, q).toBe("answer");
      expect(a.citations[0]!.section, q).toMatch(/^Điều 2\.1\.[ab]$/);
    }
    expect((await ask("Nghị quyết 21/2025/NQ-HĐND hỗ trợ doanh nghiệp nhỏ bao nhiêu phần trăm chi phí thuê giải pháp chuyển đổi số?")).answer).toContain("tối đa 50 triệu đồng");
  });

  it("a kind the points do not list is refused", async () => {
    for (const q of ["Nghị quyết 21/2025/NQ-HĐND hỗ trợ doanh nghiệp lớn bao nhiêu phần trăm chi phí thuê giải pháp chuyển đổi số?", "nq 21 hdnd hoa bac ho tro doanh nghiep lon thue giai phap chuyen doi so bao nhieu phan tram"]) {
      expect((await ask(q)).mode, q).toBe("not_found");
    }
  });

  it("a word the lead-in or the points use is no kind: answered", async () => {
    // "doanh nghiệp thuê …": what is done for them, written in the lead-in.
    const a = await ask("Theo Nghị quyết 21/2025/NQ-HĐND, doanh nghiệp thuê, mua giải pháp chuyển đổi số được hỗ trợ bao nhiêu phần trăm chi phí?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]!.section).toMatch(/^Điều 2\.1/);
  });
});
