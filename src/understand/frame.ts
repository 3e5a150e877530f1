/**
 * Understanding first: one pure function turns a question (and the chat's recent turns) into a `QuestionFrame` —
 * what it asks, which documents it is about (named by number, alias, place, issuer or type; in the corpus, only
 * referenced, or unknown), and the topic words the evidence must hold, kept apart from the words that only name a
 * document. Everything downstream (retrieval, the answer strategies) reads the frame, never the raw question.
 */
import type { DocType } from "../domain/model.js";
import { type NumberAlias, docTypeFromName, findNumbers } from "../domain/numbers.js";
import { DOC_TYPE_NAMES, PAGE_TYPE, typeKind } from "../domain/vocabulary.js";
import { foldVi, initialsOf } from "../text/vietnamese.js";
import { type Ask, type MetaField, foldedQuestion, readAsks } from "./asks.js";
import { type PlaceInitials, expandChat } from "./chat.js";

/** What understanding needs of the corpus: lookups, no index. */
export interface CorpusFacts {
  resolveNumbers(text: string): { alias: NumberAlias; numbers: string[]; documentIds: string[] }[];
  isKnownNumber(number: string): boolean;
  documentsForLocality(text: string): Set<string>;
  localitySpans(text: string): { start: number; end: number }[];
  documentsForIssuer(text: string): Set<string>;
  docTypeOf(documentId: string): DocType | undefined;
  /** Its type and that of the text it issues ("Quyết định … Ban hành Kế hoạch …" is a Kế hoạch too). */
  typesOf(documentId: string): DocType[];
  issuerOf(documentId: string): string | undefined;
  /** The places a document is tied to (its place, the locality in its issuer's name). */
  placesOf(documentId: string): string[];
  /** Its title (trích yếu). */
  titleOf(documentId: string): string | undefined;
  /** The documents whose title (a page's headline) is this text. */
  documentsTitled(text: string): string[];
  /** Does the document cite this number (in its căn cứ, its text)? */
  cites(documentId: string, number: string): boolean;
  /** Documents of central bodies (Bộ Chính trị, Chính phủ, ministries…). */
  centralDocuments(): string[];
  /** Web pages (news, questions and answers). */
  pageDocuments(): string[];
  /** Is this folded word the issuer code of some document's number ("dhh" of 1265/KH-ĐHH)? */
  isIssuerCode(code: string): boolean;
  placeInitials: PlaceInitials;
}

export interface Turn {
  question: string;
  answer: string;
}

/** A document the question names by number or alias. */
export interface NamedDocument {
  /** As typed ("KL 69", "kh 552", "57-NQ/TW"). */
  alias: string;
  /** Canonical numbers it may mean. */
  numbers: string[];
  /** Corpus documents with that number. */
  documentIds: string[];
  /** In the corpus, only cited by corpus documents, or neither. */
  status: "corpus" | "referenced" | "unknown";
  /** The subject of the question ("Kết luận 69 yêu cầu…"), or what the subject carries out ("… thực hiện Kết luận 69"). */
  role: "subject" | "topic";
}

export interface QuestionFrame {
  /** As asked: NFC, trimmed. */
  question: string;
  /** With chat abbreviations expanded ("ko" → "không", "nv" → "nhiệm vụ"). */
  text: string;
  /** Folded, lowercase, padded: what the ask patterns read. */
  folded: string;
  /** Every ask found, the strongest first; "fact" when nothing more specific. */
  asks: Ask[];
  /** Metadata fields asked for (signer, date, issuer, number, recipients…). */
  meta: MetaField[];
  /** For "who": which role is wanted. */
  role: "lead" | "partner" | "reportTo" | null;
  scope: {
    named: NamedDocument[];
    /** Corpus documents the question is about (by number, place, issuer, type — or the previous turn's). */
    documentIds: string[];
    /** Corpus documents of the places the question names. */
    localDocs: string[];
    /** Document types the question names ("kế hoạch", "quyết định"). */
    types: DocType[];
    /** The types it asks for ("… thực hiện kế hoạch nào, nghị quyết nào?"), among `types`. */
    typesAsked: DocType[];
    /** The scope comes from the previous turn (a follow-up that names nothing), or from the chat's own scope. */
    fromHistory: boolean;
    /** The chat's own locality (/phamvi) was applied to a question that named no document. */
    fromChat: boolean;
    /**
     * A locality's document is asked for without naming the place ("kế hoạch của tỉnh", "chương trình của Tỉnh ủy",
     * "của UBND huyện"): a central document is not what is asked, however well it answers.
     */
    localLevel: boolean;
  };
  /** The question without the words that only name a document: what the evidence must hold. */
  topic: string;
  /** A body the question asks about ("giao Sở X những nhiệm vụ gì", "Sở X có nhiệm vụ gì"), as typed; or null. */
  body: string | null;
  /**
   * A comparison of documents named by number: each side's documents and the topic words that are its own ("hạn
   * báo cáo của Bộ X theo NQ 45 và của Sở Y theo KH 88": Sở Y's words are not looked for in NQ 45). Empty otherwise.
   */
  parts: { documentIds: string[]; topic: string }[];
}

/** A body's name in a question (its opening word, then the rest of the name up to the verb; "… các xã, phường, đặc khu"
 * lists the levels it is of). */
const BODY_NAME = String.raw`((?:Tỉnh đoàn|Thành đoàn|tinh doan|thanh doan|MTTQ|mttq|HĐND|hdnd|UBND|ubnd)(?:\s(?:các\s|cac\s)?(?:tỉnh|tinh|thành phố|thanh pho|huyện|huyen|quận|quan|thị xã|thi xa|xã|xa|phường|phuong|thị trấn|thi tran)(?:\s[^?,;]{2,40}?)??)?|(?:Ban|Bộ|Sở|Phòng|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Hội|Đảng đoàn|Đảng ủy|Đảng uỷ|Ban cán sự|Công đoàn|Công an|Mặt trận|MTTQ|Tỉnh đoàn|Trung tâm|Liên hiệp|Liên đoàn|Chi cục|Cục|Vụ|Viện|Trường|Ngân hàng|ban|bo|so|phong|van phong|uy ban|ubnd|dang doan|dang uy|cong doan|cong an|tinh doan|sở|bộ|phòng|văn phòng|ủy ban|uỷ ban|đảng ủy|đảng uỷ|công an|công đoàn)\s[^?,;]{2,80}?(?:,\s*(?:phường|phuong|xã|xa|thị trấn|thi tran|đặc khu|dac khu))*)`;
/** Words that open a body's name in a question (as typed, with or without marks). */
const BODY_START = new RegExp(String.raw`(?:^|(?<=\d\s)|giao\s+(?:cho\s+)?|cho\s+|của\s+|(?:yêu cầu|đề nghị|kiến nghị|đề xuất|yeu cau|de nghi|kien nghi|de xuat|đôn đốc|don doc)\s+)`+ BODY_NAME + String.raw`\s+(?:có|được|phải|cần|chịu|làm|những|các(?!\s(?:xã|phường|huyện|tỉnh|quận|thị|cấp|đặc))|nhiệm|việc|phối hợp|chủ trì|theo dõi|tham mưu|co|duoc|phai|can|chiu|lam|nhung|cac(?!\s(?:xa|phuong|huyen|tinh|quan|thi|cap|dac))|nhiem|viec|phoi hop|chu tri|theo doi|tham muu|gì|gi|trong|là|la|báo cáo|bao cao|gửi|gui|thực hiện|thuc hien|triển khai|trien khai|hoàn thành|hoan thanh|cái|cai)(?=\s|$|\?)`, "u");
/**
 * "Theo Kế hoạch 130, Ban Quản lý Khu kinh tế chủ trì … khi nào?": the body named right after the document it is
 * asked of, before a verb of its duty (not "…, Trung tâm X phải đi vào hoạt động", a thing to be done, nor a list).
 */
