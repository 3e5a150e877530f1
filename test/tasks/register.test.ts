/**
 * The task register over the seeds and ../shared/corpus-dev: one record per row a reader counts, bodies grouped
 * under one name, "phối hợp" rows turned round, deadlines as written and normalized, queries by body, document and
 * due window. The reader's list for Sở Khoa học và Công nghệ is eval/facts/sokhcn-rows.json.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/index.js";
import { buildRegister, type TaskRecord, type TaskRegister } from "../../src/tasks/register.js";

interface ReaderRow {
  file: string;
  path: string;
  role: string;
  deadline: string | null;
  borderline?: boolean;
}

let register: TaskRegister;
const fileOf = (r: TaskRecord) => r.document.file.split(/[\\/]/).pop()!;
const find = (file: string, section: string, task: string) =>
  register.records.find((r) => fileOf(r).startsWith(file) && r.section === section && r.task.startsWith(task))!;

beforeAll(async () => {
  const { documents } = await loadCorpus(["corpus", "../shared/corpus-dev"]);
  register = buildRegister(documents);
});

describe("Sở Khoa học và Công nghệ across the documents", () => {
  it("finds the rows a careful reader finds, and no other", () => {
    const reader = JSON.parse(readFileSync("eval/facts/sokhcn-rows.json", "utf8")) as { rows: ReaderRow[] };
    const ours = register.query({ body: "Sở Khoa học và Công nghệ" });
    const key = (file: string, path: string) => `${file}#${path}`;
    const theirs = new Set(reader.rows.map((r) => key(r.file, r.path)));
    // Every row of ours is one the reader lists (by document and mục).
    expect(ours.filter((m) => !theirs.has(key(fileOf(m.record), m.record.section))).map((m) => key(fileOf(m.record), m.record.section))).toEqual([]);
    // Rows per (document, mục): ours cover the reader's, but for the rows the parser does not extract (see the report).
    const count = (list: string[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
    const want = count(reader.rows.map((r) => key(r.file, r.path)));
    const got = count(ours.map((m) => key(fileOf(m.record), m.record.section)));
    const found = [...want].reduce((n, [k, c]) => n + Math.min(c, got.get(k) ?? 0), 0);
    expect(found).toBeGreaterThanOrEqual(41);
    expect(reader.rows).toHaveLength(44);
  });

  it("gives each found row the deadline the reader gives it", () => {
    const reader = JSON.parse(readFileSync("eval/facts/sokhcn-rows.json", "utf8")) as { rows: ReaderRow[] };
    const ours = register.query({ body: "Sở Khoa học và Công nghệ" });
    for (const row of reader.rows.filter((r) => r.deadline)) {
      const mine = ours.filter((m) => fileOf(m.record) === row.file && m.record.section === row.path);
      if (!mine.length) continue;
      expect(mine.map((m) => m.record.deadline?.text.toLowerCase()), `${row.file} ${row.path}`).toContain(row.deadline!.toLowerCase());
    }
  });

  it("is one body whether written out, abbreviated or typed without diacritics", () => {
    const full = register.query({ body: "Sở Khoa học và Công nghệ" }).map((m) => m.record.key);
    for (const typed of ["Sở KH&CN", "sở khcn", "so khoa hoc va cong nghe", "SỞ KH&CN", "Sở Khoa học và Công nghệ".normalize("NFD")]) {
      expect(register.query({ body: typed }).map((m) => m.record.key), typed).toEqual(full);
    }
    const bodies = register.bodies().filter((b) => b.key === "sở khoa học và công nghệ");
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.name).toBe("Sở Khoa học và Công nghệ");
    expect(bodies[0]!.forms).toEqual(expect.arrayContaining(["Sở Khoa học và Công nghệ", "Sở KH&CN"]));
    expect(register.bodiesNamed("so khcn").map((b) => b.name)).toEqual(["Sở Khoa học và Công nghệ"]);
  });

  it("leaves out the ministry of the same name", () => {
    const ours = register.query({ body: "Sở Khoa học và Công nghệ" });
    const ministry = register.query({ body: "Bộ Khoa học và Công nghệ" });
    expect(ministry.length).toBeGreaterThan(0);
    const onlyMinistry = ministry.filter((m) => !ours.some((o) => o.record === m.record));
    expect(onlyMinistry.length).toBeGreaterThan(0);
    expect(ours.every((m) => m.record.document.docType !== "Quyết định")).toBe(true);
  });
});

describe("records", () => {
  it("a table row's lead bodies are one record, as a reader counts it (kh144 Phụ lục.I.2)", () => {
    const r = find("kh144", "Phụ lục.I.2", "Phấn đấu mỗi năm");
    expect(r.leads).toEqual(["Sở KH&CN", "Các sở, ngành", "UBND cấp xã"]);
    expect(register.records.filter((x) => x.document === r.document && x.section === "Phụ lục.I.2")).toHaveLength(1);
  });

  it("a 'phối hợp' duty has the body it works with as lead, itself as partner (844-CV/ĐU III.3, kh552 V.1)", () => {
    const seed = find("000_", "III.3", "phối hợp với Sở Khoa học và Công nghệ");
    expect(seed).toMatchObject({ leads: ["Sở Khoa học và Công nghệ"], partners: ["Sở Giáo dục và Đào tạo"] });
    const kh552 = find("kh552", "V.1", "Phối hợp với các sở");
    expect(kh552).toMatchObject({ leads: ["các sở, ngành, địa phương"], partners: ["Sở Khoa học và Công nghệ"] });
    expect(register.query({ body: "Sở Khoa học và Công nghệ" }).find((m) => m.record === kh552)!.role).toBe("phối hợp");
  });

  it("reports: the bodies of one sentence report to Sở Khoa học và Công nghệ, yearly before 20/11 (kh552 VI.2)", () => {
    const r = find("kh552", "VI.2", "có trách nhiệm xây dựng kế hoạch chi tiết");
    expect(r.leads).toEqual(["Các sở, ban, ngành", "Ủy ban nhân dân xã, phường", "các đơn vị liên quan"]);
    expect(r.reportTo).toEqual(["Sở Khoa học và Công nghệ"]);
    // "định kỳ báo cáo … trước ngày 20/11": the sentence says it repeats.
    expect(r.deadline).toMatchObject({ text: "trước ngày 20/11", normalized: "yearly:11-20" });
    expect(register.query({ body: "Sở Khoa học và Công nghệ" }).find((m) => m.record === r)!.role).toBe("nhận báo cáo");
  });

  it("partners and addressees the task's own words name are on the record (kh310 V.1, kh144 VII)", () => {
    // Each bullet under the body's heading is a duty of its own, with the bodies its own words name: a "phối hợp"
    // duty has the bodies it works with as leads.
    const v1 = find("kh310", "V.1", "Phối hợp với Sở Khoa học");
    expect(v1.leads).toEqual(expect.arrayContaining(["Sở Khoa học và Công nghệ", "Sở Xây dựng"]));
    expect(v1.partners).toEqual(["Ban Quản lý các khu công nghệ cao và khu công nghiệp"]);
    expect(find("kh310", "V.1", "Chủ trì, phối hợp với các Sở").partners).not.toContain("Sở Xây dựng");
    const vii = find("kh144", "VII", "có trách nhiệm chủ động");
    expect(vii.reportTo).toContain("Sở Khoa học và Công nghệ");
    expect(vii.deadline).toMatchObject({ text: "trước ngày 15/11 hằng năm", normalized: "yearly:11-15" });
  });

  it("lists the parser left whole are one name per body (kh310 Phụ lục.5)", () => {
    const r = find("kh310", "Phụ lục.5", "Doanh nghiệp, nhà cung cấp");
    expect(r.partners).toEqual(["Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Sở Khoa học và Công nghệ", "Sở Công Thương"]);
  });

  it("a deadline the row lacks is taken from the task's words, and marked so (kh144 VI.1.c)", () => {
    const r = find("kh144", "VI.1.c", "Triển khai các nhiệm vụ");
    expect(r.deadline).toMatchObject({ text: "hằng năm", normalized: "yearly" });
    expect(r.deadlineFrom).toBe("task");
    expect(find("kh310", "Phụ lục.1", "Tổ chức điều chỉnh").deadlineFrom).toBe("written");
  });

  it("keys stay the same when the corpus is read again", async () => {
    const { documents } = await loadCorpus(["../shared/corpus-dev"]);
    const again = new Set(buildRegister(documents).records.map((r) => r.key));
    const before = register.records.filter((r) => !fileOf(r).endsWith(".txt"));
    expect(before.every((r) => again.has(r.key))).toBe(true);
    expect(new Set(register.records.map((r) => r.key)).size).toBe(register.records.length);
  });
});

describe("queries", () => {
  it("due before a day: fixed deadlines up to it, yearly ones at their next occurrence from today", () => {
    const due = register.query({ body: "Sở Khoa học và Công nghệ", dueBefore: "2026-12-31", today: "2026-01-01" });
    const texts = due.map((m) => [m.record.section, m.record.deadline!.text, m.due]);
    expect(texts).toEqual(
      expect.arrayContaining([
        ["Phụ lục.I.4", "2026", "2026-12-31"],
        ["Phụ lục.1", "Quý III Năm 2026", "2026-09-30"],
        ["Phụ lục.2", "Quý IV/2025- Quý II/2026", "2026-06-30"],
        ["VI.2", "trước ngày 30/11 hằng năm", "2026-11-30"],
      ]),
    );
    // Ongoing work, ranges ending later, and undated repeats have no day before the end of 2026.
    expect(due.every((m) => m.due! <= "2026-12-31")).toBe(true);
    expect(due.some((m) => m.record.deadline!.kind === "ongoing")).toBe(false);
  });

  it("'Sở Tài chính phải làm gì trước quý 2/2026?' — nothing yet; by the end of 2026 one row of Kế hoạch 552", () => {
    expect(register.query({ body: "Sở Tài chính", dueBefore: "2026-06-30", today: "2025-12-01" })).toEqual([]);
    const byYearEnd = register.query({ body: "Sở Tài chính", dueBefore: "2026-12-31", today: "2025-12-01" });
    expect(byYearEnd.map((m) => [m.record.document.number, m.record.section, m.due])).toEqual([["552/KH-UBND", "Phụ lục.I.2", "2026-12-31"]]);
  });

  it("a window from a day to a day", () => {
    const within = register.query({ dueFrom: "2026-06-01", dueBefore: "2026-06-30", today: "2026-06-01" });
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((m) => m.due! >= "2026-06-01" && m.due! <= "2026-06-30")).toBe(true);
  });

  it("by document number or alias, and within a set of documents", () => {
    const [kh552] = register.findDocuments("KH 552");
    expect(kh552!.number).toBe("552/KH-UBND");
    expect(register.findDocuments("552/kh-ubnd")).toEqual([kh552]);
    expect(register.findDocuments("2018-CV/TU")[0]!.issuer).toBe("Tỉnh ủy Quảng Ngãi");
    const inOne = register.query({ body: "Sở KH&CN", documentIds: [kh552!.id] });
    expect(inOne.length).toBe(15 - 2);
    expect(inOne.every((m) => m.record.document.id === kh552!.id)).toBe(true);
  });

  it("by words of the task, with or without diacritics", () => {
    const exact = register.query({ text: "tuyên truyền" });
    expect(exact.length).toBeGreaterThan(0);
    expect(register.query({ text: "tuyen truyen" }).length).toBeGreaterThanOrEqual(exact.length);
  });
});
