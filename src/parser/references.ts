/**
 * Mentions of other documents ("Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị", "Nghị quyết số 20 ngày
 * 01 tháng 11 năm 2012") and how they relate: the document `implements` what it carries out ("Thực hiện…",
 * "Căn cứ…", a title "Kế hoạch thực hiện…"), and a referenced document implements the one named after
 * "về (tiếp tục) thực hiện" in the same phrase (those are chain edges between other documents).
 */
import type { DocType, Reference, Relation } from "../domain/model.js";
import {
  DATE_PATTERN,
  DOC_TYPE_NAMES,
  NUMBER_PATTERN,
  STATE_NUMBER_PATTERN,
  centralNumber,
  codeOfType,
  docTypeFromName,
  findNumbers,
  numberKey,
  parseDateText,
} from "../domain/numbers.js";

export interface Mention {
  number: string;
  docType: DocType | null;
  date: string | null;
  dateText?: string | null;
  issuer: string | null;
  start: number;
  end: number;
}

export interface ChainLink {
  /** Implementing document's number. */
  from: string;
  /** Implemented document's number. */
  to: string;
}

const TYPES = DOC_TYPE_NAMES.map((n) => n.replace(/ /g, "\\s+")).join("|");
/** A number of either form, one capture group for the whole. */
const ANY_NUMBER = `(${STATE_NUMBER_PATTERN.replace(/\((?!\?)/g, "(?:")}|${NUMBER_PATTERN.replace(/\((?!\?)/g, "(?:")})`;
/** A law is named between its type and its number: "Luật Giao dịch điện tử số 20/2023/QH15". */
const LAW = new RegExp(`(?<![\\p{L}])(Luật|Bộ luật)((?:\\s+[\\p{L}\\-–]+){1,10}?)\\s+số\\s*:?\\s*(${STATE_NUMBER_PATTERN.replace(/\((?!\?)/g, "(?:")})(?:\\s*,?\\s*(?:ngày\\s+)?(${DATE_PATTERN.replace(/\((?!\?)/g, "(?:")}))?`, "gu");
/** The issuer after a mention, up to the next clause; "và" ends it unless it is inside a body's name ("Sở Khoa học và
 * Công nghệ", "Ban Tuyên giáo và Dân vận"). */
const ISSUER_AFTER =
  `(?:\\s*,?\\s*(?:của\\s+)?((?:Ban|Bộ|Tỉnh|Thành|Huyện|Thị|Quận|Đảng|Ủy|Uỷ|UBND|HĐND|Chính|Thủ|Quốc|Hội nghị|Hội đồng|Sở|Văn phòng|Tổ giúp việc)[^,;:()]*?)(?=\\s+(?:về|Hội nghị|nhằm|đã|trên địa bàn|giai đoạn|và(?!\\s+(?:Công nghệ|Đào tạo|Môi trường|Truyền thông|Đầu tư|Xã hội|Du lịch|Phát triển nông thôn|Dân vận)(?![\\p{L}]))|tại|với|ban hành|chỉ đạo|sửa đổi|phê duyệt|thông báo|quy định|hướng dẫn|thực hiện|triển khai)(?=[\\s,.;:]|$)|[,;:()]|\\.(?:\\s|$)|$))?`;
const MENTION = new RegExp(
  `(${TYPES})(?:\\s+số)?\\s*:?\\s*(?:${ANY_NUMBER}|(\\d{1,5})(?![\\d/-]))` +
    `(?:\\s*,?\\s*(?:ngày\\s+)?(?:${DATE_PATTERN}))?` +
    ISSUER_AFTER,
  "giu",
);

