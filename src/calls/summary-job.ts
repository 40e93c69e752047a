/**
 * The post-call summary job, kept on the call itself (`metadata.summaryJob`): a finished call whose
 * summary a language model should write is marked in the transaction that completes it, claimed by
 * one worker at a time (`FOR UPDATE SKIP LOCKED`, a lease for a worker that dies), and finished —
 * the model's summary or the composed one kept — in one transaction with its announcement. The
 * attempt number fences a worker whose lease ran out: its late finish changes nothing.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '../db/index.js';
import type { CallRow } from './records.js';

/** The state of a call's pending summary. */
interface SummaryJob {
  attempts: number;
  /**
   * Always `Date.toISOString()` (UTC, fixed width), so its text sorts as its time: the claim compares and
   * orders the text itself, as `calls_summary_job_due_idx` holds it, and never scans the calls table.
   */
  dueAt: string;
}

/** A claimed summary job: the call and the attempt that claimed it. */
export interface ClaimedSummary {
  call: CallRow;
  attempt: number;
}

/** Who wrote the summary an owner reads. */
export type SummaryAuthor = 'model' | 'composed';

/** Marks a call (in the transaction that completes it) for a summary by the language model, due at once. */
export async function deferSummary(tx: Queryable, callId: string, now: Date): Promise<void> {
  const job: SummaryJob = { attempts: 0, dueAt: now.toISOString() };
  await tx
    .update(schema.calls)
    .set({ metadata: sql`${schema.calls.metadata} || ${JSON.stringify({ summaryJob: job })}::jsonb` })
    .where(eq(schema.calls.id, callId));
}

/** Claims up to `limit` due summary jobs; each stays claimed for `leaseMs` (after that another worker may take it). */
export async function claimSummaries(db: Db, now: Date, leaseMs: number, limit: number): Promise<ClaimedSummary[]> {
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const res = await db.execute(sql`
    with due as (
      select id from calls
      where metadata->'summaryJob' is not null and metadata->'summaryJob'->>'dueAt' <= ${now.toISOString()}
      order by metadata->'summaryJob'->>'dueAt'
      limit ${limit}
      for update skip locked
    )
    update calls c set metadata = jsonb_set(c.metadata, '{summaryJob}', jsonb_build_object(
      'attempts', coalesce((c.metadata->'summaryJob'->>'attempts')::int, 0) + 1, 'dueAt', ${until}::text))
    from due where c.id = due.id
    returning c.id, (c.metadata->'summaryJob'->>'attempts')::int as attempt`);
  const claimed = (res as unknown as { rows: Array<{ id: string; attempt: number }> }).rows;
  if (!claimed.length) return [];
  const calls = await db
    .select()
    .from(schema.calls)
    .where(
      inArray(
        schema.calls.id,
        claimed.map((c) => c.id),
      ),
    );
  const byId = new Map(calls.map((call) => [call.id, call]));
  return claimed.flatMap((c) => {
    const call = byId.get(c.id);
    return call ? [{ call, attempt: Number(c.attempt) }] : [];
  });
}

const heldBy = (c: ClaimedSummary) =>
  and(eq(schema.calls.id, c.call.id), sql`(${schema.calls.metadata}->'summaryJob'->>'attempts')::int = ${c.attempt}`);

/**
 * Ends the job inside `tx`: the model's summary replaces the composed one (`text`), or the composed
 * one stays (`null`). Answers the updated call, or null when this attempt no longer holds the job.
 */
export async function finishSummary(tx: Queryable, c: ClaimedSummary, text: string | null): Promise<CallRow | null> {
  const by: SummaryAuthor = text ? 'model' : 'composed';
  const [row] = await tx
    .update(schema.calls)
    .set({
      ...(text ? { summary: text } : {}),
      metadata: sql`(${schema.calls.metadata} - 'summaryJob') || ${JSON.stringify({ summaryBy: by })}::jsonb`,
    })
    .where(heldBy(c))
    .returning();
  return row ?? null;
}

/** Puts the job back, due again at `dueAt`; false when this attempt no longer holds it. */
export async function retrySummary(db: Db, c: ClaimedSummary, dueAt: Date): Promise<boolean> {
  const rows = await db
    .update(schema.calls)
    .set({
      metadata: sql`jsonb_set(${schema.calls.metadata}, '{summaryJob,dueAt}', to_jsonb(${dueAt.toISOString()}::text))`,
    })
    .where(heldBy(c))
    .returning({ id: schema.calls.id });
  return rows.length === 1;
}
