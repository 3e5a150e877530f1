/**
 * The real corpus, loaded as the assistant loads it (loaders + metadata sidecars + parser), keeping the raw texts.
 */
import { resolve } from "node:path";
import { loadMetadata } from "../../src/corpus/metadata.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { loadAll } from "../../src/loaders/index.js";
import { parseDocument } from "../../src/parser/index.js";
import type { RealDocument } from "./synth.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CORPUS_DIRS = ["corpus", "../shared/corpus-extra"];
export const METADATA_DIR = "metadata";

export async function loadReal(dirs: readonly string[] = CORPUS_DIRS): Promise<RealDocument[]> {
  const { loaded } = await loadAll(dirs.map((d) => resolve(ROOT, d)));
  const out: RealDocument[] = [];
  for (const item of loaded) {
    const { meta } = await loadMetadata(item.file, resolve(ROOT, METADATA_DIR));
    out.push({ text: item.text, file: item.file, meta, parsed: parseDocument(item.text, item.file, meta) });
  }
  uniqueIds(out.map((d) => d.parsed));
  return out;
}

/** Memory figures in MB, after a full GC when the process runs with --expose-gc. */
export function memory(): { rssMB: number; heapUsedMB: number; externalMB: number } {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mb = (x: number) => Math.round((x / 2 ** 20) * 10) / 10;
  return { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), externalMB: mb(m.external) };
}

export const log = (line: string) => process.stderr.write(`${line}\n`);
