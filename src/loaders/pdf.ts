/**
 * .pdf → text with pdf.js (legacy build, the one meant for Node). pdf.js gives positioned text pieces, not lines:
 * lines are rebuilt from baselines in content-stream order, which for Word-made PDFs is reading order and keeps a
 * header table's left cell before its right cell instead of interleaving them.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { FormatError } from "./errors.js";
import { legacyGlyphsReason, letterCount, tidyExtracted } from "./text.js";

export const NO_TEXT_LAYER = "PDF không có lớp văn bản (bản scan?) — cần OCR trước khi nạp";
const UNMAPPED_FONTS =
  "PDF có lớp văn bản nhưng phông chữ không ánh xạ ra Unicode nên chữ bị lỗi — cần OCR hoặc xuất lại PDF từ tệp gốc";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>["getPage"]>>;

let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdf.js loaded once, running its worker code on this thread (no worker file, nothing fetched). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    // pdf.js picks up a worker already loaded in `globalThis.pdfjsWorker` instead of spawning one from a URL.
    const workerModule = "pdfjs-dist/legacy/build/pdf.worker.mjs";
    const worker: unknown = await import(workerModule);
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= worker;
    return await import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return pdfjsPromise;
}

/** Local folders of pdf.js's data files (CMaps for CJK-encoded fonts, standard fonts, wasm decoders). */
function resourceDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string; iccUrl: string } {
  const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  const dir = (name: string) => path.join(root, name) + path.sep;
  return { cMapUrl: dir("cmaps"), standardFontDataUrl: dir("standard_fonts"), wasmUrl: dir("wasm"), iccUrl: dir("iccs") };
}

export async function readPdf(data: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A copy: pdf.js may take ownership of (detach) the buffer it is given.
    data: new Uint8Array(data),
    ...resourceDirs(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isEvalSupported: false,
    stopAtErrors: false,
    enableXfa: false,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      if (name === "PasswordException") throw new FormatError("PDF được đặt mật khẩu — hãy gỡ mật khẩu rồi nạp lại", { cause: err });
      const detail = name === "InvalidPDFException" ? "cấu trúc PDF không hợp lệ" : errorText(err);
      throw new FormatError(`tệp .pdf hỏng: ${detail}`, { cause: err });
    }
    const pages: string[] = [];
    let brokenPages = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      // One damaged page costs that page, not the document.
      try {
        const page = await doc.getPage(n);
        pages.push(dropPageNumber(await pageLines(pdfjs, page), n).join("\n"));
        page.cleanup();
      } catch {
        brokenPages++;
      }
    }
    if (brokenPages > 0 && brokenPages === doc.numPages) throw new FormatError("tệp .pdf hỏng: không đọc được trang nào");
    const text = tidyExtracted(pages.join("\n\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ""));
    const letters = letterCount(text);
    if (letters < Math.max(20, 10 * doc.numPages)) throw new FormatError(NO_TEXT_LAYER);
    const chars = text.replace(/\s/g, "");
    const garbage = chars.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0;
    if (garbage > 0.2 * chars.length) throw new FormatError(UNMAPPED_FONTS);
    const legacy = legacyGlyphsReason(text);
    if (legacy) throw new FormatError(legacy);
    return text;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0]!.slice(0, 200);
}

interface Line {
  /** Baseline, in viewport units growing downwards. */
  y: number;
  size: number;
  xEnd: number;
  text: string;
}

async function pageLines(pdfjs: PdfJs, page: PdfPage): Promise<string[]> {
  // The viewport transform folds in /Rotate and flips y, so "down the page" is +y whatever the page's setup.
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const lines: Line[] = [];
  let cur: Line | undefined;
  for (const item of content.items) {
    if (!("str" in item) || item.str === "") continue;
    const t = pdfjs.Util.transform(viewport.transform, item.transform as number[]);
    const size = Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!) || item.height || 1;
    const x = t[4]!;
    const y = t[5]!;
    const sameLine =
      cur !== undefined &&
      Math.abs(y - cur.y) <= 0.5 * Math.min(size, cur.size) &&
      x >= cur.xEnd - 0.5 * size && // not jumping back to the left: that is a new line or a new column
      x - cur.xEnd <= 3 * size; // a wide gap separates table cells or header columns
    if (cur && sameLine) {
      const gap = x - cur.xEnd;
      const needsSpace = gap > 0.15 * size && !/\s$/.test(cur.text) && !/^[\s\p{M}]/u.test(item.str);
      cur.text += (needsSpace ? " " : "") + item.str;
      cur.xEnd = Math.max(cur.xEnd, x + item.width);
    } else {
      cur = { y, size, xEnd: x + item.width, text: item.str };
      lines.push(cur);
    }
  }

  const kept = lines.filter((l) => l.text.trim() !== "");
  const out: string[] = [];
  const usual = usualLineStep(kept);
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i]!;
    const prev = kept[i - 1];
    if (prev) {
      const dy = line.y - prev.y;
      const step = usual ?? 1.5 * prev.size;
      // Going back up the page starts another column or cell; a step well above the usual one is a paragraph gap.
      if (dy < -0.5 * line.size || (dy > 1.3 * step && dy - step > 0.25 * line.size)) out.push("");
    }
    // Symbol/Wingdings bullets come out as private-use code points.
    out.push(line.text.trim().replace(/^[\uF000-\uF0FF](?=\s)/, "•"));
  }
  return out;
}

/**
 * The body's line spacing: the lower quartile of the distances between consecutive baselines. Paragraph gaps are
 * the larger steps, and on a short page they can be half of all steps, so the median would take them for the norm.
 */
function usualLineStep(lines: Line[]): number | undefined {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const dy = lines[i]!.y - lines[i - 1]!.y;
    const size = lines[i]!.size;
    if (dy > 0.6 * size && dy < 3 * size) steps.push(dy);
  }
  if (steps.length < 3) return undefined;
  steps.sort((a, b) => a - b);
  return steps[Math.floor((steps.length - 1) / 4)];
}

/** Page numbers printed at the top or bottom of a page ("2", "- 2 -") are not part of the text. */
function dropPageNumber(lines: string[], pageNumber: number): string[] {
  const isNumber = (line: string | undefined) => {
    const m = line?.match(/^[-–—\s]*(\d{1,4})[-–—\s]*$/);
    return m !== null && m !== undefined && (Number(m[1]) === pageNumber || Number(m[1]) === pageNumber - 1);
  };
  const nonEmpty = lines.map((l, i) => (l.trim() === "" ? -1 : i)).filter((i) => i >= 0);
  const drop = new Set<number>();
  const first = nonEmpty[0];
  const last = nonEmpty[nonEmpty.length - 1];
  if (nonEmpty.length > 1 && first !== undefined && isNumber(lines[first])) drop.add(first);
  if (nonEmpty.length > 1 && last !== undefined && last !== first && isNumber(lines[last])) drop.add(last);
  return lines.filter((_, i) => !drop.has(i));
}
