/** The Twilio REST calls telephony needs: update a live call (transfer), place a call, send an SMS. */
import { twilioAccountUrl, twilioAuthorization, twilioPost, type TwilioAccount } from '../../lib/index.js';

/** The account telephony acts as (lib's one Twilio REST client). */
export type TwilioCredentials = TwilioAccount;

/** Replaces a live call's TwiML (how a call is transferred: `<Dial>` by updating the call). */
export const updateCallTwiml = (c: TwilioCredentials, callSid: string, twiml: string) =>
  twilioPost(c, `Calls/${encodeURIComponent(callSid)}.json`, { Twiml: twiml });

/** Sends an SMS. */
export const sendSms = (c: TwilioCredentials, to: string, from: string, body: string) =>
  twilioPost(c, 'Messages.json', { To: to, From: from, Body: body });

/** Where Twilio reports on an outbound call the agent places. */
export interface OutboundCallbacks {
  status: string;
  amd: string;
}

/**
 * Places a call the agent makes: the media stream starts as soon as the callee answers, while
 * asynchronous answering-machine detection (DetectMessageEnd: the verdict comes after the greeting's
 * beep) reports to `callbacks.amd`, so a person never waits for detection and a machine gets its message.
 */
export async function placeStreamCall(
  c: TwilioCredentials,
  to: string,
  from: string,
  twiml: string,
  callbacks: OutboundCallbacks,
): Promise<{ callSid: string }> {
  const r = await twilioPost(c, 'Calls.json', {
    To: to,
    From: from,
    Twiml: twiml,
    StatusCallback: callbacks.status,
    StatusCallbackMethod: 'POST',
    StatusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    MachineDetection: 'DetectMessageEnd',
    AsyncAmd: 'true',
    AsyncAmdStatusCallback: callbacks.amd,
    AsyncAmdStatusCallbackMethod: 'POST',
  });
  return { callSid: String(r.sid) };
}

const recordingPath = (c: TwilioCredentials, sid: string, ext: string) =>
  twilioAccountUrl(c, `Recordings/${encodeURIComponent(sid)}.${ext}`);

/**
 * Fetches a recording's audio as MP3 (dual-channel recordings asked for both channels, caller and
 * agent apart). The address is built from the recording's id and our account, never taken from a callback.
 */
export async function fetchRecordingAudio(
  c: TwilioCredentials,
  recordingSid: string,
  channels: number | null,
  signal?: AbortSignal,
): Promise<Response> {
  const url = recordingPath(c, recordingSid, 'mp3') + (channels === 2 ? '?RequestedChannels=2' : '');
  return fetch(url, {
    headers: { authorization: twilioAuthorization(c) },
    signal: signal ?? AbortSignal.timeout(15_000),
  });
}

/** Deletes a recording at Twilio; a recording already gone (404) counts as deleted. */
export async function deleteRecording(c: TwilioCredentials, recordingSid: string): Promise<void> {
  const res = await fetch(recordingPath(c, recordingSid, 'json'), {
    method: 'DELETE',
    headers: { authorization: twilioAuthorization(c) },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok && res.status !== 404)
    throw Object.assign(new Error(`twilio delete recording: ${res.status}`), { status: res.status });
}

/**
 * Places the screening call of a warm transfer: it rings `to` for `ringSec`, runs `twiml` when
 * answered, and reports its end (completed, no-answer, busy, failed, canceled) to `statusCallback`.
 */
export async function placeScreeningCall(
  c: TwilioCredentials,
  o: { to: string; from: string; twiml: string; statusCallback: string; ringSec: number },
): Promise<{ callSid: string }> {
  const r = await twilioPost(c, 'Calls.json', {
    To: o.to,
    From: o.from,
    Twiml: o.twiml,
    Timeout: String(o.ringSec),
    StatusCallback: o.statusCallback,
    StatusCallbackMethod: 'POST',
    StatusCallbackEvent: ['completed'],
  });
  return { callSid: String(r.sid) };
}

/** Ends a live call we placed (a screening call nobody decided on in time). */
export const endCall = (c: TwilioCredentials, callSid: string) =>
  twilioPost(c, `Calls/${encodeURIComponent(callSid)}.json`, { Status: 'completed' });

/**
 * Whether the Twilio account owns `e164`: the IncomingPhoneNumbers list filtered by PhoneNumber
 * (GET …/IncomingPhoneNumbers.json?PhoneNumber=…, answering `{ incoming_phone_numbers: [{ phone_number, … }] }`).
 */
export async function ownsNumber(c: TwilioCredentials, e164: string): Promise<boolean> {
  const url = twilioAccountUrl(c, `IncomingPhoneNumbers.json?PhoneNumber=${encodeURIComponent(e164)}`);
  const res = await fetch(url, {
    headers: { authorization: twilioAuthorization(c) },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw Object.assign(new Error(`twilio incoming phone numbers: ${res.status}`), { status: res.status });
  const body = (await res.json()) as { incoming_phone_numbers?: Array<{ phone_number?: string }> };
  return (body.incoming_phone_numbers ?? []).some((n) => n.phone_number === e164);
}
