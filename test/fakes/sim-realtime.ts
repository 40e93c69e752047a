/**
 * An in-process speech-to-speech model on a simulated clock, for realtime-session tests that need no
 * sockets: the same behaviour as the OpenAI Realtime fake (openai-realtime.ts) — server VAD that
 * calls speech stopped after 300 ms of quiet, the caller's transcript, then the next scripted answer
 * as audio deltas (or a tool call), cancel and truncate — delivered as RealtimeEvents a few simulated
 * milliseconds later. `stall` keeps a session open while it says nothing at all.
 */
import { energyVad, UlawAudio } from '../../src/audio/index.js';
import type { SimulatedScheduler } from '../../src/lib/index.js';
import type { RealtimeEvent, RealtimeOpts, RealtimeSession, RealtimeVoice } from '../../src/providers/index.js';
import { ulawSpeechFor } from './common.js';

/** One scripted model answer: words it speaks, or a tool it calls. */
export type SimModelTurn = { text: string } | { tool: { name: string; arguments: string } };

/** What the model was asked to do, in order (appends counted, not listed). */
export type SimModelRequest =
  | { type: 'agentText'; text: string }
  | { type: 'toolResult'; callId: string; output: string }
  | { type: 'createResponse'; instructions?: string }
  | { type: 'cancel' }
  | { type: 'truncate'; itemId: string; audioEndMs: number };

/** The simulated model and its knobs. */
export class SimRealtimeVoice implements RealtimeVoice {
  readonly label = 'sim.realtime';
  /** Caller transcripts of the next utterances. */
  readonly transcripts: string[] = [];
  readonly script: SimModelTurn[] = [];
  readonly requests: SimModelRequest[] = [];
  connections = 0;
  appends = 0;
  /** Simulated ms before a connection opens. */
  openDelayMs = 0;
  /** While true every session takes audio and says nothing. */
  stall = false;

  constructor(private readonly clock: SimulatedScheduler) {}

  async connect(_o: RealtimeOpts): Promise<RealtimeSession> {
    this.connections++;
    if (this.openDelayMs > 0) await this.clock.sleep(this.openDelayMs);
    return new SimRealtimeSession(this, this.clock);
  }
}

class SimRealtimeSession implements RealtimeSession {
  private listener: (e: RealtimeEvent) => void = () => undefined;
  private readonly vad = energyVad();
  private speaking = false;
  private quietMs = 0;
  private audioMs = 0;
  private n = 0;
  private item = '';
  private active: { id: string; cancelled: boolean } | null = null;
  private closed = false;

  constructor(
    private readonly model: SimRealtimeVoice,
    private readonly clock: SimulatedScheduler,
  ) {}

  /** Delivers an event one simulated millisecond later, as over a socket. */
  private emit(e: RealtimeEvent, delayMs = 1): void {
    this.clock.setTimeout(() => {
      if (!this.closed && !this.model.stall) this.listener(e);
    }, delayMs);
  }

  onEvent(fn: (e: RealtimeEvent) => void): void {
    this.listener = fn;
  }

  appendAudio(audio: UlawAudio): void {
    if (this.closed) return;
    this.model.appends++;
    this.audioMs += audio.ms;
    if (this.vad.isSpeech(audio.pcm())) {
      this.quietMs = 0;
      if (!this.speaking) {
        this.speaking = true;
        this.item = `item_${++this.n}`;
        this.emit({ type: 'speechStarted', audioStartMs: this.audioMs, itemId: this.item });
      }
    } else if (this.speaking && (this.quietMs += audio.ms) >= 300) {
      this.speaking = false;
      this.emit({ type: 'speechStopped', audioEndMs: this.audioMs, itemId: this.item });
      this.emit({ type: 'transcript', role: 'caller', text: this.model.transcripts.shift() ?? '', itemId: this.item });
      this.respond();
    }
  }

  private respond(): void {
    const turn = this.model.script.shift() ?? { text: 'Okay.' };
    const r = { id: `resp_${++this.n}`, cancelled: false };
    this.active = r;
    const item = `item_${++this.n}`;
    if ('tool' in turn) {
      this.emit({ type: 'toolCall', callId: `call_${item}`, name: turn.tool.name, arguments: turn.tool.arguments });
      this.emit({ type: 'responseDone', responseId: r.id, status: 'completed' });
      return;
    }
    // deltas of 100 ms each, a couple of milliseconds apart (a model streams faster than real time)
    const audio = ulawSpeechFor(turn.text);
    let at = 1;
    for (let off = 0; off < audio.length; off += 800, at += 2) {
      const chunk = UlawAudio.fromBytes(audio.slice(off, off + 800));
      this.clock.setTimeout(() => {
        if (!r.cancelled && !this.closed && !this.model.stall)
          this.listener({ type: 'audio', itemId: item, responseId: r.id, audio: chunk });
      }, at);
    }
    this.clock.setTimeout(() => {
      if (r.cancelled || this.closed || this.model.stall) return;
      this.listener({ type: 'transcript', role: 'agent', text: turn.text, itemId: item });
      this.listener({ type: 'responseDone', responseId: r.id, status: 'completed' });
      if (this.active === r) this.active = null;
    }, at + 1);
  }

  sendToolResult(callId: string, output: string): void {
    this.model.requests.push({ type: 'toolResult', callId, output });
    this.respond();
  }
  createResponse(instructions?: string): void {
    this.model.requests.push({ type: 'createResponse', instructions });
    this.respond();
  }
  cancelResponse(): void {
    this.model.requests.push({ type: 'cancel' });
    if (!this.active) return;
    this.active.cancelled = true;
    this.emit({ type: 'responseDone', responseId: this.active.id, status: 'cancelled' });
    this.active = null;
  }
  truncate(itemId: string, audioEndMs: number): void {
    this.model.requests.push({ type: 'truncate', itemId, audioEndMs });
  }
  addAgentText(text: string): void {
    this.model.requests.push({ type: 'agentText', text });
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}
