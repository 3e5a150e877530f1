/**
 * Blanks on content words that identify the sentence (issue 13): a technical term from an enumeration ("khu công
 * nghệ cao, trung tâm tài chính, ___, trường đại học, viện nghiên cứu") or a named body ("Phát huy vai trò của ___
 * và các tổ chức chính trị - xã hội"). Never a generic word: a blank whose every word pair is directive boilerplate
 * ("tăng cường", "công tác", "kiểm tra") or common across the document is refused, since several options could fit.
 * Distractors are of the same kind (terms for a term, bodies of the same level for a body), from the same document
 * first, and never one the corpus writes in the same place.
 */
import { bodyLevel } from "../bodies.js";
import { distinctivePairs, type DocContext, type QuizCorpus } from "../corpus.js";
import { chooseDistractors, similarity } from "../fairness.js";
import type { Draft } from "../item.js";
import { enumerations, sentencesOf, wordCount, type Piece } from "../sentences.js";
import { quoteAround } from "../sources.js";
import { isContentTermShape, termKind } from "../terms.js";
import { scan } from "../tokens.js";
import { normCheck } from "../text.js";
import { QUIZ_TUNING } from "../tuning.js";
import { type Blank, blankQuestion, fitsNowhere, standsOnce } from "./blank.js";

const LEAD = "Điền vào chỗ trống";

/**
 * A term worth a blank in this document: the shape of a term (terms.ts), with a word pair that is not generic in
 * the document (it identifies the sentence).
 */
export function isContentTerm(ctx: DocContext, term: string): boolean {
  return isContentTermShape(term) && distinctivePairs(ctx, term).length > 0;
}

const head = (t: string) => normCheck(t).split(" ")[0] ?? "";

/** Body names in a text: the longest run of words starting at a capital that the corpus knows as a body. */
export function bodiesIn(text: string, corpus: Pick<QuizCorpus, "bodySeqs" | "bodyFirsts">): Piece[] {
  const words: { id: number; start: number; end: number }[] = [];
  scan(text, (id, _brk, start, end) => words.push({ id, start, end }));
  const out: Piece[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // Only a capitalized word that starts some known body can start one here.
    if (!corpus.bodyFirsts.has(w.id) || !/\p{Lu}/u.test(text[w.start]!)) continue;
    for (let len = Math.min(10, words.length - i); len >= 2; len--) {
      if (!corpus.bodySeqs.has(words.slice(i, i + len).map((x) => x.id).join(","))) continue;
      const last = words[i + len - 1]!;
      out.push({ text: text.slice(w.start, last.end), start: w.start, end: last.end });
      i += len - 1;
      break;
    }
  }
  return out;
}

interface Candidate {
  blank: Blank;
  /** Offset of the blank in the section text (title and body). */
  at: number;
  kind: "term" | "body";
  sentenceStart: number;
}

/** Blanks of a section, sentence by sentence, produced as the caller asks for them (it stops at its cap). */
function* blanksOf(ctx: DocContext, corpus: QuizCorpus, body: string, offset: number, isTerm: (t: string) => boolean): Generator<Candidate> {
  const sentences = sentencesOf(body).filter((x) => x.text.length >= 50);
  if (!sentences.length) return;
  // Enumerations and body names are found once per section; each is placed in the sentence that holds it.
  const items = enumerations(body).flatMap((e) => e.items);
  const bodies = bodiesIn(body, corpus);
  for (const sentence of sentences) {
    const end = sentence.start + sentence.text.length;
    for (const it of items) {
      if (it.start < sentence.start || it.end > end || !isTerm(it.text)) continue;
      const blank = { sentence: sentence.text, start: it.start - sentence.start, end: it.end - sentence.start };
      yield { blank, at: offset + it.start, kind: "term", sentenceStart: sentence.start };
    }
    for (const b of bodies) {
      if (b.start < sentence.start || b.end > end) continue;
      yield { blank: { sentence: sentence.text, start: b.start - sentence.start, end: b.end - sentence.start }, at: offset + b.start, kind: "body", sentenceStart: sentence.start };
    }
  }
}

export function clozeDrafts(ctx: DocContext, corpus: QuizCorpus): Draft[] {
  const out: Draft[] = [];
  // Whether a phrase is a content term in this document, asked of the same phrases many times (as a blank, as a
  // candidate for the other blanks): decided once each.
  const termMemo = new Map<string, boolean>();
  const isTerm = (t: string) => {
    let v = termMemo.get(t);
    if (v === undefined) termMemo.set(t, (v = isContentTerm(ctx, t)));
    return v;
  };
  const perPart = new Map<string, number>();
  // Terms of this document's other enumerations: the closest distractors for a term (gathered when first needed).
  let own: { all: string[]; byHead: Map<string, string[]> } | null = null;
  const ownTerms = () => {
    if (!own) {
      const all = ctx.doc.sections.flatMap((s) => enumerations(s.text).flatMap((e) => e.items.map((it) => it.text).filter(isTerm)));
      const byHead = new Map<string, string[]>();
      for (const t of all) byHead.set(head(t), [...(byHead.get(head(t)) ?? []), t]);
      own = { all, byHead };
    }
    return own;
  };
  const docBodies = ctx.doc.assignments.map((a) => a.assignee);

  for (const s of ctx.doc.sections) {
    if (ctx.copied.has(s.path)) continue;
    const part = s.path.split(".")[0] ?? "";
    const text = [s.title, s.text].filter((x) => x && x.trim()).join("\n");
    const offset = s.title && s.title.trim() ? s.title.length + 1 : 0;
    const usedSentences = new Set<number>();
    for (const { blank, at, kind, sentenceStart } of blanksOf(ctx, corpus, s.text, offset, isTerm)) {
      if ((perPart.get(part) ?? 0) >= QUIZ_TUNING.clozePerPart) break;
      // One blank per sentence: two questions on one sentence give each other away.
      if (usedSentences.has(sentenceStart) || !standsOnce(blank)) continue;
      const correct = blank.sentence.slice(blank.start, blank.end);
      const quote = quoteAround(text, { start: at, end: at + correct.length });
      // Asked already from a document this one copies: that item fills this slot.
      if (ctx.known(correct, quote)) {
        usedSentences.add(sentenceStart);
        perPart.set(part, (perPart.get(part) ?? 0) + 1);
        continue;
      }
      const question = blankQuestion(LEAD, ctx.doc, s.path, blank);
      const n = wordCount(correct);
      const chosen =
        kind === "term"
          ? chooseDistractors({
              correct,
              tiers: [
                { candidates: ownTerms().byHead.get(head(correct)) ?? [], distance: 0.2 },
                { candidates: ownTerms().all, distance: 0.5 },
                { candidates: corpus.termsByKind.get(termKind(correct) ?? "") ?? [], distance: 0.8 },
              ],
              valid: (c) => Math.abs(wordCount(c) - n) <= 2 && termKind(c) === termKind(correct) && isTerm(c) && fitsNowhere(corpus, blank, c),
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
      out.push({ kind: "cloze", doc: ctx.doc, part: "section", section: s.path, quote, question, correct, distractors: chosen.distractors, distances: chosen.distances });
    }
  }
  return out;
}
