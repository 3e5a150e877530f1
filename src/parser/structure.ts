/**
 * Document structure: header (issuer block, number, place and date, type word, trích yếu, Kính gửi),
 * body (the section tree) and closing block (Nơi nhận, signature, "Trên đây là…"). Pure functions.
 */
import type { Section, Signer } from "../domain/model.js";
import { DOC_TYPE_NAMES, NUMBER_PATTERN, docTypeFromCode, docTypeFromName, isoDate, normalizeNumber } from "../domain/numbers.js";
import type { DocType } from "../domain/model.js";
import { foldVi, isUpperText, properCaseVi } from "../text/vietnamese.js";
import { PathTracker, isBullet, matchHeading } from "./headings.js";
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
const SO_LINE = /^Số\s*:?\s*(\d*)\s*[-–]?\s*([\p{L}&]{1,8})\s*\/\s*([\p{L}\d-]{1,14})\s*$/u;
const KINH_GUI = /^(?:[-–•*+]\s*)?Kính\s+gửi\s*:?\s*(.*)$/iu;
const NOI_NHAN = /^Nơi\s+nhận\s*:?\s*(.*)$/iu;
const CAPACITY = /^(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.?|Q\.)\s*\S/i;
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

function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

function buildParagraphs(lines: Line[], noise: string[]): Para[] {
  const paras: Para[] = [];
  let blankBefore = true;
  for (const line of lines) {
    if (!line.text) {
      blankBefore = true;
      continue;
    }
    if (isDecor(line.text) || isPageArtifact(line.text)) {
      noise.push(line.text);
      continue;
    }
    const prev = paras[paras.length - 1];
    const marker = matchHeading(line.text);
    const structural = Boolean(marker) || isBullet(line.text) || NOI_NHAN.test(line.text) || CAPACITY.test(line.text);
    let join = false;
    if (prev && !structural && !endsSentence(prev.text) && !prev.emphasized && !line.emphasized) {
      if (startsLower(line.text)) join = true;
      // A hard-wrapped line (PDF, e-mail) continues its paragraph when the previous line was long and unfinished.
      else if (!blankBefore && prev.text.length >= 60 && !isUpperText(prev.text)) join = true;
    }
    if (prev && join) {
      prev.text = `${prev.text} ${line.text}`;
      prev.sources.push(line.source);
    } else {
      paras.push({ text: line.text, emphasized: line.emphasized, mdHeading: line.mdHeading, sources: [line.source] });
    }
    blankBefore = false;
  }
  return paras;
}

function stripBullet(text: string): string {
  return text.replace(/^[-–—•*+·]\s*/, "").trim();
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
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (!t) {
      if (inTitle && s.titleLines.length) blankSinceTitle = true;
      continue;
    }
    if (isDecor(t) || isPageArtifact(t)) {
      s.header.push(t);
      continue;
    }
    if (/^đảng cộng sản việt nam$/i.test(t)) {
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
    if (inRecipients && (isBullet(t) || (/[,;]$/.test(t) && t.length < 160 && !matchHeading(t)))) {
      s.header.push(t);
      const item = cleanListItem(t);
      if (item) s.recipients.push(item);
      continue;
    }
    inRecipients = false;
    if (matchHeading(t)) break;
    const tw = TYPE_WORD.exec(t);
    if (tw) {
      s.header.push(t);
      s.typeWord = docTypeFromName(tw[1]!);
      if (tw[2]) s.titleLines.push(tw[2]);
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
      if (!blankSinceTitle || isUpperText(t) || (s.titleLines.length === 0 && !sawBodyStart(t))) {
        s.header.push(t);
        s.titleLines.push(t);
        continue;
      }
      break;
    }
    if (/^(Về|V\/v)(?=[\s:]|$)/i.test(t) && !s.titleLines.length) {
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
  for (const t of lines) {
    const nn = NOI_NHAN.exec(t);
    if (nn) {
      inList = true;
      const rest = cleanListItem(nn[1] ?? "");
      if (rest) s.closingRecipients.push(rest);
      continue;
    }
    if (CAPACITY.test(t)) inList = false;
    if (inList && (isBullet(t) || /^\+/.test(t) || /[,;.]$/.test(t))) {
      const item = cleanListItem(t.replace(/\s\+\s/g, " "));
      if (item && !/^như trên$/i.test(item)) s.closingRecipients.push(item);
      continue;
    }
    if (CLOSING_PARAGRAPH.test(t) && !sig.length) continue;
    inList = false;
    sig.push(t);
  }
  s.signer = parseSigner(sig);
}

const NAME = /^(\p{Lu}\p{Ll}+)(\s+\p{Lu}\p{Ll}*){1,4}$/u;

export function parseSigner(lines: string[]): Signer | null {
  let capacity = "";
  let title = "";
  let name = "";
  const parts: string[] = [];
  for (const raw of lines) {
    // One-line signatures ("T/M BỘ CHÍNH TRỊ (Đã ký) Trương Thị Mai"): split the caps run from the name.
    const line = raw.replace(/\((?:đã ký|đã kí|ký|kí)\)/gi, " | ").replace(/\s+/g, " ");
    for (const piece of line.split("|").map((p) => p.trim()).filter(Boolean)) parts.push(piece);
  }
  for (const p of parts) {
    if (CAPACITY.test(p)) {
      const upper = /^(\S+(?:\s+[^\p{Ll}\s]+)*)(?:\s+(.*))?$/u.exec(p);
      capacity = properCaseVi(upper?.[1] ?? p);
      const after = upper?.[2]?.trim();
      if (after && NAME.test(after)) name = after;
      continue;
    }
    if (isUpperText(p) && capacity && !title) {
      title = properCaseVi(p);
      continue;
    }
    // The signer's name is the last Title Case line of 2–5 words; a lone stray word is an OCR leftover.
    if (NAME.test(p)) name = p;
  }
  if (!name && !capacity) return null;
  return { name, capacity, title };
}

/** Does the text open the closing block? */
function isClosingStart(t: string): boolean {
  return NOI_NHAN.test(t) || CAPACITY.test(t) || CLOSING_PARAGRAPH.test(t);
}

const HEADING_TITLE_MAX = 160;

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
  const lines = toLines(text);
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
    else open({ path, title: null, text: rest });
  }
  // The preamble section exists only when it has text.
  s.sections = order.filter((sec) => sec.path !== "" || sec.text);
  return s;
}
