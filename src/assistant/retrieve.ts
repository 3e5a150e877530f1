/**
 * Retrieval: the question → analyzed terms → store query (lexical, plus dense when an embedder is configured,
 * fused by RRF in the store) → re-ranked by what the question names (a document number, a locality, a type of
 * document) → each candidate scored for evidence (how much of the question's key terms it actually contains).
 */
import { type AnalyzedQuery, STOPWORDS, analyzeQuery, analyzeText, termId } from "../search/analyzer.js";
import type { SparseVector, VectorStore } from "../search/types.js";
import { foldVi } from "../text/vietnamese.js";
import { findNumberAliases, numberKey } from "../domain/numbers.js";
import { isOfficial } from "../domain/model.js";
import { PROVINCES, PROVINCES_AFTER_LEVEL_ONLY } from "../domain/vocabulary.js";
import type { ChunkInfo, Knowledge, ResolvedNumber } from "./knowledge.js";
import { TUNING } from "../answer/tuning.js";
import { type QuestionFrame, understand } from "../understand/frame.js";

/** What retrieval needs of an embedder (the OpenAI-compatible one implements it). */
export interface QueryEmbedder {
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/** "đến năm 2030", "den 2030", "tới năm 2045" (folded): the year a target is set for. */
const HORIZON = /(?:den|toi)\s+(?:nam\s+)?((?:19|20)\d{2})(?!\d)/g;
/** "… mục tiêu … năm 2025": the year of a target the question asks about, written without "đến". */
const TARGET_YEAR = /(?:muc tieu|chi tieu)(?:\s+[a-z%]+){0,10}?\s+nam\s+((?:19|20)\d{2})(?!\d)/g;
/** "… năm 2024 …": a year a figure is asked of, folded. */
const FIGURE_YEAR = /(?<![a-z])nam\s+((?:19|20)\d{2})(?!\d)/g;
/** A passage or item labelled with its year ("Năm 2027: - Kinh tế số đạt 16% GRDP", "… › c) Năm 2027:"), folded. */
const YEAR_ITEM = /(?:^|[\n›]\s*)(?:[a-z0-9]{1,3}[.)-]\s*)?nam\s+((?:19|20)\d{2})\s*:/g;
/** "Luật Công nghiệp công nghệ số": a law named (capitalized, as a name is written), by its first two words. */
const LAW_NAME = /(?<![\p{L}])Luật\s+(?!(?:để|này|đó|và|của|có|được|về|liên quan)(?![\p{L}]))(\p{L}+)\s+(\p{L}+)/gu;
/** An amount of money stated: "1,2 tỷ đồng", "500 triệu", "200.000.000 đồng". */
const STATES_AMOUNT = /\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn|đồng)/iu;
/** A table row's figure in a column whose header gives the unit ("… | 45.000 | …" under "Kinh phí (triệu đồng)"). */
const AMOUNT_COLUMN = /\|\s*\d[\d.,]*\s*(?:\||$)[\s\S]*\((?:tỷ|triệu|nghìn|ngàn)\s*đồng\)/mu;
/** A number in figures or words ("01 tổ", "mỗi xã một tổ"). */
const STATES_NUMBER = /\d|(?<!\p{L})(?:một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|trăm)(?!\p{L})/iu;
/** A passage that is only an attachment's caption. */
const CAPTION_LINE = /^\s*\(?\s*(?:Ban hành\s+)?(?:kèm|kem)\s+theo\s[^\n]*\)?\s*$/iu;

/**
 * An attachment's caption ("(Kèm theo Kế hoạch ban hành tại Quyết định số … của …)") and nothing more of substance:
 * alone, or with the table's header row and its group titles ("I | Nâng cao nhận thức") under it, as an appendix's
 * first section reads when its rows are sections of their own. It names the document, which every question about the
 * document repeats, and says nothing.
 */
export function captionOnly(text: string): boolean {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (!lines.length || !CAPTION_LINE.test(lines[0]!)) return false;
  return lines.slice(1).every((line) => {
    const cells = line.split("|").map((c) => c.trim()).filter(Boolean);
    const header = cells.length >= 3 && cells.every((c) => c.split(/\s+/).length <= 5 && !/\d/.test(c));
    const group = cells.length <= 2 && /^(?:[IVXLC]+|[A-Z])\.?$/.test(cells[0] ?? "");
    return line.includes("|") && (header || group);
  });
}

export interface Candidate {
  chunk: ChunkInfo;
  /** Store rank score (RRF) after boosts. */
  score: number;
  /** Share of the question's key-term weight present in the chunk (with its heading path and document label). */
  coverage: number;
}

