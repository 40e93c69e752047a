// Invariant: what the caller hears (media frames, clears, marks) and what is recorded follow the call: fast greeting, streamed replies, barge-in, backchannels, silence, DTMF, fillers and provider failures never leave the caller in silence.
// The calls run in simulated time (test/harness/sim-line.ts): every wait and every bound below is
// simulated milliseconds, so the suite is fast and means the same on an idle laptop and a loaded CI core.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, silence, tone } from '../../audio/index.js';
import { SimulatedScheduler } from '../../lib/index.js';
import {
  DeepgramAuraTextToSpeech,
  DeepgramSpeechToText,
  FallbackSpeechToText,
  ScriptBook,
  ScriptedSpeechToText,
  ProviderError,
  type TextToSpeech,
  type SpeechToText,
  type SttOpen,
  type SttStream,
  AsyncQueue,
  type SttEvent,
  type ProviderSwitch,
} from '../../providers/index.js';
import { FakeTwilioPeer } from '../../../test/fakes/twilio-media-peer.js';
import { startFakeDeepgram, type FakeDeepgram } from '../../../test/fakes/deepgram.js';
import { startVoiceServer, type VoiceServer } from '../../../test/fakes/voice-server.js';
import { InstantTts, SimLine, simRecorder, type SimRecord } from '../../../test/harness/sim-line.js';
import { until } from '../../../test/harness/line.js';
import { scaled } from '../../../test/harness/timing.js';
import {
  CallSession,
  GreetingCache,
  cannedConversation,
  type CannedRule,
  type ConversationPort,
  type SessionTiming,
} from '../index.js';

const tts = new InstantTts();
const offline = new InstantTts('offline.tts');
const book = new ScriptBook();
const greetings = new GreetingCache();
const LONG_GREETING = 'Thanks for calling Acme Plumbing. How can I help you today?';
const GREETING = 'Acme Plumbing, hello.';
// stand-in speech is ~60 ms a word: the middle sentence plays for over a second
const LONG = [
  'Sure, I can help with that.',
  'We have openings on Tuesday morning, Wednesday afternoon and Thursday evening, and on Friday we are open until six.',
  'Which day works best?',
];
const LINES_STT_LOST = "Sorry, I didn't catch that. Could you say it again?";
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
  greeting?: string;
  conversation?: ConversationPort;
  rules?: CannedRule[];
  tts?: TextToSpeech;
  stt?: SpeechToText;
  timing?: Partial<SessionTiming>;
}

const open: CallSession[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close('test_end');
});
beforeAll(async () => {
  await Promise.all([greetings.warm('org-1', tts, GREETING), greetings.warm('org-1', tts, LONG_GREETING)]);
});

let n = 0;
/** A cascade call on a simulated line: the session is started and the caller's line is running. */
function call(s: Setup = {}) {
  const clock = new SimulatedScheduler();
  const line = new SimLine(clock);
  const recorder = simRecorder(clock);
  const callId = `call-${++n}`;
  const conv = cannedConversation(s.greeting ?? GREETING, s.rules ?? [], clock);
  const session = new CallSession(
    line,
    {
      conversation: s.conversation ?? conv,
      providers: {
        stt: s.stt ?? new ScriptedSpeechToText(book, { endpointMs: 250 }),
        tts: s.tts ?? tts,
        fallbackTts: offline,
      },
      recorder,
      greetings,
      scheduler: clock,
    },
    { callId, organizationId: 'org-1', lines: LINES, timing: { silenceMs: 60_000, ...s.timing } },
  );
  open.push(session);
  line.attach(session);
  void session.start();
  line.startLine();
  const rec: SimRecord = recorder.rec;
  /** The caller says `pcm` (queued on the line); resolves once it has all been sent. */
  const say = async (pcm: Int16Array) => {
    let sent = false;
    void line.say(pcm).then(() => (sent = true));
    await clock.until(() => sent, pcm.length / 8 + 1000);
  };
  /** Simulated time runs until `cond` holds; fails past `ms` simulated milliseconds. */
  const wait = async (cond: () => boolean, ms = 10_000) => expect(await clock.until(cond, ms)).toBe(true);
  const agentDone = (quietMs = 300) => wait(() => line.agentDone(quietMs), 20_000);
  return { clock, line, rec, callId, conv, session, say, wait, agentDone };
}

