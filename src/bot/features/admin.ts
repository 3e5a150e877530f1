/**
 * Admin features (ADMIN_USER_IDS): upload a .txt/.md/.docx/.pdf document in private to add it to the corpus, and
 * /reload to re-ingest the configured corpus folders. Everyone else is refused politely.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute } from "node:path";
import { Composer } from "grammy";
import type { IngestReport } from "../../assistant/types.js";
import { isPrivate } from "../addressing.js";
import type { BotContext, BotDeps } from "../context.js";
import { describeDocument } from "../format/citation.js";
import { bold, escapeHtml, italic, shorten } from "../format/html.js";
import { withTyping } from "../middlewares/typing.js";
import { replyHtml } from "../reply.js";

/** Largest upload accepted, in bytes. (The Bot API itself serves files up to 20 MB through getFile.) */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_EXTENSIONS = [".txt", ".md", ".docx", ".pdf"];
/** Bound on one download, in milliseconds. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

export const NOT_ADMIN = "Xin lỗi, chỉ quản trị viên mới được nạp văn bản hoặc nạp lại kho. Đồng chí vẫn có thể đặt câu hỏi bình thường.";

export class FileTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`file is larger than ${MAX_UPLOAD_BYTES} bytes`);
  }
}

/**
 * Download a file the Bot API stores, through the same API root as every other call. The URL carries the token,
 * so it never goes into an error message. A local Bot API server (--local) returns an absolute path instead.
 */
export async function downloadTelegramFile(apiRoot: string, token: string, filePath: string, maxBytes: number): Promise<Buffer> {
  if (isAbsolute(filePath)) {
    const info = await stat(filePath);
    if (info.size > maxBytes) throw new FileTooLargeError(info.size);
    return readFile(filePath);
  }
  const url = `${apiRoot.replace(/\/+$/, "")}/file/bot${token}/${filePath.split("/").map(encodeURIComponent).join("/")}`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (err) {
    throw new Error(`file download failed: ${(err as Error).name}`);
  }
  if (!res.ok || !res.body) throw new Error(`file download failed: HTTP ${res.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Uint8Array).byteLength;
    if (size > maxBytes) throw new FileTooLargeError(size);
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

export function renderIngestReport(report: IngestReport, what: string): string {
  const parts: string[] = [];
  if (report.indexed.length) {
    parts.push(
      `${bold(escapeHtml(`${what}: đã nạp ${report.indexed.length} văn bản`))}\n` +
        report.indexed
          .map((d) => `• ${escapeHtml(describeDocument(d))}${d.title ? `\n  ${italic(escapeHtml(shorten(d.title, 160)))}` : ""}`)
          .join("\n"),
    );
  }
  if (report.rejected.length) {
    parts.push(
      `${bold("Không nạp được:")}\n` +
        report.rejected.map((r) => `• ${escapeHtml(r.file)}: ${escapeHtml(r.reason)}`).join("\n"),
    );
  }
  if (!parts.length) parts.push(escapeHtml(`${what}: không có văn bản nào được nạp.`));
  return parts.join("\n\n");
}

export function adminFeature(deps: Pick<BotDeps, "assistant" | "config">): Composer<BotContext> {
  const { assistant, config } = deps;
  const feature = new Composer<BotContext>();
  const isAdmin = (ctx: BotContext) => ctx.from !== undefined && config.ADMIN_USER_IDS.includes(ctx.from.id);

  feature.command("reload", async (ctx) => {
    if (!isAdmin(ctx)) {
      await ctx.reply(NOT_ADMIN);
      return;
    }
    const report = await withTyping(ctx, () => assistant.reload());
    ctx.log.info({ indexed: report.indexed.length, rejected: report.rejected.length }, "corpus reloaded");
    await replyHtml(ctx, renderIngestReport(report, "Nạp lại kho"));
  });

  feature.on("message:document", async (ctx, next) => {
    if (!isPrivate(ctx)) return next();
    if (!isAdmin(ctx)) {
      await ctx.reply(NOT_ADMIN);
      return;
    }
    const doc = ctx.message.document;
    const fileName = basename(doc.file_name ?? "").trim();
    const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? "";
    if (!UPLOAD_EXTENSIONS.includes(ext)) {
      await ctx.reply(`Chỉ nhận tệp ${UPLOAD_EXTENSIONS.join(", ")}. Tệp “${fileName || "không tên"}” không đúng định dạng.`);
      return;
    }
    const tooLarge = `Tệp “${fileName}” quá lớn: tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Vui lòng tách nhỏ hoặc nạp bằng lệnh ingest trên máy chủ.`;
    if ((doc.file_size ?? 0) > MAX_UPLOAD_BYTES) {
      await ctx.reply(tooLarge);
      return;
    }

    await withTyping(ctx, async () => {
      let data: Buffer;
      try {
        const file = await ctx.getFile();
        if (!file.file_path) throw new Error("getFile returned no file_path");
        data = await downloadTelegramFile(config.TELEGRAM_API_ROOT, ctx.api.token, file.file_path, MAX_UPLOAD_BYTES);
      } catch (err) {
        if (err instanceof FileTooLargeError) {
          await ctx.reply(tooLarge);
          return;
        }
        ctx.log.warn({ err, file: fileName }, "upload download failed");
        await ctx.reply(`Không tải được tệp “${fileName}” từ Telegram. Vui lòng gửi lại sau ít phút.`);
        return;
      }
      const report = await assistant.addFiles([{ fileName, data }]);
      ctx.log.info({ file: fileName, bytes: data.length, indexed: report.indexed.length, rejected: report.rejected.length }, "upload ingested");
      await replyHtml(ctx, renderIngestReport(report, `Tệp “${fileName}”`));
    });
  });

  return feature;
}
