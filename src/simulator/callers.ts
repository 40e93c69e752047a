/**
 * The scripted caller on both channels. Text: the chat widget's API (the same entry point as the
 * widget). Phone: a signed Twilio voice webhook, then the Media Streams socket with each line as
 * real-time audio whose meaning the scripted recogniser is told through the simulator route.
 */
import { tone } from '../audio/index.js';
import { twilioSignature } from '../telephony/index.js';
import type { TestOrganization } from './business-block.js';
import { apiClient } from './client.js';
import { MediaStreamClient } from './media-client.js';
import type { CallerLine, Scenario } from './scenario.js';

/** What the caller measured itself; the rest is read from the records. */
export interface CallerRun {
  callId: string;
  /** Per agent reply: ms from the end of the caller's line to the reply (HTTP answer, or first agent audio). */
  latenciesMs: number[];
  /** Phone: how much agent audio arrived over the media stream (ms of 8 kHz μ-law). */
  agentAudioMs?: number;
  /** A transfer the chat channel answered with. */
  transfer: string | null;
  /** Things worth knowing about how the call went (no TwiML stream, agent silent…). */
  notes: string[];
}

const DEFAULT_HANGUP_AFTER = 30;

/** The next thing the caller does: an `answers` reply matching the agent's last words, else the next line. */
function nextLine(
  queue: CallerLine[],
  answers: Record<string, string> | undefined,
  lastAgent: string,
): CallerLine | undefined {
  const tail = lastAgent.slice(-160);
  const hit = Object.entries(answers ?? {}).find(([re]) => new RegExp(re, 'i').test(tail));
  return hit ? hit[1] : queue.shift();
}

/** Plays a text scenario through the chat API; ends the session when the script runs out. */
export async function playText(baseUrl: string, org: TestOrganization, s: Scenario): Promise<CallerRun> {
  // a test chat needs the organization's dashboard token; its `from` then plays caller ID
  const api = apiClient(baseUrl, { token: org.accessToken });
  const session = await api.post<{ id: string; greeting: string }>(
    `/api/chat/${org.chatKey}/sessions`,
    s.caller.from ? { phone: s.caller.from, channel: 'test' } : { channel: 'test' },
  );
  const run: CallerRun = { callId: session.id, latenciesMs: [], transfer: null, notes: [] };
  const queue = [...s.caller.says];
  const limit = s.caller.hangupAfterTurns ?? DEFAULT_HANGUP_AFTER;
  let last = session.greeting;
  let agentTurns = 1;
  let done = false;
  while (!done && agentTurns < limit) {
    const line = nextLine(queue, s.caller.answers, last);
    if (line === undefined) break;
    const text = typeof line === 'string' ? line : 'text' in line ? line.text : null;
    if (text === null) {
      run.notes.push(`text channel: ${JSON.stringify(line)} has no text equivalent, skipped`);
      continue;
    }
    const t0 = performance.now();
    const r = await api.post<{ reply: string; done: boolean; transfer?: string }>(
      `/api/chat/${org.chatKey}/sessions/${session.id}/messages`,
      { text },
    );
    run.latenciesMs.push(Math.round(performance.now() - t0));
    last = r.reply;
    agentTurns++;
    done = r.done;
    if (r.transfer) run.transfer = r.transfer;
  }
  if (!done) await api.post(`/api/chat/${org.chatKey}/sessions/${session.id}/end`).catch(() => undefined);
  return run;
}

/** Roughly how long a line takes to say; the recogniser only needs its energy. */
const speechFor = (text: string) => tone(Math.min(600 + text.length * 10, 1400), 220, 8000, 0.2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `cond` holds or `ms` pass; answers whether it held. */
async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (!cond() && performance.now() < end) await sleep(20);
  return cond();
}

