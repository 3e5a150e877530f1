/**
 * Facts about documents: who issued it, when, its number, who signed it and in what capacity and title; and, from
 * the sentences that cite a document, which conference and which Central Committee term issued a resolution, and what
 * a referenced document is about.
 */
import type { QuizKnowledge } from "../knowledge.js";
import { DOC_TYPE_PATTERN, NUMBER_PATTERN, docTypeFromName, numberKey } from "../../domain/numbers.js";
import type { ParsedDocument } from "../../domain/model.js";
import { bodyLevel, cleanBody } from "../bodies.js";
import { docNames, type DocContext, type QuizCorpus } from "../corpus.js";
import { chooseDistractors, type Chosen } from "../fairness.js";
import type { Draft } from "../item.js";
import { docRef } from "../label.js";
import { closingSource, headerSource, locate, quoteAround, quotedAt, sectionSource, sourcesOf, type Source } from "../sources.js";
import { capitalize, collapse, findSpan, findSpans, normCheck, sameText } from "../text.js";
import { dateCandidates, dateMentions, dateRank, formatDateLike } from "./dates.js";

/** Signing capacities and titles of Party documents (DOMAIN.md), besides those the corpus uses. */
const CAPACITIES = ["T/M Ban Thường vụ", "K/T Bí thư", "TL Ban Thường vụ", "K/T Trưởng ban", "T/M Ban Chấp hành", "T/M Bộ Chính trị", "TL Trưởng ban"];
const TITLES = ["Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực", "Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban Thường trực", "Chánh Văn phòng"];
const ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai", "mười ba", "mười bốn", "mười lăm"];
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

function head(doc: ParsedDocument): Source[] {
  return [headerSource(doc), sectionSource(doc, "") ?? headerSource(doc)].filter((s) => s.text.trim());
}

/** Central bodies that issue Party documents (resolutions, conclusions, directives). */
const ISSUING_BODIES = ["Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng"];

function issuerDraft(ctx: DocContext, corpus: QuizCorpus, pools: FactPools): Draft | null {
  const doc = ctx.doc;
  if (!doc.number) return null;
  const found = locate([...head(doc), closingSource(doc)], doc.issuer);
  if (!found) return null;
  const question = `${docRef(doc)} do cơ quan nào ban hành?`;
  const level = bodyLevel(doc.issuer);
  return withChosen(
    { kind: "fact", doc, ...quotedAt(found), question, correct: doc.issuer },
    chooseDistractors({
      correct: doc.issuer,
      // Bodies that issue documents first (the leading bodies for a central one, the corpus's issuers of the same
      // level): "Ban Bí thư" is a plausible issuer of a conclusion, "Ban Đối ngoại Trung ương" hardly.
      tiers: [
        { candidates: [...(level === "central" ? ISSUING_BODIES : []), ...pools.issuers.filter((b) => bodyLevel(b) === level)], distance: 0.3 },
        { candidates: corpus.bodies.get(level) ?? [], distance: 0.6 },
      ],
      question,
      // A central document's other bodies (Kết luận 69 names the Central Committee whose resolution it continues)
      // are certainly not its issuer; a local document may name its issuer by a shorter name.
      valid: (c) => level === "central" || !docNames(ctx, c),
      seed: `issuer:${doc.id}`,
    }),
  );
}

function withChosen(d: Omit<Draft, "distractors">, chosen: Chosen): Draft {
  return { ...d, distractors: chosen.distractors, distances: chosen.distances };
}

function dateDraft(doc: ParsedDocument, pools: FactPools): Draft | null {
  if (!doc.date) return null;
  for (const source of head(doc)) {
    const mention = dateMentions(source.text).find((m) => m.iso === doc.date);
    if (!mention) continue;
    const correct = mention.text;
    const byText = new Map<string, string>();
    for (const iso of dateCandidates(doc.date, nearest(pools.dates, doc.date, 12))) byText.set(formatDateLike(iso, mention.style), iso);
    const rank = dateRank(doc.date);
    const question = `${docRef(doc)} được ban hành ngày nào?`;
    return withChosen(
      {
        kind: "fact",
        doc,
        part: source.part,
        section: source.section,
        quote: quoteAround(source.text, { start: mention.index, end: mention.index + mention.text.length }),
        question,
        correct,
      },
      chooseDistractors({
        correct,
        tiers: [{ candidates: [...byText.keys()], distance: 0.5 }],
        question,
        // Never a date equal to the correct one, however it is written.
        valid: (c) => byText.get(c) !== doc.date,
        distance: (c) => rank(byText.get(c)!) / 9,
        seed: `date:${doc.id}`,
      }),
    );
  }
  return null;
}

