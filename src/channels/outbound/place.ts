/**
 * Placing a call the agent makes: the rules first (never a do-not-call number, never outside the
 * calling window), then the call record (direction outbound, with the plan the session will run and
 * the organization's voice engine) under the organization's cap on calls at once, then the dial
 * through the telephony port. A dial that fails leaves a failed record, not a ghost. At the cap a call
 * either is refused (`AT_CAPACITY`, for a queue that retries it) or waits as a `waiting` record whose
 * dial the outbox runs when a line is free.
 */
import { and, asc, eq } from 'drizzle-orm';
import { sayInstant } from '../../brain/index.js';
import { composeSummary, createCall, streamTokenHash, type CallRow } from '../../calls/index.js';
import { schema, type Db } from '../../db/index.js';
import { enqueue } from '../../notify/index.js';
import { AppError, errors, newToken } from '../../lib/index.js';
import { isWithinWindow, nextWindowOpening } from '../calling-window.js';
import { isDoNotCall } from '../do-not-call.js';
import { getChannelSettings } from '../settings.js';
import { CAPACITY_RETRY_MS, takeOutboundSlot } from './capacity.js';
import type { OutboundPlan, OutboundPurpose } from './conversation.js';

/** The outbox event that dials a call which waited for a free line. */
export const OUTBOUND_DIAL_EVENT = 'outbound.dial';

/** What to call and why. */
export interface OutboundRequest {
  to: string;
  purpose: OutboundPurpose;
  appointmentId?: string;
  leadId?: string;
  instructions?: string;
  /** A campaign's own window replaces the organization's calling window. */
  window?: (typeof schema.channelSettings.$inferSelect)['callingWindow'];
  /** Extra metadata on the call record (a campaign target's id, say). */
  metadata?: Record<string, unknown>;
}

/** Places a call through the telephony provider; answers its call id there (Twilio's CallSid). */
export interface Dialer {
  dial(call: {
    organizationId: string;
    callId: string;
    to: string;
    from: string;
    streamToken: string;
  }): Promise<{ callSid: string }>;
}

/** The voice engine a call runs on. */
export type CallEngineKind = 'cascade' | 'realtime';

/** What placing a call needs. */
export interface OutboundDeps {
  db: Db;
  dialer: Dialer;
  /** The engine the organization chose, by the same rule as its inbound calls (cascade when absent). */
  engineFor?(organizationId: string): Promise<CallEngineKind>;
}

/** What to do when the organization's outbound lines are all busy. */
export interface PlaceOptions {
  /** `refuse` (default) throws AT_CAPACITY for a caller that retries; `wait` records the call as waiting and queues its dial. */
  whenBusy?: 'refuse' | 'wait';
}

/** Error codes of outbound calling (422: the request is valid but the rules forbid it now). */
export const outboundErrors = {
  doNotCall: () => new AppError('DO_NOT_CALL', 'this number is on the do-not-call list', 422),
  outsideWindow: (next: Date | null) =>
    new AppError(
      'OUTSIDE_CALLING_WINDOW',
      'outside the calling hours of the business',
      422,
      next ? { nextOpening: next.toISOString() } : undefined,
    ),
  noCallerId: () => new AppError('NO_CALLER_ID', 'connect a phone number first: outbound calls come from it', 422),
  dialFailed: (message: string) => new AppError('TELEPHONY_FAILED', `the call could not be placed: ${message}`, 502),
  atCapacity: (cap: number) => new AppError('AT_CAPACITY', `all ${cap} outbound lines are busy`, 429),
};

/** The rules that hold before every dial: not on the list, inside the window. Throws the 422 that applies. */
export async function checkCallRules(
  db: Db,
  organizationId: string,
  to: string,
  now: Date,
  window?: OutboundRequest['window'],
): Promise<void> {
  if (await isDoNotCall(db, organizationId, to)) throw outboundErrors.doNotCall();
  const [org] = await db
    .select({ timezone: schema.organizations.timezone })
    .from(schema.organizations)
    .where(eq(schema.organizations.id, organizationId));
  const w = window ?? (await getChannelSettings(db, organizationId)).callingWindow;
  if (!isWithinWindow(w, now, org.timezone))
    throw outboundErrors.outsideWindow(nextWindowOpening(w, now, org.timezone));
}