const speech = (ms: number) => concatPcm([tone(ms, 220, 8000, 0.3), silence(20)]);

describe('CallSession (cascade), in simulated time', () => {
  it('speaks the cached greeting: first frame well within 300 ms of start, one mark, recorded', async () => {
    const { line, rec, agentDone } = call({ greeting: LONG_GREETING });
    await agentDone();
    expect(line.media[0].at).toBeLessThan(300);
    expect(line.marksSent).toHaveLength(1);
    // the greeting is ~0.6 s of audio and is paced, not dumped: it takes about as long to send as to play
    const span = line.media.at(-1)!.at - line.media[0].at;
    expect(span).toBeGreaterThan(line.media.length * 20 - 100);
    expect(rec.started).toBe(true);
    expect(rec.turns[0]).toMatchObject({ callerText: '', agentText: LONG_GREETING, interrupted: false });
  });

  it('answers a caller turn sentence by sentence and records its latencies', async () => {
    const { line, callId, rec, clock, say, wait, agentDone } = call({
      rules: [{ when: 'plumber', say: ['Sure.', 'What is your address?'] }],
    });
    await agentDone();
    book.say(callId, 'I need a plumber');
    const before = line.media.length;
    await say(speech(600));
    const speechEnd = clock.ms();
    await wait(() => line.media.length > before);
    await agentDone();
    const reply = line.media.slice(before);
    expect(reply.length).toBeGreaterThan(10);
    expect(line.marksSent).toHaveLength(3); // greeting + one per sentence
    const turn = rec.turns[1];
    expect(turn).toMatchObject({
      callerText: 'I need a plumber',
      agentText: 'Sure. What is your address?',
      interrupted: false,
      heardText: 'Sure. What is your address?',
    });
    for (const k of ['asrMs', 'llmMs', 'ttsMs', 'e2eMs'] as const) expect(turn[k]).not.toBeNull();
    expect(turn.e2eMs!).toBeGreaterThanOrEqual(turn.asrMs!);
    // the STT's endpointing (250 ms of silence) is the wait; the pipeline adds next to nothing
    expect(reply[0].at - speechEnd).toBeLessThan(400);
    expect(rec.events.filter((e) => e.name === 'provider_failure')).toEqual([]);
  });

  it('starts speaking the first sentence before the brain has produced the second', async () => {
    const { line, callId, rec, clock, say, wait, agentDone } = call({
      rules: [{ when: 'hours', say: ['We open at eight.', 'And we close at six.'], sentenceDelayMs: 900 }],
    });
    await agentDone();
    book.say(callId, 'what are your hours');
    const before = line.media.length;
    await say(speech(500));
    const t = clock.ms();
    await wait(() => line.media.length > before);
    const firstFrame = line.media[before].at;
    await wait(() => rec.turns.length === 2);
    // the first sentence is heard ~900 ms after the request (brain delay), the second 900 ms later still
    expect(rec.turns[1].llmMs!).toBeGreaterThan(800);
    expect(rec.turns[1].e2eMs! - rec.turns[1].llmMs!).toBeLessThan(400);
    expect(firstFrame - t).toBeLessThan(1500);
    const second = line.marksSent[2];
    expect(line.marksEchoed.find((m) => m.name === line.marksSent[1])!.at).toBeLessThanOrEqual(
      line.marksEchoed.find((m) => m.name === second)!.at,
    );
  });

  it('barge-in: sustained caller speech clears the line at once, cancels the reply and records what was heard', async () => {
    const { line, callId, rec, clock, conv, say, wait, agentDone } = call({
      rules: [
        { when: 'options', say: LONG },
        { when: 'wait', say: ['Okay, go ahead.'] },
      ],
    });
    await agentDone();
    book.say(callId, 'what are my options', 'actually wait');
    await say(speech(500));
    await wait(() => line.marksEchoed.length >= 2); // the first sentence was heard
    await clock.advance(200);
    const talkStart = clock.ms();
    void line.say(speech(1200));
    await wait(() => line.clears.length === 1, 2000);
    const clearAt = line.clears[0];
    expect(clearAt - talkStart).toBeLessThan(700); // onset 60 ms + barge-in threshold 500 ms + a frame
    expect(clearAt - talkStart).toBeGreaterThanOrEqual(500); // and not on the first syllable
    await wait(() => rec.turns.some((t) => t.callerText === 'actually wait' && !t.interrupted));
    // no agent audio while the caller was still talking after the clear
    expect(line.media.filter((f) => f.at > clearAt && f.at < talkStart + 1200)).toHaveLength(0);
    const cut = rec.turns.find((t) => t.interrupted)!;
    expect(cut.callerText).toBe('what are my options');
    expect(cut.heardText.length).toBeGreaterThan(0);
    expect(cut.agentText.startsWith(cut.heardText)).toBe(true);
    expect(cut.heardText.length).toBeLessThan(LONG.join(' ').length);
    expect(conv.heard).toEqual([cut.heardText]);
    expect(rec.events.some((e) => e.name === 'barge_in')).toBe(true);
  });

  it('backchannels ("mm-hmm") over the agent do not interrupt it', async () => {
    const { line, callId, rec, say, wait, agentDone } = call({ rules: [{ when: 'options', say: LONG }] });
    await agentDone();
    book.say(callId, 'what are my options', 'mm-hmm');
    await say(speech(500));
    await wait(() => line.marksEchoed.length >= 2);
    await say(speech(300));
    await agentDone(500);
    expect(line.clears).toHaveLength(0);
    expect(rec.turns[1]).toMatchObject({ interrupted: false, heardText: LONG.join(' ') });
    expect(rec.events.find((e) => e.name === 'backchannel')?.data).toEqual({ text: 'mm-hmm' });
  });

  it('silence: re-prompts once, then says goodbye and hangs up', async () => {
    const { line, rec, wait } = call({ timing: { silenceMs: 500 } });
    await wait(() => rec.ended !== null);
    const names = rec.events.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['silence_reprompt', 'silence_hangup', 'hangup']));
    expect(rec.turns.map((t) => t.agentText)).toEqual([GREETING, 'Are you still there?', 'Goodbye.']);
    expect(line.hungUp).toBe('silence_hangup');
    // the re-prompt comes after the silence, not before
    const prompt = rec.events.find((e) => e.name === 'silence_reprompt')!;
    expect(prompt.at).toBeGreaterThanOrEqual(500);
  });

  it('DTMF: digits up to # go to the brain as one entry and are answered', async () => {
    const { rec, conv, session, wait, agentDone } = call({
      rules: [{ when: 'dtmf:12', say: ['You pressed twelve.'] }],
    });
    await agentDone();
    for (const d of ['1', '2', '#']) session.onDtmf(d);
    await wait(() => rec.turns.length === 2, 5000);
    expect(conv.inputs).toEqual([{ type: 'dtmf', digits: '12' }]);
    expect(rec.turns[1].agentText).toBe('You pressed twelve.');
    expect(rec.events.filter((e) => e.name === 'dtmf')).toHaveLength(3);
  });

  it('DTMF: a pause between keys ends the entry without #', async () => {
    const { rec, conv, session, clock, wait, agentDone } = call({ rules: [{ when: 'dtmf:7', say: ['Seven.'] }] });
    await agentDone();
    session.onDtmf('7');
    await clock.advance(1000);
    expect(conv.inputs).toEqual([]); // still collecting at 1 s
    await wait(() => rec.turns.length === 2, 3000);
    expect(conv.inputs).toEqual([{ type: 'dtmf', digits: '7' }]);
  });

  it('a slow tool (> 700 ms) fills the gap with a short line instead of dead air', async () => {
    const { line, callId, rec, clock, say, wait, agentDone } = call({
      rules: [{ when: 'tomorrow', toolMs: 1500, say: ['Tomorrow at ten is free.'] }],
    });
    await agentDone();
    book.say(callId, 'anything tomorrow');
    const before = line.media.length;
    await say(speech(500));
    const t = clock.ms();
    await wait(() => rec.events.some((e) => e.name === 'filler'), 3000);
    await wait(() => line.media.length > before);
    expect(line.media[before].at - t).toBeLessThan(1400);
    await wait(() => rec.turns.length === 2);
    expect(rec.turns[1].agentText).toMatch(/Tomorrow at ten is free\.$/);
  });

  it('brain timeout: the caller hears an apology within 2 s of speaking, and a message is taken', async () => {
    const hang: ConversationPort = {
      greet: () => GREETING,
      handle: (_i, signal) => ({
        [Symbol.asyncIterator]: () => ({
          next: () =>
            new Promise((_r, j) =>
              signal.addEventListener('abort', () => j(Object.assign(new Error('aborted'), { name: 'AbortError' }))),
            ),
        }),
      }),
    };
    const { line, callId, rec, clock, say, wait, agentDone } = call({ conversation: hang });
    await agentDone();
    book.say(callId, 'hello is anyone there', 'John Smith five five five one two three four');
    const before = line.media.length;
    await say(speech(500));
    const spoke = clock.ms() - 20;
    await wait(() => line.media.length > before, 3000);
    expect(line.media[before].at - spoke).toBeLessThan(2000);
    expect(rec.events.find((e) => e.name === 'provider_failure')?.data).toMatchObject({ stage: 'llm' });
    await agentDone();
    await say(speech(800));
    await wait(() => rec.ended !== null, 15_000);
    expect(rec.events.find((e) => e.name === 'message_taken')?.data).toEqual({
      text: 'John Smith five five five one two three four',
    });
    expect(rec.turns.at(-1)?.agentText).toMatch(/passed your message on/);
  });

  it('TTS failure: the sentence is spoken by the offline voice and the fallback is recorded', async () => {
    const broken: TextToSpeech = {
      label: 'broken.tts',
      synthesize: () => ({
        [Symbol.asyncIterator]: () => ({
          next: () => Promise.reject(new ProviderError('broken.tts', 'HTTP 503', { status: 503 })),
        }),
      }),
    };
    const { callId, rec, say, wait, agentDone } = call({
      tts: broken,
      rules: [{ when: 'price', say: ['A visit is ninety dollars.'] }],
    });
    await agentDone();
    book.say(callId, 'what is the price');
    await say(speech(500));
    await wait(() => rec.turns.length === 2, 5000);
    expect(rec.turns[1].agentText).toBe('A visit is ninety dollars.');
    expect(rec.events.some((e) => e.name === 'provider_fallback' && e.data?.from === 'broken.tts')).toBe(true);
  });

  it('STT failure mid-call: apology, then a polite hang-up', async () => {
    const q = new AsyncQueue<SttEvent>();
    const stt: SpeechToText = {
      label: 'dying.stt',
      caps: { interim: false, endpointing: true },
      open: () => ({
        push() {},
        finalize() {},
        close: async () => q.end(),
        [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](),
      }),
    };
    const { line, rec, wait, agentDone } = call({ stt });
    await agentDone();
    const before = line.media.length;
    q.push({ type: 'error', error: new ProviderError('dying.stt', 'socket closed') });
    await wait(() => line.media.length > before, 2000);
    await wait(() => rec.ended !== null, 15_000);
    expect(rec.events.find((e) => e.name === 'provider_failure')?.data).toMatchObject({ stage: 'stt' });
    expect(rec.turns.at(-1)?.agentText).toBe(LINES.apologyCantHear);
    expect(line.hungUp).toBe('stt_failure');
  });

  it('ends the call politely at the maximum call length', async () => {
    const { line, rec, wait } = call({ timing: { maxCallMs: 1200 } });
    await wait(() => rec.ended !== null, 15_000);
    expect(rec.events.map((e) => e.name)).toContain('max_duration');
    expect(rec.events.find((e) => e.name === 'max_duration')!.at).toBe(1200);
    expect(rec.turns.at(-1)?.agentText).toMatch(/Time limit/);
    expect(line.hungUp).toBe('max_duration');
  });
});

