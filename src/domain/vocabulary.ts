/**
 * One vocabulary of the field, read by the parser, the analyzer, the answerer, the task register and the quiz:
 * document types with their codes and the forms cadres type, body names with their short forms, the words that
 * open a body's name, central bodies, locality levels and assignment verbs. Nobody keeps a private copy of these.
 * Pure data plus tiny lookups; no I/O.
 */
import { normalizeVi } from "../text/vietnamese.js";

/** Document types. The union grows, never shrinks: stored indexes and JSON outputs carry these names. */
export type DocType =
  | "Nghị quyết"
  | "Kết luận"
  | "Chỉ thị"
  | "Quyết định"
  | "Kế hoạch"
  | "Hướng dẫn"
  | "Công văn"
  | "Chương trình"
  | "Chương trình hành động"
  | "Thông báo"
  | "Báo cáo"
  | "Quy định"
  | "Tờ trình"
  | "Nghị định"
  | "Thông tư"
  | "Luật"
  | "Quy chế"
  | "Đề án"
  | "Công điện"
  | "Thông tri"
  | "Văn bản"
  /** A web page that is no official text (news, questions and answers, commentary): cited as what it is. */
  | "Trang thông tin";

/** A web page's type: never an official text, whatever it quotes. */
export const PAGE_TYPE = "Trang thông tin" satisfies DocType;

/** The word of a local Party committee's name, as a pattern's source: "Tỉnh ủy" (Thanh Hóa), "Quận ủy", "Đặc khu ủy". */
export const LOCAL_COMMITTEE_WORD = String.raw`(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng|Đặc khu)\s+(?:ủy|uỷ)`;

export interface DocTypeEntry {
  name: Exclude<DocType, "Văn bản" | typeof PAGE_TYPE>;
  /**
   * Codes in numbers, compared after folding (Đ → D) and uppercasing. `party` codes appear in "N-CODE/ISSUER"
   * numbers, `state` codes in "N/CODE-ISSUER" ones; most are both, a few differ ("TT" is a Party Thông tri but a
   * state Thông tư).
   */
  party: string[];
  state: string[];
  /** Forms typed in chat, diacritics folded, lowercase ("kl", "nq", "ctrhd"). The folded name is always one. */
  chat: string[];
  /** Other codes a document of this type may carry (a Party Quy định is often numbered "384-QĐ/TW"). */
  accepts?: string[];
}

/** Longest name first where one name starts another ("Chương trình hành động" before "Chương trình"). */
export const DOC_TYPES: DocTypeEntry[] = [
  { name: "Chương trình hành động", party: ["CTRHD", "CTHD"], state: ["CTRHD", "CTHD"], chat: ["ctrhd", "cthd", "ctr hd", "ct hd", "ctrhđ"] },
  { name: "Chương trình", party: ["CTR"], state: ["CTR"], chat: ["ctr"] },
  { name: "Nghị quyết", party: ["NQ"], state: ["NQ"], chat: ["nq"] },
  { name: "Nghị định", party: [], state: ["ND"], chat: ["nd"] },
  { name: "Kết luận", party: ["KL"], state: ["KL"], chat: ["kl"] },
  { name: "Chỉ thị", party: ["CT"], state: ["CT"], chat: ["ct"] },
  { name: "Quyết định", party: ["QD"], state: ["QD"], chat: ["qd"] },
  { name: "Quy định", party: ["QDI"], state: [], chat: ["qdi"], accepts: ["QD"] },
  { name: "Quy chế", party: ["QC"], state: ["QC"], chat: ["qc"] },
  { name: "Kế hoạch", party: ["KH"], state: ["KH"], chat: ["kh"] },
  { name: "Hướng dẫn", party: ["HD"], state: ["HD"], chat: ["hd"] },
  { name: "Công văn", party: ["CV"], state: ["CV"], chat: ["cv"] },
  { name: "Công điện", party: ["CD"], state: ["CD"], chat: ["cd", "cđ"] },
  { name: "Thông báo", party: ["TB"], state: ["TB"], chat: ["tb"] },
  { name: "Thông tri", party: ["TT"], state: [], chat: [] },
  { name: "Thông tư", party: [], state: ["TT"], chat: ["tt"] },
  { name: "Báo cáo", party: ["BC"], state: ["BC"], chat: ["bc"] },
  { name: "Tờ trình", party: ["TTR"], state: ["TTR"], chat: ["ttr"] },
  { name: "Đề án", party: ["DA"], state: ["DA"], chat: [] },
  { name: "Luật", party: [], state: [], chat: [] },
];

