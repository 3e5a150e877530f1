/**
 * "Những nhiệm vụ nào … chậm tiến độ?" asks the items a lead-in introduces (not a date: "chậm tiến độ" is a state).
 * A count asked of a kind of thing with its qualifier ("bao nhiêu doanh nghiệp công nghệ số") is answered only by a
 * passage that counts that kind: one that counts "doanh nghiệp khởi nghiệp sáng tạo" is the near miss, refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { countedPhrase, measuredPhrase } from "../../src/answer/strategies/fact.js";
import type { QuestionFrame } from "../../src/understand/frame.js";
import { assistantOver } from "../helpers/assistant.js";

const REPORT = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 12/BC-UBND
Hòa Bắc, ngày 12 tháng 01 năm 2026

BÁO CÁO
Kết quả 06 tháng cuối năm 2025 thực hiện Kế hoạch chuyển đổi số

I. KẾT QUẢ

1. Toàn tỉnh có 286 doanh nghiệp khởi nghiệp sáng tạo; 01 trung tâm đổi mới sáng tạo đi vào hoạt động.

2. Các sở, ngành tổ chức 18 hội nghị quán triệt với 2.450 lượt cán bộ, đảng viên tham dự.

3. Các nhiệm vụ chậm tiến độ:

a) Bổ sung tiêu chí kết quả chuyển đổi số vào đánh giá, xếp loại cán bộ (Sở Nội vụ chủ trì): đang lấy ý kiến.

b) Số hóa hồ sơ thủ tục hành chính của các xã, phường: mới đạt 78,6%.

4. Đến năm 2030 phấn đấu có 02 cơ sở giáo dục đại học của tỉnh thuộc nhóm 200 trường hàng đầu châu Á.

5. Mỗi năm đào tạo, bồi dưỡng ít nhất 1.000 kỹ sư, cử nhân công nghệ số cho tỉnh.

6. Tiếp tục hỗ trợ các hợp tác xã ứng dụng công nghệ số trên địa bàn tỉnh.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm`;

describe("a count of a kind of thing", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[REPORT, "bc12.md"]]));
  });

  it("another kind counted is the near miss: refused", async () => {
    for (const q of ["Theo Báo cáo 12/BC-UBND, toàn tỉnh có bao nhiêu doanh nghiệp công nghệ số đang hoạt động?", "bc 12 toan tinh co bao nhieu doanh nghiep cong nghe so"]) {
      expect((await ask(q)).mode, q).toBe("not_found");
    }
  });

  it("the kind counted, its qualifier written otherwise after its first word: answered", async () => {
    const a = await ask("Theo Báo cáo 12/BC-UBND, toàn tỉnh có bao nhiêu doanh nghiệp khởi nghiệp sáng tạo?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("286 doanh nghiệp khởi nghiệp sáng tạo");
    // The thing counted written otherwise ("trường đại học" of "cơ sở giáo dục đại học"): no other kind, answered.
    const c = await ask("bc 12 den 2030 co bao nhieu truong dai hoc thuoc nhom 200 hang dau chau a");
    expect(c.mode).toBe("answer");
    expect(c.answer).toContain("02 cơ sở giáo dục đại học");
    const b = await ask("Theo Báo cáo 12/BC-UBND, các sở tổ chức bao nhiêu hội nghị quán triệt Nghị quyết 57?");
    expect(b.mode).toBe("answer");
    expect(b.answer).toContain("18 hội nghị quán triệt");
    // The qualifier a few words on, after a coordinate noun ("kỹ sư, cử nhân công nghệ số"): the same kind.
    const e = await ask("bc 12 moi nam dao tao bao nhieu ky su cong nghe so");
    expect(e.mode).toBe("answer");
    expect(e.answer).toContain("1.000 kỹ sư");
  });
});

describe("a figure asked of passages that give none", () => {
  it("is refused: a task to support cooperatives is no count of them", async () => {
    const { ask } = await assistantOver([[REPORT, "bc12.md"]]);
    const a = await ask("Theo Báo cáo 12/BC-UBND, tỉnh hỗ trợ bao nhiêu hợp tác xã ứng dụng công nghệ số?");
    expect(a.mode).toBe("not_found");
  });
});

describe("the tasks a report lists as late", () => {
  it("are its items, quoted under the lead-in", async () => {
    const { ask } = await assistantOver([[REPORT, "bc12.md"]]);
    const a = await ask("Báo cáo 12/BC-UBND nêu những nhiệm vụ nào bị chậm tiến độ?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("Bổ sung tiêu chí kết quả chuyển đổi số");
    expect(a.answer).toContain("Số hóa hồ sơ thủ tục hành chính");
  });
});

describe("an amount asked that the text does not state in figures", () => {
  it("is refused; stated, it is answered", async () => {
    const RULES = `ỦY BAN NHÂN DÂN ĐẶC KHU CÔN LONG
Số: 214/QĐ-UBND
Côn Long, ngày 29 tháng 9 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế hoạt động của Ban Chỉ đạo chuyển đổi số

Điều 1. Thành lập Ban Chỉ đạo chuyển đổi số của đặc khu.

Điều 2. Kinh phí hoạt động của Ban Chỉ đạo được bố trí trong dự toán chi thường xuyên hằng năm của Văn phòng Ủy ban nhân dân đặc khu.

Điều 3. Mỗi Tổ công nghệ số cộng đồng được hỗ trợ 2 triệu đồng mỗi năm.`;
    const { ask } = await assistantOver([[RULES, "qd214.md"]]);
    expect((await ask("Theo Quyết định 214/QĐ-UBND, kinh phí hoạt động năm 2025 của Ban Chỉ đạo là bao nhiêu?")).mode).toBe("not_found");
    const a = await ask("Theo Quyết định 214/QĐ-UBND, mức hỗ trợ cho mỗi Tổ công nghệ số cộng đồng là bao nhiêu?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("2 triệu đồng");
  });
});

describe("what a count question counts", () => {
  const counted = (text: string) => countedPhrase({ text } as QuestionFrame);
  it("a kind with its qualifier; a word that ranks what is counted ('ưu tiên', 'then chốt', 'nổi bật') names no kind", () => {
    expect(counted("toàn tỉnh có bao nhiêu doanh nghiệp công nghệ số?")).toBe("doanh nghiep cong");
    expect(counted("Thông báo nêu bao nhiêu lĩnh vực ưu tiên?")).toBeNull();
    expect(counted("kế hoạch có bao nhiêu nhiệm vụ then chốt?")).toBeNull();
    expect(counted("báo cáo nêu bao nhiêu kết quả nổi bật?")).toBeNull();
    expect(counted("Bao nhiêu công chức xã Đak Pơ đã được bồi dưỡng?")).toBeNull();
    // An amount is measured, not counted: "kinh phí nhiệm vụ" is the task's money, not a kind of "kinh phí".
    expect(counted("Thông tư cho phép tạm ứng lần đầu tối đa bao nhiêu kinh phí nhiệm vụ?")).toBeNull();
    expect(counted("dự án được hỗ trợ bao nhiêu thời gian thực hiện tối đa?")).toBeNull();
  });
});

describe("what a figure question measures", () => {
  const measured = (text: string) => measuredPhrase({ text } as QuestionFrame);
  it("the words after the unit, up to a verb or a preposition; none when the unit ends the question", () => {
    expect(measured("Nghị quyết hỗ trợ bao nhiêu phần trăm lãi suất vay vốn đổi mới công nghệ?")).toBe("lai suat");
    expect(measured("ho tro bao nhieu % chi phi thue giai phap")).toBe("chi phi");
    expect(measured("tổng chi cho nghiên cứu đạt bao nhiêu phần trăm GRDP?")).toBeNull();
    expect(measured("được tối đa bao nhiêu điểm đối với tiêu chí sử dụng mạng xã hội?")).toBeNull();
    expect(measured("hỗ trợ tối đa bao nhiêu tiền cho mỗi doanh nghiệp?")).toBeNull();
    expect(measured("có bao nhiêu doanh nghiệp công nghệ số?")).toBeNull();
  });

  it("a figure of something no passage measures is refused; the thing the passage measures is answered", async () => {
    const POLICY = `HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BẮC
Số: 28/2025/NQ-HĐND
Hòa Bắc, ngày 26 tháng 9 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ doanh nghiệp đổi mới công nghệ

Điều 3. Nội dung và mức hỗ trợ

1. Hỗ trợ 50% chi phí thuê giải pháp chuyển đổi số, tối đa 100 triệu đồng/doanh nghiệp.

2. Hỗ trợ đổi mới công nghệ: hỗ trợ 30% giá trị hợp đồng chuyển giao công nghệ hoặc giá trị máy móc, thiết bị công nghệ tiên tiến, mức hỗ trợ tối đa 500 triệu đồng/dự án; doanh nghiệp vay vốn để đổi mới công nghệ được ưu tiên xét chọn.

TM. HỘI ĐỒNG NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm`;
    const { ask } = await assistantOver([[POLICY, "nq28.md"]]);
    for (const q of ["Nghị quyết 28/2025/NQ-HĐND hỗ trợ bao nhiêu phần trăm lãi suất vay vốn đổi mới công nghệ?", "nq 28 ho tro bao nhieu % lai suat vay von"]) {
      expect((await ask(q)).mode, q).toBe("not_found");
    }
    const a = await ask("Nghị quyết 28/2025/NQ-HĐND hỗ trợ bao nhiêu phần trăm giá trị hợp đồng chuyển giao công nghệ?");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("30% giá trị hợp đồng");
  });

  it("an amount asked of a passage whose only figures are a document's number and dates is refused", async () => {
    const GUIDE = `BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY HÒA BẮC
Số: 41-HD/BTGDV
Hòa Bắc, ngày 05 tháng 9 năm 2025

HƯỚNG DẪN
Tuyên truyền Nghị quyết số 57-NQ/TW

1. Tuyên truyền Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên báo chí, hệ thống thông tin cơ sở; kinh phí tuyên truyền do các cơ quan bố trí trong dự toán năm 2026.

2. Báo cáo kết quả trước ngày 15/12/2025.

TRƯỞNG BAN
Lê Văn Tâm`;
    const { ask } = await assistantOver([[GUIDE, "hd41.md"]]);
    expect((await ask("Hướng dẫn 41-HD/BTGDV bố trí kinh phí tuyên truyền là bao nhiêu?")).mode).toBe("not_found");
  });
});

