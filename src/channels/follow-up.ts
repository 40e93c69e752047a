/**
 * Lead follow-up: when the business turned it on, a new lead from the website chat or from a missed
 * call (a voicemail) is called back by the agent `delayMinutes` later. The call is an outbox row
 * written in the transaction that records the lead, so it is queued exactly once and survives a
 * restart; when it falls due the calling rules apply as to any call (outside the window it waits for
 * the opening, with every line busy it waits its turn, a do-not-call number is never dialed). The
 * lead carries where its follow-up stands: scheduled, calling, done with the call's outcome, or skipped and why.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { CallRow } from '../calls/index.js';
import { schema, type LeadFollowUp, type Queryable } from '../db/index.js';
import type { LeadRow } from '../leads/index.js';
import { enqueue, orgSnapshot, type Channel } from '../notify/index.js';
import type { Clock } from '../lib/index.js';
import { queueOutcomeOf } from './call-queue.js';
import { placeOutboundCall, type OutboundDeps } from './outbound/place.js';
import { getChannelSettings } from './settings.js';

/** The outbox event of a lead's follow-up call. */
export const FOLLOW_UP_EVENT = 'lead.follow_up';

/** What the agent is told on a follow-up call. */
const FOLLOW_UP_INSTRUCTIONS =
  'a follow-up to their enquiry: you are calling back about what they asked for, to help them book or answer their questions';

/** True for a lead the business wants called back: one from a website chat, or from a call nobody answered live. */
function isFollowUpSource(call: Pick<CallRow, 'channel' | 'direction' | 'answeredAt'>): boolean {
  return call.channel === 'chat' || (call.channel === 'phone' && call.direction === 'inbound' && !call.answeredAt);
}

async function setFollowUp(q: Queryable, lead: Pick<LeadRow, 'id' | 'organizationId'>, f: LeadFollowUp): Promise<void> {
  await q
    .update(schema.leads)
    .set({ followUp: f })
    .where(and(eq(schema.leads.id, lead.id), eq(schema.leads.organizationId, lead.organizationId)));
}

/**
 * In the lead's own transaction: queues its follow-up call when the business asked for them and the
 * lead qualifies (a phone number, from a chat or a missed call). Answers whether one was queued.
 */
export async function queueLeadFollowUp(tx: Queryable, lead: LeadRow, now: Date): Promise<boolean> {
  if (!lead.phone || !lead.callId || lead.kind === 'emergency') return false;
  const { followUp } = await getChannelSettings(tx, lead.organizationId);
  if (!followUp.enabled) return false;
  const [call] = await tx
    .select({
      channel: schema.calls.channel,
      direction: schema.calls.direction,
      answeredAt: schema.calls.answeredAt,
      language: schema.calls.language,
    })
    .from(schema.calls)
    .where(eq(schema.calls.id, lead.callId));
  if (!call || !isFollowUpSource(call)) return false;
  const dueAt = new Date(now.getTime() + followUp.delayMinutes * 60_000);
  const snap = await orgSnapshot(tx, lead.organizationId);
  const queued = await enqueue(
    tx,
    [
      {
        organizationId: lead.organizationId,
        event: FOLLOW_UP_EVENT,
        channel: 'call',
        recipient: lead.phone,
        idempotencyKey: `${FOLLOW_UP_EVENT}:${lead.id}`,
        notBefore: dueAt,
        payload: {
          template: 'agent_call',
          event: FOLLOW_UP_EVENT,
          urgent: false,
          orgName: snap.orgName,
          timezone: snap.timezone,
          from: snap.from,
          language: call.language ?? snap.language,
          data: { leadId: lead.id, to: lead.phone, need: lead.need },
        },
      },
    ],
    now,
  );
  if (queued)
    await setFollowUp(tx, lead, { status: 'scheduled', dueAt: dueAt.toISOString(), updatedAt: now.toISOString() });
  return queued > 0;
}

/**
 * Delivers a follow-up from the outbox: the agent calls the lead about its enquiry. Nothing is placed
 * twice for one lead (a redelivery, or a "call me back" that already called), nor for a lead the team
 * has taken on meanwhile; a do-not-call number is recorded on the lead as skipped.
 */
export function followUpCallChannel(deps: OutboundDeps & { clock: Clock }): Channel {
  const { db } = deps;
  return {
    label: 'outbound.follow-up-call',
    async send(m) {
      const leadId = String(m.payload.data.leadId ?? '');
      const now = deps.clock.now();
      const [lead] = await db
        .select()
        .from(schema.leads)
        .where(and(eq(schema.leads.id, leadId), eq(schema.leads.organizationId, m.organizationId)));
      if (!lead) return;
      const base = { dueAt: lead.followUp?.dueAt ?? now.toISOString(), updatedAt: now.toISOString() };
      const [called] = await db
        .select({ id: schema.calls.id })
        .from(schema.calls)
        .where(
          and(
            eq(schema.calls.organizationId, m.organizationId),
            eq(schema.calls.direction, 'outbound'),
            sql`${schema.calls.metadata}->>'leadId' = ${lead.id}`,
          ),
        )
        .limit(1);
      if (called) {
        if (lead.followUp?.status === 'scheduled')
          await setFollowUp(db, lead, { ...base, status: 'skipped', reason: 'already_called', callId: called.id });
        return;
      }
      if (lead.status !== 'new') return setFollowUp(db, lead, { ...base, status: 'skipped', reason: 'handled' });
      try {
        const call = await placeOutboundCall(
          deps,
          m.organizationId,
          {
            to: m.recipient,
            purpose: 'follow_up',
            leadId: lead.id,
            instructions: FOLLOW_UP_INSTRUCTIONS,
            metadata: { followUpLeadId: lead.id },
          },
          now,
        );
        // A call that ended before its dial request came back (busy at once) already wrote its outcome here.
        await db
          .update(schema.leads)
          .set({ followUp: { ...base, status: 'calling', callId: call.id } })
          .where(
            and(eq(schema.leads.id, lead.id), sql`${schema.leads.followUp}->>'callId' is distinct from ${call.id}`),
          );
      } catch (e) {
        const outcome = queueOutcomeOf(e, now);
        if ((e as { code?: string }).code === 'DO_NOT_CALL')
          return setFollowUp(db, lead, { ...base, status: 'skipped', reason: 'do_not_call' });
        throw outcome;
      }
    },
  };
}

/** A follow-up call ended (in its closing transaction): the lead gets the call's outcome, and is `contacted` when someone answered. */
export async function followUpCallCompleted(q: Queryable, call: CallRow, now: Date): Promise<void> {
  const leadId = (call.metadata as { followUpLeadId?: string }).followUpLeadId;
  if (!leadId) return;
  const [lead] = await q
    .select()
    .from(schema.leads)
    .where(and(eq(schema.leads.id, leadId), eq(schema.leads.organizationId, call.organizationId)));
  if (!lead) return;
  const reached = !!call.answeredAt && call.outcome !== 'voicemail';
  await q
    .update(schema.leads)
    .set({
      followUp: {
        dueAt: lead.followUp?.dueAt ?? now.toISOString(),
        status: 'done',
        callId: call.id,
        outcome: call.outcome ?? call.status,
        updatedAt: now.toISOString(),
      },
      ...(reached && lead.status === 'new' ? { status: 'contacted' as const } : {}),
      updatedAt: now,
    })
    .where(eq(schema.leads.id, lead.id));
}
