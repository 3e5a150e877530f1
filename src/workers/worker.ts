/** A worker thread of the pool in run.ts: parses documents and analyzes chunk texts on request. */
import { parentPort } from "node:worker_threads";
import { parseDocument, type DocumentMetadata } from "../parser/index.js";
import { analyzeBatch } from "../search/chunks.js";

const port = parentPort;
port?.on("message", ({ id, kind, payload }: { id: number; kind: string; payload: unknown }) => {
  try {
    if (kind === "parse") {
      const inputs = payload as { text: string; file: string; meta: DocumentMetadata }[];
      port.postMessage({ id, result: inputs.map((i) => parseDocument(i.text, i.file, i.meta)) });
    } else if (kind === "analyze") {
      const { texts, avg, times } = payload as { texts: string[]; avg: number; times?: number[] };
      const out = analyzeBatch(texts, avg, times);
      port.postMessage({ id, result: out }, [out.offsets, out.indices, out.values, out.dfIds, out.dfCounts, out.crossPairs].map((a) => a.buffer as ArrayBuffer));
    } else port.postMessage({ id, error: `unknown job kind ${kind}` });
  } catch (err) {
    port.postMessage({ id, error: (err as Error).message });
  }
});
