/**
 * Spaced repetition with Leitner boxes, counted in quiz sessions (a cadre does not quiz every day, so calendar days
 * would make everything due at once after a holiday). A missed question goes back to box 1 and is due at the next
 * session; each correct answer moves it up one box, and box b is due again after 2^(b-1) sessions.
 */

export const BOXES = 5;

export interface LeitnerCard {
  box: number;
  /** Session in which the card was last answered. */
  lastSession: number;
}

export interface LeitnerDeck {
  /** Sessions started so far. */
  session: number;
  cards: Record<string, LeitnerCard>;
}

export const emptyDeck = (): LeitnerDeck => ({ session: 0, cards: {} });

/** Sessions to wait before a card of this box is due again. */
export function interval(box: number): number {
  return 2 ** (Math.min(Math.max(box, 1), BOXES) - 1);
}

export function isDue(deck: LeitnerDeck, id: string): boolean {
  const card = deck.cards[id];
  return Boolean(card) && deck.session - card!.lastSession >= interval(card!.box);
}

/** Due cards, the most urgent first (lowest box, then the longest unseen). */
export function dueCards(deck: LeitnerDeck): string[] {
  return Object.entries(deck.cards)
    .filter(([id]) => isDue(deck, id))
    .sort(([, a], [, b]) => a.box - b.box || a.lastSession - b.lastSession)
    .map(([id]) => id);
}

export function startSession(deck: LeitnerDeck): LeitnerDeck {
  return { ...deck, session: deck.session + 1 };
}

/** Record an answer given in the current session. */
export function recordAnswer(deck: LeitnerDeck, id: string, correct: boolean): LeitnerDeck {
  const prev = deck.cards[id];
  const box = correct ? Math.min(BOXES, (prev?.box ?? 1) + 1) : 1;
  return { ...deck, cards: { ...deck.cards, [id]: { box, lastSession: deck.session } } };
}
