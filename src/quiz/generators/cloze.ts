/**
 * Blanks on content words that identify the sentence (issue 13): a technical term from an enumeration ("khu công
 * nghệ cao, trung tâm tài chính, ___, trường đại học, viện nghiên cứu") or a named body ("Phát huy vai trò của ___
 * và các tổ chức chính trị - xã hội"). Never a generic word: a blank whose every word pair is directive boilerplate
 * ("tăng cường", "công tác", "kiểm tra") or common across the document is refused, since several options could fit.
 * Distractors are of the same kind (terms for a term, bodies of the same level for a body), from the same document
 * first, and never one the corpus writes in the same place.
 */
import { bodyLevel } from "../bodies.js";
import { bodyKey, distinctivePairs, type DocContext, pairsOf, type QuizCorpus } from "../corpus.js";
import { chooseDistractors, similarity } from "../fairness.js";
import type { Draft } from "../item.js";
import { enumerations, sentencesOf, wordCount, type Piece } from "../sentences.js";
import { quoteAround } from "../sources.js";
import { normCheck } from "../text.js";
import { QUIZ_TUNING } from "../tuning.js";
import { type Blank, blankQuestion, fitsNowhere, standsOnce } from "./blank.js";

const LEAD = "Điền vào chỗ trống";

/** Words that show a phrase is a piece of a clause, not a term: a possessive, a plural marker, a verb's helper. */
const NOT_A_TERM = /(?<!\p{L})(của|các|những|là|được|để|nhằm|nhất|đồng thời|đã|sẽ|có|không|chưa|theo|trong|từ|đến|bao gồm|với|cho)(?!\p{L})/iu;

/**
 * What kind of thing a term names, from its head word: a distractor for a term is of the same kind (an institution
 * for "quỹ đầu tư mạo hiểm", a kind of person for "nhà khoa học giỏi"). A term of no known kind gets no blank: its
 * distractors could not be told to be of its kind.
 */
const TERM_KINDS: [string, string[]][] = [
  ["institution", ["trung tâm", "quỹ", "trường", "viện", "học viện", "sàn", "chợ", "khu", "mạng lưới", "vườn ươm", "phòng thí nghiệm", "cơ sở", "hiệp hội", "tập đoàn", "doanh nghiệp", "cụm", "nền tảng", "hệ thống", "đại học", "văn phòng", "cổng", "hạ tầng", "tổ chức dịch vụ", "tổ chức trung gian"]],
  ["person", ["nhà", "chuyên gia", "cán bộ", "nhân tài", "sinh viên", "đội ngũ", "người", "thanh niên", "trí thức", "doanh nhân", "nhân lực", "giảng viên", "học sinh", "nhóm nghiên cứu"]],
  ["technology", ["công nghệ", "thiết bị", "phần mềm", "dữ liệu", "trí tuệ nhân tạo", "vật liệu", "năng lượng", "chuyển đổi số"]],
  ["field", ["kinh tế", "nông nghiệp", "công nghiệp", "thương mại", "du lịch", "lĩnh vực", "ngành", "thị trường", "chuỗi"]],
  ["instrument", ["chính sách", "cơ chế", "chiến lược", "chương trình", "đề án", "tiêu chuẩn", "chuẩn mực", "quy chuẩn", "thông lệ", "quy hoạch", "luật", "hiệp định"]],
  ["activity", ["cải tiến", "hợp lý hoá", "hợp lý hóa", "phản biện", "tư vấn", "đào tạo", "chuyển giao", "thử nghiệm", "triển lãm", "sáng chế", "sáng kiến", "khởi nghiệp", "định giá", "môi giới", "thống kê", "dự báo"]],
  ["party", ["ban cán sự", "đảng đoàn", "đảng uỷ", "đảng ủy", "ban đảng", "cấp uỷ", "cấp ủy", "tổ chức đảng", "chi bộ", "ban thường vụ", "tỉnh uỷ", "tỉnh ủy", "thành uỷ", "thành ủy"]],
];
const HEADS = TERM_KINDS.flatMap(([kind, heads]) => heads.map((h) => [normCheck(h), kind] as const)).sort((a, b) => b[0].length - a[0].length);

/** The kind of thing a term names, or null. */
export function termKind(term: string): string | null {
  const t = `${normCheck(term)} `;
  for (const [h, kind] of HEADS) if (t.startsWith(`${h} `)) return kind;
  return null;
}

/**
 * A term worth a blank: a lower-case noun phrase of three to six words (shorter ones are everyday words several
 * options could replace), without digits, not opening with a directive verb ("phát triển …", "tạo …"), with a
 * word pair that is not generic in the document.
 */
export function isContentTerm(ctx: DocContext, term: string): boolean {
  const n = wordCount(term);
  if (n < QUIZ_TUNING.termWords.min || n > QUIZ_TUNING.termWords.max || /\d/.test(term) || !/^\p{Ll}/u.test(term)) return false;
  if (NOT_A_TERM.test(term)) return false;
  const pairs = pairsOf(term);
  if (!pairs.length || DIRECTIVE_VERBS.has(normCheck(term).split(" ")[0]!) || !termKind(term)) return false;
  return distinctivePairs(ctx, term).length > 0;
}

