// Invariant: with the speech-to-speech engine on the vendor's GA interface (the fake refuses the beta one), the model connection opens while the phone rings, the caller is greeted at once (a returning client by first name, as on the cascade), the model's tool calls act on the business, and the call is recorded like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { callOnceEnded, registerOrg } from '../harness/client.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { newCallSid, openStream, ringIn, signedWebhook, tone, until } from '../harness/line.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { scaled } from '../harness/timing.js';

const TOKEN = 'test-twilio-auth-token';
let openai: FakeOpenAi;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
let scriptBook: ReturnType<typeof createProviders>['scriptBook'];
const NUMBER = `+1312555${String(Math.floor(Math.random() * 40) + 110).padStart(4, '0')}`;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  const providers = createProviders({
    openai: { apiKey: openai.apiKey, baseUrl: `${openai.url}/v1` },
    stt: 'scripted',
    tts: 'flite',
  });
  scriptBook = providers.scriptBook;
  server = await startTestServer({
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers,
    env: { TWILIO_AUTH_TOKEN: TOKEN },
  });
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Realtime Plumbing' });
  await org.api.post('/api/phone-numbers', { e164: NUMBER });
  expect((await org.api.put('/api/agent', { engine: 'realtime', voice: 'cedar' })).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await openai?.close();
});

describe('realtime engine over the phone', () => {
  it(
    'opens the model connection at the webhook, greets, runs a tool the model calls and records the turn',
    async () => {
      const callSid = newCallSid();
      const form = { CallSid: callSid, AccountSid: 'AC' + '1'.repeat(32), From: '+13125550142', To: NUMBER };
      const url = `${server.url}/twilio/voice`;
      const connectionsBefore = openai.realtimeConnections;
      const xml = await (await signedWebhook(url, form, TOKEN)).text();
      expect(await until(() => openai.realtimeConnections > connectionsBefore, 2000)).toBe(true);
      const { peer, callId } = await openStream(xml, TOKEN, callSid);
      expect(await until(() => peer.media.length > 0, 1000)).toBe(true);
      expect(peer.media[0].at - peer.startSentAt).toBeLessThan(scaled(1000));
      expect(openai.realtimeConnections).toBe(connectionsBefore + 1);

      openai.realtimeTranscripts.push('Do you take walk-ins?');
      openai.realtimeScript.push(
        { tool: { name: 'answer_question', arguments: JSON.stringify({ question: 'Are you licensed and insured?' }) } },
        { text: 'Yes, all our plumbers are licensed and insured.' },
      );
      const before = performance.now();
      peer.startLine();
      await peer.say(tone(600));
      await peer.silence(800);
      expect(await until(() => peer.framesAfter(before + 600).length > 20, 8000)).toBe(true);
      await new Promise((r) => setTimeout(r, 1500));
      peer.stop();
      peer.close();

      const detail = await callOnceEnded(org.api, callId, 4_000);
      expect(detail.engine).toBe('realtime');
      expect(
        detail.events.some((e: any) => e.type === 'tool_call' && e.data.name === 'answer_question' && e.data.ok),
      ).toBe(true);
      expect(detail.turns.some((t: any) => t.role === 'agent' && /licensed/.test(t.text))).toBe(true);
      expect(detail.outcome).toBe('answered');
      // GA only: nothing was refused, the session is GA-shaped and speaks the organization's voice.
      expect(openai.realtimeRefusals).toEqual([]);
      expect(openai.realtimeModels.at(-1)).toBe('gpt-realtime-2.1');
      expect(openai.realtimeSessions.at(-1)).toMatchObject({
        type: 'realtime',
        audio: {
          input: { format: { type: 'audio/pcmu' } },
          output: { format: { type: 'audio/pcmu' }, voice: 'cedar' },
        },
      });
    },
    scaled(60_000),
  );
});

