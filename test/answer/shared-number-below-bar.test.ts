/**
 * pickEvidence: the one document a question names answers a little below the bar with its first section when nothing
 * else there comes close — and so does one of the two documents a shared number names ("theo qd 1765" of a
 * ministry's and a city's decision 1765), not a third document nor a section that others come close to.
 */
import { describe, expect, it } from "vitest";
import { pickEvidence } from "../../src/answer/strategies/fact.js";
import type { Candidate, Retrieval } from "../../src/assistant/retrieve.js";

const candidate = (documentId: string, section: string, coverage: number, score: number): Candidate =>
  ({ chunk: { id: `${documentId}#${section}`, payload: { documentId, section, kind: "section", text: "…" }, terms: { counts: new Map() } }, coverage, score }) as unknown as Candidate;

const retrieval = (named: string[], candidates: Candidate[], namedOne?: string): Retrieval =>
  ({ namedDocs: new Set(named), candidates, scoped: true, namedAbsent: [], ...(namedOne ? { namedOne } : {}) }) as unknown as Retrieval;

describe("a first section a little below the bar", () => {
  const ministry = candidate("qd1765-bgddt", "Phụ lục I.7", 0.45, 0.19);
  const city = candidate("qd1765-ubnd", "Phụ lục.4", 0.13, 0.1);
  it("of one of two documents sharing the number named: answers", () => {
    expect(pickEvidence(retrieval(["qd1765-bgddt", "qd1765-ubnd"], [ministry, city]))).toEqual([ministry]);
  });
  it("with a close second, or of three documents named: does not", () => {
    const close = candidate("qd1765-ubnd", "Phụ lục.4", 0.4, 0.1);
    expect(pickEvidence(retrieval(["qd1765-bgddt", "qd1765-ubnd"], [ministry, close]))).toEqual([]);
    expect(pickEvidence(retrieval(["qd1765-bgddt", "qd1765-ubnd", "kh1765"], [ministry, city]))).toEqual([]);
  });
  it("of the one document named: answers, as before", () => {
    expect(pickEvidence(retrieval(["qd1765-bgddt"], [ministry, city], "qd1765-bgddt"))).toEqual([ministry]);
  });
});
