/**
 * A stand-in for Twilio's REST API (2010-04-01), the one definition used by the simulator's embedded
 * server and by the tests (test/fakes/twilio-rest.ts re-exports it): create a call, update a live
 * call (TwiML `<Dial>` transfer), send an SMS, fetch and delete recordings. Basic auth with the
 * account SID and auth token; form-encoded bodies; JSON answers with the fields the `twilio` package
 * reads (sid, status, to, from). https://www.twilio.com/docs/voice/api/call-resource
 * It also plays Twilio's side of the calls it placed: a callee pressing keys at a `<Gather>` (posted
 * to its `action`) and the call ending (posted to its `StatusCallback`), signed like Twilio signs
 * webhooks. With `answerScreening` (the simulator), the person a call is warm-transferred to presses 1
 * at the screening `<Gather>` by itself, so the caller is connected.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '../telephony/index.js';

/** A recording the fake holds: its call, channel count and audio bytes. */
export interface FakeRecording {
  sid: string;
  callSid: string;
  channels: number;
  audio: Buffer;
}

/** One request the fake accepted: its path and form. */
export interface FakeTwilioRestRequest {
  method: string;
  path: string;
  form: Record<string, string>;
}

/** The running fake and what it received. */
export interface FakeTwilioRest {
  server: Server;
  url: string;
  accountSid: string;
  authToken: string;
  /** Every call, call update and SMS accepted, in order. */
  requests: FakeTwilioRestRequest[];
  calls: Array<Record<string, string>>;
  callUpdates: Array<{ sid: string } & Record<string, string>>;
  messages: Array<Record<string, string>>;
  recordings: Map<string, FakeRecording>;
  /** Every media fetch: the recording and the query string it was asked with. */
  recordingFetches: Array<{ sid: string; format: string; query: string }>;
  deletedRecordings: string[];
  /**
   * The account's phone numbers (IncomingPhoneNumbers): null, the default, owns whatever number is
   * asked about (suites that only need a connected number); a set owns exactly those.
   */
  ownedNumbers: Set<string> | null;
  /** Every IncomingPhoneNumbers lookup: the PhoneNumber filter asked for. */
  numberLookups: string[];
  /**
   * Runs once a call is placed, before its answer (the CallSid) goes back: what Twilio reports about a
   * call in that moment (busy at once, say) reaches the product before it knows the call's CallSid.
   */
  beforeCallAnswered: ((callSid: string) => Promise<unknown>) | null;
  /** Makes a finished recording of `callSid` (as Twilio does when a recorded call ends); answers it. */
  addRecording(callSid: string, channels?: number): FakeRecording;
  /** Posts a webhook to `url` signed as Twilio signs it; answers the status and body of our answer. */
  signedPost(url: string, form: Record<string, string>): Promise<{ status: number; body: string }>;
  /** The callee of a placed call presses `digits` at its `<Gather>`: posted to the gather's action. */
  pressKeys(callSid: string, digits: string): Promise<{ status: number; body: string }>;
  /** A placed call ends with `status` (completed, no-answer, busy, failed): posted to its StatusCallback. */
  endCall(callSid: string, status: string): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/** Options: `answerScreening` presses 1 at a warm transfer's screening call as the business's person would. */
export interface FakeTwilioRestOptions {
  answerScreening?: boolean;
}

const attr = (twiml: string, tag: string, name: string): string | null => {
  const el = twiml.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0];
  const v = el?.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
  return v === undefined
    ? null
    : v
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&apos;/g, "'");
};
const sidOf = (prefix: string) => prefix + randomBytes(16).toString('hex');

