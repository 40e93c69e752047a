/**
 * The outbox dispatcher. It claims due rows with `FOR UPDATE SKIP LOCKED` (so any number of
 * dispatchers on one PostgreSQL database share the work without taking the same row), marks them
 * `sending` with a lease, delivers, and records the outcome only if it still holds the claim (the
 * attempt number is the fencing token). A dispatcher that dies mid-send leaves its rows `sending`;
 * when the lease runs out another one takes them again with the same idempotency key.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { backoffDelay, maskPii, pollingLoop, type Clock, type Logger } from '../lib/index.js';
import type { Channels, OutboxMessage } from './channels/channel.js';
import { DeliveryDeferred, DeliveryError } from './errors.js';
import { advanceEscalations } from './escalation.js';
import { queueDailySummaries } from './daily-summary.js';
import type { ChannelName } from './settings.js';
import type { MessagePayload } from './templates.js';

/** Tuning of a dispatcher; every field has a default. */
export interface DispatcherOptions {
  /** Rows claimed per pass (default 50). */
  batchSize?: number;
  /** Messages in flight at once within a pass (default 8). */
  concurrency?: number;
  /** Idle wait between passes when nothing was due (default 1000 ms). */
  pollMs?: number;
  /** How long a claim holds before another dispatcher may take the row again (default 60 s). */
  leaseMs?: number;
  /** A single send is aborted after this long (default 30 s; must stay below the lease). */
  sendTimeoutMs?: number;
  /** Attempts before a message is dead-lettered (default 8). */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, with jitter (default 5 s, capped at 1 h). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Source of jitter in [0, 1) (injectable for tests). */
  random?: () => number;
  /** Whether each pass also takes due escalation steps (default true). */
  escalations?: boolean;
  /** How often a pass also queues due daily summaries (default every 60 s; 0 turns them off). */
  summaryEveryMs?: number;
  /** On stop, sends still running after this long are aborted and retried later (default 5 s). */
  stopGraceMs?: number;
}

/** What a dispatcher needs. */
export interface DispatcherDeps {
  db: Db;
  channels: Channels;
  clock: Clock;
  logger: Logger;
  options?: DispatcherOptions;
}

/** Counts of one pass. */
export interface PassResult {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  deferred: number;
  escalationSteps: number;
  summaries: number;
}

/** A running (or runnable) dispatcher. */
export interface Dispatcher {
  /** Starts polling; passes follow each other at once while work is due. */
  start(): void;
  /** Stops polling and waits for the pass in flight (sends still running after the grace are aborted and retried later). */
  stop(): Promise<void>;
  /** One pass: take escalation steps, claim due rows, deliver them. */
  runOnce(): Promise<PassResult>;
}

interface Row {
  id: string;
  organization_id: string;
  event: string;
  channel: ChannelName;
  recipient: string;
  payload: MessagePayload | string;
  idempotency_key: string;
  attempts: number;
  created_at: Date | string;
}

const toMessage = (r: Row): OutboxMessage => ({
  id: r.id,
  organizationId: r.organization_id,
  event: r.event,
  channel: r.channel,
  recipient: r.recipient,
  payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
  idempotencyKey: r.idempotency_key,
  attempts: r.attempts,
  createdAt: new Date(r.created_at),
});

/** Claims up to `limit` due rows (pending and due, or sending with an expired lease). */
export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const res = await db.execute(sql`
    with due as (
      select id from outbox
      where (status = 'pending' and next_attempt_at <= ${nowIso}::timestamptz)
         or (status = 'sending' and locked_until <= ${nowIso}::timestamptz)
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    update outbox o set status = 'sending', attempts = o.attempts + 1, locked_until = ${until}::timestamptz
    from due where o.id = due.id
    returning o.id, o.organization_id, o.event, o.channel, o.recipient, o.payload, o.idempotency_key, o.attempts, o.created_at`);
  return (res as unknown as { rows: Row[] }).rows.map(toMessage);
}

/** Exponential backoff with jitter: half the doubled delay fixed, half random (attempt ≥ 1). */
export function backoffMs(attempt: number, base: number, max: number, random: () => number): number {
  const d = backoffDelay(attempt - 1, base, max);
  return Math.round(d / 2 + random() * (d / 2));
}

async function settle(db: Db, m: OutboxMessage, set: ReturnType<typeof sql>): Promise<boolean> {
  const res = await db.execute(
    sql`update outbox set ${set} where id = ${m.id} and status = 'sending' and attempts = ${m.attempts} returning id`,
  );
  return (res as unknown as { rows: unknown[] }).rows.length === 1;
}

