import { describe, expect, it } from "vitest";
import { CALLBACK_DATA_LIMIT, decodeFeedback, decodePage, decodeSource, encodeFeedback, encodePage, encodeSource } from "../../src/bot/callback-data/index.js";
import { answerKeyboard, MAX_SOURCE_BUTTONS } from "../../src/bot/keyboards/answer.js";
import { newAnswerId } from "../../src/bot/storage/index.js";

describe("callback data", () => {
  it("round-trips source and feedback buttons", () => {
    const id = newAnswerId();
    expect(decodeSource(encodeSource(id, 3))).toEqual({ answerId: id, index: 3 });
    expect(decodeFeedback(encodeFeedback(id, "up"))).toEqual({ answerId: id, vote: "up" });
    expect(decodeFeedback(encodeFeedback(id, "down"))).toEqual({ answerId: id, vote: "down" });
  });

  it("stays within Telegram's 64 bytes for every button of the largest keyboard", () => {
    const keyboard = answerKeyboard(newAnswerId(), 50);
    const datas = keyboard.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(datas).toHaveLength(MAX_SOURCE_BUTTONS + 2);
    for (const d of datas) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
  });

  it("rejects forged or foreign payloads", () => {
    expect(decodeSource("s:../../etc:1")).toBeNull();
    expect(decodeSource("quiz:1")).toBeNull();
    expect(decodeFeedback("f:abcdefgh:?")).toBeNull();
    expect(() => encodeSource("x".repeat(70), 1)).toThrow(RangeError);
  });

  it("page buttons carry a list id and a page within 64 bytes, for any page count", () => {
    const id = newAnswerId();
    expect(decodePage(encodePage(id, 0))).toEqual({ listId: id, page: 0 });
    expect(Buffer.byteLength(encodePage("x".repeat(16), 99_999))).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(decodePage("pg:../x:1")).toBeNull();
    expect(() => encodePage(id, -1)).toThrow(RangeError);
  });
});
