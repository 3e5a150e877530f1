/**
 * Dates as the text writes them ("11/01/2024", "13/3/2024", "22 tháng 02 năm 2024"), so that an option can be
 * written in the same style as the correct date and found word for word in the quote.
 */
import { DATE_PATTERN, isoDate } from "../../domain/numbers.js";

export interface DateStyle {
  long: boolean;
  padDay: boolean;
  padMonth: boolean;
}

export interface DateMention {
  index: number;
  text: string;
  iso: string;
  style: DateStyle;
}

export function dateMentions(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(new RegExp(DATE_PATTERN, "gi"))) {
    const long = !m[1];
    const [d, mo, y] = long ? [m[4]!, m[5]!, m[6]!] : [m[1]!, m[2]!, m[3]!];
    const iso = isoDate(d, mo, y);
    if (!iso) continue;
    out.push({ index: m.index, text: m[0], iso, style: { long, padDay: d.length === 2, padMonth: mo.length === 2 } });
  }
  return out;
}

export function formatDateLike(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const dd = style.padDay ? String(d).padStart(2, "0") : String(d);
  const mm = style.padMonth ? String(m).padStart(2, "0") : String(m);
  return style.long ? `${dd} tháng ${mm} năm ${y}` : `${dd}/${mm}/${y}`;
}

/** Plausible wrong dates for `iso`: the day and month swapped (a classic misreading), then the given pool. */
export function dateCandidates(iso: string, pool: Iterable<string>): string[] {
  const out: string[] = [];
  const [y, m, d] = iso.split("-");
  const swapped = isoDate(m!, d!, y!);
  if (swapped && swapped !== iso) out.push(swapped);
  for (const p of pool) if (p !== iso && /^\d{4}-\d{2}-\d{2}$/.test(p)) out.push(p);
  return [...new Set(out)];
}

/** Closer dates are more plausible: same year first, then by distance. */
export function dateRank(iso: string): (candidate: string) => number {
  const t = Date.parse(iso);
  return (c) => Math.min(9, Math.floor(Math.abs(Date.parse(c) - t) / (86_400_000 * 120)));
}
