/**
 * Sample-rate conversion between the rates voice providers use (8, 16, 24 kHz).
 * Integer ratios take a fast path: upsampling interpolates linearly, downsampling averages each
 * block (a box filter, enough to keep speech intelligible and alias-free for ASR at phone quality).
 * Other ratios fall back to linear interpolation.
 */

/** Resamples mono PCM16 from `from` Hz to `to` Hz. Returns the input itself when the rates match. */
export function resample(pcm: Int16Array, from: number, to: number): Int16Array {
  if (from === to || pcm.length === 0) return pcm;
  if (from % to === 0) return decimate(pcm, from / to);
  if (to % from === 0) return interpolate(pcm, to / from);
  return linear(pcm, from, to);
}

function decimate(pcm: Int16Array, factor: number): Int16Array {
  const out = new Int16Array(Math.floor(pcm.length / factor));
  for (let i = 0, j = 0; i < out.length; i++) {
    let sum = 0;
    for (let k = 0; k < factor; k++) sum += pcm[j++];
    out[i] = Math.round(sum / factor);
  }
  return out;
}

function interpolate(pcm: Int16Array, factor: number): Int16Array {
  const out = new Int16Array(pcm.length * factor);
  for (let i = 0; i < pcm.length; i++) {
    const a = pcm[i];
    const b = i + 1 < pcm.length ? pcm[i + 1] : a;
    for (let k = 0; k < factor; k++) out[i * factor + k] = Math.round(a + ((b - a) * k) / factor);
  }
  return out;
}

function linear(pcm: Int16Array, from: number, to: number): Int16Array {
  const n = Math.floor((pcm.length * to) / from);
  const out = new Int16Array(n);
  const step = from / to;
  for (let i = 0; i < n; i++) {
    const pos = i * step;
    const i0 = Math.floor(pos);
    const frac = pos - i0;
    const a = pcm[i0];
    const b = i0 + 1 < pcm.length ? pcm[i0 + 1] : a;
    out[i] = Math.round(a + (b - a) * frac);
  }
  return out;
}
