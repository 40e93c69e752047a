// Invariant: telephony audio survives codec, resampling and framing with bounded error, and VADs tell a voice-band tone from silence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ulawToPcm,
  pcmToUlaw,
  resample,
  ByteFramer,
  energyVad,
  webrtcVad,
  writeWav,
  readWav,
  tone,
  silence,
  frameDbfs,
} from './index.js';

describe('μ-law codec', () => {
  it('round-trips every μ-law byte exactly (decode then encode)', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const back = pcmToUlaw(ulawToPcm(all));
    for (let i = 0; i < 256; i++) {
      // 0x7f and 0xff both mean zero; the encoder canonicalises to 0xff
      if (i === 0x7f) expect(back[i]).toBe(0xff);
      else expect(back[i]).toBe(i);
    }
  });
  it('keeps quantisation error within μ-law segment step for any sample', () => {
    fc.assert(
      fc.property(fc.integer({ min: -32768, max: 32767 }), (s) => {
        const d = ulawToPcm(pcmToUlaw(Int16Array.of(s)))[0];
        const clipped = Math.max(-32635, Math.min(32635, s));
        expect(Math.abs(d - clipped)).toBeLessThanOrEqual(Math.max(8, Math.abs(clipped) / 16 + 8));
      }),
    );
  });
});

describe('resampler', () => {
  it('changes length by the rate ratio and keeps a tone’s level', () => {
    const t8 = tone(200, 300, 8000);
    const t24 = resample(t8, 8000, 24000);
    expect(t24.length).toBe(t8.length * 3);
    const back = resample(t24, 24000, 8000);
    expect(back.length).toBe(t8.length);
    expect(Math.abs(frameDbfs(back) - frameDbfs(t8))).toBeLessThan(0.5);
    const t16 = resample(tone(100, 300, 24000), 24000, 16000);
    expect(t16.length).toBe(1600);
  });
});

describe('framer', () => {
  it('cuts arbitrary chunks into 160-byte frames without losing or reordering bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 20 }), (sizes) => {
        const f = new ByteFramer(160);
        const seen: number[] = [];
        let counter = 0;
        for (const n of sizes) {
          const chunk = new Uint8Array(n).map(() => counter++ % 251);
          for (const fr of f.push(chunk)) {
            expect(fr.length).toBe(160);
            seen.push(...fr);
          }
        }
        const tail = f.flush();
        if (tail) seen.push(...tail.subarray(0, counter - seen.length));
        expect(seen.length).toBe(counter);
        seen.forEach((b, i) => expect(b).toBe(i % 251));
      }),
      { numRuns: 50 },
    );
  });
});

describe('VAD', () => {
  it('energy VAD: tone is speech, silence is not', () => {
    const v = energyVad();
    expect(v.isSpeech(tone(20, 300))).toBe(true);
    expect(v.isSpeech(silence(20))).toBe(false);
    expect(v.isSpeech(tone(20, 300, 8000, 0.001))).toBe(false);
  });
  it('WebRTC VAD loads from WASM and separates a voiced signal from long silence', async () => {
    const v = await webrtcVad(3);
    // a harmonic-rich "voiced" signal: sum of harmonics of 150 Hz
    const f = new Int16Array(160);
    let speech = 0;
    for (let k = 0; k < 25; k++) {
      for (let i = 0; i < 160; i++) {
        const t = (k * 160 + i) / 8000;
        f[i] = Math.round(4000 * [1, 2, 3, 4, 5].reduce((s, h) => s + Math.sin(2 * Math.PI * 150 * h * t) / h, 0));
      }
      if (v.isSpeech(f)) speech++;
    }
    let quiet = 0;
    for (let k = 0; k < 50; k++) if (!v.isSpeech(silence(20))) quiet++;
    expect(speech).toBeGreaterThan(15);
    expect(quiet).toBeGreaterThan(30);
    v.dispose();
  });
});

describe('WAV', () => {
  it('writes a file that reads back identically', () => {
    const pcm = tone(50, 440);
    const wav = writeWav(pcm, 8000);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    const r = readWav(wav);
    expect(r.sampleRate).toBe(8000);
    expect(Array.from(r.pcm)).toEqual(Array.from(pcm));
  });
});
