/**
 * Document structure: header (issuer block, number, place and date, type word, trích yếu, Kính gửi),
 * body (the section tree) and closing block (Nơi nhận, signature, "Trên đây là…"). Pure functions.
 */
import type { Assignment, Section, Signer } from "../domain/model.js";
import { DOC_TYPE_NAMES, NUMBER_PATTERN, docTypeFromCode, docTypeFromName, findNumbers, isoDate, parseNumber } from "../domain/numbers.js";
import type { DocType } from "../domain/model.js";
import { ATTACHMENT_TYPES } from "../domain/vocabulary.js";
import { foldVi, isUpperText, properCaseVi } from "../text/vietnamese.js";
import { BULLET_MARK, PathTracker, isBullet, matchHeading } from "./headings.js";
import { type Line, hasContent, isPageArtifact, toLines } from "./lines.js";
import { type SiteMetadata, stripSiteText } from "./site.js";
import { readTaskTable } from "./tables.js";

export interface Structure {
  issuerLines: string[];
  number: string | null;
  numberCode: string | null;
  /** Which side of the slash the code stood on: a Party number ("-CODE/") or a state one ("/CODE-"). */
  numberForm: "party" | "state";
  typeWord: DocType | null;
  /** Type named by a Markdown title such as "# Kết luận số 69-KL/TW" (a transcriber's heading). */
  designation: { type: DocType; number: string | null } | null;
  place: string | null;
  date: string | null;
  titleLines: string[];
  recipients: string[];
  sections: Section[];
  header: string[];
  closing: string[];
  noise: string[];
  signer: Signer | null;
  closingRecipients: string[];
  /** Assignments read from task tables (rows with lead, partners, deadline), path of each row. */
  tableAssignments: Assignment[];
  /** An issuer named by the title block ("NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ"). */
  titleIssuer: string | null;
  /** A law library's metadata table around the document, when the text is a copied page. */
  site: SiteMetadata;
}

