/**
 * Web Push subscriptions: the browsers (an installed dashboard on the owner's phone) that asked to be
 * told about urgent leads, per organization, and the server's VAPID keys (generated once, kept with
 * the other server secrets so every node signs with the same key).
 */
import { and, eq } from 'drizzle-orm';
import { schema, serverSecret, type Db, type Queryable } from '../db/index.js';
import { errors } from '../lib/index.js';
import { vapidKeysFromPrivate, type PushKeys, type VapidKeys } from './web-push.js';
import { vetWebhookUrl } from './webhook-url.js';

/** The name the VAPID private key is kept under in server_secrets. */
export const VAPID_SECRET = 'vapid-private-key';

const keysOf = new WeakMap<object, Promise<VapidKeys>>();

/** The server's VAPID key pair (the configured private key, else one generated once and stored). */
export function vapidKeys(db: Db, configuredHex?: string): Promise<VapidKeys> {
  let k = keysOf.get(db);
  if (!k) {
    k = serverSecret(db, VAPID_SECRET, configuredHex, 32).then(vapidKeysFromPrivate);
    k.catch(() => keysOf.delete(db));
    keysOf.set(db, k);
  }
  return k;
}

/** A subscription as the browser hands it over (PushSubscription.toJSON()). */
export interface PushSubscriptionInput {
  endpoint: string;
  keys: PushKeys;
  userAgent?: string | null;
}

/**
 * Saves a browser's subscription for the organization (the same endpoint again replaces it: a browser
 * signed in to another organization now alerts that one). The endpoint must be a push service's
 * address: http(s), and public unless private addresses are allowed (WEBHOOK_ALLOW_PRIVATE).
 */
export async function savePushSubscription(
  db: Db,
  who: { organizationId: string; userId: string | null },
  s: PushSubscriptionInput,
  allowPrivate: boolean,
) {
  await vetWebhookUrl(s.endpoint, allowPrivate).catch((e) => {
    throw errors.validation(`endpoint: ${(e as Error).message.replace(/^url: /, '')}`, {
      fields: [{ path: 'body.endpoint', message: 'not a push service address' }],
    });
  });
  const values = {
    organizationId: who.organizationId,
    userId: who.userId,
    endpoint: s.endpoint,
    p256dh: s.keys.p256dh,
    auth: s.keys.auth,
    userAgent: s.userAgent?.slice(0, 300) ?? null,
  };
  const [row] = await db
    .insert(schema.pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: schema.pushSubscriptions.endpoint, set: { ...values, createdAt: new Date() } })
    .returning({
      id: schema.pushSubscriptions.id,
      endpoint: schema.pushSubscriptions.endpoint,
      createdAt: schema.pushSubscriptions.createdAt,
    });
  return row;
}

/** Removes the organization's subscription with this endpoint; false when it has none. */
export async function removePushSubscription(db: Db, organizationId: string, endpoint: string): Promise<boolean> {
  const rows = await db
    .delete(schema.pushSubscriptions)
    .where(
      and(eq(schema.pushSubscriptions.organizationId, organizationId), eq(schema.pushSubscriptions.endpoint, endpoint)),
    )
    .returning({ id: schema.pushSubscriptions.id });
  return rows.length > 0;
}

/** The organization's subscriptions (ids and endpoints). */
export async function listPushSubscriptions(q: Queryable, organizationId: string) {
  return q
    .select({
      id: schema.pushSubscriptions.id,
      endpoint: schema.pushSubscriptions.endpoint,
      userId: schema.pushSubscriptions.userId,
      createdAt: schema.pushSubscriptions.createdAt,
    })
    .from(schema.pushSubscriptions)
    .where(eq(schema.pushSubscriptions.organizationId, organizationId));
}
