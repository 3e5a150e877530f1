/**
 * A news page about a province's programme quotes the resolution it carries out. Asked what the resolution itself
 * sets, the page's sentences about the programme ("Chương trình hành động số 47-CTr/TU của Tỉnh ủy … đề ra mục tiêu
 * …") are never offered as the page's words on the resolution: they name another document and a place.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { assistantOver } from "../helpers/assistant.js";

const NEWS = `[BÁO HÒA BẮC ĐIỆN TỬ](https://baohoabac.vn/)   Thứ Ba, 25/02/2025
Trang chủ › Chính trị

# Hòa Bắc ban hành Chương trình hành động thực hiện Nghị quyết 57

*Lê Minh* | 24/02/2025 - 07:45 | Lượt xem: 2.316

Nghị quyết số 57-NQ/TW được Bộ Chính trị ban hành ngày 22/12/2024 về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia. Nghị quyết đặt mục tiêu đến năm 2030 phát triển mạnh kinh tế số, nâng tỷ trọng kinh tế số trong GDP.

Cụ thể hóa tinh thần đó, Chương trình hành động số 47-CTr/TU của Tỉnh ủy Hòa Bắc đề ra mục tiêu đến năm 2030: "Quy mô kinh tế số đạt tối thiểu 25% GRDP của tỉnh". Tầm nhìn đến năm 2045, quy mô kinh tế số của tỉnh đạt tối thiểu 50% GRDP.`;

describe("a page's words about another document", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[NEWS, "news.md"]]));
  });

  it("are not the page's words on the resolution it quotes", async () => {
    const a = await ask("Nghị quyết 57-NQ/TW của Bộ Chính trị đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GDP đến năm 2030?");
    expect(a.answer).not.toMatch(/25% GRDP|50% GRDP/);
    expect(a.answer).toMatch(/chưa có trong kho/);
  });
});
