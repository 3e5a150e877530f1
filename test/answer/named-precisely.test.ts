/**
 * What names a document and what the question asks of it, kept apart: a letter numbered with its issuer's code
 * ("cv 1387" for 1387/SKHCN-QLCN, and a mistyped full number that names nothing); a department is not the ministry
 * of the same field; "của HĐND tỉnh X" after a document's name is its issuer, not a body asked about; a place the
 * named document does not speak of must be in the evidence; the date a text sets is not the date it bears.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Knowledge } from "../../src/assistant/knowledge.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import { understand } from "../../src/understand/frame.js";
import { assistantOver } from "../helpers/assistant.js";

const LETTER = `UBND TỈNH LÂM HÀ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1387/SKHCN-QLCN
V/v triển khai Kế hoạch số 215/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Lâm Hà, ngày 08 tháng 4 năm 2025

Kính gửi: Các sở, ban, ngành cấp tỉnh.

1. Cử cán bộ đầu mối theo dõi việc thực hiện Kế hoạch, gửi danh sách về Sở Khoa học và Công nghệ trước ngày 15/4/2025.

2. Ủy ban nhân dân các huyện miền núi gửi danh sách thôn, bản còn vùng lõm sóng di động về Sở Khoa học và Công nghệ trước ngày 15/5/2025.

3. Các cơ quan, đơn vị báo cáo kết quả thực hiện Kế hoạch định kỳ 6 tháng và hằng năm, gửi về Sở Khoa học và Công nghệ trước ngày 05/6.

Thông tin chi tiết xin liên hệ: Phòng Quản lý công nghệ (bà Phan Thị Thu Trang, điện thoại 0238.3844.512).

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Thị Minh Hà`;

const MINISTRY = `BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1156/QĐ-BKHCN
Hà Nội, ngày 09 tháng 6 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển mạng lưới đổi mới sáng tạo

Điều 1. Hỗ trợ các địa phương thành lập trung tâm đổi mới sáng tạo cấp vùng tại Hà Nội, Đà Nẵng và Cần Thơ trong giai đoạn 2025 - 2027.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Đỗ Văn Khiêm`;

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN TỈNH LÂM HÀ
Số: 86/2025/NQ-HĐND
Lâm Hà, ngày 15 tháng 7 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ đổi mới sáng tạo trên địa bàn tỉnh Lâm Hà

Điều 1. Hỗ trợ tối đa 200 triệu đồng cho mỗi dự án khởi nghiệp đổi mới sáng tạo đạt giải tại cuộc thi cấp tỉnh.

Điều 2. Nghị quyết này có hiệu lực từ ngày 25 tháng 7 năm 2025 đến hết ngày 31 tháng 12 năm 2030.

Điều 3. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết; hằng năm báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện tại kỳ họp cuối năm.

CHỦ TỊCH
Hoàng Trung Kiên`;

let kb: Knowledge;
let ask: (q: string) => Promise<AnswerResult>;

beforeAll(async () => {
  ({ kb, ask } = await assistantOver([[LETTER, "cv1387.md"], [MINISTRY, "qd1156.md"], [RESOLUTION, "nq86.md"]]));
}, 60_000);

const scope = (q: string) => understand(q, [], kb).scope.documentIds.map((id) => kb.byId.get(id)!.number);

describe("named precisely", () => {
  it("a letter numbered with its issuer's code, by 'cv' and its digits or in full; a full number mistyped names nothing", async () => {
    expect(scope("cv 1387 sokhcn yeu cau gi")).toEqual(["1387/SKHCN-QLCN"]);
    expect(scope("Công văn số 1387/SKHCN-QLCN yêu cầu gì?")).toEqual(["1387/SKHCN-QLCN"]);
    const typo = await ask("cv 1378/SKHCN-QLCN cua so khcn yeu cau gi");
    expect(typo.mode).toBe("not_found");
    expect(typo.answer).toContain("1378/SKHCN-QLCN");
  });

  it("'sở khcn' names no decision of the Bộ Khoa học và Công nghệ", () => {
    expect(scope("ubnd cac huyen mien nui gui danh sach vung lom song ve so khcn truoc ngay nao")).not.toContain("1156/QĐ-BKHCN");
    expect(scope("Bộ KH&CN hỗ trợ thành lập trung tâm đổi mới sáng tạo ở đâu?")).toEqual(["1156/QĐ-BKHCN"]);
  });

  it("'của HĐND tỉnh X' after a document's name is its issuer; the date the text sets is no header date", async () => {
    // The issuer between the number and the place ("kh 215 ubnd nghe an …") names the document, not the topic.
    expect(understand("nq 86 hdnd lam ha ho tro bao nhieu cho du an khoi nghiep", [], kb).topic).not.toMatch(/hdnd|hội đồng/iu);
    const f = understand("Nghị quyết 86 của HĐND tỉnh Lâm Hà có hiệu lực từ ngày nào?", [], kb);
    expect(f.body).toBeNull();
    expect(f.meta).not.toContain("date");
    const r = await ask("Nghị quyết 86 của HĐND tỉnh Lâm Hà có hiệu lực từ ngày nào đến ngày nào?");
    expect(r.citations[0]).toMatchObject({ number: "86/2025/NQ-HĐND", section: "Điều 2" });
    expect(r.answer).toContain("25 tháng 7 năm 2025");
    expect(understand("Quyết định 1156 giao thành lập trung tâm cấp vùng vào năm nào?", [], kb).meta).not.toContain("date");
    expect(understand("qd 1156 ban hanh nam nao", [], kb).meta).toContain("date");
  });

  it("a place the named document does not speak of must be in the evidence", async () => {
    expect((await ask("Quyết định 1156 hỗ trợ thành lập trung tâm đổi mới sáng tạo cấp vùng tại Lâm Hà vào năm nào?")).mode).toBe("not_found");
    const named = await ask("Quyết định 1156 hỗ trợ thành lập trung tâm đổi mới sáng tạo cấp vùng tại Đà Nẵng trong giai đoạn nào?");
    expect(named.mode).toBe("answer");
    expect(named.answer).toContain("2025 - 2027");
  });
});

describe("a day asked", () => {
  it("that no passage gives is not answered by a passage about the same thing without it", async () => {
    const r = await ask("Nghị quyết 86 yêu cầu báo cáo kết quả thực hiện trước ngày nào hằng năm?");
    expect(r.mode).toBe("not_found");
    const given = await ask("Công văn 1387 yêu cầu gửi danh sách cán bộ đầu mối trước ngày nào?");
    expect(given.answer).toContain("15/4/2025");
  });
});

describe("whom to contact", () => {
  it("the letter's contact line, not a task; a document that gives none says so", async () => {
    const r = await ask("cv 1387 lien he ai, so dien thoai nao");
    expect(r.citations[0]!.quote).toContain("0238.3844.512");
    expect(r.answer).not.toMatch(/chủ trì|thực hiện\)/);
    expect((await ask("Quyết định 1156 liên hệ với ai?")).mode).toBe("not_found");
  });
});

describe("a place in the issuer's name", () => {
  const guide = (issuerPlace: string) => `BAN TUYÊN GIÁO THÀNH ỦY ${issuerPlace.toUpperCase()}
Số 12-HD/BTGTU
Từ Sơn, ngày 10 tháng 5 năm 2024

HƯỚNG DẪN
tuyên truyền Kết luận số 69-KL/TW

I. NỘI DUNG

1. Tuyên truyền sâu rộng Kết luận số 69-KL/TW trong ${issuerPlace}.

T/M BAN TUYÊN GIÁO
TRƯỞNG BAN
Nguyễn Văn An`;
  it("holds the question to that issuer's documents, not every document dated at the place", async () => {
    const { kb: knowledge } = await assistantOver([[guide("Từ Sơn"), "a.md"], [guide("Tân Đức"), "b.md"]]);
    const f = understand("Hướng dẫn của Ban Tuyên giáo Thành ủy Từ Sơn nêu nội dung gì?", [], knowledge);
    expect(f.scope.documentIds.map((id) => knowledge.byId.get(id)!.issuer)).toEqual(["Ban Tuyên giáo Thành ủy Từ Sơn"]);
  });
});

describe("a reporting period asked", () => {
  it("that the text does not set is not answered with the period it does set", async () => {
    const r = await ask("Công văn 1387 yêu cầu các cơ quan, đơn vị báo cáo kết quả thực hiện Kế hoạch hằng quý gửi về Sở Khoa học và Công nghệ trước ngày nào?");
    expect(r.mode).toBe("not_found");
  });
});
