/**
 * A call in the cascade engine (STT → brain → TTS). Owns the call's loop: decode caller frames, VAD,
 * stream to STT, hand final text to the brain, speak the reply sentence by sentence, barge-in,
 * backchannels, silence, DTMF, maximum length, and provider failure → apology + message taking.
 * It never throws into the telephony edge; every failure becomes a spoken line and a call event.
 */
import { energyVad, type FrameVad } from '../../audio/index.js';
import { systemScheduler, type Scheduler, type TimerHandle } from '../../lib/index.js';
import type { SpeechToText, SttEvent, SttStream, TextToSpeech } from '../../providers/index.js';
import { Playout, type Segment } from '../playout.js';
import { SpeechDetector, type SpeechChange } from '../turns/speech-detector.js';
import { isBackchannel } from '../turns/backchannel.js';
import { DtmfCollector } from '../turns/dtmf-collector.js';
import { SilentProviderWatch } from '../turns/silent-provider.js';
import { AgentReply, type ReplyTimes } from './reply.js';
import type { GreetingCache } from '../greeting-cache.js';
import { sessionLinesFor, type SessionLines } from '../../brain/index.js';
import type {
  CallEngine,
  CallEventName,
  CallRecorder,
  CallerInput,
  ConversationPort,
  MediaSink,
  PhoneAudio,
} from '../ports.js';
import { resolveTiming, type SessionTiming } from '../timing.js';

/** Providers of a cascade session. */
export interface CascadeProviders {
  stt: SpeechToText;
  tts: TextToSpeech;
  /** The offline voice: apologies and fallback when the primary TTS fails. */
  fallbackTts: TextToSpeech;
}

/** Everything a cascade session needs. */
export interface CallSessionDeps {
  conversation: ConversationPort;
  providers: CascadeProviders;
  recorder: CallRecorder;
  greetings?: GreetingCache;
  vad?: FrameVad;
  /** An STT stream opened at the webhook while the phone rang (saves its handshake at `start`). */
  preopenedStt?: SttStream;
  /** Time and timers (the real ones by default; tests run the call in simulated time). */
  scheduler?: Scheduler;
}

/** Per-call options. */
export interface CallSessionOptions {
  callId: string;
  organizationId: string;
  voice?: string;
  timing?: Partial<SessionTiming>;
  /** The organization's own lines, in the call's main language. */
  lines?: Partial<SessionLines>;
  /** The call's main language (ISO-639-1, default en): the session's own lines are said in it. */
  language?: string;
  /** The voice per language (ISO-639-1) when the call switches language; else `voice`. */
  voices?: Record<string, string>;
  /** The recogniser's language: a tag, or `multi` when the caller may speak either language. */
  sttLanguage?: string;
}

type Mode = 'conversation' | 'message' | 'ending';

/** Caller voice (local VAD) the recogniser must react to: a live STT says "speech started" within a few hundred ms. */
const STT_OWED_AFTER_VOICED_MS = 600;

/** One phone call over STT → brain → TTS. */
export class CallSession implements CallEngine {
  private readonly playout: Playout;
  private readonly detector: SpeechDetector;
  private readonly vad: FrameVad;
  private readonly timing: SessionTiming;
  private lines: SessionLines;
  /** The voice replies are spoken with: the call's language's. */
  private voice: string | undefined;
  private stt: SttStream | null = null;
  private reply: AgentReply | null = null;
  private readonly segOwner = new Map<Segment, AgentReply>();
  private pendingText = '';
  private overlapTimer: TimerHandle | null = null;
  private silenceTimer: TimerHandle | null = null;
  private maxTimer: TimerHandle | null = null;
  private readonly dtmf: DtmfCollector;
  private silenceCount = 0;
  private turnIndex = 0;
  private mode: Mode = 'conversation';
  private closed = false;
  private readonly clock: Scheduler;
  private readonly startedAt: Date;
  private readonly startedMs: number;
  private readonly pcm = new Int16Array(160);
  private streamMs = 0;
  /** The STT socket open but saying nothing while the caller talks: a spoken line, then reconnect or next vendor. */
  private readonly sttWatch: SilentProviderWatch;
  /** Silent streams the session replaced itself (a bare provider, not a fallback chain). */
  private sttLosses = 0;
  /** Last time the STT said anything. */
  private sttHeardAt = -Infinity;
  /** The STT reacted to speech and has not closed that utterance yet (final / utterance end). */
  private sttInUtterance = false;
  /** Start of the caller's current (or last) utterance by the local VAD, and the end of the one before it. */
  private utteranceAt = Infinity;
  private previousEndAt = -Infinity;

