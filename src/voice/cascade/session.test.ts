// Invariant: what the caller hears (media frames, clears, marks) and what is recorded follow the call: fast greeting, streamed replies, barge-in, backchannels, silence, DTMF, fillers and provider failures never leave the caller in silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, silence, tone } from '../../audio/index.js';
import { DeepgramAuraTextToSpeech, DeepgramSpeechToText, FliteTextToSpeech, ScriptBook, ScriptedSpeechToText, ProviderError, type TextToSpeech, type SpeechToText, AsyncQueue, type SttEvent } from '../../providers/index.js';
import { FakeTwilioPeer } from '../../../test/fakes/twilio-media-peer.js';
import { startFakeDeepgram, type FakeDeepgram } from '../../../test/fakes/deepgram.js';
import { startVoiceServer, type VoiceServer } from '../../../test/fakes/voice-server.js';
import { CallSession, GreetingCache, cannedConversation, type CannedRule, type ConversationPort, type SessionTiming } from '../index.js';
import { scaled } from '../../../test/harness/timing.js';

const flite = new FliteTextToSpeech();
const book = new ScriptBook();
const greetings = new GreetingCache();
const LONG_GREETING = 'Thanks for calling Acme Plumbing. How can I help you today?';
const GREETING = 'Acme Plumbing, hello.';
const LONG = ['Sure, I can help with that.', 'We have openings on Tuesday morning and Wednesday afternoon.', 'Which day works best?'];
// short fixed lines keep the suite fast: every line is played in real time
const LINES = {
  fillers: ['One moment.'],
  reprompt: 'Are you still there?',
  silenceGoodbye: 'Goodbye.',
  maxDuration: 'Time limit reached. Goodbye.',
  apologyTakeMessage: 'Sorry, trouble on my end. Your name and number?',
  apologyCantHear: 'Sorry, trouble hearing you. Goodbye.',
  messageThanks: 'Thanks, I passed your message on. Goodbye.',
};

interface Setup {
  conversation?: ConversationPort;
  rules?: CannedRule[];
  tts?: TextToSpeech;
  stt?: SpeechToText;
  timing?: Partial<SessionTiming>;
}
const setups = new Map<string, Setup>();
const peers: FakeTwilioPeer[] = [];
let server: VoiceServer;
let dg: FakeDeepgram;
let n = 0;

beforeAll(async () => {
  dg = await startFakeDeepgram();
  await Promise.all([greetings.warm('org-1', flite, GREETING), greetings.warm('org-1', flite, LONG_GREETING)]);
  server = await startVoiceServer((callId, sink, recorder) => {
    const setup = setups.get(callId) ?? {};
    return new CallSession(sink, {
      conversation: setup.conversation ?? cannedConversation(GREETING, setup.rules ?? []),
      providers: { stt: setup.stt ?? new ScriptedSpeechToText(book, { endpointMs: 250 }), tts: setup.tts ?? flite, fallbackTts: flite },
      recorder,
      greetings,
    }, { callId, orgId: 'org-1', lines: LINES, timing: { silenceMs: 60_000, ...setup.timing } });
  });
});
afterAll(async () => {
  for (const p of peers) p.close();
  await dg.close();
  await server.close();
  await flite.close();
});

const speech = (ms: number) => concatPcm([tone(ms, 220, 8000, 0.3), silence(20)]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  const ok = () => {
    try {
      return cond();
    } catch {
      return false;
    }
  };
  while (!ok()) {
    if (Date.now() - t0 > scaled(ms)) throw new Error('timed out waiting');
    await sleep(10);
  }
}

async function call(s: Setup = {}): Promise<{ peer: FakeTwilioPeer; callId: string; rec: () => NonNullable<ReturnType<VoiceServer['calls']['get']>> }> {
  const callId = `call-${++n}`;
  setups.set(callId, s);
  const peer = new FakeTwilioPeer(server.url);
  peers.push(peer);
  await peer.begin({ callId });
  peer.startLine();
  return { peer, callId, rec: () => server.calls.get(callId)! };
}

