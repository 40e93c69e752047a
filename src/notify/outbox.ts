/** Writing messages into the outbox, and the organization snapshot every message carries. */
import { eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '../db/index.js';
import type { ChannelName } from './settings.js';
import type { MessagePayload } from './templates.js';

/** One message to queue. */
export interface QueuedMessage {
  organizationId: string;
  event: string;
  channel: ChannelName;
  recipient: string;
  payload: MessagePayload;
  idempotencyKey: string;
  /** Not before this time (quiet hours); default: `now` of enqueue. */
  notBefore?: Date;
}

/** What every message of an organization repeats: its name, timezone and sending number, and the agent's main language (ISO-639-1). */
export interface OrgSnapshot {
  orgName: string;
  timezone: string;
  from: string | null;
  language: string;
}

/** The main language of an agent's `language` setting: `auto` and absent are English, "es,en" is Spanish. */
export const mainLanguage = (setting: string | null | undefined): string => {
  const first = (setting ?? 'en').split(',')[0].trim().slice(0, 2).toLowerCase();
  return first === 'au' || !first ? 'en' : first;
};

/** The snapshot's columns, read from `organizations` (spelled out: inside a subquery drizzle leaves columns unqualified, and "id" would be the number's own). */
export const SNAPSHOT_COLUMNS = {
  name: schema.organizations.name,
  timezone: schema.organizations.timezone,
  from: sql<
    string | null
  >`(select p.e164 from phone_numbers p where p.organization_id = organizations.id order by p.created_at asc limit 1)`,
  language: sql<string | null>`(select a.language from agents a where a.organization_id = organizations.id limit 1)`,
};

/** The snapshot of a row read with SNAPSHOT_COLUMNS (defaults when there was none). */
export function snapshotOf(
  row: { name: string; timezone: string; from: string | null; language: string | null } | undefined,
): OrgSnapshot {
  return {
    orgName: row?.name ?? 'Your business',
    timezone: row?.timezone ?? 'UTC',
    from: row?.from ?? null,
    language: mainLanguage(row?.language),
  };
}

/** Reads the organization's name, timezone, first connected phone number and main language, in one statement. */
export async function orgSnapshot(q: Queryable, organizationId: string): Promise<OrgSnapshot> {
  const o = schema.organizations;
  const [row] = await q.select(SNAPSHOT_COLUMNS).from(o).where(eq(o.id, organizationId));
  return snapshotOf(row);
}

/** The language a conversation was held in (its call record's), else the business's main one: the customer's messages about it are written in it. */
export async function conversationLanguage(
  q: Queryable,
  callId: string | null | undefined,
  snap: OrgSnapshot,
): Promise<string> {
  if (!callId) return snap.language;
  const [call] = await q
    .select({ language: schema.calls.language })
    .from(schema.calls)
    .where(eq(schema.calls.id, callId));
  return call?.language ?? snap.language;
}

/** A stable idempotency key: the fact, the channel and the (normalised) recipient. */
export const messageKey = (fact: string, channel: ChannelName, recipient: string): string =>
  `${fact}|${channel}|${recipient.toLowerCase()}`;

/**
 * Inserts messages; a key already present is skipped (the unique index decides), so announcing the
 * same fact twice queues nothing twice. Due times come from the injected clock, never the database's
 * own `now()`, so a test clock and the dispatcher agree. Answers how many rows were new.
 */
export async function enqueue(q: Queryable, messages: QueuedMessage[], now: Date): Promise<number> {
  if (!messages.length) return 0;
  const rows = await q
    .insert(schema.outbox)
    .values(
      messages.map((m) => ({
        organizationId: m.organizationId,
        event: m.event,
        channel: m.channel,
        recipient: m.recipient,
        payload: m.payload as unknown as Record<string, unknown>,
        idempotencyKey: m.idempotencyKey,
        nextAttemptAt: m.notBefore ?? now,
      })),
    )
    .onConflictDoNothing({ target: schema.outbox.idempotencyKey })
    .returning({ id: schema.outbox.id });
  return rows.length;
}
