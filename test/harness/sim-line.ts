/**
 * A phone line in simulated time, for call-session tests that need no sockets: the session writes to
 * it as to Twilio (media, marks, clear, hang-up), it "plays" the agent's audio at real-time speed on
 * the simulated clock and echoes each mark when the audio before it has played (at once on `clear`,
 * as Twilio does), and the caller streams 20 ms frames — speech when queued, silence otherwise.
 * Nothing here reads the real clock: a test's waits are simulated milliseconds, whatever the load.
 */
import { UlawAudio } from '../../src/audio/index.js';
import type { SimulatedScheduler, TimerHandle } from '../../src/lib/index.js';
import type { AudioChunk, TextToSpeech } from '../../src/providers/index.js';
import type { CallEngine, CallEventName, CallRecorder, MediaSink, TurnRecord } from '../../src/voice/index.js';
import { ulawSpeechFor } from '../fakes/common.js';

/** A TTS that answers at once with stand-in speech (~60 ms per word): no I/O, so simulated time stays exact. */
export class InstantTts implements TextToSpeech {
  readonly requests: string[] = [];
  constructor(readonly label = 'instant.tts') {}
  async *synthesize(text: string): AsyncIterable<AudioChunk> {
    this.requests.push(text);
    yield { kind: 'ulaw', data: ulawSpeechFor(text) };
  }
}

/** Everything a recorder was told about one call, stamped with simulated time. */
export interface SimRecord {
  started: boolean;
  turns: TurnRecord[];
  events: Array<{ name: CallEventName; data?: Record<string, unknown>; at: number }>;
  ended: { reason: string; durationMs: number } | null;
}

/** A recorder that keeps everything in memory. */
export function simRecorder(clock: SimulatedScheduler): CallRecorder & { rec: SimRecord } {
  const rec: SimRecord = { started: false, turns: [], events: [], ended: null };
  return {
    rec,
    onStart: () => void (rec.started = true),
    onTurn: (t) => void rec.turns.push(t),
    onEvent: (name, data) => void rec.events.push({ name, data, at: clock.ms() }),
    onEnd: (s) => void (rec.ended = { reason: s.reason, durationMs: s.durationMs }),
  };
}

/** One agent frame as the caller heard it. */
export interface SimFrame {
  at: number;
  audio: UlawAudio;
}

/** The simulated phone line between a caller and a call engine. */
export class SimLine implements MediaSink {
  readonly media: SimFrame[] = [];
  readonly marksSent: string[] = [];
  readonly marksEchoed: Array<{ name: string; at: number }> = [];
  readonly clears: number[] = [];
  hungUp: string | null = null;
  private engine: CallEngine | null = null;
  /** When the audio queued at the caller's side ends playing (simulated ms). */
  private playsUntil = 0;
  private pendingMarks: Array<{ name: string; timer: TimerHandle }> = [];
  private readonly speech: Array<{ pcm: Int16Array; off: number; done: () => void }> = [];
  private lineTimer: TimerHandle | null = null;

  constructor(private readonly clock: SimulatedScheduler) {}

  /** Connects the engine the caller's audio, marks and keys go to. */
  attach(engine: CallEngine): this {
    this.engine = engine;
    return this;
  }

  sendMedia(frame: UlawAudio): void {
    const at = this.clock.ms();
    this.media.push({ at, audio: frame });
    this.playsUntil = Math.max(this.playsUntil, at) + frame.ms;
  }

  sendMark(name: string): void {
    this.marksSent.push(name);
    const timer = this.clock.setTimeout(() => this.echo(name), Math.max(0, this.playsUntil - this.clock.ms()));
    this.pendingMarks.push({ name, timer });
  }

  sendClear(): void {
    this.clears.push(this.clock.ms());
    this.playsUntil = this.clock.ms();
    // Twilio echoes the pending marks of cleared audio at once (a message later, not inside this call)
    for (const p of this.pendingMarks.splice(0)) {
      this.clock.clear(p.timer);
      this.clock.setTimeout(() => this.echo(p.name), 0);
    }
  }

  hangup(reason: string): void {
    this.hungUp = reason;
    this.stopLine();
  }

  private echo(name: string): void {
    this.pendingMarks = this.pendingMarks.filter((p) => p.name !== name);
    this.marksEchoed.push({ name, at: this.clock.ms() });
    this.engine?.onMark(name);
  }

  /** The caller's line: one 20 ms frame every 20 ms, speech when some is queued, silence otherwise. */
  startLine(): void {
    if (this.lineTimer || this.hungUp) return;
    this.lineTimer = this.clock.setInterval(() => {
      const f = new Int16Array(160);
      const cur = this.speech[0];
      if (cur) {
        f.set(cur.pcm.subarray(cur.off, cur.off + 160));
        cur.off += 160;
        if (cur.off >= cur.pcm.length) {
          this.speech.shift();
          cur.done();
        }
      }
      this.engine?.onMedia(UlawAudio.fromPcm(f));
    }, 20);
  }

  stopLine(): void {
    this.clock.clear(this.lineTimer);
    this.lineTimer = null;
  }

  /** Queues caller speech on the line; resolves (in simulated time) when it has all been sent. */
  say(pcm: Int16Array): Promise<void> {
    this.startLine();
    return new Promise((done) => this.speech.push({ pcm, off: 0, done }));
  }

  /** Agent frames sent after simulated time `t`. */
  framesAfter(t: number): SimFrame[] {
    return this.media.filter((f) => f.at > t);
  }

  /** True when the agent has sent audio, all of it has played, and nothing new came for `quietMs`. */
  agentDone(quietMs = 300): boolean {
    const last = this.media.at(-1);
    return (
      last !== undefined && this.clock.ms() - last.at > quietMs && this.marksEchoed.length >= this.marksSent.length
    );
  }
}
