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

export class Knowledge extends CorpusKnowledge {
  readonly chunks: ChunkInfo[] = [];
  readonly chunkById = new Map<string, ChunkInfo>();
  private readonly termCache = new TermCache(4000);
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
    super(documents);
    // In canonical order: the same corpus gives the same chunks however its files were read.
    for (const doc of this.documents) {
      for (const c of chunkDocument(doc)) {
        const info = new ChunkInfo(c.id, c.payload, this.termCache);
        this.chunks.push(info);
        this.chunkById.set(c.id, info);
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

  /** idf of a term over chunks; a term the corpus never uses gets the highest idf. */
  /** idf by term, as computed: answer strategies ask for the same few thousand terms over and over. */
  private readonly idfs = new Map<string, number>();

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

}
