/**
 * Body names compared as cadres mean them: "Sở KH&CN", "Sở Khoa học và Công nghệ" and "so khcn" are one body;
 * "Bộ Khoa học và Công nghệ" and "Đảng ủy Bộ Khoa học và Công nghệ" are others. Pure functions over the one
 * vocabulary (short forms and the words that open a body's name); no private word lists.
 *
 * A name is read into tokens (lowercase NFC, one tone convention, short forms expanded, punctuation dropped) with
 * the places where a new body may start: the beginning, after a comma or semicolon, after "và". A query names a
 * body when its tokens appear at one of those places — so "Sở Khoa học và Công nghệ" is found in "Ban Quản lý các
 * khu công nghệ cao, Sở Khoa học và Công nghệ, Sở Công Thương" and at the head of "Sở Khoa học và Công nghệ tỉnh",
 * but not inside "Bộ Khoa học và Công nghệ" or "Đảng đoàn Ủy ban nhân dân tỉnh".
 */
import { foldVi, hasDiacritics, normalizeVi } from "../text/vietnamese.js";
import { BODY_HEADS, SHORT_FORMS } from "./vocabulary.js";

/** A name read for comparison: tokens, their folded forms, and where a body may start. */
export interface BodyTokens {
  readonly tokens: readonly string[];
  readonly folded: readonly string[];
  /** Token indexes where a body may start. */
  readonly starts: ReadonlySet<number>;
  /** Typed without any diacritic ("so khcn"): compared folded. */
  readonly plain: boolean;
}

/**
 * Words left out of comparisons: "các" (and "những") only says there are several ("các Sở" = "Sở"), and the
 * comparisons must not depend on whether a writer put it in.
 */
const PLURAL = new Set(["các", "những", "cac", "nhung"]);

/**
 * Names read, by text: a corpus names the same few hundred bodies in thousands of rows, and reading one runs every
 * short form over it. Bounded: cleared when full rather than grown without end. The tokens returned are shared, so
 * callers only read them.
 */
const read = new Map<string, BodyTokens>();

/** Read a body name, a list of names, or a query. */
export function bodyTokens(text: string): BodyTokens {
  let tokens = read.get(text);
  if (!tokens) {
    tokens = readBody(text);
    if (read.size >= 50_000) read.clear();
    read.set(text, tokens);
  }
  return tokens;
}

function readBody(text: string): BodyTokens {
  let t = normalizeVi(text);
  for (const [re, rep] of SHORT_FORMS) t = t.replace(re, rep);
  // Separators become tokens of their own so that the positions after them are known; other punctuation goes.
  t = t.replace(/[,;]/g, " , ").replace(/[^\p{L}\p{N},\s]+/gu, " ");
  const tokens: string[] = [];
  const starts = new Set<number>([0]);
  for (const word of t.split(/\s+/)) {
    if (!word) continue;
    if (word === ",") {
      starts.add(tokens.length);
      continue;
    }
    if (PLURAL.has(word)) continue;
    tokens.push(word);
    if (word === "và" || word === "va") starts.add(tokens.length);
  }
  return { tokens, folded: tokens.map((w) => foldVi(w)), starts, plain: !hasDiacritics(text) };
}

/**
 * A body's name without the title of the one who heads it: "Bộ trưởng Bộ Công an" → "Bộ Công an", "Giám đốc Sở Tài
 * chính" → "Sở Tài chính". A question names the body ("bộ công an phải xong … trước ngày nào"), the text its head.
 */
export function withoutHolderTitle(name: string): string {
  return name.replace(HOLDER_TITLE, "");
}
const HOLDER_TITLE =
  /^(?:Phó\s+)?(?:Chủ\s+tịch|Giám\s+đốc|Bộ\s+trưởng|Thứ\s+trưởng|Chánh\s+Văn\s+phòng|Trưởng\s+ban|Thủ\s+trưởng|Viện\s+trưởng|Cục\s+trưởng|Hiệu\s+trưởng)\s+(?=(?:Bộ|Sở|Ủy\s+ban|Uỷ\s+ban|UBND|Ban|Văn\s+phòng|Cục|Viện|Trường|Hội\s+đồng|HĐND|Công\s+an)\s)/u;

