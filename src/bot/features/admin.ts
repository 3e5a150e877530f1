/**
 * Admin features (ADMIN_USER_IDS): upload a .txt/.md/.docx/.pdf document in private to add it to the corpus, and
 * /reload to re-ingest the configured corpus folders. Everyone else is refused politely.
 *
 * An upload is parsed before anything is written. When its number is already indexed (a new version, or a forged
 * copy), it is held and the admin compares both documents (issuer, date, signer) and chooses with two buttons;
 * nothing is replaced silently. An upload whose header the parser cannot read is indexed with a warning naming
 * what is missing. In a group, a file from an admin gets a pointer to the private chat (uploads are private).
 */
import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute } from "node:path";
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { DocumentCard, IngestReport, UploadPreview } from "../../assistant/types.js";
import { decodeUploadChoice, encodeUploadChoice, UPLOAD_PATTERN } from "../callback-data/index.js";
import { isPrivate } from "../addressing.js";
import type { BotContext, BotDeps } from "../context.js";
import { describeDocument, formatDate } from "../format/citation.js";
import { bold, escapeHtml, italic, shorten } from "../format/html.js";
import { withTyping } from "../middlewares/typing.js";
import { replyHtml } from "../reply.js";
import { newAnswerId } from "../storage/index.js";

/**
 * Largest upload accepted, in bytes: 10 MB (MiB), room for any directive document as text, .docx or a scanned-free
 * PDF; the Bot API itself lets a bot download files up to 20 MB.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_EXTENSIONS = [".txt", ".md", ".docx", ".pdf"];
/** Bound on one download, in milliseconds. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

export const NOT_ADMIN = "Xin lỗi, chỉ quản trị viên mới được nạp văn bản hoặc nạp lại kho. Đồng chí vẫn có thể đặt câu hỏi bình thường.";

export class FileTooLargeError extends Error {
  /** `bytes`: the size when known (Telegram's file_size, or how much arrived before the limit was passed). */
  constructor(readonly bytes: number | null) {
    super(`file is larger than ${MAX_UPLOAD_BYTES} bytes`);
  }
}

/** "10,4 MB": one decimal, Vietnamese comma, megabytes of 1024 × 1024 bytes (what the limit is counted in). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

export function tooLargeText(fileName: string, bytes: number | null): string {
  const size = bytes !== null && bytes > MAX_UPLOAD_BYTES ? ` (tệp này ${megabytes(bytes)})` : "";
  return (
    `Tệp “${fileName}” quá lớn: tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB cho mỗi tệp gửi qua Telegram${size}. ` +
    "Vui lòng tách thành các tệp nhỏ hơn 10 MB (ví dụ mỗi tệp một văn bản, hoặc lưu lại dạng .txt/.docx không kèm ảnh) rồi gửi lại; " +
    "tệp lớn hơn có thể nạp trên máy chủ bằng lệnh npm run ingest."
  );
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
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    throw new FileTooLargeError(declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Uint8Array).byteLength;
    if (size > maxBytes) throw new FileTooLargeError(null);
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
  if (report.warnings?.length) {
    parts.push(
      `${bold("⚠️ Lưu ý:")}\n` +
        report.warnings
          .map(
            (w) =>
              `• ${escapeHtml(w.file)}: không nhận ra ${escapeHtml(w.missing.join(", "))} trong phần đầu văn bản; trích dẫn sẽ thiếu các thông tin này. ` +
              `Có thể bổ sung bằng tệp ${escapeHtml(`${w.file}.meta.json`)} trong thư mục metadata (xem metadata/README.md) hoặc sửa phần đầu văn bản rồi gửi lại.`,
          )
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

/** One document's facts for the side-by-side check. */
function cardHtml(title: string, card: DocumentCard): string {
  const none = italic("không rõ");
  return [
    `${bold(escapeHtml(title))} (tệp ${escapeHtml(basename(card.file))})`,
    `• ${escapeHtml(describeDocument(card))}`,
    `• Cơ quan ban hành: ${card.issuer ? escapeHtml(card.issuer) : none}`,
    `• Ngày ban hành: ${card.date ? escapeHtml(formatDate(card.date)!) : none}`,
    `• Người ký: ${card.signer ? escapeHtml(card.signer) : none}`,
  ].join("\n");
}

export function renderConflict(fileName: string, preview: UploadPreview): string {
  const blocks = preview.conflicts.map(({ upload, existing }) =>
    [
      bold(escapeHtml(`Số hiệu ${upload.number} đã có trong kho`)),
      `Tệp “${escapeHtml(fileName)}” mang cùng số hiệu với văn bản đang dùng để trả lời. Đồng chí đối chiếu trước khi thay thế:`,
      ...existing.map((e) => cardHtml("Văn bản đang có", e)),
      cardHtml("Văn bản vừa gửi", upload),
    ].join("\n\n"),
  );
  return `${blocks.join("\n\n")}\n\nThay văn bản đang có bằng văn bản vừa gửi? Nếu không chọn, tệp vừa gửi được bỏ sau 24 giờ.`;
}

