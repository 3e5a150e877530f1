/**
 * Who is assigned what: from the parts that assign work (TỔ CHỨC THỰC HIỆN, PHÂN CÔNG NHIỆM VỤ, TRÁCH NHIỆM…)
 * and from numbered items addressed to a body (as in Công văn 2018-CV/TU), one row per assignee.
 */
import type { Assignment, Role, Section } from "../domain/model.js";
import { foldVi } from "../text/vietnamese.js";
import { BULLET_MARK, isBullet } from "./headings.js";

const ASSIGNING_TITLE = /(to chuc thuc hien|phan cong|trach nhiem|nhiem vu cu the cua cac|giao nhiem vu)/;

/** Words that open a body's name. */
const ORG_START =
  /^(?:Giao\s+)?(?:(?:Các|các)\s+(?:sở|ban|ngành|cấp ủy|cấp uỷ|huyện ủy|huyện uỷ|thị ủy|thị uỷ|thành ủy|thành uỷ|tỉnh ủy|tỉnh uỷ|đảng ủy|đảng uỷ|đảng bộ|chi bộ|cơ quan|đơn vị|địa phương|đoàn thể|hội|phòng|xã|phường|tổ chức|trường|trung tâm|ủy ban|uỷ ban)(?=[\s,])|(?:Các\s+|các\s+)?(?:Ban|Bộ|Sở|Phòng|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Hội|Đảng|đảng|Đoàn|Tỉnh|Thành|Huyện|Thị|Quận|Xã|Phường|Chi bộ|chi bộ|Chi|chi|Cấp ủy|cấp ủy|Cấp uỷ|cấp uỷ|Công đoàn|Mặt trận|MTTQ|Trung tâm|Viện|Trường|Báo|Đài|Liên đoàn|Liên hiệp|Cơ quan|cơ quan|tổ chức|Tổ chức|tỉnh|thành|ban|đoàn thể|Đoàn thể|Người đứng đầu|Thủ trưởng|Bí thư|Lãnh đạo)(?=[\s,]))/u;

/**
 * Verbs that end the assignee phrase. Matched lowercase only: inside names the same words are capitalized
 * ("Ủy ban Kiểm tra", "Ban Tuyên giáo"). "tổ chức" followed by a noun of organisations is a noun, not the verb.
 */
const VERB =
  /\s(?:chủ trì|phối hợp|chủ động|chỉ đạo|lãnh đạo|tham mưu|phổ biến|nghiên cứu|xây dựng|tổ chức(?!\s+(?:chính trị|đảng|đoàn|cơ sở|hội|khoa học|thành viên))|đẩy mạnh|thực hiện|theo dõi|hướng dẫn|căn cứ|có trách nhiệm|chịu trách nhiệm|triển khai|rà soát|bố trí|tăng cường|quán triệt|đôn đốc|kiểm tra|vận động|tuyên truyền|phát huy|cung cấp|thường xuyên|định kỳ|tiếp tục|khẩn trương|nâng cao|sửa đổi|ban hành|giám sát|đề xuất|bảo đảm|cụ thể hóa|cụ thể hoá|tập trung|quan tâm|kịp thời|làm tốt)(?=[\s,;:.]|$)/u;

const ORG_KEYWORD_START = /^(?:Ban|Bộ|Sở|Phòng|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Hội|Đảng|Đoàn|Tỉnh|Thành|Huyện|Thị|Quận|Chi bộ|Công đoàn|Mặt trận|MTTQ|Trung tâm|Viện|Trường|Liên|Cơ quan)(?=[\s,])/u;

function isAssigningTitle(title: string | null): boolean {
  return Boolean(title) && ASSIGNING_TITLE.test(foldVi(title!).toLowerCase());
}

/** Is the section, or one of its ancestors, a part that assigns work? */
function isAssigningSection(path: string, assigningPaths: Set<string>): boolean {
  const segs = path.split(".");
  for (let i = segs.length; i >= 1; i--) if (assigningPaths.has(segs.slice(0, i).join("."))) return true;
  return false;
}

/** A part of an assignee list that names a body by itself: "Ban Bí thư Trung ương Đoàn…", "các tổ chức chính trị - xã hội". */
const LIST_PART = /^(?:(?:các|Các)\s+(?:tổ chức|cơ quan|đoàn thể|hội|ban|sở|ngành|đơn vị|cấp ủy|cấp uỷ)|hội\s|Hội\s)/u;

/**
 * One row per body: "Đảng đoàn Quốc hội, Ban cán sự đảng Chính phủ" → two bodies; "Ủy ban Mặt trận Tổ quốc, các tổ
 * chức chính trị - xã hội" → two; "Ban Tuyên giáo Tỉnh ủy và Sở Khoa học và Công nghệ" → two. A list that opens
 * with "Các" shares it ("Các tỉnh uỷ, thành uỷ, ban đảng…") and stays whole, as does a name with "và" inside
 * ("Sở Khoa học và Công nghệ").
 */
