// Invariant: the realtime engine relays caller audio untouched (none lost while the model connects), plays the model's audio paced with marks, greets from cache at once, and on barge-in clears the line, cancels and truncates the model's reply to what was heard.
// The calls run in simulated time against an in-process model (test/fakes/sim-realtime.ts) on a
// simulated phone line: every wait and bound is simulated milliseconds, the same at any load. The
// model's wire (the OpenAI Realtime protocol) is covered by providers/realtime/openai-realtime.test.ts
// and, end to end, by test/integration/phone-realtime.test.ts.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, silence, tone } from '../../audio/index.js';
import { SimulatedScheduler } from '../../lib/index.js';
import { SimRealtimeVoice } from '../../../test/fakes/sim-realtime.js';
import { InstantTts, SimLine, simRecorder } from '../../../test/harness/sim-line.js';
import { GreetingCache, RealtimeCallSession, type RealtimeBrainPort, type SessionTiming } from '../index.js';

const GREETING = 'Acme Plumbing, hello.';
const tts = new InstantTts();
const greetings = new GreetingCache();

beforeAll(async () => {
  await greetings.warm('org-1', tts, GREETING);
});
const open: RealtimeCallSession[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close('test_end');
});

/** A realtime call on a simulated line, started, with its model. */
function call(o: { timing?: Partial<SessionTiming>; openDelayMs?: number } = {}) {
  const clock = new SimulatedScheduler();
  const model = new SimRealtimeVoice(clock);
  model.openDelayMs = o.openDelayMs ?? 0;
  const line = new SimLine(clock);
  const recorder = simRecorder(clock);
  const toolCalls: string[] = [];
  const brain: RealtimeBrainPort = {
    instructions: 'You are the receptionist.',
    greeting: () => GREETING,
    tools: [{ name: 'check_availability', description: 'free slots', parameters: { type: 'object', properties: {} } }],
    callTool: async (name, args) => {
      toolCalls.push(`${name} ${args}`);
      await clock.sleep(1000);
      return JSON.stringify({ slots: ['10:00'] });
    },
  };
  const session = new RealtimeCallSession(
    line,
    { realtime: model, brain, recorder, lineTts: tts, greetings, scheduler: clock },
    { callId: 'rt-1', organizationId: 'org-1', lines: { fillers: ['One moment.'] }, timing: o.timing },
  );
  open.push(session);
  line.attach(session);
  void session.start();
  const rec = recorder.rec;
  const say = async (pcm: Int16Array) => {
    let sent = false;
    void line.say(pcm).then(() => (sent = true));
    await clock.until(() => sent, pcm.length / 8 + 1000);
  };
  const wait = async (cond: () => boolean, ms = 5000) => expect(await clock.until(cond, ms)).toBe(true);
  return { clock, model, line, rec, toolCalls, session, say, wait };
}
const speech = (ms: number) => concatPcm([tone(ms, 220, 8000, 0.3), silence(400)]);

