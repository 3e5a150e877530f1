import { describe, expect, it } from "vitest";
import { taskWindow } from "../../src/understand/window.js";

describe("the time window a question sets for tasks", () => {
  it("reads a period after a word that bounds it, with or without marks, into its last day (and first for 'trong')", () => {
    expect(taskWindow("Sở Tài chính phải làm gì trước quý 2/2026?")).toMatchObject({ from: null, to: "2026-06-30" });
    expect(taskWindow("so tai chinh phai lam gi truoc quy 2/2026")).toMatchObject({ from: null, to: "2026-06-30" });
    expect(taskWindow("những việc đến hạn trong tháng 6/2026")).toMatchObject({ from: "2026-06-01", to: "2026-06-30" });
    expect(taskWindow("nhiệm vụ nào hết hạn trong năm 2026")).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(taskWindow("việc gì phải xong trước ngày 15/12/2025")).toMatchObject({ to: "2025-12-15" });
  });

  it("a relative window needs today's date", () => {
    expect(taskWindow("trong 30 ngày tới Sở KH&CN có việc gì đến hạn")).toBeNull();
    expect(taskWindow("trong 30 ngày tới Sở KH&CN có việc gì đến hạn", "2026-12-02")).toMatchObject({ from: "2026-12-02", to: "2027-01-01" });
  });

  it("a horizon or a period that bounds no work is no window", () => {
    expect(taskWindow("Sở GD&ĐT phối hợp với ai thực hiện Chiến lược phát triển khoa học, công nghệ đến năm 2030?")).toBeNull();
    expect(taskWindow("Kế hoạch trong năm 2026 của tỉnh nói gì về dữ liệu?")).toBeNull();
  });
});

describe("the repeat a question asks tasks to have", () => {
  it("reads 'thời hạn hằng năm', 'làm thường xuyên' in questions about work", async () => {
    const { taskRepeat } = await import("../../src/understand/window.js");
    expect(taskRepeat("những nhiệm vụ nào trong phụ lục có thời hạn hằng năm")).toBe("yearly");
    expect(taskRepeat("nhung nv nao co thoi han hang quy")).toBe("quarterly");
    expect(taskRepeat("Sở Nội vụ có những việc gì phải làm thường xuyên?")).toBe("ongoing");
    expect(taskRepeat("Kết luận 69 được ban hành năm nào?")).toBeNull();
    expect(taskRepeat("báo cáo kết quả hằng năm gửi ai")).toBeNull();
  });
});

describe("a period that describes the tasks of a question asking a date", () => {
  it("is no filter: the text's date answers", () => {
    expect(taskWindow("Nếu nhiệm vụ có thời hạn trong năm 2025 không hoàn thành thì phải báo cáo trước ngày nào?")).toBeNull();
    expect(taskWindow("nhiem vu han trong quy 3/2025 thi khi nao phai bao cao")).toBeNull();
  });
});
