// Invariant: Redis killed, frozen or restarted while a call is live never crashes the node, never makes a request hang, and loses nothing of the call; live events resume when Redis returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg, apiClient } from '../harness/client.js';
import { redisServerAvailable, startRedisProcess, type RedisProcess } from '../fakes/redis-process.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import {
  OPEN_HOURS,
  PhoneCall,
  TWILIO_TOKEN,
  eventually,
  finishedCall,
  listenEvents,
  randomNumber,
  timed,
  timedPost,
  watchRejections,
} from './support.js';
import { scaled } from '../harness/timing.js';

// Runs in CI's PostgreSQL + Redis pass; needs a redis-server binary for a private server it can kill.
const enabled = Boolean(process.env.REDIS_URL) && (await redisServerAvailable());
const providers = createProviders({});
const NUMBER = randomNumber();
let redis: RedisProcess;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;

describe.skipIf(!enabled)('Redis faults mid-call', () => {
  beforeAll(async () => {
    redis = await startRedisProcess();
    server = await startTestServer({
      clock: fixedClock(OPEN_HOURS, true),
      providers,
      env: { REDIS_URL: redis.url, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, LOGIN_RATE_LIMIT: '1000' },
    });
    org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
    expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await redis?.close();
  });

  /** What the node does while Redis is away: every request answers fast, the call goes on and is recorded. */
  async function duringOutage(call: PhoneCall, live: ReturnType<typeof listenEvents>, label: string) {
    const health = await timed(server.url, '/health');
    expect(health.status).toBe(503);
    expect(health.body.redis).toBe('down');
    expect(health.ms).toBeLessThan(1000);
    // Rate limits fail open to this node's memory: a login still answers, wrong and right.
    const wrong = await timedPost(server.url, '/api/auth/login', { email: org.email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    const right = await timedPost(server.url, '/api/auth/login', { email: org.email, password: org.password });
    expect(right.status).toBe(200);
    const chat = await apiClient(server.url).post(`/api/chat/${org.organization.chatKey}/sessions`, {});
    expect(chat.status).toBeLessThan(300);
    const t0 = performance.now();
    const reply = await apiClient(server.url).post(
      `/api/chat/${org.organization.chatKey}/sessions/${chat.body.id}/messages`,
      { text: 'What are your hours?' },
    );
    const chatMs = performance.now() - t0;
    expect(reply.status).toBe(200);
    await call.say('What are your hours on Saturday?');
    expect(call.maxDeadAirMs).toBeLessThan(3000);
    // This node's own dashboard still hears this node's call while Redis is away.
    expect(
      await eventually(() => live.events.some((e) => e.type === 'call.turn' && e.data.callId === call.callId), 3000),
    ).toBe(true);
    const maxMs = Math.max(health.ms, wrong.ms, right.ms, chatMs);
    console.log(
      `[reliability] ${label}: health ${health.ms.toFixed(0)} ms, login ${wrong.ms.toFixed(0)}/${right.ms.toFixed(0)} ms, chat ${chatMs.toFixed(0)} ms, dead air ${call.maxDeadAirMs.toFixed(0)} ms`,
    );
    return maxMs;
  }

  /** After the fault: the call is recorded whole, off the active list, and live events flow through Redis again. */
  async function afterRecovery(call: PhoneCall, live: ReturnType<typeof listenEvents>, label: string) {
    const detail = await finishedCall(org.api, call.callId);
    expect(detail.outcome).toBeTruthy();
    const callerTurns = detail.turns.filter((t: any) => t.role === 'caller').map((t: any) => t.text);
    expect(callerTurns).toEqual(['What are your hours on Saturday?']);
    const seqs = detail.turns.map((t: any) => t.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(await eventually(async () => (await timed(server.url, '/health')).status === 200, 5000)).toBe(true);
    expect(
      await eventually(
        async () => !(await org.api.get('/api/calls/active')).body.items.some((c: any) => c.id === call.callId),
        3000,
      ),
    ).toBe(true);
    // A chat started now reaches the dashboard only if the node re-subscribed on the returned Redis.
    const chat = await apiClient(server.url).post(`/api/chat/${org.organization.chatKey}/sessions`, {});
    const resumed = await eventually(
      () => live.events.some((e) => e.type === 'call.started' && e.data.callId === chat.body.id),
      5000,
    );
    expect(resumed, 'live events resume after Redis returns').toBe(true);
    console.log(
      `[reliability] ${label}: turns ${detail.turns.length}, duplicates ${seqs.length - new Set(seqs).size}, events resumed ${resumed}`,
    );
  }

  it(
    'killed mid-call, then restarted: no crash, requests answer within a second, the call is recorded, events resume',
    async () => {
      const rejections = watchRejections();
      const live = listenEvents(server.url, org.accessToken);
      await live.ready;
      const call = new PhoneCall(server.url, NUMBER, providers);
      await call.connect();
      expect((await org.api.get('/api/calls/active')).body.items.map((c: any) => c.id)).toContain(call.callId);
      await redis.kill();
      await duringOutage(call, live, 'redis killed');
      await call.hangUp();
      // The reconnect loop runs a few times while Redis is away: still nothing unhandled.
      await new Promise((r) => setTimeout(r, 1500));
      await redis.restart();
      await afterRecovery(call, live, 'redis restarted');
      live.stop();
      rejections.stop();
      expect(rejections.seen).toEqual([]);
    },
    scaled(60_000),
  );

  it(
    'frozen (SIGSTOP) mid-call, then thawed: same guarantees, and the call leaves the active list once Redis answers',
    async () => {
      const rejections = watchRejections();
      const live = listenEvents(server.url, org.accessToken);
      await live.ready;
      const call = new PhoneCall(server.url, NUMBER, providers);
      await call.connect();
      redis.freeze();
      try {
        await duringOutage(call, live, 'redis frozen');
        await call.hangUp();
        await finishedCall(org.api, call.callId);
      } finally {
        redis.thaw();
      }
      await afterRecovery(call, live, 'redis thawed');
      live.stop();
      rejections.stop();
      expect(rejections.seen).toEqual([]);
    },
    scaled(60_000),
  );
});
