/**
 * "Liên hệ với ai, số điện thoại nào?": the contact line a letter gives ("Thông tin chi tiết xin liên hệ: Phòng …
 * (bà …, điện thoại …)"), quoted from the documents in scope. Not a task: the body named there is assigned nothing.
 */
import type { ParsedDocument } from "../../domain/model.js";
import { citationFromDocument, documentLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import { sentences } from "../../assistant/sentences.js";
import type { AnswerResult, Citation } from "../../assistant/types.js";
import type { QuestionFrame } from "../../understand/frame.js";

/** The question asks whom to contact or which number to call (folded). */
const ASKS_CONTACT = / lien he | lien lac | so dien thoai | dien thoai | dau moi lien he | email | thu dien tu /;
/** A sentence that gives a contact: "xin liên hệ …", or a telephone number written out ("điện thoại 0238…", "ĐT: …"). */
const GIVES_CONTACT = /liên hệ|liên lạc|(?:điện thoại|(?<![\p{L}])ĐT)\s*:?\s*[\d.() ]{7,}/iu;

/**
 * `ranked`: the documents of the search's candidates, best first: a question that names no document ("cv của sở
 * tháng 9 … liên hệ ai") asks the contact of the one the search found.
 */
export function answerContact(frame: QuestionFrame, kb: Knowledge, ranked: readonly string[] = []): AnswerResult | null {
  if (!ASKS_CONTACT.test(frame.folded)) return null;
  // The documents in scope in the search's order; those the question names are each asked, else (a place's or the
  // corpus's documents) the first that gives a contact.
  const rank = new Map([...new Set(ranked)].map((id, i) => [id, i]));
  const inScope = [...frame.scope.documentIds].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  const ids = inScope.length ? inScope : [...rank.keys()].slice(0, 1);
  const each = frame.scope.named.some((n) => n.status === "corpus");
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const id of ids.slice(0, each ? 3 : ids.length)) {
    if (!each && citations.length) break;
    const doc: ParsedDocument | undefined = kb.byId.get(id);
    if (!doc) continue;
    for (const s of doc.sections) {
      const all = sentences(s.text);
      const at = all.findIndex((x) => GIVES_CONTACT.test(x.text) && /\d{3}[\d.]{4,}|@|(?:ông|bà|đồng chí)\s+\p{Lu}/u.test(x.text));
      if (at < 0) continue;
      const found = all[at]!;
      // "… liên hệ: bà X, chuyên viên …; điện thoại: 0239…": the number after the semicolon belongs to the contact.
      const next = all[at + 1];
      const phone = /\d{3}[\d.]{4,}/u;
      const quote = !phone.test(found.text) && next && phone.test(next.text) && /điện thoại|ĐT|email|thư điện tử/iu.test(next.text) ? s.text.slice(found.start, next.start + next.text.length) : found.text;
      citations.push(citationFromDocument(doc, s.path, quote));
      lines.push(`${documentLabel(doc)}, ${s.path ? `mục ${s.path}` : "phần mở đầu"}: “${quote}” [${citations.length}]`);
      break;
    }
  }
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "extractive" };
}
