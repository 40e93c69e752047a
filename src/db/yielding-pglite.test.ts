import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { YieldingPGlite } from './yielding-pglite.js';

/** The longest the event loop went without running a 1 ms interval while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; workMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 5));
  const t = performance.now();
  last = t;
  stallMs = 0;
  await work();
  const workMs = performance.now() - t;
  clearInterval(tick);
  return { stallMs: Math.max(stallMs, performance.now() - last), workMs };
}

/** 150 statements issued at once, as a burst of rings and completions would. */
const burst = (db: PGlite) =>
  Promise.all(
    Array.from({ length: 150 }, (_, i) => db.query(`select count(*) + ${i} as n from generate_series(1, 20000)`)),
  );

describe('YieldingPGlite', () => {
  const dbs: PGlite[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.close()));
  });

  it('lets the event loop turn between slices of a burst of statements, where plain PGlite holds it for the whole burst', async () => {
    const plain = new PGlite();
    const sliced = new YieldingPGlite();
    dbs.push(plain, sliced);
    await burst(plain); // warm both up (compilation, caches)
    await burst(sliced);

    const before = await longestStall(() => burst(plain));
    const after = await longestStall(() => burst(sliced));
    // the burst is far longer than a slice; plain PGlite runs it in one go
    expect(before.workMs).toBeGreaterThan(60);
    expect(before.stallMs).toBeGreaterThan(before.workMs * 0.5);
    // sliced: the loop never waits more than a few statements
    expect(after.stallMs).toBeLessThan(Math.max(25, after.workMs / 4));
  });

  it('keeps every statement, its result and its order', async () => {
    const db = new YieldingPGlite();
    dbs.push(db);
    await db.exec('create table seen (n int primary key, at serial)');
    await Promise.all(Array.from({ length: 200 }, (_, n) => db.query('insert into seen (n) values ($1)', [n])));
    const rows = (await db.query<{ n: number }>('select n from seen order by at')).rows.map((r) => r.n);
    expect(rows).toEqual(Array.from({ length: 200 }, (_, n) => n));
  });

  it('puts a call set-up statement before the background work queued ahead of it', async () => {
    const db = new YieldingPGlite();
    dbs.push(db);
    await db.query('select 1');
    const order: string[] = [];
    const background = Array.from({ length: 60 }, (_, i) =>
      db.query('select count(*) from generate_series(1, 5000)').then(() => order.push(`background ${i}`)),
    );
    const setup = db.setup.query('select 1').then(() => order.push('setup'));
    await Promise.all([...background, setup]);
    // at most the slice that was already running goes first; the set-up statement is not 60th
    expect(order.indexOf('setup')).toBeLessThan(10);
    expect(order.filter((o) => o !== 'setup')).toEqual(Array.from({ length: 60 }, (_, i) => `background ${i}`));
  });

  it('runs a transaction as one turn: a failing one rolls back and the queue goes on', async () => {
    const db = new YieldingPGlite();
    dbs.push(db);
    await db.exec('create table t (v int)');
    const failed = db.transaction(async (tx) => {
      await tx.query('insert into t values (1)');
      throw new Error('nope');
    });
    const later = db.query('insert into t values (2)');
    await expect(failed).rejects.toThrow('nope');
    await later;
    expect((await db.query<{ v: number }>('select v from t')).rows).toEqual([{ v: 2 }]);
  });
});
