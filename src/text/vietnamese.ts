/**
 * Vietnamese text facts that break naive code (see ../shared/DOMAIN.md): NFC vs NFD, two tone-mark conventions,
 * the look-alike Ð (U+00D0) for Đ (U+0110), and no-diacritic typing.
 */


/** NFC, and Icelandic Eth (seen in OCR'd and converted files) read as the Vietnamese Đ. */
export function nfc(text: string): string {
  return text.normalize("NFC").replace(/\u00D0/g, "Đ").replace(/\u00F0/g, "đ");
}

/**
 * One tone-mark convention: the tone of a final "oa", "oe", "uy" sits on the first vowel ("hoá" → "hóa",
 * "uỷ" → "ủy", "thuỷ" → "thủy"). "qu" + y keeps its tone on y ("quý"), since "u" belongs to the consonant there.
 */
export function unifyTones(text: string): string {
  // Only a final "oa/oe/uy" with its tone on the second vowel changes: find those pairs directly instead of
  // decomposing every word (this runs over every indexed text).
  return text.replace(OLD_STYLE, (pair: string, v1: string, v2: string, offset: number, whole: string) => {
    if ((v1 === "u" || v1 === "U") && /[qQ]/.test(whole[offset - 1] ?? "")) return pair;
    const [base = "", tone = ""] = [...v2.normalize("NFD")];
    const ok = ((v1 === "o" || v1 === "O") && /[aAeE]/.test(base)) || ((v1 === "u" || v1 === "U") && /[yY]/.test(base));
    return ok ? `${(v1 + tone).normalize("NFC")}${base}` : pair;
  });
}

/** A vowel followed by a toned a/e/y that ends the word (NFC, either case). */
const OLD_STYLE = /([oOuU])([áàảãạéèẻẽẹýỳỷỹỵÁÀẢÃẠÉÈẺẼẸÝỲỶỸỴ])(?![\p{L}\p{M}])/gu;

/**
 * Per-word memo for the hot paths (indexing runs these on every syllable): Vietnamese has a few thousand
 * syllables, so a bounded map turns repeated Unicode work into one lookup.
 */
function memo(fn: (word: string) => string, limit = 100_000): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let out = cache.get(word);
    if (out === undefined) {
      out = fn(word);
      if (cache.size >= limit) cache.clear();
      cache.set(word, out);
    }
    return out;
  };
}



/** Lowercase, NFC, one tone convention: the form every comparison of Vietnamese text goes through. */
export function normalizeVi(text: string): string {
  return unifyTones(nfc(text).toLowerCase());
}

/** Strip all diacritics (and đ → d): the form of no-diacritic typing. A secondary signal, never the only one. */
export function foldVi(text: string): string {
  if (/^[\x00-\x7F]*$/.test(text)) return text;
  // Single words (the indexing hot path) go through the memo; longer texts are folded directly.
  return text.length <= 12 && !text.includes(" ") ? foldWord(text) : foldText(text);
}

const foldWord = memo((word: string) => foldText(word));

function foldText(text: string): string {
  return nfc(text)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** True when the text has at least one Vietnamese diacritic (i.e. the user did type them). */
export function hasDiacritics(text: string): boolean {
  return foldVi(text) !== nfc(text);
}

/** Letters that are uppercase only (ignoring digits and punctuation): headings, issuer blocks. */
export function isUpperText(text: string): boolean {
  // No lower-case letter, an upper-case one, two letters: the first test stops at the first lower-case letter, so
  // prose (most lines of a document, some thousands of characters long) is answered in a few characters, no copy made.
  return !LOWERCASE.test(text) && UPPERCASE.test(text) && TWO_LETTERS.test(text);
}
const LOWERCASE = /\p{Ll}/u;
const UPPERCASE = /\p{Lu}/u;
const TWO_LETTERS = /\p{L}[^]*\p{L}/u;

const capitalize = (w: string) => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w);

