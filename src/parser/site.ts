/**
 * Pages copied from a law library carry the site's own text around the document: a title line, a metadata table
 * ("Số hiệu / Loại văn bản / Nơi ban hành / Người ký / Ngày ban hành"), menus before the header; related-document
 * lists, "Lưu trữ", log-in notices and disclaimers after the signature. None of it is the document. This module
 * finds where the document starts and ends, and reads the metadata table, which may confirm the header. Pure.
 */
import { parseDateText, parseNumber } from "../domain/numbers.js";
import type { SiteField } from "../domain/model.js";
import type { Line } from "./lines.js";

export interface SiteMetadata {
  number?: string;
  docType?: string;
  issuer?: string;
  signer?: string;
  date?: string;
  /** What the site says of the text's force ("Còn hiệu lực"), its day of effect (ISO) and its fields. */
  status?: SiteField;
  effective?: SiteField;
  fields?: SiteField;
  /** The site's name, as its first line writes it ("THƯ VIỆN PHÁP LUẬT"), when it says any of the three. */
  name?: string | null;
}

/** Labels of a law library's metadata table. */
const META_LABEL = /^(?:Số hiệu|Loại văn bản|Nơi ban hành|Cơ quan ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|Tình trạng(?: hiệu lực)?|Lĩnh vực|Ngày đăng)\s*:?/iu;

/** Lines only a web page has: a whole line of a menu word, or a line opening with a phrase of the site. */
const SITE_WORD =
  /^(?:Văn bản liên quan|Văn bản gốc|Văn bản tiếng Anh|Văn bản hợp nhất|Lược đồ|Thuộc tính|Nội dung MIX|Tải về|Tải văn bản|In văn bản|Lưu trữ|Ghi chú|Ý kiến|Chia sẻ|Facebook|Email|Zalo|Báo lỗi|Xem thêm|Tìm kiếm|Tiện ích|Mục lục|Trang chủ|Đăng nhập|Đăng ký|Hỏi đáp pháp luật|Tin tức)\s*:?\s*(?:\(\d+\))?$/iu;
const SITE_PHRASE =
  /^(?:Bạn (?:chưa|Chưa) (?:đăng|Đăng) (?:nhập|Nhập)|Vì chưa Đăng Nhập|Nội dung văn bản đang được cập nhật|Văn bản này (?:chưa|đang) |Mọi chi tiết xin liên hệ|Hotline|Copyright|©|Bản quyền thuộc|Theo dõi (?:hiệu lực|văn bản)|Tình trạng hiệu lực|Quý khách|THƯ VIỆN PHÁP LUẬT|Thư viện Pháp luật|LuatVietnam|thuvienphapluat|Tải văn bản gốc|Văn bản bị (?:sửa đổi|thay thế|hủy bỏ)|Văn bản được (?:hướng dẫn|hợp nhất|căn cứ))/u;
/** A page's list of related documents written on the line of its label ("Văn bản liên quan: Kế hoạch … | Quyết định …"). */
const RELATED_LIST = /^Văn bản liên quan\s*:/u;
const SITE_LINE = { test: (t: string) => SITE_WORD.test(t) || SITE_PHRASE.test(t) || RELATED_LIST.test(t) };

const HEADER_MARK =
  /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Số\s*:?\s*[\d.…_ ]*(?:\/(?:19|20)\d{2})?[-/][\p{L}])/u;

function isSiteLine(line: Line): boolean {
  const t = line.text;
  if (SITE_LINE.test(t) || META_LABEL.test(t)) return true;
  return Boolean(line.row && line.row.cells.some((c) => META_LABEL.test(c)));
}

/** A value a site shows while it has none ("Đang cập nhật"), or behind a paywall ("Đã biết", "Vui lòng đăng nhập"). */
const NO_VALUE = /đang cập nhật|đã biết|đăng nhập|chưa xác định|^\s*$/iu;

