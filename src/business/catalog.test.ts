// Invariant: an organization's staff, services and FAQ entries are listed, and offered, in the order they were
// added, even when several are added within one millisecond (the embedded database's clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, schema, type Database, type Db } from '../db/index.js';
import { newToken } from '../lib/index.js';
import { servicesRepo, staffRepo } from './catalog.js';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite' });
});
afterAll(async () => {
  await database?.close();
});

describe('catalog order', () => {
  it('keeps the order staff were added in, each stamped after the one before', async () => {
    const db = database.db;
    const [org] = await db
      .insert(schema.organizations)
      .values({ name: 'Luxe & Lather', timezone: 'America/Chicago', chatKey: newToken(8), icsToken: newToken(8) })
      .returning();
    const [user] = await db
      .insert(schema.users)
      .values({ organizationId: org.id, email: `owner-${newToken(6)}@example.com`, passwordHash: 'x', role: 'admin' })
      .returning();
    const actor = { organizationId: org.id, userId: user.id };
    const svc = await servicesRepo.create(db, actor, { name: 'Cut & Color', durationMin: 150 });
    // names against the alphabet, added in one transaction (one now()): a tie on the clock would list them by name
    const names = ['Sam', 'Sofia', 'Dave', 'Carla', 'Bea', 'Abe'];
    await db.transaction(async (tx) => {
      for (const name of names) await staffRepo.create(tx as unknown as Db, actor, { name, serviceIds: [svc.id] });
    });

    const listed = await staffRepo.list(db, org.id);
    expect(listed.map((s) => s.name)).toEqual(names);
    // strictly later each: every reader ordering by when staff were added (availability's first free one too) agrees
    const times = listed.map((s) => s.createdAt.getTime());
    expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true);
  });
});