describe('RealtimeCallSession, in simulated time', () => {
  it('greets from cache at once while the model connects, and loses no caller frame meanwhile', async () => {
    const { clock, model, line, rec, wait } = call({ openDelayMs: 400 });
    line.startLine();
    await clock.advance(600); // 30 frames, 20 of them before the model's connection is open
    line.stopLine();
    await wait(() => model.appends === 30, 1000);
    expect(line.media[0].at).toBeLessThan(300);
    expect(rec.events.some((e) => e.name === 'greeting_sent')).toBe(true);
    expect(model.requests).toContainEqual({ type: 'agentText', text: GREETING });
  });

  it('relays a turn: model audio comes back as paced 20 ms frames with marks, and the turn is recorded', async () => {
    const { clock, model, line, rec, say, wait } = call();
    model.transcripts.push('do you have anything tomorrow');
    model.script.push({ text: 'Yes, we have ten in the morning and two in the afternoon.' });
    line.startLine();
    await clock.advance(1600);
    const before = line.media.length;
    await say(speech(500));
    await wait(() => rec.turns.length === 1);
    await wait(() => line.media.length - before >= (11 * 60) / 20);
    const frames = line.media.slice(before);
    expect(frames.every((f) => f.audio.byteLength === 160)).toBe(true);
    // paced: the model's 660 ms of audio arrived in a few ms but leaves at the line's speed
    expect(frames.at(-1)!.at - frames[0].at).toBeGreaterThan(frames.length * 20 - 100);
    expect(line.marksSent.length).toBeGreaterThanOrEqual(2);
    expect(rec.turns[0]).toMatchObject({
      callerText: 'do you have anything tomorrow',
      agentText: 'Yes, we have ten in the morning and two in the afternoon.',
      interrupted: false,
    });
    expect(rec.turns[0].e2eMs).not.toBeNull();
  });

  it('barge-in: clear, response.cancel and truncate to the heard audio', async () => {
    const { clock, model, line, rec, say, wait } = call();
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '); // 2.4 s of audio
    model.transcripts.push('tell me everything', 'stop');
    model.script.push({ text: long }, { text: 'Sure.' });
    line.startLine();
    await clock.advance(1600);
    await say(speech(400));
    const answerAt = clock.ms();
    await wait(() => line.framesAfter(answerAt).length > 20);
    await clock.advance(500);
    const clearsBefore = line.clears.length;
    await say(speech(400));
    await wait(() => line.clears.length > clearsBefore, 3000);
    await wait(() => model.requests.some((r) => r.type === 'truncate'), 2000);
    const tr = model.requests.filter((r) => r.type === 'truncate').at(-1) as { audioEndMs: number };
    expect(tr.audioEndMs).toBeGreaterThan(200);
    expect(tr.audioEndMs).toBeLessThan(2400);
    expect(model.requests.some((r) => r.type === 'cancel')).toBe(true);
    await wait(() => rec.turns.length >= 1, 3000);
    expect(rec.turns[0].interrupted).toBe(true);
  });

  it('a slow tool gets a filler line, then the model continues with the tool result', async () => {
    const { clock, model, line, rec, toolCalls, say, wait } = call();
    model.transcripts.push('anything tomorrow');
    model.script.push(
      { tool: { name: 'check_availability', arguments: '{"day":"tomorrow"}' } },
      { text: 'Ten is free.' },
    );
    line.startLine();
    await clock.advance(1600);
    await say(speech(400));
    await wait(() => rec.events.some((e) => e.name === 'filler'), 3000);
    await wait(() => model.requests.some((r) => r.type === 'toolResult'), 3000);
    expect(toolCalls).toContain('check_availability {"day":"tomorrow"}');
    await wait(() => rec.turns.some((t) => t.agentText === 'Ten is free.'), 3000);
  });
});

describe('RealtimeCallSession: a model socket that stays open and says nothing (simulated time)', () => {
  it('caller speech the model never reacts to: a spoken line and a reconnect; silent again, an apology and a hang-up — never a hung line', async () => {
    const silentMs = 1500;
    const { clock, model, line, rec, say, wait } = call({ timing: { providerSilentMs: silentMs } });
    line.startLine();
    await clock.advance(1600);
    const connectionsBefore = model.connections;
    model.stall = true; // the session stays open but the model never sends another event
    await say(tone(1000, 220, 8000, 0.3));
    const spokeEnd = clock.ms();
    await wait(() => rec.events.some((e) => e.name === 'provider_failure'), silentMs + 3000);
    const failure = rec.events.find((e) => e.name === 'provider_failure')!;
    expect(String(failure.data?.message)).toMatch(/silent/);
    expect(failure.data?.reconnecting).toBe(true);
    // the caller hears a line instead of dead air, within the bound the product promises
    await wait(() => line.framesAfter(spokeEnd).length > 5, 4000);
    const deadAirMs = line.framesAfter(spokeEnd)[0].at - spokeEnd;
    expect(deadAirMs).toBeLessThan(silentMs + 1500);
    await wait(() => model.connections > connectionsBefore, 3000);
    // still silent after the reconnect: the second failure ends the call politely
    await wait(() => line.agentDone(300), 5000);
    await say(tone(1000, 220, 8000, 0.3));
    await wait(() => rec.events.filter((e) => e.name === 'provider_failure').length >= 2, silentMs + 3000);
    await wait(() => line.hungUp !== null, 10_000);
    expect(rec.ended).not.toBeNull();
  });
});
