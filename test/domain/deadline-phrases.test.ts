import { describe, expect, it } from "vitest";
import { deadlinePhrases } from "../../src/domain/deadline.js";
import { findNumberAliases } from "../../src/domain/numbers.js";

describe("deadline phrases in running text", () => {
  it("finds a time after a word that sets a limit, as written", () => {
    expect(deadlinePhrases("gửi về Văn phòng Tỉnh ủy (qua Phòng Tổng hợp) trước ngày 15/5/2026;")).toEqual(["trước ngày 15/5/2026"]);
    expect(deadlinePhrases("báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 12 hằng năm;")).toEqual(["trước ngày 15 tháng 12 hằng năm"]);
    expect(deadlinePhrases("ban hành Chương trình hành động trong tháng 3/2026")).toEqual(["trong tháng 3/2026"]);
    expect(deadlinePhrases("hoàn thành trong quý II/2026")).toEqual(["hoàn thành trong quý II/2026"]);
  });

  it("a date without such a word is no deadline", () => {
    expect(deadlinePhrases("trình Ban Thường vụ Tỉnh ủy tại phiên họp ngày 22/5/2026")).toEqual([]);
    expect(deadlinePhrases("Hà Nội, ngày 10 tháng 3 năm 2026")).toEqual([]);
    expect(deadlinePhrases("hạn chế, yếu kém")).toEqual([]);
  });
});

describe("a duration is not a document number", () => {
  const digits = (t: string) => findNumberAliases(t).map((a) => a.digits);
  it("reads 'báo cáo 3 tháng', 'kế hoạch 5 năm' as durations and keeps numbers with a year or 'năm nay'", () => {
    expect(digits("dự thảo báo cáo 3 tháng thực hiện KL 193")).toEqual(["193"]);
    expect(digits("ke hoach 5 nam toi")).toEqual([]);
    expect(digits("Kế hoạch 14 năm 2024")).toEqual(["14"]);
    expect(digits("kh 55 nam nay giao gi")).toEqual(["55"]);
    expect(digits("KH 144 tháng 3")).toEqual(["144"]);
  });
});
