/**
 * The checks every item passes before it enters the bank (a generated item passes the same): Telegram's limits,
 * options a reader can tell apart (not equal after folding diacritics and filler words), a valid correct index, a
 * citation that matches the document, a quote that is verbatim in the cited place, a correct answer that stands in
 * that quote, and a question that does not give the answer away.
 */
import { z } from "zod";
import type { QuizKnowledge } from "./knowledge.js";
import { optionProblems } from "./fairness.js";
import { quoteIsVerbatim } from "./sources.js";
import { containsPhrase, normCheck } from "./text.js";
import { QUIZ_KINDS, TELEGRAM_LIMITS as L, type QuizItem } from "./types.js";

export const quizItemSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(QUIZ_KINDS as [QuizItem["kind"], ...QuizItem["kind"][]]),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    origin: z.enum(["text", "model"]),
    documentId: z.string().min(1),
    documentDate: z.string().nullable(),
    part: z.enum(["section", "header", "closing"]),
    question: z.string().trim().min(1).max(L.questionChars),
    options: z.array(z.string().trim().min(1).max(L.optionChars)).min(L.minOptions).max(L.maxOptions),
    correct: z.array(z.number().int().nonnegative()).min(1),
    explanation: z
      .string()
      .max(L.explanationChars)
      .refine((e) => (e.match(/\n/g) ?? []).length <= L.explanationLineFeeds, "too many line feeds"),
    citation: z.object({
      docType: z.string().min(1),
      number: z.string().nullable(),
      issuer: z.string(),
      place: z.string().nullable(),
      section: z.string(),
      quote: z.string().trim().min(1),
    }),
  })
  .superRefine((item, ctx) => {
    const keys = item.options.map(normCheck);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", message: "options are not distinct" });
    const sorted = [...item.correct].sort((a, b) => a - b);
    if (sorted.some((c, i) => c >= item.options.length || (i > 0 && c === sorted[i - 1])) || sorted.join() !== item.correct.join()) {
      ctx.addIssue({ code: "custom", message: "correct must be increasing indices into options" });
    }
  });

/** Problems with an item against the knowledge it cites; empty when the item is valid. */
export function validateItem(item: QuizItem, kb: QuizKnowledge): string[] {
  const parsed = quizItemSchema.safeParse(item);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".") || "item"}: ${i.message}`);
  const problems: string[] = [];
  const doc = kb.byId.get(item.documentId);
  if (!doc) return [`unknown document ${item.documentId}`];
  const c = item.citation;
  if (c.docType !== doc.docType || c.number !== doc.number || c.issuer !== doc.issuer || c.place !== doc.place) {
    problems.push("citation does not match the document");
  }
  if (item.part === "section" && !doc.sections.some((s) => s.path === c.section)) problems.push(`no section ${c.section}`);
  if (!quoteIsVerbatim(doc, item.part, c.section, c.quote)) problems.push("quote is not verbatim in the cited place");
  else if (!answerInQuote(item)) problems.push("the answer is not in the quote");
  for (const i of item.correct) if (containsPhrase(item.question, item.options[i]!)) problems.push("the question gives the answer away");
  problems.push(...optionProblems(item.options));
  return problems;
}

/**
 * Is every correct option found word for word (case, tone convention and whitespace aside) in the quote? An option
 * cut short with "…" counts when the words it keeps are there.
 */
export function answerInQuote(item: Pick<QuizItem, "options" | "correct" | "citation">): boolean {
  return item.correct.every((i) =>
    item.options[i]!.split("…")
      .map((f) => f.trim())
      .filter(Boolean)
      .every((f) => containsPhrase(item.citation.quote, f)),
  );
}
