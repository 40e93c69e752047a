/**
 * SMS and alert calls through Twilio's REST API (2010-04-01): form-encoded POSTs to
 * `/Accounts/{Sid}/Messages.json` and `/Accounts/{Sid}/Calls.json` with Basic auth. A 4xx answer is
 * permanent except 408 and 429; 5xx and network failures retry.
 */
import { twilioPost, TwilioRestError, type TwilioAccount } from '../../lib/index.js';
import { DeliveryError } from '../errors.js';
import { alertCallTwiml, renderMessage } from '../templates.js';
import { ackUrlOf, type Channel, type Links, type OutboxMessage } from './channel.js';

/** Twilio credentials and API base (a local fake in tests), and the number messages come from. */
export interface TwilioOptions extends TwilioAccount {
  defaultFrom?: string | null;
}

/** One REST request (lib's client); a 4xx answer is permanent except 408 and 429, the rest retry. */
async function post(
  o: TwilioOptions,
  resource: 'Messages' | 'Calls',
  form: Record<string, string>,
  signal: AbortSignal,
): Promise<void> {
  try {
    await twilioPost(o, `${resource}.json`, form, signal);
  } catch (e) {
    const status = e instanceof TwilioRestError ? e.status : undefined;
    const permanent = status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
    throw new DeliveryError((e as Error).message, permanent);
  }
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
