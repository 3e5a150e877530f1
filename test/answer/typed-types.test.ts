/**
 * A document named by a type other than its own: the programme a decision approves, called by the decision's number
 * ("Chương trình 716" for the Chương trình attached to Quyết định 716), and "ct" typed for a Chương trình as well as
 * a Chỉ thị. Only where no document of the type itself has the number: a type and number that name nothing stay
 * unknown.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Knowledge } from "../../src/assistant/knowledge.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import { understand } from "../../src/understand/frame.js";
import { assistantOver } from "../helpers/assistant.js";

const DECISION = `ỦY BAN NHÂN DÂN TỈNH LÂM HÀ
Số: 716/QĐ-UBND
Lâm Hà, ngày 12 tháng 3 năm 2025

QUYẾT ĐỊNH
Ban hành Chương trình chuyển đổi số tỉnh Lâm Hà năm 2025

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM HÀ

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Chương trình chuyển đổi số tỉnh Lâm Hà năm 2025.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH
Nguyễn Văn Bình

CHƯƠNG TRÌNH
Chuyển đổi số tỉnh Lâm Hà năm 2025
(Ban hành kèm theo Quyết định số 716/QĐ-UBND ngày 12/3/2025 của Chủ tịch Ủy ban nhân dân tỉnh)

I. MỤC TIÊU

1. Đến hết năm 2025, 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.

II. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung của tỉnh, hoàn thành trong quý IV/2025.`;

const PROGRAMME = `TỈNH ỦY ĐÔNG SƠN
Số 12-CTr/TU
Đông Sơn, ngày 20 tháng 02 năm 2025

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

I. MỤC TIÊU

1. Đến năm 2030, kinh tế số chiếm 30% GRDP của tỉnh.

II. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tuyên truyền Chương trình hành động.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Văn Sơn`;

let kb: Knowledge;
let ask: (q: string) => Promise<AnswerResult>;

beforeAll(async () => {
  ({ kb, ask } = await assistantOver([[DECISION, "qd716.md"], [PROGRAMME, "ctr12.md"]]));
}, 60_000);

const scope = (q: string) => understand(q, [], kb).scope.documentIds.map((id) => kb.byId.get(id)!.number);

describe("a type typed other than the document's own", () => {
  it("the programme a decision carries, named by the decision's number", async () => {
    for (const q of ["Chương trình 716 đặt mục tiêu gì?", "ct 716 dat muc tieu gi", "chuong trinh 716 muc tieu la gi"]) expect(scope(q), q).toEqual(["716/QĐ-UBND"]);
    const r = await ask("ct 716 giao so khcn lam gi");
    expect(r.mode).toBe("answer");
    expect(r.citations[0]).toMatchObject({ number: "716/QĐ-UBND" });
    expect(r.answer).toContain("nền tảng dữ liệu dùng chung");
  });

  it("'ct' for a Party Chương trình", () => {
    expect(scope("ct 12 cua tinh uy dong son dat muc tieu gi")).toEqual(["12-CTr/TU"]);
  });

  it("a type the decision does not carry, or a number of no document, names nothing", async () => {
    expect(scope("Đề án 716 đặt mục tiêu gì?")).toEqual([]);
    expect(scope("Chương trình 717 đặt mục tiêu gì?")).toEqual([]);
    expect((await ask("Đề án 716 đặt mục tiêu gì?")).mode).toBe("not_found");
  });
});

describe("a document another amends, replaces or repeals", () => {
  const AMENDING = `ỦY BAN NHÂN DÂN TỈNH LÂM HÀ
Số: 801/QĐ-UBND
Lâm Hà, ngày 02 tháng 6 năm 2025

QUYẾT ĐỊNH
Sửa đổi, bổ sung một số điều của Quyết định số 716/QĐ-UBND ngày 12/3/2025 của Chủ tịch Ủy ban nhân dân tỉnh

Điều 1. Sửa đổi, bổ sung một số điều của Quyết định số 716/QĐ-UBND ngày 12/3/2025 như sau: bổ sung Sở Tài chính vào danh sách cơ quan phối hợp.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

CHỦ TỊCH
Nguyễn Văn Bình`;
  let withAmendment: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask: withAmendment } = await assistantOver([[DECISION, "qd716.md"], [PROGRAMME, "ctr12.md"], [AMENDING, "qd801.md"]]));
  }, 60_000);

  it("names the document whose sentence does it to the number", async () => {
    const r = await withAmendment("Văn bản nào sửa đổi Quyết định 716?");
    expect(r.answer).toMatch(/^Văn bản sửa đổi, bổ sung 716\/QĐ-UBND: Quyết định số 801\/QĐ-UBND/);
  });

  it("citing is not replacing; a number no document cites is not amended by any", async () => {
    const r = await withAmendment("Văn bản nào thay thế Nghị quyết 57?");
    expect(r.mode).toBe("not_found");
    expect(r.answer).toMatch(/^Không thấy văn bản nào trong các văn bản đã nạp thay thế 57-NQ\/TW\. Các văn bản chỉ nhắc đến 57-NQ\/TW: Chương trình hành động số 12-CTr\/TU/);
    const unknown = await withAmendment("vb nao sua doi nghi dinh 80");
    expect(unknown.mode).toBe("not_found");
    expect(unknown.answer).toBe("Không văn bản nào trong các văn bản đã nạp sửa đổi, bổ sung nghi dinh 80.");
  });
});
