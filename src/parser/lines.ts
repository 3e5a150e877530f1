/**
 * From raw text to logical lines: Markdown noise removed (`**…**`, `\-`, `\.`, `#` headings, table pipes, `<br>`),
 * whitespace collapsed, each line remembering where it came from. Pure functions.
 *
 * Four layouts of tables are read: Markdown rows ("| a | b |"), the flattened tables of pages converted from a
 * law library, where a lone "|" line separates cells and two lone pipes in a row separate rows, and rows whose cells
 * a tab separates (a Word table pasted as text). A layout table
 * (a header, a signature beside the Nơi nhận list) becomes lines column by column; a data table (a task table)
 * becomes one line per row that keeps its cells.
 *
 * Text converted from web pages is hard-wrapped ("Căn cứ Nghị quyết số\n57-NQ/TW ngày…"): a bold or italic run
 * that spans lines is joined, and in a document whose paragraphs are wrapped blocks the lines of a block are joined
 * back into one paragraph.
 */
import { CELL_BREAK } from "../domain/model.js";
import { isUpperText, nfc } from "../text/vietnamese.js";

export interface Line {
  /** 0-based index of the raw line this came from. */
  source: number;
  /** Cleaned text ("" for a blank line). */
  text: string;
  /** The whole line was bold (`**…**`) or a Markdown heading (`#`): typographic emphasis of a heading. */
  emphasized: boolean;
  /** Came from a Markdown heading (`# …`). */
  mdHeading: boolean;
  /**
   * A row of a data table: the table's number in the document, the row's cells, cleaned, in column order, and what
   * joins them in the row's text (see tableCellJoin).
   */
  row?: { table: number; cells: string[]; join: string };
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
  // A lone star left at an edge by a run that spanned lines ("*Bắc Ninh, ngày 24" … "năm 2025*").
  if (out.includes("*")) out = out.replace(/^\s*\*(?=\S)|(?<=\S)\*\s*$/g, "");
  // Italic around a parenthesis, closed after a space: "*(nếu cần) *nhằm".
  if (out.includes("*")) out = out.replace(/(^|\s)\*(?=\()/g, "$1").replace(/\)\s*\*(?!\*)/g, ") ");
  return out;
}

const ODD_SPACE = /[\u00A0\u2007\u202F\t\f\v\u200B-\u200D\u2060\uFEFF\u00AD]/;

/** Clean one raw line (no table handling). */
export function cleanInline(raw: string): { text: string; emphasized: boolean; mdHeading: boolean } {
  let s = raw;
  if (ODD_SPACE.test(s)) s = s.replace(/[\u00A0\u2007\u202F\t\f\v]/g, " ").replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "");
  // A quotation block's marks ("> - Nhân lực …"): the words are the text.
  if (/^\s*>/.test(s)) s = s.replace(/^\s*(?:>\s?)+/, "");
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
  if (/\s\s|[^\S ]/.test(s)) s = s.replace(/\s+/g, " ");
  s = s.trim();
  // Decoration rules written inside a header cell ("BỘ KHOA HỌC VÀ CÔNG NGHỆ -------"): not part of the text.
  if (/[-_=]{4}/.test(s)) s = s.replace(/^[-–—_=\s]{4,}(?=\S)|(?<=\S)[\s]+[-–—_=]{4,}$/g, "").replace(/\s+[-–—_=]{4,}\s+/g, " ").trim();
  return { text: s, emphasized: mdHeading || bold, mdHeading };
}

/** True when a line carries content: at least one letter or digit. */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function isTableLine(line: string): boolean {
  if (!line.includes("|")) return false;
  const unescaped = line.replace(/\\\|/g, "");
  return /^\s*\|/.test(unescaped) || /\|\s*$/.test(unescaped) || / \| /.test(unescaped);
}