/** Plays a phone scenario over the real Twilio protocols. */
export async function playPhone(
  baseUrl: string,
  org: TestOrganization,
  s: Scenario,
  twilioToken: string,
  simulatorKey?: string,
): Promise<CallerRun> {
  if (!org.phoneNumber) throw new Error('the test organization has no phone number');
  const callSid = 'CA' + Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const form = {
    CallSid: callSid,
    AccountSid: 'AC' + '0'.repeat(32),
    From: s.caller.from ?? '+13125550199',
    To: org.phoneNumber,
    CallStatus: 'ringing',
    Direction: 'inbound',
    ApiVersion: '2010-04-01',
  };
  const twiml = await signedPost(baseUrl, '/twilio/voice', form, twilioToken);
  const streamUrl = twiml.match(/<Stream url="([^"]+)"/)?.[1];
  const params = Object.fromEntries(
    [...twiml.matchAll(/<Parameter name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  if (!streamUrl || !params.callId)
    throw new Error(`the voice webhook answered no media stream: ${twiml.slice(0, 300)}`);
  const run: CallerRun = { callId: params.callId, latenciesMs: [], transfer: null, notes: [] };
  const api = apiClient(baseUrl, {
    token: org.accessToken,
    headers: simulatorKey ? { 'x-simulator-key': simulatorKey } : {},
  });
  const media = new MediaStreamClient(streamUrl, callSid, twilioSignature(twilioToken, streamUrl));
  const started = performance.now();
  try {
    await media.begin(params);
    if (!(await until(() => media.agentFrames.length > 0 || media.isClosed, 5000)))
      run.notes.push('no greeting audio within 5 s');
    await playLines(media, api, s, run);
  } finally {
    if (!media.isClosed) await media.hangup();
    run.agentAudioMs = media.agentAudioMs;
    const duration = String(Math.round((performance.now() - started) / 1000));
    await signedPost(
      baseUrl,
      '/twilio/status',
      { CallSid: callSid, AccountSid: form.AccountSid, CallStatus: 'completed', CallDuration: duration },
      twilioToken,
    ).catch(() => undefined);
  }
  return run;
}

type Api = ReturnType<typeof apiClient>;

/** The agent's recorded turns so far (recorded once each reply has been played). */
async function agentTurns(api: Api, callId: string): Promise<string[]> {
  const call = await api.get<{ turns: Array<{ role: string; text: string }> }>(`/api/calls/${callId}`);
  return call.turns.filter((t) => t.role === 'agent').map((t) => t.text);
}

async function playLines(media: MediaStreamClient, api: Api, s: Scenario, run: CallerRun): Promise<void> {
  const queue = [...s.caller.says];
  const limit = s.caller.hangupAfterTurns ?? DEFAULT_HANGUP_AFTER;
  let heard: string[] = [];
  for (;;) {
    const bargeNext = typeof queue[0] === 'object' && 'bargeIn' in queue[0] && queue[0].bargeIn;
    if (!bargeNext || media.agentFrames.length === 0)
      await until(() => media.isClosed || !media.agentSpeaking(800), 60_000);
    if (media.isClosed) return;
    // the turn is recorded when its last mark comes back: give that a moment to land
    await sleep(150);
    const turns = await agentTurns(api, run.callId);
    if (turns.length > heard.length || !bargeNext) heard = turns;
    if (heard.length >= limit) return;
    const line = nextLine(queue, s.caller.answers, heard[heard.length - 1] ?? '');
    if (line === undefined) return;
    const sentAt = await speak(media, api, run.callId, line);
    if (sentAt === null) continue;
    const replied = await until(() => media.isClosed || media.agentFrames.some((t) => t > sentAt), 10_000);
    const first = media.agentFrames.find((t) => t > sentAt);
    if (first !== undefined) run.latenciesMs.push(Math.round(first - sentAt));
    else if (!replied) run.notes.push(`no agent audio within 10 s after ${JSON.stringify(line)}`);
    const next = queue[0];
    if (typeof next === 'object' && 'bargeIn' in next && next.bargeIn)
      await until(() => media.isClosed || media.agentFrames.some((t) => t > sentAt + 400), 10_000);
  }
}

/** Performs one caller line; answers when its audio ended (null for a silence, which waits itself). */
async function speak(media: MediaStreamClient, api: Api, callId: string, line: CallerLine): Promise<number | null> {
  if (typeof line === 'object' && 'silenceMs' in line) {
    await sleep(line.silenceMs);
    return null;
  }
  if (typeof line === 'object' && 'dtmf' in line) {
    media.dtmf(line.dtmf);
    return performance.now();
  }
  const text = typeof line === 'string' ? line : line.text;
  await api.post(`/api/simulator/calls/${callId}/say`, { texts: [text] });
  await media.say(speechFor(text));
  return performance.now();
}

async function signedPost(baseUrl: string, path: string, form: Record<string, string>, token: string): Promise<string> {
  const url = baseUrl + path;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(token, url, form),
    },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${text.slice(0, 200)}`);
  return text;
}
