/** Helpers for tests that talk on a phone line: caller "speech", waiting, and waiting for the agent to finish. */
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { twilioSignature } from '../../src/telephony/index.js';
import { scaled } from './timing.js';

/** A 220 Hz tone: enough energy for the voice detectors to hear the caller speak. */
export function tone(ms: number): Int16Array {
  const pcm = new Int16Array(ms * 8);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(6000 * Math.sin((2 * Math.PI * 220 * i) / 8000));
  return pcm;
}

/** Polls `cond` until it holds or `ms` (stretched by the machine's load, see timing.ts) pass; answers its last value. */
export async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + scaled(ms);
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
}

/** Waits until the agent has stopped sending audio for `ms` (its reply has been spoken). */
export async function quiet(peer: FakeTwilioPeer, ms = 700): Promise<void> {
  const end = Date.now() + scaled(20_000);
  while (Date.now() < end) {
    const last = peer.media[peer.media.length - 1]?.at ?? 0;
    if (performance.now() - last > ms) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Posts a form to a webhook URL signed as Twilio signs it (X-Twilio-Signature over the URL and the form). */
export function signedWebhook(url: string, form: Record<string, string>, authToken: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(authToken, url, form),
    },
    body: new URLSearchParams(form).toString(),
  });
}

/** Where a TwiML answer opens its media stream, and the custom parameters Twilio sends back in `start`. */
export function streamOf(twiml: string): { url: string; params: Record<string, string> } {
  const url = twiml.match(/<Stream url="([^"]+)"/)?.[1];
  if (!url) throw new Error(`no <Stream> in TwiML: ${twiml}`);
  const params = Object.fromEntries(
    [...twiml.matchAll(/<Parameter name="(\w+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  return { url, params };
}

/** Opens the media stream a TwiML answer points at, as Twilio would (signed upgrade, then `start`). */
export async function openStream(
  twiml: string,
  authToken: string,
  callSid: string,
): Promise<{ peer: FakeTwilioPeer; callId: string }> {
  const { url, params } = streamOf(twiml);
  const peer = new FakeTwilioPeer(url, { headers: { 'x-twilio-signature': twilioSignature(authToken, url) }, callSid });
  await peer.begin(params);
  return { peer, callId: params.callId };
}

/**
 * A fresh Twilio CallSid: `CA` and 32 random hex digits. Twilio never reuses one, and the product
 * answers a webhook for a known CallSid with that call's record, so two test calls must never share one.
 */
export function newCallSid(): string {
  return 'CA' + Array.from({ length: 32 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
}

/** A caller rings the business's number: the signed inbound voice webhook, answered with its TwiML (no stream opened). */
export async function ringWebhook(
  base: string,
  call: { authToken: string; from: string; to: string; callSid?: string },
): Promise<{ twiml: string; callSid: string }> {
  const callSid = call.callSid ?? newCallSid();
  const form = {
    CallSid: callSid,
    AccountSid: 'AC' + '1'.repeat(32),
    From: call.from,
    To: call.to,
    CallStatus: 'ringing',
    Direction: 'inbound',
  };
  const res = await signedWebhook(`${base}/twilio/voice`, form, call.authToken);
  if (res.status !== 200) throw new Error(`voice webhook answered ${res.status}`);
  return { twiml: await res.text(), callSid };
}

/** A caller rings the business's number: the signed inbound voice webhook, then the media stream it answers with. */
export async function ringIn(
  base: string,
  call: { authToken: string; from: string; to: string; callSid?: string },
): Promise<{ peer: FakeTwilioPeer; callId: string; callSid: string }> {
  const { twiml, callSid } = await ringWebhook(base, call);
  return { ...(await openStream(twiml, call.authToken, callSid)), callSid };
}
