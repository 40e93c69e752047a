/**
 * A call in the realtime engine: caller μ-law goes to a speech-to-speech model untouched (no decode,
 * no re-encode: the frame is forwarded in the form it came off the line), the model's μ-law comes back paced into 20 ms
 * frames with a mark every ~400 ms, and on barge-in we clear the line, cancel the response and
 * truncate the model's item to what the caller heard. Same recorder, greeting cache and fillers as
 * the cascade engine.
 */
import type {
  RealtimeEvent,
  RealtimeOpts,
  RealtimeSession,
  RealtimeVoice,
  TextToSpeech,
} from '../../providers/index.js';
import { Playout, type Segment } from '../playout.js';
import type { GreetingCache } from '../greeting-cache.js';
import { synthesizeFrames } from '../greeting-cache.js';
import { sessionLinesFor, type SessionLines } from '../../brain/index.js';
import type { CallEngine, CallEventName, CallRecorder, MediaSink, PhoneAudio, RealtimeBrainPort } from '../ports.js';
import { resolveTiming, type SessionTiming } from '../timing.js';
import type { Handover } from './handover.js';
import { SilentProviderWatch } from '../turns/silent-provider.js';
import { energyVad } from '../../audio/index.js';
import { systemScheduler, type Scheduler, type TimerHandle } from '../../lib/index.js';

/** Every how many caller frames one is checked for voice (the model's silence is judged in 100 ms steps). */
const VOICE_SAMPLE_EVERY = 5;
/** Caller voice the model must react to (a real model's VAD fires within ~300 ms of speech). */
const OWED_AFTER_VOICED_MS = 600;
/** Caller quiet this long after the model announced speech: its end of speech is owed. */
const OWED_AFTER_QUIET_MS = 1500;
const voiceCheck = energyVad();

/** Everything a realtime session needs. */
export interface RealtimeSessionDeps {
  realtime: RealtimeVoice;
  brain: RealtimeBrainPort;
  recorder: CallRecorder;
  /** Offline voice for the greeting (cached), fillers and apologies. */
  lineTts: TextToSpeech;
  greetings?: GreetingCache;
  /** A connection opened at the webhook while the phone rang; used instead of connecting at start. */
  preconnected?: Promise<RealtimeSession>;
  /**
   * Hands the call to another engine when the model cannot serve it (no connection at start, or a
   * second failure mid-call). Without it the session apologizes and hangs up.
   */
  handover?: (h: Handover) => void;
  /** Time and timers (the real ones by default; tests run the call in simulated time). */
  scheduler?: Scheduler;
}

/** Per-call options. */
export interface RealtimeSessionOptions {
  callId: string;
  organizationId: string;
  /** How to open the model connection when none was opened while ringing (voice, language). */
  connect?: Partial<RealtimeOpts>;
  timing?: Partial<SessionTiming>;
  lines?: Partial<SessionLines>;
}

const FRAMES_PER_MARK = 20; // one mark per 400 ms: enough resolution for truncation, few messages

interface ItemPlay {
  itemId: string;
  playedMs: number;
  totalFrames: number;
}

interface PendingTurn {
  callerText: string;
  agentText: string;
  llmMs: number | null;
  e2eMs: number | null;
}

