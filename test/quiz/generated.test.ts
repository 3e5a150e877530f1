/**
 * Items written by a chat model (through the real openai client against the loopback fake OpenAI server) are
 * admitted only after the checks the text's items pass: a verbatim quote, the answer in it, options a reader can
 * tell apart, no distractor the quote or the corpus makes right. A study session asks the model only for the parts
 * of its document the bank has no item for.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Knowledge } from "../../src/assistant/knowledge.js";
import { createOpenAIClient } from "../../src/llm/client.js";
import { PhraseIndex } from "../../src/quiz/attested.js";
import { corpusPart } from "../../src/quiz/corpus.js";
import { QuizGame, type QuizTransport } from "../../src/quiz/game.js";
import { admitGenerated, createOpenAIQuizWriter, type QuizItemWriter } from "../../src/quiz/generated.js";
import { memoryQuizStore } from "../../src/quiz/store.js";
import { completion, httpError, startFakeOpenAI, type FakeOpenAI } from "../llm/fake-openai.js";
import { conclusion, provincialPlan } from "./excerpts.js";

const logger = pino({ level: "silent" });
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

const doc = conclusion();
const kb = new Knowledge([doc, provincialPlan()]);
const section = doc.sections.find((s) => s.path === "2")!;
const phrases = PhraseIndex.fromTables([corpusPart(kb.documents).phraseTable]);

const good = {
  kind: "cloze",
  question: "Theo Kết luận số 5-KL/TW (mục 2), đào tạo nghề cho lao động nông thôn gắn với nhu cầu tuyển dụng của đối tượng nào?",
  answer: "doanh nghiệp chế biến",
  distractors: ["hợp tác xã kiểu mới", "trang trại sinh thái", "làng nghề truyền thống"],
  quote: "Đào tạo nghề cho lao động nông thôn gắn với nhu cầu tuyển dụng của doanh nghiệp chế biến.",
};

describe("generated items", () => {
  it("admits a checked item and refuses the others, each with its reason", async () => {
    fake.chat(
      completion({
        items: [
          good,
          // The quote is not what the section says (a word changed).
          { ...good, question: `${good.question} (1)`, quote: "Đào tạo nghề cho lao động nông thôn gắn với nhu cầu tuyển dụng của doanh nghiệp chế biến gỗ." },
          // The answer is not in the quote.
          { ...good, question: `${good.question} (2)`, answer: "doanh nghiệp nhỏ và vừa" },
          // Two options say the same after folding diacritics.
          { ...good, question: `${good.question} (3)`, distractors: ["doanh nghiep che bien", "trang trại sinh thái", "làng nghề truyền thống"] },
          // A distractor the quote itself states: it is right too.
          { ...good, question: `${good.question} (4)`, distractors: ["lao động nông thôn", "trang trại sinh thái", "làng nghề truyền thống"] },
          // Not even the shape asked for.
          { question: "?" },
        ],
      }),
    );
    const writer = createOpenAIQuizWriter({ client: createOpenAIClient({ baseURL: fake.baseURL, timeoutMs: 5000, maxRetries: 0 }), model: "fake-chat", timeoutMs: 5000 });
    const raw = await writer.write({ doc, section });
    const { admitted, rejected } = admitGenerated(kb, { phrases }, doc, section, raw);
    expect(admitted).toHaveLength(1);
    expect(admitted[0]).toMatchObject({ origin: "model", kind: "cloze", documentId: "kl-5", citation: { section: "2", number: "5-KL/TW" } });
    expect(admitted[0]!.options[admitted[0]!.correct[0]!]).toBe("doanh nghiệp chế biến");
    const reasons = rejected.map((r) => r.reason).join("\n");
    expect(reasons).toMatch(/quote is not verbatim/);
    expect(reasons).toMatch(/answer is not in the quote/);
    expect(reasons).toMatch(/say the same thing/);
    expect(reasons).toMatch(/is in the quote: it is right too/);
    expect(reasons).toMatch(/malformed/);
    // The model saw the section's text, verbatim, and the document it is from.
    const sent = JSON.stringify(fake.requestsTo("chat/completions").at(-1)!.body);
    expect(sent).toContain("Kết luận số 5-KL/TW");
    expect(sent).toContain("nhu cầu tuyển dụng của doanh nghiệp chế biến");
  });

  it("a failing endpoint yields no items, and no error", async () => {
    fake.chat(httpError(500));
    const writer = createOpenAIQuizWriter({ client: createOpenAIClient({ baseURL: fake.baseURL, timeoutMs: 5000, maxRetries: 0 }), model: "fake-chat", timeoutMs: 5000, logger });
    expect(await writer.write({ doc, section })).toEqual([]);
  });

  it("a study session asks only for the parts its document's bank lacks, and asks the admitted items", async () => {
    vi.useFakeTimers();
    try {
      // A document whose part 5 has nothing the generators can use: one sentence, no list, no number, no body.
      const thin = conclusion();
      thin.sections.push({ path: "5", title: "Ghi nhận", text: "Các nội dung trên được triển khai thống nhất từ trung ương đến cơ sở để đạt mục tiêu chung của toàn Đảng." });
      const thinKb = new Knowledge([thin, provincialPlan()]);
      const asked: string[] = [];
      const writer: QuizItemWriter = {
        async write({ section: s }) {
          asked.push(s.path);
          return [
            {
              kind: "cloze",
              question: "Theo Kết luận số 5-KL/TW (mục 5), các nội dung được triển khai thống nhất từ đâu đến cơ sở?",
              answer: "trung ương",
              distractors: ["tỉnh", "huyện", "xã"],
              quote: "Các nội dung trên được triển khai thống nhất từ trung ương đến cơ sở",
            },
          ];
        },
      };
      const polls: string[] = [];
      const transport: QuizTransport = {
        async sendPoll(_chat, poll) {
          polls.push(poll.question);
          return { pollId: `p${polls.length}`, messageId: polls.length };
        },
        async stopPoll() {},
        async sendHtml() {},
        async humans() {
          return 2;
        },
      };
      const game = new QuizGame({ store: memoryQuizStore(), transport, knowledge: () => thinKb, openPeriod: 10, logger, writer, advanceDelayMs: 0, closeGraceMs: 0 });
      const started = await game.start({ chatId: -5, isPrivate: false, user: { id: 1, name: "An" }, n: 20, topic: "KL 5", mode: "session" });
      expect(started.ok).toBe(true);
      expect(asked).toEqual(["5"]);
      const items = started.ok ? started.quiz.items : [];
      expect(items.some((i) => i.origin === "model" && i.citation.section === "5")).toBe(true);
      game.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
