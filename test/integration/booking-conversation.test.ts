// Invariant: the conversation booking port (names, ISO strings, refusals as values) fits the brain's BookingPort and never double-books.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Database } from '../../src/db/index.js';
import { testDatabase } from '../harness/server.js';
import { fixedClock, newToken } from '../../src/lib/index.js';
import { createConversationBookingPort } from '../../src/booking/index.js';
import type { BookingPort } from '../../src/brain/index.js';
import { scaled } from '../harness/timing.js';

const TZ = 'America/Chicago';
let database: Database;
let organizationId: string;

beforeAll(async () => {
  database = await testDatabase();
  const db = database.db;
  const [org] = await db
    .insert(schema.organizations)
    .values({ name: 'Bella Hair Studio', timezone: TZ, chatKey: newToken(8), icsToken: newToken(8) })
    .returning();
  organizationId = org.id;
  const day = [['09:00', '18:00']] as [string, string][];
  await db.insert(schema.businessConfigs).values({
    organizationId,
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    minNoticeMin: 30,
    maxDaysAhead: 30,
    slotStepMin: 15,
  });
  const [cut] = await db
    .insert(schema.services)
    .values({ organizationId, name: 'Haircut', durationMin: 45, synonyms: ['trim', 'cut'] })
    .returning();
  await db.insert(schema.staff).values([
    { organizationId, name: 'Ana', serviceIds: [cut.id] },
    { organizationId, name: 'Ben', serviceIds: [cut.id] },
  ]);
}, scaled(60_000));
afterAll(async () => {
  await database?.close();
});

describe('conversation booking port', () => {
  it('is assignable to the brain’s BookingPort and books by service name or synonym', async () => {
    const deps = { db: database.db, clock: fixedClock('2026-03-10T15:15:00Z') };
    const port: BookingPort = createConversationBookingPort(deps, organizationId, 'call-1');
    const slots = await port.findSlots({
      serviceName: 'trim',
      from: '2026-03-11T00:00:00-05:00',
      to: '2026-03-12T00:00:00-05:00',
    });
    expect(slots[0]).toMatchObject({
      start: '2026-03-11T09:00:00.000-05:00',
      end: '2026-03-11T09:45:00.000-05:00',
      staffName: 'Ana',
    });
    expect(new Set(slots.map((s) => s.start)).size).toBe(slots.length);
    const first = await port.book({
      serviceName: 'Haircut',
      slot: slots[0],
      customer: { name: 'Maria Lopez', phone: '+13125550142' },
      idempotencyKey: 'c1:book',
    });
    expect(first).toMatchObject({
      ok: true,
      appointment: { serviceName: 'Haircut', staffName: 'Ana', start: '2026-03-11T09:00:00.000-05:00' },
    });
    // Another caller gets the same listed slot: Ben is still free then, so it books with him.
    const other = createConversationBookingPort(deps, organizationId, 'call-2');
    const second = await other.book({
      serviceName: 'cut',
      slot: slots[0],
      customer: { name: 'Sam Ortiz' },
      idempotencyKey: 'c2:book',
    });
    expect(second).toMatchObject({ ok: true, appointment: { staffName: 'Ben' } });
    const third = await createConversationBookingPort(deps, organizationId, 'call-3').book({
      serviceName: 'cut',
      slot: slots[0],
      customer: { name: 'Lee' },
      idempotencyKey: 'c3:book',
    });
    expect(third.ok).toBe(false);
    expect(!third.ok && third.reason).toBe('slot_taken');
    expect(!third.ok && third.alternatives!.length).toBeGreaterThan(0);
  });

  it('holds for its own caller only, finds upcoming by phone, moves and cancels', async () => {
    const deps = { db: database.db, clock: fixedClock('2026-03-10T15:15:00Z') };
    const mine = createConversationBookingPort(deps, organizationId, 'call-9');
    const slot = { start: '2026-03-12T14:00:00.000-05:00', end: '2026-03-12T14:45:00.000-05:00' };
    expect(await mine.holdSlot({ serviceName: 'Haircut', slot })).toMatchObject({ holdId: expect.any(String) });
    const theirs = createConversationBookingPort(deps, organizationId, 'call-10');
    const seen = async (p: typeof mine) =>
      (
        await p.findSlots({
          serviceName: 'Haircut',
          from: '2026-03-12T14:00:00-05:00',
          to: '2026-03-12T14:01:00-05:00',
        })
      ).map((s) => s.staffName);
    expect(await seen(mine)).toEqual(['Ana']);
    expect(await seen(theirs)).toEqual(['Ben']); // Ana's 14:00 is held for call-9
    const upcoming = await mine.findUpcomingAppointments('(312) 555-0142');
    expect(upcoming.map((a) => a.customerName)).toEqual(['Maria Lopez']);
    const moved = await mine.reschedule({
      appointmentId: upcoming[0].id,
      slot: { start: '2026-03-13T10:00:00.000-05:00', end: '2026-03-13T10:45:00.000-05:00' },
      idempotencyKey: 'm1',
    });
    expect(moved).toMatchObject({ ok: true, appointment: { start: '2026-03-13T10:00:00.000-05:00' } });
    expect(await mine.cancel({ appointmentId: upcoming[0].id })).toEqual({ ok: true });
    expect(await mine.findUpcomingAppointments('+13125550142')).toEqual([]);
  });
});