/** Waits until the agent has finished speaking (marks echoed, no frames for a while). */
async function agentDone(p: FakeTwilioPeer, quietMs = 300): Promise<void> {
  await until(() => p.media.length > 0 && performance.now() - p.media.at(-1)!.at > quietMs && p.marksEchoed.length >= p.marksSent.length, 15_000);
}

// calls are independent and mostly wait on real-time audio, so they run side by side
describe.concurrent('CallSession (cascade)', () => {
  it('speaks the cached greeting: first frame well within 300 ms of start, one mark, recorded', async () => {
    const { peer, rec } = await call({ conversation: cannedConversation(LONG_GREETING) });
    await until(() => peer.media.length > 0);
    expect(peer.media[0].at - peer.startSentAt).toBeLessThan(scaled(300));
    await agentDone(peer);
    expect(peer.marksSent).toHaveLength(1);
    // the greeting is ~3 s of audio and is paced, not dumped: it takes about as long to arrive as to play
    const span = peer.media.at(-1)!.at - peer.media[0].at;
    expect(span).toBeGreaterThan(peer.media.length * 20 - 200);
    expect(rec().started).toBe(true);
    expect(rec().turns[0]).toMatchObject({ callerText: '', agentText: LONG_GREETING, interrupted: false });
  });

  it('runs over Deepgram live STT and Aura TTS (fake servers): the caller’s words reach the brain and the reply is spoken in μ-law', async () => {
    const conv = cannedConversation(GREETING, [{ when: 'leaking', say: ['I can send someone today.'] }]);
    dg.transcripts.push('my water heater is leaking');
    const { peer, rec } = await call({ conversation: conv, stt: new DeepgramSpeechToText({ apiKey: dg.apiKey, baseUrl: dg.url }), tts: new DeepgramAuraTextToSpeech({ apiKey: dg.apiKey, baseUrl: dg.url }) });
    await agentDone(peer);
    await peer.say(speech(600));
    await until(() => rec().turns.length === 2, 8000);
    expect(conv.inputs).toEqual([{ type: 'speech', text: 'my water heater is leaking' }]);
    expect(rec().turns[1]).toMatchObject({ callerText: 'my water heater is leaking', agentText: 'I can send someone today.', interrupted: false });
    expect(dg.speakRequests.map((r) => r.text)).toContain('I can send someone today.');
  });

  it('answers a caller turn sentence by sentence and records its latencies', async () => {
    const { peer, callId, rec } = await call({ rules: [{ when: 'plumber', say: ['Sure.', 'What is your address?'] }] });
    await agentDone(peer);
    book.say(callId, 'I need a plumber');
    const before = peer.media.length;
    await peer.say(speech(600));
    const speechEnd = performance.now();
    await until(() => peer.media.length > before);
    await agentDone(peer);
    const reply = peer.media.slice(before);
    expect(reply.length).toBeGreaterThan(20);
    expect(peer.marksSent).toHaveLength(3); // greeting + one per sentence
    const turn = rec().turns[1];
    expect(turn).toMatchObject({ callerText: 'I need a plumber', agentText: 'Sure. What is your address?', interrupted: false, heardText: 'Sure. What is your address?' });
    for (const k of ['asrMs', 'llmMs', 'ttsMs', 'e2eMs'] as const) expect(turn[k]).not.toBeNull();
    expect(turn.e2eMs!).toBeGreaterThanOrEqual(turn.asrMs!);
    expect(reply[0].at - speechEnd).toBeLessThan(scaled(1000));
  });

  it('starts speaking the first sentence before the brain has produced the second', async () => {
    const { peer, callId, rec } = await call({ rules: [{ when: 'hours', say: ['We open at eight.', 'And we close at six.'], sentenceDelayMs: 900 }] });
    await agentDone(peer);
    book.say(callId, 'what are your hours');
    const before = peer.media.length;
    await peer.say(speech(500));
    const t = performance.now();
    await until(() => peer.media.length > before);
    // first sentence arrives ~900 ms after the request (brain delay), the second 900 ms later still
    await until(() => rec().turns.length === 2, 10_000);
    expect(rec().turns[1].llmMs!).toBeGreaterThan(800);
    expect(rec().turns[1].e2eMs! - rec().turns[1].llmMs!).toBeLessThan(scaled(900));
    expect(peer.media[before].at - t).toBeLessThan(scaled(1700));
  });

  it('barge-in: sustained caller speech clears the line at once, cancels the reply and records what was heard', async () => {
    const conv = cannedConversation(GREETING, [{ when: 'options', say: LONG }, { when: 'wait', say: ['Okay, go ahead.'] }]);
    const { peer, callId, rec } = await call({ conversation: conv });
    await agentDone(peer);
    book.say(callId, 'what are my options', 'actually wait');
    await peer.say(speech(500));
    await until(() => rec().turns.length >= 1 && peer.media.length > 0 && peer.marksEchoed.length >= 2, 10_000); // first sentence heard
    await sleep(600);
    const talkStart = performance.now();
    await peer.say(speech(1200));
    await until(() => peer.clears.length === 1);
    const clearAt = peer.clears[0];
    expect(clearAt - talkStart).toBeLessThan(scaled(800)); // onset 60 ms + barge-in threshold 500 ms + a frame
    // no agent audio while the caller is still talking after the clear
    const leaked = peer.media.filter((f) => f.at > clearAt + 20 && f.at < clearAt + 400);
    expect(leaked).toHaveLength(0);
    await until(() => rec().turns.some((t) => t.callerText === 'actually wait' && !t.interrupted), 10_000);
    const cut = rec().turns.find((t) => t.interrupted)!;
    expect(cut.callerText).toBe('what are my options');
    expect(cut.heardText.length).toBeGreaterThan(0);
    expect(cut.agentText.startsWith(cut.heardText)).toBe(true);
    expect(cut.heardText.length).toBeLessThan(LONG.join(' ').length);
    expect(conv.heard).toEqual([cut.heardText]);
    expect(rec().events.some((e) => e.name === 'barge_in')).toBe(true);
  });

  it('backchannels ("mm-hmm") over the agent do not interrupt it', async () => {
    const { peer, callId, rec } = await call({ rules: [{ when: 'options', say: LONG }] });
    await agentDone(peer);
    book.say(callId, 'what are my options', 'mm-hmm');
    await peer.say(speech(500));
    await until(() => peer.marksEchoed.length >= 2, 10_000);
    await peer.say(speech(300));
    await agentDone(peer, 500);
    expect(peer.clears).toHaveLength(0);
    expect(rec().turns[1]).toMatchObject({ interrupted: false, heardText: LONG.join(' ') });
    expect(rec().events.find((e) => e.name === 'backchannel')?.data).toEqual({ text: 'mm-hmm' });
  });

  it('silence: re-prompts once, then says goodbye and hangs up', async () => {
    const { peer, rec } = await call({ timing: { silenceMs: 500 } });
    await peer.closed.then(() => undefined, () => undefined);
    await until(() => rec().ended !== null);
    const names = rec().events.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['silence_reprompt', 'silence_hangup', 'hangup']));
    expect(rec().turns.map((t) => t.agentText)).toEqual([GREETING, 'Are you still there?', 'Goodbye.']);
    await until(() => peer.closeInfo !== null); // the record can end a moment before the close frame lands
    expect(peer.closeInfo?.code).toBe(1000);
  });

  it('DTMF: digits up to # go to the brain as one entry and are answered', async () => {
    const conv = cannedConversation(GREETING, [{ when: 'dtmf:12', say: ['You pressed twelve.'] }]);
    const { peer, rec } = await call({ conversation: conv });
    await agentDone(peer);
    for (const d of ['1', '2', '#']) peer.sendDtmf(d);
    await until(() => rec().turns.length === 2, 5000);
    expect(conv.inputs).toEqual([{ type: 'dtmf', digits: '12' }]);
    expect(rec().turns[1].agentText).toBe('You pressed twelve.');
    expect(rec().events.filter((e) => e.name === 'dtmf')).toHaveLength(3);
  });

  it('a slow tool (> 700 ms) fills the gap with a short line instead of dead air', async () => {
    const { peer, callId, rec } = await call({ rules: [{ when: 'tomorrow', toolMs: 1500, say: ['Tomorrow at ten is free.'] }] });
    await agentDone(peer);
    book.say(callId, 'anything tomorrow');
    const before = peer.media.length;
    await peer.say(speech(500));
    const t = performance.now();
    await until(() => rec().events.some((e) => e.name === 'filler'), 3000);
    await until(() => peer.media.length > before);
    expect(peer.media[before].at - t).toBeLessThan(scaled(1400));
    await until(() => rec().turns.length === 2, 10_000);
    expect(rec().turns[1].agentText).toMatch(/Tomorrow at ten is free\.$/);
  });

  it('brain timeout: the caller hears an apology within 2 s of speaking, and a message is taken', async () => {
    const hang: ConversationPort = {
      greet: () => GREETING,
      handle: (_i, signal) => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise((_r, j) => signal.addEventListener('abort', () => j(Object.assign(new Error('aborted'), { name: 'AbortError' })))) }) }),
    };
    const { peer, callId, rec } = await call({ conversation: hang });
    await agentDone(peer);
    book.say(callId, 'hello is anyone there', 'John Smith five five five one two three four');
    const before = peer.media.length;
    await peer.say(speech(500));
    const spoke = performance.now() - 20;
    await until(() => peer.media.length > before, 3000);
    expect(peer.media[before].at - spoke).toBeLessThan(scaled(2000));
    expect(rec().events.find((e) => e.name === 'provider_failure')?.data).toMatchObject({ stage: 'llm' });
    await agentDone(peer);
    await peer.say(speech(800));
    await until(() => rec().ended !== null, 15_000);
    expect(rec().events.find((e) => e.name === 'message_taken')?.data).toEqual({ text: 'John Smith five five five one two three four' });
    expect(rec().turns.at(-1)?.agentText).toMatch(/passed your message on/);
  });

  it('TTS failure: the sentence is spoken by the offline voice and the fallback is recorded', async () => {
    const broken: TextToSpeech = { label: 'broken.tts', synthesize: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new ProviderError('broken.tts', 'HTTP 503', { status: 503 })) }) }) };
    const { peer, callId, rec } = await call({ tts: broken, rules: [{ when: 'price', say: ['A visit is ninety dollars.'] }] });
    await agentDone(peer);
    book.say(callId, 'what is the price');
    await peer.say(speech(500));
    await until(() => rec().turns.length === 2, 5000);
    expect(rec().turns[1].agentText).toBe('A visit is ninety dollars.');
    expect(rec().events.some((e) => e.name === 'provider_fallback' && e.data?.from === 'broken.tts')).toBe(true);
  });

  it('STT failure mid-call: apology, then a polite hang-up', async () => {
    const q = new AsyncQueue<SttEvent>();
    const stt: SpeechToText = { label: 'dying.stt', caps: { interim: false, endpointing: true }, open: () => ({ push() {}, finalize() {}, close: async () => q.end(), [Symbol.asyncIterator]: () => q[Symbol.asyncIterator]() }) };
    const { peer, rec } = await call({ stt });
    await agentDone(peer);
    const before = peer.media.length;
    q.push({ type: 'error', error: new ProviderError('dying.stt', 'socket closed') });
    await until(() => peer.media.length > before, 2000);
    await until(() => rec().ended !== null, 15_000);
    expect(rec().events.find((e) => e.name === 'provider_failure')?.data).toMatchObject({ stage: 'stt' });
    expect(rec().turns.at(-1)?.agentText).toBe(LINES.apologyCantHear);
    await until(() => peer.closeInfo !== null); // the record can end a moment before the close frame lands
    expect(peer.closeInfo?.code).toBe(1000);
  });

  it('ends the call politely at the maximum call length', async () => {
    const { peer, rec } = await call({ timing: { maxCallMs: 1200 } });
    await until(() => rec().ended !== null, 15_000);
    expect(rec().events.map((e) => e.name)).toContain('max_duration');
    expect(rec().turns.at(-1)?.agentText).toMatch(/Time limit/);
    await until(() => peer.closeInfo !== null); // the record can end a moment before the close frame lands
    expect(peer.closeInfo?.code).toBe(1000);
  });
});
