/**
 * Every constant that tunes retrieval and answering, in one place, each with the reason for its value. Change one
 * here and the question sets (eval/run.sh) say what it did; never tune to a single question.
 */
export const TUNING = {
  /** Re-ranking boost for a document the question names as its subject ("Kết luận 69 yêu cầu…"): the strongest
   * signal of which text the cadre means. A number only cited (the corpus's topic) gets it divided by how many
   * documents cite it. */
  boostSubject: 1,
  /** Re-ranking boost for a document of a place (or issuer) the question names. */
  boostPlace: 1,
  /** A type word ("kế hoạch") alone is a weak hint: many documents share a type. */
  boostType: 0.25,
  /** Unscoped questions also search the sources (central documents, documents the corpus cites) for this many
   * chunks, so that a passage many plans copy can be cited from where it comes (see answer/copies.ts). */
  sourceHits: 10,
  /** A page with neither number nor issuer (news, questions and answers quoting a resolution) after official texts. */
  unofficialFactor: 0.75,
  /** A section whose title the question repeats is about it, but titles are short and generic. */
  boostTitle: 0.5,
  /** Below this share of the question's key-term weight, evidence does not answer the question: half the weighted
   * content words (and pairs, which carry the meaning) must be there. */
  minCoverage: 0.5,
  /**
   * In the one document a question names, its first section answers down to this coverage when it holds at least
   * namedClearMargin times what the next section does: the question's own phrasing ("lấy từ nguồn nào") is not the
   * document's ("bố trí từ ngân sách"), and a section alone that far ahead is the one asked about.
   */
  namedClearCoverage: 0.4,
  /**
   * …but a value asked ("bao nhiêu", "mấy") of that passage needs this share of the question's key-pair weight in it:
   * the words around a value ("tối thiểu … phần trăm") are in many passages, what the value is of is the answer.
   * Measured on our sets: the near miss "tỷ lệ hồ sơ trực tuyến tối thiểu bao nhiêu %" of "tối thiểu 3% tổng chi ngân
   * sách" holds 0.26; right answers below the bar held 0.38 ("bao nhiêu ngày để thẩm định hồ sơ" of "thời hạn 20
   * ngày làm việc") and 0.44 (a chat question whose "3 tỉnh cũ" the row names one by one).
   */
  belowBarValuePairs: 0.33,
  namedClearMargin: 1.4,
  /**
   * …unless the question names a compound the corpus writes and that document never does (Retrieval.namedAbsent). A
   * compound: a pair found in at least this share of the chunks holding its rarer syllable ("kinh tế" is most uses of
   * "kinh"); below it, two words that meet across a seam ("huyện | bố trí"), which a large corpus writes somewhere.
   */
  compoundShare: 0.2,
  /** A runner-up section is quoted beside the best only when it holds nearly as much of the question… */
  runnerUpCoverage: 0.75,
  /** …and ranks within reach of it (fused scores fall fast after the first few). */
  runnerUpScore: 0.35,
  /**
   * A report asked by its period ("bc 6 tháng đầu năm 2025") with none named: the reports among this many first
   * candidates are the ones weighed; when each is of another period, the report asked is not in the corpus.
   */
  periodReportsLead: 5,
  /** Sections quoted for a general question: more is noise in a chat message. */
  maxSections: 3,
  /**
   * A question that joins two things ("tỷ lệ … toàn trình và về kinh tế số là bao nhiêu?"): a side (the words between
   * "và" / "còn") of which no picked passage holds `complementHeld` of the key-pair weight is answered by the passage of
   * the same document that holds at least `complementGain` of it. A side is a topic of its own only when one passage
   * holds most of its pairs; a side of framing words ("… và Đào tạo, đến năm 2027 …") is held by the picked passages.
   */
  complementHeld: 0.5,
  complementGain: 0.6,
  /**
   * A question that asks two things joined by "và" ("… thông báo trong bao lâu và khắc phục trong bao lâu?") whose
   * answers stand in two clauses of one article: no single clause holds the whole question, so none reaches the bar.
   * Two sibling sections of one document (same parent) among the first candidates, each holding at least this much of
   * the question, answer it together when the two hold `minCoverage` of it between them.
   */
  siblingPairCoverage: 0.3,
  /** In a comparison each document answers with its own best evidence, down to this coverage: the comparison's own
   * words ("khác nhau thế nào", the other document's name) are in no single document. */
  compareCoverage: 0.3,
  /** Scope honesty: another document's evidence is pointed to when it would have answered the question (as much as
   * minCoverage); the answer stays "not found" for the document named, so a weak pointer misleads no one. */
  elsewhereCoverage: 0.5,
  /** Evidence coverage is multiplied by this for each content word of the question the corpus never uses: such a
   * word names something the documents do not speak of (mild, since a paraphrase also brings new words). */
  unknownWordFactor: 0.8,
  /** …and by this for each full date the question names that the evidence does not hold. */
  missingDateFactor: 0.5,
  /** Coverage factor for a passage that sets targets for other years only ("Đến năm 2027") when the question asks
   * about one ("mục tiêu đến 2030"): the 2027 milestones answer another question. */
  otherHorizonFactor: 0.45,
  /** Coverage factor for a passage that is only an attachment's caption ("(Ban hành kèm theo Quyết định số …)"): it
   * holds the document's name, which every question about the document repeats, and nothing else. */
  captionFactor: 0.3,
  /** Coverage factor per place the topic names that a passage does not (a list of other provinces is no answer). */
  missingPlaceFactor: 0.4,
  /** Coverage factor per law the topic names ("Luật Công nghiệp công nghệ số") that a passage does not: a passage about
   * another law shares most of its words and answers nothing of it. */
  missingNameFactor: 0.4,
  /** Coverage factor for a passage that states no amount (no "… tỷ/triệu đồng") when the question asks how much money,
   * or no share ("%") when it asks what percentage: it cannot hold the answer. */
  missingValueFactor: 0.5,
  /** An assignment row answers a who/when question above this score (coverage of its task, and the body named). */
  whoMinScore: 0.55,
  /**
   * …or above this one, for a table row or task card, when the search agrees: the row's section is its first hit. A chat question carries
   * words no row has ("… bao giờ xong", "gd", "khcn") and loses coverage for them; the row the search also finds first is
   * still the one asked about, and its lead and deadline are the answer (the passage alone quotes only the task).
   */
  whoMinScoreSearchAgrees: 0.4,
  /** …and only when its task (with the body, for "X có nhiệm vụ gì") holds at least this much of the question. */
  whoMinTaskCoverage: 0.35,
  /** A body asked about counts as named by a document that holds this share of its word pairs anywhere (short
   * forms expanded): below it the document never names the body and the answer says so. Lenient, since a question
   * adds a place ("… tỉnh Quảng Ngãi") the text leaves implicit. */
  bodyMentionedShare: 0.6,
  /** Documents named together in one header question ("A và B do ai ký?") answered each: a list beyond this is a search. */
  metaDocumentsMax: 4,
  /** Another locality's (or the central) document answers "as well" when its evidence holds this share of the
   * coverage of the document cited: then the answer differs by locality and the answer says so. */
  ambiguityCoverage: 0.9,
  /** Copies: a passage this long (characters) shared word for word by documents is a copy, not a common phrase. */
  copyMinChars: 60,
  /** Copies: the source's section may hold this much less of the question than the copy cited (copies add a
   * heading or a body's name) and still be cited instead of it. */
  copyCoverageSlack: 0.05,
  /** Localities' documents named when a question without scope has one answer per locality (a chat line). */
  ambiguityMaxPlaces: 5,
  /** A yes/no question about the text is answered "Có" only when the quoted evidence holds this much of it; below,
   * the quote is given for the reader to judge (a near match may differ in the one word that matters). */
  yesCoverage: 0.85,
  /**
   * A body named as the one given a task ("giao Sở A chủ trì <task>") that the document gives another body: the other
   * body's row must hold at least this much of the question (it is the task asked about) …
   */
  otherBodyTaskCoverage: 0.5,
  /** … and the named body's own rows less than this share of that row's (none of them is about the task). */
  otherBodyOwnShare: 0.6,
  /** Rows within this share of the best row's score are listed with it. */
  whoRunnerUp: 0.9,
  /** Rows listed for one who/when question (a screen in Telegram). */
  whoMaxRows: 4,
  /** A list asked of a section this short (characters) is answered with the whole section: its clauses are the
   * items ("đề nghị A …; đề nghị B …"), and the best-ranked clause alone would drop the others. */
  listWholeSectionChars: 500,
  /**
   * An item of one line up to this long is quoted whole rather than by the clause that ranks best: its clauses are
   * one statement ("… chưa có công chức chuyên trách; hiện giao 01 công chức kiêm nhiệm."), and it reads in a breath.
   */
  wholeItemChars: 300,
  /** An act asked of a document ("thay thế những văn bản nào") whose sentence opens a list of the documents is quoted
   * with its whole line up to this many characters (the list runs on in sentences of its own; a chat message holds
   * about 4,000). */
  actLineChars: 1500,
  /** Items shown for a list or count answer before "xem thêm". */
  listMaxItems: 8,
  /** A count answer names at most this many of the counted items. */
  countShowItems: 6,
  /** A quoted task longer than this is cut to its opening and the sentences that answer best. */
  quoteMaxChars: 700,
} as const;