/** Institutional phrases whose capitalization is fixed, lowercase → proper. Longest first when applied. */
const PROPER_PHRASES = [
  "Ban Chấp hành Trung ương Đảng",
  "Ban Chấp hành Trung ương",
  "Ban Chấp hành",
  "Ban Chỉ đạo",
  "Ban cán sự đảng",
  "Bộ Chính trị",
  "Ban Bí thư",
  "Ban Thường vụ",
  "Ban Tuyên giáo và Dân vận",
  "Ban Tuyên giáo",
  "Ban Tổ chức",
  "Ban Dân vận",
  "Ban Nội chính",
  "Ban Kinh tế",
  "Ủy ban Kiểm tra",
  "Đảng ủy Khối",
  "Văn phòng",
  "Trung ương",
  "Quốc hội",
  "Chính phủ",
  "Tỉnh Đoàn",
  "Mặt trận Tổ quốc Việt Nam",
  "Mặt trận Tổ quốc",
  "Ủy ban nhân dân",
  "Hội đồng nhân dân",
  "Sở Giáo dục và Đào tạo",
  "Sở Khoa học và Công nghệ",
  "Sở Thông tin và Truyền thông",
  "Đảng Cộng sản Việt Nam",
  "Bí thư",
  "Phó Bí thư",
  "Trưởng ban",
  "Phó Trưởng ban",
  "Thường trực",
  "Chủ tịch",
  "Phó Chủ tịch",
  "Giám đốc",
  "Phó Giám đốc",
  "Chánh Văn phòng",
  "Văn phòng Trung ương Đảng",
  "Trung ương Đảng",
  "Phó Thủ tướng",
  "Thủ tướng Chính phủ",
  "Thủ tướng",
  "Bộ trưởng",
  "Thứ trưởng",
  "Ban Chỉ đạo Trung ương",
  "Việt Nam",
  "Tỉnh ủy",
  "Thành ủy",
  "Huyện ủy",
  "Thị ủy",
  "Quận ủy",
  "Đảng ủy",
  "Đảng đoàn",
].sort((a, b) => b.length - a.length);

/** Words that never belong to a place name: the title goes on after it ("tỉnh Bắc Ninh giai đoạn 2026 - 2030"). */
const PLACE_STOP =
  /^(?:và|các|của|về|giai|đoạn|đến|năm|trong|trên|đối|với|theo|thời|kỳ|nhiệm|khóa|khoá|lần|tại|cho|để|nhằm|giữa|từ|sau|trước|thực|hiện|phát|triển|tầm|nhìn|định|hướng|lĩnh|vực|ngành|công|tác|là|có|được|gắn|nhanh|bền|vững|\d.*|[,.;:()].*)$/iu;

/** Acronyms a caps title keeps as they are written in running text. */
const ACRONYMS = new Map(["IOT:IoT", "AI:AI", "5G:5G", "4G:4G", "CNTT:CNTT", "PPP:PPP", "FDI:FDI", "ODA:ODA", "GRDP:GRDP", "GDP:GDP", "BIM:BIM", "GIS:GIS", "VNEID:VNeID", "R&D:R&D", "KH&CN:KH&CN", "ĐMST:ĐMST", "CĐS:CĐS", "UBND:UBND", "HĐND:HĐND", "MTTQ:MTTQ"].map((p) => p.split(":") as [string, string]));

const LOCALITY_KEYS = /^(tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|đặc khu ủy|tỉnh|thành phố|huyện|quận|thị xã|thị trấn|phường|xã|đặc khu)$/;

/** Document type names, capitalized when they name a document ("KẾT LUẬN SỐ 69" → "Kết luận số 69"). */
const TYPE_NAMES = /^(nghị quyết|kết luận|chỉ thị|quyết định|quy định|kế hoạch|hướng dẫn|công văn|chương trình hành động|chương trình|thông báo|báo cáo|tờ trình)$/;

/** Give `target` the letter case of `model`, character by character (same length: tone placement never changes it). */
function withCaseOf(target: string, model: string): string {
  let out = "";
  for (let i = 0; i < target.length; i++) {
    const m = model[i] ?? "";
    const t = target[i] ?? "";
    out += m !== m.toLowerCase() ? t.toUpperCase() : t.toLowerCase();
  }
  return out;
}

