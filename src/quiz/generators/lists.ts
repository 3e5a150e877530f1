/**
 * Membership in a numbered list: "Theo Kết luận số 69-KL/TW, đâu là một trong các nhiệm vụ trọng tâm?". The items of a
 * list are sibling sections with a short label (their heading, or a one-sentence body). Distractors are items of
 * other lists and other headings of the corpus that share no distinctive word pair with any item of the list
 * (so "Phát triển thị trường khoa học và công nghệ" is never offered against "Thúc đẩy phát triển thị trường…").
 */
import type { ParsedDocument, Section } from "../../domain/model.js";
import { type DocContext, parentPath } from "../corpus.js";
import { chooseDistractors, similarity } from "../fairness.js";
import type { Draft } from "../item.js";
import { docRef } from "../label.js";
import { bigrams, clip, collapse, containsPhrase, isUpperLabel } from "../text.js";

interface Labeled {
  doc: ParsedDocument;
  path: string;
  label: string;
}

interface List {
  doc: ParsedDocument;
  parent: string;
  /** Gist of every sibling (also those without a usable label). */
  gists: string[];
  phrase: string | null;
  parentTitle: string | null;
  items: Labeled[];
}

const GENERIC_HEADING = /^(tổ chức thực hiện|mục đích|yêu cầu|mục tiêu|quan điểm|nội dung|tình hình|nhiệm vụ và giải pháp|kết quả|kinh phí|hiệu lực|điều khoản)/iu;


/** Headings that name a body ("Đảng đoàn Hội đồng nhân dân tỉnh", "Giao Ban Tuyên giáo…") are not list content. */
const BODY_HEADING = /^(Giao|Ban|Đảng đoàn|Đảng ủy|Đảng uỷ|Các|Sở|Ủy ban|Uỷ ban|Công đoàn|Mặt trận|Hội|Tỉnh|Thành|Huyện|Chi bộ)\s/u;

function labelOf(section: Section): string | null {
  const raw = section.title ?? (section.text.includes("\n") ? null : section.text);
  if (!raw) return null;
  let label = collapse(raw).replace(/[.;:]+$/, "");
  if (/[.;:]\s/.test(label) || label.length > 160) return null; // more than one sentence
  // A long heading is cut (at a clause when one is at hand) and marked "…": what is left is word for word.
  if (label.length > 100) label = clip(label, 100);
  if (label.length < 15 || isUpperLabel(label) || GENERIC_HEADING.test(label) || BODY_HEADING.test(label)) return null;
  return label;
}

/** What a list item is, for "is this distractor too close to a member?": its heading, else its first sentence. */
function gist(section: Section): string {
  return section.title ?? collapse(section.text).split(/[.;]\s/)[0]!.slice(0, 200);
}

function listsOf(doc: ParsedDocument): List[] {
  const byParent = new Map<string, Section[]>();
  for (const s of doc.sections) {
    if (!s.path) continue;
    const p = parentPath(s.path);
    if (!byParent.has(p)) byParent.set(p, []);
    byParent.get(p)!.push(s);
  }
  const assignees = doc.assignments.map((a) => a.assignee);
  const out: List[] = [];
  for (const [parent, siblings] of byParent) {
    const items: Labeled[] = [];
    for (const s of siblings) {
      const label = labelOf(s);
      // A heading that names an assignee ("Đảng đoàn Hội đồng nhân dân tỉnh") belongs to the assignment questions.
      if (label && !assignees.some((a) => containsPhrase(label, a) || containsPhrase(a, label))) items.push({ doc, path: s.path, label });
    }
    if (items.length < 3 || items.length < siblings.length * 0.6) continue;
    const parentSection = doc.sections.find((s) => s.path === parent);
    const parentText = collapse(parentSection?.text ?? "");
    const m = /((?:nhiệm vụ|giải pháp|nội dung|định hướng)[^:.;]{0,40}?)\s+(?:sau|như sau)\s*:$/iu.exec(parentText);
    const title = parentSection?.title ? collapse(parentSection.title) : null;
    const phrase = m ? m[1]!.toLowerCase() : title && isUpperLabel(title) ? title.toLowerCase() : null;
    out.push({ doc, parent, gists: siblings.map(gist), phrase, parentTitle: title, items });
  }
  return out;
}

/** Headings of the corpus as distractors, and the word pairs so common among them that they tell nothing apart. */
export interface ListPool {
  labels: string[];
  generic: Set<string>;
  /** Distinctive word pairs of a label, computed once per bank. */
  distinctive: Map<string, Set<string>>;
}

export function listPool(headings: readonly string[]): ListPool {
  const labels = headings.filter((h) => h.length >= 15 && !isUpperLabel(h) && !GENERIC_HEADING.test(h) && !BODY_HEADING.test(h));
  // Word pairs most labels share ("khoa học", "công nghệ", "sáng tạo") say nothing about what an item is.
  const df = new Map<string, number>();
  for (const l of labels) for (const b of new Set(bigrams(l))) df.set(b, (df.get(b) ?? 0) + 1);
  return { labels, generic: new Set([...df].filter(([, n]) => n >= Math.max(3, labels.length * 0.25)).map(([b]) => b)), distinctive: new Map() };
}

export function listDrafts(ctx: DocContext, pool: ListPool): Draft[] {
  const doc = ctx.doc;
  const distinctive = (text: string) => {
    let d = pool.distinctive.get(text);
    if (!d) {
      d = new Set(bigrams(text).filter((b) => !pool.generic.has(b)));
      pool.distinctive.set(text, d);
    }
    return d;
  };
  const out: Draft[] = [];
  for (const list of listsOf(doc)) {
    const memberPairs = [...list.items.map((it) => it.label), ...list.gists].map(distinctive);
    const tooClose = (candidate: string) => {
      const pairs = distinctive(candidate);
      return memberPairs.some((m) => [...pairs].some((p) => m.has(p)));
    };
    const where = list.parent ? ` (mục ${list.parent})` : "";
    const question = list.phrase
      ? `Theo ${docRef(list.doc)}, đâu là một trong các ${list.phrase}${where}?`
      : list.parentTitle
        ? `Theo ${docRef(list.doc)}, nội dung nào sau đây thuộc mục ${list.parent} “${clip(list.parentTitle, 110)}”?`
        : `Theo ${docRef(list.doc)}, nội dung nào sau đây là một đầu mục${where}?`;
    for (const item of list.items) {
      if (ctx.copied.has(item.path)) continue;
      // The label is the section's heading (or its one-sentence text), cut at most: quoted as the text writes it.
      const section = item.doc.sections.find((x) => x.path === item.path);
      const whole = collapse(section?.title ?? section?.text ?? "");
      const kept = item.label.replace(/…$/, "");
      if (!whole.startsWith(kept)) continue;
      // The whole heading, even when the option is cut: a quote that stops mid-phrase reads as a misquote.
      const quote = whole.replace(/[.;:]+$/, "");
      if (ctx.known(item.label, quote)) continue;
      const chosen = chooseDistractors({
        correct: item.label,
        tiers: [{ candidates: pool.labels, distance: 0.6 }],
        question,
        valid: (c) => !tooClose(c),
        distance: (c) => 1 - similarity(c, item.label),
        seed: `list:${item.doc.id}:${item.path}`,
      });
      out.push({
        kind: "list",
        doc: item.doc,
        part: "section",
        section: item.path,
        quote,
        question,
        correct: item.label,
        distractors: chosen.distractors,
        distances: chosen.distances,
      });
    }
  }
  return out;
}
