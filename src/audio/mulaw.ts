/**
 * G.711 μ-law ⇄ linear PCM16, table-driven: one lookup per sample in both directions.
 * Telephony audio (Twilio Media Streams, OpenAI Realtime `audio/pcmu`) is 8 kHz μ-law.
 */

const BIAS = 0x84;
const CLIP = 32635;

function encodeSample(sample: number): number {
  let s = sample;
  const sign = s < 0 ? 0x80 : 0;
  if (sign) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

function decodeSample(byte: number): number {
  const u = ~byte & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return sign ? -magnitude : magnitude;
}

/** μ-law byte → PCM16 sample. */
export const ULAW_TO_PCM: Int16Array = (() => {
  const t = new Int16Array(256);
  for (let i = 0; i < 256; i++) t[i] = decodeSample(i);
  return t;
})();

/** PCM16 sample (offset by 32768) → μ-law byte; 64 KiB so encoding is a single lookup. */
const PCM_TO_ULAW: Uint8Array = (() => {
  const t = new Uint8Array(65536);
  for (let i = 0; i < 65536; i++) t[i] = encodeSample(i - 32768);
  return t;
})();

/** Decodes μ-law bytes to PCM16 samples (into `out` when given). */
export function ulawToPcm(ulaw: Uint8Array, out: Int16Array = new Int16Array(ulaw.length)): Int16Array {
  for (let i = 0; i < ulaw.length; i++) out[i] = ULAW_TO_PCM[ulaw[i]];
  return out;
}

/** Encodes PCM16 samples to μ-law bytes (into `out` when given). */
export function pcmToUlaw(pcm: Int16Array, out: Uint8Array = new Uint8Array(pcm.length)): Uint8Array {
  for (let i = 0; i < pcm.length; i++) out[i] = PCM_TO_ULAW[pcm[i] + 32768];
  return out;
}

/** The μ-law byte for digital silence. */
export const ULAW_SILENCE = 0xff;
