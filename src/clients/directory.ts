/**
 * The client directory: every person who booked, called or chatted, read from the appointments,
 * leads and calls themselves (one person per phone number, else per email), so it can never drift
 * from them; the owner's own name and notes for a client are stored beside it (client_notes).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { errors } from '../lib/index.js';

/** A client as listed. `id` is opaque and stable (derived from the phone or email). */
export interface ClientSummary {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  visits: number;
  callCount: number;
}

/** Filters of the list: `q` matches name, email or the digits of the number. */
export interface ClientFilter {
  q?: string;
  cursor?: string;
  limit?: number;
}

type Row = {
  id: string;
  key: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  first_seen: string | Date;
  last_seen: string | Date;
  visits: number | string;
  calls: number | string;
};

const iso = (d: string | Date) => new Date(d).toISOString();
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/**
 * Everyone the business has heard from, one row per identity: a phone number (E.164 as stored), else
 * a lower-cased email. Test calls from the dashboard are not clients.
 */
function directory(organizationId: string): SQL {
  return sql`
    with seen as (
      select coalesce(customer_phone, lower(customer_email)) as key, customer_name as name, customer_phone as phone,
             lower(customer_email) as email, created_at as at, 1 as visit, 0 as call
        from appointments where organization_id = ${organizationId} and status <> 'cancelled'
      union all
      select coalesce(phone, lower(email)), name, phone, lower(email), created_at, 0, 0
        from leads where organization_id = ${organizationId}
      union all
      select case when direction = 'outbound' then to_number else from_number end, null, case when direction = 'outbound' then to_number else from_number end, null, started_at, 0, 1
        from calls where organization_id = ${organizationId} and channel = 'phone'
    ), people as (
      select key,
             (array_agg(name order by at desc) filter (where name is not null and name <> ''))[1] as name,
             max(phone) as phone,
             (array_agg(email order by at desc) filter (where email is not null))[1] as email,
             min(at) as first_seen, max(at) as last_seen, sum(visit) as visits, sum(call) as calls
        from seen where key is not null and key <> '' group by key
    )
    select md5(${organizationId} || ':' || p.key) as id, p.key, coalesce(n.name, p.name) as name, p.phone, p.email, n.notes,
           p.first_seen, p.last_seen, p.visits, p.calls
      from people p left join client_notes n on n.organization_id = ${organizationId} and n.client_key = p.key`;
}

const toSummary = (r: Row): ClientSummary => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  email: r.email,
  notes: r.notes,
  firstSeenAt: iso(r.first_seen),
  lastSeenAt: iso(r.last_seen),
  visits: Number(r.visits),
  callCount: Number(r.calls),
});

