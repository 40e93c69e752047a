/** A TextToSpeech that tries each provider in turn, each bounded by a first-chunk timeout. */
import { fallbackStream, withStreamTimeout } from '../shared/wrappers.js';
import type { AudioChunk, TextToSpeech, TtsOpts } from '../types.js';

/** livekit's FallbackAdapter shape for TTS: same interface, next provider when one fails before audio. */
export class FallbackTextToSpeech implements TextToSpeech {
  readonly label: string;
  constructor(
    private readonly providers: TextToSpeech[],
    private readonly firstChunkMs = 1000,
  ) {
    this.label = `fallback(${providers.map((p) => p.label).join(',')})`;
  }

  synthesize(text: string, o: TtsOpts): AsyncIterable<AudioChunk> {
    return fallbackStream(
      this.providers.map((p) => ({ label: p.label, run: () => withStreamTimeout(p.synthesize(text, o), p.label, this.firstChunkMs) })),
    );
  }
}
