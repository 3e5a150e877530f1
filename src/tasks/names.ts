/**
 * Bodies a task's own words name as partners ("… phối hợp với Sở Khoa học và Công nghệ, Sở Xây dựng …") or as the
 * addressee of its reports ("… gửi báo cáo kết quả … về Sở Khoa học và Công nghệ để tổng hợp"), for the register
 * to add to what its row carries. A row's task often holds several duties of one body (the bullets under its
 * heading), and a report sentence may name the body that compiles before the one it is sent on to; the row keeps
 * one partner list and one addressee. Only names that open with a capitalized body head are taken: "các cơ quan liên
 * quan" adds nothing a cadre could follow.
 */
import { splitBodyList } from "../domain/bodies.js";
import { ASSIGNMENT_VERBS, BODY_HEADS } from "../domain/vocabulary.js";
import { splitBodies } from "../parser/assignments.js";

const HEADS = [...BODY_HEADS].sort((a, b) => b.length - a.length).map((h) => h.replace(/ /g, "\\s+"));
/** A capitalized body head: where a name starts. */
const HEAD = new RegExp(`^(?:${HEADS.join("|")})(?![\\p{L}])`, "u");

/**
 * Where a list of names ends: punctuation that closes the clause, a lowercase verb of the vocabulary, or a word that
 * starts what follows the names ("để tổng hợp", "trước ngày", "theo quy định"). Case-sensitive: "Sở Xây dựng" is a
 * name, "xây dựng" a verb.
 */
const STOPS = [...ASSIGNMENT_VERBS, "để", "nhằm", "trong", "theo", "trước", "chậm nhất", "khi", "về việc", "kết quả", "tình hình", "hằng", "hàng", "xem xét", "tổ chức", "trình", "thông qua"];
const END = new RegExp(`[.;:()]|\\s(?:${STOPS.map((w) => w.replace(/ /g, "\\s+")).join("|")})(?=[\\s,.;:]|$)`, "u");

function namesFrom(rest: string): string[] {
  const end = END.exec(rest);
  const phrase = (end ? rest.slice(0, end.index) : rest).replace(/[,\s]+$/, "");
  return splitBodies(phrase)
    .flatMap(splitBodyList)
    .map((p) => p.trim())
    // "Ban, ngành liên quan" (of "các Sở, Ban, ngành liên quan") is a kind of body, not one.
    .filter((p) => HEAD.test(p) && !/^\p{Lu}\S*,/u.test(p));
}

/** Partners after "phối hợp (chặt chẽ) với". */
export function partnersInText(task: string): string[] {
  const out: string[] = [];
  for (const m of task.matchAll(/phối hợp\s+(?:chặt chẽ\s+)?với\s+/giu)) out.push(...namesFrom(task.slice(m.index + m[0].length)));
  return out;
}

/** Addressees of reports: "báo cáo … về|cho|lên|tới <body>" and "gửi … về <body>" inside one sentence. */
export function reportToInText(task: string): string[] {
  const out: string[] = [];
  for (const sentence of task.split(/(?<=[.;])\s+/)) {
    if (!/báo cáo/iu.test(sentence)) continue;
    for (const m of sentence.matchAll(/(?:báo cáo|gửi)(?:[^.;]*?)\s(?:về|cho|lên|tới)\s+(?=\p{Lu})/gu)) {
      out.push(...namesFrom(sentence.slice(m.index + m[0].length)));
    }
  }
  return out;
}
