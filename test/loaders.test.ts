import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import JSZip from "jszip";
import { PDFDocument, PDFHexString, StandardFonts, rgb } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LoadError, SUPPORTED_EXTENSIONS, collectFiles, loadAll, loadBuffer, loadFile } from "../src/loaders/index.js";

// ---------------------------------------------------------------------------------------------------------------
// Fixture builders: every fixture is generated here, into a temp folder.

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A plain paragraph, or one drawn as an item of list `numId` at level `ilvl`. */
function para(text: string, list?: { numId: number; ilvl?: number }): string {
  const pPr = list
    ? `<w:pPr><w:numPr><w:ilvl w:val="${list.ilvl ?? 0}"/><w:numId w:val="${list.numId}"/></w:numPr></w:pPr>`
    : "";
  // Split into two runs to check that runs are joined without inventing spaces.
  const mid = Math.floor(text.length / 2);
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`;
  return `<w:p>${pPr}${run(text.slice(0, mid))}${run(text.slice(mid))}</w:p>`;
}

function table(rows: string[][][]): string {
  const cell = (paras: string[]) => `<w:tc>${paras.map((t) => para(t)).join("") || "<w:p/>"}</w:tc>`;
  return `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
}

/** Levels: "I." upperRoman, "1." decimal, "a)" lowerLetter, "-" bullet. */
const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W_NS}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

async function makeDocx(bodyXml: string, opts: { numbering?: boolean } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  ${opts.numbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : ""}
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`,
  );
  if (opts.numbering) {
    zip.file(
      "word/_rels/document.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>`,
    );
    zip.file("word/numbering.xml", NUMBERING_XML);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const require = createRequire(import.meta.url);
let dejaVu: Buffer;

/** Lines drawn top-down with a 14 pt font; `gapAfter` marks where a paragraph gap follows. */
interface PdfLine {
  text: string;
  gapAfter?: boolean;
}

async function makePdf(pages: PdfLine[][], opts: { pageNumbers?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(dejaVu, { subset: true });
  pages.forEach((lines, i) => {
    const page = doc.addPage([595, 842]);
    if (opts.pageNumbers && i > 0) page.drawText(String(i + 1), { x: 295, y: 810, size: 12, font });
    let y = 780;
    for (const line of lines) {
      page.drawText(line.text, { x: 70, y, size: 14, font });
      y -= line.gapAfter ? 34 : 18;
    }
  });
  return Buffer.from(await doc.save());
}

async function makeScannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return Buffer.from(await doc.save());
}

