/**
 * Generated answers with verbatim citations. The model sees numbered sources and returns claims, each naming one
 * source and quoting it; every claim is then checked against the source text, and citations are built from the
 * caller's source metadata (never from the model). Anything doubtful returns null: the caller answers extractively.
 */
import { documentLabel, sectionLabel } from "../assistant/cite.js";
import type OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import type { AnswerResult, Citation, Turn } from "../assistant/types.js";
import { silentLogger, type Logger } from "../logger.js";
import { abortable, withDeadline } from "./abort.js";
import { LlmError, toLlmError } from "./errors.js";
import { loadPrompt } from "./prompts.js";
import { verbatimQuote } from "./quotes.js";
import { plainText, unsupported } from "./claims.js";

export interface Source {
  /** 1-based number the model refers to. */
  n: number;
  citation: Omit<Citation, "quote">;
  /** The section text, verbatim. */
  text: string;
}

export interface GenerateAnswerInput {
  client: OpenAI;
  model: string;
  question: string;
  /** Recent turns, oldest first; only the last few are sent, to help read the question. */
  history: Turn[];
  sources: Source[];
  /** Bound of the whole call, retries included, in milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  logger?: Logger | undefined;
}

export const NOT_FOUND_ANSWER = "Không tìm thấy nội dung trả lời trong các văn bản đã nạp.";

/** Turns of history sent with the question, and how much of each earlier answer. */
const HISTORY_TURNS = 3;
const HISTORY_ANSWER_CHARS = 600;
/** More claims than this is a list the extractive answer shows better. */
const MAX_CLAIMS = 8;

// `.nullable()`, never `.optional()`: strict structured outputs require every property to be present.
const ClaimSchema = z.object({
  text: z.string().describe("Một câu tiếng Việt trả lời câu hỏi, không kèm ký hiệu [n]"),
  // A plain number, not .int(): .int() adds ±2^53 bounds to the JSON schema that some servers reject. Checked below.
  source: z.number().describe("Số thứ tự của nguồn được trích"),
  quote: z.string().describe("Đoạn trích nguyên văn từ nguồn đó; nối các đoạn bằng …"),
});
const AnswerSchema = z.object({
  answerable: z.boolean().describe("false nếu các nguồn không trả lời được câu hỏi"),
  claims: z.array(ClaimSchema),
});
type ModelAnswer = z.infer<typeof AnswerSchema>;
const responseFormat = zodResponseFormat(AnswerSchema, "cited_answer");

/**
 * A cited answer, the not-found answer when the model says the sources do not answer, or null (logged as a warning)
 * when the answer cannot be trusted or obtained: no claim survives validation, timeout, HTTP error, malformed JSON,
 * refusal. Never throws for those; the caller falls back to the extractive answer.
 */
export async function generateAnswer(input: GenerateAnswerInput): Promise<AnswerResult | null> {
  const { client, model, question, history, sources, timeoutMs, signal } = input;
  const logger = input.logger ?? silentLogger;
  if (sources.length === 0) {
    logger.debug("generated answer skipped: no sources");
    return null;
  }
  const started = Date.now();
  const deadline = withDeadline(signal, timeoutMs);
  let parsed: ModelAnswer;
  try {
    const system = await loadPrompt("answer");
    const completion = await abortable(
      client.chat.completions.parse(
        {
          model,
          // No temperature: several current models accept only their default, and a 400 here would silently turn
          // every answer extractive. Fidelity comes from the quote check, not from sampling.
          messages: [
            { role: "system", content: system },
            ...historyMessages(history),
            { role: "user", content: userMessage(question, sources) },
          ],
          response_format: responseFormat,
        },
        // Per-attempt timeout as well as the overall deadline: one slow attempt must not eat the retries' budget.
        { signal: deadline, timeout: timeoutMs },
      ),
      deadline,
    );
    const message = completion.choices[0]?.message;
    if (!message) throw new LlmError("chat", "malformed", "chat completion: no choice in the reply", false);
    if (message.refusal) throw new LlmError("chat", "refusal", "chat completion: the model refused to answer", false);
    if (!message.parsed) throw new LlmError("chat", "malformed", "chat completion: empty reply", false);
    parsed = message.parsed;
  } catch (err) {
    const error = toLlmError(err, "chat", { secret: client.apiKey, signal: deadline });
    const log = error.kind === "aborted" ? logger.debug.bind(logger) : logger.warn.bind(logger);
    log({ kind: error.kind, status: error.status, model, ms: Date.now() - started }, `generated answer unavailable: ${error.message}`);
    return null;
  }

  if (!parsed.answerable) {
    logger.debug({ model, ms: Date.now() - started }, "generated answer: the sources do not answer");
    return { mode: "not_found", answer: NOT_FOUND_ANSWER, citations: [], seeAlso: [], via: "generated" };
  }

  const { result, dropped } = buildAnswer(parsed.claims, sources);
  if (dropped.length) logger.warn({ model, dropped }, "generated answer: claims dropped by the quote check");
  if (!result) {
    logger.warn({ model, claims: parsed.claims.length, ms: Date.now() - started }, "generated answer rejected: no claim is backed by a verbatim quote");
    return null;
  }
  logger.debug({ model, claims: result.citations.length, ms: Date.now() - started }, "generated answer");
  return result;
}

export interface DroppedClaim {
  index: number;
  reason: "unknown source" | "empty quote" | "not verbatim" | "empty text" | "unsupported";
  source: number;
}

/**
 * Keep the claims whose quote is verbatim in the source they name; number citations in order of first use.
 * Exported for unit tests of the validation rules.
 */
export function buildAnswer(
  claims: ModelAnswer["claims"],
  sources: Source[],
): { result: AnswerResult | null; dropped: DroppedClaim[] } {
  const byNumber = new Map<number, Source>();
  for (const s of sources) if (!byNumber.has(s.n)) byNumber.set(s.n, s);

  const dropped: DroppedClaim[] = [];
  const kept: { text: string; source: Source; quote: string }[] = [];
  claims.forEach((claim, index) => {
    const source = Number.isInteger(claim.source) ? byNumber.get(claim.source) : undefined;
    const drop = (reason: DroppedClaim["reason"]) => dropped.push({ index, reason, source: claim.source });
    if (!source) return drop("unknown source");
    if (!claim.quote.trim()) return drop("empty quote");
    // The model's own markers would clash with ours (and carry its numbering, not ours).
    const text = plainText(claim.text.replace(/\s*\[\d+(?:\s*[,–-]\s*\d+)*\]/g, "")).replace(/\s+/g, " ").trim();
    if (!text) return drop("empty text");
    const quote = verbatimQuote(source.text, claim.quote);
    if (!quote) return drop("not verbatim");
    // Verbatim is not enough: the quote must hold what the claim says (its numbers, its bodies, most of its words).
    if (unsupported(text, quote, documentLabel(source.citation))) return drop("unsupported");
    kept.push({ text, source, quote });
  });
  if (kept.length === 0) return { result: null, dropped };

  const used = new Map<Source, { k: number; quotes: string[] }>();
  const lines: string[] = [];
  for (const { text, source, quote } of kept.slice(0, MAX_CLAIMS)) {
    let entry = used.get(source);
    if (!entry) {
      entry = { k: used.size + 1, quotes: [] };
      used.set(source, entry);
    }
    // One source quoted twice: keep both fragments, but not a fragment already contained in another.
    if (!entry.quotes.some((q) => q.includes(quote))) {
      entry.quotes = entry.quotes.filter((q) => !quote.includes(q));
      entry.quotes.push(quote);
    }
    lines.push(withMarker(text, entry.k));
  }
  const citations: Citation[] = [...used].map(([source, { quotes }]) => ({ ...source.citation, quote: quotes.join(" … ") }));
  return {
    result: { mode: "answer", answer: lines.join("\n"), citations, seeAlso: [], via: "generated" },
    dropped,
  };
}

/** "Ban Tuyên giáo chủ trì." → "Ban Tuyên giáo chủ trì [1]." (the marker sits before the final punctuation). */
function withMarker(text: string, k: number): string {
  const m = /^(.*?)([.!?;:…]+)$/s.exec(text);
  return m ? `${m[1]} [${k}]${m[2]}` : `${text} [${k}]`;
}

function historyMessages(history: Turn[]): OpenAI.Chat.ChatCompletionMessageParam[] {
  return history.slice(-HISTORY_TURNS).flatMap((t): OpenAI.Chat.ChatCompletionMessageParam[] => [
    { role: "user", content: t.question },
    {
      role: "assistant",
      content: t.answer.length > HISTORY_ANSWER_CHARS ? `${t.answer.slice(0, HISTORY_ANSWER_CHARS)}…` : t.answer,
    },
  ]);
}

/** "Kế hoạch (không số) ngày 05/03/2024 của Ban Thường vụ …, mục III.2 (TỔ CHỨC THỰC HIỆN)". */
export function sourceLabel(c: Omit<Citation, "quote">): string {
  const title = c.sectionTitle ? ` (${c.sectionTitle})` : "";
  const subject = c.title ? `\nTrích yếu: ${c.title}` : "";
  return `${documentLabel(c)}, ${sectionLabel(c.section)}${title}${subject}`;
}

function userMessage(question: string, sources: Source[]): string {
  const blocks = sources.map((s) => `[${s.n}] ${sourceLabel(s.citation)}\nNội dung:\n<<<\n${s.text.trim()}\n>>>`);
  return `NGUỒN:\n\n${blocks.join("\n\n")}\n\nCÂU HỎI: ${question.trim()}`;
}
