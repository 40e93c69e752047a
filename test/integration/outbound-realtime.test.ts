// Invariant: a call the agent places runs on the voice engine the business chose, as its inbound calls do — with speech-to-speech chosen, the outbound call opens with why it calls, the model is told it placed the call and its purpose, and the call is recorded as an outbound realtime call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { tone, until } from '../harness/line.js';
import { scaled } from '../harness/timing.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { twilioSignature } from '../../src/telephony/index.js';

const TOKEN = 'test-twilio-auth-token';
let openai: FakeOpenAi;
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
const NUMBER = `+1312555${String(Math.floor(Math.random() * 40) + 250).padStart(4, '0')}`;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  rest = await startFakeTwilioRest('AC' + '1'.repeat(32), TOKEN);
  const providers = createProviders({
    openai: { apiKey: openai.apiKey, baseUrl: `${openai.url}/v1` },
    stt: 'scripted',
    tts: 'flite',
  });
  // Tuesday 10 March 2026, 10:00 in Chicago: inside the calling window.
  server = await startTestServer({
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers,
    env: { TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Realtime Plumbing' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  expect((await org.api.put('/api/agent', { engine: 'realtime', voice: 'cedar' })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await openai?.close();
  await rest?.close();
});

describe('outbound call on the speech-to-speech engine', () => {
  it(
    "places the call on the realtime engine, opens with its purpose and lets the model answer with the business's tools",
    async () => {
      const res = await org.api.post('/api/outbound-calls', {
        to: '+13125550181',
        purpose: 'custom',
        instructions: 'your spring drain check',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const placed = rest.calls.at(-1)!;
      expect(placed).toMatchObject({ To: '+13125550181', From: NUMBER, AsyncAmd: 'true' });
      const url = placed.Twiml.match(/<Stream url="([^"]+)"/)![1];
      const params = Object.fromEntries(
        [...placed.Twiml.matchAll(/<Parameter name="(\w+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]),
      );
      const connectionsBefore = openai.realtimeConnections;
      const peer = new FakeTwilioPeer(url, {
        headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) },
        callSid: placed.sid,
      });
      await peer.begin(params);
      expect(await until(() => peer.media.length > 0, scaled(5000))).toBe(true);
      expect(await until(() => openai.realtimeConnections > connectionsBefore, scaled(5000))).toBe(true);

      openai.realtimeTranscripts.push('Are you licensed?');
      openai.realtimeScript.push(
        { tool: { name: 'answer_question', arguments: JSON.stringify({ question: 'Are you licensed and insured?' }) } },
        { text: 'Yes, all our plumbers are licensed and insured.' },
      );
      const before = performance.now();
      peer.startLine();
      await peer.say(tone(600));
      await peer.silence(800);
      expect(await until(() => peer.framesAfter(before + 600).length > 20, scaled(8000))).toBe(true);
      await new Promise((r) => setTimeout(r, scaled(1500)));
      peer.stop();
      peer.close();

      let detail: any;
      for (let i = 0; i < 80 && !detail?.outcome; i++) {
        detail = (await org.api.get(`/api/calls/${params.callId}`)).body;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(detail).toMatchObject({ direction: 'outbound', engine: 'realtime', to: '+13125550181' });
      // The opening is spoken at once and handed to the model as what it already said.
      const said = openai.realtimeEvents
        .filter((e: any) => e.type === 'conversation.item.create' && e.item?.role === 'assistant')
        .map((e: any) => e.item.content[0].text);
      expect(said).toContain(
        "Hi, this is Realtime Plumbing's assistant calling about your spring drain check. Is now a good time?",
      );
      expect(
        detail.events.some((e: any) => e.type === 'tool_call' && e.data.name === 'answer_question' && e.data.ok),
      ).toBe(true);
      expect(detail.turns.some((t: any) => t.role === 'agent' && /licensed/.test(t.text))).toBe(true);
      const session = openai.realtimeSessions.at(-1) as { instructions?: string };
      expect(session.instructions).toContain('You placed this call; the customer did not call you.');
      expect(session.instructions).toContain('You are calling about your spring drain check.');
      expect(openai.realtimeRefusals).toEqual([]);
    },
    scaled(60_000),
  );
});
