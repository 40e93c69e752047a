/**
 * The escalation ladder for urgent leads: alert call to the first on-call number, then the next
 * number, then SMS with an acknowledge link, then email — each step after a configurable wait,
 * repeated in rounds until someone acknowledges. The state and its trail live in `leads.escalation`;
 * every step is an outbox message with a key naming the lead, round and step, so two nodes advancing
 * the same ladder queue each step once. Each step carries its own acknowledge link: a random token
 * kept only hashed in `escalation_acks` (looked up by key), valid ACK_LINK_TTL_MS; the raw token sits
 * in the step's outbox payload only until the message is sent (the dispatcher then removes it).
 */
import { createHash } from 'node:crypto';
import { and, eq, gt, ne, or, sql } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '../db/index.js';
import { newToken, type Clock } from '../lib/index.js';
import type { LeadFact } from './events.js';
import { enqueue, messageKey, orgSnapshot, type QueuedMessage } from './outbox.js';
import { loadNotificationSettings, type NotificationSettings } from './settings.js';
import type { MessagePayload } from './templates.js';

/** One rung of the ladder: a channel and the addresses it reaches at once. */
export interface EscalationStep {
  channel: 'call' | 'sms' | 'email';
  to: string[];
}

/** One line of the audit trail shown on the lead. */
export type EscalationTrailEntry =
  | {
      at: string;
      action: 'step';
      round: number;
      step: number;
      channel: EscalationStep['channel'];
      to: string[];
      keys: string[];
    }
  | { at: string; action: 'acknowledged'; by: string }
  | { at: string; action: 'exhausted'; rounds: number }
  | { at: string; action: 'no_recipients' }
  /** A later emergency of the same caller or chat joined this ladder instead of starting another. */
  | { at: string; action: 'joined'; leadId: string }
  /** The organization's daily alert budget was spent: this ladder only emails. */
  | { at: string; action: 'budget_spent'; budget: number };

/** The ladder's state, stored on the lead. */
export interface EscalationState {
  /** `joined`: this lead's emergency joined the open ladder of `joinedLeadId` (same caller or chat within 30 minutes). */
  status: 'active' | 'acknowledged' | 'exhausted' | 'joined';
  /** When the ladder started (the announcer's clock): the 30-minute window and the daily budget count from it. */
  startedAt?: string;
  joinedLeadId?: string;
  steps: EscalationStep[];
  waitSec: number;
  maxRounds: number;
  round: number;
  next: number;
  nextStepAt: string | null;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  trail: EscalationTrailEntry[];
}

/** The ladder an organization's settings describe. */
export function ladderOf(s: NotificationSettings): EscalationStep[] {
  const channels = s.events['lead.urgent'];
  const steps: EscalationStep[] = [];
  if (channels.includes('call')) for (const n of s.onCall) steps.push({ channel: 'call', to: [n] });
  const smsTo = [...new Set([...s.onCall, ...s.phones])];
  if (channels.includes('sms') && smsTo.length) steps.push({ channel: 'sms', to: smsTo });
  if (channels.includes('email') && s.emails.length) steps.push({ channel: 'email', to: s.emails });
  return steps;
}

type LeadRow = typeof schema.leads.$inferSelect;

/** A caller (number or chat) has one ladder at a time: a later emergency within this window joins it. */
export const LADDER_JOIN_WINDOW_MS = 30 * 60_000;
/** Alert ladders (calls and texts to the owner) one organization may start per 24 hours; later ones only email. */
export const DAILY_ALERT_LADDERS = 20;

/**
 * The open ladder this lead's emergency belongs to: another of the organization's leads, from the same
 * caller number or the same conversation, whose ladder started within the window.
 */
