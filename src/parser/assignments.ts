/**
 * Who is assigned what: from the parts that assign work (TỔ CHỨC THỰC HIỆN, PHÂN CÔNG NHIỆM VỤ, TRÁCH NHIỆM…)
 * and from numbered items addressed to a body (as in Công văn 2018-CV/TU), one row per assignee.
 */
import { normalizeDeadline } from "../domain/deadline.js";
import type { Assignment, Role, Section } from "../domain/model.js";
import { ASSIGNMENT_VERBS } from "../domain/vocabulary.js";
import { foldVi } from "../text/vietnamese.js";
import { BULLET_MARK, isBullet } from "./headings.js";

/** Titles of the parts that assign work (folded): "Tổ chức thực hiện", "Trách nhiệm thi hành", "Chế độ báo cáo"… */
const ASSIGNING_TITLE =
  /(to chuc thuc hien|phan cong|trach nhiem|nhiem vu cu the cua cac|giao nhiem vu|che do bao cao|to chuc theo doi|dieu khoan thi hanh|to chuc trien khai)/;

/** Words that open a body's name. */
const ORG_START =
  /^(?:Giao\s+)?(?:(?:Các|các)\s+(?:[Ss]ở|[Bb]ộ|ban|ngành|cấp ủy|cấp uỷ|huyện ủy|huyện uỷ|thị ủy|thị uỷ|thành ủy|thành uỷ|tỉnh ủy|tỉnh uỷ|đảng ủy|đảng uỷ|đảng bộ|chi bộ|cơ quan|đơn vị|địa phương|đoàn thể|hội|phòng|xã|phường|tổ chức|trường|trung tâm|ủy ban|uỷ ban)(?=[\s,])|(?:Các\s+|các\s+)?(?:Ban(?!\s+hành)|Bộ|Sở|Phòng|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Hội|Hiệp hội|Đảng|đảng|Đoàn|Tỉnh|Thành|Huyện|Thị|Quận|Xã(?! hội)|Phường|Chi bộ|chi bộ|Chi cục|Chi|chi|Cấp ủy|cấp ủy|Cấp uỷ|cấp uỷ|Công đoàn|Công an|Mặt trận|MTTQ|Trung tâm|Viện|Trường|Báo|Đài|Liên đoàn|Liên hiệp|Liên minh|Ngân hàng|Cục|Vụ(?=\s+\p{Lu})|Kho bạc|Thanh tra|Bảo hiểm|Quân ủy|Quân uỷ|Cơ quan|cơ quan|tổ chức|Tổ chức|tỉnh|thành|ban|đoàn thể|Đoàn thể|Người đứng đầu|Thủ trưởng|Bí thư|Lãnh đạo|Chủ tịch|Bộ trưởng|Giám đốc|Thường trực|doanh nghiệp|Doanh nghiệp|cơ sở|Cơ sở)(?=[\s,]))/u;

/**
 * Verbs that end the assignee phrase (from the domain vocabulary), and adverbs that open the task ("nghiêm túc
 * triển khai"). Matched lowercase only: inside names the same words are capitalized ("Ủy ban Kiểm tra", "Ban Tuyên
 * giáo"). "tổ chức" followed by a noun of organisations is a noun, not the verb.
 */
const VERB = new RegExp(
  `\\s(?:${[...ASSIGNMENT_VERBS, "nghiêm túc", "tích cực", "sẽ", "cần", "phải", "trên cơ sở", "theo chức năng"].map((v) => v.replace(/ /g, "\\s+")).join("|")}|tổ\\s+chức(?!\\s+(?:chính trị|đảng|đoàn|cơ sở|hội|khoa học|thành viên|tín dụng)))(?=[\\s,;:.]|$)`,
  "u",
);

const ORG_KEYWORD_START = /^(?:Ban(?!\s+hành)|Bộ|Sở|Cục|Vụ(?=\s+\p{Lu})|Phòng|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Hội|Đảng|Đoàn|Tỉnh|Thành|Huyện|Thị|Quận|Chi bộ|Công đoàn|Mặt trận|MTTQ|Trung tâm|Viện|Trường|Liên|Cơ quan)(?=[\s,])/u;

function isAssigningTitle(title: string | null): boolean {
  return Boolean(title) && ASSIGNING_TITLE.test(foldVi(title!).toLowerCase());
}

/** Is the section, or one of its ancestors, a part that assigns work? */
function isAssigningSection(path: string, assigningPaths: Set<string>): boolean {
  const segs = path.split(".");
  for (let i = segs.length; i >= 1; i--) if (assigningPaths.has(segs.slice(0, i).join("."))) return true;
  return false;
}

