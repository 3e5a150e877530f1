/**
 * Behaviour every VectorStore must show (embedded store, QdrantStore over the fake, QdrantStore over a real server).
 *
 * Chunks are synthetic: a handful of Vietnamese administrative documents with hand-made sparse vectors (term id →
 * weight, no idf: the store applies its own) and 4-dimensional dense vectors pointing in distinct directions.
 * Assertions are about order and membership that any reasonable lexical scorer (dot with idf) and any RRF constant
 * agree on, never about score values.
 *
 * Invalid input for replaceAll (both stores reject it before touching the live index; see validateIndexedChunks in
 * src/search/qdrant-store.ts): non-finite numbers in dense or sparse vectors, a dense vector of another length than
 * info.denseSize, a dense vector without info.denseSize or a missing one with it, duplicate chunk ids, sparse indices
 * and values of different lengths, duplicate sparse indices.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChunkPayload, IndexedChunk, SparseVector, StoreHit, StoreQuery, VectorStore } from "../../src/search/types.js";

export type MakeStore = () => Promise<{ store: VectorStore; cleanup: () => Promise<void> }>;

/** Term ids of the synthetic analyzer. */
export const T = {
  ketLuan: 1, // "kết luận"
  so69: 2, // "69"
  sapXep: 3, // "sắp xếp"
  tinhGon: 4, // "tinh gọn"
  boMay: 5, // "bộ máy"
  donViHanhChinh: 6, // "đơn vị hành chính"
  capXa: 7, // "cấp xã"
  haNoi: 8, // "hà nội"
  bienChe: 9, // "biên chế"
  toChucThucHien: 10, // "tổ chức thực hiện"
} as const;

export const DENSE_SIZE = 4;

function sparse(weights: Record<number, number>): SparseVector {
  const indices = Object.keys(weights).map(Number);
  return { indices, values: indices.map((i) => weights[i]!) };
}

interface DocMeta {
  documentId: string;
  docType: string;
  number: string | null;
  issuer: string;
  place: string | null;
  date: string | null;
  title: string;
}

const KL69: DocMeta = {
  documentId: "kl-69",
  docType: "Kết luận",
  number: "69-KL/TW",
  issuer: "Ban Chấp hành Trung ương",
  place: null,
  date: "2025-02-14",
  title: "Kết luận về tiếp tục sắp xếp, tinh gọn tổ chức bộ máy",
};
const KH_HN: DocMeta = {
  documentId: "kh-hn",
  docType: "Kế hoạch",
  number: "15/KH-UBND",
  issuer: "Ủy ban nhân dân thành phố Hà Nội",
  place: "Hà Nội",
  date: "2025-03-01",
  title: "Kế hoạch thực hiện Kết luận 69-KL/TW trên địa bàn Thành phố",
};
const CV_HCM: DocMeta = {
  documentId: "cv-hcm",
  docType: "Công văn",
  number: "120/UBND-VX",
  issuer: "Ủy ban nhân dân Thành phố Hồ Chí Minh",
  place: "Thành phố Hồ Chí Minh",
  date: "2025-03-10",
  title: "Về việc rà soát biên chế",
};
const TB: DocMeta = {
  documentId: "tb-x",
  docType: "Thông báo",
  number: null,
  issuer: "Văn phòng Chính phủ",
  place: null,
  date: null,
  title: "Thông báo kết luận của Thường trực Chính phủ",
};

function chunk(
  doc: DocMeta,
  section: string,
  text: string,
  weights: Record<number, number>,
  dense: number[],
  kind: "section" | "meta" = "section",
): IndexedChunk {
  const id = kind === "meta" ? `${doc.documentId}#meta` : `${doc.documentId}#${section}#0`;
  const payload: ChunkPayload = {
    ...doc,
    section: kind === "meta" ? "" : section,
    sectionTitle: kind === "meta" ? null : `Mục ${section}`,
    headingPath: kind === "meta" ? "" : `${section}.`,
    kind,
    text,
    part: 0,
  };
  return { id, payload, sparse: sparse(weights), dense };
}