async function openLadderOf(q: Queryable, lead: LeadRow, now: Date): Promise<LeadRow | null> {
  const since = new Date(now.getTime() - LADDER_JOIN_WINDOW_MS).toISOString();
  const sameCaller =
    lead.phone && lead.callId
      ? or(eq(schema.leads.phone, lead.phone), eq(schema.leads.callId, lead.callId))
      : lead.phone
        ? eq(schema.leads.phone, lead.phone)
        : lead.callId
          ? eq(schema.leads.callId, lead.callId)
          : undefined;
  if (!sameCaller) return null;
  const [open] = await q
    .select()
    .from(schema.leads)
    .where(
      and(
        eq(schema.leads.organizationId, lead.organizationId),
        ne(schema.leads.id, lead.id),
        sameCaller,
        sql`${schema.leads.escalation}->>'status' in ('active', 'acknowledged', 'exhausted')`,
        sql`(${schema.leads.escalation}->>'startedAt')::timestamptz > ${since}::timestamptz`,
      ),
    )
    .orderBy(sql`${schema.leads.escalation}->>'startedAt'`)
    .limit(1)
    .for('update');
  return open ?? null;
}

/** Ladders the organization started in the 24 hours before `now`. */
async function laddersToday(q: Queryable, organizationId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.leads)
    .where(
      and(
        eq(schema.leads.organizationId, organizationId),
        sql`${schema.leads.escalation}->>'status' in ('active', 'acknowledged', 'exhausted')`,
        sql`(${schema.leads.escalation}->>'startedAt')::timestamptz > ${since}::timestamptz`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** How long an acknowledge link works after its alert step was queued. */
export const ACK_LINK_TTL_MS = 24 * 3_600_000;

const ackHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A fresh acknowledge token for one step of `leadId`'s ladder; only its hash is stored. */
async function issueAckToken(q: Queryable, leadId: string, now: Date): Promise<string> {
  const token = newToken(24);
  await q
    .insert(schema.escalationAcks)
    .values({ tokenHash: ackHash(token), leadId, expiresAt: new Date(now.getTime() + ACK_LINK_TTL_MS) });
  return token;
}

/** The lead an unexpired acknowledge token belongs to (by the hash's index), or null. */
async function leadOfAckToken(q: Queryable, token: string, now: Date): Promise<string | null> {
  if (!/^[\w-]{16,64}$/.test(token)) return null;
  const [row] = await q
    .select({ leadId: schema.escalationAcks.leadId })
    .from(schema.escalationAcks)
    .where(and(eq(schema.escalationAcks.tokenHash, ackHash(token)), gt(schema.escalationAcks.expiresAt, now)));
  return row?.leadId ?? null;
}

const leadData = (l: LeadFact | LeadRow) => ({
  leadId: l.id,
  name: l.name ?? null,
  phone: l.phone ?? null,
  email: l.email ?? null,
  address: l.address ?? null,
  need: l.need ?? null,
  priority: l.priority ?? 'URGENT',
});

/** Queues the current step of `st` and moves the state on; answers the new state. */
async function takeStep(
  q: Queryable,
  lead: LeadFact | LeadRow,
  st: EscalationState,
  now: Date,
): Promise<EscalationState> {
  const step = st.steps[st.next];
  const snap = await orgSnapshot(q, lead.organizationId);
  const payload: MessagePayload = {
    template: 'urgent_alert',
    event: 'lead.urgent',
    urgent: true,
    orgName: snap.orgName,
    timezone: snap.timezone,
    from: snap.from,
    data: leadData(lead),
    ackToken: await issueAckToken(q, lead.id, now),
  };
  const fact = `escalation:${lead.id}:r${st.round}:s${st.next}`;
  const msgs: QueuedMessage[] = step.to.map((to) => ({
    organizationId: lead.organizationId,
    event: 'lead.urgent',
    channel: step.channel,
    recipient: to,
    payload,
    idempotencyKey: messageKey(fact, step.channel, to),
  }));
  await enqueue(q, msgs, now);
  const trail: EscalationTrailEntry[] = [
    ...st.trail,
    {
      at: now.toISOString(),
      action: 'step',
      round: st.round,
      step: st.next,
      channel: step.channel,
      to: step.to,
      keys: msgs.map((m) => m.idempotencyKey),
    },
  ];
  const wrapped = st.next + 1 >= st.steps.length;
  const round = wrapped ? st.round + 1 : st.round;
  const next = wrapped ? 0 : st.next + 1;
  const nextStepAt = new Date(now.getTime() + st.waitSec * 1000).toISOString();
  // After the last round the state stays active for one more wait, then advance marks it exhausted.
  return { ...st, trail, round, next, nextStepAt };
}

async function save(q: Queryable, leadId: string, st: EscalationState): Promise<void> {
  await q
    .update(schema.leads)
    .set({ escalation: st as unknown as Record<string, unknown> })
    .where(eq(schema.leads.id, leadId));
}

/**
 * Starts the ladder for a lead inside the caller's transaction (announce() of `lead.urgent` calls
 * it). A lead whose ladder already started is left alone. The first step is queued at once.
 */
export async function startEscalationIn(
  q: Queryable,
  lead: LeadFact,
  now: Date,
  settings?: NotificationSettings,
): Promise<EscalationState | null> {
  const [row] = await q.select().from(schema.leads).where(eq(schema.leads.id, lead.id)).for('update');
  if (!row) return null;
  if (row.escalation && (row.escalation as { status?: string }).status)
    return row.escalation as unknown as EscalationState;
  const at = now.toISOString();
  const open = await openLadderOf(q, row, now);
  if (open) {
    // the same caller again: the owner is already being alerted; the ladder's trail names this lead too
    const st = open.escalation as unknown as EscalationState;
    await save(q, open.id, { ...st, trail: [...st.trail, { at, action: 'joined', leadId: row.id }] });
    const joined = { ...st, status: 'joined' as const, joinedLeadId: open.id, startedAt: at, trail: [] };
    await save(q, row.id, joined);
    return joined;
  }
  const s = settings ?? (await loadNotificationSettings(q, lead.organizationId));
  const overBudget = (await laddersToday(q, lead.organizationId, now)) >= DAILY_ALERT_LADDERS;
  // over the budget the owner still hears of it, by email only (calls and texts cost money an attacker would spend)
  const steps = overBudget ? ladderOf(s).filter((x) => x.channel === 'email') : ladderOf(s);
  let st: EscalationState = {
    status: 'active',
    startedAt: at,
    steps,
    waitSec: s.escalation.waitSec,
    maxRounds: overBudget ? 1 : s.escalation.maxRounds,
    round: 1,
    next: 0,
    nextStepAt: null,
    trail: overBudget ? [{ at, action: 'budget_spent', budget: DAILY_ALERT_LADDERS }] : [],
  };
  if (!steps.length) st = { ...st, status: 'exhausted', trail: [...st.trail, { at, action: 'no_recipients' }] };
  else st = await takeStep(q, row, st, now);
  await save(q, lead.id, st);
  return st;
}

/** Starts the urgent ladder for a stored lead (outside any transaction of the caller's). */
export async function startEscalation(
  db: Db,
  leadId: string,
  clock: Clock = { now: () => new Date() },
): Promise<EscalationState | null> {
  return db.transaction(async (tx) => {
    const [lead] = await tx.select().from(schema.leads).where(eq(schema.leads.id, leadId));
    return lead ? startEscalationIn(tx, lead, clock.now()) : null;
  });
}

/**
 * Takes every ladder step that is due at `now`. Leads are locked with SKIP LOCKED, so several
 * dispatchers share the work; answers how many steps were taken.
 */
export async function advanceEscalations(db: Db, now: Date, limit = 50): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(schema.leads)
      .where(
        and(
          // nextStepAt is always toISOString() (UTC, fixed width): its text compares as its time, and
          // `leads_escalation_due_idx` holds exactly the active ladders by it (no scan of every lead)
          sql`${schema.leads.escalation}->>'status' = 'active'`,
          sql`${schema.leads.escalation}->>'nextStepAt' <= ${now.toISOString()}`,
        ),
      )
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const lead of due) {
      const st = lead.escalation as unknown as EscalationState;
      if (st.round > st.maxRounds) {
        await save(tx, lead.id, {
          ...st,
          status: 'exhausted',
          nextStepAt: null,
          trail: [...st.trail, { at: now.toISOString(), action: 'exhausted', rounds: st.maxRounds }],
        });
      } else {
        await save(tx, lead.id, await takeStep(tx, lead, st, now));
      }
    }
    return due.length;
  });
}