export function splitAssignees(phrase: string): string[] {
  const whole = phrase.trim();
  const parts = whole.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean);
  const named = (p: string) => ORG_KEYWORD_START.test(p) && p.split(/\s+/).length >= 2;
  const listed = (p: string) => named(p) || (LIST_PART.test(p) && p.split(/\s+/).length >= 2);
  const out = parts.length > 1 && !/^các\s/iu.test(parts[0]!) && parts.every(listed) ? parts : [whole];
  return out.flatMap((p) => {
    const pieces = p.split(/\s+và\s+(?=(?:Ban|Bộ|Sở|Phòng|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Đảng|Đoàn|Công đoàn|Mặt trận|MTTQ|Trung tâm|Viện|Trường|Liên đoàn|Liên hiệp|Tỉnh|Thành|Huyện|Thị|Quận|Chi bộ|Cơ quan)\s)/u);
    return pieces.length > 1 && pieces.every(named) ? pieces : [p];
  });
}

/** Partners after "phối hợp với": split on commas and on "và" before another body ("Phòng Kinh tế và các cơ quan liên quan"). */
export function splitPartners(phrase: string): string[] {
  const commaParts = phrase.split(/\s*,\s*/);
  // "các sở, ngành, đơn vị liên quan" is one group of bodies; split on commas only between named bodies.
  const splitCommas = commaParts.every((p) => ORG_KEYWORD_START.test(p) || /^các\s/iu.test(p));
  return (splitCommas ? commaParts : [phrase])
    .flatMap((p) => p.split(/\s+và\s+(?=(?:các\s|Các\s|Ban\s|Sở\s|Phòng\s|Ủy ban\s|Hội\s|Đảng\s|Mặt trận\s|Văn phòng\s|UBND|MTTQ))/u))
    .map((p) => p.trim().replace(/[.;:]$/, ""))
    .filter((p) => p.length > 1);
}

function partnersOf(text: string): string[] {
  const m = /phối hợp\s+(?:chặt chẽ\s+)?với\s+(.+?)(?=\s(?:trong|để|nhằm|đánh giá|rà soát|sơ kết|tổng kết)(?=[\s,;:.])|[;.]|$)/u.exec(text);
  if (!m) return [];
  // The partners end where this body's next action starts ("… với Sở Khoa học và Công nghệ rà soát chính sách").
  let phrase = m[1]!;
  const verb = VERB.exec(phrase);
  if (verb && verb.index !== undefined && verb.index > 0) phrase = phrase.slice(0, verb.index);
  return splitPartners(phrase.replace(/[,\s]+$/, ""));
}

function reportToOf(text: string): string | null {
  const m =
    /báo cáo\s+(?:kết quả\s+(?:thực hiện\s+)?)?(?:đề xuất\s+)?(?:cho\s+|về\s+|lên\s+|với\s+)?((?:Ban|Bộ|Tỉnh|Thành|Huyện|Đảng|Thường trực|Ủy ban|Uỷ ban|Hội đồng|Chi|Văn phòng)[^;.]*?)(?=\s+(?:kết quả|chỉ đạo|theo|để|về việc|định kỳ|những|trước|chậm nhất|trong|hằng|hàng|vào|khi|sau|tình hình)(?=[\s,;:.])|,\s*(?:trước|chậm nhất|hằng|hàng)\s|[;.]|$)/u.exec(
      text,
    );
  return m ? m[1]!.replace(/[\s,]+$/, "").trim() : null;
}