/** The corpus, with dense vectors (use withoutDense for a sparse-only index). */
export function corpus(): IndexedChunk[] {
  return [
    chunk(KL69, "I", "Tiếp tục sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị.", { [T.sapXep]: 1, [T.tinhGon]: 1, [T.boMay]: 1 }, [1, 0, 0, 0]),
    chunk(KL69, "II", "Sắp xếp đơn vị hành chính cấp xã, không tổ chức cấp huyện.", { [T.sapXep]: 1, [T.donViHanhChinh]: 1, [T.capXa]: 1 }, [0.8, 0.6, 0, 0]),
    chunk(KH_HN, "III", "Tổ chức thực hiện Kết luận 69 trên địa bàn Hà Nội.", { [T.ketLuan]: 1, [T.so69]: 1, [T.haNoi]: 1, [T.toChucThucHien]: 1 }, [0, 1, 0, 0]),
    chunk(KH_HN, "IV", "Rà soát biên chế cấp xã của Hà Nội.", { [T.bienChe]: 1, [T.capXa]: 1, [T.haNoi]: 1 }, [0, 0.6, 0.8, 0]),
    chunk(CV_HCM, "1", "Tinh gọn bộ máy gắn với cơ cấu lại biên chế.", { [T.tinhGon]: 1, [T.boMay]: 1, [T.bienChe]: 1 }, [0, 0, 1, 0]),
    chunk(CV_HCM, "", "Số: 120/UBND-VX. Về việc rà soát biên chế. Nơi nhận: các sở, ngành.", { [T.ketLuan]: 0.5, [T.so69]: 0.5 }, [0, 0, 0.6, 0.8], "meta"),
    chunk(TB, "1", "Thường trực Chính phủ kết luận về tổ chức thực hiện.", { [T.ketLuan]: 1, [T.toChucThucHien]: 1 }, [0, 0, 0, 1]),
  ];
}

export function withoutDense(chunks: IndexedChunk[]): IndexedChunk[] {
  return chunks.map(({ dense: _dense, ...rest }) => rest);
}

/** A second, different corpus (replaceAll twice). */
function corpus2(): IndexedChunk[] {
  const ND: DocMeta = {
    documentId: "nd-new",
    docType: "Nghị định",
    number: "01/2026/NĐ-CP",
    issuer: "Chính phủ",
    place: "Hà Nội",
    date: "2026-01-05",
    title: "Nghị định quy định chức năng, nhiệm vụ",
  };
  return [
    chunk(ND, "1", "Quy định về biên chế cấp xã sau sắp xếp.", { [T.bienChe]: 1, [T.capXa]: 1, [T.sapXep]: 1 }, [0.5, 0.5, 0.5, 0.5]),
    chunk(ND, "2", "Tổ chức thực hiện nghị định.", { [T.toChucThucHien]: 1 }, [0, 0.5, 0.5, 0.7]),
  ];
}

const ALL_TERMS = sparse(Object.fromEntries(Object.values(T).map((t) => [t, 1])));

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
const sorted = (xs: string[]) => [...xs].sort();

