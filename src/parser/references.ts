/**
 * Mentions of other documents ("Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị", "Nghị quyết số 20 ngày
 * 01 tháng 11 năm 2012") and how they relate: the document `implements` what it carries out ("Thực hiện…",
 * "Căn cứ…", a title "Kế hoạch thực hiện…"), and a referenced document implements the one named after
 * "về (tiếp tục) thực hiện" in the same phrase (those are chain edges between other documents).
 */
import type { DocType, Reference, Relation } from "../domain/model.js";
import { DATE_PATTERN, DOC_TYPE_NAMES, NUMBER_PATTERN, centralNumber, codeOfType, docTypeFromCode, docTypeFromName, numberKey, parseDateText } from "../domain/numbers.js";

export interface Mention {
  number: string;
  docType: DocType | null;
  date: string | null;
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
const MENTION = new RegExp(
  `(${TYPES})(?:\\s+số)?\\s*:?\\s*(?:${NUMBER_PATTERN}|(\\d{1,5})(?![\\d/-]))` +
    `(?:\\s*,?\\s*(?:ngày\\s+)?(?:${DATE_PATTERN}))?` +
    `(?:\\s*,?\\s*(?:của\\s+)?((?:Ban|Bộ|Tỉnh|Thành|Huyện|Thị|Quận|Đảng|Ủy|Uỷ|Chính|Quốc|Hội nghị|Hội đồng|Sở|Văn phòng)[^,;:()]*?)(?=\\s+(?:về|Hội nghị|nhằm|đã|và|tại|với|ban hành|chỉ đạo)(?=[\\s,.;:]|$)|[,;:()]|\\.(?:\\s|$)|$))?`,
  "giu",
);

/** All document mentions in a text, in order. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const type = docTypeFromName(m[1]!);
    let number: string;
    if (m[2]) {
      number = `${m[2]}-${m[3]}/${m[4]}`;
    } else {
      // A bare number needs a date or "số" to be a document mention ("Nghị quyết số 20 ngày …"), not "Nghị quyết 2 lần".
      if (!/số/i.test(m[0]) && !m[6] && !m[9]) continue;
      number = m[5]!;
    }
    const date = m[6] || m[9] ? parseDateText(m[0]) : null;
    const issuerText = m[12]?.trim() ?? null;
    // An issuer needs the word "của" or to follow a date directly ("ngày 24/11/2023 Hội nghị lần thứ 8 …").
    const issuer = issuerText && (/(?:^|\s)của\s/i.test(m[0]) || date) ? issuerText.replace(/\s+/g, " ") : null;
    const codeType = m[3] ? docTypeFromCode(m[3]) : null;
    out.push({ number, docType: type ?? codeType, date, issuer, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

const IMPLEMENT_BEFORE = /(?:thực\s+hiện|căn\s+cứ|triển\s+khai|quán\s+triệt|cụ\s+thể\s+hó?á?a)(?:\s+(?:có\s+hiệu\s+quả|nghiêm\s+túc|tốt))?\s*$/iu;
const BODY_IMPLEMENT =
  /^[\s,(]*(?:(?:để|nhằm)\s+)?(?:tiếp\s+tục\s+)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|căn\s+cứ|triển\s+khai(?:\s+thực\s+hiện)?|quán\s+triệt)(?:\s+(?:có\s+hiệu\s+quả|nghiêm\s+túc|tốt))?\s*$/iu;
const NESTED_IMPLEMENT =
  /^(?:\W*về\s+(?:việc\s+)?|\s+)(?:tiếp\s+tục\s+)?(?:(?:lãnh\s+đạo,\s+chỉ\s+đạo\s+)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|quán\s+triệt(?:,\s+triển\s+khai)?(?:\s+thực\s+hiện)?))(?:\s+(?:có\s+hiệu\s+quả|nghiêm\s+túc))?\s*$/iu;

/** Split into clauses: a new clause at ". " (sentence end), ";" or a line break. */
function clauses(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[^;\n]+?(?:\.(?=\s+\p{Lu})|;|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) out.push({ text: m[0], offset: m.index ?? 0 });
    if (m[0] === "") break;
  }
  return out;
}

export interface ReferenceScan {
  mentions: { mention: Mention; relation: Relation }[];
  links: ChainLink[];
}

/** Scan a text (title or section) for mentions with their relation to the document, and chain links. */
export function scanReferences(text: string, opts: { isTitle?: boolean; titleType?: DocType | null } = {}): ReferenceScan {
  const result: ReferenceScan = { mentions: [], links: [] };
  for (const clause of clauses(text)) {
    const mentions = findMentions(clause.text);
    let prevEnd = 0;
    mentions.forEach((mention, i) => {
      const gap = clause.text.slice(prevEnd, mention.start);
      let relation: Relation = "mentions";
      // In a title any lead-in may end with the verb ("Về tổ chức …, triển khai thực hiện X"); in the body only a
      // clause that opens with it ("Thực hiện X…", "Căn cứ X…", "Để triển khai thực hiện có hiệu quả X") says
      // the document carries X out ("Việc thực hiện X cần…" does not).
      if (i === 0 && (opts.isTitle ? IMPLEMENT_BEFORE.test(gap) : BODY_IMPLEMENT.test(gap))) relation = "implements";
      if (i > 0 && NESTED_IMPLEMENT.test(gap)) {
        result.links.push({ from: mentions[i - 1]!.number, to: mention.number });
      }
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
    if (key === selfKey) continue;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { number, docType: mention.docType, date: mention.date, issuer: mention.issuer, relation });
      continue;
    }
    if (relation === "implements") prev.relation = "implements";
    prev.date ??= mention.date;
    prev.issuer ??= mention.issuer;
    prev.docType ??= mention.docType;
  }
  return [...byKey.values()];
}

export { NUMBER_PATTERN };
