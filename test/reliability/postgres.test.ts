// Invariant: PostgreSQL unreachable or frozen mid-call never stops the call; its turns and events wait and land in order when the database returns (no loss, no duplicates); requests fail fast with 503 instead of hanging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { testDatabase } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { startTcpProxy, type TcpProxy } from '../fakes/tcp-proxy.js';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase, schema, type Database } from '../../src/db/index.js';
import { createLogger, fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { appendTurn } from '../../src/calls/index.js';
import { OPEN_HOURS, PhoneCall, TWILIO_TOKEN, eventually, randomNumber, timed, watchRejections } from './support.js';
import { scaled } from '../harness/timing.js';

// Runs in CI's PostgreSQL pass: the product reaches the shared server through a proxy this test cuts and freezes.
const enabled = Boolean(process.env.DATABASE_URL);
const providers = createProviders({});
const NUMBER = randomNumber();
let direct: Database & { url?: string };
let proxy: TcpProxy;
let proxied: Database;
let server: RunningServer;
let org: Awaited<ReturnType<typeof registerOrg>>;

describe.skipIf(!enabled)('PostgreSQL faults mid-call', () => {
  beforeAll(async () => {
    direct = await testDatabase();
    const url = new URL(direct.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(proxy.port);
    proxied = await openDatabase({
      kind: 'postgres',
      url: url.toString(),
      poolSize: 10,
      timeouts: { connectMs: 500, statementMs: 1000 },
    });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      REDIS_URL: process.env.REDIS_URL,
      REDIS_KEY_PREFIX: `io-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    });
    server = await startServer(config, {
      database: proxied,
      clock: fixedClock(OPEN_HOURS, true),
      providers,
      logger: createLogger('silent', { pretty: false }),
    });
    org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
    expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  });
  afterAll(async () => {
    proxy?.restore();
    await server?.close();
    await proxied?.close();
    await proxy?.close();
    await direct?.close();
  });

  const turnsOf = (callId: string) =>
    direct.db
      .select()
      .from(schema.callTurns)
      .where(eq(schema.callTurns.callId, callId))
      .orderBy(asc(schema.callTurns.seq));
  const callOf = async (callId: string) =>
    (await direct.db.select().from(schema.calls).where(eq(schema.calls.id, callId)))[0];

  async function callThroughOutage(fault: () => void, label: string) {
    const rejections = watchRejections();
    const call = new PhoneCall(server.url, NUMBER, providers);
    await call.connect();
    fault();
    const health = await timed(server.url, '/health');
    expect(health.status).toBe(503);
    expect(health.body.db).toBe('down');
    expect(health.ms).toBeLessThan(1000);
    const list = await timed(server.url, '/api/calls', { headers: { authorization: `Bearer ${org.accessToken}` } });
    expect(list.status).toBe(503);
    expect(list.body.error.code).toBe('unavailable');
    expect(list.ms).toBeLessThan(2500);
    // The call goes on: two questions answered while nothing can be written.
    await call.say('What are your hours on Saturday?');
    await call.say('Do you fix water heaters?');
    expect(call.maxDeadAirMs).toBeLessThan(3000);
    await call.hangUp();
    await new Promise((r) => setTimeout(r, 500));
    proxy.restore();
    const t0 = performance.now();
    expect(
      await eventually(async () => Boolean((await callOf(call.callId))?.outcome), 15_000),
      'the held completion lands',
    ).toBe(true);
    const flushMs = performance.now() - t0;
    const turns = await turnsOf(call.callId);
    expect(turns.map((t) => t.seq)).toEqual(turns.map((_, i) => i));
    expect(turns.filter((t) => t.role === 'caller').map((t) => t.text)).toEqual([
      'What are your hours on Saturday?',
      'Do you fix water heaters?',
    ]);
    expect(turns[turns.length - 1].role).toBe('agent');
    expect(turns.filter((t) => t.role === 'agent').length).toBe(3);
    const row = await callOf(call.callId);
    expect(row.endedAt).not.toBeNull();
    expect((await org.api.get('/api/calls/active')).body.items.some((c: any) => c.id === call.callId)).toBe(false);
    expect((await timed(server.url, '/health')).status).toBe(200);
    // No connection was lost for good: more requests at once than the pool holds all answer.
    const burst = await Promise.all(
      Array.from({ length: 15 }, () =>
        timed(server.url, '/api/calls', { headers: { authorization: `Bearer ${org.accessToken}` } }),
      ),
    );
    expect(burst.map((r) => r.status)).toEqual(burst.map(() => 200));
    rejections.stop();
    expect(rejections.seen).toEqual([]);
    console.log(
      `[reliability] ${label}: health ${health.ms.toFixed(0)} ms, /api/calls ${list.ms.toFixed(0)} ms (503), dead air ${call.maxDeadAirMs.toFixed(0)} ms, turns ${turns.length} in order, flushed ${flushMs.toFixed(0)} ms after restore`,
    );
  }

  it(
    'connections cut (server gone) mid-call: the call goes on and is recorded whole, in order, once it returns',
    async () => {
      await callThroughOutage(() => proxy.cut(), 'postgres cut');
    },
    scaled(90_000),
  );

  it(
    'frozen (nothing answers) mid-call: requests fail within the statement timeout, the call goes on and is recorded whole',
    async () => {
      await callThroughOutage(() => proxy.freeze(), 'postgres frozen');
    },
    scaled(90_000),
  );

  it('a turn written again after a lost acknowledgement is not duplicated', async () => {
    const call = new PhoneCall(server.url, NUMBER, providers);
    await call.ring();
    const [row] = await direct.db.select().from(schema.calls).where(eq(schema.calls.callSid, call.callSid));
    const ids: [string, string] = [crypto.randomUUID(), crypto.randomUUID()];
    const turn = { callerText: 'Hello?', agentText: 'Hi, Pipe Pros.' };
    for (let i = 0; i < 2; i++)
      await appendTurn(direct.db, { id: row.id, organizationId: row.organizationId }, turn, { seq: 0, ids });
    expect((await turnsOf(row.id)).map((t) => `${t.seq}:${t.role}`)).toEqual(['0:caller', '1:agent']);
  });
});
