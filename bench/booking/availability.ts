/**
 * Availability benchmark: 14 days for 10 staff with 2,000 existing appointments.
 * Measures the pure computation (computeAvailability) and the whole read path on PGlite
 * (getAvailability: setup + bookings + holds queries + computation). Prints median / p99 per query.
 * Run: npx tsx bench/booking/availability.ts
 */
import { performance } from 'node:perf_hooks';
import { computeAvailability, getAvailability, wallToInstant } from '../../src/booking/index.js';
import type { AvailabilityInput, BookedAppointment } from '../../src/booking/index.js';
import { eq } from 'drizzle-orm';
import { openDatabase, schema, type DbTarget } from '../../src/db/index.js';
import { fixedClock, newToken } from '../../src/lib/index.js';

const TZ = 'America/New_York';
const STAFF = 10;
const APPOINTMENTS = 2000;
const DAYS = 14;
const FIRST = '2026-03-02'; // spans the US DST switch on 8 March
const week = [['08:00', '18:00']] as [string, string][];
const hours = {
  mon: week,
  tue: week,
  wed: week,
  thu: week,
  fri: week,
  sat: [['09:00', '14:00']] as [string, string][],
};

/** Deterministic pseudo-random numbers, so runs compare. */
function rng(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function appointments(staffIds: string[]): BookedAppointment[] {
  const rand = rng(42);
  const out: BookedAppointment[] = [];
  const taken = new Set<string>();
  while (out.length < APPOINTMENTS) {
    const day = Math.floor(rand() * DAYS);
    const slot = Math.floor(rand() * 20); // half hours from 08:00
    const staffId = staffIds[Math.floor(rand() * STAFF)];
    const key = `${day}|${slot}|${staffId}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const date = new Date(Date.parse(`${FIRST}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    const start = wallToInstant(date, 8 * 60 + slot * 30, TZ);
    out.push({ start: new Date(start), end: new Date(start + 30 * 60_000), staffId, bufferMin: 0 });
  }
  return out;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: at(0.5), p99: at(0.99), max: s[s.length - 1] };
}

function time(runs: number, fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  const staffIds = Array.from({ length: STAFF }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const appts = appointments(staffIds);
  const now = new Date(wallToInstant('2026-03-01', 12 * 60, TZ));
  const input: AvailabilityInput = {
    schedule: { tz: TZ, hours, holidays: ['2026-03-09'], minNoticeMin: 60, maxDaysAhead: 60, stepMin: 15 },
    service: { id: 'svc', durationMin: 45, bufferMin: 15 },
    staff: staffIds.map((id, i) => ({ id, hours: i % 3 === 0 ? { mon: week, wed: week, fri: week } : null })),
    appointments: appts,
    now,
  };
  const window = {
    from: new Date(wallToInstant(FIRST, 0, TZ)),
    to: new Date(wallToInstant(FIRST, 0, TZ) + DAYS * 86_400_000),
  };
  const slots = computeAvailability(input, window).length;
  time(50, () => computeAvailability(input, window)); // warm-up
  const pure = stats(time(500, () => computeAvailability(input, window)));

  const full = await readPath({ kind: 'pglite' }, staffIds, appts, now, window);
  const pg = process.env.DATABASE_URL
    ? await readPath({ kind: 'postgres', url: process.env.DATABASE_URL }, staffIds, appts, now, window)
    : null;

  const row = (name: string, runs: number, s: ReturnType<typeof stats>) =>
    `| ${name.padEnd(48)} | ${String(runs).padStart(4)} | ${s.median.toFixed(2).padStart(9)} | ${s.p99.toFixed(2).padStart(8)} | ${s.max.toFixed(2).padStart(8)} |`;
  console.log(
    `\nAvailability: ${DAYS} days × ${STAFF} staff, ${APPOINTMENTS} appointments, 45 min + 15 min buffer, 15 min grid → ${slots} slots per query\n`,
  );
  console.log('| query                                            | runs | median ms |  p99 ms  |  max ms  |');
  console.log('|--------------------------------------------------|------|-----------|----------|----------|');
  console.log(row('computeAvailability (pure, in memory)', 500, pure));
  console.log(row('getAvailability, PGlite (queries + compute)', 100, full));
  if (pg) console.log(row('getAvailability, PostgreSQL (queries + compute)', 100, pg));
  else console.log('(set DATABASE_URL to measure the read path on PostgreSQL too)');
  console.log(`\ntarget: median < 5 ms for the computation → ${pure.median < 5 ? 'met' : 'NOT met'}`);
}

/** Seeds one organization with the same data and times the whole read path against it. */
async function readPath(
  target: DbTarget,
  staffIds: string[],
  appts: BookedAppointment[],
  now: Date,
  window: { from: Date; to: Date },
) {
  const database = await openDatabase(target);
  const db = database.db;
  const [org] = await db
    .insert(schema.organizations)
    .values({ name: 'Bench', timezone: TZ, chatKey: newToken(8), icsToken: newToken(8) })
    .returning();
  await db.insert(schema.businessConfigs).values({
    organizationId: org.id,
    hours,
    holidays: ['2026-03-09'],
    minNoticeMin: 60,
    maxDaysAhead: 60,
    slotStepMin: 15,
  });
  const [svc] = await db
    .insert(schema.services)
    .values({ organizationId: org.id, name: 'Visit', durationMin: 45, bufferMin: 15 })
    .returning();
  const staffRows = await db
    .insert(schema.staff)
    .values(staffIds.map((_, i) => ({ organizationId: org.id, name: `Staff ${i}`, serviceIds: [svc.id] })))
    .returning();
  const idOf = new Map(staffIds.map((id, i) => [id, staffRows[i].id]));
  for (let i = 0; i < appts.length; i += 500) {
    await db.insert(schema.appointments).values(
      appts.slice(i, i + 500).map((a) => ({
        organizationId: org.id,
        serviceId: svc.id,
        staffId: idOf.get(a.staffId!)!,
        resourceKey: idOf.get(a.staffId!)!,
        startAt: a.start,
        endAt: a.end,
        busyUntil: a.end,
        customerName: 'Bench',
      })),
    );
  }
  const deps = { db, clock: fixedClock(now) };
  const q = { serviceId: svc.id, from: window.from, to: window.to };
  await timeAsync(10, () => getAvailability(deps, org.id, q));
  const result = stats(await timeAsync(100, () => getAvailability(deps, org.id, q)));
  await db.delete(schema.organizations).where(eq(schema.organizations.id, org.id));
  await database.close();
  return result;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