const BODY_AFTER_DOCUMENT = new RegExp(String.raw`^(?:Theo|theo|Trong|trong|Tại|tại)\s[^,;?]{2,80},\s+` + BODY_NAME + String.raw`\s+(?:chủ trì|phối hợp|có nhiệm vụ|có trách nhiệm|được giao|phải làm|cần làm|làm gì|tham mưu|theo dõi|chu tri|phoi hop|co nhiem vu|co trach nhiem|duoc giao|phai lam|can lam|lam gi|tham muu|theo doi)(?=\s|$|\?)`, "u");

/**
 * "của tỉnh", "của UBND huyện", "của Tỉnh ủy": whose the document is, a locality's, named without the place (the
 * caller checks that no place is named). A list of levels ("văn phòng tỉnh ủy, thành ủy") names no one document's.
 */
const LOCAL_LEVEL =
  /(?<![\p{L}])(?:của|cua)\s+(?:(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hdnd|ban thường vụ|ban thuong vu|btv)\s+)?(?:tỉnh|tinh|huyện|huyen|thành phố|thanh pho|thị xã|thi xa|xã|phường|phuong|tỉnh ủy|tỉnh uỷ|tinh uy|huyện ủy|huyện uỷ|huyen uy|thị ủy|thị uỷ|thi uy|thành ủy|thành uỷ|thanh uy)(?![\p{L}])(?!\s*(?:,|và|va)\s*(?:tỉnh|tinh|thành|thanh|huyện|huyen|xã))/iu;

/** The body a question asks about, when it names one as the one assigned. */
/** A committee that issues plans, with its level: "ubnd tỉnh", "UBND huyện", "tỉnh ủy", "HĐND tỉnh". */
const COMMITTEE_AFTER_NUMBER = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|uy ban nhan dan|hđnd|hdnd|hội đồng nhân dân|hoi dong nhan dan|tỉnh ủy|tỉnh uỷ|tinh uy|thành ủy|thành uỷ|thanh uy|huyện ủy|huyen uy|đảng ủy|dang uy)(?:\s+(?:tỉnh|tinh|thành phố|thanh pho|huyện|huyen|xã|xa|phường|phuong))?$/iu;

function bodyNamed(text: string): string | null {
  // "Hướng dẫn của Ban X giao Đảng đoàn HĐND nhiệm vụ gì?": the body after "giao" is the one asked about.
  const assigned = [...text.matchAll(/(?<![\p{L}])giao\s+/giu)].pop();
  let m = (assigned ? BODY_START.exec(text.slice(assigned.index)) : null) ?? BODY_START.exec(text) ?? BODY_AFTER_DOCUMENT.exec(text);
  // "Nghị quyết 86 của HĐND tỉnh Hà Tĩnh có hiệu lực …": the body after a document's name is its issuer, not the
  // body asked about; one named further on may be.
  if (m && !assigned && /^(?:của|cua)\s/iu.test(m[0]) && ISSUED_BY.test(text.slice(0, m.index))) {
    const from = m.index + m[0].length - m[1]!.length;
    const rest = BODY_START.exec(text.slice(from + m[1]!.length));
    m = rest && !/^(?:của|cua)\s/iu.test(rest[0]) ? rest : null;
  }
  // "kinh phí thực hiện kh 236 ubnd tỉnh …": a committee named right after a document's number is that document's
  // issuer, written as cadres write it ("kh 236 ubnd tỉnh"), not a body asked about.
  if (m && !assigned && ISSUED_BY.test(text.slice(0, m.index)) && /\d\s*$/u.test(text.slice(0, m.index)) && COMMITTEE_AFTER_NUMBER.test(m[1]!)) return null;
  if (!m) return null;
  // "Sở nào chủ trì …", "Theo KH 130, ban nào …": a body asked for, not one named.
  if (/(?:^|\s)(?:nào|nao|gì|gi|ai)(?:\s|$)/iu.test(m[1]!)) return null;
  // "… đề xuất ban hành các chính sách": a verb, not a board ("ban").
  if (/^(?:ban hành|ban hanh)(?:\s|$)/iu.test(m[1]!)) return null;
  // "Đảng ủy Sở GD&ĐT yêu cầu các chi bộ làm gì?": the body named first asks; it is not the one asked about.
  // ("Ban Tuyên giáo" typed without marks holds "giao" as its own word.)
  if (/\s(?:yêu cầu|đề nghị|chỉ đạo|(?<!tuyen )giao|yeu cau|de nghi|chi dao)(?:\s|$)/u.test(m[1]!)) return null;
  // "… gửi báo cáo cho Sở theo Công văn số 968 …": a name ends before "theo"; the kind alone ("Sở", "Bộ") names no one
  // body (it is the document's issuer, said short).
  const name = m[1]!.split(/\s+(?:theo|tại|tai)\s+/u)[0]!.trim();
  if (/^\S+$/u.test(name)) return null;
  return name;
}

/**
 * "… thực hiện Kết luận 69", "… sửa đổi Nghị định 80": the number names what the subject carries out, amends,
 * replaces or details — the object, not the document asked about ("báo X đưa tin CTr 45": what the page reports on).
 */
const CARRIED_OUT = /(thuc hien|trien khai|dua tin(?: ve)?|quan triet|hoc tap|tuyen truyen|cu the hoa|can cu|tiep tuc thuc hien|so ket|tong ket|sua doi|sua doi,? bo sung|bo sung|thay the|bai bo|huong dan thi hanh|quy dinh chi tiet( thi hanh)?)\s*$/;

/**
 * "kh nq57 lạng sơn …", "chương trình hành động Nghị quyết 57 của tỉnh", "nq57 ctr của tỉnh ủy …": a document of
 * another type named just before a number, or just after it with whose it is, is the plan for it — the number is what the plan carries out. ("Công văn 844-CV/ĐU": the type word is the
 * number's own.)
 */
function planOf(text: string, alias: { type: DocType | null; full: string | null; start: number; end: number }, facts: CorpusFacts): boolean {
  // Or just after it, with whose it is: "nq57 ctr của tỉnh ủy qt …" (the provincial programme for Nghị quyết 57);
  // or its issuer's code between ("ke hoach dhh nq57"); or "về" after the plan's words ("hướng dẫn tuyên truyền của
  // Trung ương về Nghị quyết 57").
  const folded = foldVi(text.slice(0, alias.start)).toLowerCase();
  const before = PLAN_BEFORE.exec(folded) ?? PLAN_AFTER.exec(foldVi(text.slice(alias.end)).toLowerCase()) ?? codeBefore(folded, facts) ?? PLAN_ABOUT.exec(folded);
  if (!before) return false;
  const own = ownType(alias);
  return own !== null && typeKind(PLAN_TYPES[before[1]!]!) !== typeKind(own);
}

