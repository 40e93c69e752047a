/**
 * A stand-in for Twilio's REST API for the embedded simulator, so a live transfer (`<Dial>` by
 * updating the call), alert calls and SMS have somewhere real to go: form-encoded POSTs under
 * /2010-04-01/Accounts/{AccountSid}/… with HTTP Basic auth (AccountSid:AuthToken), JSON answers.
 * https://www.twilio.com/docs/voice/api/call-resource#update-a-call-resource
 * The person a call is warm-transferred to is played too: a placed call that screens with a
 * `<Gather action>` is answered with key 1 (posted, signed, to the action), so the caller is connected.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '../telephony/index.js';

/** Presses 1 at a screening call's `<Gather>`, as the business's person taking the call would. */
function acceptScreening(authToken: string, sid: string, form: Record<string, string>): void {
  const action = form.Twiml?.match(/<Gather\b[^>]*\baction="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  if (!action || !action.includes('/twilio/transfer/screen')) return; // alert calls' acknowledgements stay unpressed
  const answer = { CallSid: sid, From: form.From ?? '', To: form.To ?? '', CallStatus: 'in-progress', Digits: '1' };
  setTimeout(() => void fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(authToken, action, answer) },
    body: new URLSearchParams(answer).toString(),
  }).catch(() => undefined), 200).unref();
}

/** One request the fake accepted. */
export interface TwilioRestRequest { path: string; form: Record<string, string> }

/** The running fake: its base URL and what it was asked to do. */
export interface TwilioRestFake { url: string; requests: TwilioRestRequest[]; close(): Promise<void> }

/** Starts the fake on 127.0.0.1 (port 0) for one account. */
export async function startTwilioRestFake(accountSid: string, authToken: string): Promise<TwilioRestFake> {
  const requests: TwilioRestRequest[] = [];
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const reply = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      const path = (req.url ?? '').split('?')[0];
      if (req.headers.authorization !== expected) return reply(401, { code: 20003, message: 'Authenticate', status: 401 });
      const m = path.match(/^\/2010-04-01\/Accounts\/([^/]+)\/(Calls|Messages)(?:\/([^/]+))?\.json$/);
      if (req.method !== 'POST' || !m || m[1] !== accountSid) return reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      const form = Object.fromEntries(new URLSearchParams(body));
      requests.push({ path, form });
      const sid = m[3] ?? `${m[2] === 'Calls' ? 'CA' : 'SM'}${Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`;
      if (!m[3] && m[2] === 'Calls') acceptScreening(authToken, sid, form);
      reply(m[3] ? 200 : 201, { sid, account_sid: accountSid, status: m[2] === 'Calls' ? (m[3] ? 'in-progress' : 'queued') : 'queued', to: form.To ?? null, from: form.From ?? null });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
