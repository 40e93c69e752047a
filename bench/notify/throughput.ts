/**
 * Outbox throughput: N messages delivered by 1 and 2 in-process dispatchers (separate connection
 * pools) through the dev inbox and through signed webhooks to a local receiver. PGlite by default,
 * DATABASE_URL for PostgreSQL (two dispatchers only there). Prints a table; not a timed test.
 *   npx tsx bench/notify/throughput.ts [N]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, schema, type Database } from '../../src/db/index.js';
import { createLogger, newToken, systemClock } from '../../src/lib/index.js';
import {
  createChannels,
  createDispatcher,
  enqueue,
  type ChannelName,
  type MessagePayload,
} from '../../src/notify/index.js';

const N = Number(process.argv[2] ?? 1000);
const base = process.env.DATABASE_URL;
/** A scratch database on the server (created here, dropped at the end), never the one in DATABASE_URL. */
const scratch = `io_bench_notify_${process.pid}`;
async function admin(q: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(q);
  await c.end();
}
let url: string | undefined;
if (base) {
  await admin(`create database ${scratch}`);
  const u = new URL(base);
  u.pathname = `/${scratch}`;
  url = u.toString();
}
const open = (): Promise<Database> => openDatabase(url ? { kind: 'postgres', url, poolSize: 10 } : { kind: 'pglite' });
const logger = createLogger('silent', { pretty: false });

const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(204).end());
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const main = await open();
const [org] = await main.db
  .insert(schema.organizations)
  .values({ name: 'Bench', chatKey: newToken(12), icsToken: newToken(12) })
  .returning();
const [hook] = await main.db
  .insert(schema.webhooks)
  .values({ organizationId: org.id, url: hookUrl, events: ['lead.created'], secret: 'whsec_bench' })
  .returning();

async function run(channel: ChannelName, dispatchers: number): Promise<string[]> {
  await main.db.delete(schema.outbox);
  await main.db.delete(schema.devInbox);
  const payload: MessagePayload = {
    template: 'new_lead',
    event: 'lead.created',
    urgent: false,
    orgName: 'Bench',
    timezone: 'UTC',
    data: { name: 'x' },
    webhookId: hook.id,
  };
  const tag = newToken(4);
  for (let i = 0; i < N; i += 500) {
    await enqueue(
      main.db,
      Array.from({ length: Math.min(500, N - i) }, (_, k) => ({
        organizationId: org.id,
        event: 'lead.created',
        channel,
        recipient: 'owner@bench.test',
        payload,
        idempotencyKey: `${tag}:${i + k}`,
      })),
      new Date(Date.now() - 1000),
    );
  }
  const dbs = url ? await Promise.all(Array.from({ length: dispatchers }, open)) : [main];
  const t0 = performance.now();
  await Promise.all(
    dbs.map(async (d) => {
      const disp = createDispatcher({
        db: d.db,
        channels: createChannels(d.db, { webhookAllowPrivate: true }),
        clock: systemClock,
        logger,
        options: { batchSize: 50, concurrency: 16, escalations: false, summaryEveryMs: 0 },
      });
      while ((await disp.runOnce()).claimed > 0) {
        /* drain */
      }
    }),
  );
  const ms = performance.now() - t0;
  const res = await main.db.execute(sql`select count(*)::int as n from outbox where status = 'sent'`);
  const sent = (res as unknown as { rows: Array<{ n: number }> }).rows[0].n;
  if (url) await Promise.all(dbs.map((d) => d.close()));
  return [
    channel === 'email' ? 'dev inbox' : 'webhook',
    String(dispatchers),
    String(sent),
    ms.toFixed(0),
    (sent / (ms / 1000)).toFixed(0),
  ];
}

const rows = [['channel', 'dispatchers', 'sent', 'ms', 'msg/s']];
for (const ch of ['email', 'webhook'] as const) for (const n of url ? [1, 2] : [1]) rows.push(await run(ch, n));
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
process.stdout.write(`outbox throughput, N=${N}, ${url ? 'PostgreSQL' : 'PGlite'}\n`);
for (const r of rows) process.stdout.write(r.map((c, i) => c.padStart(w[i])).join('  ') + '\n');
await main.close();
receiver.close();
if (base) await admin(`drop database if exists ${scratch} with (force)`);
