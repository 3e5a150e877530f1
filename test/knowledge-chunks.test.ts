/**
 * The assistant's chunk table at start: read from the counts the corpus file keeps (no chunking of the whole corpus),
 * the same table as chunking everything; and the mention sentences, warmed in the background or computed at once.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Knowledge } from "../src/assistant/knowledge.js";
import { uniqueIds } from "../src/corpus/index.js";
import { parseDocument } from "../src/parser/index.js";

const FILES = ["corpus/000_22267c68cf188df5.txt", "corpus/004_a95fb1284217b662.txt", "../shared/corpus-extra/nghi-quyet-20-NQ-TW.md", "../shared/corpus-extra/ket-luan-69-KL-TW.md"];
const documents = () => {
  const docs = FILES.map((f) => parseDocument(readFileSync(f, "utf8"), f));
  uniqueIds(docs);
  return docs;
};
const empty = () => ({ df: new Map<number, number>(), crossPairs: new Set<number>(), words: new Set<string>() });

describe("the chunk table", () => {
  const eager = new Knowledge(documents(), empty());

  it("from saved counts: the same chunks, found by id, as chunking every document", () => {
    const lazy = new Knowledge(documents(), empty(), { counts: eager.chunkCounts() });
    expect(lazy.chunkCount).toBe(eager.chunkCount);
    for (const c of eager.chunks) expect(lazy.chunkById.get(c.id)?.payload).toEqual(c.payload);
    expect(lazy.chunks.map((c) => c.id)).toEqual(eager.chunks.map((c) => c.id));
    expect(lazy.chunkById.get("no-such-document#meta")).toBeUndefined();
    const first = eager.documents[0]!.id;
    expect(lazy.chunksOf(first).map((c) => c.id)).toEqual(eager.chunks.filter((c) => c.payload.documentId === first).map((c) => c.id));
  });

  it("counts the current chunker does not give (an index built by another version) are not trusted", () => {
    const counts = eager.chunkCounts();
    for (const id of Object.keys(counts)) counts[id]! += 1;
    expect(new Knowledge(documents(), empty(), { counts }).chunkCount).toBe(eager.chunkCount);
    const missing = eager.chunkCounts();
    delete missing[eager.documents[1]!.id];
    expect(new Knowledge(documents(), empty(), { counts: missing }).chunkCount).toBe(eager.chunkCount);
  });
});

describe("mention sentences", () => {
  it("warmed in the background, they are those computed at once, in the same order", async () => {
    const atOnce = new Knowledge(documents(), empty()).mentionSentences();
    expect(atOnce.length).toBeGreaterThan(0);
    const warmed = new Knowledge(documents(), empty());
    const warming = warmed.warmMentions(0);
    // A question asked while warming gets every mention.
    const early = warmed.mentionSentences().map((m) => [m.doc.id, m.ref.number, m.path, m.sentence]);
    await warming;
    const plain = (ms: typeof atOnce) => ms.map((m) => [m.doc.id, m.ref.number, m.path, m.sentence, [...m.around.counts]]);
    expect(plain(warmed.mentionSentences())).toEqual(plain(atOnce));
    expect(early).toEqual(atOnce.map((m) => [m.doc.id, m.ref.number, m.path, m.sentence]));
  });
});
