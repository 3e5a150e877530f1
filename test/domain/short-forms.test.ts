import { describe, expect, it } from "vitest";
import { normalizeForSearch } from "../../src/search/analyzer.js";

describe("short forms read by the search, in documents and questions alike", () => {
  it("'tt' is a centre before what centres are of, and stays as typed elsewhere", () => {
    expect(normalizeForSearch("tt dmst tinh thanh hoa")).toBe("trung tâm đổi mới sáng tạo tinh thanh hoa");
    expect(normalizeForSearch("Thành lập TT ĐMST của tỉnh")).toBe("thành lập trung tâm đổi mới sáng tạo của tỉnh");
    expect(normalizeForSearch("tt 02/2025 của bộ")).toBe("tt 02/2025 của bộ");
  });

  it("the public service centre and an electronic identity account, typed without marks", () => {
    expect(normalizeForSearch("tt phuc vu hcc xa")).toBe("trung tâm phuc vu hành chính công xa");
    expect(normalizeForSearch("TT Phục vụ HCC phường")).toBe("trung tâm phục vụ hành chính công phường");
    expect(normalizeForSearch("co tk dinh danh dt muc 2")).toBe("co tài khoản dinh danh điện tử muc 2");
    // Alone, "tk" and "đt" may be other words ("thống kê", "đào tạo"): as typed.
    expect(normalizeForSearch("tk so lieu, dt nhan luc")).toBe("tk so lieu, dt nhan luc");
  });
});

describe("ethnic minority areas, typed short", () => {
  it("'dtts' and 'đbdtts' are written out; a word that only holds them is not", () => {
    expect(normalizeForSearch("xa vung dtts duoc ho tro")).toBe("xa vung dân tộc thiểu số duoc ho tro");
    expect(normalizeForSearch("Vùng ĐBDTTS và miền núi")).toBe("vùng đồng bào dân tộc thiểu số và miền núi");
    expect(normalizeForSearch("mã dttsx")).toBe("mã dttsx");
  });
});
