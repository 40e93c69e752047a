/**
 * OpenAI Realtime API over WebSocket: μ-law in and out (`g711_ulaw`), server VAD, function tools,
 * `conversation.item.truncate` on barge-in so the model knows what the caller actually heard.
 * https://platform.openai.com/docs/api-reference/realtime
 * Caller audio appended before the socket is open is held, not dropped.
 */
import WebSocket from 'ws';
import { ProviderError } from '../shared/errors.js';
import { toWsUrl } from '../shared/http.js';
import type { RealtimeEvent, RealtimeOpts, RealtimeSession, RealtimeVoice } from '../types.js';

/** Realtime settings. */
export interface OpenAiRealtimeConfig {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  voice?: string;
  connectTimeoutMs?: number;
}

type ServerEvent = Record<string, unknown> & { type: string };

/** OpenAI Realtime speech-to-speech. */
export class OpenAiRealtimeVoice implements RealtimeVoice {
  readonly label = 'openai.realtime';
  constructor(private readonly cfg: OpenAiRealtimeConfig) {}

  connect(o: RealtimeOpts): Promise<RealtimeSession> {
    const url = `${toWsUrl(this.cfg.baseUrl ?? 'https://api.openai.com/v1')}/realtime?model=${encodeURIComponent(this.cfg.model ?? 'gpt-4o-realtime-preview')}`;
    const ws = new WebSocket(url, {
      headers: { Authorization: `Bearer ${this.cfg.apiKey}`, 'OpenAI-Beta': 'realtime=v1' },
      maxPayload: 4 << 20,
      perMessageDeflate: false,
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new ProviderError(this.label, 'connect timed out', { status: 408 }));
      }, this.cfg.connectTimeoutMs ?? 3000);
      ws.once('unexpected-response', (_q, res) => {
        clearTimeout(timer);
        reject(new ProviderError(this.label, `handshake HTTP ${res.statusCode}`, { status: res.statusCode }));
      });
      ws.once('error', (e) => {
        clearTimeout(timer);
        reject(new ProviderError(this.label, e.message));
      });
      ws.once('open', () => {
        clearTimeout(timer);
        ws.send(JSON.stringify(sessionUpdate(o, this.cfg.voice)));
        resolve(new OpenAiRealtimeSession(ws, this.label));
      });
      o.signal?.addEventListener('abort', () => ws.terminate(), { once: true });
    });
  }
}

function sessionUpdate(o: RealtimeOpts, voice?: string): unknown {
  return {
    type: 'session.update',
    session: {
      modalities: ['audio', 'text'],
      instructions: o.instructions,
      voice: o.voice ?? voice ?? 'alloy',
      input_audio_format: 'g711_ulaw',
      output_audio_format: 'g711_ulaw',
      input_audio_transcription: { model: 'whisper-1' },
      turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: o.silenceMs ?? 500 },
      tools: (o.tools ?? []).map((t) => ({ type: 'function', name: t.name, description: t.description, parameters: t.parameters })),
      tool_choice: 'auto',
    },
  };
}

class OpenAiRealtimeSession implements RealtimeSession {
  private listener: (e: RealtimeEvent) => void = () => {};

  constructor(
    private readonly ws: WebSocket,
    private readonly label: string,
  ) {
    ws.on('message', (data) => this.onMessage(data.toString()));
    ws.on('close', () => this.listener({ type: 'closed' }));
    ws.on('error', (e) => this.listener({ type: 'error', error: new ProviderError(label, e.message) }));
  }

  onEvent(fn: (e: RealtimeEvent) => void): void {
    this.listener = fn;
  }

  private send(obj: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(obj));
  }

  appendAudio(ulawBase64: string): void {
    // Hand-built: this runs 50 times a second per call and JSON.stringify of a known shape is waste.
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(`{"type":"input_audio_buffer.append","audio":"${ulawBase64}"}`);
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
    this.send({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: Math.max(0, Math.round(audioEndMs)) });
  }
  addAgentText(text: string): void {
    this.send({ type: 'conversation.item.create', item: { type: 'message', role: 'assistant', content: [{ type: 'text', text }] } });
  }
  async close(): Promise<void> {
    this.ws.close(1000);
  }

  private onMessage(raw: string): void {
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

/** Maps a Realtime server event (beta names, and the GA `response.output_audio.*` names) to ours. */
function mapServerEvent(e: ServerEvent, label: string): RealtimeEvent | null {
  switch (e.type) {
    case 'input_audio_buffer.speech_started':
      return { type: 'speechStarted', audioStartMs: Number(e.audio_start_ms ?? 0), itemId: e.item_id as string };
    case 'input_audio_buffer.speech_stopped':
      return { type: 'speechStopped', audioEndMs: Number(e.audio_end_ms ?? 0), itemId: e.item_id as string };
    case 'response.audio.delta':
    case 'response.output_audio.delta':
      return { type: 'audio', itemId: e.item_id as string, responseId: e.response_id as string, ulawBase64: e.delta as string };
    case 'response.audio_transcript.done':
    case 'response.output_audio_transcript.done':
      return { type: 'transcript', role: 'agent', text: String(e.transcript ?? ''), itemId: e.item_id as string };
    case 'conversation.item.input_audio_transcription.completed':
      return { type: 'transcript', role: 'caller', text: String(e.transcript ?? ''), itemId: e.item_id as string };
    case 'response.function_call_arguments.done':
      return { type: 'toolCall', callId: e.call_id as string, name: e.name as string, arguments: String(e.arguments ?? '{}') };
    case 'response.done': {
      const r = (e.response ?? {}) as { id?: string; status?: string };
      return { type: 'responseDone', responseId: r.id ?? '', status: r.status ?? 'completed' };
    }
    case 'error': {
      const err = (e.error ?? {}) as { message?: string; code?: string };
      // cancelling when nothing is in flight is harmless and expected on barge-in races
      if (err.code === 'response_cancel_not_active') return null;
      return { type: 'error', error: new ProviderError(label, err.message ?? 'error', { retryable: false }) };
    }
    default:
      return null;
  }
}
