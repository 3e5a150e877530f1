/**
 * A web page that is no official text — news, a question-and-answer page, commentary — read as what it is: the site
 * that published it, the day it was posted and its headline. Such pages quote resolutions word for word; the model
 * must never take them for the resolution (see isOfficial). Pure.
 */
import { parseDateText } from "../domain/numbers.js";
import { isUpperText, properCaseVi } from "../text/vietnamese.js";

export interface PageFacts {
  /** The site's name ("HỏiĐápPhápLý.vn"), from its logo link or its address. */
  site: string | null;
  /** ISO date the page gives as posted or updated. */
  date: string | null;
  /** The headline. */
  title: string | null;
  /** The byline's name ("Minh Hằng"), as written. */
  author: string | null;
}

/** A name of two to five capitalized words, bold or italic or bare, alone before the byline's "|" or on its line. */
// (Two reporters are joined by a dash or a comma: "**MINH NGUYỆT - ĐỨC THỤY**".)
const AUTHOR = /^\s*[*_]*\s*((?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){1,4}(?:\s*[-–,]\s*(?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){1,4}){0,3})\s*[*_]*\s*(?:\||$)/u;

/** A day with the hour it was posted at (an official text dates itself by the day only). */
const POSTED_AT = /(?<!\d)(\d{1,2}\/\d{1,2}\/\d{4})\s*[-–,|]?\s*\d{1,2}[:h]\d{2}(?!\d)|(?<!\d)\d{1,2}:\d{2}\s*[-–,|]?\s*(?:ngày\s+)?(\d{1,2}\/\d{1,2}\/\d{4})(?!\d)/u;

/** A byline's label and the name after it, the name ending the cell ("Tác giả: …", "Chuyên viên pháp lý …"); a board
 * ("Người trả lời: Ban Biên tập …") is no person's name. */
const LABELLED_AUTHOR = /(?:^|[\s*·|])(?:Tác giả|Người viết|Người trả lời|Chuyên viên pháp lý|Chuyên viên tư vấn|Luật sư tư vấn|Luật sư|Phóng viên|Biên tập viên)\s*:?\s+((?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){1,4})(?=\s*(?:[*·|,;]|$))/mu;

/** Lines of a page's top that say "web page", one kind each (two kinds are needed). */
const SIGNALS: RegExp[] = [
  // The logo or home link: "[Báo X](https://…)".
  /^\s*\[[^\]\n]{2,80}\]\(https?:\/\/[^)\s]+\)/mu,
  // The breadcrumb: "Trang chủ > Hỏi đáp > …".
  /^\s*(?:Trang chủ|Trang nhất|Home)\s*(?:>|»|›|\/|\|)/imu,
  // When it was posted, and by whom.
  /(?:^|\s|\*|\|)(?:Cập nhật|Ngày đăng|Đăng ngày|Ngày cập nhật|Thời gian đăng|Đăng lúc)\s*:?\s*\d{1,2}\/\d{1,2}\/\d{4}/imu,
  /(?:^|\s|\*|\|)(?:Lượt xem|Chuyên mục|Người trả lời|Tác giả|Nguồn)\s*:/imu,
  // A breadcrumb of sections after the site's name: "[Báo X](…) › Thời sự › Chính trị".
  /^[^\n]*\S\s+[›»]\s+[^\n›»]+\s+[›»]\s+\S/mu,
  // A dateline with the hour, as news sites post: "Thứ Hai, 03/03/2025 - 10:25", "10:25 03/03/2025".
  POSTED_AT,
  // A reader's question and the editors' answer.
  /^\s*(?:\*\*)?\s*(?:Câu hỏi|Trả lời|Nội dung câu hỏi)\s*:?\s*(?:\*\*)?\s*$/imu,
  // A newspaper's or portal's name in capitals opening a line ("BÁO VÀ PHÁT THANH, TRUYỀN HÌNH GIA LAI | …"), or a
  // site's address standing alone in a line ("| baogialai.com.vn").
  /^\s*(?:BÁO(?!\s+CÁO)|TẠP CHÍ|ĐÀI|CỔNG THÔNG TIN|TRANG THÔNG TIN|THÔNG TẤN XÃ)\s[^\n]{2,80}$/mu,
  /(?:^|[\s|])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org)[ \t]*$/mu,
  // A menu typed out as the page shows it: four or more short sections between bars ("Thời sự | Chính trị | Kinh tế |
  // Đô thị"), no bar at either end (a table's row has them).
  /^[ \t]*\p{Lu}[\p{L}&]*(?:[ \t][\p{L}&]+){0,2}(?:[ \t]+\|[ \t]+\p{Lu}[\p{L}&]*(?:[ \t][\p{L}&]+){0,2}){3,}[ \t]*$/mu,
  // A breadcrumb of sections without the home link: "Chính trị > Chuyển động Thủ đô".
  /^[ \t]*\p{Lu}[^\n>|]{1,40}[ \t]>[ \t][^\n>|]{2,60}(?:[ \t]>[ \t][^\n>|]{2,60})*[ \t]*$/mu,
];