/** A lone pipe: the cell separator of a flattened table. */
function isLonePipe(line: string): boolean {
  return line.trim() === "|";
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
const LAYOUT_CELL =
  /^\s*(?:\*\*|\*|_)*\s*(?:Nơi\s+nhận|T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|ĐẢNG CỘNG SẢN|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Số\s*:?\s*[\d.…_ ]*[-/])/iu;

/** A row number in the first cell of a table row: "1", "12.", "1.2", "IV", "A". */
export function isRowNumber(text: string): boolean {
  return /^(?:\d{1,3}(?:\.\d{1,3}){0,2}\.?|[IVXL]{1,6}\.?|[A-H]\.?)$/.test(text.trim());
}

/** One cell: its raw lines and the raw line each came from. */
interface RawCell {
  /** The cell's lines; `br` when the line follows a "<br>" (a break the source wrote), not a wrapped source line. */
  lines: { source: number; raw: string; br?: boolean }[];
}

type Chunk = { kind: "text"; source: number; raw: string } | { kind: "table"; source: number; rows: RawCell[][]; tabs?: boolean };

/**
 * What joins a data table's cells in a row's text: " | " where the document itself writes pipes between them (a
 * Markdown or law-library table), so that a quote of the row is found where it stands; between cells a tab separates
 * (a Word table pasted as text), the cell break, which quotes as an elision and reads as a space.
 */
export function tableCellJoin(tabs: boolean): string {
  return tabs ? CELL_BREAK : " | ";
}

/** Odd number of "**" marks, or of single "*" marks once the pairs are gone: an emphasis run goes on to the next line. */
function opensRun(raw: string): boolean {
  const t = raw.replace(/\\\*/g, "").trim();
  if (!t || !hasContent(t)) return false;
  const bold = (t.match(/\*\*/g) ?? []).length;
  if (bold % 2 === 1) return true;
  const single = (t.replace(/\*\*/g, "").match(/\*/g) ?? []).length;
  return single % 2 === 1 && /^\*(?=\S)/.test(t.replace(/\*\*/g, ""));
}

/** Join the lines of emphasis runs that span lines ("**I. MỤC" / "ĐÍCH, YÊU CẦU**"), at most a few lines each. */
function joinRuns(lines: { source: number; raw: string }[]): { source: number; raw: string }[] {
  const out: { source: number; raw: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = { ...lines[i]! };
    if (opensRun(cur.raw)) {
      let j = i + 1;
      let text = cur.raw;
      while (j < lines.length && j - i <= 5 && lines[j]!.raw.trim() && !isLonePipe(lines[j]!.raw)) {
        text = `${text.replace(/\s+$/, "")} ${lines[j]!.raw.trim()}`;
        j++;
        if (!opensRun(text)) break;
      }
      if (!opensRun(text)) {
        cur.raw = text;
        i = j - 1;
      }
    }
    out.push(cur);
  }
  return out;
}

/**
 * Cells of a flattened table. Pipes P0…Pm enclose segments; an empty segment is a row boundary or an empty cell.
 * The first row fixes the column count; later, a run of r empty segments holds one boundary and r−1 empty cells,
 * given to the end of the current row first. A single empty segment inside a numbered row that has cells left and
 * is followed by something other than a row number is an empty cell ("| 3 | … | Sở X | | 2026 |").
 */
function flattenedRows(items: ({ source: number; raw: string } | null)[]): RawCell[][] {
  // Segments between consecutive pipes (null marks a pipe).
  const segs: RawCell[] = [];
  let cur: RawCell | null = null;
  for (const item of items) {
    if (item === null) {
      if (cur) segs.push(cur);
      cur = { lines: [] };
      continue;
    }
    if (!cur) cur = { lines: [] };
    // A cell written as "** **" or a non-breaking space is there, empty: it keeps its column.
    if (!/^[ \t]*$/.test(item.raw)) cur.lines.push(item);
  }
  if (cur && cur.lines.length) segs.push(cur);
  const text = (c: RawCell | undefined) => (c ? cleanInline(c.lines.map((l) => l.raw).join(" ")).text : "");
  const rows: RawCell[][] = [];
  let row: RawCell[] = [];
  let width: number | null = null;
  const empty = (): RawCell => ({ lines: [] });
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg.lines.length) {
      row.push(seg);
      continue;
    }
    let run = 1;
    while (i + run < segs.length && !segs[i + run]!.lines.length) run++;
    const next = segs[i + run];
    if (width === null) {
      if (row.length) {
        width = row.length;
        rows.push(row);
        row = [];
      }
      for (let k = 1; k < run; k++) row.push(empty());
    } else if (run === 1 && row.length > 0 && row.length < width && isRowNumber(text(row[0])) && next && !isRowNumber(text(next))) {
      row.push(empty());
    } else {
      const toEnd = Math.min(run - 1, Math.max(0, width - row.length));
      for (let k = 0; k < toEnd; k++) row.push(empty());
      if (row.some((c) => c.lines.length)) rows.push(row);
      row = [];
      for (let k = toEnd + 1; k < run; k++) row.push(empty());
    }
    i += run - 1;
  }
  if (row.some((c) => c.lines.length)) rows.push(row);
  return rows;
}