/** A PDF with a standard security handler whose user password is not empty: readers must ask for it. */
async function makeLockedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText("Noi dung mat", { x: 50, y: 700, size: 12, font });
  const ctx = doc.context;
  const encrypt = ctx.obj({
    Filter: "Standard",
    V: 1,
    R: 2,
    O: PDFHexString.of("ab".repeat(32)),
    U: PDFHexString.of("cd".repeat(32)),
    P: -4,
  });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of("01".repeat(16)), PDFHexString.of("01".repeat(16))]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "loaders-test-"));
  dejaVu = await readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectLoadError(p: Promise<unknown>, file: string, reason: RegExp): Promise<LoadError> {
  const err = await p.then(
    () => {
      throw new Error("expected a LoadError");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LoadError);
  const le = err as LoadError;
  expect(le.file).toBe(file);
  expect(le.message).toBe(`${file}: ${le.reason}`);
  expect(le.reason).toMatch(reason);
  return le;
}

// ---------------------------------------------------------------------------------------------------------------

describe("plain text (.txt, .md)", () => {
  it("strips the BOM, turns CRLF into LF and NFD into NFC, and changes nothing else", async () => {
    const nfc = "Số 12-KH/ĐU\r\n\r\nI. MỤC ĐÍCH, YÊU CẦU\r\n**1. Nâng cao nhận thức**  \r\n";
    const file = at("nfd.txt");
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(nfc.normalize("NFD"), "utf8")]));
    const loaded = await loadFile(file);
    expect(loaded).toEqual({
      file,
      format: "txt",
      text: "Số 12-KH/ĐU\n\nI. MỤC ĐÍCH, YÊU CẦU\n**1. Nâng cao nhận thức**  \n",
    });
    expect(loaded.text).toBe(loaded.text.normalize("NFC"));
    expect(loaded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("keeps Markdown as written (the parser strips it)", async () => {
    const md = "# Nghị quyết 20 \\- 2012\n\n| Số: 20-NQ/TW | *Hà Nội, ngày 01 tháng 11 năm 2012* |\n";
    const loaded = await loadBuffer("nq20.md", Buffer.from(md));
    expect(loaded).toEqual({ file: "nq20.md", format: "md", text: md });
  });

  it("reads UTF-16 saved by Notepad", async () => {
    const text = "Kính gửi: Các đảng bộ, chi bộ trực thuộc\r\n";
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect((await loadBuffer("notepad.txt", data)).text).toBe("Kính gửi: Các đảng bộ, chi bộ trực thuộc\n");
  });

  it("rejects an empty or whitespace-only file", async () => {
    await writeFile(at("empty.txt"), "");
    await writeFile(at("blank.md"), " \r\n\t\n");
    await expectLoadError(loadFile(at("empty.txt")), at("empty.txt"), /^tệp rỗng$/);
    await expectLoadError(loadFile(at("blank.md")), at("blank.md"), /^tệp rỗng$/);
  });

  it("rejects binary content", async () => {
    const bytes = Buffer.alloc(2048);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed % 7 === 0 ? 0 : seed & 0xff;
    }
    await writeFile(at("random.txt"), bytes);
    await expectLoadError(loadFile(at("random.txt")), at("random.txt"), /^tệp nhị phân, không phải văn bản/);
  });

  it("tells the user when a .txt is really a PDF", async () => {
    const err = await expectLoadError(loadBuffer("renamed.txt", Buffer.from("%PDF-1.7\n%âãÏÓ\n")), "renamed.txt", /nhị phân/);
    expect(err.reason).toContain(".pdf");
  });

  it("rejects a legacy code page (Windows-1258/TCVN3 bytes are not UTF-8)", async () => {
    // "Đảng bộ tỉnh" in TCVN3 (ABC): accented letters are single bytes above 0x7F.
    const tcvn3 = Buffer.from([0xa7, 0xb6, 0x6e, 0x67, 0x20, 0x62, 0xe9, 0x20, 0x74, 0xdb, 0x6e, 0x68, 0x0a]);
    const data = Buffer.concat(Array.from({ length: 20 }, () => tcvn3));
    await expectLoadError(loadBuffer("cu.txt", data), "cu.txt", /không phải UTF-8.*bảng mã/);
  });

  it("rejects UTF-8 text typed with a TCVN3 font (valid Unicode, unreadable Vietnamese)", async () => {
    const garbled = "§¶ng bé tØnh Th¸i Nguyªn ®¶ng ñy khèi c¸c c¬ quan\n".repeat(5);
    await expectLoadError(loadBuffer("vntime.txt", Buffer.from(garbled)), "vntime.txt", /bảng mã cũ/);
  });
});

