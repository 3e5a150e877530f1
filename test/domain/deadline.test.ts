/**
 * Deadlines as the documents write them, read into one normalized form. The first table holds every form the task
 * tables and sentences of ../shared/corpus-dev/ use (the seeds in corpus/ give none: their duties are "thường xuyên",
 * "định kỳ"); the second the forms the domain primer names and other provincial plans use.
 */
import { describe, expect, it } from "vitest";
import { anchorDeadline, deadlineInText, nextOccurrence, normalizeDeadline } from "../../src/domain/deadline.js";

type Row = [written: string, kind: string, normalized: string, due: string | null, recurring?: string | null];

const CORPUS_FORMS: Row[] = [
  // kh144-ubnd-bac-ninh (VII Chế độ báo cáo)
  ["trước ngày 15/11 hằng năm", "recurring", "yearly:11-15", null, "yearly"],
  // kh310-ubnd-ha-noi (task table and VI)
  ["trước ngày 30 tháng 11 hàng năm", "recurring", "yearly:11-30", null, "yearly"],
  ["Quý III Năm 2026", "quarter", "2026-Q3", "2026-09-30"],
  ["Quý IV/2025- Quý II/2026", "range", "2025-Q4..2026-Q2", "2026-06-30"],
  ["Thường xuyên", "ongoing", "ongoing", null, null],
  ["Hàng năm", "recurring", "yearly", null, "yearly"],
  // kh552-ubnd-dong-thap (task table and VI.2)
  ["2026", "year", "2026", "2026-12-31"],
  ["2025 - 2035", "range", "2025..2035", "2035-12-31"],
  ["2025 - 2030", "range", "2025..2030", "2030-12-31"],
  ["trước ngày 30/11 hằng năm", "recurring", "yearly:11-30", null, "yearly"],
  // A day and month alone reads yearly here; the register anchors it to the document (see below).
  ["trước ngày 20/11", "recurring", "yearly:11-20", null, "yearly"],
  // qd2597-ttg (task table) and qd384-tw (Điều 18)
  ["2026-2027", "range", "2026..2027", "2027-12-31"],
  ["2026-2030", "range", "2026..2030", "2030-12-31"],
  ["trước ngày 25/12", "recurring", "yearly:12-25", null, "yearly"],
  // kl07-vptw: "Thời gian hoàn thành trước ngày 30/12/2025."
  ["trước ngày 30/12/2025", "date", "2025-12-30", "2025-12-30"],
];

const OTHER_FORMS: Row[] = [
  ["Quý II/2025", "quarter", "2025-Q2", "2025-06-30"],
  ["Quý 3/2026", "quarter", "2026-Q3", "2026-09-30"],
  ["Quý II năm 2026", "quarter", "2026-Q2", "2026-06-30"],
  ["Tháng 6/2026", "month", "2026-06", "2026-06-30"],
  ["Tháng 02/2026", "month", "2026-02", "2026-02-28"],
  ["Năm 2026", "year", "2026", "2026-12-31"],
  ["Trong năm 2025", "year", "2025", "2025-12-31"],
  ["Giai đoạn 2026-2030", "range", "2026..2030", "2030-12-31"],
  ["Từ năm 2025 đến năm 2030", "range", "2025..2030", "2030-12-31"],
  ["Trước ngày 31/12/2025", "date", "2025-12-31", "2025-12-31"],
  ["ngày 15 tháng 12 năm 2025", "date", "2025-12-15", "2025-12-15"],
  ["trước ngày 15/12", "recurring", "yearly:12-15", null, "yearly"],
  // Months of one year: not the day 9 of December.
  ["Tháng 9-12/2025", "range", "2025-09..2025-12", "2025-12-31"],
  // A half of a named year is due at its end, once.
  ["6 tháng đầu năm 2026", "range", "2026-01..2026-06", "2026-06-30", null],
  ["6 tháng cuối năm 2025", "range", "2025-07..2025-12", "2025-12-31", null],
  // A month or quarter every year: its last day, every year.
  ["Tháng 12 hằng năm", "recurring", "yearly:12-31", null, "yearly"],
  ["Quý IV hằng năm", "recurring", "yearly:12-31", null, "yearly"],
  ["Quý II hàng năm", "recurring", "yearly:06-30", null, "yearly"],
  ["Định kỳ 6 tháng", "recurring", "half-yearly", null, "half-yearly"],
  ["Hằng quý", "recurring", "quarterly", null, "quarterly"],
  ["Định kỳ hằng năm", "recurring", "yearly", null, "yearly"],
  ["Liên tục", "ongoing", "ongoing", null, null],
  ["Sau khi Đề án được phê duyệt", "unknown", "", null, null],
];

