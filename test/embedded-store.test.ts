import { cp, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
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

  it("breaks ties by chunk id even where the limit cuts them: the same hits for any insertion order", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vanban-store-"));
    try {
      const store = new EmbeddedStore(dir);
      const tied = ["e", "b", "d", "a", "c"].map((id) => chunk(id, 7));
      for (const order of [tied, [...tied].reverse()]) {
        await store.replaceAll(order, {});
        expect((await store.query({ sparse: { indices: [7], values: [1] }, limit: 2 })).map((h) => h.id)).toEqual(["a", "b"]);
      }
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

describe("EmbeddedStore formats", () => {
  it("opens an index written by the previous version (format 1): same ranking, payloads and documents copy", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vanban-format1-"));
    try {
      await cp(join(import.meta.dirname, "fixtures", "index-format1"), dir, { recursive: true });
      const store = new EmbeddedStore(dir);
      expect(await store.open()).toBe(true);
      expect(store.lastOpen?.status).toBe("opened");
      const hits = await store.query({ sparse: { indices: [7, 9], values: [1, 1] }, limit: 5 });
      // What the previous version answered for this query (recorded when the fixture was written).
      expect(hits.map((h) => h.id)).toEqual(["12#1#0", "13#1#0", "12#2#0"]);
      expect(hits[1]!.payload).toMatchObject({ documentId: "13", number: "13-CV/TU", text: "Tuyên truyền sâu rộng." });
      expect(store.takeAttachment("documents.json")?.toString()).toBe("[]");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("stores postings compressed and the text once: a corpus of long texts takes less room than its text", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vanban-lean-"));
    try {
      const words = ["khoa", "học", "công", "nghệ", "đổi", "mới", "sáng", "tạo", "chuyển", "số", "tuyên", "truyền", "báo", "cáo"];
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
      const chunks = Array.from({ length: 400 }, (_, d) => {
        const text = Array.from({ length: 150 }, () => words[next() % words.length]).join(" ");
        const terms = [...new Set(Array.from({ length: 120 }, () => next() % 3000))].sort((a, b) => a - b);
        const documentId = `doc-${Math.floor(d / 20)}`;
        const payload = { documentId, docType: "Kế hoạch", number: null, issuer: "Ủy ban nhân dân tỉnh", place: "Thử Nghiệm", date: null, title: "Kế hoạch chuyển đổi số", section: String(d % 20), sectionTitle: null, headingPath: "", kind: "section" as const, text, part: 0 };
        return { id: `${documentId}#${d % 20}#0`, payload, sparse: { indices: terms, values: terms.map((t) => 1 + (t % 3) / 10) } };
      });
      const store = new EmbeddedStore(dir);
      await store.replaceAll(chunks, {});
      const version = (await readFile(join(dir, "CURRENT"), "utf8")).trim();
      const size = async (name: string) => (await stat(join(dir, version, name))).size;
      const textBytes = chunks.reduce((sum, c) => sum + Buffer.byteLength(c.payload.text), 0);
      const postings = chunks.reduce((sum, c) => sum + c.sparse.indices.length, 0);
      // 8 bytes a posting before; now gaps of one byte or two and weights from each chunk's small table.
      expect((await size("index.bin")) / postings).toBeLessThan(3);
      // The text once and compressed, each document's fields once per block.
      expect(await size("records.bin")).toBeLessThan(textBytes / 2);
      const reopened = new EmbeddedStore(dir);
      expect(await reopened.open()).toBe(true);
      const [first] = await reopened.query({ sparse: { indices: chunks[123]!.sparse.indices.slice(0, 40), values: new Array(40).fill(1) }, limit: 3 });
      expect(first!.id).toBe(chunks[123]!.id);
      expect(first!.payload).toEqual(chunks[123]!.payload);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("EmbeddedStore integrity", () => {
  const chunk = (id: string, term: number) => ({
    id,
    sparse: { indices: [term], values: [1] },
    payload: { documentId: id, docType: "Công văn", number: null, issuer: "X", place: null, date: null, title: "t", section: "1", sectionTitle: null, headingPath: "", kind: "section" as const, text: id, part: 0 },
  });
  const ids = async (store: EmbeddedStore) => (await store.query({ sparse: { indices: [7], values: [1] }, limit: 5 })).map((h) => h.id);

  /** Two builds: "old" (previous version, kept) then "new" (CURRENT). Returns the folder and both version names. */
  async function twoVersions() {
    const dir = await mkdtemp(join(tmpdir(), "vanban-integrity-"));
    const store = new EmbeddedStore(dir);
    await store.replaceAll([chunk("old", 7)], { attachments: { "documents.json": "old" } });
    const previous = (await readFile(join(dir, "CURRENT"), "utf8")).trim();
    await store.replaceAll([chunk("new", 7)], { attachments: { "documents.json": "new" } });
    const current = (await readFile(join(dir, "CURRENT"), "utf8")).trim();
    return { dir, previous, current };
  }

  const damages: [string, (dir: string, version: string) => Promise<void>, RegExp][] = [
    ["a truncated index.bin", async (dir, v) => truncate(join(dir, v, "index.bin"), 40), /index\.bin/],
    ["a truncated records.bin", async (dir, v) => truncate(join(dir, v, "records.bin"), 3), /records\.bin/],
    ["a broken meta.json", async (dir, v) => writeFile(join(dir, v, "meta.json"), "{\"format\": 1, \"n\": "), /meta\.json/],
    ["a flipped byte of the same length", async (dir, v) => flipByte(join(dir, v, "index.bin")), /checksum/],
    ["a broken documents copy", async (dir, v) => writeFile(join(dir, v, "documents.json"), "nex"), /documents\.json/],
    ["a missing version folder", async (dir, v) => rm(join(dir, v), { recursive: true }), /does not exist/],
  ];

  for (const [what, damage, detail] of damages) {
    it(`falls back to the previous version after ${what}, and points CURRENT at it`, async () => {
      const { dir, previous, current } = await twoVersions();
      try {
        await damage(dir, current);
        const store = new EmbeddedStore(dir);
        expect(await store.open()).toBe(true);
        expect(store.lastOpen).toMatchObject({ status: "fallback", version: previous });
        expect(store.lastOpen!.problems[0]!.detail).toMatch(detail);
        expect(await ids(store)).toEqual(["old"]);
        expect(store.takeAttachment("documents.json")?.toString()).toBe("old");
        expect((await readFile(join(dir, "CURRENT"), "utf8")).trim()).toBe(previous);
        // The next build keeps the version in use and drops the damaged one.
        await store.replaceAll([chunk("newer", 7)], {});
        expect((await readdir(dir)).filter((e) => e.startsWith("v")).sort()).toContain(previous);
        expect(await readdir(dir)).not.toContain(current);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it("reads no text at open: a damaged record block is named when a payload is read, while ids still rank", async () => {
    const { dir, current } = await twoVersions();
    try {
      await flipByte(join(dir, current, "records.bin"));
      const store = new EmbeddedStore(dir);
      expect(await store.open()).toBe(true);
      const [hit] = await store.query({ sparse: { indices: [7], values: [1] }, limit: 5 });
      expect(hit!.id).toBe("new");
      expect(() => hit!.payload).toThrow(/records\.bin fails its checksum/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a CURRENT pointing to nothing: the newest intact version is used", async () => {
    const { dir, current } = await twoVersions();
    try {
      await writeFile(join(dir, "CURRENT"), "v999-1");
      const store = new EmbeddedStore(dir);
      expect(await store.open()).toBe(true);
      expect(store.lastOpen).toMatchObject({ status: "fallback", version: current });
      expect(await ids(store)).toEqual(["new"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports the index damaged (not missing) when no intact version is left", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vanban-integrity-"));
    try {
      const store = new EmbeddedStore(dir);
      await store.replaceAll([chunk("only", 7)], {});
      await rm(join(dir, (await readFile(join(dir, "CURRENT"), "utf8")).trim()), { recursive: true });
      await writeFile(join(dir, "CURRENT"), "v999-1");
      const reopened = new EmbeddedStore(dir);
      expect(await reopened.open()).toBe(false);
      expect(reopened.lastOpen).toMatchObject({ status: "damaged", version: null });
      expect(reopened.lastOpen!.problems[0]).toMatchObject({ kind: "missing-version", version: "v999-1" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("still opens a version written before manifests existed, and catches its truncation", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vanban-integrity-"));
    try {
      await new EmbeddedStore(dir).replaceAll([chunk("a", 7)], {});
      const v = (await readFile(join(dir, "CURRENT"), "utf8")).trim();
      await rm(join(dir, v, "manifest.json"));
      const legacy = new EmbeddedStore(dir);
      expect(await legacy.open()).toBe(true);
      expect(await ids(legacy)).toEqual(["a"]);
      await truncate(join(dir, v, "records.bin"), 5);
      const truncated = new EmbeddedStore(dir);
      expect(await truncated.open()).toBe(false);
      expect(truncated.lastOpen!.problems[0]!.detail).toMatch(/records\.bin/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function flipByte(file: string): Promise<void> {
  const buf = await readFile(file);
  buf[buf.length - 1] = buf[buf.length - 1]! ^ 0xff;
  await writeFile(file, buf);
}
