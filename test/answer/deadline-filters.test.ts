/**
 * Tasks held to a deadline the question quotes as a task table writes it ("thời gian hoàn thành là 2026-2027",
 * "thời hạn năm 2026", "Thường xuyên"): the rows whose deadline reads the same, not every row due within the span.
 */
import { fileURLToPath } from "node:url";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../../src/assistant/assistant.js";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import { loadCorpus } from "../../src/corpus/index.js";
import { silentLogger } from "../../src/logger.js";
import { taskRepeat, taskWindow } from "../../src/understand/window.js";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
let ask: (q: string) => Promise<AnswerResult>;

beforeAll(async () => {
  const { documents } = await loadCorpus([root("../shared/corpus-dev")], { metadataDir: root("metadata") });
  const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-deadlines-")));
  const knowledge = await buildIndex(documents, target);
  const assistant = createAssistant({ knowledge, store: target.store, logger: silentLogger });
  ask = (q) => assistant.ask(q);
}, 60_000);

describe("a deadline quoted as the table writes it", () => {
  it("is read as that deadline, not as a bound", () => {
    expect(taskWindow("Những nhiệm vụ nào có thời gian hoàn thành là 2026-2027?")).toMatchObject({ exact: "2026..2027" });
    expect(taskWindow("nhiem vu nao co thoi han nam 2026")).toMatchObject({ exact: "2026" });
    expect(taskWindow("nhiem vu nao co thoi gian hoan thanh la quy 4/2025")).toMatchObject({ exact: "2025-Q4" });
    // A bound word makes it a window again.
    expect(taskWindow("nhiệm vụ nào phải hoàn thành trước năm 2026")?.exact).toBeUndefined();
    expect(taskRepeat("Những nhiệm vụ nào có thời gian hoàn thành là thường xuyên?")).toBe("ongoing");
  });

  it("lists exactly the rows with that deadline", async () => {
    const r = await ask("Trong Quyết định 2597, những nhiệm vụ nào có thời gian hoàn thành là 2026-2027?");
    expect(r.mode).toBe("answer");
    expect(r.answer).toMatch(/: 5 nhiệm vụ\./);
    expect(r.citations.length).toBe(5);
    expect(r.citations.every((c) => c.number === "2597/QĐ-TTg")).toBe(true);
    const chat = await ask("qd 2597 nv nao co thoi han nam 2026");
    expect(chat.answer).toMatch(/: 5 nhiệm vụ\./);
  });

  it("'thường xuyên' written as the table's column", async () => {
    const r = await ask("Kế hoạch 552 có những nhiệm vụ nào thời gian hoàn thành là thường xuyên?");
    expect(r.answer).toMatch(/thường xuyên: 6 nhiệm vụ\./);
  });
});

describe("a deadline in quotes", () => {
  it("is the deadline as written", async () => {
    expect(taskWindow("Những nhiệm vụ nào có thời hạn “Quý IV/2025”?")).toMatchObject({ exact: "2025-Q4", text: "Quý IV/2025" });
    const r = await ask('Trong Quyết định 2597, những nhiệm vụ nào có thời hạn "2026 - 2027"?');
    expect(r.answer).toMatch(/\(“2026 - 2027”\): 5 nhiệm vụ\./);
  });
});

describe("counting", () => {
  it("things in the world are not a document's items: the text's own figure answers ('bao nhieu tram 5g', typed without marks)", async () => {
    const r = await ask("kh 310 dat muc tieu bao nhieu tram 5g");
    expect(r.answer).not.toMatch(/có \d+ (?:mục|trạm):/);
    expect(r.answer).toContain("trạm");
    const items = await ask("Phụ lục Kế hoạch 552 có bao nhiêu nhiệm vụ?");
    expect(items.answer).toMatch(/có \d+ nhóm, \d+ nhiệm vụ|có \d+ nhiệm vụ/);
  });
});
