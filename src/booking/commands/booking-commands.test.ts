// Invariant: booking commands over a real database never give one slot twice, honour holds and idempotency keys, and keep history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, schema, type Database } from '../../db/index.js';
import { fixedClock, isAppError, newToken, type AppError } from '../../lib/index.js';
import { wallToInstant } from '../availability/local-time.js';
import type { Appointment } from '../appointment.js';
import type { CalendarSync } from '../ports.js';
import type { BookingDeps } from './deps.js';
import {
  bookAppointment,
  cancelAppointment,
  changeStatus,
  findUpcomingByPhone,
  getAppointmentWithHistory,
  getAvailability,
  holdSlot,
  rescheduleAppointment,
  searchSlots,
} from './index.js';
import { scaled } from '../../../test/harness/timing.js';

const TZ = 'America/New_York';
const at = (date: string, hhmm: string) =>
  new Date(wallToInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ));
const NOW = at('2026-04-06', '08:00'); // a Monday

let database: Database;
let organizationId: string;
let repairId: string;
let deps: BookingDeps;
const synced: string[] = [];

async function setupOrg(
  staffNames: string[],
): Promise<{ organizationId: string; serviceId: string; staffIds: string[] }> {
  const db = database.db;
  const [org] = await db
    .insert(schema.organizations)
    .values({ name: 'Fix-It Plumbing', timezone: TZ, chatKey: newToken(8), icsToken: newToken(8) })
    .returning();
  const week = [['08:00', '17:00']] as [string, string][];
  await db.insert(schema.businessConfigs).values({
    organizationId: org.id,
    hours: { mon: week, tue: week, wed: week, thu: week, fri: week },
    holidays: ['2026-04-10'],
    minNoticeMin: 60,
    maxDaysAhead: 30,
    slotStepMin: 30,
  });
  const [svc] = await db
    .insert(schema.services)
    .values({ organizationId: org.id, name: 'Drain repair', durationMin: 60, bufferMin: 30 })
    .returning();
  const staffIds: string[] = [];
  for (const name of staffNames) {
    const [s] = await db
      .insert(schema.staff)
      .values({ organizationId: org.id, name, serviceIds: [svc.id] })
      .returning();
    staffIds.push(s.id);
  }
  return { organizationId: org.id, serviceId: svc.id, staffIds };
}

async function refusedWith(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const customer = { name: 'Dana Whitfield', phone: '(212) 555-0147', email: 'dana@example.com' };

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite' });
  ({ organizationId, serviceId: repairId } = await setupOrg([]));
  const sync: CalendarSync = {
    appointmentBooked: async (a) => {
      synced.push(`booked ${a.id}`);
    },
    appointmentMoved: async (a) => {
      synced.push(`moved ${a.id}`);
    },
    appointmentCancelled: async () => {
      throw new Error('calendar provider is down');
    },
  };
  deps = { db: database.db, clock: fixedClock(NOW), calendar: { sync } };
}, scaled(60_000));
afterAll(async () => {
  await database?.close();
});

