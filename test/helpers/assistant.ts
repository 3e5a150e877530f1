/** An embedded assistant over a few documents written for a test: their knowledge and `ask`. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAssistant } from "../../src/assistant/assistant.js";
import type { Knowledge } from "../../src/assistant/knowledge.js";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { AnswerResult } from "../../src/assistant/types.js";
import type { EmbeddedStore } from "../../src/search/embedded-store.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { silentLogger } from "../../src/logger.js";
import { parseDocument } from "../../src/parser/index.js";

export async function assistantOver(texts: [text: string, file: string][]): Promise<{ kb: Knowledge; ask: (q: string) => Promise<AnswerResult>; store: EmbeddedStore }> {
  const documents = texts.map(([text, file]) => parseDocument(text, file));
  uniqueIds(documents);
  const target = embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-test-")));
  const kb = await buildIndex(documents, target);
  const assistant = createAssistant({ knowledge: kb, store: target.store, logger: silentLogger });
  return { kb, ask: (q) => assistant.ask(q), store: target.store };
}
