// Invariant: a phone call the agent never took (after hours, sent to voicemail) still ends with an
// outcome and a summary the owner can read — "hung up without leaving a voicemail", or a message
// once the voicemail's recording arrives, whichever of Twilio's two callbacks comes first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { scaled } from '../harness/timing.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';

const TOKEN = 'edge-summary-twilio-token';
const NUMBER = `+1312558${String(Math.floor(Math.random() * 9000) + 1000)}`;
const CALLER = '+13125550177';
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;

// Sunday 03:00 in Chicago: closed.
beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '3'.repeat(32), TOKEN);
  server = await startTestServer({
    clock: fixedClock('2026-03-15T08:00:00Z', true),
    providers: createProviders({}),
    env: { TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });
  org = await registerOrg(server.url, { name: 'Night Plumbing', timezone: 'America/Chicago' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  expect((await org.api.put('/api/config', { afterHours: 'voicemail' })).status).toBe(200);
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
  await rest?.close();
});

const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');

async function ring(callSid: string): Promise<string> {
  const res = await rest.signedPost(`${server.url}/twilio/voice`, {
    CallSid: callSid,
    AccountSid: rest.accountSid,
    From: CALLER,
    To: NUMBER,
    CallStatus: 'ringing',
    Direction: 'inbound',
  });
  expect(res.body).toContain('<Record');
  // once the caller finished, Twilio goes to the action (a hang-up), never back to this prompt
  expect(res.body).toMatch(new RegExp(`<Record [^>]*action="${server.url}/twilio/hangup"`));
  const calls = (await org.api.get('/api/calls')).body.items as any[];
  return calls.find((c) => c.callSid === callSid).id;
}
const ended = (callSid: string) =>
  rest.signedPost(`${server.url}/twilio/status`, {
    CallSid: callSid,
    AccountSid: rest.accountSid,
    CallStatus: 'completed',
    CallDuration: '21',
  });
const voicemail = (callSid: string) =>
  rest.signedPost(`${server.url}/twilio/recording`, {
    AccountSid: rest.accountSid,
    CallSid: callSid,
    RecordingSid: `RE${hex(32)}`,
    RecordingStatus: 'completed',
    RecordingDuration: '14',
    RecordingChannels: '1',
  });

describe('calls ended at the edge', () => {
  it('an after-hours caller who hangs up at the tone: outcome hangup, and the summary says so', async () => {
    const callSid = `CA${hex(32)}`;
    const id = await ring(callSid);
    expect((await ended(callSid)).status).toBe(204);
    const detail = (await org.api.get(`/api/calls/${id}`)).body;
    expect(detail.outcome).toBe('hangup');
    expect(detail.summary).toBe('The caller called after hours and hung up without leaving a voicemail.');
  });

  it('a voicemail is a message, whether its recording arrives before or after the call ends', async () => {
    const first = `CA${hex(32)}`;
    const a = await ring(first);
    expect((await voicemail(first)).status).toBe(204);
    expect((await ended(first)).status).toBe(204);
    const late = `CA${hex(32)}`;
    const b = await ring(late);
    expect((await ended(late)).status).toBe(204);
    expect((await voicemail(late)).status).toBe(204);
    for (const id of [a, b]) {
      const detail = (await org.api.get(`/api/calls/${id}`)).body;
      expect(detail.outcome).toBe('message');
      expect(detail.summary).toBe('The caller called after hours and left a voicemail.');
      expect(detail.lead?.kind).toBe('message');
    }
    const listed = (await org.api.get('/api/calls?outcome=message')).body.items.map((c: any) => c.id);
    expect(listed).toEqual(expect.arrayContaining([a, b]));
  });
});