describe('booking commands (PGlite)', () => {
  it('books a free slot, normalises the phone, records history and tells the calendar', async () => {
    const { appointment, replayed } = await bookAppointment(deps, organizationId, {
      serviceId: repairId,
      start: at('2026-04-07', '09:00'),
      customer,
      actor: 'agent',
    });
    expect(replayed).toBe(false);
    expect(appointment).toMatchObject({
      status: 'booked',
      staffId: null,
      customer: { name: 'Dana Whitfield', phone: '+12125550147' },
    });
    expect(appointment.busyUntil.getTime() - appointment.end.getTime()).toBe(30 * 60_000);
    const full = await getAppointmentWithHistory(deps, organizationId, appointment.id);
    expect(full.history.map((h) => h.action)).toEqual(['created']);
    expect(synced).toContain(`booked ${appointment.id}`);
  });

  it('refuses the same slot (and one inside its buffer) with SLOT_TAKEN and nearby alternatives', async () => {
    const again = await refusedWith(
      bookAppointment(deps, organizationId, { serviceId: repairId, start: at('2026-04-07', '09:00'), customer }),
    );
    expect(again.code).toBe('SLOT_TAKEN');
    expect(again.status).toBe(409);
    const alts = (again.details as { alternatives: { start: string }[] }).alternatives;
    expect(alts.length).toBeGreaterThan(0);
    expect(alts.map((a) => a.start)).toContain('2026-04-07T10:30:00.000-04:00'); // after the 60 min + 30 min buffer
    const inBuffer = await refusedWith(
      bookAppointment(deps, organizationId, { serviceId: repairId, start: at('2026-04-07', '10:00'), customer }),
    );
    expect(inBuffer.code).toBe('SLOT_TAKEN');
  });

  it('says why a start cannot be booked at all (holiday, closed, too soon)', async () => {
    const reasonOf = async (start: Date) =>
      (
        (await refusedWith(bookAppointment(deps, organizationId, { serviceId: repairId, start, customer })))
          .details as { reason: string }
      ).reason;
    expect(await reasonOf(at('2026-04-10', '09:00'))).toBe('holiday');
    expect(await reasonOf(at('2026-04-11', '09:00'))).toBe('closed');
    expect(await reasonOf(at('2026-04-06', '08:30'))).toBe('too_soon');
  });

  it('the database itself refuses an overlapping live appointment (exclusion constraint)', async () => {
    const row = {
      organizationId,
      serviceId: repairId,
      resourceKey: 'org',
      startAt: at('2026-04-07', '09:15'),
      endAt: at('2026-04-07', '09:45'),
      busyUntil: at('2026-04-07', '09:45'),
      customerName: 'Direct insert',
    };
    await expect(database.db.insert(schema.appointments).values(row)).rejects.toThrow();
    await expect(
      database.db.insert(schema.appointments).values({ ...row, status: 'cancelled' }),
    ).resolves.toBeDefined();
  });

  it('replays an idempotent retry and refuses the key for a different request', async () => {
    const req = { serviceId: repairId, start: at('2026-04-08', '13:00'), customer, idempotencyKey: 'call-42-book' };
    const first = await bookAppointment(deps, organizationId, req);
    const second = await bookAppointment(deps, organizationId, req);
    expect(second).toEqual({ appointment: first.appointment, replayed: true });
    const other = await refusedWith(
      bookAppointment(deps, organizationId, { ...req, start: at('2026-04-08', '15:00') }),
    );
    expect(other.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a hold hides the slot from others until it expires, but not from its holder, who can book it', async () => {
    const start = at('2026-04-09', '11:00');
    const hold = await holdSlot(deps, organizationId, { serviceId: repairId, start, holder: 'call-A', ttlSec: 120 });
    expect(hold.expiresAt.getTime()).toBe(NOW.getTime() + 120_000);
    const window = { serviceId: repairId, from: at('2026-04-09', '00:00'), to: at('2026-04-10', '00:00') };
    const starts = async (d: BookingDeps, viewer?: string) =>
      (await getAvailability(d, organizationId, { ...window, viewer })).slots.map((s) => s.start.getTime());
    expect(await starts(deps)).not.toContain(start.getTime());
    expect(await starts(deps, 'call-A')).toContain(start.getTime());
    expect(
      (await refusedWith(holdSlot(deps, organizationId, { serviceId: repairId, start, holder: 'call-B' }))).code,
    ).toBe('SLOT_TAKEN');
    expect(
      (
        await refusedWith(
          bookAppointment(deps, organizationId, { serviceId: repairId, start, customer, holder: 'call-B' }),
        )
      ).code,
    ).toBe('SLOT_TAKEN');
    const later = { ...deps, clock: fixedClock(new Date(NOW.getTime() + 121_000)) };
    expect(await starts(later)).toContain(start.getTime());
    const booked = await bookAppointment(deps, organizationId, {
      serviceId: repairId,
      start,
      customer,
      holder: 'call-A',
    });
    expect(booked.appointment.start).toEqual(start);
  });

  it('reschedules with history, refuses moving onto another booking, and frees the old time', async () => {
    const { appointment } = await bookAppointment(deps, organizationId, {
      serviceId: repairId,
      start: at('2026-04-13', '09:00'),
      customer,
    });
    const other = await bookAppointment(deps, organizationId, {
      serviceId: repairId,
      start: at('2026-04-13', '14:00'),
      customer: { name: 'Sam Ortiz' },
    });
    expect(
      (
        await refusedWith(
          rescheduleAppointment(deps, organizationId, appointment.id, { start: at('2026-04-13', '14:30') }),
        )
      ).code,
    ).toBe('SLOT_TAKEN');
    const moved = await rescheduleAppointment(deps, organizationId, appointment.id, {
      start: at('2026-04-13', '11:00'),
      actor: 'user-1',
    });
    expect(moved.start).toEqual(at('2026-04-13', '11:00'));
    expect(moved.end.getTime() - moved.start.getTime()).toBe(3_600_000);
    const history = (await getAppointmentWithHistory(deps, organizationId, appointment.id)).history;
    expect(history.map((h) => [h.action, h.fromStart?.toISOString() ?? null])).toEqual([
      ['created', null],
      ['rescheduled', at('2026-04-13', '09:00').toISOString()],
    ]);
    expect(synced).toContain(`moved ${appointment.id}`);
    await bookAppointment(deps, organizationId, {
      serviceId: repairId,
      start: at('2026-04-13', '09:00'),
      customer: { name: 'Took the old time' },
    });
    expect(other.appointment.status).toBe('booked');
  });

  it('cancels even when the calendar is down, frees the time, and a second cancel changes nothing', async () => {
    const { appointment } = await bookAppointment(deps, organizationId, {
      serviceId: repairId,
      start: at('2026-04-14', '09:00'),
      customer,
    });
    const cancelled = await cancelAppointment(deps, organizationId, appointment.id, 'agent');
    expect(cancelled.status).toBe('cancelled');
    expect((await cancelAppointment(deps, organizationId, appointment.id)).status).toBe('cancelled');
    expect(
      (await getAppointmentWithHistory(deps, organizationId, appointment.id)).history.map((h) => h.action),
    ).toEqual(['created', 'cancelled']);
    expect((await refusedWith(changeStatus(deps, organizationId, appointment.id, 'booked'))).code).toBe(
      'INVALID_STATUS_CHANGE',
    );
    const rebook = await bookAppointment(deps, organizationId, {
      serviceId: repairId,
      start: at('2026-04-14', '09:00'),
      customer,
    });
    expect(rebook.appointment.id).not.toBe(appointment.id);
  });

  it('finds a caller’s upcoming appointments by phone in any format, and only their own organization’s', async () => {
    const upcoming = await findUpcomingByPhone(deps, organizationId, '212-555-0147');
    expect(upcoming.length).toBeGreaterThan(2);
    expect(upcoming.every((a: Appointment) => a.status === 'booked' && a.customer.phone === '+12125550147')).toBe(true);
    expect(upcoming.map((a) => a.start.getTime())).toEqual(
      [...upcoming.map((a) => a.start.getTime())].sort((x, y) => x - y),
    );
    const stranger = await setupOrg([]);
    expect(await findUpcomingByPhone(deps, stranger.organizationId, '212-555-0147')).toEqual([]);
    expect((await refusedWith(getAppointmentWithHistory(deps, stranger.organizationId, upcoming[0].id))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('with two staff the same start is booked twice, a third time is refused', async () => {
    const salon = await setupOrg(['Ana', 'Ben']);
    const start = at('2026-04-15', '10:00');
    const a = await bookAppointment(deps, salon.organizationId, { serviceId: salon.serviceId, start, customer });
    const b = await bookAppointment(deps, salon.organizationId, { serviceId: salon.serviceId, start, customer });
    expect([a.appointment.staffId, b.appointment.staffId].sort()).toEqual([...salon.staffIds].sort());
    expect(
      (await refusedWith(bookAppointment(deps, salon.organizationId, { serviceId: salon.serviceId, start, customer })))
        .code,
    ).toBe('SLOT_TAKEN');
  });

  it('reads calendar busy times into availability, and keeps booking when the calendar is down', async () => {
    const busyAt = at('2026-04-16', '09:00');
    const withBusy = {
      ...deps,
      calendar: {
        busy: { busyBetween: async () => [{ start: busyAt, end: at('2026-04-16', '12:00'), staffId: null }] },
      },
    };
    const slots = (
      await getAvailability(withBusy, organizationId, {
        serviceId: repairId,
        from: at('2026-04-16', '00:00'),
        to: at('2026-04-17', '00:00'),
      })
    ).slots;
    expect(slots[0].start).toEqual(at('2026-04-16', '12:00'));
    expect(
      (await refusedWith(bookAppointment(withBusy, organizationId, { serviceId: repairId, start: busyAt, customer })))
        .code,
    ).toBe('SLOT_TAKEN');
    const down = {
      ...deps,
      calendar: {
        busy: {
          busyBetween: async () => {
            throw new Error('503 from provider');
          },
        },
      },
    };
    expect(
      (await bookAppointment(down, organizationId, { serviceId: repairId, start: busyAt, customer })).appointment.start,
    ).toEqual(busyAt);
  });

  it('answers a spoken wish from stored data', async () => {
    const r = await searchSlots(deps, organizationId, {
      serviceId: repairId,
      wish: { kind: 'exact', date: '2026-04-07', time: '09:00' },
    });
    expect(r).toMatchObject({ kind: 'alternatives', reason: 'taken', tz: TZ });
  });
});