  constructor(
    private readonly sink: MediaSink,
    private readonly deps: CallSessionDeps,
    private readonly opts: CallSessionOptions,
  ) {
    this.clock = deps.scheduler ?? systemScheduler;
    this.startedAt = this.clock.now();
    this.startedMs = this.clock.ms();
    this.timing = resolveTiming(opts.timing);
    this.lines = { ...sessionLinesFor(opts.language), ...opts.lines };
    this.voice = opts.voices?.[opts.language ?? 'en'] ?? opts.voice;
    this.vad = deps.vad ?? energyVad();
    this.dtmf = new DtmfCollector(this.clock, this.timing.dtmfGapMs, (digits) => {
      if (this.mode === 'conversation') void this.runTurn({ type: 'dtmf', digits }, `[dtmf ${digits}]`);
    });
    this.sttWatch = new SilentProviderWatch(this.timing.sttSilentMs, ({ why, silentMs }) =>
      this.sttSilent(`speech-to-text socket silent for ${silentMs} ms after ${why}`),
    );
    this.detector = new SpeechDetector({ onsetMs: this.timing.vadOnsetMs, hangoverMs: this.timing.vadHangoverMs });
    this.playout = new Playout(
      sink,
      {
        onFirstFrame: (seg, at) => this.segOwner.get(seg)?.onFirstFrame(seg, at),
        onPlayed: (seg) => {
          this.segOwner.get(seg)?.onPlayed(seg);
          this.segOwner.delete(seg);
        },
      },
      { scheduler: this.clock },
    );
  }

  private now = (): number => this.clock.ms();

  private event(name: CallEventName, data?: Record<string, unknown>): void {
    void Promise.resolve(this.deps.recorder.onEvent(name, data)).catch(() => {});
  }

  /** The caller's language changed: the session's own lines and the voice follow it. */
  private languageChanged(language: string): { voice?: string; fillers: string[] } {
    const main = (this.opts.language ?? 'en') === language;
    this.lines = { ...sessionLinesFor(language), ...(main ? this.opts.lines : {}) };
    this.voice = this.opts.voices?.[language] ?? this.opts.voice;
    return { ...(this.voice ? { voice: this.voice } : {}), fillers: this.lines.fillers };
  }

  /** Records the call, greets the caller (cached audio when available) and opens STT. */
  async start(): Promise<void> {
    void Promise.resolve(
      this.deps.recorder.onStart({
        callId: this.opts.callId,
        organizationId: this.opts.organizationId,
        engine: 'cascade',
        startedAt: this.startedAt,
      }),
    ).catch(() => {});
    this.maxTimer = this.clock.setTimeout(
      () => this.endWith(this.lines.maxDuration, 'max_duration'),
      this.timing.maxCallMs,
    );
    this.openStt();
    let text: string;
    try {
      text = await this.deps.conversation.greet();
    } catch {
      text = 'Hello, thanks for calling. How can I help you today?';
    }
    const { tts } = this.deps.providers;
    const frames = this.deps.greetings
      ? await this.deps.greetings.get(this.opts.organizationId, tts, text, this.voice)
      : null;
    this.event('greeting_sent', { cached: Boolean(frames) });
    await this.speakSystem([text], { frames: frames ?? undefined, callerText: '' });
  }

  private openStt(preopened = this.deps.preopenedStt): void {
    try {
      this.stt =
        preopened ??
        this.deps.providers.stt.open({
          callId: this.opts.callId,
          sampleRate: 8000,
          ...(this.opts.sttLanguage ? { language: this.opts.sttLanguage } : {}),
        });
    } catch (e) {
      return this.providerFailed('stt', e);
    }
    void this.consumeStt(this.stt);
  }

  private async consumeStt(stream: SttStream): Promise<void> {
    try {
      for await (const ev of stream) {
        if (this.closed || stream !== this.stt) return;
        if (ev.type === 'error') return this.providerFailed('stt', ev.error);
        this.sttHeard(ev);
        this.onSttEvent(ev);
      }
    } catch (e) {
      if (!this.closed && stream === this.stt) this.providerFailed('stt', e);
    }
  }

