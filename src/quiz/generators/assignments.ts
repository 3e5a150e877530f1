/**
 * Who is assigned a task: "Theo Kết luận số 69-KL/TW, cơ quan nào chủ trì, phối hợp với các cơ quan liên quan hướng
 * dẫn, theo dõi, kiểm tra…?". One question per task of a document; when several bodies share the task (a row per
 * body), one of them is the answer and the others are never offered. Distractors are bodies the document does not
 * name at all, preferably of the same level (central or local).
 */
import type { Knowledge } from "../../assistant/knowledge.js";
import type { Assignment, ParsedDocument } from "../../domain/model.js";
import { bodyPool, isCentral, isOtherBody, levelRank } from "../bodies.js";
import { pickDistractors } from "../distractors.js";
import type { Draft } from "../item.js";
import { docRef } from "../label.js";
import { quoteAround, sectionSource } from "../sources.js";
import { TELEGRAM_LIMITS } from "../types.js";
import { capitalize, clip, collapse, containsPhrase, decapitalize, findSpans, normCheck, type Span } from "../text.js";

/** The clause of the task the question quotes: from "chủ trì" for a lead role, else the first clause. */
export function taskClause(row: Assignment): string {
  const task = collapse(row.task);
  if (row.role === "chủ trì") {
    const at = normCheck(task).indexOf("chủ trì");
    if (at >= 0) return task.slice(at).split(/;|\.\s|\.$/)[0]!.trim();
  }
  // Clauses end at ";", "." or a bullet (" - " before a capital; "chính trị - xã hội" is one phrase).
  const pieces = task.split(/(;|\.\s|\.$|\s-\s(?=\p{Lu}))/u);
  let clause = pieces[0]!.trim();
  // "lãnh đạo, chỉ đạo - Xây dựng chương trình…", "nghiên cứu, quán triệt; xây dựng…": the verb alone says nothing.
  if (clause.split(/\s+/).length < 6 && pieces[2]) clause = `${clause}${pieces[1]!.startsWith(";") ? ";" : ""} ${decapitalize(pieces[2].trim())}`;
  return clause;
}

function groupsOf(doc: ParsedDocument): Assignment[][] {
  const groups = new Map<string, Assignment[]>();
  for (const a of doc.assignments) {
    const key = `${a.section}\u0000${normCheck(a.task)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(a);
  }
  return [...groups.values()];
}

export function assignmentDrafts(kb: Knowledge): Draft[] {
  const bodies = bodyPool(kb);
  const out: Draft[] = [];
  for (const doc of kb.documents) {
    const named = doc.assignments.map((a) => a.assignee);
    for (const group of groupsOf(doc)) {
      // The most specific body is the answer: a capitalized name before a lower-case collective ("hội quần chúng").
      const row = group.find((a) => /^\p{Lu}/u.test(a.assignee) && !/^Các\s/u.test(a.assignee)) ?? group[0]!;
      const answer = capitalize(collapse(row.assignee));
      if (answer.length > TELEGRAM_LIMITS.optionChars) continue;
      const ref = docRef(doc);
      const lead = row.role === "chủ trì";
      const room = TELEGRAM_LIMITS.questionChars - ref.length - 60;
      const clause = clip(taskClause(row), Math.min(200, room));
      if (clause.split(/\s+/).length < 4) continue;
      const question = lead ? `Theo ${ref}, cơ quan nào ${decapitalize(clause)}?` : `Theo ${ref}, cơ quan, tổ chức nào được giao: “${capitalize(clause)}”?`;
      if (containsPhrase(question, answer)) continue;

      const source = sectionSource(doc, row.section);
      if (!source) continue;
      // The quote runs from the assignee to the quoted task: the task's nearest occurrence, and the assignee's
      // last occurrence before it (a body named in several bullets is quoted where it gets this task).
      const words = clause.replace(/…$/, "").split(/\s+/);
      const anchors = [words.slice(0, 6), words.slice(2, 8), words.slice(4, 10)].map((w) => w.join(" ")).filter((a) => a.split(" ").length >= 3);
      const whos = findSpans(source.text, row.assignee);
      let what: Span | undefined;
      for (const a of anchors) {
        const spans = findSpans(source.text, a);
        what = spans.find((s) => whos.some((w) => w.start <= s.start)) ?? spans[0];
        if (what) break;
      }
      const who = what ? ([...whos].reverse().find((w) => w.start <= what!.start) ?? whos[0]) : whos[0];
      const span = who ?? what;
      if (!span) continue;
      const quote = quoteAround(source.text, span, { max: 400, through: what && who && what.start >= who.start ? what.end : undefined });
      const central = isCentral(doc.issuer);

      out.push({
        kind: "assignment",
        doc,
        part: "section",
        section: row.section,
        quote,
        question,
        correct: answer,
        distractors: pickDistractors({
          correct: answer,
          candidates: bodies,
          exclude: [...named, ...group.flatMap((a) => [...a.partners, a.reportTo ?? ""])],
          question,
          // A central document names few bodies besides those it assigns: Bộ Chính trị, Ban Bí thư… are plausible
          // and certainly not assigned when no row gives them a task.
          valid: (c) => isOtherBody(c, answer, doc, kb, { allowNamed: central }),
          rank: levelRank(answer),
          seed: `assignment:${doc.id}:${row.section}:${normCheck(row.task).slice(0, 40)}`,
        }),
      });
    }
  }
  return out;
}
