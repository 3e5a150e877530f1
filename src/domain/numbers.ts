/**
 * Document numbers ("số hiệu") and types. Two forms, both cited as written and never turned into each other:
 * Party numbers put the type code before the slash ("844-CV/ĐU", "69-KL/TW"), state numbers after it
 * ("144/KH-UBND", "2597/QĐ-TTg", "137/2024/NĐ-CP"; laws "15/2025/QH15"). Also the aliases a cadre types
 * ("KL 69", "nghị quyết 20", "NQ20", "kh 552", "2018/CV-TU").
 */
import type { DocType } from "./model.js";
import { DOC_TYPES, DOC_TYPE_NAMES } from "./vocabulary.js";
import { foldVi } from "../text/vietnamese.js";

export { DOC_TYPE_NAMES };

const fold = (code: string) => foldVi(code).toUpperCase();
const PARTY_CODES = new Map<string, DocType>(DOC_TYPES.flatMap((t) => t.party.map((c) => [c, t.name] as const)));
const STATE_CODES = new Map<string, DocType>(DOC_TYPES.flatMap((t) => t.state.map((c) => [c, t.name] as const)));

/** Regex source matching a type name in running text (case-insensitive use). */
export const DOC_TYPE_PATTERN = DOC_TYPE_NAMES.map((n) => n.replace(/ /g, "\\s+")).join("|");

/** The type a number's code names; `form` says which side of the slash the code stood on. */
export function docTypeFromCode(code: string, form: "party" | "state" = "party"): DocType | null {
  const key = fold(code);
  return (form === "state" ? STATE_CODES.get(key) ?? PARTY_CODES.get(key) : PARTY_CODES.get(key) ?? STATE_CODES.get(key)) ?? null;
}

const TYPES_BY_FOLDED_NAME = new Map<string, DocType>(DOC_TYPE_NAMES.map((t) => [foldVi(t).toLowerCase(), t]));

export function docTypeFromName(name: string): DocType | null {
  return TYPES_BY_FOLDED_NAME.get(foldVi(name).toLowerCase().replace(/\s+/g, " ").trim()) ?? null;
}

/** The type code conventionally used in numbers for a type (for resolving "Nghị quyết số 20" → "20-NQ/…"). */
export function codeOfType(type: DocType | null): string | null {
  if (!type) return null;
  const entry = DOC_TYPES.find((t) => t.name === type);
  return entry?.party[0] ?? entry?.state[0] ?? null;
}

/** Codes of the types the central bodies (Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư) number as "N-XX/TW". */
const CENTRAL_CODES: Partial<Record<DocType, string>> = {
  "Nghị quyết": "NQ",
  "Kết luận": "KL",
  "Chỉ thị": "CT",
  "Quyết định": "QĐ",
  "Thông báo": "TB",
  "Hướng dẫn": "HD",
};

