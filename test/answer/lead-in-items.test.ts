/**
 * A lead-in ("… còn một số nhiệm vụ quá thời hạn nhưng chưa hoàn thành, cụ thể:") is quoted with the items it
 * introduces, even when the passage the search found ends before them (a long preamble is cut into chunks). And in a
 * hard-wrapped letter, the signature's mark "[đã ký]" and the name under it stay lines of their own, so the signer is
 * quoted as the letter writes it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const PREAMBLE = Array.from({ length: 3 }, (_, i) => `Thực hiện Văn bản số ${1640 + i}/UBND-KGVX ngày ${10 + i}/4/2025 của Ủy ban nhân dân tỉnh về việc triển khai các nội dung của Kế hoạch số 118/KH-UBND trên địa bàn tỉnh Lâm Hà trong năm 2025 và các năm tiếp theo;`).join("\n");

const LETTER = `ỦY BAN NHÂN DÂN
TỈNH LÂM HÀ
Số: 2386/UBND-KGVX
V/v đôn đốc thực hiện các nhiệm vụ chậm tiến độ

Lâm Hà, ngày 11 tháng 6 năm 2025

${PREAMBLE}
Theo Báo cáo số 1027/BC-SKHCN ngày 05/6/2025 của Sở Khoa học và Công nghệ, đến nay còn một số nhiệm vụ quá thời hạn nhưng chưa hoàn thành, cụ thể:
- Đề án thu hút, trọng dụng nhân lực chất lượng cao trong lĩnh vực khoa học, công nghệ và chuyển đổi số giai đoạn 2025 - 2030 chưa được trình Ủy ban nhân dân tỉnh;
- Báo cáo tình hình bố trí, giải ngân kinh phí năm 2025 chưa được gửi Sở Khoa học và Công nghệ;
- Ủy ban nhân dân 03 huyện Hướng Hóa, Đakrông, Cồn Cỏ chưa ban hành kế hoạch thực hiện trên địa bàn;
- Kế hoạch phát triển giáo dục STEM giai đoạn 2025 - 2030 của Sở Giáo dục và Đào tạo chưa được trình Ủy ban nhân dân tỉnh phê duyệt.
Để bảo đảm tiến độ, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Sở Nội vụ khẩn trương hoàn thiện hồ sơ Đề án thu hút nhân lực, trình Ủy ban nhân dân tỉnh trước ngày 25/6/2025.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hồ Thị Thu Hằng`;

describe("a lead-in and its items", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[LETTER, "cv2386.md"]]));
  });

  it("every item the lead-in introduces, though the passage found ends before them", async () => {
    const a = await ask("Công văn 2386/UBND-KGVX nêu những nhiệm vụ nào đã quá thời hạn nhưng chưa hoàn thành?");
    expect(a.answer).toContain("cụ thể:");
    for (const item of ["Đề án thu hút", "giải ngân kinh phí", "Hướng Hóa", "giáo dục STEM"]) expect(a.answer).toContain(item);
  });
});

describe("a signature's mark in a hard-wrapped letter", () => {
  it("'[đã ký]' and the name under it are lines of their own", () => {
    const wrapped = `Thực hiện Kế hoạch số 118/KH-UBND ngày 25/3/2025 của Ủy ban nhân dân tỉnh thực hiện Nghị
quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ và Chương trình hành động số 47-CTr/TU ngày
18/02/2025 của Tỉnh ủy, Ủy ban nhân dân tỉnh yêu cầu các sở, ngành khẩn trương thực hiện các
nhiệm vụ được giao tại Kế hoạch, báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 30/6
để tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Ban Thường vụ Tỉnh ủy theo quy định; các cơ quan,
đơn vị chủ động phối hợp, trao đổi với Sở Khoa học và Công nghệ trong quá trình tổ chức thực
hiện, bảo đảm tiến độ, chất lượng và hiệu quả các nhiệm vụ của Kế hoạch số 118/KH-UBND năm
2025 và các năm tiếp theo.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
[đã ký]
Hồ Thị Thu Hằng`;
    const d = parseDocument(wrapped, "cv.txt");
    expect(d.signer?.name).toBe("Hồ Thị Thu Hằng");
    expect(d.closing).toContain("Hồ Thị Thu Hằng");
    expect(d.closing).toContain("[đã ký]");
  });
});
