/**
 * Body names compared as cadres mean them: short forms, no diacritics, NFD, both tone conventions are one body;
 * a ministry is not a department, and a body inside another's name is not that body.
 */
import { describe, expect, it } from "vitest";
import { bodyKey, bodyTokens, foldedBodyKey, isWrittenOut, matchBody, splitBodyList } from "../../src/domain/bodies.js";

const names = (query: string, name: string) => matchBody(bodyTokens(query), name);

describe("one body, however it is written", () => {
  it.each([
    "Sở Khoa học và Công nghệ",
    "Sở KH&CN",
    "sở kh&cn",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "Sở KH & CN",
    "Sở Khoa học và Công nghệ".normalize("NFD"),
  ])("%s has the key of Sở Khoa học và Công nghệ", (written) => {
    expect(bodyKey(written)).toBe("sở khoa học và công nghệ");
  });

  it("typed without diacritics, it is compared folded", () => {
    expect(foldedBodyKey("so khcn")).toBe(foldedBodyKey("Sở Khoa học và Công nghệ"));
    expect(foldedBodyKey("phong tc-kh")).toBe(foldedBodyKey("Phòng Tài chính - Kế hoạch"));
    expect(names("so khoa hoc va cong nghe", "Sở KH&CN")).toBe("exact");
    expect(names("so khcn", "Sở Khoa học và Công nghệ")).toBe("exact");
  });

  it("both tone conventions (uỷ/ủy, hoá/hóa) are one name", () => {
    expect(bodyKey("Uỷ ban nhân dân tỉnh")).toBe(bodyKey("Ủy ban nhân dân tỉnh"));
    expect(bodyKey("Sở Văn hoá, Thể thao và Du lịch")).toBe(bodyKey("Sở VH,TT&DL"));
    expect(names("UBND tỉnh", "Uỷ ban nhân dân tỉnh")).toBe("exact");
  });

  it("other short forms of provincial departments", () => {
    expect(bodyKey("Sở KH&ĐT")).toBe("sở kế hoạch và đầu tư");
    expect(bodyKey("Sở TN&MT")).toBe("sở tài nguyên và môi trường");
    expect(bodyKey("Sở NN&MT")).toBe("sở nông nghiệp và môi trường");
    expect(bodyKey("so nnmt")).toBe("so nông nghiệp và môi trường");
    expect(bodyKey("Sở GD&ĐT")).toBe("sở giáo dục và đào tạo");
    expect(bodyKey("BQL các khu công nghiệp")).toBe("ban quản lý khu công nghiệp");
  });
});

describe("where a name names a body", () => {
  it("at the head of a longer name, or anywhere a list starts a new body", () => {
    expect(names("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh")).toBe("head");
    expect(names("Ban Tuyên giáo", "Ban Tuyên giáo Tỉnh ủy")).toBe("head");
    expect(names("Sở Khoa học và Công nghệ", "Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Khoa học và Công nghệ, Sở Công Thương")).toBe("exact");
    expect(names("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân Tỉnh và Bộ Khoa học và Công nghệ")).not.toBeNull();
    // "các" only says there are several
    expect(names("UBND các xã", "Ủy ban nhân dân xã, phường")).toBe("exact");
  });

  it("never inside another body's name", () => {
    expect(names("Sở Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ")).toBeNull();
    expect(names("Sở Khoa học và Công nghệ", "Đảng ủy Bộ Khoa học và Công nghệ")).toBeNull();
    expect(names("UBND tỉnh", "Đảng đoàn Ủy ban nhân dân tỉnh")).toBeNull();
    expect(names("Sở Tài chính", "Các sở, ban, ngành")).toBeNull();
    expect(names("Sở Tài chính", "Bộ Tài chính")).toBeNull();
  });
});

describe("splitBodyList", () => {
  it("one name per body, split only where a new body starts", () => {
    expect(splitBodyList("Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Khoa học và Công nghệ, Sở Công Thương")).toEqual([
      "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
      "Sở Khoa học và Công nghệ",
      "Sở Công Thương",
    ]);
    expect(splitBodyList("Sở Văn hóa, Thể thao và Du lịch; Sở, ban, ngành có liên quan")).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Sở, ban, ngành có liên quan"]);
    expect(splitBodyList("Sở Khoa học và Công nghệ, các đơn vị liên quan")).toEqual(["Sở Khoa học và Công nghệ", "các đơn vị liên quan"]);
    expect(splitBodyList("Bộ Khoa học và Công nghệ và Chính phủ")).toEqual(["Bộ Khoa học và Công nghệ", "Chính phủ"]);
    expect(splitBodyList("Sở Giáo dục và Đào tạo")).toEqual(["Sở Giáo dục và Đào tạo"]);
    expect(splitBodyList("Đảng đoàn Mặt trận Tổ quốc và các tổ chức chính trị - xã hội")).toHaveLength(1);
  });
});

it("a name written out is told from its short form (the register shows the former)", () => {
  expect(isWrittenOut("Sở Khoa học và Công nghệ")).toBe(true);
  expect(isWrittenOut("Sở KH&CN")).toBe(false);
  expect(isWrittenOut("UBND các xã, phường")).toBe(false);
});
