/**
 * Buttons under an answer: one "📄 n" per source (opens the full section), then 👍 / 👎.
 */
import { InlineKeyboard } from "grammy";
import { encodeFeedback, encodeSource } from "../callback-data/index.js";

/** More sources than this get no button (the answer still lists them; /nguon shows them all). */
export const MAX_SOURCE_BUTTONS = 10;
const PER_ROW = 5;

export function answerKeyboard(answerId: string, sourceCount: number, options: { feedback?: boolean } = {}): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const count = Math.min(sourceCount, MAX_SOURCE_BUTTONS);
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % PER_ROW === 0) keyboard.row();
    keyboard.text(`📄 ${i + 1}`, encodeSource(answerId, i));
  }
  if (options.feedback !== false) {
    if (count) keyboard.row();
    keyboard.text("👍", encodeFeedback(answerId, "up")).text("👎", encodeFeedback(answerId, "down"));
  }
  return keyboard;
}
