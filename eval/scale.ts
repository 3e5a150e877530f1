/**
 * The question sets asked of a many-localities corpus (issue 11's hidden check, emulated): N documents made from the
 * real ones (bench/lib/synth.ts, as the bench's scale phase makes them), the real local ones and every set's documents
 * (eval/sets/<set>/docs), indexed together; hit@3, contains and negatives per set, matched as ../shared/eval/score.mjs matches.
 *   npx tsx eval/scale.ts 2000 eval/sets/nghean/questions.jsonl ../shared/eval/questions.jsonl eval/questions/dev.jsonl
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAssistant } from "../src/assistant/assistant.js";
import { buildIndex, embeddedTarget } from "../src/assistant/open.js";
import { uniqueIds } from "../src/corpus/index.js";
import { parseDocuments } from "../src/corpus/parse.js";
import { isCentralIssuer } from "../src/domain/vocabulary.js";
import { silentLogger } from "../src/logger.js";
import { loadReal } from "../bench/lib/real.js";
import { synthesizeLocalities } from "../bench/lib/synth.js";

const N = Number(process.argv[2] ?? 2000);
const real = await loadReal(["corpus", "../shared/corpus-extra", "../shared/corpus-dev"]);
const { inputs } = synthesizeLocalities(real, N, isCentralIssuer);
// Every set's documents (eval/sets/<set>/docs), whichever sets are asked: the hidden check's corpus holds them all.
const setDirs = (await readdir("eval/sets", { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => `eval/sets/${e.name}/docs`);
const extra = await loadReal(setDirs.sort());
const all = [...inputs, ...real.filter((d) => !isCentralIssuer(d.parsed.issuer)).map((d) => ({ text: d.text, file: d.file, meta: d.meta })), ...extra.map((d) => ({ text: d.text, file: d.file, meta: d.meta }))];
const t0 = Date.now();
const docs = await parseDocuments(all);
uniqueIds(docs);
const indexDir = await mkdtemp(join(tmpdir(), "scale-eval-"));
const target = embeddedTarget(indexDir);
const kb = await buildIndex(docs, target);
process.stderr.write(`${docs.length} documents indexed in ${Date.now() - t0} ms\n`);
const a = createAssistant({ knowledge: kb, store: target.store, logger: silentLogger });
const norm = (s: string | null | undefined) => (s ?? "").normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
const hasPhrase = (text: string, phrase: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}($|[^\\p{L}\\p{N}])`, "u").test(text);
const label = (c: any) => norm([c.docType, c.number, c.issuer, c.place, c.title].filter(Boolean).join(" | "));
const matches = (c: any, g: any) => g.doc.every((t: string) => label(c).includes(norm(t))) && (g.section == null || c.section === g.section || (g.section !== "" && String(c.section ?? "").startsWith(g.section + ".")));
for (const set of process.argv.slice(3)) {
  const qs = (await readFile(set, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l));
  let hits = 0, scored = 0, cOk = 0, cN = 0, nOk = 0, nN = 0;
  const times: number[] = [];
  const bad: string[] = [];
  for (const q of qs) {
    const t = Date.now();
    const r = await a.ask(q.q);
    times.push(Date.now() - t);
    if (q.expect === "not_found" || (q.gold.length === 0 && (q.contains ?? []).length === 0)) {
      nN++;
      if (r.mode === "not_found") nOk++; else bad.push(`NEG ${q.id}`);
      continue;
    }
    if (q.gold.length) {
      scored++;
      const rank = r.citations.findIndex((c) => q.gold.some((g: any) => matches(c, g)));
      if (rank >= 0 && rank < 3) hits++; else bad.push(`HIT ${q.id} ${r.citations.slice(0, 3).map((c) => `${c.number ?? c.issuer}|${c.section}`).join("; ")}`);
    }
    if (q.contains?.length) {
      cN++;
      if (q.contains.every((alts: string[]) => alts.some((x) => hasPhrase(norm(r.answer), norm(x))))) cOk++;
    }
  }
  times.sort((x, y) => x - y);
  console.log(JSON.stringify({ set, hit3: `${hits}/${scored}`, contains: `${cOk}/${cN}`, negatives: `${nOk}/${nN}`, p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] }));
  for (const b of bad.slice(0, Number(process.env.SHOW_FAILS ?? 12))) console.log("   ", b.slice(0, 200));
}
// The index is 130 MB at 2,000 documents: kept only when asked (KEEP_INDEX=1, to profile it), named on stderr.
if (process.env.KEEP_INDEX) process.stderr.write(`index kept in ${indexDir}\n`);
else await rm(indexDir, { recursive: true, force: true });
