/**
 * The corpus as the assistant knows it: parsed documents, their chunks and term statistics, the directive chain,
 * number aliases and localities. Built once per ingest; pure data plus lookups.
 */
import type { DocType, ParsedDocument, Reference } from "../domain/model.js";
import { sentences } from "./sentences.js";
import { type NumberAlias, codeFitsType, findNumberAliases, numberKey, parseNumber } from "../domain/numbers.js";
import { type TermCounts, type Vocabulary, analyzeText, termId } from "../search/analyzer.js";
import { type TermStats, chunkDocument, indexChunks, indexedText } from "../search/chunks.js";
import type { Chunk } from "../search/types.js";
import { foldVi } from "../text/vietnamese.js";
import { isCentralIssuer } from "../domain/vocabulary.js";
import type { ChainEdge, ChainNode, DocumentCard, DocumentSummary } from "./types.js";

/** A chunk of the corpus; its terms are analyzed when first needed (retrieval looks at a few dozen per question). */
export class ChunkInfo implements Chunk {
  constructor(
    readonly id: string,
    readonly payload: Chunk["payload"],
    private readonly cache: TermCache,
  ) {}

  get terms(): TermCounts {
    return this.cache.get(this);
  }
}

/** Analyzed chunks, the most recently used kept: memory stays bounded whatever the corpus size. */
class TermCache {
  private readonly entries = new Map<string, TermCounts>();

  constructor(private readonly limit: number) {}

  get(chunk: ChunkInfo): TermCounts {
    let terms = this.entries.get(chunk.id);
    if (terms) this.entries.delete(chunk.id);
    else terms = analyzeText(indexedText(chunk.payload));
    this.entries.set(chunk.id, terms);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return terms;
  }
}

export interface MentionSentence {
  doc: ParsedDocument;
  ref: Reference;
  path: string;
  sentence: string;
  around: TermCounts;
}

export interface ResolvedNumber {
  alias: NumberAlias;
  /** Canonical numbers this alias may mean (corpus documents and referenced-only documents). */
  numbers: string[];
  /** Corpus documents with that number. */
  documentIds: string[];
}

function levenshtein1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export function summaryOf(doc: ParsedDocument): DocumentSummary {
  return { id: doc.id, docType: doc.docType, number: doc.number, date: doc.date, issuer: doc.issuer, place: doc.place, title: doc.title };
}

/** Header facts a document lacks, in the words an admin reads (the parser found none of them in the text). */
export function missingFacts(doc: ParsedDocument): string[] {
  const missing: string[] = [];
  if (doc.docType === "Văn bản") missing.push("loại văn bản");
  if (!doc.number) missing.push("số hiệu");
  if (!doc.issuer.trim()) missing.push("cơ quan ban hành");
  if (!doc.date) missing.push("ngày ban hành");
  if (!doc.signer?.name) missing.push("người ký");
  return missing;
}

/** A document's summary with its file, its signer and what its header lacks. */
export function cardOf(doc: ParsedDocument): DocumentCard {
  const s = doc.signer;
  const role = s ? [s.capacity, s.title].filter(Boolean).join(", ") : "";
  return { ...summaryOf(doc), file: doc.file, signer: s?.name ? `${s.name}${role ? ` (${role})` : ""}` : null, missing: missingFacts(doc) };
}

/**
 * The one order of a corpus's documents, whatever order they were ingested in: by date (undated last), then by id.
 * Everything built from the documents (chunks, the chain, lists, counts, the first documents an answer names)
 * follows it, so the same corpus gives the same answers however its files were read.
 */
