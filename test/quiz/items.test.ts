/**
 * Unit tests of the item machinery on small hand-written documents: distractors are never also true, items fit
 * Telegram's limits, validation catches what it must, topics and spaced repetition pick the right items.
 */
import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/assistant/knowledge.js";
import type { ParsedDocument } from "../../src/domain/model.js";
import { buildBank } from "../../src/quiz/bank.js";
import { chooseDistractors } from "../../src/quiz/fairness.js";
import { parseQuizArgs } from "../../src/quiz/game.js";
import { dueCards, emptyDeck, interval, isDue, recordAnswer, startSession } from "../../src/quiz/leitner.js";
import { resolveTopic, selectItems } from "../../src/quiz/select.js";
import type { QuizItem } from "../../src/quiz/types.js";
import { validateItem } from "../../src/quiz/validate.js";
import { centralDoc, localDoc, smallKnowledge } from "./fixtures.js";

const correctOf = (i: QuizItem) => i.options[i.correct[0]!]!;

/** A resolution whose headings resemble (or not) the focus tasks of the central document. */
function resolutionDoc(): ParsedDocument {
  return {
    id: "nq-9",
    file: "nq-9.md",
    docType: "Nghị quyết",
    number: "9-NQ/TW",
    issuer: "Ban Chấp hành Trung ương Đảng",
    place: "Hà Nội",
    date: "2012-11-01",
    title: "Về phát triển nông nghiệp",
    signer: null,
    recipients: [],
    references: [],
    assignments: [],
    links: [],
    noise: [],
    header: ["Số: 9-NQ/TW", "Hà Nội, ngày 01 tháng 11 năm 2012"],
    closing: [],
    sections: [
      { path: "", title: null, text: "Nghị quyết nêu các nhiệm vụ sau:" },
      { path: "1", title: "Phát triển hợp tác xã kiểu mới ở vùng núi phía Bắc", text: "Một." },
      { path: "2", title: "Đẩy mạnh chuyển đổi số trong sản xuất nông nghiệp", text: "Hai." },
      { path: "3", title: "Bảo vệ và phát triển rừng phòng hộ đầu nguồn", text: "Ba." },
      { path: "4", title: "Nâng cao năng lực dự báo thời tiết cực đoan", text: "Bốn." },
    ],
  };
}

