/**
 * HTML for /giao (assignments), /chuoi (the directive chain) and /vanban (documents).
 */
import type { AssignmentGroup, ChainNode, ChainView, DocumentSummary } from "../../assistant/types.js";
import { describeDocument, sectionLabel } from "./citation.js";
import { bold, escapeHtml, italic, shorten } from "./html.js";
import { paginate } from "./paging.js";

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
  const { head, items, tail } = chainParts(view);
  return [...head, ...items, "", tail].join("\n");
}

/** Page n of m, said after a list's heading. */
const pageNote = (page: number, pages: number) => (pages > 1 ? italic(` — trang ${page + 1}/${pages}`) : "");

/** The chain in pages: the document and what it carries out on the first page, the documents under it on all. */
export function renderChainPages(view: ChainView): string[] {
  const { head, items, tail } = chainParts(view);
  if (!items.length) return [[...head, "", tail].join("\n")];
  const title = view.focus ? `${bold("Chuỗi văn bản:")} ${escapeHtml(describeNode(view.focus))}` : head[0]!;
  return paginate(items, {
    // The full heading once; later pages name the chain and their number.
    head: (page, pages) => (page === 0 ? head.join("\n") : title) + pageNote(page, pages),
    tail,
    itemsPerPage: 25,
  });
}

function chainParts(view: ChainView): { head: string[]; items: string[]; tail: string } {
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
  const items = view.down.map(({ node, depth }) => {
    const indent = "   ".repeat(Math.max(0, depth - (view.focus ? 1 : 0)));
    return `${indent}${depth === 0 ? "■" : "└"} ${escapeHtml(describeNode(node))}`;
  });
  return { head: lines, items, tail: italic("Xem một văn bản: /chuoi số hiệu (ví dụ /chuoi 69-KL/TW).") };
}

function documentLines(documents: DocumentSummary[]): string[] {
  return documents.map((d, i) => {
    const place = d.place ? ` (${d.place})` : "";
    // A document whose subject line the parser did not find gets no empty line under it.
    const title = d.title.trim() ? `\n   ${italic(escapeHtml(shorten(d.title, 200)))}` : "";
    return `${i + 1}. ${bold(escapeHtml(describeDocument(d)))}${escapeHtml(place)}${title}`;
  });
}

export function renderDocuments(documents: DocumentSummary[]): string {
  if (!documents.length) return "Chưa có văn bản nào được nạp.";
  return `${bold(`Các văn bản đã nạp (${documents.length}):`)}\n\n${documentLines(documents).join("\n")}`;
}

/** /vanban in pages of a screen each, numbered across pages. */
export function renderDocumentPages(documents: DocumentSummary[]): string[] {
  if (!documents.length) return ["Chưa có văn bản nào được nạp."];
  return paginate(documentLines(documents), { head: (page, pages) => bold(`Các văn bản đã nạp (${documents.length}):`) + pageNote(page, pages) });
}
