/**
 * Retrieval boundary: chunks aligned to sections, the vectors our analyzer and the embedder compute for them,
 * and the small store interface that the embedded store and the Qdrant store both implement.
 */

/** Citation metadata carried by every chunk, so a citation is always built from the index, never from the model. */
export interface ChunkPayload {
  documentId: string;
  docType: string;
  number: string | null;
  issuer: string;
  place: string | null;
  date: string | null;
  title: string;
  /** Section path in the document-model convention ("III.2", "" for the preamble / metadata). */
  section: string;
  sectionTitle: string | null;
  /** Heading path shown to the reader, e.g. "III. TỔ CHỨC THỰC HIỆN › 2." */
  headingPath: string;
  /** "section" for body text, "meta" for the document's metadata card (signer, date, number, recipients). */
  kind: "section" | "meta";
  /** The chunk's text, verbatim from the document (a long section is split on sentence boundaries). */
  text: string;
  /** Position of this chunk inside its section (0 for the first part). */
  part: number;
}

export interface Chunk {
  /** Stable id: `${documentId}#${section}#${part}` (or `#meta`). */
  id: string;
  payload: ChunkPayload;
}

/** Lexical weights from our Vietnamese analyzer: term ids (stable hash of the term) and their weights. */
export interface SparseVector {
  /** Plain arrays or typed arrays (parallel indexing hands over typed-array views without copying). */
  indices: ArrayLike<number> & Iterable<number>;
  values: ArrayLike<number> & Iterable<number>;
}

export interface IndexedChunk extends Chunk {
  sparse: SparseVector;
  /** Dense embedding, present only when an embedder is configured. */
  dense?: number[];
}

export interface StoreFilter {
  /** Keep only chunks of these document ids. */
  documentIds?: string[];
  /** Keep only chunks whose payload.number is one of these. */
  numbers?: string[];
  docTypes?: string[];
  places?: string[];
}

export interface StoreQuery {
  sparse: SparseVector;
  dense?: number[];
  filter?: StoreFilter;
  limit: number;
}

export interface StoreHit {
  id: string;
  /** Fused rank score (RRF): comparable only within one result list. */
  score: number;
  payload: ChunkPayload;
}

/**
 * One small interface for both stores. `replaceAll` builds a complete new index and switches to it atomically:
 * until it resolves, queries keep answering from the previous index; if it throws, the previous index stays.
 */
export interface VectorStore {
  /**
   * `info.attachments`: files to keep with this index version, so that an older version, when it has to be used,
   * comes with what was built with it (the embedded store keeps them; a store that cannot ignores them).
   */
  replaceAll(chunks: IndexedChunk[], info: { denseSize?: number; attachments?: Record<string, string | Buffer> }): Promise<void>;
  query(query: StoreQuery): Promise<StoreHit[]>;
  count(): Promise<number>;
  close?(): Promise<void>;
}
