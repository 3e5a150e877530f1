/**
 * The bank built off the event loop (src/quiz/build.ts): the same items as a build on this thread; workers kept warm
 * between builds hold nothing of the previous corpus; shutdown ends them.
 */
import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/assistant/knowledge.js";
import { QuizBanks, idleBankWorkers } from "../../src/quiz/build.js";
import { centralDoc, localDoc, smallKnowledge } from "./fixtures.js";

const questions = (items: { question: string }[]) => items.map((i) => i.question).sort();

describe("the quiz bank on worker threads", () => {
  it("holds the items a build on this thread holds; a second build reuses the warm workers and only its own corpus", async () => {
    const kb = smallKnowledge();
    const onThread = await new QuizBanks({ threads: 0 }).bankFor(kb);
    const first = await new QuizBanks({ threads: 2 }).bankFor(kb);
    expect(questions(first.items)).toEqual(questions(onThread.items));
    const warm = idleBankWorkers();
    expect(warm).toHaveLength(2);

    // Another corpus (the central document alone), by another QuizBanks: the same threads, none of the local items.
    const central = new Knowledge([centralDoc()]);
    const banks = new QuizBanks({ threads: 2 });
    const second = await banks.bankFor(central);
    expect(idleBankWorkers().sort()).toEqual([...warm].sort());
    expect(questions(second.items)).toEqual(questions((await new QuizBanks({ threads: 0 }).bankFor(central)).items));
    expect(second.items.every((i) => i.documentId === centralDoc().id)).toBe(true);
    expect(second.items.some((i) => i.documentId === localDoc().id)).toBe(false);

    banks.close();
    expect(idleBankWorkers()).toEqual([]);
  }, 60_000);
});
