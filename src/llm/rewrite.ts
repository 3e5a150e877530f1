/**
 * Follow-up questions ("còn Quảng Ngãi thì sao?", "ai ký văn bản đó?") made standalone, so retrieval sees what the
 * user means. Best effort: any failure returns the question as asked.
 */
import type OpenAI from "openai";
import type { Turn } from "../assistant/types.js";
import { silentLogger, type Logger } from "../logger.js";
import { foldVi, normalizeVi } from "../text/vietnamese.js";
import { abortable, withDeadline } from "./abort.js";
import { LlmError, toLlmError } from "./errors.js";
import { loadPrompt } from "./prompts.js";

export interface RewriteInput {
  client: OpenAI;
  model: string;
  question: string;
  /** Recent turns, oldest first. */
  history: Turn[];
  /** Bound of the whole call, retries included, in milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  logger?: Logger | undefined;
}

const HISTORY_TURNS = 3;
const HISTORY_ANSWER_CHARS = 400;

/**
 * The question as a standalone question, or the question unchanged when there is no history or anything goes wrong
 * (timeout, HTTP error, empty or implausible reply).
 */
export async function rewriteFollowUp(input: RewriteInput): Promise<string> {
  const { client, model, question, history, timeoutMs, signal } = input;
  const logger = input.logger ?? silentLogger;
  if (history.length === 0 || !question.trim()) return question;
  const started = Date.now();
  const deadline = withDeadline(signal, timeoutMs);
  try {
    const system = await loadPrompt("rewrite");
    const completion = await abortable(
      client.chat.completions.create(
        { model, messages: [{ role: "system", content: system }, { role: "user", content: conversation(question, history) }] },
        { signal: deadline, timeout: timeoutMs },
      ),
      deadline,
    );
    const rewritten = cleanReply(completion.choices[0]?.message?.content ?? "");
    if (!rewritten || rewritten.length > Math.max(300, question.length * 4)) {
      throw new LlmError("chat", "malformed", "rewrite: empty or implausibly long reply", false);
    }
    logger.debug({ model, ms: Date.now() - started, question, rewritten }, "follow-up rewritten");
    return rewritten;
  } catch (err) {
    const error = toLlmError(err, "chat", { secret: client.apiKey, signal: deadline });
    const log = error.kind === "aborted" ? logger.debug.bind(logger) : logger.warn.bind(logger);
    log({ kind: error.kind, status: error.status, model, ms: Date.now() - started }, `follow-up not rewritten: ${error.message}`);
    return question;
  }
}

function conversation(question: string, history: Turn[]): string {
  const turns = history.slice(-HISTORY_TURNS).map((t, i) => {
    const answer = t.answer.length > HISTORY_ANSWER_CHARS ? `${t.answer.slice(0, HISTORY_ANSWER_CHARS)}…` : t.answer;
    return `Lượt ${i + 1}\nNgười dùng: ${t.question.trim()}\nTrợ lý: ${answer.trim()}`;
  });
  return `CÁC LƯỢT TRƯỚC:\n${turns.join("\n\n")}\n\nCÂU HỎI MỚI NHẤT: ${question.trim()}\n\nCâu hỏi viết lại:`;
}

/** First non-empty line, without a label or wrapping quotes the model may add anyway. */
function cleanReply(content: string): string {
  const line = content.split("\n").map((l) => l.trim()).find(Boolean) ?? "";
  return line
    .replace(/^(câu hỏi( viết lại)?|question)\s*:\s*/i, "")
    .replace(/^["“«'](.*)["”»']$/s, "$1")
    .trim();
}

// Deictics and follow-up forms, matched on the normalized text (with diacritics) or on the folded text for people who
// type without them. "trên" only after a document word or at the end: elsewhere it is "trên địa bàn", not a pointer.
const DEICTIC_VI = [
  /(?<![\p{L}\p{N}])(đó|này|ấy|kia|nói trên|kể trên|nêu trên|trên đây|vừa rồi|vừa nêu|như vậy|họ|nó)(?![\p{L}\p{N}])/u,
  /(?<![\p{L}\p{N}])trên\s*[?.!]*$/u,
  /(?<![\p{L}\p{N}])(văn bản|kế hoạch|công văn|nghị quyết|kết luận|hướng dẫn|chỉ thị|quyết định|chương trình|thông báo|báo cáo|mục) trên(?![\p{L}\p{N}])(?! (địa bàn|cơ sở|phạm vi|lĩnh vực|toàn|cả|các|mạng))/u,
  /^(còn|vậy|thế|thế còn|vậy còn)(?![\p{L}\p{N}])/u,
  /(?<![\p{L}\p{N}])thì sao\s*[?.!]*$/u,
];
const DEICTIC_FOLDED = [
  /\b(van ban|ke hoach|cong van|nghi quyet|ket luan|huong dan|chi thi|quyet dinh|chuong trinh|muc|noi dung|viec|nhiem vu) (do|nay|ay|tren|kia)\b/,
  /\b(noi tren|ke tren|neu tren|tren day|vua roi)\b/,
  /^(con|vay|the) /,
  /\bthi sao\s*[?.!]*$/,
];
/** A question this short rarely stands alone ("ai ký?", "còn Hà Nội?"). */
const SHORT_WORDS = 3;

/**
 * Cheap test of whether a question probably leans on earlier turns, to skip the rewrite call for standalone
 * questions. False without history.
 */
export function needsRewrite(question: string, history: Turn[]): boolean {
  if (history.length === 0) return false;
  const q = normalizeVi(question).replace(/\s+/g, " ").trim();
  if (!q) return false;
  const words = q.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words <= SHORT_WORDS) return true;
  if (DEICTIC_VI.some((re) => re.test(q))) return true;
  const folded = foldVi(q);
  // Folded patterns only for text typed without diacritics: folded "do" is also "đỏ", "độ", "dọ"…
  return folded === q && DEICTIC_FOLDED.some((re) => re.test(folded));
}