/** Starts the fake on 127.0.0.1 (port 0) for one account. */
export async function startFakeTwilioRest(
  accountSid = 'AC' + '1'.repeat(32),
  authToken = 'twilio-token',
  opts: FakeTwilioRestOptions = {},
): Promise<FakeTwilioRest> {
  const st = {
    requests: [] as FakeTwilioRestRequest[],
    calls: [] as Array<Record<string, string>>,
    callUpdates: [] as FakeTwilioRest['callUpdates'],
    messages: [] as Array<Record<string, string>>,
    recordings: new Map<string, FakeRecording>(),
    recordingFetches: [] as FakeTwilioRest['recordingFetches'],
    deletedRecordings: [] as string[],
    ownedNumbers: null as Set<string> | null,
    numberLookups: [] as string[],
    beforeCallAnswered: null as FakeTwilioRest['beforeCallAnswered'],
  };
  const expected = 'Basic ' + Buffer.from(`${accountSid}:${authToken}`).toString('base64');
  const base = `/2010-04-01/Accounts/${accountSid}`;

  const signedPost = async (url: string, form: Record<string, string>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(authToken, url, form),
      },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.status, body: await res.text() };
  };
  const placed = (callSid: string) => {
    const c = st.calls.find((x) => x.sid === callSid);
    if (!c) throw new Error(`the fake placed no call ${callSid}`);
    return c;
  };
  async function pressKeys(callSid: string, digits: string) {
    const c = placed(callSid);
    const action = attr(c.Twiml ?? '', 'Gather', 'action');
    if (!action) throw new Error(`call ${callSid} has no <Gather action>`);
    return signedPost(action, {
      AccountSid: accountSid,
      CallSid: callSid,
      From: c.From,
      To: c.To,
      CallStatus: 'in-progress',
      Direction: 'outbound-api',
      Digits: digits,
    });
  }
  /** The simulator's person at the other end of a warm transfer takes the call (alert calls' acknowledgements stay unpressed). */
  const answerScreening = (callSid: string, twiml: string) => {
    if (!(attr(twiml, 'Gather', 'action') ?? '').includes('/twilio/transfer/screen')) return;
    setTimeout(() => void pressKeys(callSid, '1').catch(() => undefined), 200).unref();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, o: unknown): void =>
        void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(o));
      if (req.headers.authorization !== expected)
        return json(401, { code: 20003, message: 'Authenticate', status: 401 });
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const url = new URL(req.url!, 'http://x');
      const path = url.pathname;
      if (req.method === 'POST' && path === `${base}/Calls.json`) {
        if (!form.To || !form.From || !(form.Url || form.Twiml))
          return json(400, { code: 21201, message: 'To, From and Url or Twiml are required', status: 400 });
        const sid = sidOf('CA');
        st.calls.push({ sid, ...form });
        st.requests.push({ method: 'POST', path, form });
        if (opts.answerScreening) answerScreening(sid, form.Twiml ?? '');
        const answer = () =>
          json(201, {
            sid,
            account_sid: accountSid,
            to: form.To,
            from: form.From,
            status: 'queued',
            direction: 'outbound-api',
          });
        if (!st.beforeCallAnswered) return answer();
        return void st.beforeCallAnswered(sid).then(answer, answer);
      }
      const upd = path.match(new RegExp(`^${base}/Calls/(CA[0-9a-f]{32})\\.json$`));
      if (req.method === 'POST' && upd) {
        st.callUpdates.push({ sid: upd[1], ...form });
        st.requests.push({ method: 'POST', path, form });
        return json(200, { sid: upd[1], account_sid: accountSid, status: form.Status ?? 'in-progress' });
      }
      if (req.method === 'POST' && path === `${base}/Messages.json`) {
        if (!form.To || !form.Body) return json(400, { code: 21604, message: 'To and Body are required', status: 400 });
        const sid = sidOf('SM');
        st.messages.push({ sid, ...form });
        st.requests.push({ method: 'POST', path, form });
        return json(201, {
          sid,
          account_sid: accountSid,
          to: form.To,
          from: form.From,
          body: form.Body,
          status: 'queued',
        });
      }
      if (req.method === 'GET' && path === `${base}/IncomingPhoneNumbers.json`) {
        // Twilio's list of the account's numbers, filtered by PhoneNumber
        const wanted = url.searchParams.get('PhoneNumber') ?? '';
        st.numberLookups.push(wanted);
        const hit =
          wanted && (st.ownedNumbers === null || st.ownedNumbers.has(wanted))
            ? [
                {
                  sid: 'PN' + createHash('sha1').update(wanted).digest('hex').slice(0, 32),
                  account_sid: accountSid,
                  phone_number: wanted,
                  friendly_name: wanted,
                },
              ]
            : [];
        return json(200, {
          incoming_phone_numbers: hit,
          page: 0,
          page_size: 50,
          start: 0,
          end: Math.max(0, hit.length - 1),
          next_page_uri: null,
          uri: `${base}/IncomingPhoneNumbers.json`,
        });
      }
      const rec = path.match(new RegExp(`^${base}/Recordings/(RE[0-9a-f]{32})\\.(mp3|wav|json)$`));
      if (rec) {
        const r = st.recordings.get(rec[1]);
        if (!r) return json(404, { code: 20404, message: `The requested resource ${path} was not found`, status: 404 });
        if (req.method === 'DELETE' && rec[2] === 'json') {
          st.recordings.delete(r.sid);
          st.deletedRecordings.push(r.sid);
          return void res.writeHead(204).end();
        }
        if (req.method === 'GET' && rec[2] !== 'json') {
          st.recordingFetches.push({ sid: r.sid, format: rec[2], query: url.search });
          // Twilio refuses a dual-channel presentation of a mono recording (warning 16113)
          if (/RequestedChannels=2/.test(url.search) && r.channels !== 2)
            return json(400, {
              code: 16113,
              message: 'Cannot download a dual-channel presentation of a mono recording',
              status: 400,
            });
          return void res
            .writeHead(200, {
              'content-type': rec[2] === 'mp3' ? 'audio/mpeg' : 'audio/x-wav',
              'content-length': String(r.audio.length),
              'x-twilio-internal': 'edge',
            })
            .end(r.audio);
        }
      }
      json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));

  return Object.assign(st, {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accountSid,
    authToken,
    addRecording(callSid: string, channels = 2): FakeRecording {
      // an MPEG audio frame header (0xFFFB) and a little silence: enough to be recognisably MP3
      const audio = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413 * 4)]);
      const r = { sid: sidOf('RE'), callSid, channels, audio };
      st.recordings.set(r.sid, r);
      return r;
    },
    signedPost,
    pressKeys,
    async endCall(callSid: string, status: string) {
      const c = placed(callSid);
      if (!c.StatusCallback) throw new Error(`call ${callSid} has no StatusCallback`);
      return signedPost(c.StatusCallback, {
        AccountSid: accountSid,
        CallSid: callSid,
        From: c.From,
        To: c.To,
        CallStatus: status,
        Direction: 'outbound-api',
        CallDuration: status === 'completed' ? '9' : '0',
      });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
