/**
 * Smooths per-frame VAD decisions into speech start and end: speech starts after `onsetMs` of voiced
 * frames (a click or a cough of one frame is not speech) and ends after `hangoverMs` of unvoiced ones.
 * The end time reported is the end of the last voiced frame — when the caller actually stopped.
 */

/** Detector thresholds. */
export interface SpeechDetectorOptions {
  onsetMs?: number;
  hangoverMs?: number;
  frameMs?: number;
}

/** A change of the caller's speaking state. */
export type SpeechChange = { type: 'start'; at: number } | { type: 'end'; at: number; speechMs: number } | null;

/** Onset/hangover state machine over frame decisions. */
export class SpeechDetector {
  private voicedRun = 0;
  private silentRun = 0;
  private speaking = false;
  private startedAt = 0;
  /** End time of the last voiced frame. */
  lastVoicedEnd = 0;
  private readonly onset: number;
  private readonly hangover: number;
  private readonly frameMs: number;

  constructor(o: SpeechDetectorOptions = {}) {
    this.frameMs = o.frameMs ?? 20;
    this.onset = Math.max(1, Math.round((o.onsetMs ?? 60) / this.frameMs));
    this.hangover = Math.max(1, Math.round((o.hangoverMs ?? 300) / this.frameMs));
  }

  /** True while the caller is speaking. */
  get isSpeaking(): boolean {
    return this.speaking;
  }

  /** Milliseconds the current utterance has lasted (0 when silent). */
  speechMs(now: number): number {
    return this.speaking ? now - this.startedAt : 0;
  }

  /** Feeds one frame decision received at `now` (ms); returns a state change, if any. */
  push(voiced: boolean, now: number): SpeechChange {
    if (voiced) {
      this.lastVoicedEnd = now;
      this.silentRun = 0;
      this.voicedRun++;
      if (!this.speaking && this.voicedRun >= this.onset) {
        this.speaking = true;
        this.startedAt = now - (this.onset - 1) * this.frameMs;
        return { type: 'start', at: this.startedAt };
      }
      return null;
    }
    this.voicedRun = 0;
    if (!this.speaking) return null;
    this.silentRun++;
    if (this.silentRun >= this.hangover) {
      this.speaking = false;
      return { type: 'end', at: this.lastVoicedEnd, speechMs: this.lastVoicedEnd - this.startedAt };
    }
    return null;
  }
}
