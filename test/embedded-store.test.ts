import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EmbeddedStore } from "../src/search/embedded-store.js";
import { describeStoreContract } from "./contract/store-contract.js";

describeStoreContract("EmbeddedStore", async () => {
  const dir = await mkdtemp(join(tmpdir(), "vanban-store-"));
  return { store: new EmbeddedStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe("EmbeddedStore persistence", () => {
  const chunk = (id: string, term: number) => ({
    id,
    sparse: { indices: [term], values: [1] },
    payload: { documentId: id, docType: "Công văn", number: null, issuer: "X", place: null, date: null, title: "t", section: "1", sectionTitle: null, headingPath: "", kind: "section" as const, text: id, part: 0 },
  });

  it("reopens what was written, and a failed rebuild leaves the index on disk answering", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vanban-store-"));
    try {
      const a = new EmbeddedStore(dir);
      await a.replaceAll([chunk("a", 7), chunk("b", 9)], {});
      await expect(a.replaceAll([chunk("c", 7), chunk("c", 7)], {})).rejects.toThrow(/duplicate id/);
      const reopened = new EmbeddedStore(dir);
      expect(await reopened.open()).toBe(true);
      const hits = await reopened.query({ sparse: { indices: [7], values: [1] }, limit: 5 });
      expect(hits.map((h) => h.id)).toEqual(["a"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports no index in an empty folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vanban-store-"));
    expect(await new EmbeddedStore(dir).open()).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
