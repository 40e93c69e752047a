import { and, asc, desc, eq, gte, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';
import { errors, isUuid } from '../lib/index.js';
import { OUTCOMES } from './outcome.js';

/** Filters of the calls list. */
export interface CallFilter {
  from?: Date;
  to?: Date;
  outcome?: string;
  status?: string;
  channel?: string;
  direction?: 'inbound' | 'outbound';
  q?: string;
  cursor?: string;
  limit?: number;
}

const encodeCursor = (startedAt: Date, id: string) =>
  Buffer.from(`${startedAt.toISOString()}|${id}`).toString('base64url');
function decodeCursor(c: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(c, 'base64url').toString().split('|');
  const d = new Date(at);
  if (!id || !isUuid(id) || Number.isNaN(d.getTime())) throw errors.validation('cursor is not valid');
  return { at: d, id };
}

/** The public shape of a call in lists. */
export const callView = (c: typeof schema.calls.$inferSelect) => ({
  id: c.id,
  callSid: c.callSid,
  channel: c.channel,
  direction: c.direction,
  from: c.from,
  to: c.to,
  status: c.status,
  outcome: c.outcome,
  engine: c.engine,
  startedAt: c.startedAt,
  endedAt: c.endedAt,
  durationSec: c.durationSec,
  costCents: c.costCents,
  summary: c.summary,
  appointmentId: c.appointmentId,
  leadId: c.leadId,
  /** The language the conversation was held in (ISO-639-1, after any switch); null before the agent spoke. */
  language: c.language,
});

/** Newest calls first, filtered and paged by an opaque cursor. `q` matches numbers, summary and what was said. */
export async function listCalls(db: Db, organizationId: string, f: CallFilter) {
  const limit = Math.min(Math.max(f.limit ?? 25, 1), 100);
  const where: SQL[] = [eq(schema.calls.organizationId, organizationId)];
  if (f.from) where.push(gte(schema.calls.startedAt, f.from));
  if (f.to) where.push(lt(schema.calls.startedAt, f.to));
  if (f.outcome) where.push(eq(schema.calls.outcome, f.outcome));
  if (f.status) where.push(eq(schema.calls.status, f.status));
  if (f.channel) where.push(eq(schema.calls.channel, f.channel as 'phone'));
  if (f.direction) where.push(eq(schema.calls.direction, f.direction));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    const said = db
      .select({ id: schema.callTurns.callId })
      .from(schema.callTurns)
      .where(and(eq(schema.callTurns.organizationId, organizationId), ilike(schema.callTurns.text, like)));
    where.push(
      or(
        ilike(schema.calls.from, like),
        ilike(schema.calls.to, like),
        ilike(schema.calls.summary, like),
        inArray(schema.calls.id, said),
      )!,
    );
  }
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(or(lt(schema.calls.startedAt, c.at), and(eq(schema.calls.startedAt, c.at), lt(schema.calls.id, c.id)))!);
  }
  const rows = await db
    .select()
    .from(schema.calls)
    .where(and(...where))
    .orderBy(desc(schema.calls.startedAt), desc(schema.calls.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(callView),
    ...(rows.length > limit && last ? { nextCursor: encodeCursor(last.startedAt, last.id) } : {}),
  };
}

