/**
 * The terminal chat (`npm run chat`): the same assistant, commands and wording as the Telegram bot, as plain text.
 * Reads lines from stdin (a TTY or a pipe), answers each before reading the next, exits at end of input or /thoat.
 * There are no buttons: "/xem 2" shows the full section of source [2] of the last answer.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { AnswerRecord } from "./storage/index.js";
import type { Assistant, Turn } from "../assistant/types.js";
import { ConfigError, loadConfig } from "../config.js";
import { checkDataDir, StartupError } from "../startup.js";
import { createLogger } from "../logger.js";
import type { OpenAssistant } from "./app.js";
import { renderAnswer, renderSection, renderSources, sourcesOf } from "./format/answer.js";
import { htmlToText } from "./format/html.js";
import { renderAssignments, renderChain, renderDocuments } from "./format/lists.js";
import { HISTORY_TURNS, MAX_QUESTION_CHARS } from "./features/ask.js";
import { ASSIGNMENTS_USAGE } from "./features/assignments.js";
import { knowledgeOf } from "../quiz/bank.js";
import { TextQuiz } from "../quiz/terminal.js";

export const TERMINAL_HELP = `Trợ lý tra cứu chuỗi văn bản thực hiện Kết luận 69-KL/TW (trò chuyện trên terminal)
Gõ câu hỏi rồi Enter. Mỗi câu trả lời có trích dẫn [1], [2]… (loại văn bản, số hiệu, ngày, cơ quan ban hành, mục).
Ví dụ: Ai chủ trì việc tuyên truyền Kết luận 69 ở Quảng Ngãi?

Lệnh:
  /giao <cơ quan hoặc việc>   ai được giao việc gì (ví dụ: /giao Ban Tuyên giáo)
  /chuoi [số hiệu]            chuỗi văn bản (ví dụ: /chuoi 69-KL/TW; không có số hiệu: cả cây)
  /vanban                     danh sách văn bản đã nạp
  /nguon                      nguồn của câu trả lời gần nhất
  /xem <n>                    toàn văn mục được trích ở nguồn [n] của câu trả lời gần nhất
  /quiz [n] [chủ đề]          câu đố ôn tập (ví dụ: /quiz 5 KL 69); gõ số thứ tự phương án để trả lời
  /onthi [n] [chủ đề]         buổi ôn thi: hỏi khắp các phần của văn bản (ví dụ: /onthi 10 KL 69)
  /quiz stop, /diem           dừng câu đố; điểm của đồng chí
  /help                       hướng dẫn này
  /thoat                      thoát`;

export interface TerminalChatOptions {
  assistant: Assistant;
  input: Readable;
  output: Writable;
  /** Show a prompt and a greeting (a TTY); off for piped input, so output is only answers. */
  interactive?: boolean;
}

/** Run the chat until end of input. Resolves when done. */
export async function runTerminalChat({ assistant, input, output, interactive = false }: TerminalChatOptions): Promise<void> {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const write = (text: string) => output.write(`${text.trimEnd()}\n\n`);
  const prompt = () => interactive && output.write("> ");
  let turns: Turn[] = [];
  let last: Pick<AnswerRecord, "question" | "sources" | "mode"> | null = null;
  const quiz = new TextQuiz(() => knowledgeOf(assistant));

  if (interactive) write(`${TERMINAL_HELP.split("\n")[0]}\nGõ /help để xem các lệnh, /thoat để thoát.`);
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      prompt();
      continue;
    }
    // While a quiz runs, a bare number answers it.
    const answered = quiz.answer(line);
    if (answered !== null) {
      write(answered);
      prompt();
      continue;
    }
    const cmd = /^\/([a-zA-Z_]+)(?:@\S+)?\s*([\s\S]*)$/.exec(line);
    const name = cmd?.[1]?.toLowerCase();
    const arg = cmd?.[2]?.trim() ?? "";
    try {
      if (name === "thoat" || name === "exit" || name === "quit") break;
      else if (name === "help" || name === "start") write(TERMINAL_HELP);
      else if (name === "giao") {
        if (!arg) write(htmlToText(ASSIGNMENTS_USAGE));
        else {
          const groups = assistant.assignments(arg).filter((g) => g.rows.length);
          write(groups.length ? htmlToText(renderAssignments(arg, groups)) : `Không tìm thấy phân công nào khớp với “${arg}”.`);
        }
      } else if (name === "chuoi") {
        const view = assistant.chain(arg || undefined);
        write(view ? htmlToText(renderChain(view)) : `Không tìm thấy văn bản “${arg}” trong chuỗi. Thử: /chuoi 69-KL/TW, hoặc /vanban.`);
      } else if (name === "vanban") write(htmlToText(renderDocuments(assistant.documents())));
      else if (name === "nguon") {
        write(last?.sources.length ? htmlToText(renderSources(last.question, last.sources, last.mode)) : "Chưa có câu trả lời nào có nguồn.");
      } else if (name === "xem") {
        const n = Number(arg);
        const citation = last?.sources[n - 1];
        const view = citation && assistant.section(citation.documentId, citation.section);
        write(view ? htmlToText(renderSection(n, view)) : "Cách dùng: /xem <số thứ tự nguồn>, ví dụ /xem 1 (sau một câu trả lời có nguồn).");
      } else if (name === "quiz") write(quiz.command(arg));
      else if (name === "onthi") write(quiz.session(arg));
      else if (name === "diem") write(quiz.score());
      else if (name && name !== "hoi") write(`Không có lệnh /${name}. Gõ /help để xem các lệnh.`);
      else {
        const question = name === "hoi" ? arg : line;
        if (!question) write("Hãy gõ câu hỏi, ví dụ: Ai chủ trì việc tuyên truyền Kết luận 69?");
        else if (question.length > MAX_QUESTION_CHARS)
          write(`Câu hỏi dài ${question.length} ký tự, vượt quá giới hạn ${MAX_QUESTION_CHARS} ký tự. Vui lòng rút gọn.`);
        else {
          const result = await assistant.ask(question, { history: turns.slice(-HISTORY_TURNS) });
          turns = [...turns, { question, answer: result.answer }].slice(-HISTORY_TURNS);
          last = { question, sources: sourcesOf(result), mode: result.mode };
          const hint = last.sources.length ? "\n(Gõ /xem 1 để xem toàn văn mục được trích, /nguon để xem lại nguồn.)" : "";
          write(htmlToText(renderAnswer(result, question)) + hint);
        }
      }
    } catch (err) {
      write(`Xin lỗi, đã có lỗi: ${(err as Error).message}`);
    }
    prompt();
  }
  rl.close();
}

/** Entry point of `npm run chat`. */
export async function runChatMain(options: { openAssistant: OpenAssistant }): Promise<void> {
  let config;
  try {
    config = await loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  // Logs go to stderr so stdout carries only the conversation; in a terminal only warnings, unless asked for more.
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, name: "vanban-chat", destination: "stderr" });
  try {
    await checkDataDir(config.DATA_DIR);
  } catch (err) {
    process.stderr.write(`${err instanceof StartupError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  // In a terminal the operator is the reader: a recovered index is said right there.
  const assistant = await options.openAssistant(config, logger, { onRecovery: (message) => process.stderr.write(`${message}\n`) });
  await runTerminalChat({ assistant, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  // The assistant may hold open handles (HTTP keep-alive, timers): end of input is the end of the program.
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  process.exit(0);
}
