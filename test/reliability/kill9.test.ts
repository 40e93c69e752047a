// Invariant: a node killed with SIGKILL mid-call loses nothing already said: on restart its calls are marked interrupted with every recorded turn intact, and leave the shared active list. (Outbox work a killed node had claimed is redelivered exactly once after the lease: test/integration/notify-faults.test.ts, "a dispatcher process killed with SIGKILL mid-send".)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { testDatabase } from '../harness/server.js';
import { apiClient } from '../harness/client.js';
import { schema, type Database } from '../../src/db/index.js';
import { startNode } from './child.js';
import { PhoneCall, TWILIO_TOKEN, eventually } from './support.js';
import { scaled } from '../harness/timing.js';

// Runs in CI's PostgreSQL pass: both processes share a fresh database on the server.
const enabled = Boolean(process.env.DATABASE_URL);
const DEMO_NUMBER = '+13125550199';
const SIM_KEY = 'reliability-simulator-key-0001';
let db: Database & { url?: string };

describe.skipIf(!enabled)('a node killed with SIGKILL mid-call', () => {
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it(
    'is marked interrupted on restart, with every turn it had recorded',
    async () => {
      const env = {
        DATABASE_URL: db.url!,
        REDIS_URL: process.env.REDIS_URL ?? '',
        REDIS_KEY_PREFIX: `io-k9-${process.pid}-${Date.now()}:`,
        NODE_ID: `k9-${process.pid}`,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        SIMULATOR_KEY: SIM_KEY,
        DATA_DIR: ':memory:',
        JWT_SECRET: 'a'.repeat(64),
        ENCRYPTION_KEY: 'b'.repeat(64),
        SEED_DEMO: 'true',
      };
      const first = await startNode(env);
      let second: Awaited<ReturnType<typeof startNode>> | undefined;
      try {
        const login = await apiClient(first.url).post('/api/auth/login', {
          email: 'owner@demo-plumbing.test',
          password: 'demo-password-123',
        });
        expect(login.status).toBe(200);
        const api = apiClient(first.url, login.body.accessToken);
        expect((await api.put('/api/config', { afterHours: 'answer' })).status).toBe(200);
        const script = async (callId: string, text: string) => {
          const r = await api.post(
            `/api/simulator/calls/${callId}/say`,
            { texts: [text] },
            { 'x-simulator-key': SIM_KEY },
          );
          expect(r.status).toBe(204);
        };
        const call = new PhoneCall(first.url, DEMO_NUMBER, script);
        await call.connect();
        await call.say('What are your hours on Saturday?');
        const turnsOf = () =>
          db.db
            .select()
            .from(schema.callTurns)
            .where(eq(schema.callTurns.callId, call.callId))
            .orderBy(asc(schema.callTurns.seq));
        expect(await eventually(async () => (await turnsOf()).some((t) => t.role === 'caller'), 5000)).toBe(true);
        expect(await eventually(async () => (await turnsOf()).at(-1)?.role === 'agent', 5000)).toBe(true);
        const before = await turnsOf();
        expect((await api.get('/api/calls/active')).body.items.map((c: any) => c.id)).toContain(call.callId);

        first.child.kill('SIGKILL');
        await first.exited;
        call.peer.close();
        const [dead] = await db.db.select().from(schema.calls).where(eq(schema.calls.id, call.callId));
        expect(dead.endedAt).toBeNull(); // nobody closed it: the node died

        second = await startNode(env);
        const [row] = await db.db.select().from(schema.calls).where(eq(schema.calls.id, call.callId));
        expect(row.status).toBe('interrupted');
        expect(row.endedAt).not.toBeNull();
        // Off the shared active list (Redis in CI's pass) at once, not at the entry's TTL.
        const relogin = await apiClient(second.url).post('/api/auth/login', {
          email: 'owner@demo-plumbing.test',
          password: 'demo-password-123',
        });
        expect(
          (await apiClient(second.url, relogin.body.accessToken).get('/api/calls/active')).body.items.map(
            (c: any) => c.id,
          ),
        ).not.toContain(call.callId);
        const after = await turnsOf();
        expect(after.map((t) => [t.seq, t.role, t.text])).toEqual(before.map((t) => [t.seq, t.role, t.text]));
        expect(after.filter((t) => t.role === 'caller').map((t) => t.text)).toEqual([
          'What are your hours on Saturday?',
        ]);
        console.log(
          `[reliability] kill -9: call ${row.status}, ${after.length} of ${before.length} turns intact, dead air before the kill ${call.maxDeadAirMs.toFixed(0)} ms`,
        );
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      } finally {
        if (first.child.exitCode === null && !first.child.signalCode) first.child.kill('SIGKILL');
        if (second && second.child.exitCode === null && !second.child.signalCode) second.child.kill('SIGKILL');
      }
    },
    scaled(240_000),
  );
});
