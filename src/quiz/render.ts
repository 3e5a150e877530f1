/**
 * Quiz text for people: results, the leaderboard, a question in the terminal. HTML for Telegram (escaped), plain
 * text for the terminal; both say which section to re-read.
 */
import { escapeHtml } from "../text/html.js";
import type { Coverage } from "./bank.js";
import { citationLabel, snippet } from "./label.js";
import { clip } from "./text.js";
import type { ActiveQuiz, ChatScores, PersonScore } from "./store.js";
import type { QuizItem } from "./types.js";

const DIFFICULTY = ["", "dễ", "vừa", "khó"];

/** The first message of a quiz or a study session: what, how many, how fast, what it covers, how to control it. */
export function introHtml(quiz: ActiveQuiz, asked: number, reviews: number, coverage: { session: Coverage; bank: Coverage } | null): string {
  const total = quiz.items.length;
  const session = quiz.mode === "session";
  const period = quiz.openPeriod ?? 30;
  const levels = [1, 2, 3].map((d) => [d, quiz.items.filter((i) => i.difficulty === d).length] as const).filter(([, n]) => n);
  const lines = [
    session
      ? `<b>Buổi ôn thi</b>: ${total} câu${quiz.topic ? ` về ${escapeHtml(quiz.topic)}` : ""}, chủ trì: ${escapeHtml(quiz.startedBy.name)}.`
      : `<b>Câu đố ôn tập</b>: ${total} câu${quiz.topic ? ` về ${escapeHtml(quiz.topic)}` : ""}.`,
    total < asked ? `(Ngân hàng câu hỏi${quiz.topic ? " cho chủ đề này" : ""} chỉ có ${total} câu phù hợp.)` : null,
    coverage && coverage.bank.total
      ? `Các câu hỏi trải trên ${coverage.session.covered}/${coverage.session.total} phần của văn bản (ngân hàng có câu hỏi cho ${coverage.bank.covered}/${coverage.bank.total} phần).`
      : null,
    levels.length > 1 ? `Độ khó: ${levels.map(([d, n]) => `${n} câu ${DIFFICULTY[d]}`).join(", ")}.` : null,
    reviews ? `Có ${reviews} câu ôn lại từ những lần trước đồng chí trả lời sai hoặc đến hạn ôn.` : null,
    `Mỗi câu mở trong ${period} giây; câu tiếp theo đến khi hết giờ hoặc ${quiz.private ? "ngay khi đồng chí trả lời" : "khi mọi người trong nhóm đã trả lời"}.`,
    session ? "Người chủ trì: /onthi tạm dừng, /onthi tiếp, /onthi dừng. Bảng điểm: /diem." : "Dừng: /quiz stop. Bảng điểm: /diem.",
  ];
  return lines.filter(Boolean).join("\n");
}

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
  const what = quiz.mode === "session" ? ["Buổi ôn thi đã dừng", "Kết thúc buổi ôn thi"] : ["Câu đố đã dừng", "Kết thúc câu đố"];
  const lines = [`<b>${stopped ? what[0] : what[1]}</b> (${o.asked}/${quiz.items.length} câu${quiz.topic ? `, chủ đề ${escapeHtml(quiz.topic)}` : ""})`];
  if (!o.ranking.length) lines.push("Chưa có ai trả lời.");
  else {
    lines.push("", "<b>Bảng xếp hạng</b>");
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
  else if (o.ranking.length) lines.push("", "Không có câu nào quá nửa số người trả lời sai.");
  lines.push("", "Xem bảng điểm: /diem");
  return lines.join("\n");
}

/** /diem: this session (running or the last finished one), all time in this chat, and the asker's own totals. */
export function renderScoreHtml(o: { running: ActiveQuiz | null; scores: ChatScores | null; person: PersonScore | null }): string {
  const lines: string[] = [];
  if (o.running) {
    const out = outcomeOf(o.running);
    const what = o.running.mode === "session" ? "Buổi ôn thi đang diễn ra" : "Câu đố đang diễn ra";
    lines.push(`<b>${what}</b> (câu ${Math.max(0, o.running.index + 1)}/${o.running.items.length}${o.running.paused ? ", đang tạm dừng" : ""})`);
    if (!out.ranking.length) lines.push("Chưa có ai trả lời.");
    out.ranking.slice(0, 10).forEach((r, i) => lines.push(`${i + 1}. ${escapeHtml(r.name)}: ${r.correct}/${r.answered} câu đúng`));
  } else {
    const last = o.scores?.sessions?.at(-1);
    if (last) {
      const when = new Date(last.finishedAt).toLocaleDateString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
      lines.push(`<b>Buổi ôn thi gần nhất</b> (${when}${last.topic ? `, ${escapeHtml(last.topic)}` : ""}, ${last.asked} câu, chủ trì: ${escapeHtml(last.host)})`);
      if (!last.ranking.length) lines.push("Không có ai trả lời.");
      last.ranking.slice(0, 10).forEach((r, i) => lines.push(`${i + 1}. ${escapeHtml(r.name)}: ${r.correct}/${last.asked} câu đúng`));
    }
  }
  if (lines.length) lines.push("");
  lines.push(renderLeaderboardHtml(o.scores ?? undefined));
  if (o.person && o.person.answered) {
    lines.push("", `<b>Của đồng chí (mọi nhóm)</b>: ${o.person.correct} câu đúng / ${o.person.answered} câu trả lời, ${o.person.sessions} lượt.`);
  }
  return lines.join("\n");
}

export function renderLeaderboardHtml(scores: ChatScores | undefined): string {
  const players = Object.values(scores?.players ?? {}).sort((a, b) => b.correct - a.correct || a.answered - b.answered || a.name.localeCompare(b.name, "vi"));
  if (!players.length) return "Chưa có điểm nào trong cuộc trò chuyện này. Gõ /quiz để bắt đầu câu đố ôn tập.";
  const lines = [`<b>Bảng điểm từ trước đến nay</b> (${scores!.quizzes} lượt câu đố và ôn thi)`];
  players.slice(0, 30).forEach((p, i) =>
    lines.push(`${i + 1}. ${escapeHtml(p.name)}: ${p.correct} câu đúng / ${p.answered} câu trả lời, ${p.sessions} lượt`),
  );
  return lines.join("\n");
}
