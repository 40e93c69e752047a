/**
 * A call's recording as we keep it: Twilio's recording id, its length and channels, and when
 * retention deleted it. The audio itself stays at Twilio and is only ever served through our API.
 */
import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';
import { errors, isUuid } from '../lib/index.js';

/** What Twilio's recording status callback reports about a finished recording. */
export interface RecordingReport {
  recordingSid: string;
  durationSec: number | null;
  channels: number | null;
}

/**
 * Stores a finished recording on its call. Idempotent: a repeated callback changes nothing, and a
 * recording retention deleted is never brought back by a late one. Answers whether it was new.
 */
export async function storeRecording(db: Db, callId: string, r: RecordingReport): Promise<boolean> {
  const rows = await db
    .update(schema.calls)
    .set({
      recordingSid: r.recordingSid,
      recordingUrl: null,
      recordingDurationSec: r.durationSec,
      recordingChannels: r.channels,
    })
    .where(
      and(
        eq(schema.calls.id, callId),
        isNull(schema.calls.recordingDeletedAt),
        sql`${schema.calls.recordingSid} is distinct from ${r.recordingSid}`,
      ),
    )
    .returning({ id: schema.calls.id });
  return rows.length > 0;
}

/** The recording of one of the organization's calls; 404 when the call is another's, absent, or has no (kept) recording. */
export async function recordingOfCall(
  db: Db,
  organizationId: string,
  callId: string,
): Promise<{ recordingSid: string; channels: number | null }> {
  if (!isUuid(callId)) throw errors.notFound('call');
  const [row] = await db
    .select({
      sid: schema.calls.recordingSid,
      channels: schema.calls.recordingChannels,
      deletedAt: schema.calls.recordingDeletedAt,
    })
    .from(schema.calls)
    .where(and(eq(schema.calls.id, callId), eq(schema.calls.organizationId, organizationId)));
  if (!row) throw errors.notFound('call');
  if (!row.sid || row.deletedAt) throw errors.notFound('recording');
  return { recordingSid: row.sid, channels: row.channels };
}

/** A kept recording older than its organization's retention. */
export interface ExpiredRecording {
  callId: string;
  organizationId: string;
  recordingSid: string;
}

/** Recordings whose call started more than the organization's retention days before `now` (oldest first). */
export async function expiredRecordings(db: Db, now: Date, limit = 200): Promise<ExpiredRecording[]> {
  return db
    .select({
      callId: schema.calls.id,
      organizationId: schema.calls.organizationId,
      recordingSid: sql<string>`${schema.calls.recordingSid}`,
    })
    .from(schema.calls)
    .innerJoin(schema.businessConfigs, eq(schema.businessConfigs.organizationId, schema.calls.organizationId))
    .where(
      and(
        isNotNull(schema.calls.recordingSid),
        isNull(schema.calls.recordingDeletedAt),
        lt(
          schema.calls.startedAt,
          sql`${now.toISOString()}::timestamptz - make_interval(days => ${schema.businessConfigs.recordingRetentionDays})`,
        ),
      ),
    )
    .orderBy(schema.calls.startedAt)
    .limit(limit);
}

/** Marks a recording deleted (after Twilio deleted it): the call keeps its transcript, loses its audio. */
export async function forgetRecording(db: Db, callId: string, now: Date): Promise<void> {
  await db.update(schema.calls).set({ recordingDeletedAt: now, recordingUrl: null }).where(eq(schema.calls.id, callId));
}
