/**
 * A province's newspaper page whose only name for its owner is the footer ("© Báo và Phát thanh, Truyền hình Hòa
 * Bắc.") is that paper's page, of that province; a question that names the page before a type word ("Trang hỏi - đáp
 * của Báo … hướng dẫn người dân …") asks the page, not the province's only guide. "Sở nào chủ trì" asks for a
 * department: a row led by a Party board is no answer when a department leads another.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const PAGE = `baohoabac.vn | Thời sự | Chính trị | Kinh tế | Xã hội | Chuyển đổi số | Pháp luật

Thứ Sáu, 10/10/2025 | Đăng nhập | Liên hệ quảng cáo

Trang chủ › Chuyển đổi số › Hỏi - đáp

# Hỏi - đáp về Nghị quyết 57-NQ/TW và Kế hoạch thực hiện của tỉnh Hòa Bắc

*Cập nhật: 10/10/2025 07:30 — Ban Biên tập*

### 1. Người dân tham gia "Bình dân học vụ số" ở đâu?

Trả lời: Người dân liên hệ tổ công nghệ số cộng đồng tại khu phố để được hướng dẫn cài đặt VNeID, sử dụng dịch vụ công trực tuyến. Mọi vướng mắc về dịch vụ công có thể phản ánh qua Tổng đài 1022 của tỉnh.

Bình luận (0) | Chia sẻ | In bài

© Báo và Phát thanh, Truyền hình Hòa Bắc. Giấy phép hoạt động báo chí điện tử.`;

const GUIDE = `SỞ NỘI VỤ TỈNH HÒA BẮC
Số: 118/HD-SNV
Hòa Bắc, ngày 06 tháng 10 năm 2025

HƯỚNG DẪN
Đánh giá kết quả chuyển đổi số của cán bộ, công chức

I. YÊU CẦU

1. Cán bộ, công chức tự đánh giá kỹ năng số trên phần mềm của tỉnh trước ngày 15/11/2025.

2. Các cơ quan gửi phản ánh, vướng mắc trong quá trình đánh giá về Phòng Công chức, viên chức.

GIÁM ĐỐC
Trần Văn Nam`;

const PLAN = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 118/KH-UBND
Hòa Bắc, ngày 15 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

I. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì hướng dẫn tuyên truyền Nghị quyết số 57-NQ/TW trong cán bộ, đảng viên.

2. Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền Nghị quyết số 57-NQ/TW trên báo chí, hệ thống thông tin cơ sở.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm`;

describe("a provincial paper's page and the kind of body asked", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [PAGE, "hoi-dap.md"],
      [GUIDE, "hd118.md"],
      [PLAN, "kh118.md"],
    ]));
  });

  it("the page's owner is read from its footer, and the page is the province's", () => {
    const doc = parseDocument(PAGE, "hoi-dap.md");
    expect(doc.issuer).toBe("Báo và Phát thanh, Truyền hình Hòa Bắc");
    expect(doc.date).toBe("2025-10-10");
  });

  it("the page named before a type word is the one asked; the channel asked is the answer's kind", async () => {
    const a = await ask("Trang hỏi - đáp của Báo và Phát thanh, Truyền hình Hòa Bắc hướng dẫn người dân phản ánh vướng mắc về dịch vụ công qua kênh nào?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.issuer).toBe("Báo và Phát thanh, Truyền hình Hòa Bắc");
    expect(a.answer).toContain("Tổng đài 1022");
  });

  it("'sở nào chủ trì' is answered by the department's row, not the Party board's", async () => {
    const a = await ask("tuyen truyen nq57 o hoa bac giao so nao chu tri");
    expect(a.mode).toBe("answer");
    expect(a.answer.startsWith("Sở Văn hóa, Thể thao và Du lịch")).toBe(true);
    const b = await ask("tuyen truyen nq57 o hoa bac giao co quan nao chu tri");
    expect(b.answer).toContain("Ban Tuyên giáo và Dân vận Tỉnh ủy");
  });
});

describe("a law library's answer page: its labelled writer", () => {
  const QA = `[THƯ VIỆN PHÁP LUẬT](https://thuvienphapluat.vn/) › [Hỏi đáp pháp luật](https://thuvienphapluat.vn/hoi-dap-phap-luat/) › Khoa học - Công nghệ

# Khởi nghiệp đổi mới sáng tạo tại Hòa Bắc được hỗ trợ bao nhiêu tiền?

*Ngày đăng: 14/10/2025 08:47* · *Chuyên viên pháp lý: Phạm Minh Khoa* · *Lượt xem: 1.284*

Nhóm khởi nghiệp đạt giải cấp tỉnh được hỗ trợ tối đa 100 triệu đồng theo Nghị quyết của Hội đồng nhân dân tỉnh Hòa Bắc.`;

  it("the writer named after a label is the page's author; 'Thư viện Pháp luật' names no law asked about", async () => {
    expect((parseDocument(QA, "qa.md") as { author?: string }).author).toBe("Phạm Minh Khoa");
    const { ask } = await assistantOver([[QA, "qa.md"]]);
    const a = await ask("Bài hỏi đáp trên Thư viện Pháp luật được đăng lúc nào và do ai viết?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("Phạm Minh Khoa");
    expect(a.answer).toContain("14/10/2025");
  });
});
