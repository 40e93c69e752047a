/**
 * Campaigns: a list of numbers the agent calls for one purpose, inside the campaign's window (the
 * business's time zone), at most `callsPerMinute` dials in any minute, each number up to
 * `maxAttempts` times with a doubling backoff, the do-not-call list checked right before every dial.
 * `campaignTick(now)` does one pass; a timer calls it in production, tests call it with their clock.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { schema, type CallingWindow, type Db, type Queryable } from '../db/index.js';
import { backoffDelay, errors, isAppError } from '../lib/index.js';
import type { CallRow } from '../calls/index.js';
import { isWithinWindow } from './calling-window.js';
import { isDoNotCall } from './do-not-call.js';
import { placeOutboundCall, type OutboundDeps } from './outbound/place.js';
import { outboundCallsInProgress } from './outbound/capacity.js';
import { getChannelSettings } from './settings.js';

/** A campaign as created. */
export interface NewCampaign {
  name: string;
  purpose: 'follow_up' | 'custom';
  numbers: string[];
  instructions: string;
  window: CallingWindow;
  callsPerMinute: number;
  maxAttempts: number;
}

/** First retry after 10 minutes, then 20, 40… (capped at a day). */
export const retryDelayMs = (attempts: number) => backoffDelay(attempts - 1, 10 * 60_000, 24 * 3_600_000);

const RETRYABLE = ['no_answer', 'failed'] as const;

/** Creates a campaign (draft) with one pending target per distinct number. */
export async function createCampaign(db: Db, organizationId: string, c: NewCampaign) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.campaigns)
      .values({
        organizationId,
        name: c.name,
        purpose: c.purpose,
        instructions: c.instructions,
        window: c.window,
        callsPerMinute: c.callsPerMinute,
        maxAttempts: c.maxAttempts,
      })
      .returning();
    await tx
      .insert(schema.campaignTargets)
      .values([...new Set(c.numbers)].map((e164) => ({ organizationId, campaignId: row.id, e164 })));
    return row;
  });
}

/** One campaign with its progress: per number, and counts per status. */
export async function getCampaign(db: Queryable, organizationId: string, id: string) {
  const [c] = await db
    .select()
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.id, id), eq(schema.campaigns.organizationId, organizationId)));
  if (!c) throw errors.notFound('campaign');
  const targets = await db
    .select({
      e164: schema.campaignTargets.e164,
      status: schema.campaignTargets.status,
      attempts: schema.campaignTargets.attempts,
      nextAttemptAt: schema.campaignTargets.nextAttemptAt,
      lastCallId: schema.campaignTargets.lastCallId,
      lastError: schema.campaignTargets.lastError,
    })
    .from(schema.campaignTargets)
    .where(eq(schema.campaignTargets.campaignId, id))
    .orderBy(asc(schema.campaignTargets.e164));
  const counts: Record<string, number> = {};
  for (const t of targets) counts[t.status] = (counts[t.status] ?? 0) + 1;
  return { ...c, progress: { total: targets.length, counts, numbers: targets } };
}

/** The organization's campaigns, newest first. */
export const listCampaigns = (db: Queryable, organizationId: string) =>
  db
    .select()
    .from(schema.campaigns)
    .where(eq(schema.campaigns.organizationId, organizationId))
    .orderBy(desc(schema.campaigns.createdAt));

/** Starts (or resumes) or pauses a campaign; a finished one stays finished. */
export async function setCampaignStatus(db: Db, organizationId: string, id: string, status: 'running' | 'paused') {
  await getCampaign(db, organizationId, id);
  await db
    .update(schema.campaigns)
    .set({ status, updatedAt: new Date() })
    .where(
      and(
        eq(schema.campaigns.id, id),
        eq(schema.campaigns.organizationId, organizationId),
        sql`${schema.campaigns.status} <> 'done'`,
      ),
    );
  return getCampaign(db, organizationId, id);
}

let passes: Promise<unknown> = Promise.resolve();

/**
 * One pass over every running campaign at `now`: dials what the window, pace and retries allow.
 * Passes of one process run one after another (the pace is counted from the calls already placed).
 * Answers the dials placed.
 */
export function campaignTick(deps: OutboundDeps, now: Date): Promise<number> {
  const run = passes.then(() => tick(deps, now));
  passes = run.catch(() => undefined);
  return run;
}

