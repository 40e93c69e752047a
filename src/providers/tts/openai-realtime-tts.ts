/**
 * OpenAI speech synthesis through the Realtime API: the vendor retires every `/v1/audio/speech`
 * model (`tts-1`, `tts-1-hd`, `gpt-4o-mini-tts`) on 2027-01-06 and names `gpt-realtime-2.1-mini`
 * as the replacement, which is served only over the Realtime socket (checked 2026-12-02,
 * https://developers.openai.com/api/docs/deprecations). Each sentence is an out-of-band response
 * (`conversation: "none"`, tagged with `metadata`) on one shared socket, μ-law 8 kHz out, so no
 * resampling and no conversation state; the model is told to read the text verbatim.
 */
import WebSocket from 'ws';
import { AsyncQueue } from '../shared/async-queue.js';
import { ProviderError } from '../shared/errors.js';
import { toWsUrl, VENDOR_SOCKET_OPTIONS } from '../shared/http.js';
import { OPENAI_REALTIME_VOICES } from '../realtime/openai-realtime.js';
import type { AudioChunk, TextToSpeech, TtsOpts } from '../types.js';

/** Settings of Realtime-based synthesis. */
export interface OpenAiRealtimeTtsConfig {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  voice?: string;
  connectTimeoutMs?: number;
}

const READ_ALOUD =
  'You are a text-to-speech voice. Read the user message aloud exactly as written, word for word, in a warm, clear phone voice. Add nothing.';

type Pending = { queue: AsyncQueue<AudioChunk>; responseId?: string };

/** OpenAI voice synthesis over the Realtime socket (out-of-band responses). */
export class OpenAiRealtimeTextToSpeech implements TextToSpeech {
  readonly label = 'openai.tts';
  readonly voices = OPENAI_REALTIME_VOICES;
  private socket: Promise<WebSocket> | null = null;
  private readonly byTag = new Map<string, Pending>();
  private readonly byResponse = new Map<string, Pending>();
  private seq = 0;

  constructor(private readonly cfg: OpenAiRealtimeTtsConfig) {}

  async *synthesize(text: string, o: TtsOpts = {}): AsyncIterable<AudioChunk> {
    const ws = await this.connection();
    const tag = `tts_${++this.seq}`;
    const pending: Pending = { queue: new AsyncQueue<AudioChunk>() };
    this.byTag.set(tag, pending);
    const voice =
      o.voice && (this.voices as readonly string[]).includes(o.voice) ? o.voice : (this.cfg.voice ?? 'marin');
    ws.send(
      JSON.stringify({
        type: 'response.create',
        response: {
          conversation: 'none',
          metadata: { tag },
          output_modalities: ['audio'],
          instructions: READ_ALOUD,
          audio: { output: { format: { type: 'audio/pcmu' }, voice } },
          input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text }] }],
        },
      }),
    );
    const onAbort = () => {
      if (pending.responseId) ws.send(JSON.stringify({ type: 'response.cancel', response_id: pending.responseId }));
      pending.queue.end();
    };
    o.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      yield* pending.queue;
    } finally {
      o.signal?.removeEventListener('abort', onAbort);
      this.byTag.delete(tag);
      if (pending.responseId) this.byResponse.delete(pending.responseId);
    }
  }

  /** Closes the shared socket. */
  async close(): Promise<void> {
    const s = this.socket;
    this.socket = null;
    if (s) (await s.catch(() => null))?.close(1000);
  }

  private connection(): Promise<WebSocket> {
    if (!this.socket) {
      this.socket = this.open();
      this.socket.catch(() => (this.socket = null));
    }
    return this.socket;
  }

  private open(): Promise<WebSocket> {
    const model = this.cfg.model ?? 'gpt-realtime-2.1-mini';
    const ws = new WebSocket(
      `${toWsUrl(this.cfg.baseUrl ?? 'https://api.openai.com/v1')}/realtime?model=${encodeURIComponent(model)}`,
      {
        ...VENDOR_SOCKET_OPTIONS,
        headers: { Authorization: `Bearer ${this.cfg.apiKey}` },
      },
    );
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => (ws.terminate(), reject(new ProviderError(this.label, 'connect timed out', { status: 408 }))),
        this.cfg.connectTimeoutMs ?? 3000,
      );
      ws.once(
        'unexpected-response',
        (_q, res) => (
          clearTimeout(timer),
          ws.terminate(),
          reject(new ProviderError(this.label, `handshake HTTP ${res.statusCode}`, { status: res.statusCode }))
        ),
      );
      ws.once('error', (e) => (clearTimeout(timer), reject(new ProviderError(this.label, e.message))));
      ws.once('open', () => {
        clearTimeout(timer);
        // No turn detection: this socket never listens, it only speaks what it is given.
        ws.send(
          JSON.stringify({
            type: 'session.update',
            session: {
              type: 'realtime',
              output_modalities: ['audio'],
              instructions: READ_ALOUD,
              audio: {
                input: { format: { type: 'audio/pcmu' }, turn_detection: null },
                output: { format: { type: 'audio/pcmu' }, voice: this.cfg.voice ?? 'marin' },
              },
            },
          }),
        );
        resolve(ws);
      });
      ws.on('message', (d) => this.onMessage(d.toString()));
      ws.on('close', () => this.failAll(new ProviderError(this.label, 'connection closed')));
    });
  }

  private onMessage(raw: string): void {
    let e: Record<string, any>;
    try {
      e = JSON.parse(raw);
    } catch {
      return;
    }
    switch (e.type) {
      case 'response.created': {
        const p = this.byTag.get(e.response?.metadata?.tag);
        if (p) {
          p.responseId = e.response.id;
          this.byResponse.set(e.response.id, p);
        }
        return;
      }
      case 'response.output_audio.delta':
        return void this.byResponse
          .get(e.response_id)
          ?.queue.push({ kind: 'ulaw', data: new Uint8Array(Buffer.from(String(e.delta), 'base64')) });
      case 'response.done': {
        const p = this.byResponse.get(e.response?.id);
        if (!p) return;
        if (e.response?.status === 'failed') p.queue.fail(new ProviderError(this.label, 'response failed'));
        else p.queue.end();
        return;
      }
      case 'error':
        if (e.error?.code === 'response_cancel_not_active') return;
        // An error not tied to a response (bad session, rate limit) fails everything in flight.
        return this.failAll(
          new ProviderError(this.label, `${e.error?.code ?? 'error'}: ${e.error?.message ?? ''}`, {
            retryable: e.error?.code === 'rate_limit_exceeded',
          }),
        );
    }
  }

  private failAll(err: ProviderError): void {
    for (const p of this.byTag.values()) p.queue.fail(err);
    if (err.message.includes('connection closed')) this.socket = null;
  }
}
