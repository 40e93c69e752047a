// Invariant: a caller the agent can no longer hear is never left on a dead line: when every speech
// recogniser has gone silent, the agent says so and asks for a message after the tone, Twilio records
// it (the stream's <Connect action> asks what follows the stream), and the owner gets the message as a
// lead with the recording on the call. A call that ended any other way just hangs up, and a voicemail's
// <Record> never loops back to its own prompt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { openStream, quiet, signedWebhook, tone, until } from '../harness/line.js';
import { startFakeDeepgram, type FakeDeepgram } from '../fakes/deepgram.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { scaled } from '../harness/timing.js';

const TOKEN = 'test-twilio-auth-token';
const NUMBER = `+1312555${String(Math.floor(Math.random() * 40) + 310).padStart(4, '0')}`;
let dg: FakeDeepgram;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;

const sid = (c: string) => 'CA' + c.repeat(30) + Math.random().toString(16).slice(2, 4).padEnd(2, '0');

beforeAll(async () => {
  dg = await startFakeDeepgram();
  const providers = createProviders({ deepgram: { apiKey: dg.apiKey, baseUrl: dg.url } });
  // Tuesday 10:00 in Chicago: open, so the agent answers. The silent-socket judgement is a deadline
  // like the others: unstretched here, so it falls inside the caller's sentence at any machine load.
  server = await startTestServer({
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers,
    env: { TWILIO_AUTH_TOKEN: TOKEN, VOICE_DEADLINE_SCALE: '1' },
  });
  org = await registerOrg(server.url, {
    industry: 'plumbing',
    timezone: 'America/Chicago',
    name: 'Deaf Line Plumbing',
  });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  expect((await org.api.put('/api/agent', { stt: 'deepgram' })).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await dg?.close();
});

async function ring(callSid: string) {
  const form = {
    CallSid: callSid,
    AccountSid: 'AC' + '1'.repeat(32),
    From: '+13125550177',
    To: NUMBER,
    CallStatus: 'ringing',
    Direction: 'inbound',
  };
  const twiml = await (await signedWebhook(`${server.url}/twilio/voice`, form, TOKEN)).text();
  return { twiml, ...(await openStream(twiml, TOKEN, callSid)) };
}

describe('speech recognition lost for good', () => {
  it(
    'the caller is asked for a message after the tone, Twilio records it, and the owner gets it',
    async () => {
      const callSid = sid('e');
      const { twiml, peer, callId } = await ring(callSid);
      expect(twiml).toContain(`<Connect action="${server.url}/twilio/stream-ended">`);
      peer.startLine();
      expect(await until(() => peer.media.length > 0, 5000)).toBe(true);
      await quiet(peer);
      // The recogniser's socket stays open but stops answering, on every reconnect.
      dg.listenStall = true;
      try {
        // The caller talks; nothing is heard. Then again, after the agent's "say it again".
        for (let i = 0; i < 2 && peer.closeInfo === null; i++) {
          const before = performance.now();
          await peer.say(tone(3000));
          await until(() => peer.framesAfter(before + 3000).length > 10 || peer.closeInfo !== null, 15_000);
          await quiet(peer, 1000);
        }
        await until(() => peer.closeInfo !== null, 20_000);
      } finally {
        dg.listenStall = false;
      }
      const events = (await org.api.get(`/api/calls/${callId}`)).body.events as Array<{
        type: string;
        data: Record<string, unknown>;
      }>;
      expect(
        events.filter((e) => e.type === 'provider_failure').map((e) => e.data.stage),
        JSON.stringify(events.map((e) => e.type)),
      ).toEqual(['stt', 'stt']);
      expect(peer.closeInfo?.reason).toBe('stt_failure');
      // Twilio asks what follows the stream: a recording, reported as a voicemail, then a hang-up.
      const next = await (
        await signedWebhook(`${server.url}/twilio/stream-ended`, { CallSid: callSid, CallStatus: 'in-progress' }, TOKEN)
      ).text();
      expect(next).toContain('<Record');
      expect(next).toContain(`recordingStatusCallback="${server.url}/twilio/recording?voicemail=1"`);
      expect(next).toContain(`action="${server.url}/twilio/hangup"`);
      const done = await (
        await signedWebhook(
          `${server.url}/twilio/hangup`,
          { CallSid: callSid, RecordingSid: 'RE' + 'a'.repeat(32) },
          TOKEN,
        )
      ).text();
      expect(done).toContain('<Hangup/>');
      const recordingForm = {
        CallSid: callSid,
        RecordingSid: 'RE' + 'b'.repeat(32),
        RecordingStatus: 'completed',
        RecordingDuration: '14',
        RecordingChannels: '1',
      };
      for (let i = 0; i < 2; i++) {
        // Twilio may repeat a callback: one message only
        expect((await signedWebhook(`${server.url}/twilio/recording?voicemail=1`, recordingForm, TOKEN)).status).toBe(
          204,
        );
      }
      const leads = (await org.api.get('/api/leads')).body.items as Array<{
        callId: string | null;
        need: string | null;
      }>;
      const mine = leads.filter((l) => l.callId === callId);
      expect(mine).toHaveLength(1);
      expect(mine[0].need).toMatch(/Voicemail \(14 s\)/);
      const detail = (await org.api.get(`/api/calls/${callId}`)).body;
      expect(detail.events.some((e: { type: string }) => e.type === 'voicemail')).toBe(true);
      expect(
        detail.turns.some((t: { role: string; text: string }) => t.role === 'agent' && /after the tone/.test(t.text)),
      ).toBe(true);
    },
    scaled(90_000),
  );

  it(
    'a call the agent ended normally just hangs up when the stream ends; an unsigned request is refused',
    async () => {
      const callSid = sid('f');
      const { peer } = await ring(callSid);
      peer.startLine();
      expect(await until(() => peer.media.length > 0, 5000)).toBe(true);
      peer.stop();
      peer.close();
      await peer.closed;
      const next = await signedWebhook(
        `${server.url}/twilio/stream-ended`,
        { CallSid: callSid, CallStatus: 'in-progress' },
        TOKEN,
      );
      const body = await next.text();
      expect(body).toContain('<Hangup/>');
      expect(body).not.toContain('<Record');
      const forged = await fetch(`${server.url}/twilio/stream-ended`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `CallSid=${callSid}`,
      });
      expect(forged.status).toBe(403);
    },
    scaled(60_000),
  );
});