describe("normalizeDeadline", () => {
  it.each([...CORPUS_FORMS, ...OTHER_FORMS])("%s → %s %s", (written, kind, normalized, due, recurring) => {
    const d = normalizeDeadline(written)!;
    expect({ kind: d.kind, normalized: d.normalized, due: d.due }).toEqual({ kind, normalized, due });
    if (recurring !== undefined) expect(d.recurring).toBe(recurring);
    expect(d.text).toBe(written);
  });

  it("reads NFD text and extra spaces like NFC", () => {
    expect(normalizeDeadline("  Quý   II/2026 ".normalize("NFD"))!.normalized).toBe("2026-Q2");
    expect(normalizeDeadline("trước ngày 30/11 hằng năm".normalize("NFD"))!.normalized).toBe("yearly:11-30");
  });

  it("has nothing to read in an empty cell", () => {
    expect(normalizeDeadline("")).toBeNull();
    expect(normalizeDeadline(null)).toBeNull();
  });
});

describe("nextOccurrence", () => {
  it("a yearly deadline falls this year until its day has passed, then next year", () => {
    const d = normalizeDeadline("trước ngày 30/11 hằng năm")!;
    expect(nextOccurrence(d, "2025-11-01")).toBe("2025-11-30");
    expect(nextOccurrence(d, "2025-11-30")).toBe("2025-11-30");
    expect(nextOccurrence(d, "2025-12-01")).toBe("2026-11-30");
  });

  it("a fixed deadline is its day; ongoing and undated repeats have none", () => {
    expect(nextOccurrence(normalizeDeadline("Quý II/2026")!, "2025-01-01")).toBe("2026-06-30");
    expect(nextOccurrence(normalizeDeadline("Thường xuyên")!, "2025-01-01")).toBeNull();
    expect(nextOccurrence(normalizeDeadline("Hằng năm")!, "2025-01-01")).toBeNull();
  });
});

describe("anchorDeadline", () => {
  it("a day and month the text does not repeat is the next such day after the document's date", () => {
    const d = normalizeDeadline("trước ngày 15/12")!;
    expect(anchorDeadline(d, "2025-11-19", "Sở Tài chính báo cáo Ủy ban nhân dân tỉnh")).toMatchObject({ kind: "date", due: "2025-12-15", recurring: null });
    expect(anchorDeadline(normalizeDeadline("trước ngày 15/10")!, "2025-11-19")).toMatchObject({ kind: "date", due: "2026-10-15" });
  });

  it("stays yearly when the deadline or its sentence says so, or when the document has no date", () => {
    // kh552 VI.2: "… định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở Khoa học và Công nghệ"
    expect(anchorDeadline(normalizeDeadline("trước ngày 20/11")!, "2025-11-19", "định kỳ báo cáo kết quả thực hiện").normalized).toBe("yearly:11-20");
    expect(anchorDeadline(normalizeDeadline("trước ngày 30/11 hằng năm")!, "2025-11-19").normalized).toBe("yearly:11-30");
    expect(anchorDeadline(normalizeDeadline("trước ngày 15/12")!, null).normalized).toBe("yearly:12-15");
  });
});

describe("deadlineInText", () => {
  it.each([
    // kh144 VI.1.c and kh552 V.1: the repeat that ends a duty
    ["Tổng hợp, đánh giá kết quả thực hiện Kế hoạch hằng năm.", "hằng năm", "yearly"],
    ["Định kỳ hằng năm, báo cáo Ủy ban nhân dân Tỉnh kết quả thực hiện", "Định kỳ hằng năm", "yearly"],
    ["gửi báo cáo về Sở Tài chính trước ngày 15/12/2025 để tổng hợp", "trước ngày 15/12/2025", "2025-12-15"],
    ["Hoàn thành trong quý II/2026.", "Hoàn thành trong quý II/2026", "2026-Q2"],
    // kl07-vptw
    ["Văn phòng sẽ phối hợp với các cơ quan liên quan. Thời gian hoàn thành trước ngày 30/12/2025.", "hoàn thành trước ngày 30/12/2025", "2025-12-30"],
  ])("%s", (text, written, normalized) => {
    expect(deadlineInText(text)).toMatchObject({ text: written, normalized });
  });

  it.each([
    // kh144 VI.2.c: "hằng năm" qualifies the budget, it is not when the work is due
    "Chủ trì tổng hợp, tham mưu bố trí kinh phí chi thường xuyên hằng năm theo quy định",
    // qd2597: plans "trung hạn và hàng năm"
    "Cụ thể hóa các nội dung của Đề án trong các chương trình, kế hoạch chuyển đổi số trung hạn và hàng năm của Bộ Xây dựng;",
    // kh144 Phụ lục.I.2: the horizon of a target
    "Đến năm 2030, tỉnh Bắc Ninh có ít nhất 20 tập dữ liệu mở",
  ])("no deadline in: %s", (text) => {
    expect(deadlineInText(text)).toBeNull();
  });
});
