/**
 * Building and opening the index. The embedded store lives in a folder (default `${DATA_DIR}/index`); with
 * QDRANT_URL the chunks live in Qdrant and only the parsed corpus is kept on disk. Either way, the parsed documents
 * are written next to the index so that assignments, the chain and section texts need no re-parse at start.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants as zlib, crc32 } from "node:zlib";
import { type Config } from "../config.js";
import { loadCorpus, parseUploads, uniqueIds, type Rejected } from "../corpus/index.js";
import type { ParsedDocument } from "../domain/model.js";
import type { Logger } from "../logger.js";
import { type TermStats, chunkDocument, indexChunksParallel } from "../search/chunks.js";
import { EmbeddedStore, type IndexProblem } from "../search/embedded-store.js";
import type { VectorStore } from "../search/types.js";
import { createAssistant, type GeneratedAnswerer } from "./assistant.js";
import { canonicalOrder, cardOf, Knowledge, missingFacts, summaryOf } from "./knowledge.js";
import { numberKey } from "../domain/numbers.js";
import type { QueryEmbedder } from "./retrieve.js";
import type { Assistant, IngestReport, UploadPreview } from "./types.js";

export interface IndexTarget {
  store: VectorStore;
  /** Where the parsed documents are kept. */
  documentsFile: string;
}

export interface BuildOptions {
  embedder?: (QueryEmbedder & { dimensions?: number | null; model?: string }) | null;
  logger?: Logger;
}

/**
 * What sits next to the index: the parsed documents and the corpus statistics, in one file (one atomic rename).
 *
 * Format 3: a first line of JSON (this interface) holding the documents without their sections and assignments,
 * then each document's sections and assignments as JSON, back to back, at the byte ranges `bodies` gives (from the
 * byte after the first line). A start parses the first line only; a document's sections and assignments are parsed
 * when something first reads them (lazyBodies), so a start costs no more than a few MB of JSON whatever the corpus
 * size. Format 2 (one JSON object) and the first layout (an array of documents) still read.
 */
interface CorpusFile {
  version: 2 | 3;
  documents: ParsedDocument[];
  stats: { df: [number, number][]; crossPairs: number[]; words: string[] };
  /** The embedding model the index's dense vectors come from (null: lexical only). */
  embedding?: string | null;
  /** Chunks per document id, as indexed (files written before lack it: the corpus is then chunked at start). */
  chunks?: Record<string, number>;
  /** Format 3: document i's sections and assignments lie at bytes [bodies[2i], bodies[2i + 1]) after the first line. */
  bodies?: number[];
  /** Format 3: length and CRC-32 of everything after the first line (a truncated or damaged file is refused). */
  bodiesSum?: string;
}

/** How the configured embedder names its vectors: model and requested size. */
export function embeddingKey(embedder: BuildOptions["embedder"]): string | null {
  return embedder ? `${embedder.model ?? "embedder"}#${embedder.dimensions ?? "native"}` : null;
}

type SavedCorpus = { documents: ParsedDocument[]; stats: TermStats | null; embedding?: string | null; chunks?: Record<string, number> | null };

export async function readCorpusFile(file: string): Promise<SavedCorpus | null> {
  const content = await readFile(file).catch(() => null);
  return content === null ? null : parseCorpusFile(content);
}

/** The keys of a document that format 3 keeps out of the first line. */
const BODY_KEYS = ["sections", "assignments"] as const;

/**
 * Give a document (read from the first line, where its sections and assignments stand as placeholders, keeping their
 * place among its keys) its sections and assignments, parsed from `blob` on first read. A write replaces them.
 */
