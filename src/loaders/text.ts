import { FormatError } from "./errors.js";

export const EMPTY_FILE = "tệp rỗng";
export const BINARY_FILE = "tệp nhị phân, không phải văn bản";
export const LEGACY_BYTES =
  "tệp không phải UTF-8 (có vẻ dùng bảng mã cũ như TCVN3, VNI hoặc Windows-1258) — hãy mở tệp và lưu lại với bảng mã Unicode UTF-8";
export const LEGACY_GLYPHS =
  "chữ tiếng Việt bị lỗi vì văn bản gõ bằng bảng mã cũ (TCVN3/VNI) — hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi nạp lại";

/** What a file's first bytes say it is, to tell the user which extension it should have had. */
export function sniffContainer(data: Uint8Array): "pdf" | "zip" | "ole" | "rtf" | null {
  const head = Buffer.from(data.subarray(0, 8)).toString("latin1");
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("PK\x03\x04")) return "zip";
  if (head.startsWith("\xD0\xCF\x11\xE0")) return "ole";
  if (head.startsWith("{\\rtf")) return "rtf";
  return null;
}

function wrongContainerReason(kind: "pdf" | "zip" | "ole" | "rtf"): string {
  switch (kind) {
    case "pdf":
      return `${BINARY_FILE} (nội dung là PDF — hãy đổi đuôi tệp thành .pdf)`;
    case "zip":
      return `${BINARY_FILE} (nội dung là tệp nén hoặc tệp Office — nếu là tài liệu Word, hãy đổi đuôi thành .docx)`;
    case "ole":
      return `${BINARY_FILE} (nội dung là tài liệu Office cũ .doc/.xls — hãy mở bằng Word và lưu lại dạng .docx)`;
    case "rtf":
      return "tệp RTF, không phải văn bản thuần — hãy mở bằng Word và lưu lại dạng .docx hoặc .txt";
  }
}

/** C0 controls other than tab, LF, FF, CR, plus DEL: plain text has essentially none of these. */
function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f;
}

function controlRatio(data: Uint8Array): number {
  let n = 0;
  for (const b of data) if (isControlByte(b)) n++;
  return data.length === 0 ? 0 : n / data.length;
}

/** Notepad's "Unicode" is UTF-16; without a BOM it shows as NULs in every other byte of the ASCII part. */
function sniffUtf16WithoutBom(data: Uint8Array): "le" | "be" | null {
  const n = Math.min(data.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) evenNul++;
    if (data[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.02) return "le";
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.02) return "be";
  return null;
}

function decodeUtf16(data: Uint8Array, endian: "le" | "be"): string {
  const bytes = Buffer.from(data.subarray(0, data.length & ~1));
  if (endian === "be") bytes.swap16();
  return new TextDecoder("utf-16le").decode(bytes);
}

/** Line endings to "\n" and Unicode to NFC: Vietnamese arrives both precomposed and decomposed. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

/**
 * Decode a .txt/.md file. Only the BOM, line endings and Unicode normalization change; the rest is left to the parser.
 * Throws FormatError for empty, binary and non-UTF-8 input.
 */
export function decodePlainText(data: Uint8Array): string {
  if (data.length === 0) throw new FormatError(EMPTY_FILE);

  let text: string;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    text = decodeUtf8(data.subarray(3));
  } else if (data[0] === 0xff && data[1] === 0xfe && !(data[2] === 0 && data[3] === 0)) {
    text = decodeUtf16(data.subarray(2), "le");
  } else if (data[0] === 0xfe && data[1] === 0xff) {
    text = decodeUtf16(data.subarray(2), "be");
  } else {
    const container = sniffContainer(data);
    if (container) throw new FormatError(wrongContainerReason(container));
    const utf16 = sniffUtf16WithoutBom(data);
    text = utf16 ? decodeUtf16(data, utf16) : decodeUtf8(data);
  }

  text = normalizeText(text);
  if (text.trim() === "") throw new FormatError(EMPTY_FILE);
  const legacy = legacyGlyphsReason(text);
  if (legacy) throw new FormatError(legacy);
  return text;
}

function decodeUtf8(data: Uint8Array): string {
  if (data.includes(0) || controlRatio(data) > 0.01) throw new FormatError(BINARY_FILE);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    // Not valid UTF-8. A handful of broken bytes in an otherwise UTF-8 Vietnamese text is damage we can
    // live with (they become U+FFFD); a text whose accented letters are all invalid is a legacy code page.
    const lenient = new TextDecoder("utf-8").decode(data);
    let invalid = 0;
    let nonAscii = 0;
    for (const ch of lenient) {
      if (ch === "\uFFFD") invalid++;
      else if (ch.codePointAt(0)! > 0x7f) nonAscii++;
    }
    if (invalid * 1000 <= lenient.length && nonAscii >= 10 * invalid) return lenient;
    throw new FormatError(LEGACY_BYTES);
  }
}

const VIETNAMESE_LATIN1 = new Set(Array.from("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ", (c) => c.charCodeAt(0)));
const HARMLESS_LATIN1 = new Set(Array.from("°«»×÷", (c) => c.charCodeAt(0)));

export function letterCount(text: string): number {
  return text.replace(/[^\p{L}]+/gu, "").length;
}

/**
 * Text typed with a TCVN3 (.Vn*) or VNI font decodes as valid Unicode but reads as "§¶ng bé" / "Ñaûng boä":
 * Latin-1 letters and symbols Vietnamese never uses, and almost none of the letters it always uses (ă, đ, ơ, ư, ạ…).
 * Returns the reason to reject such text, or null.
 */
export function legacyGlyphsReason(text: string): string | null {
  let foreign = 0;
  let vietnamese = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0xa1) continue;
    if (cp <= 0xff) {
      if (!VIETNAMESE_LATIN1.has(cp) && !HARMLESS_LATIN1.has(cp)) foreign++;
    } else if (cp <= 0x24f || (cp >= 0x1ea0 && cp <= 0x1eff)) {
      vietnamese++;
    }
  }
  if (foreign < 20 || vietnamese * 4 >= foreign) return null;
  return foreign >= 0.03 * letterCount(text) ? LEGACY_GLYPHS : null;
}

/**
 * Final shape of text extracted from .docx/.pdf: "\n" line endings, NFC, no indentation or trailing blanks,
 * at most one blank line in a row, no blank lines at either end.
 */
export function tidyExtracted(text: string): string {
  return normalizeText(text)
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, (ws) => (ws.includes("\t") ? "\t" : ws)).trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
