/**
 * Party and state bodies named in the corpus (issuers, assignees, report-to bodies, referenced issuers), and the
 * checks that keep a body distractor false: a different locality, or a body the cited document never names.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import type { ParsedDocument } from "../domain/model.js";
import { foldVi } from "../text/vietnamese.js";
import { containsNormalized, normCheck, overlapsAsWords } from "./text.js";

const CENTRAL = /Trung ương|Bộ Chính trị|Ban Bí thư|Quốc hội|Chính phủ|Việt Nam/u;
const LOCAL = /(?<!\p{L})(tỉnh|thành phố|huyện|quận|thị xã|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Thị ủy|Sở|Khối|Tỉnh Đoàn)(?!\p{L})/u;

export function isCentral(body: string): boolean {
  return CENTRAL.test(body) && !LOCAL.test(body);
}

/** Localities (folded) the body names, from the corpus' localities. */
export function localitiesIn(body: string, kb: Knowledge): string[] {
  const folded = ` ${foldVi(body).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  return [...kb.localities.keys()].filter((loc) => folded.includes(` ${loc} `));
}

const fullTexts = new WeakMap<ParsedDocument, string>();

/** The whole citable text of a document in normCheck form (for "does the document name this body?"). */
export function fullText(doc: ParsedDocument): string {
  let text = fullTexts.get(doc);
  if (text === undefined) {
    text = normCheck([...(doc.header ?? []), ...doc.sections.flatMap((s) => [s.title ?? "", s.text]), ...(doc.closing ?? [])].join("\n"));
    fullTexts.set(doc, text);
  }
  return text;
}

/**
 * Bodies usable as options: start with a capital, name one body (no list with commas), not a generic collective
 * ("Các cấp ủy…", which may include the true answer), at most 100 characters.
 */
export function bodyPool(kb: Knowledge): string[] {
  const out = new Map<string, string>();
  // Lists are split only where they are lists of bodies ("Bộ Chính trị, Ban Bí thư"); an assignee such as
  // "Ban thường vụ các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy" is one collective, not four bodies.
  const add = (raw: string | null | undefined, list = false) => {
    if (!raw) return;
    for (const part of list ? raw.split(/,\s*/) : [raw]) {
      // "Ban Chấp hành Trung ương Đảng khóa XI" is the same body in every term: the term is not part of its name.
      const b = part
        .replace(/\s*\([^)]*\)\s*/g, " ")
        .replace(/\s+(khóa|khoá)\s+[IVXL]+$/iu, "")
        .replace(/\s+/g, " ")
        .trim();
      if (b.length < 6 || b.length > 100 || b.includes(",")) continue;
      if (!/^\p{Lu}/u.test(b) || /^(Các|Những|Mỗi)\s/u.test(b)) continue;
      if (/(?<!\p{L})(các|những)(?!\p{L})/u.test(b)) continue;
      const key = foldVi(b).toLowerCase();
      if (!out.has(key)) out.set(key, b);
    }
  };
  for (const doc of kb.documents) {
    add(doc.issuer);
    for (const a of doc.assignments) {
      add(a.assignee);
      add(a.reportTo, true);
    }
    for (const r of doc.references) add(r.issuer);
  }
  for (const node of kb.nodes.values()) add(node.issuer);
  return [...out.values()].filter((b) => !/^(Hội nghị|Đại hội)(?!\p{L})/u.test(b));
}

/**
 * Is `candidate` certainly not the body `correct` names, in the context of `doc`?
 * - one must not contain the other ("Ban Tuyên giáo Tỉnh ủy" / "Ban Tuyên giáo Tỉnh ủy Quảng Ngãi");
 * - a body of another locality is another body;
 * - a body the cited document names is not offered (it may be the same organ under a shorter name, or be involved
 *   in the same task), unless `allowNamed` (a central document's issuer question: the other bodies it names, like
 *   "Ban Chấp hành Trung ương Đảng" in Kết luận 69's subject line, are certainly not its issuer).
 */
export function isOtherBody(candidate: string, correct: string, doc: ParsedDocument, kb: Knowledge, options: { allowNamed?: boolean } = {}): boolean {
  if (overlapsAsWords(candidate, correct)) return false;
  if (!options.allowNamed && containsNormalized(fullText(doc), candidate)) return false;
  const mine = localitiesIn(candidate, kb);
  if (mine.length) {
    const theirs = new Set([...localitiesIn(correct, kb), ...localitiesIn(doc.issuer, kb), ...(doc.place ? [foldVi(doc.place).toLowerCase()] : [])]);
    return !mine.some((l) => theirs.has(l));
  }
  return true;
}

/** Plausibility: same level (central or local) first. */
export function levelRank(correct: string): (candidate: string) => number {
  const central = isCentral(correct);
  return (c) => (isCentral(c) === central ? 0 : 2) + (c.split(" ")[0] === correct.split(" ")[0] ? 0 : 1);
}
