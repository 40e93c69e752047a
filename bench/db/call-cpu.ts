/**
 * The node's CPU for one phone call's database work, as the product runs it: the ring's insert, the
 * stream's start (its one-time token), its recorded turns (caller and agent rows, as the recorder writes
 * them), and the completion (closing read, update, metering with its period check), one call after
 * another on a fresh database. Process CPU (user + system) is counted, not
 * wall time, so a slow database or a busy machine moves it less; it still varies from run to run on a
 * shared machine: compare two checkouts by running this in each, alternately, and quote medians.
 *
 *   npx tsx bench/db/call-cpu.ts [--db postgres|embedded] [--calls 400] [--rounds 5] [--turns 0]
 *
 * PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a database is created
 * for the run and dropped after it.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/index.js';
import { randomUUID } from 'node:crypto';
import { appendTurn, completeCall, consumeStreamToken, createCall } from '../../src/calls/index.js';
import { meterCall } from '../../src/billing/index.js';
import { createOrganization } from '../../src/business/index.js';
import { newToken } from '../../src/lib/index.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    calls: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '5' },
    turns: { type: 'string', default: '0' },
  },
});
const CALLS = Number(values.calls);
const ROUNDS = Number(values.rounds);
const TURNS = Number(values.turns);
const SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  await c.query(statement);
  await c.end();
}

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (values.db === 'embedded') return { database: await openDatabase({ kind: 'pglite' }), drop: async () => {} };
  const name = `io_call_cpu_${process.pid}`;
  await admin(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  return { database, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

const { database, drop } = await open();
const db = database.db;
const org = await createOrganization(db, { name: 'Bench Plumbing', timezone: 'America/Chicago' });

let n = 0;
async function call() {
  const token = newToken(24);
  const started = await createCall(db, {
    organizationId: org.id,
    channel: 'phone',
    callSid: `CA${++n}${newToken(8)}`,
    from: '+13125550000',
    to: '+13125550100',
    status: 'ringing',
    startedAt: new Date(),
    streamToken: token,
    metadata: { nodeId: 'bench' },
  });
  await consumeStreamToken(db, started.id, token, new Date());
  for (let t = 0; t < TURNS; t++) {
    const turn = { callerText: 'My kitchen sink is leaking', agentText: 'I can book a plumber for you.', e2eMs: 600 };
    await appendTurn(db, started, turn, { seq: 2 * t, ids: [randomUUID(), randomUUID()] });
  }
  await completeCall(db, started.id, { endedAt: new Date(), reason: 'hangup' }, (tx, row) =>
    meterCall(tx, row, new Date(), async () => undefined),
  );
}

try {
  for (let i = 0; i < 200; i++) await call(); // warm-up: JIT, plans, the billing account
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const before = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) await call();
    const used = process.cpuUsage(before);
    ms.push((used.user + used.system) / CALLS / 1000);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(
    `\nNode CPU per call's database work (${values.db}, ${TURNS} turns a call), ${CALLS} calls × ${ROUNDS} rounds\n`,
  );
  console.log('| rounds (ms per call) | median |');
  console.log('|---|---|');
  console.log(
    `| ${ms.map((x) => x.toFixed(2)).join(', ')} | **${sorted[Math.floor(sorted.length / 2)].toFixed(2)}** |`,
  );
} finally {
  await database.close();
  await drop();
}
