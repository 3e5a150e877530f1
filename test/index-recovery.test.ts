/**
 * A damaged embedded index at start-up (in-process, the real assistant): the assistant answers from the newest
 * intact version, or rebuilds from the corpus, and says so to the operator in Vietnamese.
 */
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIndex, openAssistant } from "../src/assistant/open.js";
import { parseConfig } from "../src/config.js";
import { silentLogger } from "../src/logger.js";

let data: string;
const QUESTION = "Ai ký Công văn 2018-CV/TU?";

beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), "vanban-recovery-"));
});
afterEach(() => rm(data, { recursive: true, force: true }));

const config = () => parseConfig({ CORPUS_DIRS: "corpus", DATA_DIR: data });
const index = (...parts: string[]) => join(data, "index", ...parts);
const current = async () => (await readFile(index("CURRENT"), "utf8")).trim();

async function reopen() {
  const notices: string[] = [];
  const assistant = await openAssistant(config(), silentLogger, { onRecovery: (m) => notices.push(m) });
  return { assistant, notices };
}

describe("opening a damaged index", () => {
  it("a broken meta.json: answers from the previous version and tells the operator which file", async () => {
    const first = await openAssistant(config(), silentLogger);
    await first.reload();
    await writeFile(index(await current(), "meta.json"), "{\"format\":1,");
    const { assistant, notices } = await reopen();
    expect((await assistant.ask(QUESTION)).answer).toContain("Đặng Ngọc Huy");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/Chỉ mục văn bản bị hỏng: tệp meta\.json (bị cắt cụt|không đọc được|bị hỏng)/);
    expect(notices[0]).toMatch(/\/reload/);
  });

  it("nothing intact left (pointer to nothing, no other version): rebuilds from the corpus and says so", async () => {
    await openAssistant(config(), silentLogger);
    const only = await current();
    await rm(index(only), { recursive: true });
    await writeFile(index("CURRENT"), "v999-1");
    const { assistant, notices } = await reopen();
    expect(assistant.documents()).toHaveLength(4);
    expect((await assistant.ask(QUESTION)).answer).toContain("Đặng Ngọc Huy");
    expect(notices).toEqual([expect.stringMatching(/CURRENT trỏ tới phiên bản chỉ mục v999-1 không tồn tại.*lập lại chỉ mục từ kho văn bản \(4 văn bản\)/)]);
  });

  it("a truncated documents file beside the index: restored from the version's copy", async () => {
    await openAssistant(config(), silentLogger);
    await truncate(index("documents.json"), 100);
    const { assistant, notices } = await reopen();
    expect(assistant.documents()).toHaveLength(4);
    expect(notices).toEqual([expect.stringMatching(/documents\.json.*khôi phục/)]);
    expect(JSON.parse(await readFile(index("documents.json"), "utf8")).documents).toHaveLength(4);
  });

  it("a failed rebuild leaves no temporary file beside the index", async () => {
    const assistant = await openAssistant(config(), silentLogger);
    const documents = assistant.knowledge().documents;
    const failing = { replaceAll: async () => Promise.reject(new Error("disk full")), query: async () => [], count: async () => 0 };
    await expect(buildIndex(documents, { store: failing, documentsFile: index("documents.json") })).rejects.toThrow(/disk full/);
    expect((await readdir(index())).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect((await assistant.ask(QUESTION)).mode).toBe("answer");
  });
});
