/** An embedded assistant over a few documents written for a test: their knowledge and `ask`. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAssistant } from "../../src/assistant/assistant.js";
import type { Knowledge } from "../../src/assistant/knowledge.js";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import type { EmbeddedStore } from "../../src/search/embedded-store.js";
import { retrieveFrame } from "../../src/assistant/retrieve.js";
import { understand } from "../../src/understand/frame.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { silentLogger } from "../../src/logger.js";
import { parseDocument } from "../../src/parser/index.js";

export interface Over {
  kb: Knowledge;
  ask: (q: string) => Promise<AnswerResult>;
  store: EmbeddedStore;
  /** How much of question `q` a section holds, as retrieval measures it (0 when the section is not a candidate). */
  coverage: (q: string, section: string) => Promise<number>;
}

export async function assistantOver(texts: [text: string, file: string][]): Promise<Over> {
  const documents = texts.map(([text, file]) => parseDocument(text, file));
  uniqueIds(documents);
  const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-test-")));
  const kb = await buildIndex(documents, target);
  const assistant = createAssistant({ knowledge: kb, store: target.store, logger: silentLogger });
  const coverage = async (q: string, section: string) => {
    const r = await retrieveFrame(understand(q, [], kb), kb, target.store);
    return r.candidates.find((c) => c.chunk.payload.section === section)?.coverage ?? 0;
  };
  return { kb, ask: (q) => assistant.ask(q), store: target.store, coverage };
}
