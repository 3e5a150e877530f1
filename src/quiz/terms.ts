/**
 * Terms as the quiz uses them in blanks: what counts as a term (a lower-case noun phrase of three to six words, not a
 * clause fragment, not opening with a directive verb) and what kind of thing it names, from its head word.
 */
import { memoShort, normCheck } from "./text.js";
import { QUIZ_TUNING } from "./tuning.js";
import { wordCount } from "./sentences.js";

/** Words that show a phrase is a piece of a clause, not a term: a possessive, a plural marker, a verb's helper. */
const NOT_A_TERM = /(?<!\p{L})(của|các|những|là|được|để|nhằm|nhất|đồng thời|đã|sẽ|có|không|chưa|theo|trong|từ|đến|bao gồm|với|cho)(?!\p{L})/iu;

/**
 * What kind of thing a term names, from its head word: a distractor for a term is of the same kind (an institution
 * for "quỹ đầu tư mạo hiểm", a kind of person for "nhà khoa học giỏi"). A term of no known kind gets no blank: its
 * distractors could not be told to be of its kind.
 */
const TERM_KINDS: [string, string[]][] = [
  ["institution", ["kho", "trung tâm", "quỹ", "trường", "viện", "học viện", "sàn", "chợ", "khu", "mạng lưới", "vườn ươm", "phòng thí nghiệm", "cơ sở", "hiệp hội", "tập đoàn", "doanh nghiệp", "cụm", "nền tảng", "hệ thống", "đại học", "văn phòng", "cổng", "hạ tầng", "tổ chức dịch vụ", "tổ chức trung gian"]],
  ["person", ["kỹ sư", "nông dân", "phụ nữ", "nhà", "chuyên gia", "cán bộ", "nhân tài", "sinh viên", "đội ngũ", "người", "thanh niên", "trí thức", "doanh nhân", "nhân lực", "giảng viên", "học sinh", "nhóm nghiên cứu"]],
  ["technology", ["công nghệ", "thiết bị", "phần mềm", "dữ liệu", "trí tuệ nhân tạo", "vật liệu", "năng lượng", "chuyển đổi số"]],
  ["field", ["kinh tế", "nông nghiệp", "công nghiệp", "thương mại", "du lịch", "lĩnh vực", "ngành", "thị trường", "chuỗi"]],
  ["instrument", ["chính sách", "cơ chế", "chiến lược", "chương trình", "đề án", "tiêu chuẩn", "chuẩn mực", "quy chuẩn", "thông lệ", "quy hoạch", "luật", "hiệp định"]],
  ["activity", ["cải tiến", "hợp lý hoá", "hợp lý hóa", "phản biện", "tư vấn", "đào tạo", "chuyển giao", "thử nghiệm", "triển lãm", "sáng chế", "sáng kiến", "khởi nghiệp", "định giá", "môi giới", "thống kê", "dự báo"]],
  ["party", ["ban cán sự", "đảng đoàn", "đảng uỷ", "đảng ủy", "ban đảng", "cấp uỷ", "cấp ủy", "tổ chức đảng", "chi bộ", "ban thường vụ", "tỉnh uỷ", "tỉnh ủy", "thành uỷ", "thành ủy"]],
];
const HEADS = TERM_KINDS.flatMap(([kind, heads]) => heads.map((h) => [normCheck(h), kind] as const)).sort((a, b) => b[0].length - a[0].length);

/** The kind of thing a term names, or null. */
export const termKind = memoKind;
function termKindOf(term: string): string | null {
  const t = `${normCheck(term)} `;
  for (const [h, kind] of HEADS) if (t.startsWith(`${h} `)) return kind;
  return null;
}

/**
 * The shape of a term worth a blank: a lower-case noun phrase of three to six words (shorter ones are everyday words
 * several options could replace), without digits, not a clause fragment, not opening with a directive verb
 * ("phát triển …", "tạo …"), naming a known kind of thing.
 */
export function isContentTermShape(term: string): boolean {
  const n = wordCount(term);
  if (n < QUIZ_TUNING.termWords.min || n > QUIZ_TUNING.termWords.max || /\d/.test(term) || !/^\p{Ll}/u.test(term)) return false;
  if (NOT_A_TERM.test(term)) return false;
  return !DIRECTIVE_VERBS.has(normCheck(term).split(" ")[0]!) && termKind(term) !== null;
}

/** Single-word verbs that open clauses, not terms ("tạo sự đồng bộ", "định kỳ sơ kết"). */
const DIRECTIVE_VERBS = new Set(["tạo", "định", "xây", "nâng", "tăng", "đẩy", "thúc", "phát", "hoàn", "đổi", "thực", "triển", "tổ", "chú", "quan", "bảo", "đảm", "khuyến", "hỗ", "thu", "mở", "gắn"].map(normCheck));


const kindMemo = memoShort((term: string) => termKindOf(term) ?? "");
function memoKind(term: string): string | null {
  return kindMemo(term) || null;
}