/** The `k` values of a sorted list nearest to `value` (binary search: no scan of the whole list per document). */
function nearest(sorted: readonly string[], value: string, k: number): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return sorted.slice(Math.max(0, lo - k / 2), lo + k / 2);
}

function numberDraft(doc: ParsedDocument, pools: FactPools): Draft | null {
  if (!doc.number) return null;
  const found = locate(head(doc), doc.number);
  if (!found) return null;
  const subject = doc.title && doc.title.length <= 140 ? ` ${doc.title.replace(/^Về\s/u, "về ").replace(/^Thực hiện\s/u, "thực hiện ")}` : "";
  const date = doc.date ? ` ngày ${doc.date.split("-").reverse().join("/")}` : "";
  const question = `${doc.docType}${date} của ${doc.issuer}${subject} có số hiệu là gì?`;
  const [digits = "", rest = ""] = doc.number.split(/-(.*)/s);
  // A misremembered number first (the same suffix with other digits), then other numbers of the same type code.
  const variants = [...new Set([digits.split("").reverse().join(""), String(Number(digits) + 1), String(Number(digits) - 1)])]
    .filter((d) => d !== digits && Number(d) > 0 && !d.startsWith("0"))
    .map((d) => `${d}-${rest}`);
  return withChosen(
    { kind: "fact", doc, ...quotedAt(found), question, correct: doc.number },
    chooseDistractors({
      correct: doc.number,
      tiers: [
        { candidates: variants, distance: 0.3 },
        { candidates: pools.numbersByCode.get(typeCode(doc.number)) ?? [], distance: 0.6 },
      ],
      question,
      valid: (c) => numberKey(c) !== numberKey(doc.number!),
      seed: `number:${doc.id}`,
    }),
  );
}

/** "CV" of "844-CV/ĐU", "KH" of "144/KH-UBND". */
function typeCode(number: string): string {
  return (/[-/]([A-Za-zĐđ]+)[-/]/u.exec(number)?.[1] ?? "").toUpperCase();
}

/** The signature block: from the capacity line to the signer's name. */
function signatureQuote(doc: ParsedDocument): { quote: string } | null {
  const signer = doc.signer;
  if (!signer?.name) return null;
  const closing = closingSource(doc);
  const name = findSpans(closing.text, signer.name).pop();
  if (!name) return null;
  const capacity = signer.capacity ? findSpans(closing.text.slice(0, name.start), signer.capacity).pop() : undefined;
  const lineStart = closing.text.lastIndexOf("\n", name.start - 1) + 1;
  const start = capacity ? capacity.start : closing.text.lastIndexOf("\n", Math.max(0, lineStart - 2)) + 1;
  return { quote: collapse(closing.text.slice(start, name.end)) };
}

function signerDrafts(doc: ParsedDocument, pools: FactPools): Draft[] {
  const signer = doc.signer;
  const sig = signatureQuote(doc);
  if (!signer || !sig) return [];
  const out: Draft[] = [];
  const base = { kind: "fact" as const, doc, part: "closing" as const, section: "", quote: sig.quote };
  const q1 = `Ai là người ký ${docRef(doc)}${signer.capacity ? ` (${signer.capacity})` : ""}?`;
  out.push({
    ...base,
    question: q1,
    correct: signer.name,
    ...pick(
      chooseDistractors({
        correct: signer.name,
        tiers: [{ candidates: pools.signers, distance: 0.5 }],
        question: q1,
        seed: `signer:${doc.id}`,
      }),
    ),
  });
  if (signer.capacity && findSpan(sig.quote, signer.capacity)) {
    const q2 = `Đồng chí ${signer.name} ký ${docRef(doc)} với thẩm quyền nào?`;
    out.push({
      ...base,
      question: q2,
      correct: signer.capacity,
      ...pick(
        chooseDistractors({
          correct: signer.capacity,
          tiers: [{ candidates: [...new Set([...pools.capacities, ...CAPACITIES])], distance: 0.5 }],
          question: q2,
          seed: `capacity:${doc.id}`,
        }),
      ),
    });
  }
  if (signer.title && findSpan(sig.quote, signer.title)) {
    const q3 = `Đồng chí ${signer.name} ký ${docRef(doc)} với chức vụ nào?`;
    const title = normCheck(signer.title);
    out.push({
      ...base,
      question: q3,
      correct: signer.title,
      ...pick(
        chooseDistractors({
          correct: signer.title,
          tiers: [{ candidates: [...new Set([...pools.titles, ...TITLES])], distance: 0.5 }],
          question: q3,
          // "Phó Bí thư" is not wrong for a "Phó Bí thư Thường trực": never offer a generalization of the title.
          valid: (c) => !title.startsWith(`${normCheck(c)} `),
          seed: `title:${doc.id}`,
        }),
      ),
    });
  }
  return out;
}

