// Invariant: asking for a person is a warm transfer: the caller is told and held by the agent while the business's person is rung and hears who is calling and why; only their key 1 moves the caller (into a two-party conference) and makes the outcome `transferred`; a decline or no answer leaves the caller with the agent, which takes a message (outcome `message`, a message lead). Cascade and realtime engines alike, against the fake Twilio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { ringIn, quiet, tone, until } from '../harness/line.js';
import { scaled } from '../harness/timing.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';

const TOKEN = 'transfer-twilio-token';
const STAFF = '+13125550177';
const CALLER = '+13125550142';
const num = (prefix: string) => `${prefix}${String(Math.floor(Math.random() * 9000) + 1000)}`;
const CASCADE_NUMBER = num('+1312558');
const REALTIME_NUMBER = num('+1312559');
const cascadeProviders = createProviders({});
let rest: FakeTwilioRest;
let openai: FakeOpenAi;
let cascade: Awaited<ReturnType<typeof startTestServer>>;
let realtime: Awaited<ReturnType<typeof startTestServer>>;
let cascadeOrg: Awaited<ReturnType<typeof registerOrg>>;
let realtimeOrg: Awaited<ReturnType<typeof registerOrg>>;

beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '3'.repeat(32), TOKEN);
  openai = await startFakeOpenAi();
  const env = { TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url };
  const clock = fixedClock('2026-03-10T15:00:00Z', true); // a Tuesday, 10 AM in Chicago: open
  cascade = await startTestServer({ clock, providers: cascadeProviders, env });
  realtime = await startTestServer({
    clock,
    env,
    providers: createProviders({
      openai: { apiKey: openai.apiKey, baseUrl: `${openai.url}/v1` },
      stt: 'scripted',
      tts: 'flite',
    }),
  });
  cascadeOrg = await registerOrg(cascade.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
  realtimeOrg = await registerOrg(realtime.url, {
    industry: 'plumbing',
    timezone: 'America/Chicago',
    name: 'Realtime Plumbing',
  });
  for (const [o, n] of [
    [cascadeOrg, CASCADE_NUMBER],
    [realtimeOrg, REALTIME_NUMBER],
  ] as const) {
    expect((await o.api.post('/api/phone-numbers', { e164: n })).status).toBe(201);
    expect((await o.api.put('/api/config', { escalationNumber: STAFF })).status).toBe(200);
  }
  expect((await realtimeOrg.api.put('/api/agent', { engine: 'realtime' })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await cascade?.close();
  await realtime?.close();
  await rest?.close();
  await openai?.close();
});

/** The screening call the server placed to the business's person after `since` calls. */
async function screeningCall(since: number) {
  expect(await until(() => rest.calls.slice(since).some((c) => c.To === STAFF), scaled(10_000))).toBe(true);
  return rest.calls.slice(since).find((c) => c.To === STAFF)!;
}

async function finished(api: typeof cascadeOrg.api, callId: string): Promise<any> {
  let detail: any;
  const end = Date.now() + scaled(8000);
  do {
    detail = (await api.get(`/api/calls/${callId}`)).body;
    if (detail.outcome) return detail;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < end);
  return detail;
}

describe('warm transfer on the cascade engine', () => {
  it('holds the caller, whispers who and why to the person, and on key 1 joins both in a conference: transferred', async () => {
    const since = rest.calls.length;
    const { peer, callId, callSid } = await ringIn(cascade.url, { authToken: TOKEN, from: CALLER, to: CASCADE_NUMBER });
    expect(await until(() => peer.media.length > 0, scaled(3000))).toBe(true);
    await quiet(peer);
    cascadeProviders.scriptBook.say(callId, 'Can I talk to a real person please?');
    peer.startLine();
    await peer.say(tone(500));

    const leg = await screeningCall(since);
    // the person is rung from the business's own number, for a bounded time, and reports its end to us
    expect(leg).toMatchObject({ From: CASCADE_NUMBER, Timeout: '15', StatusCallbackMethod: 'POST' });
    expect(leg.StatusCallback).toMatch(new RegExp(`^${cascade.url}/twilio/transfer/status\\?transfer=[\\w-]+$`));
    expect(leg.Twiml).toContain('<Gather numDigits="1" timeout="8"');
    expect(leg.Twiml).toContain(
      '<Say>A caller at 3 1 2, 5 5 5, 0 1 4 2 is on the line for Pipe Pros. The caller asked for a person. Press 1 to take the call, or 2 to decline.</Say>',
    );
    // until the person decides, the caller stays with the agent
    expect(rest.callUpdates.some((u) => u.sid === callSid)).toBe(false);
    const accepted = await rest.pressKeys(leg.sid, '1');
    expect(accepted.status).toBe(200);
    const room = accepted.body.match(/<Conference [^>]*>(transfer-[\w-]+)<\/Conference>/)?.[1];
    expect(room).toBeTruthy();
    expect(accepted.body).toContain('endConferenceOnExit="true"');
    expect(await until(() => rest.callUpdates.some((u) => u.sid === callSid), scaled(5000))).toBe(true);
    expect(rest.callUpdates.find((u) => u.sid === callSid)!.Twiml).toContain(`>${room}</Conference>`);
    // a second key press (or Twilio's end-of-call report) changes nothing
    expect((await rest.pressKeys(leg.sid, '1')).body).toMatch(/no longer waiting/);
    expect((await rest.endCall(leg.sid, 'completed')).status).toBe(204);

    await quiet(peer);
    peer.stop(); // Twilio ends the stream when the call moves into the conference
    peer.close();
    const detail = await finished(cascadeOrg.api, callId);
    expect(detail.outcome).toBe('transferred');
    expect(
      detail.events.some(
        (e: any) => e.type === 'tool_call' && e.data.name === 'transfer_to_human' && e.data.result?.accepted === true,
      ),
    ).toBe(true);
  }, 90_000);

  it('when the person declines (key 2), the caller stays with the agent, which takes a message: outcome message and a message lead', async () => {
    const since = rest.calls.length;
    const { peer, callId, callSid } = await ringIn(cascade.url, { authToken: TOKEN, from: CALLER, to: CASCADE_NUMBER });
    expect(await until(() => peer.media.length > 0, scaled(3000))).toBe(true);
    await quiet(peer);
    cascadeProviders.scriptBook.say(callId, 'Can I speak to someone please?');
    peer.startLine();
    await peer.say(tone(500));
    const leg = await screeningCall(since);
    const declined = await rest.pressKeys(leg.sid, '2');
    expect(declined.body).toMatch(/<Say>[^<]*take a message[^<]*<\/Say><Hangup\/>/);
    expect((await rest.endCall(leg.sid, 'completed')).status).toBe(204);

    // the agent says nobody could take it and asks for the message; the caller never left the agent
    const said = async (re: RegExp) => {
      const end = Date.now() + scaled(10_000);
      while (Date.now() < end) {
        const d = (await cascadeOrg.api.get(`/api/calls/${callId}`)).body;
        if (d.turns.some((t: any) => t.role === 'agent' && re.test(t.text))) return true;
        await new Promise((r) => setTimeout(r, 150));
      }
      return false;
    };
    expect(await said(/can't connect you with someone right now/i)).toBe(true);
    await quiet(peer);
    cascadeProviders.scriptBook.say(callId, 'Please ask them to call me back about my invoice.');
    await peer.say(tone(500));
    expect(await said(/may I have your name/i)).toBe(true);
    await quiet(peer);
    cascadeProviders.scriptBook.say(callId, 'Dana Smith');
    await peer.say(tone(400));
    const end = Date.now() + scaled(10_000);
    let lead: any;
    while (!lead && Date.now() < end) {
      lead = (await cascadeOrg.api.get('/api/leads')).body.items.find(
        (l: any) => l.callId === callId && l.kind === 'message',
      );
      if (!lead) await new Promise((r) => setTimeout(r, 150));
    }
    expect(lead).toBeTruthy();
    expect(lead.need).toMatch(/invoice/);
    expect(rest.callUpdates.some((u) => u.sid === callSid)).toBe(false);
    await quiet(peer);
    peer.stop();
    peer.close();
    const detail = await finished(cascadeOrg.api, callId);
    expect(detail.outcome).toBe('message');
    expect(
      detail.events.some(
        (e: any) => e.type === 'tool_call' && e.data.name === 'transfer_to_human' && e.data.result?.accepted === false,
      ),
    ).toBe(true);
  }, 90_000);

  it('refuses transfer webhooks that Twilio did not sign', async () => {
    const res = await fetch(`${cascade.url}/twilio/transfer/screen?transfer=abcdefghij`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Digits=1',
    });
    expect(res.status).toBe(403);
  });
});

describe('warm transfer on the realtime engine', () => {
  it('nobody answers: the model hears accepted false and takes a message; outcome message', async () => {
    const since = rest.calls.length;
    const { peer, callId, callSid } = await ringIn(realtime.url, {
      authToken: TOKEN,
      from: CALLER,
      to: REALTIME_NUMBER,
    });
    expect(await until(() => peer.media.length > 0, scaled(3000))).toBe(true);
    openai.realtimeTranscripts.push('Can I talk to the owner?');
    openai.realtimeScript.push(
      {
        tool: {
          name: 'transfer_to_human',
          arguments: JSON.stringify({ reason: 'wants the owner about a quote', callerName: 'Dana Smith' }),
        },
      },
      { text: 'Nobody could pick up right now. I can take a message for the owner.' },
    );
    peer.startLine();
    await peer.say(tone(600));
    await peer.silence(800);
    const leg = await screeningCall(since);
    expect(leg.Twiml).toContain(
      'Dana Smith at 3 1 2, 5 5 5, 0 1 4 2 is on the line for Realtime Plumbing. Wants the owner about a quote.',
    );
    expect((await rest.endCall(leg.sid, 'no-answer')).status).toBe(204);

    openai.realtimeTranscripts.push('Tell them Dana called about the quote.');
    openai.realtimeScript.push(
      {
        tool: {
          name: 'take_message',
          arguments: JSON.stringify({ text: 'Dana called about the quote', name: 'Dana Smith' }),
        },
      },
      { text: "Thanks, I've passed that on." },
    );
    expect(await until(() => openai.realtimeScript.length === 2, scaled(8000))).toBe(true); // the model answered the tool result
    await new Promise((r) => setTimeout(r, scaled(1500)));
    await peer.say(tone(600));
    await peer.silence(800);
    expect(await until(() => openai.realtimeScript.length === 0, scaled(8000))).toBe(true);
    await new Promise((r) => setTimeout(r, scaled(1500)));
    peer.stop();
    peer.close();
    const detail = await finished(realtimeOrg.api, callId);
    expect(detail.engine).toBe('realtime');
    expect(
      detail.events.some(
        (e: any) => e.type === 'tool_call' && e.data.name === 'transfer_to_human' && e.data.result?.accepted === false,
      ),
    ).toBe(true);
    expect(detail.outcome).toBe('message');
    expect(rest.callUpdates.some((u) => u.sid === callSid)).toBe(false);
    const leads = (await realtimeOrg.api.get('/api/leads')).body.items.filter((l: any) => l.callId === callId);
    expect(leads.some((l: any) => l.kind === 'message' && /quote/.test(l.need))).toBe(true);
  }, 90_000);
});
