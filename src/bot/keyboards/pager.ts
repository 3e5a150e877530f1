/**
 * The row of page buttons under a paged message: « first, ‹ previous, "page/pages", next ›, last ». Buttons that
 * would lead nowhere are left out; the middle one shows where the reader is (pressing it changes nothing).
 */
import { InlineKeyboard } from "grammy";
import { encodePage } from "../callback-data/index.js";

export function pagerKeyboard(listId: string, page: number, pages: number, above?: InlineKeyboard): InlineKeyboard {
  const rows = (above?.inline_keyboard ?? []).filter((row) => row.length).map((row) => [...row]);
  const keyboard = new InlineKeyboard(rows.length ? rows : [[]]);
  if (pages <= 1) return keyboard;
  if (rows.length) keyboard.row();
  // Jumps to the ends only when they are not the neighbours already shown.
  if (page > 1) keyboard.text("«", encodePage(listId, 0));
  if (page > 0) keyboard.text("‹ Trước", encodePage(listId, page - 1));
  keyboard.text(`${page + 1}/${pages}`, encodePage(listId, page));
  if (page < pages - 1) keyboard.text("Sau ›", encodePage(listId, page + 1));
  if (page < pages - 2) keyboard.text("»", encodePage(listId, pages - 1));
  return keyboard;
}
