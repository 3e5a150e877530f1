/**
 * A small in-memory Assistant with the same interface as the real one, for unit tests and for running the bot
 * process before src/assistant/open.ts exists. It answers by word overlap over a few hand-written sections.
 */
import type {
  AnswerResult,
  AskOptions,
  Assistant,
  AssignmentGroup,
  ChainView,
  Citation,
  DocumentSummary,
  IngestReport,
  SectionView,
} from "../../src/assistant/types.js";
import type { DocType } from "../../src/domain/model.js";

interface FakeSection {
  path: string;
  title: string | null;
  text: string;
}
interface FakeDoc extends DocumentSummary {
  sections: FakeSection[];
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
const words = (s: string) => new Set(fold(s).split(/[^a-z0-9]+/).filter((w) => w.length > 2));

function seedDocs(): FakeDoc[] {
  return [
    {
      id: "kl69",
      docType: "Kết luận",
      number: "69-KL/TW",
      date: "2024-01-11",
      issuer: "Bộ Chính trị",
      place: "Hà Nội",
      title: "Kết luận về tiếp tục thực hiện Nghị quyết số 20-NQ/TW",
      sections: [
        { path: "1", title: null, text: "Tiếp tục quán triệt sâu sắc vai trò của khoa học và công nghệ là quốc sách hàng đầu." },
        { path: "7", title: "Tổ chức thực hiện", text: "Ban Tuyên giáo Trung ương chủ trì, phối hợp tuyên truyền kết luận này." },
      ],
    },
    {
      id: "cv2018",
      docType: "Công văn",
      number: "2018-CV/TU",
      date: "2024-02-22",
      issuer: "Tỉnh ủy Quảng Ngãi",
      place: "Quảng Ngãi",
      title: "Về triển khai thực hiện Kết luận số 69-KL/TW",
      sections: [
        {
          path: "5",
          title: null,
          text: "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan tuyên truyền sâu rộng Kết luận số 69-KL/TW.",
        },
      ],
    },
    {
      id: "khtn",
      docType: "Kế hoạch",
      number: null,
      date: "2024-03-05",
      issuer: "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên",
      place: "Thái Nguyên",
      title: "Kế hoạch thực hiện Kết luận số 69-KL/TW",
      sections: [{ path: "II.1", title: "Nội dung", text: "Các chi bộ tổ chức học tập, quán triệt kết luận trong đảng viên." }],
    },
  ];
}

export class FakeAssistant implements Assistant {
  docs: FakeDoc[] = seedDocs();
  /** Options of the last ask (tests check the follow-up history). */
  lastAsk: { question: string; options?: AskOptions } | undefined;
  /** Make ask slow (ms) or fail, for shutdown and error tests. */
  delayMs = 0;
  failWith: Error | undefined;
  reloads = 0;

  private citation(doc: FakeDoc, section: FakeSection): Citation {
    return {
      documentId: doc.id,
      docType: doc.docType,
      number: doc.number,
      issuer: doc.issuer,
      place: doc.place,
      date: doc.date,
      title: doc.title,
      section: section.path,
      sectionTitle: section.title,
      quote: section.text.slice(0, 120),
    };
  }