export interface Retrieval {
  query: AnalyzedQuery;
  numbers: ResolvedNumber[];
  /** Corpus documents the question names by number. */
  namedDocs: Set<string>;
  /** Documents the question points to by locality. */
  localDocs: Set<string>;
  /** Numbers the question names that the corpus neither holds nor cites. */
  unknownNumbers: string[];
  /** Ranked evidence: of the documents the question is about when it names some, else of the whole corpus. */
  candidates: Candidate[];
  /** When the search was held to the question's documents: the best evidence of the others (scope honesty). */
  elsewhere: Candidate[];
  /** Was the search held to the documents the question names? */
  scoped: boolean;
  /** A comparison's sides (the frame's `parts`), each searched in its own documents for its own words. */
  parts?: Retrieval[];
  /**
   * Coverage factor (≤ 1) for what a text lacks of what the question asks for by name or value: a law or a place it
   * names, an amount or a share it asks. The candidates are scored with it already; strategies that score other units (a task
   * row) apply it to theirs.
   */
  lacks?: (text: string) => number;
  /** When one document is named: the question's key pairs the corpus writes and that document never does. */
  namedAbsent?: string[];
  /**
   * The one document the question names (by number; of two sharing the number, the one its issuer or place picks):
   * what a first section is measured against. Undefined when it names none or several.
   */
  namedOne?: string;
}

const TYPE_WORDS: [RegExp, string][] = [
  [/\bke hoach\b/, "Kế hoạch"],
  [/\bhuong dan\b/, "Hướng dẫn"],
  [/\bcong van\b/, "Công văn"],
  [/\bket luan\b/, "Kết luận"],
  [/\bnghi quyet\b/, "Nghị quyết"],
  [/\bchuong trinh hanh dong\b/, "Chương trình hành động"],
  [/\bbao cao\b(?! vien)/, "Báo cáo"],
  [/\bchi thi\b/, "Chỉ thị"],
  [/\bthong bao\b/, "Thông báo"],
  [/\bquyet dinh\b/, "Quyết định"],
];

export function sparseQuery(query: AnalyzedQuery): SparseVector {
  const byId = new Map<number, number>();
  for (const t of query.terms) byId.set(termId(t.term), Math.max(byId.get(termId(t.term)) ?? 0, t.weight));
  const indices = [...byId.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => byId.get(i)!) };
}

const PROVINCE_NAMES = PROVINCES.map((name) => ({
  folded: foldVi(name).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim(),
  afterLevelOnly: PROVINCES_AFTER_LEVEL_ONLY.has(name),
}));

