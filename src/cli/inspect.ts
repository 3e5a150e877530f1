/**
 * `npm run --silent inspect -- PATH... [--json]`: what the parser understands of each document.
 * stdout carries only the output (one JSON array with --json); logs and rejections go to stderr.
 */
import { loadConfig } from "../config.js";
import { loadCorpus } from "../corpus/index.js";
import type { ParsedDocument } from "../domain/model.js";
import { displayDate } from "../domain/numbers.js";
import { headerGaps } from "../parser/quality.js";
import { createLogger } from "../logger.js";
import { parseArgs, runCli } from "./args.js";

const USAGE = "Cách dùng: npm run --silent inspect -- [PATH...] [--json]";

export function toInspectJson(doc: ParsedDocument) {
  return {
    id: doc.id,
    file: doc.file,
    docType: doc.docType,
    number: doc.number,
    issuer: doc.issuer,
    place: doc.place,
    date: doc.date,
    title: doc.title,
    signer: doc.signer,
    /** A web page's byline (news), added in issue 11; absent from official texts. */
    ...(doc.author ? { author: doc.author } : {}),
    recipients: doc.recipients,
    /** A law library's page: what the site says of the text (status, day of effect, fields); absent otherwise. */
    ...(doc.site ? { site: doc.site } : {}),
    sections: doc.sections.map((s) => ({ path: s.path, title: s.title, text: s.text })),
    references: doc.references.map((r) => ({ number: r.number, docType: r.docType, date: r.date, issuer: r.issuer, relation: r.relation })),
    assignments: doc.assignments,
    /** Chain edges between documents the text names ("A về thực hiện B"). */
    links: doc.links,
    /** What the parser could not find (number, issuer, date, signer…), in Vietnamese; empty when all is there. */
    warnings: headerGaps(doc),
  };
}

export function summarize(doc: ParsedDocument): string {
  const lines: string[] = [];
  const num = doc.number ? `số ${doc.number}` : "(không số)";
  const date = doc.date ? ` ngày ${displayDate(doc.date)}` : "";
  lines.push(`■ ${doc.docType} ${num}${date} của ${doc.issuer || "(không rõ cơ quan ban hành)"}${doc.place ? ` — ${doc.place}` : ""}`);
  if (doc.title) lines.push(`  Trích yếu: ${doc.title}`);
  for (const gap of headerGaps(doc)) lines.push(`  ⚠ ${gap}`);
  if (doc.author) lines.push(`  Tác giả: ${doc.author}`);
  if (doc.site) {
    const said = [doc.site.status, doc.site.effective, doc.site.fields].filter((f) => f !== null).map((f) => f.said.replace(/\s*\|\s*/g, " "));
    lines.push(`  Trang ${doc.site.name ?? "tra cứu"} ghi: ${said.join("; ")}`);
  }
  if (doc.signer) lines.push(`  Ký: ${[doc.signer.capacity, doc.signer.title, doc.signer.name].filter(Boolean).join(" — ")}`);
  const impl = doc.references.filter((r) => r.relation === "implements");
  if (impl.length) lines.push(`  Thực hiện: ${impl.map((r) => `${r.docType ?? ""} ${r.number}`.trim()).join("; ")}`);
  const men = doc.references.filter((r) => r.relation === "mentions");
  if (men.length) lines.push(`  Có nhắc đến: ${men.map((r) => r.number).join(", ")}`);
  lines.push(`  Mục: ${doc.sections.map((s) => s.path || "(mở đầu)").join(", ")}`);
  if (doc.assignments.length) {
    lines.push("  Phân công:");
    for (const a of doc.assignments) {
      const extra = [a.partners.length ? `phối hợp với: ${a.partners.join(", ")}` : "", a.reportTo ? `báo cáo: ${a.reportTo}` : "", a.deadline ? `thời hạn: ${a.deadline}` : ""]
        .filter(Boolean)
        .join("; ");
      lines.push(`   - [mục ${a.section}] ${a.assignee} (${a.role})${extra ? ` — ${extra}` : ""}${a.product ? `; sản phẩm: ${a.product}` : ""}`);
    }
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), [], ["json"]);
  const config = await loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, destination: "stderr" });
  const paths = args.positionals.length ? args.positionals : config.CORPUS_DIRS;
  const { documents, rejected } = await loadCorpus(paths, { metadataDir: config.METADATA_DIR, logger });
  for (const r of rejected) process.stderr.write(`Bỏ qua ${r.file}: ${r.reason}\n`);
  if (args.flags.has("json")) {
    process.stdout.write(`${JSON.stringify(documents.map(toInspectJson), null, 2)}\n`);
  } else {
    process.stdout.write(`${documents.map(summarize).join("\n\n")}\n`);
  }
  if (!documents.length && rejected.length) process.exitCode = 1;
}

runCli(main, USAGE);
