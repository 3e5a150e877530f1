/**
 * A time window a question sets for tasks: "phải làm gì trước quý 2/2026", "những việc đến hạn trong tháng 6/2026",
 * "hạn đến hết năm 2026", "trong 30 ngày tới". Read into the last day that counts (inclusive: "trước quý 2/2026"
 * counts what falls due by the end of that quarter, as task tables write "Quý II/2026" for work due within it) and,
 * for "trong tháng/quý …", the first. Relative windows ("30 ngày tới", "tháng này") need today's date.
 */
import { normalizeDeadline } from "../domain/deadline.js";
import { foldVi } from "../text/vietnamese.js";

export interface TaskWindow {
  /** As typed. */
  text: string;
  /** First day that counts (ISO), for "trong quý II/2026"; null for "trước …". */
  from: string | null;
  /** Last day that counts (ISO). */
  to: string;
  /**
   * The deadline as a task table writes it, when the question quotes one ("thời gian hoàn thành là 2026-2027",
   * "thời hạn năm 2026"): only tasks whose deadline reads the same count (normalized, as the register reads it).
   */
  exact?: string;
}

const PERIOD = String.raw`(?:quý|quy)\s*(?:IV|I{1,3}|[1-4])\s*(?:[/.-]|\s+năm\s+|\s+nam\s+|\s+)\s*(?:19|20)\d{2}|(?:tháng|thang)\s*\d{1,2}\s*(?:[/.-]|\s+năm\s+|\s+nam\s+)\s*(?:19|20)\d{2}|(?:ngày\s+|ngay\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}|(?:năm|nam)\s+(?:19|20)\d{2}`;
// Not a bare "đến": "Chiến lược … đến năm 2030" names a horizon, not a window.
const WINDOW = new RegExp(String.raw`(?<![\p{L}])(trước|truoc|đến hết|den het|hết|het|trong|chậm nhất|cham nhat)\s+(${PERIOD})`, "iu");
const RANGE = String.raw`(?:giai\s+đoạn\s+|giai\s+doan\s+)?(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}`;
/** A deadline quoted as the task's ("thời gian hoàn thành là Quý II/2026", "hạn 2026-2027"), no bound word before it. */
const EXACT = new RegExp(String.raw`(?<![\p{L}])(?:thời hạn|thoi han|hạn|han|thời gian hoàn thành|thoi gian hoan thanh|thời gian thực hiện|thoi gian thuc hien|tiến độ|tien do|hoàn thành|hoan thanh)\s+(?:là\s+|la\s+|vào\s+|vao\s+|trong\s+|:\s*)?(${RANGE}|${PERIOD}|(?:19|20)\d{2})(?![\p{N}])`, "iu");
/** The question asks for work to do or due (folded): a window on anything else ("kế hoạch trong năm 2026") is no filter. */
const ASKS_FOR_WORK = /\b(?:phai lam|lam gi|viec gi|nhung viec|cac viec|nhiem vu|den han|het han|toi han|han|phai xong|phai hoan thanh|can lam|can hoan thanh)\b/;
const RELATIVE = /(?<![\p{L}])(?:trong\s+|trong vòng\s+|trong vong\s+)?(\d{1,3})\s+(ngày|ngay|tuần|tuan|tháng|thang)\s+(tới|toi|sắp tới|sap toi|tiếp theo|tiep theo)(?![\p{L}])/iu;

