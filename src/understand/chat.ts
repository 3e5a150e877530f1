/**
 * How cadres type in chat, read back into the words of the documents: abbreviations ("ko", "dc", "nv", "cds",
 * "qn"), short words run together ("bnhiu"). Word-level, on the text as typed (diacritics or not); the expanded
 * text keeps every other character where it was. Pure, table-driven.
 */

/** Typed form (lowercase, as typed or folded) → the words it stands for. Only forms that never mean anything else. */
const CHAT_WORDS: Record<string, string> = {
  ko: "không",
  k: "không",
  khg: "không",
  hok: "không",
  hong: "không",
  dc: "được",
  đc: "được",
  duoc: "được",
  vs: "với",
  nv: "nhiệm vụ",
  nvu: "nhiệm vụ",
  tw: "trung ương",
  gd: "giáo dục",
  gv: "giáo viên",
  hs: "học sinh",
  khkt: "khoa học kỹ thuật",
  đu: "đảng ủy",
  hd: "hướng dẫn",
  vb: "văn bản",
  vp: "văn phòng",
  qlvb: "quản lý văn bản",
  qlnn: "quản lý nhà nước",
  cq: "cơ quan",
  tp: "thành phố",
  ng: "người",
  ntn: "như thế nào",
  j: "gì",
  bnhiu: "bao nhiêu",
  bnh: "bao nhiêu",
  bn: "bao nhiêu",
  bh: "bao giờ",
  kl: "kết luận",
  nq: "nghị quyết",
  qd: "quyết định",
  qđ: "quyết định",
  kh: "kế hoạch",
  ctr: "chương trình",
  qc: "quy chế",
  // Before a number "ct" stays as typed (KEEP_BEFORE_NUMBER); alone it is the programme a cadre talks about, never
  // the initials of a place ("Cần Thơ") unless a place word comes first ("tp ct").
  ct: "chương trình",
  cb: "cán bộ",
  dv: "đơn vị",
  đv: "đơn vị",
  pl: "phụ lục",
  sx: "sản xuất",
  xd: "xây dựng",
  dn: "doanh nghiệp",
  sl: "số lượng",
  trc: "trước",
  bc: "báo cáo",
  bcs: "ban cán sự",
  qh: "quốc hội",
  cp: "chính phủ",
  kcn: "khu công nghiệp",
  kcnc: "khu công nghệ cao",
  kkt: "khu kinh tế",
  ccn: "cụm công nghiệp",
  nhiu: "nhiêu",
  ngya: "ngày",
  nafo: "nào",
  dk: "được",
  đk: "được",
  lquan: "liên quan",
  lq: "liên quan",
  ubmt: "ủy ban mặt trận",
  ubkt: "ủy ban kiểm tra",
  btg: "ban tuyên giáo",
  bdv: "ban dân vận",
  btv: "ban thường vụ",
  tdoan: "tỉnh đoàn",
  htct: "hệ thống chính trị",
  cntt: "công nghệ thông tin",
  attt: "an toàn thông tin",
  // "csdl qg": national, a word of its own (a place's initials are read from it only after a place word).
  qg: "quốc gia",
  anm: "an ninh mạng",
  tthc: "thủ tục hành chính",
  dvctt: "dịch vụ công trực tuyến",
  nnl: "nguồn nhân lực",
  csdl: "cơ sở dữ liệu",
  ttdl: "trung tâm dữ liệu",
  dvc: "dịch vụ công",
  ttdt: "thông tin điện tử",
  ttđt: "thông tin điện tử",
  vbqppl: "văn bản quy phạm pháp luật",
  nsnn: "ngân sách nhà nước",
  ktxh: "kinh tế - xã hội",
  "kt-xh": "kinh tế - xã hội",
  kte: "kinh tế",
  xhs: "xã hội số",
  xh: "xã hội",
  tphcm: "thành phố Hồ Chí Minh",
  bcd: "ban chỉ đạo",
  bcđ: "ban chỉ đạo",
  dvhc: "đơn vị hành chính",
  đvhc: "đơn vị hành chính",
  kts: "kinh tế số",
  ktso: "kinh tế số",
  cns: "công nghệ số",
  mtieu: "mục tiêu",
  // Official texts write an e-mail address's "thư điện tử".
  mail: "thư điện tử",
  email: "thư điện tử",
  ktra: "kiểm tra",
  cbcc: "cán bộ, công chức",
  cbccvc: "cán bộ, công chức, viên chức",
  btctw: "ban tổ chức trung ương",
  tcd: "tổ chức đảng",
  tcđ: "tổ chức đảng",
  vn: "Việt Nam",
  ds: "danh sách",
  cty: "công ty",
  sokhcn: "sở khoa học và công nghệ",
  bokhcn: "bộ khoa học và công nghệ",
  // A department's initials as in its document codes ("86/TTr-SKHCN", "1186/SGDĐT-VP"), typed as a word.
  skhcn: "sở khoa học và công nghệ",
  bkhcn: "bộ khoa học và công nghệ",
  sgddt: "sở giáo dục và đào tạo",
  sgdđt: "sở giáo dục và đào tạo",
  bgddt: "bộ giáo dục và đào tạo",
  bgd: "bộ giáo dục và đào tạo",
  sgd: "sở giáo dục và đào tạo",
  bgdđt: "bộ giáo dục và đào tạo",
  syt: "sở y tế",
  snv: "sở nội vụ",
  stp: "sở tư pháp",
  stttt: "sở thông tin và truyền thông",
  sdt: "số điện thoại",
  sđt: "số điện thoại",
  // "tổng chi ns", "ns tỉnh": the budget. A word of its own, so the initials of a place ("Nghi Sơn") are read from
  // it only after a place word ("ở ns", "tx ns").
  ns: "ngân sách",
  tdp: "tổ dân phố",
  tđp: "tổ dân phố",
  cnscd: "công nghệ số cộng đồng",
  hddt: "hóa đơn điện tử",
  hđđt: "hóa đơn điện tử",
  xog: "xong",
  xonh: "xong",
};

