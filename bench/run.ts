/**
 * npm run bench — performance and quality figures of the assistant on this machine. Each phase runs in its own
 * process (bench/child.ts) so that one phase's garbage never counts in another's memory figures:
 *
 * 1. ingest: N synthetic documents (real documents' texts with number, locality and sentences re-drawn, see
 *    lib/synth.ts) through parseDocument → chunkDocument → indexChunks → EmbeddedStore.replaceAll; documents/s.
 * 2. build + query: 100k synthetic chunks (real sections' sentences recombined, localities/numbers/dates re-drawn,
 *    2 % of syllables resampled) indexed into EmbeddedStore; build time, size on disk; then, in a fresh process,
 *    open() time, resident memory, query latency p50/p95 over the query set (shared questions, paraphrases and
 *    no-diacritic forms).
 * 3. MiniSearch (default settings) over the same 100k chunk texts: index time, memory, p50/p95.
 * 4. Ranking quality (hit@3, MRR, negatives refused) on the real 6-document corpus: retrieve(), ask(), MiniSearch.
 * 5. Bot load (bench/bot-load.ts runBotLoad, defaults).
 * 6. Quiz bank: N synthetic documents (as in 1), the question bank built in worker threads as the bot builds it;
 *    wall time and the longest event-loop stall meanwhile.
 * 7. Scale (issue 11): a many-localities corpus of --scale-documents documents (default 2000) made from the real
 *    documents of corpus/, ../shared/corpus-extra and ../shared/corpus-dev (phases/scale.ts): ingest documents/s,
 *    index size per byte of text, then in fresh processes openAssistant time, resident memory, ask() p50/p95, the
 *    share of central questions citing the central document first, and the quiz bank build time.
 *
 * Human-readable lines go to stderr, a summary to stdout, and the last stdout line is one JSON object of all figures.
 *   npm run bench [-- --documents 2000 --chunks 100000 --rounds 5 --scale-documents 2000 --skip bot,minisearch,scale,scaleQuiz,quiz]  (phases: ingest, build, query, minisearch, quality, bot, quiz, scale, scaleQuiz)
 */
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type { BotLoadResult } from "./bot-load.js";
import type { BuildResult } from "./phases/build.js";
import type { IngestResult } from "./phases/ingest.js";
import type { MiniSearchResult } from "./phases/minisearch.js";
import type { QualityResult } from "./phases/quality.js";
import type { QueryResult } from "./phases/query.js";
import type { QuizBankResult } from "./phases/quiz.js";
import type { ScaleAskResult, ScaleBuildResult, ScaleQuizResult } from "./phases/scale.js";
import { ROOT, log } from "./lib/real.js";

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : dflt;
}

const DOCUMENTS = Number(arg("documents", "2000"));
const CHUNKS = Number(arg("chunks", "100000"));
const ROUNDS = Number(arg("rounds", "5"));
const SCALE_DOCUMENTS = Number(arg("scale-documents", "2000"));
const SKIP = new Set(arg("skip", "").split(",").filter(Boolean));

/** Run a phase in a child process (fresh heap, --expose-gc); rejects on failure or after `timeoutMs`. */
function phase<T>(name: string, args: object = {}, timeoutMs = 300_000, heapMB = 8192): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, "child.ts"), [name, JSON.stringify(args)], {
      cwd: ROOT,
      execArgv: [...process.execArgv, "--expose-gc", `--max-old-space-size=${heapMB}`],
      stdio: ["ignore", 2, "inherit", "ipc"],
    });
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill("SIGKILL");
      reject(new Error(`phase ${name} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("message", (m: { ok: boolean; result?: T; error?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (m.ok) resolve(m.result as T);
      else reject(new Error(`phase ${name} failed: ${m.error}`));
    });
    child.on("exit", (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`phase ${name} exited with code ${code} without a result`));
    });
  });
}

async function maybe<T>(name: string, fn: () => Promise<T>): Promise<T | { error: string } | null> {
  if (SKIP.has(name)) return null;
  const t = performance.now();
  try {
    const r = await fn();
    log(`[${name}] done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return r;
  } catch (err) {
    log(`[${name}] FAILED: ${(err as Error).message}`);
    return { error: (err as Error).message };
  }
}

const ok = <T extends object>(x: T | { error: string } | null): T | null => (x && !("error" in x) ? x : null);

const started = performance.now();
const work = await mkdtemp(join(tmpdir(), "vanban-bench-"));
const indexDir = join(work, "index");
const textsFile = join(work, "chunks.jsonl");
log(`bench: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; work dir ${work}`);

