// Invariant: a business that turns recording on gets every inbound call recorded dual-channel by Twilio after the caller hears "this call may be recorded"; the signed recording callback is stored once; the dashboard plays the audio through our authenticated API only (no Twilio address or credentials ever reach it, another organization gets 404); retention deletes old recordings at Twilio and here. Off by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { newCallSid, quiet, until } from '../harness/line.js';
import { scaled } from '../harness/timing.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { purgeExpiredRecordings, twilioSignature } from '../../src/telephony/index.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';

const TOKEN = 'recording-twilio-token';
const providers = createProviders({});
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
let recorded: Awaited<ReturnType<typeof registerOrg>>;
let plain: Awaited<ReturnType<typeof registerOrg>>;
const suffix = () => String(Math.floor(Math.random() * 9000) + 1000);
const RECORDED_NUMBER = `+1312556${suffix()}`;
const PLAIN_NUMBER = `+1312557${suffix()}`;
const CALLER = '+13125550142';

beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '2'.repeat(32), TOKEN);
  server = await startTestServer({
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers,
    env: { TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });
  recorded = await registerOrg(server.url, { name: 'Taped Plumbing' });
  plain = await registerOrg(server.url, { name: 'Quiet Plumbing' });
  expect((await recorded.api.post('/api/phone-numbers', { e164: RECORDED_NUMBER })).status).toBe(201);
  expect((await plain.api.post('/api/phone-numbers', { e164: PLAIN_NUMBER })).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await rest?.close();
});