/** One phone call over a RealtimeVoice engine. */
export class RealtimeCallSession implements CallEngine {
  private rt: RealtimeSession | null = null;
  private held: PhoneAudio[] = [];
  private readonly playout: Playout;
  private readonly timing: SessionTiming;
  private readonly lines: SessionLines;
  private current: { seg: Segment; item: ItemPlay; frames: number } | null = null;
  private readonly items = new Map<string, ItemPlay>();
  private readonly segItem = new Map<Segment, ItemPlay>();
  private readonly cancelled = new Set<string>();
  private speechStoppedAt: number | null = null;
  private firstFrameAt: number | null = null;
  private responseFirstAudioAt: number | null = null;
  private callerText = '';
  private agentText = '';
  private pendingTurn: PendingTurn | null = null;
  private interruptedAt: { ms: number; totalMs: number } | null = null;
  private readonly segResponse = new Map<Segment, string>();
  private turnIndex = 0;
  private closed = false;
  private modelFailures = 0;
  private handedOver = false;
  /** Saying goodbye after a failure: no more forwarding, but the line still plays. */
  private ending = false;
  private readonly clock: Scheduler;
  private readonly startedAt: Date;
  private readonly startedMs: number;
  private maxTimer: TimerHandle | null = null;
  private readonly tools = new AbortController();
  /** The model socket open but saying nothing while the caller talks: reconnect, then hand over. */
  private readonly silence: SilentProviderWatch;
  private framesIn = 0;
  private voicedMs = 0;
  private quietMs = 0;
  /** Between the model's speech started and speech stopped: it is listening, silence is expected. */
  private modelHearsCaller = false;
  private readonly pcm = new Int16Array(160);

  constructor(
    private readonly sink: MediaSink,
    private readonly deps: RealtimeSessionDeps,
    private readonly opts: RealtimeSessionOptions,
  ) {
    this.clock = deps.scheduler ?? systemScheduler;
    this.startedAt = this.clock.now();
    this.startedMs = this.clock.ms();
    this.timing = resolveTiming(opts.timing);
    this.lines = { ...sessionLinesFor('en'), ...opts.lines };
    this.silence = new SilentProviderWatch(
      this.timing.providerSilentMs,
      ({ why, silentMs }) => void this.modelLost(new Error(`realtime socket silent for ${silentMs} ms after ${why}`)),
    );
    this.playout = new Playout(
      sink,
      {
        onFirstFrame: (seg, at) => {
          if (this.segItem.has(seg) && this.firstFrameAt === null) this.firstFrameAt = at;
        },
        onPlayed: (seg) => {
          const it = this.segItem.get(seg);
          if (it) it.playedMs += seg.totalFrames * 20;
          this.segItem.delete(seg);
          this.segResponse.delete(seg);
          if (this.pendingTurn && !this.playout.speaking) this.flushTurn(this.pendingTurn, null);
        },
      },
      { scheduler: this.clock },
    );
  }

  private event(name: CallEventName, data?: Record<string, unknown>): void {
    void Promise.resolve(this.deps.recorder.onEvent(name, data)).catch(() => {});
  }

  /** Greets from cache at once, while the model connection opens (caller audio is held, not dropped). */
  async start(): Promise<void> {
    void Promise.resolve(
      this.deps.recorder.onStart({
        callId: this.opts.callId,
        organizationId: this.opts.organizationId,
        engine: 'realtime',
        startedAt: this.startedAt,
      }),
    ).catch(() => {});
    this.maxTimer = this.clock.setTimeout(
      () => void this.fail('max_duration', this.lines.maxDuration),
      this.timing.maxCallMs,
    );
    const connecting =
      this.deps.preconnected ??
      this.deps.realtime.connect({
        ...this.opts.connect,
        instructions: this.deps.brain.instructions,
        tools: this.deps.brain.tools,
      });
    // The lines said over a slow tool or a lost model are ready before they are needed (cached per process).
    for (const line of new Set([this.lines.fillers[0], this.lines.fillers[2] ?? this.lines.fillers[0]])) {
      if (line) void this.deps.greetings?.warm('_lines', this.deps.lineTts, line).catch(() => undefined);
    }
    const greeting = await this.deps.brain.greeting();
    const cached = this.deps.greetings
      ? await this.deps.greetings.get(this.opts.organizationId, this.deps.lineTts, greeting)
      : null;
    const frames = cached ?? (await synthesizeFrames(this.deps.lineTts, greeting).catch(() => [] as PhoneAudio[]));
    const seg = this.playout.begin(greeting, 'g');
    this.playout.appendFrames(seg, frames);
    this.playout.end(seg);
    this.event('greeting_sent', { cached: cached !== null });
    try {
      this.rt = await connecting;
    } catch (e) {
      return this.modelLost(e, true);
    }
    if (this.closed) return void this.rt.close();
    this.attach(this.rt, greeting);
  }

