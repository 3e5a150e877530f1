/**
 * A worker thread that builds one share of the question bank (see build.ts). Two steps, each answered to the main
 * thread: "part" — the corpus indexes of its documents (a phrase table in shared memory, bodies, headings…);
 * "build" — with every share's part assembled, the items of its documents, sent in slices so that the main thread
 * takes them in small bites.
 */
import { parentPort } from "node:worker_threads";
import type { ChainEdge, ChainNode } from "../assistant/types.js";
import type { ParsedDocument } from "../domain/model.js";
import { buildBank, shareOf } from "./bank.js";
import { assembleCorpus, type CorpusPart, CorpusPartBuilder } from "./corpus.js";
import { lightKnowledge } from "./knowledge.js";

/** Items per message back to the main thread: its event loop deserializes each message in one go. */
const ITEMS_PER_MESSAGE = 300;

type Message =
  // Documents with their places in the whole corpus's documentOrder.
  | { type: "docs"; documents: ParsedDocument[]; positions: number[] }
  | { type: "part" }
  | { type: "build"; parts: CorpusPart[]; nodes: [string, ChainNode][]; edges: ChainEdge[] }
  // Between builds (build.ts keeps a worker warm for the next one): let the last corpus go.
  | { type: "reset" };

const documents: ParsedDocument[] = [];
const positions = new Map<string, number>();
// Each document is indexed as it arrives (its sections tokenised once: the build step reads the same tokens).
let part = new CorpusPartBuilder();
const port = parentPort!;

port.on("message", (m: Message) => {
  try {
    if (m.type === "reset") {
      documents.length = 0;
      positions.clear();
      part = new CorpusPartBuilder();
    } else if (m.type === "docs") {
      m.documents.forEach((doc, i) => {
        documents.push(doc);
        positions.set(doc.id, m.positions[i]!);
        part.add(doc, m.positions[i]!);
      });
    } else if (m.type === "part") port.postMessage({ type: "part", part: part.finish() });
    else {
      const kb = lightKnowledge({ documents, nodes: m.nodes, edges: m.edges });
      const share = shareOf(buildBank(kb, { corpus: assembleCorpus(kb, m.parts), positions }), kb);
      for (let i = 0; i < share.items.length; i += ITEMS_PER_MESSAGE) {
        port.postMessage({ type: "items", items: share.items.slice(i, i + ITEMS_PER_MESSAGE), keys: share.keys.slice(i, i + ITEMS_PER_MESSAGE) });
      }
      port.postMessage({ type: "done", rejected: share.rejected });
    }
  } catch (err) {
    port.postMessage({ type: "error", error: (err as Error).stack ?? String(err) });
  }
});
