/**
 * Exports as a unit pastes them into a report: the .xlsx and the .docx are opened and read back (headers, cells,
 * row count); `npm run tasks` writes the same files and prints the JSON contract.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/index.js";
import { EXPORT_HEADERS, exportDocx, exportRows, exportXlsx } from "../../src/tasks/export.js";
import { buildRegister, type TaskMatch, type TaskRecord } from "../../src/tasks/register.js";

let matches: TaskMatch[];
const title = { subject: "Sở Khoa học và Công nghệ", documents: [] };

beforeAll(async () => {
  const { documents } = await loadCorpus(["corpus", "../shared/corpus-dev"]);
  matches = buildRegister(documents).query({ body: "Sở KH&CN" });
});

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The docx table as rows of cell texts (mammoth's HTML of it). */
async function readDocxTable(buffer: Buffer): Promise<{ title: string; rows: string[][] }> {
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const text = (s: string) => s.replace(/<br\s*\/?>/g, "\n").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').trim();
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => text(c[1]!)));
  return { title: text(/<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? ""), rows };
}

describe("xlsx", () => {
  it("has the title, the header row and one row per task, cells as in the register", async () => {
    const ws = await readXlsx(await exportXlsx(matches, title));
    expect(ws.getCell(1, 1).value).toBe("Danh mục nhiệm vụ của Sở Khoa học và Công nghệ");
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
    expect(ws.rowCount).toBe(matches.length + 2);
    const rows = exportRows(matches);
    const kh552 = rows.find((r) => r.section === "Phụ lục.II.2" && r.document.includes("552/KH-UBND"))!;
    const row = ws.getRow(kh552.stt + 2);
    expect(row.getCell(1).value).toBe(kh552.stt);
    expect(row.getCell(2).value).toMatch(/^Phát triển hệ sinh thái đổi mới sáng tạo/);
    expect(row.getCell(3).value).toBe("Sở Khoa học và Công nghệ");
    expect(row.getCell(4).value).toBe("Sở, ban, ngành có liên quan");
    expect(row.getCell(5).value).toBe("2025 - 2035");
    expect(row.getCell(6).value).toBe("Kế hoạch số 552/KH-UBND ngày 19/11/2025 của Ủy ban nhân dân tỉnh Đồng Tháp");
    expect(row.getCell(7).value).toBe("Phụ lục.II.2");
  });
});

describe("docx", () => {
  it("has the title and a table: header row, one row per task, the same cells", async () => {
    const { title: heading, rows } = await readDocxTable(await exportDocx(matches, title));
    expect(heading).toBe("Danh mục nhiệm vụ của Sở Khoa học và Công nghệ");
    expect(rows[0]).toEqual([...EXPORT_HEADERS]);
    expect(rows).toHaveLength(matches.length + 1);
    const expected = exportRows(matches).map((r) => [String(r.stt), r.task, r.lead, r.partners, r.deadline, r.document, r.section]);
    expect(rows.slice(1)).toEqual(expected);
  });

  it("keeps text XML would break on (&, <, quotes, control characters) and line breaks", async () => {
    const base = matches[0]!.record;
    const odd: TaskRecord = { ...base, task: 'Tổng hợp "R&D" <GRDP> \u0007\ndòng hai', leads: ["Sở KH&CN"], partners: [] };
    const { rows } = await readDocxTable(await exportDocx([odd], { subject: null, documents: [base.document] }));
    expect(rows[1]!.slice(1, 3)).toEqual(['Tổng hợp "R&D" <GRDP> \ndòng hai', "Sở KH&CN"]);
  });
});

describe("npm run tasks", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/tasks.ts", ...args], {
      encoding: "utf8",
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "warn", DATA_DIR: mkdtempSync(join(tmpdir(), "vanban-tasks-")) },
    });

  it("--json prints the contract: document, section, task, lead, partners, deadline {text, normalized}, product, reportTo", () => {
    const out = run(["corpus", "../shared/corpus-dev", "--body", "Sở Khoa học và Công nghệ", "--json"]);
    expect(out.status).toBe(0);
    const records = JSON.parse(out.stdout) as Record<string, any>[];
    expect(records.length).toBe(matches.length);
    for (const r of records) {
      expect(Object.keys(r.document)).toEqual(expect.arrayContaining(["docType", "number", "issuer", "date"]));
      expect(r).toEqual(expect.objectContaining({ section: expect.any(String), task: expect.any(String), lead: expect.any(String), partners: expect.any(Array) }));
      expect(Object.keys(r.deadline)).toEqual(expect.arrayContaining(["text", "normalized"]));
      expect(r).toHaveProperty("product");
      expect(r).toHaveProperty("reportTo");
    }
    const row = records.find((r) => r.document.number === "310/KH-UBND" && r.section === "Phụ lục.2")!;
    expect(row).toMatchObject({
      document: { docType: "Kế hoạch", number: "310/KH-UBND", issuer: "Ủy ban nhân dân thành phố Hà Nội", date: "2025-11-24" },
      lead: "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
      deadline: { text: "Quý IV/2025- Quý II/2026", normalized: "2025-Q4..2026-Q2" },
      role: "phối hợp",
    });
    expect(row.partners).toContain("Sở Khoa học và Công nghệ");
  });

  it("--xlsx and --docx write the files; a wrong option is a usage error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-export-"));
    const xlsx = run(["../shared/corpus-dev/kh552-ubnd-dong-thap-2025-doi-moi-cong-nghe.md", "--xlsx", join(dir, "a.xlsx")]);
    expect(xlsx.status).toBe(0);
    const ws = await readXlsx(readFileSync(join(dir, "a.xlsx")));
    expect(ws.rowCount).toBeGreaterThan(20);
    const docx = run(["../shared/corpus-dev", "--document", "KH 552", "--docx", join(dir, "a.docx")]);
    expect(docx.status).toBe(0);
    const { title: heading, rows } = await readDocxTable(readFileSync(join(dir, "a.docx")));
    expect(heading).toBe("Danh mục nhiệm vụ theo Kế hoạch số 552/KH-UBND ngày 19/11/2025 của Ủy ban nhân dân tỉnh Đồng Tháp");
    expect(rows.length).toBe(ws.rowCount - 1);
    const bad = run(["--json", "--xlsx", join(dir, "b.xlsx")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Chỉ chọn một/);
  });
});
