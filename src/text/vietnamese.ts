/**
 * Vietnamese text facts that break naive code (see ../shared/DOMAIN.md): NFC vs NFD, two tone-mark conventions,
 * the look-alike Ð (U+00D0) for Đ (U+0110), and no-diacritic typing.
 */

const TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
const TONE_AT_END = new RegExp(`^(.*?)([oOuU])([aAeEyY])([${TONE_MARKS}])$`);

/** NFC, and Icelandic Eth (seen in OCR'd and converted files) read as the Vietnamese Đ. */
export function nfc(text: string): string {
  return text.normalize("NFC").replace(/\u00D0/g, "Đ").replace(/\u00F0/g, "đ");
}

/**
 * One tone-mark convention: the tone of a final "oa", "oe", "uy" sits on the first vowel ("hoá" → "hóa",
 * "uỷ" → "ủy", "thuỷ" → "thủy"). "qu" + y keeps its tone on y ("quý"), since "u" belongs to the consonant there.
 */
export function unifyTones(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const decomposed = word.normalize("NFD");
    const m = TONE_AT_END.exec(decomposed);
    if (!m) return word;
    const [, head = "", v1 = "", v2 = "", tone = ""] = m;
    if (/[qQ]$/.test(head) && (v1 === "u" || v1 === "U")) return word;
    // Only plain second vowels: "oă", "uâ"… carry a vowel mark and always have a final consonant anyway.
    return (head + v1 + tone + v2).normalize("NFC");
  });
}

/** Lowercase, NFC, one tone convention: the form every comparison of Vietnamese text goes through. */
export function normalizeVi(text: string): string {
  return unifyTones(nfc(text).toLowerCase());
}

/** Strip all diacritics (and đ → d): the form of no-diacritic typing. A secondary signal, never the only one. */
export function foldVi(text: string): string {
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
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const capitalize = (w: string) => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w);

/** Institutional phrases whose capitalization is fixed, lowercase → proper. Longest first when applied. */
const PROPER_PHRASES = [
  "Ban Chấp hành Trung ương Đảng",
  "Ban Chấp hành Trung ương",
  "Bộ Chính trị",
  "Ban Bí thư",
  "Ban Thường vụ",
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
  "Việt Nam",
  "Tỉnh ủy",
  "Thành ủy",
  "Huyện ủy",
  "Thị ủy",
  "Quận ủy",
  "Đảng ủy",
  "Đảng đoàn",
].sort((a, b) => b.length - a.length);

const LOCALITY_KEYS = /^(tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|tỉnh|thành phố|huyện|quận|thị xã|phường)$/;

/**
 * Turn an all-caps Vietnamese name ("TỈNH ỦY QUẢNG NGÃI", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "T/M BAN THƯỜNG VỤ")
 * into the way it is written in running text ("Tỉnh ủy Quảng Ngãi", "Phó Trưởng ban Thường trực", "T/M Ban Thường vụ").
 * Text that is not all caps is returned unchanged.
 */
export function properCaseVi(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!isUpperText(clean)) return clean;
  const words = nfc(clean).toLowerCase().split(" ");
  const out = words.map((w, i) => (i === 0 ? capitalize(w) : w));
  // Signing-capacity prefixes stay as written.
  if (/^(t\/m|k\/t|t\/l|tm\.?|kt\.?|tl\.?|tuq\.?|q\.)$/i.test(words[0] ?? "")) out[0] = (words[0] ?? "").toUpperCase();
  let joined = out.join(" ");
  const lowerJoined = joined.toLowerCase();
  for (const phrase of PROPER_PHRASES) {
    const lp = phrase.toLowerCase();
    let from = 0;
    for (;;) {
      const at = lowerJoined.indexOf(lp, from);
      if (at < 0) break;
      const before = at === 0 ? " " : lowerJoined[at - 1];
      const after = lowerJoined[at + lp.length] ?? " ";
      if (/[\s(]/.test(before ?? " ") && /[\s),.;:]/.test(after)) {
        joined = joined.slice(0, at) + phrase + joined.slice(at + lp.length);
      }
      from = at + lp.length;
    }
  }
  // A locality after its keyword is a proper name: every syllable capitalized ("tỉnh quảng ngãi" → "tỉnh Quảng Ngãi").
  const parts = joined.split(" ");
  for (let i = 0; i < parts.length; i++) {
    const one = (parts[i] ?? "").toLowerCase();
    const two = `${one} ${(parts[i + 1] ?? "").toLowerCase()}`;
    const keyLen = LOCALITY_KEYS.test(two) ? 2 : LOCALITY_KEYS.test(one) ? 1 : 0;
    if (!keyLen) continue;
    const j = i + keyLen;
    if (j >= parts.length) continue;
    if (/^(và|các|của|trực|thuộc|khối)$/i.test(parts[j] ?? "")) continue;
    for (let k = j; k < parts.length && !/^(và|các|của)$/i.test(parts[k] ?? ""); k++) parts[k] = capitalize(parts[k] ?? "");
    // The keyword itself keeps its written case inside a name ("Tỉnh ủy Quảng Ngãi").
    if (i === 0) parts[0] = capitalize(parts[0] ?? "");
    break;
  }
  return parts.join(" ");
}
