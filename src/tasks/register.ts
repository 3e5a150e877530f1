/**
 * The task register: every assignment of the corpus (task-table rows and prose) as one record — document, section,
 * task, lead, partners, report-to, deadline as written and normalized, product — with body names compared as cadres
 * mean them (src/domain/bodies.ts). Pure: built from `ParsedDocument[]`, queried by body, document and due window.
 *
 * How parser rows become records:
 * - one record per (section, task): the bodies the parser gave one row each ("Các sở, ban, ngành", "UBND các xã,
 *   phường", "các đơn vị liên quan" of one sentence; the lead bodies of one table row) are that record's leads, as a
 *   reader counts one row;
 * - bodies the task's own words name as partners or report addressees are added (src/tasks/names.ts);
 * - a "phối hợp" row names the cooperating body as assignee and the body it works with among its partners
 *   ("Sở Giáo dục và Đào tạo phối hợp với Sở Khoa học và Công nghệ…"): in the record the latter leads and the former
 *   is a partner;
 * - partner and report-to lists the parser left whole are split into one name per body;
 * - a day and month without a year repeats only when the text says so (see `anchorDeadline`); a row without a
 *   deadline takes one its task text states ("… hằng năm.", "trước ngày 15/12/2025"), marked as found in the task.
 */
import { createHash } from "node:crypto";
import { documentLabel } from "../assistant/cite.js";
import { type BodyTokens, bodyKey, bodyTokens, isWrittenOut, matchBody, splitBodyList } from "../domain/bodies.js";
import { anchorDeadline, deadlineInText, nextOccurrence, normalizeDeadline } from "../domain/deadline.js";
import type { Assignment, Deadline, DocType, ParsedDocument } from "../domain/model.js";
import { findNumberAliases, numberKey, parseNumber } from "../domain/numbers.js";
import { splitBodies } from "../parser/assignments.js";
import { foldVi, hasDiacritics, normalizeVi } from "../text/vietnamese.js";
import { partnersInText, reportToInText } from "./names.js";

export interface TaskDocument {
  id: string;
  file: string;
  docType: DocType;
  number: string | null;
  issuer: string;
  date: string | null;
  place: string | null;
  title: string;
}

export interface TaskRecord {
  /** Stable across re-ingests of the same text: what reminders remember. */
  key: string;
  document: TaskDocument;
  section: string;
  task: string;
  /** The bodies that lead (chủ trì) or carry out the task; empty when a "phối hợp" duty names no lead. */
  leads: string[];
  partners: string[];
  /** Bodies the results are reported to. */
  reportTo: string[];
  deadline: Deadline | null;
  /** Where the deadline came from: the row or sentence ("written"), or the task's own words ("task"). */
  deadlineFrom: "written" | "task" | null;
  product: string | null;
  source: "table" | "prose";
}

/** What a body does in a record. */
export type BodyRole = "chủ trì" | "phối hợp" | "nhận báo cáo";

export interface TaskMatch {
  record: TaskRecord;
  /** The queried body's role, or null when the query named no body. */
  role: BodyRole | null;
  /** The next day the task falls due (ISO), when its deadline fixes one. */
  due: string | null;
}

/** A body as the register knows it: one canonical name and the forms documents write it in. */
export interface CanonicalBody {
  key: string;
  name: string;
  forms: string[];
  /** Records that name it (as lead, partner or addressee of reports). */
  count: number;
}

export interface TaskQuery {
  /** A body as typed ("Sở KH&CN", "so khoa hoc va cong nghe"): records where it leads, cooperates or receives reports. */
  body?: string;
  /** Words of the task ("tuyên truyền", typed with or without diacritics): records whose task has all of them. */
  text?: string;
  /** Only these documents (ids): a chat's scope, the documents a question names. */
  documentIds?: Iterable<string>;
  /** Records due on or before this day (ISO); yearly deadlines count at their next occurrence from `today`. */
  dueBefore?: string;
  /** Records due on or after this day (ISO). */
  dueFrom?: string;
  /** Today (ISO), for the next occurrence of yearly deadlines; defaults to `dueFrom`. Without both they have none. */
  today?: string;
}

interface Names {
  leads: BodyTokens[];
  partners: BodyTokens[];
  reportTo: BodyTokens[];
}

export class TaskRegister {
  readonly documents: TaskDocument[];
  private readonly names = new Map<TaskRecord, Names>();
  private canonical: CanonicalBody[] | null = null;

  constructor(readonly records: TaskRecord[]) {
    const docs = new Map<string, TaskDocument>();
    for (const r of records) docs.set(r.document.id, r.document);
    this.documents = [...docs.values()];
    for (const r of records) {
      this.names.set(r, { leads: r.leads.map(bodyTokens), partners: r.partners.map(bodyTokens), reportTo: r.reportTo.map(bodyTokens) });
    }
  }

