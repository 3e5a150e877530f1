/**
 * A city named with its level in chat ("tphcm" → "thành phố Hồ Chí Minh", found as a place twice over: "Hồ Chí Minh"
 * inside "thành phố Hồ Chí Minh") leaves the rest of the question whole; a document held twice (the decision and a
 * law library's page of it: same number, issuer and date) is one document named, not two to choose between.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { understand } from "../../src/understand/frame.js";
import type { Knowledge } from "../../src/assistant/knowledge.js";
import { retrieveFrame } from "../../src/assistant/retrieve.js";
import type { EmbeddedStore } from "../../src/search/embedded-store.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HỒ CHÍ MINH
Số: 35/KH-UBND
TP. Hồ Chí Minh, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW trên địa bàn Thành phố Hồ Chí Minh

I. MỤC TIÊU

1. Hợp nhất trung tâm dữ liệu của Thành phố trong năm 2026.

2. Phủ sóng 5G tại 100% trung tâm hành chính xã, phường.`;

const LETTER = `UBND THÀNH PHỐ HỒ CHÍ MINH
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 5128/SGDĐT-KHCNTT
V/v báo cáo chuyển đổi số trường học
Thành phố Hồ Chí Minh, ngày 20 tháng 10 năm 2025

Kính gửi: Ủy ban nhân dân các xã, phường.

1. Báo cáo kết quả chuyển đổi số trường học trước ngày 07/11/2025.`;

const DECISION = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
Số: 2374/QĐ-BGDĐT
Hà Nội, ngày 14 tháng 8 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số ngành Giáo dục

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số ngành Giáo dục.

Điều 2. Mục tiêu đến hết năm 2025: 100% trường tiểu học, trung học cơ sở triển khai học bạ số.

Điều 3. Quyết định này có hiệu lực từ ngày ký.`;

const PAGE = `[THƯ VIỆN PHÁP LUẬT](https://thuvienphapluat.vn/) › Văn bản pháp luật › Giáo dục

Tình trạng: Còn hiệu lực

${DECISION}`;

describe("a city named in chat, and a document held twice", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  let kb: Knowledge;
  let store: EmbeddedStore;
  beforeAll(async () => {
    ({ ask, kb, store } = await assistantOver([
      [PLAN, "kh35.md"],
      [LETTER, "cv5128.md"],
      [DECISION, "qd2374.md"],
      [PAGE, "qd2374-thuvienphapluat.md"],
    ]));
  });

  it("the words after the city stay in the topic", () => {
    expect(understand("kh 35 ubnd tphcm hop nhat trung tam du lieu khi nao", [], kb).topic).toContain("hop nhat trung tam du lieu");
  });

  it("a question of the document held twice is answered from one copy", async () => {
    const r = await retrieveFrame(understand("qd 2374 muc tieu het nam 2025 trien khai hoc ba so cho truong nao", [], kb), kb, store);
    expect(r.namedDocs.size).toBe(2);
    expect(r.namedOne).toBe(r.candidates[0]?.chunk.payload.documentId);
    const a = await ask("qd 2374 muc tieu het nam 2025 trien khai hoc ba so cho truong nao");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.number).toBe("2374/QĐ-BGDĐT");
    expect(a.answer).toContain("trung học cơ sở");
  });
});
