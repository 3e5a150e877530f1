/**
 * Who is assigned what, both ways:
 * - "assignment": "Theo Kết luận số 69-KL/TW, cơ quan nào chủ trì, phối hợp … hướng dẫn, theo dõi, kiểm tra…?" —
 *   the answer is a named body; distractors are bodies of the same level (central bodies for a central document),
 *   those the same document gives other tasks first, and never a body the document or the corpus gives this task
 *   (it would also be right).
 * - "task": "Theo Kết luận số 69-KL/TW, Ban Tuyên giáo Trung ương được giao nhiệm vụ nào?" — the answer is the
 *   body's task; distractors are the tasks the same document gives other bodies.
 */
import type { Assignment } from "../../domain/model.js";
import { bodyLevel, cleanBody, isLeadership } from "../bodies.js";
import { bodyKey, distinctivePairs, docNames, type DocContext, type QuizCorpus, taskKey } from "../corpus.js";
import { chooseDistractors, type Tier } from "../fairness.js";
import type { Draft } from "../item.js";
import { docRef, partLabel } from "../label.js";
import { quoteAround, sectionSource } from "../sources.js";
import { capitalize, clip, collapse, decapitalize, findSpans, normCheck, type Span } from "../text.js";
import { QUIZ_TUNING } from "../tuning.js";
import { TELEGRAM_LIMITS } from "../types.js";

