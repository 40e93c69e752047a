// Invariant: an organization's own provider choices take effect on its next phone call: Deepgram live STT, the self-hosted OpenAI-compatible chat model and OpenAI speech in the chosen voice, all over their vendors' current wire protocols; the server refuses choices it cannot serve and lists only the voices it can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { callOnceEnded, registerOrg } from '../harness/client.js';
import { newCallSid, quiet, ringIn, tone, until } from '../harness/line.js';
import { startFakeDeepgram, type FakeDeepgram } from '../fakes/deepgram.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { scaled } from '../harness/timing.js';

const TOKEN = 'test-twilio-auth-token';
let dg: FakeDeepgram;
let openai: FakeOpenAi;
let selfHosted: FakeOpenAi;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
const NUMBER = `+1312555${String(Math.floor(Math.random() * 40) + 210).padStart(4, '0')}`;

beforeAll(async () => {
  [dg, openai, selfHosted] = await Promise.all([
    startFakeDeepgram(),
    startFakeOpenAi(),
    startFakeOpenAi('local-llm-key'),
  ]);
  const providers = createProviders({
    deepgram: { apiKey: dg.apiKey, baseUrl: dg.url },
    openai: { apiKey: openai.apiKey, baseUrl: `${openai.url}/v1` },
    openaiCompatible: { baseUrl: `${selfHosted.url}/v1`, apiKey: selfHosted.apiKey, model: 'llama3.1' },
  });
  server = await startTestServer({
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers,
    env: { TWILIO_AUTH_TOKEN: TOKEN },
  });
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Vendor Plumbing' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
  await Promise.all([dg?.close(), openai?.close(), selfHosted?.close()]);
});