/** The outcome of an acknowledge link or key press. */
export interface Acknowledgement {
  leadId: string;
  organizationId: string;
  alreadyAcknowledged: boolean;
  acknowledgedBy: string;
  acknowledgedAt: string;
}

/**
 * Stops the ladder of the lead whose acknowledge token this is and records who acknowledged.
 * Acknowledging twice keeps the first acknowledgement. Unknown tokens answer null.
 */
export async function acknowledgeEscalation(
  db: Db,
  token: string,
  by: string,
  now: Date,
): Promise<Acknowledgement | null> {
  return db.transaction(async (tx) => {
    const leadId = await leadOfAckToken(tx, token, now);
    if (!leadId) return null;
    const [lead] = await tx.select().from(schema.leads).where(eq(schema.leads.id, leadId)).for('update');
    if (!lead) return null;
    const st = lead.escalation as unknown as EscalationState;
    if (st.status === 'acknowledged') {
      return {
        leadId: lead.id,
        organizationId: lead.organizationId,
        alreadyAcknowledged: true,
        acknowledgedBy: st.acknowledgedBy ?? by,
        acknowledgedAt: st.acknowledgedAt ?? now.toISOString(),
      };
    }
    const at = now.toISOString();
    await save(tx, lead.id, {
      ...st,
      status: 'acknowledged',
      nextStepAt: null,
      acknowledgedAt: at,
      acknowledgedBy: by,
      trail: [...st.trail, { at, action: 'acknowledged', by }],
    });
    return {
      leadId: lead.id,
      organizationId: lead.organizationId,
      alreadyAcknowledged: false,
      acknowledgedBy: by,
      acknowledgedAt: at,
    };
  });
}