export function describeStoreContract(name: string, makeStore: MakeStore): void {
  describe(`VectorStore contract: ${name}`, () => {
    let store: VectorStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });

    const q = (query: Omit<StoreQuery, "limit"> & { limit?: number }): Promise<StoreHit[]> => store.query({ limit: 10, ...query });

    it("is empty before the first replaceAll: count 0, no hits", async () => {
      expect(await store.count()).toBe(0);
      expect(await q({ sparse: ALL_TERMS })).toEqual([]);
    });

    it("returns the best-matching chunk first for a sparse query, with its id and payload", async () => {
      const chunks = withoutDense(corpus());
      await store.replaceAll(chunks, {});
      const hits = await q({ sparse: sparse({ [T.sapXep]: 1, [T.tinhGon]: 1, [T.boMay]: 1 }) });
      expect(hits[0]?.id).toBe("kl-69#I#0");
      expect(hits[0]?.payload).toEqual(chunks[0]!.payload);
      // Only chunks sharing a term, best first, scores non-increasing.
      expect(sorted(ids(hits))).toEqual(sorted(["kl-69#I#0", "kl-69#II#0", "cv-hcm#1#0"]));
      for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
      // A chunk holding both query terms beats chunks holding one.
      const two = await q({ sparse: sparse({ [T.bienChe]: 1, [T.capXa]: 1 }) });
      expect(two[0]?.id).toBe("kh-hn#IV#0");
    });

    it("respects the limit", async () => {
      await store.replaceAll(withoutDense(corpus()), {});
      const hits = await q({ sparse: ALL_TERMS, limit: 2 });
      expect(hits).toHaveLength(2);
      expect(await q({ sparse: ALL_TERMS, limit: 100 })).toHaveLength(corpus().length);
    });

    it("filters by number, docType, place and documentIds (AND across keys, any-of within a key)", async () => {
      await store.replaceAll(withoutDense(corpus()), {});
      const f = async (filter: StoreQuery["filter"]) => sorted(ids(await q({ sparse: ALL_TERMS, filter })));
      expect(await f({ numbers: ["69-KL/TW"] })).toEqual(sorted(["kl-69#I#0", "kl-69#II#0"]));
      expect(await f({ docTypes: ["Kế hoạch", "Công văn"] })).toEqual(sorted(["kh-hn#III#0", "kh-hn#IV#0", "cv-hcm#1#0", "cv-hcm#meta"]));
      expect(await f({ places: ["Hà Nội"] })).toEqual(["kh-hn#III#0", "kh-hn#IV#0"]);
      expect(await f({ documentIds: ["kl-69", "tb-x"] })).toEqual(sorted(["kl-69#I#0", "kl-69#II#0", "tb-x#1#0"]));
      expect(await f({ docTypes: ["Kế hoạch", "Công văn"], places: ["Thành phố Hồ Chí Minh"] })).toEqual(["cv-hcm#1#0", "cv-hcm#meta"]);
      // A null number / place matches no value.
      expect(await f({ numbers: ["69-KL/TW", "15/KH-UBND", "120/UBND-VX"] })).not.toContain("tb-x#1#0");
      expect(await f({ places: ["Hà Nội", "Thành phố Hồ Chí Minh"] })).not.toContain("kl-69#I#0");
      // An empty list admits nothing; an absent key does not constrain.
      expect(await f({ documentIds: [] })).toEqual([]);
      expect(await f({ numbers: undefined })).toHaveLength(corpus().length);
    });

    it("filters the candidates before ranking: the filtered best match is found even when others score higher", async () => {
      await store.replaceAll(withoutDense(corpus()), {});
      const hits = await q({ sparse: sparse({ [T.sapXep]: 1, [T.tinhGon]: 1, [T.boMay]: 1 }), filter: { places: ["Thành phố Hồ Chí Minh"] }, limit: 1 });
      expect(ids(hits)).toEqual(["cv-hcm#1#0"]);
    });

    it("fuses dense and sparse: a chunk top in both comes first, and the dense leg finds chunks without shared terms", async () => {
      await store.replaceAll(corpus(), { denseSize: DENSE_SIZE });
      const both = await q({ sparse: sparse({ [T.sapXep]: 1, [T.tinhGon]: 1, [T.boMay]: 1 }), dense: [1, 0.05, 0, 0] });
      expect(both[0]?.id).toBe("kl-69#I#0");

      // "biên chế" is in kh-hn#IV and cv-hcm#1 only; the dense query points at tb-x#1, which shares no term.
      const lexicalOnly = await q({ sparse: sparse({ [T.bienChe]: 1 }) });
      expect(ids(lexicalOnly)).not.toContain("tb-x#1#0");
      const hybrid = await q({ sparse: sparse({ [T.bienChe]: 1 }), dense: [0, 0, 0, 1] });
      expect(ids(hybrid)).toContain("tb-x#1#0");
      expect(ids(hybrid)).toEqual(expect.arrayContaining(["kh-hn#IV#0", "cv-hcm#1#0"]));
      for (let i = 1; i < hybrid.length; i++) expect(hybrid[i]!.score).toBeLessThanOrEqual(hybrid[i - 1]!.score);

      // Filters apply to the dense leg too.
      const filtered = await q({ sparse: sparse({ [T.bienChe]: 1 }), dense: [0, 0, 0, 1], filter: { places: ["Hà Nội"] } });
      expect(sorted(ids(filtered))).toEqual(["kh-hn#III#0", "kh-hn#IV#0"]);
    });

    it("answers a query without terms from the dense leg alone, and nothing without either", async () => {
      await store.replaceAll(corpus(), { denseSize: DENSE_SIZE });
      const hits = await q({ sparse: { indices: [], values: [] }, dense: [0, 0, 0, 1] });
      expect(hits[0]?.id).toBe("tb-x#1#0");
      expect(await q({ sparse: { indices: [], values: [] } })).toEqual([]);
    });

    it("returns equal scores in chunk-id order, whatever order the chunks were given in", async () => {
      // Four sections with the same single term: every one scores alike.
      const tied = [3, 1, 4, 2].map((k) => chunk(KH_HN, String(k), `Mục ${k} thực hiện kết luận.`, { [T.ketLuan]: 1 }, [0, 0, 0, 1]));
      const expected = ["kh-hn#1#0", "kh-hn#2#0", "kh-hn#3#0", "kh-hn#4#0"];
      await store.replaceAll(withoutDense(tied), {});
      expect(ids(await q({ sparse: sparse({ [T.ketLuan]: 1 }) }))).toEqual(expected);
      await store.replaceAll(withoutDense(tied).reverse(), {});
      expect(ids(await q({ sparse: sparse({ [T.ketLuan]: 1 }) }))).toEqual(expected);
    });

    it("counts the indexed chunks", async () => {
      await store.replaceAll(corpus(), { denseSize: DENSE_SIZE });
      expect(await store.count()).toBe(corpus().length);
    });

    it("replaceAll twice replaces: the old chunks are gone", async () => {
      await store.replaceAll(withoutDense(corpus()), {});
      await store.replaceAll(corpus2(), { denseSize: DENSE_SIZE });
      expect(await store.count()).toBe(2);
      const hits = await q({ sparse: ALL_TERMS });
      expect(sorted(ids(hits))).toEqual(["nd-new#1#0", "nd-new#2#0"]);
      expect(await q({ sparse: ALL_TERMS, filter: { documentIds: ["kl-69"] } })).toEqual([]);
      // And back to a sparse-only index.
      await store.replaceAll(withoutDense(corpus()).slice(0, 1), {});
      expect(ids(await q({ sparse: ALL_TERMS }))).toEqual(["kl-69#I#0"]);
    });

    const invalid: [string, (chunks: IndexedChunk[]) => [IndexedChunk[], { denseSize?: number }]][] = [
      ["a NaN in a dense vector", (c) => [c.map((x, i) => (i === 1 ? { ...x, dense: [0, NaN, 0, 0] } : x)), { denseSize: DENSE_SIZE }]],
      ["a dense vector of the wrong size", (c) => [c.map((x, i) => (i === 0 ? { ...x, dense: [1, 0, 0] } : x)), { denseSize: DENSE_SIZE }]],
      ["dense vectors without denseSize", (c) => [c, {}]],
      ["a missing dense vector with denseSize", (c) => [c.map((x, i) => (i === 1 ? withoutDense([x])[0]! : x)), { denseSize: DENSE_SIZE }]],
      ["duplicate chunk ids", (c) => [[...c, c[0]!], { denseSize: DENSE_SIZE }]],
      ["sparse indices and values of different lengths", (c) => [c.map((x, i) => (i === 0 ? { ...x, sparse: { indices: [1, 2], values: [1] } } : x)), { denseSize: DENSE_SIZE }]],
      ["a duplicate sparse index", (c) => [c.map((x, i) => (i === 0 ? { ...x, sparse: { indices: [1, 1], values: [1, 2] } } : x)), { denseSize: DENSE_SIZE }]],
      ["an infinite sparse value", (c) => [c.map((x, i) => (i === 0 ? { ...x, sparse: { indices: [1], values: [Infinity] } } : x)), { denseSize: DENSE_SIZE }]],
    ];

    it.each(invalid)("rejects %s and keeps answering from the previous index", async (_label, make) => {
      await store.replaceAll(withoutDense(corpus()), {});
      const before = await q({ sparse: sparse({ [T.sapXep]: 1, [T.tinhGon]: 1, [T.boMay]: 1 }) });
      const [chunks, info] = make(corpus2());
      await expect(store.replaceAll(chunks, info)).rejects.toThrow();
      expect(await store.count()).toBe(corpus().length);
      expect(await q({ sparse: sparse({ [T.sapXep]: 1, [T.tinhGon]: 1, [T.boMay]: 1 }) })).toEqual(before);
      // And the store still accepts a valid replaceAll afterwards.
      await store.replaceAll(corpus2(), { denseSize: DENSE_SIZE });
      expect(await store.count()).toBe(2);
    });
  });
}