/** Scripted STT whose sockets can go silent: while `stalled`, every open socket takes audio and says nothing. */
class StallableStt implements SpeechToText {
  stalled = false;
  opens = 0;
  readonly caps;
  private readonly inner: SpeechToText;
  constructor(readonly label: string) {
    this.inner = new ScriptedSpeechToText(book, { endpointMs: 250 });
    this.caps = this.inner.caps;
  }
  open(o: SttOpen): SttStream {
    this.opens++;
    const s = this.inner.open(o);
    const q = new AsyncQueue<SttEvent>();
    void (async () => {
      for await (const ev of s) if (!this.stalled) q.push(ev);
      q.end();
    })();
    return {
      push: (f) => s.push(f),
      finalize: () => s.finalize(),
      close: async () => (await s.close(), q.end()),
      [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](),
    };
  }
}

/** Scripted STT whose own voice detection starts a frame early: once armed, the next frame it gets (silence) starts speech. */
class EarlyStartStt implements SpeechToText {
  readonly label = 'early.stt';
  armed = false;
  private readonly inner = new ScriptedSpeechToText(book, { endpointMs: 250 });
  readonly caps = this.inner.caps;
  open(o: SttOpen): SttStream {
    const s = this.inner.open(o);
    const q = new AsyncQueue<SttEvent>();
    let early = false;
    void (async () => {
      for await (const ev of s) if (!(early && ev.type === 'speechStarted')) q.push(ev);
      q.end();
    })();
    return {
      push: (f) => {
        if (this.armed) {
          this.armed = false;
          early = true;
          q.push({ type: 'speechStarted' });
        }
        s.push(f);
      },
      finalize: () => s.finalize(),
      close: async () => (await s.close(), q.end()),
      [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](),
    };
  }
}

