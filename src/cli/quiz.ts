/**
 * `npm run quiz -- --json -n N [--topic TOPIC] [--index DIR]`: N items of the question bank as a JSON array of
 * {question, options, correct, explanation, citation}. Without --json: in a terminal, an interactive quiz (type the
 * number of an option); piped, the questions with their answers and citations. stdout carries only the quiz; logs
 * go to stderr. `--stats` prints the bank's statistics instead (with `--topic`, the document's coverage: its parts
 * with at least one item). Items are drawn as a study session draws them: across the parts, kinds mixed.
 */
import { createInterface } from "node:readline";
import { loadConfig } from "../config.js";
import { bankFor, coverageOf } from "../quiz/bank.js";
import { answerText, renderQuestionText, rereadText } from "../quiz/render.js";
import { resolveTopic, selectItems } from "../quiz/select.js";
import { TextQuiz } from "../quiz/terminal.js";
import { toPublicItem } from "../quiz/types.js";
import { cliLogger, openWithServices } from "../services.js";
import { UsageError, parseArgs, runCli } from "./args.js";

const USAGE = "Cách dùng: npm run quiz -- [--json] [-n N] [--topic TOPIC] [--index DIR] [--stats]";

async function main(): Promise<void> {
  const argv = process.argv.slice(2).map((a) => (a === "-n" ? "--n" : a));
  const args = parseArgs(argv, ["n", "topic", "index"], ["json", "stats"]);
  const nRaw = args.values.get("n") ?? (args.positionals[0] && /^\d+$/.test(args.positionals[0]) ? args.positionals[0] : "10");
  const n = Number(nRaw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`-n cần một số nguyên dương (nhận được “${nRaw}”)`);

  const config = await loadConfig();
  const logger = cliLogger(config);
  const { assistant } = await openWithServices(config, logger, { indexDir: args.values.get("index"), generated: false });
  const kb = assistant.knowledge();
  const bank = bankFor(kb);
  logger.info({ ...bank.stats, rejected: bank.rejected.length }, "question bank built");

  const topicText = args.values.get("topic");
  const topic = topicText ? resolveTopic(kb, bank, topicText) : null;
  if (topicText && !topic) throw new UsageError(`Không có câu hỏi nào về “${topicText}”.`);
  if (args.flags.has("stats")) {
    // The topic's coverage: the parts of its document with at least one item.
    const coverage = topic?.documentId ? coverageOf(kb, topic.documentId, bank.items.filter(topic.matches)) : undefined;
    process.stdout.write(`${JSON.stringify({ ...bank.stats, rejected: bank.rejected.length, ...(coverage ? { topic: topic!.label, coverage } : {}) }, null, 2)}\n`);
    return;
  }

  if (args.flags.has("json")) {
    const items = selectItems(bank, { n, topic, seed: "cli" });
    process.stdout.write(`${JSON.stringify(items.map(toPublicItem), null, 2)}\n`);
    return;
  }

  if (process.stdin.isTTY && process.stdout.isTTY) {
    const quiz = new TextQuiz(() => kb);
    process.stdout.write(`${quiz.command(`${n}${topicText ? ` ${topicText}` : ""}`)}\n> `);
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      if (/^\/(quiz\s+stop|thoat)$/i.test(line.trim())) {
        if (quiz.running) process.stdout.write(`${quiz.command("stop")}\n`);
        break;
      }
      const out = quiz.answer(line);
      process.stdout.write(`${out ?? "Gõ số thứ tự phương án, hoặc /quiz stop để dừng."}\n`);
      if (!quiz.running) break;
      process.stdout.write("> ");
    }
    rl.close();
    return;
  }

  // Piped: a readable answer sheet.
  const items = selectItems(bank, { n, topic, seed: "cli" });
  const blocks = items.map((item, i) => `${renderQuestionText(item, i, items.length)}\n  Đáp án: ${answerText(item)}\n  Nguồn: ${rereadText(item, 300)}`);
  process.stdout.write(`${blocks.join("\n\n")}\n`);
}

runCli(main, USAGE);