/** Builds a dispatcher over the given channels. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { db, channels, clock, logger } = deps;
  const o = deps.options ?? {};
  const opt = {
    batchSize: o.batchSize ?? 50,
    concurrency: o.concurrency ?? 8,
    pollMs: o.pollMs ?? 1000,
    leaseMs: o.leaseMs ?? 60_000,
    sendTimeoutMs: o.sendTimeoutMs ?? 30_000,
    maxAttempts: o.maxAttempts ?? 8,
    backoffBaseMs: o.backoffBaseMs ?? 5_000,
    backoffMaxMs: o.backoffMaxMs ?? 3_600_000,
    random: o.random ?? Math.random,
    escalations: o.escalations ?? true,
    summaryEveryMs: o.summaryEveryMs ?? 60_000,
    stopGraceMs: o.stopGraceMs ?? 5_000,
  };
  let stopping = new AbortController();
  let lastSummaries = -Infinity;
  const log = logger.child({ component: 'notify.dispatcher' });

  async function deliver(m: OutboxMessage, r: PassResult): Promise<void> {
    const channel = channels[m.channel];
    try {
      if (!channel) throw new DeliveryError(`no ${m.channel} channel configured`, true);
      await channel.send(m, AbortSignal.any([stopping.signal, AbortSignal.timeout(opt.sendTimeoutMs)]));
    } catch (e) {
      if (e instanceof DeliveryDeferred) {
        // Back to pending until its time, the attempt given back: waiting is not failing.
        const ok = await settle(
          db,
          m,
          sql`status = 'pending', locked_until = null, attempts = attempts - 1, last_error = ${e.message.slice(0, 1000)}, next_attempt_at = ${e.until.toISOString()}::timestamptz`,
        );
        if (ok) r.deferred++;
        return;
      }
      const permanent = e instanceof DeliveryError && e.permanent;
      const now = clock.now();
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
      const dead = permanent || m.attempts >= opt.maxAttempts;
      const next = new Date(now.getTime() + backoffMs(m.attempts, opt.backoffBaseMs, opt.backoffMaxMs, opt.random));
      const ok = await settle(
        db,
        m,
        dead
          ? sql`status = 'dead', locked_until = null, last_error = ${message}, payload = payload - 'ackToken'`
          : sql`status = 'pending', locked_until = null, last_error = ${message}, next_attempt_at = ${next.toISOString()}::timestamptz`,
      );
      if (ok) r[dead ? 'dead' : 'retried']++;
      log.warn(
        { outboxId: m.id, channel: m.channel, to: maskPii(m.recipient), attempt: m.attempts, dead, err: message },
        dead ? 'notification dead-lettered' : 'notification will be retried',
      );
      return;
    }
    const ok = await settle(
      db,
      m,
      sql`status = 'sent', sent_at = ${clock.now().toISOString()}::timestamptz, locked_until = null, last_error = null, payload = payload - 'ackToken'`,
    );
    if (ok) r.sent++;
    else log.warn({ outboxId: m.id }, 'delivered after its claim expired; another dispatcher owns it now');
  }

  async function runOnce(): Promise<PassResult> {
    const r: PassResult = { claimed: 0, sent: 0, retried: 0, dead: 0, deferred: 0, escalationSteps: 0, summaries: 0 };
    if (opt.escalations) r.escalationSteps = await advanceEscalations(db, clock.now());
    const t = clock.now().getTime();
    if (opt.summaryEveryMs > 0 && (t - lastSummaries >= opt.summaryEveryMs || t < lastSummaries)) {
      lastSummaries = t;
      r.summaries = await queueDailySummaries(db, clock.now());
    }
    const batch = await claimDue(db, clock.now(), opt.leaseMs, opt.batchSize);
    r.claimed = batch.length;
    let i = 0;
    const worker = async () => {
      while (i < batch.length) await deliver(batch[i++], r);
    };
    await Promise.all(Array.from({ length: Math.min(opt.concurrency, batch.length) }, worker));
    return r;
  }

  const loop = pollingLoop(runOnce, {
    pollMs: opt.pollMs,
    batchSize: opt.batchSize,
    onError: (e) => log.error({ err: e }, 'dispatcher pass failed'),
  });
  return {
    runOnce,
    start: loop.start,
    async stop() {
      // deliveries still running after the grace are aborted (they go back to the outbox for another node)
      const grace = setTimeout(() => stopping.abort(new Error('dispatcher stopping')), opt.stopGraceMs);
      await loop.stop();
      clearTimeout(grace);
      stopping = new AbortController();
    },
  };
}