/** A central Party body as named in a citing sentence ("Ban Chấp hành Trung ương Đảng khóa XI", "Hội nghị Trung ương 6"). */
const CENTRAL_ISSUER = /^(?:Ban\s+Chấp\s+hành\s+Trung\s+ương|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Hội\s+nghị\s+(?:lần\s+thứ\s+\S+\s+)?(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương)(?![\p{L}])/u;

/**
 * The full number of a bare "Nghị quyết số 20 … của Ban Chấp hành Trung ương": central documents are numbered
 * "N-CODE/TW" by convention. Null when the issuer is not a central body or the type has no such code.
 */
export function centralNumber(digits: string, type: DocType | null, issuer: string | null): string | null {
  if (!type || !issuer || !/^\d{1,5}$/.test(digits)) return null;
  const code = CENTRAL_CODES[type];
  return code && CENTRAL_ISSUER.test(issuer.trim()) ? `${digits}-${code}/TW` : null;
}

/** A Party number: digits, type code, issuer code ("844-CV/ĐU", "49-CTrHĐ/TU", "101-HD/BTGTU"). Groups: 1 digits, 2 code, 3 issuer. */
export const NUMBER_PATTERN = String.raw`(\d{1,5})\s*[-–]\s*([A-Za-zĐđ&]{1,8})\s*\/\s*([A-Za-zĐđ0-9]{1,12}(?:-[A-Za-zĐđ0-9]{1,8})?)`;

/**
 * A state number: digits, an optional year, then type code and issuer ("144/KH-UBND", "2597/QĐ-TTg",
 * "137/2024/NĐ-CP", "71/NQ -CP"), or a law's "15/2025/QH15". Groups: 1 digits, 2 year, 3 code, 4 issuer, 5 law issuer.
 */
export const STATE_NUMBER_PATTERN = String.raw`(\d{1,5})\s*\/\s*(?:((?:19|20)\d{2})\s*\/\s*)?(?:([A-ZĐ][A-Za-zĐđ]{0,7})\s*-\s*([A-ZĐ][A-Za-zĐđ0-9]{0,11}(?:-[A-ZĐ][A-Za-zĐđ0-9]{0,8})?)|(QH\d{1,2}|UBTVQH\d{1,2}))(?![\p{L}\d])`;

export interface NumberMatch {
  /** As cited, spacing normalized: "844-CV/ĐU", "144/KH-UBND", "15/2025/QH15". */
  number: string;
  digits: string;
  /** The type code ("CV", "KH", "QĐ"), or null for a law number. */
  code: string | null;
  form: "party" | "state";
  docType: DocType | null;
  index: number;
  length: number;
}

const PARTY_RE = new RegExp(`${NUMBER_PATTERN}(?![\\p{L}\\d])`, "gu");
const STATE_RE = new RegExp(STATE_NUMBER_PATTERN, "gu");

/** Every full number in a text, in order, either form. */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const m of text.matchAll(STATE_RE)) {
    const index = m.index ?? 0;
    // "2024/QĐ-…" inside a date-like run ("ngày 12/2024/…") is not a number.
    if (index > 0 && /[\d/]/.test(text[index - 1]!)) continue;
    const number = m[5] ? `${m[1]}/${m[2] ? `${m[2]}/` : ""}${m[5]}` : `${m[1]}/${m[2] ? `${m[2]}/` : ""}${m[3]}-${m[4]}`;
    if (m[5] && !m[2]) continue;
    out.push({ number, digits: m[1]!, code: m[3] ?? null, form: "state", docType: m[3] ? docTypeFromCode(m[3], "state") : null, index, length: m[0].length });
  }
  for (const m of text.matchAll(PARTY_RE)) {
    const index = m.index ?? 0;
    if (index > 0 && /[\d/]/.test(text[index - 1]!)) continue;
    if (out.some((o) => index < o.index + o.length && o.index < index + m[0].length)) continue;
    out.push({ number: `${m[1]}-${m[2]}/${m[3]}`, digits: m[1]!, code: m[2]!, form: "party", docType: docTypeFromCode(m[2]!, "party"), index, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A whole string read as one number, or null. */
export function parseNumber(text: string): NumberMatch | null {
  const t = text.trim();
  const found = findNumbers(t);
  return found.length === 1 && found[0]!.index === 0 && found[0]!.length === t.length ? found[0]! : null;
}

/** Can a number with this code be a document of this type? ("384-QĐ/TW" may be a Quyết định or a Quy định.) */
export function codeFitsType(code: string | null, type: DocType | null): boolean {
  if (!type || !code) return true;
  const entry = DOC_TYPES.find((t) => t.name === type);
  if (!entry) return true;
  const key = fold(code);
  if (entry.party.includes(key) || entry.state.includes(key) || (entry.accepts ?? []).includes(key)) return true;
  // A state letter is numbered with its issuer's code, not a type's ("1387/SKHCN-QLCN", "215/UBND-KGVX").
  return type === "Công văn" && !DOC_TYPES.some((t) => t.party.includes(key) || t.state.includes(key));
}

/** Normalize the spacing and dash of a number: "844 -CV/ĐU" → "844-CV/ĐU", "71/NQ -CP" → "71/NQ-CP". Null for no match. */
export function normalizeNumber(text: string): string | null {
  return parseNumber(text)?.number ?? null;
}

/** Compare numbers regardless of case, Đ/D and spacing (the two forms stay different: "/" and "-" are kept). */
export function numberKey(number: string): string {
  return foldVi(number).toUpperCase().replace(/\s+/g, "");
}

export interface NumberAlias {
  /** Bare number ("69"). */
  digits: string;
  /** Type when the alias names it ("KL 69" → Kết luận), else null. */
  type: DocType | null;
  /** A full number when the alias carries one, as typed ("2018-CV/TU", "552/kh-ubnd"). */
  full: string | null;
  /** The same number in the other form ("2018/CV-TU" typed for "2018-CV/TU"): tried when `full` names nothing. */
  swapped: string | null;
  /** Where the alias was found in the text. */
  start: number;
  end: number;
  /** The issuer's code typed between the type and the number ("tb vpcp 318" → "vpcp"), folded; absent when none. */
  issuerCode?: string;
}

/** Type words and chat forms, folded, longest first: "chuong trinh hanh dong" before "chuong trinh", "ctrhd" before "ct". */
const ALIAS_WORDS: [string, DocType][] = DOC_TYPES.flatMap((t) => [[foldVi(t.name).toLowerCase(), t.name] as [string, DocType], ...t.chat.map((c) => [foldVi(c), t.name] as [string, DocType])]).sort(
  (a, b) => b[0].length - a[0].length,
);
/**
 * "báo cáo 3 tháng", "kế hoạch 5 năm": a small number followed by a unit of time is a duration, not a document's
 * number ("Kế hoạch 14 năm 2024", "KH 55 năm nay", "KH 55 ngày 20/3", "NQ 05 quy định" are numbers).
 */
const DURATION_AFTER =
  /^\s*(?:thang|tuan|quy(?!\s+(?:dinh|che|mo|trinh|hoach|chuan|tac)(?![a-z]))|ngay(?!\s*\d{1,2}\s*(?:[/.-]|thang))|gio|nam(?!\s*(?:(?:19|20)\d\d|nay|ngoai|truoc|roi|qua|nao|may)(?![a-z0-9])))(?![a-z])/;
/**
 * "hướng dẫn 02 hợp tác xã", "báo cáo 03 xã": a verb of a document's type, then a count of bodies or people, is no
 * document's number. (So is any count written with its leading zero, "kế hoạch 02 thôn"; "KH 12 nhiệm vụ gì" may be
 * Kế hoạch 12's tasks.)
 */
const COUNT_AFTER = /^\s*(?:hop tac xa|doanh nghiep|xa|phuong|thon|to dan pho|ho|nguoi|can bo|cong chuc|don vi|co quan|so|nganh|truong|co so|to|nhom|dia phuong|huyen|tinh)(?![a-z])/;
const VERB_TYPES = new Set(["huong dan", "bao cao", "thong bao", "quyet dinh", "ket luan", "chi thi", "quy dinh", "hd", "bc", "tb"]);
const TYPED_ALIAS = new RegExp(
  String.raw`(?<![a-z0-9])(${ALIAS_WORDS.map(([w]) => w.replace(/ /g, "\\s+")).join("|")})\s*(?:so\s*)?[:.]?\s*(\d{1,5})(?![\d])(?!\s*[-–/]\s*[a-z]{1,8}\s*[/-])`,
  "gi",
);
/**
 * "kh của tỉnh số 86", "nghị quyết của HĐND tỉnh số 05": the type, whose it is, then "số" and the number. The alias is
 * "số 86" with the type read before it; whose it is stays in the question (it picks among documents sharing the number).
 */
const TYPED_OF_ALIAS = new RegExp(
  String.raw`(?<![a-z0-9])(${ALIAS_WORDS.map(([w]) => w.replace(/ /g, "\\s+")).join("|")})\s+(?:cua|do)\s+(?:[a-z]+\s+){1,5}?(so\s*[:.]?\s*(\d{1,5}))(?![\d])(?!\s*[-–/]\s*[a-z]{1,8}\s*[/-])`,
  "gi",
);
const TYPED_CODE_ALIAS = new RegExp(
  String.raw`(?<![a-z0-9])(${ALIAS_WORDS.map(([w]) => w.replace(/ /g, "\\s+")).join("|")})\s+([a-z&]{2,8})\s+(?:so\s*)?(\d{1,5})(?![\d])(?!\s*[-–/]\s*[a-z]{1,8}\s*[/-])`,
  "gi",
);
const PARTY_ALIAS = /(\d{1,5})\s*[-–]\s*([a-z&]{1,8})\s*\/\s*([a-z0-9]{1,12}(?:-[a-z0-9]{1,8})?)/gi;
const STATE_ALIAS = /(\d{1,5})\s*\/\s*(?:((?:19|20)\d{2})\s*\/\s*)?([a-z&]{1,8})\s*-\s*([a-z0-9]{1,12})/gi;

/**
 * Find document-number mentions in a user's text: full numbers in either form ("2018-CV/TU", "552/KH-UBND", also
 * typed the wrong way round, "2018/CV-TU"), and type + bare number ("KL 69", "kết luận số 69", "NQ20", "kh 552").
 */
export function findNumberAliases(text: string): NumberAlias[] {
  const folded = foldVi(text);
  const out: NumberAlias[] = [];
  const overlaps = (start: number, end: number) => out.some((a) => start < a.end && a.start < end);
  for (const m of folded.matchAll(PARTY_ALIAS)) {
    const start = m.index ?? 0;
    out.push({ digits: m[1]!, type: docTypeFromCode(m[2]!, "party"), full: `${m[1]}-${m[2]}/${m[3]}`, swapped: `${m[1]}/${m[2]}-${m[3]}`, start, end: start + m[0].length });
  }
  for (const m of folded.matchAll(STATE_ALIAS)) {
    const start = m.index ?? 0;
    if (overlaps(start, start + m[0].length)) continue;
    // A code that names no type ("1387/SKHCN-QLCN") is a letter's, and a number only where a type word is typed before it.
    let type = docTypeFromCode(m[3]!, "state");
    if (!type) {
      const typed = /(cong van|cv|van ban|vb)\s*(?:so\s*)?$/i.exec(folded.slice(Math.max(0, start - 16), start).trimEnd());
      if (!typed) continue;
      type = /^(cong van|cv)$/i.test(typed[1]!) ? "Công văn" : null;
    }
    const year = m[2] ? `${m[2]}/` : "";
    out.push({ digits: m[1]!, type, full: `${m[1]}/${year}${m[3]}-${m[4]}`, swapped: m[2] ? null : `${m[1]}-${m[3]}/${m[4]}`, start, end: start + m[0].length });
  }
  for (const m of folded.matchAll(TYPED_ALIAS)) {
    const start = m.index ?? 0;
    if (overlaps(start, start + m[0].length)) continue;
    if (m[2]!.length <= 2 && DURATION_AFTER.test(folded.slice(start + m[0].length).toLowerCase())) continue;
    const word = m[1]!.toLowerCase().replace(/\s+/g, " ");
    if (m[2]!.length <= 2 && (VERB_TYPES.has(word) || m[2]!.startsWith("0")) && COUNT_AFTER.test(folded.slice(start + m[0].length).toLowerCase())) continue;
    const type = ALIAS_WORDS.find(([w]) => w === word)?.[1] ?? null;
    out.push({ digits: m[2]!, type, full: null, swapped: null, start, end: start + m[0].length });
  }
  // "tb vpcp 318", "qd ttg 1462": the type, the issuer's code, the number. A code is written without vowels (a word of
  // the language never is: "kh nam 2025" is a plan of a year), or is UBND.
  for (const m of folded.matchAll(TYPED_CODE_ALIAS)) {
    const start = m.index ?? 0;
    const code = m[2]!.toLowerCase();
    if (overlaps(start, start + m[0].length) || (/[aeiouy]/.test(code) && code !== "ubnd")) continue;
    // ("kh cds 2025" is the plan on digital transformation for 2025: a year after a field's initials.)
    if (/^20[0-4]\d$/.test(m[3]!)) continue;
    const word = m[1]!.toLowerCase().replace(/\s+/g, " ");
    out.push({ digits: m[3]!, type: ALIAS_WORDS.find(([w]) => w === word)?.[1] ?? null, full: null, swapped: null, start, end: start + m[0].length, issuerCode: code });
  }
  for (const m of folded.matchAll(TYPED_OF_ALIAS)) {
    const end = (m.index ?? 0) + m[0].length;
    const start = end - m[2]!.length;
    if (overlaps(start, end)) continue;
    if (m[3]!.length <= 2 && DURATION_AFTER.test(folded.slice(end).toLowerCase())) continue;
    const word = m[1]!.toLowerCase().replace(/\s+/g, " ");
    out.push({ digits: m[3]!, type: ALIAS_WORDS.find(([w]) => w === word)?.[1] ?? null, full: null, swapped: null, start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** ISO date from day, month, year strings; null if impossible. */
export function isoDate(d: string | number, m: string | number, y: string | number): string | null {
  const dd = Number(d);
  const mm = Number(m);
  const yy = Number(y);
  if (!Number.isInteger(dd) || !Number.isInteger(mm) || !Number.isInteger(yy)) return null;
  if (yy < 1930 || yy > 2100 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  const date = new Date(Date.UTC(yy, mm - 1, dd));
  if (date.getUTCDate() !== dd) return null;
  return `${yy}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/** A date in running text: "11/01/2024", "11/1/2024", "ngày 11 tháng 01 năm 2024". */
export const DATE_PATTERN = String.raw`(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))`;

export function parseDateText(text: string): string | null {
  const m = new RegExp(DATE_PATTERN, "i").exec(text);
  if (!m) return null;
  return m[1] ? isoDate(m[1], m[2]!, m[3]!) : isoDate(m[4]!, m[5]!, m[6]!);
}

/** A month as dates are written: "01", "02", then "3" … "12". */
function writtenMonth(mm: string): string {
  return Number(mm) < 3 ? mm : String(Number(mm));
}

/** "2024-01-11" → "11/01/2024", "2025-03-28" → "28/3/2025". */
export function displayDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  // As Nghị định 30/2020/NĐ-CP has dates written: a day below 10 and the months 1 and 2 with a leading zero, the others
  // as they are ("05/3/2025", "28/02/2025", "12/8/2025"), the form documents cite each other in.
  if (m) return `${m[3]}/${writtenMonth(m[2]!)}/${m[1]}`;
  // A month without its day (a sidecar may state only that): "2024-05" → "5/2024".
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  return month ? `${writtenMonth(month[2]!)}/${month[1]}` : iso;
}
