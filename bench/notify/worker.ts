/**
 * A dispatcher process for the multi-process tests and the throughput bench: opens DATABASE_URL,
 * delivers through the configured channels (webhooks to private addresses allowed: the receivers
 * are local), and either drains the outbox and exits (`--drain`) or runs until killed.
 * Prints one JSON line `{ pid, claimed, sent, retried, dead, ms }` on exit.
 */
import { openDatabase } from '../../src/db/index.js';
import { createLogger, systemClock } from '../../src/lib/index.js';
import { createChannels, createDispatcher, type PassResult } from '../../src/notify/index.js';
import { sql } from 'drizzle-orm';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const drain = process.argv.includes('--drain');
const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
const db = database.db;
const channels = createChannels(db, { webhookAllowPrivate: true, publicUrl: 'http://localhost:3000' });
const dispatcher = createDispatcher({
  db,
  channels,
  clock: systemClock,
  logger: createLogger('silent', { pretty: false }),
  options: {
    batchSize: arg('batch', 25),
    concurrency: arg('concurrency', 8),
    leaseMs: arg('lease-ms', 60_000),
    pollMs: arg('poll-ms', 50),
    sendTimeoutMs: arg('send-timeout-ms', 30_000),
    escalations: false,
    summaryEveryMs: 0,
  },
});
const total: PassResult = { claimed: 0, sent: 0, retried: 0, dead: 0, deferred: 0, escalationSteps: 0, summaries: 0 };
const t0 = performance.now();
process.stdout.write(JSON.stringify({ ready: process.pid }) + '\n');
if (drain) {
  for (;;) {
    const r = await dispatcher.runOnce();
    for (const k of Object.keys(total) as (keyof PassResult)[]) total[k] += r[k];
    if (r.claimed > 0) continue;
    const res = await db.execute(sql`select count(*)::int as n from outbox where status in ('pending', 'sending')`);
    if ((res as unknown as { rows: Array<{ n: number }> }).rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  process.stdout.write(JSON.stringify({ pid: process.pid, ...total, ms: Math.round(performance.now() - t0) }) + '\n');
  await database.close();
} else {
  dispatcher.start();
}