const TYPE_WORD = new RegExp(`^(${DOC_TYPE_NAMES.map((n) => n.toUpperCase().replace(/ /g, "\\s+")).join("|")})(?:\\s+(.*))?$`);
const DESIGNATION = new RegExp(`^(${DOC_TYPE_NAMES.join("|")})(?=[\\s,:]|$)(?:\\s+số)?\\s*:?\\s*(?:${NUMBER_PATTERN})?`, "i");
const PLACE_DATE = /^([\p{L}][\p{L} .'-]{1,40}?)\s*,\s*ngày\s*(\d{1,2})?\s*(?:tháng|\/)\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4})/iu;
/** The "Số" line: "Số: 144/KH-UBND", "Số 844 -CV/ĐU", "Số: -HD/BTG" (no number yet), "Số: /KH-UBND". */
const SO_PREFIX = /^Số\s*:?\s*(.*?)\s*$/u;
const BLANK_PARTY = /^[.…_\s]*[-–]\s*([\p{L}&]{1,8})\s*\/\s*([\p{L}\d-]{1,14})$/u;
const BLANK_STATE = /^[.…_\s]*\/\s*([\p{L}&]{1,8})\s*-\s*([\p{L}\d]{1,14})$/u;

/** What a "Số …" line gives: the number (null when left blank) and the type code. Null when it is no number line. */
export function readSoLine(t: string): { number: string | null; code: string | null; form: "party" | "state" } | null {
  const m = SO_PREFIX.exec(t);
  if (!m || !/^Số(?=[\s:]|\d)/u.test(t)) return null;
  const rest = m[1]!;
  const n = parseNumber(rest);
  if (n) return { number: n.number, code: n.code, form: n.form };
  const party = BLANK_PARTY.exec(rest);
  if (party) return { number: null, code: party[1]!, form: "party" };
  const state = BLANK_STATE.exec(rest);
  if (state) return { number: null, code: state[1]!, form: "state" };
  return null;
}

/** The national motto and the Party's name, in one piece or wrapped: never an issuer. */
const MOTTOS = ["dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc"];
export function isMotto(t: string): boolean {
  // Every piece of a motto holds one of these words: most lines are ruled out without folding them.
  if (t.length > 160 || !/VIỆT|NAM|Việt|Nam|ĐỘC|Độc|HẠNH|Hạnh|CỘNG|Cộng|CHỦ NGHĨA|TỰ DO|Tự do|XÃ HỘI|SẢN/u.test(t)) return false;
  const key = foldVi(t).toLowerCase().replace(/\s*[-–]\s*/g, " - ").replace(/[^a-z\s-]/g, "").replace(/\s+/g, " ").trim();
  if (key.split(" ").length < 2) return false;
  // Whole mottos, one after the other ("CỘNG HÒA … VIỆT NAM Độc lập - Tự do - Hạnh phúc"), or a wrapped piece of one.
  let rest = ` ${key} `;
  for (const m of MOTTOS) rest = rest.split(` ${m} `).join(" ");
  if (!rest.replace(/[\s-]/g, "")) return true;
  return MOTTOS.some((m) => ` ${m} `.includes(` ${key} `) && key.length >= 8);
}
const PARTY_LINE = { test: (t: string) => isMotto(t) };
const PARTY_INSIDE = /^(.*?)\s*[-–]*\s*(ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM(?:\s*[-–]*\s*Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc)?)\s*[-–]*\s*(.*)$/u;
const CAPS_TITLE_START = /^(?:VỀ|V\/V|THỰC HIỆN|TRIỂN KHAI|TỔ CHỨC|TIẾP TỤC|TUYÊN TRUYỀN|QUÁN TRIỆT|HƯỚNG DẪN THỰC HIỆN|NGHIÊN CỨU)\s/u;
/** "Kính gửi: …", or a dispatch's addressees after its sender: "THỦ TƯỚNG CHÍNH PHỦ điện:" (a Công điện). */
const KINH_GUI = /^(?:[-–•*+]\s*)?(?:Kính\s+gửi\s*:?|(?:[\p{Lu}Đ][\p{Lu}Đ\s,]{3,80})\s+điện\s*:)\s*(.*)$/u;
const NOI_NHAN = /^Nơi\s+nhận\s*:?\s*(.*)$/iu;
const CAPACITY_MARK = /^(?:(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.?|Q\.)\s*(?=\S)|(?:TM|KT|TL|TUQ)\s+(?=\p{Lu}{2}))/u;
/** A signing capacity opens the line ("T/M BAN THƯỜNG VỤ", "TL BAN THƯỜNG VỤ"), in capitals up to a name or "(Đã ký)". */
function isCapacity(t: string): boolean {
  return CAPACITY_MARK.test(t) && isUpperText(t.split(/\s*\(|\s+\p{Lu}\p{Ll}/u)[0] ?? "");
}
/** Words that open a signer's title (as opposed to the body on whose behalf they sign). */
const POSITION = /^(?:PHÓ|BÍ THƯ|TỔNG BÍ THƯ|THỨ TRƯỞNG|BỘ TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG|CHÁNH|GIÁM ĐỐC|CHỦ TỊCH|CHỦ NHIỆM|ỦY VIÊN|UỶ VIÊN|THƯỜNG TRỰC BAN BÍ THƯ|HIỆU TRƯỞNG|VIỆN TRƯỞNG|TỔNG BIÊN TẬP)(?=\s|$)/u;
const ORG_WORD = /(?:^|\s)(?:BAN|ĐẢNG|ỦY|UỶ|BỘ|TỈNH|HUYỆN|XÃ|THÀNH|VỤ|TRUNG|ƯƠNG|HỘI|ĐOÀN|CHI|KHỐI|SỞ|PHÒNG|CỤC|THƯỜNG|TRỰC|ĐÃ|KÝ|KÍ|DẤU)(?=\s|$)/u;
/** The body that enacts, on its own line after the title ("THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ …", "ỦY BAN NHÂN DÂN TỈNH …"). */
const AUTHORITY =
  /^(?:THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ|QUỐC HỘI|ỦY BAN THƯỜNG VỤ QUỐC HỘI|BỘ TRƯỞNG\s.{3,60}|CHỦ TỊCH\s.{3,60}|(?:ỦY|UỶ) BAN NHÂN DÂN\s.{3,40}|HỘI ĐỒNG NHÂN DÂN\s.{3,40}?(?:\s+KH(?:ÓA|OÁ)\s+[IVXLC\d]+\b.{0,60})?|GIÁM ĐỐC\s.{3,60}|BỘ CHÍNH TRỊ|BAN BÍ THƯ)$/u;
/** The enacting word before the articles: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", "NGHỊ QUYẾT:", "BAN HÀNH:". */
const ENACTING = /^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|KẾT LUẬN|BAN HÀNH|QUY ĐỊNH)\s*:\s*$/u;
/** "CỦA BỘ CHÍNH TRỊ" in a title block. */
const TITLE_ISSUER = /^CỦA\s+(BỘ CHÍNH TRỊ|BAN BÍ THƯ|BAN CHẤP HÀNH TRUNG ƯƠNG(?:\s+ĐẢNG)?|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG CHÍNH PHỦ)(?=\s|$)/u;
const CLOSING_PARAGRAPH = /^Trên\s+đây\s+là(?=[\s,:]|$)/i;

function isDecor(text: string): boolean {
  return !hasContent(text);
}

/** Join the lines of one paragraph and the paragraphs a page break split ("…tầm nhìn" / "đến năm 2045"). */
interface Para {
  text: string;
  emphasized: boolean;
  mdHeading: boolean;
  sources: number[];
  /** A data-table row (never joined with anything). */
  row?: Line["row"];
}

function endsSentence(text: string): boolean {
  return /[.:;!?…)"”»]$/.test(text) || /\.\/\.$/.test(text);
}

const ROMAN_SEGMENT = /^[IVX]+$/;

/**
 * An outline numbered in Roman inside an item of a letter ("2. Đề cương báo cáo" / "I. CÔNG TÁC LÃNH ĐẠO" … "V. ĐỀ
 * XUẤT" / "3. Thời hạn gửi báo cáo"): read in order, the Roman parts took the top level and the items after them fell
 * under the last ("V.3"). When the first Arabic item under the last Roman part goes on from the item before the
 * outline (3 after 2), the parts are that item's ("2.I" … "2.V") and the items after them top-level again ("3").
 * Sections and the table rows' assignments are re-pathed in place.
 */
function nestInlineOutline(sections: Section[], assignments: Assignment[]): void {
  const top = sections.filter((x) => x.path && !x.path.includes("."));
  for (let i = 0; i + 1 < top.length; i++) {
    const item = top[i]!.path;
    if (!/^\d+$/.test(item) || top[i + 1]!.path !== "I") continue;
    let k = i + 1;
    while (k + 1 < top.length && ROMAN_SEGMENT.test(top[k + 1]!.path)) k++;
    const last = top[k]!.path;
    const under = sections.filter((x) => x.path.startsWith(`${last}.`));
    const firstArabic = under.find((x) => /^\d+$/.test(x.path.slice(last.length + 1).split(".")[0]!));
    if (!firstArabic || Number(firstArabic.path.slice(last.length + 1).split(".")[0]) !== Number(item) + 1) continue;
    const romans = new Set(top.slice(i + 1, k + 1).map((x) => x.path));
    const from = sections.indexOf(firstArabic);
    const moved = new Map<string, string>();
    sections.forEach((x, at) => {
      const head = x.path.split(".")[0]!;
      if (at >= from && x.path.startsWith(`${last}.`)) moved.set(x.path, x.path.slice(last.length + 1));
      else if (romans.has(head) && at < from) moved.set(x.path, `${item}.${x.path}`);
    });
    for (const x of sections) x.path = moved.get(x.path) ?? x.path;
    for (const a of assignments) a.section = moved.get(a.section) ?? a.section;
    return;
  }
}

/** A line ending with a word that cannot end a sentence or a heading: the sentence goes on in the next paragraph. */
const DANGLING = /\s(?:và|của|với|các|cho|trong|về|là|để|những|đến|tại|theo|từ|được|hoặc|nhằm|bằng|giữa|thuộc|gồm|cùng|như|sự|việc|nhất là)$/u;

function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

function buildParagraphs(lines: Line[], noise: string[]): Para[] {
  const paras: Para[] = [];
  let blankBefore = true;
  let pageBreakBefore = false;
  for (const line of lines) {
    if (!line.text) {
      blankBefore = true;
      continue;
    }
    if (line.row) {
      paras.push({ text: line.text, emphasized: false, mdHeading: false, sources: [line.source], row: line.row });
      blankBefore = false;
      pageBreakBefore = false;
      continue;
    }
    if (isDecor(line.text) || isPageArtifact(line.text)) {
      noise.push(line.text);
      if (isPageArtifact(line.text)) pageBreakBefore = true;
      continue;
    }
    const prev = paras[paras.length - 1];
    const marker = matchHeading(line.text);
    const structural = Boolean(marker) || isBullet(line.text) || NOI_NHAN.test(line.text) || isCapacity(line.text);
    let join = false;
    if (prev && !prev.row && !structural && !endsSentence(prev.text) && !prev.emphasized && !line.emphasized) {
      // (Not a lone lowercase word after blank lines under a line in capitals: an OCR leftover where the signature
      // was, "PHÓ BÍ THƯ" … "hoa" … the name.)
      if (startsLower(line.text)) join = !(blankBefore && isUpperText(prev.text) && /^\p{Ll}+$/u.test(line.text));
      // A hard-wrapped line (PDF, e-mail) continues its paragraph when the previous line was long and unfinished.
      else if (!blankBefore && prev.text.length >= 60 && !isUpperText(prev.text)) join = true;
      // A sentence cut after a word that cannot end it ("…của / Ban Chấp hành…"), or a page number between two
      // halves of a long sentence: the second half may start with a name.
      else if (!isUpperText(prev.text) && DANGLING.test(prev.text)) join = true;
      else if (pageBreakBefore && !isUpperText(prev.text) && (/,$/.test(prev.text) || (!matchHeading(prev.text) && prev.text.length >= 60))) join = true;
    }
    if (prev && join) {
      prev.text = `${prev.text} ${line.text}`;
      prev.sources.push(line.source);
    } else {
      paras.push({ text: line.text, emphasized: line.emphasized, mdHeading: line.mdHeading, sources: [line.source] });
    }
    blankBefore = false;
    pageBreakBefore = false;
  }
  return paras;
}

function stripBullet(text: string): string {
  return text.replace(BULLET_MARK, "").trim();
}

function cleanListItem(text: string): string {
  return stripBullet(text).replace(/^\+\s*/, "").replace(/[,;.]+$/, "").trim();
}

/** Header: returns the index of the first body line. */
function parseHeader(lines: Line[], s: Structure): number {
  let i = 0;
  let inTitle = false;
  let blankSinceTitle = false;
  let inRecipients = false;
  let sawAnything = false;
  let titleEmphasized = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (line.row) break;
    if (!t) {
      if (inTitle && s.titleLines.length) blankSinceTitle = true;
      continue;
    }
    if (isPageArtifact(t)) {
      s.noise.push(t);
      continue;
    }
    if (isDecor(t)) {
      s.header.push(t);
      continue;
    }
    if (PARTY_LINE.test(t)) {
      s.header.push(t);
      sawAnything = true;
      continue;
    }
    const so = readSoLine(t);
    if (so) {
      s.header.push(t);
      s.numberCode = so.code;
      s.numberForm = so.form;
      s.number = so.number;
      sawAnything = true;
      inTitle = false;
      continue;
    }
    const pd = PLACE_DATE.exec(t);
    if (pd && t.length < 80) {
      s.header.push(t);
      s.place = pd[1]!.trim();
      s.date = pd[2] ? isoDate(pd[2], pd[3]!, pd[4]!) : null;
      sawAnything = true;
      inTitle = false;
      continue;
    }
    const kg = KINH_GUI.exec(t);
    if (kg) {
      s.header.push(t);
      // "Kính gửi: - A; - B; - C." on one line: one recipient each.
      for (const piece of (kg[1] ?? "").split(/\s*;\s*(?=[-–•]?\s*\p{Lu})|\s+[-–•]\s+(?=\p{Lu})/u)) {
        const rest = cleanListItem(piece);
        if (rest) s.recipients.push(rest);
      }
      inRecipients = true;
      inTitle = false;
      sawAnything = true;
      continue;
    }
    // Kính gửi items: bullets, or lines ending with "," / ";" (the last one may end with ".").
    const listContinues = /[,;:]$/.test(s.header[s.header.length - 1] ?? "");
    if (
      inRecipients &&
      !matchHeading(t) &&
      (isBullet(t) || (t.length < 160 && (/[,;]$/.test(t) || (listContinues && /\.$/.test(t) && t.length < 120))))
    ) {
      s.header.push(t);
      const item = cleanListItem(t);
      if (item) s.recipients.push(item);
      if (!isBullet(t) && /\.$/.test(t)) inRecipients = false;
      continue;
    }
    inRecipients = false;
    if (matchHeading(t) || APPENDIX.test(t)) break;
    const tw = s.typeWord ? null : TYPE_WORD.exec(t);
    if (tw) {
      s.header.push(t);
      s.typeWord = docTypeFromName(tw[1]!);
      if (tw[2]) s.titleLines.push(tw[2]);
      titleEmphasized = line.emphasized;
      inTitle = true;
      blankSinceTitle = false;
      sawAnything = true;
      continue;
    }
    if (line.mdHeading && !sawAnything) {
      const d = DESIGNATION.exec(t);
      if (d) {
        // A transcriber's title ("# Kết luận số 69-KL/TW"): it names the document but is not its header.
        s.header.push(t);
        const type = docTypeFromName(d[1]!);
        if (type) s.designation = { type, number: d[2] ? `${d[2]}-${d[3]}/${d[4]}` : null };
        continue;
      }
    }
    // After the title, the enacting authority ("THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH …") or the enacting
    // word ("QUYẾT ĐỊNH:") is header, not title.
    if (inTitle && s.titleLines.length && (blankSinceTitle || line.emphasized) && (AUTHORITY.test(t) || ENACTING.test(t))) {
      s.header.push(t);
      inTitle = false;
      continue;
    }
    // "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ": the title block names the issuer.
    if (inTitle && !s.titleIssuer) {
      const of = TITLE_ISSUER.exec(t);
      if (of) s.titleIssuer = properCaseVi(of[1]!.replace(/\s+ĐẢNG$/u, ""));
    }
    if (inTitle) {
      // After a blank line the title goes on in capitals, in a lowercase continuation ("về…", "ngày…"), or in the
      // same bold type as the title line before it (Markdown puts each title line in its own paragraph).
      const continues =
        !blankSinceTitle ||
        isUpperText(t) ||
        (s.titleLines.length === 0 && !sawBodyStart(t)) ||
        ((startsLower(t) || (line.emphasized && titleEmphasized)) && t.length <= 300 && !sawBodyStart(t));
      if (continues) {
        s.header.push(t);
        s.titleLines.push(t);
        titleEmphasized = line.emphasized;
        blankSinceTitle = false;
        continue;
      }
      break;
    }
    if (/^(Về|V\/v)(?=[\s:]|$)/i.test(t) && !s.titleLines.length) {
      s.header.push(t);
      s.titleLines.push(t);
      titleEmphasized = line.emphasized;
      inTitle = true;
      blankSinceTitle = false;
      sawAnything = true;
      continue;
    }
    // A caps trích yếu without a type word, after the number or the date ("TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 69…").
    if (isUpperText(t) && (s.number || s.numberCode || s.date) && !s.titleLines.length && (t.length > 60 || CAPS_TITLE_START.test(t))) {
      s.header.push(t);
      s.titleLines.push(t);
      inTitle = true;
      blankSinceTitle = false;
      sawAnything = true;
      continue;
    }
    if (isUpperText(t) && t.length <= 120 && !s.typeWord && !s.titleLines.length) {
      s.header.push(t);
      s.issuerLines.push(t);
      sawAnything = true;
      continue;
    }
    break;
  }
  return i;
}

/** A line that clearly opens the body rather than continuing a title. */
function sawBodyStart(t: string): boolean {
  return /^(Thực hiện|Căn cứ|Triển khai|Ngày \d)/i.test(t) && t.length > 200;
}

/** Closing: Nơi nhận list, signing capacity, title, name; OCR leftovers ignored. */
function parseClosing(lines: string[], s: Structure): void {
  let inList = false;
  let prev = "";
  const sig: string[] = [];
  const addItems = (text: string) => {
    // Items run together on one line (a table cell): "- Như trên, - Lưu VT.", "…; - Lưu VT"; a dash between two
    // lowercase words is a compound ("chính trị - xã hội"), not a new item.
    for (const piece of text.split(/\s+[-–•]\s+(?=\p{Lu})|;\s*(?=[-–•]?\s*\p{Lu})/u)) {
      const item = cleanListItem(piece.replace(/\s\+\s/g, " "));
      if (item && !/^như trên$/i.test(item)) s.closingRecipients.push(item);
    }
  };
  for (const t of lines) {
    const nn = NOI_NHAN.exec(t);
    if (nn) {
      inList = true;
      addItems(nn[1] ?? "");
      continue;
    }
    if (isCapacity(t)) inList = false;
    // A recipient wrapped onto the next line ("- Ban Chỉ đạo … KH,CN," / "ĐMST và CĐS (để b/c);"): one recipient.
    if (inList && !isBullet(t) && !/^\+/.test(t) && isBullet(prev) && /,$/.test(prev) && s.closingRecipients.length) {
      const last = s.closingRecipients.length - 1;
      s.closingRecipients[last] = cleanListItem(`${s.closingRecipients[last]}, ${t}`) || s.closingRecipients[last]!;
      prev = t;
      continue;
    }
    prev = t;
    if (inList && (isBullet(t) || /^\+/.test(t) || /[,;.]$/.test(t))) {
      addItems(t);
      continue;
    }
    if (CLOSING_PARAGRAPH.test(t) && !sig.length) continue;
    inList = false;
    sig.push(t);
  }
  s.signer = parseSigner(sig);
}

const NAME = /^(\p{Lu}\p{Ll}+)(\s+\p{Lu}\p{Ll}*){1,4}$/u;

/** Split a caps signing block into the capacity and the signer's title: "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ". */
function splitCapacity(caps: string): { capacity: string; title: string } {
  const words = caps.split(" ");
  for (let i = 2; i < words.length; i++) {
    // Right after the prefix a title is the one signed for ("K/T TRƯỞNG BAN", "TL. GIÁM ĐỐC"): part of the capacity.
    // "BAN BÍ THƯ", "BAN THƯỜNG VỤ" are bodies, not the title "BÍ THƯ".
    if (/^BAN$/iu.test(words[i - 1] ?? "") && /^(?:BÍ|THƯỜNG)$/iu.test(words[i] ?? "")) continue;
    // "BỘ TRƯỞNG", "THỨ TRƯỞNG", "CỤC TRƯỞNG": one title, never split before its "TRƯỞNG".
    if (/^TRƯỞNG$/iu.test(words[i] ?? "") && /^(?:BỘ|THỨ|CỤC|VỤ|VIỆN|HIỆU|TỔNG CỤC)$/iu.test(words[i - 1] ?? "")) continue;
    if (POSITION.test(words.slice(i).join(" ").toUpperCase())) return { capacity: words.slice(0, i).join(" "), title: words.slice(i).join(" ") };
  }
  return { capacity: caps, title: "" };
}

export function parseSigner(lines: string[]): Signer | null {
  let name = "";
  const parts: string[] = [];
  for (const raw of lines) {
    // One-line signatures ("T/M BỘ CHÍNH TRỊ (Đã ký) Trương Thị Mai"): split the caps run from the name.
    // A second capacity run into the first by a bold run over several lines ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH").
    const line = raw
      .replace(/[([](?:đã ký|đã kí|ký|kí)[)\]]/giu, " | ")
      // The signature's mark left by OCR after a title in capitals, lowercase and bare ("PHÓ BÍ THƯ ky").
      .replace(/(?<=\p{Lu})\s+(?:đã\s+)?(?:ký|kí|ky|ki)$/u, "")
      .replace(/\s(?=(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.)\s*\p{Lu})/gu, " | ")
      .replace(/\s+/g, " ");
    for (const piece of line.split("|").map((p) => p.trim()).filter(Boolean)) parts.push(piece);
  }
  // The caps lines of the signing block: the capacity line and the title lines after it.
  const capsLines: string[] = [];
  let capsName = "";
  let seenCapacity = false;
  for (const p of parts) {
    if (isCapacity(p) && seenCapacity) {
      // "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the first line says on whose behalf; the second,
      // for whom the person signs, stays in the closing block; a title run on after it is the signer's.
      // (A signature flattened into one cell runs the name on: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Thị Thu Hằng".)
      const tail = /^(.*?)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})$/u.exec(p);
      if (tail && isUpperText(tail[1]!)) name = tail[2]!;
      const second = splitCapacity(tail && isUpperText(tail[1]!) ? tail[1]! : p);
      if (second.title) capsLines.push(second.title);
      continue;
    }
    if (isCapacity(p)) {
      const upper = /^(\S+(?:\s+[^\p{Ll}\s]+)*)(?:\s+(.*))?$/u.exec(p);
      capsLines.length = 0;
      capsLines.push((upper?.[1] ?? p).trim());
      seenCapacity = true;
      const after = upper?.[2]?.trim();
      if (after && NAME.test(after)) name = after;
      else if (after) {
        // Written in sentence case ("T/M Ban Thường vụ", "T/M Ban Thường vụ Phó Bí thư Nguyễn Văn An").
        const tail = /^(.*?)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})$/u.exec(after);
        capsLines[0] = `${capsLines[0]} ${tail ? tail[1] : after}`;
        if (tail) name = tail[2]!;
      }
      continue;
    }
    // A title in sentence case under the capacity ("Phó Bí thư").
    if (seenCapacity && !isUpperText(p) && !NAME.test(p) && POSITION.test(p.toUpperCase()) && p.split(" ").length <= 8) {
      capsLines.push(p);
      continue;
    }
    if (isUpperText(p) && !/\d/.test(p) && p.split(" ").length <= 12) {
      const words = p.split(" ");
      // A name in capitals: 2–5 words, no title or body word ("NGUYỄN VĂN AN").
      if (capsLines.length && words.length >= 2 && words.length <= 5 && !POSITION.test(p) && !ORG_WORD.test(p)) {
        capsName = words.map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(" ");
        continue;
      }
      if (seenCapacity || POSITION.test(p)) capsLines.push(p);
      continue;
    }
    // The signer's name is the last Title Case line of 2–5 words; a lone stray word is an OCR leftover.
    if (NAME.test(p)) name = p;
  }
  if (!name) name = capsName;
  let capacity = "";
  let title = "";
  if (seenCapacity) {
    const joined = capsLines.join(" ");
    const split = splitCapacity(joined);
    if (split.title || capsLines.length === 1) {
      capacity = split.capacity;
      title = split.title;
    } else {
      // Unknown title words: the first line is the capacity, the rest the title.
      capacity = capsLines[0]!;
      title = capsLines.slice(1).join(" ");
    }
  } else if (capsLines.length) {
    title = capsLines.join(" ");
  }
  capacity = properCaseVi(capacity);
  title = properCaseVi(title);
  if (!name && !capacity) return null;
  return { name, capacity, title };
}

