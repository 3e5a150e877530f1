import { describe, expect, it } from "vitest";
import { deadlinePhrases } from "../../src/domain/deadline.js";
import { findNumberAliases } from "../../src/domain/numbers.js";

describe("deadline phrases in running text", () => {
  it("finds a time after a word that sets a limit, as written", () => {
    expect(deadlinePhrases("gửi về Văn phòng Tỉnh ủy (qua Phòng Tổng hợp) trước ngày 15/5/2026;")).toEqual(["trước ngày 15/5/2026"]);
    expect(deadlinePhrases("báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 12 hằng năm;")).toEqual(["trước ngày 15 tháng 12 hằng năm"]);
    expect(deadlinePhrases("ban hành Chương trình hành động trong tháng 3/2026")).toEqual(["trong tháng 3/2026"]);
    expect(deadlinePhrases("hoàn thành trong quý II/2026")).toEqual(["hoàn thành trong quý II/2026"]);
    // The hour before the day.
    expect(deadlinePhrases("Báo cáo gửi về Sở trước 17 giờ 00 ngày 29/12/2025.")).toEqual(["trước 17 giờ 00 ngày 29/12/2025"]);
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
    // "năm nào" asks a year: "nq 05 năm nào" names Nghị quyết 05.
    expect(digits("tinh uy so ket nq 05 nam nao")).toEqual(["05"]);
    expect(digits("KH 144 tháng 3")).toEqual(["144"]);
    // "quy định" folds like "quý", and a date may follow a number: neither is a duration.
    expect(digits("nq 05 quy dinh gi")).toEqual(["05"]);
    expect(digits("kh 55 ngay 20/3/2025 giao gi")).toEqual(["55"]);
    expect(digits("bc 2 quy gui truoc ngay nao")).toEqual([]);
  });
});

describe("a count is not a document number", () => {
  const digits = (t: string) => findNumberAliases(t).map((a) => a.digits);
  it("reads a verb of a type before a count of bodies, or a count with its leading zero, as a count", () => {
    expect(digits("Xã sẽ hướng dẫn 02 hợp tác xã hoàn thiện hồ sơ trong thời gian nào?")).toEqual([]);
    expect(digits("ubnd xa bao cao 3 xa chua hoan thanh")).toEqual([]);
    expect(digits("ke hoach 02 thon nao chua co song")).toEqual([]);
    // A number without the zero after a type that is no verb may still be the document's.
    expect(digits("kh 12 nhiem vu gi")).toEqual(["12"]);
    expect(digits("hướng dẫn 15 về hồ sơ")).toEqual(["15"]);
  });
});

describe("a number after whose the document is", () => {
  const aliases = (t: string) => findNumberAliases(t).map((a) => [a.digits, a.type, t.slice(a.start, a.end)]);
  it("reads 'kh của tỉnh số 86' as Kế hoạch 86, whose it is left in the question; no number without 'số' and digits", () => {
    expect(aliases("kh cua tinh so 86 nhiem vu gi")).toEqual([["86", "Kế hoạch", "so 86"]]);
    expect(aliases("Nghị quyết của HĐND tỉnh số 05 quy định gì")).toEqual([["05", "Nghị quyết", "số 05"]]);
    expect(aliases("kế hoạch của tỉnh số lượng 5 trạm")).toEqual([]);
    expect(aliases("báo cáo của sở số 3 tháng")).toEqual([]);
  });
});

describe("a number typed after its type and its issuer's code", () => {
  const read = (t: string) => findNumberAliases(t).map((a) => [a.digits, a.type, a.issuerCode ?? null]);
  it("'tb vpcp 318', 'qd ttg 1462', 'kh ubnd 96' name the document; a word between is no code", () => {
    expect(read("tb vpcp 318 bo tai chinh bao cao truoc ngay nao")).toEqual([["318", "Thông báo", "vpcp"]]);
    expect(read("qd ttg 1462 muc tieu 2030")).toEqual([["1462", "Quyết định", "ttg"]]);
    expect(read("kh ubnd 96 giao ai")).toEqual([["96", "Kế hoạch", "ubnd"]]);
    // "năm", "của" are words (a vowel in them), never a code: no number read.
    expect(read("ke hoach nam 2025 co gi")).toEqual([]);
    expect(read("kh cua 12 so nganh")).toEqual([]);
    // A year after a field's initials is the plan of that year ("kh cds 2025": digital transformation, 2025).
    expect(read("bnv kh cds 2025 csdl quoc gia don vi nao chu tri")).toEqual([]);
  });
});