let ingest, build, query, minisearch, qualityRes, bot, quiz, scaleBuild, scaleAsk, scaleQuiz;
try {
  ingest = await maybe("ingest", () => phase<IngestResult>("ingest", { documents: DOCUMENTS }));
  // Analysing 100k chunks takes minutes on a loaded 2-core machine: a generous bound.
  build = await maybe("build", () => phase<BuildResult>("build", { chunks: CHUNKS, dir: indexDir, textsFile }, 1_200_000));
  const built = ok(build) !== null;
  query = built ? await maybe("query", () => phase<QueryResult>("query", { dir: indexDir, rounds: ROUNDS })) : null;
  minisearch = built ? await maybe("minisearch", () => phase<MiniSearchResult>("minisearch", { textsFile, rounds: ROUNDS })) : null;
  await rm(work, { recursive: true, force: true });
  qualityRes = await maybe("quality", () => phase<QualityResult>("quality"));
  bot = await maybe("bot", () => phase<BotLoadResult>("bot", {}, 240_000));
  quiz = await maybe("quiz", () => phase<QuizBankResult>("quiz", { documents: DOCUMENTS }, 300_000));
  const scaleDir = join(work, "scale", "index");
  scaleBuild = await maybe("scale", () => phase<ScaleBuildResult>("scale", { documents: SCALE_DOCUMENTS, dir: scaleDir }, 900_000));
  const scaled = ok(scaleBuild) !== null;
  scaleAsk = scaled ? await maybe("scale", () => phase<ScaleAskResult>("scaleAsk", { dir: scaleDir, rounds: ROUNDS }, 900_000)) : null;
  // The quiz bank is built in one pass over the corpus; a builder that is not linear yet gets a bound, and a
  // timeout is reported as such.
  scaleQuiz = scaled ? await maybe("scaleQuiz", () => phase<ScaleQuizResult>("scaleQuiz", { dir: scaleDir }, 300_000)) : null;
} finally {
  await rm(work, { recursive: true, force: true });
}

const I = ok(ingest);
const B = ok(build);
const Q = ok(query);
const M = ok(minisearch);
const QL = ok(qualityRes);
const BOT = ok(bot);
const QZ = ok(quiz);
const SB = ok(scaleBuild);
const SA = ok(scaleAsk);
const SQ = ok(scaleQuiz);

const target = (value: number | undefined, limit: number, higherIsBetter: boolean) =>
  value === undefined ? null : { value, target: limit, met: higherIsBetter ? value >= limit : value <= limit };
const targets = {
  ingestDocsPerSec: target(I?.docsPerSec, 200, true),
  loadMs: target(Q?.loadMs, 300, false),
  rssAfterLoadMB: target(Q?.rssAfterLoadMB, 400, false),
  queryP95Ms: target(Q?.p95Ms, 5, false),
  indexBytesPerTextByte: target(B?.indexBytesPerTextByte, 2, false),
  scaleIngestDocsPerSec: target(SB?.ingestDocsPerSec, 400, true),
  scaleQuizBankMs: target(SQ?.quizBankMs, 10_000, false),
  scaleCentralFirst: target(SA?.centralFirst, 1, true),
  botQps: target(BOT?.qps, 50, true),
  botP95Ms: target(BOT?.p95, 500, false),
  botLost: target(BOT?.lost, 0, false),
  quizBankMs: target(QZ?.bankMs, 10_000, false),
};

const out = {
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? null, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  synthetic: {
    ingest: "each document = a real document's text with its own number re-drawn, its locality replaced (also in capitals), ~35% of the sentences of long paragraphs replaced by sentences of the other real documents, 20% of those paragraphs shuffled, dates re-drawn",
    chunks: "synthetic documents follow a random real document (type, issuer pattern, section tree, heading paths); each chunk's text = sentences of the real sections (half from the same document) up to the real chunk's length ±30%, localities/document numbers/dates re-drawn per document, 2% of syllables resampled from the corpus's syllable stream",
  },
  ingest: ingest ?? null,
  index100k: { build: build ?? null, load: query ?? null },
  minisearch: minisearch ?? null,
  quality: qualityRes ?? null,
  botLoad: bot ?? null,
  quizBank: quiz ?? null,
  scale:
    SB || SA || SQ
      ? {
          documents: SB?.documents ?? null,
          ingestDocsPerSec: SB?.ingestDocsPerSec ?? null,
          indexBytesPerTextByte: SB?.indexBytesPerTextByte ?? null,
          openMs: SA?.openMs ?? null,
          rssMB: SA?.rssMB ?? null,
          p50Ms: SA?.p50Ms ?? null,
          p95Ms: SA?.p95Ms ?? null,
          quizBankMs: SQ?.quizBankMs ?? null,
          centralFirst: SA?.centralFirst ?? null,
          build: scaleBuild ?? null,
          ask: scaleAsk ?? null,
          quiz: scaleQuiz ?? null,
        }
      : null,
  targets,
  durationMs: Math.round(performance.now() - started),
};

