/**
 * Excerpts written for the generator tests: a central conclusion in the shape of Kết luận 69 (a lead-in, headed
 * groups of tasks, a part that assigns them) and a provincial plan that copies some of its sentences and changes
 * others. Plain ParsedDocument data, no parser involved.
 */
import { Knowledge } from "../../src/assistant/knowledge.js";
import type { ParsedDocument } from "../../src/domain/model.js";

const base = { recipients: [], links: [], noise: [], references: [] };

export function conclusion(): ParsedDocument {
  return {
    ...base,
    id: "kl-5",
    file: "kl-5.md",
    docType: "Kết luận",
    number: "5-KL/TW",
    issuer: "Bộ Chính trị",
    place: "Hà Nội",
    date: "2024-03-01",
    title: "Về phát triển nông nghiệp thông minh",
    signer: { name: "Lê Văn Một", capacity: "T/M Bộ Chính trị", title: "" },
    header: ["Kết luận số 5-KL/TW ngày 01/03/2024 của Bộ Chính trị về phát triển nông nghiệp thông minh"],
    closing: ["T/M BỘ CHÍNH TRỊ", "Lê Văn Một"],
    sections: [
      { path: "", title: null, text: "Sau 8 năm thực hiện chủ trương, nông nghiệp có chuyển biến. Bộ Chính trị yêu cầu tập trung thực hiện tốt một số nhiệm vụ trọng tâm sau:" },
      {
        path: "1",
        title: "Đẩy mạnh chuyển đổi số trong sản xuất nông nghiệp",
        text: [
          "Xây dựng cơ sở dữ liệu đất đai, mùa vụ và thời tiết phục vụ điều hành sản xuất ở từng địa phương.",
          "Hình thành các sàn giao dịch nông sản điện tử, kho lạnh thông minh, trung tâm logistics nông sản, chợ đầu mối hiện đại ở các vùng trọng điểm.",
          "Tăng cường công tác kiểm tra, giám sát, đôn đốc, hướng dẫn việc thực hiện.",
        ].join(" "),
      },
      {
        path: "2",
        title: "Phát triển nguồn nhân lực cho nông thôn mới",
        text: [
          "Đào tạo nghề cho lao động nông thôn gắn với nhu cầu tuyển dụng của doanh nghiệp chế biến.",
          "Mở lớp bồi dưỡng cho nông dân trẻ, thanh niên dân tộc thiểu số, cán bộ khuyến nông cơ sở, phụ nữ vùng cao tại các huyện nghèo.",
          "Thu hút kỹ sư trẻ, chuyên gia nông học, nhà khoa học đầu ngành về làm việc tại các hợp tác xã kiểu mới.",
          "Xây dựng mạng lưới trường nghề nông nghiệp, trung tâm khuyến nông, viện giống cây trồng, vườn ươm doanh nghiệp nông nghiệp trên cả nước.",
          "Khuyến khích thanh niên khởi nghiệp từ mô hình trang trại sinh thái gắn với du lịch cộng đồng.",
        ].join(" "),
      },
      {
        path: "3",
        title: "Hoàn thiện chính sách đất đai và tín dụng",
        text: [
          "Tổ chức thực hiện tốt Chiến lược phát triển nông nghiệp bền vững đến năm 2030 gắn với quy hoạch vùng.",
          "Khuyến khích tích tụ ruộng đất để sản xuất hàng hoá quy mô lớn theo chuỗi giá trị.",
          "Mở rộng tín dụng ưu đãi cho hộ nông dân đầu tư nhà màng, tưới tiết kiệm và giống chất lượng cao.",
          "Đến năm 2030, tỷ lệ diện tích canh tác được tích tụ để sản xuất hàng hoá đạt khoảng 40%.",
        ].join(" "),
      },
      {
        path: "4",
        title: "Tổ chức thực hiện",
        text: [
          "- Ban cán sự đảng Chính phủ chỉ đạo xây dựng chương trình hành động thực hiện Kết luận; bố trí đủ nguồn lực cho các dự án trọng điểm.",
          "- Đảng đoàn Quốc hội chỉ đạo rà soát, sửa đổi các luật về đất đai và tín dụng nông nghiệp.",
          "- Ban Kinh tế Trung ương chủ trì, phối hợp với các cơ quan liên quan theo dõi, kiểm tra, định kỳ báo cáo Bộ Chính trị kết quả thực hiện Kết luận này.",
        ].join("\n"),
      },
    ],
    assignments: [
      { section: "4", assignee: "Ban cán sự đảng Chính phủ", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: "chỉ đạo xây dựng chương trình hành động thực hiện Kết luận; bố trí đủ nguồn lực cho các dự án trọng điểm." },
      { section: "4", assignee: "Đảng đoàn Quốc hội", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: "chỉ đạo rà soát, sửa đổi các luật về đất đai và tín dụng nông nghiệp." },
      {
        section: "4",
        assignee: "Ban Kinh tế Trung ương",
        role: "chủ trì",
        partners: ["các cơ quan liên quan"],
        reportTo: "Bộ Chính trị",
        deadline: null,
        task: "chủ trì, phối hợp với các cơ quan liên quan theo dõi, kiểm tra, định kỳ báo cáo Bộ Chính trị kết quả thực hiện Kết luận này.",
      },
    ],
  };
}

