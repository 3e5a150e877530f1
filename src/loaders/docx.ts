/**
 * .docx → text. We walk the OOXML ourselves because the parser needs what mammoth's raw text drops: the list
 * numbers Word draws itself ("1.", "a)", "II." from numbering.xml are not in the text runs, and Vietnamese
 * directives hang their whole section structure on them) and table rows that stay on one readable line.
 * mammoth stays as the safety net: if our walk fails or finds clearly less text than mammoth does, mammoth's
 * text is used.
 */
import JSZip from "jszip";
import mammoth from "mammoth";
import { FormatError } from "./errors.js";
import { legacyGlyphsReason, letterCount, sniffContainer, tidyExtracted } from "./text.js";
import { childElements, findDescendants, firstChild, parseXml, textOf, type XmlElement, type XmlNode } from "./xml.js";

const CORRUPT = "tệp .docx hỏng";

export async function readDocx(data: Uint8Array): Promise<string> {
  const kind = sniffContainer(data);
  if (kind === "ole") {
    throw new FormatError(
      "tệp .docx được đặt mật khẩu, hoặc thực chất là tệp .doc (Word 97-2003) — hãy gỡ mật khẩu hoặc mở bằng Word và lưu lại dạng .docx",
    );
  }
  if (kind !== "zip") throw new FormatError(`${CORRUPT}: không phải gói ZIP của Word`);

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (err) {
    throw new FormatError(`${CORRUPT}: không giải nén được (${errorText(err)})`, { cause: err });
  }

  const text = await extractText(zip, data);
  const legacy = legacyGlyphsReason(text);
  if (legacy) throw new FormatError(legacy);
  return text;
}

async function extractText(zip: JSZip, data: Uint8Array): Promise<string> {
  let ours: string | null = null;
  let oursError: unknown = null;
  try {
    ours = await extractWithNumbering(zip);
  } catch (err) {
    oursError = err;
  }

  let theirs: string | null = null;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
    theirs = tidyExtracted(result.value);
  } catch (err) {
    if (ours === null) throw new FormatError(`${CORRUPT}: ${errorText(oursError ?? err)}`, { cause: oursError ?? err });
  }

  // Our text carries extra numbering characters, so it should never have fewer letters than mammoth's.
  if (ours !== null && (theirs === null || letterCount(ours) >= 0.9 * letterCount(theirs))) return ours;
  return theirs ?? "";
}

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0]!.slice(0, 200);
}

// ---------------------------------------------------------------------------------------------------------------
// Package parts

async function readPart(zip: JSZip, path: string): Promise<XmlElement | null> {
  const file = zip.file(path.replace(/^\//, ""));
  if (!file) return null;
  return parseXml(await file.async("string"));
}

/** Relationship targets of a part, by relationship type's last path segment ("officeDocument", "styles", …). */
async function readRels(zip: JSZip, partPath: string): Promise<Map<string, string>> {
  const slash = partPath.lastIndexOf("/");
  const dir = slash < 0 ? "" : partPath.slice(0, slash + 1);
  const name = partPath.slice(slash + 1);
  const rels = await readPart(zip, `${dir}_rels/${name}.rels`);
  const out = new Map<string, string>();
  if (!rels) return out;
  for (const rel of findDescendants(rels, "rel:Relationship")) {
    const type = rel.attrs["Type"]?.split("/").pop();
    const target = rel.attrs["Target"];
    if (!type || !target || rel.attrs["TargetMode"] === "External" || out.has(type)) continue;
    out.set(type, target.startsWith("/") ? target.slice(1) : normalizePath(dir + target));
  }
  return out;
}

function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

async function extractWithNumbering(zip: JSZip): Promise<string> {
  const mainPath = (await readRels(zip, "")).get("officeDocument") ?? "word/document.xml";
  const doc = await readPart(zip, mainPath);
  if (!doc) throw new Error(`thiếu ${mainPath}`);
  const rels = await readRels(zip, mainPath);
  // Damaged styles or numbering cost the list markers, not the text.
  const stylesXml = await readPart(zip, rels.get("styles") ?? "word/styles.xml").catch(() => null);
  const numberingXml = await readPart(zip, rels.get("numbering") ?? "word/numbering.xml").catch(() => null);

  const body = findDescendants(doc, "w:body")[0];
  if (!body) throw new Error("thiếu w:body");
  const walker = new BodyWalker(new Numbering(numberingXml, readStyles(stylesXml)));
  const blocks: string[][] = [];
  walker.blocks(body.children, blocks);
  return tidyExtracted(blocks.map((lines) => lines.join("\n")).join("\n\n"));
}

// ---------------------------------------------------------------------------------------------------------------
// Styles and numbering

interface NumPr {
  numId?: string;
  ilvl?: number;
}
interface StyleInfo {
  basedOn?: string;
  numPr?: NumPr;
}

function readNumPr(pPr: XmlElement | undefined): NumPr | undefined {
  const numPr = firstChild(pPr, "w:numPr");
  if (!numPr) return undefined;
  const numId = firstChild(numPr, "w:numId")?.attrs["w:val"];
  const ilvl = firstChild(numPr, "w:ilvl")?.attrs["w:val"];
  const out: NumPr = {};
  if (numId !== undefined) out.numId = numId;
  if (ilvl !== undefined && /^\d+$/.test(ilvl)) out.ilvl = Number(ilvl);
  return out;
}

function readStyles(root: XmlElement | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!root) return styles;
  for (const style of findDescendants(root, "w:style")) {
    const id = style.attrs["w:styleId"];
    if (!id) continue;
    const info: StyleInfo = {};
    const basedOn = firstChild(style, "w:basedOn")?.attrs["w:val"];
    if (basedOn) info.basedOn = basedOn;
    const numPr = readNumPr(firstChild(style, "w:pPr"));
    if (numPr) info.numPr = numPr;
    styles.set(id, info);
  }
  return styles;
}

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  suff: string;
  pStyle?: string;
}