/** A caller rings `to`; answers the TwiML and, once the greeting has played and the caller hung up, the call's id. */
async function callAndHangUp(to: string, callSid: string): Promise<{ twiml: string; callId: string }> {
  const res = await rest.signedPost(`${server.url}/twilio/voice`, {
    CallSid: callSid,
    AccountSid: rest.accountSid,
    From: CALLER,
    To: to,
    CallStatus: 'ringing',
    Direction: 'inbound',
  });
  expect(res.status).toBe(200);
  const url = res.body.match(/<Stream url="([^"]+)"/)![1];
  const params = Object.fromEntries(
    [...res.body.matchAll(/<Parameter name="(\w+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const peer = new FakeTwilioPeer(url, { headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) }, callSid });
  await peer.begin(params);
  expect(await until(() => peer.media.length > 0, scaled(3000))).toBe(true);
  await quiet(peer);
  peer.stop();
  peer.close();
  await peer.closed;
  return { twiml: res.body, callId: params.callId };
}

async function detailWhenDone(api: ReturnType<typeof apiClient>, callId: string) {
  let detail: any;
  const end = Date.now() + scaled(5000);
  do {
    detail = (await api.get(`/api/calls/${callId}`)).body;
    if (detail.outcome && detail.turns?.length) return detail;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < end);
  return detail;
}

function recordingCallback(callSid: string, recordingSid: string) {
  return {
    AccountSid: rest.accountSid,
    CallSid: callSid,
    RecordingSid: recordingSid,
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${rest.accountSid}/Recordings/${recordingSid}`,
    RecordingStatus: 'completed',
    RecordingDuration: '14',
    RecordingChannels: '2',
    RecordingSource: 'StartCallRecordingAPI',
    RecordingStartTime: 'Tue, 10 Mar 2026 15:00:01 +0000',
  };
}

describe('call recording, as the owner turns it on and plays it back', () => {
  it('is off by default: no recording TwiML and no recording notice', async () => {
    expect((await plain.api.get('/api/config')).body).toMatchObject({ recordCalls: false, recordingRetentionDays: 90 });
    const { twiml, callId } = await callAndHangUp(PLAIN_NUMBER, newCallSid());
    expect(twiml).not.toMatch(/<Recording/);
    const detail = await detailWhenDone(plain.api, callId);
    const greeting = detail.turns.find((t: any) => t.role === 'agent');
    expect(greeting.text).not.toMatch(/recorded/i);
    expect(detail.recordingUrl).toBeNull();
  }, 60_000);

  it('records a call dual-channel after saying so, stores the signed callback once, and serves the audio only through the API', async () => {
    expect((await recorded.api.put('/api/config', { recordCalls: true, recordingRetentionDays: 30 })).status).toBe(200);
    const callSid = newCallSid();
    const { twiml, callId } = await callAndHangUp(RECORDED_NUMBER, callSid);
    // the recording starts before the stream, both sides on separate channels, reported to our callback
    expect(twiml).toMatch(
      new RegExp(
        `<Start><Recording channels="dual" track="both" recordingStatusCallback="${server.url}/twilio/recording" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed"/></Start><Connect action="${server.url}/twilio/stream-ended">`,
      ),
    );
    const before = await detailWhenDone(recorded.api, callId);
    expect(before.turns.find((t: any) => t.role === 'agent').text).toMatch(/^This call may be recorded\. /);

    const recording = rest.addRecording(callSid, 2);
    const form = recordingCallback(callSid, recording.sid);
    const unsigned = await fetch(`${server.url}/twilio/recording`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    expect(unsigned.status).toBe(403);
    expect((await recorded.api.get(`/api/calls/${callId}`)).body.recordingUrl).toBeNull();
    expect((await rest.signedPost(`${server.url}/twilio/recording`, form)).status).toBe(204);
    expect((await rest.signedPost(`${server.url}/twilio/recording`, form)).status).toBe(204); // Twilio retries: harmless

    const detail = (await recorded.api.get(`/api/calls/${callId}`)).body;
    expect(detail.recordingUrl).toBe(`/api/calls/${callId}/recording`);
    expect(detail.recording).toEqual({ durationSec: 14, channels: 2 });
    const page = JSON.stringify(detail);
    for (const secret of ['api.twilio.com', rest.url, rest.accountSid, recording.sid, TOKEN])
      expect(page).not.toContain(secret);
    // a recorded call that was answered is no voicemail: no message lead from the recording
    expect(
      (await recorded.api.get('/api/leads')).body.items.filter((l: any) => /voicemail/i.test(l.need ?? '')),
    ).toHaveLength(0);

    const audio = await fetch(`${server.url}${detail.recordingUrl}`, {
      headers: { authorization: `Bearer ${recorded.accessToken}` },
    });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect(audio.headers.get('x-twilio-internal')).toBeNull();
    expect(Buffer.from(await audio.arrayBuffer()).equals(recording.audio)).toBe(true);
    expect(rest.recordingFetches.at(-1)).toEqual({ sid: recording.sid, format: 'mp3', query: '?RequestedChannels=2' });

    expect((await fetch(`${server.url}${detail.recordingUrl}`)).status).toBe(401);
    const foreign = await fetch(`${server.url}${detail.recordingUrl}`, {
      headers: { authorization: `Bearer ${plain.accessToken}` },
    });
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe('not_found');
    expect(
      (
        await fetch(`${server.url}/api/calls/not-a-uuid/recording`, {
          headers: { authorization: `Bearer ${recorded.accessToken}` },
        })
      ).status,
    ).toBe(404);
  }, 60_000);

  it('deletes recordings past the retention at Twilio and here, and a late callback does not bring one back', async () => {
    expect((await recorded.api.put('/api/config', { recordingRetentionDays: 7 })).status).toBe(200);
    const callSid = newCallSid();
    const { callId } = await callAndHangUp(RECORDED_NUMBER, callSid);
    await detailWhenDone(recorded.api, callId);
    const recording = rest.addRecording(callSid, 2);
    expect(
      (await rest.signedPost(`${server.url}/twilio/recording`, recordingCallback(callSid, recording.sid))).status,
    ).toBe(204);
    const deps = {
      db: server.database.db,
      credentials: async () => ({ accountSid: rest.accountSid, authToken: TOKEN, apiBase: rest.url }),
      logger: { warn: () => undefined } as any,
    };

    // six days on, it is kept; eight days on, it is gone at Twilio and from the call page
    await purgeExpiredRecordings(deps, new Date('2026-03-16T15:00:00Z'));
    expect(rest.deletedRecordings).not.toContain(recording.sid);
    await purgeExpiredRecordings(deps, new Date('2026-03-18T16:00:00Z'));
    expect(rest.deletedRecordings).toContain(recording.sid);
    const detail = (await recorded.api.get(`/api/calls/${callId}`)).body;
    expect(detail.recordingUrl).toBeNull();
    expect(detail.turns.length).toBeGreaterThan(0); // the transcript stays
    expect(
      (
        await fetch(`${server.url}/api/calls/${callId}/recording`, {
          headers: { authorization: `Bearer ${recorded.accessToken}` },
        })
      ).status,
    ).toBe(404);

    expect(
      (await rest.signedPost(`${server.url}/twilio/recording`, recordingCallback(callSid, recording.sid))).status,
    ).toBe(204);
    expect((await recorded.api.get(`/api/calls/${callId}`)).body.recordingUrl).toBeNull();
  }, 60_000);

  it('refuses a retention outside 1–3650 days with 400 naming the field', async () => {
    const res = await recorded.api.put('/api/config', { recordingRetentionDays: 0 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/recordingRetentionDays/);
  });
});
