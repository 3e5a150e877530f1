/**
 * Understanding, as a table: questions written from the documents (corpus/, ../shared/corpus-extra,
 * ../shared/corpus-dev) in three phrasings each — formal, chat-typed, without diacritics — and what the frame must
 * read from them: the ask, the scope (which documents, named how, in the corpus or only cited), the topic.
 */
import { fileURLToPath } from "node:url";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { Knowledge } from "../../src/assistant/knowledge.js";
import { loadCorpus } from "../../src/corpus/index.js";
import { expandChat } from "../../src/understand/chat.js";
import { understand } from "../../src/understand/frame.js";
import { foldedQuestion, readAsks } from "../../src/understand/asks.js";
import { foldVi } from "../../src/text/vietnamese.js";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
let kb: Knowledge;

beforeAll(async () => {
  const { documents } = await loadCorpus([root("corpus"), root("../shared/corpus-extra"), root("../shared/corpus-dev")], { metadataDir: root("metadata") });
  kb = await buildIndex(documents, embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-frame-"))));
}, 60_000);

const frame = (q: string, history: { question: string; answer: string }[] = []) => understand(q, history, kb);
const numbers = (q: string) => frame(q).scope.documentIds.map((id) => kb.byId.get(id)?.number ?? kb.byId.get(id)?.issuer);

describe("the ask", () => {
  const cases: [string, string[], string][] = [
    // [ask expected first or among, phrasings…]
    ["meta", ["Ai ký Quyết định 2597/QĐ-TTg?", "qd 2597 ai ki", "nguoi ky quyet dinh 2597 la ai"], "signer"],
    ["meta", ["Kế hoạch 552/KH-UBND được ban hành ngày nào?", "kh 552 ban hanh ngay nao vay", "ke hoach 552 ban hanh vao ngay nao"], "date"],
    ["meta", ["Kết luận 07-KL/VPTW do cơ quan nào ban hành?", "kl 07 do cq nao ban hanh", "ket luan 07 do co quan nao ban hanh"], "issuer"],
    ["meta", ["Công văn 844-CV/ĐU được gửi tới những ai?", "cv 844 gui cho ai", "cong van 844 gui cho nhung co quan nao"], "recipients"],
  ];
  for (const [ask, phrasings, field] of cases) {
    for (const q of phrasings) {
      it(`${ask}/${field}: ${q}`, () => {
        const f = frame(q);
        expect(f.asks).toContain(ask);
        expect(f.meta).toContain(field);
      });
    }
  }

  const asks: [string, string[]][] = [
    ["who", ["Cơ quan nào chủ trì xây dựng kho dữ liệu BIM quốc gia theo Quyết định 2597?", "qd 2597 co quan nao chu tri kho du lieu bim", "ai chu tri xay dung kho du lieu BIM quoc gia"]],
    ["when", ["Theo Kế hoạch 552, Sở Khoa học và Công nghệ tổng hợp báo cáo trước ngày nào hằng năm?", "kh552 so khcn bc truoc ngay nao", "thoi han bao cao cua so khoa hoc va cong nghe dong thap la khi nao"]],
    ["count", ["Phụ lục của Kế hoạch 552 có bao nhiêu nhiệm vụ?", "phu luc kh 552 co bao nhiu nv", "phu luc ke hoach 552 gom may nhom nhiem vu"]],
    ["compare", ["Kế hoạch 310 và Kế hoạch 552 khác nhau thế nào về hạn báo cáo?", "han bc kh310 vs kh552 khac nhau ntn", "so sanh han bao cao cua ke hoach 310 va ke hoach 552"]],
    ["chain-up", ["Kế hoạch 144 căn cứ vào những văn bản nào?", "kh 144 can cu vb nao", "ke hoach 144 thuc hien van ban nao"]],
    ["chain-down", ["Những văn bản nào thực hiện Kết luận 69?", "vb nao thuc hien kl 69", "nhung van ban nao trien khai ket luan 69"]],
    ["list", ["Quan điểm của Kế hoạch 144 gồm những nội dung nào?", "kh 144 co nhung quan diem nao", "liet ke cac quan diem cua ke hoach 144"]],
    ["yesno", ["Chia sẻ dữ liệu giữa các cơ quan đảng có thu phí không?", "chia se du lieu co thu phi ko", "chia se du lieu giua co quan dang co thu phi khong"]],
  ];
  for (const [ask, phrasings] of asks) {
    for (const q of phrasings) {
      it(`${ask}: ${q}`, () => expect(frame(q).asks).toContain(ask));
    }
  }

  it("a value asked with 'bao nhiêu phần trăm' or 'cấp mấy' is no count", () => {
    expect(frame("Nghị quyết 20 đặt mục tiêu đầu tư bao nhiêu phần trăm GDP?").asks).not.toContain("count");
    expect(frame("Đến năm 2026 BIM bắt buộc với công trình từ cấp mấy trở lên?").asks).not.toContain("count");
    expect(frame("kh 552 han thang may, so nao chu tri").asks).not.toContain("count");
    // A task's deadline is no document date: "… phải được ban hành khi nào", "mốc … là năm nào".
    expect(frame("Theo Quyết định 2597/QĐ-TTg, quy chuẩn BIM phải được ban hành khi nào?").meta).not.toContain("date");
    expect(frame("Mốc hoàn thành kho dữ liệu BIM theo Quyết định 2597/QĐ-TTg là năm nào?").meta).not.toContain("date");
    // "đến năm nào …": by when a target is reached.
    expect(frame("qd 2597 den nam nao xoa het ho so giay").meta).not.toContain("date");
    expect(frame("Quyết định 2597/QĐ-TTg được ban hành khi nào?").meta).toContain("date");
    expect(frame("kh 552 giao may so chu tri").asks).toContain("count");
  });

  it("a year or an issue asked of what a task does or makes is no question about the document's date", () => {
    // A value asked besides: the year is that value's.
    expect(frame("Theo Kế hoạch 552/KH-UBND, vốn điều lệ của quỹ được nâng lên bao nhiêu và vào năm nào?").meta).not.toContain("date");
    // Who does a task, and when its product is issued.
    expect(frame("Theo Kế hoạch 552/KH-UBND, đơn vị nào xây dựng bộ tiêu chí chuyển đổi số và ban hành khi nào?").meta).not.toContain("date");
    // (The document's own date, asked bare or beside its issuer, still is.)
    expect(frame("Kế hoạch 552/KH-UBND ngày nào?").meta).toContain("date");
    expect(frame("Kế hoạch 552/KH-UBND do cơ quan nào ban hành, ban hành khi nào?").meta).toEqual(expect.arrayContaining(["issuer", "date"]));
  });

  it("'sở nào' is no question about a document's number, even though it folds like 'số nào'", () => {
    expect(frame("Ở Bắc Ninh, sở nào được giao chủ trì tích hợp IoT?").meta).not.toContain("number");
    expect(frame("Báo cáo tổng kết 10 năm là báo cáo số mấy?").meta).toContain("number");
  });

  it("'số' after a noun is 'digital' ('hạ tầng số nào'), no question about a document's number", () => {
    for (const q of ["Kế hoạch 310 ưu tiên phát triển hạ tầng số nào?", "kh 310 uu tien ha tang so nao", "Quyết định 2597 chuyển đổi số gì trong ngành xây dựng?"]) {
      expect(frame(q).meta, q).not.toContain("number");
    }
    expect(frame("Quyết định phê duyệt Đề án chuyển đổi số ngành xây dựng là quyết định số mấy?").meta).toContain("number");
  });

  it("the signer's title, receivers named by two kinds, documents asked for with words between", () => {
    for (const q of ["Người ký Quyết định 2597 giữ chức vụ gì?", "qd 2597 duoc ky voi chuc vu gi", "qd 2597 ai kys"]) expect(frame(q).meta, q).toContain("signer");
    for (const q of ["Kế hoạch 552 được gửi tới những cơ quan, đơn vị nào?", "kh 552 gui cac co quan don vi nao"]) expect(frame(q).meta, q).toContain("recipients");
    expect(frame("Văn bản nào được ban hành để căn cứ hoặc thực hiện Kết luận 69?").asks).toContain("cited-by");
    expect(frame("Văn bản nào hướng dẫn các sở, ngành, địa phương triển khai Quyết định 2597?").asks).toContain("chain-down");
    // The issuer asked about, at length, between "văn bản nào của" and what it carries out.
    expect(frame("Văn bản nào của Ban Tuyên giáo Thành ủy Từ Sơn hướng dẫn các chi bộ, đảng bộ triển khai Kết luận 69?").asks).toContain("chain-down");
    // …but "căn cứ văn bản nào của X để hướng dẫn thực hiện Y" asks what X's text rests on.
    expect(frame("Ban Tuyên giáo Thành ủy Từ Sơn căn cứ văn bản nào của Ban Tuyên giáo Tỉnh ủy để hướng dẫn thực hiện Kết luận 69?").asks).not.toContain("chain-down");
  });

  it("a task's deadline ('trước ngày nào') is no question about the document's date", () => {
    expect(frame("Kết luận 07 yêu cầu giải quyết kiến nghị trước ngày nào?").meta).not.toContain("date");
  });
});

describe("the scope", () => {
  it("documents named by number, alias or chat form, whatever the typing", () => {
    for (const q of ["Quyết định 2597/QĐ-TTg giao Bộ Tài chính việc gì?", "qđ 2597 giao bo tai chinh viec gi", "quyet dinh so 2597 giao bo tai chinh viec gi"]) {
      expect(numbers(q), q).toEqual(["2597/QĐ-TTg"]);
    }
    expect(numbers("KL 69 yêu cầu gì về thị trường khoa học và công nghệ?")).toEqual(["69-KL/TW"]);
    expect(numbers("nq20 giao ai chi dao sua doi luat")).toEqual(["20-NQ/TW"]);
  });

  it("a place and a type name one document; a place alone all of that place's", () => {
    expect(numbers("Kế hoạch của Đồng Tháp giao ai chủ trì?")).toEqual(["552/KH-UBND"]);
    expect(numbers("ke hoach cua ha noi ve 5g")).toEqual(["310/KH-UBND"]);
    expect(numbers("Hướng dẫn của Từ Sơn căn cứ văn bản nào?")).toEqual(["Ban Tuyên giáo Thành ủy Từ Sơn"]);
  });

  it("a number named as what is carried out is the topic, not the scope ('… thực hiện Kết luận 69')", () => {
    const f = frame("Công đoàn ngành giáo dục có nhiệm vụ gì trong việc thực hiện Kết luận 69?");
    expect(f.scope.named[0]).toMatchObject({ role: "topic", status: "corpus" });
    expect(f.scope.documentIds).toEqual([]);
    // Coordinated numbers share that role.
    const both = frame("Ban Tuyên giáo Từ Sơn phối hợp với ai theo dõi việc thực hiện Nghị quyết 20 và Kết luận 69?");
    expect(both.scope.named.map((n) => n.role)).toEqual(["topic", "topic"]);
  });

  it("tells a document in the corpus from one only cited and one unknown", () => {
    const status = (q: string) => frame(q).scope.named.map((n) => n.status);
    expect(status("Kết luận 69 yêu cầu gì?")).toEqual(["corpus"]);
    expect(status("Nghị quyết 57-NQ/TW có những nội dung gì?")).toEqual(["referenced"]);
    expect(status("Nghị quyết 999-NQ/TW nói gì?")).toEqual(["unknown"]);
  });

  it("a number's own codes name no document of the corpus (QĐ-TTg is no question about the Thủ tướng's decision)", () => {
    expect(frame("Quyết định 1132/QĐ-TTg đặt ra chỉ tiêu gì?").scope.documentIds).toEqual([]);
  });

  it("a follow-up that names nothing keeps the previous turn's documents; 'còn X thì sao' asks again of X", () => {
    const history = [{ question: "Ai ký Công văn 2018-CV/TU?", answer: "Đồng chí Đặng Ngọc Huy [1]." }];
    expect(frame("Ngày nào?", history).scope).toMatchObject({ fromHistory: true });
    const again = frame("Còn Công văn 844-CV/ĐU thì sao?", history);
    expect(again.text).toContain("844-CV/ĐU");
    expect(again.meta).toContain("signer");
  });

  it("a chat's own scope applies to questions that name no document", () => {
    const f = understand("Sở Tài chính được giao những việc gì?", [], kb, { locality: "Đồng Tháp" });
    expect(f.scope.fromChat).toBe(true);
    expect(f.scope.documentIds.map((id) => kb.byId.get(id)!.number)).toEqual(expect.arrayContaining(["552/KH-UBND", "2597/QĐ-TTg"]));
    expect(f.scope.documentIds.map((id) => kb.byId.get(id)!.number)).not.toContain("144/KH-UBND");
  });
});

describe("the topic and the body asked about", () => {
  it("the words that name a document are not topic words", () => {
    expect(frame("Kế hoạch 552 của Đồng Tháp đặt mục tiêu gì về nông nghiệp?").topic).not.toMatch(/552|Đồng Tháp|Kế hoạch/);
    // The plan a decision issues, named through the decision: "ban hành kèm" goes with the number it designates.
    for (const q of ["Theo Kế hoạch ban hành kèm Quyết định 2597/QĐ-TTg, cơ quan nào xây dựng kho dữ liệu BIM?", "Kế hoạch ban hành tại Quyết định 2597 giao ai xây dựng kho dữ liệu BIM?"]) {
      expect(frame(q).topic).not.toMatch(/Kế hoạch|ban hành|kèm|tại|Quyết định|2597/);
      expect(frame(q).topic).toMatch(/kho dữ liệu BIM/);
    }
  });

  it("a document's own date after its number, and its issuer with 'Ban Thường vụ', name it too", () => {
    for (const q of ["Kế hoạch số 552/KH-UBND ngày 20/3/2025 của Ban Thường vụ Tỉnh ủy Đồng Tháp giao Sở Tài chính làm gì?", "Kế hoạch 552, ngày 20 tháng 3 năm 2025 của UBND tỉnh Đồng Tháp giao Sở Tài chính làm gì?"]) {
      const t = frame(q).topic;
      expect(t).not.toMatch(/20\/3\/2025|tháng 3|Ban Thường vụ|Tỉnh ủy|UBND/);
      expect(t).toMatch(/Sở Tài chính/);
    }
    // A town's Party committee names its plan the same way.
    expect(frame("Kế hoạch số 552/KH-UBND ngày 20/3/2025 của Ban Thường vụ Thị ủy Đồng Tháp giao Sở Tài chính làm gì?").topic).not.toMatch(/Thường vụ|Thị ủy/);
    // A date the question asks about is the topic's: "trước ngày 15/4/2025" does not follow the number.
    expect(frame("Kế hoạch 552 yêu cầu hoàn thành trước ngày 15/4/2025 những việc gì?").topic).toMatch(/15\/4\/2025/);
  });

  it("a type asked for, typed without marks ('… can cu chi thi nao cua ttg'), names no document in scope", () => {
    const f = frame("qd 2597 can cu nghi quyet nao cua chinh phu");
    expect(f.scope.documentIds.map((id) => kb.byId.get(id)?.number)).toEqual(["2597/QĐ-TTg"]);
    expect(f.scope.typesAsked).toEqual(["Nghị quyết"]);
  });

  it("the number's issuer code typed after it names the document ('qd 2597 ttg …', 'kh 552 ubnd …')", () => {
    expect(frame("qd 2597 ttg giao bo xay dung lam gi").topic).not.toMatch(/ttg/);
    expect(frame("kh 552 ubnd giao so tai chinh lam gi").topic).not.toMatch(/ubnd/);
    // A word after the number that is no code of it stays ("kh 552 tai chinh …").
    expect(frame("kh 552 tai chinh bo tri bao nhieu").topic).toMatch(/tai chinh/);
  });

  it("a 'về …' after the document's name that repeats its own title names it too; a place-less level is read", () => {
    const t = frame("Kế hoạch 144/KH-UBND của UBND tỉnh Bắc Ninh về phát triển kinh tế số và xã hội số có bao nhiêu chỉ tiêu?").topic;
    expect(t).not.toMatch(/phát triển|xã hội số/);
    expect(t).toMatch(/có bao nhiêu chỉ tiêu/);
    // Words of the title asked about in their own right stay: the "về" run stops at the first word not in the title.
    expect(frame("Kế hoạch 144 về hạ tầng 5G có bao nhiêu trạm?").topic).toMatch(/hạ tầng 5G/);
    // With nothing left the question is about the title itself.
    expect(frame("Kế hoạch 144 về phát triển kinh tế số").topic).toMatch(/kinh tế số/);
    expect(frame("kh cua tinh giao so tai chinh lam gi").scope.localLevel).toBe(true);
    expect(frame("Chương trình của Tỉnh ủy giao Ban Tuyên giáo làm gì?").scope.localLevel).toBe(true);
    expect(frame("Hội nghị công tác văn phòng tỉnh ủy, thành ủy tổ chức ngày nào?").scope.localLevel).toBe(false);
    expect(frame("Kế hoạch của tỉnh Bắc Ninh giao Sở Tài chính làm gì?").scope.localLevel).toBe(false);
    expect(frame("Chính phủ giao Bộ Tài chính làm gì?").scope.localLevel).toBe(false);
  });

  it("a referenced number followed by a plan's type and whose it is ('kl69 cv của tỉnh ủy …') is what the plan carries out", () => {
    const f = frame("kl69 cv cua tinh uy quang ngai giao dang doan hdnd lam gi");
    expect(f.scope.named.find((n) => n.alias.toLowerCase().includes("69"))?.role).toBe("topic");
    expect(numbers("kl69 cv cua tinh uy quang ngai giao dang doan hdnd lam gi")).toContain("2018-CV/TU");
  });

  it("'ở những địa phương nào' asks where, not which body", () => {
    expect(frame("Quyết định 2597 thí điểm kho dữ liệu BIM ở những địa phương nào?").asks).not.toContain("who");
    expect(frame("Địa phương nào chủ trì thí điểm kho dữ liệu BIM?").asks).toContain("who");
  });

  it("'ban hành ngày nào, về việc gì?' asks the date and the subject line; 'Giáo dục', 'Tuyên giáo' assign nothing", () => {
    const read = (q: string) => readAsks(foldedQuestion(foldVi(q)), q, true);
    expect(read("Công văn số 5128/SGDĐT-KHCNTT của Sở Giáo dục và Đào tạo ban hành ngày nào, về việc gì?")).toMatchObject({ meta: ["date", "title"] });
    expect(read("Công văn 5128 của Sở Giáo dục và Đào tạo ban hành ngày nào?").asks).not.toContain("who");
    expect(read("Quyết định 2597/QĐ-TTg ban hành ngày nào, về nội dung gì?")).toMatchObject({ meta: ["date", "title"] });
    // "sơ kết … năm nào": when the review the text sets is held, not the document's date.
    expect(read("tinh uy so ket nq 05 nam nao").meta).not.toContain("date");
    // "Văn bản nào … lấy làm căn cứ?": what the plan is based on; "… là qđ số mấy": the number, typed short.
    expect(read("Văn bản nào của Bộ Khoa học và Công nghệ được Kế hoạch 186/KH-UBND lấy làm căn cứ?").asks).toContain("chain-up");
    expect(read("chuong trinh hanh dong cua bo khcn la qd so may").meta).toContain("number");
    // Typed without marks, a short type the chat expands ("qd" → "quyết định") leaves the number asked.
    expect(frame("chuong trinh hanh dong cua chinh phu la nq so may").meta).toContain("number");
    expect(read("Kế hoạch 35 giao Sở Giáo dục và Đào tạo những việc gì?").asks).toContain("who");
    // A period ("báo cáo 6 tháng … ngày nào") is no count of things asked for ("ba nhiệm vụ nào").
    expect(read("Số liệu của báo cáo 6 tháng được tính từ ngày nào đến ngày nào?").asks).not.toContain("list");
    expect(read("Kế hoạch nêu ba nhiệm vụ trọng tâm nào?").asks).toContain("list");
    // "chốt số liệu … ngày nào" of a document named: a day the text sets, not the date the document bears.
    expect(read("hd 29 chot so lieu danh gia cds vao ngay nao").meta).not.toContain("date");
    expect(read("hd 29 ban hanh ngay nao").meta).toContain("date");
    // "báo cáo 87 … ngày nào" names the report; "… báo cáo kết quả ngày nào" is a report to make.
    expect(read("bao cao 87 cua xa dak po ngay nao, ai ky").meta).toEqual(expect.arrayContaining(["date", "signer"]));
    expect(read("kh 12 xa bao cao ket qua ngay nao").meta).not.toContain("date");
    // What a meeting was about is a topic, not the document asked about.
    expect(frame("Những cơ quan nào tham dự cuộc họp do Phó Thủ tướng chủ trì về Nghị quyết 57?").scope.named.map((n) => n.role)).toEqual(["topic"]);
    expect(frame("Nghị quyết 57 có những nội dung chính nào?").scope.named.map((n) => n.role)).toEqual(["subject"]);
    // "… đưa … vào kiểm tra, giám sát năm nào": the year of a task the text sets.
    expect(read("nq 143 ubkt dua nd nghi quyet vao kiem tra giam sat nam nao").meta).not.toContain("date");
    // "Ban Tuyên giáo" typed without marks is the body asked about, not a body that assigns.
    expect(frame("kl 69 giao ban tuyen giao lam gi").body).toBe("ban tuyen giao");
  });

  it("a body whose name is complete in one word or two ('Tỉnh đoàn', 'UBND các xã'), as typed in chat", () => {
    expect(frame("tb745 tu giao tinh doan lam gi").body).toBe("tinh doan");
    expect(frame("kh 96 giao ubnd cac xa lam gi").body).toBe("ubnd cac xa");
    expect(frame("Tỉnh đoàn có nhiệm vụ gì theo Thông báo 745?").body).toBe("Tỉnh đoàn");
    expect(frame("Ban Thường vụ Tỉnh đoàn có nhiệm vụ gì?").body).toBe("Ban Thường vụ Tỉnh đoàn");
    expect(frame("Công văn 905 yêu cầu Sở Y tế báo cáo gì?").body).toBe("Sở Y tế");
    expect(frame("Công văn 905 đôn đốc Sở Y tế hoàn thành nhiệm vụ nào?").body).toBe("Sở Y tế");
    // A committee right after the number is the document's issuer as cadres write it; another body there is asked.
    expect(frame("tong kinh phi thuc hien kh 130 ubnd tinh la bao nhieu").body).toBeNull();
    expect(frame("kh 130 so noi vu phai lam gi").body).toBe("so noi vu");
  });

  it("a body named right after the document it is asked of, before a verb of its duty; none when it is asked for", () => {
    expect(frame("Theo Kế hoạch 130/KH-UBND, Ban Quản lý Khu kinh tế chủ trì đầu tư Trung tâm dữ liệu khi nào?").body).toBe("Ban Quản lý Khu kinh tế");
    expect(frame("theo kh 130, so khcn chu tri viec gi").body).toBe("so khcn");
    expect(frame("Theo KH 130, sở tài chính phải làm gì?").body).toBe("sở tài chính");
    // A thing to be done, a list of levels, a body asked for: no body named.
    expect(frame("Theo Kế hoạch 130, Trung tâm Đổi mới sáng tạo phải đi vào hoạt động khi nào?").body).toBeNull();
    expect(frame("Chương trình 52 yêu cầu các quận ủy, huyện ủy, đảng ủy trực thuộc hoàn thành kế hoạch trước ngày nào?").body).toBeNull();
    expect(frame("Sở nào chủ trì đầu tư Trung tâm dữ liệu?").body).toBeNull();
    expect(frame("Theo Kế hoạch 130, ban nào chủ trì đầu tư Trung tâm dữ liệu?").body).toBeNull();
    // A name ends before "theo"; the kind alone is the document's issuer said short.
    expect(frame("Hạn các đơn vị gửi báo cáo cho Sở theo Công văn 905 là ngày nào?").body).toBeNull();
    expect(frame("Công văn 905 đôn đốc Sở Y tế theo dõi việc gì?").body).toBe("Sở Y tế");
  });

  it("a body a report proposes to ('kiến nghị Bộ X', 'de xuat so Y cai gi'); 'đề xuất ban hành' names none", () => {
    expect(frame("Báo cáo 27 kiến nghị Bộ Tài chính những nội dung gì?").body).toBe("Bộ Tài chính");
    expect(frame("ninh kieu kien nghi so noi vu cai gi").body).toBe("so noi vu");
    expect(frame("Chương trình 45 yêu cầu hoàn thành việc rà soát, đề xuất ban hành các chính sách đặc thù trong thời gian nào?").body).toBeNull();
  });

  it("the body asked about, and none when the body named is the one asking", () => {
    expect(frame("Kết luận 69 giao Ban Tuyên giáo Đảng ủy Sở Giáo dục và Đào tạo những nhiệm vụ gì?").body).toBe("Ban Tuyên giáo Đảng ủy Sở Giáo dục và Đào tạo");
    expect(frame("Đảng ủy Sở GD&ĐT yêu cầu các chi bộ làm gì?").body).toBeNull();
  });
});

describe("chat forms", () => {
  it("expands abbreviations and keeps document numbers as typed", () => {
    expect(expandChat("kl69 giao dang doan qh, bcs dang cp lam gi")).toBe("kl69 giao dang doan quốc hội, ban cán sự dang chính phủ lam gi");
    expect(expandChat("ko dc vs nv cua so khcn")).toBe("không được với nhiệm vụ cua so khcn");
    expect(expandChat("Nghị quyết 45-NQ/TW của tw")).toBe("Nghị quyết 45-NQ/TW của trung ương");
    // "gd" before "sở" is its director; after it, education.
    expect(expandChat("gd so khcn la ai, pgd so tc la ai")).toBe("giám đốc so khcn la ai, phó giám đốc so tài chính la ai");
    expect(expandChat("so gd giao gi")).toBe("so giáo dục giao gi");
    // "nv" after "bộ"/"sở" is home affairs; alone, a task.
    expect(expandChat("qd1452 bo nv lam gi, so nv co nv gi")).toBe("qd1452 bo nội vụ lam gi, so nội vụ co nhiệm vụ gi");
    expect(expandChat("kh 215 chi tieu gv boi duong, hs dat giai khkt")).toBe("kh 215 chi tieu giáo viên boi duong, học sinh dat giai khoa học kỹ thuật");
    // "AI" in capitals is artificial intelligence; "ai" is who; a question all in capitals is left as typed.
    expect(expandChat("bo gddt ai chu tri khung nang luc AI cho nha giao")).toBe("bo giáo dục và đào tạo ai chu tri khung nang luc trí tuệ nhân tạo cho nha giao");
    expect(expandChat("AI KÝ KẾ HOẠCH 215")).toBe("AI KÝ KẾ HOẠCH 215");
    expect(expandChat("ubkt phai ktra may tcd, sdt dau moi")).toBe("ủy ban kiểm tra phai kiểm tra may tổ chức đảng, số điện thoại dau moi");
    expect(expandChat("3 tdp chua lap to cnscd, doan tn huong dan")).toBe("3 tổ dân phố chua lap to công nghệ số cộng đồng, doan thanh niên huong dan");
    expect(expandChat("thue pm ke toan, hddt")).toBe("thue phần mềm ke toan, hóa đơn điện tử");
    expect(expandChat("nv giam sat attt 4 lop, so hoa tthc, dvctt, nnl so")).toBe("nhiệm vụ giam sat an toàn thông tin 4 lop, so hoa thủ tục hành chính, dịch vụ công trực tuyến, nguồn nhân lực so");
    // Alone, "tn" and "pm" are other words ("tin nhắn", a private message): as typed.
    expect(expandChat("gui tn hoac pm cho toi")).toBe("gui tn hoac pm cho toi");
    expect(expandChat("100% cb cc cap xa, bo tc huong dan tong chi ns, ban tc")).toBe("100% cán bộ, công chức cap xa, bo tài chính huong dan tong chi ngân sách, ban tổ chức");
    expect(expandChat("gui file vao mail nao")).toBe("gui file vao thư điện tử nao");
    // Millions as typed ("180tr", "50 trđ"), and a portal's "cổng ttđt".
    expect(expandChat("hoi dap cong ttdt: cty thue erp 180tr dc ho tro bn")).toBe("hoi dap cong thông tin điện tử: công ty thue erp 180 triệu được ho tro bao nhiêu");
    expect(expandChat("toi da 50 trđ/htx")).toBe("toi da 50 triệu/htx");
    expect(expandChat("tr 5 ghi gi")).toBe("tr 5 ghi gi");
    expect(expandChat("qc cu so may")).toBe("quy chế cu so may");
    expect(expandChat("cbcc theo hd cua btctw")).toBe("cán bộ, công chức theo hướng dẫn cua ban tổ chức trung ương");
    expect(expandChat("kh 552 bc trc ngay nao")).toBe("kh 552 báo cáo trước ngay nao");
    // A short form before a count of months or years names a kind of text, not a document by number.
    expect(expandChat("kh 112 bc 6 thang gui truoc ngay may")).toBe("kh 112 báo cáo 6 thang gui truoc ngay may");
    expect(expandChat("bc 15 cua so khcn")).toBe("bc 15 cua so khcn");
    // A department's initials typed as a word (its document code stays as typed inside a number).
    expect(expandChat("skhcn bao cao ubnd tinh, sgddt gui cv 1186/SGDĐT-VP")).toBe("sở khoa học và công nghệ bao cao ubnd tinh, sở giáo dục và đào tạo gui cv 1186/SGDĐT-VP");
    // Place initials are consonants only: with "Tân Uyên" and "Quảng Ngãi" in the corpus, "từ"/"tu" stay words.
    const places = { get: (i: string) => ({ tu: "Tân Uyên", qn: "Quảng Ngãi" })[i.normalize("NFD").replace(/[\u0300-\u036f]/g, "")] };
    expect(expandChat("Ban Tuyên giáo Thành ủy Từ Sơn giao gì", places)).toBe("Ban Tuyên giáo Thành ủy Từ Sơn giao gì");
    expect(expandChat("tap huan o tu son", places)).toBe("tap huan o tu son");
    expect(expandChat("tinh uy qn giao gi", places)).toBe("tinh uy Quảng Ngãi giao gi");
    // A chat word wins over a place's initials unless a place word comes first.
    const canTho = { get: (i: string) => ({ ct: "Cần Thơ" })[i] };
    expect(expandChat("qd 1268 ai la co quan thuong truc ct", canTho)).toBe("qd 1268 ai la co quan thuong truc chương trình");
    expect(expandChat("kh cua tp ct, kkt", canTho)).toBe("kế hoạch cua thành phố Cần Thơ, khu kinh tế");
    const queGiang = { get: (i: string) => ({ qg: "Quế Giang" })[i] };
    expect(expandChat("ket noi csdl nganh voi csdl qg", queGiang)).toBe("ket noi cơ sở dữ liệu nganh voi cơ sở dữ liệu quốc gia");
    expect(expandChat("kh cua huyen qg", queGiang)).toBe("kế hoạch cua huyen Quế Giang");
    expect(expandChat("cac huyen uy phai xd kh")).toBe("cac huyen uy phai xây dựng kế hoạch");
    expect(expandChat("muc tieu ktso bn % grdp")).toBe("muc tieu kinh tế số bao nhiêu % grdp");
    expect(expandChat("vp tinh uy hop nhat he thong qlvb")).toBe("văn phòng tinh uy hop nhat he thong quản lý văn bản");
    expect(expandChat("mtieu dao tao ky su cns")).toBe("mục tiêu dao tao ky su công nghệ số");
    expect(expandChat("giam sat, phan bien xh")).toBe("giam sat, phan bien xã hội");
    expect(expandChat("bcd cds tphcm gom nhung ai")).toBe("ban chỉ đạo cds thành phố Hồ Chí Minh gom nhung ai");
    expect(expandChat("cv cua so khcn yeu cau gi, giao cv gi")).toBe("công văn cua so khcn yeu cau gi, giao cv gi");
    expect(expandChat("ai ki, dinh ki")).toBe("ai ký, dinh ki");
    // Two-word abbreviations: "dt" and "đh" alone are ambiguous, beside their partner they are not.
    expect(expandChat("bo gd dt co bao nhieu truong dh, so GD&ĐT thi sao")).toBe("bo giáo dục và đào tạo co bao nhieu truong đại học, so giáo dục và đào tạo thi sao");
    expect(expandChat("ctr hđ cua thanh uy, hd cua so")).toBe("chương trình hành động cua thanh uy, hướng dẫn cua so");
    expect(expandChat("dt xa hoi, dh dang")).toBe("dt xa hoi, dh dang");
  });
});
