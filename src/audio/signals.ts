/** Synthetic test signals: tones stand in for speech where the words do not matter. */

/** A sine tone of `ms` milliseconds at `hz`, amplitude `amp` (0–1 of full scale). */
export function tone(ms: number, hz = 440, sampleRate = 8000, amp = 0.3): Int16Array {
  const n = Math.round((sampleRate * ms) / 1000);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(amp * 32767 * Math.sin((2 * Math.PI * hz * i) / sampleRate));
  return out;
}

/** Digital silence of `ms` milliseconds. */
export function silence(ms: number, sampleRate = 8000): Int16Array {
  return new Int16Array(Math.round((sampleRate * ms) / 1000));
}

/** Concatenates PCM buffers. */
export function concatPcm(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
