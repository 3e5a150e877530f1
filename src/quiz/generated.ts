/**
 * Items written by a chat model (issue 13, item 5): allowed into the bank only after the checks every item of the
 * text passes (validate.ts: limits, a verbatim quote from the cited section, the answer in that quote, options a
 * reader can tell apart) and the fairness checks of the generators: no distractor the quote itself states, none the
 * corpus writes in the answer's place, a body for a body of the same level, a number for a number. Without a chat
 * model nothing here runs: the bank is built from the text alone.
 */
import type OpenAI from "openai";
import { z } from "zod";
import type { ParsedDocument, Section } from "../domain/model.js";
import { abortable, withDeadline } from "../llm/abort.js";
import { toLlmError } from "../llm/errors.js";
import { loadPrompt } from "../llm/prompts.js";
import { silentLogger, type Logger } from "../logger.js";
import { bodyLevel, cleanBody } from "./bodies.js";
import type { QuizCorpus } from "./corpus.js";
import { sameOption } from "./fairness.js";
import { finishItem } from "./item.js";
import { docRef, partLabel } from "./label.js";
import type { QuizKnowledge } from "./knowledge.js";
import { sectionText } from "./sources.js";
import { collapse, containsPhrase, findSpan } from "./text.js";
import { QUIZ_KINDS, type QuizItem } from "./types.js";
import { validateItem } from "./validate.js";

/** What the model is asked for, per item. */
export const generatedItemSchema = z.object({
  kind: z.enum(QUIZ_KINDS as [QuizItem["kind"], ...QuizItem["kind"][]]),
  question: z.string().trim().min(10),
  answer: z.string().trim().min(1),
  distractors: z.array(z.string().trim().min(1)).min(2).max(3),
  quote: z.string().trim().min(1),
});
export type GeneratedCandidate = z.infer<typeof generatedItemSchema>;

/** Writes candidate items for one section. The OpenAI-backed one is below; tests pass their own. */
export interface QuizItemWriter {
  write(input: { doc: ParsedDocument; section: Section; signal?: AbortSignal }): Promise<unknown[]>;
}

export function createOpenAIQuizWriter(deps: { client: OpenAI; model: string; timeoutMs: number; logger?: Logger }): QuizItemWriter {
  const logger = deps.logger ?? silentLogger;
  return {
    async write({ doc, section, signal }) {
      const deadline = withDeadline(signal, deps.timeoutMs);
      try {
        const system = await loadPrompt("quiz");
        const user = `VĂN BẢN: ${docRef(doc)} của ${doc.issuer}\n${partLabel("section", section.path).toUpperCase()}: ${section.title ?? ""}\n\nNỘI DUNG MỤC:\n${section.text}`;
        const completion = await abortable(
          deps.client.chat.completions.create(
            { model: deps.model, messages: [{ role: "system", content: system }, { role: "user", content: user }], response_format: { type: "json_object" } },
            { signal: deadline, timeout: deps.timeoutMs },
          ),
          deadline,
        );
        const parsed = JSON.parse(completion.choices[0]?.message?.content ?? "{}") as { items?: unknown };
        return Array.isArray(parsed.items) ? parsed.items : [];
      } catch (err) {
        const error = toLlmError(err, "chat", { secret: deps.client.apiKey, signal: deadline });
        logger.warn({ kind: error.kind, status: error.status, document: doc.id, section: section.path }, `quiz items not generated: ${error.message}`);
        return [];
      }
    },
  };
}

const isNumber = (s: string) => /^\d+([.,]\d+)?\s*%?$/.test(s.trim());

/**
 * Why a candidate is not fair beyond what validateItem checks (null: fair): a distractor the quote states (it is
 * right too), one the corpus writes in the answer's place, one of another kind or level than the answer.
 */
export function unfairness(c: GeneratedCandidate, quote: string, corpus: Pick<QuizCorpus, "phrases">): string | null {
  const answer = collapse(c.answer);
  const at = findSpan(quote, answer);
  for (const d of c.distractors) {
    if (sameOption(d, answer)) return `distractor “${d}” is the answer`;
    if (containsPhrase(quote, d)) return `distractor “${d}” is in the quote: it is right too`;
    if (isNumber(answer) !== isNumber(d)) return `distractor “${d}” is not of the answer's kind`;
    const body = cleanBody(answer);
    if (body && bodyLevel(body) !== "unknown" && cleanBody(d) && bodyLevel(d) !== bodyLevel(body)) return `distractor “${d}” is a body of another level`;
    if (at) {
      // The distractor in the answer's place, two syllables of context each side: used by the corpus, it is right too.
      const left = quote.slice(0, at.start).split(/\s+/).slice(-2).join(" ");
      const right = quote.slice(at.end).split(/\s+/).slice(0, 2).join(" ");
      if (corpus.phrases.has(`${left} ${d} ${right}`)) return `distractor “${d}” is what the corpus writes there`;
    }
  }
  return null;
}

export interface Admission {
  admitted: QuizItem[];
  rejected: { question: string; reason: string }[];
}

/** Candidates for one section, each admitted only if it passes every check. */
export function admitGenerated(kb: QuizKnowledge, corpus: Pick<QuizCorpus, "phrases">, doc: ParsedDocument, section: Section, raw: unknown[]): Admission {
  const out: Admission = { admitted: [], rejected: [] };
  const text = sectionText(doc, section.path) ?? "";
  for (const r of raw) {
    const parsed = generatedItemSchema.safeParse(r);
    if (!parsed.success) {
      out.rejected.push({ question: String((r as { question?: unknown })?.question ?? "?"), reason: `malformed: ${parsed.error.issues[0]?.message ?? "?"}` });
      continue;
    }
    const c = parsed.data;
    const quote = collapse(c.quote);
    const unfair = containsPhrase(text, quote) ? unfairness(c, quote, corpus) : null;
    const item = finishItem({
      kind: c.kind,
      doc,
      part: "section",
      section: section.path,
      quote,
      question: c.question,
      correct: c.answer,
      distractors: c.distractors,
      origin: "model",
    });
    const problems = item ? [...validateItem(item, kb), ...(unfair ? [unfair] : [])] : ["too few distractors"];
    if (problems.length) out.rejected.push({ question: c.question, reason: problems.join("; ") });
    else out.admitted.push(item!);
  }
  return out;
}