/** Folded forms of a period as written, for the deadline reader (which reads marked text). */
function marked(period: string): string {
  return period.replace(/^quy/iu, "quý").replace(/^thang/iu, "tháng").replace(/^nam/iu, "năm").replace(/\snam\s/iu, " năm ").replace(/^ngay/iu, "ngày");
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The window a question sets, or null. `today` (ISO) is needed for relative windows only. */
export function taskWindow(text: string, today?: string): TaskWindow | null {
  const folded = foldVi(text).toLowerCase();
  if (!ASKS_FOR_WORK.test(folded)) return null;
  // "Nếu nhiệm vụ có thời hạn trong năm 2025 không hoàn thành thì báo cáo trước ngày nào?": the period describes the
  // tasks; the question asks a date of its own, which the text gives.
  if (/\b(?:truoc ngay nao|ngay nao|khi nao|bao gio|luc nao|thang nao|ngay may)\b/.test(folded)) return null;
  // A deadline quoted as the table writes it (“Trước 30/6/2026”, "Quý II/2026"): the rows that read the same.
  const inQuotes = /[“"«]([^”"»]{2,40})[”"»]/u.exec(text);
  const asWritten = inQuotes ? normalizeDeadline(inQuotes[1]!) : null;
  if (asWritten?.due && /\d{4}/.test(inQuotes![1]!)) return { text: inQuotes![1]!, from: null, to: asWritten.due, exact: asWritten.normalized };
  const quoted = EXACT.exec(text);
  if (quoted && !WINDOW.test(text)) {
    const deadline = normalizeDeadline(marked(quoted[1]!.replace(/^giai\s+(?:đoạn|doan)\s+/iu, "")));
    if (deadline?.due) return { text: quoted[0], from: null, to: deadline.due, exact: deadline.normalized };
  }
  const m = WINDOW.exec(text);
  if (m) {
    const deadline = normalizeDeadline(marked(m[2]!));
    if (!deadline?.due) return null;
    const within = /^(?:trong)$/iu.test(m[1]!);
    let from: string | null = null;
    if (within) {
      const n = deadline.normalized;
      from = /^\d{4}-Q[1-4]$/.test(n)
        ? `${n.slice(0, 4)}-${String((Number(n.slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`
        : /^\d{4}-\d{2}$/.test(n)
          ? `${n}-01`
          : /^\d{4}$/.test(n)
            ? `${n}-01-01`
            : null;
    }
    return { text: m[0], from, to: deadline.due };
  }
  const rel = RELATIVE.exec(text);
  if (rel && today) {
    const n = Number(rel[1]);
    const unit = rel[2]!.toLowerCase();
    const days = /^(ngày|ngay)$/.test(unit) ? n : /^(tuần|tuan)$/.test(unit) ? n * 7 : n * 30;
    return { text: rel[0], from: today, to: addDays(today, days) };
  }
  return null;
}

/** A repeat a question filters tasks by ("nhiệm vụ nào có thời hạn hằng năm", "việc gì làm thường xuyên"). */
export type TaskRepeat = "yearly" | "half-yearly" | "quarterly" | "monthly" | "ongoing";

const REPEATS: [RegExp, TaskRepeat][] = [
  [/ (?:thoi han|han|dinh ky|thuc hien|lam|bao cao|thoi gian hoan thanh|thoi gian thuc hien) (?:la )?(?:hang|hàng) nam | (?:co|la) (?:thoi han )?hang nam /, "yearly"],
  [/ (?:thoi han|han|dinh ky|thuc hien|lam|bao cao) (?:la )?(?:hang|hàng) quy | (?:co|la) (?:thoi han )?hang quy /, "quarterly"],
  [/ (?:thoi han|han|dinh ky|thuc hien|lam|bao cao) (?:la )?(?:hang|hàng) thang | (?:co|la) (?:thoi han )?hang thang /, "monthly"],
  [/ (?:dinh ky )?6 thang (?:mot|1) lan | (?:thoi han|han|dinh ky) (?:la )?(?:hang )?6 thang /, "half-yearly"],
  [/ (?:thoi han|han|thoi gian hoan thanh|thoi gian thuc hien|tien do|hoan thanh) (?:la )?(?:thuong xuyen|lien tuc) | (?:lam|thuc hien) (?:thuong xuyen|lien tuc) /, "ongoing"],
];

/** The repeat a question asks tasks to have, when it asks for work (see taskWindow), or null. */
export function taskRepeat(text: string): TaskRepeat | null {
  const folded = ` ${foldVi(text).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
  if (!ASKS_FOR_WORK.test(folded)) return null;
  return REPEATS.find(([re]) => re.test(folded))?.[1] ?? null;
}
