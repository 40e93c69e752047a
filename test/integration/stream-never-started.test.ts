// Invariant: a call answered with a media stream that never starts (Twilio could not reach the stream
// URL, the caller hung up while it connected) does not stay "ringing" on the dashboard for good when
// no status callback comes: it is closed as failed with an outcome and a summary, and its stream
// token is void from then on. A call whose stream did start is never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { callOnceEnded, registerOrg } from '../harness/client.js';
import { openStream, ringWebhook, streamOf, until } from '../harness/line.js';
import { scaled } from '../harness/timing.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';

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

/** A call rings in and is answered with a media stream that nobody opens yet. */
const ring = (callSid?: string) =>
  ringWebhook(server.url, { authToken: TOKEN, from: '+13125550142', to: NUMBER, ...(callSid ? { callSid } : {}) });
const callOf = async (id: string) => (await org.api.get(`/api/calls/${id}`)).body;

describe('a call whose media stream never starts', () => {
  it(
    'is closed as failed after the timeout, with an outcome and summary, and a late stream is refused',
    async () => {
      const { twiml, callSid } = await ring();
      const { params } = streamOf(twiml);
      const ringing = await callOf(params.callId);
      expect(ringing.status).toBe('ringing');
      expect(ringing.outcome).toBeNull();

      // nobody connects the stream: after the timeout (1 s here) the call is over
      const call = await callOnceEnded(org.api, params.callId, 10_000);
      expect(call.status).toBe('failed');
      expect(call.endedAt).toBeTruthy();
      expect(call.durationSec).toBe(0);
      expect(call.summary).toMatch(/never connected to the receptionist; call them back/);
      const active = (await org.api.get('/api/calls/active')).body;
      expect(JSON.stringify(active)).not.toContain(params.callId);

      // the stream turns up after all (the right call, the right token): it no longer opens, the record stays
      const { peer: late } = await openStream(twiml, TOKEN, callSid);
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
      const { twiml, callSid } = await ring();
      const { peer, callId } = await openStream(twiml, TOKEN, callSid);
      expect(await until(() => peer.media.length > 0, 5_000)).toBe(true);
      // well past the 1 s timeout (nothing to wait on: the point is that nothing happens), the call is live
      await new Promise((r) => setTimeout(r, 2_500));
      const call = await callOf(callId);
      expect(call.status).toBe('in-progress');
      expect(call.endedAt ?? null).toBeNull();
      peer.close();
      await peer.closed;
    },
    scaled(30_000),
  );

  it(
    'a repeated webhook for a call still waiting for its stream answers with a stream that opens',
    async () => {
      // Twilio asked twice for the same call (its first answer was lost): one record, and the answer
      // it acts on, the second, opens the stream; the first answer's token is void.
      const first = await ring();
      const second = await ring(first.callSid);
      const callId = streamOf(second.twiml).params.callId;
      expect(streamOf(first.twiml).params.callId).toBe(callId);
      expect(streamOf(second.twiml).params.token).not.toBe(streamOf(first.twiml).params.token);

      const { peer: stale } = await openStream(first.twiml, TOKEN, first.callSid);
      await stale.closed;
      expect(stale.closeInfo?.code).toBe(1008);

      const { peer } = await openStream(second.twiml, TOKEN, first.callSid);
      expect(await until(() => peer.media.length > 0, 5_000)).toBe(true);
      // past the 1 s timeout of both rings, the call is live: neither ring's wait closed it
      await new Promise((r) => setTimeout(r, 2_500));
      const call = await callOf(callId);
      expect(call.status).toBe('in-progress');
      expect(call.endedAt ?? null).toBeNull();
      const calls = (await org.api.get('/api/calls?limit=100')).body;
      expect(JSON.stringify(calls).split(callId).length - 1).toBe(1);
      peer.close();
      await peer.closed;
    },
    scaled(30_000),
  );
});
