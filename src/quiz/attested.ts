/**
 * "Does the corpus use this phrase?" in constant time per question, whatever the corpus size: every window of
 * QUIZ_TUNING.attestedGram syllables of the corpus goes into a hash set once (linear in the corpus), and a phrase is
 * attested when all its windows are. A distractor whose filled-in phrase is attested is rejected: the corpus uses it
 * in the same place, so it would also be right. Hash collisions can only reject a good distractor, never admit one
 * the corpus uses.
 *
 * Threads that build shares of the bank each fill a table for their documents; the tables are then read together
 * (a window is in the corpus when it is in any of them). Windows are hashed from syllables' normalized forms, so
 * tables built on different threads agree.
 */
import { fmix, syllableHash, syllableIds } from "./tokens.js";
import { QUIZ_TUNING } from "./tuning.js";

const N = QUIZ_TUNING.attestedGram;

function inTable(table: Uint32Array, h: number): boolean {
  const mask = table.length - 1;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const v = table[i]!;
    if (v === h) return true;
    if (v === 0) return false;
  }
}

export class PhraseIndex {
  private table = new Uint32Array(1 << 16);
  private count = 0;
  /** Tables of other shares of the corpus, read-only. */
  private readonly others: Uint32Array[] = [];

  /** An index over tables built elsewhere (their `export()`). */
  static fromTables(tables: Uint32Array[]): PhraseIndex {
    const index = new PhraseIndex();
    index.others.push(...tables);
    return index;
  }

  /** This index's own table, in shared memory: handed to other threads without a copy. */
  export(): Uint32Array {
    const shared = new Uint32Array(new SharedArrayBuffer(this.table.byteLength));
    shared.set(this.table);
    return shared;
  }

  /** Add every window of a text (a section, a heading, a header line). */
  add(text: string): void {
    this.addIds(syllableIds(text));
  }

  /** Add every window of a text already split into syllable ids. */
  addIds(ids: ArrayLike<number>): void {
    for (let i = 0; i + N <= ids.length; i++) this.insert(this.hash(ids, i));
  }

  /** Every window of the phrase is in the corpus (a phrase shorter than a window: never attested). */
  has(text: string): boolean {
    const ids = syllableIds(text);
    if (ids.length < N) return false;
    for (let i = 0; i + N <= ids.length; i++) if (!this.contains(this.hash(ids, i))) return false;
    return true;
  }

  get size(): number {
    return this.count;
  }

  private hash(ids: ArrayLike<number>, at: number): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < N; k++) h = Math.imul(h ^ syllableHash(ids[at + k]!), 0x01000193);
    return fmix(h) || 1;
  }

  private insert(h: number): void {
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = this.table[i]!;
      if (v === h) return;
      if (v === 0) {
        this.table[i] = h;
        this.count++;
        return;
      }
    }
  }

  private contains(h: number): boolean {
    if (inTable(this.table, h)) return true;
    for (const t of this.others) if (inTable(t, h)) return true;
    return false;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.count = 0;
    for (const h of old) if (h) this.insert(h);
  }
}
