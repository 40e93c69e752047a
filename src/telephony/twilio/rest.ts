/** The Twilio REST calls telephony needs: update a live call (transfer), place a call, send an SMS. */
export interface TwilioCredentials { accountSid: string; authToken: string; apiBase: string }

async function post(c: TwilioCredentials, path: string, form: Record<string, string>, signal?: AbortSignal) {
  const res = await fetch(`${c.apiBase}/2010-04-01/Accounts/${encodeURIComponent(c.accountSid)}/${path}`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${c.accountSid}:${c.authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
    signal: signal ?? AbortSignal.timeout(5000),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(`twilio ${path}: ${res.status} ${(body as { message?: string }).message ?? ''}`), { status: res.status });
  return body as Record<string, unknown>;
}

/** Replaces a live call's TwiML (how a call is transferred: `<Dial>` by updating the call). */
export const updateCallTwiml = (c: TwilioCredentials, callSid: string, twiml: string) =>
  post(c, `Calls/${encodeURIComponent(callSid)}.json`, { Twiml: twiml });

/** Places an outbound call that runs `twiml`. */
export const placeCall = (c: TwilioCredentials, to: string, from: string, twiml: string, statusCallback?: string) =>
  post(c, 'Calls.json', { To: to, From: from, Twiml: twiml, ...(statusCallback ? { StatusCallback: statusCallback } : {}) });

/** Sends an SMS. */
export const sendSms = (c: TwilioCredentials, to: string, from: string, body: string) => post(c, 'Messages.json', { To: to, From: from, Body: body });
