/** Collects key presses into one entry: it ends at '#' or after a pause between keys. */
export class DtmfCollector {
  private digits = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly gapMs: number,
    private readonly onEntry: (digits: string) => void,
  ) {}

  /** Adds a key press. */
  press(digit: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (digit === '#') return this.flush();
    this.digits += digit;
    this.timer = setTimeout(() => this.flush(), this.gapMs);
  }

  private flush(): void {
    const d = this.digits;
    this.digits = '';
    this.timer = null;
    if (d) this.onEntry(d);
  }

  /** Drops pending digits (call ended). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