/** Longest stretch (simulated ms) between the caller's last voiced audio before `from` and the next agent frame, over the call. */
function deadAirAfter(line: SimLine, speechEnd: number): number {
  const next = line.framesAfter(speechEnd)[0];
  return next ? next.at - speechEnd : Infinity;
}

describe('CallSession (cascade): a speech-to-text socket that stays open and says nothing (simulated time)', () => {
  it('caller speech the recogniser never reacts to: a line within 1.5 s, a fresh socket, and the call goes on', async () => {
    const stt = new StallableStt('stuck.stt');
    const { line, callId, rec, clock, say, wait, agentDone } = call({
      stt,
      rules: [{ when: 'plumber', say: ['Sure, a plumber it is.'] }],
    });
    await agentDone();
    stt.stalled = true;
    const talkStart = clock.ms();
    await say(speech(1000));
    const spokeEnd = clock.ms();
    await wait(() => rec.events.some((e) => e.name === 'provider_failure'), 3000);
    const failure = rec.events.find((e) => e.name === 'provider_failure')!;
    expect(failure.data).toMatchObject({ stage: 'stt', reconnecting: true });
    expect(String(failure.data?.message)).toMatch(/silent for \d+ ms after caller speech/);
    expect(failure.at - talkStart).toBeLessThanOrEqual(1500 + 40); // judged from the start of the speech it never reacted to
    await wait(() => line.framesAfter(spokeEnd).length > 0, 3000);
    expect(deadAirAfter(line, spokeEnd)).toBeLessThan(1000); // 1.5 s after the caller began, not after they stopped
    expect(stt.opens).toBe(2); // a fresh socket
    await agentDone();
    expect(rec.turns.at(-1)?.agentText).toBe(LINES_STT_LOST);
    // the new socket works: the caller says it again and is answered
    stt.stalled = false;
    book.say(callId, 'I need a plumber');
    await say(speech(600));
    await wait(() =>
      rec.turns.some((t) => t.callerText === 'I need a plumber' && t.agentText === 'Sure, a plumber it is.'),
    );
    expect(rec.events.filter((e) => e.name === 'provider_failure')).toHaveLength(1);
  });

  it('silent again after the reconnect: an apology and a polite hang-up — never more than 3 s of dead air', async () => {
    const stt = new StallableStt('stuck.stt');
    const { line, rec, clock, say, wait, agentDone } = call({ stt });
    await agentDone();
    stt.stalled = true;
    await say(speech(1000));
    const firstEnd = clock.ms();
    await wait(() => line.framesAfter(firstEnd).length > 0, 3000);
    await agentDone();
    await say(speech(1000));
    const secondEnd = clock.ms();
    await wait(() => rec.ended !== null, 15_000);
    expect(deadAirAfter(line, firstEnd)).toBeLessThan(3000);
    expect(deadAirAfter(line, secondEnd)).toBeLessThan(3000);
    expect(rec.events.filter((e) => e.name === 'provider_failure').map((e) => e.data?.reconnecting ?? false)).toEqual([
      true,
      false,
    ]);
    expect(rec.turns.at(-1)?.agentText).toBe(LINES.apologyCantHear);
    expect(line.hungUp).toBe('stt_failure');
  });

  it('in an organization’s chain of recognisers: the stuck vendor is reopened once, then the next one takes the call', async () => {
    const stuck = new StallableStt('stuck.stt');
    const good = new StallableStt('good.stt');
    const switches: ProviderSwitch[] = [];
    stuck.stalled = true;
    const chain = new FallbackSpeechToText([stuck, good], undefined, (x) => switches.push(x));
    const { line, callId, rec, clock, say, wait, agentDone } = call({
      stt: chain,
      rules: [{ when: 'boiler', say: ['I can book a boiler service.'] }],
    });
    await agentDone();
    for (const _ of [1, 2]) {
      await say(speech(1000));
      const end = clock.ms();
      await wait(() => line.framesAfter(end).length > 0, 3000);
      expect(deadAirAfter(line, end)).toBeLessThan(1000);
      await agentDone();
    }
    expect([stuck.opens, good.opens]).toEqual([2, 1]);
    expect(switches).toEqual([expect.objectContaining({ stage: 'stt', from: 'stuck.stt', to: 'good.stt' })]);
    book.say(callId, 'my boiler is broken');
    await say(speech(600));
    await wait(() => rec.turns.some((t) => t.agentText === 'I can book a boiler service.'));
    expect(rec.ended).toBeNull();
  });

  it('a long utterance whose start the recogniser heard a moment before our own detection: not a silent socket', async () => {
    // Its own voice detection fires on the breath before the word (a few ms before ours), and without
    // interim results it says nothing more until the caller stops: before, judged silent 2.1 s in.
    const stt = new EarlyStartStt();
    const { callId, rec, say, wait, agentDone } = call({
      stt,
      rules: [{ when: 'sink', say: ['I can help with that.'] }],
    });
    await agentDone();
    for (const text of ['my kitchen sink drains slowly and has done for a week', 'and the sink in the bathroom too']) {
      book.say(callId, text);
      stt.armed = true;
      await say(concatPcm([silence(40), speech(3500)]));
      await wait(() => rec.turns.some((t) => t.callerText === text && t.agentText === 'I can help with that.'), 6000);
      await agentDone();
    }
    expect(rec.events.filter((e) => e.name === 'provider_failure')).toEqual([]);
  });

  it('a long utterance the recogniser acknowledged at its start is not mistaken for a silent socket', async () => {
    const { callId, rec, say, wait, agentDone } = call({ rules: [{ when: 'story', say: ['I see.'] }] });
    await agentDone();
    book.say(callId, 'let me tell you the whole story');
    await say(speech(4000));
    await wait(() => rec.turns.length === 2);
    expect(rec.events.filter((e) => e.name === 'provider_failure')).toEqual([]);
  });
});

