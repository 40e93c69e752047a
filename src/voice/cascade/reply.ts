/**
 * One agent reply in the cascade engine: reads the brain's reply parts, speaks each sentence as soon
 * as it arrives (TTS of sentence one does not wait for sentence two), plays a filler when a tool is
 * slow, and keeps the turn's timings. One AbortController cancels all of it on barge-in.
 */
import { AsyncQueue, ProviderError, isAbort, withStreamTimeout, type TextToSpeech } from '../../providers/index.js';
import type { Scheduler, TimerHandle } from '../../lib/index.js';
import { chunksToUlaw } from '../audio-convert.js';
import type { Playout, Segment } from '../playout.js';
import type { CallEventName, PhoneAudio, ReplyPart, TurnRecord } from '../ports.js';

/** What a reply needs. */
export interface ReplyDeps {
  playout: Playout;
  tts: TextToSpeech;
  fallbackTts: TextToSpeech;
  now(): number;
  /** Timers of the filler and the brain's deadlines. */
  scheduler: Scheduler;
  event(name: CallEventName, data?: Record<string, unknown>): void;
  timing: { llmFirstMs: number; llmIdleMs: number; ttsFirstMs: number; fillerMs: number };
  fillers: string[];
  /** Hold lines of particular tools, said instead of a filler. */
  toolHolds?: Record<string, string>;
  voice?: string;
  /** The call's language changed: the voice and fillers to use from now on. */
  onLanguage?(language: string): { voice?: string; fillers: string[] };
  /** Told about each segment the reply opens (the session maps segments back to replies). */
  onSegment?(seg: Segment, reply: AgentReply): void;
}

/** Instants (ms, the session scheduler's monotonic clock) a turn's latencies are computed from. */
export interface ReplyTimes {
  speechEndAt: number | null;
  finalAt: number;
  firstTextAt: number | null;
  ttsSubmitAt: number | null;
  firstAudioAt: number | null;
  firstFrameAt: number | null;
}

/** How the reply's generation ended. */
export type ReplyOutcome = 'done' | 'cancelled' | 'failed';

/** A cancellable, streaming agent reply. */
export class AgentReply {
  readonly abort = new AbortController();
  readonly spoken: string[] = [];
  readonly heard: string[] = [];
  readonly segments = new Set<Segment>();
  endReason: string | null = null;
  transferTo: string | null = null;
  failure: ProviderError | null = null;
  private readonly sentences = new AsyncQueue<string>();
  private pendingSegments = 0;
  private generationDone = false;
  private playedResolve!: () => void;
  /** Resolves when every sentence has been played to the caller (or the reply was cancelled). */
  readonly played = new Promise<void>((r) => (this.playedResolve = r));

  constructor(
    private readonly deps: ReplyDeps,
    readonly times: ReplyTimes,
    readonly callerText = '',
  ) {}

  /** Speaks fixed lines (greeting, re-prompt, apology) through TTS, or ready frames when given. */
  async speakLines(lines: string[], frames?: PhoneAudio[]): Promise<ReplyOutcome> {
    if (frames) {
      const seg = this.track(this.deps.playout.begin(lines.join(' ')));
      this.spoken.push(...lines);
      this.times.firstTextAt = this.times.ttsSubmitAt = this.times.firstAudioAt = this.deps.now();
      this.deps.playout.appendFrames(seg, frames);
      this.deps.playout.end(seg);
      return this.finish('done');
    }
    const speaking = this.speaker();
    for (const l of lines) this.say(l);
    this.sentences.end();
    await speaking;
    return this.finish(this.failure ? 'failed' : 'done');
  }

  /** Streams the brain's reply parts into speech. */
  async run(parts: AsyncIterable<ReplyPart>): Promise<ReplyOutcome> {
    const speaking = this.speaker();
    const it = parts[Symbol.asyncIterator]();
    const clock = this.deps.scheduler;
    let filler: TimerHandle | null = null;
    let toolRunning = false;
    try {
      for (;;) {
        const limit = toolRunning
          ? 30_000
          : this.times.firstTextAt === null
            ? this.deps.timing.llmFirstMs
            : this.deps.timing.llmIdleMs;
        const r = await raceTimeout(clock, it.next(), limit, this.abort.signal);
        if (r === 'aborted') break;
        if (r === 'timeout') throw new ProviderError('brain', `no reply within ${limit} ms`, { status: 408 });
        if (r.done) break;
        const part = r.value;
        switch (part.type) {
          case 'sentence':
            clock.clear(filler);
            filler = null;
            this.say(part.text);
            break;
          case 'toolStart':
            toolRunning = true;
            filler ??= clock.setTimeout(() => this.playFiller(part.name), this.deps.timing.fillerMs);
            break;
          case 'toolEnd':
            toolRunning = false;
            clock.clear(filler);
            filler = null;
            break;
          case 'event':
            this.deps.event('brain', { name: part.name, ...part.data });
            break;
          case 'end':
            this.endReason = part.reason;
            break;
          case 'transfer':
            this.transferTo = part.to;
            this.deps.event('transfer', { to: part.to });
            break;
          case 'language': {
            // said before the reply's sentences: they are spoken with the language's voice
            const next = this.deps.onLanguage?.(part.language);
            if (next) {
              this.deps.voice = next.voice;
              this.deps.fillers = next.fillers;
            }
            this.deps.event('brain', { name: 'language', language: part.language });
            break;
          }
        }
      }
    } catch (e) {
      if (!isAbort(e))
        this.failure = e instanceof ProviderError ? e : new ProviderError('brain', (e as Error).message, { cause: e });
      void it.return?.();
    } finally {
      clock.clear(filler);
    }
    this.sentences.end();
    await speaking;
    if (this.abort.signal.aborted) return this.finish('cancelled');
    return this.finish(this.failure ? 'failed' : 'done');
  }

