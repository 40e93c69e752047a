import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparedStatements } from './prepared-statements.js';

/** Our named statements as PostgreSQL sees them (how often each was planned, by which plan). */
async function preparedInEngine(pg: PGlite) {
  const { rows } = await pg.query<{ statement: string; plans: number }>(
    `select statement, (generic_plans + custom_plans)::int as plans from pg_prepared_statements where name like 'io_prepared_%'`,
  );
  return rows;
}

describe('PreparedStatements', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = new PGlite();
    await pg.exec(`
      create table visits (id serial primary key, org uuid not null, who text unique, at timestamptz, data jsonb, note text);
    `);
  });
  afterAll(async () => {
    await pg.close();
  });

  it('answers exactly as PGlite does: rows, types, fields, affected rows, array rows, null parameters', async () => {
    const prepared = new PreparedStatements(pg);
    const org = '6a1f8c1e-8a4e-4c55-9a1e-1234567890ab';
    const at = new Date('2026-12-04T10:30:00Z');
    const insert = 'insert into visits (org, who, at, data, note) values ($1, $2, $3, $4, $5) returning *';
    const plainInsert = await pg.query(insert, [org, 'ann', at, { n: 1 }, null]);
    const preparedInsert = await prepared.query(insert, [org, 'bob', at, { n: 1 }, null]);
    expect(preparedInsert.affectedRows).toBe(plainInsert.affectedRows);
    expect(preparedInsert.fields).toEqual(plainInsert.fields);
    expect(preparedInsert.rows).toEqual([{ id: 2, org, who: 'bob', at, data: { n: 1 }, note: null }]);

    const select = 'select who, at, data from visits where org = $1 and at >= $2 order by id';
    for (const rowMode of ['object', 'array'] as const) {
      const plain = await pg.query(select, [org, at], { rowMode });
      const ours = await prepared.query(select, [org, at], { rowMode });
      expect(ours.rows).toEqual(plain.rows);
      expect(ours.fields).toEqual(plain.fields);
    }
    // a statement's own parsers (the query layer keeps timestamps as text) win over the database's
    const own = { parsers: { 1184: (text: string) => `as text: ${text}` } };
    const plainOwn = await pg.query<{ at: string }>(select, [org, at], own);
    const ownParsed = await prepared.query<{ at: string }>(select, [org, at], own);
    expect(ownParsed.rows).toEqual(plainOwn.rows);
    expect(ownParsed.rows[0].at).toMatch(/^as text: 2026-12-04 10:30:00/);
    expect((await prepared.query<{ at: Date }>(select, [org, at])).rows[0].at).toEqual(at);
    const update = await prepared.query('update visits set note = $1 where org = $2', ['seen', org]);
    expect(update.affectedRows).toBe(2);
  });

  it('parses and plans a statement once however often it runs', async () => {
    const prepared = new PreparedStatements(pg);
    const text = 'select count(*)::int as n from visits where who = $1 or $2::int > 0';
    for (let i = 0; i < 10; i++) await prepared.query(text, [`who-${i}`, i]);
    expect(prepared.size).toBe(1);
    const ours = (await preparedInEngine(pg)).filter((s) => s.statement === text);
    expect(ours).toEqual([{ statement: text, plans: 10 }]);
  });

  it('rejects a failing statement with PostgreSQL’s error and goes on answering', async () => {
    const prepared = new PreparedStatements(pg);
    const insert = 'insert into visits (org, who) values ($1, $2)';
    await prepared.query(insert, ['6a1f8c1e-8a4e-4c55-9a1e-1234567890ab', 'carol']);
    await expect(prepared.query(insert, ['6a1f8c1e-8a4e-4c55-9a1e-1234567890ab', 'carol'])).rejects.toMatchObject({
      code: '23505',
    });
    await expect(prepared.query('select nothing from nowhere where x = $1', [1])).rejects.toMatchObject({
      code: '42P01',
    });
    const { rows } = await prepared.query<{ n: number }>('select count(*)::int as n from visits where who = $1', [
      'carol',
    ]);
    expect(rows).toEqual([{ n: 1 }]);
    expect(pg.isInTransaction()).toBe(false);
  });

  it('prepares a statement again when the columns it returns changed under it', async () => {
    const prepared = new PreparedStatements(pg);
    await pg.exec('create table notes (id int primary key)');
    await pg.query('insert into notes values (1)');
    const text = 'select * from notes where id = $1';
    expect((await prepared.query(text, [1])).rows).toEqual([{ id: 1 }]);
    await pg.exec(`alter table notes add column body text default 'hello'`);
    expect((await prepared.query(text, [1])).rows).toEqual([{ id: 1, body: 'hello' }]);
  });

  it('keeps at most its limit of statements, closing the least recently used', async () => {
    const fresh = new PGlite();
    try {
      const prepared = new PreparedStatements(fresh, 3);
      for (let i = 0; i < 10; i++) {
        const { rows } = await prepared.query<{ n: number }>(`select $1::int + ${i} as n`, [1]);
        expect(rows).toEqual([{ n: 1 + i }]);
      }
      // the most recent three stay; a used one is kept over one not used since
      await prepared.query('select $1::int + 7 as n', [1]);
      await prepared.query('select $1::int + 10 as n', [1]);
      expect(prepared.size).toBe(3);
      expect((await preparedInEngine(fresh)).map((s) => s.statement).sort()).toEqual([
        'select $1::int + 10 as n',
        'select $1::int + 7 as n',
        'select $1::int + 9 as n',
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('runs a transaction’s statements from their prepared form: committed, rolled back, a failing statement failing it', async () => {
    const prepared = new PreparedStatements(pg);
    await pg.exec('create table ledger (id int primary key, amount int not null)');
    const insert = 'insert into ledger (id, amount) values ($1, $2)';
    await pg.transaction(async (plain) => {
      const tx = prepared.inTransaction(plain);
      await tx.query(insert, [1, 10]);
      await tx.query(insert, [2, 20]);
    });
    await expect(
      pg.transaction(async (plain) => {
        const tx = prepared.inTransaction(plain);
        await tx.query(insert, [3, 30]);
        await tx.query(insert, [1, 99]); // duplicate key: the whole transaction goes
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await pg.transaction(async (plain) => {
      const tx = prepared.inTransaction(plain);
      await tx.query(insert, [4, 40]);
      await tx.rollback();
    });
    const total = 'select coalesce(sum(amount), 0)::int as total, count(*)::int as n from ledger';
    expect((await prepared.query(total)).rows).toEqual([{ total: 30, n: 2 }]);
    // one statement, planned for every run inside and outside the transactions
    const ours = (await preparedInEngine(pg)).filter((s) => s.statement === insert);
    expect(ours).toEqual([{ statement: insert, plans: 5 }]);
    expect(pg.isInTransaction()).toBe(false);
  });

  it('prepares only plain data statements', () => {
    expect(PreparedStatements.preparable('  SELECT 1')).toBe(true);
    expect(PreparedStatements.preparable('with x as (select 1) select * from x')).toBe(true);
    expect(PreparedStatements.preparable('insert into t values ($1)')).toBe(true);
    expect(PreparedStatements.preparable('create table t (id int)')).toBe(false);
    expect(PreparedStatements.preparable('set statement_timeout = 0')).toBe(false);
    expect(PreparedStatements.preparable('begin')).toBe(false);
    expect(PreparedStatements.preparable('selection')).toBe(false);
  });
});
