/**
 * The router and each answer strategy, on three small documents written for the test (a province's plan with a task
 * table, a central conclusion, a city's plan): what each kind of question gets, through `assistant.ask` over the
 * real index, so that the frame, the retrieval held to scope and the strategy are exercised together.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../../src/assistant/assistant.js";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { silentLogger } from "../../src/logger.js";
import { parseDocument } from "../../src/parser/index.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH HÀ BẮC
Số: 88/KH-UBND
Hà Bắc, ngày 12 tháng 9 năm 2025

KẾ HOẠCH
Phát triển dữ liệu số tỉnh Hà Bắc

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Kết luận số 99-KL/TW ngày 01/3/2025 của Bộ Chính trị;

I. MỤC TIÊU

Đến năm 2030, 100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.

II. NHIỆM VỤ TRỌNG TÂM

Tập trung các nhiệm vụ sau:

1. Hoàn thiện cơ sở dữ liệu dùng chung.

2. Phát triển nguồn nhân lực số.

3. Bảo đảm an toàn thông tin.

III. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

- Chủ trì, phối hợp với Sở Tài chính xây dựng kho dữ liệu dùng chung của tỉnh.

- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.

2. Sở Nội vụ chủ trì đào tạo kỹ năng số cho cán bộ, công chức.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình

PHỤ LỤC
DANH MỤC NHIỆM VỤ

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
| --- | --- | --- | --- | --- |
| I | NHÓM HẠ TẦNG | | | |
| 1 | Nâng cấp trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | Sở Tài chính | Quý II/2026 |
| 2 | Xây dựng nền tảng bản đồ số | Sở Nông nghiệp và Môi trường | Sở Xây dựng | Năm 2027 |
| II | NHÓM NHÂN LỰC | | | |
| 1 | Mở lớp bồi dưỡng chuyên gia dữ liệu | Sở Nội vụ | Trường Chính trị tỉnh | Hằng năm |
`;

const CONCLUSION = `BAN CHẤP HÀNH TRUNG ƯƠNG
Số 99-KL/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 01 tháng 3 năm 2025

KẾT LUẬN
CỦA BỘ CHÍNH TRỊ
về phát triển dữ liệu quốc gia

1. Bộ Chính trị đánh giá cao kết quả xây dựng cơ sở dữ liệu quốc gia về dân cư.

2. Ban cán sự đảng Chính phủ chỉ đạo hoàn thiện thể chế về dữ liệu trước ngày 31/12/2025.

T/M BỘ CHÍNH TRỊ
Trần Cẩm Tú`;

const CITY = `ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI ĐÔNG
Số: 12/KH-UBND
Hải Đông, ngày 3 tháng 10 năm 2025

KẾ HOẠCH
Chuyển đổi số thành phố Hải Đông

Thực hiện Kết luận số 99-KL/TW ngày 01/3/2025 của Bộ Chính trị;

I. MỤC TIÊU

Phủ sóng 5G toàn thành phố đến năm 2027.

II. TỔ CHỨC THỰC HIỆN

Sở Khoa học và Công nghệ chủ trì, phối hợp với Công an thành phố triển khai định danh điện tử, báo cáo Ủy ban nhân dân thành phố trước ngày 20/11 hằng năm.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm`;

let ask: (q: string) => Promise<AnswerResult>;

beforeAll(async () => {
  const documents = [parseDocument(PLAN, "plan.md"), parseDocument(CONCLUSION, "kl.md"), parseDocument(CITY, "city.md")];
  uniqueIds(documents);
  const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-router-")));
  const knowledge = await buildIndex(documents, target);
  const assistant = createAssistant({ knowledge, store: target.store, logger: silentLogger });
  ask = (q) => assistant.ask(q);
}, 60_000);

const sections = (r: AnswerResult) => r.citations.map((c) => `${c.number}|${c.section}`);

describe("strategies", () => {
  it("metadata: the signer, from the signature block", async () => {
    const r = await ask("Ai ký Kế hoạch 88/KH-UBND?");
    expect(r.via).toBe("metadata");
    expect(r.answer).toContain("Trần Văn Bình");
    expect(r.citations[0]!.quote).toContain("Trần Văn Bình");
  });

  it("chain up and down, from the references", async () => {
    const up = await ask("Kế hoạch 12/KH-UBND thực hiện văn bản nào?");
    expect(up.via).toBe("chain");
    expect(up.answer).toContain("99-KL/TW");
    const down = await ask("Những văn bản nào thực hiện Kết luận 99?");
    expect(down.answer).toMatch(/12\/KH-UBND/);
    expect(down.answer).toMatch(/88\/KH-UBND/);
  });

  it("who and when: the body of a task-table row, with its partner and deadline, quoting the row", async () => {
    const r = await ask("Ai chủ trì nâng cấp trung tâm dữ liệu tỉnh Hà Bắc và thời hạn khi nào?");
    expect(r.via).toBe("assignments");
    expect(r.answer).toMatch(/^Sở Khoa học và Công nghệ \(chủ trì; phối hợp: Sở Tài chính; thời hạn: Quý II\/2026\)/);
    expect(sections(r)[0]).toBe("88/KH-UBND|Phụ lục.I.1");
  });

  it("a body asked about that the named document does not assign: not found, not another body's task", async () => {
    const r = await ask("Kế hoạch 88/KH-UBND giao Sở Y tế những nhiệm vụ gì?");
    expect(r.mode).toBe("not_found");
  });

  it("count: the rows of the appendix and its groups, saying what was counted", async () => {
    const r = await ask("Phụ lục Kế hoạch 88 có bao nhiêu nhiệm vụ?");
    expect(r.answer).toMatch(/2 nhóm, 3 nhiệm vụ/);
    expect(r.citations).toHaveLength(3);
  });

  it("count of a body's duties", async () => {
    const r = await ask("Kế hoạch 88 giao Sở Khoa học và Công nghệ chủ trì bao nhiêu nhiệm vụ?");
    expect(r.answer).toMatch(/giao Sở Khoa học và Công nghệ chủ trì \d+ nhiệm vụ/);
  });

  it("a list the text introduces is answered with its items", async () => {
    const r = await ask("Kế hoạch 88 tập trung những nhiệm vụ trọng tâm nào?");
    expect(r.answer).toContain("Hoàn thiện cơ sở dữ liệu dùng chung");
    expect(r.answer).toContain("Bảo đảm an toàn thông tin");
  });

  it("compare: one line per document, each cited", async () => {
    const r = await ask("Hạn báo cáo hằng năm của Kế hoạch 88 và Kế hoạch 12 khác nhau thế nào?");
    expect(r.answer).toMatch(/15\/12/);
    expect(r.answer).toMatch(/20\/11/);
    expect(new Set(r.citations.map((c) => c.number))).toEqual(new Set(["88/KH-UBND", "12/KH-UBND"]));
  });

  it("which document: the answer names it first", async () => {
    const r = await ask("Văn bản nào giao Sở Nội vụ mở lớp bồi dưỡng chuyên gia dữ liệu?");
    expect(r.answer).toMatch(/^Văn bản: Kế hoạch số 88\/KH-UBND/);
  });
});

describe("scope honesty", () => {
  it("the named document does not say it: says so, and quotes the one that does as that document's", async () => {
    const r = await ask("Kết luận 99-KL/TW đặt mục tiêu phủ sóng 5G đến năm nào?");
    expect(r.mode).toBe("not_found");
    expect(r.answer).toMatch(/^Kết luận số 99-KL\/TW .* không nêu nội dung này\. Kế hoạch số 12\/KH-UBND/);
    expect(sections(r)).toEqual(["12/KH-UBND|I"]);
  });

  it("a document only cited: not in the store, and who cites it", async () => {
    const r = await ask("Nghị quyết 57-NQ/TW có những nội dung gì?");
    expect(r.mode).toBe("not_found");
    expect(r.answer).toMatch(/chưa có trong kho văn bản/);
    expect(r.answer).toMatch(/88\/KH-UBND/);
  });

  it("a document neither held nor cited: not found, never answered from look-alikes", async () => {
    const r = await ask("Nghị quyết 999-NQ/TW nói gì về dữ liệu?");
    expect(r.mode).toBe("not_found");
    expect(r.citations).toEqual([]);
  });

  it("a cited document's date, from the sentence that cites it", async () => {
    const r = await ask("Nghị quyết 57-NQ/TW được ban hành ngày nào?");
    expect(r.mode).toBe("answer");
    expect(r.answer).toContain("22/12/2024");
  });
});

describe("questions of more than one part", () => {
  it("two clauses, each of its own document: each answered from its own, citations numbered in turn", async () => {
    const r = await ask("Ai chủ trì nâng cấp trung tâm dữ liệu tỉnh theo Kế hoạch 88, và ai chỉ đạo hoàn thiện thể chế về dữ liệu theo Kết luận 99?");
    expect(r.mode).toBe("answer");
    expect(r.answer).toMatch(/Sở Khoa học và Công nghệ[^\n]*\[1\]/);
    expect(r.answer).toMatch(/Ban cán sự đảng Chính phủ[^\n]*\[2\]/);
    expect(sections(r)).toEqual(["88/KH-UBND|Phụ lục.I.1", "99-KL/TW|2"]);
  });

  it("a second clause that names nothing takes the first one's document", async () => {
    const r = await ask("Kế hoạch 12/KH-UBND đặt mục tiêu phủ sóng 5G đến năm nào; ai ký văn bản đó?");
    expect(r.answer).toMatch(/2027/);
    expect(r.answer).toContain("Lê Văn Tâm");
    expect(new Set(r.citations.map((c) => c.number))).toEqual(new Set(["12/KH-UBND"]));
  });

  it("a date and what the document carries out, asked together: both, the date as the document writes it", async () => {
    const r = await ask("Kế hoạch 12/KH-UBND được ban hành ngày nào và để thực hiện văn bản nào?");
    expect(r.answer).toMatch(/03\/10\/2025 \(văn bản ghi: “Hải Đông, ngày 3 tháng 10 năm 2025”\)/);
    expect(r.answer).toMatch(/căn cứ, thực hiện: Kết luận số 99-KL\/TW/);
  });

  it("which documents of a named issuer carry a document out: only theirs", async () => {
    const r = await ask("Văn bản nào của Ủy ban nhân dân thành phố Hải Đông thực hiện Kết luận 99-KL/TW?");
    expect(r.answer).toMatch(/12\/KH-UBND/);
    expect(r.answer).not.toMatch(/88\/KH-UBND/);
  });

  it("a comparison searches each side for its own words", async () => {
    const r = await ask("So sánh hạn báo cáo hằng năm của Sở Khoa học và Công nghệ gửi UBND tỉnh theo Kế hoạch 88 và của Sở gửi UBND thành phố theo Kế hoạch 12");
    expect(r.answer).toMatch(/15\/12/);
    expect(r.answer).toMatch(/20\/11/);
    // Each side's line names its document once, not again before every quote.
    expect(r.answer.split("Kế hoạch số 88/KH-UBND").length - 1).toBe(1);
  });

  it("a deadline asked of the text is stated first when the quote sets exactly one", async () => {
    const r = await ask("Hạn chỉ đạo hoàn thiện thể chế về dữ liệu theo Kết luận 99 là ngày nào?");
    expect(r.answer).toMatch(/^Thời hạn: trước ngày 31\/12\/2025|thời hạn: trước ngày 31\/12\/2025/);
  });

  it("a body the named document never names: the answer says the document does not say it", async () => {
    const r = await ask("Kế hoạch 12/KH-UBND giao Đảng đoàn Hội đồng nhân dân thành phố những nhiệm vụ gì?");
    expect(r.mode).toBe("not_found");
    expect(r.answer).toMatch(/^Kế hoạch số 12\/KH-UBND/);
  });
});

describe("tasks by time, from the task register", () => {
  it("a body's tasks due by the end of a period, quoting each row", async () => {
    const r = await ask("Sở Khoa học và Công nghệ phải làm gì trước quý 3/2026 theo Kế hoạch 88?");
    expect(r.mode).toBe("answer");
    expect(r.answer).toMatch(/^Nhiệm vụ của Sở Khoa học và Công nghệ .* đến hết ngày 30\/9\/2026 .*: 1 nhiệm vụ\./);
    expect(r.answer).toContain("Nâng cấp trung tâm dữ liệu tỉnh");
    expect(sections(r)).toEqual(["88/KH-UBND|Phụ lục.I.1"]);
    expect(r.citations[0]!.quote).toContain("Quý II/2026");
  });

  it("typed without marks, the body named as the documents name it", async () => {
    const r = await ask("so nong nghiep va moi truong co viec gi den han trong nam 2027");
    expect(r.answer).toMatch(/^Nhiệm vụ của Sở Nông nghiệp và Môi trường .* từ 01\/01\/2027 đến 31\/12\/2027/);
    expect(r.answer).toContain("Xây dựng nền tảng bản đồ số");
  });

  it("nothing due in the window: says so, without borrowing another body's tasks", async () => {
    const r = await ask("Sở Nông nghiệp và Môi trường phải làm gì trước quý 2/2026?");
    expect(r.mode).toBe("not_found");
    expect(r.answer).toMatch(/^Không thấy nhiệm vụ nào của Sở Nông nghiệp và Môi trường có thời hạn đến hết ngày 30\/6\/2026/);
    expect(r.citations).toEqual([]);
  });
});

describe("tasks by repeat, from the task register", () => {
  it("the tasks of a document whose deadline repeats yearly, each row quoted", async () => {
    const r = await ask("ke hoach 88 co nhung nhiem vu nao co thoi han hang nam");
    expect(r.answer).toMatch(/^Nhiệm vụ trong Kế hoạch số 88\/KH-UBND .* có thời hạn hằng năm: \d+ nhiệm vụ\./);
    expect(r.answer).toContain("Mở lớp bồi dưỡng chuyên gia dữ liệu");
    expect(r.answer).not.toContain("Nâng cấp trung tâm dữ liệu tỉnh");
    expect(sections(r)).toContain("88/KH-UBND|Phụ lục.II.1");
  });
});
