/**
 * A minimal XML reader for the OOXML parts of a .docx: elements, attributes and text, nothing else (no DTDs,
 * no validation). Element names are rewritten to a canonical prefix per namespace ("w:" for WordprocessingML,
 * "mc:" for markup compatibility) so a file that binds other prefixes still reads the same.
 */

export interface XmlElement {
  /** Canonical "prefix:local" (or the name as written when its namespace is not one we know). */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const CANONICAL_PREFIX: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
};

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return safeFromCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith("#")) return safeFromCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return ENTITIES[ref] ?? whole;
  });
}

function safeFromCodePoint(cp: number): string | undefined {
  return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parse a whole XML document. Throws Error on markup that does not nest. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  // Prefix bindings are collected document-wide: OOXML declares them on the root element in practice.
  const prefixes = new Map<string, string>();
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m.index > last) top.children.push(decodeEntities(xml.slice(last, m.index)));
    last = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      top.children.push(m[1]);
      continue;
    }
    const rawName = m[3];
    if (rawName === undefined) continue; // comment, processing instruction, doctype
    if (m[2] === "/") {
      const name = canonicalName(rawName, prefixes);
      if (stack.length === 1 || top.name !== name) throw new Error(`thẻ đóng </${rawName}> không khớp`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    const rawAttrs = m[4] ?? "";
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(rawAttrs); a; a = ATTR.exec(rawAttrs)) {
      const value = decodeEntities(a[2] ?? a[3] ?? "");
      const key = a[1]!;
      if (key === "xmlns") prefixes.set("", value);
      else if (key.startsWith("xmlns:")) prefixes.set(key.slice(6), value);
      attrs[key] = value;
    }
    const element: XmlElement = { name: canonicalName(rawName, prefixes), attrs: canonicalAttrs(attrs, prefixes), children: [] };
    top.children.push(element);
    if (m[5] !== "/") stack.push(element);
  }
  if (stack.length !== 1) throw new Error("XML không đóng đủ thẻ");
  return root;
}

function canonicalName(raw: string, prefixes: Map<string, string>): string {
  const colon = raw.indexOf(":");
  const prefix = colon < 0 ? "" : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  const uri = prefixes.get(prefix);
  const canonical = uri === undefined ? undefined : CANONICAL_PREFIX[uri];
  if (canonical) return `${canonical}:${local}`;
  return raw;
}

function canonicalAttrs(attrs: Record<string, string>, prefixes: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) {
    // Unprefixed attributes have no namespace; keep them as written.
    out[key.includes(":") && !key.startsWith("xmlns") ? canonicalName(key, prefixes) : key] = value;
  }
  return out;
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== "string" && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** Depth-first search for descendants named `name`, not descending into matches. */
export function findDescendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === name) out.push(c);
    else findDescendants(c, name, out);
  }
  return out;
}

export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) s += typeof c === "string" ? c : textOf(c);
  return s;
}
