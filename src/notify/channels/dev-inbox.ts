/**
 * The embedded default: with no SMTP or Twilio configured, every message is stored in `dev_inbox`
 * exactly as it would have been sent. The idempotency key is unique there too, so a redelivery after
 * a crash lands once.
 */
import { DeliveryError } from '../errors.js';
import { schema, type Db } from '../../db/index.js';
import { alertCallTwiml, renderMessage } from '../templates.js';
import { ackUrlOf, linkOf, type Channel, type Links, type OutboxMessage } from './channel.js';

/** A channel that writes into the dev inbox. */
export function devInboxChannel(db: Db, links: Links): Channel {
  return {
    label: 'dev-inbox',
    async send(m: OutboxMessage) {
      if (m.channel === 'push')
        throw new DeliveryError('a push goes to the browser that subscribed, never to the dev inbox', true);
      const channel = m.channel;
      const ack = ackUrlOf(links, m);
      const r = renderMessage(m.payload, linkOf(links, m));
      const row = ((): { subject: string | null; text: string; html: string | null } => {
        switch (channel) {
          case 'email':
            return { subject: r.subject, text: r.text, html: r.html };
          case 'sms':
            return { subject: null, text: r.sms, html: null };
          // A call is stored as the words it speaks; `html` holds the TwiML it would have placed.
          case 'call':
            return { subject: null, text: r.speech, html: alertCallTwiml(r.speech, ack ? `${ack}/call` : null) };
          case 'webhook':
            return { subject: m.event, text: JSON.stringify(m.payload.data), html: null };
        }
      })();
      await db
        .insert(schema.devInbox)
        .values({
          organizationId: m.organizationId,
          channel,
          to: m.recipient,
          ...row,
          idempotencyKey: m.idempotencyKey,
        })
        .onConflictDoNothing({ target: schema.devInbox.idempotencyKey });
    },
  };
}
