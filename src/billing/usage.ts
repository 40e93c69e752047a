/**
 * Metering: each finished conversation adds its seconds (rounded as the plan says) to the
 * organization's usage of that local day, inside the transaction that completes the call, and the
 * owner hears once per period when 80% and 100% of the included minutes are used.
 */
import { and, asc, gte, inArray, lt, eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '../db/index.js';
import { loadBilling, localDay, type BillingState } from './account.js';
import { billableSeconds } from './plans.js';

/** The kinds of conversation usage is kept for; chats are counted apart from phone minutes. */
export type UsageKind = 'inbound' | 'outbound' | 'chat';

/** A finished call as metering needs it (calls/' CallRow fits). */
export interface MeteredCall {
  id: string;
  organizationId: string;
  channel: string;
  direction: string;
  durationSec: number | null;
  startedAt: Date;
  endedAt: Date | null;
}

/** The owner is told at these shares of the included minutes. */
export const NOTICE_THRESHOLDS = [80, 100] as const;

/** A usage notice for the owner (written to the outbox by the composition root's sink). */
export interface UsageNotice {
  organizationId: string;
  threshold: (typeof NOTICE_THRESHOLDS)[number];
  periodStart: Date;
  periodEnd: Date;
  usedMinutes: number;
  includedMinutes: number;
  planName: string;
  overagePerMinuteCents: number;
  hardCapMinutes: number | null;
}
/** Writes a usage notice inside the metering transaction. */
export type UsageNoticeSink = (tx: Queryable, notice: UsageNotice) => Promise<void>;

/** Which usage kind a call is, or null for conversations that are never billed (the dashboard's test call). */
export function usageKindOf(call: Pick<MeteredCall, 'channel' | 'direction'>): UsageKind | null {
  if (call.channel === 'chat') return 'chat';
  if (call.channel !== 'phone') return null;
  return call.direction === 'outbound' ? 'outbound' : 'inbound';
}

/**
 * Adds a completed call to its day's usage. Call it only inside the transaction that first completes
 * the call (calls/' completeCall runs its sink once per call), which makes it exactly once.
 */
export async function meterCall(tx: Queryable, call: MeteredCall, now: Date, notify?: UsageNoticeSink): Promise<void> {
  const kind = usageKindOf(call);
  if (!kind) return;
  const state = await loadBilling(tx, call.organizationId, now);
  if (!state) return;
  const seconds = Math.max(0, call.durationSec ?? 0);
  const billable = billableSeconds(state.effective, seconds);
  const day = localDay(call.endedAt ?? call.startedAt, state.timezone);
  const u = schema.usageDays;
  const upsert = tx
    .insert(u)
    .values({ organizationId: call.organizationId, day, kind, calls: 1, seconds, billableSeconds: billable })
    .onConflictDoUpdate({
      target: [u.organizationId, u.day, u.kind],
      set: {
        calls: sql`${u.calls} + 1`,
        seconds: sql`${u.seconds} + ${seconds}`,
        billableSeconds: sql`${u.billableSeconds} + ${billable}`,
        updatedAt: now,
      },
    });
  const included = state.effective.includedMinutes;
  if (kind === 'chat' || !notify || state.complimentary || included <= 0) {
    await upsert;
    return;
  }
  // The period's minutes are read in the statement that adds this call (one round trip, not two, at
  // every call's end): the statement's snapshot holds the other days as they are and this call's day
  // as it was, so that day is counted from what the upsert returns instead.
  const [from, to] = periodDays(state);
  const added = tx.$with('added').as(upsert.returning({ billableSeconds: u.billableSeconds }));
  const ownDay = day >= from && day < to ? added.billableSeconds : sql`0`;
  const [row] = await tx
    .with(added)
    .select({
      billable: sql<string | number>`coalesce((select sum(${u.billableSeconds}) from ${u}
        where ${u.organizationId} = ${call.organizationId} and ${u.day} >= ${from} and ${u.day} < ${to}
          and ${u.kind} in ('inbound', 'outbound') and not (${u.day} = ${day} and ${u.kind} = ${kind})), 0) + ${ownDay}`,
    })
    .from(added);
  await noticesDue(tx, state, Number(row.billable) / 60, notify);
}

/** Sends each threshold's notice the first time the period's minutes (`used`) reach it (the mark row decides). */
async function noticesDue(tx: Queryable, state: BillingState, used: number, notify: UsageNoticeSink): Promise<void> {
  const included = state.effective.includedMinutes;
  for (const threshold of NOTICE_THRESHOLDS) {
    if (used < (included * threshold) / 100) continue;
    const marked = await tx
      .insert(schema.billingPeriodMarks)
      .values({
        organizationId: state.organizationId,
        periodStart: state.period.start.toISOString(),
        kind: `usage_${threshold}`,
        quantity: Math.floor(used),
      })
      .onConflictDoNothing()
      .returning();
    if (marked.length) {
      await notify(tx, {
        organizationId: state.organizationId,
        threshold,
        periodStart: state.period.start,
        periodEnd: state.period.end,
        usedMinutes: Math.floor(used),
        includedMinutes: included,
        planName: state.effective.name,
        overagePerMinuteCents: state.effective.overagePerMinuteCents,
        hardCapMinutes: state.hardCapMinutes,
      });
    }
  }
}

/** Usage of one local day range [fromDay, toDay). */
async function daysBetween(q: Queryable, organizationId: string, fromDay: string, toDay: string) {
  const u = schema.usageDays;
  return q
    .select()
    .from(u)
    .where(and(eq(u.organizationId, organizationId), gte(u.day, fromDay), lt(u.day, toDay)))
    .orderBy(asc(u.day));
}

/** The local days [from, to) the state's current period covers, as usage rows name them. */
const periodDays = (state: Pick<BillingState, 'timezone' | 'period'>) =>
  [localDay(state.period.start, state.timezone), localDay(state.period.end, state.timezone)] as const;

/** Minutes (billable, phone) and conversations of the state's current period. */
export async function periodUsage(
  q: Queryable,
  state: Pick<BillingState, 'organizationId' | 'timezone' | 'period'>,
): Promise<{ minutes: number; calls: number; chats: number; seconds: number }> {
  const u = schema.usageDays;
  const [from, to] = periodDays(state);
  const rows = await q
    .select({
      kind: u.kind,
      calls: sql<number>`sum(${u.calls})`,
      billable: sql<number>`sum(${u.billableSeconds})`,
      seconds: sql<number>`sum(${u.seconds})`,
    })
    .from(u)
    .where(
      and(
        eq(u.organizationId, state.organizationId),
        gte(u.day, from),
        lt(u.day, to),
        inArray(u.kind, ['inbound', 'outbound', 'chat']),
      ),
    )
    .groupBy(u.kind);
  let billable = 0;
  let calls = 0;
  let chats = 0;
  let seconds = 0;
  for (const r of rows) {
    if (r.kind === 'chat') {
      chats += Number(r.calls);
      continue;
    }
    billable += Number(r.billable);
    calls += Number(r.calls);
    seconds += Number(r.seconds);
  }
  return { minutes: billable / 60, calls, chats, seconds };
}

/** One day of usage as the API answers it. */
export interface UsageDay {
  day: string;
  minutes: number;
  calls: number;
  inbound: { calls: number; minutes: number };
  outbound: { calls: number; minutes: number };
  chat: { conversations: number; minutes: number };
}

/** Per-day usage between two local dates (inclusive `from`, exclusive `to`), one entry per day that had any. */
export async function usageByDay(
  q: Queryable,
  organizationId: string,
  fromDay: string,
  toDay: string,
): Promise<UsageDay[]> {
  const byDay = new Map<string, UsageDay>();
  for (const r of await daysBetween(q, organizationId, fromDay, toDay)) {
    const d = byDay.get(r.day) ?? {
      day: r.day,
      minutes: 0,
      calls: 0,
      inbound: { calls: 0, minutes: 0 },
      outbound: { calls: 0, minutes: 0 },
      chat: { conversations: 0, minutes: 0 },
    };
    const minutes = r.billableSeconds / 60;
    if (r.kind === 'chat') d.chat = { conversations: r.calls, minutes };
    else {
      d[r.kind] = { calls: r.calls, minutes };
      d.minutes += minutes;
      d.calls += r.calls;
    }
    byDay.set(r.day, d);
  }
  return [...byDay.values()];
}