/** Resolves what the call is about into the plan its session runs (stored on the call record). */
async function planOf(
  db: Db,
  organizationId: string,
  req: OutboundRequest,
  callbackNumber: string,
): Promise<OutboundPlan> {
  const [org] = await db.select().from(schema.organizations).where(eq(schema.organizations.id, organizationId));
  const plan: OutboundPlan = {
    purpose: req.purpose,
    businessName: org.name,
    callbackNumber,
    instructions: req.instructions ?? null,
  };
  if (req.appointmentId) {
    const [a] = await db
      .select({
        id: schema.appointments.id,
        start: schema.appointments.startAt,
        status: schema.appointments.status,
        serviceName: schema.services.name,
      })
      .from(schema.appointments)
      .innerJoin(schema.services, eq(schema.services.id, schema.appointments.serviceId))
      .where(
        and(eq(schema.appointments.id, req.appointmentId), eq(schema.appointments.organizationId, organizationId)),
      );
    if (!a) throw errors.notFound('appointment');
    const start = a.start.toISOString();
    plan.appointment = { id: a.id, serviceName: a.serviceName, start, when: sayInstant(start, org.timezone) };
  } else if (req.purpose === 'reminder') {
    throw errors.validation('a reminder call needs appointmentId', {
      fields: [{ path: 'body.appointmentId', message: 'required for a reminder' }],
    });
  }
  if (req.leadId) {
    const [l] = await db
      .select({ need: schema.leads.need })
      .from(schema.leads)
      .where(and(eq(schema.leads.id, req.leadId), eq(schema.leads.organizationId, organizationId)));
    if (!l) throw errors.notFound('lead');
    plan.need = l.need;
  }
  return plan;
}

/**
 * Checks the rules, records the call and dials. Answers the call record: status `queued` with its
 * CallSid, or `waiting` (no CallSid yet) when the lines are busy and `whenBusy` is `wait`.
 */
export async function placeOutboundCall(
  deps: OutboundDeps,
  organizationId: string,
  req: OutboundRequest,
  now: Date,
  opts: PlaceOptions = {},
): Promise<CallRow> {
  const { db } = deps;
  await checkCallRules(db, organizationId, req.to, now, req.window);
  const [number] = await db
    .select({ e164: schema.phoneNumbers.e164 })
    .from(schema.phoneNumbers)
    .where(eq(schema.phoneNumbers.organizationId, organizationId))
    .orderBy(asc(schema.phoneNumbers.createdAt))
    .limit(1);
  if (!number) throw outboundErrors.noCallerId();
  const plan = await planOf(db, organizationId, req, number.e164);
  const engine = (await deps.engineFor?.(organizationId)) ?? 'cascade';
  const metadata = {
    ...req.metadata,
    purpose: req.purpose,
    appointmentId: req.appointmentId ?? null,
    leadId: req.leadId ?? null,
    outbound: plan,
    window: req.window ?? null,
  };
  const streamToken = newToken(24);
  const call = await db.transaction(async (tx) => {
    const slot = await takeOutboundSlot(tx, organizationId, now);
    if (!slot.free && opts.whenBusy !== 'wait') throw outboundErrors.atCapacity(slot.cap);
    const row = await createCall(tx, {
      organizationId,
      channel: 'phone',
      direction: 'outbound',
      from: number.e164,
      to: req.to,
      startedAt: now,
      engine,
      metadata,
      ...(slot.free ? { status: 'queued', streamToken } : { status: 'waiting' }),
    });
    if (!slot.free) {
      await enqueue(
        tx,
        [
          {
            organizationId,
            event: OUTBOUND_DIAL_EVENT,
            channel: 'call',
            recipient: req.to,
            idempotencyKey: `${OUTBOUND_DIAL_EVENT}:${row.id}`,
            payload: {
              template: 'agent_call',
              event: OUTBOUND_DIAL_EVENT,
              urgent: false,
              orgName: plan.businessName,
              timezone: 'UTC',
              from: number.e164,
              data: { callId: row.id, to: req.to, need: plan.need ?? plan.instructions ?? null },
            },
            notBefore: new Date(now.getTime() + CAPACITY_RETRY_MS),
          },
        ],
        now,
      );
    }
    return row;
  });
  return call.status === 'waiting' ? call : dial(deps, call, streamToken, now);
}

