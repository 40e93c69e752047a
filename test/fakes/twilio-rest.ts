/**
 * Fake Twilio REST API (2010-04-01): create a call, update a live call (TwiML `<Dial>` transfer),
 * send an SMS. Basic auth with the account SID and auth token; form-encoded bodies; JSON answers
 * with the fields the `twilio` package reads (sid, status, to, from).
 */
import { startFake, type FakeServer } from './common.js';

/** Fake Twilio REST server and what it received. */
export interface FakeTwilioRest extends FakeServer {
  accountSid: string;
  authToken: string;
  calls: Array<Record<string, string>>;
  callUpdates: Array<{ sid: string } & Record<string, string>>;
  messages: Array<Record<string, string>>;
}

/** Starts a fake Twilio REST API on 127.0.0.1:0. */
export async function startFakeTwilioRest(accountSid = 'AC' + '1'.repeat(32), authToken = 'twilio-token'): Promise<FakeTwilioRest> {
  const st = { calls: [] as Array<Record<string, string>>, callUpdates: [] as FakeTwilioRest['callUpdates'], messages: [] as Array<Record<string, string>> };
  const expected = 'Basic ' + Buffer.from(`${accountSid}:${authToken}`).toString('base64');
  let n = 0;
  const fake = await startFake((req, res, body) => {
    const json = (status: number, o: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(o));
    if (req.headers.authorization !== expected) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
    const form = Object.fromEntries(new URLSearchParams(body));
    const path = new URL(req.url!, 'http://x').pathname;
    const base = `/2010-04-01/Accounts/${accountSid}`;
    if (req.method === 'POST' && path === `${base}/Calls.json`) {
      if (!form.To || !form.From || !(form.Url || form.Twiml)) return json(400, { code: 21201, message: 'To, From and Url or Twiml are required', status: 400 });
      const sid = 'CA' + String(++n).padStart(32, '0');
      st.calls.push({ sid, ...form });
      return json(201, { sid, account_sid: accountSid, to: form.To, from: form.From, status: 'queued', direction: 'outbound-api' });
    }
    const upd = path.match(new RegExp(`^${base}/Calls/(CA[0-9a-f]{32})\\.json$`));
    if (req.method === 'POST' && upd) {
      st.callUpdates.push({ sid: upd[1], ...form });
      return json(200, { sid: upd[1], account_sid: accountSid, status: form.Status ?? 'in-progress' });
    }
    if (req.method === 'POST' && path === `${base}/Messages.json`) {
      if (!form.To || !form.Body) return json(400, { code: 21604, message: 'To and Body are required', status: 400 });
      const sid = 'SM' + String(++n).padStart(32, '0');
      st.messages.push({ sid, ...form });
      return json(201, { sid, account_sid: accountSid, to: form.To, from: form.From, body: form.Body, status: 'queued' });
    }
    json(404, { code: 20404, message: 'not found', status: 404 });
  });
  return Object.assign(fake, st, { accountSid, authToken }) as FakeTwilioRest;
}