export function canonicalOrder(documents: readonly ParsedDocument[]): ParsedDocument[] {
  const key = (d: ParsedDocument) => d.date ?? "9999";
  return [...documents].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export class Knowledge {
  /** The documents, in canonical order (see canonicalOrder). */
  readonly documents: ParsedDocument[];
  readonly byId = new Map<string, ParsedDocument>();
  readonly chunks: ChunkInfo[] = [];
  readonly chunkById = new Map<string, ChunkInfo>();
  readonly nodes = new Map<string, ChainNode>();
  readonly edges: ChainEdge[] = [];
  private readonly termCache = new TermCache(4000);
  /** Folded locality names → document ids. */
  readonly localities = new Map<string, Set<string>>();
  /** Folded locality names → the name as written (the alphabetically first spelling when documents differ). */
  private readonly localityNames = new Map<string, string>();
  private readonly wordsByFold = new Map<string, string[]>();

  /** Document frequency over chunks, by term id. */
  private readonly df: Map<number, number>;
  /** Ids of the syllable pairs the corpus writes across punctuation ("hạn chế, yếu kém" → "chế yếu"). */
  private readonly crossPairs: Set<number>;

  /**
   * @param stats the corpus statistics when the caller has just computed them (an ingest); otherwise every chunk
   *   is analyzed here once.
   */
  constructor(documents: readonly ParsedDocument[], stats?: TermStats) {
    this.documents = canonicalOrder(documents);
    for (const doc of this.documents) {
      this.byId.set(doc.id, doc);
      for (const c of chunkDocument(doc)) {
        const info = new ChunkInfo(c.id, c.payload, this.termCache);
        this.chunks.push(info);
        this.chunkById.set(c.id, info);
      }
      for (const loc of localitiesOf(doc)) {
        const key = foldVi(loc).toLowerCase();
        const named = this.localityNames.get(key);
        if (named === undefined || loc < named) this.localityNames.set(key, loc);
        if (!this.localities.has(key)) this.localities.set(key, new Set());
        this.localities.get(key)!.add(doc.id);
      }
    }
    const { df, crossPairs, words } = stats ?? indexChunks(this.chunks).stats;
    this.df = df;
    this.crossPairs = crossPairs;
    for (const w of words) {
      const f = foldVi(w);
      if (!this.wordsByFold.has(f)) this.wordsByFold.set(f, []);
      this.wordsByFold.get(f)!.push(w);
    }
    this.buildChain();
  }

  /** Does the corpus use this term ("w:…", "fp:…")? */
  hasTerm(term: string): boolean {
    return this.df.has(termId(term));
  }

  /** Does the corpus write this pair only across punctuation ("p:chế_yếu" from "hạn chế, yếu kém")? */
  writesAcrossPunctuation(term: string): boolean {
    return this.crossPairs.has(termId(term));
  }

  get chunkCount(): number {
    return this.chunks.length;
  }

  /** idf by term, as computed: answer strategies ask for the same few thousand terms over and over. */
  private readonly idfs = new Map<string, number>();

  /** idf of a term over chunks; a term the corpus never uses gets the highest idf. */
  idf(term: string): number {
    let value = this.idfs.get(term);
    if (value === undefined) {
      const n = this.df.get(termId(term)) ?? 0;
      const N = this.chunks.length || 1;
      value = Math.log(1 + (N - n + 0.5) / (n + 0.5));
      // Questions bring terms of their own (typos, names): the cache starts over rather than grow without bound.
      if (this.idfs.size >= 200_000) this.idfs.clear();
      this.idfs.set(term, value);
    }
    return value;
  }

  readonly vocab: Vocabulary = {
    has: (term) => this.hasTerm(term),
    repair: (word, folded) => {
      if (word.length < 4 || !/^\p{L}+$/u.test(word)) return null;
      // A typo: the closest known syllable at edit distance 1, the most frequent one when several fit.
      const f = foldVi(word);
      let best: string | null = null;
      let bestDf = 0;
      for (const [fold, words] of this.wordsByFold) {
        if (Math.abs(fold.length - f.length) > 1 || !levenshtein1(fold, f)) continue;
        for (const w of words) {
          if (!folded && !levenshtein1(w, word) && fold !== f) continue;
          const df = this.df.get(termId(`w:${w}`)) ?? 0;
          if (df > bestDf) [best, bestDf] = [folded ? fold : w, df];
        }
      }
      return best;
    },
  };

  /** Resolve aliases ("KL 69", "nghị quyết 20", "2018/CV-TU") against corpus and referenced numbers. */
  resolveNumbers(text: string): ResolvedNumber[] {
    const out: ResolvedNumber[] = [];
    const all = [...this.nodes.values()].map((n) => n.number).filter((n): n is string => Boolean(n));
    for (const alias of findNumberAliases(text)) {
      let numbers: string[];
      if (alias.full) {
        const key = numberKey(alias.full);
        numbers = all.filter((n) => numberKey(n) === key);
        // Typed the wrong way round ("2018/CV-TU" for "2018-CV/TU"): only when the form typed names nothing.
        const swapped = alias.swapped ? numberKey(alias.swapped) : null;
        if (!numbers.length && swapped) numbers = all.filter((n) => numberKey(n) === swapped);
        if (!numbers.length) numbers = [alias.full];
      } else {
        numbers = all.filter((n) => {
          const parsed = parseNumber(n);
          const digits = parsed?.digits ?? n.split(/[-/]/)[0];
          return digits === alias.digits && codeFitsType(parsed?.code ?? null, alias.type);
        });
      }
      const keys = new Set(numbers.map(numberKey));
      const documentIds = this.documents.filter((d) => d.number && keys.has(numberKey(d.number))).map((d) => d.id);
      out.push({ alias, numbers: [...new Set(numbers)], documentIds });
    }
    return out;
  }

  /** Is this number known at all (in the corpus or referenced by it)? */
  isKnownNumber(number: string): boolean {
    const key = numberKey(number);
    return [...this.nodes.values()].some((n) => n.number && numberKey(n.number) === key);
  }

  /** Documents whose locality the text names ("Từ Sơn", "tu son", "Quảng Ngãi"). */
  documentsForLocality(text: string): Set<string> {
    const folded = ` ${foldVi(text).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
    const out = new Set<string>();
    for (const [loc, ids] of this.localities) if (folded.includes(` ${loc} `)) for (const id of ids) out.add(id);
    return out;
  }

  /** The corpus's localities with their document counts, in Vietnamese alphabetical order. */
  localityList(): { name: string; documents: number }[] {
    return [...this.localities]
      .map(([key, ids]) => ({ name: this.localityNames.get(key)!, documents: ids.size }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  }

  private issuerPairSets: { id: string; pairs: Set<string> }[] | null = null;

  /** Corpus documents whose issuer the text names ("Đảng ủy Sở GD&ĐT", "Tỉnh ủy Quảng Ngãi"), folded pairs. */
  documentsForIssuer(text: string): Set<string> {
    this.issuerPairSets ??= this.documents.map((d) => ({ id: d.id, pairs: new Set([...analyzeText(d.issuer).counts.keys()].filter((k) => k.startsWith("fp:"))) }));
    const q = analyzeText(text).counts;
    const out = new Set<string>();
    for (const { id, pairs } of this.issuerPairSets) {
      if (pairs.size < 2) continue;
      const hit = [...pairs].filter((p) => q.has(p)).length;
      if (hit / pairs.size >= 0.75) out.add(id);
    }
    return out;
  }

  /** Where the text names a locality of the corpus (offsets in the text). */
  localitySpans(text: string): { start: number; end: number }[] {
    const folded = foldVi(text).toLowerCase().replace(/[^a-z0-9]/g, " ");
    const out: { start: number; end: number }[] = [];
    for (const loc of this.localities.keys()) {
      const re = new RegExp(`(?<![a-z0-9])${loc.replace(/\s+/g, "\\s+")}(?![a-z0-9])`, "g");
      for (const m of folded.matchAll(re)) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
    return out;
  }

  private citing: Map<string, number> | null = null;
  private mentions: MentionSentence[] | null = null;

  /**
   * Every sentence of the corpus that names a referenced document, with the words around the mention analyzed
   * (they describe the document: "Báo cáo số 287-BC/TU … về tổng kết 10 năm…"). Computed once.
   */
  mentionSentences(): MentionSentence[] {
    if (this.mentions) return this.mentions;
    this.mentions = [];
    for (const doc of this.documents) {
      for (const section of doc.sections) {
        for (const s of sentences(section.text)) {
          for (const ref of doc.references) {
            const at = s.text.indexOf(ref.number);
            if (at < 0) continue;
            const around = analyzeText(s.text.slice(Math.max(0, at - 40), at + ref.number.length + 220));
            this.mentions.push({ doc, ref, path: section.path, sentence: s.text, around });
          }
        }
      }
    }
    return this.mentions;
  }

  /** How many corpus documents cite this number (computed once). */
  citingDocumentCount(number: string): number {
    if (!this.citing) {
      this.citing = new Map();
      for (const doc of this.documents) {
        for (const key of new Set(doc.references.map((r) => numberKey(r.number)))) this.citing.set(key, (this.citing.get(key) ?? 0) + 1);
      }
    }
    return this.citing.get(numberKey(number)) ?? 0;
  }

  /** Where a referenced document is mentioned: (document, reference). */
  referencesTo(number: string): { doc: ParsedDocument; ref: Reference }[] {
    const key = numberKey(number);
    return this.documents.flatMap((doc) => doc.references.filter((r) => numberKey(r.number) === key).map((ref) => ({ doc, ref })));
  }

  private nodeKeyOf(doc: ParsedDocument): string {
    return doc.number ?? doc.id;
  }

  private buildChain(): void {
    const put = (node: ChainNode) => {
      const prev = this.nodes.get(numberKey(node.key));
      if (!prev) {
        this.nodes.set(numberKey(node.key), node);
        return;
      }
      prev.documentId ??= node.documentId;
      prev.docType ??= node.docType;
      prev.date ??= node.date;
      prev.issuer ??= node.issuer;
    };
    for (const doc of this.documents) {
      put({ key: this.nodeKeyOf(doc), number: doc.number, docType: doc.docType, date: doc.date, issuer: doc.issuer, documentId: doc.id });
    }
    for (const doc of this.documents) {
      for (const ref of doc.references) {
        if (!ref.number.includes("/")) continue;
        put({ key: ref.number, number: ref.number, docType: ref.docType, date: ref.date, issuer: ref.issuer, documentId: null });
      }
    }
    const edge = (from: string, to: string, relation: "implements" | "mentions") => {
      const f = this.nodes.get(numberKey(from))?.key;
      const t = this.nodes.get(numberKey(to))?.key;
      if (!f || !t || f === t) return;
      if (!this.edges.some((e) => e.from === f && e.to === t && e.relation === relation)) this.edges.push({ from: f, to: t, relation });
    };
    for (const doc of this.documents) {
      for (const ref of doc.references) if (ref.relation === "implements") edge(this.nodeKeyOf(doc), ref.number, "implements");
      for (const link of doc.links) edge(link.from, link.to, "implements");
    }
  }

  node(key: string): ChainNode | undefined {
    return this.nodes.get(numberKey(key));
  }

  private central: string[] | null = null;

  /** Documents of central bodies, told by their issuer. */
  centralDocuments(): string[] {
    this.central ??= this.documents.filter((d) => isCentralIssuer(d.issuer)).map((d) => d.id);
    return this.central;
  }

  docTypeOf(documentId: string): DocType | undefined {
    return this.byId.get(documentId)?.docType;
  }

  private initials: Map<string, string> | null = null;

  /** Place initials a cadre types ("qn" → "Quảng Ngãi"), for the places of the corpus whose initials are theirs alone. */
  readonly placeInitials = {
    get: (initials: string): string | undefined => {
      if (!this.initials) {
        const seen = new Map<string, string | null>();
        for (const doc of this.documents) {
          for (const place of localitiesOf(doc)) {
            const words = foldVi(place).toLowerCase().split(/\s+/).filter(Boolean);
            if (words.length < 2) continue;
            const key = words.map((w) => w[0]).join("");
            const prev = seen.get(key);
            seen.set(key, prev === undefined || prev === place ? place : null);
          }
        }
        this.initials = new Map([...seen].filter((e): e is [string, string] => e[1] !== null));
      }
      return this.initials.get(foldVi(initials).toLowerCase());
    },
  };
}

/** Place names a document is tied to: its place and the locality in its issuer's name. */
export function localitiesOf(doc: ParsedDocument): string[] {
  const out = new Set<string>();
  if (doc.place) out.add(doc.place);
  const m = /(?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Quận ủy|tỉnh|thành phố|huyện|quận|thị xã)\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){0,3})$/u.exec(doc.issuer);
  if (m) out.add(m[1]!);
  // Hà Nội is the seat of central bodies, not a locality a question about a province means — unless the issuer is
  // the city's own (Ủy ban nhân dân thành phố Hà Nội, Thành ủy Hà Nội).
  if (!/Hà Nội$/u.test(doc.issuer)) out.delete("Hà Nội");
  return [...out];
}
