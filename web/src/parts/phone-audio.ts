/**
 * Phone audio in the browser: G.711 μ-law (the 8 kHz codec Twilio's Media Streams carry), a
 * resampler from the sound card's rate to 8 kHz, and a 20 ms framer. Pure functions, no DOM.
 */
import { pcmToUlaw, ULAW_TO_PCM } from '../../../src/audio/mulaw';

/** Samples in one 20 ms frame at 8 kHz. */
export const FRAME_SAMPLES = 160;
/** The phone line's sample rate. */
export const PHONE_RATE = 8000;

// One codec for the whole product: the browser uses the server's table-driven G.711 module as is.
const one = new Int16Array(1);
const byte = new Uint8Array(1);

/** Encodes one linear 16-bit sample (given as a float in [-1, 1]) as a μ-law byte. */
export function encodeSample(x: number): number {
  one[0] = Math.round(Math.max(-1, Math.min(1, x)) * 32767);
  return pcmToUlaw(one, byte)[0];
}

/** Decodes a μ-law byte to a float sample in [-1, 1]. */
export function decodeSample(b: number): number {
  return ULAW_TO_PCM[b & 0xff] / 32768;
}

/** μ-law bytes of float samples. */
export function encodeFrame(samples: Float32Array): Uint8Array {
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = encodeSample(samples[i]);
  return out;
}

/** Float samples of μ-law bytes. */
export function decodeFrame(bytes: Uint8Array): Float32Array<ArrayBuffer> {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = decodeSample(bytes[i]);
  return out;
}

/** Base64 of bytes (the `media.payload` of a frame). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s);
}

/** Bytes of a base64 payload. */
export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Turns microphone blocks at any rate into 20 ms μ-law frames at 8 kHz: each output sample is the
 * mean of the input samples it covers (a box filter, enough against aliasing for speech at 48 kHz),
 * with the fractional position carried across blocks so no sample is lost or doubled.
 */
export function createUplink(inputRate: number, onFrame: (ulaw: Uint8Array) => void) {
  const rate = Math.round(inputRate);
  const frame = new Float32Array(FRAME_SAMPLES);
  let filled = 0;
  let acc = 0;
  let count = 0;
  let pos = 0; // in 1/(rate·8000) s: integer steps, so no drift over a long call
  return (block: Float32Array) => {
    for (let i = 0; i < block.length; i++) {
      acc += block[i];
      count++;
      pos += PHONE_RATE;
      if (pos < rate) continue;
      pos -= rate;
      frame[filled++] = acc / count;
      acc = 0;
      count = 0;
      if (filled === FRAME_SAMPLES) {
        onFrame(encodeFrame(frame));
        filled = 0;
      }
    }
  };
}
