/**
 * "Theo Kết luận số 69-KL/TW (mục 5), nhận định nào sau đây đúng?" — one statement as the document writes it, and
 * statements of the same part each changed minimally: a number or year, a body, or the sense of the verb
 * ("khuyến khích" → "hạn chế", "đã" → "chưa"). A changed statement is offered only if the corpus never writes it
 * (it would be true somewhere); the true one is quoted.
 */
import { bodyLevel, isLeadership } from "../bodies.js";
import { bodyKey, contentSyllables, type DocContext, parentPath, type QuizCorpus, topPart } from "../corpus.js";
import type { Draft } from "../item.js";
import { docRef, partLabel } from "../label.js";
import { clausesOf, wordCount, type Piece } from "../sentences.js";
import { sameOption } from "../fairness.js";
import { capitalize, collapse, containsPhrase, normCheck, shuffled } from "../text.js";
import { QUIZ_TUNING } from "../tuning.js";
import { TELEGRAM_LIMITS } from "../types.js";
import { bodiesIn } from "./cloze.js";
import { CONTINUATION } from "./group.js";
import { numberCandidates, numberMentions } from "./numbers.js";

/**
 * A reversal applies to a verb followed by its object: not to one ending a list ("ưu tiên, tập trung nguồn lực"),
 * nor to one joined to another verb ("phát triển và ứng dụng", "khuyến khích và tạo điều kiện").
 */
const OBJ = String.raw`(?=\s+[\p{Ll}\p{Lu}])(?!\s+(?:và|hoặc|hay)(?!\p{L}))`;

/** A verb that opens the statement (its main verb), reversed. */
const opening = (verb: string, replacement: string): [RegExp, string] => [new RegExp(String.raw`^(?:${verb})(?!\p{L})${OBJ}`, "iu"), replacement];

/**
 * Verbs and markers whose opposite makes a directive say the reverse. Only pairs whose change cannot be read as a
 * paraphrase: "khuyến khích" → "hạn chế" is false wherever the text encourages. Verbs are reversed only where they
 * open the statement (a verb further in may belong to a list: "hoàn thiện các chính sách về hỗ trợ xác lập…");
 * "đã"/"chưa" anywhere, as assessments use them ("Đầu tư … chưa tương xứng").
 */
const REVERSALS: [RegExp, string][] = [
  opening("khuyến khích", "hạn chế"),
  opening("đẩy mạnh", "hạn chế"),
  opening("tăng cường", "giảm bớt"),
  opening("mở rộng", "thu hẹp"),
  opening("thúc đẩy", "kìm hãm"),
  opening("ưu tiên", "hạn chế"),
  opening("có", "không có"),
  opening("phát triển", "thu hẹp"),
  opening("nâng cao", "hạ thấp"),
  opening("thành lập", "giải thể"),
  opening("tạo điều kiện", "gây khó khăn"),
  opening("tập trung", "hạn chế"),
  opening("hỗ trợ", "hạn chế"),
  // Not before "đúng mức", "thích đáng": "xem nhẹ đúng mức" says nothing.
  [new RegExp(String.raw`^(?:quan tâm|chú trọng)(?!\p{L})(?!\s+(?:đúng mức|thích đáng))${OBJ}`, "iu"), "xem nhẹ"],
  opening("gia tăng", "cắt giảm"),
  [new RegExp(String.raw`(?<!\p{L})đã(?!\p{L})${OBJ}`, "iu"), "chưa"],
  // "còn chưa hợp lý" → "đã hợp lý", not "còn đã hợp lý".
  [new RegExp(String.raw`(?<!\p{L})(?:còn\s+)?chưa(?!\p{L})${OBJ}`, "iu"), "đã"],
];

export interface Change {
  text: string;
  /** Where the change is in the changed text, to check that the corpus never writes it. */
  start: number;
  end: number;
  /** 0 (subtle: a number, a body) … 1 (plain: the sense reversed). */
  distance: number;
}

function keepCase(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? capitalize(replacement) : replacement;
}

