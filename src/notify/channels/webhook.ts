/**
 * Signed outbound webhooks. Body: `{ id, type, createdAt, organizationId, data }`; headers carry the
 * event, a delivery id stable across retries (receivers deduplicate on it), a Unix timestamp and
 * `v1=<hex HMAC-SHA256(secret, "${timestamp}.${body}")>`. See README.md › Webhooks.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schema, type Db } from '../../db/index.js';
import { DeliveryError } from '../errors.js';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { vetWebhookUrl, type Resolve, type VettedUrl } from '../webhook-url.js';
import type { Channel, OutboxMessage } from './channel.js';

/** Header names of a webhook delivery. */
export const WEBHOOK_HEADERS = {
  event: 'x-infinioffice-event',
  delivery: 'x-infinioffice-delivery',
  timestamp: 'x-infinioffice-timestamp',
  signature: 'x-infinioffice-signature',
} as const;

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` under the webhook's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * The receiver's check (the documented recipe): the signature matches and the timestamp is within
 * `toleranceSec` of `nowSec`, which stops replays of an old delivery.
 */
export function verifyWebhook(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  body: string,
  nowSec: number,
  toleranceSec = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSec - ts) > toleranceSec || !headers.signature) return false;
  const want = Buffer.from(signWebhook(secret, ts, body));
  const got = Buffer.from(headers.signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** The delivery id a receiver sees: a hash of the idempotency key (stable across retries). */
export const deliveryIdOf = (key: string): string =>
  'dlv_' + createHash('sha256').update(key).digest('hex').slice(0, 32);

/** Options of the webhook channel. */
export interface WebhookOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
  now?: () => Date;
  resolve?: Resolve;
}

/**
 * POSTs to the vetted address itself: the connection's lookup answers the address that was checked, so
 * a host that resolves to a public address for the check and a private one for the connection (DNS
 * rebinding) still reaches only the checked one. TLS keeps the host name (SNI and certificate check).
 * Redirects are not followed. Answers the status.
 */
export function postPinned(
  target: VettedUrl,
  headers: Record<string, string>,
  body: string | Buffer,
  signal: AbortSignal,
): Promise<number> {
  const pinned = target.address;
  const lookup: LookupFunction | undefined = pinned
    ? (_host, opts, cb) => {
        const family = isIP(pinned);
        if ((opts as { all?: boolean }).all)
          (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
            { address: pinned, family },
          ]);
        else cb(null, pinned, family);
      }
    : undefined;
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal,
        ...(lookup ? { lookup } : {}),
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Delivers to the subscription named in the payload; 2xx is delivered, 410 and other 4xx are final. */
export function webhookChannel(db: Db, o: WebhookOptions): Channel {
  return {
    label: 'webhook',
    async send(m: OutboxMessage, signal: AbortSignal) {
      const [hook] = await db
        .select()
        .from(schema.webhooks)
        .where(eq(schema.webhooks.id, m.payload.webhookId ?? '00000000-0000-0000-0000-000000000000'));
      if (!hook) throw new DeliveryError('webhook subscription was removed', true);
      let target: VettedUrl;
      try {
        target = await vetWebhookUrl(hook.url, o.allowPrivate, o.resolve);
      } catch (e) {
        throw new DeliveryError(`refused: ${(e as Error).message}`, true);
      }
      const body = JSON.stringify({
        id: deliveryIdOf(m.idempotencyKey),
        type: m.event,
        createdAt: m.createdAt.toISOString(),
        organizationId: m.organizationId,
        data: m.payload.data,
      });
      const ts = Math.floor((o.now?.() ?? new Date()).getTime() / 1000);
      let status: number;
      try {
        status = await postPinned(
          target,
          {
            'content-type': 'application/json',
            'user-agent': 'InfiniOffice-Webhooks/1',
            [WEBHOOK_HEADERS.event]: m.event,
            [WEBHOOK_HEADERS.delivery]: deliveryIdOf(m.idempotencyKey),
            [WEBHOOK_HEADERS.timestamp]: String(ts),
            [WEBHOOK_HEADERS.signature]: signWebhook(hook.secret, ts, body),
          },
          body,
          AbortSignal.any([signal, AbortSignal.timeout(o.timeoutMs ?? 10_000)]),
        );
      } catch (e) {
        throw new DeliveryError(`webhook: ${(e as Error).message}`);
      }
      if (status >= 200 && status < 300) return;
      const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
      throw new DeliveryError(`webhook: receiver answered ${status}`, permanent);
    },
  };
}
