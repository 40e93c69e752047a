// Invariant: with follow-up on, every new website-chat lead and missed-call (voicemail) lead is called back by the agent once, after the owner's delay by the injected clock — never before, never outside the calling window (it waits for the opening), never to a do-not-call number, never more outbound calls at once than the owner allows (the rest wait their turn, manual calls too), and still after a restart; the call says it follows up their enquiry and its outcome lands on the lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testDatabase } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { newCallSid, quiet, until } from '../harness/line.js';
import { scaled } from '../harness/timing.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import type { Clock } from '../../src/lib/index.js';
import { twilioSignature } from '../../src/telephony/index.js';

const TOKEN = 'tw-follow-up-token';
const MIN = 60_000;
/** Tuesday 10 March 2026, 19:50 in Chicago (CDT): closed for calls in, inside the 9:00–20:00 calling window. */
const T0 = new Date('2026-03-11T00:50:00Z');
let at = T0;
const clock: Clock = { now: () => new Date(at) };
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
const NUMBER = `+1312555${String(Math.floor(Math.random() * 40) + 200).padStart(4, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Long enough for several passes of the running dispatcher (it polls every second). */
const PASSES = () => sleep(scaled(2500));

/** The database outlives each server: a restart is a new server on it. */
let database: Awaited<ReturnType<typeof testDatabase>>;
const startServer = () =>
  startTestServer({
    clock,
    database,
    env: { TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });

beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '1'.repeat(32), TOKEN);
  database = await testDatabase();
  server = await startServer();
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  expect((await org.api.put('/api/config', { afterHours: 'voicemail' })).status).toBe(200);
  const put = await org.api.put('/api/outbound-settings', {
    followUp: { enabled: true, delayMinutes: 5 },
    maxConcurrentCalls: 1,
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  expect(put.body).toMatchObject({
    followUp: { enabled: true, delayMinutes: 5 },
    maxConcurrentCalls: 1,
    callbackCalls: false,
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await database?.close();
  await rest?.close();
});

async function webhook(path: string, form: Record<string, string>) {
  const url = `${server.url}${path}`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(TOKEN, url, form),
    },
    body: new URLSearchParams(form).toString(),
  });
}

/** A website visitor asks to be called back (the chat's "call me back", with callback calls off). */
async function webLead(phone: string, note: string) {
  const anon = apiClient(server.url);
  const chat = await anon.post(`/api/chat/${org.organization.chatKey}/sessions`, {});
  const res = await anon.post(`/api/chat/${org.organization.chatKey}/sessions/${chat.body.id}/callback`, {
    phone,
    note,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.calling).toBe(false);
  return res.body.leadId as string;
}

/**
 * Twilio reports a placed call's status to the address the dial gave it, which names our call: the
 * running dispatcher may not have stored the CallSid yet when the fake has already seen the dial.
 */
const callStatus = async (call: Record<string, string>, CallStatus: string) =>
  (await rest.endCall(call.sid, CallStatus)).status;

const lead = async (id: string) => (await org.api.get('/api/leads')).body.items.find((l: any) => l.id === id);
const callsTo = (n: string) => rest.calls.filter((c) => c.To === n);

describe('lead follow-up', () => {
  it(
    'calls a web lead and a missed-call lead back after the delay, one line at a time, and records each outcome on its lead',
    async () => {
      const web = await webLead('+13125550171', 'a quote for a new water heater');
      // A missed call: after hours the caller leaves a voicemail; the recording makes the lead.
      const sid = newCallSid();
      const voice = await webhook('/twilio/voice', {
        CallSid: sid,
        AccountSid: rest.accountSid,
        From: '+13125550172',
        To: NUMBER,
      });
      expect(await voice.text()).toContain('<Record');
      expect(
        (
          await webhook('/twilio/recording', {
            CallSid: sid,
            AccountSid: rest.accountSid,
            RecordingSid: 'RE' + '1'.repeat(32),
            RecordingUrl: 'https://api.twilio.com/rec/RE1',
          })
        ).status,
      ).toBe(204);
      const missed = (await org.api.get('/api/leads')).body.items.find((l: any) => l.phone === '+13125550172').id;
      for (const id of [web, missed])
        expect((await lead(id)).followUp).toMatchObject({
          status: 'scheduled',
          dueAt: new Date(T0.getTime() + 5 * MIN).toISOString(),
        });

      at = new Date(T0.getTime() + 4 * MIN);
      await PASSES();
      expect(rest.calls).toHaveLength(0); // not before the owner's delay

      at = new Date(T0.getTime() + 5 * MIN);
      expect(await until(() => rest.calls.length >= 1, scaled(15_000))).toBe(true);
      await PASSES();
      expect(rest.calls).toHaveLength(1); // one line: the other lead waits its turn
      const first = rest.calls[0];
      const [firstLead, secondLead, secondNumber] =
        first.To === '+13125550171' ? [web, missed, '+13125550172'] : [missed, web, '+13125550171'];
      expect(first).toMatchObject({ From: NUMBER, AsyncAmd: 'true' });
      expect((await lead(firstLead)).followUp).toMatchObject({ status: 'calling' });
      expect((await lead(secondLead)).followUp).toMatchObject({ status: 'scheduled' });

      // The customer picks up: the agent says why it calls; then they hang up.
      const url = first.Twiml.match(/<Stream url="([^"]+)"/)![1];
      const params = Object.fromEntries(
        [...first.Twiml.matchAll(/<Parameter name="(\w+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]),
      );
      const peer = new FakeTwilioPeer(url, {
        headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) },
        callSid: first.sid,
      });
      await peer.begin(params);
      expect(await until(() => peer.media.length > 0, scaled(5000))).toBe(true);
      await quiet(peer);
      peer.stop();
      peer.close();
      let detail: any;
      for (let i = 0; i < 100 && !detail?.outcome; i++) {
        detail = (await org.api.get(`/api/calls/${params.callId}`)).body;
        await sleep(100);
      }
      expect(detail).toMatchObject({ direction: 'outbound', to: first.To });
      expect(detail.turns[0].text).toMatch(/^Hi, this is Pipe Pros's assistant, following up on your enquiry/);
      if (firstLead === web) expect(detail.turns[0].text).toContain('about a quote for a new water heater');
      let done: any;
      for (let i = 0; i < 50 && done?.followUp?.status !== 'done'; i++) {
        done = await lead(firstLead);
        await sleep(100);
      }
      expect(done).toMatchObject({
        status: 'contacted',
        followUp: { status: 'done', callId: params.callId, outcome: detail.outcome },
      });

      // The line is free: the waiting lead is called at the next look, once.
      at = new Date(at.getTime() + 20_000);
      expect(await until(() => callsTo(secondNumber).length === 1, scaled(15_000))).toBe(true);
      const second = callsTo(secondNumber)[0];
      // Nobody answers: Twilio's status callback closes it, and the lead says so (still new for the team).
      for (const s of ['ringing', 'no-answer']) expect(await callStatus(second, s)).toBe(204);
      let unanswered: any;
      for (let i = 0; i < 50 && unanswered?.followUp?.status !== 'done'; i++) {
        unanswered = await lead(secondLead);
        await sleep(100);
      }
      expect(unanswered).toMatchObject({ status: 'new', followUp: { status: 'done', outcome: 'hangup' } });
      await PASSES();
      expect(callsTo('+13125550171')).toHaveLength(1);
      expect(callsTo('+13125550172')).toHaveLength(1);
    },
    scaled(120_000),
  );

  it(
    'a lead that falls due after the window waits for its opening; a do-not-call number is never dialed',
    async () => {
      at = new Date('2026-03-11T00:58:00Z'); // 19:58: due at 20:03, after the window
      const late = await webLead('+13125550173', 'a leaking tap');
      expect((await org.api.post('/api/do-not-call', { e164: '+13125550174' })).status).toBe(201);
      const barred = await webLead('+13125550174', 'anything');
      at = new Date('2026-03-11T01:04:00Z');
      await PASSES();
      expect(callsTo('+13125550173')).toHaveLength(0);
      expect(callsTo('+13125550174')).toHaveLength(0);
      expect((await lead(late)).followUp).toMatchObject({ status: 'scheduled' });
      expect((await lead(barred)).followUp).toMatchObject({ status: 'skipped', reason: 'do_not_call' });
      at = new Date('2026-03-11T13:59:00Z'); // 08:59 the next morning
      await PASSES();
      expect(callsTo('+13125550173')).toHaveLength(0);
      at = new Date('2026-03-11T14:00:00Z'); // 09:00: the window opens
      expect(await until(() => callsTo('+13125550173').length === 1, scaled(15_000))).toBe(true);
      expect(await callStatus(callsTo('+13125550173')[0], 'busy')).toBe(204);
      expect(callsTo('+13125550174')).toHaveLength(0);
    },
    scaled(60_000),
  );

  it(
    'with the one line busy, a manual call waits (201, queued) and is dialed when the line frees',
    async () => {
      at = new Date('2026-03-11T15:00:00Z');
      const busy = await org.api.post('/api/outbound-calls', {
        to: '+13125550175',
        purpose: 'custom',
        instructions: 'your estimate',
      });
      expect(busy.body).toMatchObject({ status: 'queued', waiting: false });
      const queued = await org.api.post('/api/outbound-calls', {
        to: '+13125550176',
        purpose: 'custom',
        instructions: 'your estimate',
      });
      expect(queued.status).toBe(201);
      expect(queued.body).toMatchObject({ id: expect.any(String), status: 'queued', waiting: true });
      at = new Date(at.getTime() + 20_000);
      await PASSES();
      expect(callsTo('+13125550176')).toHaveLength(0);
      expect((await org.api.get(`/api/calls/${queued.body.id}`)).body.status).toBe('waiting');
      expect(await callStatus(callsTo('+13125550175')[0], 'no-answer')).toBe(204);
      at = new Date(at.getTime() + 20_000);
      expect(await until(() => callsTo('+13125550176').length === 1, scaled(15_000))).toBe(true);
      const [c] = callsTo('+13125550176');
      expect(c.Twiml).toContain(`value="${queued.body.id}"`);
      expect(await callStatus(c, 'no-answer')).toBe(204);
    },
    scaled(60_000),
  );

  it(
    'a follow-up queued before a restart is placed after it, once',
    async () => {
      at = new Date('2026-03-11T16:00:00Z');
      const id = await webLead('+13125550177', 'a new boiler');
      // The node stops before the call is due; another starts on the same database.
      await server.close();
      server = await startServer();
      org = { ...org, api: apiClient(server.url, org.accessToken) };
      at = new Date('2026-03-11T16:05:00Z');
      expect(await until(() => callsTo('+13125550177').length === 1, scaled(15_000))).toBe(true);
      await PASSES();
      expect(callsTo('+13125550177')).toHaveLength(1);
      expect((await lead(id)).followUp).toMatchObject({ status: 'calling' });
    },
    scaled(60_000),
  );
});