/** A gap of this many spaces inside a line separates two columns of plain text laid out side by side. */
const COLUMN_GAP = 6;
/** What a list item starts with: a dash or bullet, a number, a roman number or a letter, with its dot or bracket. */
const LIST_LABEL = /^\s*(?:[-–•*+]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,5}|[a-zđ])[.)]?)\s*$/iu;
/** What every gap of `columnsOf` holds: a tab or a run of COLUMN_GAP white spaces. */
const MAY_GAP = new RegExp(`\\t|\\s{${COLUMN_GAP}}`);
/** A line indented this far with nothing on its left is in the right column. */
const RIGHT_INDENT = 20;

/**
 * A block of plain text laid out in two columns with spaces ("ĐẢNG BỘ TỈNH …      ĐẢNG CỘNG SẢN VIỆT NAM",
 * "Nơi nhận:      T/M BAN THƯỜNG VỤ"): its left column's lines, then its right column's, as a layout table is read.
 * Null when the block is not so laid out (two lines at least must show the gap or the indent).
 */
function columnsOf(block: { source: number; raw: string }[]): { source: number; raw: string }[][] | null {
  if (block.length < 2 || block.length > 24) return null;
  // A tab is a gap whatever its width (a Word document's tab stops; extracted text keeps one tab for a run).
  const gap = new RegExp(`^(\\s*\\S.*?\\S?)([ ]*\\t\\s*|\\s{${COLUMN_GAP},})(\\S.*)$`);
  const left: { source: number; raw: string }[] = [];
  const right: { source: number; raw: string }[] = [];
  let laidOut = 0;
  /** Each line's two sides where a clear gap parts them. */
  const split = block.map((l): [string, string] | null => {
    // The gap's test is costly on a long line (a lazy group before it): a line with no tab and no run of spaces has none.
    const m = !MAY_GAP.test(l.raw) || isTableLine(l.raw) ? null : gap.exec(l.raw);
    // A list item's label before a tab ("1.\tMục đích", "-\tNội dung") is no column.
    return m && !(m[2]!.includes("\t") && LIST_LABEL.test(m[1]!)) ? [m[1]!, m[3]!] : null;
  });
  // Where the right column starts on the lines with a clear gap: a line whose left column runs closer to it (a long
  // recipient, "… KH,CN,     THỨ TRƯỞNG") splits there too, on two spaces at least.
  const starts = block.flatMap((l, k) => (split[k] ? [l.raw.length - split[k]![1].length] : []));
  const column = starts.length >= 2 && starts.every((x) => x === starts[0]) ? starts[0]! : null;
  const atColumn = (raw: string): [string, string] | null => {
    if (column === null || raw.length <= column || raw[column] === " " || raw.slice(column - 2, column) !== "  " || isTableLine(raw)) return null;
    return /\S/.test(raw.slice(0, column)) ? [raw.slice(0, column), raw.slice(column)] : null;
  };
  // A line that starts with a tab, in a block whose other lines part their columns at a tab, has an empty left column
  // ("\tHồ Thị Thu Hằng" under "- Lưu: VT.\tPHÓ CHỦ TỊCH").
  const tabbed = split.some((x, k) => x !== null && /\S[ ]*\t/.test(block[k]!.raw));
  let paired = 0;
  block.forEach((l, k) => {
    const indent = /^\s*/.exec(l.raw)![0].length;
    const sides = split[k] ?? atColumn(l.raw);
    if (sides) paired++;
    if (indent >= RIGHT_INDENT || (tabbed && !sides && /^[ ]*\t\s*\S/.test(l.raw))) {
      right.push({ source: l.source, raw: l.raw.trim() });
      laidOut++;
    } else if (sides) {
      left.push({ source: l.source, raw: sides[0].trim() });
      right.push({ source: l.source, raw: sides[1].trim() });
      laidOut++;
    } else left.push({ source: l.source, raw: l.raw.trim() });
  });
  // Lines only indented, none with two sides, are centred text (a title under its type word), not two columns.
  return laidOut >= 2 && right.length && paired > 0 ? [left, right] : null;
}

