/**
 * The quiz's tuning constants in one place, each with the reason for its value. Generators, the bank, selection and
 * the session read them from here; tests may pass other values where a function takes them as an argument.
 */
export const QUIZ_TUNING = {
  /** Distractors per item: three wrong options and the answer make the four-option poll cadres know from tests. */
  distractors: 3,
  /** Fewest distractors an item may have: Telegram allows two options, but one wrong option is a coin toss. */
  minDistractors: 2,
  /**
   * Candidates a distractor search checks at most per item. Pools grow with the corpus (every body, every heading);
   * checking all of them per item made the bank quadratic. A seeded walk over at most this many keeps it linear.
   */
  maxCandidateChecks: 80,
  /** Longest option the generators build (Telegram allows 100): room for "…" when a clause is cut. */
  optionChars: 100,
  /** A measure quoted in a "which group" question: long enough to say something, short enough to read on a phone. */
  measureWords: { min: 8, max: 32 },
  /**
   * Content syllables a measure or a statement needs (not function words, not directive boilerplate such as
   * "tăng cường công tác kiểm tra"): fewer, and it says nothing a reader could recall or tell from another group.
   */
  minContentSyllables: 4,
  /** "Which group" items per group heading: enough for sessions to vary, few enough that one group does not crowd out the rest. */
  measuresPerGroup: 4,
  /**
   * A clause used as a statement in a "which is true" item: long enough to assert something. Longer clauses are cut
   * at 100 characters (marked "…"); a change is only made where the cut option keeps it.
   */
  statementWords: { min: 6, max: 60 },
  /** "Which is true" items per document part. */
  statementsPerPart: 2,
  /**
   * Words of a term blanked in a cloze: fewer than three are everyday words several options could replace
   * ("hành động", "đào tạo"); more than six are clauses, not terms.
   */
  termWords: { min: 3, max: 6 },
  /**
   * Terms kept from the corpus as distractors from other documents (a document's own come first), gathered from at
   * most this many documents per share: more documents add no new kind of term, only time.
   */
  termPool: 5000,
  termPoolDocuments: 300,
  /** Cloze items per document part (content words only). */
  clozePerPart: 3,
  /** Number items per top-level part and per section: a table of targets would otherwise be all a session asks. */
  numbersPerPart: 6,
  numbersPerSection: 2,
  /**
   * A syllable pair used in more than this share of a document's sections (and in at least `genericMinSections`)
   * says nothing about the sentence it is in ("khoa học", "công nghệ" in Kết luận 69): never the whole of a blank.
   */
  genericSectionShare: 0.3,
  genericMinSections: 3,
  /**
   * Share of a session's items that may come from outside a document's body (its header, signature and opening
   * paragraph: who issued it, when, its number). Issue 13: a study session is about what the text asks.
   */
  maxMetadataShare: 0.2,
  /** Share of a session one kind of question may take before other kinds come first: a session mixes kinds. */
  maxKindShare: 0.3,
  /**
   * Worker threads that build the bank at most: one per core, so a two-thousand-document bank is ready in seconds.
   * The event loop keeps answering chats meanwhile (the threads only share its cores).
   */
  maxBankThreads: 4,
  /** n of the attested-phrase index: a filled-in blank is "used by the corpus" when every 4-syllable window of it is. */
  attestedGram: 4,
  /** Syllables of context kept on each side of a blank when checking whether the corpus uses a filled-in phrase. */
  attestedContext: 2,
} as const;

/** Difficulty of an item: 1 dễ, 2 vừa, 3 khó. */
export type Difficulty = 1 | 2 | 3;

/**
 * From the distances of an item's distractors (0 = as close to the answer as a wrong option gets, 1 = far) to a
 * difficulty: close distractors make a hard question.
 */
export function difficultyOf(distances: readonly number[]): Difficulty {
  if (!distances.length) return 1;
  const mean = distances.reduce((a, b) => a + b, 0) / distances.length;
  return mean < 0.34 ? 3 : mean < 0.67 ? 2 : 1;
}
