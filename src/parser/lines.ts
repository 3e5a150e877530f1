/**
 * From raw text to logical lines: Markdown noise removed (`**…**`, `\-`, `\.`, `#` headings, table pipes, `<br>`),
 * whitespace collapsed, each line remembering where it came from. Pure functions.
 */
import { nfc } from "../text/vietnamese.js";

export interface Line {
  /** 0-based index of the raw line this came from. */
  source: number;
  /** Cleaned text ("" for a blank line). */
  text: string;
  /** The whole line was bold (`**…**`) or a Markdown heading (`#`): typographic emphasis of a heading. */
  emphasized: boolean;
  /** Came from a Markdown heading (`# …`). */
  mdHeading: boolean;
}

const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|>~])/g;
const STAR = "\uE000";
const PIPE = "\uE001";
const STAR_RE = new RegExp(STAR, "g");
const PIPE_RE = new RegExp(PIPE, "g");

function stripEmphasis(s: string): string {
  let out = s;
  if (out.includes("**")) out = out.replace(/\*\*/g, "");
  if (out.includes("__")) out = out.replace(/(^|[\s(])__(?=\S)/g, "$1").replace(/(?<=\S)__(?=$|[\s).,:;!?])/g, "");
  if (out.includes("*")) out = out.replace(/(^|[\s(])\*(?=\S)([^*]*?\S)\*(?=$|[\s).,:;!?])/g, "$1$2");
  return out;
}

/** Clean one raw line (no table handling). */
export function cleanInline(raw: string): { text: string; emphasized: boolean; mdHeading: boolean } {
  let s = raw.replace(/[\u00A0\u2007\u202F\t\f\v]/g, " ").replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "");
  let mdHeading = false;
  const h = /^\s*#{1,6}\s+/.exec(s);
  if (h) {
    mdHeading = true;
    s = s.slice(h[0].length);
  }
  if (s.includes("\\")) s = s.replace(/\\\*/g, STAR).replace(/\\\|/g, PIPE).replace(ESCAPED, "$1");
  const trimmed = s.trim();
  const bold = /^\*\*[^*].*\*\*$/.test(trimmed) && !/^\*\*\s*\*\*$/.test(trimmed) && (trimmed.match(/\*\*/g)?.length ?? 0) === 2;
  s = stripEmphasis(s);
  if (s.includes(STAR)) s = s.replace(STAR_RE, "*");
  if (s.includes(PIPE)) s = s.replace(PIPE_RE, "|");
  s = s.replace(/\s+/g, " ").trim();
  return { text: s, emphasized: mdHeading || bold, mdHeading };
}

/** True when a line carries content: at least one letter or digit. */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function isTableLine(line: string): boolean {
  const unescaped = line.replace(/\\\|/g, "");
  return /^\s*\|/.test(unescaped) || /\|\s*$/.test(unescaped) || / \| /.test(unescaped);
}

function isSeparatorCell(cell: string): boolean {
  return /^\s*:?-{2,}:?\s*$/.test(cell);
}

function splitCells(line: string): string[] {
  return line
    .replace(/\\\|/g, PIPE)
    .split("|")
    .map((c) => c.replace(PIPE_RE, "\\|"));
}

/** A header or signature laid out in a table: read it column by column, not row by row. */
const LAYOUT_CELL = /^\s*(?:\*\*|\*|_)*\s*(?:Nơi\s+nhận|T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|ĐẢNG CỘNG SẢN VIỆT NAM|Số\s*:?\s*[\d.…_ ]*-)/iu;

/** Split raw text into cleaned logical lines. Table rows become one line per non-empty cell. */
export function toLines(input: string): Line[] {
  const raw = nfc(input).replace(/\r\n?/g, "\n").split("\n");
  const out: Line[] = [];
  const pushCell = (source: number, cell: string): boolean => {
    let any = false;
    // A line break inside a cell ("<br>") is a line of its own.
    for (const part of cell.split(/<br\s*\/?>/i)) {
      const c = cleanInline(part);
      if (!c.text) continue;
      out.push({ source, ...c });
      any = true;
    }
    return any;
  };
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (!isTableLine(line)) {
      const parts = line.split(/<br\s*\/?>/i);
      if (parts.length > 1) {
        if (!pushCell(i, line)) out.push({ source: i, text: "", emphasized: false, mdHeading: false });
      } else out.push({ source: i, ...cleanInline(line) });
      continue;
    }
    // A block of well-formed rows ("| a | b |"): a layout table (header, signature) is read column by column.
    let j = i;
    while (j < raw.length && /^\s*\|.*\|\s*$/.test(raw[j]!)) j++;
    const block = raw.slice(i, j);
    const rows = block.map((l) => splitCells(l.trim()).slice(1, -1));
    const layout = block.length > 1 && rows.some((r) => r.some((c) => LAYOUT_CELL.test(c)));
    if (layout) {
      const width = Math.max(...rows.map((r) => r.length));
      let any = false;
      for (let col = 0; col < width; col++) {
        rows.forEach((r, k) => {
          const cell = r[col] ?? "";
          if (isSeparatorCell(cell)) return;
          if (pushCell(i + k, cell)) any = true;
        });
      }
      if (!any) out.push({ source: i, text: "", emphasized: false, mdHeading: false });
      i = j - 1;
      continue;
    }
    // A data table (a "TT" column, numbered rows): one line per row, its cells kept together.
    const dataRows = rows.filter((r) => !r.every((c) => isSeparatorCell(c) || !c.trim()));
    const firstCells = dataRows.map((r) => cleanInline(r[0] ?? "").text);
    const numbered = firstCells.filter((c) => /^(?:\d{1,3}|[IVX]{1,5})\.?$/.test(c)).length;
    if (!layout && block.length > 1 && (/^(?:S?TT|Số TT)$/i.test(firstCells[0] ?? "") || numbered * 2 >= dataRows.length) && dataRows.length > 1) {
      rows.forEach((r, k) => {
        const cells = r.filter((c) => !isSeparatorCell(c)).map((c) => cleanInline(c.replace(/<br\s*\/?>/gi, " ")).text).filter(Boolean);
        if (cells.length) out.push({ source: i + k, text: cells.join(" | "), emphasized: false, mdHeading: false });
      });
      i = j - 1;
      continue;
    }
    let any = false;
    for (const cell of splitCells(line)) {
      if (isSeparatorCell(cell)) continue;
      if (pushCell(i, cell)) any = true;
    }
    if (!any) out.push({ source: i, text: "", emphasized: false, mdHeading: false });
  }
  return out;
}

/** A page number or page-break artifact left in the text ("2", "- 2 -", "Trang 3", "Trang 3/10", "3/10"). */
export function isPageArtifact(text: string): boolean {
  return (
    /^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$/.test(text) ||
    /^(?:trang|page)\s+\d{1,3}(\s*(?:\/|trên|of)\s*\d{1,3})?$/i.test(text) ||
    /^\d{1,3}\s*\/\s*\d{1,3}$/.test(text)
  );
}
