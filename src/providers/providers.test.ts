// Invariant: every vendor adapter speaks its vendor's wire protocol (against local fakes), fails with classified ProviderErrors, and local providers work with no network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../../test/harness/timing.js';
import { tone, silence, concatPcm, frameDbfs } from '../audio/index.js';
import { startFakeDeepgram, type FakeDeepgram } from '../../test/fakes/deepgram.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../test/fakes/openai.js';
import {
  DeepgramSpeechToText,
  DeepgramAuraTextToSpeech,
  OpenAiTextToSpeech,
  OpenAiCompatibleLanguageModel,
  FliteTextToSpeech,
  FallbackLanguageModel,
  ScriptBook,
  ScriptedSpeechToText,
  FallbackTextToSpeech,
  ProviderError,
  withRetry,
  withTimeout,
  createProviders,
  type AudioChunk,
  type SpeechToText,
  type SttEvent,
  type TextToSpeech,
} from './index.js';

let dg: FakeDeepgram;
let oa: FakeOpenAi;
const flite = new FliteTextToSpeech();
beforeAll(async () => {
  [dg, oa] = await Promise.all([startFakeDeepgram(), startFakeOpenAi()]);
});
afterAll(async () => {
  await Promise.all([dg.close(), oa.close(), flite.close()]);
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const utterance = concatPcm([tone(600, 300), silence(500)]);

async function transcribe(stt: SpeechToText, callId: string): Promise<SttEvent[]> {
  const s = stt.open({ callId, sampleRate: 8000 });
  const events: SttEvent[] = [];
  const done = (async () => {
    for await (const e of s) {
      events.push(e);
      if (e.type === 'final' && e.endOfSpeech) break;
    }
  })();
  for (let i = 0; i < utterance.length; i += 160) {
    s.push({ pcm: utterance.subarray(i, i + 160), sampleRate: 8000, startMs: i / 8 });
    await new Promise((r) => setImmediate(r));
  }
  await Promise.race([done, new Promise((r) => setTimeout(r, 3000))]);
  await s.close();
  return events;
}

describe('SpeechToText conformance', () => {
  const book = new ScriptBook();
  const cases: Array<[string, () => SpeechToText, (t: string) => void]> = [
    [
      'deepgram (fake server)',
      () => new DeepgramSpeechToText({ apiKey: dg.apiKey, baseUrl: dg.url }),
      (t) => dg.transcripts.push(t),
    ],
    ['scripted', () => new ScriptedSpeechToText(book), (t) => book.say('call-1', t)],
  ];
  it.each(cases)(
    '%s: one utterance yields speechStarted then a final with endOfSpeech carrying its text',
    async (_n, make, script) => {
      script('I need a plumber tomorrow');
      const events = await transcribe(make(), 'call-1');
      expect(events[0].type).toBe('speechStarted');
      const final = events.find((e) => e.type === 'final');
      expect(final).toEqual({ type: 'final', text: 'I need a plumber tomorrow', endOfSpeech: true });
    },
  );

  it('deepgram: connects with linear16 8 kHz, interim results and endpointing in the query', async () => {
    const q = dg.listenQueries.at(-1)!;
    expect(q.get('encoding')).toBe('linear16');
    expect(q.get('sample_rate')).toBe('8000');
    expect(q.get('interim_results')).toBe('true');
    expect(q.get('endpointing')).toBe('300');
    expect(dg.controlMessages).toContain('CloseStream');
  });

  it('deepgram: a wrong key surfaces as a non-retryable 401 error event', async () => {
    const s = new DeepgramSpeechToText({ apiKey: 'wrong', baseUrl: dg.url }).open({ callId: 'x', sampleRate: 8000 });
    const events = await collect(s);
    const err = events.find((e) => e.type === 'error');
    expect(err?.type === 'error' && err.error.status).toBe(401);
    expect(err?.type === 'error' && err.error.retryable).toBe(false);
  });
});

async function audioMs(tts: TextToSpeech, text: string): Promise<{ ms: number; chunks: AudioChunk[] }> {
  const chunks = await collect(tts.synthesize(text, {}));
  const ms = chunks.reduce(
    (n, c) => n + (c.kind === 'ulaw' ? c.data.length / 8 : (c.data.length * 1000) / c.sampleRate),
    0,
  );
  return { ms, chunks };
}

describe('TextToSpeech conformance', () => {
  const cases: Array<[string, () => TextToSpeech]> = [
    ['deepgram aura (fake)', () => new DeepgramAuraTextToSpeech({ apiKey: dg.apiKey, baseUrl: dg.url })],
    ['openai (fake)', () => new OpenAiTextToSpeech({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1` })],
    ['flite (offline)', () => flite],
  ];
  it.each(cases)('%s: a sentence becomes audible audio of plausible length', async (_n, make) => {
    const { ms, chunks } = await audioMs(make(), 'Thanks for calling, how can I help you today?');
    expect(ms).toBeGreaterThan(300);
    expect(ms).toBeLessThan(scaled(10_000));
    const pcm = chunks.find((c) => c.kind === 'pcm');
    if (pcm && pcm.kind === 'pcm') expect(frameDbfs(pcm.data)).toBeGreaterThan(-40);
  });

  it('flite ignores another vendor’s voice name and renders 16 kHz voices at 8 kHz', async () => {
    const alloy = await collect(flite.synthesize('Hello there.', { voice: 'alloy' }));
    expect(alloy[0].kind === 'pcm' && alloy[0].sampleRate).toBe(8000);
    const slt = await collect(flite.synthesize('Hello there.', { voice: 'slt' }));
    expect(slt[0].kind === 'pcm' && slt[0].sampleRate).toBe(8000);
    expect(slt[0].data.length).toBeGreaterThan(4000);
  });

  it('aura asks for μ-law 8 kHz without a container; openai asks for raw pcm', async () => {
    const q = dg.speakRequests.at(-1)!.query;
    expect([q.get('encoding'), q.get('sample_rate'), q.get('container')]).toEqual(['mulaw', '8000', 'none']);
    expect(oa.speechRequests.at(-1)!.response_format).toBe('pcm');
  });

  it('openai TTS resamples 24 kHz to 8 kHz, keeping duration across an odd byte split', async () => {
    const { ms, chunks } = await audioMs(
      new OpenAiTextToSpeech({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1` }),
      'one two three four five',
    );
    expect(chunks.every((c) => c.kind === 'pcm' && c.sampleRate === 8000)).toBe(true);
    expect(Math.abs(ms - 300)).toBeLessThan(2);
  });

  it('fallback: a failing primary (HTTP 500) falls through to the offline voice', async () => {
    dg.speakFailStatus = 500;
    try {
      const fb = new FallbackTextToSpeech(
        [new DeepgramAuraTextToSpeech({ apiKey: dg.apiKey, baseUrl: dg.url }), flite],
        scaled(500),
      );
      const { ms, chunks } = await audioMs(fb, 'Sorry about that.');
      expect(ms).toBeGreaterThan(200);
      expect(chunks[0].kind).toBe('pcm'); // flite's
    } finally {
      dg.speakFailStatus = 0;
    }
  });

  it('fallback: a primary slower than the first-chunk timeout is abandoned', async () => {
    dg.speakDelayMs = scaled(1500);
    try {
      const fb = new FallbackTextToSpeech(
        [new DeepgramAuraTextToSpeech({ apiKey: dg.apiKey, baseUrl: dg.url }), flite],
        scaled(200),
      );
      const t0 = Date.now();
      const { chunks } = await audioMs(fb, 'Sorry about that.');
      expect(Date.now() - t0).toBeLessThan(scaled(1000));
      expect(chunks[0].kind).toBe('pcm');
    } finally {
      dg.speakDelayMs = 0;
    }
  });
});

describe('OpenAI-compatible chat', () => {
  const llm = () =>
    new OpenAiCompatibleLanguageModel({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1`, model: 'gpt-test' });
  it('streams text deltas and ends with done', async () => {
    oa.chatScript.push({ text: 'We have Tuesday at nine. Does that work?' });
    const out = await collect(
      llm().chat({ messages: [{ role: 'user', content: 'When can you come?' }] }, new AbortController().signal),
    );
    expect(
      out
        .filter((d) => d.type === 'text')
        .map((d) => (d.type === 'text' ? d.text : ''))
        .join(''),
    ).toBe('We have Tuesday at nine. Does that work?');
    expect(out.at(-1)).toMatchObject({
      type: 'done',
      finishReason: 'stop',
      usage: { promptTokens: 10, completionTokens: 5 },
    });
    expect(oa.chatRequests.at(-1)).toMatchObject({ model: 'gpt-test', stream: true });
  });
  it('assembles a tool call split over deltas and sends tools in OpenAI’s function format', async () => {
    oa.chatScript.push({ tool: { name: 'check_availability', arguments: '{"date":"2026-03-11"}' } });
    const tools = [
      {
        name: 'check_availability',
        description: 'free slots',
        parameters: { type: 'object', properties: { date: { type: 'string' } } },
      },
    ];
    const out = await collect(
      llm().chat({ messages: [{ role: 'user', content: 'tomorrow?' }], tools }, new AbortController().signal),
    );
    expect(out).toContainEqual({
      type: 'toolCall',
      call: { id: 'call_1', name: 'check_availability', arguments: '{"date":"2026-03-11"}' },
    });
    expect(out.at(-1)).toMatchObject({ finishReason: 'tool_calls' });
    expect((oa.chatRequests.at(-1)!.tools as Array<{ type: string }>)[0].type).toBe('function');
  });
  it('fallback: a first model that fails before answering (HTTP 401) hands the request to the second', async () => {
    const broken = new OpenAiCompatibleLanguageModel({ apiKey: 'nope', baseUrl: `${oa.url}/v1` });
    oa.chatScript.push({ text: 'From the second model.' });
    const out = await collect(
      new FallbackLanguageModel([broken, llm()]).chat(
        { messages: [{ role: 'user', content: 'hi' }] },
        new AbortController().signal,
      ),
    );
    expect(
      out
        .filter((d) => d.type === 'text')
        .map((d) => (d.type === 'text' ? d.text : ''))
        .join(''),
    ).toBe('From the second model.');
  });
  it('classifies 429 as retryable and 401 as final', async () => {
    oa.chatFailStatus = 429;
    const e429 = await collect(llm().chat({ messages: [] }, new AbortController().signal)).catch((e) => e);
    oa.chatFailStatus = 0;
    expect(e429).toBeInstanceOf(ProviderError);
    expect(e429.retryable).toBe(true);
    const bad = new OpenAiCompatibleLanguageModel({ apiKey: 'nope', baseUrl: `${oa.url}/v1` });
    const e401 = await collect(bad.chat({ messages: [] }, new AbortController().signal)).catch((e) => e);
    expect(e401.status).toBe(401);
    expect(e401.retryable).toBe(false);
  });
});

describe('wrappers', () => {
  it('withRetry retries retryable failures, not final ones', async () => {
    let n = 0;
    await expect(
      withRetry('p', async () => (++n < 3 ? Promise.reject(new ProviderError('p', 'x', { status: 503 })) : 'ok'), {
        retries: 3,
        baseDelayMs: 1,
      }),
    ).resolves.toBe('ok');
    expect(n).toBe(3);
    n = 0;
    await expect(
      withRetry('p', async () => (++n, Promise.reject(new ProviderError('p', 'x', { status: 400 }))), {
        retries: 3,
        baseDelayMs: 1,
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(n).toBe(1);
  });
  it('withTimeout rejects with a retryable 408', async () => {
    await expect(withTimeout(new Promise(() => {}), 20, 'slow')).rejects.toMatchObject({
      status: 408,
      retryable: true,
    });
  });
});

describe('createProviders', () => {
  it('with no keys picks local providers: scripted STT, offline TTS, no LLM, no realtime', () => {
    const p = createProviders({});
    expect([p.stt.label, p.tts.label, p.llm, p.realtime]).toEqual(['scripted.stt', 'flite.tts', null, null]);
  });
  it('with keys picks Deepgram and OpenAI, with the offline voice as TTS fallback', () => {
    const p = createProviders({ deepgram: { apiKey: 'k' }, openai: { apiKey: 'k' } });
    expect(p.stt.label).toBe('deepgram.stt');
    expect(p.tts.label).toBe('fallback(deepgram.tts,openai.tts,flite.tts)');
    expect(p.llm?.label).toBe('openai.llm');
    expect(p.realtime?.label).toBe('openai.realtime');
    expect(createProviders({ openaiCompatible: { baseUrl: 'http://localhost:11434/v1' } }).llm?.label).toBe(
      'openai-compatible.llm',
    );
  });
});