/**
 * Types a short form stands for beside its own: cadres type "ct" for a Chương trình ("12-CTr/TU") as often as for a
 * Chỉ thị. Tried only when no document of the type itself has the number.
 */
export const TYPED_ALIKE: Partial<Record<DocType, DocType[]>> = { "Chỉ thị": ["Chương trình hành động", "Chương trình"] };

/** One kind for comparing types a cadre names: a Chương trình hành động is named "chương trình", and its number
 * carries a Chương trình's code. */
export function typeKind(t: DocType): DocType {
  return t === "Chương trình hành động" ? "Chương trình" : t;
}

/** Type names as written in text, longest first. */
export const DOC_TYPE_NAMES: Exclude<DocType, "Văn bản" | typeof PAGE_TYPE>[] = DOC_TYPES.map((t) => t.name).sort((a, b) => b.length - a.length);

/**
 * Types whose caps title word may open an attachment after the signature of the document that carries it
 * ("QUY CHẾ …", "ĐỀ ÁN …", a draft "BÁO CÁO" sent with a letter), beside "PHỤ LỤC".
 */
export const ATTACHMENT_TYPES: DocType[] = ["Quy chế", "Quy định", "Đề án", "Báo cáo", "Kế hoạch", "Chương trình hành động", "Chương trình", "Hướng dẫn"];

/**
 * Short forms of names and terms, expanded before search analysis (matched on lowercase NFC text, one tone
 * convention). Body short forms come first so that "sở kh&cn" reads "sở khoa học và công nghệ".
 */