/**
 * "tinh uy qn nq57 …": a local body named just before a number the corpus only cites, with nothing between, asks that
 * body's documents on it (which cite it) — not the cited document, which is not here. (A central body so named,
 * "Bộ Chính trị nq57", is the number's own issuer.)
 */
function localIssuerJustBefore(text: string, start: number, numbers: string[], facts: CorpusFacts): boolean {
  const before = text.slice(0, start);
  // (Nothing between: "Theo bài hỏi đáp trên X.vn, Nghị quyết 57 …" names a page, then the resolution as the subject.)
  if (/[,;:.!?)]\s*$/.test(before)) return false;
  // (The last six words: an issuer's name fits in them, and fewer words name no more issuers.)
  const words = before.trim().split(/\s+/);
  if (words.length < 2) return false;
  const ids = [...facts.documentsForIssuer(words.slice(-6).join(" "))];
  if (!ids.length) return false;
  const central = new Set([...facts.centralDocuments(), ...facts.pageDocuments()]);
  return ids.some((id) => !central.has(id) && numbers.some((x) => facts.cites(id, x)));
}

/** Whether a number the question names is what it asks about ("subject") or what that speaks of ("topic"). */
function roleOf(text: string, before: string, n: { alias: NumberAlias; numbers: string[] }, status: NamedDocument["status"], facts: CorpusFacts): NamedDocument["role"] {
  if (ownDesignation(before, n.alias)) return "subject";
  if (status !== "corpus" && localIssuerJustBefore(text, n.alias.start, n.numbers, facts)) return "topic";
  return CARRIED_OUT.test(before) || PAGE_ABOUT.test(before) || MEETING_ABOUT.test(before) || planOf(text, n.alias, facts) ? "topic" : "subject";
}

const ownType = (alias: { type: DocType | null; full: string | null }): DocType | null => alias.type ?? (alias.full ? (findNumbers(alias.full)[0]?.docType ?? null) : null);

/**
 * "Hướng dẫn tuyên truyền 08-HD/BTGDVTW …": a type word, a few words describing it, then a number of that type is
 * the document's own designation, whatever the words between ("tuyên truyền" is no carrying out of it). `before` is
 * the text before the number without the type word just before it ("thực hiện Chương trình hành động số 12": the
 * type word is the number's own, what comes before it says the role).
 */
function ownDesignation(before: string, alias: { type: DocType | null; full: string | null }): boolean {
  const own = ownType(alias);
  const m = OWN_TYPE_BEFORE.exec(before);
  const type = m ? DOC_TYPE_NAMES.find((n) => foldVi(n).toLowerCase() === m[1]!.replace(/\s+/g, " ")) : undefined;
  return own !== null && type !== undefined && typeKind(type) === typeKind(own);
}
const PLAN_TYPES: Record<string, DocType> = {
  kh: "Kế hoạch",
  "ke hoach": "Kế hoạch",
  ctr: "Chương trình hành động",
  cthd: "Chương trình hành động",
  ctrhd: "Chương trình hành động",
  "chuong trinh hanh dong": "Chương trình hành động",
  "chuong trinh": "Chương trình",
  hd: "Hướng dẫn",
  "huong dan": "Hướng dẫn",
  cv: "Công văn",
  "cong van": "Công văn",
};
const PLAN_BEFORE = new RegExp(`(?:^|[\\s,:(])(${Object.keys(PLAN_TYPES).sort((a, b) => b.length - a.length).join("|")})\\s*$`);
const PLAN_AFTER = new RegExp(`^\\s*(${Object.keys(PLAN_TYPES).sort((a, b) => b.length - a.length).join("|")})\\s+(?:cua|do)\\s`);
/** "ke hoach dhh nq57": the plan word, its issuer's code, then the number. */
const PLAN_CODE_BEFORE = new RegExp(`(?:^|[\\s,:(])(${Object.keys(PLAN_TYPES).sort((a, b) => b.length - a.length).join("|")})\\s+([a-z]{3,10})\\s*$`);
const codeBefore = (folded: string, facts: CorpusFacts) => {
  const m = PLAN_CODE_BEFORE.exec(folded);
  return m && facts.isIssuerCode(m[2]!) ? m : null;
};
/** "hướng dẫn tuyên truyền của Trung ương về Nghị quyết 57": the plan's words, then "về" just before the number. */
const PLAN_ABOUT = new RegExp(`(?:^|[\\s,:(])(${Object.keys(PLAN_TYPES).sort((a, b) => b.length - a.length).join("|")})(?:\\s\\S+){0,8}\\s(?:ve|ve viec)\\s*$`);
/** A type word, at most three words, the number ("hướng dẫn tuyên truyền 08-HD/BTGDVTW"), folded. */
const OWN_TYPE_BEFORE = new RegExp(`(?:^|[\\s,:(])(${DOC_TYPE_NAMES.map((n) => foldVi(n).toLowerCase().replace(/ /g, "\\s+")).join("|")})(?:\\s(?!so\\b)[a-z]+){1,3}\\s*(?:so\\s*)?$`);
/** "Bài viết của Báo X ngày … về (việc đưa) Chương trình 45": a page's article about a document, which it is not. */
const PAGE_ABOUT = /(?:^|\s)(?:bai viet|bai bao|tin bai|bai)(?:\s\S+){0,10}\s(?:ve|noi ve|viet ve)(?:\s\S+){0,3}$/;
/** A page asked by its kind ("theo bài báo", "bài viết đưa tin", "trang hỏi đáp"), folded and padded. */
const ARTICLE_WORDS = / (bai bao|bai viet|tin bai|ban tin|trang hoi(?: - |-| )dap|hoi(?: - |-| )dap) /;
/** "cuộc họp do Phó Thủ tướng … chủ trì về Nghị quyết 57": what a meeting was about, not the document asked about. */
const MEETING_ABOUT = /(?:^|\s)(?:cuoc hop|phien hop|hoi nghi|buoi lam viec|toa dam|hoi thao)(?:\s\S+){0,10}\s(?:ve|ban ve)$/;
/** Words that designate a news page ("bài báo", "bài viết", "đưa tin", "báo" — not "báo cáo", not "bao nhiêu"). */
const PAGE_WORDS = /(?<![\p{L}])(?:(?:trang\s+)?(?:hỏi|hoi)\s*(?:-\s*)?(?:đáp|dap)|bài báo|bài viết|bai bao|bai viet|tin bài|tin bai|đưa tin|dua tin|báo|bao)(?![\p{L}])(?!\s+(?:cáo|cao|nhiêu|nhieu|giờ|gio|lâu|lau|gồm|gom|đảm|dam|hàm|ham|quát|quat|chí|chi|động|dong))/giu;
const REGARDING = /(?:^|\s)(?:vs|voi|ve|doi voi|lien quan(?: den| toi)?)$/;

