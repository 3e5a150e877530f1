/**
 * The quiz in `npm run chat`: options numbered, the user types the number; feedback cites the section; /diem.
 */
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTerminalChat } from "../../src/bot/terminal.js";
import { bankFor } from "../../src/quiz/bank.js";
import { FakeAssistant } from "../bot/fake-assistant.js";
import { smallKnowledge } from "./fixtures.js";

async function chat(lines: (out: () => string) => AsyncGenerator<string>): Promise<string> {
  const kb = smallKnowledge();
  const assistant = Object.assign(new FakeAssistant(), { knowledge: () => kb });
  const output = new PassThrough();
  let out = "";
  output.on("data", (c: Buffer) => (out += c.toString("utf8")));
  await runTerminalChat({ assistant, input: Readable.from(lines(() => out)), output });
  return out;
}

describe("quiz in the terminal chat", () => {
  it("asks numbered questions, takes the typed number, cites the section, totals with /diem", async () => {
    const kb = smallKnowledge();
    const byQuestion = new Map(bankFor(kb).items.map((i) => [i.question, i]));
    const out = await chat(async function* (read) {
      yield "/quiz 2 KL 1\n";
      for (let k = 0; k < 2; k++) {
        await new Promise((r) => setTimeout(r, 20));
        const asked = [...read().matchAll(/Câu \d\/2: (.+)\n/g)].pop()![1]!;
        const item = byQuestion.get(asked)!;
        // First question right, second wrong.
        yield `${k === 0 ? item.correct[0]! + 1 : ((item.correct[0]! + 1) % item.options.length) + 1}\n`;
      }
      yield "/diem\n";
      yield "/quiz stop\n";
    });
    expect(out).toMatch(/Câu đố ôn tập: 2 câu về Kết luận 1-KL\/TW/);
    expect(out).toMatch(/Câu 1\/2: .+\n {2}1\. .+\n {2}2\. /);
    expect(out).toMatch(/✅ Đúng\.\n📖 Kết luận số 1-KL\/TW ngày 11\/01\/2024 của Bộ Chính trị, /);
    expect(out).toMatch(/❌ Chưa đúng\. Đáp án: \d\. /);
    expect(out).toMatch(/Kết thúc câu đố: đúng 1\/2 câu\.\nNên đọc lại:\n- Câu 2: Kết luận số 1-KL\/TW/);
    expect(out).toMatch(/Điểm của đồng chí: 1 câu đúng \/ 2 câu trả lời, 1 lượt câu đố\./);
    expect(out).toMatch(/Không có câu đố nào đang diễn ra/);
  });
});
