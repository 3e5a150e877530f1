/**
 * `npm run ingest -- [PATH...] [--index DIR]`: parse and index files or folders (default: CORPUS_DIRS) into the
 * embedded index at DIR (default `${DATA_DIR}/index`), or into Qdrant when QDRANT_URL is set.
 * Prints what was indexed and every rejected file; logs go to stderr.
 */
import { join } from "node:path";
import { documentLabel } from "../assistant/cite.js";
import { EmptyCorpusError, buildIndex, embeddedTarget } from "../assistant/open.js";
import { loadConfig } from "../config.js";
import { loadCorpus } from "../corpus/index.js";
import { buildServices, cliLogger } from "../services.js";
import { parseArgs, runCli } from "./args.js";

const USAGE = "Cách dùng: npm run ingest -- [PATH...] [--index DIR]";

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ["index"], []);
  const config = await loadConfig();
  const logger = cliLogger(config);
  const paths = args.positionals.length ? args.positionals : config.CORPUS_DIRS;
  const started = Date.now();
  const { documents, rejected } = await loadCorpus(paths, { metadataDir: config.METADATA_DIR, logger });
  const services = await buildServices(config, logger, { forIngest: true, indexDirGiven: args.values.has("index") });
  const target = services.qdrant && !args.values.has("index")
    ? { store: services.qdrant, documentsFile: join(config.DATA_DIR, "qdrant", "documents.json") }
    : embeddedTarget(args.values.get("index") ?? join(config.DATA_DIR, "index"));
  for (const r of rejected) process.stdout.write(`Bỏ qua: ${r.file} — ${r.reason}\n`);
  // Nothing to index (a mistyped path, an empty folder): say so and keep the index in use.
  if (!documents.length) throw new EmptyCorpusError();
  const kb = await buildIndex(documents, target, { embedder: services.embedder, logger });
  for (const doc of documents) process.stdout.write(`Đã nạp: ${documentLabel(doc)} — ${doc.sections.length} mục, ${doc.assignments.length} phân công (${doc.file})\n`);
  process.stdout.write(`Tổng cộng ${documents.length} văn bản, ${kb.chunkCount} đoạn chỉ mục, ${rejected.length} tệp bị từ chối (${Date.now() - started} ms).\n`);
}

runCli(main, USAGE);