/** All document mentions in a text, in order. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const type = docTypeFromName(m[1]!);
    let number: string;
    let codeType: DocType | null = null;
    if (m[2]) {
      const parsed = findNumbers(m[2])[0];
      if (!parsed) continue;
      number = parsed.number;
      codeType = parsed.docType;
    } else {
      // A bare number needs a date or "số" to be a document mention ("Nghị quyết số 20 ngày …"), not "Nghị quyết 2 lần".
      if (!/số/i.test(m[0]) && !m[4] && !m[7]) continue;
      number = m[3]!;
    }
    const date = m[4] || m[7] ? parseDateText(m[0]) : null;
    const dateText = date ? (new RegExp(DATE_PATTERN, "iu").exec(m[0])?.[0] ?? null) : null;
    const issuerText = m[10]?.trim() ?? null;
    // An issuer needs the word "của" or to follow a date directly ("ngày 24/11/2023 Hội nghị lần thứ 8 …").
    // (A body's name is capitalized: "… ngày 24/01/2025 thành lập Ban Chỉ đạo" names no issuer.)
    const issuer = issuerText && /^\p{Lu}/u.test(issuerText) && (/(?:^|\s)của\s/i.test(m[0]) || date) ? issuerText.replace(/\s+/g, " ") : null;
    out.push({ number, docType: type ?? codeType, date, dateText, issuer, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of text.matchAll(LAW)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((o) => start < o.end && o.start < end)) continue;
    const parsed = findNumbers(m[3]!)[0];
    if (!parsed) continue;
    out.push({ number: parsed.number, docType: docTypeFromName(m[1]!) ?? "Luật", date: m[4] ? parseDateText(m[4]) : null, issuer: null, start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

const IMPLEMENT_BEFORE = /(?:thực\s+hiện|căn\s+cứ|triển\s+khai|quán\s+triệt|cụ\s+thể\s+hó?á?a)(?:\s+(?:có\s+hiệu\s+quả|nghiêm\s+túc|tốt))?\s*$/iu;
const BODY_IMPLEMENT =
  /^[\s,(*\-–•]*(?:(?:để|nhằm)\s+)?(?:tiếp\s+tục\s+)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|căn\s+cứ|triển\s+khai(?:\s+thực\s+hiện)?|quán\s+triệt)(?:\s+(?:có\s+hiệu\s+quả|nghiêm\s+túc|tốt))?\s*$/iu;

/** Split into sentences: a new one at ". " before a capital, or a line break. ";" only separates items of one. */
function sentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[^\n]+?(?:\.(?=\s+\p{Lu})|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) out.push({ text: m[0], offset: m.index ?? 0 });
    if (m[0] === "") break;
  }
  return out;
}

/** A sentence that opens with the verb of carrying out, then a lead-in ending at a colon: "Căn cứ các Luật …: Luật …". */
const IMPLEMENT_LEAD_IN = /^[\s,(*\-–•]*(?:căn\s+cứ|thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?)\s[^.;]{0,160}:\s*$/iu;
/** Between two items of one list: "; ", " và ", ", " (after the previous item's description, for ";"). */
const NEXT_ITEM = /;\s*(?:và\s+)?(?:các\s+)?$/u;
const COORDINATE = /^\s*(?:,|và|,\s*và|cùng)\s*$/u;
/** "… Chương trình hành động của Chính phủ thực hiện X": a cited document carries out the next one. */
const CARRIES_OUT = /(?:^|\s)(?:về\s+(?:việc\s+)?)?(?:tiếp\s+tục\s+)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|quán\s+triệt(?:,\s+triển\s+khai)?(?:\s+thực\s+hiện)?)(?:\s+(?:có\s+hiệu\s+quả|nghiêm\s+túc))?\s*$/iu;

export interface ReferenceScan {
  mentions: { mention: Mention; relation: Relation }[];
  links: ChainLink[];
}

/**
 * Scan a text (title or section) for mentions with their relation to the document, and chain links. A sentence
 * that opens with "Thực hiện" / "Căn cứ" marks every item of its list as carried out ("Căn cứ A; B và C"); a
 * document named after "về (việc) thực hiện" belongs to the item before it (a chain link), and so does one
 * coordinated with such a nested document ("A về thực hiện B và C").
 */