/**
 * Where an attachment's signature block starts: a signing capacity line ("T/M BAN THƯỜNG VỤ") after which come only
 * short lines of titles, names or "(Đã ký)" up to the attachment's end; else the attachment's end.
 */
function attachmentSignature(part: Para[], from: number): number {
  for (let j = Math.max(from, part.length - 6); j < part.length; j++) {
    if (part[j]!.row || !isCapacity(part[j]!.text)) continue;
    const rest = part.slice(j + 1);
    if (rest.every((p) => !p.row && p.text.length <= 60 && !matchHeading(p.text) && !/[.;:]$/.test(p.text.trim()))) return j;
  }
  return part.length;
}

/** Does the text open the closing block? */
function isClosingStart(t: string): boolean {
  return NOI_NHAN.test(t) || isCapacity(t) || CLOSING_PARAGRAPH.test(t);
}

const HEADING_TITLE_MAX = 160;
const LABEL = /^(\p{Lu}[^:;.!?()]{1,60}?)\s*:\s+(\S.*)$/u;
/** A colon that introduces what follows rather than ending a label: "…yêu cầu:", "…như sau:". */
const LABEL_NOT_TITLE = /(?:yêu cầu|đề nghị|như sau|gồm|sau|là|nêu rõ|chỉ rõ|xác định|khẳng định|nhấn mạnh|chỉ đạo|quyết định)$/u;

