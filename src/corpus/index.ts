/**
 * From corpus folders and files to parsed documents: load (txt, md, docx, pdf), find the metadata sidecar,
 * parse. One bad file never stops the others; each rejection names the file and the reason.
 */
import type { ParsedDocument } from "../domain/model.js";
import { loadAll, loadBuffer } from "../loaders/index.js";
import type { Logger } from "../logger.js";
import { parseDocument } from "../parser/index.js";
import { type ParseInput, parseDocuments } from "./parse.js";
import { MetadataError, loadMetadata } from "./metadata.js";

export interface Rejected {
  file: string;
  reason: string;
}

export interface CorpusLoad {
  documents: ParsedDocument[];
  rejected: Rejected[];
}

export interface CorpusOptions {
  metadataDir?: string;
  logger?: Logger;
}

/** A document with no body is not a document the assistant can cite. */
function emptyReason(doc: ParsedDocument): string | null {
  return doc.sections.some((s) => s.text.trim() || s.title) ? null : "không tìm thấy nội dung văn bản (không có đoạn nào ngoài phần đầu/cuối)";
}

/**
 * Give every document a distinct id (two files may carry the same number, e.g. a draft and the final text). Files
 * sharing an id are numbered in the order of their paths, not of their reading: the same files get the same ids
 * whatever order they were loaded in (citations and stored answers name documents by id).
 */
export function uniqueIds(documents: ParsedDocument[]): void {
  const groups = new Map<string, ParsedDocument[]>();
  for (const doc of documents) groups.set(doc.id, [...(groups.get(doc.id) ?? []), doc]);
  const taken = new Set(groups.keys());
  for (const [id, docs] of groups) {
    if (docs.length < 2) continue;
    docs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    let n = 1;
    for (const doc of docs.slice(1)) {
      // "-2", "-3" … unless a document is already called that.
      do n++;
      while (taken.has(`${id}-${n}`));
      doc.id = `${id}-${n}`;
      taken.add(doc.id);
    }
  }
}

export async function loadCorpus(paths: string[], options: CorpusOptions = {}): Promise<CorpusLoad> {
  const { loaded, rejected } = await loadAll(paths);
  const out: CorpusLoad = { documents: [], rejected: rejected.map((r) => ({ file: r.file, reason: r.reason })) };
  const inputs: ParseInput[] = [];
  for (const item of loaded) {
    try {
      const { meta, source } = await loadMetadata(item.file, options.metadataDir);
      if (source) options.logger?.debug({ file: item.file, sidecar: source }, "metadata sidecar applied");
      inputs.push({ text: item.text, file: item.file, meta });
    } catch (err) {
      const reason = err instanceof MetadataError ? `tệp metadata ${err.file}: ${err.reason}` : `không đọc được: ${(err as Error).message}`;
      out.rejected.push({ file: item.file, reason });
    }
  }
  // The parser never throws on any text (a tested property), so one parse per file, on every core for an archive.
  for (const doc of await parseDocuments(inputs)) {
    const empty = emptyReason(doc);
    if (empty) out.rejected.push({ file: doc.file, reason: empty });
    else out.documents.push(doc);
  }
  uniqueIds(out.documents);
  return out;
}

/** Parse uploaded files (the bot's admin upload). */
/** Names a corpus folder skips (hidden files, Office lock files, READMEs, sidecars): an upload must not use them. */
export function skippedName(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.startsWith(".") || base.startsWith("~$") || /^readme\.md$/i.test(base) || base.endsWith(".meta.json");
}

export async function parseUploads(files: { fileName: string; data: Buffer }[]): Promise<CorpusLoad> {
  const out: CorpusLoad = { documents: [], rejected: [] };
  for (const f of files) {
    if (skippedName(f.fileName)) {
      out.rejected.push({ file: f.fileName, reason: "tên tệp này bị bỏ qua trong kho văn bản (tệp ẩn, tệp khóa, README hoặc metadata): đổi tên rồi gửi lại" });
      continue;
    }
    try {
      const loaded = await loadBuffer(f.fileName, f.data);
      const doc = parseDocument(loaded.text, f.fileName);
      const empty = emptyReason(doc);
      if (empty) out.rejected.push({ file: f.fileName, reason: empty });
      else out.documents.push(doc);
    } catch (err) {
      out.rejected.push({ file: f.fileName, reason: (err as { reason?: string }).reason ?? (err as Error).message });
    }
  }
  return out;
}
