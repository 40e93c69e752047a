/** Converts TTS output of any format to the phone line's μ-law 8 kHz. */
import { pcmToUlaw, resample } from '../audio/index.js';
import type { AudioChunk } from '../providers/index.js';

/** μ-law 8 kHz bytes of a TTS chunk. */
export function chunksToUlaw(c: AudioChunk): Uint8Array {
  if (c.kind === 'ulaw') return c.data;
  return pcmToUlaw(resample(c.data, c.sampleRate, 8000));
}
