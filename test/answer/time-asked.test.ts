/**
 * A time asked ("khi nào", "bao giờ xong", "quý nào") is answered by a passage that gives one: the clause after the
 * task when the time is there ("…; hoàn thành trong tháng 01/2026."), the day of signing for when a text takes
 * effect; a passage with the task and no time, or no quarter for "quý nào", is no answer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const PLAN = `ĐẢNG BỘ TỈNH HÒA BẮC
ĐẢNG ỦY XÃ TÂN LẬP
Số 126-KH/ĐU
Tân Lập, ngày 24 tháng 11 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW

I. NHIỆM VỤ

1. Phối hợp với Viettel xóa vùng lõm sóng tại 03 thôn: Đồng Bông, Vĩnh Ninh, Gò Chè; hoàn thành trong tháng 01/2026.

2. Xây dựng kho dữ liệu dùng chung của xã, kết nối với cơ sở dữ liệu quốc gia về dân cư.

3. Nâng cấp trung tâm dữ liệu của xã: 3.900 triệu đồng.

II. HIỆU LỰC

Kế hoạch này có hiệu lực kể từ ngày ký.

T/M ĐẢNG ỦY
BÍ THƯ
Kiều Văn Dũng`;

describe("a time asked", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[PLAN, "kh126.txt"]]));
  });

  it("the clause after the task gives it: both quoted, the time first", async () => {
    const a = await ask("kh 126 xa tan lap xoa vung lom song o may thon nao, bao gio xong");
    expect(a.mode).toBe("answer");
    expect(a.answer).toMatch(/^Thời hạn: hoàn thành trong tháng 01\/2026/);
    expect(a.citations[0]?.quote).toContain("Đồng Bông, Vĩnh Ninh, Gò Chè; hoàn thành trong tháng 01/2026.");
  });

  it("'có hiệu lực từ khi nào' is answered by the day of signing", async () => {
    const a = await ask("kh 126 xa tan lap co hieu luc tu khi nao");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.quote).toContain("có hiệu lực kể từ ngày ký");
  });

  it("a task the text gives no time for is no answer to when it is due, nor a passage with no quarter to 'quý nào'", async () => {
    expect((await ask("Kế hoạch 126-KH/ĐU đặt hạn hoàn thành kho dữ liệu dùng chung của xã khi nào?")).mode).toBe("not_found");
    expect((await ask("Theo Kế hoạch 126-KH/ĐU, việc nâng cấp trung tâm dữ liệu của xã phải hoàn thành trong quý nào?")).mode).toBe("not_found");
  });
});
