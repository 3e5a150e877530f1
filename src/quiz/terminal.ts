/**
 * The quiz as text (`npm run chat`, `npm run quiz` in a terminal): options numbered, the user types the number.
 * Same bank, topics and spaced repetition as the Telegram quiz; state lives in memory for the session.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import { bankFor } from "./bank.js";
import { NO_BANK, parseQuizArgs, parseSessionArgs, MAX_QUESTIONS } from "./game.js";
import { dueCards, emptyDeck, recordAnswer, startSession, type LeitnerDeck } from "./leitner.js";
import { answerText, renderQuestionText, rereadText } from "./render.js";
import { resolveTopic, selectItems } from "./select.js";
import type { QuizItem } from "./types.js";

interface Running {
  items: QuizItem[];
  index: number;
  correct: number;
  missed: number[];
  topic: string | null;
}

export class TextQuiz {
  private run: Running | null = null;
  private deck: LeitnerDeck = emptyDeck();
  private totals = { correct: 0, answered: 0, sessions: 0 };

  constructor(private readonly knowledge: () => Knowledge | null) {}

  get running(): boolean {
    return this.run !== null;
  }

  /**
   * `/onthi [n] [chủ đề]`: a study session is a quiz here (one reader at the terminal, no timer); its control words
   * still work.
   */
  session(arg: string): string {
    const args = parseSessionArgs(arg);
    if (args.action === "stop") return this.command("stop");
    if (args.action !== "start") return "Trên terminal, câu hỏi chờ đồng chí trả lời: không cần tạm dừng hay tiếp tục. Dừng: /onthi dừng.";
    return this.command(`${args.n}${args.topic ? ` ${args.topic}` : ""}`);
  }

  /** `/quiz [n] [chủ đề]` or `/quiz stop`. */
  command(arg: string): string {
    const args = parseQuizArgs(arg);
    if (args.stop) {
      if (!this.run) return "Không có câu đố nào đang diễn ra. Gõ /quiz để bắt đầu.";
      return this.finish(true);
    }
    if (this.run) return `Đang có câu đố (câu ${this.run.index + 1}/${this.run.items.length}). Gõ số thứ tự phương án, hoặc /quiz stop để dừng.`;
    const kb = this.knowledge();
    if (!kb) return NO_BANK;
    const bank = bankFor(kb);
    const topic = args.topic ? resolveTopic(kb, bank, args.topic) : null;
    if (args.topic && !topic) return `Không có câu hỏi nào về “${args.topic}”. Thử theo số hiệu hoặc địa phương, ví dụ: /quiz 5 KL 69.`;
    this.deck = startSession(this.deck);
    const items = selectItems(bank, {
      n: args.n,
      topic,
      seed: `terminal:${this.deck.session}`,
      review: dueCards(this.deck),
      maxReview: Math.ceil(args.n * 0.6),
      seen: Object.keys(this.deck.cards),
    });
    if (!items.length) return "Không có câu hỏi nào phù hợp.";
    this.run = { items, index: 0, correct: 0, missed: [], topic: topic?.label ?? null };
    this.totals.sessions++;
    const head = [
      `Câu đố ôn tập: ${items.length} câu${this.run.topic ? ` về ${this.run.topic}` : ""}${args.clamped ? ` (tối đa ${MAX_QUESTIONS} câu)` : ""}.`,
      "Gõ số thứ tự phương án rồi Enter; /quiz stop để dừng.",
    ];
    return `${head.join("\n")}\n\n${this.current()}`;
  }

  /** A line typed while a quiz runs: the number of an option. Null when the line is not an answer. */
  answer(line: string): string | null {
    const run = this.run;
    if (!run || !/^\s*\d{1,2}\s*$/.test(line)) return null;
    const item = run.items[run.index]!;
    const choice = Number(line) - 1;
    if (choice < 0 || choice >= item.options.length) return `Gõ một số từ 1 đến ${item.options.length}.`;
    const ok = item.correct.includes(choice);
    this.totals.answered++;
    if (ok) {
      run.correct++;
      this.totals.correct++;
    } else run.missed.push(run.index);
    this.deck = recordAnswer(this.deck, item.id, ok);
    const feedback = [ok ? "✅ Đúng." : `❌ Chưa đúng. Đáp án: ${answerText(item)}`, `📖 ${rereadText(item)}`].join("\n");
    run.index++;
    if (run.index >= run.items.length) return `${feedback}\n\n${this.finish(false)}`;
    return `${feedback}\n\n${this.current()}`;
  }

  /** `/diem` in the terminal: this session's totals. */
  score(): string {
    if (!this.totals.answered) return "Chưa có điểm nào. Gõ /quiz để bắt đầu câu đố ôn tập.";
    return `Điểm của đồng chí: ${this.totals.correct} câu đúng / ${this.totals.answered} câu trả lời, ${this.totals.sessions} lượt câu đố.`;
  }

  private current(): string {
    const run = this.run!;
    const item = run.items[run.index]!;
    return `${renderQuestionText(item, run.index, run.items.length)}\n(Gõ 1–${item.options.length})`;
  }

  private finish(stopped: boolean): string {
    const run = this.run!;
    this.run = null;
    const asked = stopped ? run.index : run.items.length;
    const lines = [`${stopped ? "Đã dừng câu đố" : "Kết thúc câu đố"}: đúng ${run.correct}/${asked} câu.`];
    if (run.missed.length) {
      lines.push("Nên đọc lại:");
      for (const i of run.missed) lines.push(`- Câu ${i + 1}: ${rereadText(run.items[i]!)}`);
      lines.push("Những câu trả lời sai sẽ được hỏi lại ở lượt sau.");
    }
    return lines.join("\n");
  }
}
