import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAssistant, readCorpusFile } from "../src/assistant/open.js";
import type { AnswerResult } from "../src/assistant/types.js";
import { parseConfig } from "../src/config.js";
import { silentLogger } from "../src/logger.js";

let dir: string;
let assistant: Awaited<ReturnType<typeof openAssistant>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vanban-assistant-"));
  const config = parseConfig({ CORPUS_DIRS: "corpus,../shared/corpus-extra", DATA_DIR: dir });
  assistant = await openAssistant(config, silentLogger);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every quote must be verbatim in the cited section, heading included (or the header/closing for section ""). */
async function expectVerbatim(r: AnswerResult) {
  for (const c of r.citations) {
    const doc = assistant.knowledge().byId.get(c.documentId)!;
    const section = doc.sections.find((s) => s.path === c.section);
    const haystack = [section?.title ?? "", section?.text ?? "", c.section === "" ? [...doc.header, ...doc.closing, doc.title].join("\n") : ""].join("\n").replace(/\s+/g, " ");
    for (const frag of c.quote.split(" … ")) expect(haystack).toContain(frag.replace(/\s+/g, " "));
  }
}

describe("answers with exact citations", () => {
  it("answers who is assigned a task from the assignment table, citing the item", async () => {
    const r = await assistant.ask("Trong kế hoạch của Thái Nguyên, ai được giao đôn đốc các chi bộ triển khai thực hiện?");
    expect(r.mode).toBe("answer");
    expect(r.answer).toContain("Ban Tuyên giáo Đảng ủy Khối");
    expect(r.citations[0]).toMatchObject({ docType: "Kế hoạch", number: null, section: "III.1" });
    await expectVerbatim(r);
  });

  it("gives the same answer to no-diacritic and decomposed (NFD) input", async () => {
    const plain = await assistant.ask("Ai chịu trách nhiệm tập huấn cho báo cáo viên ở Từ Sơn?");
    const folded = await assistant.ask("ai chiu trach nhiem tap huan cho bao cao vien o Tu Son");
    const nfd = await assistant.ask("Ai chịu trách nhiệm tập huấn cho báo cáo viên ở Từ Sơn?".normalize("NFD"));
    for (const r of [plain, folded, nfd]) {
      expect(r.mode).toBe("answer");
      expect(r.citations[0]).toMatchObject({ section: "III.3", issuer: "Ban Tuyên giáo Thành ủy Từ Sơn" });
    }
  });

  it("answers metadata questions from the metadata and resolves number aliases typed the wrong way round", async () => {
    const r = await assistant.ask("ai ky cong van 2018/CV-TU");
    expect(r.answer).toContain("Đặng Ngọc Huy");
    expect(r.citations[0]).toMatchObject({ number: "2018-CV/TU", section: "", date: "2024-02-22" });
    await expectVerbatim(r);
    const kl = await assistant.ask("KL 69 do cơ quan nào ban hành, ngày nào?");
    expect(kl.answer).toContain("Bộ Chính trị");
    expect(kl.answer).toContain("11/01/2024");
  });

  it("answers chain questions from the references", async () => {
    const r = await assistant.ask("Hướng dẫn của Ban Tuyên giáo Thành ủy Từ Sơn căn cứ vào văn bản nào?");
    expect(r.answer).toContain("101-HD/BTGTU");
    await expectVerbatim(r);
    const down = await assistant.ask("Những văn bản nào thực hiện Kết luận 69?");
    expect(down.citations.map((c) => c.number)).toEqual(expect.arrayContaining(["844-CV/ĐU", "2018-CV/TU"]));
    const cited = await assistant.ask("Văn bản nào nhắc đến Nghị quyết 45-NQ/TW?");
    expect(cited.citations.map((c) => c.number)).toEqual(expect.arrayContaining(["844-CV/ĐU", "69-KL/TW"]));
    await expectVerbatim(cited);
  });

  it("refuses what the corpus does not answer, offering at most nearby sections", async () => {
    for (const q of [
      "Giá vàng SJC hôm nay bao nhiêu?",
      "Thời tiết Hà Nội ngày mai thế nào?",
      "Nghị quyết 57-NQ/TW có những nội dung gì?",
      "Nghị quyết 57 về chuyển đổi số quốc gia nói gì?",
      "Mức lương của nhà khoa học theo Kết luận 69 là bao nhiêu?",
      "Ai là Tổng Bí thư hiện nay?",
    ]) {
      const r = await assistant.ask(q);
      expect(r.mode, q).toBe("not_found");
      expect(r.citations).toEqual([]);
    }
  });

  it("quotes only words that stand in the cited section", async () => {
    for (const q of [
      "Tỉnh Thái Nguyên đặt mục tiêu trở thành trung tâm gì vào năm 2030?",
      "Đến năm 2030 tỉnh Thái Nguyên phấn đấu trở thành trung tâm gì?",
      "Kết luận 69 yêu cầu gì về thị trường khoa học và công nghệ?",
      "Kêt luân 69 yêu câu gi vê thi truong khoa hoc cong nghe",
      "Quảng Ngãi yêu cầu biểu dương, khen thưởng những ai?",
      "Nghị quyết 20 đặt mục tiêu đầu tư xã hội cho khoa học công nghệ bao nhiêu phần trăm GDP?",
    ]) {
      const r = await assistant.ask(q);
      expect(r.mode, q).toBe("answer");
      expect(r.citations.length).toBeGreaterThan(0);
      await expectVerbatim(r);
    }
  });

  it("looks up assignments by body and walks the chain up to Nghị quyết 20", async () => {
    const groups = assistant.assignments("Ban Tuyên giáo Tỉnh ủy");
    expect(groups.some((g) => g.document.number === "2018-CV/TU" && g.rows.some((r) => r.section === "5"))).toBe(true);
    const chain = assistant.chain("844-CV/ĐU")!;
    expect(chain.up.map((n) => n.number)).toEqual(["844-CV/ĐU", "115-CV/BTGTU", "69-KL/TW", "20-NQ/TW"]);
    expect(assistant.chain("NQ20")!.down.map((d) => d.node.number)).toContain("69-KL/TW");
  });

  it("keeps answering from the old index when an upload is rejected", async () => {
    const before = assistant.documents().length;
    const report = await assistant.addFiles([{ fileName: "rong.txt", data: Buffer.from("   \n") }]);
    expect(report.indexed).toEqual([]);
    expect(report.rejected[0]?.file).toBe("rong.txt");
    expect(assistant.documents().length).toBe(before);
    const saved = await readCorpusFile(join(dir, "index", "documents.json"));
    expect(saved?.documents.length).toBe(before);
  });
});

