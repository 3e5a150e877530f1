/**
 * Document numbers ("số hiệu") and types: "Số 844 -CV/ĐU" → "844-CV/ĐU", "CTrHĐ" → Chương trình hành động,
 * and the aliases a cadre types ("KL 69", "nghị quyết 20", "NQ20", "2018/CV-TU").
 */
import type { DocType } from "./model.js";
import { foldVi } from "../text/vietnamese.js";

/** Type code in a number → type. Keys are compared after folding (Đ → D) and uppercasing. */
const CODE_TYPES: Record<string, DocType> = {
  NQ: "Nghị quyết",
  KL: "Kết luận",
  CT: "Chỉ thị",
  QD: "Quyết định",
  QDI: "Quy định",
  KH: "Kế hoạch",
  HD: "Hướng dẫn",
  CV: "Công văn",
  CTR: "Chương trình",
  CTRHD: "Chương trình hành động",
  CTHD: "Chương trình hành động",
  TB: "Thông báo",
  BC: "Báo cáo",
  TTR: "Tờ trình",
};

/** Type names as written in text, longest first (so "Chương trình hành động" wins over "Chương trình"). */
export const DOC_TYPE_NAMES: DocType[] = [
  "Chương trình hành động",
  "Chương trình",
  "Nghị quyết",
  "Kết luận",
  "Chỉ thị",
  "Quyết định",
  "Quy định",
  "Kế hoạch",
  "Hướng dẫn",
  "Công văn",
  "Thông báo",
  "Báo cáo",
  "Tờ trình",
];

/** Regex source matching a type name in running text (case-insensitive use). */
export const DOC_TYPE_PATTERN = DOC_TYPE_NAMES.map((n) => n.replace(/ /g, "\\s+")).join("|");

export function docTypeFromCode(code: string): DocType | null {
  return CODE_TYPES[foldVi(code).toUpperCase()] ?? null;
}

const TYPES_BY_FOLDED_NAME = new Map<string, DocType>(DOC_TYPE_NAMES.map((t) => [foldVi(t).toLowerCase(), t]));

export function docTypeFromName(name: string): DocType | null {
  return TYPES_BY_FOLDED_NAME.get(foldVi(name).toLowerCase().replace(/\s+/g, " ").trim()) ?? null;
}

/** The type code conventionally used in numbers for a type (for resolving "Nghị quyết số 20" → "20-NQ/…"). */
export function codeOfType(type: DocType | null): string | null {
  if (!type) return null;
  for (const [code, t] of Object.entries(CODE_TYPES)) if (t === type) return code;
  return null;
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

/** A central body as named in a citing sentence ("Ban Chấp hành Trung ương Đảng khóa XI", "Hội nghị Trung ương 6"). */
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

/** A full number: digits, type code, issuer code ("844-CV/ĐU", "49-CTrHĐ/TU", "101-HD/BTGTU"). */
export const NUMBER_PATTERN = String.raw`(\d{1,5})\s*[-–]\s*([A-Za-zĐđ&]{1,8})\s*\/\s*([A-Za-zĐđ0-9]{1,12}(?:-[A-Za-zĐđ0-9]{1,8})?)`;

/** Normalize the spacing and dash of a number: "844 -CV/ĐU" → "844-CV/ĐU". Returns null for no match. */
export function normalizeNumber(text: string): string | null {
  const m = new RegExp(`^${NUMBER_PATTERN}$`).exec(text.trim());
  if (!m) return null;
  return `${m[1]}-${m[2]}/${m[3]}`;
}

/** Compare numbers regardless of case, Đ/D and spacing. */
export function numberKey(number: string): string {
  return foldVi(number).toUpperCase().replace(/\s+/g, "");
}

export interface NumberAlias {
  /** Bare number ("69"). */
  digits: string;
  /** Type when the alias names it ("KL 69" → Kết luận), else null. */
  type: DocType | null;
  /** A full number when the alias carries one, possibly typed the wrong way round ("2018/CV-TU" → "2018-CV/TU"). */
  full: string | null;
  /** Where the alias was found in the text. */
  start: number;
  end: number;
}

const ALIAS_TYPE_WORDS: [RegExp, DocType][] = [
  [/^(nghi quyet|nq)$/, "Nghị quyết"],
  [/^(ket luan|kl)$/, "Kết luận"],
  [/^(chi thi|ct)$/, "Chỉ thị"],
  [/^(quyet dinh|qd)$/, "Quyết định"],
  [/^(ke hoach|kh)$/, "Kế hoạch"],
  [/^(huong dan|hd)$/, "Hướng dẫn"],
  [/^(cong van|cv)$/, "Công văn"],
  [/^(chuong trinh hanh dong|ctrhd|cthd)$/, "Chương trình hành động"],
  [/^(chuong trinh|ctr)$/, "Chương trình"],
  [/^(thong bao|tb)$/, "Thông báo"],
  [/^(bao cao|bc)$/, "Báo cáo"],
];

/**
 * Find document-number mentions in a user's text: full numbers (either order of code and issuer: "2018-CV/TU",
 * "2018/CV-TU"), and type + bare number ("KL 69", "kết luận số 69", "NQ20", "nghi quyet 20").
 */
export function findNumberAliases(text: string): NumberAlias[] {
  const folded = foldVi(text);
  const out: NumberAlias[] = [];
  const full = new RegExp(NUMBER_PATTERN, "g");
  for (const m of folded.matchAll(full)) {
    const start = m.index ?? 0;
    out.push({ digits: m[1]!, type: docTypeFromCode(m[2]!), full: `${m[1]}-${m[2]}/${m[3]}`, start, end: start + m[0].length });
  }
  // Wrong way round: "2018/CV-TU".
  for (const m of folded.matchAll(/(\d{1,5})\s*\/\s*([A-Za-z&]{1,8})\s*-\s*([A-Za-z0-9]{1,12})/g)) {
    const start = m.index ?? 0;
    if (out.some((a) => start < a.end && a.start < start + m[0].length)) continue;
    const type = docTypeFromCode(m[2]!);
    if (!type) continue;
    out.push({ digits: m[1]!, type, full: `${m[1]}-${m[2]}/${m[3]}`, start, end: start + m[0].length });
  }
  const typed =
    /\b(nghi quyet|ket luan|chi thi|quyet dinh|ke hoach|huong dan|cong van|chuong trinh hanh dong|chuong trinh|thong bao|bao cao|nq|kl|ct|qd|kh|hd|cv|ctrhd|cthd|ctr|tb|bc)\s*(?:so\s*)?[:.]?\s*(\d{1,5})\b(?!\s*[-–/]\s*[a-z]{1,8}\s*\/)/gi;
  for (const m of folded.matchAll(typed)) {
    const start = m.index ?? 0;
    if (out.some((a) => start < a.end && a.start < start + m[0].length)) continue;
    const word = m[1]!.toLowerCase().replace(/\s+/g, " ");
    const type = ALIAS_TYPE_WORDS.find(([re]) => re.test(word))?.[1] ?? null;
    out.push({ digits: m[2]!, type, full: null, start, end: start + m[0].length });
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

/** "2024-01-11" → "11/01/2024". */
export function displayDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  // A month without its day (a sidecar may state only that): "2024-05" → "05/2024".
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  return month ? `${month[2]}/${month[1]}` : iso;
}
