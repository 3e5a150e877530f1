/**
 * The corpus as the assistant searches it: the document-level knowledge (corpus/knowledge.ts) plus the chunks and
 * the term statistics of the index (idf, vocabulary for typo repair, pairs written across punctuation).
 */
import type { ParsedDocument, Reference } from "../domain/model.js";
import { sentences } from "./sentences.js";
import { type TermCounts, type Vocabulary, analyzeText, termId } from "../search/analyzer.js";
import { type TermStats, chunkDocument, indexChunks, indexedText } from "../search/chunks.js";
import type { Chunk } from "../search/types.js";
import { foldVi } from "../text/vietnamese.js";
import { CorpusKnowledge } from "../corpus/knowledge.js";

export { CorpusKnowledge, canonicalOrder, cardOf, localitiesOf, missingFacts, summaryOf, type ResolvedNumber } from "../corpus/knowledge.js";

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

/** What an ingest already knows about the chunks, so that Knowledge need not chunk the whole corpus again. */
export interface KnownChunks {
  /** The chunks of every document, in canonical document order (an ingest has just made them). */
  chunks?: readonly Chunk[];
  /**
   * Chunks per document id, as the index was built (read from the corpus file at start): the chunk table is then
   * built document by document when first needed, and a sample of documents is re-chunked to check the counts.
   */
  counts?: Readonly<Record<string, number>>;
}

/**
 * Documents re-chunked at start to check that the saved chunk counts are those the current chunker makes (a changed
 * chunker means the index's chunk ids are not the ones this code looks up: the whole table is then rebuilt, and
 * the index with it when the totals disagree). A few dozen documents: milliseconds, whatever the corpus size.
 */
const CHUNK_COUNT_SAMPLE = 24;

/**
 * Milliseconds of mention work per turn of the event loop when warming up after a start (at least one document per
 * turn): a chat message that arrives meanwhile waits no longer than that.
 */
const MENTION_WARM_SLICE_MS = 5;

/** The chunk table by chunk id, filled document by document (see Knowledge.chunksOf). */
class ChunkLookup {
  constructor(private readonly kb: Knowledge) {}

