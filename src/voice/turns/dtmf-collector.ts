import type { Scheduler, TimerHandle } from '../../lib/index.js';

/** Collects key presses into one entry: it ends at '#' or after a pause between keys. */
export class DtmfCollector {
  private digits = '';
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Scheduler,
    private readonly gapMs: number,
    private readonly onEntry: (digits: string) => void,
  ) {}

  /** Adds a key press. */
  press(digit: string): void {
    this.clock.clear(this.timer);
    this.timer = null;
    if (digit === '#') return this.flush();
    this.digits += digit;
    this.timer = this.clock.setTimeout(() => this.flush(), this.gapMs);
  }

  private flush(): void {
    const d = this.digits;
    this.digits = '';
    this.timer = null;
    if (d) this.onEntry(d);
  }

  /** Drops pending digits (call ended). */
  dispose(): void {
    this.clock.clear(this.timer);
    this.timer = null;
  }
}
