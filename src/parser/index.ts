/**
 * Text → document model. Pure: no I/O, never throws on arbitrary text.
 */
import type { DocType, ParsedDocument, Signer } from "../domain/model.js";
import { DOC_TYPE_NAMES, docTypeFromCode, docTypeFromName, findNumbers, numberKey, parseDateText, DATE_PATTERN } from "../domain/numbers.js";
import { foldVi, isUpperText, properCaseVi, unifyTones } from "../text/vietnamese.js";
import { extractAssignments } from "./assignments.js";
import { isMotto } from "./structure.js";
import { mergeReferences, scanReferences } from "./references.js";
import { parseStructure } from "./structure.js";
import { readPage } from "./page.js";
import { LOCAL_COMMITTEE_WORD, PAGE_TYPE } from "../domain/vocabulary.js";

/** What a metadata sidecar may state; each given field overrides what the parser found. */
export interface DocumentMetadata {
  id?: string;
  docType?: DocType;
  number?: string | null;
  issuer?: string;
  place?: string | null;
  date?: string | null;
  title?: string;
  signer?: Signer | null;
  recipients?: string[];
}

/** "Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về …": the number is read by `findNumbers`. */
const SELF = new RegExp(
  `^(${DOC_TYPE_NAMES.join("|")})\\s+(?:số\\s*:?\\s*)?(\\d[^\\s,]*?)\\s*,?\\s*(?:ngày\\s+(${DATE_PATTERN}))?\\s*(?:của\\s+(.+?))?\\s+((?:về|V\\/v)\\s.+)$`,
  "iu",
);

const ISSUER_IN_PREAMBLE =
  /(?:^|[,;)]\s*)((?:Ban|Bộ Chính trị|Đảng ủy|Đảng uỷ|Đảng đoàn|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Quận ủy|Ủy ban|Uỷ ban|Sở|Chi bộ|Đảng bộ|Văn phòng|Ban cán sự)[^,;:()]{0,120}?)\s+(?:xây dựng|ban hành|hướng dẫn|đề nghị|yêu cầu|chỉ đạo|thông báo|triển khai|kết luận|quyết định|đề ra)\s[^.]*?(?:như sau|sau)?\s*:\s*$/u;

const UNIT_WITHOUT_LOCALITY = /(?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|Quận ủy|Quận uỷ)$/u;

function slug(text: string): string {
  return foldVi(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, "");
}

/** Two caps lines that are one name wrapped ("ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH", "BAN CHẤP HÀNH" / "TRUNG ƯƠNG"). */
/** The first word of a body's name in a header's caps block (a line opening with it is a body of its own). */
const BODY_OPENING = /^(?:BAN|SỞ|VĂN PHÒNG|ỦY BAN|UỶ BAN|UBND|ĐẢNG|CHI BỘ|HỘI|CỤC|VỤ|PHÒNG|BỘ|TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|XÃ|PHƯỜNG|TRƯỜNG|TRUNG TÂM)(?=\s|$)/u;

function continuesName(prev: string, next: string): boolean {
  const p = prev.toUpperCase();
  const n = next.toUpperCase();
  if (/^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU)(?=\s)/u.test(n) && /(?:NHÂN DÂN|^SỞ\s.+|^BAN QUẢN LÝ\s.+)$/u.test(p) && !/(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG|ĐẶC KHU)\s/u.test(p)) return true;
  // "BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ PHÁT TRIỂN / KHOA HỌC, CÔNG NGHỆ, … / VÀ CHUYỂN ĐỔI SỐ": a body named for its field
  // goes on after "về", and no name opens with "và".
  if (/^VÀ\s/u.test(n)) return true;
  if (/\sVỀ(?:\s|$)/u.test(p) && !BODY_OPENING.test(n)) return true;
  return (
    (/BAN CHẤP HÀNH$/u.test(p) && /^TRUNG ƯƠNG/u.test(n)) ||
    (/CHÍNH$/u.test(p) && /^(?:PHỦ|TRỊ)(?=\s|$)/u.test(n)) ||
    (/(?:ỦY|UỶ) BAN$/u.test(p) && /^NHÂN DÂN/u.test(n)) ||
    (/NHÂN$/u.test(p) && /^DÂN(?=\s|$)/u.test(n)) ||
    (/(?:ỦY|UỶ) BAN NHÂN DÂN$/u.test(p) && /^(?:TỈNH|THÀNH PHỐ)/u.test(n)) ||
    // "QUẬN ỦY / LÊ CHÂN": a committee's word on one line, its place on the next.
    (/^(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)$/u.test(p) && /^\p{Lu}+(?:\s+\p{Lu}+){0,3}$/u.test(n) && !/^(?:BAN|SỞ|VĂN|ỦY|UỶ|ĐẢNG|CHI|HỘI|TRUNG|CỤC|VỤ|PHÒNG)(?=\s|$)/u.test(n))
  );
}