/** Dials a recorded call; a failure closes its record as failed and throws TELEPHONY_FAILED. */
async function dial(deps: OutboundDeps, call: CallRow, streamToken: string, now: Date): Promise<CallRow> {
  const { db } = deps;
  try {
    const { callSid } = await deps.dialer.dial({
      organizationId: call.organizationId,
      callId: call.id,
      to: call.to!,
      from: call.from!,
      streamToken,
    });
    const [row] = await db.update(schema.calls).set({ callSid }).where(eq(schema.calls.id, call.id)).returning();
    return row;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await db
      .update(schema.calls)
      .set({
        status: 'failed',
        endedAt: now,
        durationSec: 0,
        outcome: 'hangup',
        summary: DIAL_FAILED_SUMMARY,
        metadata: { ...call.metadata, dialError: message },
      })
      .where(eq(schema.calls.id, call.id));
    throw outboundErrors.dialFailed(message);
  }
}

/** What the owner reads for a call that never left: the same words as any unplaced call. */
const DIAL_FAILED_SUMMARY = composeSummary({
  outcome: 'hangup',
  channel: 'phone',
  direction: 'outbound',
  timezone: 'UTC',
  status: 'failed',
  callerTurns: 0,
  tools: [],
});

/** Why a waiting call was not dialed now. */
export type WaitingDial = { placed: CallRow } | { gone: true } | { retryAt: Date; reason: 'busy' | 'outside_window' };

/**
 * Dials a call that waited for a free line, if it still waits: the do-not-call list and the window
 * are checked again (a number added meanwhile is not called; outside the window it waits for the
 * opening). Taking it from `waiting` to `queued` is fenced, so it is dialed once however often this runs.
 */
export async function dialWaitingCall(
  deps: OutboundDeps,
  organizationId: string,
  callId: string,
  now: Date,
): Promise<WaitingDial> {
  const { db } = deps;
  const [call] = await db
    .select()
    .from(schema.calls)
    .where(and(eq(schema.calls.id, callId), eq(schema.calls.organizationId, organizationId)));
  if (!call || call.status !== 'waiting') return { gone: true };
  const window = (call.metadata as { window?: OutboundRequest['window'] }).window ?? undefined;
  try {
    await checkCallRules(db, organizationId, call.to!, now, window);
  } catch (e) {
    if (e instanceof AppError && e.code === 'OUTSIDE_CALLING_WINDOW') {
      const next = (e.details as { nextOpening?: string } | undefined)?.nextOpening;
      if (next) return { retryAt: new Date(next), reason: 'outside_window' };
    }
    const reason = e instanceof AppError ? e.code.toLowerCase() : 'failed';
    await db
      .update(schema.calls)
      .set({
        status: 'canceled',
        endedAt: now,
        durationSec: 0,
        outcome: 'hangup',
        summary: DIAL_FAILED_SUMMARY,
        metadata: { ...call.metadata, dialError: reason },
      })
      .where(and(eq(schema.calls.id, callId), eq(schema.calls.status, 'waiting')));
    return { gone: true };
  }
  const streamToken = newToken(24);
  const taken = await db.transaction(async (tx): Promise<CallRow | 'gone' | null> => {
    if (!(await takeOutboundSlot(tx, organizationId, now)).free) return null;
    const rows = await tx
      .update(schema.calls)
      .set({ status: 'queued', startedAt: now, streamTokenHash: streamTokenHash(streamToken) })
      .where(and(eq(schema.calls.id, callId), eq(schema.calls.status, 'waiting')))
      .returning();
    return rows[0] ?? 'gone';
  });
  if (taken === 'gone') return { gone: true };
  if (!taken) return { retryAt: new Date(now.getTime() + CAPACITY_RETRY_MS), reason: 'busy' };
  return { placed: await dial(deps, taken, streamToken, now) };
}

/** The plan stored on an outbound call's record (null for any other call). */
export function outboundPlanOf(call: Pick<CallRow, 'direction' | 'metadata'>): OutboundPlan | null {
  return call.direction === 'outbound' ? ((call.metadata as { outbound?: OutboundPlan }).outbound ?? null) : null;
}
