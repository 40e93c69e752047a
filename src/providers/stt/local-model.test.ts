// Invariant: the local-model STT hands each whole utterance (and only speech-length ones) to the model at 16 kHz, and a missing model package is a clear, final error.
import { describe, expect, it } from 'vitest';
import { concatPcm, silence, tone } from '../../audio/index.js';
import { LocalModelSpeechToText, sherpaOnnxTranscriber } from './local-model.js';
import type { SttEvent } from '../types.js';

describe('LocalModelSpeechToText', () => {
  it('transcribes each utterance once, upsampled to 16 kHz, ignoring clicks', async () => {
    const got: number[] = [];
    const stt = new LocalModelSpeechToText({
      transcribe: async (s) => (got.push(s.length), `utterance of ${Math.round(s.length / 16)} ms`),
      endpointMs: 200,
    });
    const s = stt.open({ callId: 'c', sampleRate: 8000 });
    const audio = concatPcm([tone(500, 300), silence(300), tone(20, 300), silence(300), tone(300, 300), silence(300)]);
    for (let i = 0; i < audio.length; i += 160)
      s.push({ pcm: audio.subarray(i, i + 160), sampleRate: 8000, startMs: i / 8 });
    await new Promise((r) => setTimeout(r, 20));
    await s.close();
    const events: SttEvent[] = [];
    for await (const e of s) events.push(e);
    const finals = events.filter((e) => e.type === 'final');
    expect(finals).toHaveLength(2);
    // speech + the endpointing silence that closed it, at 16 kHz
    expect(got).toEqual([(500 + 200) * 16, (300 + 200) * 16]);
    expect(finals[0]).toEqual({ type: 'final', text: 'utterance of 700 ms', endOfSpeech: true });
  });

  it('reports a missing sherpa-onnx-node as a non-retryable ProviderError', async () => {
    const t = sherpaOnnxTranscriber({ encoder: 'e.onnx', decoder: 'd.onnx', tokens: 't.txt' });
    await expect(t(new Float32Array(16000))).rejects.toMatchObject({ provider: 'local-model.stt', retryable: false });
  });
});
