/**
 * Paced playout to the phone line: 20 ms μ-law frames sent in real time (a small lead of a couple of
 * frames absorbs timer jitter), one `mark` at the end of each segment (a sentence), `clear` on barge-in,
 * and the arithmetic of what the caller actually heard, from the marks Twilio echoes back.
 * All sessions on the real clock share one timer so a thousand calls cost one interval, not a
 * thousand; on a simulated scheduler (tests) each playout ticks on that scheduler's time.
 */
import { ByteFramer, UlawAudio } from '../audio/index.js';
import { systemScheduler, type Scheduler, type TimerHandle } from '../lib/index.js';
import type { MediaSink } from './ports.js';

const FRAME_MS = 20;
/** Bytes of one 20 ms μ-law frame. */
const FRAME_BYTES = 160;

/** A stretch of agent audio with one mark at its end. */
export interface Segment {
  readonly id: string;
  readonly text: string;
  /** Frames not yet sent. */
  queue: UlawAudio[];
  framer: ByteFramer;
  totalFrames: number;
  sentFrames: number;
  ended: boolean;
  markSent: boolean;
  firstSentAt: number | null;
  playedAt: number | null;
}

/** What was cut by a `clear`: the segment that was playing and how much of it was heard. */
export interface ClearReport {
  /** The segment playing when cut (null when nothing was playing). */
  segment: Segment | null;
  /** Heard share of that segment's text (whole words). */
  partialText: string;
  /** Milliseconds of that segment the caller heard. */
  partialMs: number;
}

/** 10 ms ticks: half a frame, so a late timer never delays a frame by more than ~10 ms. */
const TICK_MS = 10;

type Tickable = { tick(now: number): void };
const active = new Set<Tickable>();
let timer: NodeJS.Timeout | null = null;

function register(p: Tickable): void {
  active.add(p);
  if (!timer) {
    timer = setInterval(() => {
      const now = performance.now();
      for (const x of active) x.tick(now);
    }, TICK_MS);
    timer.unref();
  }
}
function unregister(p: Tickable): void {
  active.delete(p);
  if (active.size === 0 && timer) {
    clearInterval(timer);
    timer = null;
  }
}

/** Per-call outbound audio queue and pacer. */
export class Playout {
  private segments: Segment[] = [];
  private runStart = 0;
  private sentInRun = 0;
  private running = false;
  private seq = 0;
  private closed = false;
  private lastPlayedAt: number | null = null;
  private readonly scheduler: Scheduler;
  private readonly aheadFrames: number;
  private ownTimer: TimerHandle | null = null;
  private readonly now: () => number;

  constructor(
    private readonly sink: MediaSink,
    private readonly hooks: { onFirstFrame?(seg: Segment, now: number): void; onPlayed?(seg: Segment): void } = {},
    o: {
      /** Frames sent ahead of real time (absorb timer jitter). */
      aheadFrames?: number;
      /** Time and timers (the real ones by default). */
      scheduler?: Scheduler;
      /** The caller drives `tick` itself (unit tests of the pacer). */
      manualTicks?: boolean;
    } = {},
  ) {
    this.aheadFrames = o.aheadFrames ?? 2;
    const scheduler = (this.scheduler = o.scheduler ?? systemScheduler);
    // the real clock read directly: this runs for every frame sent
    this.now = scheduler === systemScheduler ? () => performance.now() : () => scheduler.ms();
    if (o.manualTicks) return;
    if (scheduler === systemScheduler) register(this);
    else this.ownTimer = scheduler.setInterval(() => this.tick(scheduler.ms()), TICK_MS);
  }

  /** Opens a new segment (a sentence) at the end of the queue. */
  begin(text: string, tag = 's'): Segment {
    const seg: Segment = {
      id: `${tag}${++this.seq}`,
      text,
      queue: [],
      framer: new ByteFramer(160),
      totalFrames: 0,
      sentFrames: 0,
      ended: false,
      markSent: false,
      firstSentAt: null,
      playedAt: null,
    };
    this.segments.push(seg);
    return seg;
  }

  /** Adds μ-law audio to a segment; the first frames leave at once when the line is idle. */
  append(seg: Segment, ulaw: Uint8Array): void {
    if (this.closed || !this.segments.includes(seg)) return;
    for (const f of seg.framer.push(ulaw)) this.enqueue(seg, f);
    this.tick(this.now());
  }

  /**
   * Adds audio that arrived as an opaque chunk (a speech-to-speech model's delta). A chunk that is
   * exactly one 20 ms frame, landing on a frame boundary, is queued as it is: it leaves in the form it
   * came in (no decode, no re-encode). Answers the frames it adds.
   */
  appendAudio(seg: Segment, audio: UlawAudio): number {
    if (audio.byteLength === FRAME_BYTES && seg.framer.empty) {
      if (this.closed || !this.segments.includes(seg)) return 1;
      seg.queue.push(audio);
      seg.totalFrames++;
      this.tick(this.now());
      return 1;
    }
    const bytes = audio.ulaw();
    this.append(seg, bytes);
    return bytes.length / FRAME_BYTES;
  }