  /** The records a query asks for, in document order and the order of each document's text. */
  query(q: TaskQuery): TaskMatch[] {
    const body = q.body?.trim() ? bodyTokens(q.body) : null;
    if (body && !body.tokens.length) return [];
    const ids = q.documentIds ? new Set(q.documentIds) : null;
    const words = q.text?.trim() ? wordsOf(q.text) : null;
    if (words && !words.words.length) return [];
    const today = q.today ?? q.dueFrom ?? null;
    const out: TaskMatch[] = [];
    for (const record of this.records) {
      if (ids && !ids.has(record.document.id)) continue;
      let role: BodyRole | null = null;
      if (body) {
        role = this.roleOf(record, body);
        if (!role) continue;
      }
      if (words && !hasWords(record.task, words)) continue;
      const due = dueOf(record.deadline, today);
      if (q.dueBefore || q.dueFrom) {
        if (!due) continue;
        if (q.dueBefore && due > q.dueBefore) continue;
        if (q.dueFrom && due < q.dueFrom) continue;
      }
      out.push({ record, role, due });
    }
    return out;
  }

  /** The role of a body (as typed) in a record, or null when the record does not name it. */
  roleOf(record: TaskRecord, body: BodyTokens): BodyRole | null {
    const names = this.names.get(record)!;
    if (names.leads.some((n) => matchBody(body, n))) return "chủ trì";
    if (names.partners.some((n) => matchBody(body, n))) return "phối hợp";
    if (names.reportTo.some((n) => matchBody(body, n))) return "nhận báo cáo";
    return null;
  }

  /** Documents a text names by number or alias ("552/KH-UBND", "KH 552", "kế hoạch 144"), or by id. */
  findDocuments(text: string): TaskDocument[] {
    const t = text.trim();
    const byId = this.documents.filter((d) => d.id === t);
    if (byId.length) return byId;
    const found = new Map<string, TaskDocument>();
    for (const alias of findNumberAliases(t)) {
      const keys = [alias.full, alias.swapped].filter((k): k is string => Boolean(k)).map(numberKey);
      let docs = this.documents.filter((d) => d.number && keys.includes(numberKey(d.number)));
      if (!docs.length && !alias.full) {
        docs = this.documents.filter((d) => {
          if (!d.number) return false;
          const parsed = parseNumber(d.number);
          return (parsed?.digits ?? d.number.split(/[-/]/)[0]) === alias.digits && (!alias.type || alias.type === d.docType);
        });
      }
      for (const d of docs) found.set(d.id, d);
    }
    return [...found.values()];
  }

  /** Every body the register names, under one canonical name each, most often named first. */
  bodies(): CanonicalBody[] {
    if (this.canonical) return this.canonical;
    const groups = new Map<string, { forms: Map<string, number>; records: Set<TaskRecord> }>();
    for (const r of this.records) {
      for (const name of [...r.leads, ...r.partners, ...r.reportTo]) {
        const key = bodyKey(name);
        if (!key) continue;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { forms: new Map(), records: new Set() }));
        g.forms.set(name, (g.forms.get(name) ?? 0) + 1);
        g.records.add(r);
      }
    }
    this.canonical = [...groups.entries()]
      .map(([key, g]) => {
        const forms = [...g.forms.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f);
        // The name as written out ("Sở Khoa học và Công nghệ", not "Sở KH&CN"), capitalized as most documents write it.
        const name = forms.find((f) => isWrittenOut(f) && /^\p{Lu}/u.test(f)) ?? forms.find(isWrittenOut) ?? forms[0]!;
        return { key, name, forms, count: g.records.size };
      })
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "vi"));
    return this.canonical;
  }

  /**
   * The bodies a query names: those it names whole ("Sở Tài chính"), else those it opens ("Ban Tuyên giáo" →
   * "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Thành ủy Từ Sơn").
   */
  bodiesNamed(query: string): CanonicalBody[] {
    const q = bodyTokens(query);
    if (!q.tokens.length) return [];
    const matched = this.bodies()
      .map((b) => ({ b, m: matchBody(q, b.name) ?? b.forms.map((f) => matchBody(q, f)).find(Boolean) ?? null }))
      .filter((x) => x.m);
    const exact = matched.filter((x) => x.m === "exact" && bodyTokens(x.b.name).tokens.length === q.tokens.length);
    return (exact.length ? exact : matched).map((x) => x.b);
  }
}

interface Words {
  words: string[];
  /** Typed without diacritics: compared folded. */
  plain: boolean;
}