/** Where the text names one of these sites ("Báo và Phát thanh, Truyền hình Tây Ninh"), as written, any case. */
function siteSpans(text: string, sites: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const site of new Set(sites)) {
    const words = site.trim().split(/[\s,]+/u).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (words.length < 2) continue;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${words.join("[\\s,]+")}(?![\\p{L}])`, "giu"))) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Does the question name a page ("trang hỏi đáp", "bài báo") before any type word? (Folded, padded.) */
function pageNamedFirst(folded: string): boolean {
  const at = ARTICLE_WORDS.exec(folded)?.index;
  if (at === undefined) return false;
  const before = folded.slice(0, at + 1);
  return !FOLDED_TYPE_NAMES.some(([, typed]) => before.includes(typed));
}

const TYPE_WORD = new RegExp(`(?<![\\p{L}])(${DOC_TYPE_NAMES.map((n) => n.replace(/ /g, "\\s+")).join("|")})(?![\\p{L}])`, "giu");

/** "của HĐND", "do Ủy ban nhân dân", "của Tỉnh ủy" just before where a place or number was cut out of the topic. */
/** "ngày 27/3/2025", "ngày 27 tháng 3 năm 2025" right after a document's number (with or without a comma). */
const OWN_DATE = /^\s*,?\s*(?:ngày|ngay)\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*|\s+tháng\s+\d{1,2}\s+năm\s+|\s+thang\s+\d{1,2}\s+nam\s+)(?:19|20)\d{2}/iu;

const ISSUER_BEFORE_GAP = /(?:(?<![\p{L}])(?:của|do|cua)\s+|(?<=,\s*))(?:(?:ban thường vụ|ban thuong vu|thường trực|thuong truc)\s+)?(?:hđnd|hdnd|hội đồng nhân dân|hoi dong nhan dan|ubnd|ủy ban nhân dân|uỷ ban nhân dân|uy ban nhan dan|tỉnh ủy|tỉnh uỷ|tinh uy|thành ủy|thành uỷ|thanh uy|huyện ủy|huyện uỷ|huyen uy|thị ủy|thị uỷ|thi uy|quận ủy|quận uỷ|quan uy|đảng ủy|đảng uỷ|dang uy)(?:\s+(?:tỉnh|tinh|thành phố|thanh pho|huyện|huyen|thị xã|thi xa|quận|quan|xã|xa|phường|phuong))?\s*,/giu;

/** "Kế hoạch (không số) ngày 26/9/2025", "kh ko so": a document without a number, named with its date. */
const NUMBERLESS = new RegExp(
  String.raw`(?:${TYPE_WORD.source}|(?<![\p{L}])(?:kh|cv|hd|tb|bc))\s*\(?\s*(?:không số|khong so|ko số|ko so|k số|k so)\s*\)?(?:` + OWN_DATE.source.replace(/^\^/, "") + ")?",
  "giu",
);

/** A question that opens with a document named by its type and issuer ("Theo Kế hoạch của Ủy ban nhân dân xã …,"). */
const OPENS_WITH_DOCUMENT = new RegExp(String.raw`^\s*(?:theo|trong|tại)\s+(?:${TYPE_WORD.source})(?:\s+[^\s,;?]+){0,4}?\s+(?:của|do|cua)\s+[^,;?]{3,120}?,`, "iu");

/** A document's name just before "của": a type word or its chat form, with or without its number ("Nghị quyết 86", "kh 215"). */
const ISSUED_BY = new RegExp(`(?:${TYPE_WORD.source}|(?<![\\p{L}])(?:kh|nq|qd|qđ|cv|kl|ctr|hd))(?:\\s+(?:số\\s*)?[\\p{L}\\d/.-]*\\d[\\p{L}\\d/.-]*)?\\s*$`, "iu");

/** A type asked for: "kế hoạch nào", "nghị quyết nao", typed without marks too ("chi thi nao cua ttg"). */
const ASKED_TYPE = new RegExp(`(?:${TYPE_WORD.source}|(?<![\\p{L}])(?:${DOC_TYPE_NAMES.map((n) => foldVi(n).toLowerCase().replace(/ /g, "\\s+")).join("|")}))\\s+(?:nào|nao)(?![\\p{L}])`, "giu");

/** A type word (and "số") just before a number: part of how that number is named, not a type asked about. */
const TYPE_BEFORE_NUMBER = new RegExp(`(?:${TYPE_WORD.source})\\s*(?:số\\s*)?$`, "iu");

/**
 * The documents each side of a comparison names by issuer or place ("hướng dẫn của Sở KH&CN" | "chỉ tiêu của phường
 * Bãi Cháy"), sides split at "với", "và", "còn", "so với"; a side that names none, or too many to be one document
 * (more than two), is no side.
 */
function comparedSides(text: string, facts: CorpusFacts): string[][] {
  const sides: string[][] = [];
  for (const clause of text.split(/,?\s+(?:so với|với|và|còn|so voi|voi|va|con)\s+/iu)) {
    const types = typesIn(clause);
    let ids = [...facts.documentsForIssuer(clause)];
    const spans = facts.localitySpans(clause);
    if (!ids.length && spans.length) {
      const places = spans.map((sp) => foldVi(clause.slice(sp.start, sp.end)).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim());
      ids = [...facts.documentsForLocality(clause)];
      // The place's own body's documents ("phường Bãi Cháy" issues its plan), else every document placed there.
      const own = ids.filter((id) => places.some((p) => ` ${foldVi(facts.issuerOf(id) ?? "").toLowerCase().replace(/[^a-z0-9]+/g, " ")} `.includes(` ${p} `)));
      if (own.length) ids = own;
    }
    const typed = ids.filter((id) => facts.typesOf(id).some((t) => types.includes(t)));
    if (typed.length) ids = typed;
    if (ids.length && ids.length <= 2 && !sides.some((side) => side.join() === ids.join())) sides.push(ids);
  }
  return sides;
}

/** Type words the text uses, longest match first ("chương trình hành động" before "chương trình"). */
function typesIn(text: string): DocType[] {
  // ("Thư viện Pháp luật", "hỏi đáp pháp luật": the law at large, no Luật named.)
  text = text.replace(/(?<![\p{L}])(pháp|phap)\s+(?=(?:luật|luat)(?![\p{L}]))/giu, "$1");
  const out: DocType[] = [];
  for (const m of text.matchAll(TYPE_WORD)) {
    const t = docTypeFromName(m[1]!);
    if (t && !out.includes(t)) out.push(t);
  }
  // Folded typing: "ke hoach", "quyet dinh". Longest names first, each taken out of the text once read: the
  // "chương trình" of "Chương trình hành động" names no second type.
  let folded = ` ${foldVi(text).toLowerCase()} `;
  for (const [name, typed] of FOLDED_TYPE_NAMES) {
    if (!folded.includes(typed)) continue;
    if (!out.includes(name)) out.push(name);
    folded = folded.replaceAll(typed, "  ");
  }
  return out;
}

/**
 * Place initials read first among the places of the documents the question names by number ("kh 86 tinh th": of the
 * documents numbered 86, the one of Thanh Hóa), where in a large corpus several places share them; then the corpus's.
 */
function initialsBeside(question: string, facts: CorpusFacts): PlaceInitials {
  const own = new Map<string, string | null>();
  for (const id of facts.resolveNumbers(question).flatMap((n) => n.documentIds)) {
    for (const place of facts.placesOf(id)) {
      const key = initialsOf(place);
      if (key) own.set(key, own.get(key) === undefined || own.get(key) === place ? place : null);
    }
  }
  if (!own.size) return facts.placeInitials;
  return { get: (initials) => own.get(foldVi(initials).toLowerCase()) ?? facts.placeInitials.get(initials) };
}

/** Each type's name as typed without diacritics, between spaces: " ke hoach ". */
const FOLDED_TYPE_NAMES = DOC_TYPE_NAMES.map((name) => [name, ` ${foldVi(name).toLowerCase()} `] as const);

/** A follow-up that points back ("văn bản đó", "kế hoạch này", "còn … thì sao"). */
const DEICTIC = /\b(do|nay|tren|ay|kia)\b|van ban (do|nay|tren)/;

/**
 * Read a question. `history` is the chat's recent turns, oldest first; a follow-up that names no document keeps the
 * previous turn's documents as its scope, and "còn X thì sao?" asks the previous question of X.
 */
export function understand(raw: string, history: Turn[], facts: CorpusFacts, chat?: { locality: string } | null): QuestionFrame {
  const question = raw.normalize("NFC").trim();
  let text = expandChat(question, initialsBeside(question, facts));
  let fromHistory = false;
  const last = history[history.length - 1];
  // "Còn Từ Sơn thì sao?": the previous question, asked of another place or document.
  const swap = last ? /^\s*(?:the |vay )?con\s+(.+?)(?:\s+thi sao|\s+the nao|\s+ra sao)?\s*\??\s*$/.exec(foldVi(text).toLowerCase()) : null;
  if (last && swap?.[1]) {
    const start = foldVi(text).toLowerCase().indexOf(swap[1]);
    const other = text.slice(start, start + swap[1].length).trim();
    const prevText = expandChat(last.question, facts.placeInitials);
    const spans = [...facts.localitySpans(prevText), ...facts.resolveNumbers(prevText).map((n) => ({ start: n.alias.start, end: n.alias.end }))].sort((a, b) => b.start - a.start);
    if (spans.length) {
      let prev = prevText;
      for (const s of spans) prev = `${prev.slice(0, s.start)}${other}${prev.slice(s.end)}`;
      text = prev;
    } else text = `${prevText} (${other})`;
  }
  const folded = foldedQuestion(foldVi(text));
  const resolved = facts.resolveNumbers(text);
  const reading = readAsks(folded, text, resolved.length > 0 || typesIn(text).length > 0);

  const named: NamedDocument[] = [];
  /** Documents named after "với", "về" ("… giao Ủy ban Kiểm tra làm gì vs nq57"): what the question is about. */
  const regarding = new Set<NamedDocument>();
  resolved.forEach((n, i) => {
    // "… thực hiện Kết luận số 193-KL/TW": the type word before a full number belongs to it.
    const before = foldVi(text.slice(0, n.alias.start).replace(TYPE_BEFORE_NUMBER, "")).toLowerCase().trim();
    const status = n.documentIds.length ? "corpus" : n.numbers.some((x) => facts.isKnownNumber(x)) ? "referenced" : "unknown";
    // "… thực hiện Nghị quyết 20 và Kết luận 69": a number coordinated with the one before shares its role.
    const gap = i > 0 ? foldVi(text.slice(resolved[i - 1]!.alias.end, n.alias.start)).toLowerCase().trim() : null;
    const coordinated = gap !== null && /^(?:,|va|hoac|cung|,\s*va)$/.test(gap);
    named.push({
      alias: text.slice(n.alias.start, n.alias.end),
      numbers: n.numbers,
      documentIds: n.documentIds,
      status,
      role: coordinated ? named[i - 1]!.role : roleOf(text, before, n, status, facts),
    });
    if (REGARDING.test(before)) regarding.add(named[named.length - 1]!);
  });
  // A bare number without a type ("số 20") that names nothing is no document.
  const kept = named.filter((n, i) => n.status !== "unknown" || resolved[i]!.alias.full !== null || resolved[i]!.alias.type !== null);

  // Places, issuers and type words outside the document numbers ("QĐ-TTg" names no Thủ tướng's document of the
  // corpus; "Hướng dẫn … Kết luận 69 của Từ Sơn" asks about a Hướng dẫn).
  let unnamed = text;
  for (const n of [...resolved].sort((a, b) => b.alias.start - a.alias.start)) unnamed = `${unnamed.slice(0, n.alias.start)} , ${unnamed.slice(n.alias.end)}`;
  let localDocs = facts.documentsForLocality(unnamed);
  // A place named in the issuer's name ("Ban Tuyên giáo Thành ủy Từ Sơn", "Huyện ủy Thọ Xuân tỉnh Thanh Hóa"): those
  // issuers' documents, not every document merely dated at the place.
  const placeSpans = facts.localitySpans(unnamed);
  const places = placeSpans.map((sp) => foldVi(unnamed.slice(sp.start, sp.end)).toLowerCase().trim());
  if (places.length && localDocs.size > 1) {
    const ofIssuer = [...localDocs].filter((id) => {
      const issuer = ` ${foldVi(facts.issuerOf(id) ?? "").toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
      return places.some((p) => issuer.includes(` ${p.replace(/[^a-z0-9]+/g, " ")} `));
    });
    if (ofIssuer.length && ofIssuer.length < localDocs.size) localDocs = new Set(ofIssuer);
  }
  const quotedTitles = [...text.matchAll(/[“"]([^”"]{12,300})[”"]/gu)].map((m) => ({ text: m[1]!, ids: facts.documentsTitled(m[1]!) })).filter((t) => t.ids.length);
  const titled = [...new Set(quotedTitles.flatMap((t) => t.ids))];
  // "Sở KH&CN Quảng Ninh phải công bố … trước ngày nào?": the body asked about, named with no document's type or number,
  // is the one assigned, not the issuer of the document asked: another body's decision assigns it, so its own
  // documents are no scope (the place's are).
  // (Only a body the question opens with, its subject: "phó thủ tướng đề nghị ubnd tỉnh … làm gì" names who asks
  // it, whose document it is.)
  const body = bodyNamed(text);
  const opener = !kept.length && !typesIn(unnamed).length ? body : null;
  const assignee = opener && foldVi(text).toLowerCase().trimStart().startsWith(foldVi(opener).toLowerCase()) ? opener : null;
  const namedIssuers = facts.documentsForIssuer(unnamed);
  const assigneeDocs = assignee ? facts.documentsForIssuer(assignee) : null;
  const issuerDocs = assigneeDocs && [...namedIssuers].every((id) => assigneeDocs.has(id)) ? new Set<string>() : namedIssuers;
  // "cv của sở khcn hp": an issuer of a place named, its documents among that place's (each place named keeps its
  // own: "Hướng dẫn của Ban Tuyên giáo Thành ủy Từ Sơn và Kế hoạch của Đảng ủy Khối … Thái Nguyên").
  if (places.length && issuerDocs.size) {
    const kept = new Set<string>();
    for (const sp of placeSpans) {
      const here = [...facts.documentsForLocality(unnamed.slice(sp.start, sp.end))].filter((id) => localDocs.has(id));
      const theirs = here.filter((id) => issuerDocs.has(id));
      for (const id of theirs.length ? theirs : here) kept.add(id);
    }
    if (kept.size) localDocs = kept;
  }
  for (const id of issuerDocs) localDocs.add(id);
  // "Thành ủy Lạng Sơn giao … làm gì vs nq57": with a place or issuer named, a document the corpus only cites, named
  // as what the question is about, is the topic; the place's documents are asked.
  if (localDocs.size && !reading.asks.includes("compare")) for (const n of regarding) if (n.status !== "corpus") n.role = "topic";
  const types = typesIn(unnamed);
  const allPages = (ids: string[]) => ids.every((id) => facts.docTypeOf(id) === PAGE_TYPE);
  const byType = (ids: string[]) => {
    const typed = ids.filter((id) => types.includes(facts.docTypeOf(id) ?? "Văn bản"));
    return typed.length ? typed : ids;
  };
  const subjectIds = [...new Set(kept.filter((n) => n.role === "subject").flatMap((n) => n.documentIds))];
  const anyNamedIds = [...new Set(kept.flatMap((n) => n.documentIds))];
  void anyNamedIds;
  let documentIds: string[];
  const both = anyNamedIds.filter((id) => localDocs.has(id));
  // "Theo hướng dẫn của … Từ Sơn, … Kết luận 69": the place's document of the type named is what is asked about.
  // "… để thực hiện kết luận nào của Bộ Chính trị?": a type asked for ("kết luận nào") names no document in scope.
  const namingTypes = typesIn(unnamed.replace(ASKED_TYPE, " "));
  const localOfType = [...localDocs].filter((id) => facts.typesOf(id).some((t) => namingTypes.includes(t)));
  // "Bài báo của Báo Cần Thơ về hội nghị triển khai Kế hoạch 112": the issuer's own text is asked about; the
  // documents named are only what it is about.
  const issuerOwn = [...issuerDocs].filter((id) => !anyNamedIds.includes(id));
  const opening = OPENS_WITH_DOCUMENT.exec(text);
  // (Of those, the ones that speak of a document named. When none does and a document named is the issuer's own, that
  // one is asked about: "… tham mưu UBND tỉnh X … thực hiện Kế hoạch 552" of the province's plan 552, not of another
  // plan of the province's that never cites it.)
  const aboutNamed = issuerOwn.filter((id) => kept.some((n) => n.numbers.some((x) => facts.cites(id, x))));
  // 'Bài "Bắc Ninh đặt mục tiêu …" đăng ngày nào?': a document named by its title, quoted, is the one asked about
  // (the places in its title name no documents of theirs).
  if (titled.length && !kept.some((n) => n.role === "subject")) documentIds = titled;
  // "Theo Kế hoạch của Ủy ban nhân dân xã X, đơn vị nào … theo Nghị quyết 36?": the document the question opens with,
  // named by its type and issuer, is the one asked; a number further on is what it speaks of.
  else if (issuerOwn.length && kept.length && opening && !resolved.some((x) => x.alias.start < opening[0].length)) documentIds = byType(issuerOwn);
  else if (issuerOwn.length && kept.length && kept.every((n) => n.role === "topic") && !reading.asks.some((a) => a === "chain-down" || a === "cited-by") && (aboutNamed.length || !both.length))
    documentIds = byType(aboutNamed.length ? aboutNamed : issuerOwn);
  // "Theo bài báo của Báo Thanh Hóa, …": a newspaper named is its pages, not the place its name holds.
  else if (issuerOwn.length && !kept.length && allPages(issuerOwn)) documentIds = issuerOwn;
  else if (both.length) documentIds = both;
  // A document named as the subject that the corpus only cites (or does not know) is what is asked about: the
  // place's documents are not ("Kế hoạch 35-KH/TU của Tỉnh ủy Hòa Bắc giao …?" when only a letter cites it).
  // (Unless a document of the corpus is named as the subject too: "Nghị quyết 196 bãi bỏ những nhiệm vụ nào tại Phụ lục
  // kèm theo Nghị quyết 03?" asks what 196 says of 03.)
  else if (kept.some((n) => n.role === "subject" && n.status !== "corpus") && !(subjectIds.length && !reading.asks.includes("compare"))) documentIds = [];
  // "Trang hỏi - đáp của Báo … hướng dẫn người dân …": a page named before any type word; the type word after it is
  // what the page does, not a document of that type.
  else if (!kept.length && pageNamedFirst(folded) && facts.pageDocuments().length)
    documentIds = facts.pageDocuments().filter((id) => !localDocs.size || localDocs.has(id));
  else if (localOfType.length && !subjectIds.some((id) => types.includes(facts.docTypeOf(id) ?? "Văn bản"))) documentIds = localOfType;
  else if (subjectIds.length) documentIds = byType(subjectIds);
  else if (localDocs.size) documentIds = byType([...localDocs]);
  // A number named only as what is carried out, with nothing else named ("hạn báo cáo kết quả thực hiện Công văn
  // 844?"): that document is the one asked about — what it says of its own carrying out. Where it is silent the
  // answer says so and shows who else speaks of it.
  // A body asked about ("Công đoàn … có nhiệm vụ gì trong việc thực hiện Kết luận 69?") is the subject instead:
  // the documents that assign it work are not the one it carries out.
  else if (!body && !reading.asks.some((a) => a === "chain-down" || a === "cited-by" || a === "who") && new Set(kept.filter((n) => n.status === "corpus").map((n) => n.numbers[0])).size === 1 && kept.every((n) => n.status === "corpus"))
    documentIds = [...new Set(kept.flatMap((n) => n.documentIds))];
  // "Theo bài báo, thành phố bố trí bao nhiêu tiền …": a page asked, none named; the pages (of the place named, if any).
  else if (!kept.length && ARTICLE_WORDS.test(folded) && facts.pageDocuments().length)
    documentIds = facts.pageDocuments().filter((id) => !localDocs.size || localDocs.has(id));
  else documentIds = [];

  // "… trong hướng dẫn của Sở KH&CN với chỉ tiêu của phường Bãi Cháy", "cả chương trình của Bộ KH&CN và kế hoạch của
  // tỉnh … mỗi bên …": a comparison of two documents named each by its issuer or its place has both in scope.
  if (reading.asks.includes("compare") && kept.length < 2) {
    const sides = comparedSides(unnamed, facts);
    if (sides.length >= 2) documentIds = [...new Set(sides.flat())];
  }
  // A follow-up that names nothing keeps the previous turn's documents.
  if (last && !documentIds.length && !kept.length && !swap) {
    const deictic = DEICTIC.test(folded);
    if (deictic || question.length <= 40) {
      const prevText = expandChat(last.question, facts.placeInitials);
      const prevIds = [...new Set([...facts.resolveNumbers(prevText).flatMap((n) => n.documentIds), ...facts.documentsForLocality(prevText)])];
      if (prevIds.length) {
        documentIds = prevIds;
        fromHistory = true;
      }
    }
  }

  // A chat with its own scope (/phamvi Đồng Tháp): a question naming no document is about the central documents
  // and that locality's.
  let fromChat = false;
  if (chat?.locality && !documentIds.length && !kept.length) {
    const local = [...facts.documentsForLocality(chat.locality)];
    if (local.length) {
      documentIds = [...new Set([...facts.centralDocuments(), ...local])];
      fromChat = true;
    }
  }

  const pageScope = documentIds.length > 0 && allPages(documentIds);
  // A newspaper named after its place ("Báo Thanh Hóa") is of that place: the place names the page, as a document's does.
  const pageOfPlace = (place: string) => documentIds.some((id) => foldVi(facts.issuerOf(id) ?? "").toLowerCase().includes(foldVi(place).toLowerCase().trim()));
  // The topic: the question without document numbers (and the type word before them) and place names.
  const spans = [
    ...resolved.map((n) => ({ start: n.alias.start, end: n.alias.end, number: true, issuer: sharedIssuer(n.documentIds, facts), codes: numberCodes(n.numbers) })),
    // A place names the document only where it is one of the documents in scope: "QĐ 1156 … tại Hà Tĩnh" asks
    // about Hà Tĩnh in a ministry's decision, and the evidence must say it.
    ...facts
      .localitySpans(text)
      // (Nor in a newspaper's page: "Theo Báo Thanh Hóa, chỉ số … của thị xã Nghi Sơn" asks the page about Nghi Sơn.)
      .filter((s) => (!subjectIds.length && !pageScope) || [...facts.documentsForLocality(text.slice(s.start, s.end))].some((id) => documentIds.includes(id)) || (pageScope && pageOfPlace(text.slice(s.start, s.end))))
      .map((s) => ({ start: s.start, end: s.end, number: false, issuer: undefined as string | undefined, codes: [] as string[] })),
    // "Trang hỏi - đáp của Báo và Phát thanh, Truyền hình Tây Ninh …": the site's name names the page, no thing its text
    // must hold.
    ...(pageScope ? siteSpans(text, documentIds.map((id) => facts.issuerOf(id) ?? "")) : []).map((s) => ({ ...s, number: false, issuer: undefined as string | undefined, codes: [] as string[] })),
  ]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    // (Spans that overlap — "Hồ Chí Minh" inside "thành phố Hồ Chí Minh" — are one: cut one by one, the second would
    // cut into the words after the first.)
    .reduce<{ start: number; end: number; number: boolean; issuer: string | undefined; codes: string[] }[]>((out, s) => {
      const last = out[out.length - 1];
      if (last && s.start < last.end) [last.end, last.number] = [Math.max(last.end, s.end), last.number || s.number];
      else out.push({ ...s });
      return out;
    }, [])
    .reverse();
  let topic = text;
  // "Quy chế kèm theo Quyết định 412", "Kế hoạch ban hành kèm Quyết định 512", "Dự thảo báo cáo của Tỉnh ủy Hòa Bắc": the words that designate the document
  // go with the number or place that names it.
  const DESIGNATION = new RegExp(
    `(?:(?:dự thảo|du thao)\\s+)?(?:${TYPE_WORD.source})(?:\\s+(?:(?:ban hành|ban hanh)\\s+)?(?:kèm theo|kem theo|kèm|kem|tại|tai))?\\s+(?:của|do|theo|cua)?\\s*(?:(?:ban thường vụ|thường trực|ban thuong vu|thuong truc)\\s+)?(?:(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|huyện ủy|đảng ủy)\\s+)?(?:${TYPE_WORD.source})?\\s*(?:số\\s*)?$`,
    "iu",
  );
  for (const s of spans) {
    // The type word before a number and the level word before a place go with them ("Kế hoạch 552", "tỉnh Đồng
    // Tháp"); a comma stands where they were, so that no pair is read across the gap.
    const head = topic
      .slice(0, s.start)
      .replace(DESIGNATION, "")
      .replace(new RegExp(`(?:${TYPE_WORD.source})\\s*(?:số\\s*)?$`, "iu"), "")
      .replace(/(?<![\p{L}])(?:tỉnh|tinh|thành phố|thanh pho|huyện|huyen|quận|quan|thị xã|thi xa|xã|xa|phường|phuong)\s*$/iu, "");
    // The date after a number is the document's own ("Kế hoạch số 81-KH/HU ngày 27/3/2025 của …"): it names the
    // document too, and no passage need hold it.
    // So is its issuer written right after it, with or without "của" ("cv 968 skhcn …", "CV 968 của Sở KH&CN …").
    // (Or by its number's code: "ct 29 ttg …" of 29/CT-TTg, "kh 45 tu …" of 45-KH/TU.)
    const tail = s.number ? withoutCode(withoutIssuer(topic.slice(s.end).replace(OWN_DATE, ""), s.issuer), s.codes) : topic.slice(s.end);
    topic = `${head} , ${tail}`;
  }
  // "… của HĐND tỉnh Hà Tĩnh", "do UBND tỉnh …": the issuer before the place removed names the document too.
  topic = topic.replace(ISSUER_BEFORE_GAP, " ,");
  // So does a title quoted that names a document.
  for (const t of quotedTitles) topic = topic.replace(t.text, " , ");
  // And a document without a number named as cadres cite it ("Kế hoạch (không số) ngày 26/9/2025 của …").
  topic = topic.replace(NUMBERLESS, " , ");
  if (documentIds.length === 1 && subjectIds.length) topic = withoutOwnTitle(topic, facts.titleOf(documentIds[0]!));
  // A comparison's own words are in no single document ("khác nhau thế nào", "so sánh", "vs").
  if (reading.asks.includes("compare")) topic = topic.replace(/(?<![\p{L}])(?:so sánh|khác nhau|giống nhau|khác gì|như thế nào|thế nào|ra sao|với|và|vs)(?![\p{L}])/giu, " , ");
  // "Theo bài báo của Báo Thanh Hóa …" of a page: the words that name the page name no thing its text must hold.
  if (pageScope) topic = topic.replace(PAGE_WORDS, " , ");
  topic = topic.replace(/\s+/g, " ").trim();

  // "Kế hoạch 144 của Bắc Ninh và Kế hoạch 552 của Đồng Tháp quy định hạn … là ngày nào?": two documents named as
  // subjects, joined by "và", asked one question: each answers it, side by side.
  const subjects = [...new Set(kept.filter((n) => n.role === "subject" && n.status === "corpus").map((n) => n.documentIds.join()))];
  // (Not when a place or issuer names another document: that one is asked about, the numbers are what it speaks of.)
  const subjectDocIds = new Set(kept.filter((n) => n.role === "subject").flatMap((n) => n.documentIds));
  if (subjects.length >= 2 && [...localDocs].every((id) => subjectDocIds.has(id)) && !reading.asks.some((a) => a === "compare" || a === "chain-up" || a === "chain-down" || a === "cited-by")) {
    const [a, b] = [resolved[named.indexOf(kept.find((n) => n.role === "subject" && n.status === "corpus")!)]!, resolved[named.lastIndexOf(kept.filter((n) => n.role === "subject" && n.status === "corpus").pop()!)]!];
    if (/(?:^|\s)(?:và|va)\s/iu.test(text.slice(a.alias.end, b.alias.start))) reading.asks.splice(reading.asks.includes("meta") ? 1 : 0, 0, "compare");
  }
  const issuerAfterNumber =
    body !== null &&
    resolved.some((n) => {
      const issuer = sharedIssuer(n.documentIds, facts);
      const after = text.slice(n.alias.end);
      return issuer !== undefined && withoutIssuer(after, issuer) !== after && foldVi(body).toLowerCase().startsWith(foldVi(issuer.replace(ISSUER_PLACE_TAIL, "")).toLowerCase());
    });
  return {
    parts: reading.asks.includes("compare") ? compareParts(text, resolved, named, topic) : [],
    question,
    text,
    folded,
    // The body right after a document's number that is its issuer ("cv 968 skhcn hạn nộp báo cáo …") is whose the
    // document is, not a body asked about.
    body: issuerAfterNumber ? null : body,
    asks: reading.asks,
    meta: reading.meta,
    role: reading.role,
    scope: { named: kept, documentIds, localDocs: [...localDocs], types, typesAsked: typesIn([...unnamed.matchAll(ASKED_TYPE)].map((m) => m[0]).join(" ; ")), fromHistory, fromChat, localLevel: !places.length && LOCAL_LEVEL.test(unnamed) },
    topic,
  };
}

/** The issuer of every one of these documents, when they share one. */
function sharedIssuer(documentIds: string[], facts: CorpusFacts): string | undefined {
  const issuers = new Set(documentIds.map((id) => facts.issuerOf(id) ?? ""));
  const [only] = issuers;
  return issuers.size === 1 && only ? only : undefined;
}

/** An issuer's name without the place it is of ("Sở Khoa học và Công nghệ tỉnh Bắc Ninh" → "Sở Khoa học và Công nghệ"). */
const ISSUER_PLACE_TAIL = /\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)\s.*$/u;

