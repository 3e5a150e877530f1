/**
 * The question bank over the real corpus (corpus/ + ../shared/corpus-extra). The checks here are written
 * independently of src/quiz's own validation: what a reviewer would check by hand.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Knowledge } from "../../src/assistant/knowledge.js";
import { loadCorpus } from "../../src/corpus/index.js";
import { DATE_PATTERN, isoDate, numberKey } from "../../src/domain/numbers.js";
import type { ParsedDocument } from "../../src/domain/model.js";
import { bankFor, buildBank, type QuizBank } from "../../src/quiz/bank.js";
import type { QuizItem } from "../../src/quiz/types.js";
import { foldVi, normalizeVi } from "../../src/text/vietnamese.js";

const ROOT = resolve(import.meta.dirname, "../..");

/** NFC and whitespace: how a quote is compared with the source. */
const ws = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
/** Case and tone convention too ("khoá"/"khóa", "TỈNH ỦY"/"Tỉnh ủy"): how an answer is looked for in the quote. */
const words = (s: string) => normalizeVi(ws(s));

/** Each fragment (a quote may join a heading and a sentence further down with " … ") is verbatim, in order. */
function quoteIsVerbatim(doc: ParsedDocument, item: QuizItem): boolean {
  const fragments = ws(item.citation.quote).split(" … ");
  const section = doc.sections.find((s) => s.path === item.citation.section);
  const places = [
    section ? `${section.title ?? ""}\n${section.text}` : "",
    section?.text ?? "",
    (doc.header ?? []).join("\n"),
    (doc.closing ?? []).join("\n"),
  ];
  return (
    fragments.every((f) => f.length > 0) &&
    places.some((p) => {
      let from = 0;
      return fragments.every((f) => {
        const at = ws(p).indexOf(f, from);
        from = at + f.length;
        return at >= 0;
      });
    })
  );
}

/** The correct answer word for word in the quote (an option cut short with "…" counts for the words it keeps). */
function answerVerifiable(item: QuizItem): boolean {
  const quote = ` ${words(item.citation.quote).replace(/[^\p{L}\p{N}/-]+/gu, " ")} `;
  return item.correct.every((i) =>
    item.options[i]!.split("…")
      .map((f) => words(f).replace(/[^\p{L}\p{N}/-]+/gu, " ").trim())
      .filter(Boolean)
      .every((f) => quote.includes(` ${f} `)),
  );
}

let kb: Knowledge;
let bank: QuizBank;

beforeAll(async () => {
  const { documents } = await loadCorpus([join(ROOT, "corpus"), join(ROOT, "../shared/corpus-extra")], { metadataDir: join(ROOT, "metadata") });
  kb = new Knowledge(documents);
  bank = bankFor(kb);
});