/** One call with its transcript, events, linked appointment and lead. Another organization's id is 404. */
export async function getCallDetail(db: Db, organizationId: string, id: string) {
  if (!isUuid(id)) throw errors.notFound('call');
  const [call] = await db
    .select()
    .from(schema.calls)
    .where(and(eq(schema.calls.id, id), eq(schema.calls.organizationId, organizationId)));
  if (!call) throw errors.notFound('call');
  const [turns, events] = await Promise.all([
    db.select().from(schema.callTurns).where(eq(schema.callTurns.callId, id)).orderBy(asc(schema.callTurns.seq)),
    db.select().from(schema.callEvents).where(eq(schema.callEvents.callId, id)).orderBy(asc(schema.callEvents.at)),
  ]);
  const [appointment] = call.appointmentId
    ? await db
        .select()
        .from(schema.appointments)
        .where(
          and(eq(schema.appointments.id, call.appointmentId), eq(schema.appointments.organizationId, organizationId)),
        )
    : await db
        .select()
        .from(schema.appointments)
        .where(and(eq(schema.appointments.callId, id), eq(schema.appointments.organizationId, organizationId)))
        .limit(1);
  const [lead] = call.leadId
    ? await db
        .select()
        .from(schema.leads)
        .where(and(eq(schema.leads.id, call.leadId), eq(schema.leads.organizationId, organizationId)))
    : await db
        .select()
        .from(schema.leads)
        .where(and(eq(schema.leads.callId, id), eq(schema.leads.organizationId, organizationId)))
        .limit(1);
  return {
    ...callView(call),
    // our own authenticated route, never Twilio's address: the page holds no provider URL
    recordingUrl: call.recordingSid && !call.recordingDeletedAt ? `/api/calls/${call.id}/recording` : null,
    recording:
      call.recordingSid && !call.recordingDeletedAt
        ? { durationSec: call.recordingDurationSec, channels: call.recordingChannels }
        : null,
    turns: turns.map((t) => ({
      seq: t.seq,
      role: t.role,
      text: t.text,
      at: t.at,
      asrMs: t.asrMs,
      llmMs: t.llmMs,
      ttsMs: t.ttsMs,
      e2eMs: t.e2eMs,
      interrupted: t.interrupted,
      heardText: t.heardText,
    })),
    events: events.map((e) => ({ type: e.type, data: e.data, at: e.at })),
    appointment: appointment ?? null,
    lead: lead ?? null,
  };
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : null;

/** The home page's numbers for a period: calls, answered, booked, leads, urgent, latency, minutes, cost, calls per day. */
export async function dashboardMetrics(db: Db, organizationId: string, from: Date, to: Date, timezone: string) {
  // The owner's own test calls and test chats are not business: they count nowhere here.
  const inRange = and(
    eq(schema.calls.organizationId, organizationId),
    gte(schema.calls.startedAt, from),
    lt(schema.calls.startedAt, to),
    ne(schema.calls.channel, 'test'),
  );
  const notFromTest = (callId: typeof schema.leads.callId | typeof schema.appointments.callId) =>
    sql`not exists (select 1 from ${schema.calls} where ${schema.calls.id} = ${callId} and ${schema.calls.channel} = 'test')`;
  const [agg] = await db
    .select({
      calls: sql<number>`count(*)`,
      answered: sql<number>`count(*) filter (where ${schema.calls.answeredAt} is not null or ${schema.calls.channel} <> 'phone')`,
      booked: sql<number>`count(*) filter (where ${schema.calls.outcome} = 'booked')`,
      seconds: sql<number>`coalesce(sum(${schema.calls.durationSec}), 0)`,
      cost: sql<number>`coalesce(sum(${schema.calls.costCents}), 0)`,
    })
    .from(schema.calls)
    .where(inRange);
  const leadRange = and(
    eq(schema.leads.organizationId, organizationId),
    gte(schema.leads.createdAt, from),
    lt(schema.leads.createdAt, to),
    notFromTest(schema.leads.callId),
  );
  const [leads] = await db
    .select({
      leads: sql<number>`count(*)`,
      urgent: sql<number>`count(*) filter (where ${schema.leads.priority} = 'URGENT')`,
    })
    .from(schema.leads)
    .where(leadRange);
  const apptRange = and(
    eq(schema.appointments.organizationId, organizationId),
    gte(schema.appointments.createdAt, from),
    lt(schema.appointments.createdAt, to),
    notFromTest(schema.appointments.callId),
  );
  const [appts] = await db
    .select({ n: sql<number>`count(*)` })
    .from(schema.appointments)
    .where(apptRange);
  const lat = await db
    .select({ e2e: schema.callTurns.e2eMs })
    .from(schema.callTurns)
    .innerJoin(schema.calls, eq(schema.calls.id, schema.callTurns.callId))
    .where(and(inRange, sql`${schema.callTurns.e2eMs} is not null`));
  const e2e = lat.map((r) => r.e2e!).sort((a, b) => a - b);
  const perDay = await db
    .select({
      day: sql<string>`to_char(${schema.calls.startedAt} at time zone ${timezone}, 'YYYY-MM-DD')`,
      n: sql<number>`count(*)`,
    })
    .from(schema.calls)
    .where(inRange)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const outcomes = await db
    .select({ outcome: schema.calls.outcome, n: sql<number>`count(*)` })
    .from(schema.calls)
    .where(and(inRange, sql`${schema.calls.outcome} is not null`))
    .groupBy(schema.calls.outcome);
  const calls = Number(agg.calls);
  return {
    from,
    to,
    calls,
    answered: Number(agg.answered),
    answeredRate: calls ? Number(agg.answered) / calls : null,
    booked: Math.max(Number(agg.booked), 0),
    appointments: Number(appts.n),
    /** Finished calls per outcome (only outcomes that occurred), most valuable first. */
    byOutcome: Object.fromEntries(
      OUTCOMES.flatMap((o) => {
        const hit = outcomes.find((r) => r.outcome === o);
        return hit ? [[o, Number(hit.n)]] : [];
      }),
    ),
    leads: Number(leads.leads),
    urgent: Number(leads.urgent),
    avgE2eMs: e2e.length ? Math.round(e2e.reduce((a, b) => a + b, 0) / e2e.length) : null,
    // Medians and tails, not only the mean: one slow turn hides in an average.
    p50E2eMs: pct(e2e, 0.5),
    p95E2eMs: pct(e2e, 0.95),
    minutes: Math.round(Number(agg.seconds) / 6) / 10,
    estimatedCostCents: Number(agg.cost),
    callsPerDay: perDay.map((d) => ({ day: d.day, calls: Number(d.n) })),
  };
}
