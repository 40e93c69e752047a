/**
 * Phone audio in the browser: G.711 μ-law (the 8 kHz codec Twilio's Media Streams carry), a
 * resampler from the sound card's rate to 8 kHz, and a 20 ms framer. Pure functions, no DOM.
 */

/** Samples in one 20 ms frame at 8 kHz. */
export const FRAME_SAMPLES = 160;
/** The phone line's sample rate. */
export const PHONE_RATE = 8000;

const BIAS = 0x84;
const CLIP = 32635;

/** Encodes one linear 16-bit sample (given as a float in [-1, 1]) as a μ-law byte. */
export function encodeSample(x: number): number {
  let s = Math.round(Math.max(-1, Math.min(1, x)) * 32767);
  const sign = s < 0 ? 0x80 : 0;
  if (sign) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** Decodes a μ-law byte to a float sample in [-1, 1]. */
export function decodeSample(b: number): number {
  const u = ~b & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return ((u & 0x80) ? -magnitude : magnitude) / 32768;
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
