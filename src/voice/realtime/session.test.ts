// Invariant: the realtime engine relays caller audio untouched (none lost while the model connects), plays the model's audio paced with marks, greets from cache at once, and on barge-in clears the line, cancels and truncates the model's reply to what was heard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, silence, tone } from '../../audio/index.js';
import { FliteTextToSpeech, OpenAiRealtimeVoice } from '../../providers/index.js';
import { FakeTwilioPeer } from '../../../test/fakes/twilio-media-peer.js';
import { startVoiceServer, type VoiceServer } from '../../../test/fakes/voice-server.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../../test/fakes/openai.js';
import { GreetingCache, RealtimeCallSession, type RealtimeBrainPort } from '../index.js';
import { scaled } from '../../../test/harness/timing.js';

const GREETING = 'Acme Plumbing, hello.';
const flite = new FliteTextToSpeech();
const greetings = new GreetingCache();
let oa: FakeOpenAi;
let server: VoiceServer;
const peers: FakeTwilioPeer[] = [];
const toolCalls: string[] = [];

const brain: RealtimeBrainPort = {
  instructions: 'You are the receptionist.',
  greeting: () => GREETING,
  tools: [{ name: 'check_availability', description: 'free slots', parameters: { type: 'object', properties: {} } }],
  callTool: async (name, args) => {
    toolCalls.push(`${name} ${args}`);
    await new Promise((r) => setTimeout(r, 1000));
    return JSON.stringify({ slots: ['10:00'] });
  },
};

