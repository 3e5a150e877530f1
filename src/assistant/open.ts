/**
 * Building and opening the index. The embedded store lives in a folder (default `${DATA_DIR}/index`); with
 * QDRANT_URL the chunks live in Qdrant and only the parsed corpus is kept on disk. Either way, the parsed documents
 * are written next to the index so that assignments, the chain and section texts need no re-parse at start.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { type Config } from "../config.js";
import { loadCorpus, parseUploads, uniqueIds, type Rejected } from "../corpus/index.js";
import type { ParsedDocument } from "../domain/model.js";
import type { Logger } from "../logger.js";
import { type TermStats, chunkDocument, indexChunksParallel } from "../search/chunks.js";
import { EmbeddedStore } from "../search/embedded-store.js";
import type { VectorStore } from "../search/types.js";
import { createAssistant, type GeneratedAnswerer } from "./assistant.js";
import { Knowledge, summaryOf } from "./knowledge.js";
import type { QueryEmbedder } from "./retrieve.js";
import type { Assistant, IngestReport } from "./types.js";

export interface IndexTarget {
  store: VectorStore;
  /** Where the parsed documents are kept. */
  documentsFile: string;
}

export interface BuildOptions {
  embedder?: (QueryEmbedder & { dimensions?: number | null; model?: string }) | null;
  logger?: Logger;
}

/** What sits next to the index: the parsed documents and the corpus statistics, in one file (one atomic rename). */
interface CorpusFile {
  version: 2;
  documents: ParsedDocument[];
  stats: { df: [number, number][]; crossPairs: number[]; words: string[] };
  /** The embedding model the index's dense vectors come from (null: lexical only). */
  embedding?: string | null;
}

/** How the configured embedder names its vectors: model and requested size. */
export function embeddingKey(embedder: BuildOptions["embedder"]): string | null {
  return embedder ? `${embedder.model ?? "embedder"}#${embedder.dimensions ?? "native"}` : null;
}

export async function readCorpusFile(file: string): Promise<{ documents: ParsedDocument[]; stats: TermStats | null; embedding?: string | null } | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
  // The first layout held the documents only: the statistics are then recomputed.
  if (Array.isArray(parsed)) return { documents: parsed as ParsedDocument[], stats: null, embedding: null };
  const f = parsed as CorpusFile;
  if (f.version !== 2 || !Array.isArray(f.documents)) return null;
  if (!f.stats || !Array.isArray(f.stats.df)) return { documents: f.documents, stats: null, embedding: f.embedding ?? null };
  return {
    documents: f.documents,
    stats: { df: new Map(f.stats.df), crossPairs: new Set(f.stats.crossPairs), words: new Set(f.stats.words) },
    embedding: f.embedding ?? null,
  };
}

function corpusFileText(documents: ParsedDocument[], stats: TermStats, embedding: string | null): string {
  const file: CorpusFile = { version: 2, documents, stats: { df: [...stats.df], crossPairs: [...stats.crossPairs], words: [...stats.words] }, embedding };
  return JSON.stringify(file);
}

/** Index documents: chunk, vectorize, swap the store atomically, then replace the documents file atomically. */
/** An ingest that found nothing to index: the index in use is kept (a mistyped path must not empty it). */
export class EmptyCorpusError extends Error {
  constructor() {
    super("Không có văn bản nào để nạp: chỉ mục hiện tại được giữ nguyên.");
    this.name = "EmptyCorpusError";
  }
}

