/**
 * Thousands of documents from many localities (issue 11), through the assistant's own paths:
 *
 * - `scale` (build): a many-localities corpus (lib/synth.ts synthesizeLocalities: the central documents once, about
 *   five rewritten local documents per locality) → parseDocuments (every core) → buildIndex into an embedded index
 *   folder, as `npm run ingest` does; documents/s, and the index's size against the text it indexes.
 * - `scaleAsk` (fresh process): openAssistant on that folder (what the bot does at start): open time, resident
 *   memory; then assistant.ask() latency over the shared questions, their localized forms and the central
 *   questions, and the share of central questions whose first citation is the central document asked about.
 * - `scaleQuiz` (fresh process): the quiz bank over the same Knowledge, built as the bot builds it (src/quiz/build.ts
 *   QuizBanks: worker threads, off the event loop), with the longest stall of the event loop meanwhile.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { openAssistant, buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import { parseConfig } from "../../src/config.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { parseDocuments } from "../../src/corpus/parse.js";
import { isCentralIssuer } from "../../src/domain/vocabulary.js";
import { silentLogger } from "../../src/logger.js";
import { QuizBanks } from "../../src/quiz/build.js";
import { loadSharedQuestions, percentile, round } from "../lib/queries.js";
import { ROOT, loadReal, log, memory } from "../lib/real.js";
import { timedOffLoop } from "../lib/timed.js";
import { LOCALITIES_METHOD, synthesizeLocalities } from "../lib/synth.js";

/** The three real corpus folders the many-localities corpus is made from. */
export const SCALE_DIRS = ["corpus", "../shared/corpus-extra", "../shared/corpus-dev"];

/** Questions about a central document, asked of the big corpus: is that document cited first? */
export const CENTRAL_QUESTIONS: { q: string; number: string }[] = [
  { q: "Kết luận 69-KL/TW yêu cầu những nhiệm vụ, giải pháp gì?", number: "69-KL/TW" },
  { q: "Kết luận số 69 của Bộ Chính trị ban hành ngày nào?", number: "69-KL/TW" },
  { q: "Theo Kết luận 69, cần làm gì để phát triển thị trường khoa học và công nghệ?", number: "69-KL/TW" },
  { q: "Kết luận 69 giao Ban Tuyên giáo Trung ương nhiệm vụ gì?", number: "69-KL/TW" },
  { q: "Nghị quyết 20-NQ/TW đặt mục tiêu gì đến năm 2020?", number: "20-NQ/TW" },
  { q: "Nghị quyết 20 về phát triển khoa học và công nghệ có những quan điểm chỉ đạo nào?", number: "20-NQ/TW" },
  { q: "Nghị quyết số 20-NQ/TW được ban hành tại hội nghị nào?", number: "20-NQ/TW" },
  { q: "Quyết định 2597/QĐ-TTg phê duyệt đề án gì?", number: "2597/QĐ-TTg" },
  { q: "Quyết định 2597/QĐ-TTg giao Bộ Xây dựng nhiệm vụ gì?", number: "2597/QĐ-TTg" },
  { q: "Ai ký Quyết định 2597/QĐ-TTg?", number: "2597/QĐ-TTg" },
];

export interface ScaleBuildResult {
  documents: number;
  centralDocuments: number;
  localities: number;
  chunks: number;
  textBytes: number;
  chunkTextBytes: number;
  parseMs: number;
  buildIndexMs: number;
  totalMs: number;
  ingestDocsPerSec: number;
  /** The store's files (index.bin, records.bin, meta.json, manifest.json), per byte of chunk text. */
  indexBytesPerTextByte: number;
  /** The whole version folder, with the copy of the parsed documents the store keeps, per byte of chunk text. */
  versionBytesPerTextByte: number;
  versionFiles: Record<string, number>;
  method: string;
}

export async function build(args: { documents: number; dir: string }): Promise<ScaleBuildResult> {
  const real = await loadReal(SCALE_DIRS);
  const { inputs, central, places } = synthesizeLocalities(real, args.documents, isCentralIssuer);
  const textBytes = inputs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  log(`scale: ${inputs.length} documents (${central.length} central, ${places} localities, ${(textBytes / 2 ** 20).toFixed(1)} MB of text)`);
  // Warm-up (JIT) on the real documents, not counted.
  await buildIndex(await parseDocuments(real.map((d) => ({ text: d.text, file: d.file, meta: d.meta }))), embeddedTarget(join(args.dir, "..", "warm")));

  const t0 = performance.now();
  const docs = await parseDocuments(inputs);
  uniqueIds(docs);
  const t1 = performance.now();
  const kb = await buildIndex(docs, embeddedTarget(args.dir));
  const t2 = performance.now();

  const version = (await readFile(join(args.dir, "CURRENT"), "utf8")).trim();
  const versionFiles: Record<string, number> = {};
  for (const name of await readdir(join(args.dir, version))) versionFiles[name] = (await stat(join(args.dir, version, name))).size;
  const storeBytes = ["index.bin", "records.bin", "meta.json", "manifest.json"].reduce((s, f) => s + (versionFiles[f] ?? 0), 0);
  const versionBytes = Object.values(versionFiles).reduce((s, b) => s + b, 0);
  const chunkTextBytes = kb.chunks.reduce((s, c) => s + Buffer.byteLength(c.payload.text), 0);
  const out: ScaleBuildResult = {
    documents: docs.length,
    centralDocuments: central.length,
    localities: places,
    chunks: kb.chunkCount,
    textBytes,
    chunkTextBytes,
    parseMs: Math.round(t1 - t0),
    buildIndexMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    ingestDocsPerSec: round((docs.length / (t2 - t0)) * 1000, 1),
    indexBytesPerTextByte: round(storeBytes / chunkTextBytes, 2),
    versionBytesPerTextByte: round(versionBytes / chunkTextBytes, 2),
    versionFiles,
    method: LOCALITIES_METHOD,
  };
  log(`scale: ingest ${out.totalMs} ms (parse ${out.parseMs}, buildIndex ${out.buildIndexMs}) → ${out.ingestDocsPerSec} docs/s; index ${out.indexBytesPerTextByte}× the chunk text (version folder ${out.versionBytesPerTextByte}×)`);
  return out;
}