beforeAll(async () => {
  oa = await startFakeOpenAi();
  await greetings.warm('org-1', flite, GREETING);
  const rt = new OpenAiRealtimeVoice({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1` });
  server = await startVoiceServer((callId, sink, recorder) =>
    new RealtimeCallSession(sink, { realtime: rt, brain, recorder, lineTts: flite, greetings }, { callId, orgId: 'org-1', lines: { fillers: ['One moment.'] } }),
  );
});
afterAll(async () => {
  for (const p of peers) p.close();
  await server.close();
  await oa.close();
  await flite.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > scaled(ms)) throw new Error('timed out waiting');
    await sleep(10);
  }
}
let n = 0;
async function call(): Promise<{ peer: FakeTwilioPeer; callId: string; rec: () => NonNullable<ReturnType<VoiceServer['calls']['get']>> }> {
  const callId = `rt-${++n}`;
  const peer = new FakeTwilioPeer(server.url);
  peers.push(peer);
  await peer.begin({ callId });
  return { peer, callId, rec: () => server.calls.get(callId)! };
}
const speech = (ms: number) => concatPcm([tone(ms, 220, 8000, 0.3), silence(400)]);

describe('RealtimeCallSession', () => {
  it('greets from cache at once while the model connects, and loses no caller frame meanwhile', async () => {
    oa.realtimeOpenDelayMs = 400;
    const appendsBefore = oa.realtimeAppends;
    const { peer, rec } = await call();
    await peer.silence(600); // 30 frames, most of them before the upstream socket is open
    oa.realtimeOpenDelayMs = 0;
    await until(() => oa.realtimeAppends - appendsBefore === 30, 2000);
    expect(peer.media[0].at - peer.startSentAt).toBeLessThan(scaled(300));
    expect(rec().events.some((e) => e.name === 'greeting_sent')).toBe(true);
    const greetItem = oa.realtimeEvents.find((e) => e.type === 'conversation.item.create' && JSON.stringify(e).includes(GREETING));
    expect(greetItem).toBeDefined();
  });

  it('relays a turn: model audio comes back as paced 20 ms frames with marks, and the turn is recorded', async () => {
    oa.realtimeTranscripts.push('do you have anything tomorrow');
    oa.realtimeScript.push({ text: 'Yes, we have ten in the morning and two in the afternoon.' });
    const { peer, rec } = await call();
    await peer.silence(1600);
    const before = peer.media.length;
    await peer.speak(speech(500));
    await until(() => rec().turns.length === 1, 5000);
    await until(() => peer.media.length - before >= 11 * 60 / 20, 5000);
    const frames = peer.media.slice(before);
    expect(frames.every((f) => Buffer.from(f.payload, 'base64').length === 160)).toBe(true);
    expect(peer.marksSent.length).toBeGreaterThanOrEqual(2);
    expect(rec().turns[0]).toMatchObject({ callerText: 'do you have anything tomorrow', agentText: 'Yes, we have ten in the morning and two in the afternoon.', interrupted: false });
    expect(rec().turns[0].e2eMs).not.toBeNull();
  });

  it('barge-in: clear, response.cancel and truncate to the heard audio', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '); // 2.4 s of audio
    oa.realtimeTranscripts.push('tell me everything', 'stop');
    oa.realtimeScript.push({ text: long }, { text: 'Sure.' });
    const { peer, rec } = await call();
    await peer.silence(1600);
    await peer.speak(speech(400));
    const clearsBefore = peer.clears.length;
    await until(() => peer.media.length > 120, 5000);
    await sleep(500);
    await peer.speak(speech(400));
    await until(() => peer.clears.length > clearsBefore, 3000);
    await until(() => oa.realtimeEvents.some((e) => e.type === 'conversation.item.truncate'), 2000);
    const tr = oa.realtimeEvents.filter((e) => e.type === 'conversation.item.truncate').at(-1) as { audio_end_ms: number };
    expect(tr.audio_end_ms).toBeGreaterThan(200);
    expect(tr.audio_end_ms).toBeLessThan(scaled(2400));
    expect(oa.realtimeEvents.some((e) => e.type === 'response.cancel')).toBe(true);
    await until(() => rec().turns.length >= 1, 3000);
    expect(rec().turns[0].interrupted).toBe(true);
  });

  it('a slow tool gets a filler line, then the model continues with the tool result', async () => {
    oa.realtimeTranscripts.push('anything tomorrow');
    oa.realtimeScript.push({ tool: { name: 'check_availability', arguments: '{"day":"tomorrow"}' } }, { text: 'Ten is free.' });
    const { peer, rec } = await call();
    await peer.silence(1600);
    await peer.speak(speech(400));
    await until(() => rec().events.some((e) => e.name === 'filler'), 3000);
    await until(() => oa.realtimeEvents.some((e) => e.type === 'conversation.item.create' && (e.item as { type: string }).type === 'function_call_output'), 3000);
    expect(toolCalls).toContain('check_availability {"day":"tomorrow"}');
    await until(() => rec().turns.some((t) => t.agentText === 'Ten is free.'), 3000);
  });
});

describe('RealtimeCallSession: a model socket that stays open and says nothing', () => {
  it('caller speech the model never reacts to: a spoken line and a reconnect; silent again, an apology and a hang-up — never a hung line', async () => {
    // Unscaled: the model is healthy until the stall, and the caller says nothing before it.
    const silentMs = 1500;
    const rt = new OpenAiRealtimeVoice({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1` });
    const silentServer = await startVoiceServer((callId, sink, recorder) =>
      new RealtimeCallSession(sink, { realtime: rt, brain, recorder, lineTts: flite, greetings }, { callId, orgId: 'org-1', timing: { providerSilentMs: silentMs } }),
    );
    const peer = new FakeTwilioPeer(silentServer.url);
    peers.push(peer);
    try {
      await peer.begin({ callId: 'rt-silent' });
      const rec = () => silentServer.calls.get('rt-silent')!;
      await peer.silence(1600);
      const connectionsBefore = oa.realtimeConnections;
      // The socket stays open (pings are answered) but the model never sends another event.
      oa.realtimeStall = true;
      peer.startLine();
      await peer.say(tone(1000, 220, 8000, 0.3));
      const spokeEnd = performance.now();
      expect(await until(() => rec().events.some((e) => e.name === 'provider_failure'), silentMs + 3000).then(() => true, () => false)).toBe(true);
      const failure = rec().events.find((e) => e.name === 'provider_failure')!;
      expect(String(failure.data?.message)).toMatch(/silent/);
      expect(failure.data?.reconnecting).toBe(true);
      // The caller hears a line instead of dead air, within the bound the product promises.
      await until(() => peer.framesAfter(spokeEnd).length > 5, 4000);
      const deadAirMs = peer.framesAfter(spokeEnd)[0].at - spokeEnd;
      expect(deadAirMs).toBeLessThan(silentMs + scaled(1500));
      await until(() => oa.realtimeConnections > connectionsBefore, 3000);
      // Still silent after the reconnect: the second failure ends the call politely.
      await until(() => peer.framesAfter(spokeEnd).length > 0 && performance.now() - peer.media.at(-1)!.at > 300, 5000);
      await peer.say(tone(1000, 220, 8000, 0.3));
      await until(() => rec().events.filter((e) => e.name === 'provider_failure').length >= 2, silentMs + 3000);
      await Promise.race([peer.closed, sleep(scaled(10_000))]);
      expect(peer.closeInfo).toBeTruthy();
      console.log(`[reliability] silent realtime socket (judged silent after ${silentMs} ms): a line after ${deadAirMs.toFixed(0)} ms of dead air, reconnected; silent again: apology and hang-up`);
    } finally {
      oa.realtimeStall = false;
      peer.close();
      await silentServer.close();
    }
  }, scaled(40_000));
});