describe(".docx", () => {
  it("keeps paragraphs in order, one per line, in NFC", async () => {
    const data = await makeDocx(
      [
        para("Số 12-KH/ĐU"),
        para("I. MỤC ĐÍCH, YÊU CẦU".normalize("NFD")),
        para("1. Nâng cao nhận thức"),
        "<w:p/>",
        `<w:p><w:r><w:t>Về tổ chức nghiên cứu,</w:t><w:br/><w:t>quán triệt Kết luận &amp; Nghị quyết</w:t></w:r></w:p>`,
      ].join(""),
    );
    await writeFile(at("plan.docx"), data);
    const loaded = await loadFile(at("plan.docx"));
    expect(loaded.format).toBe("docx");
    const lines = loaded.text.split("\n").filter((l) => l !== "");
    expect(lines).toEqual([
      "Số 12-KH/ĐU",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Nâng cao nhận thức",
      "Về tổ chức nghiên cứu,",
      "quán triệt Kết luận & Nghị quyết",
    ]);
    expect(loaded.text).toBe(loaded.text.normalize("NFC"));
  });

  it("writes out the list numbers Word draws itself", async () => {
    const data = await makeDocx(
      [
        para("MỤC ĐÍCH, YÊU CẦU", { numId: 1, ilvl: 0 }),
        para("Nâng cao nhận thức", { numId: 1, ilvl: 1 }),
        para("Các cấp ủy", { numId: 1, ilvl: 2 }),
        para("Các chi bộ", { numId: 1, ilvl: 2 }),
        para("Quán triệt sâu rộng", { numId: 1, ilvl: 1 }),
        para("Tổ chức hội nghị", { numId: 1, ilvl: 3 }),
        para("NỘI DUNG TRỌNG TÂM", { numId: 1, ilvl: 0 }),
        para("Tăng cường sự lãnh đạo", { numId: 1, ilvl: 1 }),
      ].join(""),
      { numbering: true },
    );
    const lines = (await loadBuffer("ke-hoach.docx", data)).text.split("\n").filter((l) => l !== "");
    expect(lines).toEqual([
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Nâng cao nhận thức",
      "a) Các cấp ủy",
      "b) Các chi bộ",
      "2. Quán triệt sâu rộng",
      "- Tổ chức hội nghị",
      "II. NỘI DUNG TRỌNG TÂM",
      "1. Tăng cường sự lãnh đạo",
    ]);
  });

  it("reads a header table cell by cell and a data table row by row", async () => {
    const data = await makeDocx(
      [
        table([
          [
            ["ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY KHỐI", "*", "Số 12-KH/ĐU"],
            ["ĐẢNG CỘNG SẢN VIỆT NAM", "Thái Nguyên, ngày 5 tháng 3 năm 2024"],
          ],
        ]),
        para("KẾ HOẠCH"),
        table([
          [["STT"], ["Nội dung"], ["Thời gian"]],
          [["1"], ["Hội nghị quán triệt"], ["Quý II/2024"]],
        ]),
      ].join(""),
    );
    const lines = (await loadBuffer("bang.docx", data)).text.split("\n").filter((l) => l !== "");
    expect(lines).toEqual([
      "ĐẢNG BỘ TỈNH THÁI NGUYÊN",
      "ĐẢNG ỦY KHỐI",
      "*",
      "Số 12-KH/ĐU",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Thái Nguyên, ngày 5 tháng 3 năm 2024",
      "KẾ HOẠCH",
      "STT | Nội dung | Thời gian",
      "1 | Hội nghị quán triệt | Quý II/2024",
    ]);
  });

  it("rejects a corrupt .docx and a .docx with no text", async () => {
    const good = await makeDocx(para("Số 12-KH/ĐU"));
    await expectLoadError(loadBuffer("cut.docx", good.subarray(0, good.length - 40)), "cut.docx", /^tệp \.docx hỏng: /);
    await expectLoadError(loadBuffer("text.docx", Buffer.from("chỉ là văn bản")), "text.docx", /^tệp \.docx hỏng: /);
    await expectLoadError(loadBuffer("blank.docx", await makeDocx("<w:p/><w:p/>")), "blank.docx", /^tệp rỗng$/);
  });
});

describe(".pdf", () => {
  it("rebuilds lines in order, with a blank line at paragraph gaps and between pages", async () => {
    const data = await makePdf(
      [
        [
          { text: "Số 12-KH/ĐU", gapAfter: true },
          { text: "I. MỤC ĐÍCH, YÊU CẦU", gapAfter: true },
          { text: "1. Nâng cao nhận thức, trách nhiệm của các cấp ủy," },
          { text: "tổ chức đảng về khoa học và công nghệ." },
          { text: "2. Quán triệt Kết luận số 69-KL/TW." },
        ],
        [{ text: "II. NỘI DUNG TRỌNG TÂM" }, { text: "Đẩy mạnh đổi mới sáng tạo." }],
      ],
      { pageNumbers: true },
    );
    await writeFile(at("kh.pdf"), data);
    const loaded = await loadFile(at("kh.pdf"));
    expect(loaded.format).toBe("pdf");
    expect(loaded.text).toBe(
      [
        "Số 12-KH/ĐU",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "",
        "1. Nâng cao nhận thức, trách nhiệm của các cấp ủy,",
        "tổ chức đảng về khoa học và công nghệ.",
        "2. Quán triệt Kết luận số 69-KL/TW.",
        "",
        "II. NỘI DUNG TRỌNG TÂM",
        "Đẩy mạnh đổi mới sáng tạo.",
      ].join("\n"),
    );
  });

  it("rejects a PDF without a text layer, naming the file", async () => {
    await writeFile(at("scan.pdf"), await makeScannedPdf());
    const err = await expectLoadError(loadFile(at("scan.pdf")), at("scan.pdf"), /không có lớp văn bản/);
    expect(err.message).toContain("scan.pdf");
    expect(err.reason).toContain("OCR");
  });

  it("rejects a password-protected and a corrupt PDF, printing nothing to stdout", async () => {
    const stdout = vi.spyOn(process.stdout, "write");
    const log = vi.spyOn(console, "log");
    try {
      await expectLoadError(loadBuffer("mat-khau.pdf", await makeLockedPdf()), "mat-khau.pdf", /mật khẩu/);
      await expectLoadError(loadBuffer("hong.pdf", Buffer.from("%PDF-1.4\nnot really a pdf\n")), "hong.pdf", /^tệp \.pdf hỏng/);
      const good = await makePdf([[{ text: "Số 12-KH/ĐU" }]]);
      await expectLoadError(loadBuffer("cut.pdf", good.subarray(0, 400)), "cut.pdf", /^tệp \.pdf hỏng|không có lớp văn bản/);
      expect(stdout).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
      log.mockRestore();
    }
  });
});