/** The comparison key of one body name: its tokens joined ("sở khoa học và công nghệ"). */
export function bodyKey(name: string): string {
  return bodyTokens(name).tokens.join(" ");
}

/** The same key with diacritics folded ("so khoa hoc va cong nghe"): how a name typed without them is compared. */
export function foldedBodyKey(name: string): string {
  return bodyTokens(name).folded.join(" ");
}

/** How a query meets a name: the whole name, the head of a longer name ("Sở X" in "Sở X tỉnh"), or not at all. */
export type BodyMatch = "exact" | "head" | null;

/**
 * Does `query` name a body written in `names` (one name or a list of them)? Compared with diacritics when the query
 * has them, folded when it was typed without ("so khcn").
 */
export function matchBody(query: BodyTokens, names: string | BodyTokens): BodyMatch {
  const q = query.plain ? query.folded : query.tokens;
  if (!q.length) return null;
  const n = typeof names === "string" ? bodyTokens(names) : names;
  const words = query.plain ? n.folded : n.tokens;
  let best: BodyMatch = null;
  for (const start of n.starts) {
    if (start + q.length > words.length) continue;
    let ok = true;
    for (let i = 0; i < q.length && ok; i++) ok = words[start + i] === q[i];
    if (!ok) continue;
    const end = start + q.length;
    // The whole body when the name (or this piece of the list) ends here.
    if (end === words.length || n.starts.has(end)) return "exact";
    best = "head";
  }
  return best;
}

/** Body heads as a pattern, longest first ("Bộ Chỉ huy" before "Bộ"), for telling where a next body starts. */
const HEAD_PATTERN = [...BODY_HEADS].sort((a, b) => b.length - a.length).map((h) => h.replace(/ /g, "\\s+")).join("|");
/**
 * A comma or semicolon before a capitalized body head ("…, Sở Khoa học và Công nghệ, Sở Công Thương") or before
 * "các" that opens a group ("…, Sở Khoa học và Công nghệ, các đơn vị liên quan").
 */
const NEXT_BODY = new RegExp(`\\s*[,;]\\s*(?=(?:${HEAD_PATTERN}|[Cc]ác)(?![\\p{L}]))`, "u");

/** "và" before a capitalized body head ("Bộ Khoa học và Công nghệ và Chính phủ"); not "Khoa học và Công nghệ". */
const AND_BODY = new RegExp(`\\s+và\\s+(?=(?:${HEAD_PATTERN})(?![\\p{L}]))`, "u");

/**
 * One name per body in a list the parser left whole ("Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Khoa
 * học và Công nghệ, Sở Công Thương" → three; "Bộ Khoa học và Công nghệ và Chính phủ" → two). Splits only before a
 * capitalized body head, so "Sở Văn hóa, Thể thao và Du lịch" and "Sở, ban, ngành có liên quan" stay whole.
 */
export function splitBodyList(text: string): string[] {
  return text
    .split(/\s*;\s*/)
    .flatMap((part) => part.split(NEXT_BODY))
    .flatMap((part) => part.split(AND_BODY))
    .map((p) => p.trim().replace(/[.,;:]+$/, "").trim())
    .filter((p) => p.length > 1);
}

/** A name written out rather than abbreviated ("Sở Khoa học và Công nghệ", not "Sở KH&CN"): preferred for display. */
export function isWrittenOut(name: string): boolean {
  const t = normalizeVi(name);
  // search() ignores the /g flag's lastIndex, so the shared expressions carry no state between calls.
  return SHORT_FORMS.every(([re]) => t.search(re) < 0);
}
