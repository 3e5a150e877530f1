/**
 * Metadata questions — who signed, when, which number, issued by whom, where, sent to whom — answered from the
 * document's header and signature, quoting the lines that state them. A document the corpus only cites is answered
 * from the sentence that cites it.
 */
import type { ParsedDocument } from "../../domain/model.js";
import { displayDate } from "../../domain/numbers.js";
import { PAGE_TYPE } from "../../domain/vocabulary.js";
import { foldVi, isUpperText } from "../../text/vietnamese.js";
import { citationFromDocument, documentLabel, sectionLabel } from "../../assistant/cite.js";
import type { Knowledge } from "../../assistant/knowledge.js";
import { joinQuote, sentences } from "../../assistant/sentences.js";
import type { AnswerResult, Citation } from "../../assistant/types.js";
import { ASKER_ASKED } from "../../understand/asks.js";
import type { QuestionFrame } from "../../understand/frame.js";
import { referenceLabel } from "../common.js";

/**
 * The preamble's proposal: "Theo (Xét) đề nghị của X[ tại Tờ trình số … ngày …]", up to the clause's end; or, as a
 * People's Council writes it, "Xét Tờ trình số … ngày … của X về …[; Báo cáo thẩm tra …]", up to the sentence's end.
 */
const PROPOSER = /(?:Theo|Xét)\s+đề\s+nghị\s+của\s+[^.;,\n]+(?:,?\s+tại\s+Tờ\s+trình\s+số\s+[^\s,;.]+(?:\s+ngày\s+[\d/]+)?)?|Xét\s+Tờ\s+trình\s+số\s+[^;\n]+(?:;\s*Báo\s+cáo\s+thẩm\s+tra[^;\n]*)?/u;

/** The sentence that names the session a text was passed at ("Kỳ họp thứ 28", "Hội nghị lần thứ tám"). */
const SESSION = /(?:kỳ họp|hội nghị)\s+(?:lần\s+)?thứ\s+[\p{L}\d]+/iu;

/** Header and closing lines that hold a fact, verbatim, to quote for a metadata answer. */
function metaQuote(doc: ParsedDocument, wanted: (line: string) => boolean): string {
  const lines = [...doc.header, ...doc.closing].filter(wanted);
  return joinQuote(lines.slice(0, 4).map((text) => ({ text })));
}

/** The line of a page's opening (its section "") that holds `text`: a byline, a dateline. */
function openingLine(doc: ParsedDocument, text: string): string | undefined {
  return doc.sections.filter((x) => x.path === "").flatMap((x) => x.text.split("\n")).find((l) => l.includes(text));
}

/** Where a question-and-answer page names who asked: "(Câu hỏi của bạn X, Y)", "Bạn X (Y) hỏi:". */
const ASKER = /\((?:Câu hỏi của|Câu hỏi từ)\s[^)\n]{3,80}\)|^(?:Bạn|Anh|Chị|Ông|Bà)\s+\p{Lu}[^\n:]{2,80}\s+hỏi\s*:/mu;

function askerLine(doc: ParsedDocument): string | null {
  for (const s of doc.sections) {
    const m = ASKER.exec(s.text);
    if (m) return m[0].replace(/^\(|\)$/g, "").trim();
  }
  return null;
}

/** The sentence that says when a text takes effect ("Quyết định này có hiệu lực kể từ ngày ký."), from its last article. */
const IN_FORCE = /có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ/iu;

function effectSentence(doc: ParsedDocument): Citation | null {
  for (const sec of [...doc.sections].reverse()) {
    const hit = sentences(sec.text).find((x) => IN_FORCE.test(x.text));
    if (hit) return citationFromDocument(doc, sec.path, hit.text);
  }
  return null;
}

