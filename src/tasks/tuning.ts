/**
 * Tuning constants of the task register's features (lists, reminders, exports), each with its reason.
 * The reminder lead time is configuration (REMINDER_LEAD_DAYS), not tuning: units differ in how early they want it.
 */
export const TASK_TUNING = {
  /**
   * Tasks per page of /giao and /han: a task with its document, deadline and partners takes 3–5 lines, so eight
   * fit on a phone screen and stay far below Telegram's 4096-character message limit.
   */
  pageSize: 8,
  /**
   * Most characters of one page's HTML: an edited page cannot be split like a long answer, and Telegram takes 4096
   * characters of text per message; the rest is room for the page counter and markup.
   */
  pageChars: 3800,
  /** Longest task text shown in a list; the export carries the whole text. */
  listTaskChars: 260,
  /** Longest "Chủ trì · Phối hợp · Báo cáo" line in a list (a row may name a dozen partners). */
  listFactsChars: 300,
  /** /han windows a user may ask for, in days; the first is the default. */
  dueWindows: [30, 90] as const,
  /** Vietnam's offset from UTC, in hours (no daylight saving): "today" and "due in N days" are its calendar days. */
  utcOffsetHours: 7,
  /** Reminder check interval, in milliseconds: deadlines are days, so once a minute is prompt and costs nothing. */
  reminderTickMs: 60_000,
  /**
   * Records named in one "new document" notice before it says "… và N nhiệm vụ nữa": a plan may give one body
   * twenty rows, and the chat can ask /giao for all of them.
   */
  notifyMaxRows: 10,
  /** Bodies one chat may follow: each is checked on every tick, and a longer list is a sign of a typo loop. */
  maxFollowsPerChat: 20,
  /** Worksheet name (Excel allows 31 characters, no / \ ? * [ ]). */
  sheetName: "Nhiệm vụ",
  /** .xlsx column widths in characters: STT, Nhiệm vụ, Chủ trì, Phối hợp, Thời hạn, Văn bản, Mục. */
  xlsxWidths: [6, 70, 28, 32, 18, 40, 12],
  /** .docx column widths in twips (1/1440 inch), summing to A4 landscape's 14,570 between 2 cm margins. */
  docxWidths: [650, 5300, 2200, 2400, 1400, 1980, 640],
  /** .docx table font size in points (13–14 pt is the text size of administrative documents; a table is smaller). */
  docxFontPt: 11,
} as const;