/** A row of a table copied with tabs between its cells (a Word table pasted as text): three cells or more. */
function isTabRow(raw: string): boolean {
  return raw.trim() !== "" && (raw.match(/\t/g)?.length ?? 0) >= 2;
}

/**
 * The rows of a tab-separated table starting at line i (and the line after it), or null: at least three rows in a
 * run, most after the first numbered in their first cell ("1", "II") — a layout laid with tabs (a header, a
 * signature beside "Nơi nhận") numbers none.
 */
function tabTable(raw: string[], i: number): { rows: RawCell[][]; end: number } | null {
  let j = i;
  while (j < raw.length && isTabRow(raw[j]!)) j++;
  if (j - i < 3) return null;
  const cells = raw.slice(i, j).map((l) => l.replace(/\s+$/, "").split("\t"));
  const numbered = cells.slice(1).filter((c) => isRowNumber(c[0] ?? "")).length;
  if (numbered * 2 < j - i - 1) return null;
  const rows = cells.map((row, k) => row.map((cell) => ({ lines: [{ source: i + k, raw: cell }] })));
  return { rows, end: j };
}

/** A row of a bare pipe table: a row number, then " | " ("1 | Xây dựng …", "II | NHÓM …"). */
const BARE_ROW = /^\s*(\d{1,3}(?:\.\d{1,3}){0,2}\.?|[IVXL]{1,6}\.?|[A-H]\.?)\s+\|\s/;

/** A line of three cells or more parted by " | ", with no pipe at its start: a table pasted as text, row by row. */
function bareCellCount(raw: string): number {
  const t = raw.trim();
  if (!t || t.startsWith("|")) return 0;
  return t.replace(/\s*\|\s*$/, "").split(/\s\|\s/).length;
}

/**
 * The rows of a table pasted as text with " | " between cells and no pipe at either end, starting at its header line
 * i ("STT | Nhiệm vụ | Cơ quan chủ trì | …"), or null: each row starts with its number, and a row's cells wrap onto
 * the next lines (a line that ends in "|" closed its cell; one that does not goes on into the next line's first cell)
 * until a blank line or a line that neither starts a row nor can go on one.
 */
function bareTable(raw: string[], i: number): { rows: RawCell[][]; end: number } | null {
  const k = bareCellCount(raw[i]!);
  if (k < 3 || BARE_ROW.test(raw[i]!) || !BARE_ROW.test(raw[i + 1] ?? "")) return null;
  const groups: { source: number; raw: string }[][] = [[{ source: i, raw: raw[i]! }]];
  let j = i + 1;
  for (; j < raw.length; j++) {
    const line = raw[j]!;
    if (!line.trim()) break;
    if (BARE_ROW.test(line)) {
      groups.push([{ source: j, raw: line }]);
      continue;
    }
    const row = groups[groups.length - 1]!;
    const pipes = row.reduce((n, l) => n + (l.raw.match(/\|/g)?.length ?? 0), 0);
    // A complete row goes on only with a short line that starts nothing (its last cell wrapped).
    if (pipes >= k - 1 && (line.includes("|") || line.trim().length > 80 || HEADING_START.test(line))) break;
    row.push({ source: j, raw: line });
  }
  if (groups.length < 3) return null;
  const rows = groups.map((lines) => {
    const cells: RawCell[] = [];
    let cur: RawCell | null = null;
    for (const l of lines) {
      l.raw
        .trim()
        .split(/\s*\|\s*/)
        .forEach((part, n) => {
          if (n > 0 || !cur) cells.push((cur = { lines: [] }));
          if (part) cur!.lines.push({ source: l.source, raw: part });
        });
    }
    return cells.map((c) => (c.lines.length ? c : { lines: [{ source: lines[0]!.source, raw: "" }] }));
  });
  return { rows, end: j };
}

