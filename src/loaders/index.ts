/**
 * Document loaders: how a file becomes the text the parser reads. Every problem with a file surfaces as a
 * LoadError naming the file and saying, in Vietnamese, what is wrong and what to do; one bad file never stops
 * the others in a batch.
 */
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { readDocx } from "./docx.js";
import { FormatError, LoadError } from "./errors.js";
import { readPdf } from "./pdf.js";
import { EMPTY_FILE, decodePlainText } from "./text.js";

export { LoadError } from "./errors.js";

export type SourceFormat = "txt" | "md" | "docx" | "pdf";

export interface LoadedText {
  file: string;
  format: SourceFormat;
  text: string;
}

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze([".txt", ".md", ".docx", ".pdf"]);

const NOT_FOUND = "không tìm thấy";
/** How many files loadAll reads at once: enough to overlap I/O, few enough to bound memory on big PDFs. */
const LOAD_CONCURRENCY = 4;

function formatOf(fileName: string): SourceFormat | null {
  const ext = path.extname(fileName).toLowerCase();
  return SUPPORTED_EXTENSIONS.includes(ext) ? (ext.slice(1) as SourceFormat) : null;
}

function unsupportedReason(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  const shown = ext === "" ? "không có đuôi tệp" : ext;
  return `định dạng không hỗ trợ (${shown}); hỗ trợ: ${SUPPORTED_EXTENSIONS.join(", ")}`;
}

/** Load one file into text. Throws LoadError on any problem (never another error type). */
export async function loadFile(filePath: string): Promise<LoadedText> {
  if (formatOf(filePath) === null) throw new LoadError(filePath, unsupportedReason(filePath));
  let data: Buffer;
  try {
    data = await readFile(filePath);
  } catch (err) {
    throw new LoadError(filePath, fsReason(err), { cause: err });
  }
  return loadBuffer(filePath, data);
}

/** Load from a Buffer (used by the Telegram bot for uploaded files); fileName gives the extension. */
export async function loadBuffer(fileName: string, data: Buffer): Promise<LoadedText> {
  const format = formatOf(fileName);
  if (format === null) throw new LoadError(fileName, unsupportedReason(fileName));
  try {
    if (data.length === 0) throw new FormatError(EMPTY_FILE);
    let text: string;
    switch (format) {
      case "txt":
      case "md":
        text = decodePlainText(data);
        break;
      case "docx":
        text = await readDocx(data);
        break;
      case "pdf":
        text = await readPdf(data);
        break;
    }
    if (text.trim() === "") throw new FormatError(EMPTY_FILE);
    return { file: fileName, format, text };
  } catch (err) {
    if (err instanceof LoadError) throw err;
    if (err instanceof FormatError) throw new LoadError(fileName, err.reason, { cause: err });
    const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new LoadError(fileName, `không đọc được tệp: ${msg}`, { cause: err });
  }
}

function fsReason(err: unknown): string {
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case "ENOENT":
    case "ENOTDIR":
      return NOT_FOUND;
    case "EISDIR":
      return "là thư mục, không phải tệp";
    case "EACCES":
    case "EPERM":
      return "không có quyền đọc tệp";
    default:
      return `không đọc được tệp: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Inside folders: hidden files, the folder's README, metadata sidecars and Word's "~$" lock files are not documents. */
function skippedInFolder(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$") || name.toLowerCase() === "readme.md" || name.endsWith(".meta.json");
}

/**
 * Expand files and folders (recursively, sorted, skipping dotfiles, README.md, *.meta.json and other unsupported
 * files silently inside folders) into file paths. A path given explicitly that does not exist -> it appears in
 * `rejected` with reason "không tìm thấy"; so does an explicit file of an unsupported format, with that reason.
 */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; rejected: LoadError[] }> {
  const files: string[] = [];
  const rejected: LoadError[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const addFile = async (p: string) => {
    const key = await realpath(p).catch(() => path.resolve(p));
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(p);
  };

  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => path.resolve(dir));
    if (seenDirs.has(real)) return; // a symlink loop or the same folder given twice
    seenDirs.add(real);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (err) {
      rejected.push(new LoadError(dir, fsReason(err), { cause: err }));
      return;
    }
    // Code-unit order: the same on every machine, whatever its locale.
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (skippedInFolder(name)) continue;
      const child = path.join(dir, name);
      const info = await stat(child).catch(() => null); // a dangling symlink is skipped like any non-document
      if (info?.isDirectory()) await walk(child);
      else if (info?.isFile() && formatOf(name) !== null) await addFile(child);
    }
  };

  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      rejected.push(new LoadError(p, fsReason(err), { cause: err }));
      continue;
    }
    if (info.isDirectory()) await walk(p);
    else if (formatOf(p) === null) rejected.push(new LoadError(p, unsupportedReason(p)));
    else await addFile(p);
  }
  return { files, rejected };
}

/** Load many: one bad file never stops the others. Loaded texts keep the order of collectFiles. */
export async function loadAll(paths: string[]): Promise<{ loaded: LoadedText[]; rejected: LoadError[] }> {
  const { files, rejected } = await collectFiles(paths);
  const results: (LoadedText | LoadError)[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      try {
        results[i] = await loadFile(file);
      } catch (err) {
        results[i] = err instanceof LoadError ? err : new LoadError(file, `không đọc được tệp: ${String(err)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOAD_CONCURRENCY, files.length) }, worker));
  const loaded: LoadedText[] = [];
  for (const r of results) {
    if (r instanceof LoadError) rejected.push(r);
    else loaded.push(r);
  }
  return { loaded, rejected };
}
