// Invariant: a call that reaches us exactly as Twilio sends it (signed webhook, then a Media Streams socket of real μ-law frames) is answered fast, heard, recorded turn by turn, and nobody else can open a stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { callOnceEnded, registerOrg } from '../harness/client.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { newCallSid, quiet, signedWebhook, streamOf, tone, until } from '../harness/line.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { twilioSignature } from '../../src/telephony/index.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { scaled } from '../harness/timing.js';

const TOKEN = 'test-twilio-auth-token';
const providers = createProviders({});
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
const NUMBER = `+1312555${String(Math.floor(Math.random() * 50) + 150).padStart(4, '0')}`;

beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '1'.repeat(32), TOKEN);
  server = await startTestServer({
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers,
    env: { TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  expect((await org.api.put('/api/config', { escalationNumber: '+13125550177' })).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await rest?.close();
});

async function webhook(path: string, form: Record<string, string>, token = TOKEN) {
  return signedWebhook(`${server.url}${path}`, form, token);
}

async function answer(callSid: string) {
  const res = await webhook('/twilio/voice', {
    CallSid: callSid,
    AccountSid: 'AC' + '1'.repeat(32),
    From: '+13125550142',
    To: NUMBER,
    CallStatus: 'ringing',
    Direction: 'inbound',
  });
  expect(res.status).toBe(200);
  return streamOf(await res.text());
}

describe('inbound phone call over the real Twilio protocols', () => {
  it(
    'greets within a second of start, answers the caller, and records the call and its turns',
    async () => {
      const callSid = newCallSid();
      const { url, params } = await answer(callSid);
      expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/twilio\/stream$/);
      const peer = new FakeTwilioPeer(url, { headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) }, callSid });
      await peer.begin(params);
      expect(await until(() => peer.media.length > 0, 1000)).toBe(true);
      const firstFrameMs = peer.media[0].at - peer.startSentAt;
      expect(firstFrameMs).toBeLessThan(scaled(1000));
      await quiet(peer);

      providers.scriptBook.say(params.callId, 'What are your hours on Saturday?');
      const before = performance.now();
      peer.startLine();
      await peer.say(tone(600));
      expect(await until(() => peer.framesAfter(before + 600).length > 10, 8000)).toBe(true);
      await quiet(peer);
      peer.stop();
      peer.close();
      await peer.closed;

      await until(() => false, 300);
      const detail = await callOnceEnded(org.api, params.callId, 3_000);
      expect(detail.callSid).toBe(callSid);
      expect(detail.from).toBe('+13125550142');
      const caller = detail.turns.find((t: any) => t.role === 'caller');
      expect(caller.text).toBe('What are your hours on Saturday?');
      const agent = detail.turns.filter((t: any) => t.role === 'agent');
      expect(agent.length).toBeGreaterThanOrEqual(2);
      expect(agent[agent.length - 1].text.toLowerCase()).toMatch(/saturday|9|closed/);
      expect(agent[agent.length - 1].e2eMs).toBeGreaterThan(0);
      expect(detail.events.some((e: any) => e.type === 'greeting_sent')).toBe(true);
      expect(detail.outcome).toBeTruthy();
      expect(detail.durationSec).not.toBeNull();
    },
    scaled(60_000),
  );

  // asking for a person is a warm transfer: test/integration/phone-transfer.test.ts

  it('refuses an unsigned or wrongly signed webhook with 403 and creates no call', async () => {
    const url = `${server.url}/twilio/voice`;
    const form = { CallSid: 'CAforged', From: '+13125550142', To: NUMBER };
    const unsigned = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    expect(unsigned.status).toBe(403);
    expect((await webhook('/twilio/voice', form, 'wrong-token')).status).toBe(403);
    expect((await org.api.get('/api/calls?q=CAforged')).body.items).toHaveLength(0);
  });

  it('answers an unknown number with a spoken sentence', async () => {
    const res = await webhook('/twilio/voice', { CallSid: 'CAunknown', From: '+13125550142', To: '+13125550111' });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<Say>[^<]*not connected[^<]*<\/Say><Hangup\/>/);
  });

  it(
    'refuses an unsigned stream upgrade, and closes a stream whose token is wrong or reused',
    async () => {
      const callSid = newCallSid();
      const { url, params } = await answer(callSid);
      const unsigned = new FakeTwilioPeer(url, { callSid });
      await expect(unsigned.opened).rejects.toThrow(/403/);
      unsigned.close();

      const signed = { headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) }, callSid };
      const wrong = new FakeTwilioPeer(url, signed);
      await wrong.begin({ ...params, token: 'not-the-token' });
      await wrong.closed;
      expect(wrong.closeInfo?.code).toBe(1008);
      expect(wrong.media).toHaveLength(0);
      wrong.close();

      const first = new FakeTwilioPeer(url, signed);
      await first.begin(params);
      expect(await until(() => first.media.length > 0, 2000)).toBe(true);
      const replay = new FakeTwilioPeer(url, signed);
      await replay.begin(params);
      await replay.closed;
      expect(replay.closeInfo?.code).toBe(1008);
      expect(replay.media).toHaveLength(0);
      first.stop();
      first.close();
      replay.close();
    },
    scaled(30_000),
  );

  it('status callbacks are idempotent and never move a finished call back', async () => {
    const callSid = newCallSid();
    const { params } = await answer(callSid);
    for (const s of ['completed', 'completed', 'in-progress']) {
      expect((await webhook('/twilio/status', { CallSid: callSid, CallStatus: s, CallDuration: '42' })).status).toBe(
        204,
      );
    }
    const call = (await org.api.get(`/api/calls/${params.callId}`)).body;
    expect(call.status).toBe('completed');
    expect(call.durationSec).toBe(42);
  });
});