  private attach(rt: RealtimeSession, agentText?: string): void {
    this.silence.heard();
    this.voicedMs = this.quietMs = 0;
    this.modelHearsCaller = false;
    rt.onEvent((e) => this.onRealtime(e));
    if (agentText) rt.addAgentText(agentText);
    for (const p of this.held) rt.appendAudio(p);
    this.held = [];
  }

  /**
   * The model socket failed. At the start, or the second time in a call, the call goes to the
   * handover engine (or ends politely without one); the first mid-call failure reconnects while the
   * caller hears a short line, so the line is never silent.
   */
  private async modelLost(e: unknown, atStart = false): Promise<void> {
    if (this.closed || this.ending) return;
    const reason = String((e as Error)?.message ?? e);
    this.modelFailures++;
    const old = this.rt;
    this.rt = null;
    void old?.close().catch(() => {});
    if (atStart || this.modelFailures >= 2) {
      if (!this.deps.handover) return this.fail('provider_failure', this.lines.apologyCantHear, e);
      this.ending = true;
      if (this.playout.speaking) this.playout.clear();
      const held = this.held;
      this.held = [];
      // The realtime session steps aside without ending the call: the next engine records its end.
      this.handedOver = true;
      this.clock.clear(this.maxTimer);
      this.playout.close();
      this.tools.abort();
      this.closed = true;
      return this.deps.handover({ reason, held, atStart });
    }
    this.event('provider_failure', { stage: 'realtime', message: reason, reconnecting: true });
    if (this.playout.speaking) this.playout.clear();
    void this.playLine(this.lines.fillers[2] ?? this.lines.fillers[0], 'filler', { reason: 'reconnecting' });
    try {
      const rt = await this.deps.realtime.connect({
        ...this.opts.connect,
        instructions: this.deps.brain.instructions,
        tools: this.deps.brain.tools,
      });
      if (this.closed || this.ending) return void rt.close();
      this.rt = rt;
      this.attach(rt, this.agentText || undefined);
    } catch (err) {
      return this.modelLost(err);
    }
  }

  /** Caller audio: forwarded untouched (held while the model connects). */
  onMedia(frame: PhoneAudio): void {
    if (this.closed || this.ending) return;
    if (this.rt) {
      this.rt.appendAudio(frame);
      this.watchModel(frame);
    } else if (this.held.length < 1500) this.held.push(frame);
  }

  /**
   * Sampled caller voice the model has not reacted to, and the model's silence, judged as audio flows:
   * voice the model never announced (no speech started), or a caller quiet for a while after the
   * model announced speech but never its end.
   */
  private watchModel(frame: PhoneAudio): void {
    const now = this.clock.ms();
    if (!this.silence.owing && ++this.framesIn % VOICE_SAMPLE_EVERY === 0 && frame.byteLength === 160) {
      const voiced = voiceCheck.isSpeech(frame.pcm(this.pcm));
      const step = 20 * VOICE_SAMPLE_EVERY;
      if (voiced) {
        this.voicedMs += step;
        this.quietMs = 0;
      } else {
        this.voicedMs = Math.max(0, this.voicedMs - step / 2);
        this.quietMs += step;
      }
      if (!this.modelHearsCaller && this.voicedMs >= OWED_AFTER_VOICED_MS)
        this.silence.owe(now - this.voicedMs, 'caller speech');
      if (this.modelHearsCaller && this.quietMs >= OWED_AFTER_QUIET_MS)
        this.silence.owe(now - this.quietMs, 'caller speech (no end of speech)');
    }
    this.silence.check(now);
  }