/** `text` without the issuer's name it opens with (after "của"/"do", or none), compared without marks. */
function withoutIssuer(text: string, issuer: string | undefined): string {
  if (!issuer) return text;
  const wanted = foldVi(issuer.replace(ISSUER_PLACE_TAIL, "")).toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (wanted.length < 2) return text;
  const words = [...text.matchAll(/[^\s,]+/g)];
  let i = 0;
  if (words[0] && /^(?:của|do|cua)$/iu.test(words[0][0])) i = 1;
  for (const w of wanted) {
    const got = words[i];
    if (!got || foldVi(got[0]).toLowerCase() !== w) return text;
    i++;
  }
  const last = words[i - 1]!;
  return text.slice(last.index! + last[0].length);
}

/** The issuer codes of a document's numbers, folded ("29/CT-TTg" → "ttg"; "968/SKHCN-CĐS" → "skhcn", "cds"). */
function numberCodes(numbers: string[]): string[] {
  return numbers.flatMap((n) => n.split(/[-/]/).slice(1)).map((c) => foldVi(c).toLowerCase()).filter((c) => /^[a-z]{2,}$/.test(c) && !TYPE_CODES.has(c));
}
/** Codes that say a document's type ("CT", "KH", "NQ"): the type word is read as one, not as an issuer. */
const TYPE_CODES = new Set(["ct", "ctr", "kh", "nq", "qd", "kl", "tb", "hd", "bc", "cv", "tt", "nd", "ttr", "cd", "qc", "da"]);