async function tick(deps: OutboundDeps, now: Date): Promise<number> {
  const { db } = deps;
  const running = await db
    .select({ c: schema.campaigns, timezone: schema.organizations.timezone })
    .from(schema.campaigns)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.campaigns.organizationId))
    .where(eq(schema.campaigns.status, 'running'));
  let dialed = 0;
  for (const { c, timezone } of running) {
    if (!isWithinWindow(c.window, now, timezone)) continue;
    const [{ recent }] = await db
      .select({ recent: sql<number>`count(*)` })
      .from(schema.calls)
      .where(
        and(
          eq(schema.calls.organizationId, c.organizationId),
          sql`${schema.calls.metadata}->>'campaignId' = ${c.id}`,
          gt(schema.calls.startedAt, new Date(now.getTime() - 60_000)),
          lte(schema.calls.startedAt, now),
        ),
      );
    let budget = c.callsPerMinute - Number(recent);
    // The organization's lines are shared with reminders, follow-ups and manual calls: a busy line leaves the number pending.
    const cap = (await getChannelSettings(db, c.organizationId)).maxConcurrentCalls;
    while (budget > 0 && (await outboundCallsInProgress(db, c.organizationId, now)) < cap) {
      const [t] = await db
        .select()
        .from(schema.campaignTargets)
        .where(
          and(
            eq(schema.campaignTargets.campaignId, c.id),
            or(
              eq(schema.campaignTargets.status, 'pending'),
              and(
                inArray(schema.campaignTargets.status, [...RETRYABLE]),
                sql`${schema.campaignTargets.attempts} < ${c.maxAttempts}`,
                or(isNull(schema.campaignTargets.nextAttemptAt), lte(schema.campaignTargets.nextAttemptAt, now)),
              ),
            ),
          ),
        )
        .orderBy(asc(schema.campaignTargets.attempts), asc(schema.campaignTargets.e164))
        .limit(1);
      if (!t) break;
      // Checked right before the dial: a number added to the list a second ago is not called.
      if (await isDoNotCall(db, c.organizationId, t.e164)) {
        await db
          .update(schema.campaignTargets)
          .set({ status: 'opted_out', lastError: 'do_not_call', updatedAt: now })
          .where(eq(schema.campaignTargets.id, t.id));
        continue;
      }
      // Claimed only if nobody else took it meanwhile (another pass or node): the attempt count is the fence.
      const claimed = await db
        .update(schema.campaignTargets)
        .set({ status: 'calling', attempts: t.attempts + 1, nextAttemptAt: null, updatedAt: now })
        .where(
          and(
            eq(schema.campaignTargets.id, t.id),
            eq(schema.campaignTargets.attempts, t.attempts),
            eq(schema.campaignTargets.status, t.status),
          ),
        )
        .returning({ id: schema.campaignTargets.id });
      if (!claimed.length) continue;
      try {
        const call = await placeOutboundCall(
          deps,
          c.organizationId,
          {
            to: t.e164,
            purpose: c.purpose as 'custom',
            instructions: c.instructions,
            window: c.window,
            metadata: { campaignId: c.id, campaignTargetId: t.id },
          },
          now,
        );
        await db.update(schema.campaignTargets).set({ lastCallId: call.id }).where(eq(schema.campaignTargets.id, t.id));
      } catch (e) {
        if (isAppError(e) && e.code === 'AT_CAPACITY') {
          // Another dial took the last line between the check and the dial: the number goes back as it was.
          await db
            .update(schema.campaignTargets)
            .set({ status: t.status, attempts: t.attempts, nextAttemptAt: t.nextAttemptAt, updatedAt: now })
            .where(eq(schema.campaignTargets.id, t.id));
          break;
        }
        await db
          .update(schema.campaignTargets)
          .set({
            status: 'failed',
            lastError: e instanceof Error ? e.message : String(e),
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(t.attempts + 1)),
          })
          .where(eq(schema.campaignTargets.id, t.id));
      }
      budget--;
      dialed++;
    }
    await finishIfDone(db, c.id, c.maxAttempts);
  }
  return dialed;
}

async function finishIfDone(db: Db, campaignId: string, maxAttempts: number) {
  const [{ open }] = await db
    .select({ open: sql<number>`count(*)` })
    .from(schema.campaignTargets)
    .where(
      and(
        eq(schema.campaignTargets.campaignId, campaignId),
        or(
          inArray(schema.campaignTargets.status, ['pending', 'calling']),
          and(
            inArray(schema.campaignTargets.status, [...RETRYABLE]),
            sql`${schema.campaignTargets.attempts} < ${maxAttempts}`,
          ),
        ),
      ),
    );
  if (Number(open) === 0)
    await db
      .update(schema.campaigns)
      .set({ status: 'done', updatedAt: new Date() })
      .where(eq(schema.campaigns.id, campaignId));
}

/**
 * A campaign call finished: its number's progress from the call (voicemail, opted out, answered, or
 * not reached — then retried after the backoff while attempts remain). Runs in the call's closing transaction.
 */
export async function campaignCallCompleted(q: Queryable, call: CallRow, now: Date): Promise<void> {
  const targetId = (call.metadata as { campaignTargetId?: string }).campaignTargetId;
  if (!targetId) return;
  const [t] = await q.select().from(schema.campaignTargets).where(eq(schema.campaignTargets.id, targetId));
  if (!t) return;
  const reached = !!call.answeredAt;
  const status =
    call.outcome === 'opted_out'
      ? 'opted_out'
      : call.outcome === 'voicemail'
        ? 'voicemail'
        : reached
          ? 'answered'
          : ['busy', 'no-answer', 'canceled'].includes(call.status)
            ? 'no_answer'
            : 'failed';
  const retry =
    status === 'no_answer' || status === 'failed' ? new Date(now.getTime() + retryDelayMs(t.attempts)) : null;
  await q
    .update(schema.campaignTargets)
    .set({ status, nextAttemptAt: retry, updatedAt: now })
    .where(eq(schema.campaignTargets.id, targetId));
}