/** "…, ngày 12" / "tháng 9 năm 2025": a header date wrapped after the day is put back on one line. */
function joinSplitDates(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (i < 80 && next && !line.row && /,?\s*ngày\s*\d{0,2}\s*$/iu.test(line.text) && /^tháng\s+\d/iu.test(next.text)) {
      out.push({ ...line, text: `${line.text} ${next.text}` });
      i++;
      continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * Header cells flattened onto one line are split back: "Số 12-KH/TU Bắc Ninh, ngày…", "TỈNH ỦY X ĐẢNG CỘNG SẢN VIỆT
 * NAM", or the whole header at once: "TỈNH ỦY X BAN CHỈ ĐẠO … * Số 12-TB/BCĐ ĐẢNG CỘNG SẢN VIỆT NAM X, ngày …" (the
 * lone star is the mark under a Party issuer's name).
 */
function expandHeaderLines(input: Line[]): Line[] {
  const out: Line[] = [];
  let inHeader = true;
  const lines = joinSplitDates(input);
  for (const line of lines) {
    if (!inHeader || !line.text) {
      out.push(line);
      continue;
    }
    if (matchHeading(line.text) || line.text.length > 200) inHeader = false;
    const pieces = inHeader ? headerCells(line.text, 0) : null;
    if (!pieces || pieces.length < 2) {
      out.push(line);
      continue;
    }
    for (const piece of pieces) out.push({ ...line, text: piece });
  }
  return out;
}

/** A cell of a header: a place and date, a "Số" line, a line in capitals (an issuer, a motto), or nothing. */
function isHeaderCell(t: string): boolean {
  return !t || (PLACE_DATE.test(t) && t.length < 80) || isNumberCell(t) || (isUpperText(t) && t.length <= 120 && !matchHeading(t));
}

/**
 * A header's number cell: "Số" and a number and nothing after it ("Số: 179/KH-UBND", "Số 12-TB/BCĐ"), or a number
 * left blank ("Số: -HD/BTG"). "Số 12-KH/TU." closing a sentence, or "Số: -HD/BTGa)", is running text: a line split
 * there would leave half of it in the header and half in the body.
 */
function isNumberCell(t: string): boolean {
  const m = /^Số(?=[\s:]|\d)\s*:?\s*(.*)$/u.exec(t);
  if (!m) return false;
  const body = m[1]!.trim();
  if (!body) return true;
  const first = findNumbers(body)[0];
  if (first && first.index === 0 && !body.slice(first.length).trim()) return true;
  return /^[.…_\s]*(?:[-–]\s*[\p{Lu}&]{1,8}\s*\/\s*[\p{Lu}\d-]{1,14}|\/\s*[\p{Lu}&]{1,8}\s*-\s*[\p{Lu}\d]{1,14})$/u.test(body);
}

/** The cells a header line runs together, split where a motto, a lone star or a "Số" line begins; null when it is not one. */
function headerCells(text: string, depth: number): string[] | null {
  const t = text.trim();
  if (!t) return [];
  if (depth > 4) return isHeaderCell(t) ? [t] : null;
  const all = (parts: string[]): string[] | null => {
    const cells: string[] = [];
    for (const part of parts) {
      const c = headerCells(part, depth + 1);
      if (!c) return null;
      cells.push(...c);
    }
    return cells;
  };
  const star = t.split(/\s+\*\s+/u);
  if (star.length > 1) {
    const cells = all(star);
    if (cells) return cells;
  }
  const party = PARTY_INSIDE.exec(t);
  if (party && (party[1] || party[3])) {
    const before = headerCells(party[1] ?? "", depth + 1);
    const after = before && headerCells(party[3] ?? "", depth + 1);
    if (before && after) return [...before, party[2]!, ...after];
  }
  // "TỈNH ỦY X Số 12-TB/BCĐ …": capitals, then the number line.
  const so = /^(.*?\S)\s+(Số(?=[\s:]|\d).*)$/u.exec(t);
  if (so && isUpperText(so[1]!) && !matchHeading(so[1]!)) {
    const cells = all([so[1]!, so[2]!]);
    if (cells) return cells;
  }
  // "Số: 179/KH-UBND Đồng Nai, ngày …": the number and the next cell on one line.
  const soAt = /^Số(?=[\s:]|\d)/u.test(t) ? SO_PREFIX.exec(t) : null;
  if (soAt) {
    const body = soAt[1]!;
    const first = findNumbers(body)[0];
    const blank = /^[.…_\s]*(?:[-–]\s*[\p{L}&]{1,8}\s*\/\s*[\p{L}\d-]{1,14}|\/\s*[\p{L}&]{1,8}\s*-\s*[\p{L}\d]{1,14})/u.exec(body);
    let cut = first && first.index === 0 ? first.length : blank ? blank[0].length : -1;
    if (cut > 0 && cut < body.length && !/\s/.test(body[cut]!)) cut = -1;
    const second = cut > 0 ? body.slice(cut).trim() : "";
    if (second) {
      const at = t.length - body.length;
      const rest = /^(Về|V\/v)(?=[\s:]|$)/iu.test(second) ? [second] : headerCells(second, depth + 1);
      if (rest) return [t.slice(0, at + cut).trim(), ...rest];
    }
  }
  return isHeaderCell(t) ? [t] : null;
}

/** "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục 2", "PHỤ LỤC SỐ 01: DANH MỤC …": an appendix starts. */
const APPENDIX = /^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:SỐ|số)\s*)?(?:\s*([IVXLC]{1,6}|\d{1,2}[a-z]?))?\s*(?:[:.–-]\s*(.*))?$/u;