  /** The recogniser said something: it is alive. */
  private sttHeard(ev: SttEvent): void {
    this.sttWatch.heard();
    this.sttHeardAt = this.now();
    if (ev.type === 'utteranceEnd' || (ev.type === 'final' && ev.endOfSpeech)) this.sttInUtterance = false;
    else if (ev.type !== 'alive') this.sttInUtterance = true;
  }

  /**
   * What the recogniser owes, judged as the caller's audio flows (the same watch as the realtime
   * engine's): sustained caller voice it has said nothing about since the caller's previous utterance
   * ended, or the end of an utterance it opened and never closed. States, not timestamps, decide
   * whether it heard this utterance: its own voice detection starts a few ms before or after ours, and
   * a recogniser without interim results says nothing more until the caller stops. A pause it bridges
   * (its utterance still open when the caller goes on) owes nothing until the caller stops again.
   */
  private watchStt(now: number, change: SpeechChange): void {
    if (this.mode === 'ending' || !this.stt) return;
    if (change?.type === 'start') {
      this.utteranceAt = change.at;
      if (this.sttInUtterance) this.sttWatch.forgive();
    } else if (change?.type === 'end') {
      if (this.sttInUtterance) this.sttWatch.owe(change.at, 'the end of caller speech');
      this.previousEndAt = change.at;
    }
    if (
      this.detector.isSpeaking &&
      this.sttHeardAt <= this.previousEndAt &&
      this.detector.speechMs(now) >= STT_OWED_AFTER_VOICED_MS
    )
      this.sttWatch.owe(this.utteranceAt, 'caller speech');
    this.sttWatch.check(now);
  }

  /**
   * The recogniser's socket is open but dead. The caller hears a line at once; the stream is replaced:
   * a fallback chain reopens the vendor or moves to the next one (its last failure comes back as an
   * error, and the session apologizes), a bare provider is reopened once, then the session apologizes.
   */
  private sttSilent(reason: string): void {
    if (this.closed || this.mode === 'ending') return;
    const stream = this.stt;
    if (!stream?.lost && ++this.sttLosses >= 2) return this.providerFailed('stt', new Error(reason));
    this.event('provider_failure', { stage: 'stt', message: reason, reconnecting: true });
    this.pendingText = '';
    if (stream?.lost) stream.lost(reason);
    else {
      this.stt = null;
      void stream?.close().catch(() => undefined);
      this.openStt(undefined);
    }
    // after the chain's verdict: when it had no provider left, the apology is said instead
    void this.clock.sleep(0).then(() => {
      if (!this.closed && this.mode !== 'ending') void this.speakSystem([this.lines.sttLost], {});
    });
  }

  /** One 20 ms caller frame. */
  onMedia(frame: PhoneAudio): void {
    if (this.closed) return;
    const pcm = frame.byteLength === 160 ? frame.pcm(this.pcm).slice() : frame.pcm();
    this.stt?.push({ pcm, sampleRate: 8000, startMs: this.streamMs });
    this.streamMs += pcm.length / 8;
    const now = this.now();
    const change = this.detector.push(this.vad.isSpeech(pcm), now);
    if (change?.type === 'start') this.onSpeechStart();
    else if (change?.type === 'end') this.onSpeechEnd();
    this.watchStt(now, change);
  }

  private onSpeechStart(): void {
    this.silenceCount = 0;
    this.clearSilenceTimer();
    if (this.playout.speaking && this.mode !== 'ending' && !this.overlapTimer) {
      // Caller talks over the agent: a backchannel is short, so only sustained speech interrupts.
      this.overlapTimer = this.clock.setTimeout(() => {
        this.overlapTimer = null;
        // still voicing right now (not merely inside the VAD hangover after a short "mm-hmm")
        if (this.detector.isSpeaking && this.now() - this.detector.lastVoicedEnd < 100)
          this.bargeIn('sustained speech');
      }, this.timing.bargeInMs);
    }
  }

  private onSpeechEnd(): void {
    this.clock.clear(this.overlapTimer);
    this.overlapTimer = null;
    if (!this.playout.speaking && !this.reply) this.armSilenceTimer();
  }