/** A sentence that cites a document: the citing document, the source and where the number is. */
interface Citing {
  doc: ParsedDocument;
  source: Source;
  index: number;
  /** Text after the number up to the next document mention or the end of the sentence. */
  tail: string;
  /** Text after the number up to the end of the sentence. */
  rest: string;
  number: string;
  docType: string;
}

function citingSentences(kb: QuizKnowledge): Citing[] {
  const out: Citing[] = [];
  const re = new RegExp(`(${DOC_TYPE_PATTERN})\\s+(?:số\\s*:?\\s*)?${NUMBER_PATTERN}`, "giu");
  for (const doc of kb.documents) {
    for (const source of sourcesOf(doc)) {
      const matches = [...source.text.matchAll(re)];
      matches.forEach((m, i) => {
        const number = `${m[2]}-${m[3]}/${m[4]}`;
        const end = m.index + m[0].length;
        const next = matches[i + 1]?.index ?? source.text.length;
        const stop = /[;(\n]|[.](?=\s|$)/.exec(source.text.slice(end, next));
        const tail = source.text.slice(end, stop ? end + stop.index : next);
        const sentenceEnd = /[;\n]|[.](?=\s|$)/.exec(source.text.slice(end));
        const rest = source.text.slice(end, sentenceEnd ? end + sentenceEnd.index : undefined);
        out.push({ doc, source, index: m.index, tail, rest, number, docType: docTypeFromName(m[1]!) ?? m[1]!.replace(/\s+/g, " ") });
      });
    }
  }
  // The document itself first, then central documents (earliest first): the most authoritative wording.
  return out.sort((a, b) => (a.doc.date ?? "9999").localeCompare(b.doc.date ?? "9999"));
}

function ordinalValue(word: string): number | null {
  const w = normCheck(word);
  if (/^\d+$/.test(w)) return Number(w);
  const i = ORDINALS.indexOf(w);
  return i >= 0 ? i + 1 : null;
}

/** Conference ("Hội nghị … lần thứ sáu") and term ("khóa XI") of cited resolutions. */
function conferenceDrafts(kb: QuizKnowledge, citing: Citing[]): Draft[] {
  const out: Draft[] = [];
  const doneTerm = new Set<string>();
  const doneSession = new Set<string>();
  const sessionRe = /lần thứ\s+(\d{1,2}|mười một|mười hai|mười ba|mười bốn|mười lăm|[\p{L}]+)/iu;
  const termRe = /khoá|khóa/iu;
  // A resolution in the corpus describes itself in its header; cited ones are described by the citing sentence.
  const own = kb.documents
    .filter((d) => d.number)
    .flatMap((d) => {
      const source = headerSource(d);
      return [...source.text.matchAll(/[^\n]+/g)].map((line) => ({ doc: d, source, index: line.index, tail: line[0], rest: line[0], number: d.number!, docType: d.docType }));
    });
  for (const c of [...own, ...citing]) {
    if (c.docType !== "Nghị quyết") continue;
    const key = numberKey(c.number);
    const tail = c.tail.slice(0, 260);
    const tailStart = c.source.text.indexOf(tail, c.index);
    if (tailStart < 0) continue;
    const label = `Nghị quyết số ${c.number}`;

    const term = /(?<!\p{L})(khoá|khóa|KHOÁ|KHÓA)\s+([IVXL]+)(?![\p{L}\p{N}])/u.exec(tail);
    if (term && termRe.test(term[1]!) && !doneTerm.has(key) && ROMAN.includes(term[2]!)) {
      const at = tailStart + term.index;
      const word = term[1]!.toLowerCase();
      const correct = `${capitalize(word)} ${term[2]}`;
      const n = ROMAN.indexOf(term[2]!);
      const question = `${label} là nghị quyết của Ban Chấp hành Trung ương Đảng khóa nào?`;
      const chosen = chooseDistractors({
        correct,
        tiers: [{ candidates: [n - 1, n + 1, n + 2, n - 2].filter((i) => i >= 0 && i < ROMAN.length).map((i) => `${capitalize(word)} ${ROMAN[i]}`), distance: 0.3 }],
        question,
        seed: `term:${key}`,
      });
      doneTerm.add(key);
      out.push({ kind: "fact", doc: c.doc, part: c.source.part, section: c.source.section, quote: quoteAround(c.source.text, { start: c.index, end: at + term[0].length }), question, correct, ...pick(chosen) });
    }

    const session = sessionRe.exec(tail);
    const value = session ? ordinalValue(session[1]!) : null;
    if (session && value && !doneSession.has(key) && /hội nghị/iu.test(tail.slice(0, session.index + 1))) {
      const at = tailStart + session.index;
      const digits = /^\d/.test(session[1]!);
      const write = (v: number) => `Lần thứ ${digits ? v : ORDINALS[v - 1]}`;
      const correct = `Lần thứ ${session[1]!.toLowerCase()}`;
      const question = `${label} được ban hành tại Hội nghị Ban Chấp hành Trung ương lần thứ mấy?`;
      const chosen = chooseDistractors({
        correct,
        tiers: [{ candidates: [value - 1, value + 1, value + 2, value - 2].filter((v) => v >= 1 && v <= ORDINALS.length).map(write), distance: 0.3 }],
        question,
        seed: `session:${key}`,
      });
      doneSession.add(key);
      out.push({ kind: "fact", doc: c.doc, part: c.source.part, section: c.source.section, quote: quoteAround(c.source.text, { start: c.index, end: at + session[0].length }), question, correct, ...pick(chosen) });
    }
  }
  return out;
}

/** "về tiếp tục đẩy mạnh công nghiệp hóa…": the subject a citing sentence gives, cut at ≤ 100 characters. */
function subjectOf(tail: string): { text: string; offset: number } | null {
  // The subject follows the number, date and issuer: the first "về" before another document is named.
  const m = /(?:^|\s)(về\s)/u.exec(tail);
  if (!m || /(Nghị quyết|Kết luận|Chỉ thị|Công văn|Hướng dẫn|Kế hoạch|Chương trình|Báo cáo)\s+(số\s)?\d/u.test(tail.slice(0, m.index))) return null;
  const offset = m.index + m[0].length - m[1]!.length;
  let s = tail.slice(offset);
  const stop = /,?\s+ngày\s+\d|\s+của\s+(?=\p{Lu})|[;(\n]|[.](?=\s|$)|,\s*(?=(?:Nghị quyết|Kết luận|Chỉ thị|Chương trình|Công văn|Hướng dẫn|Kế hoạch|Báo cáo)(?!\p{L}))/u.exec(s.slice(12));
  if (stop) s = s.slice(0, 12 + stop.index);
  // "về thực hiện Kết luận số 69-KL/TW, …": a subject that names a document ends with its number.
  const named = new RegExp(`^.*?${NUMBER_PATTERN}`, "u").exec(s);
  if (named) s = named[0];
  s = s.replace(/[\s,.;:]+$/, "");
  if (s.length > 100) {
    const room = s.slice(0, 100);
    const comma = room.lastIndexOf(", ");
    const cut = comma >= 50 ? comma : room.lastIndexOf(" ");
    s = room.slice(0, cut).replace(/[\s,]+$/, "");
  }
  const words = s.split(/\s+/).length;
  return words >= 4 ? { text: s, offset } : null;
}

/** What a subject is about, for "is this the same subject?": without "về", "việc", and case/tone. */
function subjectKey(s: string): string {
  return normCheck(s)
    .replace(/(?<!\p{L})(về|việc|triển khai|tổ chức)(?!\p{L})/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function subjectDrafts(citing: Citing[]): Draft[] {
  const subjects = new Map<string, { c: Citing; subject: string; at: number }>();
  for (const c of citing) {
    const key = numberKey(c.number);
    if (subjects.has(key)) continue;
    // A document's own subject line is its title; the sentence of another document describes it.
    if (c.doc.number && numberKey(c.doc.number) === key) continue;
    const s = subjectOf(c.rest);
    if (!s) continue;
    const tailStart = c.source.text.indexOf(c.rest, c.index);
    subjects.set(key, { c, subject: s.text, at: tailStart + s.offset });
  }
  const all = [...subjects.values()];
  const subjectOptions = all.map((x) => capitalize(x.subject));
  const out: Draft[] = [];
  for (const { c, subject, at } of all) {
    const question = `${c.docType} số ${c.number} là văn bản về nội dung gì?`;
    const correct = capitalize(subject);
    const mine = subjectKey(subject);
    out.push({
      kind: "fact",
      doc: c.doc,
      part: c.source.part,
      section: c.source.section,
      quote: quoteAround(c.source.text, { start: c.index, end: at + subject.length }),
      question,
      correct,
      ...pick(
        chooseDistractors({
          correct,
          tiers: [{ candidates: subjectOptions, distance: 0.5 }],
          question,
          // Two documents "về thực hiện Kết luận số 69-KL/TW" have the same subject: never offer the other one.
          valid: (d) => subjectKey(d) !== mine && !subjectKey(d).includes(mine) && !mine.includes(subjectKey(d)) && !d.includes(c.number),
          seed: `subject:${numberKey(c.number)}`,
        }),
      ),
    });
  }
  return out;
}

/** Corpus-wide pools for header facts, gathered once per bank. */
export interface FactPools {
  /** ISO dates of documents and referenced documents, sorted. */
  dates: string[];
  /** Document numbers by type code ("CV", "KH"…). */
  numbersByCode: Map<string, string[]>;
  signers: string[];
  /** Issuers of the corpus's documents and of the documents they cite. */
  issuers: string[];
  capacities: string[];
  titles: string[];
  citing: Citing[];
}

export function factPools(kb: QuizKnowledge, corpus: Pick<QuizCorpus, "signers">): FactPools {
  // Dates and numbers from the chain's nodes: every corpus document is one, and so is every document they cite.
  const dates = new Set<string>();
  const numbersByCode = new Map<string, string[]>();
  for (const n of kb.nodes.values()) {
    if (n.date) dates.add(n.date);
    if (!n.number) continue;
    const code = typeCode(n.number);
    if (!numbersByCode.has(code)) numbersByCode.set(code, []);
    numbersByCode.get(code)!.push(n.number);
  }
  const signers = corpus.signers;
  return {
    dates: [...dates].sort(),
    numbersByCode,
    signers: [...new Set(signers.map((s) => s.name))],
    issuers: [...new Set([...kb.nodes.values()].map((n) => n.issuer && cleanBody(n.issuer)).filter((b): b is string => Boolean(b)))],
    capacities: [...new Set(signers.map((s) => s.capacity).filter(Boolean))],
    titles: [...new Set(signers.map((s) => s.title).filter(Boolean))],
    citing: citingSentences(kb),
  };
}

/** Header and signature facts of one document. */
export function documentFactDrafts(ctx: DocContext, corpus: QuizCorpus, pools: FactPools): Draft[] {
  const out: Draft[] = [];
  for (const d of [issuerDraft(ctx, corpus, pools), dateDraft(ctx.doc, pools), numberDraft(ctx.doc, pools)]) if (d) out.push(d);
  out.push(...signerDrafts(ctx.doc, pools));
  return out.filter((d) => !sameText(d.correct, "") && d.quote);
}

/** Facts the corpus states about referenced documents (conference, term, subject): once per corpus. */
export function referenceFactDrafts(kb: QuizKnowledge, pools: FactPools): Draft[] {
  return [...conferenceDrafts(kb, pools.citing), ...subjectDrafts(pools.citing)].filter((d) => !sameText(d.correct, "") && d.quote);
}

function pick(chosen: Chosen): Pick<Draft, "distractors" | "distances"> {
  return { distractors: chosen.distractors, distances: chosen.distances };
}
