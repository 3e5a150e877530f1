/**
 * Quiz text for people: results, the leaderboard, a question in the terminal. HTML for Telegram (escaped), plain
 * text for the terminal; both say which section to re-read.
 */
import { escapeHtml } from "../text/html.js";
import { citationLabel, snippet } from "./label.js";
import { clip } from "./text.js";
import type { ActiveQuiz, ChatScores } from "./store.js";
import type { QuizItem } from "./types.js";

/** "1. …\n2. …": options numbered from 1, as the user types them. */
export function renderQuestionText(item: QuizItem, index: number, total: number): string {
  return [`Câu ${index + 1}/${total}: ${item.question}`, ...item.options.map((o, i) => `  ${i + 1}. ${o}`)].join("\n");
}

/** Where to re-read: "Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị, mục 7: “…”". */
export function rereadText(item: QuizItem, room = 220): string {
  const answer = item.options[item.correct[0]!] ?? null;
  return `${citationLabel(item)}: “${snippet(item.citation.quote, answer, room)}”`;
}

export function answerText(item: QuizItem): string {
  return item.correct.map((i) => `${i + 1}. ${item.options[i]}`).join("; ");
}

export interface QuizOutcome {
  /** Players of this quiz, best first: name, correct, answered. */
  ranking: { id: string; name: string; correct: number; answered: number }[];
  /** Questions most people missed (at least half of those who answered), worst first. */
  missed: { index: number; item: QuizItem; wrong: number; answered: number }[];
  asked: number;
}

export function outcomeOf(quiz: ActiveQuiz): QuizOutcome {
  const asked = Math.min(quiz.items.length, quiz.index + 1);
  const tally = new Map<string, { correct: number; answered: number }>();
  const missed: QuizOutcome["missed"] = [];
  for (let i = 0; i < asked; i++) {
    const answers = Object.entries(quiz.answers[String(i)] ?? {});
    let wrong = 0;
    for (const [user, a] of answers) {
      const t = tally.get(user) ?? { correct: 0, answered: 0 };
      t.answered++;
      if (a.correct) t.correct++;
      else wrong++;
      tally.set(user, t);
    }
    if (answers.length && wrong * 2 >= answers.length && wrong > 0) missed.push({ index: i, item: quiz.items[i]!, wrong, answered: answers.length });
  }
  const ranking = [...tally]
    .map(([id, t]) => ({ id, name: quiz.players[id] ?? id, ...t }))
    .sort((a, b) => b.correct - a.correct || a.answered - b.answered || a.name.localeCompare(b.name, "vi"));
  missed.sort((a, b) => b.wrong / b.answered - a.wrong / a.answered || a.index - b.index);
  return { ranking, missed: missed.slice(0, 3), asked };
}

export function renderResultsHtml(quiz: ActiveQuiz, stopped: boolean): string {
  const o = outcomeOf(quiz);
  const lines = [`<b>${stopped ? "Câu đố đã dừng" : "Kết thúc câu đố"}</b> (${o.asked}/${quiz.items.length} câu${quiz.topic ? `, chủ đề ${escapeHtml(quiz.topic)}` : ""})`];
  if (!o.ranking.length) lines.push("Chưa có ai trả lời.");
  else {
    lines.push("", "<b>Kết quả</b>");
    o.ranking.forEach((r, i) => lines.push(`${i + 1}. ${escapeHtml(r.name)}: ${r.correct}/${o.asked} câu đúng`));
  }
  if (o.missed.length) {
    lines.push("", "<b>Câu nhiều người trả lời sai — nên đọc lại</b>");
    for (const m of o.missed) {
      lines.push(
        `• Câu ${m.index + 1} (${m.wrong}/${m.answered} sai): ${escapeHtml(clip(m.item.question, 160))}`,
        `  Đáp án: ${escapeHtml(answerText(m.item))}`,
        `  <i>${escapeHtml(rereadText(m.item))}</i>`,
      );
    }
  }
  lines.push("", "Xem bảng điểm: /diem");
  return lines.join("\n");
}

export function renderLeaderboardHtml(scores: ChatScores | undefined): string {
  const players = Object.values(scores?.players ?? {}).sort((a, b) => b.correct - a.correct || a.answered - b.answered || a.name.localeCompare(b.name, "vi"));
  if (!players.length) return "Chưa có điểm nào trong cuộc trò chuyện này. Gõ /quiz để bắt đầu câu đố ôn tập.";
  const lines = [`<b>Bảng điểm câu đố</b> (${scores!.quizzes} lượt câu đố)`];
  players.slice(0, 30).forEach((p, i) =>
    lines.push(`${i + 1}. ${escapeHtml(p.name)}: ${p.correct} câu đúng / ${p.answered} câu trả lời, ${p.sessions} lượt`),
  );
  return lines.join("\n");
}