/** The provinces a text names, folded ("da nang"); three only after a level word ("tỉnh Hòa Bình"). */
function provincesNamed(text: string): string[] {
  const folded = ` ${foldVi(text).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
  return PROVINCE_NAMES.filter(({ folded: name, afterLevelOnly }) =>
    afterLevelOnly ? new RegExp(` (?:tinh|thanh pho|tp) ${name} `).test(folded) : folded.includes(` ${name} `),
  ).map((p) => p.folded);
}

/** Key-term weight of a question: content syllables, weighted by idf (terms the corpus never uses weigh most). */
export function keyTerms(query: AnalyzedQuery, kb: Knowledge): KeyTerm[] {
  return query.terms.filter((t) => t.key).map((t) => ({ term: t.term, weight: kb.idf(t.term), credit: t.repaired ? 0.5 : 1 }));
}

export interface KeyTerm {
  term: string;
  weight: number;
  /** Share of the weight earned when present (a repaired typo earns half). */
  credit?: number;
}

function share(keys: KeyTerm[], has: (t: string) => boolean): number {
  const total = keys.reduce((s, k) => s + k.weight, 0);
  if (!total) return 0;
  let got = 0;
  for (const k of keys) if (has(k.term)) got += k.weight * (k.credit ?? 1);
  return got / total;
}

/**
 * How much of the question the chunk holds: its key syllables and, since pairs carry the meaning, its key pairs
 * ("thời tiết", "ngày mai" are not in the corpus even though "thời", "tiết", "ngày", "mai" each are).
 */
/** Does a text name a span of years that holds `year` ("giai đoạn 2025 - 2030", "2026-2030")? */
function spansYear(text: string, year: string): boolean {
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)/g)) if (m[1]! <= year && year <= m[2]!) return true;
  return false;
}

export function coverageOf(keys: KeyTerm[], chunk: ChunkInfo, extra?: TermSet, pairs: KeyPair[] = []): number {
  const has = (t: string) => chunk.terms.counts.has(t) || (extra?.has(t) ?? false);
  const words = share(keys, has);
  if (!pairs.length) return words;
  // A compound the corpus never writes although this chunk holds both syllables ("Tổng Bí thư" against
  // "Ban Bí thư … tổng kết"): the chunk speaks of something else with the same words.
  const split = pairs.filter((p) => p.unknown && p.parts.every((w) => has(w))).length;
  return (0.4 * words + 0.6 * share(pairs, has)) * 0.85 ** split;
}

/** Pairs of two content syllables in the question. */
export interface KeyPair extends KeyTerm {
  /** The pair's two syllables as terms ("w:bí", "w:thư"; folded "fw:" for a folded pair). */
  parts: [string, string];
  /** The corpus never writes this pair. */
  unknown: boolean;
}

export function keyPairs(query: AnalyzedQuery, kb: Knowledge): KeyPair[] {
  return (
    query.terms
      .filter((t) => t.keyPair)
      // A pair the corpus writes only across punctuation is punctuation the user left out ("hạn chế yếu kém"
      // for "hạn chế, yếu kém"): no evidence either way. Any other missing pair ("thời tiết", "mức lương") is
      // exactly what says the corpus does not answer.
      .filter((t) => kb.hasTerm(t.term) || !kb.writesAcrossPunctuation(t.term))
      .map((t) => {
        const folded = t.term.startsWith("fp:");
        const [a = "", b = ""] = t.term.replace(/^f?p:/, "").split("_");
        const kind = folded ? "fw:" : "w:";
        return { term: t.term, weight: kb.idf(t.term), parts: [`${kind}${a}`, `${kind}${b}`] as [string, string], unknown: !kb.hasTerm(t.term) };
      })
  );
}

/** The pairs as the question typed them (exact or folded), for scoring sentences. */
export function queryPairs(query: AnalyzedQuery): string[] {
  return query.terms.filter((t) => t.pair).map((t) => t.term);
}

/** A section title folded for comparison with the folded question, by title: titles recur in every question's hits. */
const foldedTitles = new Map<string, string>();
function foldedTitle(title: string): string {
  let folded = foldedTitles.get(title);
  if (folded === undefined) {
    folded = foldVi(title).toLowerCase().replace(/[.:]$/, "");
    if (foldedTitles.size >= 50_000) foldedTitles.clear();
    foldedTitles.set(title, folded);
  }
  return folded;
}

/**
 * The words of a deadline asked for ("xong khi nào", "thời hạn hoàn thành") are no topic words: a task table gives
 * the deadline as "Quý IV/2025" in its column, and a passage that repeats "hoàn thành" is no closer to the task asked.
 * Neither evidence nor its absence.
 */
const DEADLINE_WORDS = new Set(analyzeText("xong hoàn thành thời hạn hạn chót hạn cuối thời gian hoàn thành").counts.keys());
/**
 * The role a question asks ("ai chủ trì") is written in prose, and there it tells the lead from the partners; a task
 * table's row writes it nowhere: its lead stands in the "chủ trì" column. In a row, the role words count as present.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(analyzeText("chủ trì phụ trách").counts.keys());
/** A table row's text: cells joined by " | ", or by the cell break where tabs separated them (parser/lines.ts). */
const TABLE_ROW = /\S \| \S|\S \.\.\. \S/;

/** Terms looked up by name: a set, or the keys of an analysis's counts. */
type TermSet = Pick<ReadonlySet<string>, "has">;

const NO_TERMS: TermSet = new Set<string>();

/** Terms of a document's label (type, number, issuer, place, title): a question may name them, not the section. */
function labelTerms(kb: Knowledge, documentId: string): TermSet {
  return kb.chunkById.get(`${documentId}#meta`)?.terms.counts ?? NO_TERMS;
}

const headers = new WeakMap<Knowledge, Map<string, { line: string; terms: TermSet } | null>>();

/**
 * The header line of the task table a row stands in ("STT | Nhiệm vụ | … | Kinh phí (triệu đồng)"), from the nearest
 * section above the row that holds it: what each cell of the row is ("45.000" is an amount in millions of đồng).
 */
/** The header line of the table a row is in ("STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | …"), or null. */
export function tableHeaderLine(kb: Knowledge, documentId: string, path: string): string | null {
  return tableHeaderOf(kb, documentId, path)?.line ?? null;
}

function tableHeaderOf(kb: Knowledge, documentId: string, path: string): { line: string; terms: TermSet } | null {
  let byKey = headers.get(kb);
  if (!byKey) headers.set(kb, (byKey = new Map()));
  const key = `${documentId}#${path}`;
  if (byKey.has(key)) return byKey.get(key)!;
  const doc = kb.byId.get(documentId);
  let found: { line: string; terms: TermSet } | null = null;
  const parts = path.split(".");
  for (let n = parts.length - 1; n >= 1 && !found; n--) {
    const above = doc?.sections.find((x) => x.path === parts.slice(0, n).join("."));
    // (A task table's "Nhiệm vụ | …", or an indicator table's "STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026 | …".)
    // (Cells joined by " | ", or by " ... " where tabs separated them.)
    const line = above?.text.split("\n").find((l) => / \| | \.\.\. /.test(l) && (/nhiệm vụ|nội dung|chỉ tiêu/iu.test(l) || /^\s*\|?\s*(?:STT|TT)\s*(?:\||\.\.\.)/u.test(l)));
    if (line) found = { line, terms: analyzeText(line).counts };
  }
  byKey.set(key, found);
  return found;
}