/**
 * One row per body: "Đảng đoàn Quốc hội, Ban cán sự đảng Chính phủ" → two bodies; "Ủy ban Mặt trận Tổ quốc, các tổ
 * chức chính trị - xã hội" → two; "Các sở, ban, ngành, UBND các xã, phường" → two. A list that opens with "Các"
 * shares it ("Các tỉnh uỷ, thành uỷ, ban đảng…"), as does a name with "và" inside ("Sở Khoa học và Công nghệ").
 */
export function splitAssignees(phrase: string): string[] {
  return splitBodies(phrase);
}

/** "Sở Khoa học và Công nghệ Sở Công Thương": two bodies of one kind written with no separator between them. */
function splitRunTogether(part: string): string[] {
  const out: string[] = [];
  let rest = part.trim();
  for (;;) {
    const head = /^(Sở|Bộ|Công an|UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s/u.exec(rest);
    if (!head) break;
    const next = /\s(?=(?:Sở|Bộ|Công an|UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+\p{Lu})/u.exec(rest.slice(head[0].length));
    if (!next) break;
    const at = head[0].length + next.index;
    const left = rest.slice(0, at).trim();
    // "Sở Tài chính và Bộ …" is handled by "và"; a name ending on a linking word goes on ("Ban Quản lý của Bộ …").
    if (/\s(?:của|thuộc|và|các|với)$/u.test(left)) break;
    // "Bộ trưởng Bộ Khoa học và Công nghệ": the head of the ministry named after the title, one addressee.
    if (/^(?:Bộ trưởng|Thứ trưởng)$/u.test(left)) break;
    out.push(left);
    rest = rest.slice(at).trim();
  }
  out.push(rest);
  return out.filter(Boolean);
}

/** Names that hold a comma: protected before a list is split on commas. */
const COMMA_NAMES = /Thông tin, Thống kê|Văn h(?:óa|oá|oa), Thông tin, Thể thao và Du lịch|Văn h(?:óa|oá|oa), Thể thao và Du lịch|Chính sách, chiến lược|Phát thanh, Truyền hình|Khoa học, Công nghệ và Đổi mới sáng tạo|Lao động, Thương binh và Xã hội/giu;
const COMMA = "\uE010";
/**
 * A combined office, one body whose name holds "và" before another body's: "Văn phòng Hội đồng nhân dân và Ủy ban
 * nhân dân phường", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh". Its "và" splits nothing.
 */
const COMBINED_OFFICE = /Văn phòng (?:Đoàn đại biểu Quốc hội|Đoàn ĐBQH|Hội đồng nhân dân|HĐND)(?:,? (?:Hội đồng nhân dân|HĐND))? và (?=Hội đồng nhân dân|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|UBND)/gu;
const AND = "\uE011";
/** A bare kind of body that continues a group named before it: "Sở, ban, ngành có liên quan", "UBND các phường, xã". */
const CATEGORY = /^(?:ban|ngành|địa phương|đơn vị|cơ quan|đoàn thể|cá nhân|tổ chức|xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh|sở|bộ|hội|thành ủy|thành uỷ|huyện ủy|huyện uỷ|đảng ủy|đảng uỷ|ban đảng|cấp ủy|cấp uỷ|chi bộ|đảng bộ|trường|viện|mặt trận)(?=\s|$)/u;
const CATEGORY_ONLY = new RegExp(`${CATEGORY.source.replace(/\(\?=\\s\|\$\)$/, "")}$`, "u");
/** "… và các cơ quan liên quan", "… và Sở Tài chính": "và" before another body splits a list. */
const AND_BODY =
  /\s+và\s+(?=(?:các\s|Các\s|Ban\s|Bộ\s|Sở\s|Phòng\s|Văn phòng\s|Ủy ban\s|Uỷ ban\s|UBND|HĐND|MTTQ|Hội\s|Hội đồng\s|Đảng\s|Đoàn\s|Công đoàn\s|Mặt trận\s|Trung tâm\s|Viện\s|Trường\s|Liên đoàn\s|Liên hiệp\s|Tỉnh\s|Thành\s|Huyện\s|Chi bộ\s|Cơ quan\s|Công an\s|Cục\s|Vụ\s(?=\p{Lu})|Đài\s|Báo\s|Kho bạc\s|Thanh tra\s|Ngân hàng\s|Bảo hiểm\s))/u;
const BARE_HEAD = /^(?:các\s+)?(?:sở|bộ|ban|ngành|cơ quan|đơn vị|tổ chức|địa phương|tỉnh ủy|tỉnh uỷ)$/iu;

/**
 * The bodies of a list: a task table's lead or partner cell, or the partners after "phối hợp với". Split on ";", on
 * commas between bodies ("Viện, Trường", "Bộ Xây dựng, các địa phương", "Doanh nghiệp, nhà đầu tư") but not inside
 * a group ("Sở, ban, ngành có liên quan", "các bộ, ngành, địa phương"), on "và" before another body, and between
 * bodies run together with no separator ("Sở Khoa học và Công nghệ Sở Công Thương").
 */
export function splitBodies(phrase: string): string[] {
  const protectedText = phrase
    .replace(/\s+/g, " ")
    .replace(COMMA_NAMES, (m) => m.replace(/,/g, COMMA))
    .replace(COMBINED_OFFICE, (m) => m.replace(/,/g, COMMA).replace(/ và $/u, ` ${AND} `));
  return protectedText
    .split(/\s*;\s*/)
    .flatMap((p) => {
      // "Đảng đoàn Mặt trận Tổ quốc và các tổ chức chính trị - xã hội": one party group over both.
      if (/^(?:Đảng đoàn|Ban cán sự đảng)\s/u.test(p)) return [p];
      const pieces = p.split(AND_BODY);
      return pieces.length > 1 && pieces.every((x) => x.split(" ").length >= 2) ? pieces : [p];
    })
    .flatMap((piece) => {
      const parts = piece.split(/\s*,\s*/).filter(Boolean);
      // "Ban thường vụ các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc": the body of each, one list.
      if (/^\p{Lu}\S*(?:\s+\S+){0,4}\s+các\s/u.test(parts[0] ?? "") && !/^(?:Các|các)\s/u.test(parts[0] ?? "")) return [piece];
      const merged: string[][] = [];
      for (const part of parts) {
        const prev = merged[merged.length - 1];
        const last = prev?.[prev.length - 1] ?? "";
        const lower = /^\p{Ll}/u.test(part) && !/^các\s/u.test(part);
        // "các Sở, Ban, ngành liên quan": a group's kinds go on in capitals too.
        const groupKind = prev !== undefined && /^các\s/iu.test(prev[0]!) && CATEGORY_ONLY.test(part.toLowerCase());
        // "Cục Khoa học, Công nghệ và Thông tin", "Phòng Văn hóa, Khoa học và Thông tin": a name's own fields, listed
        // with a comma and closed by "và", go on (no body's name opens the part).
        const nameGoesOn = prev?.length === 1 && /^\p{Lu}/u.test(part) && /\svà\s/u.test(part) && !ORG_START.test(part) && ORG_KEYWORD_START.test(last);
        const continues =
          groupKind ||
          nameGoesOn ||
          (prev !== undefined &&
          lower &&
          (CATEGORY_ONLY.test(part) ||
            /^các\s/iu.test(prev[0]!) ||
            // "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương": "các" shares the name over the list.
            (CATEGORY.test(part) && (BARE_HEAD.test(last) || CATEGORY_ONLY.test(last) || /\scác\s+\p{Ll}+$/u.test(last)))));
        if (continues) prev!.push(part);
        else merged.push([part]);
      }
      return merged.map((m) => m.join(", "));
    })
    .flatMap(splitRunTogether)
    .map((p) => p.replace(new RegExp(COMMA, "g"), ",").replace(new RegExp(AND, "g"), "và").trim().replace(/[.;:,]+$/, "").trim())
    .filter((p) => p.length > 1);
}

/** Partners after "phối hợp với" (see `splitBodies`). */
export const splitPartners = splitBodies;

/** The bodies of a task table's lead cell ("Sở Tài chính", "Bộ Xây dựng; Bộ Tài chính", "Sở KH&CN thúc đẩy, theo dõi,
 * báo cáo chỉ tiêu"): a verb after the name ends it. */
export function leadBodies(cell: string): string[] {
  // "Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện …": each clause names its bodies.
  return cell
    .replace(/\s+/g, " ")
    .split(/\s*;\s*/)
    .flatMap((clause) => {
      const verb = VERB.exec(clause);
      const names = (verb && verb.index > 2 ? clause.slice(0, verb.index) : clause).replace(/[,;:\s]+$/, "");
      return names ? splitBodies(names) : [];
    });
}

function partnersOf(text: string): string[] {
  // "phối hợp với Sở X", and "phối hợp Sở X" without "với" when a body follows.
  const m =
    /[Pp]hối hợp\s+(?:chặt chẽ\s+)?(?:với\s+|(?=(?:các\s|Các\s|Ban\s|Bộ\s|Sở\s|Phòng\s|Văn phòng\s|Ủy ban\s|Uỷ ban\s|UBND|Công an\s|Hội\s|Đảng\s|Mặt trận\s|Tỉnh|Thành|Huyện)))(.+?)(?=\s(?:trong|để|nhằm|đánh giá|rà soát|sơ kết|tổng kết)(?=[\s,;:.])|[;.]|$)/u.exec(
      text,
    );
  if (!m) return [];
  // The partners end where this body's next action starts ("… với Sở Khoa học và Công nghệ rà soát chính sách").
  let phrase = m[1]!;
  const verb = VERB.exec(phrase);
  if (verb && verb.index !== undefined && verb.index > 0) phrase = phrase.slice(0, verb.index);
  return splitPartners(phrase.replace(/[,\s]+$/, ""));
}

function reportToOf(text: string): string | null {
  const m =
    /báo cáo\s+(?:kết quả\s+(?:thực hiện\s+)?)?(?:đề xuất\s+)?(?:(?:định kỳ|hằng năm|hàng năm)\s+)?(?:trước\s+ngày\s+[\d/.]+\s+)?(?:cho\s+|về\s+|lên\s+|với\s+|gửi\s+)?((?:Ban|Bộ|Sở|Tỉnh|Thành|Huyện|Đảng|Thường trực|Ủy ban|Uỷ ban|UBND|Hội đồng|Chi|Văn phòng|Thủ tướng|Chính phủ)[^;.]*?)(?=\s+(?:kết quả|chỉ đạo|theo|để|về việc|định kỳ|những|trước|chậm nhất|trong|hằng|hàng|vào|khi|sau|tình hình|xem xét)(?=[\s,;:.])|,\s*(?:trước|chậm nhất|hằng|hàng)\s|[;.]|$)/u.exec(
      text,
    );
  return m ? m[1]!.replace(/[\s,]+$/, "").trim() : null;
}

/** A deadline stated in a sentence: "trước ngày 30/11 hằng năm", "trong quý II/2026", "trong năm 2026". */
function deadlineOf(text: string): string | null {
  const m =
    /((?:trước|chậm nhất|hoàn thành trước|xong trước)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?:\s+(?:hằng|hàng)\s+năm)?|(?:trước|trong)\s+(?:quý|tháng)\s+[IVX\d]+(?:\s*(?:\/|năm)\s*\d{4})?|trong\s+năm\s+\d{4}|(?<=(?:thời hạn(?: hoàn thành)?|hoàn thành)\s*:\s*)(?:(?:quý|tháng)\s+[IVX\d]+\s*(?:\/|năm)\s*\d{4}|năm\s+\d{4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})|(?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?(?:\s+(?:hằng|hàng)\s+năm)?)/iu.exec(
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
const ADDRESS_PREFIX = /^(?:Đề nghị|Kiến nghị|Yêu cầu|Riêng|Giao cho|Giao|Đối với)\s+(?=\p{Lu}|các\s)/u;

/**
 * A heading that is a body's name and nothing more ("1. Bộ Khoa học và Công nghệ", "Đối với Ban Quản lý các khu công
 * nghiệp tỉnh"): its points are that body's duties, in any part of the document. Not a topic that opens with a
 * body-like word ("Hội nghị …", "Tỉnh ủy lãnh đạo …" has a verb).
 */
function isBodyHeading(title: string): boolean {
  const t = title.replace(ADDRESS_PREFIX, "").replace(/[:.]$/, "").trim();
  return (
    t.length <= 90 &&
    BODY_HEADING_START.test(t) &&
    !/^(?:Hội\s+(?:nghị|thảo|thi|diễn|giảng|khỏe|chợ)|Ban\s+hành|Thành\s+lập|Văn\s+phòng\s+phẩm)/u.test(t) &&
    !VERB.test(` ${t}`) &&
    !/[;:]/.test(t)
  );
}

/** Words a heading that is only a body's name opens with. */
const BODY_HEADING_START =
  /^(?:Các\s+)?(?:Ban|Bộ|Sở|Phòng|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Hội|Hiệp hội|Đảng ủy|Đảng uỷ|Đảng đoàn|Đoàn|Tỉnh ủy|Tỉnh uỷ|Tỉnh đoàn|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Chi bộ|Công đoàn|Công an|Mặt trận|MTTQ|Trung tâm|Viện|Trường|Liên đoàn|Liên hiệp|Ngân hàng|Cục|Chi cục|Kho bạc|Thanh tra|Bảo hiểm|Quân ủy|Quân uỷ|Cơ quan|Vụ|Tổng cục|Báo|Đài)(?=[\s,])/u;

/** "Trách nhiệm của Sở Khoa học và Công nghệ", "Nhiệm vụ của Ủy ban nhân dân các huyện": the body an article is about. */
const DUTIES_OF = /^(?:Trách nhiệm|Nhiệm vụ|Nhiệm vụ và quyền hạn|Trách nhiệm và quyền hạn)\s+(?:thực hiện\s+)?của\s+(.{3,90}?)[:.]?$/u;

/** The body a unit of text is addressed to, and the task that follows. */
export function leadOf(text: string): Lead | null {
  // "Định kỳ, Sở X tổng hợp…", "Hằng năm, …": the time comes first, the body right after it.
  const when = /^(?:Định kỳ|Hằng năm|Hàng năm|Hằng quý|Hàng quý|Hằng tháng|Trước ngày [\d/]+|Trong năm \d{4})\s*,\s*/u.exec(text.trim());
  if (when) {
    const inner = leadOf(text.trim().slice(when[0].length));
    return inner ? { assignee: inner.assignee, task: `${when[0].replace(/,\s*$/, "").toLowerCase()} ${inner.task}` } : null;
  }
  let t = text.trim().replace(ADDRESS_PREFIX, (m) => (/^Giao\s+$/u.test(m) ? m : ""));
  // "Trong quá trình thực hiện, nếu có vấn đề phát sinh, Văn phòng Trung ương Đảng tổng hợp …": the body after an
  // opening clause of time or condition.
  const opening = /^(?:Trong|Khi|Nếu|Sau khi|Trước|Định kỳ|Hằng năm|Hàng năm|Căn cứ|Theo|Để)\b[^.;:]{0,140}?,\s+(?=(?:Ban|Bộ|Sở|Văn phòng|Ủy ban|Uỷ ban|UBND|Công an|Các\s))/u.exec(t);
  if (opening && !ORG_START.test(t)) t = t.slice(opening[0].length);
  // "Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành … triển khai": the body asked, not the one asking.
  const asks = /^(?:(?:Ủy|Uỷ) ban nhân dân|UBND|Ban Thường vụ|Thường trực|Tỉnh ủy|Thành ủy|Bộ Chính trị|Ban Bí thư|Thủ tướng|Chính phủ)[^,;:.]{0,40}?\s+(?:yêu cầu|đề nghị|giao)\s+(?=\p{Lu}|các\s)/u.exec(t);
  if (asks) t = t.slice(asks[0].length);
  const giao = /^Giao\s+(.+?)\s*:\s*(.*)$/su.exec(t);
  if (giao && giao[1]!.length <= 160) return { assignee: giao[1]!.trim(), task: giao[2]!.trim() };
  if (/^Giao\s+/u.test(t)) t = t.replace(/^Giao\s+/u, "");
  const start = ORG_START.exec(t);
  if (!start) return null;
  // "Tổ chức tập huấn …", "Tổ chức hội nghị …": the verb "organise", not an organisation (which is named in capitals
  // or as a kind: "Tổ chức Công đoàn", "tổ chức chính trị - xã hội", "tổ chức đảng").
  if (/^Tổ chức\s+(?:(?!chính trị|đảng|cơ sở đảng|xã hội|hội|kinh tế|khoa học|tín dụng|quốc tế|\p{Lu})\p{Ll}|(?:Ngày|Hội nghị|Hội thảo|Hội thi|Lễ|Cuộc|Chương trình|Diễn đàn|Tuần|Tháng|Giải|Triển lãm)(?=\s))/u.test(t)) return null;
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
  const deadline = deadlineOf(clean);
  return splitAssignees(assigneePhrase).map((assignee) => ({
    section,
    assignee,
    role: roleOf(clean),
    partners: partnersOf(clean),
    reportTo: reportToOf(clean),
    deadline,
    task: clean,
    due: normalizeDeadline(deadline),
    product: null,
    source: "prose" as const,
  }));
}

/** "Sở Nội vụ chủ trì; Sở Tư pháp phối hợp rà soát…" (also "…chủ trì, … phối hợp …"). */
const LEAD_THEN_PARTNER = /^(.{3,120}?)\s+chủ trì\s*[;,]\s*(.{3,200}?)\s+phối hợp(?!\s+với)\s*[,:]?\s*(.*)$/u;

/** "Các Bộ trưởng, …, Chủ tịch Ủy ban nhân dân các tỉnh … chịu trách nhiệm thi hành Quyết định này." */
const EXECUTES = /^(.{6,400}?)\s+(?:chịu|có)\s+trách\s+nhiệm\s+(?:thi\s+hành|tổ\s+chức\s+thực\s+hiện|thực\s+hiện)\s+(?:Quyết định|Quy định|Nghị quyết|Chỉ thị|Kế hoạch|Quy chế|Thông tư)\s+này/u;

/** The paragraphs and bullets of a section's text, bullet marks removed. */
function unitsOf(text: string): string[] {
  return text
    .split("\n")
    .filter(Boolean)
    .map((u) => (isBullet(u) ? u.replace(BULLET_MARK, "") : u));
}

/**
 * "Tổ chức Techfest hằng năm; Cục Khởi nghiệp chủ trì.", "Xây dựng Thông tư …. Cục X chủ trì, phối hợp với Vụ Y;
 * thời hạn: quý IV/2025.": the task comes first, the body that leads it after. The rows, or null.
 */
function taskFirst(section: string, unit: string): Assignment[] | null {
  const parts = unit.split(/(?<=[.;])\s+(?=\p{Lu})/u);
  for (let i = 1; i < parts.length; i++) {
    const lead = leadOf(parts[i]!);
    if (!lead || !/^chủ trì\s*(?:[,;.]|$)/u.test(lead.task) || leadOf(parts[i - 1]!)) continue;
    const task = parts.slice(0, i + 1).join(" ").replace(/\s+/g, " ").trim();
    return rowsFor(section, lead.assignee, task).map((r) => ({ ...r, role: "chủ trì" as const, partners: partnersOf(lead.task) }));
  }
  return null;
}

/** "Huyện đoàn phát động …; Hội Nông dân huyện phát động …; Liên đoàn Lao động huyện đẩy mạnh …": one duty per body. */
function bodiesApart(unit: string): string[] {
  const parts = unit.split(/;\s+/);
  if (parts.length < 2 || LEAD_THEN_PARTNER.test(unit) || taskFirst("", unit)) return [unit];
  return parts.slice(1).every((p) => ORG_KEYWORD_START.test(p) && leadOf(p) !== null) && leadOf(parts[0]!) !== null ? parts : [unit];
}

/**
 * A task written as a card: the task, then its fields as labelled lines ("* Đơn vị chủ trì: Cục X.", "* Đơn vị phối
 * hợp: Vụ Y; Vụ Z.", "* Thời hạn: Quý III/2025.", "* Sản phẩm: Thông tư."), as ministries write a task table in prose.
 * One row per lead body, like a table row. Null when the section has no lead line.
 */
function taskCard(sec: Section): Assignment[] | null {
  if (!/chủ trì\s*:/iu.test(sec.text)) return null;
  const fields: Partial<Record<"lead" | "partners" | "deadline" | "product", string>> = {};
  const rest: string[] = [];
  for (const unit of unitsOf(sec.text)) {
    const m = CARD_FIELD.exec(unit.trim());
    const kind = m ? cardField(m[1]!) : null;
    if (!m || !kind || fields[kind] !== undefined) rest.push(unit);
    else fields[kind] = m[2]!.replace(/[.;,\s]+$/u, "").trim();
  }
  if (!fields.lead) return null;
  const task = [sec.title, ...rest].filter(Boolean).join(" ").replace(/\s+/g, " ").trim();
  if (!task) return null;
  const partners = fields.partners ? splitPartners(fields.partners) : [];
  const deadline = fields.deadline || null;
  return leadBodies(fields.lead).map((assignee) => ({
    section: sec.path,
    assignee,
    role: "chủ trì" as const,
    partners,
    reportTo: null,
    deadline,
    task,
    due: normalizeDeadline(deadline),
    product: fields.product || null,
    source: "table" as const,
  }));
}

/** A labelled line of a task card: its label and value. */
const CARD_FIELD =
  /^((?:Đơn vị|Cơ quan|Bộ phận)\s+(?:chủ trì|phối hợp|thực hiện)|Chủ trì|Phối hợp|Thời hạn(?:\s+hoàn thành)?|Thời gian(?:\s+(?:hoàn thành|thực hiện))?|Tiến độ(?:\s+hoàn thành)?|Sản phẩm(?:\s+đầu ra)?|Kết quả(?:\s+đầu ra)?)\s*:\s*(.+)$/iu;

function cardField(label: string): "lead" | "partners" | "deadline" | "product" {
  const l = label.toLowerCase();
  if (/chủ trì|thực hiện$/u.test(l) && !/^thời gian/u.test(l)) return "lead";
  if (/phối hợp/u.test(l)) return "partners";
  if (/^(?:sản phẩm|kết quả)/u.test(l)) return "product";
  return "deadline";
}

export function extractAssignments(sections: Section[]): Assignment[] {
  const assigningPaths = new Set(sections.filter((s) => isAssigningTitle(s.title)).map((s) => s.path));
  const hasAssigningPart = assigningPaths.size > 0;
  const out: Assignment[] = [];
  /** Bodies named by headings ("3. Sở Khoa học và Công nghệ"), for the points under them ("a) Chủ trì …"). */
  const headingBodies = new Map<string, string>();
  const inheritedBody = (path: string): string | null => {
    const segs = path.split(".");
    for (let i = segs.length - 1; i >= 1; i--) {
      const body = headingBodies.get(segs.slice(0, i).join("."));
      if (body) return body;
    }
    return null;
  };
  for (const sec of sections) {
    const card = taskCard(sec);
    if (card) {
      out.push(...card);
      continue;
    }
    // The article that makes bodies execute the document ("Điều 3. Các Bộ trưởng … chịu trách nhiệm thi hành").
    const executes = sec.path && /^(?:[^.]*\.)?Điều \d+$/u.test(sec.path) ? EXECUTES.exec(sec.text.split("\n")[0] ?? "") : null;
    if (executes) {
      out.push(...rowsFor(sec.path, executes[1]!.replace(/^(?:Giao\s+)/u, ""), sec.text));
      continue;
    }
    const inPart = isAssigningSection(sec.path, assigningPaths);
    const inherited = inheritedBody(sec.path);
    // Without an assigning part, a numbered item whose heading names a body is addressed to it (2018-CV/TU).
    const addressed =
      Boolean(sec.title) && ((!hasAssigningPart && sec.title!.length <= 160 && ORG_START.test(sec.title!.replace(ADDRESS_PREFIX, ""))) || isBodyHeading(sec.title!));
    // "Điều 7. Trách nhiệm của Sở Khoa học và Công nghệ": its clauses are that body's duties (a clause naming a body of
    // its own keeps it).
    const dutiesOf = sec.title ? DUTIES_OF.exec(sec.title.trim()) : null;
    // (A group — "các cơ quan, tổ chức", "các sở, ngành" — names no one body: its clauses name their own.)
    if (dutiesOf && !/^các\s/iu.test(dutiesOf[1]!) && ORG_START.test(dutiesOf[1]!) && !headingBodies.has(sec.path)) {
      const body = dutiesOf[1]!;
      headingBodies.set(sec.path, body);
      if (sec.text.trim() && !leadOf(sec.text.split("\n")[0] ?? "")) out.push(...rowsFor(sec.path, body, sec.text));
      continue;
    }
    // …or whose text opens with a body and its task ("2. Ban Tuyên giáo Thành ủy chủ trì…").
    const addressedText = !hasAssigningPart && !sec.title && leadOf(sec.text.split("\n")[0] ?? "") !== null;
    if (!sec.path || (!inPart && !addressed && !addressedText && !inherited)) {
      // Elsewhere (and in the opening part of a letter) only an explicit assignment counts, in any sentence:
      // "Giao X …", "X chủ trì …", "X phối hợp với …".
      for (const paragraph of unitsOf([sec.title, sec.text].filter(Boolean).join("\n"))) {
        const first = taskFirst(sec.path, paragraph);
        if (first) {
          out.push(...first);
          continue;
        }
        // A letter's numbered request that opens with a named body and what it does ("5. Ủy ban nhân dân các huyện miền
        // núi rà soát, lập danh sách …, gửi về Sở … trước ngày 15/5/2025"): that body's task.
        // (A letter's own numbered items — top-level "1.", "2." — not a plan's "I.1"; "X là cơ quan …" describes.)
        const request = /^\d+$/.test(sec.path) && ORG_KEYWORD_START.test(paragraph);
        for (const [n, unit] of paragraph.split(/(?<=[.;])\s+(?=\p{Lu})/u).entries()) {
          const lead = leadOf(unit);
          if (lead && ((request && n === 0 && !/^là\s/u.test(lead.task)) || /^(?:Giao|Đề nghị|Kiến nghị|Riêng)\s/u.test(unit) || /^(?:chủ trì|phối hợp với|có trách nhiệm|chịu trách nhiệm)(?=[\s,])/u.test(lead.task))) {
            out.push(...rowsFor(sec.path, lead.assignee, lead.task));
          }
        }
      }
      continue;
    }
    // "2. Văn phòng Trung ương Đảng:" with its points below: the line is the heading, whatever the typography.
    const firstUnit = sec.text.split("\n")[0] ?? "";
    const namedLine = !sec.title && /:$/.test(firstUnit) && firstUnit.length <= 100 && ORG_START.test(firstUnit) && !VERB.test(` ${firstUnit}`) ? firstUnit : null;
    const heading = sec.title ?? namedLine;
    if (heading && sec.path && (addressed || (ORG_START.test(heading.replace(ADDRESS_PREFIX, "")) && !assigningPaths.has(sec.path)))) {
      const lead = leadOf(heading);
      const assignee = lead ? lead.assignee : heading.replace(/[:.]$/, "").replace(ADDRESS_PREFIX, "");
      headingBodies.set(sec.path, assignee);
      const units = unitsOf(namedLine ? sec.text.split("\n").slice(1).join("\n") : sec.text);
      if (!lead?.task && !units.length) continue;
      // Several duties under the heading, none naming a body of its own: one row each (the register lists duties).
      // A heading that ends in a lead-in ("X chủ trì, phối hợp với Y, Z:") gives each duty its role and partners.
      const leadIn = lead?.task && /:\s*$/.test(lead.task) ? lead.task.replace(/\s*:\s*$/, "") : null;
      if ((!lead?.task || leadIn) && units.length >= 2 && units.every((u) => !leadOf(u))) {
        for (const unit of units) {
          const rows = rowsFor(sec.path, assignee, unit);
          if (leadIn) {
            for (const row of rows) {
              row.role = roleOf(leadIn);
              row.partners = [...new Set([...partnersOf(leadIn), ...row.partners])];
              row.task = `${leadIn}: ${row.task}`;
            }
          }
          out.push(...rows);
        }
      } else {
        out.push(...rowsFor(sec.path, assignee, [lead?.task, ...units].filter(Boolean).join(" ")));
      }
      continue;
    }
    const units = unitsOf([sec.title, sec.text].filter(Boolean).join("\n"));
    // A point under a heading that names a body ("a) Chủ trì, phối hợp với …"): that body's duty.
    // A point that names a body of its own ("b) Sở Tài chính chủ trì …") overrides it; "c) Tổ chức tập huấn …" does not.
    if (inherited && units.length && !(leadOf(units[0]!) && ORG_KEYWORD_START.test(units[0]!))) {
      out.push(...rowsFor(sec.path, inherited, units.join(" ")));
      continue;
    }
    // Each paragraph or bullet addressed to a body is one row; a unit without its own body continues the last row.
    // A row that is only a lead-in ("Ban X chủ trì, phối hợp với Y, Z:") gives each bullet after it a row of its own.
    let last: Assignment[] | null = null;
    let leadIn: { rows: Assignment[]; text: string; used: boolean } | null = null;
    const closeLeadIn = () => {
      if (leadIn && !leadIn.used) out.push(...leadIn.rows);
      leadIn = null;
    };
    for (const body of unitsOf(sec.text).flatMap(bodiesApart)) {
      const first = taskFirst(sec.path, body);
      if (first) {
        closeLeadIn();
        out.push(...first);
        last = first;
        continue;
      }
      const own = leadOf(body);
      if (leadIn && !own) {
        const intro: string = leadIn.text;
        for (const row of leadIn.rows) {
          const [duty] = rowsFor(sec.path, row.assignee, body);
          out.push({ ...duty!, role: roleOf(intro), partners: [...new Set([...partnersOf(intro), ...duty!.partners])], task: `${intro}: ${duty!.task}` });
        }
        leadIn.used = true;
        continue;
      }
      closeLeadIn();
      if (own && /:\s*$/.test(own.task) && !LEAD_THEN_PARTNER.test(body)) {
        leadIn = { rows: rowsFor(sec.path, own.assignee, own.task), text: own.task.replace(/\s*:\s*$/, ""), used: false };
        last = null;
        continue;
      }
      // "Sở Nội vụ chủ trì; Sở Tư pháp phối hợp rà soát…": a lead and its partners named apart.
      const pair = LEAD_THEN_PARTNER.exec(body);
      if (pair && ORG_START.test(pair[1]!) && ORG_START.test(pair[2]!)) {
        const leads = splitBodies(pair[1]!);
        const partners = splitBodies(pair[2]!);
        const task = pair[3]!.trim();
        last = [
          ...leads.map((assignee) => ({ ...rowsFor(sec.path, assignee, task)[0]!, role: "chủ trì" as const, partners })),
          ...partners.map((assignee) => ({ ...rowsFor(sec.path, assignee, task)[0]!, role: "phối hợp" as const, partners: leads })),
        ];
        out.push(...last);
        continue;
      }
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
    closeLeadIn();
  }
  return out;
}
