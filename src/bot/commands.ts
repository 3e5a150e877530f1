/**
 * The command menu (setMyCommands), in Vietnamese. Admins additionally see /reload in their private chat.
 */
import type { BotCommand } from "grammy/types";

export const USER_COMMANDS: BotCommand[] = [
  { command: "hoi", description: "Hỏi về Kết luận 69 và các văn bản thực hiện" },
  { command: "giao", description: "Nhiệm vụ của một cơ quan: /giao <cơ quan hoặc việc>" },
  { command: "han", description: "Nhiệm vụ sắp đến hạn: /han [30|90] [cơ quan]" },
  { command: "theodoi", description: "Theo dõi, nhắc hạn nhiệm vụ của cơ quan: /theodoi <cơ quan>" },
  { command: "botheodoi", description: "Ngừng theo dõi: /botheodoi [cơ quan]" },
  { command: "xuat", description: "Xuất bảng nhiệm vụ Excel, Word: /xuat <cơ quan hoặc số hiệu>" },
  { command: "chuoi", description: "Chuỗi văn bản từ Nghị quyết 20: /chuoi [số hiệu]" },
  { command: "vanban", description: "Danh sách văn bản đã nạp" },
  { command: "phamvi", description: "Phạm vi địa phương của cuộc trò chuyện: /phamvi <địa phương>" },
  { command: "nguon", description: "Nguồn của câu trả lời gần nhất" },
  { command: "quiz", description: "Câu đố ôn tập" },
  { command: "onthi", description: "Buổi ôn thi cho nhóm: /onthi [số câu] [giây] [chủ đề]" },
  { command: "diem", description: "Điểm buổi này và từ trước đến nay" },
  { command: "help", description: "Hướng dẫn sử dụng và ví dụ" },
  { command: "start", description: "Bắt đầu" },
];

export const ADMIN_COMMANDS: BotCommand[] = [
  ...USER_COMMANDS,
  { command: "reload", description: "Nạp lại kho văn bản (quản trị viên)" },
];