export const SHORT_FORMS: [RegExp, string][] = [
  [/(?<![\p{L}\p{N}])kh,\s*cn\s*&\s*đmst(?![\p{L}\p{N}])/gu, "khoa học, công nghệ và đổi mới sáng tạo"],
  [/(?<![\p{L}\p{N}])kh\s*&\s*cn(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])khcn(?![\p{L}\p{N}])/gu, "khoa học và công nghệ"],
  // "tt phục vụ hcc": the public service centre's short forms, typed with or without marks.
  [/(?<![\p{L}\p{N}])hcc(?![\p{L}\p{N}])/gu, "hành chính công"],
  // "TT ĐMST", "tt dữ liệu": a centre, where "tt" alone may be a circular (thông tư) or the Prime Minister's.
  [/(?<![\p{L}\p{N}])tt\s+(?=(?:đmst|dmst|đổi mới sáng tạo|dữ liệu|du lieu|phục vụ|phuc vu|hành chính công|hanh chinh cong|giám sát|giam sat|điều hành|dieu hanh)(?![\p{L}\p{N}]))/gu, "trung tâm "],
  // "tk định danh đt mức 2": an electronic identity account ("tk" alone may be "thống kê", "đt" alone "đào tạo").
  [/(?<![\p{L}\p{N}])tk\s+(?=(?:định danh|dinh danh|vneid|dvc|dịch vụ công|dich vu cong)(?![\p{L}\p{N}]))/gu, "tài khoản "],
  [/(?<=(?:định danh|dinh danh)\s+)[đd]t(?![\p{L}\p{N}])/gu, "điện tử"],
  [/(?<![\p{L}\p{N}])đmst(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])dmst(?![\p{L}\p{N}])/gu, "đổi mới sáng tạo"],
  [/(?<![\p{L}\p{N}])cđs(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])cds(?![\p{L}\p{N}])/gu, "chuyển đổi số"],
  [/(?<![\p{L}\p{N}])cnh\s*-\s*hđh(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])cnh\s*-\s*hdh(?![\p{L}\p{N}])/gu, "công nghiệp hóa, hiện đại hóa"],
  [/(?<![\p{L}\p{N}])ubnd(?![\p{L}\p{N}])/gu, "ủy ban nhân dân"],
  [/(?<![\p{L}\p{N}])hđnd(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])hdnd(?![\p{L}\p{N}])/gu, "hội đồng nhân dân"],
  [/(?<![\p{L}\p{N}])ubmttq(?![\p{L}\p{N}])/gu, "ủy ban mặt trận tổ quốc"],
  [/(?<![\p{L}\p{N}])mttq(?![\p{L}\p{N}])/gu, "mặt trận tổ quốc"],
  // "vùng đbdtts", "xã vùng dtts": ethnic minority areas.
  [/(?<![\p{L}\p{N}])[đd]b\s*[đd]tts(?![\p{L}\p{N}])/gu, "đồng bào dân tộc thiểu số"],
  [/(?<![\p{L}\p{N}])[đd]tts(?![\p{L}\p{N}])/gu, "dân tộc thiểu số"],
  [/(?<![\p{L}\p{N}])btv(?![\p{L}\p{N}])/gu, "ban thường vụ"],
  [/(?<![\p{L}\p{N}])btg(?![\p{L}\p{N}])/gu, "ban tuyên giáo"],
  [/(?<![\p{L}\p{N}])bch(?![\p{L}\p{N}])/gu, "ban chấp hành"],
  [/(?<![\p{L}\p{N}])bct(?![\p{L}\p{N}])/gu, "bộ chính trị"],
  [/(?<![\p{L}\p{N}])vptw(?![\p{L}\p{N}])/gu, "văn phòng trung ương đảng"],
  [/(?<![\p{L}\p{N}])vpcp(?![\p{L}\p{N}])/gu, "văn phòng chính phủ"],
  [/(?<![\p{L}\p{N}])ttg(?![\p{L}\p{N}])/gu, "thủ tướng chính phủ"],
  [/(?<![\p{L}\p{N}])đuk(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])duk(?![\p{L}\p{N}])/gu, "đảng ủy khối"],
  [/(?<![\p{L}\p{N}])cqtw(?![\p{L}\p{N}])/gu, "cơ quan trung ương"],
  [/(?<![\p{L}\p{N}])kt\s*-\s*xh(?![\p{L}\p{N}])/gu, "kinh tế - xã hội"],
  [/(?<![\p{L}\p{N}])gd\s*&\s*[dđ]t(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])gd[dđ]t(?![\p{L}\p{N}])/gu, "giáo dục và đào tạo"],
  [/(?<![\p{L}\p{N}])tt\s*&\s*tt(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])tttt(?![\p{L}\p{N}])/gu, "thông tin và truyền thông"],
  [/(?<![\p{L}\p{N}])nn\s*&\s*ptnt(?![\p{L}\p{N}])/gu, "nông nghiệp và phát triển nông thôn"],
  // Body short forms seen in provincial plans' task tables ("Sở KH&ĐT", "Sở TN&MT", "BQL các KCN"); each also as typed
  // without diacritics or the ampersand.
  [/(?<![\p{L}\p{N}])kh\s*&\s*[đd]t(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])kh[đd]t(?![\p{L}\p{N}])/gu, "kế hoạch và đầu tư"],
  [/(?<![\p{L}\p{N}])tn\s*&\s*mt(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])tnmt(?![\p{L}\p{N}])/gu, "tài nguyên và môi trường"],
  // The departments merged in 2025 ("Sở NN&MT": agriculture with natural resources and environment).
  [/(?<![\p{L}\p{N}])nn\s*&\s*mt(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])nnmt(?![\p{L}\p{N}])/gu, "nông nghiệp và môi trường"],
  [/(?<![\p{L}\p{N}])l[đd]\s*-?\s*tb\s*&\s*xh(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])l[đd]tbxh(?![\p{L}\p{N}])/gu, "lao động - thương binh và xã hội"],
  [/(?<![\p{L}\p{N}])vh\s*,?\s*tt\s*&\s*dl(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])vhttdl(?![\p{L}\p{N}])/gu, "văn hóa, thể thao và du lịch"],
  [/(?<![\p{L}\p{N}])gtvt(?![\p{L}\p{N}])/gu, "giao thông vận tải"],
  // Terms of administrative reform as plans and chat write them ("số hóa hồ sơ TTHC", "phòng TC-KH").
  [/(?<![\p{L}\p{N}])tthc(?![\p{L}\p{N}])/gu, "thủ tục hành chính"],
  [/(?<![\p{L}\p{N}])htx(?![\p{L}\p{N}])/gu, "hợp tác xã"],
  [/(?<![\p{L}\p{N}])cchc(?![\p{L}\p{N}])/gu, "cải cách hành chính"],
  [/(?<![\p{L}\p{N}])dvctt(?![\p{L}\p{N}])/gu, "dịch vụ công trực tuyến"],
  [/(?<![\p{L}\p{N}])tc\s*-\s*kh(?![\p{L}\p{N}])/gu, "tài chính - kế hoạch"],
  [/(?<![\p{L}\p{N}])bql(?![\p{L}\p{N}])/gu, "ban quản lý"],
];

