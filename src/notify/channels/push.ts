/**
 * The push channel: an urgent lead as a Web Push notification on the owner's phone. The row's
 * recipient is the subscription's id; the payload is encrypted for that browser and sent to its push
 * service with a VAPID signature. A subscription the push service no longer knows (404/410) is removed.
 */
import { eq } from 'drizzle-orm';
import { schema, type Db } from '../../db/index.js';
import { isUuid } from '../../lib/index.js';
import { DeliveryError } from '../errors.js';
import { renderMessage } from '../templates.js';
import { encryptPushPayload, vapidAuthorization, type VapidKeys } from '../web-push.js';
import { vetWebhookUrl, type VettedUrl } from '../webhook-url.js';
import type { Channel, OutboxMessage } from './channel.js';
import { postPinned } from './webhook.js';

/** Options of the push channel. */
export interface PushOptions {
  keys: () => Promise<VapidKeys>;
  /** The VAPID contact (`mailto:` or an https URL). */
  subject: string;
  allowPrivate: boolean;
  now?: () => Date;
  timeoutMs?: number;
}

/** What the service worker shows: title, body, the page a tap opens, and a tag (one notification per lead). */
export function pushNotificationOf(m: Pick<OutboxMessage, 'payload' | 'idempotencyKey'>): {
  title: string;
  body: string;
  url: string;
  tag: string;
  urgent: boolean;
} {
  const r = renderMessage(m.payload);
  const d = m.payload.data;
  const who = [d.name, d.phone].filter(Boolean).join(' · ') || 'A caller';
  const leadId = typeof d.leadId === 'string' ? d.leadId : null;
  return {
    title: r.subject,
    body: `${who}${d.need ? ` — ${d.need}` : ''}`,
    url: leadId ? `/leads?lead=${leadId}` : '/leads',
    tag: leadId ? `lead-${leadId}` : m.idempotencyKey,
    urgent: m.payload.urgent,
  };
}

export function webPushChannel(db: Db, o: PushOptions): Channel {
  return {
    label: 'push',
    async send(m: OutboxMessage, signal: AbortSignal) {
      const [sub] = isUuid(m.recipient)
        ? await db.select().from(schema.pushSubscriptions).where(eq(schema.pushSubscriptions.id, m.recipient))
        : [];
      if (!sub || sub.organizationId !== m.organizationId)
        throw new DeliveryError('push subscription was removed', true);
      let target: VettedUrl;
      try {
        target = await vetWebhookUrl(sub.endpoint, o.allowPrivate);
      } catch (e) {
        throw new DeliveryError(`refused: ${(e as Error).message}`, true);
      }
      const keys = await o.keys();
      const body = encryptPushPayload(Buffer.from(JSON.stringify(pushNotificationOf(m))), {
        p256dh: sub.p256dh,
        auth: sub.auth,
      });
      let status: number;
      try {
        status = await postPinned(
          target,
          {
            authorization: vapidAuthorization(sub.endpoint, keys, o.subject, o.now?.() ?? new Date()),
            'content-encoding': 'aes128gcm',
            'content-type': 'application/octet-stream',
            ttl: String(24 * 3600),
            urgency: m.payload.urgent ? 'high' : 'normal',
            topic: `lead${String(m.payload.data.leadId ?? '')
              .replace(/[^A-Za-z0-9]/g, '')
              .slice(0, 28)}`,
          },
          body,
          AbortSignal.any([signal, AbortSignal.timeout(o.timeoutMs ?? 10_000)]),
        );
      } catch (e) {
        throw new DeliveryError(`push: ${(e as Error).message}`);
      }
      if (status >= 200 && status < 300) return;
      if (status === 404 || status === 410) {
        // the browser unsubscribed or the subscription expired: it is gone for good
        await db.delete(schema.pushSubscriptions).where(eq(schema.pushSubscriptions.id, sub.id));
        throw new DeliveryError(`push: subscription expired (${status})`, true);
      }
      const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
      throw new DeliveryError(`push: push service answered ${status}`, permanent);
    },
  };
}
