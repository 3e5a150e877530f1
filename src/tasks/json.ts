/**
 * The register as JSON (`npm run tasks -- --json`). A contract: fields may be added, never renamed —
 * `{document:{docType,number,issuer,date}, section, task, lead, partners[], deadline:{text,normalized}, product, reportTo}`.
 */
import type { TaskMatch, TaskRecord } from "./register.js";

export interface TaskJson {
  document: { docType: string; number: string | null; issuer: string; date: string | null; title: string; file: string };
  section: string;
  task: string;
  /** The lead bodies joined with "; " ("" when a "phối hợp" duty names none). */
  lead: string;
  /** The same, one name per body. */
  leads: string[];
  partners: string[];
  deadline: {
    /** As written, or null when the document gives none. */
    text: string | null;
    /** "2026-Q2", "2026-06", "2026", "2025..2035", "2025-12-15", "yearly:11-30", "yearly", "ongoing"; null when none. */
    normalized: string | null;
    kind: string | null;
    /** The last day (ISO) when the deadline fixes one; for yearly ones the next occurrence when a date was given. */
    due: string | null;
    recurring: string | null;
    /** "written" (the row or sentence), "task" (the task's own words), or null. */
    from: string | null;
  };
  product: string | null;
  /** Bodies the results are reported to, joined with "; ", or null. */
  reportTo: string | null;
  source: "table" | "prose";
  /** The queried body's role in this record ("chủ trì", "phối hợp", "nhận báo cáo"); only with a body query. */
  role?: string;
}

export function taskJson(item: TaskRecord | TaskMatch): TaskJson {
  const match = "record" in item ? item : null;
  const r = match ? match.record : (item as TaskRecord);
  const d = r.deadline;
  return {
    document: { docType: r.document.docType, number: r.document.number, issuer: r.document.issuer, date: r.document.date, title: r.document.title, file: r.document.file },
    section: r.section,
    task: r.task,
    lead: r.leads.join("; "),
    leads: r.leads,
    partners: r.partners,
    deadline: {
      text: d?.text ?? null,
      normalized: d?.normalized || null,
      kind: d?.kind ?? null,
      due: match?.due ?? d?.due ?? null,
      recurring: d?.recurring ?? null,
      from: r.deadlineFrom,
    },
    product: r.product,
    reportTo: r.reportTo.length ? r.reportTo.join("; ") : null,
    source: r.source,
    ...(match?.role ? { role: match.role } : {}),
  };
}
