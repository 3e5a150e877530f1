/**
 * BM25's idf, as Qdrant computes it for `modifier: "idf"` (qdrant/qdrant#4126): ln(1 + (N − n + 0.5) / (n + 0.5)),
 * N the chunks of the corpus, n those holding the term. Both stores use this one formula, so a ranking does not
 * depend on which store holds the index.
 */
export function idf(n: number, total: number): number {
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}
