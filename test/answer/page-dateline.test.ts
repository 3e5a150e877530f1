/**
 * A law library's page of a document keeps the site's validity rows with the header ("Ngày ban hành: | 19/05/2025 |
 * Ngày hiệu lực: | …", so that "còn hiệu lực không?" can be answered): the date of issue is still quoted from the
 * document's own date line.
 */
import { describe, expect, it } from "vitest";
import { assistantOver } from "../helpers/assistant.js";

const PAGE = `THƯ VIỆN PHÁP LUẬT > Văn bản pháp luật > Công nghệ thông tin

| Số hiệu: | 86/KH-UBND | Loại văn bản: | Kế hoạch |
|---|---|---|---|
| Nơi ban hành: | Thành phố Sầm Sơn | Người ký: | Lê Thị Thanh Nga |
| Ngày ban hành: | 19/05/2025 | Ngày hiệu lực: | Đã biết |
| Tình trạng: | Đã biết | | |

Tải văn bản gốc | Văn bản tiếng Anh | Lược đồ

---

| ỦY BAN NHÂN DÂN THÀNH PHỐ SẦM SƠN<br>------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>--------------- |
|---|---|
| Số: 86/KH-UBND | *Sầm Sơn, ngày 19 tháng 5 năm 2025* |

**KẾ HOẠCH**

**CHUYỂN ĐỔI SỐ TRONG LĨNH VỰC DU LỊCH TRÊN ĐỊA BÀN THÀNH PHỐ SẦM SƠN NĂM 2025**

**I. MỤC ĐÍCH, YÊU CẦU**

Phòng Văn hóa, Khoa học và Thông tin chủ trì triển khai nền tảng du lịch thông minh.

| ***Nơi nhận:***<br>- Sở Khoa học và Công nghệ (b/c);<br>- Lưu: VT. | **KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br>**Lê Thị Thanh Nga** |
|---|---|
`;

describe("a law library's page asked its date", () => {
  it("quotes the document's date line, not the site's row", async () => {
    const { ask } = await assistantOver([[PAGE, "kh86-sam-son-thuvienphapluat.md"]]);
    const r = await ask("Kế hoạch 86/KH-UBND của UBND thành phố Sầm Sơn ban hành ngày nào?");
    expect(r.mode).toBe("answer");
    expect(r.answer).toContain("19/5/2025");
    expect(r.citations[0]!.quote).toContain("Sầm Sơn, ngày 19 tháng 5 năm 2025");
    expect(r.citations[0]!.quote).not.toMatch(/Ngày ban hành|Ngày hiệu lực|\|/);
  });
});
