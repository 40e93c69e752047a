/**
 * OpenAI Realtime API (GA interface) over WebSocket: μ-law in and out (`audio/pcmu`), server VAD,
 * function tools, `conversation.item.truncate` on barge-in so the model knows what the caller heard.
 * https://developers.openai.com/api/reference/resources/realtime/client-events
 * The GA interface has no `OpenAI-Beta` header (the vendor answers `beta_api_shape_disabled` to it
 * since May 2026); the session carries `type: "realtime"`, audio settings under `audio.input` /
 * `audio.output`, and the server speaks `response.output_audio.*` event names.
 * Caller audio appended before the socket is open is held, not dropped.
 */
import WebSocket from 'ws';
import { PairedWrites } from '../../lib/index.js';
import { UlawAudio } from '../../audio/index.js';
import { ProviderError } from '../shared/errors.js';
import { toWsUrl, VENDOR_SOCKET_OPTIONS } from '../shared/http.js';
import type { RealtimeEvent, RealtimeOpts, RealtimeSession, RealtimeVoice } from '../types.js';

/** Model defaults, checked against the vendor's model and deprecation pages on 2026-12-02. */
export const OPENAI_REALTIME_DEFAULTS = {
  /** `gpt-realtime` shuts down 2027-01-20; this is the replacement the vendor names. */
  model: 'gpt-realtime-2.1',
  /** The vendor's model for Realtime input transcription (`gpt-4o-*-transcribe` shut down 2027-02-26). */
  transcribeModel: 'gpt-transcribe',
  voice: 'marin',
} as const;

/** Voices of the Realtime models (https://developers.openai.com/api/docs/guides/realtime-conversations). */
export const OPENAI_REALTIME_VOICES = [
  'marin',
  'cedar',
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'sage',
  'shimmer',
  'verse',
] as const;

/** Realtime settings. */
export interface OpenAiRealtimeConfig {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  /** Model that transcribes the caller's side (for the call record). */
  transcribeModel?: string;
  voice?: string;
  connectTimeoutMs?: number;
  /** A socket that answers no ping within this long is dead (half-open TCP). */
  livenessMs?: number;
}

type ServerEvent = Record<string, unknown> & { type: string };

/** OpenAI Realtime speech-to-speech. */
export class OpenAiRealtimeVoice implements RealtimeVoice {
  readonly label = 'openai.realtime';
  constructor(private readonly cfg: OpenAiRealtimeConfig) {}

  /** The voices this model speaks (GA list; `marin` and `cedar` are Realtime-only). */
  readonly voices = OPENAI_REALTIME_VOICES;

  connect(o: RealtimeOpts): Promise<RealtimeSession> {
    const model = this.cfg.model ?? OPENAI_REALTIME_DEFAULTS.model;
    const url = `${toWsUrl(this.cfg.baseUrl ?? 'https://api.openai.com/v1')}/realtime?model=${encodeURIComponent(model)}`;
    const ws = new WebSocket(url, {
      ...VENDOR_SOCKET_OPTIONS,
      headers: { Authorization: `Bearer ${this.cfg.apiKey}` },
      maxPayload: 4 << 20,
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new ProviderError(this.label, 'connect timed out', { status: 408 }));
      }, this.cfg.connectTimeoutMs ?? 3000);
      ws.once('unexpected-response', (_q, res) => {
        clearTimeout(timer);
        ws.terminate();
        reject(new ProviderError(this.label, `handshake HTTP ${res.statusCode}`, { status: res.statusCode }));
      });
      ws.once('error', (e) => {
        clearTimeout(timer);
        reject(new ProviderError(this.label, e.message));
      });
      ws.once('open', () => {
        clearTimeout(timer);
        ws.send(JSON.stringify(sessionUpdate(o, { ...OPENAI_REALTIME_DEFAULTS, ...stripUndefined(this.cfg) })));
        resolve(new OpenAiRealtimeSession(ws, this.label, this.cfg.livenessMs ?? 5000));
      });
      o.signal?.addEventListener('abort', () => ws.terminate(), { once: true });
    });
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The GA `session.update`: everything about audio lives under `audio.input` / `audio.output`. */
export function sessionUpdate(o: RealtimeOpts, d: { voice: string; transcribeModel: string }): unknown {
  return {
    type: 'session.update',
    session: {
      type: 'realtime',
      output_modalities: ['audio'],
      instructions: o.instructions,
      audio: {
        input: {
          format: { type: 'audio/pcmu' },
          transcription: { model: d.transcribeModel, ...(o.language ? { language: o.language } : {}) },
          turn_detection: {
            type: 'server_vad',
            threshold: 0.5,
            prefix_padding_ms: 300,
            silence_duration_ms: o.silenceMs ?? 500,
            create_response: true,
            interrupt_response: true,
          },
        },
        output: { format: { type: 'audio/pcmu' }, voice: o.voice ?? d.voice },
      },
      tools: (o.tools ?? []).map((t) => ({
        type: 'function',
        name: t.name,
        description: t.description,
        parameters: t.parameters,
      })),
      tool_choice: 'auto',
    },
  };
}