/** Raw lines → text lines and tables (Markdown, flattened and tab-separated). */
function chunksOf(raw: string[]): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (isTabRow(line)) {
      const table = tabTable(raw, i);
      if (table) {
        out.push({ kind: "table", source: i, rows: table.rows, tabs: true });
        i = table.end - 1;
        continue;
      }
    }
    if (line.includes(" | ")) {
      const table = bareTable(raw, i);
      if (table) {
        out.push({ kind: "table", source: i, rows: table.rows });
        i = table.end - 1;
        continue;
      }
    }
    // A block laid out in columns with spaces: each column a block of its own.
    if (line.trim() && (i === 0 || !raw[i - 1]!.trim())) {
      let j = i;
      while (j < raw.length && raw[j]!.trim() && !isLonePipe(raw[j]!) && !isTableLine(raw[j]!)) j++;
      const columns = columnsOf(raw.slice(i, j).map((r, k) => ({ source: i + k, raw: r })));
      if (columns) {
        for (const column of columns) {
          for (const l of column) out.push({ kind: "text", source: l.source, raw: l.raw });
          out.push({ kind: "text", source: column[column.length - 1]?.source ?? i, raw: "" });
        }
        i = j - 1;
        continue;
      }
    }
    if (isLonePipe(line)) {
      // A flattened table runs until a blank line right after a pipe (or the end of the text).
      const items: ({ source: number; raw: string } | null)[] = [];
      let j = i;
      for (; j < raw.length; j++) {
        const l = raw[j]!;
        if (isLonePipe(l)) {
          items.push(null);
          continue;
        }
        // Only a truly blank line ends it: a cell holding a non-breaking space is an empty cell, not the end.
        if (/^[ \t]*$/.test(l) && j > i && isLonePipe(raw[j - 1]!)) break;
        items.push({ source: j, raw: l });
      }
      const rows = flattenedRows(items);
      if (rows.length) out.push({ kind: "table", source: i, rows });
      else out.push({ kind: "text", source: i, raw: "" });
      i = j - 1;
      continue;
    }
    if (isTableLine(line) && /^\s*\|.*\|\s*$/.test(line)) {
      let j = i;
      while (j < raw.length && /^\s*\|.*\|\s*$/.test(raw[j]!) && !isLonePipe(raw[j]!)) j++;
      const rows: RawCell[][] = raw.slice(i, j).map((l, k) =>
        splitCells(l.trim())
          .slice(1, -1)
          .map((cell) => ({ lines: cell.split(/<br\s*\/?>/i).map((part, n) => ({ source: i + k, raw: part, br: n > 0 })) })),
      );
      out.push({ kind: "table", source: i, rows });
      i = j - 1;
      continue;
    }
    if (isTableLine(line)) {
      // A stray row fragment ("| BAN CHẤP HÀNH TRUNG ƯƠNG", "\- Lưu VT. |"): each cell is a line of its own.
      const cells = splitCells(line).filter((c) => !isSeparatorCell(c) && c.trim());
      if (!cells.length) out.push({ kind: "text", source: i, raw: "" });
      for (const cell of cells) out.push({ kind: "text", source: i, raw: cell });
      continue;
    }
    out.push({ kind: "text", source: i, raw: line });
  }
  return out;
}

const LIST_START = /^\s*(?:[-–—•+·◦▪►➢➤✓○●■□]\s+|\*\s+(?=\S)|\\-\s*)/u;
const HEADING_START = /^\s*(?:\*\*)?\s*(?:[IVX]{1,5}\s*[.\-)]|\d{1,2}(?:\.\d{1,2}){0,2}\s*[.)-]|[a-zđ]\s*\)|Điều\s+\d|Chương\s+[IVXLC\d]|(?:PHẦN|Phần)\s+(?:[IVX]{1,5}\b|THỨ\s|thứ\s)|PHỤ\s+LỤC|Phụ\s+lục\s+[IVXLC\d])/u;
const TERMINAL = /[.:;!?…"”»]\s*\**\s*$|\.\/\.\s*$/u;

/**
 * Is this text a law-library style conversion, whose paragraphs are wrapped over several lines? Counted over
 * blocks of consecutive lines: a long, unfinished, not-all-caps line followed by a line that does not start an item.
 */
function isWrapped(text: { raw: string }[]): boolean {
  let wraps = 0;
  let lines = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text[i]!.raw.trim();
    const b = text[i + 1]!.raw.trim();
    if (!a || !b) continue;
    lines++;
    if (a.length >= 20 && !isUpperText(a) && !TERMINAL.test(a) && !LIST_START.test(b) && !opensRun(a)) wraps++;
  }
  return wraps >= 5 && wraps * 3 >= lines;
}

