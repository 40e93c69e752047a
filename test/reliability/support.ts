/** Shared pieces of the fault tests: a phone line on the real Twilio protocols, a live-event listener, timed requests. */
import { expect } from 'vitest';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { openStream, quiet, signedWebhook, tone, until } from '../harness/line.js';
import type { Providers } from '../../src/providers/index.js';
import type { ApiClient } from '../harness/client.js';
export { listenEvents } from '../harness/client.js';

export const TWILIO_TOKEN = 'test-twilio-auth-token';
export const ACCOUNT_SID = 'AC' + '1'.repeat(32);
/** A Tuesday morning in Chicago: the test plumber is open. */
export const OPEN_HOURS = '2026-03-10T15:00:00Z';

/** A random Chicago number for one suite's organization. */
export const randomNumber = () => `+1312555${String(Math.floor(Math.random() * 9000) + 1000)}`;

/** Sends a signed Twilio webhook; answers the response, its body and how long it took. */
export async function webhook(base: string, path: string, form: Record<string, string>) {
  const url = `${base}${path}`;
  const t0 = performance.now();
  const res = await signedWebhook(url, form, TWILIO_TOKEN);
  const text = await res.text();
  return { res, ms: performance.now() - t0, text };
}

/** One caller on the line: the inbound webhook, the media stream, caller speech and what was heard. */
export class PhoneCall {
  peer!: FakeTwilioPeer;
  callId = '';
  /** The longest wait from the end of a caller's sentence to the agent's first audio (dead air). */
  maxDeadAirMs = 0;
  readonly callSid = 'CA' + Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32);
  /** `script` is how the caller's words reach the scripted STT: this process's providers, or a running server's simulator route. */
  constructor(
    private base: string,
    private to: string,
    private script: Providers | ((callId: string, text: string) => Promise<void>),
  ) {}

  /** Rings in; answers the TwiML (a call this node does not take has no stream). */
  async ring(): Promise<string> {
    const { res, text } = await webhook(this.base, '/twilio/voice', {
      CallSid: this.callSid,
      AccountSid: ACCOUNT_SID,
      From: '+13125550142',
      To: this.to,
      CallStatus: 'ringing',
      Direction: 'inbound',
    });
    expect(res.status).toBe(200);
    return text;
  }

  /** Rings in and opens the stream; resolves once the greeting has been spoken. */
  async connect(): Promise<void> {
    const text = await this.ring();
    ({ peer: this.peer, callId: this.callId } = await openStream(text, TWILIO_TOKEN, this.callSid));
    expect(await until(() => this.peer.media.length > 0, 5000)).toBe(true);
    this.peer.startLine();
    await quiet(this.peer);
  }

  /** The caller says `text`; resolves when the agent has answered (and measures the dead air before it). */
  async say(text: string): Promise<void> {
    if (typeof this.script === 'function') await this.script(this.callId, text);
    else this.script.scriptBook.say(this.callId, text);
    await this.peer.say(tone(500));
    const spokeEnd = performance.now();
    const heard = await until(() => this.peer.framesAfter(spokeEnd).length > 10, 10_000);
    expect(heard, `the agent answered "${text}"`).toBe(true);
    this.maxDeadAirMs = Math.max(this.maxDeadAirMs, this.peer.framesAfter(spokeEnd)[0].at - spokeEnd);
    await quiet(this.peer);
  }

  /** The caller hangs up. */
  async hangUp(): Promise<void> {
    this.peer.stop();
    this.peer.close();
    await this.peer.closed;
  }
}

/** Polls the call's detail until it has an outcome (the recorder finished); answers the detail. */
export async function finishedCall(api: ApiClient, callId: string, ms = 10_000): Promise<any> {
  let detail: any;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const r = await api.get(`/api/calls/${callId}`);
    detail = r.body;
    if (r.status === 200 && detail.outcome) return detail;
    await new Promise((res) => setTimeout(res, 100));
  }
  return detail;
}

/** A request with its latency (never waits more than 10 s). */
export async function timed(
  base: string,
  path: string,
  init?: RequestInit,
): Promise<{ status: number; ms: number; body: any }> {
  const t0 = performance.now();
  const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, ms: performance.now() - t0, body };
}

/** A JSON POST with its latency. */
export const timedPost = (base: string, path: string, body: unknown) =>
  timed(base, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Collects unhandled rejections while a fault is on (vitest would fail the run too; this names them). */
export function watchRejections() {
  const seen: unknown[] = [];
  const on = (r: unknown) => seen.push(r);
  process.on('unhandledRejection', on);
  return { seen, stop: () => process.off('unhandledRejection', on) };
}

/** Waits until `cond()` resolves true, polling every 50 ms; answers the last value. */
export async function eventually(cond: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
