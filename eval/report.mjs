#!/usr/bin/env node
// Prints the questions a scored run got wrong, with the answer and its citations: `node eval/report.mjs OUT.json QUESTIONS.jsonl`
// (OUT.json from `node ../shared/eval/score.mjs … --out OUT.json`). For reading failure classes, never for tuning to one question.
import { readFileSync } from "node:fs";
const [out, questions] = process.argv.slice(2);
const d = JSON.parse(readFileSync(out, "utf8"));
const qs = new Map(readFileSync(questions, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).map((q) => [q.id, q]));
const res = new Map(d.results.map((r) => [r.id, r]));
for (const row of d.rows) {
  const q = qs.get(row.id);
  const bad = (q.gold.length && (row.rank == null || row.rank > 3)) || row.contains === false || row.ok === false || row.badQuote;
  if (!bad) continue;
  const r = res.get(row.id);
  console.log(`## ${row.id} [${q.kind}] rank=${row.rank} contains=${row.contains} ok=${row.ok}${row.badQuote ? ` badQuote=${row.badQuote}` : ""}`);
  console.log(`Q: ${q.q}\ngold: ${JSON.stringify(q.gold)} contains: ${JSON.stringify(q.contains)}`);
  console.log(`A: ${r?.mode} ${(r?.answer ?? "").slice(0, 400).replace(/\n/g, " | ")}`);
  console.log(`cites: ${(r?.citations ?? []).slice(0, 5).map((c) => `${c.number ?? c.issuer}|${c.section}`).join("; ")}\n`);
}
