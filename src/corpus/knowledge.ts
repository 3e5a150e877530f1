/**
 * The documents together, as every feature sees them: by id, the directive chain (documents and the documents they
 * cite, with "implements" edges), number aliases resolved against it, localities and issuers, central documents.
 * Document-level facts only — no index: the answerer, the bot, the quiz and the task register all read this.
 */
import type { ChainEdge, ChainNode, DocType, DocumentCard, DocumentSummary, ParsedDocument, Reference } from "../domain/model.js";
import { type NumberAlias, codeFitsType, docTypeFromName, findNumberAliases, numberKey, parseNumber } from "../domain/numbers.js";
import { DOC_TYPE_NAMES, DOC_TYPES, LOCAL_COMMITTEE_WORD, PAGE_TYPE, PROVINCES, SHORT_FORMS, TYPED_ALIKE, expandShortForms, isCentralIssuer } from "../domain/vocabulary.js";
import { foldVi, initialsOf, normalizeVi } from "../text/vietnamese.js";
import { missingFacts } from "../parser/quality.js";

export { missingFacts };

export interface ResolvedNumber {
  alias: NumberAlias;
  /** Canonical numbers this alias may mean (corpus documents and referenced-only documents). */
  numbers: string[];
  /** Corpus documents with that number. */
  documentIds: string[];
}

/** "Ban Thường vụ " before a local committee's name ("Ban Thường vụ Tỉnh ủy Thanh Hóa"). */
const STANDING_COMMITTEE = new RegExp(String.raw`^Ban Thường vụ\s+(?=${LOCAL_COMMITTEE_WORD}\s)`, "u");

