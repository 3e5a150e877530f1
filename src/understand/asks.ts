/**
 * What a question asks, from its words (folded, lowercase, so typing with or without marks reads the same). One
 * table of patterns per ask, in one place; the frame keeps every ask found, the router decides which answers.
 */

export type Ask =
  | "meta" // who signed, when issued, which number, by whom, to whom
  | "who" // which body leads / partners / reports to
  | "when" // deadline, date of a task
  | "count" // how many
  | "list" // which items
  | "compare" // two documents side by side
  | "yesno"
  | "which-doc" // which document says / assigns …
  | "chain-up" // what a document implements
  | "chain-down" // what implements a document
  | "cited-by" // which documents mention a document
  | "fact";

export type MetaField = "signer" | "date" | "issuer" | "number" | "recipients" | "place" | "title" | "proposer" | "author" | "status" | "field";

/** Folded text padded with spaces, punctuation as spaces: every pattern below matches on word boundaries. */
export function foldedQuestion(folded: string): string {
  return ` ${folded.toLowerCase().replace(/[^a-z0-9/&%-]+/g, " ").replace(/\s+/g, " ").trim()} `;
}

/** Verbs of assigning work: a question with one asks about a task, not about a document's issuer. */
const TASK_VERB = / (chu tri|phoi hop|phu trach|duoc giao|giao cho|chiu trach nhiem|co trach nhiem|tham muu|dieu phoi|chu quan|lam chu quan|dau tu|can lam|phai lam|lam gi|nhiem vu|hoan thanh) /;

/** Who asked a question-and-answer page's question ("là câu hỏi của ai", "người hỏi là ai"): its author field, read
 * from the page's question (folded question, padded). */
export const ASKER_ASKED = / (cau hoi cua ai|nguoi hoi (la )?ai|ai (da )?hoi) /;

