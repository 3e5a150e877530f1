/**
 * Task tables: STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm, in the body
 * or an appendix. Columns are told by their header words; group rows ("I | NHÓM GIẢI PHÁP …") head the rows under
 * them; a row whose cells span rows below (merged cells) lends them to the short rows that follow. Each row becomes
 * a section (path = where the table stands + group when numbering restarts per group + STT) and one assignment per
 * lead body. Pure functions.
 */
import { normalizeDeadline } from "../domain/deadline.js";
import { type Assignment, CELL_BREAK, type Section } from "../domain/model.js";
import { foldVi } from "../text/vietnamese.js";
import { leadBodies, splitPartners } from "./assignments.js";
import { isRowNumber } from "./lines.js";

type Role = "stt" | "task" | "context" | "lead" | "partners" | "deadline" | "product" | "other";

/** A column's role from its header words (folded, lowercase). Order matters: "Cơ quan phối hợp" is partners. */
function roleOf(header: string): Role {
  const h = foldVi(header).toLowerCase().replace(/\s+/g, " ").trim();
  if (/^(?:s?tt|so tt|so thu tu)\.?$/.test(h)) return "stt";
  if (/phoi hop/.test(h)) return "partners";
  if (/thoi gian|thoi han|tien do|hoan thanh|thoi diem|lo trinh|nam thuc hien|moc/.test(h)) return "deadline";
  if (/chu tri|thuc hien|chu quan|phu trach|dau moi|trach nhiem|don vi|co quan|theo doi/.test(h) && !/noi dung|nhiem vu/.test(h)) return "lead";
  if (/san pham|ket qua|hinh thuc/.test(h)) return "product";
  if (/^nhom/.test(h)) return "context";
  if (/nhiem vu|noi dung|ten |^ten$|chi tieu|giai phap|hoat dong|cong viec|du an|de an|du lieu|muc tieu|chuong trinh/.test(h)) return "task";
  return "other";
}

export interface TableRead {
  sections: Section[];
  assignments: Assignment[];
  /** Lines that belong to the section the table stands in: the header row, group rows not used in paths. */
  baseText: string[];
}

const GROUP_LABEL = /^(?:([IVXL]{1,6}|[A-H])[.)]?\s+)(.+)$/u;

function isGroupNumber(text: string): boolean {
  return /^(?:[IVXL]{1,6}|[A-H])\.?$/.test(text.trim());
}

/**
 * Read a data table. `rows` are the cells of each row, the first being the header; `base` is the path of the section
 * or appendix the table stands in. Returns null when the first row does not name a task and a body (a table of
 * figures, not of assignments): the caller keeps such rows as text. `cellJoin` joins a row's cells in its text (see
 * tableCellJoin in lines.ts).
 */
/** Cells without the empty ones at either end (nothing in the source stands there to quote). */
function trimEmptyEnds(cells: string[]): string[] {
  let a = 0;
  let b = cells.length;
  while (a < b && !cells[a]) a++;
  while (b > a && !cells[b - 1]) b--;
  return cells.slice(a, b);
}

/** A cell cut where its line wrapped: it ends on a word that needs the next ("Sở Khoa học và", "… kết nối với"). */
const CUT_OFF = /(?:\s(?:và|của|các|về|với|cho|tại|trên|đến|theo|trong)|,)$/u;

/**
 * Do these cells go on the row above (its wrapped lines)? Its task goes on in lower case ("với Trung tâm dữ liệu…"),
 * or a cell above stops on a word that needs the next and this row fills that cell.
 */
function wrapsOn(cells: string[], above: string[], task: number): boolean {
  if (task >= 0 && /^\p{Ll}/u.test(cells[task] ?? "")) return true;
  return cells.some((c, i) => c && CUT_OFF.test(above[i] ?? ""));
}

