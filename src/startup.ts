/**
 * Start-up checks of the environment that configuration parsing cannot see (a folder that cannot be written), with
 * messages an operator can act on: the setting to change, in Vietnamese, never a bare errno.
 */
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/** A start-up failure the operator fixes by changing `setting`. Exit code 2, like a configuration error. */
export class StartupError extends Error {
  override readonly name = "StartupError";
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** Why a folder cannot be written, in the operator's words. */
function reasonOf(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case "EACCES":
    case "EPERM":
      return "tài khoản chạy trợ lý không có quyền ghi";
    case "EROFS":
      return "ổ đĩa chỉ cho đọc";
    case "ENOSPC":
    case "EDQUOT":
      return "ổ đĩa đã đầy";
    case "ENOTDIR":
    case "EEXIST":
      return "đường dẫn này (hoặc một phần của nó) là một tệp, không phải thư mục";
    case "ENOENT":
      return "không tạo được thư mục";
    default:
      return "hệ thống tệp từ chối ghi";
  }
}

/** Prove that `dir` can be written: create it if needed, write and remove a small file. */
async function probe(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `.write-check-${process.pid}`);
  try {
    await writeFile(file, "ok");
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
}

/**
 * DATA_DIR and the folders under it that already exist must be writable: the index, sessions, answers and uploads
 * are written there, and finding out at the first question (every answer failing) is too late.
 */
export async function checkDataDir(dataDir: string, setting = "DATA_DIR"): Promise<void> {
  const root = resolve(dataDir);
  const dirs = [root];
  // Sub-folders created by earlier runs may have other owners or modes (a volume restored as root, a chmod).
  const walk = async (dir: string, depth: number) => {
    if (depth === 0) return;
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory() || /^v\d+-\d+$/.test(entry.name)) continue;
      dirs.push(join(dir, entry.name));
      await walk(join(dir, entry.name), depth - 1);
    }
  };
  if (await stat(root).then((s) => s.isDirectory(), () => false)) await walk(root, 2);
  for (const dir of dirs) {
    try {
      await probe(dir);
    } catch (err) {
      const where = dir === root ? `thư mục dữ liệu "${root}"` : `thư mục "${dir}" trong thư mục dữ liệu`;
      throw new StartupError(
        setting,
        `${setting}: không ghi được vào ${where} (${reasonOf(err)}). Trợ lý cần ghi chỉ mục, phiên trò chuyện và câu trả lời vào đây: ` +
          `cấp quyền ghi cho tài khoản chạy trợ lý, hoặc đặt ${setting} sang một thư mục ghi được.\n` +
          `${setting} is not writable: ${dir}`,
      );
    }
  }
}
