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
/** "Tháng 9-12/2025": months of one year (read before a full date, which "9-12/2025" would look like). */
const MONTH_SPAN = new RegExp(String.raw`th[áa]ng\s*(\d{1,2})\s*(?:-|–|—|đến)\s*(\d{1,2})\s*[/.-]\s*${YEAR}`, "iu");
/** "6 tháng đầu năm 2026", "6 tháng cuối năm 2025": a half of a named year. */
const HALF_YEAR = new RegExp(String.raw`(?:06|6)\s+tháng\s+(đầu|cuối)\s+năm\s*${YEAR}`, "iu");
/** A month or a quarter without a year, for "Tháng 12 hằng năm", "Quý IV hằng năm". */
const MONTH_ALONE = /th[áa]ng\s*(\d{1,2})(?!\s*[/.-]\s*\d)(?!\s+năm\s+\d)/iu;
const QUARTER_ALONE = /qu[ýy]\s*(IV|I{1,3}|[1-4])(?![\p{L}\d])(?!\s*[/.-]?\s*(?:năm\s+)?\d{4})/iu;

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
  // NFC first: a deadline typed or converted in NFD must read the same (every pattern here is NFC).
  const text = (written ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const base = { text, recurring: recurringOf(text) } as const;
  if (/^(?:thường\s+xuyên|liên\s+tục)/iu.test(text)) return { ...base, kind: "ongoing", normalized: "ongoing", due: null, recurring: null };

  const months = MONTH_SPAN.exec(text);
  if (months) {
    const [a, b, y] = [Number(months[1]), Number(months[2]), Number(months[3])];
    if (a >= 1 && b <= 12 && a < b) {
      const mm = (n: number) => String(n).padStart(2, "0");
      return { ...base, kind: "range", normalized: `${y}-${mm(a)}..${y}-${mm(b)}`, due: lastDayOfMonth(y, b) };
    }
  }
  const half = HALF_YEAR.exec(text);
  if (half) {
    const y = Number(half[2]);
    const first = /đầu/iu.test(half[1]!);
    // Stated for one year, so it does not repeat (RECURRING_WORDS reads "6 tháng đầu năm" alone as half-yearly).
    return { ...base, recurring: null, kind: "range", normalized: first ? `${y}-01..${y}-06` : `${y}-07..${y}-12`, due: first ? `${y}-06-30` : `${y}-12-31` };
  }

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
  // "Tháng 12 hằng năm", "Quý IV hằng năm": the end of that month or quarter, every year.
  if (base.recurring === "yearly") {
    const mon = MONTH_ALONE.exec(text);
    const quarter = mon ? null : QUARTER_ALONE.exec(text);
    const month = mon ? Number(mon[1]) : quarter ? ROMAN_QUARTER[quarter[1]!.toUpperCase()]! * 3 : 0;
    if (month >= 1 && month <= 12) {
      // A non-leap year for the last day: February's deadline is the 28th every year.
      const md = lastDayOfMonth(2001, month).slice(5);
      return { ...base, kind: "recurring", normalized: `yearly:${md}`, due: null };
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
 * A deadline stated inside a task's own text, for rows whose deadline cell or sentence gave none: "trước ngày
 * 15/12/2025", "chậm nhất ngày 30/6", "trong quý II/2026", "trong năm 2026", and repeats that end a clause ("Tổng hợp,
 * đánh giá kết quả thực hiện Kế hoạch hằng năm.", "Định kỳ hằng năm, báo cáo…"). Not "đến năm 2030", which is the
 * horizon of a target, and not "hằng năm" that qualifies a noun ("kinh phí chi thường xuyên hằng năm theo quy định",
 * "kế hoạch trung hạn và hằng năm").
 */
const IN_TEXT = new RegExp(
  [
    String.raw`(?:trước|chậm nhất(?:\s+là)?|hoàn thành trước|xong trước)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*(?:19|20)\d{2})?(?:\s+(?:hằng|hàng)\s+năm)?`,
    String.raw`(?:trước|chậm nhất(?:\s+là)?)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+(?:19|20)\d{2})?(?:\s+(?:hằng|hàng)\s+năm)?`,
    String.raw`(?:hoàn thành\s+)?(?:trước|trong)\s+(?:quý|tháng)\s+(?:IV|I{1,3}|\d{1,2})\s*(?:\/|năm|-)\s*(?:19|20)\d{2}`,
    String.raw`(?:hoàn thành\s+)?trong\s+năm\s+(?:19|20)\d{2}`,
    String.raw`định\s+kỳ\s+(?:6\s+tháng(?:\s+(?:một|1)\s+lần)?|(?:hằng|hàng)\s+(?:năm|quý|tháng))`,
    String.raw`(?:hằng|hàng)\s+(?:năm|quý|tháng)(?=\s*(?:[.;]|$))`,
  ].join("|"),
  "iu",
);

export function deadlineInText(text: string | null | undefined): Deadline | null {
  const m = IN_TEXT.exec(text ?? "");
  return m ? normalizeDeadline(m[0]) : null;
}

/**
 * A day and month without a year ("trước ngày 15/12") repeats every year only when the text says so ("hằng năm",
 * "định kỳ"); otherwise it is the first such day on or after the document's date. `context` is the sentence or task
 * around the deadline; `issued` the document's date (ISO). Without a date the reading stays yearly.
 */
export function anchorDeadline(deadline: Deadline, issued: string | null, context = ""): Deadline {
  const m = /^yearly:(\d{2})-(\d{2})$/.exec(deadline.normalized);
  if (!m || !issued || recurringOf(deadline.text) || recurringOf(context)) return deadline;
  const year = Number(issued.slice(0, 4));
  let iso = `${year}-${m[1]}-${m[2]}`;
  if (iso < issued) iso = `${year + 1}-${m[1]}-${m[2]}`;
  return { ...deadline, kind: "date", normalized: iso, due: iso, recurring: null };
}

/**
 * Deadline phrases in running text, as written: a time word after a word that sets a limit ("trước ngày 15/5/2026",
 * "chậm nhất ngày 30/6", "trong tháng 3/2026", "trước ngày 15 tháng 12 hằng năm", "trong quý II/2026"). A date without
 * such a word ("phiên họp ngày 22/5/2026", the document's own date) is no deadline.
 */
const DEADLINE_PHRASE = new RegExp(
  String.raw`(?<![\p{L}])(?:trước|chậm nhất(?:\s+là)?|hạn chót|hạn|trong|đến|hoàn thành(?:\s+trong)?)\s+` +
    // ("trước 17 giờ 00 ngày 29/12/2025": the hour before the day.)
    String.raw`(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?(?:\s*phút)?,?\s+(?=ngày))?` +
    String.raw`(?:ngày\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)|\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|tháng\s+\d{1,2}(?:\s*[/.-]\s*\d{4}|\s+năm\s+\d{4})?|quý\s+(?:IV|I{1,3}|[1-4])(?:\s*[/.-]\s*\d{4}|\s+năm\s+\d{4})?|năm\s+\d{4})` +
    String.raw`(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng))?`,
  "giu",
);

export function deadlinePhrases(text: string): string[] {
  return [...text.matchAll(DEADLINE_PHRASE)].map((m) => m[0]);
}