  /** The turn record: latencies from the reply's instants (ms, rounded; null when not reached). */
  toRecord(index: number, interrupted: boolean, heardText: string): TurnRecord {
    const t = this.times;
    const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? Math.round(a - b) : null);
    return {
      index,
      callerText: this.callerText,
      agentText: this.spoken.join(' '),
      asrMs: diff(t.finalAt, t.speechEndAt),
      llmMs: diff(t.firstTextAt, t.finalAt),
      ttsMs: diff(t.firstAudioAt, t.ttsSubmitAt),
      e2eMs: diff(t.firstFrameAt, t.speechEndAt ?? t.finalAt),
      interrupted,
      heardText,
    };
  }

  /** Stops generation and synthesis (the playout is cleared by the session). */
  cancel(): void {
    this.abort.abort();
    this.sentences.end();
    this.playedResolve();
  }

  /** Called by the session when a segment's mark came back. */
  onPlayed(seg: Segment): void {
    if (!this.segments.has(seg)) return;
    this.heard.push(seg.text);
    this.pendingSegments--;
    this.checkPlayed();
  }

  /** Called by the session when a segment's first frame left. */
  onFirstFrame(seg: Segment, at: number): void {
    if (this.segments.has(seg) && this.times.firstFrameAt === null) this.times.firstFrameAt = at;
  }

  private finish(o: ReplyOutcome): ReplyOutcome {
    this.generationDone = true;
    this.checkPlayed();
    return o;
  }

  private checkPlayed(): void {
    if (this.generationDone && this.pendingSegments <= 0) this.playedResolve();
  }

  private track(seg: Segment): Segment {
    this.segments.add(seg);
    this.deps.onSegment?.(seg, this);
    this.pendingSegments++;
    return seg;
  }

  private say(text: string): void {
    const t = text.trim();
    if (!t) return;
    if (this.times.firstTextAt === null) this.times.firstTextAt = this.deps.now();
    this.sentences.push(t);
  }

  private playFiller(tool: string): void {
    if (this.abort.signal.aborted || this.deps.playout.speaking) return;
    const line = this.deps.toolHolds?.[tool] ?? this.deps.fillers[Math.floor(Math.random() * this.deps.fillers.length)];
    this.deps.event('filler', { tool, line });
    this.say(line);
  }

  /** Synthesizes queued sentences in order, each into its own segment (one mark per sentence). */
  private async speaker(): Promise<void> {
    for await (const text of this.sentences) {
      if (this.abort.signal.aborted) return;
      const seg = this.track(this.deps.playout.begin(text));
      this.spoken.push(text);
      if (this.times.ttsSubmitAt === null) this.times.ttsSubmitAt = this.deps.now();
      const ok = (await this.synth(this.deps.tts, seg)) || (await this.fallback(seg));
      this.deps.playout.end(seg);
      if (!ok) {
        this.failure ??= new ProviderError(this.deps.tts.label, 'speech synthesis failed');
        return;
      }
    }
  }

  private async fallback(seg: Segment): Promise<boolean> {
    if (this.abort.signal.aborted || this.deps.fallbackTts === this.deps.tts) return false;
    this.deps.event('provider_fallback', { stage: 'tts', from: this.deps.tts.label, to: this.deps.fallbackTts.label });
    return this.synth(this.deps.fallbackTts, seg);
  }

  /** True when audio was produced; false when the provider failed before producing any. */
  private async synth(tts: TextToSpeech, seg: Segment): Promise<boolean> {
    let produced = false;
    try {
      const stream = withStreamTimeout(
        tts.synthesize(seg.text, { voice: this.deps.voice, signal: this.abort.signal, sampleRate: 8000 }),
        tts.label,
        this.deps.timing.ttsFirstMs,
      );
      for await (const chunk of stream) {
        if (this.abort.signal.aborted) return true;
        if (this.times.firstAudioAt === null) this.times.firstAudioAt = this.deps.now();
        produced = true;
        this.deps.playout.append(seg, chunksToUlaw(chunk));
      }
      return true;
    } catch (e) {
      if (isAbort(e) || this.abort.signal.aborted) return true;
      return produced;
    }
  }
}

async function raceTimeout<T>(
  clock: Scheduler,
  p: Promise<T>,
  ms: number,
  signal: AbortSignal,
): Promise<T | 'timeout' | 'aborted'> {
  if (signal.aborted) return 'aborted';
  let timer: TimerHandle | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<'timeout'>((r) => (timer = clock.setTimeout(() => r('timeout'), ms))),
      new Promise<'aborted'>((r) => signal.addEventListener('abort', (onAbort = () => r('aborted')), { once: true })),
    ]);
  } finally {
    clock.clear(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