const f = (x: unknown) => (x === undefined || x === null ? "n/a" : String(x));
const mark = (t: { met: boolean } | null) => (t ? (t.met ? "ok" : "MISSED") : "n/a");
const lines = [
  "",
  `== vanban bench (${out.machine.cores} cores, node ${out.machine.node}) ==`,
  `ingest        ${f(I?.documents)} docs, ${f(I?.chunks)} chunks in ${f(I?.totalMs)} ms → ${f(I?.docsPerSec)} docs/s [target ≥ 200: ${mark(targets.ingestDocsPerSec)}]`,
  `              parse ${f(I?.parseMs)} ms, chunk ${f(I?.chunkMs)} ms, indexChunks ${f(I?.indexChunksMs)} ms, replaceAll ${f(I?.replaceAllMs)} ms; + Knowledge ${f(I?.knowledgeMs)} ms → ${f(I?.docsPerSecWithKnowledge)} docs/s`,
  `100k build    ${f(B?.chunks)} chunks / ${f(B?.documents)} docs: analyze ${f(B?.analyzeMs)} ms + replaceAll ${f(B?.replaceAllMs)} ms; ${f(B?.postings)} postings, ${f(B?.distinctTerms)} terms; disk ${B ? (B.diskBytes / 2 ** 20).toFixed(1) : "n/a"} MB = ${f(B?.indexBytesPerTextByte)}× the chunk text [≤ 2: ${mark(targets.indexBytesPerTextByte)}]`,
  `100k load     open() ${f(Q?.loadMs)} ms [≤ 300: ${mark(targets.loadMs)}], rss ${f(Q?.rssAfterLoadMB)} MB [≤ 400: ${mark(targets.rssAfterLoadMB)}]`,
  `100k query    p50 ${f(Q?.p50Ms)} ms, p95 ${f(Q?.p95Ms)} ms [≤ 5: ${mark(targets.queryP95Ms)}] (store only p50 ${f(Q?.storeP50Ms)}, p95 ${f(Q?.storeP95Ms)}; first ${f(Q?.firstQueryMs)} ms)`,
  `MiniSearch    addAll ${f(M?.indexMs)} ms, rss ${f(M?.rssAfterIndexMB)} MB, p50 ${f(M?.p50Ms)} ms, p95 ${f(M?.p95Ms)} ms`,
  ...(QL
    ? (["retrieve", "ask", "minisearch"] as const).map(
        (k) =>
          `quality       ${k.padEnd(10)} hit@3 ${QL.shared[k].hitAt3}/${QL.shared[k].scored}, MRR ${QL.shared[k].mrr}, ` +
          (k === "retrieve"
            ? `negatives: retrieval never refuses (${QL.shared.retrieveZeroCandidatesOnNegatives}/${QL.shared[k].negatives} without candidates)`
            : `negatives refused ${QL.shared[k].negativesRefused}/${QL.shared[k].negatives}`) +
          ` (variants: hit@3 ${QL.variants[k].hitAt3}/${QL.variants[k].scored}, MRR ${QL.variants[k].mrr})`,
      )
    : ["quality       n/a"]),
  `bot load      ${f(BOT?.qps)} q/s [≥ 50: ${mark(targets.botQps)}], p50 ${f(BOT?.p50)} ms, p95 ${f(BOT?.p95)} ms [≤ 500: ${mark(targets.botP95Ms)}], lost ${f(BOT?.lost)} [${mark(targets.botLost)}]`,
  `quiz bank     ${f(QZ?.documents)} docs → ${f(QZ?.items)} items in ${f(QZ?.bankMs)} ms on ${f(QZ?.threads)} worker thread(s) [≤ 10000: ${mark(targets.quizBankMs)}] (CPU ${f(QZ?.cpuMs)} ms), longest event-loop stall ${f(QZ?.maxEventLoopStallMs)} ms`,
  `scale         ${f(SB?.documents)} docs (${f(SB?.centralDocuments)} central, ${f(SB?.localities)} localities), ${f(SB?.chunks)} chunks: ingest ${f(SB?.ingestDocsPerSec)} docs/s [≥ 400: ${mark(targets.scaleIngestDocsPerSec)}] (parse ${f(SB?.parseMs)} ms, buildIndex ${f(SB?.buildIndexMs)} ms); index ${f(SB?.indexBytesPerTextByte)}× its text (with the documents copy ${f(SB?.versionBytesPerTextByte)}×)`,
  `              openAssistant ${f(SA?.openMs)} ms, rss ${f(SA?.rssMB)} MB; ask p50 ${f(SA?.p50Ms)} ms, p95 ${f(SA?.p95Ms)} ms; central document cited first ${SA ? `${Math.round(SA.centralFirst * SA.centralAsked)}/${SA.centralAsked}` : "n/a"} [100%: ${mark(targets.scaleCentralFirst)}]; quiz bank ${f(SQ?.quizBankMs)} ms [≤ 10 s: ${mark(targets.scaleQuizBankMs)}]${scaleQuiz && "error" in scaleQuiz ? ` (${scaleQuiz.error})` : ""}`,
  `              (ranking = one entry per document/section, first chunk of a section stands for it; gold matching as ../shared/eval/score.mjs)`,
  `synthetic     ingest: ${out.synthetic.ingest}`,
  `              scale: ${SB?.method ?? "n/a"}`,
  `              100k: ${out.synthetic.chunks}`,
  `total         ${(out.durationMs / 1000).toFixed(1)} s`,
];
process.stdout.write(`${lines.join("\n")}\n`);
process.stdout.write(`${JSON.stringify(out)}\n`);
