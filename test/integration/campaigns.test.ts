// Invariant: a campaign dials only inside its window (the business's time zone), never more than callsPerMinute in any minute, never more calls at once than the organization allows (the other numbers wait), never a do-not-call number (checked right before each dial), retries an unanswered number after a backoff up to maxAttempts, and shows progress per number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import type { Clock } from '../../src/lib/index.js';
import { campaignTick, createTwilioDialerForTest } from './campaigns.support.js';
import { twilioSignature } from '../../src/telephony/index.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { scaled } from '../harness/timing.js';

const TOKEN = 'tw-token';
/** The product's clock, moved by the test: every pass and callback reads it. */
let at = new Date('2026-03-10T13:59:30Z');
const clock: Clock = { now: () => new Date(at) };
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
const NUMBER = `+1312555${String(Math.floor(Math.random() * 40) + 160).padStart(4, '0')}`;
const NUMBERS = Array.from({ length: 20 }, (_, i) => `+1312555${String(120 + i).padStart(4, '0')}`);
const DNC = ['+13125550122', '+13125550127'];

beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '1'.repeat(32), TOKEN);
  server = await startTestServer({
    clock,
    env: { TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });
  org = await registerOrg(server.url, { timezone: 'America/Chicago', name: 'Pipe Pros' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  for (const n of DNC) expect((await org.api.post('/api/do-not-call', { e164: n })).status).toBe(201);
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
  await rest?.close();
});

/** One pass at a local Chicago time on a March 2026 day (CDT, UTC-5). */
async function passAt(iso: string) {
  at = new Date(iso);
  return campaignTick({ db: server.ctx.database.db, dialer: createTwilioDialerForTest(rest, server.url) }, at);
}

describe('campaigns', () => {
  it(
    '20 numbers, 2 on the do-not-call list: paced per minute, inside the window, retried after a backoff',
    async () => {
      const created = await org.api.post('/api/campaigns', {
        name: 'Spring drain check',
        purpose: 'custom',
        numbers: NUMBERS,
        instructions: 'our spring drain check special',
        window: { days: ['tue', 'wed'], from: '09:00', to: '09:02' },
        callsPerMinute: 5,
        maxAttempts: 2,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.progress).toMatchObject({ total: 20, counts: { pending: 20 } });
      const id = created.body.id;
      // A draft does not dial.
      expect(await passAt('2026-03-10T14:00:00Z')).toBe(0);
      expect((await org.api.post(`/api/campaigns/${id}/start`)).body.status).toBe('running');

      expect(await passAt('2026-03-10T13:59:59Z')).toBe(0); // 08:59:59 local: before the window
      expect(await passAt('2026-03-10T14:00:00Z')).toBe(5); // 09:00
      expect(await passAt('2026-03-10T14:00:40Z')).toBe(0); // the minute's five are used
      expect(await passAt('2026-03-10T14:01:00Z')).toBe(5);
      expect(await passAt('2026-03-10T14:02:00Z')).toBe(0); // 09:02: the window has closed
      expect(await passAt('2026-03-10T22:00:00Z')).toBe(0); // 17:00: still closed
      expect(await passAt('2026-03-11T14:00:00Z')).toBe(5); // Wednesday 09:00: open again
      expect(await passAt('2026-03-11T14:01:00Z')).toBe(3);

      const dialedTo = rest.calls.map((c) => c.To);
      expect(dialedTo).toHaveLength(18);
      expect(new Set(dialedTo).size).toBe(18);
      for (const n of DNC) expect(dialedTo).not.toContain(n);
      expect(rest.calls.every((c) => c.From === NUMBER && c.AsyncAmd === 'true')).toBe(true);

      // Nobody answers the first number: Twilio says no-answer; it is tried again after the backoff, then given up.
      const first = rest.calls[0];
      const status = async (sid: string, CallStatus: string) => {
        const url = `${server.url}/twilio/status`;
        const form = { CallSid: sid, AccountSid: rest.accountSid, CallStatus };
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': twilioSignature(TOKEN, url, form),
          },
          body: new URLSearchParams(form).toString(),
        });
        expect(res.status).toBe(204);
      };
      at = new Date('2026-03-11T14:01:30Z');
      await status(first.sid, 'no-answer');
      let p = (await org.api.get(`/api/campaigns/${id}`)).body.progress;
      expect(p.numbers.find((n: any) => n.e164 === first.To)).toMatchObject({ status: 'no_answer', attempts: 1 });
      expect(await passAt('2026-03-11T14:01:45Z')).toBe(0); // the backoff (10 min) has not passed, and the window closes at 09:02
      expect(await passAt('2026-03-17T14:00:00Z')).toBe(1); // next Tuesday 09:00: the second attempt
      expect(rest.calls.at(-1)!.To).toBe(first.To);
      at = new Date('2026-03-17T14:00:30Z');
      await status(rest.calls.at(-1)!.sid, 'busy');
      expect(await passAt('2026-03-18T14:00:00Z')).toBe(0); // maxAttempts reached

      p = (await org.api.get(`/api/campaigns/${id}`)).body.progress;
      expect(p.counts).toMatchObject({ opted_out: 2, no_answer: 1, calling: 17 });
      expect(p.numbers.filter((n: any) => n.status === 'opted_out').map((n: any) => n.e164)).toEqual(DNC);
      const list = await org.api.get('/api/campaigns');
      expect(list.body.items.map((c: any) => c.id)).toContain(id);
    },
    scaled(90_000),
  );

  it('another organization sees none of it; pause stops dialing', async () => {
    const other = await registerOrg(server.url);
    const mine = await org.api.post('/api/campaigns', {
      name: 'Paused',
      numbers: ['+13125550190'],
      window: { days: ['thu'], from: '09:00', to: '10:00' },
    });
    expect((await other.api.get(`/api/campaigns/${mine.body.id}`)).status).toBe(404);
    expect((await other.api.post(`/api/campaigns/${mine.body.id}/start`)).status).toBe(404);
    await org.api.post(`/api/campaigns/${mine.body.id}/start`);
    await org.api.post(`/api/campaigns/${mine.body.id}/pause`);
    const before = rest.calls.length;
    expect(await passAt('2026-03-12T14:30:00Z')).toBe(0);
    expect(rest.calls.length).toBe(before);
    expect((await org.api.post('/api/campaigns', { name: 'x', numbers: [] })).status).toBe(400);
  });
  it('never more calls at once than the organization allows: the other numbers wait their turn, none is dropped', async () => {
    expect((await org.api.put('/api/outbound-settings', { maxConcurrentCalls: 2 })).status).toBe(200);
    const numbers = ['+13125550191', '+13125550192', '+13125550193'];
    const c = await org.api.post('/api/campaigns', {
      name: 'Two lines',
      purpose: 'custom',
      numbers,
      instructions: 'our spring drain check special',
      window: { days: ['thu'], from: '09:00', to: '17:00' },
      callsPerMinute: 10,
      maxAttempts: 1,
    });
    expect((await org.api.post(`/api/campaigns/${c.body.id}/start`)).status).toBe(200);
    const before = rest.calls.length;
    expect(await passAt('2026-03-19T14:00:00Z')).toBe(2); // Thursday 09:00: two lines, two dials
    expect(await passAt('2026-03-19T14:01:00Z')).toBe(0); // both still talking: the third number waits
    expect((await org.api.get(`/api/campaigns/${c.body.id}`)).body.progress.counts).toMatchObject({
      calling: 2,
      pending: 1,
    });
    at = new Date('2026-03-19T14:01:30Z');
    const url = `${server.url}/twilio/status`;
    const form = { CallSid: rest.calls[before].sid, AccountSid: rest.accountSid, CallStatus: 'completed' };
    const ended = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(TOKEN, url, form),
      },
      body: new URLSearchParams(form).toString(),
    });
    expect(ended.status).toBe(204);
    expect(await passAt('2026-03-19T14:02:00Z')).toBe(1); // a line is free
    expect(
      rest.calls
        .slice(before)
        .map((x) => x.To)
        .sort(),
    ).toEqual(numbers);
  });
});