// Real sockets (the Deepgram fakes and a Media Streams server) run on real time: this one checks the wire, not timing.
describe('CallSession (cascade) over real provider sockets', () => {
  let server: VoiceServer;
  let dg: FakeDeepgram;
  const peers: FakeTwilioPeer[] = [];
  const conv = cannedConversation(GREETING, [{ when: 'leaking', say: ['I can send someone today.'] }]);
  beforeAll(async () => {
    dg = await startFakeDeepgram();
    server = await startVoiceServer(
      (callId, sink, recorder) =>
        new CallSession(
          sink,
          {
            conversation: conv,
            providers: {
              stt: new DeepgramSpeechToText({ apiKey: dg.apiKey, baseUrl: dg.url }),
              tts: new DeepgramAuraTextToSpeech({ apiKey: dg.apiKey, baseUrl: dg.url }),
              fallbackTts: offline,
            },
            recorder,
            greetings,
          },
          { callId, organizationId: 'org-1', lines: LINES, timing: { silenceMs: 60_000 } },
        ),
    );
  });
  afterAll(async () => {
    for (const p of peers) p.close();
    await server?.close();
    await dg?.close();
  });

  it('runs over Deepgram live STT and Aura TTS (fake servers): the caller’s words reach the brain and the reply is spoken in μ-law', async () => {
    dg.transcripts.push('my water heater is leaking');
    const peer = new FakeTwilioPeer(server.url);
    peers.push(peer);
    await peer.begin({ callId: 'dg-1' });
    peer.startLine();
    const rec = () => server.calls.get('dg-1');
    expect(await until(() => peer.media.length > 0 && peer.marksEchoed.length >= 1, 8000)).toBe(true);
    await peer.say(speech(600));
    expect(await until(() => rec()?.turns.length === 2, 8000)).toBe(true);
    expect(conv.inputs).toEqual([{ type: 'speech', text: 'my water heater is leaking' }]);
    expect(rec()!.turns[1]).toMatchObject({
      callerText: 'my water heater is leaking',
      agentText: 'I can send someone today.',
      interrupted: false,
    });
    expect(dg.speakRequests.map((r) => r.text)).toContain('I can send someone today.');
  });

  it('a Deepgram live socket that stays open but goes silent: a spoken line, a fresh socket, and the caller is answered again', async () => {
    const peer = new FakeTwilioPeer(server.url);
    peers.push(peer);
    await peer.begin({ callId: 'dg-2' });
    peer.startLine();
    const rec = () => server.calls.get('dg-2');
    const agentQuiet = () =>
      peer.media.length > 0 &&
      peer.marksEchoed.length >= peer.marksSent.length &&
      performance.now() - peer.media.at(-1)!.at > 300;
    expect(await until(agentQuiet, 8000)).toBe(true);
    const sockets = dg.listenConnections;
    dg.listenStall = true; // the socket stays open and answers pings, but no result comes back
    try {
      await peer.say(speech(1000));
      const spokeEnd = performance.now();
      expect(await until(() => Boolean(rec()?.events.some((e) => e.name === 'provider_failure')), 4000)).toBe(true);
      expect(rec()!.events.find((e) => e.name === 'provider_failure')!.data).toMatchObject({
        stage: 'stt',
        reconnecting: true,
      });
      expect(await until(() => peer.framesAfter(spokeEnd).length > 0, 4000)).toBe(true);
      const deadAirMs = peer.framesAfter(spokeEnd)[0].at - spokeEnd;
      expect(deadAirMs).toBeLessThan(scaled(3000));
      expect(await until(() => dg.listenConnections === sockets + 1, 4000)).toBe(true);
      console.log(
        `[reliability] silent Deepgram socket: a line ${deadAirMs.toFixed(0)} ms after the caller stopped (judged silent 1.5 s after they began), new socket opened`,
      );
    } finally {
      dg.listenStall = false;
    }
    expect(await until(agentQuiet, 8000)).toBe(true);
    dg.transcripts.push('my water heater is leaking');
    await peer.say(speech(600));
    expect(
      await until(
        () =>
          Boolean(
            rec()?.turns.some(
              (t) => t.callerText === 'my water heater is leaking' && t.agentText === 'I can send someone today.',
            ),
          ),
        8000,
      ),
    ).toBe(true);
  });
});
