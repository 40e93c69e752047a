// Invariant: a call answered with a media stream that never starts (Twilio could not reach the stream
// URL, the caller hung up while it connected) does not stay "ringing" on the dashboard for good when
// no status callback comes: it is closed as failed with an outcome and a summary, and its stream
// token is void from then on. A call whose stream did start is never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { newCallSid, signedWebhook, streamOf, until } from '../harness/line.js';
import { scaled } from '../harness/timing.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { twilioSignature } from '../../src/telephony/index.js';

const TOKEN = 'stream-never-started-token';
const NUMBER = `+1312557${String(Math.floor(Math.random() * 9000) + 1000)}`;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;

beforeAll(async () => {
  server = await startTestServer({
    // Tuesday 10:00 in Chicago: open
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers: createProviders({}),
    env: { TWILIO_AUTH_TOKEN: TOKEN, STREAM_START_TIMEOUT_SEC: '1' },
  });
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
});

async function answer(callSid: string) {
  const res = await signedWebhook(
    `${server.url}/twilio/voice`,
    { CallSid: callSid, AccountSid: 'AC' + '5'.repeat(32), From: '+13125550142', To: NUMBER, CallStatus: 'ringing' },
    TOKEN,
  );
  expect(res.status).toBe(200);
  return streamOf(await res.text());
}
const sid = newCallSid;
const callOf = async (id: string) => (await org.api.get(`/api/calls/${id}`)).body;
/** The call once `done` holds for it (polled), else its last state. */
async function callWhen(id: string, done: (c: any) => boolean, ms: number) {
  let call = await callOf(id);
  for (const end = Date.now() + ms; !done(call) && Date.now() < end; call = await callOf(id))
    await new Promise((r) => setTimeout(r, 100));
  return call;
}

describe('a call whose media stream never starts', () => {
  it(
    'is closed as failed after the timeout, with an outcome and summary, and a late stream is refused',
    async () => {
      const callSid = sid();
      const { url, params } = await answer(callSid);
      const ringing = await callOf(params.callId);
      expect(ringing.status).toBe('ringing');
      expect(ringing.outcome).toBeNull();

      // nobody connects the stream: after the timeout (1 s here) the call is over
      const call = await callWhen(params.callId, (c) => !!c.outcome, scaled(10_000));
      expect(call.status).toBe('failed');
      expect(call.endedAt).toBeTruthy();
      expect(call.durationSec).toBe(0);
      expect(call.summary).toMatch(/never connected to the receptionist; call them back/);
      const active = (await org.api.get('/api/calls/active')).body;
      expect(JSON.stringify(active)).not.toContain(params.callId);

      // the stream turns up after all (the right call, the right token): it no longer opens, the record stays
      const late = new FakeTwilioPeer(url, { headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) }, callSid });
      await late.begin(params);
      await late.closed;
      expect(late.closeInfo?.code).toBe(1008);
      expect(late.media).toHaveLength(0);
      const after = await callOf(params.callId);
      expect(after.status).toBe('failed');
      expect(after.endedAt).toBe(call.endedAt);
    },
    scaled(30_000),
  );

  it(
    'a call whose stream started in time is not closed by the timeout',
    async () => {
      const callSid = sid();
      const { url, params } = await answer(callSid);
      const peer = new FakeTwilioPeer(url, { headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) }, callSid });
      await peer.begin(params);
      expect(await until(() => peer.media.length > 0, scaled(5_000))).toBe(true);
      // well past the 1 s timeout (nothing to wait on: the point is that nothing happens), the call is live
      await new Promise((r) => setTimeout(r, 2_500));
      const call = await callOf(params.callId);
      expect(call.status).toBe('in-progress');
      expect(call.endedAt ?? null).toBeNull();
      peer.close();
      await peer.closed;
    },
    scaled(30_000),
  );
});