describe("follow-up questions without a model", () => {
  it("asks the previous question of the place a follow-up names", async () => {
    const history = [{ question: "Ai phụ trách tuyên truyền trên báo chí ở Quảng Ngãi?", answer: "…" }];
    const r = await assistant.ask("Còn Từ Sơn thì sao?", { history });
    expect(r.mode).toBe("answer");
    expect(r.citations[0]).toMatchObject({ issuer: "Ban Tuyên giáo Thành ủy Từ Sơn", section: "III.3" });
    const who = await assistant.ask("Ai ký văn bản đó?", { history });
    expect(who.answer).toContain("Đặng Ngọc Huy");
  });

  it("does not answer chatter after a question with the previous question's documents", async () => {
    const history = [{ question: "Ai chủ trì tập huấn báo cáo viên ở Từ Sơn?", answer: "…" }];
    for (const q of ["ok", "???", "lương bao nhiêu?"]) {
      const r = await assistant.ask(q, { history });
      expect(r.mode, q).toBe("not_found");
    }
  });
});

describe("reopening the index", () => {
  it("answers the same after a restart, from the saved documents and statistics", async () => {
    const config = parseConfig({ CORPUS_DIRS: "corpus,../shared/corpus-extra", DATA_DIR: dir });
    const reopened = await openAssistant(config, silentLogger, { buildIfMissing: false });
    for (const q of ["ai chiu trach nhiem tap huan cho bao cao vien o Tu Son", "Giá vàng SJC hôm nay bao nhiêu?"]) {
      const [a, b] = [await assistant.ask(q), await reopened.ask(q)];
      expect(b.mode).toBe(a.mode);
      expect(b.citations.map((c) => [c.documentId, c.section, c.quote])).toEqual(a.citations.map((c) => [c.documentId, c.section, c.quote]));
    }
  });
});