const sources = new WeakMap<Knowledge, string[]>();

/** Documents others take their words from: central bodies' and those another document of the corpus cites. */
function sourceDocuments(kb: Knowledge): string[] {
  let ids = sources.get(kb);
  if (!ids) {
    const set = new Set(kb.centralDocuments());
    for (const d of kb.documents) if (d.number && kb.citingDocumentCount(d.number) > 0) set.add(d.id);
    sources.set(kb, (ids = [...set].sort()));
  }
  return ids;
}

function citedBy(kb: Knowledge, docId: string): number {
  const number = kb.byId.get(docId)?.number;
  return number ? kb.citingDocumentCount(number) : 0;
}

/** Type words the question uses ("kế hoạch", "hướng dẫn"…). */
export function typesNamed(question: string): string[] {
  const folded = ` ${foldVi(question).toLowerCase()} `;
  return TYPE_WORDS.filter(([re]) => re.test(folded)).map(([, t]) => t);
}

/**
 * The documents a question is about: those it names by number and place together, else by place (narrowed by a
 * type word), else by number. "Hướng dẫn … Kết luận 69 của … Từ Sơn" is about the Từ Sơn guide, not Kết luận 69.
 */
export function focusDocuments(r: Retrieval, kb: Knowledge, question: string): string[] {
  const types = typesNamed(question);
  const byType = (ids: string[]) => {
    const typed = ids.filter((id) => types.includes(kb.byId.get(id)?.docType ?? ""));
    return typed.length ? typed : ids;
  };
  const both = [...r.namedDocs].filter((id) => r.localDocs.has(id));
  if (both.length) return both;
  if (r.localDocs.size) return byType([...r.localDocs]);
  if (r.namedDocs.size) return byType([...r.namedDocs]);
  return [];
}

/** Rank constant of the re-ranking: 1 / (RERANK_K + position). */
const RERANK_K = 10;

export interface RetrieveOptions {
  embedder?: QueryEmbedder | null;
  limit?: number;
  signal?: AbortSignal;
  /** Skip the unscoped search that finds `elsewhere` (a comparison's sides need none). */
  scopedOnly?: boolean;
  /** The question's embedding when already computed (a comparison's sides reuse the question's). */
  dense?: number[];
}

/** Retrieval for a raw question (the frame read without history): for tools that have no frame (bench). */
export async function retrieve(question: string, kb: Knowledge, store: VectorStore, options: RetrieveOptions = {}): Promise<Retrieval> {
  return retrieveFrame(understand(question, [], kb), kb, store, options);
}

/**
 * "phòng chuyên môn nào", "đơn vị đầu mối nào": the kind of body asked for is the answer's category, not words the
 * evidence must hold (the answer names the body: "Phòng Văn hóa và Thông tin"); so is the channel or the way asked for
 * ("phản ánh qua kênh nào" of "phản ánh qua Tổng đài 1022").
 */
const ASKED_CATEGORY = /(?<![\p{L}])(?:phòng|phong|sở|bộ phận|bo phan|cơ quan|co quan|đơn vị|don vi|tổ chức|to chuc|kênh|kenh|phương thức|phuong thuc|cách thức|cach thuc)(?:\s+(?!nào|nao)\p{L}+){0,2}\s+(?:nào|nao)(?![\p{L}])/giu;
/** "tỷ lệ … là bao nhiêu %": with a share asked, the word for a share is the answer's kind too ("đạt 80%"). */
const SHARE_ASKED = /(?<![\p{L}])(?:bao nhiêu|bao nhieu|bn|mấy|may)\s*(?:%|phần trăm|phan tram)/iu;
const SHARE_WORDS = [...analyzeText("tỷ lệ").counts.keys()];
function categoryAsked(topic: string): string[] {
  const kinds = [...topic.matchAll(ASKED_CATEGORY)].flatMap((m) => [...analyzeText(m[0].replace(/\s+\S+$/u, "")).counts.keys()]);
  return SHARE_ASKED.test(topic) ? [...kinds, ...SHARE_WORDS] : kinds;
}