/** The words right after a number that are its own issuer codes ("ct 29 ttg giao …"): they name the document. */
function withoutCode(text: string, codes: string[]): string {
  if (!codes.length) return text;
  const m = /^[\s,]*(?:(?:của|do|cua)\s+)?([\p{L}&]+)(?![\p{L}])/u.exec(text);
  return m && codes.includes(foldVi(m[1]!).toLowerCase()) ? text.slice(m[0].length) : text;
}

/** "về …", "v/v …" where the name of the document was cut out of the topic (after the gap's commas). */
const ABOUT_AFTER_NAME = /^([\s,]*,[\s,]*)(?:về|ve|v\/v)\s+/iu;

/**
 * "Kế hoạch 86/KH-UBND … về chuyển đổi số trong lĩnh vực du lịch có tổng kinh phí … bao nhiêu?": the "về …" after the
 * document's name that repeats its own title names the document too, and no passage need hold it (its header does,
 * and would answer instead of the passage asked for). Only its leading run of the title's words goes, two at least,
 * and never all the topic.
 */
function withoutOwnTitle(topic: string, title: string | undefined): string {
  if (!title) return topic;
  // (Or the title itself after the name, opening with its own first word: "Quyết định 1452/QĐ-TTg phê duyệt Chương
  // trình … có hiệu lực từ khi nào?" — four of its words at least, since no "về" says it is the title.)
  const fold = (w: string) => foldVi(w).toLowerCase().replace(/[^a-z0-9&]/g, "");
  const about = ABOUT_AFTER_NAME.exec(topic);
  const gap = about ? null : /^([\s,]*,[\s,]*)/.exec(topic);
  const m = about ?? (gap && fold(topic.slice(gap[0].length).split(/\s+/)[0] ?? "") === fold(title.split(/\s+/)[0] ?? "") ? gap : null);
  if (!m) return topic;
  const own = foldedWords(title);
  const words = topic.slice(m[0].length).split(/\s+/);
  let n = 0;
  while (n < words.length && own.has(fold(words[n]!))) if (/[,;:.?]$/.test(words[n++]!)) break;
  const rest = words.slice(n).join(" ");
  return n >= (about ? 2 : 4) && /\p{L}/u.test(rest) ? `${m[1]}, ${rest}` : topic;
}