  private onRealtime(e: RealtimeEvent): void {
    if (this.closed || this.ending) return;
    this.silence.heard();
    this.voicedMs = this.quietMs = 0;
    switch (e.type) {
      case 'speechStarted':
        this.modelHearsCaller = true;
        if (this.playout.speaking) this.bargeIn();
        return;
      case 'speechStopped':
        this.modelHearsCaller = false;
        this.silence.owe(this.clock.ms(), 'end of caller speech');
        this.speechStoppedAt = this.clock.ms();
        this.firstFrameAt = null;
        this.responseFirstAudioAt = null;
        return;
      case 'audio':
        return this.onAudio(e.itemId, e.responseId, e.audio);
      case 'transcript':
        if (e.role === 'caller') this.callerText = `${this.callerText} ${e.text}`.trim();
        else this.agentText = `${this.agentText} ${e.text}`.trim();
        return;
      case 'toolCall':
        return void this.runTool(e.callId, e.name, e.arguments);
      case 'responseDone':
        return this.onResponseDone();
      case 'error':
        // A refused request (bad tool output, say) is the model's answer, not a dead socket.
        if (!e.error.retryable) return void this.fail('provider_failure', this.lines.apologyCantHear, e.error);
        return void this.modelLost(e.error);
      case 'closed':
        return void this.modelLost(new Error('realtime connection closed'));
    }
  }

  private onAudio(itemId: string, responseId: string, audio: PhoneAudio): void {
    if (this.cancelled.has(responseId)) return;
    if (this.responseFirstAudioAt === null) this.responseFirstAudioAt = this.clock.ms();
    let item = this.items.get(itemId);
    if (!item) {
      item = { itemId, playedMs: 0, totalFrames: 0 };
      this.items.set(itemId, item);
    }
    if (!this.current || this.current.item !== item || this.current.frames >= FRAMES_PER_MARK) {
      if (this.current) this.playout.end(this.current.seg);
      const seg = this.playout.begin('', 'r');
      this.segItem.set(seg, item);
      this.segResponse.set(seg, responseId);
      this.current = { seg, item, frames: 0 };
    }
    const frames = this.playout.appendAudio(this.current.seg, audio);
    this.current.frames += frames;
    item.totalFrames += frames;
  }

  private bargeIn(): void {
    const cut = this.playout.clear();
    const item = cut.segment ? this.segItem.get(cut.segment) : this.current?.item;
    const responseId = cut.segment
      ? this.segResponse.get(cut.segment)
      : this.current
        ? this.segResponse.get(this.current.seg)
        : undefined;
    if (responseId) this.cancelled.add(responseId);
    this.current = null;
    if (!this.rt) return;
    this.rt.cancelResponse();
    if (!item) return;
    const heardMs = item.playedMs + cut.partialMs;
    this.rt.truncate(item.itemId, heardMs);
    this.event('barge_in', { itemId: item.itemId, heardMs: Math.round(heardMs) });
    const heard = { ms: heardMs, totalMs: item.totalFrames * 20 };
    if (this.pendingTurn) this.flushTurn(this.pendingTurn, heard);
    else this.interruptedAt = heard; // the response is still streaming: its response.done will say so
  }

  private onResponseDone(): void {
    if (this.current) {
      this.playout.end(this.current.seg);
      this.current = null;
    }
    if (!this.agentText && !this.callerText) return;
    const r = (x: number | null, y: number | null) => (x !== null && y !== null ? Math.round(x - y) : null);
    const turn: PendingTurn = {
      callerText: this.callerText,
      agentText: this.agentText,
      llmMs: r(this.responseFirstAudioAt, this.speechStoppedAt),
      e2eMs: r(this.firstFrameAt, this.speechStoppedAt),
    };
    this.callerText = this.agentText = '';
    if (this.interruptedAt) {
      this.flushTurn(turn, this.interruptedAt);
      this.interruptedAt = null;
    } else if (this.playout.speaking)
      this.pendingTurn = turn; // recorded once heard (or cut)
    else this.flushTurn(turn, null);
  }

