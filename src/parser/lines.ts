/**
 * From raw text to logical lines: Markdown noise removed (`**…**`, `\-`, `\.`, `#` headings, table pipes),
 * whitespace collapsed, each line remembering where it came from. Pure functions.
 */

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

function stripEmphasis(s: string): string {
  return s
    .replace(/\*\*/g, "")
    .replace(/__(?=\S)|(?<=\S)__/g, "")
    .replace(/(^|[\s(])\*(?=\S)([^*]*?\S)\*(?=$|[\s).,:;!?])/g, "$1$2");
}

/** Clean one raw line (no table handling). */
export function cleanInline(raw: string): { text: string; emphasized: boolean; mdHeading: boolean } {
  let s = raw.replace(/[\u00A0\u2007\u202F\t]/g, " ").replace(/[\u200B\uFEFF]/g, "");
  let mdHeading = false;
  const h = /^\s*#{1,6}\s+/.exec(s);
  if (h) {
    mdHeading = true;
    s = s.slice(h[0].length);
  }
  s = s.replace(/\\\*/g, STAR).replace(ESCAPED, "$1");
  const trimmed = s.trim();
  const bold = /^\*\*[^*].*\*\*$/.test(trimmed) && !/^\*\*\s*\*\*$/.test(trimmed) && (trimmed.match(/\*\*/g)?.length ?? 0) === 2;
  s = stripEmphasis(s).replace(new RegExp(STAR, "g"), "*");
  s = s.replace(/\s+/g, " ").trim();
  return { text: s, emphasized: mdHeading || bold, mdHeading };
}

/** True when a line carries content: at least one letter or digit. */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Split raw text into cleaned logical lines. Table rows become one line per non-empty cell. */
export function toLines(input: string): Line[] {
  const raw = input.normalize("NFC").replace(/\r\n?/g, "\n").split("\n");
  const out: Line[] = [];
  raw.forEach((line, source) => {
    const isTable = /^\s*\|/.test(line) || /\|\s*$/.test(line) || / \| /.test(line);
    const cells = isTable ? line.split("|") : [line];
    let any = false;
    for (const cell of cells) {
      if (isTable && /^\s*:?-{2,}:?\s*$/.test(cell)) continue;
      const c = cleanInline(cell);
      if (isTable && !c.text) continue;
      out.push({ source, ...c });
      any = true;
    }
    if (!any) out.push({ source, text: "", emphasized: false, mdHeading: false });
  });
  return out;
}

/** A page number or page-break artifact left in the text ("2", "- 2 -", "Trang 3"). */
export function isPageArtifact(text: string): boolean {
  return /^(?:-\s*)?\d{1,3}(?:\s*-)?$/.test(text) || /^trang\s+\d{1,3}(\s*\/\s*\d{1,3})?$/i.test(text);
}