describe('realtime engine: a returning client', () => {
  it(
    'greets a client calling from their number by first name (as the cascade does), tells the model who is calling, and greets a stranger plainly',
    async () => {
      const DANA = '+13125550166';
      const service = (await org.api.get('/api/services')).body.items[0];
      const slots = (
        await org.api.get(`/api/availability?serviceId=${service.id}&from=2026-03-11T00:00:00Z&to=2026-03-14T00:00:00Z`)
      ).body.slots;
      const booked = await org.api.post('/api/appointments', {
        serviceId: service.id,
        start: slots[0].start,
        customer: { name: 'Dana Whitfield', phone: DANA },
      });
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);

      const greetingOf = async (from: string) => {
        const sessionsBefore = openai.realtimeSessions.length;
        const eventsBefore = openai.realtimeEvents.length;
        // the greeting the caller hears is handed to the model as the assistant's first message
        const greeting = () =>
          openai.realtimeEvents
            .slice(eventsBefore)
            .find((e: any) => e.type === 'conversation.item.create' && e.item?.role === 'assistant') as any;
        const { peer, callId } = await ringIn(server.url, { authToken: TOKEN, from, to: NUMBER });
        expect(
          await until(
            () => peer.media.length > 0 && openai.realtimeSessions.length > sessionsBefore && !!greeting(),
            scaled(3000),
          ),
        ).toBe(true);
        peer.stop();
        peer.close();
        const detail = await finished(callId);
        expect(detail.engine).toBe('realtime');
        return {
          text: String(greeting().item.content[0].text),
          instructions: String(openai.realtimeSessions.at(-1)?.instructions ?? ''),
        };
      };
      const dana = await greetingOf(DANA);
      expect(dana.text).toMatch(/^Hi Dana, welcome back! /);
      expect(dana.instructions).toMatch(/returning client, Dana Whitfield/);
      const stranger = await greetingOf('+13125550187');
      expect(stranger.text).toMatch(/Realtime Plumbing/);
      expect(stranger.text).not.toMatch(/welcome back/);
      expect(stranger.instructions).not.toMatch(/returning client/);
    },
    scaled(60_000),
  );
});

/** Places a call and opens its stream; answers the peer, the call id and the frames' timing helper. */
async function placeCall() {
  return ringIn(server.url, {
    authToken: TOKEN,
    from: '+13125550143',
    to: NUMBER,
    callSid: newCallSid(),
  });
}

async function finished(callId: string): Promise<any> {
  return callOnceEnded(org.api, callId, 6_000);
}

/** The longest silence on the line between `from` and `to` (ms), from the frames the agent sent. */
function longestGap(peer: FakeTwilioPeer, from: number, to: number): number {
  const at = peer.media.map((m) => m.at).filter((t) => t >= from && t <= to);
  let gap = at.length ? at[0] - from : to - from;
  for (let i = 1; i < at.length; i++) gap = Math.max(gap, at[i] - at[i - 1] - 20);
  return gap;
}

describe('realtime model failures: the call goes on, on the cascade engine', () => {
  it(
    'a model that answers 503 at connect: the cascade greets and answers the caller, and the switch is recorded',
    async () => {
      openai.realtimeUpgradeStatus = 503;
      try {
        const { peer, callId } = await placeCall();
        expect(await until(() => peer.media.length > 0, 3000)).toBe(true);
        await new Promise((r) => setTimeout(r, 1500));
        openai.chatScript.push(
          { text: 'We are open from eight to five.' },
          { text: 'We are open from eight to five.' },
        );
        scriptBook.say(callId, 'When are you open?');
        const before = performance.now();
        peer.startLine();
        await peer.say(tone(600));
        await peer.silence(900);
        expect(await until(() => peer.framesAfter(before + 600).length > 10, 8000)).toBe(true);
        await new Promise((r) => setTimeout(r, 1500));
        peer.stop();
        peer.close();
        const detail = await finished(callId);
        expect(
          detail.events.some(
            (e: any) => e.type === 'provider_fallback' && e.data.stage === 'realtime' && e.data.to === 'cascade',
          ),
        ).toBe(true);
        expect(detail.turns.some((t: any) => t.role === 'caller' && /open/.test(t.text))).toBe(true);
        expect(detail.turns.filter((t: any) => t.role === 'agent').length).toBeGreaterThanOrEqual(2);
      } finally {
        openai.realtimeUpgradeStatus = 0;
      }
    },
    scaled(60_000),
  );

  it(
    'a socket dropped mid-call reconnects with a spoken line; dropped again, the cascade takes over; the line is never silent for more than 3 s',
    async () => {
      const { peer, callId } = await placeCall();
      expect(await until(() => openai.realtimeSockets.size > 0 && peer.media.length > 0, 3000)).toBe(true);
      peer.startLine();
      await new Promise((r) => setTimeout(r, 2500));
      const t0 = performance.now();
      for (const s of openai.realtimeSockets) s.terminate();
      expect(await until(() => openai.realtimeSockets.size > 0, 5000)).toBe(true); // reconnected
      await new Promise((r) => setTimeout(r, 300));
      for (const s of openai.realtimeSockets) s.terminate();
      await new Promise((r) => setTimeout(r, 3000));
      const t1 = performance.now();
      expect(longestGap(peer, t0, t1)).toBeLessThan(scaled(3000));
      peer.stop();
      peer.close();
      const detail = await finished(callId);
      expect(detail.events.some((e: any) => e.type === 'provider_failure' && e.data.reconnecting)).toBe(true);
      expect(detail.events.some((e: any) => e.type === 'provider_fallback' && e.data.stage === 'realtime')).toBe(true);
      expect(detail.outcome).toBeTruthy();
    },
    scaled(60_000),
  );
});
