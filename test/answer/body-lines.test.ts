/**
 * A body asked about in a section that gives several bodies a line each ("- Ban cán sự đảng Chính phủ …", "- Đảng
 * đoàn Mặt trận Tổ quốc … công tác tuyên truyền …", "- Ban Tuyên giáo Trung ương chủ trì …"): the quote is the line
 * that names it, not a neighbour's line that shares the question's words.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const CONCLUSION = `BỘ CHÍNH TRỊ
Số 12-KL/TW
Hà Nội, ngày 11 tháng 01 năm 2024

KẾT LUẬN
về tiếp tục thực hiện Nghị quyết về khoa học và công nghệ

1. Khẩn trương cụ thể hoá nghị quyết, thúc đẩy phát triển khoa học, công nghệ.

2. Tổ chức thực hiện

- Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo tổ chức thực hiện tốt Chiến lược phát triển khoa học, công nghệ.
- Đảng đoàn Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội, Ban Bí thư Trung ương Đoàn đẩy mạnh công tác tuyên truyền, giám sát, phản biện xã hội.
- Ban Tuyên giáo Trung ương chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, kiểm tra, giám sát, định kỳ sơ kết, tổng kết.

T/M BỘ CHÍNH TRỊ
Trương Thị Mai`;

describe("a body's line among other bodies' lines", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[CONCLUSION, "kl12.md"]]));
  });

  it("is the quote, without a neighbour's line that shares the question's words", async () => {
    const a = await ask("kl 12 giao ban tuyen giao lam gi");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.quote).toContain("Ban Tuyên giáo Trung ương chủ trì");
    expect(a.answer).not.toContain("Mặt trận");
  });
});