describe("distractors", () => {
  it("never offers an equal answer (NFD, other tone convention, case, filler words), an overlapping one, an excluded one, or one the question contains", () => {
    const picked = chooseDistractors({
      correct: "Ban Tuyên giáo Trung ương",
      tiers: [
        {
          candidates: [
            "BAN TUYÊN GIÁO TRUNG ƯƠNG",
            "Ban Tuyên giáo Trung ương".normalize("NFD"),
            "Ban Tuyen giao Trung uong", // the same after folding diacritics
            "Ban Tuyên giáo", // contained in the answer
            "Ban cán sự đảng Chính phủ", // also true: excluded by the caller
            "Bộ Chính trị", // named in the question
            "Đảng đoàn Quốc hội",
            "Ban Bí thư",
            "Ban Tổ chức Trung ương",
            "Ban Tổ chức Trung ương Đảng", // overlaps a distractor already taken
          ],
          distance: 0.2,
        },
      ],
      exclude: ["Ban cán sự đảng Chính phủ"],
      question: "Cơ quan nào chủ trì, báo cáo Bộ Chính trị kết quả thực hiện?",
      seed: "t",
    });
    expect(picked.distractors).toHaveLength(3);
    expect(["Ban Bí thư", "Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương Đảng", "Đảng đoàn Quốc hội"]).toEqual(expect.arrayContaining(picked.distractors));
    expect(picked.distractors.filter((d) => d.startsWith("Ban Tổ chức")).length).toBeLessThanOrEqual(1);
    const tone = chooseDistractors({ correct: "Khoá XI", tiers: [{ candidates: ["Khóa XI", "khoá xi", "Khoá XII"], distance: 0.3 }], seed: "t" });
    expect(tone.distractors).toEqual(["Khoá XII"]);
    const filler = chooseDistractors({ correct: "Về thực hiện Kết luận số 69-KL/TW", tiers: [{ candidates: ["Về việc thực hiện Kết luận số 69-KL/TW", "Về tổng kết Nghị quyết số 20-NQ/TW"], distance: 0.3 }], seed: "t" });
    expect(filler.distractors).toEqual(["Về tổng kết Nghị quyết số 20-NQ/TW"]);
  });

  it("is deterministic for a seed and respects the count", () => {
    const args = { correct: "a b", tiers: [{ candidates: ["c d", "e f", "g h", "i j", "k l"], distance: 0.5 }], seed: "x", count: 2 };
    expect(chooseDistractors(args)).toEqual(chooseDistractors(args));
    expect(chooseDistractors(args).distractors).toHaveLength(2);
  });

  it("never offers a co-assignee of the same task; offers bodies of the answer's level, the same document's first", () => {
    const bank = buildBank(smallKnowledge());
    const lawItem = bank.items.find((i) => i.kind === "assignment" && /văn bản pháp luật/.test(i.question))!;
    expect(correctOf(lawItem)).toBe("Đảng đoàn Quốc hội");
    expect(lawItem.options).not.toContain("Ban cán sự đảng Chính phủ");
    // A central task: the wrong bodies are central too (never the province's), starting with the document's own.
    expect(lawItem.options).toContain("Ban Tuyên giáo Trung ương");
    for (const o of lawItem.options) expect(o).not.toMatch(/tỉnh|Tỉnh ủy|Sở /u);
    for (const item of bank.items.filter((i) => i.kind === "assignment")) {
      const doc = item.documentId === "kl-1" ? centralDoc() : localDoc();
      const tasks = new Set(doc.assignments.filter((a) => a.assignee === correctOf(item)).map((a) => a.task));
      const coAssignees = doc.assignments.filter((a) => tasks.has(a.task)).map((a) => a.assignee);
      for (const o of item.options) if (o !== correctOf(item)) expect(coAssignees).not.toContain(o);
    }
  });

  it("never offers a date equal to the correct one, however written", () => {
    const bank = buildBank(smallKnowledge());
    const dates = bank.items.filter((i) => /ngày nào\?$/.test(i.question));
    expect(dates.length).toBe(2);
    const kl = dates.find((i) => i.documentId === "kl-1")!;
    expect(correctOf(kl)).toBe("11/01/2024");
    // The local document cites the same date; the day/month swap is a plausible misreading, and a different date.
    expect(kl.options.filter((o) => o.replace(/\D/g, "") === "11012024")).toHaveLength(1);
    expect(kl.options).toContain("01/11/2024");
    const cv = dates.find((i) => i.documentId === "cv-7")!;
    expect(correctOf(cv)).toBe("22 tháng 02 năm 2024");
    for (const o of cv.options) expect(o).toMatch(/^\d{2} tháng \d{2} năm \d{4}$/);
  });

  it("never offers another list's item that shares a distinctive word pair with an item of the list", () => {
    const bank = buildBank(new Knowledge([centralDoc(), localDoc(), resolutionDoc()]));
    const focus = bank.items.filter((i) => i.kind === "list" && i.documentId === "kl-1");
    expect(focus.length).toBe(3);
    for (const item of focus) {
      expect(item.options).not.toContain("Phát triển hợp tác xã kiểu mới ở vùng núi phía Bắc");
      expect(item.question).toBe("Theo Kết luận số 1-KL/TW, đâu là một trong các nhiệm vụ trọng tâm?");
      expect(item.citation.quote).toBe(correctOf(item));
    }
  });

  it("items built from small documents fit Telegram's limits and pass validation", () => {
    const kb = smallKnowledge();
    const bank = buildBank(kb);
    expect(bank.items.length).toBeGreaterThan(8);
    for (const item of bank.items) {
      expect(validateItem(item, kb)).toEqual([]);
      expect(item.question.length).toBeLessThanOrEqual(300);
      expect(item.options.length).toBeGreaterThanOrEqual(3);
      expect(item.explanation.length).toBeLessThanOrEqual(200);
    }
  });
});

