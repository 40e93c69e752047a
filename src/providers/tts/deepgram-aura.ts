/**
 * Deepgram Aura TTS over HTTP: POST /v1/speak?model=…&encoding=mulaw&sample_rate=8000&container=none
 * with `{"text": "…"}`; the body streams raw μ-law, ready for the phone line.
 * https://developers.deepgram.com/reference/text-to-speech-api/speak
 */
import { ensureOk } from '../shared/http.js';
import { ProviderError, isAbort } from '../shared/errors.js';
import type { AudioChunk, TextToSpeech, TtsOpts } from '../types.js';

/** Deepgram Aura settings. */
export interface DeepgramTtsConfig {
  apiKey: string;
  baseUrl?: string;
  model?: string;
}

/** Deepgram Aura streaming TTS, μ-law 8 kHz out. */
export class DeepgramAuraTextToSpeech implements TextToSpeech {
  readonly label = 'deepgram.tts';
  constructor(private readonly cfg: DeepgramTtsConfig) {}

  async *synthesize(text: string, o: TtsOpts = {}): AsyncIterable<AudioChunk> {
    const params = new URLSearchParams({
      model: o.voice?.startsWith('aura') ? o.voice : (this.cfg.model ?? 'aura-2-thalia-en'),
      encoding: 'mulaw',
      sample_rate: '8000',
      container: 'none',
    });
    let res: Response;
    try {
      res = await fetch(`${this.cfg.baseUrl ?? 'https://api.deepgram.com'}/v1/speak?${params}`, {
        method: 'POST',
        headers: { Authorization: `Token ${this.cfg.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: o.signal,
      });
    } catch (e) {
      if (isAbort(e)) return;
      throw new ProviderError(this.label, (e as Error).message, { cause: e });
    }
    await ensureOk(this.label, res);
    if (!res.body) return;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) yield { kind: 'ulaw', data: chunk };
    } catch (e) {
      if (!isAbort(e)) throw new ProviderError(this.label, (e as Error).message, { cause: e });
    }
  }
}