  get(id: string): ChunkInfo | undefined {
    // A chunk id is `${documentId}#…`; a document id may itself hold '#', so each prefix ending before one is tried.
    for (let at = id.indexOf("#"); at > 0; at = id.indexOf("#", at + 1)) {
      const documentId = id.slice(0, at);
      if (!this.kb.byId.has(documentId)) continue;
      const hit = this.kb.chunksOf(documentId).find((c) => c.id === id);
      if (hit) return hit;
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

export class Knowledge extends CorpusKnowledge {
  /** Chunks by id; built per document on first look-up (retrieval looks at a few dozen chunks per question). */
  readonly chunkById: Pick<Map<string, ChunkInfo>, "get" | "has"> = new ChunkLookup(this);
  private readonly termCache = new TermCache(4000);
  private readonly wordsByFold = new Map<string, string[]>();
  private readonly byDocument = new Map<string, ChunkInfo[]>();
  private allChunks: ChunkInfo[] | null = null;
  private readonly count: number;

  /** Document frequency over chunks, by term id. */
  private readonly df: Map<number, number>;
  /** Ids of the syllable pairs the corpus writes across punctuation ("hạn chế, yếu kém" → "chế yếu"). */
  private readonly crossPairs: Set<number>;

  /**
   * @param stats the corpus statistics when the caller has them (an ingest, or the corpus file); otherwise every
   *   chunk is analyzed here once.
   * @param known the chunks or their counts when the caller has them; otherwise the corpus is chunked here.
   */
  constructor(documents: readonly ParsedDocument[], stats?: TermStats, known: KnownChunks = {}) {
    super(documents);
    if (known.chunks) {
      for (const c of known.chunks) {
        let list = this.byDocument.get(c.payload.documentId);
        if (!list) this.byDocument.set(c.payload.documentId, (list = []));
        list.push(new ChunkInfo(c.id, c.payload, this.termCache));
      }
      this.count = known.chunks.length;
    } else if (known.counts && this.countsHold(known.counts)) {
      this.count = this.documents.reduce((s, d) => s + known.counts![d.id]!, 0);
    } else {
      this.count = this.chunks.length;
    }
    const { df, crossPairs, words } = stats ?? indexChunks(this.chunks).stats;
    this.df = df;
    this.crossPairs = crossPairs;
    for (const w of words) {
      const f = foldVi(w);
      if (!this.wordsByFold.has(f)) this.wordsByFold.set(f, []);
      this.wordsByFold.get(f)!.push(w);
    }
  }

  /** Do the saved counts cover every document, and does the current chunker give them on a spread sample? */
  private countsHold(counts: Readonly<Record<string, number>>): boolean {
    if (!this.documents.every((d) => Number.isInteger(counts[d.id]))) return false;
    const step = Math.max(1, Math.floor(this.documents.length / CHUNK_COUNT_SAMPLE));
    for (let i = 0; i < this.documents.length; i += step) {
      const doc = this.documents[i]!;
      if (this.chunksOf(doc.id).length !== counts[doc.id]) return false;
    }
    return true;
  }

  /** The chunks of one document, in order (chunked on first use, then kept). */
  chunksOf(documentId: string): readonly ChunkInfo[] {
    let list = this.byDocument.get(documentId);
    if (!list) {
      const doc = this.byId.get(documentId);
      list = doc ? chunkDocument(doc).map((c) => new ChunkInfo(c.id, c.payload, this.termCache)) : [];
      this.byDocument.set(documentId, list);
    }
    return list;
  }

  /** Every chunk, in canonical order: the same corpus gives the same chunks however its files were read. */
  get chunks(): readonly ChunkInfo[] {
    this.allChunks ??= this.documents.flatMap((d) => this.chunksOf(d.id));
    return this.allChunks;
  }

  /** Chunks per document id (what the corpus file keeps, so that a start needs not chunk the corpus). */
  chunkCounts(): Record<string, number> {
    return Object.fromEntries(this.documents.map((d) => [d.id, this.chunksOf(d.id).length]));
  }

  /** In how many chunks the corpus uses this term. */
  frequency(term: string): number {
    return this.df.get(termId(term)) ?? 0;
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
    return this.count;
  }

  /** idf of a term over chunks; a term the corpus never uses gets the highest idf. */
  /** idf by term, as computed: answer strategies ask for the same few thousand terms over and over. */
  private readonly idfs = new Map<string, number>();

  idf(term: string): number {
    let value = this.idfs.get(term);
    if (value === undefined) {
      const n = this.df.get(termId(term)) ?? 0;
      const N = this.count || 1;
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

  private mentions: MentionSentence[] = [];
  /** Documents whose mentions are in `mentions` (in canonical order, from the first). */
  private mentionsDone = 0;
  /** The analysis of a mention's surroundings, by text: a passage copied into many documents is analyzed once. */
  private readonly aroundCache = new Map<string, TermCounts>();

  /**
   * Every sentence of the corpus that names a referenced document, with the words around the mention analyzed
   * (they describe the document: "Báo cáo số 287-BC/TU … về tổng kết 10 năm…"). Computed once, document by
   * document: `warmMentions` does it in the background after a start, and a question asked meanwhile does the rest.
   */
  mentionSentences(): MentionSentence[] {
    while (this.mentionsDone < this.documents.length) this.addMentions(this.documents[this.mentionsDone++]!);
    return this.mentions;
  }

  /** Compute the mention sentences a slice of time at a time, yielding to the event loop between slices. */
  async warmMentions(sliceMs = MENTION_WARM_SLICE_MS): Promise<void> {
    while (this.mentionsDone < this.documents.length) {
      const until = performance.now() + sliceMs;
      do this.addMentions(this.documents[this.mentionsDone++]!);
      while (this.mentionsDone < this.documents.length && performance.now() < until);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private addMentions(doc: ParsedDocument): void {
    if (!doc.references.length) return;
    for (const section of doc.sections) {
      // Only the sections that hold a referenced number are cut into sentences (a sentence is a substring of its
      // section's text, so no mention is missed); the order stays sentence by sentence, reference by reference.
      const refs = doc.references.filter((r) => section.text.includes(r.number));
      if (!refs.length) continue;
      for (const s of sentences(section.text)) {
        for (const ref of refs) {
          const at = s.text.indexOf(ref.number);
          if (at < 0) continue;
          const snippet = s.text.slice(Math.max(0, at - 40), at + ref.number.length + 220);
          let around = this.aroundCache.get(snippet);
          if (!around) this.aroundCache.set(snippet, (around = analyzeText(snippet)));
          this.mentions.push({ doc, ref, path: section.path, sentence: s.text, around });
        }
      }
    }
  }
}
