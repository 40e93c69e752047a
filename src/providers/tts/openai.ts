/**
 * OpenAI (or compatible, e.g. speaches) TTS: POST /v1/audio/speech with response_format "pcm",
 * which streams raw 24 kHz 16-bit little-endian mono; we resample to 8 kHz for the phone.
 * https://platform.openai.com/docs/api-reference/audio/createSpeech
 */
import { resample } from '../../audio/index.js';
import { ensureOk } from '../shared/http.js';
import { ProviderError, isAbort } from '../shared/errors.js';
import type { AudioChunk, TextToSpeech, TtsOpts } from '../types.js';

/** OpenAI TTS settings. */
export interface OpenAiTtsConfig {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  voice?: string;
}

/** OpenAI speech synthesis, PCM 24 kHz streamed and resampled to 8 kHz. */
export class OpenAiTextToSpeech implements TextToSpeech {
  readonly label = 'openai.tts';
  constructor(private readonly cfg: OpenAiTtsConfig) {}

  async *synthesize(text: string, o: TtsOpts = {}): AsyncIterable<AudioChunk> {
    let res: Response;
    try {
      res = await fetch(`${this.cfg.baseUrl ?? 'https://api.openai.com/v1'}/audio/speech`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.cfg.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          model: this.cfg.model ?? 'gpt-4o-mini-tts',
          input: text,
          voice: (o.voice && !o.voice.startsWith('aura') ? o.voice : undefined) ?? this.cfg.voice ?? 'alloy',
          response_format: 'pcm',
        }),
        signal: o.signal,
      });
    } catch (e) {
      if (isAbort(e)) return;
      throw new ProviderError(this.label, (e as Error).message, { cause: e });
    }
    await ensureOk(this.label, res);
    if (!res.body) return;
    let carry: Uint8Array = new Uint8Array(0);
    try {
      for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
        const bytes = carry.length ? concat(carry, part) : part;
        const whole = bytes.length - (bytes.length % 6); // 3 samples of 24 kHz = 1 sample of 8 kHz
        carry = bytes.slice(whole);
        if (whole === 0) continue;
        const aligned = new Uint8Array(bytes.subarray(0, whole));
        const pcm24 = new Int16Array(aligned.buffer, 0, whole / 2);
        yield { kind: 'pcm', data: resample(pcm24, 24000, 8000), sampleRate: 8000 };
      }
    } catch (e) {
      if (!isAbort(e)) throw new ProviderError(this.label, (e as Error).message, { cause: e });
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