describe("what the source button shows", () => {
  it("shows the header, opening and signature for a citation of the opening part, so the quote is in it", async () => {
    const r = await assistant.ask("Ai ký Công văn 2018-CV/TU?");
    const c = r.citations[0]!;
    const view = assistant.section(c.documentId, c.section)!;
    const flat = view.text.replace(/\s+/g, " ");
    for (const frag of c.quote.split(" … ")) expect(flat).toContain(frag.replace(/\s+/g, " "));
  });
});

describe("ingest safety", () => {
  it("refuses an upload under a name the corpus folder would skip", async () => {
    const report = await assistant.addFiles([{ fileName: ".an.md", data: Buffer.from("# Kế hoạch\n\nI. MỤC ĐÍCH\n\n1. Nội dung.") }]);
    expect(report.indexed).toEqual([]);
    expect(report.rejected[0]?.reason).toMatch(/bỏ qua/);
  });
});

describe("embedding configuration", () => {
  it("rebuilds an index whose dense vectors come from another embedding set-up", async () => {
    const data = await mkdtemp(join(tmpdir(), "vanban-embed-"));
    try {
      const config = parseConfig({ CORPUS_DIRS: "corpus", DATA_DIR: data });
      const embedder = { model: "fake-embed", dimensions: 4, embed: async (texts: string[]) => texts.map((t) => [1, t.length % 7, 2, 3]) };
      await openAssistant(config, silentLogger, { embedder });
      const file = join(data, "index", "documents.json");
      expect((await readCorpusFile(file))?.embedding).toBe("fake-embed#4");
      const lexical = await openAssistant(config, silentLogger);
      expect((await readCorpusFile(file))?.embedding).toBeNull();
      expect((await lexical.ask("Ai ký Công văn 2018-CV/TU?")).answer).toContain("Đặng Ngọc Huy");
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});

describe("lists, header facts and issuers", () => {
  it("answers a list question with the items the opening introduces", async () => {
    const r = await assistant.ask("Kết luận 69 nêu những nhiệm vụ trọng tâm nào?");
    expect(r.citations[0]).toMatchObject({ number: "69-KL/TW", section: "" });
    expect(r.citations.slice(1, 4).map((c) => c.section)).toEqual(["1", "2", "3"]);
    await expectVerbatim(r);
  });

  it("answers a header fact of the named document from its header", async () => {
    const r = await assistant.ask("Nghị quyết 20 được ban hành tại Hội nghị Trung ương lần thứ mấy?");
    expect(r.citations[0]).toMatchObject({ number: "20-NQ/TW", section: "" });
    expect(r.answer).toMatch(/LẦN THỨ SÁU/i);
    await expectVerbatim(r);
  });

  it("takes a corpus issuer named in the question as the document asked about", async () => {
    const r = await assistant.ask("Đảng ủy Sở GD&ĐT yêu cầu các chi bộ làm gì?");
    expect(r.citations[0]?.number).toBe("844-CV/ĐU");
  });
});

describe("index consistency at start", () => {
  it("rebuilds when the saved documents and the index disagree (a crash between the two swaps)", async () => {
    const data = await mkdtemp(join(tmpdir(), "vanban-mismatch-"));
    try {
      const config = parseConfig({ CORPUS_DIRS: "corpus", DATA_DIR: data });
      await openAssistant(config, silentLogger);
      const file = join(data, "index", "documents.json");
      // The file beside the index as an earlier write left it (format 2, one document fewer).
      const saved = await readCorpusFile(file);
      await writeFile(file, JSON.stringify({ version: 2, documents: saved!.documents.slice(1) }));
      const reopened = await openAssistant(config, silentLogger);
      expect(reopened.documents().length).toBe(4);
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});