export function adminFeature(deps: Pick<BotDeps, "assistant" | "config" | "storage">): Composer<BotContext> {
  const { assistant, config, storage } = deps;
  const feature = new Composer<BotContext>();
  const isAdmin = (ctx: BotContext) => ctx.from !== undefined && config.ADMIN_USER_IDS.includes(ctx.from.id);
  /** Confirmations being carried out: a double press must not index twice. */
  const inProgress = new Set<string>();

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
    if (!isPrivate(ctx)) {
      // Groups: uploads are private (the conflict check shows documents side by side, and anyone sees a group).
      // An admin's file gets a pointer; anybody else's file is group chatter.
      if (!isAdmin(ctx)) return next();
      await ctx.reply(`Để nạp văn bản, đồng chí vui lòng gửi tệp trong tin nhắn riêng với @${ctx.me.username}.`, {
        reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
      });
      return;
    }
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
    if ((doc.file_size ?? 0) > MAX_UPLOAD_BYTES) {
      await ctx.reply(tooLargeText(fileName, doc.file_size ?? null));
      return;
    }
    if (doc.file_size === 0) {
      await ctx.reply(`Tệp “${fileName}” rỗng (0 byte). Vui lòng kiểm tra lại tệp rồi gửi lại.`);
      return;
    }

    await withTyping(ctx, async () => {
      let data: Buffer;
      try {
        const file = await ctx.getFile();
        if (!file.file_path) throw new Error("getFile returned no file_path");
        data = await downloadTelegramFile(config.TELEGRAM_API_ROOT, ctx.api.token, file.file_path, MAX_UPLOAD_BYTES);
      } catch (err) {
        // Telegram refuses getFile above 20 MB ("file is too big") when the message did not say the size.
        if (err instanceof FileTooLargeError || (err instanceof GrammyError && /file is too big/i.test(err.description))) {
          await ctx.reply(tooLargeText(fileName, err instanceof FileTooLargeError ? err.bytes : null));
          return;
        }
        ctx.log.warn({ err, file: fileName }, "upload download failed");
        await ctx.reply(`Không tải được tệp “${fileName}” từ Telegram. Vui lòng gửi lại sau ít phút.`);
        return;
      }
      const files = [{ fileName, data }];
      const preview = assistant.previewFiles ? await assistant.previewFiles(files) : null;
      if (preview?.conflicts.length) {
        const id = newAnswerId();
        await storage.pendingUploads.write(id, {
          fileName,
          data: data.toString("base64"),
          userId: ctx.from!.id,
          chatId: ctx.chat.id,
          createdAt: new Date().toISOString(),
        });
        ctx.log.info({ file: fileName, numbers: preview.conflicts.map((c) => c.upload.number) }, "upload held: number already indexed");
        await replyHtml(ctx, renderConflict(fileName, preview), {
          keyboard: new InlineKeyboard().text("✅ Thay thế", encodeUploadChoice(id, "replace")).text("✖️ Giữ văn bản đang có", encodeUploadChoice(id, "keep")),
        });
        return;
      }
      const report = await assistant.addFiles(files);
      ctx.log.info({ file: fileName, bytes: data.length, indexed: report.indexed.length, rejected: report.rejected.length }, "upload ingested");
      await replyHtml(ctx, renderIngestReport(report, `Tệp “${fileName}”`));
    });
  });

  feature.callbackQuery(UPLOAD_PATTERN, async (ctx) => {
    const choice = decodeUploadChoice(ctx.callbackQuery.data);
    if (!choice) return;
    if (!isAdmin(ctx)) {
      await ctx.answerCallbackQuery({ text: NOT_ADMIN, show_alert: true });
      return;
    }
    if (inProgress.has(choice.uploadId)) {
      await ctx.answerCallbackQuery({ text: "Đang xử lý lựa chọn trước của đồng chí." });
      return;
    }
    inProgress.add(choice.uploadId);
    try {
      const pending = await storage.pendingUploads.read(choice.uploadId);
      if (!pending) {
        await ctx.answerCallbackQuery({ text: "Yêu cầu này đã được xử lý hoặc đã quá hạn. Vui lòng gửi lại tệp nếu cần.", show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery();
      // The buttons go first: the choice is made, a second press must find nothing to do.
      await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch((err: unknown) => ctx.log.debug({ err }, "buttons not removed"));
      try {
        if (choice.choice === "keep") {
          ctx.log.info({ file: pending.fileName }, "upload discarded: the indexed document is kept");
          await ctx.reply(`Đã giữ văn bản đang có; tệp “${pending.fileName}” không được nạp.`);
          return;
        }
        const files = [{ fileName: pending.fileName, data: Buffer.from(pending.data, "base64") }];
        const report = await withTyping(ctx, async () => {
          // The documents with that number now (the index may have changed since the question was asked).
          const preview = assistant.previewFiles ? await assistant.previewFiles(files) : null;
          const replace = preview?.conflicts.flatMap((c) => c.existing.map((e) => e.id)) ?? [];
          return assistant.addFiles(files, { replace });
        });
        ctx.log.info({ file: pending.fileName, indexed: report.indexed.length }, "upload replaced an indexed document");
        await replyHtml(ctx, renderIngestReport(report, `Tệp “${pending.fileName}” (thay thế)`));
      } finally {
        await storage.pendingUploads.delete(choice.uploadId);
      }
    } finally {
      inProgress.delete(choice.uploadId);
    }
  });

  return feature;
}
