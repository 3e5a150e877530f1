/**
 * Chunk payloads of the embedded store (records.bin, format 2): written once, read only for the hits whose payload
 * somebody looks at.
 *
 * - Blocks of RECORDS.perBlock chunks, each compressed on its own (deflate, raw). Chunks are numbered in id order, so
 *   a document's chunks sit together and a block holds its document fields (type, number, issuer, place, date,
 *   title) once, not once per chunk; a chunk keeps only its own fields (section, heading path, text …).
 * - The byte range and the CRC-32 of every block are in index.bin (which open() verifies whole): a block is
 *   checked when it is read, so opening an index reads none of the texts.
 * - Reads are synchronous from one file descriptor (a few kB from the page cache), opened at the first read and
 *   reopened after close().
 */
import { closeSync, openSync, readSync } from "node:fs";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { ChunkPayload } from "./types.js";

/** Tuning of the record blocks. */
export const RECORDS = {
  /**
   * Chunks per block: large enough for deflate to find the repeats of a document (≈ 3× smaller than the text), small
   * enough that reading one payload inflates ≈ 20 kB.
   */
  perBlock: 32,
  /** Decoded blocks kept: the hits of a question cluster in a few documents. */
  cachedBlocks: 16,
  /** zlib level: 3 packs almost as tight as 6 at a fraction of the time (the ingest writes every block once). */
  level: 3,
} as const;

/** Payload fields that belong to the document: stored once per block. */
const DOCUMENT_FIELDS = ["documentId", "docType", "number", "issuer", "place", "date", "title"] as const;

interface Block {
  /** Document fields, each distinct set once. */
  d: Record<string, unknown>[];
  /** Per chunk: [index into d, the chunk's own fields]. */
  r: [number, Record<string, unknown>][];
}

/** Split payloads into their blocks, compressed; returns the file and each block's end offset and CRC-32. */
export function writeRecords(payloads: readonly ChunkPayload[], perBlock: number = RECORDS.perBlock): { file: Buffer; blockStart: Uint32Array; blockCrc: Uint32Array } {
  const blocks = Math.ceil(payloads.length / perBlock);
  const parts: Buffer[] = [];
  const blockStart = new Uint32Array(blocks + 1);
  const blockCrc = new Uint32Array(blocks);
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    const block: Block = { d: [], r: [] };
    const seen = new Map<string, number>();
    for (const payload of payloads.slice(b * perBlock, (b + 1) * perBlock)) {
      const doc: Record<string, unknown> = {};
      const own: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(payload)) ((DOCUMENT_FIELDS as readonly string[]).includes(key) ? doc : own)[key] = value;
      const key = JSON.stringify(doc);
      let i = seen.get(key);
      if (i === undefined) {
        i = block.d.length;
        seen.set(key, i);
        block.d.push(doc);
      }
      block.r.push([i, own]);
    }
    const packed = deflateRawSync(JSON.stringify(block), { level: RECORDS.level });
    parts.push(packed);
    blockStart[b] = at;
    blockCrc[b] = crc32(packed);
    at += packed.length;
    if (at > 0xffff_ffff) throw new RangeError("embedded index: records exceed 4 GiB");
  }
  blockStart[blocks] = at;
  return { file: Buffer.concat(parts), blockStart, blockCrc };
}

/** A block that failed its checksum when read: the index is damaged (open() of another version recovers). */
export class DamagedRecordsError extends Error {
  constructor(
    readonly file: string,
    block: number,
  ) {
    super(`${file.split(/[\\/]/).pop()} fails its checksum (block ${block})`);
    this.name = "DamagedRecordsError";
  }
}

/** Payloads read on demand from a records.bin of format 2. */
export class BlockRecords {
  private fd: number | null = null;
  private readonly cache = new Map<number, ChunkPayload[]>();

  constructor(
    private readonly path: string,
    readonly n: number,
    private readonly blockStart: Uint32Array,
    private readonly blockCrc: Uint32Array,
    private readonly perBlock: number,
  ) {}

  payload(d: number): ChunkPayload {
    const b = Math.floor(d / this.perBlock);
    let block = this.cache.get(b);
    if (block) this.cache.delete(b);
    else block = this.readBlock(b);
    this.cache.set(b, block);
    if (this.cache.size > RECORDS.cachedBlocks) this.cache.delete(this.cache.keys().next().value!);
    return block[d - b * this.perBlock]!;
  }

  all(): ChunkPayload[] {
    const out: ChunkPayload[] = [];
    for (let d = 0; d < this.n; d++) out.push(this.payload(d));
    return out;
  }

  private readBlock(b: number): ChunkPayload[] {
    const from = this.blockStart[b]!;
    const length = this.blockStart[b + 1]! - from;
    const buf = Buffer.allocUnsafe(length);
    this.fd ??= openSync(this.path, "r");
    let got = 0;
    while (got < length) {
      const read = readSync(this.fd, buf, got, length - got, from + got);
      if (read === 0) break;
      got += read;
    }
    if (got !== length || crc32(buf) !== this.blockCrc[b]) throw new DamagedRecordsError(this.path, b);
    const block = JSON.parse(inflateRawSync(buf).toString("utf8")) as Block;
    return block.r.map(([i, own]) => ({ ...block.d[i], ...own }) as unknown as ChunkPayload);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.cache.clear();
  }
}
