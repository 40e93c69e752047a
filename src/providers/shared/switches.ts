/**
 * Per-call provider health: a provider that failed twice in a call goes to the back of its chain for
 * the rest of the call (no more waiting out its timeout), and every switch is reported so the call
 * record shows the owner which provider actually served the caller.
 */

/** A switch from one provider to the next (recorded as a `provider_fallback` call event). */
export interface ProviderSwitch {
  stage: 'stt' | 'tts' | 'llm' | 'realtime';
  from: string;
  to: string;
  reason: string;
}

/** Receives switches. */
export type OnSwitch = (s: ProviderSwitch) => void;

/** Failures per provider label within one call. */
export class CallHealth {
  private readonly failures = new Map<string, number>();
  constructor(private readonly demoteAfter = 2) {}

  /** Counts a failure; true when this one demotes the provider. */
  fail(label: string): boolean {
    const n = (this.failures.get(label) ?? 0) + 1;
    this.failures.set(label, n);
    return n === this.demoteAfter;
  }

  /** The chain with demoted providers moved to the back (order otherwise kept). */
  order<T extends { label: string }>(chain: T[]): T[] {
    const ok = chain.filter((p) => (this.failures.get(p.label) ?? 0) < this.demoteAfter);
    return [...ok, ...chain.filter((p) => !ok.includes(p))];
  }
}