/** The site's name: its first line, up to a dash, bar or breadcrumb mark ("THƯ VIỆN PHÁP LUẬT - Cơ sở dữ liệu …"), when short. */
function siteName(lines: Line[]): string | undefined {
  const first = lines.find((l) => l.text.trim())?.text.trim().replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
  const name = first?.split(/\s+[-–|›>]\s+/u)[0]!.replace(/[#*]/g, "").trim();
  return name && name.length <= 40 && !/\//.test(name) && !HEADER_MARK.test(name) ? name : undefined;
}

/** The labels as a bare alternation (no anchor), to end a value where the next label starts on the same line. */
// (With the labels a page shows beside them, "Cập nhật: 04/09/2025 10:12", on a line the page wrapped into it.)
const LABELS = `${META_LABEL.source.replace(/^\^\(\?:/, "").replace(/\)\\s\*:\?$/, "")}|Cập nhật|Ngày cập nhật|Lượt xem|Lượt tải`;

/**
 * A field of the metadata as the page writes it, label and value ("Tình trạng: | Còn hiệu lực", "Lĩnh vực: Công nghệ
 * thông tin, Bộ máy hành chính"), and the value alone. A value ends at a cell's bar, the line's end, or the next label
 * on the same line (pages that run the whole table into one line).
 */
function fieldOf(text: string, label: string): { said: string; value: string } | undefined {
  const m = new RegExp(`(${label}\\s*:?\\s*(?:\\|\\s*)?)([^|\\n]+?)(?=\\s*(?:\\||\\n|$|(?:${LABELS})\\s*:))`, "iu").exec(text);
  return m ? { said: `${m[1]}${m[2]}`.trim(), value: m[2]!.trim() } : undefined;
}

/** Read the metadata table's fields out of the lines before the document. */
function readMetadata(lines: Line[]): SiteMetadata {
  const shown = lines.map((l) => (l.row ? l.row.cells.join(" | ") : l.text));
  const metaLines = shown.filter((t, i) => META_LABEL.test(t.trim()) || Boolean(lines[i]!.row?.cells.some((c) => META_LABEL.test(c))));
  const text = metaLines.join("\n");
  const field = (label: string) => fieldOf(text, label)?.value;
  const out: SiteMetadata = {};
  const number = field("Số hiệu");
  if (number && parseNumber(number)) out.number = parseNumber(number)!.number;
  const type = field("Loại văn bản");
  if (type) out.docType = type;
  const issuer = field("(?:Nơi|Cơ quan) ban hành");
  if (issuer && !NO_VALUE.test(issuer)) out.issuer = issuer;
  const signer = field("Người ký");
  if (signer && !NO_VALUE.test(signer)) out.signer = signer;
  const date = field("Ngày ban hành");
  const iso = date ? parseDateText(date) : null;
  if (iso) out.date = iso;
  const status = fieldOf(text, "Tình trạng(?: hiệu lực)?");
  if (status && !NO_VALUE.test(status.value)) out.status = status;
  const effective = fieldOf(text, "Ngày hiệu lực");
  const effectiveIso = effective && !NO_VALUE.test(effective.value) ? parseDateText(effective.value) : null;
  if (effective && effectiveIso) out.effective = { said: effective.said, value: effectiveIso };
  const fields = fieldOf(text, "Lĩnh vực");
  if (fields && !NO_VALUE.test(fields.value)) out.fields = fields;
  if (out.status || out.effective || out.fields) out.name = siteName(lines) ?? null;
  return out;
}

export interface SiteSplit {
  lines: Line[];
  /** What the page's metadata table says, when there was one. */
  meta: SiteMetadata;
  /** The page's own lines that were dropped (kept for `inspect`). */
  dropped: string[];
}

/**
 * Drop a law library's text before the header and after the end of the document. Only pages that show site text
 * are touched: a document without it comes back whole.
 */
export function stripSiteText(lines: Line[]): SiteSplit {
  const dropped: string[] = [];
  let start = 0;
  // The header starts at the first header mark (motto, "ĐẢNG CỘNG SẢN VIỆT NAM", "Số …") or the caps issuer just above it.
  const firstMark = lines.findIndex((l, i) => i < 400 && HEADER_MARK.test(l.text));
  let meta: SiteMetadata = {};
  if (firstMark > 0) {
    const before = lines.slice(0, firstMark);
    if (before.some(isSiteLine)) {
      // Walk back over the issuer's caps lines and decoration that belong to the header.
      let h = firstMark;
      while (h > 0) {
        const t = lines[h - 1]!.text;
        if (!t || (/^[\p{Lu}\s,.\-–*]+$/u.test(t) && !isSiteLine(lines[h - 1]!) && t.length <= 80)) h--;
        else break;
      }
      meta = readMetadata(lines.slice(0, h));
      start = h;
      dropped.push(...lines.slice(0, h).map((l) => l.text).filter(Boolean));
    }
  }
  let end = lines.length;
  // After the signing block, the first line only a page has ends the document; appendices before it stay.
  const closing = lines.findIndex((l, i) => i > start && /^(?:Nơi\s+nhận|T\/M|K\/T|TM\.|KT\.|TL\.|T\/L)/iu.test(l.text));
  if (closing > 0) {
    for (let i = closing + 1; i < lines.length; i++) {
      const l = lines[i]!;
      // (A related-documents line lists titles after its label: as long as it likes.)
      if (l.text && !l.row && SITE_LINE.test(l.text) && (l.text.length <= 160 || RELATED_LIST.test(l.text))) {
        end = i;
        break;
      }
    }
  }
  dropped.push(...lines.slice(end).map((l) => l.text).filter(Boolean));
  return { lines: lines.slice(start, end), meta, dropped };
}
