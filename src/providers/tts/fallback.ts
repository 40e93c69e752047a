/** A TextToSpeech that tries each provider in turn, each bounded by a first-chunk timeout. */
import { CallHealth, type OnSwitch } from '../shared/switches.js';
import { fallbackStream, withStreamTimeout } from '../shared/wrappers.js';
import type { AudioChunk, TextToSpeech, TtsOpts } from '../types.js';

/**
 * livekit's FallbackAdapter shape for TTS: same interface, next provider when one fails or stalls
 * before audio. With a `CallHealth`, a provider that failed twice in the call is tried last.
 */
export class FallbackTextToSpeech implements TextToSpeech {
  readonly label: string;
  constructor(
    private readonly providers: TextToSpeech[],
    private readonly firstChunkMs = 1000,
    private readonly health?: CallHealth,
    private readonly onSwitch?: OnSwitch,
  ) {
    this.label = `fallback(${providers.map((p) => p.label).join(',')})`;
  }

  synthesize(text: string, o: TtsOpts): AsyncIterable<AudioChunk> {
    const chain = this.health ? this.health.order(this.providers) : this.providers;
    return fallbackStream(
      chain.map((p) => ({
        label: p.label,
        run: () => withStreamTimeout(p.synthesize(text, o), p.label, this.firstChunkMs),
      })),
      (label, err, next) => {
        this.health?.fail(label);
        if (next) this.onSwitch?.({ stage: 'tts', from: label, to: next, reason: (err as Error).message });
      },
    );
  }
}
