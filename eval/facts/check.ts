/**
 * How many of a careful reader's facts the parser gets: `npx tsx eval/facts/check.ts [--verbose]`.
 * The facts (eval/facts/corpus-dev.json) were written from ../shared/corpus-dev by a reader who never saw the code:
 * header fields, section paths, references with their relation, and every assignment (task-table rows and prose).
 * A development measure, not a test: the hidden checks use other documents of the same kinds.
 * `npx tsx eval/facts/check.ts [--facts FILE --docs DIR] [--verbose]` checks another set the same way.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../../src/corpus/index.js";
import type { ParsedDocument } from "../../src/domain/model.js";
import { normalizeVi } from "../../src/text/vietnamese.js";

interface FactAssignment {
  path: string;
  altPaths?: string[];
  task: string;
  lead: string | null;
  leads?: string[];
  partners?: string[];
  deadline?: string | null;
  source: "table" | "prose";
  borderline?: boolean;
}
interface Facts {
  file: string;
  docType: string;
  number: string | null;
  issuer: string;
  date: string | null;
  place: string | null;
  title: string;
  signer: { name: string; capacity: string; title: string | null } | null;
  recipients: string[];
  references: { number: string; relation: string }[];
  paths: string[];
  assignments: FactAssignment[];
}

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const norm = (s: string | null | undefined) =>
  normalizeVi(s ?? "")
    .toLowerCase()
    .replace(/[.,;:]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
const verbose = process.argv.includes("--verbose");
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function bodyMatches(ours: string, theirs: string): boolean {
  const a = norm(ours);
  const b = norm(theirs);
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

async function main(): Promise<void> {
  const facts = JSON.parse(await readFile(arg("--facts") ?? root("eval/facts/corpus-dev.json"), "utf8")) as Facts[];
  const { documents } = await loadCorpus([arg("--docs") ?? root("../shared/corpus-dev")]);
  const totals: Record<string, [number, number]> = {};
  const tally = (kind: string, ok: boolean, what: string) => {
    const t = (totals[kind] ??= [0, 0]);
    t[1]++;
    if (ok) t[0]++;
    else if (verbose) console.log(`  ✗ ${kind}: ${what}`);
  };
  for (const f of facts) {
    const d = documents.find((x) => x.file.endsWith(f.file)) as ParsedDocument;
    if (verbose) console.log(`■ ${f.file}`);
    tally("header", d.docType === f.docType, `docType ${d.docType} ≠ ${f.docType}`);
    tally("header", d.number === f.number, `number ${d.number} ≠ ${f.number}`);
    tally("header", norm(d.issuer) === norm(f.issuer), `issuer ${d.issuer} ≠ ${f.issuer}`);
    tally("header", d.date === f.date, `date ${d.date} ≠ ${f.date}`);
    tally("header", norm(d.place) === norm(f.place), `place ${d.place} ≠ ${f.place}`);
    tally("header", norm(d.title) === norm(f.title), `title ${d.title} ≠ ${f.title}`);
    tally("signer", norm(d.signer?.name) === norm(f.signer?.name), `signer ${d.signer?.name} ≠ ${f.signer?.name}`);
    // A facts file may give only some fields (name and title of the signer, no recipients): what it gives is checked.
    if (f.signer && "capacity" in f.signer) tally("signer", norm(d.signer?.capacity) === norm(f.signer?.capacity), `capacity ${d.signer?.capacity} ≠ ${f.signer?.capacity}`);
    tally("signer", norm(d.signer?.title) === norm(f.signer?.title), `title ${d.signer?.title} ≠ ${f.signer?.title}`);
    const recipients = new Set(d.recipients.map(norm));
    for (const r of f.recipients ?? []) tally("recipients", recipients.has(norm(r)), `recipient ${r}`);
    for (const r of f.references ?? []) {
      const ours = d.references.find((x) => norm(x.number) === norm(r.number));
      tally("references", Boolean(ours), `missing ${r.number}`);
      if (ours) tally("relations", ours.relation === r.relation, `${r.number} ${ours.relation} ≠ ${r.relation}`);
    }
    const paths = new Set(d.sections.map((s) => s.path));
    for (const p of f.paths ?? []) tally("paths", paths.has(p), `path ${p}`);
    for (const a0 of (f.assignments ?? []).filter((x) => !x.borderline)) {
      // Readers write the path as "path" or "section", and may leave out where the row comes from (a table's rows
      // are an appendix's).
      const path = a0.path ?? (a0 as { section?: string }).section ?? "";
      const a = { ...a0, path, source: a0.source ?? (path.startsWith("Phụ lục") ? "table" : "prose") };
      const where = [a.path, ...(a.altPaths ?? [])];
      const leads = a.leads?.length ? a.leads : a.lead ? [a.lead] : [];
      const rows = d.assignments.filter((x) => where.includes(x.section));
      const kind = a.source === "table" ? "table rows" : "prose rows";
      const found = leads.every((l) => rows.some((x) => bodyMatches(x.assignee, l) || x.partners.some((p) => bodyMatches(p, l))));
      tally(kind, rows.length > 0 && found, `${a.path} ${leads.join("; ")} — ours: ${rows.map((r) => r.assignee).join("; ") || "none"}`);
      if (a.source === "table" && found) {
        const row = rows.find((x) => leads.some((l) => bodyMatches(x.assignee, l)));
        if (row) {
          tally("table deadlines", norm(row.deadline) === norm(a.deadline ?? null), `${a.path} deadline ${row.deadline} ≠ ${a.deadline}`);
          const theirs = new Set((a.partners ?? []).map(norm));
          const ours = new Set(row.partners.map(norm));
          tally("table partners", theirs.size === ours.size && [...theirs].every((p) => ours.has(p)), `${a.path} partners ${[...ours].join("; ")} ≠ ${[...theirs].join("; ")}`);
        }
      }
    }
  }
  let ok = 0;
  let all = 0;
  for (const [kind, [a, b]] of Object.entries(totals)) {
    console.log(`${kind.padEnd(18)} ${a}/${b}`);
    ok += a;
    all += b;
  }
  console.log(`${"all".padEnd(18)} ${ok}/${all} = ${((100 * ok) / all).toFixed(1)}%`);
}

void main();
