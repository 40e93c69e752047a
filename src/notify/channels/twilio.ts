/**
 * SMS and alert calls through Twilio's REST API (2010-04-01): form-encoded POSTs to
 * `/Accounts/{Sid}/Messages.json` and `/Accounts/{Sid}/Calls.json` with Basic auth. A 4xx answer is
 * permanent except 408 and 429; 5xx and network failures retry.
 */
import { DeliveryError } from '../errors.js';
import { alertCallTwiml, renderMessage } from '../templates.js';
import { ackUrlOf, type Channel, type Links, type OutboxMessage } from './channel.js';

/** Twilio credentials and API base (a local fake in tests). */
export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  apiBase: string;
  defaultFrom?: string | null;
}

async function post(
  o: TwilioOptions,
  resource: 'Messages' | 'Calls',
  form: Record<string, string>,
  signal: AbortSignal,
): Promise<void> {
  const url = `${o.apiBase.replace(/\/$/, '')}/2010-04-01/Accounts/${o.accountSid}/${resource}.json`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      signal,
      headers: {
        authorization: 'Basic ' + Buffer.from(`${o.accountSid}:${o.authToken}`).toString('base64'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form).toString(),
    });
  } catch (e) {
    throw new DeliveryError(`twilio ${resource}: ${(e as Error).message}`);
  }
  if (res.ok) return;
  const body = await res.text().catch(() => '');
  const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
  throw new DeliveryError(`twilio ${resource}: ${res.status} ${body.slice(0, 300)}`, permanent);
}

function sender(o: TwilioOptions, m: OutboxMessage): string {
  const from = m.payload.from ?? o.defaultFrom;
  if (!from) throw new DeliveryError('no sending number: connect a phone number to the organization', true);
  return from;
}

/** SMS through Twilio. */
export function twilioSmsChannel(o: TwilioOptions, links: Links): Channel {
  return {
    label: 'twilio.sms',
    async send(m, signal) {
      const r = renderMessage(m.payload, ackUrlOf(links, m));
      await post(o, 'Messages', { To: m.recipient, From: sender(o, m), Body: r.sms }, signal);
    },
  };
}

/** Alert calls through Twilio: inline TwiML speaks the summary and gathers "1" to acknowledge. */
export function twilioCallChannel(o: TwilioOptions, links: Links): Channel {
  return {
    label: 'twilio.call',
    async send(m, signal) {
      const ack = ackUrlOf(links, m);
      const r = renderMessage(m.payload, ack);
      await post(
        o,
        'Calls',
        { To: m.recipient, From: sender(o, m), Twiml: alertCallTwiml(r.speech, ack ? `${ack}/call` : null) },
        signal,
      );
    },
  };
}
