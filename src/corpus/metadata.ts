/**
 * Metadata sidecars: what a text does not state, or states wrongly (e.g. the header Kết luận 69's copy lacks).
 * A sidecar is `<file name>.meta.json` (or `<stem>.meta.json`) next to the document or in METADATA_DIR.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { DOC_TYPE_NAMES } from "../domain/numbers.js";
import { PAGE_TYPE } from "../domain/vocabulary.js";
import type { DocumentMetadata } from "../parser/index.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ngày phải theo dạng YYYY-MM-DD");

export const metadataSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "id chỉ gồm chữ thường không dấu, số và '-'").optional(),
    docType: z.enum(["Văn bản", PAGE_TYPE, ...DOC_TYPE_NAMES] as unknown as [string, ...string[]]).optional(),
    number: z.string().min(3).nullable().optional(),
    issuer: z.string().min(2).optional(),
    place: z.string().min(2).nullable().optional(),
    date: isoDate.nullable().optional(),
    title: z.string().min(2).optional(),
    signer: z.object({ name: z.string(), capacity: z.string().default(""), title: z.string().default("") }).nullable().optional(),
    recipients: z.array(z.string()).optional(),
  })
  .strict();

export class MetadataError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "MetadataError";
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/** Candidate sidecar paths for a document, most specific first. */
export function sidecarPaths(file: string, metadataDir?: string): string[] {
  const name = basename(file);
  const stem = name.replace(/\.[^.]+$/, "");
  const dirs = [dirname(file), ...(metadataDir ? [metadataDir] : [])];
  return dirs.flatMap((d) => [join(d, `${name}.meta.json`), join(d, `${stem}.meta.json`)]);
}

/** Find and validate the sidecar of a document. A malformed sidecar is an error naming the file and the field. */
export async function loadMetadata(file: string, metadataDir?: string): Promise<{ meta: DocumentMetadata; source: string | null }> {
  for (const path of sidecarPaths(file, metadataDir)) {
    const text = await readIfExists(path);
    if (text === null) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new MetadataError(path, `JSON không hợp lệ: ${(err as Error).message}`);
    }
    const parsed = metadataSchema.safeParse(json);
    if (!parsed.success) {
      throw new MetadataError(path, parsed.error.issues.map((i) => `${i.path.join(".") || "(gốc)"}: ${i.message}`).join("; "));
    }
    return { meta: parsed.data as DocumentMetadata, source: path };
  }
  return { meta: {}, source: null };
}
