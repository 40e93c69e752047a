// Invariant: an organization can only choose providers and voices the server can serve; its choice goes first in each chain, the others follow, and a failing STT vendor is replaced mid-call (after a second failure) with the switch reported.
import { describe, expect, it } from 'vitest';
import {
  AsyncQueue,
  CallHealth,
  FallbackSpeechToText,
  ProviderError,
  createProviders,
  type ProviderSwitch,
  type SpeechToText,
  type SttEvent,
} from './index.js';

describe('provider catalog', () => {
  it('with no keys offers the offline voices only, and refuses vendors and their voices', () => {
    const { catalog } = createProviders({});
    expect(catalog.voices().map((v) => v.id)).toEqual(['kal', 'slt', 'awb', 'rms']);
    expect(catalog.voices('es')).toEqual([]);
    expect(catalog.refuse({ voice: 'slt' })).toBeNull();
    expect(catalog.refuse({ voice: 'alloy' })).toMatchObject({ field: 'voice' });
    expect(catalog.refuse({ tts: 'deepgram' })).toMatchObject({ field: 'tts' });
    expect(catalog.refuse({ llm: 'openai' })).toMatchObject({ field: 'llm' });
    expect(catalog.refuse({ engine: 'realtime' })).toMatchObject({ field: 'engine' });
    expect(catalog.refuse({ stt: 'scripted', tts: 'offline', llm: 'offline' })).toBeNull();
  });

  it("puts the organization's choice first and the other configured providers after it", () => {
    const p = createProviders({
      deepgram: { apiKey: 'k' },
      openai: { apiKey: 'k' },
      openaiCompatible: { baseUrl: 'http://gpu/v1' },
    });
    expect(p.forAgent({}).tts.label).toBe('fallback(deepgram.tts,openai.tts,flite.tts)');
    expect(p.forAgent({ tts: 'openai' }).tts.label).toBe('fallback(openai.tts,deepgram.tts,flite.tts)');
    // choosing a voice chooses its provider
    expect(p.forAgent({ voice: 'coral' }).tts.label).toBe('fallback(openai.tts,deepgram.tts,flite.tts)');
    expect(p.forAgent({ voice: 'slt' }).tts.label).toBe('flite.tts');
    expect(p.forAgent({ llm: 'openai' }).llm?.label).toBe('fallback(openai.llm,openai-compatible.llm)');
    expect(p.forAgent({ llm: 'offline' }).llm).toBeNull();
    expect(p.forAgent({ stt: 'openai' }).stt.label).toBe('fallback(openai.stt,deepgram.stt)');
    expect(p.catalog.refuse({ tts: 'deepgram', voice: 'marin' })).toMatchObject({ field: 'voice' });
    expect(p.catalog.refuse({ tts: 'deepgram', voice: 'aura-2-thalia-en' })).toBeNull();
  });
});

/** An STT whose streams fail (error event) after `failAfterMs`, or transcribe "hello" on finalize. */
function stt(label: string, fails: boolean): SpeechToText & { opened: number } {
  const self = {
    label,
    caps: { interim: false, endpointing: true },
    opened: 0,
    open() {
      self.opened++;
      const q = new AsyncQueue<SttEvent>();
      if (fails)
        setTimeout(
          () => q.push({ type: 'error', error: new ProviderError(label, 'socket closed 1011', { status: 503 }) }),
          5,
        );
      return {
        push() {},
        finalize: () => q.push({ type: 'final', text: `hello from ${label}`, endOfSpeech: true }),
        close: async () => q.end(),
        [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](),
      };
    },
  };
  return self;
}

describe('STT fallback within a call', () => {
  it('reopens the failing vendor once, then switches to the next after its second failure and reports it', async () => {
    const a = stt('a.stt', true);
    const b = stt('b.stt', false);
    const switches: ProviderSwitch[] = [];
    const s = new FallbackSpeechToText([a, b], new CallHealth(), (x) => switches.push(x)).open({
      callId: 'c',
      sampleRate: 8000,
    });
    await new Promise((r) => setTimeout(r, 60));
    s.finalize();
    const it = s[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ type: 'final', text: 'hello from b.stt', endOfSpeech: true });
    expect(a.opened).toBe(2);
    expect(b.opened).toBe(1);
    expect(switches).toEqual([{ stage: 'stt', from: 'a.stt', to: 'b.stt', reason: expect.stringMatching(/1011/) }]);
    await s.close();
  });

  it('when the last vendor fails too, the session gets the error (and speaks its apology)', async () => {
    const s = new FallbackSpeechToText([stt('a.stt', true), stt('b.stt', true)]).open({
      callId: 'c',
      sampleRate: 8000,
    });
    const first = await s[Symbol.asyncIterator]().next();
    expect(first.value).toMatchObject({ type: 'error', error: { provider: 'b.stt' } });
  });
});
