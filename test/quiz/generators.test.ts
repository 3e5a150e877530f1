/**
 * Each kind of item from the text, on excerpts written for these tests (excerpts.ts), and the rules that keep options
 * fair: distractors of the answer's kind and level, none that says the same as another after folding diacritics and
 * filler words, none the corpus writes in the same place, the answer in the cited verbatim quote.
 */
import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/assistant/knowledge.js";
import { buildBank } from "../../src/quiz/bank.js";
import { bodyLevel } from "../../src/quiz/bodies.js";
import { buildQuizCorpus, docContext } from "../../src/quiz/corpus.js";
import { optionProblems } from "../../src/quiz/fairness.js";
import { fitsNowhere } from "../../src/quiz/generators/blank.js";
import { isContentTerm } from "../../src/quiz/generators/cloze.js";
import { groupDrafts } from "../../src/quiz/generators/group.js";
import { deadlineEnd } from "../../src/quiz/generators/order.js";
import type { QuizItem } from "../../src/quiz/types.js";
import { answerInQuote, validateItem } from "../../src/quiz/validate.js";
import { conclusion, provincialPlan, timedPlan } from "./excerpts.js";

const kb = new Knowledge([conclusion(), provincialPlan(), timedPlan()]);
const bank = buildBank(kb);
const answerOf = (i: QuizItem) => i.options[i.correct[0]!]!;
const wrongOf = (i: QuizItem) => i.options.filter((_, k) => !i.correct.includes(k));
const of = (kind: QuizItem["kind"], documentId = "kl-5") => bank.items.filter((i) => i.kind === kind && i.documentId === documentId);
const HEADINGS = conclusion().sections.filter((s) => /^[1-3]$/.test(s.path)).map((s) => s.title!);

describe("items from the text, per kind", () => {
  it("group: a measure of one part, the headings of the same document as options", () => {
    const items = of("group");
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) {
      expect(item.question).toMatch(/^Theo Kết luận số 5-KL\/TW, nội dung “.+” thuộc nhóm nhiệm vụ trọng tâm nào\?$/);
      // Options are the task groups' headings, never "Tổ chức thực hiện" nor another document's.
      for (const o of item.options) expect(HEADINGS).toContain(o);
      const section = conclusion().sections.find((s) => s.path === item.citation.section)!;
      expect(answerOf(item)).toBe(section.title);
      // The measure shown is that part's text.
      const measure = /“(.+)”/.exec(item.question)![1]!.replace(/…$/, "");
      expect(section.text.toLowerCase()).toContain(measure.slice(1, 40).toLowerCase());
    }
    // Every part with measures is asked about.
    expect(new Set(items.map((i) => i.citation.section))).toEqual(new Set(["1", "2", "3"]));
  });

  it("group: refuses a measure of boilerplate only, and one that uses another group's words", () => {
    const measures = groupDrafts(docContext(conclusion())).map((d) => /“(.+)”/.exec(d.question)![1]!);
    expect(measures.some((m) => /Tăng cường công tác kiểm tra/.test(m))).toBe(false);
    // "Khuyến khích tích tụ ruộng đất để sản xuất hàng hoá…" (part 3) says "sản xuất", as part 1's heading does
    // ("…chuyển đổi số trong sản xuất nông nghiệp"): a reader could place it there too.
    expect(measures.some((m) => /tích tụ ruộng đất/.test(m))).toBe(false);
    expect(measures.some((m) => /Mở rộng tín dụng ưu đãi/.test(m))).toBe(true);
  });

  it("task: what the document asks of a named body, against the tasks of the other bodies", () => {
    const items = of("task");
    const bcs = items.find((i) => /Ban cán sự đảng Chính phủ được giao nhiệm vụ nào\?$/.test(i.question))!;
    expect(answerOf(bcs)).toMatch(/^Chỉ đạo xây dựng chương trình hành động/);
    expect(wrongOf(bcs).some((o) => /^Chỉ đạo rà soát, sửa đổi các luật/.test(o))).toBe(true);
    for (const item of items) expect(answerInQuote(item)).toBe(true);
  });

  it("assignment: which body, distractors of the answer's level (central here), none of them assigned the task", () => {
    const item = of("assignment").find((i) => /chủ trì, phối hợp với các cơ quan liên quan theo dõi/.test(i.question))!;
    expect(answerOf(item)).toBe("Ban Kinh tế Trung ương");
    for (const o of wrongOf(item)) {
      expect(bodyLevel(o)).toBe("central");
      expect(o).not.toBe("Bộ Chính trị"); // named in the question (it is reported to), and never a wrong body
    }
  });

  it("number: a year gets years, a count gets counts; a year the corpus writes in the same place is not offered", () => {
    const year = of("number").find((i) => /Chiến lược phát triển nông nghiệp bền vững đến năm ___/.test(i.question))!;
    expect(answerOf(year)).toBe("2030");
    for (const o of wrongOf(year)) expect(o).toMatch(/^(19|20)\d\d$/);
    // The provincial plan writes "…bền vững đến năm 2035 gắn với…": 2035 would be right there.
    expect(year.options).not.toContain("2035");
    const count = of("number").find((i) => /Sau ___ năm/.test(i.question))!;
    expect(answerOf(count)).toBe("8");
    for (const o of wrongOf(count)) expect(Number(o)).toBeLessThan(20);
  });

  it("cloze: a blank on a term of a list gets terms of the same kind; a generic-word blank is refused", () => {
    const ctx = docContext(conclusion());
    // The boilerplate sentence "Tăng cường công tác kiểm tra, giám sát, đôn đốc, hướng dẫn việc thực hiện." lists
    // generic words only: no blank on it.
    for (const generic of ["giám sát", "đôn đốc", "hướng dẫn việc thực hiện"]) expect(isContentTerm(ctx, generic)).toBe(false);
    expect(of("cloze").some((i) => /kiểm tra, giám sát/.test(i.question))).toBe(false);
    const term = of("cloze").find((i) => /trường nghề nông nghiệp, ___/.test(i.question))!;
    expect(answerOf(term)).toBe("trung tâm khuyến nông");
    // Institutions for an institution: not a kind of person or of policy.
    for (const o of wrongOf(term)) expect(o).toMatch(/^(trung tâm|viện|kho|vườn ươm|sàn|chợ)\s/u);
  });

  it("cloze: a term the corpus writes in the blank's place is rejected as a distractor (it would also be right)", () => {
    const corpus = buildQuizCorpus(kb);
    const sentence = conclusion().sections[1]!.text.split(". ")[1]!;
    const start = sentence.indexOf("trung tâm logistics nông sản");
    const blank = { sentence, start, end: start + "trung tâm logistics nông sản".length };
    // The plan lists "kho lạnh thông minh, trung tâm dữ liệu nông nghiệp, chợ đầu mối": right in that place.
    expect(fitsNowhere(corpus, blank, "trung tâm dữ liệu nông nghiệp")).toBe(false);
    expect(fitsNowhere(corpus, blank, "viện giống cây trồng")).toBe(true);
    // A candidate already in the shown sentence would be a repetition.
    expect(fitsNowhere(corpus, blank, "kho lạnh thông minh")).toBe(false);
  });

  it("true/false: the statement as written, the others minimally changed and written nowhere in the corpus", () => {
    const items = of("truefalse");
    expect(items.length).toBeGreaterThanOrEqual(1);
    const all = kb.documents.flatMap((d) => d.sections.map((s) => s.text.toLowerCase()));
    for (const item of items) {
      expect(item.question).toMatch(/^Theo Kết luận số 5-KL\/TW \(mục \d\), nhận định nào sau đây đúng\?$/);
      expect(answerInQuote(item)).toBe(true);
      for (const o of wrongOf(item)) {
        const plain = o.replace(/…$/, "").toLowerCase();
        expect(all.some((t) => t.includes(plain))).toBe(false);
      }
    }
    // A change the provincial plan makes true ("…đến năm 2035 gắn với…") is never offered as false.
    expect(items.flatMap(wrongOf).some((o) => /bền vững đến năm 2035/.test(o))).toBe(false);
  });

  it("order: the task due first against tasks due strictly later", () => {
    expect(deadlineEnd("Quý II/2025")).toBe("2025-06-31");
    expect(deadlineEnd("trước ngày 15/12/2026")).toBe("2026-12-15");
    expect(deadlineEnd("Thường xuyên")).toBeNull();
    const [item] = of("order", "kh-12");
    expect(item!.question).toBe("Theo Kế hoạch số 12/KH-UBND, việc nào sau đây phải hoàn thành sớm nhất?");
    expect(answerOf(item!)).toBe("Hoàn thành cơ sở dữ liệu mùa vụ toàn tỉnh");
    expect(item!.citation.quote).toMatch(/Quý I\/2025/);
  });
});