/** The directory, most recently seen first, paged by an opaque cursor (GET /api/clients). */
export async function listClients(
  db: Db,
  organizationId: string,
  f: ClientFilter = {},
): Promise<{ items: ClientSummary[]; nextCursor?: string }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 100);
  const offset = f.cursor ? Number(Buffer.from(f.cursor, 'base64url').toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw errors.validation('cursor is not valid');
  const q = f.q?.trim() ?? '';
  const digits = q.replace(/\D/g, '');
  const like = `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  const match = q
    ? sql`where d.name ilike ${like} or d.email ilike ${like}${digits.length >= 3 ? sql` or regexp_replace(coalesce(d.phone, ''), '\\D', '', 'g') like ${`%${digits}%`}` : sql``}`
    : sql``;
  const res = await db.execute(
    sql`select * from (${directory(organizationId)}) d ${match} order by d.last_seen desc, d.key limit ${limit + 1} offset ${offset}`,
  );
  const rows = rowsOf<Row>(res);
  const items = rows.slice(0, limit).map(toSummary);
  return {
    items,
    ...(rows.length > limit ? { nextCursor: Buffer.from(String(offset + limit)).toString('base64url') } : {}),
  };
}

/** One client row by id, with its identity key; another organization's id is 404. */
async function findRow(db: Db, organizationId: string, id: string): Promise<Row> {
  if (!/^[0-9a-f]{32}$/.test(id)) throw errors.notFound('client');
  const [row] = rowsOf<Row>(await db.execute(sql`select * from (${directory(organizationId)}) d where d.id = ${id}`));
  if (!row) throw errors.notFound('client');
  return row;
}

/** A client with their appointments (newest first) and calls and chats (GET /api/clients/:id). */
export async function getClient(db: Db, organizationId: string, id: string) {
  const row = await findRow(db, organizationId, id);
  const key = row.key;
  const appointments = rowsOf<{
    id: string;
    start_at: Date | string;
    end_at: Date | string;
    status: string;
    service_name: string;
    staff_name: string | null;
    notes: string | null;
  }>(
    await db.execute(sql`
    select a.id, a.start_at, a.end_at, a.status, s.name as service_name, st.name as staff_name, a.notes
      from appointments a join services s on s.id = a.service_id left join staff st on st.id = a.staff_id
     where a.organization_id = ${organizationId} and (a.customer_phone = ${key} or lower(a.customer_email) = ${key})
     order by a.start_at desc limit 200`),
  );
  const calls = rowsOf<{
    id: string;
    channel: string;
    direction: string;
    started_at: Date | string;
    outcome: string | null;
    summary: string | null;
    duration_sec: number | null;
  }>(
    await db.execute(sql`
    select c.id, c.channel, c.direction, c.started_at, c.outcome, c.summary, c.duration_sec from calls c
     where c.organization_id = ${organizationId} and c.channel <> 'test' and (
       (c.channel = 'phone' and (case when c.direction = 'outbound' then c.to_number else c.from_number end) = ${key})
       or c.id in (select call_id from appointments where organization_id = ${organizationId} and call_id is not null and (customer_phone = ${key} or lower(customer_email) = ${key}))
       or c.id in (select call_id from leads where organization_id = ${organizationId} and call_id is not null and (phone = ${key} or lower(email) = ${key})))
     order by c.started_at desc limit 200`),
  );
  return {
    ...toSummary(row),
    appointments: appointments.map((a) => ({
      id: a.id,
      start: iso(a.start_at),
      end: iso(a.end_at),
      status: a.status,
      service: a.service_name,
      staff: a.staff_name,
      notes: a.notes,
    })),
    calls: calls.map((c) => ({
      id: c.id,
      channel: c.channel,
      direction: c.direction,
      startedAt: iso(c.started_at),
      outcome: c.outcome,
      summary: c.summary,
      durationSec: c.duration_sec,
    })),
  };
}

/** The owner's name and notes for a client (PATCH /api/clients/:id); unchanged fields keep their values. */
export async function updateClient(
  db: Db,
  organizationId: string,
  id: string,
  patch: { name?: string | null; notes?: string | null },
) {
  const row = await findRow(db, organizationId, id);
  const name = patch.name === undefined ? sql`client_notes.name` : sql`${patch.name}`;
  const notes = patch.notes === undefined ? sql`client_notes.notes` : sql`${patch.notes}`;
  await db.execute(sql`
    insert into client_notes (organization_id, client_key, name, notes) values (${organizationId}, ${row.key}, ${patch.name ?? null}, ${patch.notes ?? null})
    on conflict (organization_id, client_key) do update set name = ${name}, notes = ${notes}, updated_at = now()`);
  return getClient(db, organizationId, id);
}

/** Who is calling: the client known by this number, if any (a returning client is greeted by name). */
export async function findClientByPhone(
  db: Db,
  organizationId: string,
  phone: string,
): Promise<{ id: string; name: string | null } | null> {
  // The directory's row for this one key, without building the whole directory (every ring asks:
  // aggregating all of an organization's appointments, leads and calls per ring grew with its history).
  const appointments = sql`from appointments where organization_id = ${organizationId} and status <> 'cancelled' and coalesce(customer_phone, lower(customer_email)) = ${phone}`;
  const leads = sql`from leads where organization_id = ${organizationId} and coalesce(phone, lower(email)) = ${phone}`;
  const [row] = rowsOf<{ id: string; name: string | null; known: boolean }>(
    await db.execute(sql`
    select md5(${organizationId} || ':' || ${phone}) as id,
           coalesce((select n.name from client_notes n where n.organization_id = ${organizationId} and n.client_key = ${phone}),
                    (select s.name from (select customer_name as name, created_at as at ${appointments} union all select name, created_at ${leads}) s
                      where s.name is not null and s.name <> '' order by s.at desc limit 1)) as name,
           (exists (select 1 ${leads}) or exists (select 1 ${appointments})
            or exists (select 1 from calls where organization_id = ${organizationId} and channel = 'phone'
                        and (case when direction = 'outbound' then to_number else from_number end) = ${phone})) as known`),
  );
  return row?.known && phone !== '' ? { id: row.id, name: row.name } : null;
}

/** Client names and ids for the numbers of a call list page (numbers without a known name are left out). */
export async function clientsByPhone(
  db: Db,
  organizationId: string,
  phones: string[],
): Promise<Map<string, { id: string; name: string }>> {
  const wanted = [...new Set(phones.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const res = await db.execute(
    sql`select d.id, d.key, d.name from (${directory(organizationId)}) d where d.key in (${sql.join(
      wanted.map((p) => sql`${p}`),
      sql`, `,
    )}) and d.name is not null`,
  );
  return new Map(
    rowsOf<{ id: string; key: string; name: string }>(res).map((r) => [r.key, { id: r.id, name: r.name }]),
  );
}