/** Words of a text for matching a task: lowercase, one tone convention, folded when typed without diacritics. */
function wordsOf(text: string): Words {
  const plain = !hasDiacritics(text);
  return { words: splitWords(text, plain).filter((w) => w.length > 1), plain };
}

function splitWords(text: string, plain: boolean): string[] {
  const t = normalizeVi(text);
  return (plain ? foldVi(t) : t).split(/[^\p{L}\p{N}]+/u);
}

function hasWords(task: string, q: Words): boolean {
  const set = new Set(splitWords(task, q.plain));
  return q.words.every((w) => set.has(w));
}

/** The next day a deadline falls due on or after `today` (yearly ones), or its fixed day; null when it has none. */
export function dueOf(deadline: Deadline | null, today: string | null): string | null {
  if (!deadline) return null;
  if (deadline.due) return deadline.due;
  return today ? nextOccurrence(deadline, today) : null;
}

/** "Kế hoạch số 552/KH-UBND ngày 19/11/2025 của Ủy ban nhân dân tỉnh Đồng Tháp". */
export function documentName(doc: TaskDocument): string {
  return documentLabel(doc);
}

function documentOf(doc: ParsedDocument): TaskDocument {
  return { id: doc.id, file: doc.file, docType: doc.docType, number: doc.number, issuer: doc.issuer, date: doc.date, place: doc.place, title: doc.title };
}

/** One name per body, also where the parser left a list whole ("Bộ Khoa học và Công nghệ và Chính phủ"). */
function splitNames(text: string): string[] {
  return splitBodies(text).flatMap(splitBodyList);
}

/** Add names not there yet (compared by their body key). */
function addNames(into: string[], names: string[]): void {
  for (const n of names) {
    const key = bodyKey(n);
    if (key && !into.some((x) => bodyKey(x) === key)) into.push(n);
  }
}

function recordKey(doc: ParsedDocument, section: string, task: string): string {
  // Number (or file) rather than id: an id may change between ingests; the number and the words of a row do not.
  const basis = [doc.number ? numberKey(doc.number) : doc.file.split(/[\\/]/).pop(), section, normalizeVi(task).replace(/\s+/g, " ").slice(0, 300)].join("\u0000");
  return createHash("sha256").update(basis).digest("base64url").slice(0, 12);
}

/** Build the register from parsed documents (their order is kept). */
export function buildRegister(documents: readonly ParsedDocument[]): TaskRegister {
  const records: TaskRecord[] = [];
  for (const doc of documents) {
    const byRow = new Map<string, { record: TaskRecord; rows: Assignment[] }>();
    for (const a of doc.assignments) {
      const rowKey = `${a.section}\u0000${a.task}`;
      let entry = byRow.get(rowKey);
      if (!entry) {
        const document = documentOf(doc);
        entry = {
          rows: [],
          record: {
            key: recordKey(doc, a.section, a.task),
            document,
            section: a.section,
            task: a.task,
            leads: [],
            partners: [],
            reportTo: [],
            deadline: null,
            deadlineFrom: null,
            product: null,
            source: a.source ?? "prose",
          },
        };
        byRow.set(rowKey, entry);
        records.push(entry.record);
      }
      entry.rows.push(a);
      const r = entry.record;
      const partners = a.partners.flatMap(splitNames);
      if (a.role === "phối hợp") {
        addNames(r.leads, partners);
        addNames(r.partners, [a.assignee]);
      } else {
        addNames(r.leads, [a.assignee]);
        addNames(r.partners, partners);
      }
      if (a.reportTo) addNames(r.reportTo, splitNames(a.reportTo));
      r.product ??= a.product?.trim() || null;
      if (!r.deadline && (a.due || a.deadline)) {
        const d = a.due ?? normalizeDeadline(a.deadline);
        if (d) {
          r.deadline = anchorDeadline(d, doc.date, a.task);
          r.deadlineFrom = "written";
        }
      }
    }
    for (const { record: r } of byRow.values()) {
      addNames(r.partners, partnersInText(r.task));
      addNames(r.reportTo, reportToInText(r.task));
      // A body both leads and cooperates only when two rows disagree, or when the task repeats its lead's partner
      // clause ("X phối hợp với Y" read as Y leading): leading wins.
      const leadKeys = new Set(r.leads.map(bodyKey));
      r.partners = r.partners.filter((p) => !leadKeys.has(bodyKey(p)));
      if (!r.deadline) {
        const d = deadlineInText(r.task);
        if (d) {
          r.deadline = anchorDeadline(d, doc.date, r.task);
          r.deadlineFrom = "task";
        }
      }
    }
  }
  return new TaskRegister(records);
}
