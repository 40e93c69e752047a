// Invariant: the agent calls customers only when the rules allow (never a do-not-call number, never outside the calling window), through Twilio's REST API with answering-machine detection, and the call runs the same session, tools and records as an inbound one — a reminder where the customer presses 2 moves the appointment; a machine gets a short voicemail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, callOnceEnded, registerOrg } from '../harness/client.js';
import { openStream, quiet, signedWebhook, tone, until } from '../harness/line.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { scaled } from '../harness/timing.js';

const TOKEN = 'test-twilio-auth-token';
const providers = createProviders({});
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
const NUMBER = `+1312555${String(Math.floor(Math.random() * 40) + 100).padStart(4, '0')}`;
const CUSTOMER = '+13125550142';
let appointmentId = '';

beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '1'.repeat(32), TOKEN);
  // Tuesday 10 March 2026, 10:00 in Chicago.
  server = await startTestServer({
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers,
    env: { TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  const services = await org.api.get('/api/services');
  const drain = services.body.items.find((s: { name: string }) => /drain/i.test(s.name));
  const appt = await org.api.post('/api/appointments', {
    serviceId: drain.id,
    start: '2026-03-11T10:00:00-05:00',
    customer: { name: 'Maria Lopez', phone: CUSTOMER },
  });
  expect(appt.status, JSON.stringify(appt.body)).toBe(201);
  appointmentId = appt.body.id;
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
  await rest?.close();
});

async function webhook(path: string, form: Record<string, string>) {
  return signedWebhook(`${server.url}${path}`, form, TOKEN);
}

/** Twilio's side once the callee picks up: the media stream of the TwiML we gave with the call. */
async function pickUp(placed: Record<string, string>) {
  const { peer, callId } = await openStream(placed.Twiml, TOKEN, placed.sid);
  expect(await until(() => peer.media.length > 0, 5000)).toBe(true);
  await quiet(peer);
  return { peer, callId };
}

async function finished(callId: string) {
  return callOnceEnded(org.api, callId, 5_000);
}

describe('POST /api/outbound-calls', () => {
  it(
    'a reminder call: placed through Twilio with AMD, opens with the appointment, and pressing 2 moves it',
    async () => {
      const res = await org.api.post('/api/outbound-calls', {
        to: '(312) 555-0142',
        purpose: 'reminder',
        appointmentId,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ id: expect.any(String), status: 'queued' });
      const placed = rest.calls.at(-1)!;
      expect(placed).toMatchObject({
        To: CUSTOMER,
        From: NUMBER,
        MachineDetection: 'DetectMessageEnd',
        AsyncAmd: 'true',
      });
      expect(placed.AsyncAmdStatusCallback).toBe(`${server.url}/twilio/amd?call=${res.body.id}`);
      expect(placed.StatusCallback).toBe(`${server.url}/twilio/status?call=${res.body.id}`);

      const { peer, callId } = await pickUp(placed);
      expect(callId).toBe(res.body.id);
      peer.startLine();
      /** The caller's turn, then the whole of the agent's answer (its audio starts, then stops). */
      const turn = async (act: () => Promise<void> | void) => {
        const t = performance.now();
        await act();
        expect(await until(() => peer.framesAfter(t).length > 10, 20_000)).toBe(true);
        await quiet(peer);
      };
      await turn(() => peer.sendDtmf('2'));
      for (const line of ['Thursday at 2pm', 'yes']) {
        await turn(async () => {
          providers.scriptBook.say(callId, line);
          await peer.say(tone(500));
        });
      }
      peer.stop();
      peer.close();
      const detail = await finished(callId);
      const said = detail.turns.map((t: any) => `${t.role}: ${t.text}`).join('\n');
      expect(detail.direction).toBe('outbound');
      expect(detail.to).toBe(CUSTOMER);
      expect(detail.turns[0].text).toMatch(
        /^Hi, this is Pipe Pros's assistant calling to remind you of your drain cleaning on Wednesday, March 11 at 10 AM\. Press 1/,
      );
      expect(
        detail.events.some((e: any) => e.type === 'tool_call' && e.data.name === 'reschedule' && e.data.ok),
        said,
      ).toBe(true);
      expect(detail.outcome).toBe('rescheduled');
      const appts = await org.api.get(
        '/api/appointments?from=2026-03-10T00:00:00Z&to=2026-03-20T00:00:00Z&status=booked',
      );
      expect(
        appts.body.items.map((a: any) => a.start),
        said,
      ).toEqual([expect.stringMatching(/^2026-03-12T14:00:00(\.000)?-05:00$/)]);
      const list = await org.api.get('/api/calls');
      expect(list.body.items.find((c: any) => c.id === callId)).toMatchObject({
        direction: 'outbound',
        to: CUSTOMER,
        from: NUMBER,
      });
    },
    scaled(90_000),
  );

  it(
    'an answering machine gets a short message with the callback number, outcome voicemail',
    async () => {
      const res = await org.api.post('/api/outbound-calls', {
        to: '+13125550143',
        purpose: 'custom',
        instructions: 'our spring drain check special',
      });
      expect(res.status).toBe(201);
      const placed = rest.calls.at(-1)!;
      const { peer, callId } = await pickUp(placed);
      const amd = await webhook('/twilio/amd', {
        CallSid: placed.sid,
        AccountSid: rest.accountSid,
        AnsweredBy: 'machine_end_beep',
        MachineDetectionDuration: '4100',
      });
      expect(amd.status).toBe(204);
      const update = rest.callUpdates.find((u) => u.sid === placed.sid)!;
      expect(update.Twiml).toContain(
        `<Say>Hi, this is Pipe Pros&apos;s assistant calling about our spring drain check special. Please call us back at ${NUMBER.slice(2, 5)} ${NUMBER.slice(5, 8)} ${NUMBER.slice(8)}. Thank you, goodbye.</Say><Hangup/>`,
      );
      // Twilio ends the stream when the call's TwiML changes.
      peer.stop();
      peer.close();
      expect((await finished(callId)).outcome).toBe('voicemail');
      // An unsigned AMD callback changes nothing.
      expect(
        (
          await fetch(`${server.url}/twilio/amd`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `CallSid=${placed.sid}&AnsweredBy=human`,
          })
        ).status,
      ).toBe(403);
    },
    scaled(60_000),
  );

  it("a call nobody answers is closed by Twilio's status callback (no-answer), once", async () => {
    const res = await org.api.post('/api/outbound-calls', { to: '+13125550144', purpose: 'follow_up' });
    const placed = rest.calls.at(-1)!;
    for (const status of ['initiated', 'ringing', 'no-answer', 'no-answer']) {
      expect(
        (await webhook('/twilio/status', { CallSid: placed.sid, AccountSid: rest.accountSid, CallStatus: status }))
          .status,
      ).toBe(204);
    }
    const detail = await finished(res.body.id);
    expect(detail).toMatchObject({ status: 'no-answer', outcome: 'hangup', direction: 'outbound' });
  });

  it('a call Twilio reports busy before answering our dial request is closed all the same, and frees its line', async () => {
    const before = (await org.api.get('/api/outbound-settings')).body.maxConcurrentCalls;
    expect((await org.api.put('/api/outbound-settings', { maxConcurrentCalls: 1 })).status).toBe(200);
    rest.beforeCallAnswered = (sid) => rest.endCall(sid, 'busy');
    try {
      const res = await org.api.post('/api/outbound-calls', { to: '+13125550145', purpose: 'follow_up' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const placed = rest.calls.at(-1)!;
      const detail = await finished(res.body.id);
      expect(detail).toMatchObject({ status: 'busy', outcome: 'hangup', direction: 'outbound' });
      expect(detail.callSid).toBe(placed.sid);
    } finally {
      rest.beforeCallAnswered = null;
    }
    // The one line is free again: the next call is dialed now, not put in the queue.
    const next = await org.api.post('/api/outbound-calls', { to: '+13125550146', purpose: 'follow_up' });
    expect(next.body).toMatchObject({ status: 'queued', waiting: false });
    expect(
      (
        await webhook('/twilio/status', {
          CallSid: rest.calls.at(-1)!.sid,
          AccountSid: rest.accountSid,
          CallStatus: 'no-answer',
        })
      ).status,
    ).toBe(204);
    expect((await org.api.put('/api/outbound-settings', { maxConcurrentCalls: before })).status).toBe(200);
  });

  it("never calls a number on the do-not-call list (422 do_not_call), and the list is the organization's own", async () => {
    const before = rest.calls.length;
    const added = await org.api.post('/api/do-not-call', { e164: '312 555 0150', reason: 'asked by phone' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ e164: '+13125550150', reason: 'asked by phone' });
    const refused = await org.api.post('/api/outbound-calls', { to: '+13125550150', purpose: 'custom' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('do_not_call');
    expect(rest.calls.length).toBe(before);
    const other = await registerOrg(server.url);
    expect((await other.api.get('/api/do-not-call')).body.items).toEqual([]);
    expect((await other.api.delete(`/api/do-not-call/${added.body.id}`)).status).toBe(404);
    expect((await org.api.delete(`/api/do-not-call/${added.body.id}`)).status).toBe(204);
    expect((await org.api.get('/api/do-not-call')).body.items).toEqual([]);
  });

  it('refuses outside the calling window of the business (default 9:00–20:00 local) with the next opening', async () => {
    // 15:00 UTC is midnight in Tokyo.
    const tokyo = await registerOrg(server.url, { timezone: 'Asia/Tokyo' });
    await tokyo.api.post('/api/phone-numbers', {
      e164: `+1312555${String(Math.floor(Math.random() * 40) + 150).padStart(4, '0')}`,
    });
    const refused = await tokyo.api.post('/api/outbound-calls', { to: '+13125550142', purpose: 'custom' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'outside_calling_window',
      details: { nextOpening: '2026-03-11T00:00:00.000Z' },
    });
    // The window is the business's to set: from noon, 10:00 in Chicago is outside too.
    expect((await org.api.get('/api/outbound-settings')).body.callingWindow).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      from: '09:00',
      to: '20:00',
    });
    const put = await org.api.put('/api/outbound-settings', {
      callingWindow: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '12:00', to: '18:00' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const late = await org.api.post('/api/outbound-calls', { to: '+13125550142', purpose: 'custom' });
    expect(late.body.error).toMatchObject({
      code: 'outside_calling_window',
      details: { nextOpening: '2026-03-10T17:00:00.000Z' },
    });
    expect(
      (await org.api.put('/api/outbound-settings', { callingWindow: { days: ['mon'], from: '18:00', to: '12:00' } }))
        .status,
    ).toBe(400);
    await org.api.put('/api/outbound-settings', {
      callingWindow: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '09:00', to: '20:00' },
    });
  });

  it('validates the request: a reminder needs an appointment of this organization', async () => {
    expect((await org.api.post('/api/outbound-calls', { to: '+13125550142', purpose: 'reminder' })).status).toBe(400);
    expect((await org.api.post('/api/outbound-calls', { to: 'not a number', purpose: 'custom' })).status).toBe(400);
    const other = await registerOrg(server.url);
    await other.api.post('/api/phone-numbers', {
      e164: `+1312555${String(Math.floor(Math.random() * 40) + 190).padStart(4, '0')}`.slice(0, 12),
    });
    expect(
      (await other.api.post('/api/outbound-calls', { to: '+13125550142', purpose: 'reminder', appointmentId })).status,
    ).toBe(404);
  });
});

describe('chat hand-off: "call me back"', () => {
  it('leaves a callback task for the team, and with callback calls on, the agent calls right away', async () => {
    const anon = apiClient(server.url);
    const key = org.organization.chatKey;
    const chat = await anon.post(`/api/chat/${key}/sessions`, {});
    expect(chat.status).toBe(201);
    const before = rest.calls.length;
    const task = await anon.post(`/api/chat/${key}/sessions/${chat.body.id}/callback`, {
      phone: '312 555 0145',
      name: 'Ana Ruiz',
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    expect(task.body.calling).toBe(false);
    expect(rest.calls.length).toBe(before);
    const leads = await org.api.get('/api/leads');
    expect(leads.body.items.find((l: any) => l.id === task.body.leadId)).toMatchObject({
      phone: '+13125550145',
      name: 'Ana Ruiz',
      priority: 'HIGH',
    });

    expect((await org.api.put('/api/widget', { callbackCalls: true })).status).toBe(200);
    const chat2 = await anon.post(`/api/chat/${key}/sessions`, {});
    const now = await anon.post(`/api/chat/${key}/sessions/${chat2.body.id}/callback`, { phone: '+13125550146' });
    expect(now.body.calling).toBe(true);
    expect(rest.calls.at(-1)).toMatchObject({ To: '+13125550146', From: NUMBER });
    // Another organization's key does not reach this chat.
    const other = await registerOrg(server.url);
    expect(
      (
        await anon.post(`/api/chat/${other.organization.chatKey}/sessions/${chat2.body.id}/callback`, {
          phone: '+13125550146',
        })
      ).status,
    ).toBe(404);
  });
});

describe('chat hand-off: "text me"', () => {
  it("texts the chat's answer only after the number is proven by a code sent to it", async () => {
    const anon = apiClient(server.url);
    const key = org.organization.chatKey;
    const chat = await anon.post(`/api/chat/${key}/sessions`, {});
    await anon.post(`/api/chat/${key}/sessions/${chat.body.id}/messages`, { text: 'What are your hours on Monday?' });
    const base = `/api/chat/${key}/sessions/${chat.body.id}/text-me`;
    expect((await anon.post(`${base}/confirm`, { code: '123456' })).status).toBe(422);
    expect((await anon.post(base, { phone: '312 555 0147' })).status).toBe(202);
    expect(
      await until(() => rest.messages.some((m) => m.To === '+13125550147' && /code is \d{6}/.test(m.Body)), 15_000),
    ).toBe(true);
    const code = /code is (\d{6})/.exec(rest.messages.find((m) => m.To === '+13125550147')!.Body)![1];
    const wrong = await anon.post(`${base}/confirm`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(rest.messages.filter((m) => m.To === '+13125550147')).toHaveLength(1);
    const ok = await anon.post(`${base}/confirm`, { code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(
      await until(
        () => rest.messages.some((m) => m.To === '+13125550147' && /^Pipe Pros: .*(Monday|open|hours)/i.test(m.Body)),
        15_000,
      ),
    ).toBe(true);
    // The code works once.
    expect((await anon.post(`${base}/confirm`, { code })).status).toBe(422);
  });
});