/** Bodies under the Central Committee's header that are named with "Trung ương" ("VĂN PHÒNG" → "Văn phòng Trung ương Đảng"). */
function centralChild(child: string): string | null {
  if (/^Văn phòng$/iu.test(child)) return "Văn phòng Trung ương Đảng";
  if (/^(?:Ban|Ủy ban|Uỷ ban|Hội đồng)\s/u.test(child) && !/Trung ương/u.test(child)) return `${child} Trung ương`;
  return null;
}

/**
 * A parent body and the body under it run into one line (a header cell flattened: "UBND TỈNH HÀ TĨNH SỞ KHOA HỌC VÀ
 * CÔNG NGHỆ", "TỈNH ỦY HÀ TĨNH BAN TUYÊN GIÁO VÀ DÂN VẬN", "BAN CHẤP HÀNH TRUNG ƯƠNG BAN TUYÊN GIÁO VÀ DÂN VẬN"): the two
 * lines they are on paper.
 */
function splitParentChild(line: string): string[] {
  if (!isUpperText(line)) return [line];
  const m = PARENT_CHILD.exec(line.trim());
  return m ? [m[1]!, m[2]!] : [line];
}
const PARENT_CHILD =
  /^((?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+\S+(?:\s+\S+){0,3}?|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ) (?:ỦY|UỶ)\s+\S+(?:\s+\S+){0,3}?|BAN CHẤP HÀNH TRUNG ƯƠNG(?: ĐẢNG CỘNG SẢN VIỆT NAM)?)\s+((?:SỞ|BAN|PHÒNG|VĂN PHÒNG|CHI CỤC|TRUNG TÂM|THANH TRA|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA|ĐẢNG ỦY|ĐẢNG UỶ)\s.+)$/u;

/** Body names a scan or a typist writes without some of their marks ("UY BAN NHAN DÂN"), written as they are printed. */
const MARKED_HEADS = ["ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"].map((h) => ({ marked: h, folded: foldVi(h) }));

/** A caps header line opening with such a name, marks missing: the name with its marks, the rest as written. */
function markedHead(line: string): string {
  const t = line.trim();
  if (!isUpperText(t)) return line;
  const folded = foldVi(t);
  for (const h of MARKED_HEADS) {
    if (!folded.startsWith(h.folded) || !/^(?:\s|$)/u.test(folded.slice(h.folded.length))) continue;
    const head = t.slice(0, h.marked.length);
    // (Written with its marks, in either tone convention: as it is.)
    if (head === h.marked || unifyTones(head.toLowerCase()) === unifyTones(h.marked.toLowerCase())) return line;
    return h.marked + t.slice(h.marked.length);
  }
  return line;
}

/** A local Party committee by its own name ("Tỉnh ủy Thanh Hóa", "Quận ủy Lê Chân thành phố Hải Phòng"). */
const LOCAL_COMMITTEE = new RegExp(String.raw`^${LOCAL_COMMITTEE_WORD}\s+\S`, "u");

/** Issuer from the header's caps block: "TỈNH ỦY BẮC NINH / BAN TUYÊN GIÁO" → "Ban Tuyên giáo Tỉnh ủy Bắc Ninh",
 * "ỦY BAN NHÂN DÂN / TỈNH BẮC NINH" → "Ủy ban nhân dân tỉnh Bắc Ninh". The motto is never part of it. */
