/**
 * Compound questions: "Ai thẩm định … theo NQ 45, và ai đánh giá … theo QĐ 412?" asks two questions, each of its
 * own document. Read as one, the words of both blur into one search and one answer borrows from the other's
 * document. A question is split where a clause boundary (";", "?", ", và", ", còn", "và" before a question word)
 * separates two parts that each ask something on their own; a comparison is never split (it answers both sides).
 */
import { foldVi } from "../text/vietnamese.js";
import { foldedQuestion, readAsks } from "./asks.js";

/** At most this many clauses are answered separately (a chat answer has room for no more). */
export const MAX_CLAUSES = 3;

/** A clause shorter than this ("ai phối hợp?") is a follow-on of the same question, not a question of its own. */
const MIN_CLAUSE_WORDS = 4;

/**
 * Question words a clause after a bare "và" opens with ("… và ai chủ trì", "… và khi nào hoàn thành"), and a yes/no
 * clause that runs to the end ("… và có giao Sở Tài chính không?").
 */
const QUESTION_OPENING = /^(?:ai|co quan nao|don vi nao|so nao|bo nao|khi nao|bao gio|han|thoi han|van ban nao|ke hoach nao|nghi quyet nao|ket luan nao|bao nhieu|may)\b|^(?:co|da) (?:[a-z0-9/-]+ ){1,20}(?:khong|chua)\W*$/;

/** Words that ask rather than say what about (folded): a clause of only these adds no topic of its own. */
const FOLLOW_ON_WORDS = new Set(
  "ai co quan don vi so bo nganh nao chu tri phoi hop khi bao gio thoi han han la gi phai can duoc hoan thanh xong truoc ngay thang nam may nhieu the ra sao vay a".split(" "),
);

/** A question word (folded): a part before a colon holding one is a question, not a topic set for what follows. */
const QUESTION_WORD = /\b(?:ai|nao|gi|bao nhieu|khi nao|bao gio|may|khong|chua)\b/;

export function splitClauses(text: string, namesDocument: (clause: string) => boolean = () => false): string[] {
  const folded = foldVi(text).toLowerCase();
  if (readAsks(foldedQuestion(folded), text).asks.includes("compare")) return [text];
  // Cut points: after ";" or "?" not at the end; before ", và" / ", còn"; before "và" + a question word.
  const cuts: number[] = [];
  for (const m of folded.matchAll(/[;?](?=\s*\S)|,\s*(?:va|con)\s|\s(?:va)\s/g)) {
    const at = m.index;
    const rest = folded.slice(at + m[0].length).trim();
    if (m[0].trim() === "va" && !QUESTION_OPENING.test(rest)) continue;
    cuts.push(at);
  }
  if (!cuts.length) return [text];
  const parts: string[] = [];
  let start = 0;
  for (const at of [...cuts, text.length]) {
    parts.push(text.slice(start, at));
    start = at;
  }
  const clauses = parts.map((p) => p.replace(/^[\s,;?]+/, "").replace(new RegExp(`^(?:và|còn|va|con)\\s+`, "iu"), "").trim()).filter(Boolean);
  // Every clause must ask something of its own (an ask word, or a document it names) and be more than a phrase.
  const asks = (c: string) => {
    const reading = readAsks(foldedQuestion(foldVi(c).toLowerCase()), c, namesDocument(c));
    return reading.asks.some((a) => a !== "fact") || namesDocument(c);
  };
  // A later clause made only of question words ("và đơn vị nào chủ trì?", "và khi nào phải xong?") asks more of the
  // same thing: the question stays whole, so its answer keeps the first clause's topic.
  const ownWords = (c: string) => foldVi(c).toLowerCase().replace(/[^a-z0-9 ]+/g, " ").split(/\s+/).filter((w) => w && !FOLLOW_ON_WORDS.has(w)).length;
  if (clauses.slice(1).some((c) => ownWords(c) < 2 && !namesDocument(c))) return [text];
  if (clauses.length < 2 || clauses.some((c) => c.split(/\s+/).length < MIN_CLAUSE_WORDS || !asks(c))) return [text];
  // "Nhiệm vụ bồi dưỡng kỹ năng số: A đặt mục tiêu gì, còn B giao ai chủ trì?": the topic set before the colon is
  // every clause's.
  const lead = /^([^:?;]{8,120}):\s+\S/u.exec(clauses[0]!);
  const topic = lead && !QUESTION_WORD.test(foldVi(lead[1]!).toLowerCase()) ? lead[1]!.trim() : null;
  return clauses.slice(0, MAX_CLAUSES).map((c, i) => (i > 0 && topic ? `${topic}: ${c}` : c));
}