/**
 * A type short form followed by a number is a document's name and stays as typed ("kl 69", "kh 552", "qd 2597"):
 * the number resolver reads it.
 */
const KEEP_BEFORE_NUMBER = new Set(["kl", "nq", "qd", "qđ", "kh", "hd", "ctr", "ct", "tb", "bc", "cv", "cd", "cđ"]);

/** A unit after a small number: "6 tháng", "5 năm", "2 quý" count time, they number no document. */
const QUANTITY_UNIT = /^(?:tháng|thang|năm|nam|quý|quy|ngày|ngay|tuần|tuan)$/iu;

/** Place initials a cadre types ("qn", "bn"): expanded only when one place of the corpus has them. */
export interface PlaceInitials {
  /** Initials ("qn") → the place name ("Quảng Ngãi"), only unambiguous ones. */
  get(initials: string): string | undefined;
}

/**
 * Abbreviations of two words, read before the word-level ones: "dt" alone could be "đào tạo", "điện tử" or "đầu
 * tư", and "đh" alone "đại hội"; beside their partner they say one thing.
 */
const CHAT_PHRASES: [RegExp, string][] = [
  [/(?<![\p{L}\d])gd\s*(?:&|-|và|va)?\s*(?:dt|đt)(?![\p{L}\d])/giu, "giáo dục và đào tạo"],
  [/(?<![\p{L}\d])(trường|truong)\s+(?:dh|đh)(?![\p{L}\d])/giu, "$1 đại học"],
  // "gd sở khcn", "pgd so tc": the department's director (deputy) — "gd" before "sở" is no "giáo dục" ("sở gd" is).
  [/(?<![\p{L}\d])pg[dđ](?=\s+(?:sở|so)(?![\p{L}\d]))/giu, "phó giám đốc"],
  [/(?<![\p{L}\d])g[dđ](?=\s+(?:sở|so)(?![\p{L}\d]))/giu, "giám đốc"],
  [/(?<![\p{L}\d])ctr\s*(?:hđ|hd)(?![\p{L}\d])/giu, "chương trình hành động"],
  // "cb cc", "cb, cc": officials and civil servants (the "cc" alone may be a place's initials).
  [/(?<![\p{L}\d])cb\s*,?\s*cc(?![\p{L}\d])/giu, "cán bộ, công chức"],
  // "180tr", "50 trđ": millions of đồng, as the texts write them ("180 triệu đồng").
  [/(?<![\p{L}\d.,])(\d+(?:[.,]\d+)?)\s*(?:tr|trđ|trd)(?![\p{L}\d])/giu, "$1 triệu"],
  // "bộ tc", "sở tc": finance; "ban tc": the Party's organisation board.
  [/(?<![\p{L}\d])(bộ|bo|sở|so)\s+tc(?![\p{L}\d])/giu, "$1 tài chính"],
  [/(?<![\p{L}\d])(ban)\s+tc(?![\p{L}\d])/giu, "$1 tổ chức"],
  // "bộ nv", "sở nv": home affairs ("nv" alone is "nhiệm vụ").
  [/(?<![\p{L}\d])(bộ|bo|sở|so)\s+nv(?![\p{L}\d])/giu, "$1 nội vụ"],
  // "đoàn tn": the Youth Union ("tn" alone may be "tin nhắn", "thí nghiệm").
  [/(?<![\p{L}\d])(đoàn|doan)\s+tn(?![\p{L}\d])/giu, "$1 thanh niên"],
  // "pm kế toán", "pm quản lý văn bản": software ("pm" alone is a private message).
  [/(?<![\p{L}\d])pm(?=\s+(?:kế toán|ke toan|quản lý|quan ly|qlvb|hóa đơn|hoa don|hddt|hđđt|một cửa|mot cua|dùng chung|dung chung)(?![\p{L}\d]))/giu, "phần mềm"],
  // "cv của sở …", "cv số 12": a letter; alone "cv" may be a piece of work ("giao cv gì").
  [/(?<![\p{L}\d])cv(?=\s+(?:của|cua|số|so|do)\s)/giu, "công văn"],
];

