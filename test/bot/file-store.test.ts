import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileStore } from "../../src/bot/storage/file-store.js";
import { createFileStorage } from "../../src/bot/storage/index.js";

describe("FileStore (session storage adapter)", () => {
  it("reads what was written, across instances (a restart), and deletes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-store-"));
    const a = new FileStore<{ turns: string[] }>(dir);
    await a.write("-100123", { turns: ["một"] });
    await a.write("weird/key with spaces", { turns: ["hai"] });
    const b = new FileStore<{ turns: string[] }>(dir);
    expect(await b.read("-100123")).toEqual({ turns: ["một"] });
    expect(await b.read("weird/key with spaces")).toEqual({ turns: ["hai"] });
    await b.delete("-100123");
    expect(await b.read("-100123")).toBeUndefined();
    expect(readdirSync(dir).every((f) => f.endsWith(".json"))).toBe(true);
  });

  it("keeps the last of concurrent writes and never leaves temporary files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-store-"));
    const store = new FileStore<number>(dir);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.write("k", i)));
    expect(await store.read("k")).toBe(49);
    expect(readdirSync(dir)).toEqual(["k.json"]);
  });

  it("treats an unreadable file as missing instead of failing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-store-"));
    writeFileSync(join(dir, "bad.json"), "{not json");
    expect(await new FileStore(dir).read("bad")).toBeUndefined();
  });

  it("appends feedback as whole JSON lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-data-"));
    const storage = await createFileStorage(dir);
    const entry = { at: "t", answerId: "abcdefgh", vote: "up" as const, chatId: 1, userId: 1, question: "q", answer: "a", citations: [] };
    await Promise.all(Array.from({ length: 20 }, () => storage.feedback.append(entry)));
    const { readFileSync } = await import("node:fs");
    const lines = readFileSync(join(dir, "bot", "feedback.jsonl"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(20);
    for (const l of lines) expect(JSON.parse(l)).toEqual(entry);
  });
});