const META: [MetaField, RegExp][] = [
  // "kys": "ký" typed in Telex with the tone key left in; "ký với chức vụ gì" asks the signer's title.
  ["signer", / (ai|nguoi nao|dong chi nao|ong nao|ba nao) (da )?kys? | ky boi | nguoi kys? | ky ten | (ai|nguoi) la nguoi ky | do ai kys? | ai dung ten | (ai|nguoi nao) (thay mat|thua lenh|thua uy quyen|ky thay) [a-z ]{0,40}ky | chuc vu [a-z ]{0,40} ky | ky [a-z ]{0,40}chuc vu /],
  // A page's reporter: "bài báo do ai viết", "tác giả bài viết", "phóng viên nào đưa tin".
  // …and a question-and-answer page's reader who asked (ASKER_ASKED).
  ["author", new RegExp(`${/ (ai|nguoi nao|phong vien nao) (viet|dua tin|thuc hien) | do ai viet | tac gia | but danh | phong vien nao /.source}|${ASKER_ASKED.source}`)],
  ["date", / (ban hanh|ky|de|dang|dang tai) (vao )?(ngay|khi|luc|thoi gian|hoi) (nao|bao gio|may)| ban hanh [a-z ]{0,40}(ngay|nam) (nao|may) | ngay ban hanh | thoi gian ban hanh | (ra doi|ban hanh) (khi|luc) nao | ngay thang nam nao | (duoc )?ban hanh (vao )?(nam|thang) nao /],
  ["issuer", / (co quan|don vi|ai|cap|to chuc) nao ban hanh | do (co quan|ai|don vi|cap) nao ban hanh | ai ban hanh | ban hanh boi | co quan ban hanh | cua co quan nao | cua ai | (do )?(ai|co quan nao|don vi nao) (ra|phat hanh) /],
  // Folded, "số nào" and "sở nào" read the same: the number is asked only where "số" was typed (see readAsks).
  ["number", / so hieu | so (may|bao nhieu|nao|la gi) | mang so | (la|co) (bao cao|cong van|nghi quyet|ke hoach|huong dan|ket luan|quyet dinh|quy dinh|chi thi|chuong trinh|van ban|qd|kh|cv|nq|kl|hd|ctr|tb|bc) so (may|bao nhieu|nao) /],
  // "gửi những cơ quan, đơn vị nào": receivers named by one or two kinds before "nào".
  ["recipients", / gui (cho |toi |den )?(ai|nhung ai|dau|nhung dau|(nhung |cac )?(co quan|don vi|doi tuong|noi|to chuc)( (va |hoac )?(co quan|don vi|doi tuong|noi|to chuc|ca nhan)){0,2} nao) | noi nhan | kinh gui | (ai|nhung ai|(nhung |cac )?(co quan|don vi|to chuc)( (va |hoac )?(co quan|don vi|to chuc|ca nhan)){0,2} nao) (duoc )?nhan /],
  ["place", / ban hanh (o|tai) dau | (o|tai) dau ban hanh | noi ban hanh /],
  // "Theo đề nghị của ai / cơ quan nào", "tại tờ trình số mấy": the preamble's "Theo (Xét) đề nghị của …".
  ["proposer", / (theo|xet) de nghi cua (ai|co quan nao|don vi nao|ben nao|nganh nao|so nao|bo nao)| de nghi cua (ai|co quan nao|don vi nao) | to trinh so (may|nao|bao nhieu) | (to trinh|bao cao tham tra)( so)? nao | tren co so (to trinh|de nghi) /],
  // "Báo cáo … về giai đoạn nào?": the period a report covers is in its subject line ("Kết quả … 9 tháng đầu năm 2025").
  // Whether a text is still in force: "còn hiệu lực không", "đã hết hiệu lực chưa", "tình trạng hiệu lực"; and the day
  // of effect a law library's page gives ("trên trang tra cứu, ngày hiệu lực … ghi là ngày nào"). Not the day a text
  // says it takes effect ("có hiệu lực từ ngày nào": answered from the text).
  ["status", / (con|het|da het|con dang|van con) (hieu luc|hl) (khong|ko|k|kg|chua|hay|nua|hay khong|hay chua|hay het) | tinh trang (hieu luc|van ban|cua van ban|phap ly) | hieu luc (hien nay|hien tai|bay gio) | (con|van con) (duoc )?(ap dung|thi hanh) (khong|ko|nua|hay khong) | (trang|tra cuu|thu vien|tvpl|website)( [a-z0-9/-]+){0,12} ngay hieu luc | ngay hieu luc( [a-z0-9/-]+){0,12} (tren trang|tren website|trang tra cuu) /],
  // The fields a law library files a text under: "xếp vào lĩnh vực gì", "văn bản này thuộc lĩnh vực nào". (What the
  // text does in a field, "đào tạo trong những lĩnh vực nào", is its content.)
  ["field", / (xep|phan loai)( [a-z0-9/-]+){0,8} (vao |theo |thuoc )?(nhung |cac )?linh vuc (nao|gi) | (van ban|quyet dinh|qd|nghi quyet|nq|thong tu|tt|ke hoach|kh|trang) (nay |do |tren )?thuoc (nhung |cac )?linh vuc (nao|gi) /],
  ["title", / trich yeu | ten (day du )?(cua )?(van ban|ke hoach|quyet dinh|quy dinh|ket luan|nghi quyet) | ve (viec |noi dung |van de |chu de )?gi $| (bao cao|tong ket|so ket) ve (giai doan|thoi ky|ky) nao /],
];

/** Nouns that "số" (digital) follows as an adjective: "hạ tầng số", "chuyển đổi số", "kinh tế số" (folded). */
const DIGITAL_COMPOUND = / (ha tang|chuyen doi|kinh te|xa hoi|chinh phu|chinh quyen|cong nghe|nen tang|du lieu|ky nang|nhan luc|doanh nghiep|chu ky|van hoa|cong dan|dich vu|do thi|tai san|noi dung|thu vien|ban do|ho so|hoc lieu|giao duc|y te|nong nghiep|du lich|thuong mai|tai chinh|ngan hang|truyen thong|bao chi|quan tri|khong gian|he sinh thai|san pham|giai phap|ung dung|thiet bi|ha tang ky thuat|nang luc|lao dong|nguon nhan luc|cong cu|moi truong|co so du lieu|the gioi|ket noi|ho tro|hoc vu|dinh danh|tri thuc|thong tin|cong dong|gia dinh|danh ba|kho) so /g;