function appendixLabel(p: Para): string | null {
  const m = APPENDIX.exec(p.text);
  if (!m) return null;
  // "Phụ lục" in sentence case must stand alone with its number, in emphasis: a sentence never looks like that.
  if (!/^PHỤ/u.test(p.text) && !(m[1] && (p.emphasized || p.text.length <= 16))) return null;
  if (m[2] && !isUpperText(m[2]) && m[2].length > 0 && !p.emphasized) return null;
  return m[1] ? `Phụ lục ${m[1].replace(/^0+(?=\d)/, "")}` : "Phụ lục";
}

/** A metadata row of a law-library page that says whether and from when the document is in force. */
const VALIDITY_ROW = /(?:^|\|\s*)(?:Tình trạng(?: hiệu lực)?|Ngày hiệu lực|Hiệu lực)\s*:/iu;

/** A caps type word that opens an attached document after the signature ("QUY CHẾ", "ĐỀ ÁN", "DỰ THẢO BÁO CÁO"). */
function attachmentType(p: Para): DocType | null {
  // "DỰ THẢO BÁO CÁO", "ĐỀ CƯƠNG BÁO CÁO" (an outline of the report asked for): the type is the report's.
  const t = p.text.replace(/^(?:DỰ\s+THẢO|ĐỀ\s+CƯƠNG|MẪU)\s*/u, "").trim();
  if (t.length > 300) return null;
  const m = TYPE_WORD.exec(t);
  if (!m) return null;
  const type = docTypeFromName(m[1]!);
  return type && ATTACHMENT_TYPES.includes(type) ? type : null;
}