export function scanReferences(text: string, opts: { isTitle?: boolean; titleType?: DocType | null } = {}): ReferenceScan {
  const result: ReferenceScan = { mentions: [], links: [] };
  for (const sentence of sentences(text)) {
    // A mention always has a number: sentences without a digit are skipped unread.
    if (!/\d/.test(sentence.text)) continue;
    const mentions = findMentions(sentence.text);
    let prevEnd = 0;
    let implementing = false;
    /** For each mention, the item it is nested under (null at the top level of the sentence's list). */
    const parents: (Mention | null)[] = [];
    const relations: Relation[] = [];
    mentions.forEach((mention, i) => {
      const gap = sentence.text.slice(prevEnd, mention.start);
      let relation: Relation = "mentions";
      let parent: Mention | null = null;
      if (i === 0) {
        // In a title any lead-in may end with the verb ("Về tổ chức …, triển khai thực hiện X"); in the body only a
        // sentence that opens with it ("Thực hiện X…", "Căn cứ X…", "Để triển khai thực hiện có hiệu quả X") says
        // the document carries X out ("Việc thực hiện X cần…" does not).
        implementing = opts.isTitle ? IMPLEMENT_BEFORE.test(gap) : BODY_IMPLEMENT.test(gap) || IMPLEMENT_LEAD_IN.test(gap);
        if (implementing) relation = "implements";
      } else if (CARRIES_OUT.test(gap) && !gap.includes(";") && gap.split(/\s+/).length <= 14) {
        parent = mentions[i - 1]!;
      } else if (implementing && gap.includes(";") && CARRIES_OUT.test(gap)) {
        // "Thực hiện A …; gắn với việc tiếp tục thực hiện B": a further item the document carries out.
        relation = "implements";
      } else if (COORDINATE.test(gap)) {
        parent = parents[i - 1] ?? null;
        relation = relations[i - 1]!;
      } else if (NEXT_ITEM.test(gap) && implementing) {
        relation = "implements";
      } else if (opts.isTitle && implementing && /\svà\s*$/u.test(gap) && !/thực\s+hiện|triển\s+khai/iu.test(gap)) {
        // A title's second item after the first one's description: "thực hiện Nghị quyết 57 … về đột phá … quốc gia
        // và Kết luận số 69-KL/TW …".
        relation = "implements";
      }
      if (parent) result.links.push({ from: parent.number, to: mention.number });
      parents.push(parent);
      relations.push(relation);
      result.mentions.push({ mention, relation });
      prevEnd = mention.end;
    });
  }
  return result;
}

/**
 * Merge mentions into one reference per document, with bare numbers ("Nghị quyết số 20") resolved to the full
 * number the same text gives elsewhere ("20-NQ/TW") or that `known` holds (numbers of the corpus).
 */
export function mergeReferences(
  found: { mention: Mention; relation: Relation }[],
  selfNumber: string | null,
  known: string[] = [],
  selfDate: string | null = null,
): Reference[] {
  const fulls = [...found.map((f) => f.mention.number).filter((n) => n.includes("/")), ...known];
  const resolve = (m: Mention): string => {
    if (m.number.includes("/")) return m.number;
    const code = codeOfType(m.docType);
    const candidates = fulls.filter((n) => {
      const [digits, rest = ""] = n.split("-");
      return digits === m.number && (!code || numberKey(rest).startsWith(numberKey(code)));
    });
    const unique = [...new Set(candidates.map(numberKey))];
    if (unique.length === 1) return candidates[0]!;
    return centralNumber(m.number, m.docType, m.issuer) ?? m.number;
  };
  const byKey = new Map<string, Reference>();
  const selfKey = selfNumber ? numberKey(selfNumber) : null;
  for (const { mention, relation } of found) {
    const number = resolve(mention);
    const key = numberKey(number);
    // Its own number is no reference, unless dated otherwise: a city's "Kế hoạch 86/KH-UBND" of 19 May carries out
    // the province's plan numbered 86/KH-UBND of 28 March.
    if (key === selfKey && !(mention.date && selfDate && mention.date !== selfDate)) continue;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { number, docType: mention.docType, date: mention.date, dateText: mention.dateText ?? null, issuer: mention.issuer, relation });
      continue;
    }
    if (relation === "implements") prev.relation = "implements";
    if (!prev.date && mention.date) [prev.date, prev.dateText] = [mention.date, mention.dateText ?? null];
    prev.issuer ??= mention.issuer;
    prev.docType ??= mention.docType;
  }
  return [...byKey.values()];
}

export { NUMBER_PATTERN };