/** Things a cadre counts in these documents (folded). */
const COUNTED = [
  "nhiem vu", "chi tieu", "nhom", "noi dung", "giai phap", "muc", "dieu", "khoan", "van ban", "co quan", "don vi", "hanh vi",
  "linh vuc", "yeu to", "viec", "du an", "de an", "chuong trinh", "ke hoach", "tham luan", "dong chi", "nguoi", "doanh nghiep",
  "quan diem", "muc tieu", "yeu cau", "chuong", "phu luc", "bo", "so", "tinh", "dia phuong", "chinh sach", "san pham",
  "loai", "hinh thuc", "buoc", "giai doan", "cap", "nganh", "tieu chi", "du lieu", "nhom du lieu", "truong hop", "nguyen tac",
  "trach nhiem", "ket qua", "han che", "dot", "hoi nghi", "cuoc", "lop", "ban", "to chuc", "hoat dong", "cong trinh", "tram",
];

const ASKS: [Ask, RegExp][] = [
  // "văn bản nào được ban hành để căn cứ hoặc thực hiện QĐ 538": a few words may come between.
  ["cited-by", / (van ban|nhung van ban|cac van ban|ke hoach|quyet dinh) nao (co )?(nhac|de cap|dan|trich dan|noi|neu|vien dan|can cu) | (van ban|nhung van ban|cac van ban) nao( (?!la |cua |do )[a-z]+){1,5} (nhac den|de cap|dan chieu|trich dan|vien dan|can cu) | (van ban|nhung van ban|cac van ban|nghi dinh|thong tu|quyet dinh|nghi quyet) nao( da)? (sua doi|bo sung|thay the|bai bo|huong dan thi hanh|quy dinh chi tiet) /],
  [
    "chain-down",
    / (van ban|nhung van ban|cac van ban|dia phuong|co quan|don vi|tinh|ke hoach|nghi quyet|chuong trinh|quyet dinh) nao ((cua|do)( (?!de |can cu|dua)[a-z]+){1,6} )?(da )?(thuc hien|trien khai|cu the hoa|ban hanh van ban thuc hien|ban hanh ke hoach) | van ban (thuc hien|trien khai) (ket luan|nghi quyet|chi thi|huong dan|cong van|ke hoach|quyet dinh) | duoc (cac |nhung )?(van ban|dia phuong|tinh) nao (thuc hien|trien khai) | (van ban|cong van|huong dan|ke hoach) nao( (?!la |cua |do )[a-z]+){1,8} (thuc hien|trien khai|cu the hoa) (ke hoach|nghi quyet|ket luan|chi thi|quyet dinh|chuong trinh|cong van|huong dan|kh|nq|kl|qd|cv|so \d|\d) | (?<!can cu )(van ban|nhung van ban|cac van ban) nao (cua|do)( (?!de |can cu|dua)[a-z]+){1,14} (thuc hien|trien khai|cu the hoa) (ke hoach|nghi quyet|ket luan|chi thi|quyet dinh|chuong trinh|cong van|huong dan|kh|nq|kl|qd|cv|so \d|\d) /,
  ],
  [
    "chain-up",
    / (can cu|dua tren|dua vao|xuat phat tu) (vao )?(van ban|dau|nhung van ban|nao|chuong trinh|nghi quyet|ke hoach|quyet dinh|ket luan|luat|nghi dinh|thong bao|.* nao) | (thuc hien|trien khai|cu the hoa)( [a-z]+){0,5} (van ban|theo van ban|nhung van ban|nghi quyet|ket luan|chuong trinh|ke hoach|quyet dinh|chi thi|huong dan|cong van) nao | van ban cap tren | cap tren nao | thuc hien theo (van ban|chi dao) nao | can cu phap ly | (van ban|nghi quyet|ket luan|quyet dinh|ke hoach|chuong trinh|thong bao|chi thi|huong dan) nao (?:\S+ ){0,12}(lay|dung) lam can cu /,
  ],
  ["compare", / so sanh | khac nhau | giong nhau | khac (gi|the nao|nhau the nao) | ca hai | cung (mot )?(ngay|nam|thang|co quan|nguoi) | hai (van ban|ke hoach|quyet dinh) | (khac|giong) (voi|so voi) | lan luot | moi van ban | moi ben | (bao nhieu|ai|khi nao|ngay nao|nam nao) (?:[a-z0-9]+ ){0,4}con (?:[a-z0-9]+ ){1,12}(bao nhieu|ai|khi nao|ngay nao|nam nao) /],
  // "bao nhiêu phần trăm", "bao nhiêu năm" ask a value the text states, not a count of items.
  // A count names what it counts ("bao nhiêu nhiệm vụ", "mấy nhóm"); "cấp mấy", "bao nhiêu phần trăm" ask a value.
  // ("hạn tháng mấy, sở nào chủ trì": "tháng mấy" asks a month, the "sở" after it is another question's.)
  ["count", new RegExp(` (?:bao nhieu|(?<!(?:thang|ngay|nam|gio|quy|tuan|lan) )may|so luong|tong so|tong cong(?: co)?) (?:cac |nhung )?(?:${COUNTED.join("|")}) `)],
  ["when", / khi nao | bao gio | thoi han | han (chot|cuoi|hoan thanh|nop|bao cao)? ?(la )?(khi nao|ngay nao|bao gio|nao)? | truoc ngay (nao|may|bao nhieu) | thoi gian (hoan thanh|thuc hien|trien khai|nao|bao lau) | (?<!(?:cham|dung|vuot|kip) )tien do | (den|trong|vao) (nam|quy|thang) (nao|may) | (nam|quy|thang) (nao|may) | moc thoi gian | bao lau | dinh ky | (ngay|hom) nao | han (?!che )[a-z0-9 /&-]{0,100}(ngay nao|khi nao|bao gio|luc nao|thang nao|ngay may) /],
  [
    "who",
    /(?<!van) ban nao | (ai|co quan nao|don vi nao|so nao|bo nao|nganh nao|to chuc nao|nhung ai|nhung co quan nao|cac co quan nao|cap nao|ben nao) | (?<! o| tai| o nhung| tai nhung| o cac| tai cac) dia phuong nao | (duoc giao|giao cho|(?<!tuyen )giao(?! duc)) .*(nhiem vu|viec|gi) | (co|nhung|cac) nhiem vu (gi|nao) | nhiem vu (cua|gi) | (phai|can|se) lam (gi|nhung gi) | lam gi | trach nhiem (cua|gi) | chiu trach nhiem | phu trach | chu tri | phoi hop | (?<! ve )(?<! v\/v )(nhung |cac )?viec (gi|nao) | duoc (yeu cau|de nghi) /,
  ],
  ["which-doc", / (van ban|ke hoach|quyet dinh|quy dinh|ket luan|nghi quyet|cong van|huong dan|chuong trinh|tai lieu) nao /],
  // "nêu năm yếu tố nào", "3 nhóm giải pháp nào": a number of things asked by name is a list.
  ["list", / (nhung|cac) [a-z ]{2,40} nao | (nhung|cac) [a-z ]{2,30} gi | (hai|ba|bon|nam|sau|bay|tam|chin|muoi|\d{1,2}) (?!nao |thang |nam |ngay |quy |tuan |gio )[a-z]+( [a-z]+){0,4} nao | gom (nhung|co)? ?(gi|nhung|cac) | liet ke | nhung gi | nhung noi dung | nhung nhiem vu | cac nhiem vu | nhung giai phap | nhung muc tieu | nhung yeu cau | gom nhung | bao gom | ke ten /],
  ["yesno", / (co|da|duoc) [a-z0-9 /-]{2,120} (khong|chua) $| (phai|dung|dung vay) khong $| co phai | co dung (la )?/],
];