  private onSttEvent(ev: SttEvent): void {
    switch (ev.type) {
      case 'interim':
        if (this.playout.speaking && ev.text.split(/\s+/).length >= 3 && !isBackchannel(ev.text)) this.bargeIn('words');
        return;
      case 'final':
        if (ev.text) this.pendingText = `${this.pendingText} ${ev.text}`.trim();
        if (ev.endOfSpeech) this.commitUtterance();
        return;
      case 'utteranceEnd':
        return this.commitUtterance();
      default:
        return;
    }
  }

  private commitUtterance(): void {
    const text = this.pendingText;
    this.pendingText = '';
    if (!text) return;
    if (this.playout.speaking && this.reply && isBackchannel(text)) {
      this.event('backchannel', { text });
      return;
    }
    if (this.mode === 'ending') return;
    if (this.mode === 'message') return void this.takeMessage(text);
    if (this.playout.speaking || this.reply) this.bargeIn('utterance');
    void this.runTurn({ type: 'speech', text }, text);
  }

  /** The caller interrupted: clear the line within this frame, cancel the reply, note what was heard. */
  private bargeIn(why: string): void {
    this.clock.clear(this.overlapTimer);
    this.overlapTimer = null;
    const r = this.reply;
    const cut = this.playout.clear();
    if (!r) return;
    r.cancel();
    const heard = [...r.heard, cut.segment && r.segments.has(cut.segment) ? cut.partialText : ''].join(' ').trim();
    this.event('barge_in', { why, heardText: heard });
    this.deps.conversation.interrupted?.(heard);
    this.recordTurn(r, true, heard);
    this.reply = null;
  }

  private async runTurn(input: CallerInput, callerText: string): Promise<void> {
    this.clearSilenceTimer();
    const now = this.now();
    const speechEndAt = input.type === 'speech' && this.detector.lastVoicedEnd > 0 ? this.detector.lastVoicedEnd : null;
    const r = this.newReply({ speechEndAt, finalAt: now }, callerText);
    const outcome = await r.run(this.deps.conversation.handle(input, r.abort.signal));
    if (this.reply !== r) return; // interrupted meanwhile
    if (outcome === 'failed') return this.replyFailed(r);
    await this.afterReply(r);
  }

  private newReply(
    t: Pick<ReplyTimes, 'speechEndAt' | 'finalAt'>,
    callerText: string,
    tts = this.deps.providers.tts,
  ): AgentReply {
    this.turnIndex++;
    const r = new AgentReply(
      {
        playout: this.playout,
        tts,
        fallbackTts: this.deps.providers.fallbackTts,
        now: this.now,
        scheduler: this.clock,
        event: (n, d) => this.event(n, d),
        timing: this.timing,
        fillers: this.lines.fillers,
        toolHolds: this.lines.toolHolds,
        voice: this.voice,
        onLanguage: (language) => this.languageChanged(language),
        onSegment: (seg, owner) => this.segOwner.set(seg, owner),
      },
      { ...t, firstTextAt: null, ttsSubmitAt: null, firstAudioAt: null, firstFrameAt: null },
      callerText,
    );
    this.reply = r;
    return r;
  }

  private async afterReply(r: AgentReply): Promise<void> {
    await Promise.race([r.played, this.clock.sleep(this.playout.pendingMs() + this.timing.markGraceMs)]);
    if (this.reply !== r || this.closed) return;
    this.recordTurn(r, false, r.spoken.join(' '));
    this.reply = null;
    if (r.endReason || r.transferTo || this.mode === 'ending')
      return this.hangup(r.endReason ?? (r.transferTo ? 'transfer' : 'ended'));
    if (!this.detector.isSpeaking) this.armSilenceTimer();
  }

  /** Speaks session lines (greeting, re-prompt, goodbye, apology) as a reply of their own. */
  private async speakSystem(
    lines: string[],
    o: { frames?: PhoneAudio[]; callerText?: string; end?: string },
  ): Promise<void> {
    if (this.closed) return;
    if (this.reply) this.bargeIn('system');
    const r = this.newReply({ speechEndAt: null, finalAt: this.now() }, o.callerText ?? '');
    if (o.end) r.endReason = o.end;
    const outcome = await r.speakLines(lines, o.frames);
    if (this.reply !== r) return;
    if (outcome === 'failed' && r.failure)
      this.event('provider_failure', { stage: 'tts', provider: r.failure.provider, message: r.failure.message });
    await this.afterReply(r);
  }

