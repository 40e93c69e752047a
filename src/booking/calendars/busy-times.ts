/**
 * Busy times from connected calendars, for availability. Each provider's answer is cached briefly
 * (availability is asked many times while a caller talks); a commit asks for its own narrow window,
 * which is fetched fresh unless that exact window was read within the TTL. A provider that fails
 * contributes its last answer if it is recent, else nothing: a calendar outage never stops bookings.
 */
import { subtractRanges } from '../availability/index.js';
import type { BusyBlock } from '../availability/types.js';
import type { BusyTimes } from '../ports.js';
import type { CalendarContext } from './context.js';
import type { Credentials } from './credentials.js';
import type { CalendarProviderName } from './errors.js';
import type { ExternalBusy } from './providers/types.js';
import { listIntegrations, syncedAppointmentsBetween, type IntegrationRow } from './repository.js';

/** Options of the busy-time reader. */
export interface BusyTimesOptions {
  /** How long an answer is reused; 15 s keeps a conversation snappy and a commit's view nearly live. */
  readonly ttlMs?: number;
  /** How old an answer may be to stand in for a provider that is down. */
  readonly staleMs?: number;
}

/** BusyTimes plus cache control for the parts that change calendars. */
export interface CalendarBusyTimes extends BusyTimes {
  /** Forgets cached answers of the organization (after a connect, disconnect or event write). */
  invalidate(organizationId: string): void;
}

interface Entry {
  readonly at: number;
  readonly busy: ExternalBusy[];
}
const MAX_ENTRIES = 2000;
const QUANTUM_MS = 5 * 60_000;

/** Builds the BusyTimes port over the connected integrations. */
export function createBusyTimes(ctx: CalendarContext, creds: Credentials, o: BusyTimesOptions = {}): CalendarBusyTimes {
  const ttl = o.ttlMs ?? 15_000;
  const stale = o.staleMs ?? 10 * 60_000;
  const cache = new Map<string, Entry>();

  async function read(row: IntegrationRow, from: Date, to: Date, signal?: AbortSignal): Promise<ExternalBusy[]> {
    const key = `${row.organizationId}|${row.provider}|${from.getTime()}|${to.getTime()}`;
    const now = ctx.clock.now().getTime();
    const hit = cache.get(key);
    if (hit && now - hit.at < ttl) return hit.busy;
    try {
      const busy = await creds.withAccess(row, (token, p) => p.busy(token, row.calendarId, from, to, signal));
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(key, { at: now, busy });
      return busy;
    } catch (err) {
      ctx.logger?.warn(
        { err, organizationId: row.organizationId, provider: row.provider },
        'calendar busy times unavailable',
      );
      return hit && now - hit.at < stale ? hit.busy : [];
    }
  }

  return {
    async busyBetween(organizationId, fromAt, toAt, signal) {
      // Windows start at "now", which moves every millisecond; widened to whole 5-minute marks they repeat and hit the cache.
      const from = new Date(Math.floor(fromAt.getTime() / QUANTUM_MS) * QUANTUM_MS);
      const to = new Date(Math.ceil(toAt.getTime() / QUANTUM_MS) * QUANTUM_MS);
      const rows = (await listIntegrations(ctx.db, organizationId)).filter(
        (r) => r.status === 'connected' && ctx.providers[r.provider as CalendarProviderName],
      );
      if (rows.length === 0) return [];
      const [own, ...answers] = await Promise.all([
        syncedAppointmentsBetween(ctx.db, organizationId, from, to),
        ...rows.map((r) => read(r, from, to, signal)),
      ]);
      return rows.flatMap((row, i) => withoutOwnEvents(row, answers[i], own));
    },
    invalidate(organizationId) {
      for (const k of cache.keys()) if (k.startsWith(`${organizationId}|`)) cache.delete(k);
    },
  };
}

/**
 * Our own events show up as busy in the calendars we write to; they must not block the appointments
 * they mirror (a move onto an overlapping time, for one). Events named by id are dropped by id;
 * Google's freeBusy merges intervals without ids, so our appointments' times are cut out of them.
 */
function withoutOwnEvents(
  row: IntegrationRow,
  busy: ExternalBusy[],
  own: { start: Date; end: Date; externalEvents: Record<string, string> }[],
): BusyBlock[] {
  const mine = own.filter((a) => a.externalEvents[row.provider]);
  const ids = new Set(mine.map((a) => a.externalEvents[row.provider]));
  const named = busy.filter((b) => !(b.eventId && ids.has(b.eventId)));
  const unnamed = named.filter((b) => !b.eventId);
  const kept = subtractRanges(
    unnamed.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() })),
    mine.map((a) => ({ start: a.start.getTime(), end: a.end.getTime() })),
  ).map((r) => ({ start: new Date(r.start), end: new Date(r.end) }));
  return [...named.filter((b) => b.eventId), ...kept].map((b) => ({
    start: b.start,
    end: b.end,
    staffId: row.staffId,
  }));
}