/**
 * Retrieval by frame: the topic words drive ranking and the evidence check; the documents the question is about
 * become a store filter before ranking (and the unfiltered ranking is kept to say where else the text speaks of
 * it); what the question names re-ranks the rest.
 */
export async function retrieveFrame(frame: QuestionFrame, kb: Knowledge, store: VectorStore, options: RetrieveOptions = {}): Promise<Retrieval> {
  const numbers = kb.resolveNumbers(frame.text);
  const analyzed = analyzeQuery(frame.topic, kb.vocab);
  // (A role asked, "ai chủ trì", stays: prose says who leads and who cooperates, and the question tells them apart.)
  const category = categoryAsked(frame.topic);
  const answerWords = [...(frame.asks.includes("when") ? DEADLINE_WORDS : []), ...category];
  // (With the pairs they make with a neighbour: "tỷ lệ | lao động" gives "lệ lao", no phrase the evidence must hold.)
  const answerSyllables = new Set(category.filter((t) => /^f?w:/.test(t)).map((t) => t.replace(/^f?w:/, "")));
  const isAnswerWord = (term: string) => answerWords.includes(term) || (/^f?p:/.test(term) && term.replace(/^f?p:/, "").split("_").some((w) => answerSyllables.has(w)));
  const query = answerWords.length ? { ...analyzed, terms: analyzed.terms.map((t) => (isAnswerWord(t.term) ? { ...t, key: false, keyPair: false } : t)) } : analyzed;
  query.numbers = findNumberAliases(frame.text);
  // Full numbers still find the sections that cite them (a referenced-only document lives there).
  for (const n of numbers) for (const full of n.numbers) if (full.includes("/")) query.terms.push({ term: `n:${numberKey(full)}`, weight: 3, key: false });
  const namedDocs = new Set(frame.scope.named.flatMap((n) => n.documentIds));
  const unknownNumbers = frame.scope.named.filter((n) => n.status === "unknown").map((n) => n.alias);
  const localDocs = new Set(frame.scope.localDocs);
  const scopeDocs = new Set(frame.scope.documentIds);
  // A follow-up's documents from the previous turn count as if the question had named their place.
  if (frame.scope.fromHistory) for (const id of scopeDocs) localDocs.add(id);
  const types = frame.scope.types;

  let dense: number[] | undefined = options.dense;
  if (!dense && options.embedder) {
    try {
      [dense] = await options.embedder.embed([frame.text], options.signal);
    } catch {
      dense = undefined; // Lexical retrieval still answers; the caller logs embedder failures elsewhere.
    }
  }
  const sparse = sparseQuery(query);
  const limit = options.limit ?? 40;
  const scoped = scopeDocs.size > 0;
  // Unscoped, the sources (central documents, documents the corpus cites) are searched on their own as well: when
  // many plans copy a passage, the text they copy it from must be among the evidence for the answer to cite it.
  const sourceIds = scoped ? [] : sourceDocuments(kb);
  const [found, globalHits, sourceHits] = await Promise.all([
    store.query({ sparse, dense, limit, filter: scoped ? { documentIds: [...scopeDocs] } : undefined }),
    scoped && !options.scopedOnly ? store.query({ sparse, dense, limit }) : Promise.resolve(null),
    sourceIds.length ? store.query({ sparse, dense, limit: TUNING.sourceHits, filter: { documentIds: sourceIds } }) : Promise.resolve([]),
  ]);
  const seenHits = new Set(found.map((h) => h.id));
  const hits = [...found, ...sourceHits.filter((h) => !seenHits.has(h.id))];
  const parts = frame.parts.length
    ? await Promise.all(
        frame.parts.map((p) =>
          retrieveFrame({ ...frame, topic: p.topic, parts: [], scope: { ...frame.scope, documentIds: p.documentIds } }, kb, store, { ...options, scopedOnly: true, dense }),
        ),
      )
    : undefined;
  const keys = keyTerms(query, kb);
  const pairs = keyPairs(query, kb);
  // A content word the corpus never uses ("cccd", "lương hưu") says the question is about something else; with
  // folded typing it is the one word that folding cannot make collide with another ("bị mất" ≡ "bí mật").
  const unknownWords = query.terms.filter((t) => t.key && !t.repaired && /^f?w:\p{L}{3,}$/u.test(t.term) && !kb.hasTerm(t.term)).length;
  // A full date the question names ("từ 1/7/2024") must stand in the evidence, in any of its written forms.
  // (Not the date that names a document with its number, "Kế hoạch 45-KH/TU ngày 28/7/2025": the topic has none.)
  const dates = [...frame.topic.matchAll(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})/g)].map((m) => [Number(m[1]), Number(m[2]), m[3]!] as const);
  const holdsDate = (text: string, [d, mo, y]: readonly [number, number, string]) =>
    new RegExp(`(?<!\\d)0?${d}\\s*[/.-]\\s*0?${mo}\\s*[/.-]\\s*${y}|(?<!\\d)0?${d}\\s+tháng\\s+0?${mo}\\s+năm\\s+${y}`, "u").test(text);
  // A place the topic still names (one that is not the named document's own: "QĐ 1156 … tại Hà Tĩnh") must stand in
  // the evidence too: a passage about other places answers nothing of it.
  const places = kb.localitySpans(frame.topic).map((s) => foldVi(frame.topic.slice(s.start, s.end)).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim());
  // (A province no document of the corpus is of is a place too: "… tại thành phố Đà Nẵng" of a decision whose rows
  // name other cities.)
  for (const p of provincesNamed(frame.topic)) if (!places.some((q) => q.includes(p) || p.includes(q))) places.push(p);
  const holdsPlace = (text: string, place: string) => ` ${foldVi(text).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `.includes(` ${place} `);
  // A horizon the question names ("mục tiêu đến 2030"): a passage that sets targets for other years only ("Đến năm
  // 2027: …") answers another question.
  const foldedText = foldVi(frame.text).toLowerCase();
  const horizons = new Set([...foldedText.matchAll(HORIZON), ...foldedText.matchAll(TARGET_YEAR)].map((m) => m[1]!));
  // So does the year of a figure asked ("tỷ lệ … năm 2024 là bao nhiêu?", one year only) of a passage that names
  // other years and never that one. (From the topic: "Kế hoạch 14 năm 2024" names a document, not a year asked.)
  const foldedTopicYears = foldVi(frame.topic).toLowerCase();
  const figureYears = / (?:bao nhieu|bn|ty le)(?![a-z])/.test(` ${foldedTopicYears}`) ? [...new Set([...foldedTopicYears.matchAll(FIGURE_YEAR)].map((m) => m[1]!))] : [];
  const figureYear = figureYears.length === 1 && !horizons.size && !/(?<!\d)(?:19|20)\d{2}(?!\d)/.test(foldedTopicYears.replace(FIGURE_YEAR, "")) ? figureYears[0]! : null;
  const otherHorizon = (text: string, documentTitle = "") => {
    const folded = foldVi(text).toLowerCase();
    // (A report's period is in its title: "Kết quả 6 tháng đầu năm 2025 …" holds what its passages count.)
    // (A passage without a year is of the title's period: "năm 2025" of a report on "6 tháng đầu năm 2026" is another
    // period; one on "giai đoạn 2025 - 2030" covers 2026.)
    if (figureYear) return !new RegExp(`(?<!\\d)${figureYear}(?!\\d)`).test(`${folded}\n${documentTitle}`) && !spansYear(documentTitle, figureYear) && /(?<!\d)(?:19|20)\d{2}(?!\d)/.test(`${folded}\n${documentTitle}`);
    if (!horizons.size) return false;
    const own = [...folded.matchAll(HORIZON), ...folded.matchAll(TARGET_YEAR), ...folded.matchAll(YEAR_ITEM)].map((m) => m[1]!);
    return own.length > 0 && !own.some((y) => horizons.has(y));
  };
  // "Luật Công nghiệp công nghệ số" names one law: a passage about another law ("Luật Chuyển đổi số") does not answer
  // it, whatever words they share. Its first two words after "Luật" must stand in the evidence.
  const laws = [...frame.topic.matchAll(LAW_NAME)].map((m) => foldVi(`luật ${m[1]} ${m[2]}`).toLowerCase()).filter((l) => !/^luat (phap|dinh|su|le) /.test(l));
  const holdsLaw = (text: string, law: string) => ` ${foldVi(text).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `.includes(` ${law} `);
  // An amount or a share asked ("bao nhiêu tỷ đồng", "bao nhiêu phần trăm"): a passage that states none gives no answer.
  const foldedTopic = ` ${foldVi(frame.topic).toLowerCase().replace(/[^a-z0-9%]+/g, " ")} `;
  const asksAmount = / bao nhieu (?:ty |trieu |nghin )?(?:dong|tien) | (?:kinh phi|muc ho tro|tong kinh phi|du toan) (?:la |thuc hien )?bao nhieu | bao nhieu kinh phi /.test(foldedTopic);
  const asksShare = / (?:bao nhieu|bn|may) (?:phan tram|%) | ty le (?:la )?(?:bao nhieu|bn) /.test(foldedTopic);
  // A quantity per unit or a bound ("mỗi xã thành lập bao nhiêu tổ", "tối thiểu bao nhiêu"): a value the text states,
  // not a count of the document's items, so a passage without any number cannot hold it.
  const asksQuantity = !asksAmount && !asksShare && / moi (?!nam |quy |thang |ngay )[a-z ]{2,40}? (?:bao nhieu|may) | (?:it nhat|toi thieu|toi da) (?:la )?(?:bao nhieu|may) /.test(foldedTopic);
  // A length of time ("có bao nhiêu ngày để thẩm định", "hỗ trợ mấy tháng"): a passage states it in figures with its
  // unit ("20 ngày làm việc"), not only a day ("trước ngày 01 tháng 01") — "tháng mấy" asks a month, not this.
  const duration = / (?:bao nhieu|may) (ngay|thang|nam|tuan|gio) /.exec(foldedTopic)?.[1];
  const statesDuration = duration ? new RegExp(`\\d+\\s*(?:${{ ngay: "ngày", thang: "tháng", nam: "năm", tuan: "tuần", gio: "giờ" }[duration]})(?!\\s*\\d)`, "iu") : null;
  const lacks = (text: string) =>
    TUNING.missingNameFactor ** laws.filter((l) => !holdsLaw(text, l)).length *
    (asksAmount && !STATES_AMOUNT.test(text) && !AMOUNT_COLUMN.test(text) ? TUNING.missingValueFactor : 1) *
    (asksShare && !/%|phần trăm/u.test(text) ? TUNING.missingValueFactor : 1) *
    (asksQuantity && !STATES_NUMBER.test(text) ? TUNING.missingValueFactor : 1) *
    (statesDuration && !statesDuration.test(text) ? TUNING.missingValueFactor : 1) *
    // (A task row of another city's is no answer either: "… tại thành phố Đà Nẵng" of a row about Cần Thơ.)
    TUNING.missingPlaceFactor ** places.filter((p) => !holdsPlace(text, p)).length;
  const penalty = (text: string, title: string | null, documentTitle?: string) =>
    TUNING.unknownWordFactor ** unknownWords *
    lacks(text) *
    // (A date may head the passage: "1. Đến ngày 31/12/2025 › a) Tỷ lệ hồ sơ trực tuyến … 60%".)
    TUNING.missingDateFactor ** dates.filter((d) => !holdsDate(text, d) && !(title && holdsDate(title, d))).length *
    // (The year often heads the passage: "Mục tiêu đến năm 2027:" is its title, or its parent's: "3. Mục tiêu đến năm
    // 2030 › a) Quy mô kinh tế số …".)
    (otherHorizon(`${title ?? ""}\n${text}`, documentTitle) ? TUNING.otherHorizonFactor : 1) *
    // An attachment's caption alone ("(Ban hành kèm theo Quyết định số … của …)") names the document, says nothing.
    (captionOnly(text) ? TUNING.captionFactor : 1);
  const subjectDocs = new Set(frame.scope.named.filter((n) => n.role === "subject").flatMap((n) => n.documentIds));
  const foldedQ = foldVi(frame.text).toLowerCase();
  const asksWho = frame.asks.includes("who");
  const rank = (list: typeof hits): Candidate[] => {
    const out: Candidate[] = [];
    for (const [position, hit] of list.entries()) {
      const chunk = kb.chunkById.get(hit.id);
      if (!chunk) continue;
      const docId = chunk.payload.documentId;
      // Boosts multiply the fused rank score: naming a document (by number or place) is the strongest signal
      // of which text the cadre means; a type word ("kế hoạch", "hướng dẫn") counts only with it or alone.
      let boost = 1;
      // A number most documents cite (the corpus's topic, e.g. the conclusion they all implement) says little
      // about which document is meant; a number only one document carries says a lot.
      if (subjectDocs.has(docId)) boost += TUNING.boostSubject;
      else if (namedDocs.has(docId)) boost += TUNING.boostSubject / (1 + citedBy(kb, docId));
      if (localDocs.has(docId)) boost += TUNING.boostPlace;
      if (types.includes(chunk.payload.docType as never)) boost += TUNING.boostType;
      const label = labelTerms(kb, docId);
      const tableRow = TABLE_ROW.test(chunk.payload.text);
      const row = asksWho && tableRow;
      // A table row holds what its columns are ("kinh phí", "triệu đồng", "thời gian hoàn thành"): its header's words.
      const header = tableRow ? tableHeaderOf(kb, docId, chunk.payload.section) : null;
      const held: TermSet = row || header ? { has: (t) => label.has(t) || (row && ROLE_WORDS.has(t)) || Boolean(header?.terms.has(t)) } : label;
      const coverage = coverageOf(keys, chunk, held, pairs) * penalty(header ? `${chunk.payload.text}\n${header.line}` : chunk.payload.text, chunk.payload.headingPath || chunk.payload.sectionTitle, foldVi(kb.byId.get(chunk.payload.documentId)?.title ?? "").toLowerCase());
      // A section whose own title the question repeats ("thị trường khoa học và công nghệ") is about it.
      const title = chunk.payload.sectionTitle;
      if (title && title.length >= 8 && foldedQ.includes(foldedTitle(title))) boost += TUNING.boostTitle;
      // The store's order (its fused RRF ranking) becomes a gentle rank score here, so that what the question names
      // (boosts) and what a chunk holds (coverage) can reorder neighbours without ignoring the ranking.
      // A web page (news, questions and answers), or a text with neither number nor issuer, ranks after official texts.
      const official = isOfficial(chunk.payload) ? 1 : TUNING.unofficialFactor;
      out.push({ chunk, score: (1 / (RERANK_K + position)) * boost * official * (0.5 + coverage), coverage });
    }
    // Equal scores are broken by a stable key, never by the store's or the ingest's order.
    return out.sort((a, b) => b.score - a.score || (a.chunk.id < b.chunk.id ? -1 : a.chunk.id > b.chunk.id ? 1 : 0));
  };
  const candidates = rank(hits);
  const elsewhere = globalHits ? rank(globalHits).filter((c) => !scopeDocs.has(c.chunk.payload.documentId)) : [];
  // The one document named: the question's compounds the corpus writes but it never does ("kinh tế số" asked of a
  // programme that never speaks of the digital economy).
  const named = [...namedDocs].filter((id) => !scoped || scopeDocs.has(id));
  // (Copies of one document — a decision and a law library's page of it, same number, issuer and date — are one: the
  // copy the search ranks first.)
  const same = (a: string, b: string) => {
    const [x, y] = [kb.byId.get(a), kb.byId.get(b)];
    return !!x && !!y && x.number === y.number && x.issuer === y.issuer && x.date === y.date;
  };
  const copies = named.length > 1 && named.every((id) => same(id, named[0]!));
  const namedOne = named.length === 1 ? named[0] : copies ? (candidates.find((c) => named.includes(c.chunk.payload.documentId))?.chunk.payload.documentId ?? named[0]) : undefined;
  const namedAbsent = namedOne ? absentPairs(kb, namedOne, pairs) : [];
  return { query, numbers, namedDocs, localDocs, unknownNumbers, candidates, elsewhere, scoped, lacks, namedAbsent, namedOne, ...(parts ? { parts } : {}) };
}

