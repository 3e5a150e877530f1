/** Sources and loggers shared by the LLM tests. */
import { Writable } from "node:stream";
import pino from "pino";
import type { Source } from "../../src/llm/answer.js";

export const CONG_VAN: Source = {
  n: 1,
  citation: {
    documentId: "cv-2018",
    docType: "Công văn",
    number: "2018-CV/TU",
    issuer: "Tỉnh ủy Quảng Ngãi",
    place: "Quảng Ngãi",
    date: "2024-02-22",
    title: "Về việc tiếp tục thực hiện Nghị quyết số 20-NQ/TW",
    section: "3",
    sectionTitle: null,
  },
  text: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc thực hiện Công văn này; định kỳ báo cáo Ban Thường vụ Tỉnh ủy.",
};

export const KE_HOACH: Source = {
  n: 2,
  citation: {
    documentId: "kh-thai-nguyen",
    docType: "Kế hoạch",
    number: null,
    issuer: "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên",
    place: "Thái Nguyên",
    date: "2024-03-05",
    title: "Thực hiện Kết luận số 69-KL/TW",
    section: "II.1",
    sectionTitle: "Nhiệm vụ trọng tâm",
  },
  // A page break inside a sentence, and the "hoá" tone convention, as in real files.
  text: "Tổ chức quán triệt, tuyên truyền sâu rộng Kết luận số 69-KL/TW\n\nđến toàn thể cán bộ, đảng viên trong Đảng bộ Khối; đẩy mạnh chuyển đổi số, hiện đại hoá công tác văn phòng.",
};

export const SOURCES: Source[] = [CONG_VAN, KE_HOACH];

/** A pino logger whose lines are kept in memory, parsed. */
export function memoryLogger(): { logger: pino.Logger; lines: () => { level: number; msg: string; [k: string]: unknown }[]; text: () => string } {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = pino({ level: "debug" }, stream);
  return {
    logger,
    lines: () => raw.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l)),
    text: () => raw.join(""),
  };
}