class OpenAiRealtimeSession implements RealtimeSession {
  private listener: (e: RealtimeEvent) => void = () => {};
  private ping: NodeJS.Timeout;
  private alive = true;
  /** Caller audio leaves two frames per socket write; anything else flushes at once. */
  private readonly out: PairedWrites;
  /** Whether the caller's last frame sounded like talk. */
  private callerVoiced = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly label: string,
    livenessMs: number,
  ) {
    this.out = new PairedWrites(ws);
    ws.on('message', (data) => this.onMessage(data.toString()));
    ws.on('close', () => {
      clearInterval(this.ping);
      this.listener({ type: 'closed' });
    });
    ws.on('error', (e) => this.listener({ type: 'error', error: new ProviderError(label, e.message) }));
    ws.on('pong', () => (this.alive = true));
    // Liveness: a half-open socket never reports close; a missed pong does.
    this.ping = setInterval(() => {
      if (!this.alive) {
        this.listener({
          type: 'error',
          error: new ProviderError(label, 'no pong: connection is dead', { retryable: true }),
        });
        ws.terminate();
        return;
      }
      this.alive = false;
      ws.ping();
    }, livenessMs);
    this.ping.unref();
  }

  onEvent(fn: (e: RealtimeEvent) => void): void {
    this.listener = fn;
  }

  private send(obj: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(obj));
    this.out.flush();
  }

  appendAudio(audio: UlawAudio): void {
    // Hand-built: this runs 50 times a second per call and JSON.stringify of a known shape is waste.
    // A frame that came off Twilio's wire is still its base64: nothing is re-encoded.
    // Where the caller starts or stops talking, the model's voice detection keys on this very frame:
    // it is not held back for a partner (the frames between pair up as usual).
    const voiced = audio.voiced;
    const turning = voiced !== this.callerVoiced;
    this.callerVoiced = voiced;
    this.out.send(`{"type":"input_audio_buffer.append","audio":"${audio.base64()}"}`, turning);
  }
  sendToolResult(callId: string, output: string): void {
    this.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output } });
    this.send({ type: 'response.create' });
  }
  createResponse(instructions?: string): void {
    this.send({ type: 'response.create', ...(instructions ? { response: { instructions } } : {}) });
  }
  cancelResponse(): void {
    this.send({ type: 'response.cancel' });
  }
  truncate(itemId: string, audioEndMs: number): void {
    this.send({
      type: 'conversation.item.truncate',
      item_id: itemId,
      content_index: 0,
      audio_end_ms: Math.max(0, Math.round(audioEndMs)),
    });
  }
  addAgentText(text: string): void {
    // GA content part of an assistant message is `output_text` (the beta's `text` is refused).
    this.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] },
    });
  }
  async close(): Promise<void> {
    clearInterval(this.ping);
    this.out.flush();
    this.ws.close(1000);
  }

  private onMessage(raw: string): void {
    const delta = audioDeltaFast(raw);
    if (delta) return this.listener(delta);
    let e: ServerEvent;
    try {
      e = JSON.parse(raw);
    } catch {
      return;
    }
    const ev = mapServerEvent(e, this.label);
    if (ev) this.listener(ev);
  }
}

const DELTA_TYPE = '"type":"response.output_audio.delta"';

/** A string field's value when it has no escapes (ids, base64); null otherwise. */
function plainField(s: string, key: string): string | null {
  const k = `"${key}":"`;
  const i = s.indexOf(k);
  if (i < 0) return null;
  const j = s.indexOf('"', i + k.length);
  if (j < 0) return null;
  const v = s.slice(i + k.length, j);
  return v.includes('\\') ? null : v;
}

/**
 * Audio deltas (dozens a second per call) without building the whole object: a flat event whose
 * `type` is the audio delta and whose ids and base64 are plain strings. Anything else is parsed.
 */
function audioDeltaFast(raw: string): RealtimeEvent | null {
  if (!raw.includes(DELTA_TYPE) || raw.indexOf('{', 1) >= 0) return null;
  const delta = plainField(raw, 'delta');
  const itemId = plainField(raw, 'item_id');
  const responseId = plainField(raw, 'response_id');
  if (delta === null || itemId === null || responseId === null) return null;
  return { type: 'audio', itemId, responseId, audio: UlawAudio.fromBase64(delta) };
}

/** Maps a GA Realtime server event to ours. */
function mapServerEvent(e: ServerEvent, label: string): RealtimeEvent | null {
  switch (e.type) {
    case 'input_audio_buffer.speech_started':
      return { type: 'speechStarted', audioStartMs: Number(e.audio_start_ms ?? 0), itemId: e.item_id as string };
    case 'input_audio_buffer.speech_stopped':
      return { type: 'speechStopped', audioEndMs: Number(e.audio_end_ms ?? 0), itemId: e.item_id as string };
    case 'response.output_audio.delta':
      return {
        type: 'audio',
        itemId: e.item_id as string,
        responseId: e.response_id as string,
        audio: UlawAudio.fromBase64(String(e.delta ?? '')),
      };
    case 'response.output_audio_transcript.done':
      return { type: 'transcript', role: 'agent', text: String(e.transcript ?? ''), itemId: e.item_id as string };
    case 'conversation.item.input_audio_transcription.completed':
      return { type: 'transcript', role: 'caller', text: String(e.transcript ?? ''), itemId: e.item_id as string };
    case 'response.function_call_arguments.done':
      return {
        type: 'toolCall',
        callId: e.call_id as string,
        name: e.name as string,
        arguments: String(e.arguments ?? '{}'),
      };
    case 'response.done': {
      const r = (e.response ?? {}) as { id?: string; status?: string };
      return { type: 'responseDone', responseId: r.id ?? '', status: r.status ?? 'completed' };
    }
    case 'error': {
      const err = (e.error ?? {}) as { message?: string; code?: string };
      // cancelling when nothing is in flight is harmless and expected on barge-in races
      if (err.code === 'response_cancel_not_active') return null;
      return {
        type: 'error',
        error: new ProviderError(label, `${err.code ?? 'error'}: ${err.message ?? ''}`, { retryable: false }),
      };
    }
    default:
      return null;
  }
}