describe("validateItem", () => {
  const kb = smallKnowledge();
  const good = buildBank(kb).items.find((i) => i.kind === "assignment")!;
  const problems = (change: Partial<QuizItem>) => validateItem({ ...good, ...change }, kb).join("; ");

  it("accepts a good item and names each problem of a bad one", () => {
    expect(validateItem(good, kb)).toEqual([]);
    expect(problems({ question: "x".repeat(301) })).toMatch(/question/);
    expect(problems({ options: [...good.options.slice(0, 3), "y".repeat(101)] })).toMatch(/options\.3/);
    expect(problems({ options: Array.from({ length: 13 }, (_, i) => `Phương án ${i}`) })).toMatch(/options/);
    expect(problems({ options: ["Khóa XI", "Khoá XI", "Khoá X"], correct: [0] })).toMatch(/not distinct/);
    expect(problems({ explanation: "z".repeat(201) })).toMatch(/explanation/);
    expect(problems({ correct: [7] })).toMatch(/correct/);
    expect(problems({ correct: [] })).toMatch(/correct/);
    expect(problems({ citation: { ...good.citation, quote: "Một câu không có trong văn bản." } })).toMatch(/not verbatim/);
    expect(problems({ citation: { ...good.citation, section: "9" } })).toMatch(/no section 9/);
    expect(problems({ question: `${correctOf(good)} là cơ quan nào?` })).toMatch(/gives the answer away/);
  });
});

describe("topics and selection", () => {
  const kb = smallKnowledge();
  const bank = buildBank(kb);

  it("limits to a document by number or alias, to a locality, or to words", () => {
    const kl = resolveTopic(kb, bank, "KL 1")!;
    expect(kl.label).toBe("Kết luận 1-KL/TW");
    expect(bank.items.filter(kl.matches).every((i) => i.documentId === "kl-1")).toBe(true);
    const place = resolveTopic(kb, bank, "Hòa Bình")!;
    expect(bank.items.filter(place.matches).every((i) => i.documentId === "cv-7")).toBe(true);
    const words = resolveTopic(kb, bank, "ban tuyen giao")!;
    expect(bank.items.filter(words.matches).length).toBeGreaterThan(0);
    expect(resolveTopic(kb, bank, "99-KL/TW")).toBeNull();
    expect(resolveTopic(kb, bank, "vũ trụ học")).toBeNull();
  });

  it("asks due reviews first, then mixes kinds, n at most, one item per question stem", () => {
    const target = bank.items[bank.items.length - 1]!;
    const picked = selectItems(bank, { n: 4, seed: "s", review: [target.id] });
    expect(picked).toHaveLength(4);
    expect(picked[0]).toBe(target);
    expect(new Set(picked.map((i) => i.question)).size).toBe(4);
    expect(new Set(picked.map((i) => i.kind)).size).toBeGreaterThan(1);
    const all = selectItems(bank, { n: 100, seed: "s" });
    expect(all.length).toBe(new Set(bank.items.map((i) => i.question)).size);
  });

  it("parses /quiz arguments", () => {
    expect(parseQuizArgs("")).toEqual({ stop: false, n: 5, topic: null, clamped: false });
    expect(parseQuizArgs("10 KL 69")).toEqual({ stop: false, n: 10, topic: "KL 69", clamped: false });
    expect(parseQuizArgs("69-KL/TW")).toEqual({ stop: false, n: 5, topic: "69-KL/TW", clamped: false });
    expect(parseQuizArgs("50")).toEqual({ stop: false, n: 20, topic: null, clamped: true });
    expect(parseQuizArgs("stop")).toEqual({ stop: true });
    expect(parseQuizArgs("dừng")).toEqual({ stop: true });
  });
});

describe("Leitner boxes", () => {
  it("a missed question comes back next session; a known one waits longer each time", () => {
    let deck = startSession(emptyDeck());
    deck = recordAnswer(deck, "q1", false);
    deck = recordAnswer(deck, "q2", true);
    expect(deck.cards.q1!.box).toBe(1);
    expect(deck.cards.q2!.box).toBe(2);
    deck = startSession(deck);
    expect(isDue(deck, "q1")).toBe(true);
    expect(isDue(deck, "q2")).toBe(false);
    expect(dueCards(deck)).toEqual(["q1"]);
    deck = startSession(deck);
    expect(dueCards(deck)).toEqual(["q1", "q2"]);
    expect([1, 2, 3, 4, 5].map(interval)).toEqual([1, 2, 4, 8, 16]);
    deck = recordAnswer(deck, "q2", false);
    expect(deck.cards.q2!.box).toBe(1);
  });
});