describe("question bank over the real corpus", () => {
  it("holds at least 40 distinct valid items, at least 10 on Kết luận 69 itself", () => {
    const distinct = new Set(bank.items.map((i) => `${words(i.question)}|${words(i.options[i.correct[0]!]!)}`));
    expect(distinct.size).toBe(bank.items.length);
    expect(distinct.size).toBeGreaterThanOrEqual(40);
    const kl69 = bank.items.filter((i) => i.citation.number === "69-KL/TW");
    expect(kl69.length).toBeGreaterThanOrEqual(10);
    // Several kinds of question, not one template.
    expect(new Set(bank.items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(7);
  });

  it("keeps every item within Telegram's quiz poll limits", () => {
    for (const item of bank.items) {
      const where = item.question.slice(0, 60);
      expect(item.question.length, where).toBeGreaterThan(0);
      expect(item.question.length, where).toBeLessThanOrEqual(300);
      expect(item.options.length, where).toBeGreaterThanOrEqual(2);
      expect(item.options.length, where).toBeLessThanOrEqual(12);
      for (const o of item.options) {
        expect(o.trim().length, where).toBeGreaterThanOrEqual(1);
        expect(o.length, where).toBeLessThanOrEqual(100);
      }
      expect(new Set(item.options.map(words)).size, where).toBe(item.options.length);
      expect(item.correct.length, where).toBeGreaterThanOrEqual(1);
      for (const c of item.correct) expect(c >= 0 && c < item.options.length, where).toBe(true);
      expect(item.explanation.length, where).toBeLessThanOrEqual(200);
      expect((item.explanation.match(/\n/g) ?? []).length, where).toBeLessThanOrEqual(2);
    }
  });

  it("cites every item with a verbatim quote from the cited section or the header/closing lines", () => {
    for (const item of bank.items) {
      const doc = kb.byId.get(item.documentId)!;
      expect(doc, item.question).toBeDefined();
      expect(item.citation).toMatchObject({ docType: doc.docType, number: doc.number, issuer: doc.issuer, place: doc.place });
      expect(quoteIsVerbatim(doc, item), `${item.question}\n${item.citation.quote}`).toBe(true);
      // The explanation names the document and the section.
      const ref = doc.number ? `${doc.docType} ${doc.number}` : `${doc.docType} của`;
      expect(item.explanation.startsWith(ref), item.explanation).toBe(true);
    }
  });

  it("has the correct answer word for word in the quote for at least 80% of the items", () => {
    const verifiable = bank.items.filter(answerVerifiable);
    expect(verifiable.length / bank.items.length).toBeGreaterThanOrEqual(0.8);
  });

  it("never offers a distractor that is also true", () => {
    for (const item of bank.items) {
      const doc = kb.byId.get(item.documentId)!;
      const right = item.correct.map((i) => words(item.options[i]!));
      const wrong = item.options.filter((_, i) => !item.correct.includes(i));
      for (const d of wrong) {
        expect(right).not.toContain(words(d));
        if (item.kind === "assignment") {
          // Not a body the document gives the same task (a co-assignee).
          const answer = words(item.options[item.correct[0]!]!);
          const tasks = new Set(doc.assignments.filter((a) => words(a.assignee) === answer).map((a) => words(a.task)));
          for (const a of doc.assignments) if (tasks.has(words(a.task))) expect(words(a.assignee), item.question).not.toBe(words(d));
        }
        if (/ngày nào\?$/.test(item.question)) {
          // Not the same date written another way.
          const m = new RegExp(DATE_PATTERN).exec(d)!;
          const iso = m[1] ? isoDate(m[1], m[2]!, m[3]!) : isoDate(m[4]!, m[5]!, m[6]!);
          expect(iso, item.question).not.toBe(doc.date);
        }
        if (item.kind === "chain" && /được ban hành để (tiếp tục )?thực hiện văn bản nào/.test(item.question)) {
          // Not a document the cited one implements, directly or up the chain.
          const up = new Set<string>();
          const todo = [numberKey(doc.number ?? doc.id)];
          while (todo.length) {
            const k = todo.pop()!;
            for (const e of kb.edges) if (numberKey(e.from) === k && !up.has(numberKey(e.to))) (up.add(numberKey(e.to)), todo.push(numberKey(e.to)));
          }
          for (const k of up) expect(numberKey(d).includes(k), `${item.question}: ${d}`).toBe(false);
        }
      }
    }
  });

  it("answers the key facts of Kết luận 69 from its own text", () => {
    const find = (re: RegExp) => bank.items.find((i) => i.citation.number === "69-KL/TW" && re.test(i.question));
    const issuer = find(/^Kết luận số 69-KL\/TW do cơ quan nào ban hành/)!;
    expect(issuer.options[issuer.correct[0]!]).toBe("Bộ Chính trị");
    const date = find(/^Kết luận số 69-KL\/TW được ban hành ngày nào/)!;
    expect(date.options[date.correct[0]!]).toBe("11/01/2024");
    const continues = find(/tiếp tục thực hiện văn bản nào/)!;
    expect(continues.options[continues.correct[0]!]).toBe("Nghị quyết số 20-NQ/TW");
    const lead = find(/cơ quan nào chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, kiểm tra/)!;
    expect(lead.options[lead.correct[0]!]).toBe("Ban Tuyên giáo Trung ương");
    expect(lead.citation.section).toBe("7");
  });

  it("is deterministic and cached per Knowledge instance", () => {
    const again = buildBank(kb);
    expect(again.items.map((i) => [i.id, i.options, i.correct])).toEqual(bank.items.map((i) => [i.id, i.options, i.correct]));
    expect(bankFor(kb)).toBe(bank);
    expect(bankFor(new Knowledge(kb.documents))).not.toBe(bank);
  });
});

describe("npm run quiz -- --json", () => {
  it("draws 40 items on Kết luận 69 mostly from its own body, across all seven parts, each checked; logs stay off stdout", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vanban-quiz-"));
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/quiz.ts", "--json", "-n", "40", "--topic", "69-KL/TW", "--index", join(dataDir, "index")], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, CORPUS_DIRS: "corpus,../shared/corpus-extra", LOG_LEVEL: "info" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const items = JSON.parse(result.stdout) as (QuizItem & Record<string, any>)[];
    expect(items).toHaveLength(40);
    const doc = kb.documents.find((d) => d.number === "69-KL/TW")!;
    for (const item of items) {
      // The contract's fields, and those added since (never renamed or dropped).
      expect(Object.keys(item).sort()).toEqual(["citation", "correct", "difficulty", "explanation", "id", "kind", "options", "origin", "question"]);
      expect(Object.keys(item.citation).sort()).toEqual(["docType", "issuer", "number", "place", "quote", "section"]);
      expect(item.citation.number).toBe("69-KL/TW");
      expect(quoteIsVerbatim(doc, { ...item, part: item.citation.section ? "section" : "header" } as QuizItem), item.question).toBe(true);
      expect(answerVerifiable(item), item.question).toBe(true);
      // No two options a reader would take for one (folded: no diacritics, case or filler words).
      const folded = item.options.map((o) => foldVi(words(o)).replace(/\b(ve|viec|cac|nhung)\b/g, "").replace(/\s+/g, " ").trim());
      expect(new Set(folded).size, item.question).toBe(item.options.length);
      // A wrong option the cited text itself states would be right too (header facts aside: a header names other
      // documents' dates and numbers beside the asked one).
      if (item.kind !== "fact" && item.kind !== "chain") {
        const quote = ` ${words(item.citation.quote).replace(/[^\p{L}\p{N}/-]+/gu, " ")} `;
        for (const [k, o] of item.options.entries()) {
          if (item.correct.includes(k)) continue;
          expect(quote.includes(` ${words(o.replace(/…$/, "")).replace(/[^\p{L}\p{N}/-]+/gu, " ").trim()} `), `${item.question}: ${o}`).toBe(false);
        }
      }
    }
    const body = items.filter((i) => /^[1-7]$/.test(i.citation.section.split(".")[0]!));
    expect(body.length).toBeGreaterThanOrEqual(Math.max(20, Math.ceil(items.length * 0.7)));
    expect(new Set(body.map((i) => i.citation.section.split(".")[0]))).toEqual(new Set(["1", "2", "3", "4", "5", "6", "7"]));
    // Several kinds of question in one draw.
    expect(new Set(items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(5);
  });
});
