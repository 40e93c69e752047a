/**
 * The ICS feeds behind secret tokens: the organization's (its `icsToken`) and one per staff member,
 * `<staffId>.<mac>` where the mac is an HMAC of the staff id under the organization's token — so
 * rotating the organization's token revokes every staff feed with it, and no extra secret is stored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { schema, type Db } from '../../db/index.js';
import { isUuid } from '../../lib/index.js';
import { eventDescription, eventTitle } from './event-draft.js';
import { renderCalendar } from './ics.js';
import { feedAppointments } from './repository.js';

/** Past appointments stay visible for two months; the future for a year and a bit. */
const PAST_MS = 60 * 86_400_000;
const AHEAD_MS = 400 * 86_400_000;
const MAX_EVENTS = 5000;

const mac = (orgToken: string, staffId: string) =>
  createHmac('sha256', orgToken).update(`staff:${staffId}`).digest('base64url').slice(0, 32);

/** The secret token of one staff member's feed. */
export function staffFeedToken(orgIcsToken: string, staffId: string): string {
  return `${staffId}.${mac(orgIcsToken, staffId)}`;
}

/** Whose feed a token opens. */
export interface FeedOwner {
  readonly organizationId: string;
  readonly name: string;
  readonly staffId: string | null;
}

/** Resolves a token to its feed, or null for anything unknown (answered 404, not 401: nothing to log in to). */
export async function resolveFeedToken(db: Db, token: string): Promise<FeedOwner | null> {
  if (!token || token.length > 200) return null;
  const O = schema.organizations;
  const dot = token.indexOf('.');
  if (dot < 0) {
    const [org] = await db.select({ id: O.id, name: O.name }).from(O).where(eq(O.icsToken, token));
    return org ? { organizationId: org.id, name: org.name, staffId: null } : null;
  }
  const staffId = token.slice(0, dot);
  if (!isUuid(staffId)) return null;
  const S = schema.staff;
  const [row] = await db
    .select({ organizationId: O.id, orgName: O.name, icsToken: O.icsToken, staffName: S.name })
    .from(S)
    .innerJoin(O, eq(O.id, S.organizationId))
    .where(and(eq(S.id, staffId)));
  if (!row) return null;
  const want = Buffer.from(staffFeedToken(row.icsToken, staffId));
  const got = Buffer.from(token);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  return { organizationId: row.organizationId, name: `${row.orgName} — ${row.staffName}`, staffId };
}

/** The feed's iCalendar text. */
export async function renderFeed(db: Db, owner: FeedOwner, now: Date): Promise<string> {
  const rows = await feedAppointments(
    db,
    owner.organizationId,
    new Date(now.getTime() - PAST_MS),
    new Date(now.getTime() + AHEAD_MS),
    owner.staffId,
    MAX_EVENTS,
  );
  return renderCalendar({
    name: owner.name,
    now,
    events: rows.map((a) => ({
      uid: `${a.id}@infinioffice`,
      start: a.start,
      end: a.end,
      summary: eventTitle(a),
      description: eventDescription(a),
      location: a.address,
      created: a.createdAt,
      lastModified: a.updatedAt,
    })),
  });
}

/** The organization's and each active staff member's feed tokens (for the dashboard to show as URLs). */
export async function feedTokens(
  db: Db,
  organizationId: string,
): Promise<{ organization: string; staff: { staffId: string; name: string; token: string }[] }> {
  const [org] = await db
    .select({ icsToken: schema.organizations.icsToken })
    .from(schema.organizations)
    .where(eq(schema.organizations.id, organizationId));
  const staff = await db
    .select({ id: schema.staff.id, name: schema.staff.name })
    .from(schema.staff)
    .where(and(eq(schema.staff.organizationId, organizationId), eq(schema.staff.active, true)))
    .orderBy(schema.staff.createdAt);
  return {
    organization: org.icsToken,
    staff: staff.map((s) => ({ staffId: s.id, name: s.name, token: staffFeedToken(org.icsToken, s.id) })),
  };
}