  /** Adds ready frames (cached greeting audio). */
  appendFrames(seg: Segment, frames: UlawAudio[]): void {
    if (this.closed || !this.segments.includes(seg)) return;
    seg.queue.push(...frames);
    seg.totalFrames += frames.length;
    this.tick(this.now());
  }

  /** Marks a segment complete; its mark follows its last frame. */
  end(seg: Segment): void {
    const tail = seg.framer.flush();
    if (tail) this.enqueue(seg, tail);
    seg.ended = true;
    this.tick(this.now());
  }

  private enqueue(seg: Segment, frame: Uint8Array): void {
    seg.queue.push(UlawAudio.fromBytes(frame));
    seg.totalFrames++;
  }

  /** True while audio is queued, or sent but not yet confirmed played. */
  get speaking(): boolean {
    return this.segments.length > 0;
  }

  /** Milliseconds of audio queued or sent but not yet confirmed played. */
  pendingMs(): number {
    return this.segments.reduce((ms, s) => ms + s.totalFrames * FRAME_MS, 0);
  }

  /** Twilio echoed a mark: that segment (and any before it) has been played. */
  onMark(name: string): void {
    const idx = this.segments.findIndex((s) => s.id === name);
    if (idx < 0) return;
    const now = this.now();
    const played = this.segments.splice(0, idx + 1);
    this.lastPlayedAt = now;
    for (const s of played) {
      s.playedAt = now;
      this.hooks.onPlayed?.(s);
    }
  }

  /**
   * Barge-in: drops all queued audio and sends `clear`. Segments whose marks came back were heard
   * whole (the session saw them through `onPlayed`); the one playing now was heard from when the
   * previous mark came back (or its first frame left) until now. Marks Twilio echoes after a clear
   * name segments that are gone and are ignored.
   */
  clear(): ClearReport {
    const now = this.now();
    const report: ClearReport = { segment: null, partialText: '', partialMs: 0 };
    const s = this.segments.find((x) => x.firstSentAt !== null && x.totalFrames > 0);
    if (s) {
      const startedAt = Math.max(this.lastPlayedAt ?? s.firstSentAt!, s.firstSentAt!);
      const ms = Math.min(Math.max(0, now - startedAt), s.sentFrames * FRAME_MS);
      const words = s.text.split(/\s+/).filter(Boolean);
      report.segment = s;
      report.partialMs = ms;
      report.partialText = words.slice(0, Math.floor((words.length * ms) / (s.totalFrames * FRAME_MS))).join(' ');
    }
    this.segments = [];
    this.running = false;
    this.sink.sendClear();
    return report;
  }

  /** Sends the frames that are due. */
  tick(now: number): void {
    if (this.closed) return;
    if (!this.running) {
      if (!this.hasQueued()) return this.sendMarks();
      this.running = true;
      this.runStart = now;
      this.sentInRun = 0;
    }
    const due = Math.floor((now - this.runStart) / FRAME_MS) + 1 + this.aheadFrames;
    while (this.sentInRun < due) {
      if (!this.sendOne(now)) {
        // underrun: the line plays silence; the next audio starts a fresh run
        this.running = false;
        break;
      }
      this.sentInRun++;
    }
    this.sendMarks();
  }

  /** The segment whose frames go out next (the first whose mark is not yet sent). */
  private current(): Segment | undefined {
    return this.segments.find((x) => !x.markSent);
  }

  private hasQueued(): boolean {
    return (this.current()?.queue.length ?? 0) > 0;
  }

  private sendOne(now: number): boolean {
    this.sendMarks();
    const s = this.current();
    if (!s || s.queue.length === 0) return false; // nothing, or this segment's audio is still coming
    if (s.firstSentAt === null) {
      s.firstSentAt = now;
      this.hooks.onFirstFrame?.(s, now);
    }
    this.sink.sendMedia(s.queue.shift()!);
    s.sentFrames++;
    return true;
  }

  private sendMarks(): void {
    for (;;) {
      const s = this.current();
      if (!s || s.queue.length > 0 || !s.ended) return;
      s.markSent = true;
      if (s.totalFrames > 0) {
        this.sink.sendMark(s.id);
      } else {
        // nothing to play: the segment is done without a round trip
        this.segments.splice(this.segments.indexOf(s), 1);
        s.playedAt = this.now();
        this.hooks.onPlayed?.(s);
      }
    }
  }

  /** Stops pacing (call ended). */
  close(): void {
    this.closed = true;
    this.segments = [];
    unregister(this);
    this.scheduler.clear(this.ownTimer);
    this.ownTimer = null;
  }
}

/** Splits μ-law audio into 20 ms frames (for caches of fixed lines). */
export function toFrames(ulaw: Uint8Array): UlawAudio[] {
  const f = new ByteFramer(FRAME_BYTES);
  const frames = f.push(ulaw);
  const tail = f.flush();
  if (tail) frames.push(tail);
  return frames.map((x) => UlawAudio.fromBytes(x));
}
