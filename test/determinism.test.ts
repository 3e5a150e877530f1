/**
 * The order documents are ingested in changes nothing a cadre sees: the same corpus loaded forwards and in reverse
 * gives the same answers (every field of the JSON `ask --json` prints), the same chain and the same assignments.
 * Equal scores are broken by stable keys (chunk ids, document ids), never by where a file happened to come.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../src/assistant/assistant.js";
import { buildIndex, embeddedTarget } from "../src/assistant/open.js";
import type { Assistant } from "../src/assistant/types.js";
import { loadCorpus } from "../src/corpus/index.js";
import type { ParsedDocument } from "../src/domain/model.js";
import { createLogger } from "../src/logger.js";

const DIRS = ["corpus", "../shared/corpus-extra", "../shared/corpus-dev"];

/** The shared evaluation questions, and ten more over the state documents and the chain. */
const QUESTIONS = [
  ...readFileSync("../shared/eval/questions.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q),
  "Ai chủ trì việc tuyên truyền?",
  "Kế hoạch 144/KH-UBND do ai ký?",
  "Quyết định 2597/QĐ-TTg phê duyệt đề án gì?",
  "Hà Nội triển khai hạ tầng 5G như thế nào?",
  "Những văn bản nào thực hiện Nghị quyết 57-NQ/TW?",
  "Sở Khoa học và Công nghệ được giao nhiệm vụ gì?",
  "Thời hạn hoàn thành các nhiệm vụ chuyển đổi số là khi nào?",
  "chia se du lieu giua cac co quan dang",
  "Có bao nhiêu văn bản thực hiện Kết luận 69?",
  "Nghị quyết 20 ban hành ngày nào?",
];

const logger = createLogger({ level: "silent" });
const dirs: string[] = [];

async function assistantOver(documents: ParsedDocument[]): Promise<Assistant> {
  const dir = await mkdtemp(join(tmpdir(), "vanban-order-"));
  dirs.push(dir);
  const target = embeddedTarget(dir);
  const knowledge = await buildIndex(documents, target);
  return createAssistant({ knowledge, store: target.store, logger });
}

let forwards: Assistant;
let reversed: Assistant;

beforeAll(async () => {
  const first = await loadCorpus(DIRS, { metadataDir: "metadata" });
  // The other order: folders listed the other way round, then every document reversed.
  const second = await loadCorpus([...DIRS].reverse(), { metadataDir: "metadata" });
  expect(second.documents.map((d) => d.id)).not.toEqual(first.documents.map((d) => d.id));
  forwards = await assistantOver(first.documents);
  reversed = await assistantOver(second.documents.reverse());
}, 120_000);

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("ingest order", () => {
  it(`gives identical answers to ${QUESTIONS.length} questions`, async () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
    for (const q of QUESTIONS) {
      const [a, b] = [await forwards.ask(q), await reversed.ask(q)];
      expect({ q, answer: JSON.stringify(b) }).toEqual({ q, answer: JSON.stringify(a) });
    }
  });

  it("gives the same chain, assignments and document list", () => {
    expect(JSON.stringify(reversed.chain())).toBe(JSON.stringify(forwards.chain()));
    expect(JSON.stringify(reversed.chain("69-KL/TW"))).toBe(JSON.stringify(forwards.chain("69-KL/TW")));
    expect(JSON.stringify(reversed.chain("57-NQ/TW"))).toBe(JSON.stringify(forwards.chain("57-NQ/TW")));
    expect(JSON.stringify(reversed.assignments("Ban Tuyên giáo"))).toBe(JSON.stringify(forwards.assignments("Ban Tuyên giáo")));
    expect(JSON.stringify(reversed.documents())).toBe(JSON.stringify(forwards.documents()));
    expect(JSON.stringify(reversed.localities?.())).toBe(JSON.stringify(forwards.localities?.()));
  });
});