  private flushTurn(t: PendingTurn, cut: { ms: number; totalMs: number } | null): void {
    if (this.pendingTurn === t) this.pendingTurn = null;
    const words = t.agentText.split(/\s+/).filter(Boolean);
    const heardText = cut
      ? words.slice(0, Math.floor((words.length * cut.ms) / Math.max(1, cut.totalMs))).join(' ')
      : t.agentText;
    this.turnIndex++;
    void Promise.resolve(
      this.deps.recorder.onTurn({
        index: this.turnIndex,
        callerText: t.callerText,
        agentText: t.agentText,
        asrMs: null,
        llmMs: t.llmMs,
        ttsMs: null,
        e2eMs: t.e2eMs,
        interrupted: cut !== null,
        heardText,
      }),
    ).catch(() => {});
  }

  private async runTool(callId: string, name: string, args: string): Promise<void> {
    const filler = this.clock.setTimeout(
      () => void this.playLine(this.lines.toolHolds[name] ?? this.lines.fillers[0], 'filler', { tool: name }),
      this.timing.fillerMs,
    );
    let output: string;
    try {
      output = await this.deps.brain.callTool(name, args, this.tools.signal);
    } catch (e) {
      output = JSON.stringify({ error: (e as Error).message });
    } finally {
      this.clock.clear(filler);
    }
    if (!this.closed && this.rt) {
      this.rt.sendToolResult(callId, output);
      this.silence.owe(this.clock.ms(), `the ${name} result`);
    }
  }

  private async playLine(text: string, name: CallEventName, data?: Record<string, unknown>): Promise<void> {
    if (this.closed || this.playout.speaking) return;
    this.event(name, { line: text, ...data });
    const frames = this.deps.greetings
      ? await this.deps.greetings.warm('_lines', this.deps.lineTts, text).catch(() => [])
      : await synthesizeFrames(this.deps.lineTts, text).catch(() => []);
    const seg = this.playout.begin(text, 'l');
    this.playout.appendFrames(seg, frames);
    this.playout.end(seg);
  }

  /** The node is stopping: a spoken goodbye, then hang up (recorded as `node_shutdown`). */
  wrapUp(): void {
    void this.fail('node_shutdown', this.lines.shutdownGoodbye);
  }

  private async fail(name: CallEventName, line: string, e?: unknown): Promise<void> {
    if (this.closed || this.ending) return;
    this.ending = true;
    this.event(name, e ? { message: String((e as Error).message ?? e) } : undefined);
    if (this.playout.speaking) this.playout.clear();
    const rt = this.rt;
    this.rt = null;
    void rt?.close().catch(() => {});
    this.held = [];
    const frames = await synthesizeFrames(this.deps.lineTts, line).catch(() => [] as PhoneAudio[]);
    const seg = this.playout.begin(line, 'x');
    this.playout.appendFrames(seg, frames);
    this.playout.end(seg);
    this.clock.setTimeout(
      () => {
        this.sink.hangup(name);
        void this.close(name);
      },
      frames.length * 20 + 300,
    );
  }

  onMark(name: string): void {
    this.playout.onMark(name);
  }

  /** Key presses go to the model as text ("The caller pressed 1"). */
  onDtmf(digit: string): void {
    this.event('dtmf', { digit });
    if (this.playout.speaking) this.bargeIn();
    this.rt?.createResponse(`The caller pressed the key ${digit} on their phone. Respond accordingly.`);
  }

  onStop(): void {
    void this.close('caller_hangup');
  }

  async close(reason = 'closed'): Promise<void> {
    if (this.closed || this.handedOver) return;
    this.closed = true;
    this.tools.abort();
    this.clock.clear(this.maxTimer);
    this.playout.close();
    await this.rt?.close().catch(() => {});
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