function deadlineOf(text: string): string | null {
  const m =
    /((?:trước|chậm nhất|hoàn thành trước|xong trước)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|(?:trước|trong)\s+(?:quý|tháng)\s+[IVX\d]+(?:\s*(?:\/|năm)\s*\d{4})?|trong\s+năm\s+\d{4}|(?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)/iu.exec(
      text,
    );
  return m ? m[1]!.trim() : null;
}

function roleOf(afterAssignee: string): Role {
  // "chủ trì" as this body's role: the task opens with it ("chủ trì tuyên truyền…"), or it is followed by the
  // action it leads ("…; Chủ trì, phối hợp với…", "chủ trì tổ chức…"); not "cơ quan chủ trì" of another body.
  if (/^[\s,:]*(?:chủ trì|Chủ trì)(?=[\s,;:.]|$)/u.test(afterAssignee)) return "chủ trì";
  if (/(^|[,;:.]\s*|\s)(?:chủ trì|Chủ trì)(?=,|\s+(?:phối hợp|tổ chức|xây dựng|hướng dẫn|thực hiện|triển khai|theo dõi|tham mưu|và))/u.test(afterAssignee)) {
    return "chủ trì";
  }
  if (/^[\s,:]*(?:phối hợp|Phối hợp)/u.test(afterAssignee)) return "phối hợp";
  return "thực hiện";
}

interface Lead {
  assignee: string;
  task: string;
}

/** "Giao …", "Đề nghị …": the words that address a task to a body. */
const ADDRESS_PREFIX = /^(?:Đề nghị|Yêu cầu|Giao cho|Giao)\s+(?=\p{Lu}|các\s)/u;

/** The body a unit of text is addressed to, and the task that follows. */
export function leadOf(text: string): Lead | null {
  let t = text.trim().replace(ADDRESS_PREFIX, (m) => (/^Giao\s+$/u.test(m) ? m : ""));
  const giao = /^Giao\s+(.+?)\s*:\s*(.*)$/su.exec(t);
  if (giao && giao[1]!.length <= 160) return { assignee: giao[1]!.trim(), task: giao[2]!.trim() };
  if (/^Giao\s+/u.test(t)) t = t.replace(/^Giao\s+/u, "");
  const start = ORG_START.exec(t);
  if (!start) return null;
  const colon = /^([^:;.]{3,160}?)\s*:\s*(.*)$/su.exec(t);
  const verb = VERB.exec(t);
  let lead: Lead | null = null;
  if (colon && (!verb || (verb.index ?? 0) > colon[1]!.length)) lead = { assignee: colon[1]!.trim(), task: colon[2]!.trim() };
  else if (verb && verb.index !== undefined && verb.index >= 3 && verb.index <= 200) {
    lead = { assignee: t.slice(0, verb.index).replace(/[,\s]+$/, "").trim(), task: t.slice(verb.index).trim() };
  }
  // A bare keyword is a verb or a common noun here ("Tổ chức quán triệt…", "Lãnh đạo, chỉ đạo…"), not a body.
  if (lead && !/^(?:UBND|HĐND|MTTQ)$/u.test(lead.assignee) && lead.assignee.replace(/^(?:Giao\s+)?(?:Các\s+|các\s+)?/u, "").split(/\s+/).length < 2) {
    return null;
  }
  return lead;
}

function rowsFor(section: string, assigneePhrase: string, task: string): Assignment[] {
  const clean = task.replace(/\s+/g, " ").trim();
  return splitAssignees(assigneePhrase).map((assignee) => ({
    section,
    assignee,
    role: roleOf(clean),
    partners: partnersOf(clean),
    reportTo: reportToOf(clean),
    deadline: deadlineOf(clean),
    task: clean,
  }));
}

export function extractAssignments(sections: Section[]): Assignment[] {
  const assigningPaths = new Set(sections.filter((s) => isAssigningTitle(s.title)).map((s) => s.path));
  const hasAssigningPart = assigningPaths.size > 0;
  const out: Assignment[] = [];
  for (const sec of sections) {
    if (!sec.path) continue;
    const inPart = isAssigningSection(sec.path, assigningPaths);
    // Without an assigning part, a numbered item whose heading names a body is addressed to it (2018-CV/TU).
    const addressed = !hasAssigningPart && Boolean(sec.title) && sec.title!.length <= 160 && ORG_START.test(sec.title!);
    // …or whose text opens with a body and its task ("2. Ban Tuyên giáo Thành ủy chủ trì…").
    const addressedText = !hasAssigningPart && !sec.title && leadOf(sec.text.split("\n")[0] ?? "") !== null;
    if (!inPart && !addressed && !addressedText) continue;
    if (sec.title && (addressed || (ORG_START.test(sec.title) && !assigningPaths.has(sec.path)))) {
      const lead = leadOf(sec.title);
      const assignee = lead ? lead.assignee : sec.title.replace(/[:.]$/, "").replace(ADDRESS_PREFIX, "");
      const task = [lead?.task, sec.text].filter(Boolean).join(" ");
      out.push(...rowsFor(sec.path, assignee, task));
      continue;
    }
    // Each paragraph or bullet addressed to a body is one row; a unit without its own body continues the last row.
    let last: Assignment[] | null = null;
    for (const unit of sec.text.split("\n").filter(Boolean)) {
      const body = isBullet(unit) ? unit.replace(BULLET_MARK, "") : unit;
      const lead = leadOf(body);
      if (lead) {
        last = rowsFor(sec.path, lead.assignee, lead.task);
        out.push(...last);
      } else if (last) {
        for (const row of last) {
          const merged = rowsFor(sec.path, row.assignee, `${row.task} ${body}`)[0]!;
          Object.assign(row, { ...merged, assignee: row.assignee });
        }
      }
    }
  }
  return out;
}