function issuerFromLines(lines: string[]): string | null {
  const merged: string[] = [];
  for (const l of lines.filter((x) => !isMotto(x)).map(markedHead).flatMap(splitParentChild)) {
    const prev = merged[merged.length - 1];
    if (prev && continuesName(prev, l)) merged[merged.length - 1] = `${prev} ${l}`;
    else merged.push(l);
  }
  const clean = merged.map((l) => properCaseVi(l));
  if (!clean.length) return null;
  const child = clean[clean.length - 1]!;
  const parent = clean.length > 1 ? clean[clean.length - 2]! : null;
  if (!parent) return child;
  if (/^Ban Chấp hành Trung ương/u.test(parent)) return centralChild(child) ?? child;
  // "BỘ GIÁO DỤC VÀ ĐÀO TẠO / ĐẠI HỌC HUẾ": a university or institute issues in its own name.
  if (/^Bộ\s/u.test(parent) && /^(?:Trường\s+)?(?:Đại học|Học viện|Viện)\s/u.test(child)) return child;
  // "ỦY BAN NHÂN DÂN TỈNH BẮC NINH / SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ tỉnh Bắc Ninh".
  const people = /^(?:(?:Ủy|Uỷ) ban nhân dân|UBND)\s+((?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)\s.+)$/iu.exec(parent);
  // ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA / VĂN PHÒNG" → "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa": the committee's own office.)
  if (people && /^Văn phòng$/iu.test(child)) return `${child} ${parent}`;
  if (people && !/(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)\s/iu.test(child)) return `${child} ${people[1]}`;
  // "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN / ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG KINH" → "Ủy ban nhân dân phường Đông Kinh,
  // thành phố Lạng Sơn": the lower committee issues, the higher one places it.
  if (people && /^(?:(?:Ủy|Uỷ) ban nhân dân|UBND)\s/iu.test(child)) return `${child}, ${people[1]}`;
  const bo = /^Đảng bộ\s+(.*)$/iu.exec(parent);
  // "ĐẢNG BỘ TỈNH BẮC NINH / TỈNH ỦY BẮC NINH": the committee names its place already.
  if (bo && LOCAL_COMMITTEE.test(child) && child.endsWith(bo[1]!.replace(/^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+/iu, ""))) return child;
  if (bo) {
    const locality = bo[1]!.replace(/^(tỉnh|thành phố|huyện|quận|thị xã)\s+/iu, "");
    // ("ĐẢNG BỘ TỈNH X / BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH": the child names its level, the parent its place.)
    return UNIT_WITHOUT_LOCALITY.test(child) || /\s(?:tỉnh|thành phố|huyện|quận|thị xã)$/iu.test(child) ? `${child} ${locality}` : `${child} ${bo[1]}`;
  }
  // "TỈNH ỦY THANH HÓA / HUYỆN ỦY THỌ XUÂN" → "Huyện ủy Thọ Xuân tỉnh Thanh Hóa", as under "ĐẢNG BỘ TỈNH THANH HÓA".
  const upper = /^(Tỉnh|Thành)\s+(?:ủy|uỷ)\s+(\S.*)$/iu.exec(parent);
  if (upper && /^(?:Huyện|Quận|Thị|Thành)\s+(?:ủy|uỷ)\s+\S/iu.test(child)) return `${child} ${/^tỉnh$/iu.test(upper[1]!) ? "tỉnh" : "thành phố"} ${upper[2]}`;
  // "TỈNH ỦY BẮC NINH / ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" → "Đảng ủy Khối các cơ quan tỉnh Bắc Ninh".
  const committee = /^(?:Tỉnh|Thành|Huyện|Thị|Quận)\s+(?:ủy|uỷ)\s+(\S.*)$/iu.exec(parent);
  if (committee && /\s(?:tỉnh|thành phố|huyện|quận|thị xã)$/iu.test(child)) return `${child} ${committee[1]}`;
  return `${child} ${parent}`;
}

/** The locality a text names most often after "tỉnh"/"Tỉnh ủy" (or "thành phố"/"Thành ủy"). */
function localityOf(text: string, level: "tỉnh" | "thành phố" | "huyện"): string | null {
  const re =
    level === "tỉnh"
      ? /(?:\btỉnh|Tỉnh ủy|Tỉnh uỷ)\s+((?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}+){0,2})/gu
      : level === "thành phố"
        ? /(?:thành phố|Thành ủy|Thành uỷ)\s+((?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}+){0,2})/gu
        : /(?:huyện|Huyện ủy|Huyện uỷ)\s+((?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}+){0,2})/gu;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(re)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

function sentenceCase(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (!isUpperText(t)) return t;
  return properCaseVi(t).replace(/\b(khóa|khoá|lần thứ)\s+([ivx]+)\b/giu, (_, w: string, r: string) => `${w} ${r.toUpperCase()}`);
}