/** Minimal changes of a statement, subtle ones first. */
export function changesOf(statement: string, ctx: DocContext, corpus: QuizCorpus): Change[] {
  const out: Change[] = [];
  for (const m of numberMentions(statement)) {
    for (const c of numberCandidates(m).slice(0, 2)) {
      const text = `${statement.slice(0, m.start)}${c.text}${statement.slice(m.end)}`;
      out.push({ text, start: m.start, end: m.start + c.text.length, distance: Math.min(0.5, c.distance) });
    }
  }
  for (const b of bodiesIn(statement, corpus)) {
    const level = bodyLevel(b.text);
    // Bodies the document gives other tasks first (a subtle change), then others of the same level.
    const docBodies = ctx.doc.assignments.map((a) => a.assignee).filter((x) => /^\p{Lu}/u.test(x) && bodyLevel(x) === level);
    const pool = [...docBodies, ...shuffled((corpus.bodies.get(level) ?? []).slice(0, 40), `tf-body:${statement}`)];
    for (const other of pool) {
      // Never the same body under another name, a leading body or the issuer ("Bộ Chính trị chỉ đạo…" in the
      // Politburo's own conclusion is not certainly wrong), nor a body already in the statement.
      if (sameOption(other, b.text) || isLeadership(other) || bodyKey(other) === bodyKey(ctx.doc.issuer) || containsPhrase(statement, other)) continue;
      const text = `${statement.slice(0, b.start)}${other}${statement.slice(b.end)}`;
      out.push({ text, start: b.start, end: b.start + other.length, distance: docBodies.includes(other) ? 0.3 : 0.5 });
      break;
    }
  }
  // The reversal nearest the start: the main verb of a directive clause comes first.
  let first: { m: RegExpExecArray; replacement: string } | null = null;
  for (const [re, replacement] of REVERSALS) {
    const m = re.exec(statement);
    if (m && (!first || m.index < first.m.index)) first = { m, replacement };
  }
  if (first) {
    const { m, replacement } = first;
    const rep = keepCase(m[0], replacement);
    const text = `${statement.slice(0, m.index)}${rep}${statement.slice(m.index + m[0].length)}`;
    out.push({ text, start: m.index, end: m.index + rep.length, distance: 0.9 });
  }
  return out;
}

/** Is the changed statement something the corpus never writes (around the change)? */
function neverWritten(corpus: QuizCorpus, c: Change): boolean {
  const words = [...c.text.matchAll(/[\p{L}\p{N}]+/gu)];
  const i = words.findIndex((w) => w.index + w[0].length > c.start);
  let j = words.findIndex((w) => w.index >= c.end);
  if (j < 0) j = words.length;
  const n = QUIZ_TUNING.attestedContext;
  const window = words.slice(Math.max(0, i - n), Math.min(words.length, j + n)).map((w) => w[0]);
  return !corpus.phrases.has(window.join(" "));
}

/**
 * A statement as an option: the clause, cut at the last word boundary that fits (marked "…") when longer than an
 * option. Not at an earlier comma, as other options are cut: a statement cut short says less than it claims.
 */
function asOption(text: string): string {
  const t = collapse(text);
  if (t.length <= QUIZ_TUNING.optionChars) return capitalize(t);
  const room = t.slice(0, QUIZ_TUNING.optionChars - 1);
  return capitalize(`${room.slice(0, room.lastIndexOf(" ")).replace(/[\s,;:.\-–]+$/, "")}…`);
}

/**
 * Words that open a clause asserting something (a measure, an assessment): a clause after ";" that opens otherwise
 * continues a list of nouns ("…; phương thức đầu tư, cơ chế tài chính, …"), and read alone asserts nothing.
 */
const STATEMENT_START = new Set(
  ("tăng đẩy nâng xây phát hoàn đổi thực triển tổ chú quan bảo đảm khuyến hỗ thu mở tạo thúc ưu tập nghiên kịp xác rà sửa bố vận " +
    "hướng kiểm giám đào hình ứng chủ tiếp khẩn chuyển huy phân sắp tận thành gia cải ban có chưa đã còn khẳng góp nhà cơ khoa")
    .split(" ")
    .map(normCheck),
);

