/**
 * Zero-latency providers for the voice benchmark: a TTS that returns stand-in audio at once, a script
 * book whose every utterance says the same thing, and a light OpenAI Realtime fake that speaks the
 * real wire protocol but detects speech by comparing payloads with the silence frame (so the fake's
 * own CPU stays out of the way of the server being measured).
 */
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { pcmToUlaw, tone } from '../../src/audio/index.js';
import { ScriptBook, type AudioChunk, type TextToSpeech } from '../../src/providers/index.js';

/** μ-law stand-in speech: 60 ms per word. */
export function ulawFor(text: string): Uint8Array {
  return pcmToUlaw(tone(Math.max(1, text.split(/\s+/).length) * 60, 300, 8000, 0.3));
}

/** TTS that answers instantly. */
export class ZeroLatencyTts implements TextToSpeech {
  readonly label = 'zero.tts';
  async *synthesize(text: string): AsyncIterable<AudioChunk> {
    yield { kind: 'ulaw', data: ulawFor(text) };
  }
}

/** Every utterance of every call says `text`. */
export class LoopScriptBook extends ScriptBook {
  constructor(private readonly text: string) {
    super();
  }
  override next(): string {
    return this.text;
  }
}

/** The silence frame's base64 payload (what callers send between utterances). */
export const SILENCE_B64 = Buffer.alloc(160, 0xff).toString('base64');

/** A light Realtime API fake; returns its base URL (`…/v1`) and counters. */
export async function startLightRealtimeFake(
  reply: string,
): Promise<{ baseUrl: string; appends: () => number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, backlog: 4096, perMessageDeflate: false });
  await new Promise((r) => wss.once('listening', r));
  const audio = ulawFor(reply);
  const deltas: string[] = [];
  for (let off = 0; off < audio.length; off += 2400)
    deltas.push(Buffer.from(audio.subarray(off, off + 2400)).toString('base64'));
  let appends = 0;
  let ids = 0;
  wss.on('connection', (ws) => {
    let speaking = false;
    let silentFrames = 0;
    let item = '';
    let audioMs = 0;
    let cancelled = false;
    ws.send(JSON.stringify({ type: 'session.created', event_id: 'e0', session: { id: 'sess' } }));
    ws.on('message', (data) => {
      const raw = data.toString();
      if (raw.startsWith('{"type":"input_audio_buffer.append"')) {
        appends++;
        audioMs += 20;
        const silent = raw.includes(SILENCE_B64);
        if (!silent) {
          silentFrames = 0;
          if (!speaking) {
            speaking = true;
            item = `item_${++ids}`;
            ws.send(`{"type":"input_audio_buffer.speech_started","audio_start_ms":${audioMs},"item_id":"${item}"}`);
          }
        } else if (speaking && ++silentFrames >= 15) {
          speaking = false;
          ws.send(`{"type":"input_audio_buffer.speech_stopped","audio_end_ms":${audioMs},"item_id":"${item}"}`);
          ws.send(
            `{"type":"conversation.item.input_audio_transcription.completed","item_id":"${item}","content_index":0,"transcript":"I need a plumber tomorrow"}`,
          );
          const resp = `resp_${++ids}`;
          const out = `item_${++ids}`;
          cancelled = false;
          ws.send(`{"type":"response.created","response":{"id":"${resp}","status":"in_progress"}}`);
          for (const d of deltas) {
            if (cancelled) break;
            ws.send(
              `{"type":"response.audio.delta","response_id":"${resp}","item_id":"${out}","output_index":0,"content_index":0,"delta":"${d}"}`,
            );
          }
          ws.send(
            `{"type":"response.audio_transcript.done","response_id":"${resp}","item_id":"${out}","transcript":${JSON.stringify(reply)}}`,
          );
          ws.send(`{"type":"response.done","response":{"id":"${resp}","status":"completed"}}`);
        }
        return;
      }
      if (raw.includes('"response.cancel"')) cancelled = true;
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${(wss.address() as AddressInfo).port}/v1`,
    appends: () => appends,
    close: () =>
      new Promise((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  };
}