export function parseDocument(text: string, file: string, meta: DocumentMetadata = {}): ParsedDocument {
  const s = parseStructure(text ?? "");
  const preamble = s.sections.find((sec) => sec.path === "");
  let title = "";
  let selfDate: string | null = null;
  let selfIssuer: string | null = null;
  let selfNumber: string | null = null;
  let selfType: DocType | null = null;

  // Title lines: the trích yếu starts at "Về …" when a conference line precedes it (Nghị quyết of a plenum).
  const titleLines = s.titleLines;
  const veAt = titleLines.findIndex((l) => /^(về|v\/v)\s/i.test(l));
  const conference = (l: string) => isUpperText(l) && /^(?:CỦA\s|HỘI NGHỊ|BỘ CHÍNH TRỊ|BAN BÍ THƯ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ)/u.test(l);
  const fromVe = veAt > 0 && titleLines.slice(0, veAt).every(conference);
  title = sentenceCase((fromVe ? titleLines.slice(veAt) : titleLines).join(" "));

  // A document that opens by naming itself ("Kết luận số 69-KL/TW ngày … của Bộ Chính trị về …").
  const designationSource = title || preamble?.text.split("\n")[0] || "";
  const self = SELF.exec(designationSource);
  const selfNumbered = self ? findNumbers(self[2]!)[0] : undefined;
  if (self && selfNumbered && selfNumbered.index === 0 && selfNumbered.length === self[2]!.length && !/\.\s+\p{Lu}/u.test(designationSource)) {
    selfType = docTypeFromName(self[1]!);
    selfNumber = selfNumbered.number;
    selfDate = self[3] ? parseDateText(self[3]) : null;
    selfIssuer = self[10]?.trim() ?? null;
    const about = self[11]!.trim();
    title = about.charAt(0).toUpperCase() + about.slice(1);
    if (!s.titleLines.length && preamble) {
      // The designation line is the document's title block, not body text.
      const [first, ...rest] = preamble.text.split("\n");
      s.header.push(first!);
      preamble.text = rest.join("\n");
      if (!preamble.text) s.sections = s.sections.filter((sec) => sec !== preamble);
    }
  }

  const number = s.number ?? s.designation?.number ?? selfNumber ?? s.site.number ?? null;
  const docType: DocType =
    s.typeWord ??
    s.designation?.type ??
    selfType ??
    (s.numberCode ? docTypeFromCode(s.numberCode, s.numberForm) : null) ??
    typeFromTitle(title) ??
    (s.site.docType ? docTypeFromName(s.site.docType) : null) ??
    // A letter says what it is about with "V/v …" under its number, and is addressed "Kính gửi": a công văn.
    (s.titleLines.some((l) => /^V\/v(?=[\s:]|$)/iu.test(l.trim())) || (s.number && s.recipients.length) ? "Công văn" : null) ??
    "Văn bản";

  const allText = [title, ...s.sections.map((sec) => `${sec.title ?? ""}\n${sec.text}`)].join("\n");
  // "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ" names the body that issues under the Central Committee's header. Without such
  // a line the header's body is the issuer, as law libraries list it ("Nơi ban hành: Ban Chấp hành Trung ương"),
  // even when a smaller body signs for it ("T/M Ban Bí thư", kept in the signer's capacity).
  const headerIssuer = issuerFromLines(s.issuerLines);
  let issuer =
    s.titleIssuer && (!headerIssuer || /^Ban Chấp hành Trung ương/u.test(headerIssuer)) ? s.titleIssuer : (headerIssuer ?? selfIssuer ?? s.site.issuer ?? null);
  if (!issuer && preamble) {
    for (const para of preamble.text.split("\n").reverse()) {
      const m = ISSUER_IN_PREAMBLE.exec(para);
      if (m) {
        issuer = m[1]!.trim();
        break;
      }
    }
  }
  // "TỈNH ỦY X" over a signature "T/M BAN THƯỜNG VỤ": the standing committee issues the plan or programme, as the
  // documents that carry it out cite it ("Kế hoạch số 45-KH/TU … của Ban Thường vụ Tỉnh ủy"). A letter goes out in the
  // committee's name ("Công văn số 2018-CV/TU … của Tỉnh ủy Quảng Ngãi"); the Central Committee's bodies keep the
  // header's name, as above.
  if (issuer && docType !== "Công văn" && docType !== "Thông báo" && LOCAL_COMMITTEE.test(issuer) && s.signer && /^(?:T\/M|TM\.?)\s+Ban Thường vụ$/iu.test(s.signer.capacity.trim())) issuer = `Ban Thường vụ ${issuer}`;
  if (issuer && UNIT_WITHOUT_LOCALITY.test(issuer) && s.place) issuer = `${issuer} ${s.place}`;
  if (issuer && /\s(tỉnh|thành phố|huyện)$/u.test(issuer)) {
    const level = /tỉnh$/u.test(issuer) ? "tỉnh" : /thành phố$/u.test(issuer) ? "thành phố" : "huyện";
    const loc = localityOf(allText, level);
    if (loc) issuer = `${issuer} ${loc}`;
  }

  const scans = [
    scanReferences(title, { isTitle: true }),
    ...s.sections.map((sec) => scanReferences(`${sec.title ? `${sec.title}\n` : ""}${sec.text}`)),
  ];
  const ownNumber = meta.number !== undefined ? meta.number : number;
  const ownDate = meta.date !== undefined ? meta.date : (s.date ?? selfDate ?? s.site.date ?? null);
  const references = mergeReferences(scans.flatMap((sc) => sc.mentions), ownNumber, [], ownDate);
  const resolve = (n: string) => references.find((r) => numberKey(r.number) === numberKey(n) || r.number.startsWith(`${n}-`))?.number ?? n;
  const links = scans
    .flatMap((sc) => sc.links)
    .map((l) => ({ from: resolve(l.from), to: resolve(l.to) }))
    .filter((l, i, all) => all.findIndex((o) => o.from === l.from && o.to === l.to) === i);

  // A web page (news, questions and answers) with no official header of its own: the site, the day, the headline.
  // (A page's masthead in capitals may read as an issuer — "# LÂM ĐỒNG ONLINE" — but names no type of text.)
  const page = !number && (!issuer || docType === "Văn bản") ? readPage(text ?? "") : null;
  const recipients = [...new Set([...s.recipients, ...s.closingRecipients])];
  const sectionOrder = new Map(s.sections.map((sec, i) => [sec.path, i] as const));
  const doc: ParsedDocument = {
    id: "",
    file,
    docType: page ? PAGE_TYPE : docType,
    number,
    issuer: (page ? page.site : null) ?? issuer ?? "",
    place: s.place,
    date: s.date ?? selfDate ?? s.site.date ?? page?.date ?? null,
    // "CHƯƠNG TRÌNH HÀNH ĐỘNG / CỦA BAN THƯỜNG VỤ … THỰC HIỆN …": a title line that opens with the committee that
    // issues goes on from the type line, and is read with it.
    title: /^của\s+(?:Ban|Tỉnh|Thành|Huyện|Đảng|Ủy ban|Uỷ ban)\s/iu.test(title) ? `${docType} của ${title.slice(4)}` : title || page?.title || "",
    // A copied page's metadata names the signer when the text's signature block was lost.
    signer: s.signer ?? (s.site.signer ? { name: s.site.signer, capacity: "", title: "" } : null),
    ...(page?.author ? { author: page.author } : {}),
    recipients,
    // What a law library says of the text beside it: in force or not, since when, its fields.
    ...(s.site.status || s.site.effective || s.site.fields
      ? { site: { name: s.site.name ?? null, status: s.site.status ?? null, effective: s.site.effective ?? null, fields: s.site.fields ?? null } }
      : {}),
    sections: s.sections,
    references,
    assignments: [...s.tableAssignments, ...extractAssignments(s.sections)].sort((a, b) => sectionOrder.get(a.section)! - sectionOrder.get(b.section)!),
    links,
    header: s.header,
    closing: s.closing,
    noise: s.noise,
  };
  applyMetadata(doc, meta);
  doc.id = meta.id ?? (doc.number ? slug(doc.number) : slug(fileStem(file))) ?? "doc";
  if (!doc.id) doc.id = "doc";
  return doc;
}