/** A link or line of a site's menu: no site's name. */
const MENU_WORD = /^(?:Trang chủ|Trang nhất|Home|Đăng nhập|Đăng ký|Tin tức|Liên hệ|Giới thiệu|Văn bản pháp luật|Hỏi đáp pháp luật|Tìm kiếm)$/iu;

/** A news outlet's or portal's name, as its masthead opens. */
const MASTHEAD = /^(?:BÁO|TẠP CHÍ|ĐÀI|CỔNG THÔNG TIN|TRANG THÔNG TIN|THÔNG TẤN XÃ)\s/u;

/** The first heading (levels 1–3) after `from`: a headline under the masthead. */
function headingAfter(top: string, from: number): RegExpExecArray | null {
  const m = /^#{1,3}\s+(.+?)\s*#*\s*$/mu.exec(top.slice(from));
  if (m) m.index += from;
  return m;
}

/** A name in capitals as the page writes it in running text ("© Bản quyền thuộc Báo và Phát thanh, Truyền hình Bắc
 * Ninh"), else in sentence case — a paper's or station's name with each word capitalised but "và" ("Báo và Phát
 * Thanh, Truyền Hình Gia Lai"), since the place it ends with is a name. */
function asWrittenElsewhere(text: string, caps: string): string {
  const re = new RegExp(caps.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"), "giu");
  for (const m of text.matchAll(re)) if (!isUpperText(m[0])) return m[0].replace(/\s+/g, " ");
  if (/^(?:BÁO|ĐÀI|TẠP CHÍ)\s/u.test(caps)) return properCaseVi(caps).replace(/(^|\s)(?!và\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase("vi"));
  return properCaseVi(caps);
}

/** Capitals that open an official text, not a site's name. */
const OFFICIAL_CAPS = /^(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|ỦY BAN|UỶ BAN|HỘI ĐỒNG|BỘ\s|SỞ\s|BAN\s|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|ĐẢNG ỦY|ĐẢNG UỶ|VĂN PHÒNG|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI)/u;

/** A headline without marks: the first line of six words or more under the page's dateline, no bar in it. */
function plainHeadline(top: string): RegExpExecArray | null {
  const at = POSTED_AT.exec(top);
  if (!at) return null;
  const from = top.indexOf("\n", at.index);
  if (from < 0) return null;
  const re = /^[ \t]*([^\n|]{20,200}?)[ \t]*$/gmu;
  re.lastIndex = from + 1;
  for (let m = re.exec(top); m; m = re.exec(top)) {
    if (m[1]!.split(/\s+/).length >= 6) return m;
    if (m.index > from + 400) break;
  }
  return null;
}

/** A news outlet or portal a page's footer names as its owner ("© Bản quyền thuộc Báo …", "© Báo …. Giấy phép …"). */
const COPYRIGHT_OWNER = /©\s*(?:\d{4}\s*)?(?:Bản quyền thuộc(?: về)?\s+|Copyright\s+)?((?:Báo|Tạp chí|Đài|Cổng [Tt]hông tin|Trang [Tt]hông tin|Thông tấn xã)\s[^.\n|]{2,80}?)\s*(?:[.|]|$)/mu;

/** How far down the top of the page is looked for (characters). */
const TOP_CHARS = 3000;

/** The page's facts, or null when the text does not read as a web page. */
export function readPage(text: string): PageFacts | null {
  const top = text.slice(0, TOP_CHARS);
  if (SIGNALS.filter((re) => re.test(top)).length < 2) return null;
  // (A menu's first link, "[Trang chủ](https://…)", names no site.)
  const logo = [...top.matchAll(/^\s*\[([^\]\n]{2,80})\]\(https?:\/\/([^)\s/]+)/gmu)].find((m) => !MENU_WORD.test(m[1]!.trim())) ?? null;
  // Or its name in bold capitals on a line of its own ("**THƯ VIỆN PHÁP LÝ SỐ** — Tra cứu văn bản …").
  const boldName = [...top.matchAll(/^\s*\*\*([^*\n]{3,60})\*\*/gmu)].map((m) => m[1]!.trim()).find((t) => isUpperText(t) && !MENU_WORD.test(t) && !/\d/.test(t)) ?? null;
  const address = /https?:\/\/(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})/iu.exec(top);
  // A masthead written as the page's first heading ("# BÁO VÀ PHÁT THANH, TRUYỀN HÌNH BẮC NINH"): the site's name,
  // and the headline is the heading after it.
  // (Under a masthead in plain capitals, the headline may be the page's first heading at any level: "## <headline>".)
  const first = /^#{1,3}\s+(.+?)\s*#*\s*$/mu.exec(top);
  // (Or any name in capitals opening the page with a heading under it: "# LÂM ĐỒNG ONLINE" then "## <headline>"; or a
  // site's own address as its name: "# TraCuuPhapLy.vn - Tra cứu văn bản, hỏi đáp pháp luật" then "## <headline>".)
  const domainName = first ? /^([\p{L}\d-]+\.(?:vn|com|net|org|gov\.vn|com\.vn))(?![\p{L}\d.])/iu.exec(first[1]!.trim())?.[1] : undefined;
  const masthead = first && (isUpperText(first[1]!) || domainName) && (MASTHEAD.test(first[1]!) || headingAfter(top, first.index + first[0].length) !== null) ? first : null;
  // Or its name in plain capitals on the page's first line ("BÁO VÀ PHÁT THANH, TRUYỀN HÌNH GIA LAI | baogialai.com.vn",
  // "ĐÔ THỊ THỦ ĐÔ ĐIỆN TỬ"), or a portal's on a line of its own under the menu ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …").
  const firstLine = top.trimStart().split("\n", 1)[0]!;
  const plainName =
    /^\s*((?:BÁO(?!\s+CÁO)|TẠP CHÍ|ĐÀI|CỔNG THÔNG TIN|TRANG THÔNG TIN|THÔNG TẤN XÃ)\s[^|\n]{2,80}?)\s*(?:\||$)/u.exec(firstLine) ??
    /^[ \t]*((?:CỔNG THÔNG TIN|TRANG THÔNG TIN)\s[^|\n\d]{2,80}?)[ \t]*$/mu.exec(top.slice(0, first?.index ?? TOP_CHARS)) ??
    (isUpperText(firstLine.trim()) && firstLine.trim().length <= 60 && !/[\d|#*[]/.test(firstLine) && !OFFICIAL_CAPS.test(firstLine.trim()) ? [firstLine, firstLine.trim()] : null);
  // Or the name the footer claims the page for ("© Báo và Phát thanh, Truyền hình Tây Ninh. Giấy phép …"), or the site's
  // address opening its menu ("baotayninh.vn | Thời sự | Chính trị | …").
  const owner = COPYRIGHT_OWNER.exec(text)?.[1]?.trim() ?? null;
  const bareDomain = /^([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org))\s*(?:\||$)/iu.exec(firstLine.trim())?.[1] ?? null;
  const site = logo ? logo[1]!.trim() : masthead ? (domainName ?? asWrittenElsewhere(text, masthead[1]!)) : plainName && isUpperText(plainName[1]!) ? asWrittenElsewhere(text, plainName[1]!) : boldName ? asWrittenElsewhere(text, boldName) : (owner ?? (address ? address[1]! : bareDomain));
  const posted = /(?:Cập nhật|Ngày đăng|Đăng ngày|Ngày cập nhật|Thời gian đăng|Đăng lúc)\s*:?\s*(\d{1,2}\/\d{1,2}\/\d{4})/iu.exec(top);
  // (A page typed without marks: the headline is the first line of some length under its dateline.)
  const headline = (masthead ? headingAfter(top, masthead.index + masthead[0].length) : first) ?? plainHeadline(top);
  // Or the byline under the headline: "*Hồ Ngọc Linh* | 24/02/2025 - 07:45 | Lượt xem: …".
  const below = headline ? top.slice(headline.index + headline[0].length).split("\n").filter((l) => l.trim()).slice(0, 4) : [];
  const byline = below.map((l) => /\|/.test(l) ? /(?<!\d)(\d{1,2}\/\d{1,2}\/\d{4})(?!\d)/.exec(l) : null).find(Boolean);
  // Or a dateline with the hour under it: "*Thứ Hai, 03/03/2025 - 10:25*".
  const dateline = below.map((l) => POSTED_AT.exec(l)).find(Boolean);
  // (Or the dateline above the headline: "Chính trị > Chuyển động Thủ đô / Thứ Ba, 21/10/2025 06:45 / <headline>".)
  const above = headline ? POSTED_AT.exec(top.slice(0, headline.index)) : null;
  const day = posted?.[1] ?? byline?.[1] ?? dateline?.[1] ?? dateline?.[2] ?? above?.[1] ?? above?.[2];
  const date = day ? parseDateText(day) : null;
  // The reporter: the name a byline opens with ("*Hồ Ngọc Linh* | 24/02/2025"), or a line of a name alone under the
  // headline ("**Minh Hằng**"); never a line with a date or a site section.
  // A byline that opens with the hour ("*09/09/2025 15:42* | Minh Châu | [Chia sẻ](#)"): the name in a cell of its own.
  const author =
    below.map((l) => (/\d/.test(l.split("|")[0]!) ? null : AUTHOR.exec(l)?.[1] ?? null)).find(Boolean) ??
    below
      .filter((l) => POSTED_AT.test(l) && l.includes("|"))
      .flatMap((l) => l.split("|").slice(1))
      .map((cell) => (/[\d[\]():]/.test(cell) ? null : AUTHOR.exec(cell)?.[1] ?? null))
      .find(Boolean) ??
    // Or a labelled one near the headline: "*Ngày đăng: … · *Chuyên viên pháp lý: Phạm Minh Khoa* · …".
    below.map((l) => LABELLED_AUTHOR.exec(l)?.[1] ?? null).find(Boolean) ??
    null;
  return { site, date, title: headline ? headline[1]!.replace(/\*\*/g, "").trim() : null, author };
}
