/**
 * `npm run ask -- "câu hỏi" [--json] [--index DIR]` and `npm run ask -- --json --index DIR --batch FILE`
 * (FILE: JSONL with `id` and `q`; one JSON result per line, same order). stdout carries only results.
 */
import { readFile } from "node:fs/promises";
import { formatCitation } from "../assistant/cite.js";
import type { AnswerResult } from "../assistant/types.js";
import { loadConfig } from "../config.js";
import { cliLogger, openWithServices } from "../services.js";
import { UsageError, parseArgs, runCli } from "./args.js";

const USAGE = 'Cách dùng: npm run ask -- "câu hỏi" [--json] [--index DIR]\n          npm run ask -- --json --index DIR --batch FILE';

export function toJson(id: string | null, question: string, r: AnswerResult) {
  return { id, question, mode: r.mode, answer: r.answer, citations: r.citations };
}

export function toText(r: AnswerResult): string {
  const lines = [r.answer, ""];
  r.citations.forEach((c, i) => lines.push(`[${i + 1}] ${formatCitation(c)}`));
  if (r.seeAlso.length) {
    lines.push("Xem thêm:");
    for (const c of r.seeAlso) lines.push(`  - ${formatCitation(c)}`);
  }
  return lines.join("\n").trimEnd();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ["index", "batch"], ["json"]);
  const config = await loadConfig();
  const { assistant } = await openWithServices(config, cliLogger(config), { indexDir: args.values.get("index") });
  const json = args.flags.has("json");
  const batch = args.values.get("batch");
  if (batch) {
    const lines = (await readFile(batch, "utf8")).split("\n").filter((l) => l.trim());
    for (const [i, line] of lines.entries()) {
      let item: { id?: unknown; q?: unknown };
      try {
        item = JSON.parse(line) as { id?: unknown; q?: unknown };
      } catch {
        throw new UsageError(`${batch}: dòng ${i + 1} không phải JSON hợp lệ`);
      }
      const id = item.id === undefined ? String(i + 1) : String(item.id);
      const q = typeof item.q === "string" ? item.q : "";
      const r = await assistant.ask(q);
      process.stdout.write(`${JSON.stringify(toJson(id, q, r))}\n`);
    }
    return;
  }
  const question = args.positionals.join(" ").trim();
  if (!question) throw new UsageError("Thiếu câu hỏi.");
  const r = await assistant.ask(question);
  process.stdout.write(json ? `${JSON.stringify(toJson(null, question, r))}\n` : `${toText(r)}\n`);
}

runCli(main, USAGE);
