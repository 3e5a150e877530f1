/**
 * Background work that yields to the people using the bot: it starts once no update has come for `quietMs`, or after
 * `maxWaitMs` whatever the traffic, and never twice. A start often meets a backlog of questions (Telegram keeps the
 * updates that came while the bot was down), and work that takes every core then (the quiz bank's worker threads)
 * made those answers wait seconds.
 */
export class WhenQuiet {
  private quiet: NodeJS.Timeout | undefined;
  private readonly latest: NodeJS.Timeout;
  private done = false;

  constructor(
    private readonly task: () => void,
    private readonly quietMs: number,
    maxWaitMs: number,
  ) {
    this.latest = setTimeout(() => this.run(), maxWaitMs);
    this.latest.unref();
    this.touch();
  }

  /** An update came: the quiet period starts over. */
  touch(): void {
    if (this.done) return;
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.run(), this.quietMs);
    this.quiet.unref();
  }

  /** The work is not wanted any more (shutdown). */
  cancel(): void {
    this.done = true;
    clearTimeout(this.quiet);
    clearTimeout(this.latest);
  }

  private run(): void {
    if (this.done) return;
    this.cancel();
    this.task();
  }
}
