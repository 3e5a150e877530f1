/** Parsing many documents on every core (an ingest of a whole archive); the parser itself stays pure. */
import type { ParsedDocument } from "../domain/model.js";
import { type DocumentMetadata, parseDocument } from "../parser/index.js";
import { runInWorker, splitAcrossThreads } from "../workers/run.js";

/** Below this many documents, parsing on other threads costs more than it saves. */
const PARALLEL_MIN_DOCUMENTS = 200;

export interface ParseInput {
  text: string;
  file: string;
  meta?: DocumentMetadata;
}

/** Results in input order, equal to parsing the inputs one by one on this thread. */
export function parseDocuments(inputs: ParseInput[], threads?: number): Promise<ParsedDocument[]> {
  return splitAcrossThreads(
    inputs.map((i) => ({ text: i.text, file: i.file, meta: i.meta ?? {} })),
    PARALLEL_MIN_DOCUMENTS,
    (part) => part.map((i) => parseDocument(i.text, i.file, i.meta)),
    (part) => runInWorker<ParsedDocument[]>("parse", part),
    threads,
  );
}
