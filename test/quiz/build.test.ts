/**
 * The bank built off the event loop (src/quiz/build.ts): the same items as a build on this thread; workers kept warm
 * between builds hold nothing of the previous corpus; shutdown ends them.
 */
import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/assistant/knowledge.js";
import { QuizBanks, idleBankWorkers } from "../../src/quiz/build.js";
import type { ParsedDocument } from "../../src/domain/model.js";
import { centralDoc, localDoc, smallKnowledge } from "./fixtures.js";

/** A locality's plan whose section 3 another locality's plan copies, but for its place and its figures. */
function plan(id: string, place: string, date: string, cooperatives: number): ParsedDocument {
  const doc = localDoc();
  const text = `Hướng dẫn các huyện xây dựng mô hình hợp tác xã kiểu mới gắn với chuỗi giá trị nông sản; đến năm 2030 toàn tỉnh ${place} có ít nhất ${cooperatives} hợp tác xã ứng dụng công nghệ cao trong sản xuất và tiêu thụ.`;
  return {
    ...doc,
    id,
    file: `${id}.md`,
    number: `${id.split("-")[1]}-CV/TU`,
    issuer: `Tỉnh ủy ${place}`,
    place,
    date,
    sections: doc.sections.map((s) => (s.path === "3" ? { ...s, text } : s)),
    assignments: doc.assignments.map((a) => (a.section === "3" ? { ...a, task: text } : a)),
  };
}

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

  it("skips a section copied from a document another worker builds, as a build on this thread does", async () => {
    // Dealt in date order, round-robin: the central document and Sơn La's copy to one worker, Hòa Bình's plan (the
    // first to have the section) to the other.
    const kb = new Knowledge([centralDoc(), plan("cv-7", "Hòa Bình", "2024-02-22", 50), plan("cv-9", "Sơn La", "2024-03-05", 40)]);
    const onThread = await new QuizBanks({ threads: 0 }).bankFor(kb);
    const banks = new QuizBanks({ threads: 2 });
    const onWorkers = await banks.bankFor(kb);
    banks.close();
    const fromCopy = (items: { documentId: string; citation: { section: string } }[]) => items.filter((i) => i.documentId === "cv-9" && i.citation.section === "3");
    expect(onThread.items.some((i) => i.documentId === "cv-7" && i.citation.section === "3")).toBe(true);
    expect(fromCopy(onThread.items)).toEqual([]);
    expect(fromCopy(onWorkers.items)).toEqual([]);
    expect(questions(onWorkers.items)).toEqual(questions(onThread.items));
  }, 60_000);
});
