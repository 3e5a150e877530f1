/**
 * "Which group of tasks does this measure belong to?" — for any document whose body is a set of headed parts (the
 * six groups of Kết luận 69, the tasks and solutions of Nghị quyết 20, the chapters of a plan). The measure is a
 * clause of one part's text; the options are the headings of the same parent. A measure is used only when it
 * identifies its group: it shares no distinctive word pair with another heading (it would fit there too) nor with
 * another part's text (the same measure stated twice), and it does not repeat the words of its own heading (a
 * giveaway).
 */
import type { Section } from "../../domain/model.js";
import { contentSyllables, distinctivePairs, type DocContext, isGenericPair, isUnder, pairsOf } from "../corpus.js";
import { chooseDistractors, similarity } from "../fairness.js";
import { FRAGMENT_JOIN, type Draft } from "../item.js";
import { docRef } from "../label.js";
import { clausesOf, wordCount } from "../sentences.js";
import { clip, collapse, isUpperLabel } from "../text.js";
import { QUIZ_TUNING } from "../tuning.js";

/** Headings that name no content of their own: never a group to ask about. */
export const GENERIC_HEADING = /^(tổ chức thực hiện|mục đích|yêu cầu|mục đích, yêu cầu|kinh phí|hiệu lực|điều khoản thi hành|nơi nhận)/iu;

/** Words that open a clause continuing the one before it, not a measure of its own. */
export const CONTINUATION = /^(gắn với|gắn|nhằm|để|trong đó|nhất là|góp phần|qua đó|từ đó|theo|với|và|cũng như|bảo đảm|phù hợp|là|đáp ứng|tạo nền tảng|coi|xem)(?!\p{L})/iu;

/** A heading usable as an option: a phrase, not a body, not boilerplate. */
export function headingLabel(section: Section): string | null {
  if (!section.title) return null;
  const label = collapse(section.title).replace(/[.;:]+$/, "");
  if (label.length < 12 || GENERIC_HEADING.test(label)) return null;
  if (isUpperLabel(label) && label.length < 25) return null;
  return clip(label, QUIZ_TUNING.optionChars);
}

/**
 * What the question asks the measure belongs to: "nhóm nhiệm vụ trọng tâm nào" when the lead-in says "nhiệm vụ
 * trọng tâm sau:", "phần nào của mục B.III.2" for untyped subparts.
 */
function groupNoun(ctx: DocContext, parent: string): string {
  const p = ctx.section.get(parent);
  const lead = `${p?.title ?? ""} ${(p?.text ?? "").slice(-200)}`.toLowerCase();
  const m = /(nhiệm vụ(?: trọng tâm| chủ yếu)?|giải pháp(?: chủ yếu)?|mục tiêu|quan điểm|định hướng)[^:.;]{0,30}(?:sau|như sau)?\s*:?\s*$/u.exec(lead.trim());
  if (m) return `nhóm ${m[1]} nào`;
  if (/nhiệm vụ|giải pháp/u.test(lead)) return "nhóm nhiệm vụ, giải pháp nào";
  return parent ? `phần nào của mục ${parent}` : "mục nào";
}

export function groupDrafts(ctx: DocContext): Draft[] {
  const out: Draft[] = [];
  const ref = docRef(ctx.doc);
  for (const [parent, kids] of ctx.children) {
    const groups = kids.map((s) => ({ s, label: headingLabel(s) })).filter((g): g is { s: Section; label: string } => g.label !== null);
    if (groups.length < 3) continue;
    const noun = groupNoun(ctx, parent);
    const headingPairs = groups.map((g) => new Set(pairsOf(g.label).filter((p) => !isGenericPair(ctx, p))));
    // The sections of the other groups (their whole subtrees): a measure whose words stand there fits there too.
    const elsewhere = (gi: number) =>
      ctx.sectionPairs.filter((_, si) => {
        const path = ctx.doc.sections[si]!.path;
        return groups.some((o, oi) => oi !== gi && isUnder(path, o.s.path));
      });
    groups.forEach((g, gi) => {
      if (!g.s.text.trim() || ctx.copied.has(g.s.path)) return;
      let others: Set<number>[] | null = null;
      const measures: { text: string; start: number }[] = [];
      const clauses = clausesOf(g.s.text);
      // Clauses visited spread over the part (first, last, middle, quarters…), until enough measures pass: a long
      // part is not read whole for the four it gives.
      for (const ci of spreadOrder(clauses.length)) {
        if (measures.length >= QUIZ_TUNING.measuresPerGroup) break;
        const c = clauses[ci]!;
        const n = wordCount(c.text);
        if (n < QUIZ_TUNING.measureWords.min || n > QUIZ_TUNING.measureWords.max || /:$/.test(c.text)) continue;
        // A clause that continues the previous one ("…; gắn với phát triển kinh tế - xã hội…") is not a measure, and
        // one of directive boilerplate only ("tăng cường công tác kiểm tra, giám sát…") says nothing to recall.
        if (CONTINUATION.test(c.text) || contentSyllables(ctx, c.text) < QUIZ_TUNING.minContentSyllables) continue;
        const pairs = distinctivePairs(ctx, c.text);
        // Fits another group too: it uses that group's own words, or the same words stand in that group's text.
        if (headingPairs.some((h, hi) => hi !== gi && pairs.some((p) => h.has(p)))) continue;
        others ??= elsewhere(gi);
        const own = pairs.filter((p) => !others!.some((set) => set.has(p)));
        if (own.length < 2) continue;
        // A giveaway: the measure repeats its heading's words.
        if (pairs.filter((p) => headingPairs[gi]!.has(p)).length >= 2) continue;
        measures.push({ text: c.text, start: c.start });
      }
      const picked = measures.sort((a, b) => a.start - b.start);
      for (const m of picked) {
        const measure = m.text.replace(/^\p{Ll}/u, (ch) => ch.toLocaleUpperCase("vi"));
        const quote = `${collapse(g.s.title!)}${FRAGMENT_JOIN}${collapse(m.text)}`;
        if (ctx.known(g.label, quote)) continue;
        const question = `Theo ${ref}, nội dung “${clip(measure, 200)}” thuộc ${noun}?`;
        const others = groups.filter((_, i) => i !== gi).map((o) => o.label);
        const chosen = chooseDistractors({
          correct: g.label,
          tiers: [{ candidates: others, distance: 0.3 }],
          question,
          // Headings that share much of the answer's wording are the hard ones.
          distance: (c) => 1 - similarity(c, g.label),
          seed: `group:${ctx.doc.id}:${g.s.path}:${m.start}`,
        });
        out.push({
          kind: "group",
          doc: ctx.doc,
          part: "section",
          section: g.s.path,
          // Heading and measure as two fragments, even when the measure opens the part: they read as two lines.
          quote,
          question,
          correct: g.label,
          distractors: chosen.distractors,
          distances: chosen.distances,
        });
      }
    });
  }
  return out;
}

/** Indices 0…n-1 in the order that spreads them over the range: 0, n-1, the middle, the quarters, … */
export function spreadOrder(n: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const visit = (i: number) => {
    if (i >= 0 && i < n && !seen.has(i)) {
      seen.add(i);
      out.push(i);
    }
  };
  visit(0);
  visit(n - 1);
  for (let parts = 2; out.length < n; parts *= 2) for (let k = 1; k < parts; k += 2) visit(Math.round((k * (n - 1)) / parts));
  return out;
}