function lazyBodies(doc: ParsedDocument, blob: Buffer, from: number, to: number): void {
  let body: Pick<ParsedDocument, (typeof BODY_KEYS)[number]> | null = null;
  for (const key of BODY_KEYS) {
    const settle = (value: unknown) => Object.defineProperty(doc, key, { value, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(doc, key, {
      enumerable: true,
      configurable: true,
      get() {
        body ??= JSON.parse(blob.toString("utf8", from, to)) as Pick<ParsedDocument, (typeof BODY_KEYS)[number]>;
        const value = body[key];
        settle(value);
        return value;
      },
      set: settle,
    });
  }
}

/**
 * The corpus file's content, or null when it is not one (truncated, hand-edited, another format).
 * @param verified the caller has checked the whole content against a checksum already (the index version's sum).
 */
export function parseCorpusFile(content: Buffer | string, verified = false): SavedCorpus | null {
  const buf = typeof content === "string" ? Buffer.from(content) : content;
  // Format 3 starts with a line of JSON; the earlier formats are one JSON text (without a raw line break).
  const nl = buf.indexOf(10);
  const parse = (to: number): unknown => {
    try {
      return JSON.parse(buf.toString("utf8", 0, to));
    } catch {
      return undefined;
    }
  };
  let parsed = parse(nl < 0 ? buf.length : nl);
  // Not a format 3 first line: the whole file is one JSON text (written by hand, it may have line breaks).
  if (nl >= 0 && (parsed as CorpusFile | undefined)?.version !== 3) parsed = parse(buf.length);
  if (parsed === undefined) return null;
  // The first layout held the documents only: the statistics are then recomputed.
  if (Array.isArray(parsed)) return { documents: parsed as ParsedDocument[], stats: null, embedding: null };
  const f = parsed as CorpusFile;
  if (!f || (f.version !== 2 && f.version !== 3) || !Array.isArray(f.documents)) return null;
  if (f.version === 3) {
    const blob = nl < 0 ? Buffer.alloc(0) : buf.subarray(nl + 1);
    const ranges = f.bodies;
    if (!Array.isArray(ranges) || ranges.length !== 2 * f.documents.length || ranges.some((r, i) => !Number.isInteger(r) || r < (ranges[i - 1] ?? 0) || r > blob.length)) return null;
    if (!verified && f.bodiesSum !== sumOf(blob)) return null;
    f.documents.forEach((doc, i) => lazyBodies(doc, blob, ranges[2 * i]!, ranges[2 * i + 1]!));
  }
  const chunks = f.chunks && typeof f.chunks === "object" ? f.chunks : null;
  if (!f.stats || !Array.isArray(f.stats.df)) return { documents: f.documents, stats: null, embedding: f.embedding ?? null, chunks };
  return {
    documents: f.documents,
    stats: { df: new Map(f.stats.df), crossPairs: new Set(f.stats.crossPairs), words: new Set(f.stats.words) },
    embedding: f.embedding ?? null,
    chunks,
  };
}

function corpusFileBytes(documents: ParsedDocument[], stats: TermStats, embedding: string | null, chunks: Record<string, number>): Buffer {
  // Each document's sections and assignments as JSON, then the head; all written into one buffer in one pass (tens of
  // megabytes at scale: every intermediate copy costs as much again in fresh memory).
  const bodies: string[] = [];
  const ranges: number[] = [];
  let at = 0;
  const heads = documents.map((doc) => {
    const body = JSON.stringify({ sections: doc.sections, assignments: doc.assignments });
    ranges.push(at, (at += Buffer.byteLength(body)));
    bodies.push(body);
    // Placeholders keep the two keys in their place among the document's keys.
    return { ...doc, sections: 0, assignments: 0 } as unknown as ParsedDocument;
  });
  const blob = Buffer.allocUnsafe(at);
  for (let i = 0; i < bodies.length; i++) blob.write(bodies[i]!, ranges[2 * i]!);
  const file: CorpusFile = {
    version: 3,
    documents: heads,
    stats: { df: [...stats.df], crossPairs: [...stats.crossPairs], words: [...stats.words] },
    embedding,
    chunks,
    bodies: ranges,
    bodiesSum: sumOf(blob),
  };
  const head = `${JSON.stringify(file)}\n`;
  const headBytes = Buffer.byteLength(head);
  const out = Buffer.allocUnsafe(headBytes + blob.length);
  out.write(head, 0);
  blob.copy(out, headBytes);
  return out;
}

/**
 * How the version's copy of the corpus file is compressed. Brotli at quality 4: about 0.2 s for 80 MB of JSON (on
 * the thread pool, not the event loop) and about 0.4 s back; higher qualities cost seconds for a few percent. A
 * 16 MB window (lgwin 24) reaches the copies of a passage that other documents repeat (a central document's
 * sentences in every province's plan), which a small window would store again and again.
 */
const DOCUMENTS_COMPRESSION = { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_LGWIN]: 24 } };
const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/** An ingest that found nothing to index: the index in use is kept (a mistyped path must not empty it). */
export class EmptyCorpusError extends Error {
  constructor() {
    super("Không có văn bản nào để nạp: chỉ mục hiện tại được giữ nguyên.");
    this.name = "EmptyCorpusError";
  }
}

