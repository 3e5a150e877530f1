/**
 * A worker thread that builds one share of the question bank (see build.ts): it receives the documents and the
 * chain as plain data and answers with the finished items.
 */
import { parentPort } from "node:worker_threads";
import { buildBank } from "./bank.js";
import { type QuizKnowledgeData, lightKnowledge } from "./knowledge.js";

parentPort?.on("message", (m: { data: QuizKnowledgeData; shard: [number, number] }) => {
  try {
    const bank = buildBank(lightKnowledge(m.data), { shard: m.shard });
    parentPort!.postMessage({ items: bank.items, rejected: bank.rejected });
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).stack ?? String(err) });
  }
});