/** The clause of the task the question quotes: from "chủ trì" for a lead role, else the first clause. */
export function taskClause(row: Assignment): string {
  // A task copied from a bullet keeps its dash ("- Xây dựng kế hoạch…"): not part of the task.
  const task = collapse(row.task).replace(/^[-–•*+\s]+/u, "");
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

function groupsOf(rows: Assignment[]): Assignment[][] {
  const groups = new Map<string, Assignment[]>();
  for (const a of rows) {
    const key = `${a.section}\u0000${normCheck(a.task)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(a);
  }
  return [...groups.values()];
}

/** The verbatim quote from an assignee to the quoted task: the task's nearest occurrence after the body's name. */
function rowQuote(text: string, row: Assignment, clause: string): string | null {
  const words = clause.replace(/…$/, "").split(/\s+/);
  const anchors = [words.slice(0, 6), words.slice(2, 8), words.slice(4, 10)].map((w) => w.join(" ")).filter((a) => a.split(" ").length >= 3);
  const whos = findSpans(text, row.assignee);
  let what: Span | undefined;
  for (const a of anchors) {
    const spans = findSpans(text, a);
    what = spans.find((s) => whos.some((w) => w.start <= s.start)) ?? spans[0];
    if (what) break;
  }
  const who = what ? ([...whos].reverse().find((w) => w.start <= what!.start) ?? whos[0]) : whos[0];
  const span = who ?? what;
  if (!span) return null;
  return quoteAround(text, span, { max: 400, through: what && who && what.start >= who.start ? what.end : undefined });
}

/** A task as an option: its first clause, capitalized, cut at a clause boundary when longer than an option. */
function taskOption(row: Assignment): string {
  return capitalize(clip(taskClause(row), QUIZ_TUNING.optionChars));
}

export function assignmentDrafts(ctx: DocContext, corpus: QuizCorpus): Draft[] {
  const doc = ctx.doc;
  const rows = doc.assignments;
  if (!rows.length) return [];
  const out: Draft[] = [];
  const ref = docRef(doc);
  const groups = groupsOf(rows);
  const docBodies = [...new Set(rows.map((a) => cleanBody(a.assignee)).filter((b): b is string => Boolean(b)))];
  const rowPairs = new Map(rows.map((a) => [a, distinctivePairs(ctx, a.task)]));

  // Which body does this task? One question per task.
  for (const group of groups) {
    const row = group.find((a) => cleanBody(a.assignee)) ?? null;
    if (!row || ctx.copied.has(row.section)) continue;
    const answer = capitalize(collapse(row.assignee));
    if (answer.length > TELEGRAM_LIMITS.optionChars) continue;
    const lead = row.role === "chủ trì";
    const room = TELEGRAM_LIMITS.questionChars - ref.length - 60;
    const clause = clip(taskClause(row), Math.min(200, room));
    if (clause.split(/\s+/).length < 4) continue;
    const question = lead ? `Theo ${ref}, cơ quan nào ${decapitalize(clause)}?` : `Theo ${ref}, cơ quan, tổ chức nào được giao: “${capitalize(clause)}”?`;
    const source = sectionSource(doc, row.section);
    const quote = source && rowQuote(source.text, row, clause);
    if (!quote || ctx.known(answer, quote)) continue;
    const level = bodyLevel(answer);
    // A body the corpus gives this same task (a local document copying it, a co-assignee) would also be right.
    const alsoRight = new Set([...group.flatMap((a) => [a.assignee, ...a.partners, a.reportTo ?? ""]).map(bodyKey)]);
    const usedFor = corpus.taskBodies.get(taskKey(row.task));
    // A body of this document whose own task says much the same ("chỉ đạo sửa đổi, bổ sung các văn bản dưới luật"
    // against "chỉ đạo việc sửa đổi, bổ sung hoàn thiện các luật") could be taken for right: not offered.
    const clausePairs = new Set(distinctivePairs(ctx, clause));
    const overlaps = (body: string) =>
      rows.some((a) => bodyKey(a.assignee) === bodyKey(body) && rowPairs.get(a)!.filter((p) => clausePairs.has(p)).length >= 2);
    // Checked per candidate: the document's own bodies are few, the corpus tier is walked only until three are found.
    const tiers: Tier[] = [
      // Bodies the same document gives other tasks: the closest wrong answers.
      { candidates: docBodies.filter((b) => bodyLevel(b) === level), distance: 0.2 },
      { candidates: corpus.bodies.get(level) ?? [], distance: 0.6 },
    ];
    const chosen = chooseDistractors({
      correct: answer,
      tiers,
      exclude: group.flatMap((a) => [a.assignee, ...a.partners, a.reportTo ?? ""]),
      question,
      valid: (c) => {
        const k = bodyKey(c);
        if (alsoRight.has(k) || usedFor?.has(k) || isLeadership(c) || overlaps(c)) return false;
        // A local document names its own bodies by short names: another name it uses may be the same organ.
        return level === "central" || !docNames(ctx, c) || docBodies.includes(c);
      },
      seed: `assignment:${doc.id}:${row.section}:${normCheck(row.task).slice(0, 40)}`,
    });
    out.push({ kind: "assignment", doc, part: "section", section: row.section, quote, question, correct: answer, distractors: chosen.distractors, distances: chosen.distances });
  }

  // What does this body do? One question per body, its tasks against the tasks of the other bodies.
  const optionOf = new Map(rows.map((a) => [a, taskOption(a)]));
  const keyOf = new Map(rows.map((a) => [a, taskKey(a.task)]));
  const byBody = new Map<string, Assignment[]>();
  for (const a of rows) {
    const k = bodyKey(a.assignee);
    if (!byBody.has(k)) byBody.set(k, []);
    byBody.get(k)!.push(a);
  }
  for (const [, mine] of byBody) {
    const row = mine[0]!;
    if (ctx.copied.has(row.section)) continue;
    // A lower-case collective ("hội quần chúng", "các tổ chức chính trị - xã hội") is not a body to ask about.
    if (!/^\p{Lu}/u.test(row.assignee)) continue;
    const myTasks = new Set(mine.map((a) => keyOf.get(a)!));
    const correct = optionOf.get(row)!;
    if (correct.split(/\s+/).length < 4) continue;
    const source = sectionSource(doc, row.section);
    const quote = source && rowQuote(source.text, row, taskClause(row));
    if (!quote || ctx.known(correct, quote)) continue;
    const name = collapse(row.assignee);
    const where = row.section ? ` (${partLabel("section", row.section)})` : "";
    const question = `Theo ${ref}${where}, ${/^Các\s/u.test(name) ? decapitalize(name) : name} được giao nhiệm vụ nào?`;
    if (question.length > TELEGRAM_LIMITS.questionChars) continue;
    const others = [...new Map(rows.filter((a) => !myTasks.has(keyOf.get(a)!)).map((a) => [keyOf.get(a)!, a])).values()];
    const chosen = chooseDistractors({
      correct,
      tiers: [
        // Tasks of the same part first (the same list of assignments), then the rest of the document.
        { candidates: others.filter((a) => a.section === row.section).map((a) => optionOf.get(a)!), distance: 0.3 },
        { candidates: others.map((a) => optionOf.get(a)!), distance: 0.5 },
      ],
      exclude: mine.map((a) => optionOf.get(a)!),
      question,
      seed: `task:${doc.id}:${bodyKey(row.assignee)}`,
    });
    out.push({ kind: "task", doc, part: "section", section: row.section, quote, question, correct, distractors: chosen.distractors, distances: chosen.distances });
  }
  return out;
}