function readLevel(lvl: XmlElement): Level {
  const val = (name: string) => firstChild(lvl, name)?.attrs["w:val"];
  const start = Number(val("w:start") ?? "1");
  const level: Level = {
    start: Number.isFinite(start) ? start : 1,
    numFmt: val("w:numFmt") ?? "decimal",
    lvlText: val("w:lvlText") ?? "",
    isLgl: firstChild(lvl, "w:isLgl") !== undefined && !["0", "false"].includes(val("w:isLgl") ?? ""),
    suff: val("w:suff") ?? "tab",
  };
  const pStyle = val("w:pStyle");
  if (pStyle) level.pStyle = pStyle;
  return level;
}

function readLevels(parent: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childElements(parent, "w:lvl")) {
    const ilvl = Number(lvl.attrs["w:ilvl"] ?? "0");
    if (Number.isInteger(ilvl)) levels.set(ilvl, readLevel(lvl));
  }
  return levels;
}

interface AbstractNum {
  levels: Map<number, Level>;
  numStyleLink?: string;
}
interface Num {
  abstractNumId: string;
  startOverride: Map<number, number>;
  levelOverride: Map<number, Level>;
}

/**
 * Word's list numbering, reduced to what shows in the text: counters live per abstract list (numIds sharing one
 * continue each other), a deeper level restarts when a shallower one advances, and a w:startOverride restarts
 * its level the first time its numId is used.
 */