/** Clauses that may be statements, by their shape (their content is checked when one is used: `asserts`). */
function statementsOf(text: string): Piece[] {
  return clausesOf(text).filter((c) => {
    const n = wordCount(c.text);
    if (n < QUIZ_TUNING.statementWords.min || n > QUIZ_TUNING.statementWords.max || /[:“”"()]/u.test(c.text) || CONTINUATION.test(c.text)) return false;
    // A sentence's first clause asserts; a later one must open with a verb or a subject that does.
    const opensSentence = c.start === 0 || /[.!?\n]\s*$/u.test(text.slice(Math.max(0, c.start - 3), c.start));
    return opensSentence || STATEMENT_START.has(normCheck(c.text.split(/\s+/)[0] ?? ""));
  });
}

export function trueFalseDrafts(ctx: DocContext, corpus: QuizCorpus): Draft[] {
  const out: Draft[] = [];
  const ref = docRef(ctx.doc);
  // Statements by the part they stand in: siblings of one parent when they hold enough (Nghị quyết 20's "B" is
  // half the document), else the top-level part. A question stays within one part.
  const statements: { section: string; piece: Piece; group: string }[] = [];
  for (const s of ctx.doc.sections) {
    // A copied section's statements are asked, true or changed, from the document it was copied from.
    if (!s.path || ctx.copied.has(s.path)) continue;
    for (const piece of statementsOf(s.text)) statements.push({ section: s.path, piece, group: parentPath(s.path) || s.path });
  }
  const bySibling = new Map<string, number>();
  for (const st of statements) bySibling.set(st.group, (bySibling.get(st.group) ?? 0) + 1);
  const byPart = new Map<string, typeof statements>();
  for (const st of statements) {
    const key = (bySibling.get(st.group) ?? 0) >= 4 ? st.group : topPart(st.section);
    if (!byPart.has(key)) byPart.set(key, []);
    byPart.get(key)!.push(st);
  }
  for (const [part, group] of byPart) {
    if (group.length < 3) continue;
    // A change counts only where the option keeps it (a cut after the change would hide it). Computed when a
    // statement is first needed: a part yields two questions, whatever its length.
    const memo = new Map<number, Change[]>();
    const changedAt = (i: number) => {
      let c = memo.get(i);
      if (!c) {
        c = asserts(i) ? changesOf(group[i]!.piece.text, ctx, corpus).filter((x) => x.end <= QUIZ_TUNING.optionChars - 2 && neverWritten(corpus, x)) : [];
        memo.set(i, c);
      }
      return c;
    };
    // Statements of directive boilerplate only assert nothing a reader could recall.
    const contentMemo = new Map<number, boolean>();
    const asserts = (i: number) => {
      let v = contentMemo.get(i);
      if (v === undefined) contentMemo.set(i, (v = contentSyllables(ctx, group[i]!.piece.text) >= QUIZ_TUNING.minContentSyllables));
      return v;
    };
    let made = 0;
    for (let t = 0; t < group.length && made < QUIZ_TUNING.statementsPerPart; t++) {
      const ti = (t * 7 + part.length) % group.length;
      const truth = group[ti]!;
      if (!asserts(ti)) continue;
      const correct = asOption(truth.piece.text);
      // Asked already from a document this one copies: that item fills this slot.
      if (ctx.known(correct, truth.piece.text)) {
        made++;
        continue;
      }
      const distractors: string[] = [];
      const distances: number[] = [];
      // Each question of a part starts its distractors further on: two questions do not share their wrong options.
      for (let k = 0; k < group.length && distractors.length < QUIZ_TUNING.distractors; k++) {
        const idx = (ti + 1 + made * QUIZ_TUNING.distractors + k) % group.length;
        if (idx === ti) continue;
        const changes = changedAt(idx);
        const c = changes[made % Math.max(1, changes.length)];
        if (!c) continue;
        const option = asOption(c.text);
        if (sameOption(option, correct) || distractors.some((d) => sameOption(d, option))) continue;
        distractors.push(option);
        distances.push(c.distance);
      }
      if (distractors.length < QUIZ_TUNING.distractors) continue;
      const question = `Theo ${ref} (${partLabel("section", part)}), nhận định nào sau đây đúng?`;
      if (question.length > TELEGRAM_LIMITS.questionChars) break;
      out.push({
        kind: "truefalse",
        doc: ctx.doc,
        part: "section",
        section: truth.section,
        quote: truth.piece.text,
        question,
        correct,
        distractors,
        distances,
      });
      made++;
    }
  }
  return out;
}