  async ask(question: string, options?: AskOptions): Promise<AnswerResult> {
    this.lastAsk = { question, options };
    if (this.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, this.delayMs);
        options?.signal?.addEventListener("abort", () => {
          clearTimeout(t);
          reject(new Error("aborted"));
        });
      });
    }
    if (this.failWith) throw this.failWith;
    const q = words(question);
    const scored = this.docs
      .flatMap((doc) => doc.sections.map((s) => ({ doc, s, score: [...words(s.text + " " + (doc.number ?? ""))].filter((w) => q.has(w)).length })))
      .sort((a, b) => b.score - a.score);
    const best = scored.filter((x) => x.score >= 2).slice(0, 2);
    if (!best.length) {
      return {
        mode: "not_found",
        answer: "Không tìm thấy nội dung này trong các văn bản đã nạp.",
        citations: [],
        seeAlso: scored.slice(0, 2).map((x) => this.citation(x.doc, x.s)),
        via: "none",
      };
    }
    const citations = best.map((x) => this.citation(x.doc, x.s));
    return {
      mode: "answer",
      answer: best.map((x, i) => `${x.s.text} [${i + 1}]`).join(" "),
      citations,
      seeAlso: [],
      via: "extractive",
    };
  }

  assignments(query: string): AssignmentGroup[] {
    const q = fold(query);
    const groups: AssignmentGroup[] = [];
    for (const doc of this.docs) {
      const rows = doc.sections
        .filter((s) => /chu tri/.test(fold(s.text)) && fold(s.text).includes(q))
        .map((s) => ({
          section: s.path,
          assignee: s.text.split(" chủ trì")[0]!,
          role: "chủ trì" as const,
          partners: ["các cơ quan liên quan"],
          reportTo: null,
          deadline: null,
          task: s.text,
        }));
      if (rows.length) groups.push({ document: summary(doc), rows });
    }
    return groups;
  }

  chain(numberOrAlias?: string): ChainView | null {
    const node = (d: FakeDoc) => ({ key: d.number ?? d.id, number: d.number, docType: d.docType, date: d.date, issuer: d.issuer, documentId: d.id });
    const nq20 = { key: "20-NQ/TW", number: "20-NQ/TW", docType: "Nghị quyết", date: "2012-11-01", issuer: "Ban Chấp hành Trung ương", documentId: null };
    const [kl69, ...local] = this.docs;
    if (!numberOrAlias) {
      return { focus: null, up: [], down: [{ node: nq20, depth: 0 }, { node: node(kl69!), depth: 1 }, ...local.map((d) => ({ node: node(d), depth: 2 }))] };
    }
    const wanted = fold(numberOrAlias).replace(/\s+/g, "");
    const doc = this.docs.find((d) => d.number && (fold(d.number) === wanted || fold(d.number).startsWith(wanted.replace(/^kl/, ""))));
    if (!doc) return null;
    if (doc === kl69) return { focus: node(doc), up: [node(doc), nq20], down: local.map((d) => ({ node: node(d), depth: 1 })) };
    return { focus: node(doc), up: [node(doc), node(kl69!), nq20], down: [] };
  }

  documents(): DocumentSummary[] {
    return this.docs.map(summary);
  }

  section(documentId: string, path: string): SectionView | null {
    const doc = this.docs.find((d) => d.id === documentId);
    const s = doc?.sections.find((x) => x.path === path);
    return doc && s ? { document: summary(doc), section: s.path, sectionTitle: s.title, text: s.text } : null;
  }

  async addFiles(files: { fileName: string; data: Buffer }[]): Promise<IngestReport> {
    const report: IngestReport = { indexed: [], rejected: [] };
    for (const f of files) {
      const text = f.data.toString("utf8");
      const number = /Số[:\s]*([0-9]+-[A-ZĐa-z]+\/[A-ZĐa-z]+)/u.exec(text)?.[1] ?? null;
      if (!text.trim()) {
        report.rejected.push({ file: f.fileName, reason: "tệp rỗng" });
        continue;
      }
      const doc: FakeDoc = {
        id: `upload-${this.docs.length}`,
        docType: "Công văn" as DocType,
        number,
        date: null,
        issuer: text.split("\n")[0]!.replace(/^#+\s*/, "").trim(),
        place: null,
        title: f.fileName,
        sections: [{ path: "1", title: null, text: text.split("\n").slice(1).join(" ").trim() }],
      };
      this.docs.push(doc);
      report.indexed.push(summary(doc));
    }
    return report;
  }

  async reload(): Promise<IngestReport> {
    this.reloads++;
    this.docs = seedDocs();
    return { indexed: this.docs.map(summary), rejected: [] };
  }
}

function summary(d: FakeDoc): DocumentSummary {
  return { id: d.id, docType: d.docType, number: d.number, date: d.date, issuer: d.issuer, place: d.place, title: d.title };
}