class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, Num>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly overridesApplied = new Set<string>();

  constructor(
    root: XmlElement | null,
    private readonly styles: Map<string, StyleInfo>,
  ) {
    if (!root) return;
    for (const abs of findDescendants(root, "w:abstractNum")) {
      const id = abs.attrs["w:abstractNumId"];
      if (id === undefined) continue;
      const entry: AbstractNum = { levels: readLevels(abs) };
      const link = firstChild(abs, "w:numStyleLink")?.attrs["w:val"];
      if (link) entry.numStyleLink = link;
      this.abstracts.set(id, entry);
    }
    for (const num of findDescendants(root, "w:num")) {
      const id = num.attrs["w:numId"];
      const abstractNumId = firstChild(num, "w:abstractNumId")?.attrs["w:val"];
      if (id === undefined || abstractNumId === undefined) continue;
      const entry: Num = { abstractNumId, startOverride: new Map(), levelOverride: new Map() };
      for (const o of childElements(num, "w:lvlOverride")) {
        const ilvl = Number(o.attrs["w:ilvl"] ?? "0");
        const start = firstChild(o, "w:startOverride")?.attrs["w:val"];
        if (start !== undefined && Number.isFinite(Number(start))) entry.startOverride.set(ilvl, Number(start));
        const lvl = firstChild(o, "w:lvl");
        if (lvl) entry.levelOverride.set(ilvl, readLevel(lvl));
      }
      this.nums.set(id, entry);
    }
  }

  /**
   * The list marker for a paragraph with the space after it ("1. ", "a) ", "- "), advancing the counters;
   * "" when the paragraph is not a list item.
   */
  next(pPr: XmlElement | undefined): string {
    const direct = readNumPr(pPr);
    const styleId = firstChild(pPr, "w:pStyle")?.attrs["w:val"];
    let numId = direct?.numId;
    let ilvl = direct?.ilvl;
    if (numId === undefined && styleId) {
      const fromStyle = this.styleNumPr(styleId);
      numId = fromStyle?.numId;
      ilvl ??= fromStyle?.ilvl;
    }
    if (numId === undefined || numId === "0") return "";
    const num = this.nums.get(numId);
    if (!num) return "";
    const absId = this.resolveAbstract(num.abstractNumId);
    const abs = absId === undefined ? undefined : this.abstracts.get(absId);
    if (absId === undefined || !abs) return "";
    if (ilvl === undefined && styleId) {
      for (const [i, lvl] of abs.levels) if (lvl.pStyle === styleId) ilvl = i;
    }
    ilvl ??= 0;
    const levelOf = (i: number) => num.levelOverride.get(i) ?? abs.levels.get(i);
    const level = levelOf(ilvl);
    if (!level) return "";

    let counters = this.counters.get(absId);
    if (!counters) this.counters.set(absId, (counters = []));
    const overrideKey = `${numId}:${ilvl}`;
    const override = num.startOverride.get(ilvl);
    if (override !== undefined && !this.overridesApplied.has(overrideKey)) {
      this.overridesApplied.add(overrideKey);
      counters[ilvl] = override - 1;
    } else if (counters[ilvl] === undefined) {
      counters[ilvl] = level.start - 1;
    }
    counters[ilvl] = counters[ilvl]! + 1;
    counters.length = ilvl + 1; // deeper levels restart

    let marker: string;
    if (level.numFmt === "bullet") marker = bulletText(level.lvlText);
    else if (level.numFmt === "none") marker = level.lvlText.replace(/%\d/g, "").trim();
    else marker = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const lvl = levelOf(i);
      const value = counters[i] ?? lvl?.start ?? 1;
      return formatNumber(value, level.isLgl && i < ilvl ? "decimal" : (lvl?.numFmt ?? "decimal"));
    });
    if (marker === "") return "";
    return level.suff === "nothing" ? marker : `${marker} `;
  }

  private styleNumPr(styleId: string): NumPr | undefined {
    const seen = new Set<string>();
    let id: string | undefined = styleId;
    let ilvl: number | undefined;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      ilvl ??= style.numPr?.ilvl;
      if (style.numPr?.numId !== undefined) {
        return ilvl === undefined ? { numId: style.numPr.numId } : { numId: style.numPr.numId, ilvl };
      }
      id = style.basedOn;
    }
    return undefined;
  }

  /** An abstract list that only links to a numbering style takes its levels from the list that style uses. */
  private resolveAbstract(absId: string): string | undefined {
    let id: string | undefined = absId;
    for (let hops = 0; id !== undefined && hops < 5; hops++) {
      const abs = this.abstracts.get(id);
      if (!abs?.numStyleLink) return id;
      const numId = this.styleNumPr(abs.numStyleLink)?.numId;
      id = numId === undefined ? undefined : this.nums.get(numId)?.abstractNumId;
    }
    return id;
  }
}

function bulletText(lvlText: string): string {
  const t = lvlText.trim();
  if (t === "") return "";
  // Symbol/Wingdings bullets live in the private use area and mean nothing as text.
  if (/^[\uF000-\uF0FF]$/.test(t)) return "•";
  return t;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "decimalZero":
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case "upperRoman":
      return toRoman(n);
    case "lowerRoman":
      return toRoman(n).toLowerCase();
    case "upperLetter":
      return toLetters(n);
    case "lowerLetter":
      return toLetters(n).toLowerCase();
    case "decimalEnclosedParen":
      return `(${n})`;
    case "none":
      return "";
    default:
      return String(n);
  }
}

function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [value, digits] of table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** Word's letter numbering: a…z, then aa…zz, aaa… */
function toLetters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Body

const BLOCK_CONTAINERS = new Set(["w:customXml", "w:ins", "w:moveTo", "w:sdtContent", "w:txbxContent"]);
const RUN_CONTAINERS = new Set([
  "w:hyperlink", "w:smartTag", "w:customXml", "w:ins", "w:moveTo", "w:fldSimple", "w:sdtContent", "w:dir", "w:bdo",
]);
const HAS_TEXT_BOXES = new Set(["w:drawing", "w:pict", "w:object", "mc:AlternateContent"]);

class BodyWalker {
  constructor(private readonly numbering: Numbering) {}

  /** Block-level content → blocks of lines (a paragraph, a table, a text box). */
  blocks(children: XmlNode[], out: string[][]): void {
    for (const child of children) {
      if (typeof child === "string") continue;
      if (child.name === "w:p") this.paragraph(child, out);
      else if (child.name === "w:tbl") this.table(child, out);
      else if (child.name === "w:sdt") this.blocks(firstChild(child, "w:sdtContent")?.children ?? [], out);
      else if (child.name === "mc:AlternateContent") this.blocks(chooseAlternative(child)?.children ?? [], out);
      else if (BLOCK_CONTAINERS.has(child.name)) this.blocks(child.children, out);
    }
  }