/** Expand chat abbreviations word by word. `places` resolves place initials that are not chat words. */
export function expandChat(text: string, places?: PlaceInitials): string {
  for (const [re, words] of CHAT_PHRASES) text = text.replace(re, words);
  // "AI" typed in capitals is artificial intelligence ("kỹ sư AI", "phòng học STEM/AI"), never the question word "ai"
  // ("ai chủ trì khung năng lực AI"); the texts write it out far more often than not ("trí tuệ nhân tạo (AI)"). A
  // question typed all in capitals says nothing either way.
  if (/\p{Ll}/u.test(text)) text = text.replace(/(?<![\p{L}\d])AI(?![\p{L}\d])/gu, "trí tuệ nhân tạo");
  // Document numbers stay as typed ("45-NQ/TW" is no "trung ương"): expanded around, never inside.
  const parts = text.split(/(\d{1,5}\s*[-–/]\s*[\p{L}\d&]+(?:\s*[-/]\s*[\p{L}\d&]+)*)/u);
  if (parts.length > 1) return parts.map((p, i) => (i % 2 ? p : expandWords(p, places))).join("");
  return expandWords(text, places);
}

function expandWords(text: string, places?: PlaceInitials): string {
  const tokens = text.split(/(\s+|[,.;:!?()"“”'/]+)/u);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const low = tok.toLowerCase();
    if (!low || /^\s+$|^[,.;:!?()"“”'/]+$/u.test(low)) {
      out.push(tok);
      continue;
    }
    // A site's address ("TraCuuPhapLy.vn", "chinhphu.vn"): its last part is no chat word.
    if (tokens[i - 1] === "." && /[\p{L}\d]$/u.test(tokens[i - 2] ?? "")) {
      out.push(tok);
      continue;
    }
    const next = tokens.slice(i + 1).find((t) => t.trim()) ?? "";
    // ("bc 6 tháng", "kh 5 năm": a number with its unit is a quantity, not the document's number.)
    const after = tokens.slice(i + 1).filter((t) => t.trim()).slice(1).find((t) => !/^[,.;:!?()"“”'/]+$/u.test(t)) ?? "";
    if (KEEP_BEFORE_NUMBER.has(low) && /^\d{1,2}$/.test(next) && QUANTITY_UNIT.test(after)) {
      out.push(CHAT_WORDS[low] ?? tok);
      continue;
    }
    if (KEEP_BEFORE_NUMBER.has(low) && /^\d/.test(next)) {
      out.push(tok);
      continue;
    }
    // "bn" is Bắc Ninh after a place word ("tỉnh bn", "ở bn"), "bao nhiêu" elsewhere.
    // (The last word before it: "tp" has become "thành phố".)
    const prev = out.filter((t) => t.trim()).pop()?.toLowerCase().split(/\s+/).pop() ?? "";
    // Initials are consonants only ("qn", "bn", "đt", "hcm"): "từ", "tu", "ba" are words, never a place's initials.
    const place = /^[bcdđghklmnpqrstvx]{2,4}$/u.test(low) ? places?.get(low) : undefined;
    if (place && (!CHAT_WORDS[low] || /^(?:tỉnh|tinh|ở|o|tại|tai|của|cua|thành|thanh|phố|pho|huyện|huyen)$/u.test(prev))) {
      out.push(place);
      continue;
    }
    // "ai ki", "người ki": "ký" typed with an i ("định kì" stays a period).
    if (low === "ki" && /^(?:ai|người|nguoi|đã|da|ng)$/u.test(prev)) {
      out.push("ký");
      continue;
    }
    out.push(CHAT_WORDS[low] ?? tok);
  }
  return out.join("");
}
