// Invariant: phone audio reads back the same in every form it is asked for, its length is right without decoding, and audio that came as base64 leaves as the very same string (a relayed frame is never re-encoded).
import { describe, expect, it } from 'vitest';
import { pcmToUlaw, tone } from './index.js';
import { UlawAudio } from './ulaw-audio.js';

describe('UlawAudio', () => {
  it('knows its length from base64 without decoding, padding included', () => {
    for (const n of [160, 161, 162, 800, 1]) {
      const bytes = new Uint8Array(n).map((_, i) => i * 7);
      const b64 = Buffer.from(bytes).toString('base64');
      const a = UlawAudio.fromBase64(b64);
      expect(a.byteLength, String(n)).toBe(n);
      expect(a.ms).toBe(n / 8);
      expect([...a.ulaw()]).toEqual([...bytes]);
    }
  });

  it('passes base64 through as the same string, and encodes bytes and PCM once', () => {
    const b64 = Buffer.alloc(160, 0xff).toString('base64');
    expect(UlawAudio.fromBase64(b64).base64()).toBe(b64);
    const pcm = tone(20, 220, 8000, 0.3);
    const fromPcm = UlawAudio.fromPcm(pcm);
    expect([...fromPcm.ulaw()]).toEqual([...pcmToUlaw(pcm)]);
    expect(fromPcm.base64()).toBe(Buffer.from(pcmToUlaw(pcm)).toString('base64'));
    expect(fromPcm.base64()).toBe(fromPcm.base64());
    // decoded PCM matches the μ-law quantisation of the original, into a given buffer when it fits
    const out = new Int16Array(160);
    expect(fromPcm.pcm(out)).toBe(out);
    expect(Math.max(...out.map((v, i) => Math.abs(v - pcm[i])))).toBeLessThan(1100);
  });

  it('tells a talking frame from a quiet line: a tone or speech-level noise is voiced, silence and faint hiss are not', () => {
    const frame = (pcm: Int16Array) => UlawAudio.fromBase64(Buffer.from(pcmToUlaw(pcm)).toString('base64'));
    expect(frame(tone(20, 300)).voiced).toBe(true);
    expect(UlawAudio.fromBytes(new Uint8Array(160).fill(0xff)).voiced).toBe(false);
    const hiss = Int16Array.from({ length: 160 }, (_, i) => ((i * 7919) % 201) - 100); // ±100: a quiet line's noise
    expect(frame(hiss).voiced).toBe(false);
    const talk = Int16Array.from({ length: 160 }, (_, i) => Math.round(4000 * Math.sin(i / 3)));
    expect(frame(talk).voiced).toBe(true);
    // read from base64 or from bytes, the same answer (short frames too)
    for (const pcm of [talk, hiss, tone(20, 300), tone(3, 300), talk.subarray(0, 7)]) {
      const u = pcmToUlaw(pcm);
      expect(frame(pcm).voiced, String(pcm.length)).toBe(UlawAudio.fromBytes(u).voiced);
    }
  });
});
