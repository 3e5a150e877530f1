/**
 * Party and state bodies as options: their level (a distractor is of the answer's level: central bodies for a task
 * the Politburo gives, never a district youth committee) and a clean single name.
 *
 * The level words and the central bodies belong in the domain vocabulary (STYLE.md, room 2) once it exists; they
 * live here until then, and only the quiz reads them.
 */
import { foldVi } from "../text/vietnamese.js";

export type Level = "central" | "province" | "district" | "commune" | "unknown";

const CENTRAL = /Trung ương|Bộ Chính trị|Ban Bí thư|Quốc hội|Chính phủ|Thủ tướng|Việt Nam$|^Bộ\s+\p{Lu}|^Văn phòng Trung ương/u;
const COMMUNE = /(?<!\p{L})(xã|phường|thị trấn|Đảng ủy xã|Đảng uỷ xã)(?!\p{L})/u;
const DISTRICT = /(?<!\p{L})(huyện|quận|thị xã|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|Thị ủy|Thị uỷ)(?!\p{L})/u;
const PROVINCE = /(?<!\p{L})(tỉnh|Tỉnh|thành phố|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Sở|Tỉnh đoàn|Tỉnh Đoàn)(?!\p{L})/u;

/** The level of a body, from its name. */
export function bodyLevel(body: string): Level {
  if (COMMUNE.test(body)) return "commune";
  if (DISTRICT.test(body)) return "district";
  if (PROVINCE.test(body)) return "province";
  if (CENTRAL.test(body)) return "central";
  return "unknown";
}

/**
 * Central bodies a central document's questions may offer besides those the corpus names: Kết luận 69 names few
 * bodies, and three distractors of the Politburo's level must come from somewhere other than the local documents.
 */
export const CENTRAL_BODIES = [
  "Bộ Chính trị",
  "Ban Bí thư",
  "Ban Chấp hành Trung ương Đảng",
  "Ban Tổ chức Trung ương",
  "Ban Tuyên giáo Trung ương",
  "Ban Dân vận Trung ương",
  "Ban Kinh tế Trung ương",
  "Ban Nội chính Trung ương",
  "Ban Đối ngoại Trung ương",
  "Ủy ban Kiểm tra Trung ương",
  "Văn phòng Trung ương Đảng",
  "Đảng đoàn Quốc hội",
  "Ban cán sự đảng Chính phủ",
  "Đảng đoàn Mặt trận Tổ quốc Việt Nam",
  "Đảng ủy Khối các cơ quan Trung ương",
  "Quân ủy Trung ương",
  "Đảng ủy Công an Trung ương",
];

/**
 * The Party's leading bodies: they lead everything, so "Bộ Chính trị chỉ đạo …" is never certainly wrong. Not
 * offered as the wrong body for a task, nor swapped into a statement.
 */
export const LEADERSHIP = new Set(["Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương"].map((b) => foldVi(b.toLowerCase())));

export function isLeadership(body: string): boolean {
  return LEADERSHIP.has(foldVi(body.toLowerCase().replace(/\s+/g, " ").trim()));
}

/**
 * One body's name as an option, or null: starts with a capital, names one body (no list with commas), not a
 * collective ("Các cấp ủy…", which may include the true answer), at most 100 characters, the term of a Central
 * Committee dropped ("Ban Chấp hành Trung ương Đảng khóa XI" is the same body in every term).
 */
export function cleanBody(raw: string): string | null {
  const b = raw
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/\s+(khóa|khoá)\s+[IVXL]+$/iu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (b.length < 6 || b.length > 100 || b.includes(",")) return null;
  if (!/^\p{Lu}/u.test(b) || /^(Các|Những|Mỗi)\s/u.test(b) || /(?<!\p{L})(các|những)(?!\p{L})/u.test(b)) return null;
  if (/^(Hội nghị|Đại hội)(?!\p{L})/u.test(b)) return null;
  return b;
}
