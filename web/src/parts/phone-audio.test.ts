// Invariant: the browser test call speaks the phone line's exact codec (μ-law bytes identical to the server's) and turns any sound-card rate into real-time 20 ms frames at 8 kHz without losing or bending the audio.
import { describe, expect, it } from 'vitest';
import { pcmToUlaw, ULAW_TO_PCM } from '../../../src/audio/mulaw.js';
import { createUplink, decodeSample, encodeSample, FRAME_SAMPLES, fromBase64, toBase64 } from './phone-audio.js';

describe('μ-law in the browser', () => {
  it('encodes every 16-bit sample to the same byte as the server', () => {
    const pcm = new Int16Array(65535);
    for (let i = 0; i < pcm.length; i++) pcm[i] = i - 32767;
    const server = pcmToUlaw(pcm);
    for (let i = 0; i < pcm.length; i++)
      if (encodeSample(pcm[i] / 32767) !== server[i])
        throw new Error(`sample ${pcm[i]}: ${encodeSample(pcm[i] / 32767)} ≠ ${server[i]}`);
  });
  it('decodes every byte to the server’s sample', () => {
    for (let b = 0; b < 256; b++) expect(Math.round(decodeSample(b) * 32768) + 0).toBe(ULAW_TO_PCM[b]);
  });
  it('base64 round-trips a frame', () => {
    const bytes = Uint8Array.from({ length: 160 }, (_, i) => (i * 37) & 0xff);
    expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
  });
});

describe('uplink framing', () => {
  for (const rate of [48_000, 44_100, 16_000, 8_000]) {
    it(`turns one second at ${rate} Hz into 50 frames of 20 ms with the tone's pitch kept`, () => {
      const frames: Uint8Array[] = [];
      const push = createUplink(rate, (f) => frames.push(f));
      const total = rate;
      // Delivered in the odd block sizes a sound card uses (128 for an AudioWorklet).
      for (let off = 0; off < total; off += 128) {
        const block = new Float32Array(Math.min(128, total - off));
        for (let i = 0; i < block.length; i++) block[i] = 0.5 * Math.sin((2 * Math.PI * 440 * (off + i)) / rate);
        push(block);
      }
      expect(frames.length).toBe(50);
      expect(frames.every((f) => f.length === FRAME_SAMPLES)).toBe(true);
      const pcm = frames.flatMap((f) => [...f].map(decodeSample));
      let crossings = 0;
      for (let i = 1; i < pcm.length; i++) if (pcm[i - 1] < 0 !== pcm[i] < 0) crossings++;
      expect(Math.abs(crossings - 880)).toBeLessThanOrEqual(4);
      expect(Math.max(...pcm)).toBeGreaterThan(0.4);
    });
  }
});
