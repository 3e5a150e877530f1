/**
 * Inline-button payloads. Telegram caps callback_data at 64 bytes, so a button carries a short answer id and an
 * index, never text; the answer itself lives in the answer store (see storage/).
 */

/** Telegram's limit on `callback_data`, in bytes (UTF-8). */
export const CALLBACK_DATA_LIMIT = 64;

const ID = "[A-Za-z0-9_-]{4,16}";

/** Matches a source button: `s:<answer id>:<source index, 0-based>`. */
export const SOURCE_PATTERN = new RegExp(`^s:(${ID}):(\\d{1,3})$`);
/** Matches a feedback button: `f:<answer id>:+` or `f:<answer id>:-`. */
export const FEEDBACK_PATTERN = new RegExp(`^f:(${ID}):([+-])$`);

function checked(data: string): string {
  if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_LIMIT) {
    throw new RangeError(`callback_data "${data}" exceeds ${CALLBACK_DATA_LIMIT} bytes`);
  }
  return data;
}

export function encodeSource(answerId: string, index: number): string {
  return checked(`s:${answerId}:${index}`);
}

export function decodeSource(data: string): { answerId: string; index: number } | null {
  const m = SOURCE_PATTERN.exec(data);
  return m ? { answerId: m[1]!, index: Number(m[2]) } : null;
}

export type Vote = "up" | "down";

export function encodeFeedback(answerId: string, vote: Vote): string {
  return checked(`f:${answerId}:${vote === "up" ? "+" : "-"}`);
}

export function decodeFeedback(data: string): { answerId: string; vote: Vote } | null {
  const m = FEEDBACK_PATTERN.exec(data);
  return m ? { answerId: m[1]!, vote: m[2] === "+" ? "up" : "down" } : null;
}

/** Matches an upload confirmation button: `u:<upload id>:r` (replace) or `u:<upload id>:k` (keep the indexed one). */
export const UPLOAD_PATTERN = new RegExp(`^u:(${ID}):([rk])$`);

export function encodeUploadChoice(uploadId: string, choice: "replace" | "keep"): string {
  return checked(`u:${uploadId}:${choice === "replace" ? "r" : "k"}`);
}

export function decodeUploadChoice(data: string): { uploadId: string; choice: "replace" | "keep" } | null {
  const m = UPLOAD_PATTERN.exec(data);
  return m ? { uploadId: m[1]!, choice: m[2] === "r" ? "replace" : "keep" } : null;
}

/**
 * Matches a page button of a paged message: `pg:<list id>:<page, 0-based>` (at most 3 + 16 + 1 + 5 = 25 bytes).
 * The list id names a stored record (what was listed and for which argument), so any list fits, whatever its size.
 */
export const PAGE_PATTERN = new RegExp(`^pg:(${ID}):(\\d{1,5})$`);

export function encodePage(listId: string, page: number): string {
  if (!Number.isInteger(page) || page < 0 || page > 99_999) throw new RangeError(`page ${page} out of range`);
  return checked(`pg:${listId}:${page}`);
}

export function decodePage(data: string): { listId: string; page: number } | null {
  const m = PAGE_PATTERN.exec(data);
  return m ? { listId: m[1]!, page: Number(m[2]) } : null;
}
