// Invariant: with a self-hosted OpenAI-compatible transcription server, each caller utterance (endpointed here) is posted once as 16 kHz WAV to /audio/transcriptions with the configured model, and its text comes back as a final; a failing or stalled server becomes a classified error, not silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, silence, tone } from '../../audio/index.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../../test/fakes/openai.js';
import { createProviders, openAiCompatibleSpeechToText, type SttEvent, type SpeechToText } from '../index.js';

let server: FakeOpenAi;
beforeAll(async () => {
  server = await startFakeOpenAi('local-key');
});
afterAll(async () => {
  await server.close();
});

async function hear(stt: SpeechToText, pcm: Int16Array): Promise<SttEvent[]> {
  const s = stt.open({ callId: 'c1', sampleRate: 8000 });
  const events: SttEvent[] = [];
  const done = (async () => {
    for await (const e of s) {
      events.push(e);
      if (e.type === 'error' || (e.type === 'final' && e.endOfSpeech)) break;
    }
  })();
  for (let i = 0; i < pcm.length; i += 160) s.push({ pcm: pcm.subarray(i, i + 160), sampleRate: 8000, startMs: i / 8 });
  await done;
  await s.close();
  return events;
}

describe('OpenAI-compatible STT (self-hosted)', () => {
  it('posts the endpointed utterance as 16 kHz WAV with the model and returns its text', async () => {
    server.transcriptions.push('my sink is leaking');
    const stt = openAiCompatibleSpeechToText({
      baseUrl: `${server.url}/v1`,
      model: 'Systran/faster-whisper-small',
      apiKey: 'local-key',
      language: 'en',
    });
    const events = await hear(stt, concatPcm([silence(200), tone(800, 300), silence(700)]));
    expect(events[0]).toEqual({ type: 'speechStarted' });
    expect(events.at(-1)).toEqual({ type: 'final', text: 'my sink is leaking', endOfSpeech: true });
    expect(server.transcriptionRequests).toHaveLength(1);
    const r = server.transcriptionRequests[0];
    expect(r).toMatchObject({ model: 'Systran/faster-whisper-small', language: 'en', sampleRate: 16000 });
    expect(r.ms).toBeGreaterThan(700);
    expect(r.ms).toBeLessThan(1400);
  });

  it('a 5xx from the server is a retryable error event; a stalled one times out as 408', async () => {
    server.transcriptionFailStatus = 503;
    const stt = openAiCompatibleSpeechToText({ baseUrl: `${server.url}/v1`, model: 'm', apiKey: 'local-key' });
    const e1 = (await hear(stt, concatPcm([tone(500, 300), silence(700)]))).at(-1);
    expect(e1).toMatchObject({ type: 'error', error: { status: 503, retryable: true } });
    server.transcriptionFailStatus = 0;
    server.transcriptionDelayMs = 3000;
    const slow = openAiCompatibleSpeechToText({
      baseUrl: `${server.url}/v1`,
      model: 'm',
      apiKey: 'local-key',
      timeoutMs: 200,
    });
    const e2 = (await hear(slow, concatPcm([tone(500, 300), silence(700)]))).at(-1);
    server.transcriptionDelayMs = 0;
    expect(e2).toMatchObject({ type: 'error', error: { status: 408, retryable: true } });
  });

  it('is what createProviders picks when only STT_BASE_URL is configured', () => {
    expect(createProviders({ sttCompatible: { baseUrl: 'http://gpu:8000/v1', model: 'm' } }).stt.label).toBe(
      'openai-compatible.stt',
    );
  });
});
