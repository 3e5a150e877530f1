/**
 * An appendix's first section as the parser leaves it when its rows are sections of their own: the caption, the
 * table's header row, the group titles. It names the document and says nothing, and ranks as a bare caption does.
 */
import { describe, expect, it } from "vitest";
import { captionOnly } from "../src/assistant/retrieve.js";

const CAPTION = "(Kèm theo Kế hoạch ban hành tại Quyết định số 512/QĐ-UBND ngày 24/3/2025 của UBND tỉnh Lâm Hà)";

describe("a caption and nothing more", () => {
  it("alone, or with the table's header row and group titles", () => {
    expect(captionOnly(CAPTION)).toBe(true);
    expect(captionOnly(`${CAPTION}\nSTT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm\nI | Nâng cao nhận thức, tuyên truyền\nII | Hoàn thiện thể chế, cơ chế, chính sách`)).toBe(true);
  });

  it("not once a row or a sentence of substance follows", () => {
    expect(captionOnly(`${CAPTION}\nSTT | Nhiệm vụ | Cơ quan chủ trì\n1 | Tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW | Sở Khoa học và Công nghệ`)).toBe(false);
    expect(captionOnly(`${CAPTION}\nKinh tế số đạt 22% GRDP.`)).toBe(false);
    expect(captionOnly("Kinh tế số đạt 22% GRDP; tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt 30%.")).toBe(false);
  });
});
