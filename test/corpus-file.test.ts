/**
 * The corpus file beside the index (format 3): documents read back as they were written, sections and assignments
 * parsed on first read; a damaged file is refused rather than read wrong; earlier formats still read.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex, embeddedTarget, parseCorpusFile, readCorpusFile } from "../src/assistant/open.js";
import { uniqueIds } from "../src/corpus/index.js";
import { parseDocument } from "../src/parser/index.js";

const FILES = ["corpus/000_22267c68cf188df5.txt", "corpus/004_a95fb1284217b662.txt", "../shared/corpus-extra/ket-luan-69-KL-TW.md"];
const documents = () => {
  const docs = FILES.map((f) => parseDocument(readFileSync(f, "utf8"), f));
  uniqueIds(docs);
  return docs;
};

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vanban-corpusfile-"));
  const target = embeddedTarget(join(dir, "index"));
  await buildIndex(documents(), target);
  file = target.documentsFile;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the corpus file", () => {
  it("gives back the documents as written, keys in their order, sections and assignments included", async () => {
    const saved = (await readCorpusFile(file))!;
    const byId = new Map(documents().map((d) => [d.id, d]));
    expect(saved.documents).toHaveLength(FILES.length);
    for (const doc of saved.documents) {
      const original = byId.get(doc.id)!;
      expect(JSON.stringify(doc)).toBe(JSON.stringify(original));
      expect(doc.sections.length).toBeGreaterThan(0);
    }
    expect(saved.chunks && Object.keys(saved.chunks).sort()).toEqual([...byId.keys()].sort());
    // Replaced like a plain field.
    const doc = (await readCorpusFile(file))!.documents[0]!;
    doc.sections = [];
    expect(doc.sections).toEqual([]);
  });

  it("a file cut short or with a damaged byte after its first line is refused", async () => {
    const content = await readFile(file);
    expect(parseCorpusFile(content.subarray(0, content.length - 10))).toBeNull();
    const damaged = Buffer.from(content);
    damaged[damaged.length - 5]! ^= 0x20;
    expect(parseCorpusFile(damaged)).toBeNull();
  });

  it("reads format 2 (one JSON object, even written with line breaks) and the first layout (an array)", async () => {
    const docs = JSON.parse(JSON.stringify((await readCorpusFile(file))!.documents)) as unknown[];
    expect(parseCorpusFile(JSON.stringify({ version: 2, documents: docs }, null, 1))?.documents).toEqual(docs);
    expect(parseCorpusFile(JSON.stringify(docs))?.documents).toEqual(docs);
  });
});
