/**
 * Synthetic corpora made from the real documents, deterministic for a seed.
 *
 * - synthesizeDocuments: whole documents for the ingest benchmark. Each one is a real document's text (header,
 *   headings and structure intact, so the parser sees a real directive) with its own number re-drawn, its locality
 *   (e.g. "Thái Nguyên", also in capitals in the header) replaced by another Vietnamese locality, and about a third
 *   of the sentences of its long paragraphs replaced by sentences sampled from the other real sections, some
 *   paragraphs with their sentences shuffled.
 * - synthesizeChunks: section chunks for the 100k-chunk index. Synthetic document k follows a real document
 *   (same type, issuer pattern, section tree and heading paths); each of its chunks gets a text of about the
 *   length of the real chunk, made of sentences sampled from the real sections (half from the same real document,
 *   half from any), with localities, document numbers and dates re-drawn per synthetic document, and ~2 % of the
 *   syllables replaced by a syllable drawn from the corpus's own syllable stream (Zipf-like), so that new word pairs,
 *   numbers and place names keep the vocabulary growing with the corpus instead of saturating at the 6 documents'.
 */
import { basename } from "node:path";
import type { ParsedDocument } from "../../src/domain/model.js";
import type { DocumentMetadata } from "../../src/parser/index.js";
import { localitiesOf } from "../../src/assistant/knowledge.js";
import { chunkDocument } from "../../src/search/chunks.js";
import type { Chunk, ChunkPayload } from "../../src/search/types.js";

export { rng } from "./rng.js";
import { rng } from "./rng.js";

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Provinces and towns (real names); synthetic two-syllable names are added for vocabulary growth. */
const PLACES = [
  "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
  "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
  "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên",
  "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
  "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
  "Sơn La", "Tây Ninh", "Thái Bình", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
  "Vĩnh Phúc", "Yên Bái", "Sông Công", "Phổ Yên", "Đức Phổ", "Tam Kỳ", "Hội An", "Cam Ranh", "Long Khánh", "Đông Hà",
  "Bỉm Sơn", "Cẩm Phả", "Uông Bí", "Móng Cái", "Chí Linh", "Kinh Môn", "Thuận An", "Dĩ An", "Tân Uyên", "Bến Cát",
];
const SYL_A = ["An", "Bình", "Cẩm", "Diên", "Đông", "Gia", "Hòa", "Hưng", "Kim", "Lạc", "Long", "Minh", "Ngọc", "Phú", "Phước", "Quế", "Sơn", "Tân", "Thạch", "Thanh", "Thuận", "Tiên", "Trà", "Triệu", "Vạn", "Vĩnh", "Xuân", "Yên"];
const SYL_B = ["Bảo", "Châu", "Định", "Đức", "Giang", "Hải", "Hà", "Khê", "Lâm", "Lộc", "Lợi", "Lương", "Mỹ", "Nghĩa", "Ninh", "Phong", "Quang", "Sơn", "Tài", "Thành", "Thịnh", "Thủy", "Tiến", "Trung", "Tường", "Văn", "Vinh", "Xương"];

function locality(r: () => number): string {
  return r() < 0.5 ? pick(r, PLACES) : `${pick(r, SYL_A)} ${pick(r, SYL_B)}`;
}

export interface RealDocument {
  text: string;
  file: string;
  meta: DocumentMetadata;
  parsed: ParsedDocument;
}

/** Localities the real corpus uses (its documents' places and issuer localities, Hà Nội excepted). */
export function realLocalities(docs: readonly ParsedDocument[]): string[] {
  const out = new Set<string>();
  for (const d of docs) for (const l of localitiesOf(d)) out.add(l);
  for (const d of docs) if (d.place && d.place !== "Hà Nội") out.add(d.place);
  return [...out].sort((a, b) => b.length - a.length);
}

