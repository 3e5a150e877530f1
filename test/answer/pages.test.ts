/**
 * A web page that quotes a resolution (questions and answers, news) is read as a page: its site, posting day and
 * headline, never an official text. When the resolution itself is not loaded, a question about it is told so, then
 * answered from the page's own words, labelled as the page's; a part of the page about one province's plan is no
 * quote of the resolution. A plan named by what it carries out ("kh nq57 <tỉnh>") is the province's plan, and a
 * resolution named after "với/về" beside a place is the topic, not a document to refuse.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/assistant/types.js";
import { parseDocument } from "../../src/parser/index.js";
import { assistantOver } from "../helpers/assistant.js";

const PAGE = `[TraLoiPhapLuat.vn](https://traloiphapluat.vn/) | Trang chủ | Hỏi đáp | Văn bản mới

Trang chủ > Hỏi đáp pháp luật > Khoa học - Công nghệ

# Nghị quyết 57-NQ/TW đặt những mục tiêu gì?

*Cập nhật: 05/05/2025 09:10 | Chuyên mục: Khoa học - Công nghệ*

**Câu hỏi:**

> Cho tôi hỏi Nghị quyết 57-NQ/TW của Bộ Chính trị đặt mục tiêu gì về kinh tế số?

**Trả lời:**

## 1. Mục tiêu của Nghị quyết 57-NQ/TW đến năm 2030

Theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, đến năm 2030:

> - Quy mô kinh tế số đạt tối thiểu 30% GDP.
> - Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%.

## 2. Tầm nhìn đến năm 2045

> - Quy mô kinh tế số đạt tối thiểu 50% GDP.

## 3. Tỉnh Hòa Bắc triển khai Nghị quyết 57-NQ/TW như thế nào?

Ủy ban nhân dân tỉnh Hòa Bắc đặt mục tiêu kinh tế số đạt 25% GRDP vào năm 2030 và giao Sở Khoa học và Công nghệ làm đầu mối.
`;

const PLAN = `ỦY BAN NHÂN DÂN TỈNH HÒA BẮC
Số: 88/KH-UBND
Hòa Bắc, ngày 20 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị

I. MỤC TIÊU

Kinh tế số đạt 25% GRDP vào năm 2030.

II. NHIỆM VỤ

1. Triển khai bệnh án điện tử tại các bệnh viện công lập của tỉnh; Sở Y tế chủ trì, hoàn thành trước ngày 30/9/2025.

2. Ban Quản lý các khu công nghiệp chủ trì thu hút doanh nghiệp công nghệ số vào khu công nghiệp.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa`;

describe("a web page", () => {
  const doc = parseDocument(PAGE, "hoi-dap-nq57.md");

  it("is a page of its site, dated the day it was posted, titled by its headline; never the resolution it quotes", () => {
    expect(doc).toMatchObject({ docType: "Trang thông tin", number: null, issuer: "TraLoiPhapLuat.vn", date: "2025-05-05", title: "Nghị quyết 57-NQ/TW đặt những mục tiêu gì?" });
  });

  it("a news page is dated by its byline under the headline", () => {
    const news = parseDocument(`[BÁO HÒA BẮC ĐIỆN TỬ](https://baohoabac.vn/)   Thứ Ba, 25/02/2025
Trang chủ › Chính trị

# Hòa Bắc ban hành kế hoạch thực hiện Nghị quyết 57

*Lê Minh* | 24/02/2025 - 07:45 | Lượt xem: 2.316

Ủy ban nhân dân tỉnh vừa ban hành kế hoạch thực hiện Nghị quyết số 57-NQ/TW.`, "news.md");
    expect(news).toMatchObject({ docType: "Trang thông tin", issuer: "BÁO HÒA BẮC ĐIỆN TỬ", date: "2025-02-24" });
  });

  it("a news page with a breadcrumb after its name and a dateline with the hour is a page too; its reporter is its author", () => {
    const news = parseDocument(`[Báo Hòa Bắc](https://baohoabac.vn/) › Thời sự › Chính trị

# Tỉnh ủy Hòa Bắc ban hành Chương trình hành động thực hiện Nghị quyết 57

*Thứ Hai, 03/03/2025 - 10:25*

**Minh Hằng**

Chương trình hành động số 45-CTr/TU xác định đến năm 2030 kinh tế số đạt 30% GRDP.`, "news2.md");
    expect(news).toMatchObject({ docType: "Trang thông tin", issuer: "Báo Hòa Bắc", date: "2025-03-03", author: "Minh Hằng" });
    // An official text is no page: it has no author.
    expect(parseDocument(PLAN, "kh88.md").author).toBeUndefined();
  });

  it("a masthead written as the first heading is the site (named as the page writes it), the heading under it the headline", () => {
    const news = parseDocument(`[Đăng nhập](#) | [Đăng ký](#) | Thứ Ba, 09/09/2025

# BÁO VÀ PHÁT THANH, TRUYỀN HÌNH HÒA BẮC

[Trang chủ](#) | [Thời sự](#) | [Kinh tế](#)

Trang chủ > Khoa học - Công nghệ > Chuyển đổi số

---

## Hòa Bắc đặt mục tiêu kinh tế số chiếm 25% GRDP vào năm 2027

*09/09/2025 15:42* | Minh Châu | [Chia sẻ](#) | [In bài](#)

Ủy ban nhân dân tỉnh vừa ban hành Quyết định số 1536/QĐ-UBND phê duyệt Kế hoạch.

---

© Bản quyền thuộc Báo và Phát thanh, Truyền hình Hòa Bắc.`, "news3.md");
    expect(news).toMatchObject({
      docType: "Trang thông tin",
      issuer: "Báo và Phát thanh, Truyền hình Hòa Bắc",
      title: "Hòa Bắc đặt mục tiêu kinh tế số chiếm 25% GRDP vào năm 2027",
      date: "2025-09-09",
      author: "Minh Châu",
    });
  });

  it("a menu's first link ('[Trang chủ](https://…)') names no site: the name in bold capitals does", () => {
    const qa = parseDocument(`[Trang chủ](https://thuvienphaplyso.vn/) | [Văn bản pháp luật](https://thuvienphaplyso.vn/van-ban) | [Đăng nhập](https://thuvienphaplyso.vn/dang-nhap)

**THƯ VIỆN PHÁP LÝ SỐ** — Tra cứu văn bản, hỏi đáp pháp luật trực tuyến

Trang chủ › Hỏi đáp pháp luật › Chuyển đổi số

# Cấp xã phải đạt tỷ lệ hồ sơ trực tuyến toàn trình bao nhiêu?

*Chuyên viên pháp lý Nguyễn Ngọc Trâm | Cập nhật: 18/09/2025 15:42 | Lượt xem: 2.318*

## Câu hỏi:

Xin hỏi tỷ lệ hồ sơ trực tuyến toàn trình của cấp xã phải đạt bao nhiêu?

## Trả lời:

Ban biên tập Thư Viện Pháp Lý Số xin trả lời bạn như sau: tối thiểu 60%.`, "hoidap.md");
    expect(qa).toMatchObject({ docType: "Trang thông tin", issuer: "Thư Viện Pháp Lý Số", date: "2025-09-18" });
  });

  it("under a masthead in plain capitals, the first heading at any level ('## …?') is the headline", () => {
    const qa = parseDocument(`CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÒA BẮC

[Trang chủ](#) | [Tin tức](#) | [Hỏi đáp chính sách](#) | [Liên hệ](#)

Trang chủ > Hỏi đáp chính sách > Khoa học - Công nghệ

## Doanh nghiệp nhỏ có được hỗ trợ chi phí chuyển đổi số?

Ngày đăng: 22/01/2026 09:15 | Lượt xem: 1.247

**Câu hỏi:** Công ty tôi có được hỗ trợ không?

**Trả lời:** Sở Khoa học và Công nghệ trả lời: được hỗ trợ 50% chi phí.`, "hoidap-hb.md");
    expect(qa).toMatchObject({ docType: "Trang thông tin", date: "2026-01-22", title: "Doanh nghiệp nhỏ có được hỗ trợ chi phí chuyển đổi số?" });
  });

  it("a masthead in plain capitals with the site's address beside it, a dateline with the hour: a news page", () => {
    const news = parseDocument(`BÁO VÀ PHÁT THANH, TRUYỀN HÌNH HÒA BẮC | baohoabac.com.vn
Thời sự | Chính trị | Kinh tế | Xã hội

# Tỉnh ủy Hòa Bắc quán triệt Chỉ thị về dữ liệu số

Thứ Tư, 22/10/2025 - 17:35

**MINH NGUYỆT - ĐỨC THỤY**

Sáng 22/10, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt Chỉ thị số 09-CT/TU.`, "baohoabac.md");
    expect(news).toMatchObject({ docType: "Trang thông tin", issuer: "Báo và Phát Thanh, Truyền Hình Hòa Bắc", date: "2025-10-22", title: "Tỉnh ủy Hòa Bắc quán triệt Chỉ thị về dữ liệu số" });
    // Two reporters joined by a dash are its authors.
    expect(news.author).toBe("MINH NGUYỆT - ĐỨC THỤY");
    // A report's title in capitals is no masthead.
    expect(parseDocument(PLAN.replace("KẾ HOẠCH", "BÁO CÁO"), "bc.md").docType).not.toBe("Trang thông tin");
  });

  it("keeps the quoted words without the quotation marks of the page's layout", () => {
    const goals = doc.sections.find((s) => s.path === "1");
    expect(goals?.text).toContain("- Quy mô kinh tế số đạt tối thiểu 30% GDP.");
    expect(goals?.text).not.toMatch(/^>/m);
  });
});

describe("questions about a resolution that only a page quotes", () => {
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [PAGE, "hoi-dap-nq57.md"],
      [PLAN, "kh88.md"],
    ]));
  });

  it("say the resolution is not loaded, then quote the page as the page's words", async () => {
    const a = await ask("Nghị quyết 57-NQ/TW đặt mục tiêu quy mô kinh tế số đến năm 2030 là bao nhiêu?");
    // Not found: the resolution is not here, whatever the page says of it (its words are shown, as see-also too).
    expect(a.mode).toBe("not_found");
    expect(a.seeAlso[0]).toMatchObject({ docType: "Trang thông tin", section: "1" });
    expect(a.answer).toMatch(/^Văn bản .*57-NQ\/TW.* chưa có trong kho/);
    expect(a.answer).toContain("Bài trên trang TraLoiPhapLuat.vn");
    expect(a.answer).toContain("không phải văn bản chính thức");
    expect(a.citations[0]).toMatchObject({ docType: "Trang thông tin", section: "1" });
    expect(a.citations[0]!.quote).toContain("30% GDP");
    // Never labelled as the resolution.
    expect(a.citations.some((c) => c.number === "57-NQ/TW")).toBe(false);
  });

  it("quote the part of the horizon asked ('… đến năm 2030' is not the 2045 vision)", async () => {
    const a = await ask("nq57 den nam 2030 quy mo kinh te so toi thieu bao nhieu % gdp");
    expect(a.citations[0]).toMatchObject({ docType: "Trang thông tin", section: "1" });
    const b = await ask("nq57 tam nhin 2045 quy mo kinh te so toi thieu bao nhieu % gdp");
    expect(b.citations[0]).toMatchObject({ docType: "Trang thông tin", section: "2" });
  });

  it("never quote the page's part about one province as the resolution's words", async () => {
    const a = await ask("Nghị quyết 57 đặt mục tiêu kinh tế số đạt bao nhiêu phần trăm GRDP?");
    expect(a.citations.some((c) => c.docType === "Trang thông tin" && c.section === "3")).toBe(false);
  });

  it("'kh nq57 <tỉnh>' asks the province's plan that carries the resolution out", async () => {
    const a = await ask("kh nq57 hoa bac: benh an dien tu xong truoc ngay nao, so nao chu tri");
    expect(a.mode).toBe("answer");
    expect(a.answer).toContain("30/9/2025");
    expect(a.citations[0]).toMatchObject({ number: "88/KH-UBND", section: "II.1" });
  });

  it("a resolution named after 'vs' beside a place is what the question is about", async () => {
    const a = await ask("ubnd tinh hoa bac giao ban quan ly cac kcn lam gi vs nq57");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]).toMatchObject({ number: "88/KH-UBND", section: "II.2" });
  });
});

describe("a news page named by its paper, about a plan the corpus holds", () => {
  const NEWS = `[BÁO HÒA BẮC ĐIỆN TỬ](https://baohoabac.vn/)   Thứ Ba, 25/02/2025
Trang chủ › Chính trị

# Hòa Bắc triển khai Kế hoạch 88/KH-UBND về chuyển đổi số

*Lê Minh* | 24/02/2025 - 07:45 | Lượt xem: 2.316

Tại hội nghị triển khai Kế hoạch số 88/KH-UBND, lãnh đạo tỉnh cho biết năm 2024 tỷ lệ hồ sơ trực tuyến của tỉnh đạt khoảng 45%.`;
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([
      [NEWS, "baohoabac.md"],
      [PLAN, "kh88.md"],
    ]));
  });

  it("is the page asked about ('Báo Hòa Bắc', without its site's 'điện tử'), not the plan it reports on", async () => {
    const a = await ask("Theo bài báo của Báo Hòa Bắc về hội nghị triển khai Kế hoạch 88/KH-UBND, năm 2024 tỷ lệ hồ sơ trực tuyến của tỉnh đạt khoảng bao nhiêu?");
    expect(a.answer).toContain("45%");
    expect(a.citations[0]?.issuer).toBe("BÁO HÒA BẮC ĐIỆN TỬ");
    expect(a.answer).not.toContain("không nêu");
  });

  it("is asked who wrote it and when it was posted ('bao X dua tin kh 88: ai viet, dang ngay nao')", async () => {
    const a = await ask("bao hoa bac dua tin kh 88: ai viet, dang ngay nao");
    expect(a.answer).toContain("do Lê Minh viết");
    expect(a.answer).toContain("24/02/2025");
    // The dateline as the page writes it, beside the normalised date.
    expect(a.answer).toContain("(trang ghi: “24/02/2025 - 07:45”)");
    expect(a.citations[0]?.issuer).toBe("BÁO HÒA BẮC ĐIỆN TỬ");
    expect(a.citations[0]?.quote).toContain("Lê Minh");
  });

  it("named by its headline, quoted, is the page asked about, not the plans of the place the headline names", async () => {
    const a = await ask('Bài "Hòa Bắc triển khai Kế hoạch 88/KH-UBND về chuyển đổi số" được đăng ngày nào và do ai viết?');
    expect(a.answer).toContain("do Lê Minh viết");
    expect(a.answer).toContain("24/02/2025");
    expect(a.citations[0]?.issuer).toBe("BÁO HÒA BẮC ĐIỆN TỬ");
  });

  it("named with no number, the paper's page answers, not the plans of the place its name holds", async () => {
    const a = await ask("Theo bài báo của Báo Hòa Bắc, năm 2024 tỷ lệ hồ sơ trực tuyến của tỉnh đạt khoảng bao nhiêu?");
    expect(a.answer).toContain("45%");
    expect(a.citations[0]?.issuer).toBe("BÁO HÒA BẮC ĐIỆN TỬ");
  });
});

describe("a question-and-answer page whose reader asked what the cadre asks", () => {
  const QA = `CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÒA BẮC

[Trang chủ](#) | [Hỏi đáp chính sách](#) | [Liên hệ](#)

Trang chủ > Hỏi đáp chính sách > Khoa học - Công nghệ

## Doanh nghiệp nhỏ có được hỗ trợ chi phí thuê phần mềm?

Ngày đăng: 22/01/2026 09:15 | Lượt xem: 1.247

**Câu hỏi:**

Ông Trần Văn Lộc (phường Bắc Hòa) hỏi: Công ty TNHH Thủy sản Lộc Phát của tôi thuê phần mềm quản trị thì có được hỗ trợ không, mức hỗ trợ bao nhiêu?

**Trả lời:**

Sở Khoa học và Công nghệ trả lời ông Trần Văn Lộc như sau:

Về mức hỗ trợ: theo khoản 1 Điều 5 của Quy định, công ty được hỗ trợ 50% chi phí thuê phần mềm, tối đa 100 triệu đồng/doanh nghiệp/năm.

Trân trọng./.`;
  let ask: (q: string) => Promise<AnswerResult>;
  beforeAll(async () => {
    ({ ask } = await assistantOver([[QA, "hoidap-hb.md"]]));
  });

  it("is answered from the page's reply, not from the reader's question that restates it", async () => {
    const a = await ask("công ty tnhh thủy sản lộc phát thuê phần mềm quản trị có được hỗ trợ không, mức hỗ trợ bao nhiêu?");
    expect(a.mode).toBe("answer");
    expect(a.citations[0]?.docType).toBe("Trang thông tin");
    expect(a.citations[0]?.quote).toContain("tối đa 100 triệu đồng/doanh nghiệp/năm");
    expect(a.citations[0]?.quote).not.toContain("hỏi:");
  });
});