/** Header lines of an attached document (its issuer block, motto, number, date) just above its type word. */
function isHeaderish(t: string): boolean {
  return PARTY_LINE.test(t) || readSoLine(t) !== null || (PLACE_DATE.test(t) && t.length < 80) || (isUpperText(t) && t.length <= 80 && !matchHeading(t));
}

interface Attachment {
  label: string;
  start: number;
}

/** Where the document's own text ends: its closing block, then appendices and attached documents, if any. */
function splitClosingAndAttachments(paras: Para[]): { closingAt: number; attachments: Attachment[] } {
  const strong = paras.findIndex((p) => !p.row && (NOI_NHAN.test(p.text) || isCapacity(p.text)));
  const attachments: Attachment[] = [];
  const used = new Map<string, number>();
  const add = (label: string, start: number) => {
    const n = (used.get(label) ?? 0) + 1;
    used.set(label, n);
    attachments.push({ label: n > 1 ? `${label} (${n})` : label, start });
  };
  let lastClosing = -1;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (p.row) continue;
    const appendix = appendixLabel(p);
    if (appendix && (strong < 0 || i > strong || p.emphasized || isUpperText(p.text))) {
      add(appendix, i);
      continue;
    }
    // A type word opens an attached document right after a closing block, not inside one already open ("Chương I /
    // QUY ĐỊNH CHUNG" is a chapter's title).
    if (!p.row && (NOI_NHAN.test(p.text) || isCapacity(p.text))) lastClosing = i;
    if (strong >= 0 && i > strong && lastClosing > (attachments[attachments.length - 1]?.start ?? -1)) {
      const type = attachmentType(p);
      if (type && !attachments.some((a) => a.start === i)) {
        let start = i;
        while (start - 1 > strong && !paras[start - 1]!.row && isHeaderish(paras[start - 1]!.text) && !NOI_NHAN.test(paras[start - 1]!.text) && !isCapacity(paras[start - 1]!.text)) start--;
        // The signer's name stays with the signature.
        while (start < i && NAME.test(paras[start]!.text)) start++;
        add(type, start);
      }
    }
  }
  const mainEnd = attachments[0]?.start ?? paras.length;
  // The closing block starts at the first closing trigger after the last heading of the document's own text.
  let lastHeading = -1;
  for (let i = 0; i < mainEnd; i++) if (!paras[i]!.row && matchHeading(paras[i]!.text)) lastHeading = i;
  let closingAt = mainEnd;
  const from = strong >= 0 && strong < mainEnd ? Math.min(strong, lastHeading + 1) : lastHeading + 1;
  for (let i = Math.max(from, 0); i < mainEnd; i++) {
    const p = paras[i]!;
    if (!p.row && (isClosingStart(p.text) && (i > lastHeading || i === strong))) {
      closingAt = i;
      break;
    }
  }
  return { closingAt, attachments };
}

