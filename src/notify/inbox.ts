/** Reads and writes behind the notify routes: the dev inbox and webhook subscriptions. */
import { and, desc, eq, lt, notLike, or } from 'drizzle-orm';
import { schema, type Db } from '../db/index.js';
import { errors, isUuid, newToken } from '../lib/index.js';
import { checkWebhookUrl } from './webhook-url.js';

/** One message in the dev inbox, as GET /api/dev-inbox shows it. */
export interface DevInboxItem {
  id: string;
  channel: 'email' | 'sms' | 'call' | 'webhook';
  to: string;
  subject?: string;
  text: string;
  html?: string;
  createdAt: string;
}

/** The organization's dev inbox, newest first, paged by an opaque cursor. */
/**
 * `reader`: the address of whoever looks. Account messages (reset, invitation and verification links)
 * are shown to their recipient only: a co-worker must not pick up someone else's password link.
 */
export async function listDevInbox(
  db: Db,
  organizationId: string,
  opts: { limit?: number; cursor?: string; channel?: DevInboxItem['channel']; reader?: string } = {},
): Promise<{ items: DevInboxItem[]; nextCursor?: string }> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const t = schema.devInbox;
  let after: { at: Date; id: string } | undefined;
  if (opts.cursor) {
    const [at, id] = Buffer.from(opts.cursor, 'base64url').toString().split('|');
    if (!at || !id || !isUuid(id) || Number.isNaN(Date.parse(at)))
      throw errors.validation('cursor: not a cursor of this list');
    after = { at: new Date(at), id };
  }
  const rows = await db
    .select()
    .from(t)
    .where(
      and(
        eq(t.organizationId, organizationId),
        opts.channel ? eq(t.channel, opts.channel) : undefined,
        or(notLike(t.idempotencyKey, 'account.%'), opts.reader ? eq(t.to, opts.reader) : undefined),
        after ? or(lt(t.createdAt, after.at), and(eq(t.createdAt, after.at), lt(t.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      channel: r.channel,
      to: r.to,
      ...(r.subject ? { subject: r.subject } : {}),
      text: r.text,
      ...(r.html ? { html: r.html } : {}),
      createdAt: r.createdAt.toISOString(),
    })),
    ...(rows.length > limit && last
      ? { nextCursor: Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') }
      : {}),
  };
}

/** A webhook subscription as the API shows it (the secret only once, on creation). */
export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  secret?: string;
}

const view = (r: typeof schema.webhooks.$inferSelect, withSecret = false): WebhookView => ({
  id: r.id,
  url: r.url,
  events: r.events,
  createdAt: r.createdAt.toISOString(),
  ...(withSecret ? { secret: r.secret } : {}),
});

/** Webhook subscriptions of an organization. */
export const webhooksRepo = {
  async list(db: Db, organizationId: string): Promise<WebhookView[]> {
    const rows = await db
      .select()
      .from(schema.webhooks)
      .where(eq(schema.webhooks.organizationId, organizationId))
      .orderBy(schema.webhooks.createdAt);
    return rows.map((r) => view(r));
  },
  /** Creates a subscription after checking its URL; answers it with its signing secret. */
  async create(
    db: Db,
    organizationId: string,
    input: { url: string; events: string[] },
    allowPrivate: boolean,
  ): Promise<WebhookView> {
    const url = await checkWebhookUrl(input.url, allowPrivate);
    const [row] = await db
      .insert(schema.webhooks)
      .values({
        organizationId,
        url: url.toString(),
        events: [...new Set(input.events)],
        secret: `whsec_${newToken(32)}`,
      })
      .returning();
    return view(row, true);
  },
  async remove(db: Db, organizationId: string, id: string): Promise<void> {
    if (!isUuid(id)) throw errors.notFound('webhook');
    const rows = await db
      .delete(schema.webhooks)
      .where(and(eq(schema.webhooks.id, id), eq(schema.webhooks.organizationId, organizationId)))
      .returning({ id: schema.webhooks.id });
    if (!rows.length) throw errors.notFound('webhook');
  },
};