/**
 * Index documents: chunk, vectorize, swap the store atomically (the embedded store keeps a copy of the documents
 * file in the new version), then replace the documents file atomically.
 */
export async function buildIndex(documents: ParsedDocument[], target: IndexTarget, options: BuildOptions = {}): Promise<Knowledge> {
  if (!documents.length) throw new EmptyCorpusError();
  uniqueIds(documents);
  // Chunks in the canonical order of the documents: the index comes out the same whatever the reading order.
  const chunks = canonicalOrder(documents).flatMap(chunkDocument);
  const counts: Record<string, number> = {};
  for (const c of chunks) counts[c.payload.documentId] = (counts[c.payload.documentId] ?? 0) + 1;
  const { indexed, stats } = await indexChunksParallel(chunks);
  let denseSize: number | undefined;
  if (options.embedder) {
    const vectors = await options.embedder.embed(indexed.map((c) => (c.payload.headingPath ? `${c.payload.headingPath}\n${c.payload.text}` : c.payload.text)));
    indexed.forEach((c, i) => (c.dense = vectors[i]));
    denseSize = vectors[0]?.length;
  }
  const text = corpusFileBytes(documents, stats, embeddingKey(options.embedder), counts);
  const tmp = `${target.documentsFile}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(join(target.documentsFile, ".."), { recursive: true });
  try {
    // The file beside the index and the version's compressed copy are written on the thread pool together.
    const [copy] = await Promise.all([target.store instanceof EmbeddedStore ? compress(text, DOCUMENTS_COMPRESSION) : null, writeFile(tmp, text)]);
    const attachments: Record<string, Buffer | string> = copy ? { [DOCUMENTS_ATTACHMENT]: copy, [DOCUMENTS_SUM]: sumOf(text) } : {};
    await target.store.replaceAll(indexed, { denseSize, attachments });
    await rename(tmp, target.documentsFile);
  } finally {
    // A failed build (embedding, Qdrant, a full disk) leaves no temporary file behind.
    await rm(tmp, { force: true });
  }
  return new Knowledge(documents, stats, { chunks });
}

/** Name of the documents file's copy inside an embedded index version (brotli, see DOCUMENTS_COMPRESSION). */
const DOCUMENTS_ATTACHMENT = "documents.json.br";
/** The uncompressed copy versions written before kept: still read. */
const LEGACY_DOCUMENTS_ATTACHMENT = "documents.json";
/**
 * Length and CRC-32 of the uncompressed corpus file, kept with the version: a start checks the file beside the index
 * against it (tens of milliseconds) and decompresses the copy only when they differ.
 */
const DOCUMENTS_SUM = "documents.json.sum";

function sumOf(content: Buffer): string {
  return `${content.length} ${crc32(content)}`;
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
  /**
   * Told (in Vietnamese, for the operator) when the index on disk was damaged and the assistant had to use an older
   * version or rebuild; the bot forwards it to the admins. The log gets one line either way.
   */
  onRecovery?: (message: string) => void;
}

/** What an operator reads about one damaged file of the index. */
export function describeIndexProblem(p: IndexProblem): string {
  switch (p.kind) {
    case "missing-version":
      return `tệp CURRENT trỏ tới phiên bản chỉ mục ${p.version} không tồn tại`;
    case "missing-file":
      return `thiếu tệp ${p.file}${p.file === "CURRENT" ? "" : ` (phiên bản ${p.version})`}`;
    case "size":
      return `tệp ${p.file} bị cắt cụt hoặc sai kích thước (phiên bản ${p.version})`;
    case "checksum":
      return `tệp ${p.file} bị hỏng, sai mã kiểm tra (phiên bản ${p.version})`;
    case "format":
      return `tệp ${p.file ?? p.version} không đọc được (phiên bản ${p.version})`;
  }
}

/** "v1796182006845-8453" → "15:26 ngày 02/12/2026" (local time of the server). */
function versionTime(version: string): string {
  const ms = Number(/^v(\d+)-/.exec(version)?.[1]);
  if (!Number.isFinite(ms)) return version;
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${p2(d.getHours())}:${p2(d.getMinutes())} ngày ${p2(d.getDate())}/${p2(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/**
 * Corpus files an admin's upload replaced (a number conflict confirmed with the buttons). The corpus folders are the
 * operator's, never edited: the replaced file is left out of every ingest for as long as the upload that replaced
 * it is in the uploads folder (deleting the upload brings the original back).
 */
interface SupersededFile {
  version: 1;
  entries: { file: string; number: string | null; by: string; at: string }[];
}

function supersededPath(config: Config): string {
  return join(config.DATA_DIR, "superseded.json");
}

async function readSuperseded(config: Config): Promise<SupersededFile> {
  const text = await readFile(supersededPath(config), "utf8").catch(() => null);
  try {
    const parsed = text ? (JSON.parse(text) as SupersededFile) : null;
    if (parsed && Array.isArray(parsed.entries)) return parsed;
  } catch {
    // Unreadable: nothing is left out (the originals come back), which is the safe side.
  }
  return { version: 1, entries: [] };
}

/** Load the corpus folders plus admin uploads, without the corpus files uploads replaced. */
export async function loadConfiguredCorpus(config: Config, logger: Logger): Promise<{ documents: ParsedDocument[]; rejected: Rejected[] }> {
  const { documents, rejected } = await loadCorpus([...config.CORPUS_DIRS, uploadsDir(config)].filter(Boolean), { metadataDir: config.METADATA_DIR, logger });
  const superseded = await readSuperseded(config);
  const uploads = new Set(documents.filter((d) => resolve(d.file).startsWith(resolve(uploadsDir(config)))).map((d) => basename(d.file)));
  const left = new Set(superseded.entries.filter((e) => uploads.has(e.by)).map((e) => e.file));
  const kept = documents.filter((d) => !left.has(resolve(d.file)));
  if (kept.length < documents.length) logger.info({ left: documents.length - kept.length }, "documents replaced by uploads left out");
  return { documents: kept, rejected: rejected.filter((r) => !(r.file === uploadsDir(config) && r.reason === "không tìm thấy")) };
}

/** Uploaded documents whose number an indexed document already has. */
function conflictsOf(uploaded: ParsedDocument[], kb: Knowledge): { upload: ParsedDocument; existing: ParsedDocument[] }[] {
  return uploaded.flatMap((upload) => {
    if (!upload.number) return [];
    const key = numberKey(upload.number);
    const existing = kb.documents.filter((d) => d.number && numberKey(d.number) === key);
    return existing.length ? [{ upload, existing }] : [];
  });
}

export async function openAssistant(config: Config, logger: Logger, options: OpenOptions = {}): Promise<Assistant & { knowledge(): Knowledge }> {
  const target: IndexTarget = options.store
    ? { store: options.store, documentsFile: join(config.DATA_DIR, "qdrant", "documents.json") }
    : embeddedTarget(options.indexDir ?? join(config.DATA_DIR, "index"));
  // Read while the store opens; parsed only when it is the one to use, or differs from the version's copy.
  const besideRead = readFile(target.documentsFile).catch(() => null);
  let saved: SavedCorpus | null = null;
  let opened: boolean;
  /** Damage found at open, for one log line and the operator's notice once the index is usable again. */
  let damage: { problems: IndexProblem[]; fallback: string | null; restored: boolean } | null = null;
  if (target.store instanceof EmbeddedStore) {
    opened = await target.store.open();
    const report = target.store.lastOpen!;
    if (report.status === "fallback" || report.status === "damaged") damage = { problems: report.problems, fallback: report.version, restored: false };
    // The version's own copy of the documents (checksummed) wins over the file beside the index: after a fallback
    // only it matches the chunks, and it survives damage to the other (or a crash between the two writes).
    const packed = opened ? target.store.takeAttachment(DOCUMENTS_ATTACHMENT) : null;
    const sum = opened ? target.store.takeAttachment(DOCUMENTS_SUM)?.toString("utf8") : undefined;
    const beside = await besideRead;
    // The file beside the index is the version's copy when their sums agree: no need to decompress the copy. Else
    // the copy is decompressed (checksummed with the version, so it does; should it not, the file beside is used).
    const besideMatches = beside !== null && sum !== undefined && sumOf(beside) === sum;
    const copy = besideMatches ? beside : packed ? await decompress(packed).catch(() => null) : opened ? target.store.takeAttachment(LEGACY_DOCUMENTS_ATTACHMENT) : null;
    // The copy was checked against the version's manifest, the file beside the index against its sum.
    const fromCopy = copy ? parseCorpusFile(copy, copy === beside || packed !== null) : null;
    if (fromCopy && copy) {
      if (copy !== beside && !beside?.equals(copy)) {
        if (beside !== null && !damage && !parseCorpusFile(beside)) {
          damage = { problems: [{ version: report.version!, file: "documents.json", kind: "format", detail: "documents.json beside the index is unreadable" }], fallback: null, restored: true };
        }
        await writeFile(target.documentsFile, copy).catch((err: unknown) => logger.warn({ err }, "could not restore the documents file"));
      }
      saved = fromCopy;
    } else {
      saved = beside === null ? null : parseCorpusFile(beside);
    }
  } else {
    opened = (await target.store.count()) > 0;
    const beside = await besideRead;
    saved = beside === null ? null : parseCorpusFile(beside);
  }
  let documents = saved?.documents ?? null;
  // Dense vectors from another model (or none where one is now configured) cannot answer this configuration's
  // queries: such an index is rebuilt rather than queried with vectors of the wrong kind.
  const embeddingChanged = documents !== null && (saved?.embedding ?? null) !== embeddingKey(options.embedder);
  if (embeddingChanged) logger.info({ was: saved?.embedding ?? null, now: embeddingKey(options.embedder) }, "embedding configuration changed: rebuilding the index");
  let knowledge = documents && opened && !embeddingChanged ? new Knowledge(documents, saved?.stats ?? undefined, { counts: saved?.chunks ?? undefined }) : null;
  // The store and the corpus file are replaced one after the other: if a crash fell between the two, their chunk
  // counts differ, and the index is rebuilt rather than answering with chunks the documents do not know.
  if (knowledge && (await target.store.count()) !== knowledge.chunkCount) {
    logger.warn("index and documents disagree: rebuilding the index");
    knowledge = null;
  }
  if (knowledge && documents) {
    logger.info({ documents: documents.length, chunks: knowledge.chunkCount }, "index loaded");
    if (damage?.restored) {
      logger.warn({ problems: damage.problems }, "documents file damaged: restored from the index version");
      options.onRecovery?.(`⚠️ Tệp danh sách văn bản của chỉ mục (documents.json) bị hỏng: đã khôi phục từ bản sao trong chỉ mục, trợ lý hoạt động bình thường.`);
    } else if (damage?.fallback) {
      const what = damage.problems.map(describeIndexProblem).join("; ");
      logger.warn({ problems: damage.problems, using: damage.fallback }, "index damaged: using the newest intact version");
      options.onRecovery?.(
        `⚠️ Chỉ mục văn bản bị hỏng: ${what}. Trợ lý đang trả lời bằng bản chỉ mục lập lúc ${versionTime(damage.fallback)}` +
          ` (${documents.length} văn bản). Văn bản nạp sau thời điểm đó chưa có trong chỉ mục: gõ /reload để lập lại chỉ mục từ kho văn bản.`,
      );
    }
  } else {
    if (options.buildIfMissing === false) throw new Error(`Chưa có chỉ mục tại ${target.documentsFile}: hãy chạy "npm run ingest" trước.`);
    const loaded = await loadConfiguredCorpus(config, logger);
    for (const r of loaded.rejected) logger.warn({ file: r.file, reason: r.reason }, "file rejected");
    documents = loaded.documents;
    knowledge = await buildIndex(documents, target, { embedder: options.embedder, logger });
    if (damage) {
      logger.warn({ problems: damage.problems, documents: documents.length }, "index damaged: rebuilt from the corpus");
      options.onRecovery?.(
        `⚠️ Chỉ mục văn bản bị hỏng (${damage.problems.map(describeIndexProblem).join("; ")}): ` +
          `trợ lý đã lập lại chỉ mục từ kho văn bản (${documents.length} văn bản) và hoạt động bình thường.`,
      );
    } else {
      logger.info({ documents: documents.length, chunks: knowledge.chunkCount }, "index built");
    }
  }

  // What the first question about a cited document would otherwise compute over the whole corpus, done in small
  // steps while the assistant waits for its first question.
  void knowledge.warmMentions();

  const reindex = async (files: { fileName: string; data: Buffer }[] | null, replaceIds: string[] = []) => {
    const rejected: Rejected[] = [];
    if (files) {
      const current = (assistant as { knowledge(): Knowledge }).knowledge();
      // Parse the uploads first: a bad file changes nothing, neither on disk nor in the index.
      const parsed = await parseUploads(files);
      rejected.push(...parsed.rejected);
      // A number the index already has is replaced only with the admin's confirmation (the bot asks first).
      const replace = current.documents.filter((d) => replaceIds.includes(d.id));
      for (const { upload, existing } of conflictsOf(parsed.documents, current)) {
        if (existing.every((d) => replace.includes(d))) continue;
        rejected.push({ file: upload.file, reason: `trùng số hiệu ${upload.number} với văn bản đã có: cần xác nhận thay thế` });
      }
      const accepted = parsed.documents.filter((d) => !rejected.some((r) => r.file === d.file));
      if (!accepted.length) return { knowledge: current, report: { indexed: [], rejected } satisfies IngestReport };
      await mkdir(uploadsDir(config), { recursive: true });
      // Keep what each written or removed file held, to put it back if the rebuild fails (embedding or Qdrant errors).
      const written: { path: string; before: Buffer | null }[] = [];
      const names = new Set(accepted.map((d) => basename(d.file)));
      const supersededBefore = await readFile(supersededPath(config)).catch(() => null);
      try {
        for (const f of files) {
          if (!names.has(basename(f.fileName))) continue;
          const path = join(uploadsDir(config), basename(f.fileName));
          written.push({ path, before: await readFile(path).catch(() => null) });
          await writeFile(path, f.data);
        }
        const superseded = await readSuperseded(config);
        for (const old of replace) {
          const by = basename(accepted.find((d) => d.number && old.number && numberKey(d.number) === numberKey(old.number))?.file ?? accepted[0]!.file);
          if (resolve(old.file).startsWith(resolve(uploadsDir(config)))) {
            // An earlier upload: its file goes (unless the new one has its name and was just written over it).
            if (names.has(basename(old.file))) continue;
            written.push({ path: old.file, before: await readFile(old.file).catch(() => null) });
            await rm(old.file, { force: true });
          } else {
            superseded.entries = [...superseded.entries.filter((e) => e.file !== resolve(old.file)), { file: resolve(old.file), number: old.number, by, at: new Date().toISOString() }];
          }
        }
        if (replace.length) await writeFile(supersededPath(config), JSON.stringify(superseded, null, 1));
        const all = await loadConfiguredCorpus(config, logger);
        const kb = await buildIndex(all.documents, target, { embedder: options.embedder, logger });
        const mine = kb.documents.filter((d) => names.has(basename(d.file)) && resolve(d.file).startsWith(resolve(uploadsDir(config))));
        const warnings = mine.map((d) => ({ file: basename(d.file), missing: missingFacts(d) })).filter((w) => w.missing.length);
        if (replace.length) logger.info({ replaced: replace.map((d) => d.id), by: [...names] }, "indexed documents replaced by an upload");
        return { knowledge: kb, report: { indexed: mine.map(summaryOf), rejected, warnings } satisfies IngestReport };
      } catch (err) {
        for (const w of written.reverse()) await (w.before ? writeFile(w.path, w.before) : rm(w.path, { force: true }));
        await (supersededBefore ? writeFile(supersededPath(config), supersededBefore) : rm(supersededPath(config), { force: true }));
        throw err;
      }
    }
    const all = await loadConfiguredCorpus(config, logger);
    const kb = await buildIndex(all.documents, target, { embedder: options.embedder, logger });
    return { knowledge: kb, report: { indexed: kb.documents.map(summaryOf), rejected: all.rejected } };
  };

  /** What an upload would do: nothing is written. */
  const previewFiles = async (files: { fileName: string; data: Buffer }[]): Promise<UploadPreview> => {
    const current = (assistant as { knowledge(): Knowledge }).knowledge();
    const parsed = await parseUploads(files);
    return {
      documents: parsed.documents.map(cardOf),
      rejected: parsed.rejected,
      conflicts: conflictsOf(parsed.documents, current).map(({ upload, existing }) => ({ upload: cardOf(upload), existing: existing.map(cardOf) })),
    };
  };

  const assistant = createAssistant({
    knowledge,
    store: target.store,
    logger,
    embedder: options.embedder,
    generator: options.generator,
    modelDeadlineMs: config.LLM_TIMEOUT_MS,
    reindex,
  });
  return Object.assign(assistant, { previewFiles });
}
