/**
 * /xuat <cơ quan hoặc số hiệu>: the register of a body (in the chat's scope) or of a document as two files, .xlsx and
 * .docx, with the columns units paste into their plans and reports: STT, Nhiệm vụ, Chủ trì, Phối hợp, Thời hạn,
 * Văn bản, Mục.
 */
import { Composer, InputFile } from "grammy";
import { foldVi } from "../../text/vietnamese.js";
import { exportDocx, exportHeading, exportXlsx, type ExportTitle } from "../../tasks/export.js";
import type { TaskMatch } from "../../tasks/register.js";
import { isoDay } from "../../tasks/reminders.js";
import type { BotContext } from "../context.js";
import { escapeHtml, shorten } from "../format/html.js";
import { chatLocality, type TaskFeatureDeps } from "./task-lists.js";

export const EXPORT_USAGE = "Cách dùng: /xuat &lt;cơ quan hoặc số hiệu&gt;, ví dụ /xuat Sở Khoa học và Công nghệ, /xuat 552/KH-UBND";

/** A file name from the subject: ASCII, no spaces ("nhiem-vu-so-khoa-hoc-va-cong-nghe-2026-12-02.xlsx"). */
export function exportFileName(subject: string, day: string, ext: "xlsx" | "docx"): string {
  const slug = foldVi(subject)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `nhiem-vu-${slug || "danh-muc"}-${day}.${ext}`;
}

export function exportFeature(deps: TaskFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("xuat", async (ctx) => {
    const query = ctx.match.trim();
    if (!query) {
      await ctx.reply(EXPORT_USAGE, { parse_mode: "HTML" });
      return;
    }
    const register = deps.tasks.register();
    const locality = chatLocality(ctx);
    const scoped = locality ? deps.tasks.scopeDocuments(locality) : null;
    const today = isoDay(deps.now());
    let matches: TaskMatch[];
    let title: ExportTitle;
    let subject: string;
    const documents = register.findDocuments(query);
    if (documents.length) {
      matches = register.query({ documentIds: documents.map((d) => d.id), today });
      title = { subject: null, documents };
      subject = documents.map((d) => d.number ?? d.id).join(" ");
    } else {
      matches = register.query({ body: query, documentIds: scoped ?? undefined, today });
      const named = register.bodiesNamed(query);
      subject = named.length === 1 ? named[0]!.name : query;
      title = { subject, documents: [] };
    }
    if (!matches.length) {
      await ctx.reply(
        `Không có nhiệm vụ nào để xuất cho “${escapeHtml(shorten(query, 80))}”. Gõ tên cơ quan (ví dụ /xuat Sở Tài chính) hoặc số hiệu văn bản (ví dụ /xuat 552/KH-UBND); /giao để xem trước.`,
        { parse_mode: "HTML" },
      );
      return;
    }
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
    const caption = `${exportHeading(title)}: ${matches.length} nhiệm vụ${scoped && !documents.length ? ` (phạm vi ${locality})` : ""}.`;
    const [xlsx, docx] = await Promise.all([exportXlsx(matches, title), exportDocx(matches, title)]);
    await ctx.replyWithDocument(new InputFile(xlsx, exportFileName(subject, today, "xlsx")), { caption: shorten(caption, 1000) });
    await ctx.replyWithDocument(new InputFile(docx, exportFileName(subject, today, "docx")));
  });
  return feature;
}