/** A line that opens a header item of its own: the number, the subject line, the addressee, the place and date, a rule. */
const HEADER_ITEM = /^\s*(?:\**\s*)?(?:Số\s*:?\s*[\d.…_]|V\/v\b|Kính\s+gửi|Nơi\s+nhận|[-_=*]{3,}\s*$|[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,4},\s*ngày\s)/u;

/** In a wrapped text, does this raw line go on the paragraph before it? */
function continuesParagraph(prev: string, line: string): boolean {
  if (LIST_START.test(line)) return false;
  // Header lines stay lines: an issuer or title in capitals, the number, "V/v", "Kính gửi", a place and date, a rule.
  if (isUpperText(prev) || isUpperText(line) || HEADER_ITEM.test(line) || /^\s*[-_=*]{3,}\s*$/.test(prev)) return false;
  const p = prev.trim();
  if (/^\*\*.*\*\*$/.test(p) && !opensRun(p)) return false;
  if (/^\s*\*\*.*\*\*\s*$/.test(line) && !opensRun(line)) return false;
  if (HEADING_START.test(line) && TERMINAL.test(p)) return false;
  // A signature's mark ("[đã ký]", "(Đã ký)") is a line of its own, as is the name under it.
  if (SIGNED_MARK.test(p) || SIGNED_MARK.test(line.trim())) return false;
  return true;
}

const SIGNED_MARK = /^[([]\s*(?:đã ký|đã kí|Đã ký|Đã kí|ký|kí)\s*[)\]]$/u;

/**
 * A header cell written on one line holds several lines of the header ("TỈNH ỦY HÒA BẮC **VĂN PHÒNG** \\* Số 123-CV/VPTU
 * *V/v góp ý …*"): split it at its emphasis runs, at a lone star (the rule under the issuer), and before "Số …",
 * "V/v" and a place-and-date.
 */
function splitHeaderCell(raw: string): string[] {
  if (raw.length < 40 || !/(?:\*\*|\s\\?\*\s|Số\s*:?\s*[\d.…_ ]*[-/]|V\/v)/u.test(raw)) return [raw];
  const pieces = raw
    .split(/(\*\*[^*]+\*\*|(?<![*\\])\*(?!\s)[^*]+?(?<!\s)\*(?!\*))|\s\\?\*(?=\s)|\s(?=Số\s*:?\s*[\d.…_ ]*[-/])|\s(?=V\/v\s)|\s(?=\\?-{3,})/u)
    .filter((p): p is string => Boolean(p && p.trim()));
  return pieces.length > 1 ? pieces : [raw];
}

/** The logical lines of one table cell in a layout table: runs joined, wrapped list items put back together. */
function layoutCellLines(cell: RawCell): { source: number; raw: string }[] {
  const lines = cell.lines.length === 1 ? splitHeaderCell(cell.lines[0]!.raw).map((raw) => ({ source: cell.lines[0]!.source, raw })) : cell.lines;
  // Breaks the source wrote ("TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH", even inside one bold run) keep their lines apart:
  // each is quoted as written. Only wrapped source lines are joined into runs.
  const kept = lines.filter((l) => l.raw.trim());
  const joined = kept.some((l) => "br" in l && l.br) ? kept.map((l) => ({ source: l.source, raw: l.raw })) : joinRuns(kept);
  const out: { source: number; raw: string }[] = [];
  for (const l of joined) {
    const prev = out[out.length - 1];
    // A wrapped Nơi nhận item ("- Báo và Phát thanh … trên địa bàn" / "tỉnh;") or a date split over two lines.
    const inList = prev && LIST_START.test(prev.raw) && !LIST_START.test(l.raw) && !/^\s*(?:\*\*|\*)?\s*(?:T\/M|K\/T|TM\.|KT\.|TL\.|T\/L)/u.test(l.raw);
    const splitDate = prev && /ngày\s*\d{0,2}\s*\**\s*$/iu.test(prev.raw) && /^\s*\**\s*(?:tháng|\d)/iu.test(l.raw);
    if (prev && (inList || splitDate)) prev.raw = `${prev.raw.replace(/\s+$/, "")} ${l.raw.trim()}`;
    else out.push({ ...l });
  }
  return out;
}