export interface ScaleAskResult {
  openMs: number;
  rssMB: number;
  questions: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The first question, asked right after openAssistant returned (what is built on first use is paid here). */
  firstMs: number;
  /** Central questions whose first citation is the central document asked about, and how many were asked. */
  centralFirst: number;
  centralAsked: number;
  /** Per central question: the numbers cited, in order (what to look at when centralFirst < 1). */
  centralCited: { q: string; want: string; cited: (string | null)[] }[];
}

function configFor(dir: string) {
  return parseConfig({ DATA_DIR: resolve(dir, ".."), CORPUS_DIRS: SCALE_DIRS.map((d) => resolve(ROOT, d)).join(",") });
}

export async function ask(args: { dir: string; rounds: number }): Promise<ScaleAskResult> {
  const t0 = performance.now();
  const assistant = await openAssistant(configFor(args.dir), silentLogger, { indexDir: args.dir, buildIfMissing: false });
  const openMs = performance.now() - t0;
  const { rssMB } = memory();
  log(`scale: openAssistant ${Math.round(openMs)} ms, rss ${rssMB} MB`);

  // The shared questions, the same questions asked of one of the corpus's own localities, and the central ones.
  const localities = assistant.localities?.() ?? [];
  const shared = loadSharedQuestions().map((q) => q.q);
  const localized = shared.slice(0, 10).map((q, i) => `${q} (${localities[(i * 37) % Math.max(1, localities.length)]?.name ?? ""})`);
  const questions = [...shared, ...localized, ...CENTRAL_QUESTIONS.map((c) => c.q)];

  const centralCited: ScaleAskResult["centralCited"] = [];
  let firstMs: number | null = null;
  for (const c of CENTRAL_QUESTIONS) {
    const a = performance.now();
    const r = await assistant.ask(c.q);
    firstMs ??= performance.now() - a;
    centralCited.push({ q: c.q, want: c.number, cited: r.citations.map((x) => x.number) });
  }
  const centralFirst = centralCited.filter((c) => c.cited[0] === c.want).length;

  const times: number[] = [];
  for (let round = 0; round < args.rounds; round++) {
    for (const q of questions) {
      const a = performance.now();
      await assistant.ask(q);
      times.push(performance.now() - a);
    }
  }
  const out: ScaleAskResult = {
    openMs: Math.round(openMs),
    rssMB,
    questions: questions.length,
    samples: times.length,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(Math.max(...times)),
    firstMs: round(firstMs ?? 0),
    centralFirst: round(centralFirst / CENTRAL_QUESTIONS.length, 2),
    centralAsked: CENTRAL_QUESTIONS.length,
    centralCited,
  };
  log(`scale: first question ${out.firstMs} ms; ask p50 ${out.p50Ms} ms, p95 ${out.p95Ms} ms, max ${out.maxMs} ms over ${out.samples}; central document cited first ${centralFirst}/${CENTRAL_QUESTIONS.length}`);
  return out;
}

export interface ScaleQuizResult {
  /** Wall time of the bank built as the bot builds it (worker threads), from the call to the merged bank. */
  quizBankMs: number;
  items: number;
  threads: number;
  /** CPU time of the process (main thread and workers) during the build. */
  cpuMs: number;
  /** Longest gap between two ticks of a 10 ms timer on the main thread while the bank was built. */
  maxEventLoopStallMs: number;
  method: string;
}

export async function quiz(args: { dir: string }): Promise<ScaleQuizResult> {
  const assistant = await openAssistant(configFor(args.dir), silentLogger, { indexDir: args.dir, buildIfMissing: false });
  const kb = assistant.knowledge();
  const banks = new QuizBanks();
  const { result: bank, wallMs: quizBankMs, cpuMs, maxStallMs } = await timedOffLoop(() => banks.bankFor(kb));
  banks.close();
  const out: ScaleQuizResult = {
    quizBankMs,
    items: bank.items.length,
    threads: banks.threads,
    cpuMs,
    maxEventLoopStallMs: maxStallMs,
    method: "src/quiz/build.ts QuizBanks.bankFor, as the bot builds the bank: worker threads, cold (worker start-up counted)",
  };
  log(`scale: quiz bank of ${kb.documents.length} documents in ${quizBankMs} ms (CPU ${out.cpuMs} ms, ${out.threads} worker threads, ${bank.items.length} items); longest event-loop stall ${out.maxEventLoopStallMs} ms`);
  return out;
}