function splitSentences(text: string): string[] {
  return text
    .replace(/\\([-.*])/g, "$1")
    .replace(/[*#]+/g, "")
    .split(/(?<=[.;!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 5);
}

/** Sentences of the real sections, per document and all together. */
export function sentencePools(docs: readonly ParsedDocument[]): { all: string[]; byDoc: Map<string, string[]> } {
  const byDoc = new Map<string, string[]>();
  const all: string[] = [];
  for (const d of docs) {
    const own = d.sections.flatMap((s) => splitSentences(s.text));
    byDoc.set(d.id, own);
    all.push(...own);
  }
  return { all, byDoc };
}

/** Replace localities (both "Thái Nguyên" and "THÁI NGUYÊN") by `to`. */
function replaceLocalities(text: string, from: readonly string[], to: string): string {
  let t = text;
  for (const loc of from) {
    t = t.replace(new RegExp(escapeRe(loc), "g"), to).replace(new RegExp(escapeRe(loc.toUpperCase()), "g"), to.toUpperCase());
  }
  return t;
}

/** Re-draw the digits of document numbers ("844-CV/ĐU" → "1207-CV/ĐU") with probability p each. */
function redrawNumbers(text: string, r: () => number, p: number): string {
  return text.replace(/(?<!\d)(\d{1,5})(\s*[-–]\s*[A-Za-zĐđ&]{1,8}\s*\/)/g, (m, _d: string, rest: string) => (r() < p ? `${1 + Math.floor(r() * 3000)}${rest}` : m));
}

/** Re-draw dates "11/01/2024" and "ngày 11 tháng 01 năm 2024". */
function redrawDates(text: string, r: () => number): string {
  const day = () => String(1 + Math.floor(r() * 28)).padStart(2, "0");
  const month = () => String(1 + Math.floor(r() * 12)).padStart(2, "0");
  const year = () => String(2012 + Math.floor(r() * 14));
  return text
    .replace(/\b\d{1,2}\/\d{1,2}\/(19|20)\d{2}\b/g, () => `${day()}/${month()}/${year()}`)
    .replace(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/g, () => `ngày ${day()} tháng ${month()} năm ${year()}`);
}

type SyntheticInput = { text: string; file: string; meta: DocumentMetadata };

/**
 * One synthetic document from a real one: its own number re-drawn (digits only, the code kept), its localities
 * replaced by `place` (also in capitals), ~35 % of the sentences of its long paragraphs replaced by sentences of
 * `others`, 20 % of those paragraphs shuffled, dates re-drawn.
 */
function variant(src: RealDocument, r: () => number, place: string, others: readonly string[], locs: readonly string[]): { text: string; meta: DocumentMetadata } {
  let text = src.text;
  const meta: DocumentMetadata = { ...src.meta };
  const own = src.parsed.number;
  if (own) {
    // Party numbers "2018-CV/TU" and state numbers "144/KH-UBND": the digits before the first separator change.
    const [digits, sep, code = ""] = own.split(/([-/])(.*)/s);
    const fresh = String(1 + Math.floor(r() * 5000));
    text = text.replace(new RegExp(`(?<!\\d)${escapeRe(digits!)}(\\s*${escapeRe(sep ?? "-")}\\s*${escapeRe(code)})`, "g"), `${fresh}$1`);
    if (meta.number) meta.number = `${fresh}${sep}${code}`;
  }
  text = replaceLocalities(text, locs, place);
  if (meta.place && meta.place !== "Hà Nội") meta.place = place;
  // Long paragraphs: replace ~1/3 of their sentences by sentences of other real sections; shuffle some.
  text = text
    .split("\n")
    .map((line) => {
      if (line.length < 160 || /^\s*(#|[IVX]+\.|\d+\.|[a-zđ]\))/.test(line)) return line;
      let sents = line.split(/(?<=[.;])\s+(?=\p{Lu})/u);
      sents = sents.map((s) => (r() < 0.35 ? (pick(r, others) ?? s) : s));
      if (r() < 0.2) sents.sort(() => r() - 0.5);
      return sents.join(" ");
    })
    .join("\n");
  return { text: redrawDates(text, r), meta };
}

/**
 * `n` synthetic documents (text, file name, sidecar metadata) from the real ones; see the module comment.
 */
export function synthesizeDocuments(real: readonly RealDocument[], n: number, seed = 7): SyntheticInput[] {
  const r = rng(seed);
  const parsed = real.map((d) => d.parsed);
  const locs = realLocalities(parsed);
  const pools = sentencePools(parsed);
  const othersOf = new Map(real.map((d) => [d, real.filter((o) => o !== d).flatMap((o) => pools.byDoc.get(o.parsed.id) ?? [])]));
  const out: SyntheticInput[] = [];
  for (let k = 0; k < n; k++) {
    const src = real[k % real.length]!;
    const { text, meta } = variant(src, r, locality(r), othersOf.get(src)!, locs);
    out.push({ text, file: `synthetic/${String(k).padStart(5, "0")}_${basename(src.file)}`, meta });
  }
  return out;
}

/** How synthesizeLocalities builds its corpus, printed with the figures. */
export const LOCALITIES_METHOD =
  "the central documents (Kết luận 69, Nghị quyết 20, the Prime Minister's decision, the central Party documents) once each, as they are; " +
  "every other document is a local one of corpus/, ../shared/corpus-extra or ../shared/corpus-dev (Party committees and provincial People's " +
  "Committees, in turn) rewritten for another locality: the place replaced everywhere (also in capitals) and in the issuer (an issuer without " +
  "a place gets \"tỉnh <place>\"), the number's digits re-drawn (codes kept, so numbers may repeat across provinces as they do), ~35% of the " +
  "sentences of long paragraphs replaced by sentences of the other local documents, 20% of those paragraphs shuffled, dates re-drawn";

/**
 * A corpus of many localities: the real central documents once each, and local documents of `places` localities
 * made from the real local ones (see LOCALITIES_METHOD). `isCentral` tells central issuers (the domain vocabulary's).
 */
export function synthesizeLocalities(
  real: readonly RealDocument[],
  n: number,
  isCentral: (issuer: string) => boolean,
  seed = 13,
): { inputs: SyntheticInput[]; central: RealDocument[]; places: number } {
  const r = rng(seed);
  const central = real.filter((d) => isCentral(d.parsed.issuer));
  const local = real.filter((d) => !isCentral(d.parsed.issuer));
  const locs = realLocalities(real.map((d) => d.parsed));
  const pools = sentencePools(local.map((d) => d.parsed));
  const othersOf = new Map(local.map((d) => [d, local.filter((o) => o !== d).flatMap((o) => pools.byDoc.get(o.parsed.id) ?? [])]));
  // About five documents a locality: the real provinces and towns first, then made-up two-syllable names.
  const wanted = Math.max(1, Math.round((n - central.length) / 5));
  const names = new Set<string>(PLACES);
  for (let i = 0; names.size < wanted && i < SYL_A.length * SYL_B.length; i++) names.add(`${SYL_A[i % SYL_A.length]} ${SYL_B[Math.floor(i / SYL_A.length) % SYL_B.length]}`);
  const places = [...names].slice(0, wanted);
  const inputs: SyntheticInput[] = central.map((d) => ({ text: d.text, file: d.file, meta: d.meta }));
  for (let k = 0; inputs.length < n; k++) {
    const src = local[k % local.length]!;
    const place = places[k % places.length]!;
    const { text, meta } = variant(src, r, place, othersOf.get(src)!, locs);
    const issuer = replaceLocalities(src.parsed.issuer, locs, place);
    meta.issuer = issuer === src.parsed.issuer ? `${issuer} tỉnh ${place}` : issuer;
    inputs.push({ text, file: `localities/${String(k).padStart(5, "0")}_${basename(src.file)}`, meta });
  }
  return { inputs, central, places: places.length };
}

/** Word tokens of the real corpus (with repetition: sampling from it follows the corpus's word frequencies). */
function syllableStream(docs: readonly ParsedDocument[]): string[] {
  return docs.flatMap((d) => d.sections.flatMap((s) => s.text.split(/[^\p{L}\p{N}]+/u).filter((w) => /^\p{L}+$/u.test(w))));
}

function mutate(text: string, r: () => number, stream: readonly string[], p: number): string {
  return text.replace(/\p{L}+/gu, (w) => (r() < p ? pick(r, stream) : w));
}

/**
 * `total` chunks (id + payload, as chunkDocument produces them) from the real documents; see the module comment.
 * Returns them in document order, like a corpus ingest.
 */
export function synthesizeChunks(docs: readonly ParsedDocument[], total: number, seed = 11): Chunk[] {
  const r = rng(seed);
  const locs = realLocalities(docs);
  const pools = sentencePools(docs);
  const stream = syllableStream(docs);
  const templates = docs.map((d) => ({ doc: d, chunks: chunkDocument(d) }));
  const out: Chunk[] = [];
  for (let k = 0; out.length < total; k++) {
    const { doc, chunks } = pick(r, templates);
    const place = locality(r);
    const sub = (s: string) => replaceLocalities(s, locs, place);
    const number = doc.number ? `${1 + Math.floor(r() * 5000)}-${doc.number.split(/-(.*)/s)[1] ?? ""}` : null;
    const documentId = `syn-${k}`;
    const base = {
      documentId,
      docType: doc.docType,
      number,
      issuer: sub(doc.issuer),
      place: doc.place && doc.place !== "Hà Nội" ? place : doc.place,
      date: doc.date ? `${2012 + Math.floor(r() * 14)}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}` : null,
      title: redrawNumbers(sub(doc.title), r, 0.3),
    };
    const own = pools.byDoc.get(doc.id) ?? [];
    for (const c of chunks) {
      if (out.length >= total) break;
      let text: string;
      if (c.payload.kind === "meta") {
        text = redrawDates(redrawNumbers(sub(c.payload.text), r, 1), r);
      } else {
        const target = c.payload.text.length * (0.7 + 0.6 * r());
        const sents: string[] = [];
        let len = 0;
        while (len < target) {
          const s = r() < 0.5 && own.length ? pick(r, own) : pick(r, pools.all);
          sents.push(s);
          len += s.length + 1;
        }
        text = mutate(redrawDates(redrawNumbers(sub(sents.join(" ")), r, 0.5), r), r, stream, 0.02);
      }
      const payload: ChunkPayload = { ...c.payload, ...base, headingPath: sub(c.payload.headingPath), text };
      out.push({ id: c.id.replace(doc.id, documentId), payload });
    }
  }
  return out;
}