export async function buildIndex(documents: ParsedDocument[], target: IndexTarget, options: BuildOptions = {}): Promise<Knowledge> {
  if (!documents.length) throw new EmptyCorpusError();
  uniqueIds(documents);
  const chunks = documents.flatMap(chunkDocument);
  const { indexed, stats } = await indexChunksParallel(chunks);
  let denseSize: number | undefined;
  if (options.embedder) {
    const vectors = await options.embedder.embed(indexed.map((c) => (c.payload.headingPath ? `${c.payload.headingPath}\n${c.payload.text}` : c.payload.text)));
    indexed.forEach((c, i) => (c.dense = vectors[i]));
    denseSize = vectors[0]?.length;
  }
  const tmp = `${target.documentsFile}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(join(target.documentsFile, ".."), { recursive: true });
  await writeFile(tmp, corpusFileText(documents, stats, embeddingKey(options.embedder)));
  await target.store.replaceAll(indexed, { denseSize });
  await rename(tmp, target.documentsFile);
  return new Knowledge(documents, stats);
}

export function embeddedTarget(dir: string): IndexTarget & { store: EmbeddedStore } {
  return { store: new EmbeddedStore(dir), documentsFile: join(dir, "documents.json") };
}

export function uploadsDir(config: Config): string {
  return join(config.DATA_DIR, "uploads");
}

export interface OpenOptions {
  /** Embedded index folder (the `--index DIR` option); default `${DATA_DIR}/index`. */
  indexDir?: string;
  /** Qdrant store to use instead of the embedded one (main.ts builds it when QDRANT_URL is set). */
  store?: VectorStore;
  embedder?: BuildOptions["embedder"];
  generator?: GeneratedAnswerer | null;
  /** Build from the corpus when no index exists yet (default true). */
  buildIfMissing?: boolean;
}

/** Load the corpus folders plus admin uploads. */
export async function loadConfiguredCorpus(config: Config, logger: Logger): Promise<{ documents: ParsedDocument[]; rejected: Rejected[] }> {
  const { documents, rejected } = await loadCorpus([...config.CORPUS_DIRS, uploadsDir(config)].filter(Boolean), { metadataDir: config.METADATA_DIR, logger });
  return { documents, rejected: rejected.filter((r) => !(r.file === uploadsDir(config) && r.reason === "không tìm thấy")) };
}

export async function openAssistant(config: Config, logger: Logger, options: OpenOptions = {}): Promise<Assistant & { knowledge(): Knowledge }> {
  const target: IndexTarget = options.store
    ? { store: options.store, documentsFile: join(config.DATA_DIR, "qdrant", "documents.json") }
    : embeddedTarget(options.indexDir ?? join(config.DATA_DIR, "index"));
  const saved = await readCorpusFile(target.documentsFile);
  let documents = saved?.documents ?? null;
  const opened = target.store instanceof EmbeddedStore ? await target.store.open() : (await target.store.count()) > 0;
  // Dense vectors from another model (or none where one is now configured) cannot answer this configuration's
  // queries: such an index is rebuilt rather than queried with vectors of the wrong kind.
  const embeddingChanged = documents !== null && (saved?.embedding ?? null) !== embeddingKey(options.embedder);
  if (embeddingChanged) logger.info({ was: saved?.embedding ?? null, now: embeddingKey(options.embedder) }, "embedding configuration changed: rebuilding the index");
  let knowledge = documents && opened && !embeddingChanged ? new Knowledge(documents, saved?.stats ?? undefined) : null;
  // The store and the corpus file are replaced one after the other: if a crash fell between the two, their chunk
  // counts differ, and the index is rebuilt rather than answering with chunks the documents do not know.
  if (knowledge && (await target.store.count()) !== knowledge.chunkCount) {
    logger.warn("index and documents disagree: rebuilding the index");
    knowledge = null;
  }
  if (knowledge && documents) {
    logger.info({ documents: documents.length, chunks: knowledge.chunkCount }, "index loaded");
  } else {
    if (options.buildIfMissing === false) throw new Error(`Chưa có chỉ mục tại ${target.documentsFile}: hãy chạy "npm run ingest" trước.`);
    const loaded = await loadConfiguredCorpus(config, logger);
    for (const r of loaded.rejected) logger.warn({ file: r.file, reason: r.reason }, "file rejected");
    documents = loaded.documents;
    knowledge = await buildIndex(documents, target, { embedder: options.embedder, logger });
    logger.info({ documents: documents.length, chunks: knowledge.chunkCount }, "index built");
  }

  const reindex = async (files: { fileName: string; data: Buffer }[] | null) => {
    const rejected: Rejected[] = [];
    if (files) {
      // Parse the uploads first: a bad file changes nothing, neither on disk nor in the index.
      const parsed = await parseUploads(files);
      rejected.push(...parsed.rejected);
      if (!parsed.documents.length) {
        return { knowledge: (assistant as { knowledge(): Knowledge }).knowledge(), report: { indexed: [], rejected } satisfies IngestReport };
      }
      await mkdir(uploadsDir(config), { recursive: true });
      // Keep what each written file replaced, to put it back if the rebuild fails (embedding or Qdrant errors).
      const written: { path: string; before: Buffer | null }[] = [];
      for (const f of files) {
        if (rejected.some((r) => r.file === f.fileName)) continue;
        const path = join(uploadsDir(config), basename(f.fileName));
        written.push({ path, before: await readFile(path).catch(() => null) });
        await writeFile(path, f.data);
      }
      let kb: Knowledge;
      try {
        const all = await loadConfiguredCorpus(config, logger);
        kb = await buildIndex(all.documents, target, { embedder: options.embedder, logger });
      } catch (err) {
        for (const w of written) await (w.before ? writeFile(w.path, w.before) : rm(w.path, { force: true }));
        throw err;
      }
      const names = new Set(files.map((f) => basename(f.fileName)));
      const indexed = kb.documents.filter((d) => names.has(basename(d.file))).map(summaryOf);
      return { knowledge: kb, report: { indexed, rejected } };
    }
    const all = await loadConfiguredCorpus(config, logger);
    const kb = await buildIndex(all.documents, target, { embedder: options.embedder, logger });
    return { knowledge: kb, report: { indexed: kb.documents.map(summaryOf), rejected: all.rejected } };
  };

  const assistant = createAssistant({ knowledge, store: target.store, logger, embedder: options.embedder, generator: options.generator, reindex });
  return assistant;
}