  private recordTurn(r: AgentReply, interrupted: boolean, heardText: string): void {
    void Promise.resolve(this.deps.recorder.onTurn(r.toRecord(this.turnIndex, interrupted, heardText))).catch(() => {});
  }

  /** A provider failed: say sorry (offline voice) and take a message instead of leaving silence. */
  private providerFailed(stage: string, e: unknown): void {
    if (this.closed || this.mode !== 'conversation') return;
    const err = e as { provider?: string; message?: string };
    this.event('provider_failure', { stage, provider: err?.provider ?? stage, message: String(err?.message ?? e) });
    this.mode = stage === 'stt' ? 'ending' : 'message';
    const line = stage === 'stt' ? this.lines.apologyCantHear : this.lines.apologyTakeMessage;
    void this.speakApology(line, stage === 'stt' ? 'stt_failure' : undefined);
  }

  private async speakApology(line: string, end?: string): Promise<void> {
    if (this.reply) this.bargeIn('provider failure');
    // the primary voice may be what failed: apologise with the offline one
    const r = this.newReply(
      { speechEndAt: this.detector.lastVoicedEnd || null, finalAt: this.now() },
      '',
      this.deps.providers.fallbackTts,
    );
    if (end) r.endReason = end;
    await r.speakLines([line]);
    if (this.reply === r) await this.afterReply(r);
  }

  private replyFailed(r: AgentReply): void {
    this.recordTurn(r, false, r.heard.join(' '));
    this.reply = null;
    this.providerFailed('llm', r.failure);
  }

  private async takeMessage(text: string): Promise<void> {
    this.event('message_taken', { text });
    this.mode = 'ending';
    await this.speakSystem([this.lines.messageThanks], { callerText: text, end: 'message_taken' });
  }

  onMark(name: string): void {
    this.playout.onMark(name);
  }

  /** Key presses are collected until '#' or a short pause, then go to the brain. */
  onDtmf(digit: string): void {
    if (this.closed) return;
    this.event('dtmf', { digit });
    if (this.reply && this.playout.speaking) this.bargeIn('dtmf');
    this.dtmf.press(digit);
  }

  private armSilenceTimer(): void {
    this.clearSilenceTimer();
    if (this.mode === 'ending' || this.closed) return;
    this.silenceTimer = this.clock.setTimeout(() => {
      this.silenceTimer = null;
      if (this.detector.isSpeaking || this.reply) return;
      this.silenceCount++;
      if (this.silenceCount >= 2) return this.endWith(this.lines.silenceGoodbye, 'silence_hangup');
      this.event('silence_reprompt', { count: this.silenceCount });
      void this.speakSystem([this.lines.reprompt], {});
    }, this.timing.silenceMs);
  }

  private clearSilenceTimer(): void {
    this.clock.clear(this.silenceTimer);
    this.silenceTimer = null;
  }

  /** The node is stopping: a spoken goodbye, then hang up (recorded as `node_shutdown`). */
  wrapUp(): void {
    this.endWith(this.lines.shutdownGoodbye, 'node_shutdown');
  }

  private endWith(line: string, name: CallEventName): void {
    if (this.closed || this.mode === 'ending') return;
    this.mode = 'ending';
    this.event(name);
    void this.speakSystem([line], { end: name });
  }

  private hangup(reason: string): void {
    this.event('hangup', { reason });
    this.sink.hangup(reason);
    void this.close(reason);
  }

  onStop(): void {
    void this.close('caller_hangup');
  }

  async close(reason = 'closed'): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const r = this.reply;
    if (r) {
      // the caller hung up mid-reply: keep the turn, marked as cut, with what they heard
      r.cancel();
      if (r.spoken.length) this.recordTurn(r, true, r.heard.join(' '));
      this.reply = null;
    }
    for (const t of [this.overlapTimer, this.silenceTimer, this.maxTimer]) this.clock.clear(t);
    this.dtmf.dispose();
    this.playout.close();
    this.vad.dispose();
    await this.stt?.close().catch(() => {});
    await Promise.resolve(
      this.deps.recorder.onEnd({
        reason,
        durationMs: Math.round(this.clock.ms() - this.startedMs),
        turns: this.turnIndex,
        endedAt: this.clock.now(),
      }),
    ).catch(() => {});
  }
}
