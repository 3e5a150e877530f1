/**
 * Deadlines as plans write them, read into one normalized form: "Quý II/2025" → 2025-Q2 (due 2025-06-30),
 * "Tháng 6/2026" → 2026-06, "Năm 2026" / "2026" → 2026, "2026-2030" → 2026..2030, "trước ngày 15/12/2025" → that
 * day, "trước ngày 30/11 hằng năm" → yearly on 30/11, "Thường xuyên" → ongoing. Pure functions.
 */
import type { Deadline } from "./model.js";
import { isoDate } from "./numbers.js";
import { RECURRING_WORDS } from "./vocabulary.js";

const ROMAN_QUARTER: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const YEAR = String.raw`((?:19|20)\d{2})`;
const QUARTER = new RegExp(String.raw`qu[ýy]\s*(IV|I{1,3}|[1-4])\s*(?:[/.-]|\s+năm\s+|\s+)\s*${YEAR}`, "iu");
const MONTH = new RegExp(String.raw`th[áa]ng\s*(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*${YEAR}`, "iu");
const FULL_DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})/iu;
const DAY_MONTH = /(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\s*[/.-]\s*\d)|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\s+năm)/iu;
const RANGE = new RegExp(String.raw`${YEAR}\s*(?:-|–|—|đến|tới)\s*${YEAR}`, "iu");
const BARE_YEAR = new RegExp(String.raw`(?:^|[^\d/])${YEAR}(?![\d/])`, "u");

interface Point {
  normalized: string;
  due: string;
  kind: "date" | "month" | "quarter" | "year";
  at: number;
}

/** The first dated point in a text: a full date, a quarter, a month or a year. */
function firstPoint(text: string): Point | null {
  const found: Point[] = [];
  const date = FULL_DATE.exec(text);
  if (date) {
    const iso = date[1] ? isoDate(date[1], date[2]!, date[3]!) : isoDate(date[4]!, date[5]!, date[6]!);
    if (iso) found.push({ normalized: iso, due: iso, kind: "date", at: date.index });
  }
  const q = QUARTER.exec(text);
  if (q) {
    const n = ROMAN_QUARTER[q[1]!.toUpperCase()]!;
    const y = Number(q[2]);
    found.push({ normalized: `${y}-Q${n}`, due: lastDayOfMonth(y, n * 3), kind: "quarter", at: q.index });
  }
  const m = MONTH.exec(text);
  if (m) {
    const month = Number(m[1]);
    const y = Number(m[2]);
    if (month >= 1 && month <= 12) found.push({ normalized: `${y}-${String(month).padStart(2, "0")}`, due: lastDayOfMonth(y, month), kind: "month", at: m.index });
  }
  if (!found.length) {
    const y = BARE_YEAR.exec(text);
    if (y) found.push({ normalized: y[1]!, due: `${y[1]}-12-31`, kind: "year", at: y.index });
  }
  found.sort((a, b) => a.at - b.at);
  return found[0] ?? null;
}

function recurringOf(text: string): Deadline["recurring"] {
  for (const [re, kind] of RECURRING_WORDS) if (kind !== "ongoing" && re.test(text)) return kind;
  return null;
}

/** Read a deadline as written. Returns null for empty text. */
export function normalizeDeadline(written: string | null | undefined): Deadline | null {
  const text = (written ?? "").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const base = { text, recurring: recurringOf(text) } as const;
  if (/^(?:thường\s+xuyên|liên\s+tục)/iu.test(text)) return { ...base, kind: "ongoing", normalized: "ongoing", due: null, recurring: null };

  // A span: "2026-2030", "Quý IV/2025 - Quý II/2026", "2025 - 2035". The work is due at its end.
  const range = RANGE.exec(text);
  if (range && !FULL_DATE.test(text)) {
    return { ...base, kind: "range", normalized: `${range[1]}..${range[2]}`, due: `${range[2]}-12-31` };
  }
  const pieces = text.split(/\s*(?:-|–|—)\s+|\s+(?:-|–|—)\s*|\s+đến\s+/u);
  if (pieces.length === 2) {
    const a = firstPoint(pieces[0]!);
    const b = firstPoint(pieces[1]!);
    if (a && b && a.kind !== "date") return { ...base, kind: "range", normalized: `${a.normalized}..${b.normalized}`, due: b.due };
  }

  const point = firstPoint(text);
  if (point) return { ...base, kind: point.kind, normalized: point.normalized, due: point.due };

  // A day and month without a year: with "hằng năm" it repeats every year.
  const dm = DAY_MONTH.exec(text);
  if (dm) {
    const day = Number(dm[1] ?? dm[3]);
    const month = Number(dm[2] ?? dm[4]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      const md = `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      return { ...base, kind: "recurring", normalized: `yearly:${md}`, due: null, recurring: base.recurring ?? "yearly" };
    }
  }
  if (base.recurring) return { ...base, kind: "recurring", normalized: base.recurring, due: null };
  return { ...base, kind: "unknown", normalized: "", due: null };
}

/** The next date a recurring yearly deadline ("yearly:11-30") falls on, on or after `today` (ISO). */
export function nextOccurrence(deadline: Deadline, today: string): string | null {
  if (deadline.due) return deadline.due;
  const m = /^yearly:(\d{2})-(\d{2})$/.exec(deadline.normalized);
  if (!m) return null;
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${m[1]}-${m[2]}`;
  return thisYear >= today ? thisYear : `${year + 1}-${m[1]}-${m[2]}`;
}

/**
 * Deadline phrases in running text, as written: a time word after a word that sets a limit ("trước ngày 15/5/2026",
 * "chậm nhất ngày 30/6", "trong tháng 3/2026", "trước ngày 15 tháng 12 hằng năm", "trong quý II/2026"). A date without
 * such a word ("phiên họp ngày 22/5/2026", the document's own date) is no deadline.
 */
const DEADLINE_PHRASE = new RegExp(
  String.raw`(?<![\p{L}])(?:trước|chậm nhất(?:\s+là)?|hạn chót|hạn|trong|đến|hoàn thành(?:\s+trong)?)\s+` +
    String.raw`(?:ngày\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)|\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|tháng\s+\d{1,2}(?:\s*[/.-]\s*\d{4}|\s+năm\s+\d{4})?|quý\s+(?:IV|I{1,3}|[1-4])(?:\s*[/.-]\s*\d{4}|\s+năm\s+\d{4})?|năm\s+\d{4})` +
    String.raw`(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng))?`,
  "giu",
);

export function deadlinePhrases(text: string): string[] {
  return [...text.matchAll(DEADLINE_PHRASE)].map((m) => m[0]);
}