/** Short forms written out ("Sở GD&ĐT" → "sở giáo dục và đào tạo", "htx" → "hợp tác xã"), as the search analyzer reads them. */
export function expandShortForms(text: string): string {
  let t = normalizeVi(text);
  for (const [re, rep] of SHORT_FORMS) t = t.replace(re, rep);
  return t;
}

/** Central bodies: documents they issue are the "central" level (never told by file name). */
export const CENTRAL_BODIES = [
  "Ban Chấp hành Trung ương",
  "Bộ Chính trị",
  "Ban Bí thư",
  "Chính phủ",
  "Thủ tướng Chính phủ",
  "Quốc hội",
  "Ủy ban Thường vụ Quốc hội",
  "Văn phòng Trung ương Đảng",
  "Ban Chỉ đạo Trung ương",
];

/**
 * Is a document of this issuer central (the Party's central bodies, the Government, the Prime Minister, the National
 * Assembly, a ministry, a central office) rather than local? Told by the issuer, never by a file name.
 */
export function isCentralIssuer(issuer: string): boolean {
  const i = issuer.trim();
  return (
    CENTRAL_BODIES.some((b) => i === b || i.startsWith(`${b} `)) ||
    /^(?:Bộ|Ban|Ủy ban|Uỷ ban|Văn phòng|Đảng ủy|Đảng uỷ|Hội đồng)\s.*Trung ương(?:\s+Đảng)?$/u.test(i) ||
    /^Bộ\s(?!Chỉ huy)/u.test(i)
  );
}

/** Words that open a body's name (capitalized as in running text). */
export const BODY_HEADS = [
  "Ban",
  "Bộ",
  "Sở",
  "Phòng",
  "Văn phòng",
  "Ủy ban",
  "Uỷ ban",
  "UBND",
  "HĐND",
  "Hội đồng",
  "Hội",
  "Hiệp hội",
  "Đảng ủy",
  "Đảng uỷ",
  "Đảng đoàn",
  "Đảng bộ",
  "Đoàn",
  "Tỉnh đoàn",
  "Tỉnh ủy",
  "Tỉnh uỷ",
  "Thành ủy",
  "Thành uỷ",
  "Huyện ủy",
  "Huyện uỷ",
  "Chi bộ",
  "Công đoàn",
  "Mặt trận",
  "MTTQ",
  "Trung tâm",
  "Viện",
  "Trường",
  "Báo",
  "Đài",
  "Liên đoàn",
  "Liên hiệp",
  "Liên minh",
  "Công an",
  "Bộ Chỉ huy",
  "Thanh tra",
  "Kho bạc",
  "Ngân hàng",
  "Cục",
  "Chi cục",
  "Tổng cục",
  "Tổng Công ty",
  "Cơ quan",
  "Thủ tướng",
  "Chính phủ",
  "Quốc hội",
  "Tòa án",
  "Viện kiểm sát",
  "Bảo hiểm xã hội",
  "Hội Nông dân",
  "Hội Liên hiệp Phụ nữ",
  "Cựu chiến binh",
  "Doanh nghiệp",
  "Các doanh nghiệp",
];