/**
 * The key pairs that no chunk of one document holds, among those the corpus writes as a compound: in at least
 * TUNING.compoundShare of the chunks that hold the rarer of its two syllables ("kinh tế", "khởi nghiệp"), not across
 * a seam ("huyện | bố trí", which a corpus of thousands also writes somewhere).
 */
/** Function words with and without marks ("cho", "của", "cua"): a pair with one is a seam, never a compound. */
const FUNCTION_WORDS = new Set([...STOPWORDS, ...[...STOPWORDS].map((w) => foldVi(w))]);
const isFunctionWord = (term: string) => FUNCTION_WORDS.has(term.replace(/^f?w:/, ""));

/**
 * Nouns a question frames what it asks with ("đặt mục tiêu …", "những đối tượng nào", "nhiệm vụ gì"): a text states a
 * target or names whom it covers without writing these words, so their absence says nothing of what it leaves out.
 */
const FRAMING_PAIRS = new Set(["muc_tieu", "doi_tuong", "noi_dung", "nhiem_vu", "giai_phap", "yeu_cau", "ket_qua", "trach_nhiem"]);
const isFraming = (term: string) => FRAMING_PAIRS.has(foldVi(term.replace(/^f?p:/, "")));

function absentPairs(kb: Knowledge, documentId: string, pairs: KeyPair[]): string[] {
  const known = pairs.filter((p) => !p.unknown && !isFraming(p.term) && !p.parts.some(isFunctionWord) && kb.frequency(p.term) >= TUNING.compoundShare * Math.min(kb.frequency(p.parts[0]), kb.frequency(p.parts[1])));
  if (!known.length) return [];
  const chunks = kb.chunksOf(documentId);
  const label = labelTerms(kb, documentId);
  const written = (term: string) => label.has(term) || chunks.some((c) => c.terms.counts.has(term));
  // "đặt mục tiêu" of a text that writes "mục tiêu": the pair the document has with the shared syllable is the
  // compound asked for; "đặt mục" is the question's verb before it, not a thing the text leaves out.
  const joined = (p: KeyPair) => pairs.some((q) => q !== p && (q.parts[0] === p.parts[1] || q.parts[1] === p.parts[0]) && written(q.term));
  return known.filter((p) => !written(p.term) && !joined(p)).map((p) => p.term);
}
