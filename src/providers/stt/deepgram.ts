/**
 * Deepgram live transcription over WebSocket (wss://api.deepgram.com/v1/listen).
 * https://developers.deepgram.com/reference/speech-to-text-api/listen-streaming
 * We send raw linear16 8 kHz audio as binary frames and `{"type":"Finalize"}` / `{"type":"CloseStream"}`
 * as text; Deepgram answers `Results` (is_final, speech_final), `SpeechStarted` and `UtteranceEnd`.
 */
import WebSocket from 'ws';
import { AsyncQueue } from '../shared/async-queue.js';
import { ProviderError } from '../shared/errors.js';
import { toWsUrl, VENDOR_SOCKET_OPTIONS } from '../shared/http.js';
import type { AudioFrame, SpeechToText, SttEvent, SttOpen, SttStream } from '../types.js';

/** Deepgram settings. */
export interface DeepgramSttConfig {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  /** Silence (ms) after which Deepgram marks speech_final; 300 ms is their phone-agent advice. */
  endpointingMs?: number;
  utteranceEndMs?: number;
}

interface DeepgramMessage {
  type?: string;
  is_final?: boolean;
  speech_final?: boolean;
  channel?: { alternatives?: Array<{ transcript?: string }> };
}

/** Deepgram live STT. */
export class DeepgramSpeechToText implements SpeechToText {
  readonly label = 'deepgram.stt';
  readonly caps = { interim: true, endpointing: true };

  constructor(private readonly cfg: DeepgramSttConfig) {}

  open(o: SttOpen): SttStream {
    const q = new AsyncQueue<SttEvent>();
    const params = new URLSearchParams({
      model: this.cfg.model ?? 'nova-3',
      encoding: 'linear16',
      sample_rate: String(o.sampleRate),
      channels: '1',
      interim_results: 'true',
      smart_format: 'true',
      vad_events: 'true',
      endpointing: String(this.cfg.endpointingMs ?? 300),
      utterance_end_ms: String(this.cfg.utteranceEndMs ?? 1000),
      language: o.language ?? 'en-US',
    });
    const url = `${toWsUrl(this.cfg.baseUrl ?? 'https://api.deepgram.com')}/v1/listen?${params}`;
    const ws = new WebSocket(url, {
      ...VENDOR_SOCKET_OPTIONS,
      headers: { Authorization: `Token ${this.cfg.apiKey}` },
      maxPayload: 1 << 20,
    });
    const held: Buffer[] = [];
    const fail = (msg: string, status?: number) => {
      q.push({ type: 'error', error: new ProviderError(this.label, msg, { status }) });
      q.end();
    };
    ws.on('open', () => {
      for (const b of held.splice(0)) ws.send(b);
    });
    ws.on('unexpected-response', (_req, res) => fail(`handshake HTTP ${res.statusCode}`, res.statusCode));
    ws.on('error', (e) => fail(e.message));
    ws.on('close', () => q.end());
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let m: DeepgramMessage;
      try {
        m = JSON.parse(data.toString());
      } catch {
        return;
      }
      const ev = mapMessage(m);
      if (ev) q.push(ev);
    });
    o.signal?.addEventListener('abort', () => ws.terminate(), { once: true });
    const sendText = (obj: unknown) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(obj));
    };
    return {
      push(frame: AudioFrame) {
        const b = Buffer.from(frame.pcm.buffer, frame.pcm.byteOffset, frame.pcm.byteLength);
        if (ws.readyState === WebSocket.OPEN) ws.send(b);
        else if (ws.readyState === WebSocket.CONNECTING) held.push(Buffer.from(b));
      },
      finalize: () => sendText({ type: 'Finalize' }),
      close: async () => {
        sendText({ type: 'CloseStream' });
        setTimeout(() => ws.terminate(), 1000).unref();
        q.end();
      },
      [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](),
    };
  }
}

function mapMessage(m: DeepgramMessage): SttEvent | null {
  switch (m.type) {
    case 'Results': {
      const text = m.channel?.alternatives?.[0]?.transcript?.trim() ?? '';
      if (m.is_final)
        return text || m.speech_final
          ? { type: 'final', text, endOfSpeech: Boolean(m.speech_final) }
          : { type: 'alive' };
      // an empty result still says the socket is working (the session watches for a silent one)
      return text ? { type: 'interim', text } : { type: 'alive' };
    }
    case 'SpeechStarted':
      return { type: 'speechStarted' };
    case 'UtteranceEnd':
      return { type: 'utteranceEnd' };
    default:
      return null;
  }
}