export function parseStructure(text: string): Structure {
  const s: Structure = {
    issuerLines: [],
    number: null,
    numberCode: null,
    numberForm: "party",
    typeWord: null,
    designation: null,
    place: null,
    date: null,
    titleLines: [],
    recipients: [],
    sections: [],
    header: [],
    closing: [],
    noise: [],
    signer: null,
    closingRecipients: [],
    tableAssignments: [],
    titleIssuer: null,
    site: {},
  };
  const site = stripSiteText(toLines(text));
  s.site = site.meta;
  // A law library's rows of validity ("Tình trạng: | Còn hiệu lực", "Ngày hiệu lực: | 25/07/2025") say what the
  // document itself does not: they stay with its header, quotable; the rest of the page is noise.
  const validity = site.dropped.filter((t) => VALIDITY_ROW.test(t) && t.length <= 240);
  s.noise.push(...site.dropped.filter((t) => !validity.includes(t)));
  const lines = expandHeaderLines(site.lines);
  const bodyStart = parseHeader(lines, s);
  s.header.push(...validity);
  const paras = buildParagraphs(lines.slice(bodyStart), s.noise);

  const { closingAt, attachments } = splitClosingAndAttachments(paras);
  const mainEnd = attachments[0]?.start ?? paras.length;
  s.closing = paras.slice(closingAt, mainEnd).map((p) => p.text);
  parseClosing(s.closing, s);

  const tracker = new PathTracker();
  const byPath = new Map<string, Section>();
  let current: Section = { path: "", title: null, text: "" };
  const order: Section[] = [];
  const open = (sec: Section) => {
    const existing = byPath.get(sec.path);
    if (existing) {
      // A repeated marker (numbering restarts inside a part): keep one section per path, text appended.
      current = existing;
      if (sec.text) append(existing, sec.text);
      return;
    }
    byPath.set(sec.path, sec);
    order.push(sec);
    current = sec;
  };
  const append = (sec: Section, t: string) => {
    sec.text = sec.text ? `${sec.text}\n${t}` : t;
  };
  open(current);

  /** A data table: task rows become sections and assignments; a table of other things stays text. */
  const table = (rows: Para[]) => {
    const base = current;
    const read = readTaskTable(
      rows.map((r) => r.row!.cells),
      base.path,
      rows[0]?.row?.join,
    );
    if (!read) {
      for (const r of rows) append(base, r.text);
      return;
    }
    // The header row (and group rows that are not path segments) stay with the section the table stands in.
    for (const t of read.baseText) append(base, t);
    for (const sec of read.sections) {
      open({ ...sec });
    }
    s.tableAssignments.push(...read.assignments);
    current = base;
  };

  const walk = (part: Para[]) => {
    for (let i = 0; i < part.length; i++) {
      const p = part[i]!;
      if (p.row) {
        let j = i;
        while (j < part.length && part[j]!.row?.table === p.row.table) j++;
        table(part.slice(i, j));
        i = j - 1;
        continue;
      }
      const marker = matchHeading(p.text);
      if (!marker) {
        append(current, p.text);
        continue;
      }
      const path = tracker.enter(marker);
      let rest = marker.rest;
      // A chapter's or a part's title is often the next line in capitals ("Chương I" / "NHỮNG QUY ĐỊNH CHUNG", "PHẦN II" /
      // "QUAN ĐIỂM, MỤC TIÊU").
      if ((marker.kind === "chapter" || marker.kind === "roman") && !rest && part[i + 1] && !part[i + 1]!.row && isUpperText(part[i + 1]!.text) && !matchHeading(part[i + 1]!.text)) {
        rest = part[++i]!.text;
      }
      const headingLike =
        p.emphasized ||
        isUpperText(rest) ||
        marker.kind === "article" ||
        marker.kind === "chapter" ||
        (rest.length <= HEADING_TITLE_MAX && !/[.;:!]$/.test(rest) && !/[.;]\s/.test(rest));
      if (byPath.has(path)) {
        open({ path, title: null, text: "" });
        append(current, p.text);
        continue;
      }
      if (headingLike && rest) {
        // "Điều 2. Quyết định này có hiệu lực…": an article whose text follows its number on the line has no title.
        if (marker.kind === "article" && !p.emphasized && (/:$/.test(rest) || (/[.;]$/.test(rest) && rest.split(" ").length >= 6))) open({ path, title: null, text: rest });
        else open({ path, title: rest, text: "" });
      } else {
        // "1- Mục tiêu chung: Phát triển…", "2. Các chi bộ, đảng ủy cơ sở: Theo chức năng…": a short label is the title.
        const label = LABEL.exec(rest);
        if (label && label[1]!.split(" ").length <= 8 && !LABEL_NOT_TITLE.test(label[1]!)) open({ path, title: label[1]!, text: label[2]! });
        else open({ path, title: null, text: rest });
      }
    }
  };
  walk(paras.slice(0, closingAt));
  nestInlineOutline(order, s.tableAssignments);

  attachments.forEach((a, k) => {
    const part = paras.slice(a.start, attachments[k + 1]?.start ?? paras.length);
    const path = tracker.enterAttachment(a.label);
    // The attachment's title: its caps lines (and the appendix line's own text); its caption "(Kèm theo …)" is text.
    let i = 0;
    const titleParts: string[] = [];
    const head = APPENDIX.exec(part[0]?.text ?? "");
    if (head?.[2]) titleParts.push(head[2]);
    const headerLines: string[] = [];
    while (i < part.length && !part[i]!.row && isHeaderish(part[i]!.text) && !attachmentType(part[i]!) && !appendixLabel(part[i]!)) headerLines.push(part[i++]!.text);
    if (i < part.length && (appendixLabel(part[i]!) || attachmentType(part[i]!))) {
      // "QUY CHẾ làm việc của …": the words after the type word are the attached document's trích yếu.
      const typed = head ? null : TYPE_WORD.exec(part[i]!.text.replace(/^DỰ\s+THẢO\s*/u, ""));
      if (typed?.[2]) titleParts.push(typed[2]);
      i++;
    }
    while (i < part.length && !part[i]!.row && !matchHeading(part[i]!.text) && (isUpperText(part[i]!.text) || (titleParts.length && startsLower(part[i]!.text))) && part[i]!.text.length <= 300) {
      titleParts.push(part[i++]!.text);
    }
    // As written, like every heading's title ("NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN").
    open({ path, title: titleParts.join(" ").replace(/\s+/g, " ").trim() || null, text: headerLines.join("\n") });
    // An attached report's own signature block ("T/M BAN THƯỜNG VỤ / BÍ THƯ", unsigned in a draft) closes it: not the
    // text of its last section. Kept as noise, so that nothing is lost.
    const end = attachmentSignature(part, i);
    walk(part.slice(i, end));
    s.noise.push(...part.slice(end).map((p) => p.text));
  });

  // The preamble section exists only when it has text.
  s.sections = order.filter((sec) => sec.path !== "" || sec.text);
  return s;
}
