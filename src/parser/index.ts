/**
 * Text → document model. Pure: no I/O, never throws on arbitrary text.
 */
import type { DocType, ParsedDocument, Signer } from "../domain/model.js";
import { DOC_TYPE_NAMES, NUMBER_PATTERN, docTypeFromCode, docTypeFromName, numberKey, parseDateText, DATE_PATTERN } from "../domain/numbers.js";
import { foldVi, isUpperText, properCaseVi } from "../text/vietnamese.js";
import { extractAssignments } from "./assignments.js";
import { mergeReferences, scanReferences } from "./references.js";
import { parseStructure } from "./structure.js";

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

const SELF = new RegExp(
  `^(${DOC_TYPE_NAMES.join("|")})\\s+(?:số\\s+)?${NUMBER_PATTERN}\\s*,?\\s*(?:ngày\\s+(${DATE_PATTERN}))?\\s*(?:của\\s+(.+?))?\\s+((?:về|V\\/v)\\s.+)$`,
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

/** Issuer from the header's caps block: "TỈNH ỦY BẮC NINH / BAN TUYÊN GIÁO" → "Ban Tuyên giáo Tỉnh ủy Bắc Ninh". */
function issuerFromLines(lines: string[]): string | null {
  const clean = lines.filter((l) => !/^đảng cộng sản việt nam$/i.test(l)).map((l) => properCaseVi(l));
  if (!clean.length) return null;
  const child = clean[clean.length - 1]!;
  const parent = clean.length > 1 ? clean[clean.length - 2]! : null;
  if (!parent) return child;
  const bo = /^Đảng bộ\s+(.*)$/iu.exec(parent);
  if (bo) {
    const locality = bo[1]!.replace(/^(tỉnh|thành phố|huyện|quận|thị xã)\s+/iu, "");
    return UNIT_WITHOUT_LOCALITY.test(child) ? `${child} ${locality}` : `${child} ${bo[1]}`;
  }
  // "TỈNH ỦY BẮC NINH / ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" → "Đảng ủy Khối các cơ quan tỉnh Bắc Ninh".
  const committee = /^(?:Tỉnh|Thành|Huyện|Thị|Quận)\s+(?:ủy|uỷ)\s+(\S.*)$/iu.exec(parent);
  if (committee && /\s(?:tỉnh|thành phố|huyện|quận|thị xã)$/iu.test(child)) return `${child} ${committee[1]}`;
  return `${child} ${parent}`;
}

/** Central documents are issued by the body on whose behalf they are signed ("T/M BỘ CHÍNH TRỊ"), under the
 * header of the Ban Chấp hành Trung ương. */
function centralIssuer(issuer: string | null, signer: Signer | null): string | null {
  if (!issuer || !signer || !/^Ban Chấp hành Trung ương/u.test(issuer)) return issuer;
  const m = /^(?:T\/M|TM\.?)\s+(Bộ Chính trị|Ban Bí thư)$/u.exec(signer.capacity);
  return m ? m[1]! : issuer;
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
  if (self && !/\.\s+\p{Lu}/u.test(designationSource)) {
    selfType = docTypeFromName(self[1]!);
    selfNumber = `${self[2]}-${self[3]}/${self[4]}`;
    selfDate = self[5] ? parseDateText(self[5]) : null;
    selfIssuer = self[12]?.trim() ?? null;
    const about = self[13]!.trim();
    title = about.charAt(0).toUpperCase() + about.slice(1);
    if (!s.titleLines.length && preamble) {
      // The designation line is the document's title block, not body text.
      const [first, ...rest] = preamble.text.split("\n");
      s.header.push(first!);
      preamble.text = rest.join("\n");
      if (!preamble.text) s.sections = s.sections.filter((sec) => sec !== preamble);
    }
  }

  const number = s.number ?? s.designation?.number ?? selfNumber;
  const docType: DocType =
    s.typeWord ?? s.designation?.type ?? selfType ?? (s.numberCode ? docTypeFromCode(s.numberCode) : null) ?? typeFromTitle(title) ?? "Văn bản";

  const allText = [title, ...s.sections.map((sec) => `${sec.title ?? ""}\n${sec.text}`)].join("\n");
  let issuer = centralIssuer(issuerFromLines(s.issuerLines), s.signer) ?? selfIssuer;
  if (!issuer && preamble) {
    for (const para of preamble.text.split("\n").reverse()) {
      const m = ISSUER_IN_PREAMBLE.exec(para);
      if (m) {
        issuer = m[1]!.trim();
        break;
      }
    }
  }
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
  const references = mergeReferences(
    scans.flatMap((sc) => sc.mentions),
    ownNumber,
  );
  const resolve = (n: string) => references.find((r) => numberKey(r.number) === numberKey(n) || r.number.startsWith(`${n}-`))?.number ?? n;
  const links = scans
    .flatMap((sc) => sc.links)
    .map((l) => ({ from: resolve(l.from), to: resolve(l.to) }))
    .filter((l, i, all) => all.findIndex((o) => o.from === l.from && o.to === l.to) === i);

  const recipients = [...new Set([...s.recipients, ...s.closingRecipients])];
  const doc: ParsedDocument = {
    id: "",
    file,
    docType,
    number,
    issuer: issuer ?? "",
    place: s.place,
    date: s.date ?? selfDate,
    title,
    signer: s.signer,
    recipients,
    sections: s.sections,
    references,
    assignments: extractAssignments(s.sections),
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
    const own = numberKey(doc.number);
    doc.references = doc.references.filter((r) => numberKey(r.number) !== own);
  }
}