describe("fair options", () => {
  it("finds two options that say the same thing after folding diacritics, case and filler words", () => {
    expect(optionProblems(["Về thực hiện Kết luận số 69-KL/TW", "Về việc thực hiện Kết luận số 69-KL/TW", "Về tổng kết Nghị quyết"])).toHaveLength(1);
    expect(optionProblems(["Ban Tuyên giáo Trung ương", "Ban Tuyen giao Trung uong"])).toHaveLength(1);
    expect(optionProblems(["Ban Tuyên giáo", "Ban Tuyên giáo Trung ương"])).toHaveLength(1);
    expect(optionProblems(["2030", "2035", "2045"])).toEqual([]);
  });

  it("never offers a provincial body for a central task, nor a central one for a provincial task", () => {
    for (const item of bank.items.filter((i) => i.kind === "assignment")) {
      const level = bodyLevel(answerOf(item));
      for (const o of wrongOf(item)) expect(bodyLevel(o), `${item.question}: ${o}`).toBe(level);
    }
  });

  it("every item: the answer in its verbatim quote, options distinct to a reader, valid for Telegram", () => {
    expect(bank.items.length).toBeGreaterThan(20);
    for (const item of bank.items) {
      expect(validateItem(item, kb), item.question).toEqual([]);
      expect(answerInQuote(item), item.question).toBe(true);
      expect(optionProblems(item.options), item.question).toEqual([]);
      expect([1, 2, 3]).toContain(item.difficulty);
    }
  });

  it("an item whose answer is not in its quote, or whose options repeat each other, is refused", () => {
    const good = of("assignment")[0]!;
    const otherSentence = { ...good, citation: { ...good.citation, quote: "Đảng đoàn Quốc hội chỉ đạo rà soát, sửa đổi các luật về đất đai và tín dụng nông nghiệp." } };
    expect(validateItem(otherSentence, kb).join("; ")).toMatch(/not in the quote/);
    const folded = answerOf(good).normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
    const repeated = { ...good, options: [answerOf(good), folded, "Đảng đoàn Quốc hội"], correct: [0] };
    expect(validateItem(repeated, kb).join("; ")).toMatch(/say the same thing/);
  });
});
