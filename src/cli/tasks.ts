/**
 * `npm run --silent tasks -- [PATH...] [--body NAME] [--document SỐ] [--xlsx FILE | --docx FILE | --json]`: the task
 * register of the documents at PATH (default CORPUS_DIRS) — every assignment with its lead, partners, deadline,
 * product and report-to — for one body or one document if asked, as a table in the terminal, a JSON array, or an
 * .xlsx / .docx table in the layout units paste into their reports.
 * stdout carries only the output; logs and rejected files go to stderr.
 */
import { writeFile } from "node:fs/promises";
import { loadConfig } from "../config.js";
import { loadCorpus } from "../corpus/index.js";
import { createLogger } from "../logger.js";
import { exportDocx, exportXlsx, exportRows, type ExportTitle } from "../tasks/export.js";
import { taskJson } from "../tasks/json.js";
import { buildRegister, type TaskMatch } from "../tasks/register.js";
import { parseArgs, runCli, UsageError } from "./args.js";

const USAGE =
  "Cách dùng: npm run --silent tasks -- [PATH...] [--body \"tên cơ quan\"] [--document số-hiệu] [--xlsx TỆP | --docx TỆP | --json]\n" +
  "  PATH: tệp hoặc thư mục văn bản (mặc định: CORPUS_DIRS)\n" +
  "  --body: chỉ các nhiệm vụ cơ quan này chủ trì, phối hợp hoặc nhận báo cáo (viết tắt, không dấu đều được)\n" +
  "  --document: chỉ các nhiệm vụ của văn bản này (số hiệu, ví dụ 552/KH-UBND hoặc \"KH 552\")";

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ["body", "document", "xlsx", "docx"], ["json"]);
  const outputs = ["json", "xlsx", "docx"].filter((k) => args.flags.has(k) || args.values.has(k));
  if (outputs.length > 1) throw new UsageError(`Chỉ chọn một trong --json, --xlsx, --docx (đang có: ${outputs.map((o) => `--${o}`).join(", ")})`);
  for (const flag of args.flags) if (!["json"].includes(flag)) throw new UsageError(`Không có tùy chọn --${flag}`);

  const config = await loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, destination: "stderr" });
  const paths = args.positionals.length ? args.positionals : config.CORPUS_DIRS;
  const { documents, rejected } = await loadCorpus(paths, { metadataDir: config.METADATA_DIR, logger });
  for (const r of rejected) process.stderr.write(`Bỏ qua ${r.file}: ${r.reason}\n`);
  const register = buildRegister(documents);

  const body = args.values.get("body");
  const documentArg = args.values.get("document");
  let documentIds: string[] | undefined;
  if (documentArg) {
    const found = register.findDocuments(documentArg);
    if (!found.length) throw new UsageError(`Không tìm thấy văn bản “${documentArg}” trong ${paths.join(", ")}`);
    documentIds = found.map((d) => d.id);
  }
  const matches: TaskMatch[] = register.query({ body, documentIds });
  if (body && !matches.length) process.stderr.write(`Không có nhiệm vụ nào giao cho “${body}”.\n`);

  const title: ExportTitle = {
    subject: body ? (register.bodiesNamed(body)[0]?.name ?? body) : documentIds ? register.documents.find((d) => d.id === documentIds![0])!.title : null,
    documents: documentIds ? register.documents.filter((d) => documentIds!.includes(d.id)) : [],
  };
  if (args.flags.has("json")) {
    process.stdout.write(`${JSON.stringify(matches.map(taskJson), null, 2)}\n`);
  } else if (args.values.has("xlsx")) {
    await writeFile(args.values.get("xlsx")!, await exportXlsx(matches, title));
    process.stderr.write(`Đã ghi ${matches.length} nhiệm vụ vào ${args.values.get("xlsx")}\n`);
  } else if (args.values.has("docx")) {
    await writeFile(args.values.get("docx")!, await exportDocx(matches, title));
    process.stderr.write(`Đã ghi ${matches.length} nhiệm vụ vào ${args.values.get("docx")}\n`);
  } else {
    const lines = exportRows(matches).map((r) => `${r.stt}. [${r.document}, ${r.section}] ${r.task}\n   Chủ trì: ${r.lead || "—"} | Phối hợp: ${r.partners || "—"} | Thời hạn: ${r.deadline || "—"}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (!documents.length && rejected.length) process.exitCode = 1;
}

runCli(main, USAGE);
