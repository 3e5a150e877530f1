/**
 * The query set: the shared sample questions, a hand-written paraphrase of each, and the no-diacritic form of both
 * (what a cadre types on a phone without a Vietnamese keyboard). Gold matching follows ../shared/eval/score.mjs.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { foldVi } from "../../src/text/vietnamese.js";

export interface Gold {
  doc: string[];
  section: string;
}

export interface Question {
  id: string;
  q: string;
  gold: Gold[];
  expect?: string;
  /** "shared" (the file's own question), "paraphrase", "folded" (no diacritics). */
  variant: "shared" | "paraphrase" | "folded";
}

export const QUESTIONS_FILE = resolve(import.meta.dirname, "../../../shared/eval/questions.jsonl");

/** A paraphrase per shared question id (same gold). */
export const PARAPHRASES: Record<string, string> = {
  d01: "Ai đôn đốc các chi bộ, đảng ủy cơ sở thực hiện kế hoạch của Đảng ủy Khối các cơ quan tỉnh Thái Nguyên?",
  d02: "Đảng đoàn HĐND tỉnh được giao việc gì trong Công văn 2018-CV/TU?",
  d03: "Nhiệm vụ của Công đoàn ngành giáo dục khi thực hiện Kết luận 69-KL/TW là gì?",
  d04: "Hướng dẫn của Ban Tuyên giáo Thành ủy Từ Sơn dựa trên văn bản nào?",
  d05: "Cơ quan nào ban hành Kết luận 69 và ban hành ngày nào?",
  d06: "Ban Tuyên giáo Tỉnh ủy Quảng Ngãi được giao làm những gì?",
  d07: "Sở GD&ĐT phối hợp với những cơ quan nào để thực hiện Chiến lược phát triển KH, CN & ĐMST đến năm 2030?",
  d08: "Đến năm 2030 tỉnh Thái Nguyên phấn đấu trở thành trung tâm gì?",
  d09: "Những nhiệm vụ cụ thể được chú trọng trong Công văn 844-CV/ĐU là gì?",
  d10: "Người ký Công văn 2018-CV/TU của Tỉnh ủy Quảng Ngãi là ai?",
  d11: "Ban cán sự đảng UBND tỉnh Quảng Ngãi phải lãnh đạo, chỉ đạo những gì?",
  d12: "Chương trình hành động 56-CTr/TU ban hành ngày nào?",
  d13: "Nghị quyết 57-NQ/TW về chuyển đổi số quốc gia có nội dung chính nào?",
  d14: "Thời tiết ngày mai ở Hà Nội thế nào?",
  d15: "Ai tập huấn cho đội ngũ báo cáo viên, tuyên truyền viên ở Từ Sơn?",
  d16: "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội ở Từ Sơn phải làm gì theo hướng dẫn?",
  d17: "Báo cáo tổng kết 10 năm Nghị quyết 20 của Ban Thường vụ Thành ủy có số hiệu là gì?",
  d18: "Nhiệm vụ của các đoàn thể trực thuộc Đảng ủy Khối các cơ quan tỉnh Thái Nguyên là gì?",
  d19: "Công văn 844-CV/ĐU đặt ra mục đích, yêu cầu gì?",
  d20: "Những tập thể, cá nhân nào được Quảng Ngãi kịp thời biểu dương, khen thưởng?",
};

export function loadSharedQuestions(file = QUESTIONS_FILE): Question[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const j = JSON.parse(l) as { id: string; q: string; gold?: Gold[]; expect?: string };
      return { id: j.id, q: j.q, gold: j.gold ?? [], expect: j.expect, variant: "shared" as const };
    });
}

/** Shared questions, then their paraphrases, then the no-diacritic form of all of them. */
export function querySet(shared: Question[]): Question[] {
  const para = shared.filter((q) => PARAPHRASES[q.id]).map((q) => ({ ...q, q: PARAPHRASES[q.id]!, variant: "paraphrase" as const }));
  const both = [...shared, ...para];
  return [...both, ...both.map((q) => ({ ...q, q: foldVi(q.q), variant: "folded" as const }))];
}

const norm = (s: string | null | undefined) => (s ?? "").normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

export interface Citable {
  docType: string;
  number: string | null;
  issuer: string;
  place: string | null;
  title: string;
  section: string;
}

/** As score.mjs: the label holds every doc string; the section is equal or a parent ("III" matches "III.2"). */
export function matchesGold(c: Citable, g: Gold): boolean {
  const label = norm([c.docType, c.number, c.issuer, c.place, c.title].filter(Boolean).join(" | "));
  return g.doc.every((t) => label.includes(norm(t))) && (!g.section || c.section === g.section || String(c.section ?? "").startsWith(`${g.section}.`));
}

/** Rank (1-based) of the first item matching any gold, or null. */
export function rankOf(items: Citable[], gold: Gold[]): number | null {
  const i = items.findIndex((c) => gold.some((g) => matchesGold(c, g)));
  return i >= 0 ? i + 1 : null;
}

export interface Quality {
  /** Questions with gold (the score.mjs denominator). */
  scored: number;
  hitAt3: number;
  mrr: number;
  /** Negatives ("not_found" expected) refused / total negatives. */
  negativesRefused: number;
  negatives: number;
  ranks: Record<string, number | null>;
}

/** hit@3 and MRR over questions with gold; refusals over the negatives. */
export function quality(results: { q: Question; ranked: Citable[]; refused: boolean }[]): Quality {
  let scored = 0;
  let hits = 0;
  let rr = 0;
  let negatives = 0;
  let refused = 0;
  const ranks: Record<string, number | null> = {};
  for (const { q, ranked, refused: ref } of results) {
    if (q.expect === "not_found") {
      negatives++;
      if (ref) refused++;
      continue;
    }
    if (!q.gold.length) continue;
    scored++;
    const rank = ref ? null : rankOf(ranked, q.gold);
    ranks[q.variant === "shared" ? q.id : `${q.id}:${q.variant}`] = rank;
    if (rank !== null && rank <= 3) hits++;
    if (rank !== null) rr += 1 / rank;
  }
  return { scored, hitAt3: hits, mrr: scored ? Math.round((rr / scored) * 1000) / 1000 : 0, negativesRefused: refused, negatives, ranks };
}

/** Keep the first item per (document, section): a ranking of sections, as citations are. */
export function dedupeSections<T extends Citable & { documentId: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((c) => {
    const key = `${c.documentId}\u0000${c.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
