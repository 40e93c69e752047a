/**
 * Booking throughput under contention: many clients at once try to book few slots (the exclusion
 * constraint and per-resource locks decide), then the same number spread over many free slots.
 * Uses DATABASE_URL (PostgreSQL) when set, else an in-memory PGlite (single connection, so no real
 * parallelism — the PostgreSQL figures are the ones that matter).
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/booking/bookings.ts
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { bookAppointment, wallToInstant } from '../../src/booking/index.js';
import { openDatabase, schema, type Database } from '../../src/db/index.js';
import { fixedClock, isAppError, newToken } from '../../src/lib/index.js';

const TZ = 'America/Chicago';
const ATTEMPTS = 400;
const CONCURRENCY = 40;
const week = [['08:00', '18:00']] as [string, string][];

async function seed(database: Database, staff: number) {
  const db = database.db;
  const [org] = await db
    .insert(schema.organizations)
    .values({ name: 'Bench', timezone: TZ, chatKey: newToken(8), icsToken: newToken(8) })
    .returning();
  await db.insert(schema.businessConfigs).values({
    organizationId: org.id,
    hours: { mon: week, tue: week, wed: week, thu: week, fri: week },
    minNoticeMin: 0,
    maxDaysAhead: 90,
    slotStepMin: 30,
  });
  const [svc] = await db
    .insert(schema.services)
    .values({ organizationId: org.id, name: 'Visit', durationMin: 30, bufferMin: 0 })
    .returning();
  for (let i = 0; i < staff; i++)
    await db.insert(schema.staff).values({ organizationId: org.id, name: `S${i}`, serviceIds: [svc.id] });
  return { organizationId: org.id, serviceId: svc.id };
}

/** All weekday half-hour starts from 1 June 2026 on, in order. */
function starts(n: number): Date[] {
  const out: Date[] = [];
  for (let day = 0; out.length < n; day++) {
    const date = new Date(Date.UTC(2026, 5, 1 + day)).toISOString().slice(0, 10);
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    for (let m = 8 * 60; m < 18 * 60 && out.length < n; m += 30) out.push(new Date(wallToInstant(date, m, TZ)));
  }
  return out;
}

async function run(database: Database, label: string, slots: number, staff: number) {
  const { organizationId, serviceId } = await seed(database, staff);
  const deps = { db: database.db, clock: fixedClock('2026-05-01T12:00:00Z') };
  const pool = starts(slots);
  let next = 0;
  let booked = 0;
  let refused = 0;
  let failed = 0;
  const latencies: number[] = [];
  const worker = async () => {
    while (next < ATTEMPTS) {
      const i = next++;
      const t = performance.now();
      try {
        await bookAppointment(deps, organizationId, {
          serviceId,
          start: pool[i % pool.length],
          customer: { name: `C${i}` },
        });
        booked++;
      } catch (e) {
        if (isAppError(e) && e.code === 'SLOT_TAKEN') refused++;
        else {
          failed++;
          if (failed === 1) console.error(e);
        }
      }
      latencies.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const secs = (performance.now() - t0) / 1000;
  const rows = await database.db
    .select({ id: schema.appointments.id })
    .from(schema.appointments)
    .where(eq(schema.appointments.organizationId, organizationId));
  await database.db.delete(schema.organizations).where(eq(schema.organizations.id, organizationId));
  latencies.sort((a, b) => a - b);
  const expected = Math.min(ATTEMPTS, slots * staff);
  return `| ${label.padEnd(34)} | ${String(ATTEMPTS).padStart(8)} | ${String(booked).padStart(6)} | ${String(refused).padStart(7)} | ${String(failed).padStart(6)} | ${(ATTEMPTS / secs).toFixed(0).padStart(10)} | ${(booked / secs).toFixed(0).padStart(9)} | ${latencies[Math.floor(latencies.length / 2)].toFixed(1).padStart(6)} | ${latencies[Math.floor(latencies.length * 0.99)].toFixed(1).padStart(6)} | ${rows.length === expected && booked === expected ? 'yes' : `NO (${rows.length} rows, expected ${expected})`} |`;
}

async function main() {
  const url = process.env.DATABASE_URL;
  const database = await openDatabase(url ? { kind: 'postgres', url, poolSize: 20 } : { kind: 'pglite' });
  const lines = [
    await run(database, '4 slots × 1 resource (hot)', 4, 1),
    await run(database, '4 slots × 2 staff (hot)', 4, 2),
    await run(database, '400 slots × 1 resource (no clash)', 400, 1),
  ];
  await database.close();
  console.log(
    `\nBookings on ${url ? 'PostgreSQL' : 'PGlite (in memory)'}: ${ATTEMPTS} attempts by ${CONCURRENCY} concurrent clients\n`,
  );
  console.log(
    '| scenario                           | attempts | booked | refused | errors | attempts/s | booked/s | p50 ms | p99 ms | exact |',
  );
  console.log(
    '|------------------------------------|----------|--------|---------|--------|------------|----------|--------|--------|-------|',
  );
  for (const l of lines) console.log(l);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