export function readTaskTable(rows: string[][], base: string, cellJoin = " | "): TableRead | null {
  const header = rows[0];
  if (!header || rows.length < 2) return null;
  const roles = header.map(roleOf);
  const col = (r: Role) => roles.indexOf(r);
  // The most specific task column is the last one; an earlier one is context ("Nhóm lĩnh vực" beside "Dữ liệu").
  const taskCols = roles.map((r, i) => (r === "task" ? i : -1)).filter((i) => i >= 0);
  const task = taskCols[taskCols.length - 1] ?? -1;
  const context = [col("context"), ...taskCols.slice(0, -1)].filter((i) => i >= 0);
  const lead = col("lead");
  if (task < 0 || (lead < 0 && col("partners") < 0)) return null;
  const stt = col("stt");
  const width = header.length;
  const partners = col("partners");
  const deadline = col("deadline");
  const product = col("product");

  interface Row {
    group: string | null;
    groupTitle: string | null;
    stt: string | null;
    cells: string[];
    /** A short row under merged cells: only the cells it writes itself. */
    own: string[] | null;
    /** Its cells as the row's first line writes them, when lines of wrapped cells followed (`cells` then holds them
     * joined), and those lines' cells. */
    lines?: { first: string[]; wrapped: string[][] };
    /** The lead of a cell merged over this row, from the row above. */
    leadFrom?: string;
  }
  const read: Row[] = [];
  let group: { label: string; title: string } | null = null;
  let prev: string[] | null = null;
  let prevGroup: { label: string; title: string } | null = null;
  for (const raw of rows.slice(1)) {
    const cells = raw.map((c) => c.trim());
    const filled = cells.filter(Boolean);
    if (!filled.length) continue;
    const first = cells[0] ?? "";
    const empty = (i: number) => i < 0 || !(cells[i] ?? "");
    // A group row: a Roman numeral or capital letter with a title and no body ("I | NHÓM GIẢI PHÁP …"), or the title
    // alone with its numeral in it ("| I. Kinh tế số | |").
    if (isGroupNumber(first) && filled.length <= 2 && (cells.length < width || (empty(lead) && empty(partners)))) {
      group = { label: first.replace(/\.$/, ""), title: filled[1] ?? "" };
      continue;
    }
    if (filled.length === 1 && GROUP_LABEL.test(filled[0]!) && cells.length >= width && empty(lead)) {
      const m = GROUP_LABEL.exec(filled[0]!)!;
      group = { label: m[1]!, title: m[2]! };
      continue;
    }
    // A row of wrapped cells, its number cell empty ("| | với Trung tâm dữ liệu quốc gia | Công nghệ | | | đưa vào vận
    // hành |" under "| 1 | … kết nối | Sở Khoa học và | …"): the lines go on the row above, cell by cell.
    const above = read[read.length - 1];
    if (stt >= 0 && empty(stt) && cells.length >= width && above?.stt && !above.own && wrapsOn(cells, above.cells, task)) {
      above.lines ??= { first: [...above.cells], wrapped: [] };
      above.lines.wrapped.push(cells);
      cells.forEach((c, i) => {
        if (c && i !== stt) above.cells[i] = above.cells[i] ? `${above.cells[i]}${CELL_BREAK}${c}` : c;
      });
      continue;
    }
    let full: string[];
    let short = false;
    if (cells.length >= width || (stt >= 0 && isRowNumber(first) && !isGroupNumber(first))) {
      full = [...cells, ...Array(Math.max(0, width - cells.length)).fill("")];
    } else if (prev) {
      // A short row under merged cells: it fills the columns that change, the others come from the row above.
      full = [...prev];
      const target =
        filled.length === 1
          ? [task]
          : filled.length === width - 1 && stt === 0
            ? roles.map((_, i) => i).slice(1)
            : roles.map((_, i) => i).filter((i) => i !== stt).slice(0, filled.length);
      target.forEach((c, k) => (full[c] = filled[k] ?? ""));
      if (stt >= 0) full[stt] = "";
      short = true;
    } else {
      full = [...cells, ...Array(Math.max(0, width - cells.length)).fill("")];
    }
    const number = stt >= 0 ? (full[stt] ?? "").replace(/\.$/, "") : "";
    // A short row's own text is its own cells: the inherited ones stand in the row above (quotes stay verbatim).
    const own = short ? filled : null;
    // A lead cell merged over the rows below it: a numbered row that leaves it empty is led by the body above (in the
    // same group), read for its assignment only; its text stays as written.
    const leadFrom: string | undefined = !short && lead >= 0 && !full[lead] && number && isRowNumber(number) && full[task] && prev?.[lead] && prevGroup === group ? prev[lead] : undefined;
    read.push({ group: group?.label ?? null, groupTitle: group?.title ?? null, stt: number && isRowNumber(number) ? number : null, cells: full, own, leadFrom });
    if (number || !prev) {
      prev = leadFrom ? full.map((c, i) => (i === lead ? leadFrom : c)) : full;
      prevGroup = group;
    }
  }

  // Numbering that restarts in each group needs the group in the path ("Phụ lục.II.3"); numbering that runs on
  // through the groups does not ("Phụ lục II.37").
  const seen = new Set<string>();
  let restarts = false;
  for (const r of read) {
    if (!r.stt) continue;
    if (seen.has(r.stt)) restarts = true;
    seen.add(r.stt);
  }
  const join = (...parts: (string | null)[]) => parts.filter((p): p is string => Boolean(p)).join(".");
  const sections: Section[] = [];
  const assignments: Assignment[] = [];
  const baseText = [header.filter(Boolean).join(cellJoin)];
  const groupsDone = new Set<string>();
  let lastPath = base;
  let counter = 0;
  for (const r of read) {
    if (r.group && !groupsDone.has(r.group)) {
      groupsDone.add(r.group);
      if (restarts) sections.push({ path: join(base, r.group), title: r.groupTitle, text: "" });
      else baseText.push(`${r.group}${cellJoin}${r.groupTitle ?? ""}`);
    }
    const groupPath = restarts ? join(base, r.group) : base;
    let path: string;
    if (r.stt) path = join(groupPath, r.stt);
    else if (stt < 0) path = join(groupPath, String(++counter));
    else path = lastPath;
    lastPath = path;
    // Every cell of the row in order, empty ones too ("Sở Y tế |  | Phần mềm"): the text stays a verbatim run of the
    // document's row, so a quote of it is found where the row stands.
    // A row with wrapped lines: each line as written, one under the other (its cells are read joined, below).
    const line = (cells: string[]) => trimEmptyEnds(cells.filter((_, i) => i !== stt)).join(cellJoin);
    const text = r.own ? r.own.join(cellJoin) : r.lines ? [r.lines.first, ...r.lines.wrapped].map(line).join("\n") : line(r.cells);
    sections.push({ path, title: null, text });
    // A cell's inner line breaks (" … ") are wrapped lines as often as separators ("Bộ Khoa học và<br>Công nghệ"):
    // read as a space; the bodies' own punctuation separates them.
    const cell = (i: number, sep: string) => (i >= 0 && r.cells[i] ? r.cells[i]!.split(CELL_BREAK).join(sep) : "");
    const taskText = [...context.map((i) => cell(i, " ")).filter(Boolean), cell(task, " ")].filter(Boolean).join(": ");
    const due = cell(deadline, " ") || null;
    const partnerList = cell(partners, " ") ? splitPartners(cell(partners, " ")) : [];
    const leads = cell(lead, " ") ? leadBodies(cell(lead, " ")) : r.leadFrom ? leadBodies(r.leadFrom.split(CELL_BREAK).join(" ")) : [];
    for (const body of leads) {
      assignments.push({
        section: path,
        assignee: body,
        role: "chủ trì",
        partners: partnerList,
        reportTo: null,
        deadline: due,
        task: taskText,
        due: normalizeDeadline(due),
        product: cell(product, " ") || null,
        source: "table",
      });
    }
  }
  return { sections, assignments, baseText };
}
