/**
 * Document structure: header (issuer block, number, place and date, type word, trích yếu, Kính gửi),
 * body (the section tree) and closing block (Nơi nhận, signature, "Trên đây là…"). Pure functions.
 */
import type { Section, Signer } from "../domain/model.js";
import { DOC_TYPE_NAMES, NUMBER_PATTERN, docTypeFromName, isoDate, normalizeNumber } from "../domain/numbers.js";
import type { DocType } from "../domain/model.js";
import { isUpperText, properCaseVi } from "../text/vietnamese.js";
import { BULLET_MARK, PathTracker, isBullet, matchHeading } from "./headings.js";
import { type Line, hasContent, isPageArtifact, toLines } from "./lines.js";

export interface Structure {
  issuerLines: string[];
  number: string | null;
  numberCode: string | null;
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
}

const TYPE_WORD = new RegExp(`^(${DOC_TYPE_NAMES.map((n) => n.toUpperCase().replace(/ /g, "\\s+")).join("|")})(?:\\s+(.*))?$`);
const DESIGNATION = new RegExp(`^(${DOC_TYPE_NAMES.join("|")})(?=[\\s,:]|$)(?:\\s+số)?\\s*:?\\s*(?:${NUMBER_PATTERN})?`, "i");
const PLACE_DATE = /^([\p{L}][\p{L} .'-]{1,40}?)\s*,\s*ngày\s*(\d{1,2})?\s*(?:tháng|\/)\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4})/iu;
const SO_LINE = /^Số\s*:?\s*[.…_]*\s*(\d*)\s*[.…_]*\s*[-–]?\s*([\p{L}&]{1,8})\s*\/\s*([\p{L}\d-]{1,14})\s*$/u;
/** "Số 12-KH/TU Bắc Ninh, ngày…" or "TỈNH ỦY BẮC NINH ĐẢNG CỘNG SẢN VIỆT NAM": two header cells flattened onto one line. */
const SO_THEN_REST = /^(Số\s*:?\s*[.…_]*\s*\d*\s*[.…_]*\s*[-–]?\s*[\p{L}&]{1,8}\s*\/\s*[\p{L}\d-]{1,14})\s+(\S.*)$/u;
const PARTY_LINE = /^(?:đảng cộng sản việt nam|cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam|độc lập\s*-\s*tự do\s*-\s*hạnh phúc)$/iu;
const PARTY_INSIDE = /^(.*?)\s*(ĐẢNG CỘNG SẢN VIỆT NAM)\s*(.*)$/u;
const CAPS_TITLE_START = /^(?:VỀ|V\/V|THỰC HIỆN|TRIỂN KHAI|TỔ CHỨC|TIẾP TỤC|TUYÊN TRUYỀN|QUÁN TRIỆT|HƯỚNG DẪN THỰC HIỆN|NGHIÊN CỨU)\s/u;
const KINH_GUI = /^(?:[-–•*+]\s*)?Kính\s+gửi\s*:?\s*(.*)$/iu;
const NOI_NHAN = /^Nơi\s+nhận\s*:?\s*(.*)$/iu;
const CAPACITY_MARK = /^(?:(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.?|Q\.)\s*(?=\S)|(?:TM|KT|TL|TUQ)\s+(?=\p{Lu}{2}))/u;
/** A signing capacity opens the line ("T/M BAN THƯỜNG VỤ", "TL BAN THƯỜNG VỤ"), in capitals up to a name or "(Đã ký)". */
function isCapacity(t: string): boolean {
  return CAPACITY_MARK.test(t) && isUpperText(t.split(/\s*\(|\s+\p{Lu}\p{Ll}/u)[0] ?? "");
}
/** Words that open a signer's title (as opposed to the body on whose behalf they sign). */
const POSITION = /^(?:PHÓ|BÍ THƯ|TỔNG BÍ THƯ|TRƯỞNG|CHÁNH|GIÁM ĐỐC|CHỦ TỊCH|CHỦ NHIỆM|ỦY VIÊN|UỶ VIÊN|THƯỜNG TRỰC BAN BÍ THƯ|HIỆU TRƯỞNG|VIỆN TRƯỞNG|TỔNG BIÊN TẬP)(?=\s|$)/u;
const ORG_WORD = /(?:^|\s)(?:BAN|ĐẢNG|ỦY|UỶ|BỘ|TỈNH|HUYỆN|XÃ|THÀNH|VỤ|TRUNG|ƯƠNG|HỘI|ĐOÀN|CHI|KHỐI|SỞ|PHÒNG|CỤC|THƯỜNG|TRỰC|ĐÃ|KÝ|KÍ|DẤU)(?=\s|$)/u;
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
}

function endsSentence(text: string): boolean {
  return /[.:;!?…)"”»]$/.test(text) || /\.\/\.$/.test(text);
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
    if (isDecor(line.text) || isPageArtifact(line.text)) {
      noise.push(line.text);
      if (isPageArtifact(line.text)) pageBreakBefore = true;
      continue;
    }
    const prev = paras[paras.length - 1];
    const marker = matchHeading(line.text);
    const structural = Boolean(marker) || isBullet(line.text) || NOI_NHAN.test(line.text) || isCapacity(line.text);
    let join = false;
    if (prev && !structural && !endsSentence(prev.text) && !prev.emphasized && !line.emphasized) {
      if (startsLower(line.text)) join = true;
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
    const so = SO_LINE.exec(t);
    if (so) {
      s.header.push(t);
      s.numberCode = so[2]!;
      s.number = so[1] ? normalizeNumber(`${so[1]}-${so[2]}/${so[3]}`) : null;
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
      const rest = cleanListItem(kg[1] ?? "");
      if (rest) s.recipients.push(rest);
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
    if (matchHeading(t)) break;
    const tw = TYPE_WORD.exec(t);
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
  const sig: string[] = [];
  const addItems = (text: string) => {
    // Items run together on one line (a table cell): "- Như trên, - Lưu VT."
    for (const piece of text.split(/\s+[-–•]\s+/)) {
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
    if (POSITION.test(words.slice(i).join(" ").toUpperCase())) return { capacity: words.slice(0, i).join(" "), title: words.slice(i).join(" ") };
  }
  return { capacity: caps, title: "" };
}

export function parseSigner(lines: string[]): Signer | null {
  let name = "";
  const parts: string[] = [];
  for (const raw of lines) {
    // One-line signatures ("T/M BỘ CHÍNH TRỊ (Đã ký) Trương Thị Mai"): split the caps run from the name.
    const line = raw.replace(/\((?:đã ký|đã kí|ký|kí)\)/giu, " | ").replace(/\s+/g, " ");
    for (const piece of line.split("|").map((p) => p.trim()).filter(Boolean)) parts.push(piece);
  }
  // The caps lines of the signing block: the capacity line and the title lines after it.
  const capsLines: string[] = [];
  let capsName = "";
  let seenCapacity = false;
  for (const p of parts) {
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

/** Does the text open the closing block? */
function isClosingStart(t: string): boolean {
  return NOI_NHAN.test(t) || isCapacity(t) || CLOSING_PARAGRAPH.test(t);
}

const HEADING_TITLE_MAX = 160;
const LABEL = /^(\p{Lu}[^:;.!?()]{1,60}?)\s*:\s+(\S.*)$/u;
/** A colon that introduces what follows rather than ending a label: "…yêu cầu:", "…như sau:". */
const LABEL_NOT_TITLE = /(?:yêu cầu|đề nghị|như sau|gồm|sau|là|nêu rõ|chỉ rõ|xác định|khẳng định|nhấn mạnh|chỉ đạo|quyết định)$/u;

/** Header cells flattened onto one line are split back: "Số 12-KH/TU Bắc Ninh, ngày…", "TỈNH ỦY X ĐẢNG CỘNG SẢN VIỆT NAM". */
function expandHeaderLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  let inHeader = true;
  for (const line of lines) {
    if (!inHeader || !line.text) {
      out.push(line);
      continue;
    }
    if (matchHeading(line.text) || line.text.length > 200) inHeader = false;
    const pieces: string[] = [];
    let rest = line.text;
    const party = PARTY_INSIDE.exec(rest);
    const headerPiece = (t: string) =>
      !t || (PLACE_DATE.test(t) && t.length < 80) || /^Số\b/u.test(t) || (isUpperText(t) && t.length <= 120 && !matchHeading(t));
    if (inHeader && party && (party[1] || party[3]) && headerPiece(party[1] ?? "") && headerPiece(party[3] ?? "")) {
      if (party[1]) pieces.push(party[1]);
      pieces.push(party[2]!);
      rest = party[3] ?? "";
    }
    const so = inHeader ? SO_THEN_REST.exec(rest) : null;
    // Only when the second cell is recognized as header too: the line must not end up half in the header.
    const second = so?.[2] ?? "";
    if (so && ((PLACE_DATE.test(second) && second.length < 80) || (isUpperText(second) && second.length <= 120 && !matchHeading(second)) || /^(Về|V\/v)(?=[\s:]|$)/iu.test(second))) {
      pieces.push(so[1]!, so[2]!);
      rest = "";
    }
    if (!pieces.length) {
      out.push(line);
      continue;
    }
    if (rest) pieces.push(rest);
    for (const piece of pieces) out.push({ ...line, text: piece.trim() });
  }
  return out;
}

export function parseStructure(text: string): Structure {
  const s: Structure = {
    issuerLines: [],
    number: null,
    numberCode: null,
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
  };
  const lines = expandHeaderLines(toLines(text));
  const bodyStart = parseHeader(lines, s);
  const paras = buildParagraphs(lines.slice(bodyStart), s.noise);

  // The closing block starts at the first closing trigger after the last heading.
  let lastHeading = -1;
  paras.forEach((p, i) => {
    if (matchHeading(p.text)) lastHeading = i;
  });
  let closingAt = paras.length;
  for (let i = Math.max(lastHeading + 1, 0); i < paras.length; i++) {
    if (isClosingStart(paras[i]!.text)) {
      closingAt = i;
      break;
    }
  }
  const body = paras.slice(0, closingAt);
  s.closing = paras.slice(closingAt).map((p) => p.text);
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
      return;
    }
    byPath.set(sec.path, sec);
    order.push(sec);
    current = sec;
  };
  open(current);
  const append = (sec: Section, t: string) => {
    sec.text = sec.text ? `${sec.text}\n${t}` : t;
  };
  for (const p of body) {
    const marker = matchHeading(p.text);
    if (!marker) {
      append(current, p.text);
      continue;
    }
    const path = tracker.enter(marker);
    const rest = marker.rest;
    const headingLike =
      p.emphasized ||
      isUpperText(rest) ||
      (rest.length <= HEADING_TITLE_MAX && !/[.;:]$/.test(rest) && !/[.;]\s/.test(rest));
    if (byPath.has(path)) {
      open({ path, title: null, text: "" });
      append(current, p.text);
      continue;
    }
    if (headingLike && rest) open({ path, title: rest, text: "" });
    else {
      // "1- Mục tiêu chung: Phát triển…", "2. Các chi bộ, đảng ủy cơ sở: Theo chức năng…": a short label is the title.
      const label = LABEL.exec(rest);
      if (label && label[1]!.split(" ").length <= 8 && !LABEL_NOT_TITLE.test(label[1]!)) open({ path, title: label[1]!, text: label[2]! });
      else open({ path, title: null, text: rest });
    }
  }
  // The preamble section exists only when it has text.
  s.sections = order.filter((sec) => sec.path !== "" || sec.text);
  return s;
}