/** Locality levels, as they precede a place name ("tỉnh Đồng Tháp", "thành phố Hà Nội"). */
/**
 * The provinces and centrally-run cities (the 63 before the 2025 merger; the 34 after keep names among them): a place a
 * question names is known as a place even when no document of the corpus is of it. Three are also common words or
 * names once folded ("hòa bình", "tư tưởng Hồ Chí Minh", "Huệ") and count only after a level word.
 */
export const PROVINCES = [
  "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang",
  "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Phú Thọ",
  "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An",
  "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận",
  "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai",
  "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
  "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau", "Hòa Bình", "Hồ Chí Minh",
] as const;
export const PROVINCES_AFTER_LEVEL_ONLY = new Set(["Hòa Bình", "Hồ Chí Minh", "Huế"]);

export const LOCALITY_LEVELS = ["tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường"] as const;

/** How deadlines say that work repeats or never ends (searched anywhere in the deadline text). */
export const RECURRING_WORDS: [RegExp, "ongoing" | "yearly" | "half-yearly" | "quarterly" | "monthly" | "periodic"][] = [
  [/(?<![\p{L}])(?:thường\s+xuyên|liên\s+tục)(?![\p{L}])/iu, "ongoing"],
  [/(?<![\p{L}])(?:định\s+kỳ\s+6\s+tháng|6\s+tháng\s+(?:một|1)\s+lần|(?:hằng|hàng)\s+6\s+tháng|(?:sơ\s+kết\s+)?6\s+tháng\s+đầu\s+năm)(?![\p{L}])/iu, "half-yearly"],
  [/(?<![\p{L}])(?:hằng|hàng)\s+năm(?![\p{L}])|(?<![\p{L}])định\s+kỳ\s+(?:hằng|hàng)\s+năm(?![\p{L}])/iu, "yearly"],
  [/(?<![\p{L}])(?:hằng|hàng)\s+quý(?![\p{L}])/iu, "quarterly"],
  [/(?<![\p{L}])(?:hằng|hàng)\s+tháng(?![\p{L}])/iu, "monthly"],
  [/(?<![\p{L}])định\s+kỳ(?![\p{L}])/iu, "periodic"],
];

/** Lowercase verbs that end an assignee phrase in prose ("Sở X chủ trì…", "Ban Y phối hợp…"). */
export const ASSIGNMENT_VERBS = [
  "chủ trì",
  "phối hợp",
  "chủ động",
  "chỉ đạo",
  "lãnh đạo",
  "tham mưu",
  "phổ biến",
  "nghiên cứu",
  "xây dựng",
  "đẩy mạnh",
  "thực hiện",
  "theo dõi",
  "hướng dẫn",
  "căn cứ",
  "có trách nhiệm",
  "chịu trách nhiệm",
  "triển khai",
  "rà soát",
  "bố trí",
  "tăng cường",
  "quán triệt",
  "đôn đốc",
  "kiểm tra",
  "vận động",
  "tuyên truyền",
  "phát huy",
  "cung cấp",
  "thường xuyên",
  "định kỳ",
  "tiếp tục",
  "khẩn trương",
  "nâng cao",
  "sửa đổi",
  "ban hành",
  "giám sát",
  "đề xuất",
  "bảo đảm",
  "đảm bảo",
  "cụ thể hóa",
  "cụ thể hoá",
  "tập trung",
  "quan tâm",
  "kịp thời",
  "làm tốt",
  "là cơ quan",
  "tổng hợp",
  "hỗ trợ",
  "phát triển",
  "thu hút",
  "báo cáo",
  "thúc đẩy",
  "phát động",
  "là",
  "lồng ghép",
  "đưa",
  "điều phối",
  "gửi",
];
