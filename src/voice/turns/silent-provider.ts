/**
 * A provider socket can stay open, answer pings and still say nothing (a stuck upstream worker, a
 * proxy that forwards only one way). This notices it from the call itself: the caller spoke (or an
 * answer is owed) and the provider has sent nothing for `silentMs` while the caller's audio keeps
 * flowing. No timers: `check` runs on the media path, 50 times a second per call.
 */
export class SilentProviderWatch {
  private owedSince: number | null = null;
  private why = '';

  constructor(
    private readonly silentMs: number,
    private readonly onSilent: (info: { why: string; silentMs: number }) => void,
  ) {}

  /** Something the provider must react to happened at `now` (the first one starts the clock). */
  owe(now: number, why: string): void {
    if (this.owedSince !== null) return;
    this.owedSince = now;
    this.why = why;
  }

  /** The provider said something: it is alive. */
  heard(): void {
    this.owedSince = null;
  }

  /** What was owed is not owed any more (the caller went on talking into an utterance the provider holds open). */
  forgive(): void {
    this.owedSince = null;
  }

  /** True while the provider owes an answer. */
  get owing(): boolean {
    return this.owedSince !== null;
  }

  /** Caller audio arrived at `now`: reports (once) a provider silent for too long. */
  check(now: number): void {
    if (this.owedSince === null || now - this.owedSince < this.silentMs) return;
    const silentMs = Math.round(now - this.owedSince);
    this.owedSince = null;
    this.onSilent({ why: this.why, silentMs });
  }
}
