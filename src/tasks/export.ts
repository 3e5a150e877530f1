/**
 * The register as the table units paste into their plans and quarterly reports: STT, Nhiệm vụ, Chủ trì, Phối hợp,
 * Thời hạn, Văn bản, Mục — as .xlsx (exceljs) and .docx (WordprocessingML written here, zipped with jszip).
 *
 * Why no library for .docx: one landscape page setup, a title and one table is about a hundred lines of XML, while
 * the `docx` package's current releases need Node ≥ 22 (nanoid 6) and ship their own @types/node. The file opens in
 * Word and LibreOffice and is read back in the tests with mammoth.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { documentLabel } from "../assistant/cite.js";
import type { TaskDocument, TaskMatch, TaskRecord } from "./register.js";
import { TASK_TUNING } from "./tuning.js";

export const EXPORT_HEADERS = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Văn bản", "Mục"] as const;

export interface ExportRow {
  stt: number;
  task: string;
  lead: string;
  partners: string;
  deadline: string;
  document: string;
  section: string;
}

/** What the table is about, for its title: a body, or a document's subject; and the documents it covers. */
export interface ExportTitle {
  subject: string | null;
  documents: TaskDocument[];
}

function recordOf(item: TaskRecord | TaskMatch): TaskRecord {
  return "record" in item ? item.record : item;
}

/** One row per record, numbered from 1, cells as a cadre writes them. */
export function exportRows(items: readonly (TaskRecord | TaskMatch)[]): ExportRow[] {
  return items.map((item, i) => {
    const r = recordOf(item);
    return {
      stt: i + 1,
      task: r.task,
      lead: r.leads.join("; "),
      partners: r.partners.join("; "),
      deadline: r.deadline?.text ?? "",
      document: documentLabel(r.document),
      section: r.section || "Phần mở đầu",
    };
  });
}

/** "Nhiệm vụ của Sở Khoa học và Công nghệ" / "Nhiệm vụ theo Kế hoạch số 552/KH-UBND …" / "Danh mục nhiệm vụ". */
export function exportHeading(title: ExportTitle): string {
  if (title.documents.length === 1) return `Danh mục nhiệm vụ theo ${documentLabel(title.documents[0]!)}`;
  if (title.subject) return `Danh mục nhiệm vụ của ${title.subject}`;
  return "Danh mục nhiệm vụ";
}

const cells = (r: ExportRow): (string | number)[] => [r.stt, r.task, r.lead, r.partners, r.deadline, r.document, r.section];

/** An .xlsx workbook: the title in row 1, the header in row 2 (frozen, filterable), one task per row below. */
export async function exportXlsx(items: readonly (TaskRecord | TaskMatch)[], title: ExportTitle): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "vanban";
  const ws = wb.addWorksheet(TASK_TUNING.sheetName, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = TASK_TUNING.xlsxWidths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, EXPORT_HEADERS.length);
  const head = ws.getCell(1, 1);
  head.value = exportHeading(title);
  head.font = { bold: true, size: 13 };
  head.alignment = { horizontal: "center" };
  const header = ws.addRow([...EXPORT_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  for (const row of exportRows(items)) {
    const added = ws.addRow(cells(row));
    added.alignment = { vertical: "top", wrapText: true };
    added.getCell(1).alignment = { vertical: "top", horizontal: "center" };
  }
  const border = { style: "thin" as const };
  for (let r = 2; r <= ws.rowCount; r++) {
    for (let c = 1; c <= EXPORT_HEADERS.length; c++) ws.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: EXPORT_HEADERS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ------------------------------------------------------------------------------------------------ .docx

/** XML text: escaped, and without the control characters XML 1.0 forbids (OCR leftovers carry some). */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Times New Roman, as Vietnamese administrative documents are set (Nghị định 30/2020/NĐ-CP). */
function run(text: string, options: { bold?: boolean; size?: number } = {}): string {
  const props = `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>${options.bold ? "<w:b/>" : ""}<w:sz w:val="${(options.size ?? TASK_TUNING.docxFontPt) * 2}"/></w:rPr>`;
  // Line breaks inside a cell stay line breaks.
  return text
    .split("\n")
    .map((line, i) => `<w:r>${props}${i ? "<w:br/>" : ""}<w:t xml:space="preserve">${xml(line)}</w:t></w:r>`)
    .join("");
}

function paragraph(text: string, options: { bold?: boolean; size?: number; center?: boolean } = {}): string {
  const pPr = `<w:pPr><w:spacing w:before="0" w:after="60"/>${options.center ? '<w:jc w:val="center"/>' : ""}</w:pPr>`;
  return `<w:p>${pPr}${run(text, options)}</w:p>`;
}

function cell(text: string, width: number, options: { bold?: boolean; center?: boolean } = {}): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(text, options)}</w:tc>`;
}

/** A .docx with the title and one bordered table; the header row repeats on every page. */
export async function exportDocx(items: readonly (TaskRecord | TaskMatch)[], title: ExportTitle): Promise<Buffer> {
  const widths = TASK_TUNING.docxWidths;
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const headerRow = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${EXPORT_HEADERS.map((h, i) => cell(h, widths[i]!, { bold: true, center: true })).join("")}</w:tr>`;
  const rows = exportRows(items)
    .map((r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells(r).map((c, i) => cell(String(c), widths[i]!, { center: i === 0 })).join("")}</w:tr>`)
    .join("");
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join("");
  const table =
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${headerRow}${rows}</w:tbl>`;
  const body =
    paragraph(exportHeading(title), { bold: true, size: 14, center: true }) +
    table +
    // A4 landscape, 2 cm margins: the seven columns need the width.
    `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`;
  const zip = new JSZip();
  // Parts only, no folder entries: an OOXML package lists its parts, and strict readers refuse anything else.
  const part = (name: string, xmlText: string) => zip.file(name, xmlText, { createFolders: false });
  part(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  part(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  part("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`);
  part(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