function typeFromTitle(title: string): DocType | null {
  const m = new RegExp(`^(${DOC_TYPE_NAMES.join("|")})(?=[\\s,:]|$)`, "i").exec(title);
  return m ? docTypeFromName(m[1]!) : null;
}

/** The sidecar overrides and fills: every field it states wins over what the text gave. */
export function applyMetadata(doc: ParsedDocument, meta: DocumentMetadata): void {
  if (meta.docType !== undefined) doc.docType = meta.docType;
  if (meta.number !== undefined) doc.number = meta.number;
  if (meta.issuer !== undefined) doc.issuer = meta.issuer;
  if (meta.place !== undefined) doc.place = meta.place;
  if (meta.date !== undefined) doc.date = meta.date;
  if (meta.title !== undefined) doc.title = meta.title;
  // Copies: the model never shares objects with the caller's metadata.
  if (meta.signer !== undefined) doc.signer = meta.signer ? { ...meta.signer } : null;
  if (meta.recipients !== undefined) doc.recipients = [...meta.recipients];
  if (doc.number) {
    // (A reference of its own number dated otherwise is another document's: see mergeReferences.)
    const own = numberKey(doc.number);
    doc.references = doc.references.filter((r) => numberKey(r.number) !== own || (r.date !== null && doc.date !== null && r.date !== doc.date));
  }
}
