/** Small hand-written documents (plain ParsedDocument data) for unit tests of the quiz. */
import { Knowledge } from "../../src/assistant/knowledge.js";
import type { ParsedDocument } from "../../src/domain/model.js";

const base = { recipients: [], links: [], noise: [], references: [] };

export function centralDoc(): ParsedDocument {
  return {
    ...base,
    id: "kl-1",
    file: "kl-1.md",
    docType: "Kết luận",
    number: "1-KL/TW",
    issuer: "Bộ Chính trị",
    place: "Hà Nội",
    date: "2024-01-11",
    title: "Về tiếp tục thực hiện Nghị quyết số 9-NQ/TW",
    signer: { name: "Nguyễn Văn A", capacity: "T/M Bộ Chính trị", title: "" },
    header: ["Kết luận số 1-KL/TW ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 9-NQ/TW"],
    closing: ["T/M BỘ CHÍNH TRỊ", "Nguyễn Văn A"],
    references: [{ number: "9-NQ/TW", docType: "Nghị quyết", date: "2012-11-01", issuer: "Ban Chấp hành Trung ương Đảng khoá XI", relation: "implements" }],
    sections: [
      { path: "", title: null, text: "Bộ Chính trị yêu cầu tập trung thực hiện tốt một số nhiệm vụ trọng tâm sau:" },
      { path: "1", title: "Tăng cường sự lãnh đạo của Đảng đối với thủy lợi nội đồng", text: "Nội dung một." },
      { path: "2", title: "Hoàn thiện chính sách về giống cây trồng bản địa", text: "Nội dung hai." },
      { path: "3", title: "Phát triển hợp tác xã kiểu mới ở vùng cao", text: "Nội dung ba." },
      {
        path: "4",
        title: "Tổ chức thực hiện",
        text: [
          "- Đảng đoàn Quốc hội, Ban cán sự đảng Chính phủ chỉ đạo rà soát, sửa đổi, bổ sung, hoàn thiện văn bản pháp luật có liên quan.",
          "- Ban Tuyên giáo Trung ương chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, kiểm tra, giám sát việc thực hiện Kết luận này.",
        ].join("\n"),
      },
    ],
    assignments: [
      { section: "4", assignee: "Đảng đoàn Quốc hội", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: "chỉ đạo rà soát, sửa đổi, bổ sung, hoàn thiện văn bản pháp luật có liên quan." },
      { section: "4", assignee: "Ban cán sự đảng Chính phủ", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: "chỉ đạo rà soát, sửa đổi, bổ sung, hoàn thiện văn bản pháp luật có liên quan." },
      {
        section: "4",
        assignee: "Ban Tuyên giáo Trung ương",
        role: "chủ trì",
        partners: ["các cơ quan liên quan"],
        reportTo: null,
        deadline: null,
        task: "chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, kiểm tra, giám sát việc thực hiện Kết luận này.",
      },
    ],
  };
}

export function localDoc(): ParsedDocument {
  return {
    ...base,
    id: "cv-7",
    file: "cv-7.md",
    docType: "Công văn",
    number: "7-CV/TU",
    issuer: "Tỉnh ủy Hòa Bình",
    place: "Hòa Bình",
    date: "2024-02-22",
    title: "Về triển khai thực hiện Kết luận số 1-KL/TW",
    signer: { name: "Trần Thị B", capacity: "T/M Ban Thường vụ", title: "Phó Bí thư" },
    header: ["TỈNH ỦY HÒA BÌNH", "Số 7-CV/TU", "Hòa Bình, ngày 22 tháng 02 năm 2024"],
    closing: ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Thị B"],
    references: [{ number: "1-KL/TW", docType: "Kết luận", date: "2024-01-11", issuer: "Bộ Chính trị", relation: "implements" }],
    sections: [
      { path: "", title: null, text: "Thực hiện Kết luận số 1-KL/TW ngày 11/01/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy yêu cầu:" },
      { path: "1", title: "Đảng đoàn Hội đồng nhân dân tỉnh", text: "Lãnh đạo việc hoàn thiện chính sách về giống cây trồng của tỉnh." },
      { path: "2", title: "Ban Tuyên giáo Tỉnh ủy", text: "Chủ trì, phối hợp với các cơ quan liên quan theo dõi, kiểm tra việc thực hiện Kết luận số 1-KL/TW." },
      { path: "3", title: "Sở Nông nghiệp và Phát triển nông thôn", text: "Hướng dẫn các huyện xây dựng mô hình hợp tác xã kiểu mới." },
    ],
    assignments: [
      { section: "1", assignee: "Đảng đoàn Hội đồng nhân dân tỉnh", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: "Lãnh đạo việc hoàn thiện chính sách về giống cây trồng của tỉnh." },
      {
        section: "2",
        assignee: "Ban Tuyên giáo Tỉnh ủy",
        role: "chủ trì",
        partners: ["các cơ quan liên quan"],
        reportTo: null,
        deadline: null,
        task: "Chủ trì, phối hợp với các cơ quan liên quan theo dõi, kiểm tra việc thực hiện Kết luận số 1-KL/TW.",
      },
      { section: "3", assignee: "Sở Nông nghiệp và Phát triển nông thôn", role: "thực hiện", partners: [], reportTo: null, deadline: null, task: "Hướng dẫn các huyện xây dựng mô hình hợp tác xã kiểu mới." },
    ],
  };
}

export function smallKnowledge(): Knowledge {
  return new Knowledge([centralDoc(), localDoc()]);
}
