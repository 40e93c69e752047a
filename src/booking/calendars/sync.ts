/**
 * Mirrors appointments into connected calendars. A booking only enqueues (calendar_sync_jobs, after
 * its commit); a worker reconciles each (appointment, provider) with what the calendar should show —
 * an event at the appointment's time, or none — so retries, reorderings and duplicates converge.
 * Failures back off exponentially and are retried until they succeed; the booking never waits.
 */
import { backoffDelay } from '../../lib/index.js';
import type { Appointment } from '../appointment.js';
import type { CalendarSync } from '../ports.js';
import type { CalendarBusyTimes } from './busy-times.js';
import type { CalendarContext } from './context.js';
import type { Credentials } from './credentials.js';
import { CalendarApiError, type CalendarProviderName } from './errors.js';
import { eventDraft } from './event-draft.js';
import {
  claimGroup,
  dueGroups,
  enqueueJobs,
  findIntegration,
  finishJobs,
  listIntegrations,
  loadSyncSubject,
  markIntegration,
  retryJobs,
  setExternalEvent,
  type IntegrationRow,
  type NewSyncJob,
  type SyncSubject,
} from './repository.js';

/** Retry timing of failed sync work. */
export interface SyncOptions {
  /** First retry delay; doubles per attempt. */
  readonly retryBaseMs?: number;
  /** Longest wait between attempts. */
  readonly retryMaxMs?: number;
  /** How often the worker looks for due work. */
  readonly pollMs?: number;
}

/** The CalendarSync port plus the worker that does the queued work. */
export interface CalendarSyncService extends CalendarSync {
  /** Runs every due job once; answers how many (appointment, provider) pairs it settled. */
  runDue(): Promise<number>;
  /** Polls for due work every `pollMs` (unref'd timer). */
  start(): void;
  /** Stops polling and waits for the run in progress. */
  stop(): Promise<void>;
}

/** While a worker holds jobs, other workers leave them alone this long. */
const LEASE_MS = 2 * 60_000;
const BATCH = 25;

/** Builds the sync service. */
export function createCalendarSync(
  ctx: CalendarContext,
  creds: Credentials,
  busy: CalendarBusyTimes,
  o: SyncOptions = {},
): CalendarSyncService {
  const base = o.retryBaseMs ?? 30_000;
  const max = o.retryMaxMs ?? 60 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  async function enqueue(a: Appointment, action: NewSyncJob['action'], staffIds: (string | null)[]): Promise<void> {
    const rows = await listIntegrations(ctx.db, a.organizationId);
    const jobs = rows
      .filter((r) => ctx.providers[r.provider as CalendarProviderName])
      .filter((r) => r.staffId === null || staffIds.includes(r.staffId) || a.externalEvents[r.provider])
      .map((r) => ({
        organizationId: a.organizationId,
        appointmentId: a.id,
        provider: r.provider as CalendarProviderName,
        action,
      }));
    if (!jobs.length) return;
    await enqueueJobs(ctx.db, jobs, ctx.clock.now());
    kick();
  }

  function kick(): void {
    if (stopped) return;
    setImmediate(() => void runDue().catch((err) => ctx.logger?.warn({ err }, 'calendar sync run failed')));
  }

  function runDue(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let settled = 0;
      do {
        again = false;
        settled += await runBatch();
      } while (again);
      return settled;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function runBatch(): Promise<number> {
    const now = ctx.clock.now();
    let settled = 0;
    for (const g of await dueGroups(ctx.db, now, BATCH)) {
      const claim = await claimGroup(ctx.db, g.appointmentId, g.provider, now, new Date(now.getTime() + LEASE_MS));
      if (!claim.ids.length) continue;
      if (await settle(g.organizationId, g.appointmentId, g.provider, claim)) settled++;
    }
    return settled;
  }

  /** Reconciles one pair; answers true when its jobs are done. */
  async function settle(
    organizationId: string,
    appointmentId: string,
    provider: CalendarProviderName,
    claim: { ids: string[]; attempts: number },
  ): Promise<boolean> {
    const row = await findIntegration(ctx.db, organizationId, provider);
    const subject = await loadSyncSubject(ctx.db, organizationId, appointmentId);
    const now = () => ctx.clock.now();
    if (!row || !subject) {
      await finishJobs(ctx.db, claim.ids, now(), row ? 'appointment gone' : 'not connected');
      return true;
    }
    try {
      if (row.status === 'reauth_required')
        throw new CalendarApiError(provider, row.lastError ?? 'the owner must connect the calendar again', {
          retryable: false,
          auth: true,
        });
      await reconcile(row, subject);
      await finishJobs(ctx.db, claim.ids, now());
      if (row.lastError) await markIntegration(ctx.db, row.id, 'connected', null);
      busy.invalidate(organizationId);
      return true;
    } catch (err) {
      const e = err instanceof CalendarApiError ? err : new CalendarApiError(provider, (err as Error).message);
      if (!e.retryable && !e.auth) {
        // A request the provider will never accept: retrying cannot help, the owner sees why.
        await finishJobs(ctx.db, claim.ids, now(), `gave up: ${e.message}`);
        await markIntegration(
          ctx.db,
          row.id,
          row.status === 'reauth_required' ? 'reauth_required' : 'connected',
          e.message,
        );
        return true;
      }
      const attempts = claim.attempts + 1;
      const delay = backoffDelay(attempts - 1, base, max);
      await retryJobs(ctx.db, claim.ids, attempts, new Date(now().getTime() + delay), e.message);
      if (!e.auth) await markIntegration(ctx.db, row.id, 'connected', e.message);
      ctx.logger?.warn(
        { organizationId, appointmentId, provider, attempts, retryInMs: delay, err: e.message },
        'calendar sync failed; will retry',
      );
      return false;
    }
  }

  async function reconcile(row: IntegrationRow, s: SyncSubject): Promise<void> {
    const provider = row.provider as CalendarProviderName;
    const eventId = s.externalEvents[provider];
    const wanted = s.status !== 'cancelled' && (row.staffId === null || row.staffId === s.staffId);
    if (!wanted) {
      if (!eventId) return;
      await creds.withAccess(row, (t, p) => p.deleteEvent(t, row.calendarId, eventId));
      await setExternalEvent(ctx.db, s.id, provider, null);
      return;
    }
    const draft = eventDraft(s, s.timezone);
    if (eventId) {
      try {
        await creds.withAccess(row, (t, p) => p.updateEvent(t, row.calendarId, eventId, draft));
        return;
      } catch (e) {
        // The owner deleted our event by hand: the appointment still stands, so it gets a new one.
        if (!(e instanceof CalendarApiError && (e.status === 404 || e.status === 410))) throw e;
      }
    }
    const created = await creds.withAccess(row, (t, p) => p.createEvent(t, row.calendarId, draft));
    await setExternalEvent(ctx.db, s.id, provider, created);
  }

  return {
    appointmentBooked: (a) => enqueue(a, 'create', [a.staffId]),
    appointmentMoved: (a, previous) => enqueue(a, 'update', [a.staffId, previous.staffId]),
    appointmentCancelled: (a) => enqueue(a, 'delete', [a.staffId]),
    runDue,
    start() {
      stopped = false;
      if (timer) return;
      timer = setInterval(
        () => void runDue().catch((err) => ctx.logger?.warn({ err }, 'calendar sync run failed')),
        o.pollMs ?? 5_000,
      );
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