describe("files and folders", () => {
  it("rejects an unsupported extension and a missing path, naming the file", async () => {
    await writeFile(at("bang-tinh.xlsx"), "PK\x03\x04");
    const xlsx = await expectLoadError(loadFile(at("bang-tinh.xlsx")), at("bang-tinh.xlsx"), /định dạng không hỗ trợ \(\.xlsx\)/);
    expect(xlsx.reason).toBe("định dạng không hỗ trợ (.xlsx); hỗ trợ: .txt, .md, .docx, .pdf");
    await expectLoadError(loadFile(at("khong-co.txt")), at("khong-co.txt"), /^không tìm thấy$/);
    await mkdir(at("thu-muc.txt"));
    await expectLoadError(loadFile(at("thu-muc.txt")), at("thu-muc.txt"), /thư mục/);
    expect(SUPPORTED_EXTENSIONS).toEqual([".txt", ".md", ".docx", ".pdf"]);
  });

  it("loadAll loads the good files of a folder and rejects the bad ones without stopping", async () => {
    const corpus = at("corpus");
    await mkdir(path.join(corpus, "con"), { recursive: true });
    await mkdir(path.join(corpus, ".git"), { recursive: true });
    await writeFile(path.join(corpus, "b.txt"), "Số 844-CV/ĐU\n");
    await writeFile(path.join(corpus, "a.md"), "# KẾ HOẠCH\n");
    await writeFile(path.join(corpus, "con", "c.docx"), await makeDocx(para("Hướng dẫn số 101-HD/BTGTU")));
    await writeFile(path.join(corpus, "con", "d.pdf"), await makeScannedPdf());
    await writeFile(path.join(corpus, "e.txt"), "");
    await writeFile(path.join(corpus, "README.md"), "Thư mục văn bản\n");
    await writeFile(path.join(corpus, "b.meta.json"), "{}");
    await writeFile(path.join(corpus, ".hidden.txt"), "ẩn\n");
    await writeFile(path.join(corpus, ".git", "x.txt"), "git\n");
    await writeFile(path.join(corpus, "~$c.docx"), "lock");
    await writeFile(path.join(corpus, "notes.xlsx"), "PK");

    const collected = await collectFiles([corpus, at("khong-co")]);
    expect(collected.files).toEqual(
      ["a.md", "b.txt", "con/c.docx", "con/d.pdf", "e.txt"].map((f) => path.join(corpus, f)),
    );
    expect(collected.rejected.map((e) => [e.file, e.reason])).toEqual([[at("khong-co"), "không tìm thấy"]]);

    const { loaded, rejected } = await loadAll([corpus, path.join(corpus, "b.txt"), at("khong-co")]);
    expect(loaded.map((l) => [path.relative(corpus, l.file), l.format, l.text])).toEqual([
      ["a.md", "md", "# KẾ HOẠCH\n"],
      ["b.txt", "txt", "Số 844-CV/ĐU\n"],
      [path.join("con", "c.docx"), "docx", "Hướng dẫn số 101-HD/BTGTU"],
    ]);
    expect(rejected.every((e) => e instanceof LoadError)).toBe(true);
    expect(rejected.map((e) => path.relative(dir, e.file)).sort()).toEqual(
      ["corpus/con/d.pdf", "corpus/e.txt", "khong-co"].map((p) => p.split("/").join(path.sep)),
    );
  });
});