/** A provincial plan: copies the blank's sentence with another year, and assigns tasks to provincial bodies. */
export function provincialPlan(): ParsedDocument {
  return {
    ...base,
    id: "kh-9",
    file: "kh-9.md",
    docType: "Kế hoạch",
    number: "9-KH/TU",
    issuer: "Tỉnh ủy Lâm Hà",
    place: "Lâm Hà",
    date: "2024-04-02",
    title: "Thực hiện Kết luận số 5-KL/TW",
    signer: { name: "Phạm Thị Hai", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" },
    header: ["TỈNH ỦY LÂM HÀ", "Số 9-KH/TU", "Lâm Hà, ngày 02 tháng 4 năm 2024"],
    closing: ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phạm Thị Hai"],
    references: [{ number: "5-KL/TW", docType: "Kết luận", date: "2024-03-01", issuer: "Bộ Chính trị", relation: "implements" }],
    sections: [
      { path: "", title: null, text: "Thực hiện Kết luận số 5-KL/TW ngày 01/03/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:" },
      {
        path: "1",
        title: "Nhiệm vụ",
        text: [
          // The same place as in the conclusion, with 2035: a distractor 2035 there would be right in this plan.
          "Tổ chức thực hiện tốt Chiến lược phát triển nông nghiệp bền vững đến năm 2035 gắn với quy hoạch tỉnh.",
          "Hình thành các sàn giao dịch nông sản điện tử, kho lạnh thông minh, trung tâm dữ liệu nông nghiệp, chợ đầu mối hiện đại của tỉnh.",
        ].join(" "),
      },
      {
        path: "2",
        title: "Tổ chức thực hiện",
        text: [
          "- Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Kết luận trên các phương tiện thông tin đại chúng.",
          "- Sở Nông nghiệp và Phát triển nông thôn xây dựng cơ sở dữ liệu mùa vụ của tỉnh.",
        ].join("\n"),
      },
    ],
    assignments: [
      { section: "2", assignee: "Ban Tuyên giáo Tỉnh ủy", role: "chủ trì", partners: [], reportTo: null, deadline: null, task: "chủ trì tuyên truyền Kết luận trên các phương tiện thông tin đại chúng." },
      { section: "2", assignee: "Sở Nông nghiệp và Phát triển nông thôn", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: "xây dựng cơ sở dữ liệu mùa vụ của tỉnh." },
    ],
  };
}

/** A plan whose task rows carry deadlines (as a task table gives them). */
export function timedPlan(): ParsedDocument {
  const row = (assignee: string, task: string, deadline: string) => ({ section: "2", assignee, role: "thực hiện" as const, partners: [], reportTo: null, deadline, task });
  return {
    ...base,
    id: "kh-12",
    file: "kh-12.md",
    docType: "Kế hoạch",
    number: "12/KH-UBND",
    issuer: "Ủy ban nhân dân tỉnh Lâm Hà",
    place: "Lâm Hà",
    date: "2025-01-10",
    title: "Triển khai nông nghiệp thông minh năm 2025",
    signer: null,
    header: ["ỦY BAN NHÂN DÂN TỈNH LÂM HÀ", "Số: 12/KH-UBND"],
    closing: [],
    sections: [
      { path: "1", title: "Mục tiêu", text: "Đưa dữ liệu mùa vụ của toàn tỉnh lên một nền tảng dùng chung." },
      {
        path: "2",
        title: "Nhiệm vụ",
        text: [
          "Sở Nông nghiệp và Môi trường hoàn thành cơ sở dữ liệu mùa vụ toàn tỉnh, thời hạn Quý I/2025.",
          "Sở Khoa học và Công nghệ vận hành sàn giao dịch nông sản điện tử của tỉnh, thời hạn Tháng 9/2025.",
          "Sở Tài chính bố trí kinh phí duy trì nền tảng dữ liệu dùng chung, thời hạn Năm 2026.",
          "Sở Nội vụ đánh giá hiệu quả mô hình hợp tác xã số, thời hạn trước ngày 15/12/2026.",
        ].join("\n"),
      },
    ],
    assignments: [
      row("Sở Nông nghiệp và Môi trường", "hoàn thành cơ sở dữ liệu mùa vụ toàn tỉnh", "Quý I/2025"),
      row("Sở Khoa học và Công nghệ", "vận hành sàn giao dịch nông sản điện tử của tỉnh", "Tháng 9/2025"),
      row("Sở Tài chính", "bố trí kinh phí duy trì nền tảng dữ liệu dùng chung", "Năm 2026"),
      row("Sở Nội vụ", "đánh giá hiệu quả mô hình hợp tác xã số", "trước ngày 15/12/2026"),
    ],
  };
}

export function excerptKnowledge(): Knowledge {
  return new Knowledge([conclusion(), provincialPlan()]);
}
