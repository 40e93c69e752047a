/**
 * The daily summary email: once per organization and local day, at the organization's chosen time,
 * the day's calls, bookings, leads and urgent leads. The key names the organization and the local
 * date, so several dispatchers (or a restart) queue it once.
 */
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { schema, type Db } from '../db/index.js';
import { enqueue, messageKey, orgSnapshot } from './outbox.js';
import { loadNotificationSettings } from './settings.js';
import type { MessagePayload } from './templates.js';

async function countIn(
  db: Db,
  table: typeof schema.calls | typeof schema.appointments | typeof schema.leads,
  organizationId: string,
  from: Date,
  to: Date,
  extra?: ReturnType<typeof sql>,
) {
  const [r] = await db
    .select({ n: count() })
    .from(table as typeof schema.leads)
    .where(and(eq(table.organizationId, organizationId), gte(table.createdAt, from), lt(table.createdAt, to), extra));
  return r?.n ?? 0;
}

/** Queues today's summary for one organization if its time has come; answers whether it queued. */
export async function queueDailySummary(db: Db, organizationId: string, now: Date): Promise<boolean> {
  const s = await loadNotificationSettings(db, organizationId);
  if (!s.dailySummary.enabled || !s.emails.length) return false;
  const snap = await orgSnapshot(db, organizationId);
  const local = DateTime.fromJSDate(now).setZone(snap.timezone);
  const [h, m] = s.dailySummary.at.split(':').map(Number);
  if (local.hour * 60 + local.minute < h * 60 + m) return false;
  const date = local.toISODate()!;
  const fact = `daily-summary:${organizationId}:${date}`;
  const keys = s.emails.map((e) => messageKey(fact, 'email', e));
  const [done] = await db
    .select({ n: count() })
    .from(schema.outbox)
    .where(sql`${schema.outbox.idempotencyKey} in ${keys}`);
  if ((done?.n ?? 0) >= keys.length) return false;
  const from = local.startOf('day').toJSDate();
  const to = local.startOf('day').plus({ days: 1 }).toJSDate();
  const data = {
    date,
    calls: await countIn(db, schema.calls, organizationId, from, to),
    booked: await countIn(db, schema.appointments, organizationId, from, to),
    leads: await countIn(db, schema.leads, organizationId, from, to),
    urgent: await countIn(db, schema.leads, organizationId, from, to, sql`${schema.leads.priority} = 'URGENT'`),
  };
  const payload: MessagePayload = {
    template: 'daily_summary',
    event: 'daily.summary',
    urgent: false,
    orgName: snap.orgName,
    timezone: snap.timezone,
    from: snap.from,
    data,
  };
  const n = await enqueue(
    db,
    s.emails.map((e, i) => ({
      organizationId,
      event: 'daily.summary',
      channel: 'email' as const,
      recipient: e,
      payload,
      idempotencyKey: keys[i],
    })),
    now,
  );
  return n > 0;
}

/** Queues the summaries that are due for every organization that asked for one; answers how many. */
export async function queueDailySummaries(db: Db, now: Date): Promise<number> {
  const orgs = await db
    .select({ id: schema.notificationSettings.organizationId })
    .from(schema.notificationSettings)
    .where(sql`${schema.notificationSettings.settings}->'dailySummary'->>'enabled' = 'true'`);
  let queued = 0;
  for (const o of orgs) if (await queueDailySummary(db, o.id, now)) queued++;
  return queued;
}
