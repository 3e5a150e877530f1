/**
 * What the question bank reads of the corpus: the parsed documents and the directive chain. The assistant's
 * Knowledge has all of it; a worker thread that builds the bank gets a light copy (the documents plus the chain the
 * main thread already computed), so it never chunks and analyzes the corpus a second time.
 */
import type { Knowledge } from "../assistant/knowledge.js";
import type { ChainEdge, ChainNode } from "../assistant/types.js";
import type { ParsedDocument } from "../domain/model.js";
import { numberKey } from "../domain/numbers.js";

export type QuizKnowledge = Pick<Knowledge, "documents" | "byId" | "nodes" | "edges" | "node">;

/** The plain data a QuizKnowledge is made of (what crosses to a worker thread). */
export interface QuizKnowledgeData {
  documents: ParsedDocument[];
  nodes: [string, ChainNode][];
  edges: ChainEdge[];
}

export function lightKnowledge(data: QuizKnowledgeData): QuizKnowledge {
  const nodes = new Map(data.nodes);
  return {
    documents: data.documents,
    byId: new Map(data.documents.map((d) => [d.id, d])),
    nodes,
    edges: data.edges,
    // As Knowledge.node: nodes are keyed by the number's canonical key.
    node: (key: string) => nodes.get(numberKey(key)),
  };
}
