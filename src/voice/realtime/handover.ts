/**
 * Realtime → cascade within one call. The speech-to-speech model is one vendor socket: when it cannot
 * be opened at the start of a call, or fails a second time mid-call, the call is handed to the
 * cascade engine (STT → brain → TTS) on the same phone line instead of ending. The caller hears a
 * short line at once (never silence), the recorder keeps one call record, and the switch is a
 * `provider_fallback` event the owner sees.
 */
import type { CallEngine, CallRecorder, PhoneAudio } from '../ports.js';

/** What the realtime session hands over: why, and the caller audio not yet heard by anyone. */
export interface Handover {
  reason: string;
  held: PhoneAudio[];
  /** The model never answered this call: the next engine greets afresh instead of apologizing. */
  atStart: boolean;
}

/** A call engine that starts as realtime and can become cascade. */
export class HandoverEngine implements CallEngine {
  private current: CallEngine;
  private switched = false;
  private closed = false;

  /**
   * `realtime(handover)` builds the realtime session with its handover hook; `cascade()` builds the
   * engine that takes over (its opening line replaces the greeting).
   */
  constructor(
    realtime: (handover: (h: Handover) => void) => CallEngine,
    private readonly cascade: (atStart: boolean) => CallEngine,
    private readonly recorder: Pick<CallRecorder, 'onEvent'>,
    private readonly labels: { from: string; to: string },
  ) {
    this.current = realtime((h) => void this.takeOver(h));
  }

  private async takeOver(h: Handover): Promise<void> {
    if (this.switched || this.closed) return;
    this.switched = true;
    void Promise.resolve(
      this.recorder.onEvent('provider_fallback', {
        stage: 'realtime',
        from: this.labels.from,
        to: this.labels.to,
        reason: h.reason,
      }),
    ).catch(() => {});
    const next = this.cascade(h.atStart);
    this.current = next;
    await next.start();
    for (const p of h.held) next.onMedia(p);
  }

  start(): Promise<void> {
    return this.current.start();
  }
  onMedia(frame: PhoneAudio, timestampMs?: number): void {
    this.current.onMedia(frame, timestampMs);
  }
  onMark(name: string): void {
    this.current.onMark(name);
  }
  onDtmf(digit: string): void {
    this.current.onDtmf(digit);
  }
  onStop(): void {
    this.current.onStop();
  }
  wrapUp(): void {
    this.current.wrapUp();
  }
  async close(reason?: string): Promise<void> {
    this.closed = true;
    await this.current.close(reason);
  }
}