/** The state of the ladder an unexpired acknowledge token belongs to (for the link's page), or null. */
export async function escalationByToken(
  db: Db,
  token: string,
  now: Date,
): Promise<{ leadId: string; organizationId: string; state: EscalationState; need: string | null } | null> {
  const leadId = await leadOfAckToken(db, token, now);
  if (!leadId) return null;
  const [lead] = await db
    .select({
      id: schema.leads.id,
      organizationId: schema.leads.organizationId,
      need: schema.leads.need,
      escalation: schema.leads.escalation,
    })
    .from(schema.leads)
    .where(eq(schema.leads.id, leadId));
  return lead
    ? {
        leadId: lead.id,
        organizationId: lead.organizationId,
        state: lead.escalation as unknown as EscalationState,
        need: lead.need,
      }
    : null;
}

/** The ladder of one of the organization's leads, with the delivery status of every queued message. */
export async function escalationOf(db: Db, organizationId: string, leadId: string) {
  const [lead] = await db
    .select({ escalation: schema.leads.escalation })
    .from(schema.leads)
    .where(and(eq(schema.leads.id, leadId), eq(schema.leads.organizationId, organizationId)));
  if (!lead) return null;
  const st = lead.escalation as unknown as EscalationState | null;
  if (!st) return { status: 'none' as const, trail: [] };
  if (st.status === 'joined') return { status: 'joined' as const, joinedLeadId: st.joinedLeadId ?? null, trail: [] };
  const keys = st.trail.flatMap((t) => (t.action === 'step' ? t.keys : []));
  const rows = keys.length
    ? await db
        .select({
          key: schema.outbox.idempotencyKey,
          status: schema.outbox.status,
          sentAt: schema.outbox.sentAt,
          attempts: schema.outbox.attempts,
          lastError: schema.outbox.lastError,
        })
        .from(schema.outbox)
        .where(sql`${schema.outbox.idempotencyKey} in ${keys}`)
    : [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    status: st.status,
    round: Math.min(st.round, st.maxRounds),
    nextStepAt: st.nextStepAt,
    acknowledgedAt: st.acknowledgedAt ?? null,
    acknowledgedBy: st.acknowledgedBy ?? null,
    trail: st.trail.map((t) =>
      t.action === 'step'
        ? {
            ...t,
            deliveries: t.keys.map((k) => ({
              key: k,
              status: byKey.get(k)?.status ?? 'unknown',
              sentAt: byKey.get(k)?.sentAt?.toISOString() ?? null,
              lastError: byKey.get(k)?.lastError ?? null,
            })),
          }
        : t,
    ),
  };
}
