/**
 * A damaged embedded index at start-up (in-process, the real assistant): the assistant answers from the newest
 * intact version, or rebuilds from the corpus, and says so to the operator in Vietnamese.
 */
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIndex, openAssistant, readCorpusFile } from "../src/assistant/open.js";
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
    expect((await readCorpusFile(index("documents.json")))?.documents).toHaveLength(4);
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

describe("the documents copy kept with the index", () => {
  it("is compressed in the version folder, with the sum of the file beside the index", async () => {
    await openAssistant(config(), silentLogger);
    const files = await readdir(index(await current()));
    expect(files).toEqual(expect.arrayContaining(["documents.json.br", "documents.json.sum"]));
    expect(files).not.toContain("documents.json");
    const beside = await readFile(index("documents.json"));
    expect(await readFile(index(await current(), "documents.json.sum"), "utf8")).toBe(`${beside.length} ${crc32(beside)}`);
  });

  it("an index written before (an uncompressed copy, no sum) still opens and answers", async () => {
    await openAssistant(config(), silentLogger);
    const v = await current();
    // The corpus file as format 2 wrote it: one JSON object.
    const saved = (await readCorpusFile(index("documents.json")))!;
    const stats = { df: [...saved.stats!.df], crossPairs: [...saved.stats!.crossPairs], words: [...saved.stats!.words] };
    const copy = Buffer.from(JSON.stringify({ version: 2, documents: saved.documents, stats, embedding: null }));
    const manifest = JSON.parse(await readFile(index(v, "manifest.json"), "utf8")) as { files: Record<string, { bytes: number; crc32: number }> };
    for (const name of ["documents.json.br", "documents.json.sum"]) {
      delete manifest.files[name];
      await rm(index(v, name));
    }
    manifest.files["documents.json"] = { bytes: copy.length, crc32: crc32(copy) };
    await writeFile(index(v, "documents.json"), copy);
    await writeFile(index(v, "manifest.json"), JSON.stringify(manifest));
    // The file beside the index damaged as well: the old copy restores it.
    await truncate(index("documents.json"), 100);
    const { assistant, notices } = await reopen();
    expect(await current()).toBe(v);
    expect(assistant.documents()).toHaveLength(4);
    expect((await assistant.ask(QUESTION)).answer).toContain("Đặng Ngọc Huy");
    expect(notices).toEqual([expect.stringMatching(/documents\.json.*khôi phục/)]);
    expect((await readFile(index("documents.json"))).equals(copy)).toBe(true);
  });
});