describe('per-organization provider choices', () => {
  it('PUT /api/agent refuses what the server cannot serve; GET /api/voices lists only configured voices', async () => {
    const retired = await org.api.put('/api/agent', { voice: 'aura-asteria-en' });
    expect(retired.status).toBe(400);
    expect(retired.body.error.code).toBe('validation_failed');
    const mismatch = await org.api.put('/api/agent', { tts: 'deepgram', voice: 'coral' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.message).toMatch(/coral/);
    expect((await org.api.put('/api/agent', { stt: 'local' })).status).toBe(400);
    const es = (await org.api.get('/api/voices?language=es')).body.items as Array<{
      id: string;
      provider: string;
      language: string;
    }>;
    expect(es.some((v) => v.id === 'aura-2-celeste-es')).toBe(true);
    expect(es.some((v) => v.id === 'coral' && v.language === 'multi')).toBe(true);
    expect(es.some((v) => v.language === 'en')).toBe(false);
    const all = (await org.api.get('/api/voices')).body.items as Array<{ id: string }>;
    expect(all.map((v) => v.id)).toEqual(
      expect.arrayContaining(['aura-2-thalia-en', 'marin', 'kal', 'slt', 'awb', 'rms']),
    );
  });

  it(
    'the next call uses Deepgram STT, the self-hosted chat model and OpenAI speech in the chosen voice',
    async () => {
      expect(
        (await org.api.put('/api/agent', { stt: 'deepgram', llm: 'openai-compatible', tts: 'openai', voice: 'coral' }))
          .status,
      ).toBe(200);
      const { peer, callId } = await ringIn(server.url, {
        authToken: TOKEN,
        from: '+13125550142',
        to: NUMBER,
        callSid: newCallSid(),
      });
      expect(await until(() => peer.media.length > 0, 3000)).toBe(true);
      await quiet(peer);

      dg.transcripts.push('Do you fix water heaters?');
      // The brain may consult the model more than once per turn (routing, then the answer).
      selfHosted.chatScript.push(
        { text: 'Yes, we repair and replace water heaters.' },
        { text: 'Yes, we repair and replace water heaters.' },
      );
      const before = performance.now();
      peer.startLine();
      await peer.say(tone(700));
      expect(await until(() => peer.framesAfter(before + 700).length > 10, 10_000)).toBe(true);
      await quiet(peer);
      peer.stop();
      peer.close();
      await peer.closed;

      const detail = await callOnceEnded(org.api, callId, 5_000);
      expect(detail.turns.some((t: any) => t.role === 'caller' && /water heaters/.test(t.text))).toBe(true);
      // The brain decides the words (it may answer from the business's own catalog); the voice is ours to check.
      const reply = detail.turns.filter((t: any) => t.role === 'agent').at(-1).text as string;
      expect(detail.turns.at(-1).role).toBe('agent');
      // Deepgram heard the caller on its current model; the organization's model answered, not the server's OpenAI chat.
      expect(dg.listenQueries.at(-1)?.get('model')).toBe('nova-3');
      expect(selfHosted.chatRequests.length).toBeGreaterThan(0);
      expect(openai.chatRequests.length).toBe(0);
      // OpenAI spoke the reply over the Realtime socket, in the organization's voice.
      const spoken = openai.realtimeEvents.filter((e) => e.type === 'response.create') as Array<{ response: any }>;
      const firstWords = reply.split(/[.;?!]/)[0];
      expect(
        spoken.some(
          (e) => e.response.audio.output.voice === 'coral' && e.response.input[0].content[0].text.includes(firstWords),
        ),
      ).toBe(true);
      expect(dg.speakRequests.length).toBe(0);
    },
    scaled(60_000),
  );
});

describe('fallback chains in a call', () => {
  it(
    'Deepgram down (503), the chosen OpenAI speech stalled and the chosen model failing (5xx): the caller is still heard and answered, each switch recorded',
    async () => {
      expect(
        (
          await org.api.put('/api/agent', {
            stt: 'deepgram',
            llm: 'openai-compatible',
            tts: 'openai',
            voice: 'default',
          })
        ).status,
      ).toBe(200);
      dg.listenFailStatus = 503;
      openai.realtimeStall = true;
      selfHosted.chatFailStatus = 503;
      try {
        const { peer, callId } = await ringIn(server.url, {
          authToken: TOKEN,
          from: '+13125550144',
          to: NUMBER,
          callSid: newCallSid(),
        });
        expect(await until(() => peer.media.length > 0, 5000)).toBe(true);
        await quiet(peer);
        openai.transcriptions.push('Can someone come today?');
        const before = performance.now();
        peer.startLine();
        await peer.say(tone(800));
        expect(await until(() => peer.framesAfter(before + 800).length > 10, 12_000)).toBe(true);
        await quiet(peer, 1500);
        peer.stop();
        peer.close();
        await peer.closed;
        const detail = await callOnceEnded(org.api, callId, 5_000);
        const switches = detail.events
          .filter((e: any) => e.type === 'provider_fallback')
          .map((e: any) => `${e.data.stage}:${e.data.from}>${e.data.to}`);
        expect(switches).toContain('stt:deepgram.stt>openai.stt');
        expect(switches).toContain('llm:openai-compatible.llm>openai.llm');
        expect(switches).toContain('tts:openai.tts>deepgram.tts');
        expect(detail.turns.some((t: any) => t.role === 'caller' && /come today/.test(t.text))).toBe(true);
        // The caller was answered (by whatever the brain chose to say), and the fallback model was the one asked.
        const callerAt = detail.turns.findIndex((t: any) => t.role === 'caller');
        expect(detail.turns.slice(callerAt + 1).some((t: any) => t.role === 'agent' && t.text.length > 10)).toBe(true);
        expect(openai.chatRequests.length).toBeGreaterThan(0);
        expect(openai.transcriptionRequests.at(-1)?.model).toBe('gpt-transcribe');
        // The operator sees the same on /metrics: fallbacks and errors by stage, turn latency histograms.
        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        expect(metrics).toMatch(
          /infinioffice_provider_fallbacks_total\{stage="stt",from="deepgram.stt",to="openai.stt"\} [1-9]/,
        );
        expect(metrics).toMatch(/infinioffice_provider_errors_total\{stage="tts",provider="openai.tts"\} [1-9]/);
        expect(metrics).toMatch(
          /infinioffice_turn_latency_seconds_bucket\{le="[0-9.]+",stage="e2e",engine="cascade"\} [1-9]/,
        );
        expect(metrics).toMatch(/infinioffice_calls_ended_total\{reason="[a-z_]+",engine="cascade"\} [1-9]/);
      } finally {
        dg.listenFailStatus = 0;
        openai.realtimeStall = false;
        selfHosted.chatFailStatus = 0;
      }
    },
    scaled(60_000),
  );
});
