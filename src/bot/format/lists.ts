/**
 * HTML for /giao (assignments), /chuoi (the directive chain) and /vanban (documents).
 */
import type { AssignmentGroup, ChainNode, ChainView, DocumentSummary } from "../../assistant/types.js";
import { describeDocument, sectionLabel } from "./citation.js";
import { bold, escapeHtml, italic, shorten } from "./html.js";

/** Rows shown by /giao before asking the user to narrow the query. */
export const MAX_ASSIGNMENT_ROWS = 40;
export const TASK_MAX_CHARS = 220;

export function renderAssignments(query: string, groups: AssignmentGroup[]): string {
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const header = bold(escapeHtml(`Phân công liên quan đến “${shorten(query, 80)}”`)) + ` (${total} mục):`;
  const blocks: string[] = [header];
  let shown = 0;
  for (const group of groups) {
    if (shown >= MAX_ASSIGNMENT_ROWS) break;
    const rows: string[] = [];
    for (const row of group.rows) {
      if (shown >= MAX_ASSIGNMENT_ROWS) break;
      shown++;
      const partners = row.partners.length ? `; phối hợp: ${row.partners.join(", ")}` : "";
      const extras = [row.deadline ? `thời hạn: ${row.deadline}` : null, row.reportTo ? `báo cáo: ${row.reportTo}` : null]
        .filter(Boolean)
        .join("; ");
      rows.push(
        `• ${bold(escapeHtml(row.assignee))} (${escapeHtml(row.role + partners)}): ` +
          escapeHtml(shorten(row.task, TASK_MAX_CHARS)) +
          (extras ? ` ${escapeHtml(`(${extras})`)}` : "") +
          ` — ${italic(escapeHtml(sectionLabel(row.section)))}`,
      );
    }
    blocks.push(`${bold(escapeHtml(describeDocument(group.document)))}\n${rows.join("\n")}`);
  }
  if (total > shown) blocks.push(italic(escapeHtml(`… và ${total - shown} mục nữa. Hãy hỏi cụ thể hơn, ví dụ: /giao Ban Tuyên giáo tuyên truyền`)));
  return blocks.join("\n\n");
}

export function describeNode(node: ChainNode): string {
  const label = describeDocument({ docType: node.docType ?? "Văn bản", number: node.number, date: node.date, issuer: node.issuer });
  return node.documentId ? label : `${label} (chưa có trong kho văn bản, chỉ được dẫn chiếu)`;
}

export function renderChain(view: ChainView): string {
  const lines: string[] = [];
  if (view.focus) {
    lines.push(`${bold("Văn bản:")} ${escapeHtml(describeNode(view.focus))}`);
    const above = view.up.filter((n) => n.key !== view.focus?.key);
    if (above.length) {
      lines.push("", bold("Thực hiện văn bản cấp trên (lên đến Nghị quyết 20):"));
      above.forEach((n, i) => lines.push(`${"  ".repeat(i)}↑ ${escapeHtml(describeNode(n))}`));
    }
    lines.push("", bold("Các văn bản thực hiện văn bản này:"));
    if (!view.down.length) lines.push(italic("(chưa có văn bản nào trong kho thực hiện văn bản này)"));
  } else {
    lines.push(bold("Chuỗi văn bản thực hiện Nghị quyết 20-NQ/TW và Kết luận 69-KL/TW:"));
  }
  for (const { node, depth } of view.down) {
    const indent = "   ".repeat(Math.max(0, depth - (view.focus ? 1 : 0)));
    lines.push(`${indent}${depth === 0 ? "■" : "└"} ${escapeHtml(describeNode(node))}`);
  }
  lines.push("", italic("Xem một văn bản: /chuoi số hiệu (ví dụ /chuoi 69-KL/TW)."));
  return lines.join("\n");
}

export function renderDocuments(documents: DocumentSummary[]): string {
  if (!documents.length) return "Chưa có văn bản nào được nạp.";
  const lines = documents.map((d, i) => {
    const place = d.place ? ` (${d.place})` : "";
    return `${i + 1}. ${bold(escapeHtml(describeDocument(d)))}${escapeHtml(place)}\n   ${italic(escapeHtml(shorten(d.title, 200)))}`;
  });
  return `${bold(`Các văn bản đã nạp (${documents.length}):`)}\n\n${lines.join("\n")}`;
}
