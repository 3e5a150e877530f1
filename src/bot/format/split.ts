/**
 * Split Telegram HTML into messages of at most `limit` characters.
 *
 * Cuts fall between paragraphs when possible, then between lines, then between words, and never inside a tag or an
 * entity (`&amp;`). A tag that is open at a cut is closed at the end of that message and reopened (with its attributes)
 * at the start of the next one, so every message is valid HTML on its own.
 *
 * Length is counted on the HTML source in UTF-16 code units. Telegram counts the 4096-character limit on the text
 * after entity parsing, which is never longer than the source, so this is safe (if slightly conservative).
 */

/** Telegram's limit on a message text, in characters after entity parsing. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

interface OpenTag {
  name: string;
  /** The tag as written, attributes included, e.g. `<a href="…">`. */
  source: string;
}

interface Atom {
  text: string;
  /** Open-tag stack after this atom (shared, never mutated). */
  stack: readonly OpenTag[];
  kind: "text" | "tag" | "entity";
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g;

function atomize(html: string): Atom[] {
  const atoms: Atom[] = [];
  let stack: readonly OpenTag[] = [];
  let last = 0;
  const pushText = (text: string) => {
    for (const ch of text) atoms.push({ text: ch, stack, kind: "text" });
  };
  for (const m of html.matchAll(TOKEN)) {
    const index = m.index;
    pushText(html.slice(last, index));
    last = index + m[0].length;
    if (m[2] === undefined) {
      atoms.push({ text: m[0], stack, kind: "entity" });
      continue;
    }
    const name = m[2].toLowerCase();
    if (m[1] === "/") {
      const at = stack.map((t) => t.name).lastIndexOf(name);
      if (at >= 0) stack = stack.slice(0, at);
    } else {
      stack = [...stack, { name, source: m[0] }];
    }
    atoms.push({ text: m[0], stack, kind: "tag" });
  }
  pushText(html.slice(last));
  return atoms;
}

const closers = (stack: readonly OpenTag[]): string =>
  stack
    .slice()
    .reverse()
    .map((t) => `</${t.name}>`)
    .join("");
const openers = (stack: readonly OpenTag[]): string => stack.map((t) => t.source).join("");

const isSpace = (a: Atom | undefined): boolean => a !== undefined && a.kind === "text" && /\s/.test(a.text);

/** Split `html` into parts that each fit in one Telegram message. Empty input gives no parts. */
export function splitHtml(html: string, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (limit < 64) throw new RangeError(`splitHtml: limit ${limit} is too small (minimum 64)`);
  if (html.length <= limit) return html.trim() ? [html] : [];

  const atoms = atomize(html);
  const n = atoms.length;
  // pos[b] = length of atoms[0..b), boundary b sits before atoms[b].
  const pos = new Array<number>(n + 1);
  pos[0] = 0;
  for (let k = 0; k < n; k++) pos[k + 1] = pos[k]! + atoms[k]!.text.length;
  const stackAt = (b: number): readonly OpenTag[] => (b === 0 ? [] : atoms[b - 1]!.stack);

  const parts: string[] = [];
  let start = 0;
  while (start < n) {
    while (start < n && isSpace(atoms[start])) start++;
    if (start >= n) break;
    const prefix = openers(stackAt(start));

    let paragraph = -1;
    let line = -1;
    let word = -1;
    let any = -1;
    let end = -1;
    for (let e = start + 1; e <= n; e++) {
      const content = pos[e]! - pos[start]!;
      if (prefix.length + content > limit) break;
      const cost = prefix.length + content + closers(stackAt(e)).length;
      if (cost > limit) continue;
      if (e === n) {
        end = n;
        break;
      }
      const before = atoms[e - 1]!;
      if (before.kind === "text" && before.text === "\n") {
        if (atoms[e - 2]?.text === "\n") paragraph = e;
        else line = e;
      } else if (isSpace(before)) {
        word = e;
      }
      if (before.kind !== "tag" || before.text.startsWith("</")) any = e;
    }
    if (end < 0) {
      const half = start + 1;
      const farEnough = (b: number) => b > 0 && pos[b]! - pos[start]! >= limit / 2;
      end =
        paragraph > 0 && farEnough(paragraph)
          ? paragraph
          : line > 0
            ? line
            : paragraph > 0
              ? paragraph
              : word > 0
                ? word
                : any > 0
                  ? any
                  : half;
    }

    let last = end;
    while (last > start && isSpace(atoms[last - 1])) last--;
    const body = atoms
      .slice(start, last)
      .map((a) => a.text)
      .join("");
    if (body.replace(/<[^>]*>/g, "").trim()) parts.push(prefix + body + closers(stackAt(last)));
    start = end;
  }
  return parts;
}