export interface AskReading {
  asks: Ask[];
  meta: MetaField[];
  /** For "who": which role the question wants. */
  role: "lead" | "partner" | "reportTo" | null;
}

/** Read what a folded question asks. `folded` should come from `foldedQuestion`. */
export function readAsks(folded: string, typed = "", namesDocument = false): AskReading {
  const task = TASK_VERB.test(folded);
  // Typed with marks, "sở nào" (which department) is no "số nào" (which number).
  const marked = /[^\x00-\x7F]/.test(typed);
  // Without marks, "so nao la co quan …", "so nao duoc giao …" is a department asked about.
  const numberTyped = marked
    ? /số\s*(?:hiệu|mấy|bao nhiêu|nào|là gì)|mang số|là\s+\S+(?:\s+\S+)?\s+số|(?:là|la)\s+\S+(?:\s+\S+)?\s+so\s+(?:may|mấy|nao|nào|bao)(?![\p{L}])/iu.test(typed)
    : !/ so nao (la|duoc|chu|phu|co|lam|phai|can|se|tham|thuc|trien|dieu|bao) /.test(folded);
  // "Theo đề nghị của ai?": who proposed it, written in the preamble, not who issued it.
  const proposer = / de nghi cua | to trinh /.test(folded);
  // "hạ tầng số nào", "chuyển đổi số gì": "số" of a digital compound, not a document's number.
  const numberText = folded.replace(DIGITAL_COMPOUND, " $1 ");
  // ("… đăng ngày nào": a page's day of posting, whatever task its words name.)
  const posted = / (duoc )?dang (tai )?(vao )?ngay (nao|may) /.test(folded);
  const meta = META.filter(([field, re]) => re.test(field === "number" ? numberText : folded) && !(task && (field === "issuer" || (field === "date" && !posted))) && !(proposer && field === "issuer") && (field !== "number" || numberTyped)).map(([f]) => f);
  // "trước ngày nào" is a deadline, not the document's date.
  // "Kế hoạch 144 ngày nào?": a bare "ngày nào" of a document named, not of an event ("hội nghị … tổ chức ngày nào").
  // Not of what the document assigns or sets ("… giao thành lập … vào năm nào", "có hiệu lực từ ngày nào").
  // Nor when the question asks a value besides ("… được nâng lên bao nhiêu và vào năm nào": the year of that).
  // ("báo cáo 87 …" names the report: no verb of reporting.)
  const verbs = folded.replace(/ (bao cao|bc) (so )?(?=\d)/g, " ");
  // ("đến năm nào …" asks by when something is reached, a target, never the day the text bears.)
  if (namesDocument && !meta.includes("date") && / ngay (nao|may|thang nao) | (nam|thang) nao /.test(folded) && !/ bao nhieu | (la|lam) gi | den (nam|thang|ngay) (nao|may) /.test(folded) && !/ (to chuc|dien ra|khai mac|hop|hoi nghi|tham luan|xong|hoan thanh|thuc hien|trien khai|lam|dat|bao cao|nop|gui|giao|thanh lap|xay dung|hieu luc|moc|phu song|phai|can|chot|danh gia|tong hop|ket thuc|bat dau|ap dung|dua|kiem tra|giam sat|hop nhat|sap xep|so ket|tong ket|ra soat|cong bo|van hanh|khoi cong) /.test(verbs)) meta.push("date");
  // "tại tờ trình số mấy": the number of the proposal, not of the document.
  // "có hiệu lực từ ngày nào": the effective date the text sets, not the date the document bears.
  // ("… tiêu chí … phải được ban hành khi nào": a task's deadline, not the document's own date.)
  const metaFields = meta.filter((f) => !(f === "date" && / truoc ngay | han | hieu luc | (phai|can|se) (duoc )?ban hanh /.test(folded)) && !(f === "number" && meta.includes("proposer") && / to trinh so /.test(folded)));
  // Folded, "đưa vào" (put into: "đưa vào sử dụng nền tảng nào") reads as "dựa vào" (based on); typed with marks it is
  // not a chain asked, nor without them before a use ("dua vao su dung, van hanh …").
  const putInto = (marked && /đưa\s+vào/iu.test(typed) && !/dựa\s+(?:vào|trên)|căn\s+cứ/iu.test(typed)) || / dua vao (su dung|van hanh|hoat dong|khai thac|ap dung) /.test(folded);
  const asks: Ask[] = ASKS.filter(([a, re]) => re.test(folded) && !(a === "chain-up" && putInto && !re.test(folded.replace(/ dua vao /g, " ")))).map(([a]) => a);
  // "Đơn vị nào xây dựng bộ tiêu chí … và ban hành khi nào?": who does a task, and when its product is issued; not the
  // document's date (a question on the document asks who issued or signed it, not who does something).
  if (asks.includes("who") && metaFields.includes("date") && !metaFields.some((f) => f === "issuer" || f === "signer" || f === "author")) metaFields.splice(metaFields.indexOf("date"), 1);
  if (metaFields.length) asks.unshift("meta");
  // "Kế hoạch 310 và Kế hoạch 552 khác nhau thế nào": the comparison leads; its fields are what is compared.
  const ordered = [...new Set(asks)];
  if (!ordered.length) ordered.push("fact");
  let role: AskReading["role"] = null;
  if (ordered.includes("who")) {
    if (/ (phoi hop|cung|ho tro) /.test(folded) && !/ chu tri /.test(folded)) role = "partner";
    else if (/ bao cao (cho |ve |len |voi )?(ai|dau|co quan nao|don vi nao) | gui (bao cao )?(ve|cho|toi) (ai|dau|co quan nao) /.test(folded)) role = "reportTo";
    else role = "lead";
  }
  return { asks: ordered, meta: metaFields, role };
}