  private paragraph(p: XmlElement, out: string[][]): void {
    const marker = this.numbering.next(firstChild(p, "w:pPr"));
    const boxes: XmlElement[] = [];
    const text = this.inline(p.children, boxes);
    if (text.trim() !== "") {
      out.push((marker + text).split("\n"));
    }
    for (const box of boxes) this.blocks(box.children, out);
  }

  /** Runs → text; text boxes met on the way are collected for the caller to emit after the paragraph. */
  private inline(children: XmlNode[], boxes: XmlElement[]): string {
    let s = "";
    for (const child of children) {
      if (typeof child === "string") continue;
      if (child.name === "w:r") s += this.run(child, boxes);
      else if (child.name === "w:sdt") s += this.inline(firstChild(child, "w:sdtContent")?.children ?? [], boxes);
      else if (RUN_CONTAINERS.has(child.name)) s += this.inline(child.children, boxes);
      else if (HAS_TEXT_BOXES.has(child.name)) collectTextBoxes(child, boxes);
    }
    return s;
  }

  private run(r: XmlElement, boxes: XmlElement[]): string {
    const rPr = firstChild(r, "w:rPr");
    if (isOn(firstChild(rPr, "w:vanish")) || isOn(firstChild(rPr, "w:webHidden"))) return "";
    let s = "";
    for (const c of r.children) {
      if (typeof c === "string") continue;
      switch (c.name) {
        case "w:t":
          s += textOf(c);
          break;
        case "w:tab":
        case "w:ptab":
          s += "\t";
          break;
        case "w:br":
        case "w:cr":
          s += "\n";
          break;
        case "w:noBreakHyphen":
          s += "-";
          break;
        case "w:sym": {
          const code = parseInt(c.attrs["w:char"] ?? "", 16);
          // Symbol-font code points (F0xx) have no Unicode meaning; real characters pass through.
          if (Number.isFinite(code) && (code < 0xf000 || code > 0xf0ff)) s += String.fromCodePoint(code);
          break;
        }
        default:
          if (HAS_TEXT_BOXES.has(c.name)) collectTextBoxes(c, boxes);
      }
    }
    return s;
  }

  /**
   * A row whose cells each hold one line reads best as one line ("STT | Nội dung | Thời gian"); a row with
   * multi-paragraph cells (the two-column header block of a directive: issuer, "*", "Số 12-KH/ĐU" | motto, place
   * and date) reads best cell after cell, one paragraph per line.
   */
  private table(tbl: XmlElement, out: string[][]): void {
    const lines: string[] = [];
    for (const tr of rowsOf(tbl)) {
      const cells = cellsOf(tr)
        .map((tc) => {
          const blocks: string[][] = [];
          this.blocks(tc.children, blocks);
          return blocks.flat().map((l) => l.trim()).filter((l) => l !== "");
        })
        .filter((cell) => cell.length > 0);
      if (cells.length >= 2 && cells.every((cell) => cell.length === 1)) lines.push(cells.map((c) => c[0]).join(" | "));
      else for (const cell of cells) lines.push(...cell);
    }
    if (lines.length > 0) out.push(lines);
  }
}

function rowsOf(tbl: XmlElement): XmlElement[] {
  const rows: XmlElement[] = [];
  for (const c of childElements(tbl)) {
    if (c.name === "w:tr") rows.push(c);
    else if (c.name === "w:sdt") rows.push(...rowsOf(firstChild(c, "w:sdtContent") ?? c));
    else if (c.name === "w:customXml" || c.name === "w:ins" || c.name === "w:sdtContent") rows.push(...rowsOf(c));
  }
  return rows;
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const cells: XmlElement[] = [];
  for (const c of childElements(tr)) {
    if (c.name === "w:tc") cells.push(c);
    else if (c.name === "w:sdt") cells.push(...cellsOf(firstChild(c, "w:sdtContent") ?? c));
    else if (c.name === "w:customXml" || c.name === "w:sdtContent") cells.push(...cellsOf(c));
  }
  return cells;
}

/** mc:AlternateContent holds the same content twice (modern and VML fallback): read one of them. */
function chooseAlternative(ac: XmlElement): XmlElement | undefined {
  return firstChild(ac, "mc:Choice") ?? firstChild(ac, "mc:Fallback");
}

function collectTextBoxes(el: XmlElement, out: XmlElement[]): void {
  if (el.name === "w:txbxContent") {
    out.push(el);
    return;
  }
  if (el.name === "mc:AlternateContent") {
    const chosen = chooseAlternative(el);
    if (chosen) collectTextBoxes(chosen, out);
    return;
  }
  for (const c of el.children) if (typeof c !== "string") collectTextBoxes(c, out);
}

function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = el.attrs["w:val"];
  return v === undefined || !["0", "false", "off"].includes(v);
}
