/**
 * HTML for answers, their sources and a cited section. Every piece of text that comes from the assistant or the
 * user is escaped here; the templates around it are ours.
 */
import type { AnswerResult, Citation, SectionView } from "../../assistant/types.js";
import { readable } from "../../domain/model.js";
import { describeDocument, formatCitation, sectionLabel } from "./citation.js";
import { blockquote, bold, escapeHtml, italic, shorten } from "./html.js";

/** Longest quote shown under a citation; the 📄 button shows the whole section. */
export const QUOTE_MAX_CHARS = 400;

/** The sources a reply's 📄 buttons open: the citations, or for not_found the "see also" sections. */
export function sourcesOf(result: AnswerResult): Citation[] {
  return result.mode === "answer" ? result.citations : result.seeAlso;
}

/** Whitespace evened out and table-cell breaks read as spaces, for telling whether a quote is already shown. */
function plain(text: string): string {
  return readable(text).replace(/\s+/g, " ").trim();
}

/**
 * Numbered citation lines, each with its quote in an italic blockquote — unless the answer above (`shownIn`) already
 * quotes it: a quote is not printed twice.
 */
export function renderCitations(citations: Citation[], shownIn = ""): string {
  const shown = plain(shownIn);
  return citations
    .map((c, i) => {
      const head = escapeHtml(formatCitation(c, i + 1));
      const said = plain(c.quote);
      const quote = said && !shown.includes(said) ? `\n${blockquote(italic(escapeHtml(`“${shorten(c.quote, QUOTE_MAX_CHARS)}”`)))}` : "";
      return head + quote;
    })
    .join("\n");
}

export function renderAnswer(result: AnswerResult, question?: string): string {
  const answer = result.answer.trim();
  if (result.mode === "not_found") {
    // Echo the question (escaped) so the user sees what was searched for.
    const asked = question?.trim() ? ` cho câu hỏi “${escapeHtml(shorten(question, 120))}”` : "";
    const parts = [`${bold("Không tìm thấy câu trả lời")}${asked} trong các văn bản đã nạp.`];
    // The assistant's own text may explain what it looked for; drop it when it only repeats "không tìm thấy".
    if (answer && !/^không tìm thấy/i.test(answer)) parts.push(escapeHtml(answer));
    if (result.seeAlso.length) {
      parts.push(`${bold("Xem thêm")} (các mục gần nhất, không phải câu trả lời):\n${renderCitations(result.seeAlso)}`);
    } else {
      parts.push("Hãy thử hỏi cụ thể hơn (tên cơ quan, số hiệu văn bản) hoặc xem danh sách văn bản bằng /vanban.");
    }
    return parts.join("\n\n");
  }
  const body = escapeHtml(answer || "(không có nội dung)");
  if (!result.citations.length) return body;
  return `${body}\n\n${bold("Nguồn:")}\n${renderCitations(result.citations, answer)}`;
}

/** /nguon: the sources of an earlier answer. */
export function renderSources(question: string, sources: Citation[], mode: AnswerResult["mode"]): string {
  const title = mode === "answer" ? "Nguồn của câu trả lời gần nhất" : "Các mục gần nhất của câu hỏi gần nhất";
  return `${bold(escapeHtml(title))}\n${italic(escapeHtml(shorten(question, 200)))}\n\n${renderCitations(sources)}`;
}

/** The full text of a cited section (📄 button). */
export function renderSection(index: number, view: SectionView): string {
  const head = bold(escapeHtml(`[${index}] ${describeDocument(view.document)}, ${sectionLabel(view.section, view.attachment)}`));
  const title = view.sectionTitle?.trim() ? `\n${italic(escapeHtml(view.sectionTitle.trim()))}` : "";
  const text = view.text.trim() ? escapeHtml(view.text.trim()) : italic("(mục này không có nội dung riêng, chỉ có các mục con)");
  return `${head}${title}\n\n${text}`;
}
