import { describe, expect, it } from "vitest";
import { normalizeForSearch } from "../../src/search/analyzer.js";

describe("short forms read by the search, in documents and questions alike", () => {
  it("'tt' is a centre before what centres are of, and stays as typed elsewhere", () => {
    expect(normalizeForSearch("tt dmst tinh thanh hoa")).toBe("trung tâm đổi mới sáng tạo tinh thanh hoa");
    expect(normalizeForSearch("Thành lập TT ĐMST của tỉnh")).toBe("thành lập trung tâm đổi mới sáng tạo của tỉnh");
    expect(normalizeForSearch("tt 02/2025 của bộ")).toBe("tt 02/2025 của bộ");
  });
});
