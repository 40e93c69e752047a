import { and, eq, inArray, isNull, or, sql, type Placeholder } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/index.js';
import { jsonValue, preparedStatement, schema } from '../db/index.js';
import { achieved, deriveOutcome, type CallOutcome } from './outcome.js';
import { estimateCostCents } from './cost.js';
import { composeSummary, edgeAnswerOf, type CallFacts, type ToolFact } from './summary.js';

export type CallRow = typeof schema.calls.$inferSelect;

/** A new call record, written when the call starts (or when Twilio first tells us of it). */
export interface NewCall {
  organizationId: string;
  channel: 'phone' | 'chat' | 'test';
  direction?: 'inbound' | 'outbound';
  callSid?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string;
  engine?: string | null;
  startedAt?: Date;
  /** A one-time token for the media stream; stored only as a hash. */
  streamToken?: string;
  metadata?: Record<string, unknown>;
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('base64url');

/** What a call record stores of a media-stream token (a token given to a call after its record was written). */
export const streamTokenHash = hashToken;

/** The placeholder name of a column in the `row`-th row of a multi-row insert (the first row: the column's own name). */
const placeholderName = (column: string, row = 0) => (row ? `${column}${row}` : column);
/** One placeholder a column, named after it (see placeholderName). */
const placeholders = <K extends string>(keys: readonly K[], row = 0) =>
  Object.fromEntries(keys.map((k) => [k, sql.placeholder(placeholderName(k, row))])) as Record<K, Placeholder>;

/** The insert every call starts with, built once per database (see preparedStatement). */
const insertCall = preparedStatement('calls_insert', (q, name) =>
  q
    .insert(schema.calls)
    .values(
      placeholders([
        'organizationId',
        'channel',
        'direction',
        'callSid',
        'from',
        'to',
        'status',
        'engine',
        'startedAt',
        'streamTokenHash',
        'metadata',
      ]),
    )
    .onConflictDoNothing()
    .returning()
    .prepare(name),
);

/**
 * Creates the call record. With a `callSid` already known, answers the existing record instead; when
 * that call is still waiting for its media stream (Twilio asked again: its first answer never
 * arrived), the record takes this answer's `streamToken`, so the stream Twilio opens from it is the
 * one taken, and the earlier answer's token is void.
 */
export async function createCall(q: Queryable, c: NewCall): Promise<CallRow> {
  const values = {
    organizationId: c.organizationId,
    channel: c.channel,
    direction: c.direction ?? 'inbound',
    callSid: c.callSid ?? null,
    from: c.from ?? null,
    to: c.to ?? null,
    status: c.status ?? 'in-progress',
    engine: c.engine ?? null,
    startedAt: c.startedAt ?? new Date(),
    streamTokenHash: c.streamToken ? hashToken(c.streamToken) : null,
    metadata: c.metadata ?? {},
  };
  const [row] = await insertCall(q).execute(values);
  if (row) return row;
  const known = eq(schema.calls.callSid, c.callSid!);
  if (values.streamTokenHash) {
    const [renewed] = await q
      .update(schema.calls)
      .set({ streamTokenHash: values.streamTokenHash })
      .where(and(known, waitingForStream()))
      .returning();
    if (renewed) return renewed;
  }
  const [existing] = await q.select().from(schema.calls).where(known);
  return existing;
}

/** A call answered with a media stream that has not started: not started, not answered, not ended. */
function waitingForStream() {
  return and(isNull(schema.calls.streamTokenUsedAt), isNull(schema.calls.answeredAt), isNull(schema.calls.endedAt));
}

/** A stream's start: its call taken once, by its token (built once per database, see preparedStatement). */
const startCall = preparedStatement('calls_start_stream', (q, name) => {
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  return q
    .update(schema.calls)
    .set({ streamTokenUsedAt: now, answeredAt: now, status: 'in-progress' })
    .where(
      and(
        eq(schema.calls.id, sql.placeholder('callId')),
        eq(schema.calls.streamTokenHash, sql.placeholder('tokenHash')),
        isNull(schema.calls.streamTokenUsedAt),
        // a call given up on (its stream came too late) or ended by Twilio does not start
        isNull(schema.calls.endedAt),
      ),
    )
    .returning()
    .prepare(name);
});

/**
 * Consumes a call's one-time media-stream token: true exactly once, for the right call and token.
 * The database decides, so two sockets racing with the same token cannot both win.
 */
export async function consumeStreamToken(db: Db, callId: string, token: string, now: Date): Promise<CallRow | null> {
  const [row] = await startCall(db).execute({ callId, tokenHash: hashToken(token), now: now.toISOString() });
  return row ?? null;
}

/**
 * Ends a call answered with a media stream that never started (`failed`), unless the stream started
 * or Twilio ended the call meanwhile; true when it did. Its stream token is then refused.
 */
export async function giveUpUnstartedCall(db: Db, callId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(schema.calls)
    .set({ status: 'failed', endedAt: now })
    .where(and(eq(schema.calls.id, callId), waitingForStream()))
    .returning({ id: schema.calls.id });
  return rows.length > 0;
}

/** One completed exchange of a call, with its timings. */
export interface TurnInput {
  callerText: string;
  agentText: string;
  asrMs?: number | null;
  llmMs?: number | null;
  ttsMs?: number | null;
  e2eMs?: number | null;
  interrupted?: boolean;
  heardText?: string | null;
  at?: Date;
}

/** Appends a caller turn and an agent turn (in order) to the call. */
export async function recordTurn(db: Db, call: { id: string; organizationId: string }, t: TurnInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${schema.callTurns.seq}), -1) + 1` })
      .from(schema.callTurns)
      .where(eq(schema.callTurns.callId, call.id));
    const base = { organizationId: call.organizationId, callId: call.id, at: t.at ?? new Date() };
    const rows = [];
    let seq = Number(next);
    if (t.callerText)
      rows.push({ ...base, seq: seq++, role: 'caller' as const, text: t.callerText, asrMs: t.asrMs ?? null });
    if (t.agentText)
      rows.push({
        ...base,
        seq: seq++,
        role: 'agent' as const,
        text: t.agentText,
        llmMs: t.llmMs ?? null,
        ttsMs: t.ttsMs ?? null,
        e2eMs: t.e2eMs ?? null,
        interrupted: t.interrupted ?? false,
        heardText: t.heardText ?? null,
      });
    if (rows.length) await tx.insert(schema.callTurns).values(rows);
  });
}

/** The seq the call's next turn row takes. */
export async function nextTurnSeq(q: Queryable, callId: string): Promise<number> {
  const [{ next }] = await q
    .select({ next: sql<number>`coalesce(max(${schema.callTurns.seq}), -1) + 1` })
    .from(schema.callTurns)
    .where(eq(schema.callTurns.callId, callId));
  return Number(next);
}

/**
 * Writes a turn's rows at a place the caller chose (`seq`, and one id per row): writing it again —
 * a replay after an acknowledgement lost with the connection — changes nothing. Answers how many
 * seqs the turn takes (0–2).
 */
export async function appendTurn(
  q: Queryable,
  call: { id: string; organizationId: string },
  t: TurnInput,
  place: { seq: number; ids: [string, string] },
): Promise<number> {
  const base = { organizationId: call.organizationId, callId: call.id, at: t.at ?? new Date() };
  const none = { asrMs: null, llmMs: null, ttsMs: null, e2eMs: null, interrupted: false, heardText: null };
  const rows: Record<TurnColumn, unknown>[] = [];
  let seq = place.seq;
  if (t.callerText)
    rows.push({
      ...base,
      ...none,
      id: place.ids[0],
      seq: seq++,
      role: 'caller',
      text: t.callerText,
      asrMs: t.asrMs ?? null,
    });
  if (t.agentText)
    rows.push({
      ...base,
      ...none,
      id: place.ids[1],
      seq: seq++,
      role: 'agent',
      text: t.agentText,
      llmMs: t.llmMs ?? null,
      ttsMs: t.ttsMs ?? null,
      e2eMs: t.e2eMs ?? null,
      interrupted: t.interrupted ?? false,
      heardText: t.heardText ?? null,
    });
  if (rows.length)
    await insertTurns[rows.length - 1](q).execute(
      Object.fromEntries(rows.flatMap((row, i) => TURN_COLUMNS.map((c) => [placeholderName(c, i), row[c]]))),
    );
  return rows.length;
}

const TURN_COLUMNS = [
  'id',
  'organizationId',
  'callId',
  'seq',
  'role',
  'text',
  'asrMs',
  'llmMs',
  'ttsMs',
  'e2eMs',
  'interrupted',
  'heardText',
  'at',
] as const;
type TurnColumn = (typeof TURN_COLUMNS)[number];
/** A turn's one or two rows (caller, agent), each insert built once per database (see preparedStatement). */
const insertTurns = [1, 2].map((n) =>
  preparedStatement(`call_turns_insert_${n}`, (q, name) =>
    q
      .insert(schema.callTurns)
      .values(Array.from({ length: n }, (_, i) => placeholders(TURN_COLUMNS, i)))
      .onConflictDoNothing()
      .prepare(name),
  ),
);

/** Records anything else that happened on the call (tool calls, DTMF, barge-in, errors); with an `id`, a replay changes nothing. */
export async function recordEvent(
  q: Queryable,
  call: { id: string; organizationId: string },
  type: string,
  data: Record<string, unknown> = {},
  at = new Date(),
  id?: string,
) {
  await q
    .insert(schema.callEvents)
    .values({ ...(id ? { id } : {}), organizationId: call.organizationId, callId: call.id, type, data, at })
    .onConflictDoNothing();
}

/** Links the appointment or lead a call produced. */
export async function linkCall(q: Queryable, callId: string, link: { appointmentId?: string; leadId?: string }) {
  const set: Record<string, string> = {};
  if (link.appointmentId) set.appointmentId = link.appointmentId;
  if (link.leadId) set.leadId = link.leadId;
  if (Object.keys(set).length) await q.update(schema.calls).set(set).where(eq(schema.calls.id, callId));
}

/** Records the language the conversation is held in (ISO-639-1), as the agent detected it; unchanged rows are not written. */
export async function setCallLanguage(
  q: Queryable,
  call: { id: string; organizationId: string },
  language: string,
): Promise<void> {
  await q
    .update(schema.calls)
    .set({ language })
    .where(
      and(
        eq(schema.calls.id, call.id),
        eq(schema.calls.organizationId, call.organizationId),
        sql`${schema.calls.language} is distinct from ${language}`,
      ),
    );
}

/** Announces a finished call inside the transaction that closes it (the notify outbox). */
export type CallCompletedSink = (tx: Queryable, call: CallRow) => Promise<void>;

/**
 * Closes a call: status, duration, outcome (from its tool calls) and the cost estimate, announced in
 * the same transaction. Idempotent: a call that already has its outcome is answered as it is.
 */
export async function completeCall(
  db: Db,
  callId: string,
  end: {
    status?: string;
    endedAt: Date;
    reason?: string;
    costFlags?: { paidStt?: boolean; paidTts?: boolean; paidLlm?: boolean };
    /** How long the session itself measured the call: wins over `endedAt` minus the start (the two may come from different clocks). */
    durationMs?: number;
  },
  announce?: CallCompletedSink,
): Promise<CallRow | null> {
  const record = await loadClosingRecord(db, callId);
  if (!record) return null;
  const { call } = record;
  if (call.endedAt && call.outcome) return call;
  const status = call.endedAt ? call.status : (end.status ?? 'completed');
  const facts = callFacts(
    { ...record, call: { ...call, status } },
    deriveOutcome(
      record.tools.filter(achieved).map((t) => t.name),
      record.callerTurns,
    ),
  );
  const outcome: CallOutcome = facts.outcome;
  // Composed now, so the call has its summary the moment it ends (a model may write a better one later).
  const summary = call.summary ?? composeSummary(facts);
  const measured = end.durationMs != null && end.durationMs >= 0 ? end.durationMs : null;
  const endedAt = call.endedAt ?? (measured != null ? new Date(call.startedAt.getTime() + measured) : end.endedAt);
  const durationSec =
    call.durationSec ?? Math.max(0, Math.round((measured ?? endedAt.getTime() - call.startedAt.getTime()) / 1000));
  const costCents = estimateCostCents({ durationSec, channel: call.channel, engine: call.engine, ...end.costFlags });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(schema.calls)
      .set({
        status,
        endedAt,
        durationSec,
        outcome,
        costCents,
        summary,
        metadata: sql`${schema.calls.metadata} || ${JSON.stringify(end.reason ? { endReason: end.reason } : {})}::jsonb`,
      })
      .where(and(eq(schema.calls.id, callId), isNull(schema.calls.outcome)))
      .returning();
    if (row && announce) await announce(tx, row);
    return row ?? call;
  });
}

/** A call with everything its outcome and summary are written from. */
export interface ClosingRecord {
  call: CallRow;
  /** Its tool calls, in the order they happened. */
  tools: ToolFact[];
  callerTurns: number;
  /** The organization's time zone. */
  timezone: string;
  /** Its lead: the one linked, else the newest the call captured. */
  lead: { name: string | null; need: string | null; kind: string; priority: string } | null;
  /** Its appointment: the one linked, else the newest the call booked. */
  appointment: { customerName: string; serviceName: string | null; staffName: string | null; start: Date } | null;
}

const LEAD_JSON = sql.raw(`json_build_object('name', l.name, 'need', l.need, 'kind', l.kind, 'priority', l.priority)`);
const APPOINTMENT_JSON = sql.raw(
  `json_build_object('customerName', a.customer_name, 'serviceName', sv.name, 'staffName', st.name, 'start', a.start_at)`,
);
const APPOINTMENT_FROM = sql.raw(
  'appointments a left join services sv on sv.id = a.service_id left join staff st on st.id = a.staff_id',
);

/**
 * Reads a call and what closing it needs in one statement: every call that ends reads these, and calls
 * end in bursts (each statement a round trip on PostgreSQL, a turn of the node's thread on the embedded
 * database). Null when there is no such call.
 */
export async function loadClosingRecord(q: Queryable, callId: string): Promise<ClosingRecord | null> {
  const [row] = await closingRecord(q).execute({ callId });
  if (!row) return null;
  const tools = jsonValue<Array<Record<string, unknown>>>(row.tools).map((d) => ({
    name: String(d.name),
    ok: !!d.ok,
    args: (d.args ?? {}) as Record<string, unknown>,
    result: d.result,
  }));
  const appointment = jsonValue<(Omit<NonNullable<ClosingRecord['appointment']>, 'start'> & { start: string }) | null>(
    row.appointment,
  );
  return {
    call: row.call,
    tools,
    callerTurns: row.callerTurns,
    timezone: row.timezone ?? 'UTC',
    lead: jsonValue<ClosingRecord['lead']>(row.lead),
    appointment: appointment ? { ...appointment, start: new Date(appointment.start) } : null,
  };
}

/**
 * The closing read, built once per database (see preparedStatement). Written out by hand: in a
 * one-table select the query builder leaves column names unqualified, and the subqueries name the
 * same columns as the call (id, organization_id, call_id).
 */
const closingRecord = preparedStatement('calls_closing_record', (q, name) =>
  q
    .select({
      call: schema.calls,
      callerTurns:
        sql<number>`(select count(*) from call_turns t where t.call_id = calls.id and t.role = 'caller')`.mapWith(
          Number,
        ),
      tools: sql<unknown>`(select coalesce(json_agg(e.data order by e.at), '[]'::json) from call_events e
        where e.call_id = calls.id and e.type = 'tool_call')`,
      timezone: sql<string | null>`(select o.timezone from organizations o where o.id = calls.organization_id)`,
      // the one linked, else the newest the call made; each branch an index probe (by id, by call_id)
      lead: sql<unknown>`case when calls.lead_id is not null
        then (select ${LEAD_JSON} from leads l where l.id = calls.lead_id and l.organization_id = calls.organization_id)
        else (select ${LEAD_JSON} from leads l where l.call_id = calls.id and l.organization_id = calls.organization_id
          order by l.created_at desc limit 1) end`,
      appointment: sql<unknown>`case when calls.appointment_id is not null
        then (select ${APPOINTMENT_JSON} from ${APPOINTMENT_FROM}
          where a.id = calls.appointment_id and a.organization_id = calls.organization_id)
        else (select ${APPOINTMENT_JSON} from ${APPOINTMENT_FROM}
          where a.call_id = calls.id and a.organization_id = calls.organization_id order by a.created_at desc limit 1) end`,
    })
    .from(schema.calls)
    .where(eq(schema.calls.id, sql.placeholder('callId')))
    .prepare(name),
);

/** What the composed summary is written from: the call, its tool calls, and its lead and appointment. */
export function callFacts(r: ClosingRecord, outcome: CallOutcome): CallFacts {
  const { call, lead } = r;
  const edge = edgeAnswerOf(call);
  return {
    // A call the edge sent to voicemail is a message once the caller left one (its lead is the recording).
    outcome: edge && outcome === 'hangup' && lead?.kind === 'message' ? 'message' : outcome,
    channel: call.channel,
    direction: call.direction,
    timezone: r.timezone,
    status: call.status,
    callerTurns: r.callerTurns,
    tools: r.tools,
    lead,
    appointment: r.appointment,
    edge,
  };
}

/**
 * A voicemail's recording arrived after its call was closed as a hang-up: the call becomes a message
 * and its composed summary says so (a model-written summary is left as it is). No-op otherwise.
 */
export async function reviseVoicemailCall(db: Db, callId: string): Promise<void> {
  const record = await loadClosingRecord(db, callId);
  if (!record) return;
  const { call } = record;
  if (call.outcome !== 'hangup' || !edgeAnswerOf(call)) return;
  const facts = callFacts({ ...record, tools: [], callerTurns: 0 }, 'hangup');
  if (facts.outcome !== 'message') return;
  const by = (call.metadata as { summaryBy?: string }).summaryBy;
  await db
    .update(schema.calls)
    .set({ outcome: 'message', ...(by === 'model' ? {} : { summary: composeSummary(facts) }) })
    .where(and(eq(schema.calls.id, callId), eq(schema.calls.outcome, 'hangup')));
}

/** The interrupted call's summary (its turns so far stay on the call page). */
const INTERRUPTED_SUMMARY = 'The call was cut off by a server restart.';

/**
 * Marks the calls this node was running when it died as interrupted (their turns so far are kept).
 * Called at start; `nodeId` keeps one node from closing another node's live calls.
 */
export async function markInterruptedCalls(
  db: Db,
  nodeId: string,
  now: Date,
): Promise<Array<{ id: string; organizationId: string }>> {
  const rows = await db
    .update(schema.calls)
    .set({
      status: 'interrupted',
      endedAt: now,
      outcome: sql`coalesce(${schema.calls.outcome}, 'hangup')`,
      summary: sql`coalesce(${schema.calls.summary}, ${INTERRUPTED_SUMMARY})`,
    })
    .where(
      and(
        inArray(schema.calls.status, ['in-progress', 'ringing']),
        isNull(schema.calls.endedAt),
        sql`${schema.calls.metadata}->>'nodeId' = ${nodeId}`,
      ),
    )
    .returning({ id: schema.calls.id, organizationId: schema.calls.organizationId });
  return rows;
}

/**
 * A callback from Twilio about a call we placed, which names it (`?call=`) and carries its CallSid:
 * Twilio may report a call (busy at once, say) before the answer to our dial request gave us the
 * CallSid. The call takes the CallSid if it has none yet; answers the call when it is ours by that id,
 * else null (another call's CallSid is never overwritten).
 */
export async function adoptCallSid(db: Db, callId: string, callSid: string): Promise<CallRow | null> {
  const [row] = await db
    .update(schema.calls)
    .set({ callSid: sql`coalesce(${schema.calls.callSid}, ${callSid})` })
    .where(
      and(
        eq(schema.calls.id, callId),
        eq(schema.calls.direction, 'outbound'),
        or(isNull(schema.calls.callSid), eq(schema.calls.callSid, callSid)),
      ),
    )
    .returning();
  return row ?? null;
}

/** Updates the status Twilio reports, never moving a finished call back. */
export async function applyTelephonyStatus(
  db: Db,
  callSid: string,
  status: string,
  durationSec: number | null,
  at: Date,
): Promise<CallRow | null> {
  const final = ['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(status);
  const [row] = await db
    .update(schema.calls)
    .set({
      status: sql`case when ${schema.calls.endedAt} is null or ${final} then ${status} else ${schema.calls.status} end`,
      ...(final
        ? {
            endedAt: sql`coalesce(${schema.calls.endedAt}, ${at.toISOString()}::timestamptz)`,
            durationSec: durationSec ?? undefined,
          }
        : {}),
    })
    .where(eq(schema.calls.callSid, callSid))
    .returning();
  return row ?? null;
}

/** Records that the caller proved `phone` is theirs (a code texted to it was typed back): customer messages may go there. */
export async function noteVerifiedPhone(db: Db, callId: string, phone: string): Promise<void> {
  await db
    .update(schema.calls)
    .set({ metadata: sql`${schema.calls.metadata} || ${JSON.stringify({ verifiedPhone: phone })}::jsonb` })
    .where(eq(schema.calls.id, callId));
}