/** Folded words of a text, for telling one side's words of a comparison from another's. */
function foldedWords(text: string): Set<string> {
  return new Set(foldVi(text).toLowerCase().match(/[a-z0-9&]+/g) ?? []);
}

/**
 * The sides of a comparison named by number, in the order named. The question's opening (up to the first number)
 * states what is compared and is every side's; the words between one number and the next are that next side's
 * own, left out of the others' topics.
 */
function compareParts(text: string, resolved: { alias: { start: number; end: number } }[], named: NamedDocument[], topic: string): QuestionFrame["parts"] {
  const sides = named.map((n, i) => ({ n, alias: resolved[i]!.alias })).filter((x) => x.n.status === "corpus" && x.n.documentIds.length);
  if (sides.length < 2 || named.length !== resolved.length) return [];
  const segments = sides.map((x, i) => text.slice(i === 0 ? 0 : sides[i - 1]!.alias.end, x.alias.end));
  const own = segments.map(foldedWords);
  return sides.map((x, i) => {
    const others = new Set<string>();
    own.forEach((words, j) => {
      if (j === i || j === 0) return;
      for (const w of words) if (!own[i]!.has(w)) others.add(w);
    });
    const mine = topic.split(/\s+/).filter((w) => !others.has(foldVi(w).toLowerCase().replace(/[^a-z0-9&]/g, "")));
    return { documentIds: x.n.documentIds, topic: mine.join(" ") };
  });
}