export function answerMetadata(frame: QuestionFrame, doc: ParsedDocument): AnswerResult | null {
  const fields = new Set(frame.meta);
  const label = documentLabel(doc);
  const parts: string[] = [];
  const quoteLines: string[] = [];
  const dateParts = doc.date ? doc.date.split("-").map((x) => String(Number(x))) : null;
  if (fields.has("signer")) {
    if (!doc.signer?.name) {
      parts.push(`${label} không ghi người ký trong bản đã nạp.`);
    } else {
      parts.push(`${label} do đồng chí ${doc.signer.name}${doc.signer.title ? `, ${doc.signer.title}` : ""} ký${doc.signer.capacity ? ` (${doc.signer.capacity})` : ""}.`);
      const q = metaQuote(
        doc,
        (l) => l.includes(doc.signer!.name) || (/^(T\/M|K\/T|TL|T\/L|TM|KT)\b/i.test(l) && l.length < 80) || (doc.signer!.title !== "" && foldVi(l).toLowerCase() === foldVi(doc.signer!.title).toLowerCase()),
      );
      if (q) quoteLines.push(q);
    }
  }
  // A question-and-answer page's reader who asked, as the page names them: "(Câu hỏi của bạn Hoàng Thu Trang, Phú Thọ)".
  const asker = fields.has("author") && ASKER_ASKED.test(frame.folded) ? askerLine(doc) : null;
  if (asker) {
    parts.push(`${label}: “${asker}”.`);
    quoteLines.push(asker);
  } else if (fields.has("author")) {
    // A page's reporter, quoted from the byline's line of its opening.
    const line = doc.author ? openingLine(doc, doc.author) : undefined;
    if (doc.author && line) {
      parts.push(`${label} do ${doc.author} viết.`);
      quoteLines.push(line.trim());
    } else parts.push(`${label} không ghi tác giả trong bản đã nạp.`);
  }
  // The date as the document writes it ("Hà Nội, ngày 10 tháng 3 năm 2026"), quoted beside the normalised one.
  // Without a full date, the header's partial one ("Từ Sơn, ngày   tháng 5 năm 2024") is what the document says.
  const dateLine = dateParts
    ? doc.header.find((l) => /ngày/iu.test(l) && new RegExp(`(?<!\\d)0?${dateParts[2]}(?!\\d)`).test(l) && l.includes(dateParts[0]!) && l.length <= 80)
    : doc.header.find((l) => /ngày/iu.test(l) && /tháng\s*\d{1,2}|năm\s+(?:19|20)\d\d/iu.test(l) && l.length <= 80);
  if (fields.has("proposer")) {
    // "Theo đề nghị của Sở KH&CN tại Tờ trình số 133/TTr-SKHCN…", "Xét đề nghị của Văn phòng Trung ương Đảng,".
    const where = [...doc.header, doc.title, ...doc.sections.filter((x) => x.path === "").map((x) => x.text)].map((t) => PROPOSER.exec(t)).find(Boolean);
    if (where) {
      const said = where[0].replace(/\s+/g, " ").replace(/[,;.\s]+$/, "");
      parts.push(`${label} được ban hành “${said}”.`);
      quoteLines.push(said);
    } else parts.push(`${label} không ghi theo đề nghị của cơ quan nào.`);
  }
  if (doc.docType === PAGE_TYPE && (fields.has("issuer") || fields.has("date"))) {
    // A page is posted, not issued: the site and the day.
    // (With the page's dateline as it is written, "03/03/2025 08:30", as a document's date line is quoted.)
    const line = doc.date ? openingLine(doc, doc.date.split("-").reverse().join("/")) : undefined;
    parts.push(`Bài đăng trên ${doc.issuer || "trang không rõ tên"}${doc.date ? ` ngày ${displayDate(doc.date)}${line ? ` (trang ghi: “${line.trim()}”)` : ""}` : ", không ghi ngày đăng"}.`);
    if (line) quoteLines.push(line.trim());
  } else if (fields.has("issuer") || fields.has("date") || fields.has("number") || fields.has("place") || fields.has("title")) {
    const bits = [
      `${doc.docType}${doc.number ? ` số ${doc.number}` : " (không số)"}`,
      fields.has("date") || fields.has("issuer") ? (doc.date ? `ban hành ngày ${displayDate(doc.date)}${fields.has("date") && dateLine ? ` (văn bản ghi: “${dateLine}”)` : ""}` : dateLine ? `không ghi đủ ngày ban hành (văn bản ghi: “${dateLine}”)` : "không ghi ngày ban hành") : "",
      doc.issuer ? `do ${doc.issuer} ban hành` : "",
      doc.place ? `tại ${doc.place}` : "",
      fields.has("title") && doc.title ? `trích yếu: “${doc.title}”` : "",
    ].filter(Boolean);
    parts.push(`${bits.join(", ")}.`);
    const q = metaQuote(doc, (l) => {
      // A law library's row kept with the header ("Ngày ban hành: | 19/05/2025 | Ngày hiệu lực: | …") is the
      // site's, not the document's own date line.
      if (l.includes(" | ")) return false;
      const f = foldVi(l).toLowerCase();
      return (doc.number !== null && l.includes(doc.number.split(/[-/]/)[0]!) && /so|ket luan|nghi quyet/.test(f)) || (dateParts !== null && f.includes("ngay") && l.includes(dateParts[0]!)) || /^so\b/.test(f);
    });
    if (q) quoteLines.push(q);
  }
  if (fields.has("recipients")) {
    // The copy kept in the issuer's archive ("Lưu: VT, KHTC") is listed with the recipients but sent to no one.
    const sentTo = doc.recipients.filter((r) => !/^Lưu(?![\p{L}])/u.test(r));
    if (!sentTo.length) parts.push(`${label} không ghi nơi nhận trong bản đã nạp.`);
    else {
      parts.push(`${label} gửi: ${sentTo.join("; ")}.`);
      const q = metaQuote(doc, (l) => sentTo.some((r) => l.includes(r)));
      if (q) quoteLines.push(q);
    }
  }
  // Whether the text is still in force: a law library's word, cited as the site's, at the time its page was copied; the
  // text itself says only when it takes effect (its last article, cited beside).
  let effect: Citation | null = null;
  if (fields.has("status")) {
    const site = doc.site;
    const where = `trang ${site?.name ?? "tra cứu văn bản"}`;
    if (site?.status) {
      parts.push(`Theo ${where}, ${label}: “${site.status.said}”${site.effective ? `, “${site.effective.said}”` : ""} (tình trạng do trang ghi khi văn bản được lưu về, không phải lời của văn bản).`);
      quoteLines.push(site.status.said, ...(site.effective ? [site.effective.said] : []));
    } else parts.push(`${label} không ghi nó còn hay hết hiệu lực, và bản đã nạp không kèm tình trạng hiệu lực của trang tra cứu nào.`);
    effect = effectSentence(doc);
  }
  // The fields a law library files the text under.
  if (fields.has("field") && doc.site?.fields) {
    parts.push(`Trang ${doc.site.name ?? "tra cứu văn bản"} xếp ${label} vào: “${doc.site.fields.said}”.`);
    quoteLines.push(doc.site.fields.said);
  }
  // "… ban hành tại hội nghị nào?", "thông qua tại kỳ họp nào?": the header line that names the plenum, else the
  // sentence that does (an HĐND resolution's last article: "… khóa XVIII, Kỳ họp thứ 28 thông qua ngày …").
  let session: Citation | null = null;
  if (/ (hoi nghi|ky hop) /.test(frame.folded)) {
    // (A People's Council's session line may open the preamble, under its name: "KHÓA X, KỲ HỌP CHUYÊN ĐỀ".)
    const opening = doc.sections.filter((x) => x.path === "").flatMap((x) => x.text.split("\n").slice(0, 3));
    const plenum = [...doc.header, doc.title, ...opening].find((l) => /hội nghị|kỳ họp/iu.test(l) && l.length <= 120 && (isUpperText(l) || l === doc.title || doc.header.includes(l)));
    if (plenum) {
      parts.push(`Văn bản ghi: “${plenum}”.`);
      if (doc.header.includes(plenum) || opening.includes(plenum)) quoteLines.push(plenum);
    }
    // The sentence that says it was passed there, and when, is cited too where the text has one (beside a header
    // line, it is the fuller statement).
    for (const sec of [...doc.sections].reverse()) {
      if (sec.path === "") continue;
      const hit = sentences(sec.text).find((x) => SESSION.test(x.text));
      if (!hit) continue;
      session = citationFromDocument(doc, sec.path, hit.text);
      break;
    }
  }
  if (!parts.length && !session) return null;
  const quote = quoteLines.join(" … ") || doc.title;
  const citations = parts.length ? [citationFromDocument(doc, "", quote)] : [];
  const more = [session, effect].filter((c): c is Citation => c !== null);
  const answer = [parts.length ? `${parts.join(" ")} [1]` : "", ...more.map((c, i) => `${label}, ${sectionLabel(c.section)}: “${c.quote}” [${citations.length + i + 1}]`)].filter(Boolean).join("\n");
  citations.push(...more);
  return { mode: "answer", answer, citations, seeAlso: [], via: "metadata" };
}

/** A referenced-only document (e.g. 56-CTr/TU): what the citing sentence says of it. */
export function answerReferencedMeta(number: string, kb: Knowledge): AnswerResult | null {
  const refs = kb.referencesTo(number);
  if (!refs.length) return null;
  const { doc, ref } = refs.find((r) => r.ref.date || r.ref.issuer) ?? refs[0]!;
  const digits = ref.number.split(/[-/]/)[0]!;
  for (const section of [{ path: "", text: doc.title }, ...doc.sections]) {
    const hit = sentences(section.text).find((s) => s.text.includes(ref.number) || new RegExp(`số ${digits}\\b`).test(s.text));
    if (!hit) continue;
    const path = doc.sections.some((s) => s.path === section.path && s.text === section.text) ? section.path : "";
    return {
      mode: "answer",
      answer: `${referenceLabel(ref)} (văn bản được dẫn trong ${documentLabel(doc)}; toàn văn chưa có trong kho). [1]`,
      citations: [citationFromDocument(doc, path, hit.text)],
      seeAlso: [],
      via: "metadata",
    };
  }
  return null;
}