/**
 * Turn an all-caps Vietnamese name ("TỈNH ỦY QUẢNG NGÃI", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "T/M BAN THƯỜNG VỤ")
 * into the way it is written in running text ("Tỉnh ủy Quảng Ngãi", "Phó Trưởng ban Thường trực", "T/M Ban Thường vụ").
 * Both tone conventions are recognized and the one written is kept ("TỈNH UỶ" → "Tỉnh uỷ"). Numbers and codes
 * ("69-KL/TW") and Roman numerals after "khóa"/"lần thứ" keep their capitals. Text that is not all caps is returned unchanged.
 */
/** Each of PROPER_PHRASES with the key it is found by (lowercase, one tone convention): made once, not per call. */
let phraseKeys: [string, string][] | null = null;
function properPhraseKeys(): [string, string][] {
  phraseKeys ??= PROPER_PHRASES.map((phrase) => [phrase, unifyTones(phrase.toLowerCase())]);
  return phraseKeys;
}

export function properCaseVi(text: string): string {
  const clean = nfc(text).replace(/\s+/g, " ").trim();
  if (!isUpperText(clean)) return clean;
  const original = clean.split(" ");
  const words = clean.toLowerCase().split(" ");
  const out = words.map((w, i) => (i === 0 ? capitalize(w) : w));
  // Signing-capacity prefixes, numbers and codes stay as written.
  if (/^(t\/m|k\/t|t\/l|tm\.?|kt\.?|tl\.?|tuq\.?|q\.)$/i.test(words[0] ?? "")) {
    out[0] = (words[0] ?? "").toUpperCase();
    // The name signed for starts with a capital: "TM. BAN CHẤP HÀNH" → "TM. Ban Chấp hành".
    if (out.length > 1) out[1] = capitalize(out[1] ?? "");
  }
  words.forEach((w, i) => {
    if (/\d/.test(w)) out[i] = original[i] ?? w;
    const acronym = ACRONYMS.get((original[i] ?? "").replace(/[,.;:]+$/, ""));
    if (acronym) out[i] = acronym + (original[i] ?? "").slice(acronym.length);
  });
  // Phrases are found in one tone convention; the written letters are kept, only their case changes.
  const key = unifyTones(out.join(" ").toLowerCase());
  let joined = out.join(" ");
  for (const [phrase, lp] of properPhraseKeys()) {
    let from = 0;
    for (;;) {
      const at = key.indexOf(lp, from);
      if (at < 0) break;
      const before = at === 0 ? " " : key[at - 1];
      const after = key[at + lp.length] ?? " ";
      if (/[\s(]/.test(before ?? " ") && /[\s),.;:]/.test(after)) {
        joined = joined.slice(0, at) + withCaseOf(joined.slice(at, at + lp.length), phrase) + joined.slice(at + lp.length);
      }
      from = at + lp.length;
    }
  }
  const parts = joined.split(" ");
  const lowerKey = (k: number) => unifyTones((parts[k] ?? "").toLowerCase());
  // A type name followed by "số" or a number names a document: "Kết luận số 69-KL/TW".
  for (let i = 0; i < parts.length; i++) {
    for (const len of [3, 2]) {
      const name = Array.from({ length: len }, (_, k) => lowerKey(i + k)).join(" ");
      const next = lowerKey(i + len);
      if (TYPE_NAMES.test(name) && (next === "số" || /^\d/.test(next))) {
        parts[i] = capitalize(parts[i] ?? "");
        break;
      }
    }
  }
  // A ministry or department names its fields with a capital each: "Bộ Khoa học và Công nghệ", "Sở Văn hóa, Thể
  // thao và Du lịch" is written "Sở Văn hóa, Thể thao và Du lịch".
  if (/^(?:bộ|sở)$/.test(lowerKey(0)) && !/^(?:chính|chỉ)$/.test(lowerKey(1))) {
    for (let i = 1; i < parts.length; i++) {
      if (LOCALITY_KEYS.test(lowerKey(i)) || LOCALITY_KEYS.test(`${lowerKey(i)} ${lowerKey(i + 1)}`)) break;
      if (i === 1 || lowerKey(i - 1) === "và" || /,$/.test(parts[i - 1] ?? "")) parts[i] = capitalize(parts[i] ?? "");
    }
  }
  // Roman numerals of a term or conference: "khóa XI", "lần thứ VI".
  for (let i = 1; i < parts.length; i++) {
    if (/^(khóa|khoá|thứ)$/.test(parts[i - 1]!.toLowerCase()) && /^[ivxl]+$/i.test(parts[i]!)) parts[i] = parts[i]!.toUpperCase();
  }
  // A university named by its place ends the line: "ĐẠI HỌC HUẾ", "TRƯỜNG ĐẠI HỌC CẦN THƠ", "ĐẠI HỌC QUỐC GIA HÀ NỘI".
  const university = /^(?:trường )?đại học (?:quốc gia )?/u.exec(parts.map((_, k) => lowerKey(k)).join(" "));
  if (university) {
    const from = university[0].trim().split(" ").length;
    if (parts.length - from >= 1 && parts.length - from <= 3 && !parts.slice(from).some((w) => PLACE_STOP.test(w))) {
      if (lowerKey(0) === "trường") parts[1] = capitalize(parts[1] ?? "");
      if (/quốc gia $/u.test(university[0])) parts[from - 2] = capitalize(parts[from - 2] ?? "");
      for (let k = from; k < parts.length; k++) parts[k] = capitalize(parts[k] ?? "");
      return parts.join(" ");
    }
  }
  // A locality after its keyword is a proper name: every syllable capitalized ("tỉnh quảng ngãi" → "tỉnh Quảng Ngãi").
  for (let i = 0; i < parts.length; i++) {
    const one = lowerKey(i);
    const two = `${one} ${lowerKey(i + 1)}`;
    const keyLen = LOCALITY_KEYS.test(two) ? 2 : LOCALITY_KEYS.test(one) ? 1 : 0;
    if (!keyLen) continue;
    let j = i + keyLen;
    // A committee of a city named with its level: "Thành ủy Thành phố Hồ Chí Minh", the level part of the name.
    if (keyLen === 2 && / (?:ủy|uỷ)$/u.test(two) && `${lowerKey(j)} ${lowerKey(j + 1)}` === "thành phố") {
      parts[j] = capitalize(parts[j] ?? "");
      j += 2;
    }
    if (j >= parts.length) continue;
    if (/^(và|các|của|trực|thuộc|khối|ủy|uỷ|hội|nhà|nông)$/i.test(parts[j] ?? "")) continue;
    // A place name is one to three syllables ("Bắc Ninh", "Thừa Thiên Huế"); what follows is the title going on.
    let syllables = 0;
    // "Từ" opens a place ("Từ Sơn", "Từ Liêm") where it comes first and no date follows ("từ năm 2025" is a time).
    const opensPlace = (k: number) => k === j && /^từ$/iu.test(parts[k] ?? "") && !/^(?:năm|ngày|tháng|\d.*)$/iu.test(parts[k + 1] ?? "") && k + 1 < parts.length;
    for (let k = j; k < parts.length && syllables < 3 && (opensPlace(k) || !PLACE_STOP.test(parts[k] ?? "")); k++) {
      if (/^[-–]$/.test(parts[k] ?? "")) continue;
      if (!/\d/.test(parts[k] ?? "")) parts[k] = capitalize(parts[k] ?? "");
      syllables++;
    }
    // The keyword itself keeps its written case inside a name ("Tỉnh ủy Quảng Ngãi").
    if (i === 0) parts[0] = capitalize(parts[0] ?? "");
    break;
  }
  return parts.join(" ");
}

/** A name's initials as cadres type them ("Quảng Ngãi" → "qn"); null for a one-word name. */
export function initialsOf(name: string): string | null {
  const words = foldVi(name).toLowerCase().split(/\s+/).filter(Boolean);
  return words.length < 2 ? null : words.map((w) => w[0]).join("");
}