/** Single-word verbs that open clauses, not terms ("tạo sự đồng bộ", "định kỳ sơ kết"). */
const DIRECTIVE_VERBS = new Set(["tạo", "định", "xây", "nâng", "tăng", "đẩy", "thúc", "phát", "hoàn", "đổi", "thực", "triển", "tổ", "chú", "quan", "bảo", "đảm", "khuyến", "hỗ", "thu", "mở", "gắn"].map(normCheck));

const head = (t: string) => normCheck(t).split(" ")[0] ?? "";

/** Body names in a sentence: the longest run of words starting at a capital that the corpus knows as a body. */
export function bodiesIn(sentence: string, known: ReadonlySet<string>): Piece[] {
  const words = [...sentence.matchAll(/[\p{L}\p{N}]+/gu)];
  const out: Piece[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i]![0])) continue;
    for (let len = Math.min(10, words.length - i); len >= 2; len--) {
      const start = words[i]!.index;
      const last = words[i + len - 1]!;
      const end = last.index + last[0].length;
      const text = sentence.slice(start, end);
      if (known.has(bodyKey(text))) {
        out.push({ text, start, end });
        i += len - 1;
        break;
      }
    }
  }
  return out;
}

export function clozeDrafts(ctx: DocContext, corpus: QuizCorpus): Draft[] {
  const out: Draft[] = [];
  const perPart = new Map<string, number>();
  // Terms of this document's other enumerations: the closest distractors for a term.
  const ownTerms: string[] = [];
  for (const s of ctx.doc.sections) for (const e of enumerations(s.text)) for (const it of e.items) if (isContentTerm(ctx, it.text)) ownTerms.push(it.text);
  const docBodies = ctx.doc.assignments.map((a) => a.assignee);

  for (const s of ctx.doc.sections) {
    const part = s.path.split(".")[0] ?? "";
    const text = [s.title, s.text].filter((x) => x && x.trim()).join("\n");
    const offset = s.title && s.title.trim() ? s.title.length + 1 : 0;
    const blanks: { blank: Blank; at: number; kind: "term" | "body"; sentenceStart: number }[] = [];
    for (const sentence of sentencesOf(s.text)) {
      if (sentence.text.length < 50) continue;
      for (const e of enumerations(sentence.text)) {
        for (const it of e.items) {
          if (!isContentTerm(ctx, it.text)) continue;
          blanks.push({ blank: { sentence: sentence.text, start: it.start, end: it.end }, at: offset + sentence.start + it.start, kind: "term", sentenceStart: sentence.start });
        }
      }
      for (const b of bodiesIn(sentence.text, corpus.bodyKeys)) {
        blanks.push({ blank: { sentence: sentence.text, start: b.start, end: b.end }, at: offset + sentence.start + b.start, kind: "body", sentenceStart: sentence.start });
      }
    }
    const usedSentences = new Set<number>();
    for (const { blank, at, kind, sentenceStart } of blanks) {
      if ((perPart.get(part) ?? 0) >= QUIZ_TUNING.clozePerPart) break;
      // One blank per sentence: two questions on one sentence give each other away.
      if (usedSentences.has(sentenceStart) || !standsOnce(blank)) continue;
      const correct = blank.sentence.slice(blank.start, blank.end);
      const question = blankQuestion(LEAD, ctx.doc, s.path, blank);
      const n = wordCount(correct);
      const chosen =
        kind === "term"
          ? chooseDistractors({
              correct,
              tiers: [
                { candidates: ownTerms.filter((t) => head(t) === head(correct)), distance: 0.2 },
                { candidates: ownTerms, distance: 0.5 },
                { candidates: corpus.terms, distance: 0.8 },
              ],
              valid: (c) => Math.abs(wordCount(c) - n) <= 2 && termKind(c) === termKind(correct) && isContentTerm(ctx, c) && fitsNowhere(corpus, blank, c),
              distance: (c, d) => Math.min(d, 1 - similarity(c, correct)),
              seed: `cloze:${ctx.doc.id}:${s.path}:${at}`,
            })
          : chooseDistractors({
              correct,
              tiers: [
                { candidates: docBodies.filter((b) => bodyLevel(b) === bodyLevel(correct)), distance: 0.2 },
                { candidates: corpus.bodies.get(bodyLevel(correct)) ?? [], distance: 0.6 },
              ],
              valid: (c) => /^\p{Lu}/u.test(c) && fitsNowhere(corpus, blank, c),
              seed: `cloze-body:${ctx.doc.id}:${s.path}:${at}`,
            });
      if (chosen.distractors.length < QUIZ_TUNING.distractors) continue;
      usedSentences.add(sentenceStart);
      perPart.set(part, (perPart.get(part) ?? 0) + 1);
      out.push({
        kind: "cloze",
        doc: ctx.doc,
        part: "section",
        section: s.path,
        quote: quoteAround(text, { start: at, end: at + correct.length }),
        question,
        correct,
        distractors: chosen.distractors,
        distances: chosen.distances,
      });
    }
  }
  return out;
}
