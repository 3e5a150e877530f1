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

export function answerContact(frame: QuestionFrame, kb: Knowledge): AnswerResult | null {
  if (!ASKS_CONTACT.test(frame.folded) || !frame.scope.documentIds.length) return null;
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const id of frame.scope.documentIds.slice(0, 3)) {
    const doc: ParsedDocument | undefined = kb.byId.get(id);
    if (!doc) continue;
    for (const s of doc.sections) {
      const found = sentences(s.text).find((x) => GIVES_CONTACT.test(x.text) && /\d{3}[\d.]{4,}|@|(?:ông|bà|đồng chí)\s+\p{Lu}/u.test(x.text));
      if (!found) continue;
      citations.push(citationFromDocument(doc, s.path, found.text));
      lines.push(`${documentLabel(doc)}, ${s.path ? `mục ${s.path}` : "phần mở đầu"}: “${found.text}” [${citations.length}]`);
      break;
    }
  }
  if (!citations.length) return null;
  return { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "extractive" };
}