/** Split raw text into cleaned logical lines. */
/** "Số:" and the run of blanks left for the number, before "/KH-UBND" or "-KH/ĐU". */
const BLANK_NUMBER_GAP = /^([ \t]*Số[ \t]*:?)[ \t]{2,}(?=[/-][ \t]*\p{L})/gmu;

export function toLines(input: string): Line[] {
  // "Số:        /KH-UBND" (the number left for the hand to fill in): the blank is no gap between two columns.
  const raw = nfc(input)
    .replace(/\r\n?/g, "\n")
    .replace(BLANK_NUMBER_GAP, "$1 ")
    .split("\n");
  const chunks = chunksOf(raw);
  const textRaw = chunks.filter((c): c is Extract<Chunk, { kind: "text" }> => c.kind === "text");
  const wrapped = isWrapped(textRaw);
  const out: Line[] = [];
  const blank = (source: number): Line => ({ source, text: "", emphasized: false, mdHeading: false });
  const push = (source: number, rawText: string): boolean => {
    let any = false;
    // A line break inside a cell ("<br>") is a line of its own.
    for (const part of rawText.split(/<br\s*\/?>/i)) {
      const c = cleanInline(part);
      if (!c.text) continue;
      out.push({ source, ...c });
      any = true;
    }
    return any;
  };
  let tables = 0;
  for (let k = 0; k < chunks.length; k++) {
    const chunk = chunks[k]!;
    if (chunk.kind === "text") {
      // A block of text lines up to the next blank line or table.
      const block: { source: number; raw: string }[] = [];
      let j = k;
      while (j < chunks.length && chunks[j]!.kind === "text" && (chunks[j] as { raw: string }).raw.trim()) {
        const c = chunks[j] as Extract<Chunk, { kind: "text" }>;
        block.push({ source: c.source, raw: c.raw });
        j++;
      }
      if (!block.length) {
        out.push(blank(chunk.source));
        continue;
      }
      let logical = joinRuns(block);
      if (wrapped) {
        const merged: { source: number; raw: string }[] = [];
        for (const l of logical) {
          const prev = merged[merged.length - 1];
          if (prev && continuesParagraph(prev.raw, l.raw)) prev.raw = `${prev.raw.replace(/\s+$/, "")} ${l.raw.trim()}`;
          else merged.push({ ...l });
        }
        logical = merged;
      }
      for (const l of logical) if (!push(l.source, l.raw)) out.push(blank(l.source));
      k = j - 1;
      continue;
    }
    const rows = chunk.rows;
    const cellText = (c: RawCell) => c.lines.map((l) => l.raw).join(" ");
    const layout = rows.some((r) => r.some((c) => LAYOUT_CELL.test(cellText(c)) || c.lines.some((l) => LAYOUT_CELL.test(l.raw))));
    if (layout || rows.length === 1) {
      // Read column by column: the issuer block above the number, the motto above the date.
      const width = Math.max(...rows.map((r) => r.length));
      let any = false;
      for (let col = 0; col < width; col++) {
        for (const r of rows) {
          const cell = r[col];
          if (!cell || isSeparatorCell(cellText(cell))) continue;
          for (const l of layoutCellLines(cell)) if (push(l.source, l.raw)) any = true;
        }
      }
      if (!any) out.push(blank(chunk.source));
      out.push(blank(chunk.source));
      continue;
    }
    // A data table: one line per row, its cells kept.
    const table = tables++;
    const join = tableCellJoin(chunk.tabs === true);
    out.push(blank(chunk.source));
    for (const r of rows) {
      // A line break inside a cell ("Cục A;<br>Hội B") is kept as " … ": the row's text then quotes the document
      // verbatim on either side of it (tables.ts reads it as a separator).
      const cells = r.map((c) =>
        c.lines
          .map((l) => ({ text: cleanInline(l.raw.trim()).text, br: l.br }))
          .filter((l) => l.text)
          .map((l, n) => (n === 0 ? l.text : `${l.br ? CELL_BREAK : " "}${l.text}`))
          .join(""),
      );
      if (r.every((c) => isSeparatorCell(cellText(c)))) continue;
      if (!cells.some(Boolean)) continue;
      const source = r.find((c) => c.lines.length)?.lines[0]?.source ?? chunk.source;
      out.push({ source, text: cells.filter(Boolean).join(join), emphasized: false, mdHeading: false, row: { table, cells, join } });
    }
    out.push(blank(chunk.source));
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