/** Folded syllable pairs of a text ("Tỉnh ủy Quảng Ngãi" → "tinh uy", "uy quang", "quang ngai"). */
function foldedPairs(text: string): Set<string> {
  const words = foldVi(text).toLowerCase().match(/[a-z0-9&]+/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}


/** Does the document carry an attached document of one of these types (its paths open "Chương trình.", "Quy chế.")? */
function carriesAttached(doc: ParsedDocument, types: DocType[]): boolean {
  // (Or approves it by its title, the text written into its first article: "Quyết định 1462 … Phê duyệt Đề án …" is
  // what a cadre calls "Đề án 1462".)
  return doc.sections.some((s) => types.some((t) => s.path === t || s.path.startsWith(`${t}.`))) || types.some((t) => new RegExp(`^(?:phê duyệt|ban hành)(?:\\s+kèm\\s+theo)?\\s+${t}(?![\\p{L}])`, "iu").test(doc.title));
}

export function summaryOf(doc: ParsedDocument): DocumentSummary {
  return { id: doc.id, docType: doc.docType, number: doc.number, date: doc.date, issuer: doc.issuer, place: doc.place, title: doc.title };
}

/** A document's summary with its file, its signer and what its header lacks. */
export function cardOf(doc: ParsedDocument): DocumentCard {
  const s = doc.signer;
  const role = s ? [s.capacity, s.title].filter(Boolean).join(", ") : "";
  return { ...summaryOf(doc), file: doc.file, signer: s?.name ? `${s.name}${role ? ` (${role})` : ""}` : null, missing: missingFacts(doc) };
}

/**
 * The one order of a corpus's documents, whatever order they were ingested in: by date (undated last), then by id.
 * Everything built from the documents (chunks, the chain, lists, counts, the first documents an answer names)
 * follows it, so the same corpus gives the same answers however its files were read.
 */
export function canonicalOrder(documents: readonly ParsedDocument[]): ParsedDocument[] {
  const key = (d: ParsedDocument) => d.date ?? "9999";
  return [...documents].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A title that issues or approves a text of another type ("Ban hành Kế hoạch …", "Phê duyệt Đề án …"). */
const ISSUES_TYPE = /^(?:Ban hành|Phê duyệt|Về việc ban hành|Về việc phê duyệt)\s+(Kế hoạch|Chương trình hành động|Chương trình|Đề án|Quy chế|Quy định|Hướng dẫn)(?=\s)/iu;

export class CorpusKnowledge {
  /** The documents, in canonical order (see canonicalOrder). */
  readonly documents: ParsedDocument[];
  readonly byId = new Map<string, ParsedDocument>();
  readonly nodes = new Map<string, ChainNode>();
  readonly edges: ChainEdge[] = [];
  /** Folded locality names → document ids. */
  readonly localities = new Map<string, Set<string>>();
  /** Folded locality names → the name as written (the alphabetically first spelling when documents differ). */
  private readonly localityNames = new Map<string, string>();

  constructor(documents: readonly ParsedDocument[]) {
    this.documents = canonicalOrder(documents);
    for (const doc of this.documents) {
      this.byId.set(doc.id, doc);
      for (const loc of localitiesOf(doc)) {
        const key = foldVi(loc).toLowerCase();
        const named = this.localityNames.get(key);
        if (named === undefined || loc < named) this.localityNames.set(key, loc);
        if (!this.localities.has(key)) this.localities.set(key, new Set());
        this.localities.get(key)!.add(doc.id);
      }
    }
    this.buildChain();
  }

  /** The corpus's localities with their document counts, in Vietnamese alphabetical order. */
  localityList(): { name: string; documents: number }[] {
    return [...this.localities]
      .map(([key, ids]) => ({ name: this.localityNames.get(key)!, documents: ids.size }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  }

  /** Resolve aliases ("KL 69", "nghị quyết 20", "2018/CV-TU") against corpus and referenced numbers. */
  resolveNumbers(text: string): ResolvedNumber[] {
    const out: ResolvedNumber[] = [];
    const all = [...this.nodes.values()].map((n) => n.number).filter((n): n is string => Boolean(n));
    for (const alias of findNumberAliases(text)) {
      let numbers: string[];
      if (alias.full) {
        const key = numberKey(alias.full);
        numbers = all.filter((n) => numberKey(n) === key);
        // Typed the wrong way round ("2018/CV-TU" for "2018-CV/TU"): only when the form typed names nothing.
        const swapped = alias.swapped ? numberKey(alias.swapped) : null;
        if (!numbers.length && swapped) numbers = all.filter((n) => numberKey(n) === swapped);
        if (!numbers.length) numbers = [alias.full];
      } else {
        const digitsOf = (n: string) => parseNumber(n)?.digits ?? n.split(/[-/]/)[0];
        numbers = all.filter((n) => digitsOf(n) === alias.digits && codeFitsType(parseNumber(n)?.code ?? null, alias.type));
        // "tb vpcp 318": of those, the ones the issuer's code typed names (when any does).
        const code = alias.issuerCode;
        const coded = code ? numbers.filter((n) => foldVi(n).toLowerCase().split(/[-/]/).includes(code)) : [];
        if (coded.length) numbers = coded;
        // Nothing of the type typed: the type may be one typed alike ("ct" for a Chương trình) or a document another
        // carries ("Chương trình 716" for the programme attached to Quyết định 716).
        if (!numbers.length && alias.type) {
          const types = [alias.type, ...(TYPED_ALIKE[alias.type] ?? [])];
          numbers = all.filter((n) => digitsOf(n) === alias.digits && types.some((t) => codeFitsType(parseNumber(n)?.code ?? null, t)));
          if (!numbers.length) {
            const carriers = this.documents.filter((d) => d.number && digitsOf(d.number) === alias.digits && carriesAttached(d, types));
            numbers = carriers.map((d) => d.number!);
          }
        }
      }
      const keys = new Set(numbers.map(numberKey));
      const documentIds = this.documents.filter((d) => d.number && keys.has(numberKey(d.number))).map((d) => d.id);
      out.push({ alias, numbers: [...new Set(numbers)], documentIds });
    }
    return out;
  }

  /** Is this number known at all (in the corpus or referenced by it)? */
  isKnownNumber(number: string): boolean {
    const key = numberKey(number);
    return [...this.nodes.values()].some((n) => n.number && numberKey(n.number) === key);
  }

  isIssuerCode(code: string): boolean {
    return this.codes().has(code);
  }

  /** The issuer codes of the corpus's numbers, read once (issuerCodesOf). */
  private codes(): Map<string, string[]> {
    return (this.issuerCodes ??= issuerCodesOf(this.documents));
  }

  /** Documents whose locality the text names ("Từ Sơn", "tu son", "Quảng Ngãi"). */
  documentsForLocality(text: string): Set<string> {
    const folded = ` ${foldVi(text).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
    const out = new Set<string>();
    for (const [loc, ids] of this.localities) if (folded.includes(` ${loc} `)) for (const id of ids) out.add(id);
    return out;
  }

  private issuerCodes: Map<string, string[]> | null = null;
  private issuerPairSets: { id: string; pairs: Set<string>; placed: string | null; core: Set<string> | null; bare: { words: string; level: string } | null }[] | null = null;

  /** Corpus documents whose issuer the text names ("Đảng ủy Sở GD&ĐT", "Tỉnh ủy Quảng Ngãi"), folded pairs. */
  documentsForIssuer(text: string): Set<string> {
    // A newspaper is named without its site's suffix ("Báo Cần Thơ" for "BÁO CẦN THƠ ĐIỆN TỬ").
    this.issuerPairSets ??= this.documents.map((d) => {
      const place = issuerLocality(d.issuer);
      // A committee's standing committee is named as the committee: "Tỉnh ủy Thanh Hóa" asks for the documents of
      // "Ban Thường vụ Tỉnh ủy Thanh Hóa" too.
      // (A merged province's paper, "Báo và Phát thanh, Truyền hình Gia Lai", is called "Báo Gia Lai".)
      const name = d.issuer
        .replace(/^(báo\s.+?)\s+(?:điện tử|online)$/iu, "$1")
        .replace(/^báo\s+và\s+phát\s+thanh,?\s+truyền\s+hình\s+/iu, "Báo ")
        .replace(STANDING_COMMITTEE, "");
      return {
        id: d.id,
        pairs: foldedPairs(name),
        placed: place !== null ? ` ${foldVi(d.issuer).toLowerCase().replace(/[^a-z0-9]+/g, " ")} ` : null,
        // The body without its place ("Sở Khoa học và Công nghệ" of "… thành phố Hải Phòng"), matched when the question
        // names that place: then the place's words are no part of the body's name left to find.
        core: place !== null ? foldedPairs(name.slice(0, Math.max(0, name.lastIndexOf(place))).replace(/\s*(?:tỉnh|thành phố|huyện|quận|thị xã)?\s*$/u, "")) : null,
        bare: place !== null ? bareIssuer(d.issuer, place) : null,
      };
    });
    // ("Thủ tướng" alone is the Prime Minister, who issues as "Thủ tướng Chính phủ".)
    const q = foldedPairs(expandShortForms(text).replace(/(?<![\p{L}])(thủ tướng)(?!\s+chính phủ)(?![\p{L}])/giu, "$1 chính phủ"));
    // A place the question names tells apart bodies alike but for theirs: "Đảng ủy Khối các cơ quan tỉnh Thái Nguyên"
    // is not that of another province, though most of their names' words are shared.
    const folded = foldVi(text).toLowerCase().replace(/[^a-z0-9]/g, " ");
    const places = this.localitySpans(text).map((s) => ` ${folded.slice(s.start, s.end).replace(/\s+/g, " ")} `);
    const out = new Set<string>();
    // "ke hoach dhh …", "hd btgdvtw …": a type and the issuer's code its numbers carry (1265/KH-ĐHH), when the code is a
    // body's own, not a level's every body has (UBND, TU, HĐND…).
    const typedCodes = [...` ${foldVi(text).toLowerCase().replace(/[^a-z0-9]+/g, " ")} `.matchAll(TYPE_THEN_CODE)].map((m) => m[1]!);
    for (const code of typedCodes) for (const id of this.codes().get(code) ?? []) out.add(id);
    // "Công văn của Sở Tài chính …", "kh cua ubnd tinh …": a document named by its type and its issuer's name
    // without the place: what follows "<type> của" is matched against each issuer's name up to its place.
    // (Up to the clause's end: "… của Sở Tài chính, xã vùng khó khăn …" names no level.)
    // A place the corpus does not know, written as a name after a level ("… của UBND huyện Hương Khê"), is another
    // body than any of the corpus's.
    const otherPlace = /(?:^|[^A-Za-z])(?:[Tt]inh|[Hh]uyen|[Qq]uan|[Tt]hi xa|[Tt]hanh pho|[Xx]a|[Pp]huong)\s+[A-Z][a-z]*(?:\s+[A-Z][a-z]*)?/.test(foldVi(text));
    const afterType = places.length || otherPlace ? [] : [...` ${foldVi(expandShortForms(text)).toLowerCase().replace(/[^a-z0-9,;:?!]+/g, " ")} `.matchAll(TYPE_THEN_ISSUER)].map((m) => `${m.input.slice(m.index + m[0].length).split(/[,;:?!]/)[0]!.trim()} `);
    for (const { id, pairs: all, placed, core, bare } of this.issuerPairSets) {
      if (bare && afterType.some((after) => namesBareIssuer(after, bare))) {
        out.add(id);
        continue;
      }
      if (placed && places.length && !places.some((p) => placed.includes(p))) continue;
      const pairs = placed && places.length && core && core.size >= 2 ? core : all;
      // A one-pair issuer ("Chính phủ", "Quốc hội") is named only as the issuer ("của Chính phủ"), not inside
      // another body's name ("Đảng ủy Chính phủ", "Thủ tướng Chính phủ").
      if (pairs.size === 1) {
        const [pair] = pairs;
        // (A site named by its address, "TraCuuPhapLy.vn", is named so wherever the question writes it.)
        const named = /^[a-z0-9-]+ (?:vn|com|net|org)$/.test(pair!) ? new RegExp(`(?:^|[^a-z0-9])${pair!.replace(" ", "\\.")}(?![a-z0-9])`) : new RegExp(`(?:^|[^a-z])(?:cua|do|theo) ${pair}(?![a-z])`);
        if (named.test(foldVi(text).toLowerCase())) out.add(id);
        continue;
      }
      if (pairs.size < 2) continue;
      // The body's head words must be named: "Sở Khoa học và Công nghệ" is no "Bộ Khoa học và Công nghệ".
      const head = pairs.values().next().value!;
      const hit = [...pairs].filter((p) => q.has(p)).length;
      if (q.has(head) && hit / pairs.size >= 0.75) out.add(id);
    }
    return out;
  }

  /** Where the text names a locality of the corpus (offsets in the text). */
  localitySpans(text: string): { start: number; end: number }[] {
    const folded = foldVi(text).toLowerCase().replace(/[^a-z0-9]/g, " ");
    const out: { start: number; end: number }[] = [];
    for (const loc of this.localities.keys()) {
      const re = new RegExp(`(?<![a-z0-9])${loc.replace(/\s+/g, "\\s+")}(?![a-z0-9])`, "g");
      for (const m of folded.matchAll(re)) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
    return out;
  }

  private citing: Map<string, number> | null = null;
  /** How many corpus documents cite this number (computed once). */
  citingDocumentCount(number: string): number {
    if (!this.citing) {
      this.citing = new Map();
      for (const doc of this.documents) {
        for (const key of new Set(doc.references.map((r) => numberKey(r.number)))) this.citing.set(key, (this.citing.get(key) ?? 0) + 1);
      }
    }
    return this.citing.get(numberKey(number)) ?? 0;
  }

  /** Where a referenced document is mentioned: (document, reference). */
  referencesTo(number: string): { doc: ParsedDocument; ref: Reference }[] {
    const key = numberKey(number);
    return this.documents.flatMap((doc) => doc.references.filter((r) => numberKey(r.number) === key).map((ref) => ({ doc, ref })));
  }

  private nodeKeyOf(doc: ParsedDocument): string {
    return doc.number ?? doc.id;
  }

  private buildChain(): void {
    const put = (node: ChainNode) => {
      const prev = this.nodes.get(numberKey(node.key));
      if (!prev) {
        this.nodes.set(numberKey(node.key), node);
        return;
      }
      prev.documentId ??= node.documentId;
      prev.docType ??= node.docType;
      prev.date ??= node.date;
      prev.issuer ??= node.issuer;
    };
    for (const doc of this.documents) {
      put({ key: this.nodeKeyOf(doc), number: doc.number, docType: doc.docType, date: doc.date, issuer: doc.issuer, documentId: doc.id });
    }
    for (const doc of this.documents) {
      for (const ref of doc.references) {
        if (!ref.number.includes("/")) continue;
        put({ key: ref.number, number: ref.number, docType: ref.docType, date: ref.date, issuer: ref.issuer, documentId: null });
      }
    }
    const edge = (from: string, to: string, relation: "implements" | "mentions") => {
      const f = this.nodes.get(numberKey(from))?.key;
      const t = this.nodes.get(numberKey(to))?.key;
      if (!f || !t || f === t) return;
      if (!this.edges.some((e) => e.from === f && e.to === t && e.relation === relation)) this.edges.push({ from: f, to: t, relation });
    };
    for (const doc of this.documents) {
      for (const ref of doc.references) if (ref.relation === "implements") edge(this.nodeKeyOf(doc), ref.number, "implements");
      for (const link of doc.links) edge(link.from, link.to, "implements");
    }
  }

  node(key: string): ChainNode | undefined {
    return this.nodes.get(numberKey(key));
  }

  private central: string[] | null = null;

  /** Documents of central bodies, told by their issuer. */
  centralDocuments(): string[] {
    this.central ??= this.documents.filter((d) => isCentralIssuer(d.issuer)).map((d) => d.id);
    return this.central;
  }

  private pages: string[] | null = null;

  /** Web pages (news, questions and answers): what "bài báo", "bài viết" name. */
  pageDocuments(): string[] {
    this.pages ??= this.documents.filter((d) => d.docType === PAGE_TYPE).map((d) => d.id);
    return this.pages;
  }

  issuerOf(documentId: string): string | undefined {
    return this.byId.get(documentId)?.issuer;
  }

  titleOf(documentId: string): string | undefined {
    return this.byId.get(documentId)?.title;
  }

  private titles: Map<string, string[]> | null = null;

  /** The documents whose title (trích yếu, a page's headline) is this text, compared without marks, case or punctuation. */
  documentsTitled(text: string): string[] {
    const key = (t: string) => foldVi(t).toLowerCase().replace(/[^a-z0-9%]+/g, " ").trim();
    if (!this.titles) {
      this.titles = new Map();
      for (const d of this.documents) {
        const k = key(d.title ?? "");
        if (k) this.titles.set(k, [...(this.titles.get(k) ?? []), d.id]);
      }
    }
    return this.titles.get(key(text)) ?? [];
  }

  cites(documentId: string, number: string): boolean {
    const key = numberKey(number);
    return this.byId.get(documentId)?.references.some((r) => numberKey(r.number) === key) ?? false;
  }

  docTypeOf(documentId: string): DocType | undefined {
    return this.byId.get(documentId)?.docType;
  }

  /**
   * The document's type and the type of the text it issues with it: "Quyết định … Ban hành Kế hoạch …" is also the
   * province's Kế hoạch when a cadre asks for "kế hoạch của tỉnh".
   */
  typesOf(documentId: string): DocType[] {
    const doc = this.byId.get(documentId);
    if (!doc) return [];
    const issued = ISSUES_TYPE.exec(doc.title);
    const attached = issued ? docTypeFromName(issued[1]!) : null;
    return attached && attached !== doc.docType ? [doc.docType, attached] : [doc.docType];
  }

  private initials: Map<string, string> | null = null;

  /** Place initials a cadre types ("qn" → "Quảng Ngãi"), for the places of the corpus whose initials are theirs alone. */
  readonly placeInitials = {
    get: (initials: string): string | undefined => {
      if (!this.initials) {
        const seen = new Map<string, string | null>();
        for (const doc of this.documents) {
          for (const place of localitiesOf(doc)) {
            const key = initialsOf(place);
            if (!key) continue;
            const prev = seen.get(key);
            seen.set(key, prev === undefined || prev === place ? place : null);
          }
        }
        this.initials = new Map([...seen].filter((e): e is [string, string] => e[1] !== null));
      }
      return this.initials.get(foldVi(initials).toLowerCase());
    },
  };

  placesOf(documentId: string): string[] {
    const doc = this.byId.get(documentId);
    return doc ? localitiesOf(doc) : [];
  }
}

/** Codes of a whole level's bodies, which name no one body: every province has its UBND, Tỉnh ủy, HĐND. */
const LEVEL_CODES = new Set(["ubnd", "tu", "hdnd", "du", "tw", "cp", "ttg", "qh", "bcd", "btv", "vpub", "vpubnd", "hu", "qu", "thu", "ban"]);

/** The codes of types ("kh", "ctrhd"), folded: a number's other codes are its issuer's. */
const TYPE_CODES = new Set(DOC_TYPES.flatMap((t) => [...t.party, ...t.state]).map((c) => foldVi(c).toLowerCase()));

/** Each document under the issuer codes of its number ("1265/KH-ĐHH" → "dhh", "08-HD/BTGDVTW" → "btgdvtw"), folded. */
function issuerCodesOf(documents: ParsedDocument[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of documents) {
    const n = d.number ? parseNumber(d.number) : null;
    if (!n?.code) continue;
    for (const part of foldVi(n.number).toLowerCase().split(/[-/]/)) {
      if (part.length < 3 || !/^[a-z]+$/.test(part) || TYPE_CODES.has(part) || LEVEL_CODES.has(part)) continue;
      out.set(part, [...(out.get(part) ?? []), d.id]);
    }
  }
  return out;
}

/** The locality that ends an issuer's name ("Ủy ban nhân dân tỉnh Thanh Hóa" → "Thanh Hóa"), or null. */
/**
 * A document's type as a question names it before its issuer ("công văn của", "kh số 12 của", "bài báo của"), folded;
 * without "của" only a type that is no verb ("kh ubnd tỉnh", "công văn sở nội vụ"): "báo cáo Sở Nội vụ", "hướng dẫn
 * UBND các xã", "quyết định …" say what a body is to do or to whom it reports.
 */
const TYPE_NAMES_FOLDED = [...DOC_TYPE_NAMES.map((n) => foldVi(n).toLowerCase()), ...DOC_TYPES.flatMap((t) => t.chat).filter((c) => /^[a-z ]{2,}$/.test(c)), "van ban", "bai bao", "bai viet"];
/** A type word or its chat form, then a code ("ke hoach dhh", "kh skhcn"), folded and padded. */
const TYPE_THEN_CODE = new RegExp(String.raw`(?<= )(?:${TYPE_NAMES_FOLDED.join("|")}) ([a-z]{3,10})(?= )`, "g");
const NOUN_TYPES = TYPE_NAMES_FOLDED.filter((t) => !/^(?:bao cao|bc|huong dan|hd|thong bao|tb|quyet dinh|qd|chi thi|ct|ket luan|kl|quy dinh|qdi|to trinh|ttr)$/.test(t));
const TYPE_THEN_ISSUER = new RegExp(
  String.raw` (?:(?:${TYPE_NAMES_FOLDED.join("|")})(?: so(?= [0-9]))?(?: [0-9][a-z0-9 ]{0,12}?)? (?:cua|do)|(?:${NOUN_TYPES.join("|")})(?: so(?= [0-9]))?(?: [0-9][a-z0-9 ]{0,12}?)?) `,
  "g",
);

/** An issuer's name up to its place ("so tai chinh" of "Sở Tài chính tỉnh Gia Lai") and the place's level ("tinh"), folded. */
function bareIssuer(issuer: string, place: string): { words: string; level: string } | null {
  const head = issuer.slice(0, issuer.lastIndexOf(place)).replace(STANDING_COMMITTEE, "");
  const level = /(?:tỉnh|thành phố|huyện|quận|thị xã)\s*$/u.exec(head)?.[0] ?? "";
  const words = foldVi(head.slice(0, head.length - level.length)).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  // A committee named by its level alone ("Tỉnh ủy" of "Tỉnh ủy Gia Lai") or a one-word body names too much.
  return words.includes(" ") ? { words, level: foldVi(level).toLowerCase().trim() } : null;
}

/** Does the text after "<type> của" name this issuer without its place: its words, then its level if any level is named. */
function namesBareIssuer(after: string, bare: { words: string; level: string }): boolean {
  if (!after.startsWith(`${bare.words} `)) return false;
  const level = /^(?:thanh pho|thi xa|tinh|huyen|quan|xa|phuong)(?![a-z0-9])/.exec(after.slice(bare.words.length + 1))?.[0];
  return level === undefined || level === bare.level;
}

function issuerLocality(issuer: string): string | null {
  const own = /(?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Quận ủy|tỉnh|thành phố|huyện|quận|thị xã)\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){0,3})$/u.exec(issuer)?.[1];
  if (own) return own;
  // A province's paper or station names the province without a level ("Báo và Phát thanh, Truyền hình Tây Ninh",
  // "Báo Cần Thơ điện tử"): its pages are that province's.
  if (!OUTLET.test(issuer)) return null;
  const bare = issuer.replace(/\s+(?:điện tử|online)$/iu, "");
  return PROVINCES.find((p) => bare.endsWith(` ${p}`)) ?? null;
}

/** A news outlet's name. */
const OUTLET = /^(?:Báo|Đài|Tạp chí)\s/u;

/** Place names a document is tied to: its place and the locality in its issuer's name. */
export function localitiesOf(doc: ParsedDocument): string[] {
  const out = new Set<string>();
  if (doc.place) out.add(doc.place);
  const own = issuerLocality(doc.issuer);
  if (own) out.add(own);
  // Hà Nội is the seat of central bodies, not a locality a question about a province means — unless the issuer is
  // the city's own (Ủy ban nhân dân thành phố Hà Nội, Thành ủy Hà Nội).
  if (!/Hà Nội$/u.test(doc.issuer)) out.delete("Hà Nội");
  return [...out];
}
