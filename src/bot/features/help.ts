/**
 * /help: what the bot can do, with an example for each command. Admins also see the admin commands.
 */
import { Composer } from "grammy";
import type { Config } from "../../config.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/html.js";
import type { ChatScope } from "../storage/index.js";
import { scopeLine } from "./scope.js";

export function helpText(options: { botUsername: string; isAdmin: boolean; scope?: ChatScope | null }): string {
  const lines = [
    "<b>Trợ lý tra cứu chuỗi văn bản thực hiện Kết luận 69-KL/TW</b>",
    "Trả lời ngắn gọn, mỗi ý có trích dẫn [1], [2]… ghi rõ loại văn bản, số hiệu (hoặc “không số”), ngày, cơ quan ban hành, mục và câu trích nguyên văn. Bấm 📄 để xem toàn văn mục được trích, 👍/👎 để đánh giá.",
    "",
    "<b>Hỏi đáp</b>",
    "• Tin nhắn riêng: gõ câu hỏi bất kỳ.",
    `• Trong nhóm: /hoi &lt;câu hỏi&gt;, nhắc tên @${escapeHtml(options.botUsername)} hoặc trả lời tin nhắn của trợ lý.`,
    "• Câu hỏi tiếp theo có thể dựa vào câu trước, ví dụ: “Còn Quảng Ngãi thì sao?”",
    "Ví dụ:",
    "  <i>Kết luận 69 yêu cầu những nhiệm vụ gì?</i>",
    "  <i>Ai chủ trì việc tuyên truyền ở Từ Sơn?</i>",
    "  <i>Công văn 2018-CV/TU ban hành ngày nào?</i>",
    "",
    "<b>Lệnh</b>",
    "/giao &lt;cơ quan hoặc việc&gt; — nhiệm vụ của một cơ quan (chủ trì, phối hợp, nhận báo cáo) theo từng văn bản, có thời hạn. Ví dụ: /giao Sở Khoa học và Công nghệ, /giao so khcn",
    "/han [30|90] [cơ quan] — nhiệm vụ đến hạn trong 30 (hoặc 90) ngày tới. Ví dụ: /han 90 Sở Tài chính",
    "/theodoi &lt;cơ quan&gt; — nhắc trước mỗi thời hạn và báo khi văn bản mới giao việc; /botheodoi để ngừng",
    "/xuat &lt;cơ quan hoặc số hiệu&gt; — bảng nhiệm vụ dạng Excel và Word (STT, Nhiệm vụ, Chủ trì, Phối hợp, Thời hạn, Văn bản, Mục)",
    "/chuoi [số hiệu] — chuỗi văn bản lên đến Nghị quyết 20 và các văn bản thực hiện. Ví dụ: /chuoi 69-KL/TW (không có số hiệu: cả cây)",
    "/vanban — danh sách văn bản đã nạp",
    "/phamvi &lt;địa phương&gt; — chỉ trả lời từ văn bản trung ương và văn bản của địa phương đó (ví dụ /phamvi Quảng Ngãi); /phamvi: xem phạm vi; /phamvi xoa: bỏ phạm vi",
    "/nguon — nguồn của câu trả lời gần nhất",
    "/quiz, /diem — câu đố ôn tập và điểm",
    "/onthi [số câu] [giây] [chủ đề] — buổi ôn thi cho chi bộ: hỏi khắp các phần của văn bản, cuối buổi có bảng xếp hạng và các câu nhiều người sai kèm trích dẫn. Ví dụ: /onthi 10 45s KL 69. Người chủ trì: /onthi tạm dừng, /onthi tiếp, /onthi dừng",
    "/help — hướng dẫn này",
    "",
    scopeLine(options.scope),
  ];
  if (options.isAdmin) {
    lines.push(
      "",
      "<b>Quản trị viên</b>",
      "• Gửi tệp .txt, .md, .docx hoặc .pdf (tối đa 10 MB mỗi tệp) trong tin nhắn riêng để nạp thêm văn bản. Văn bản trùng số hiệu với văn bản đã có chỉ được thay thế khi đồng chí xác nhận.",
      "/reload — nạp lại toàn bộ kho văn bản",
    );
  }
  return lines.join("\n");
}

export function helpFeature(config: Pick<Config, "ADMIN_USER_IDS">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("help", (ctx) =>
    ctx.reply(helpText({ botUsername: ctx.me.username, isAdmin: config.ADMIN_USER_IDS.includes(ctx.from?.id ?? NaN), scope: ctx.session.scope ?? null }), {
      parse_mode: "HTML",
    }),
  );
  return feature;
}
