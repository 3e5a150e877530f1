/**
 * HTML for the task register in Telegram: a page of /giao or /han, the /theodoi replies, and the reminders.
 * A task reads: what, who leads and with whom, by when, whom to report to, and where it is written (document, mục).
 */
import { documentName, type TaskDocument, type TaskMatch, type TaskRecord } from "../../tasks/register.js";
import type { DueItem, Follow, ReminderNotice } from "../../tasks/reminders.js";
import { TASK_TUNING } from "../../tasks/tuning.js";
import { formatDate, sectionLabel } from "./citation.js";
import { bold, escapeHtml, italic, shorten } from "./html.js";

/** "Quý II/2026", and the day it means when that is not the text itself ("trước ngày 30/11 hằng năm — 30/11/2026"). */
export function deadlineLabel(record: TaskRecord, due: string | null): string | null {
  const d = record.deadline;
  if (!d) return null;
  const day = due && d.kind !== "date" && d.kind !== "year" ? formatDate(due) : null;
  return day && !d.text.includes(day) ? `${d.text} (hạn gần nhất ${day})` : d.text;
}

/** One task: the text, then who with whom, by when, reports to, and its mục. */
export function renderTask(n: number, match: TaskMatch, options: { showRole: boolean }): string {
  const r = match.record;
  const role = options.showRole && match.role ? `${bold(`[${escapeHtml(match.role)}]`)} ` : "";
  const facts = [
    `Chủ trì: ${r.leads.length ? r.leads.join("; ") : "(không nêu)"}`,
    r.partners.length ? `Phối hợp: ${r.partners.join("; ")}` : null,
    r.reportTo.length ? `Báo cáo: ${r.reportTo.join("; ")}` : null,
  ].filter(Boolean);
  const deadline = deadlineLabel(r, match.due);
  return (
    `${n}. ${role}${escapeHtml(shorten(r.task, TASK_TUNING.listTaskChars))} — ${italic(escapeHtml(sectionLabel(r.section)))}\n` +
    `   ${escapeHtml(shorten(facts.join(" · "), TASK_TUNING.listFactsChars))}` +
    (deadline ? `\n   ⏰ ${escapeHtml(deadline)}` : "")
  );
}

export interface TaskPage {
  title: string;
  /** A line under the title (the bodies a short name covers, the chat's scope), plain text. */
  note?: string | null;
  matches: TaskMatch[];
  page: number;
  pages: number;
  /** Index of the first match on this page in the whole list (for numbering). */
  offset: number;
  total: number;
  /** Group by document (/giao) or list by due day (/han). */
  byDocument: boolean;
  showRole: boolean;
}

export function renderTaskPage(p: TaskPage): string {
  const head = `${bold(escapeHtml(p.title))} — ${p.total} nhiệm vụ${p.pages > 1 ? ` (trang ${p.page + 1}/${p.pages})` : ""}`;
  const blocks = [p.note ? `${head}\n${italic(escapeHtml(p.note))}` : head];
  let current: TaskDocument | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (current && lines.length) blocks.push(`${bold(escapeHtml(documentName(current)))}\n${lines.join("\n")}`);
    lines = [];
  };
  p.matches.forEach((m, i) => {
    if (p.byDocument && m.record.document.id !== current?.id) {
      flush();
      current = m.record.document;
    }
    const task = renderTask(p.offset + i + 1, m, { showRole: p.showRole });
    lines.push(p.byDocument ? task : `${task}\n   📄 ${escapeHtml(documentName(m.record.document))}`);
  });
  if (p.byDocument) flush();
  else blocks.push(lines.join("\n"));
  return blocks.join("\n\n");
}

function dueWhen(item: DueItem): string {
  const day = formatDate(item.due)!;
  return item.daysLeft === 0 ? `hôm nay (${day})` : item.daysLeft === 1 ? `ngày mai (${day})` : `còn ${item.daysLeft} ngày (${day})`;
}

/** A reminder: deadlines within the lead time, or a new document that assigns work to the followed body. */
export function renderNotice(notice: ReminderNotice): string {
  if (notice.kind === "due") {
    const items = notice.items.map(
      (it, i) =>
        `${i + 1}. ${bold(escapeHtml(dueWhen(it)))} — ${escapeHtml(shorten(it.record.task, TASK_TUNING.listTaskChars))}\n` +
        `   ${italic(escapeHtml(`${documentName(it.record.document)}, ${sectionLabel(it.record.section)}`))}` +
        (it.record.deadline ? `\n   Thời hạn ghi trong văn bản: ${escapeHtml(it.record.deadline.text)}` : ""),
    );
    return `⏰ ${bold(`Sắp đến hạn — ${escapeHtml(notice.body)}`)}\n\n${items.join("\n")}\n\n${italic("Ngừng nhắc: /botheodoi " + escapeHtml(notice.body))}`;
  }
  const shown = notice.items.slice(0, TASK_TUNING.notifyMaxRows);
  const rest = notice.items.length - shown.length;
  return (
    `📄 ${bold(`Văn bản mới giao việc cho ${escapeHtml(notice.body)}`)}\n${escapeHtml(documentName(notice.document))}\n\n` +
    shown.map((m, i) => renderTask(i + 1, m, { showRole: true })).join("\n") +
    (rest > 0 ? `\n${italic(`… và ${rest} nhiệm vụ nữa: /giao ${escapeHtml(notice.body)}`)}` : "")
  );
}

export function renderFollows(follows: Follow[], leadDays: number): string {
  if (!follows.length) return "Cuộc trò chuyện này chưa theo dõi cơ quan nào. Ví dụ: /theodoi Sở Khoa học và Công nghệ";
  return (
    `${bold("Đang theo dõi:")}\n${follows.map((f) => `• ${escapeHtml(f.body)} (từ ${formatDate(f.since)})`).join("\n")}\n\n` +
    italic(`Nhắc trước mỗi thời hạn ${leadDays} ngày và báo khi có văn bản mới giao việc. Ngừng: /botheodoi <cơ quan> hoặc /botheodoi để ngừng tất cả.`)
  );
}
