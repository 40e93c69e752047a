// Invariant: both LiveStore implementations (in-process and Redis) keep the same contract, so a node
// behaves the same whether REDIS_URL is set or not. The Redis case runs when REDIS_URL is set.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../test/harness/line.js';
import type { LiveEvent, LiveStore } from './live-store.js';
import { createMemoryLiveStore } from './memory.js';
import { createRedisLiveStore } from './redis.js';

/** A store under test, with the clock it reads. */
interface Subject {
  store: LiveStore;
  advance(ms: number): void;
}

const START = Date.UTC(2030, 0, 7, 15, 0, 0);
/** `clockDrivesExpiry`: every TTL follows the injected clock (Redis expires keys on its own clock; only active calls follow ours). */
const implementations: Array<{
  name: string;
  skip: boolean;
  clockDrivesExpiry: boolean;
  make: () => Promise<Subject>;
}> = [
  {
    name: 'in-process',
    skip: false,
    clockDrivesExpiry: true,
    make: async () => {
      let t = START;
      return {
        store: createMemoryLiveStore(() => t, 60),
        advance: (ms) => {
          t += ms;
        },
      };
    },
  },
  {
    name: 'Redis',
    skip: !process.env.REDIS_URL,
    clockDrivesExpiry: false,
    make: async () => {
      let t = START;
      // A fresh prefix per test: runs in parallel and leftovers of earlier runs never meet.
      const store = await createRedisLiveStore(process.env.REDIS_URL!, `io:conformance:${randomUUID()}:`, {
        now: () => t,
        activeCallTtlSec: 60,
        commandTimeoutMs: 2000,
      });
      return {
        store,
        advance: (ms) => {
          t += ms;
        },
      };
    },
  },
];

/** A live event of the union (src/live/events.ts) told apart by its name. */
const event = (organizationId: string, name: string): LiveEvent => ({
  type: 'call.event',
  organizationId,
  data: { callId: 'call-1', name },
  at: new Date(START).toISOString(),
});
const nameOf = (e: LiveEvent) => (e.type === 'call.event' ? e.data.name : e.type);

for (const impl of implementations) {
  describe.skipIf(impl.skip)(`LiveStore conformance: ${impl.name}`, () => {
    let subject: Subject | undefined;
    const open = async () => (subject = await impl.make());
    afterEach(async () => {
      await subject?.store.close();
      subject = undefined;
    });

    it('counts hits per key within the window, peeks without counting, and forgets on reset', async () => {
      const { store } = await open();
      expect(await store.peek('login:a')).toBe(0);
      expect((await store.hit('login:a', 60)).count).toBe(1);
      const second = await store.hit('login:a', 60);
      expect(second.count).toBe(2);
      expect(second.resetSec).toBeGreaterThan(0);
      expect(second.resetSec).toBeLessThanOrEqual(60);
      expect((await store.hit('login:b', 60)).count).toBe(1);
      expect(await store.peek('login:a')).toBe(2);
      expect(await store.peek('login:a')).toBe(2);
      await store.reset('login:a');
      expect(await store.peek('login:a')).toBe(0);
      expect(await store.peek('login:b')).toBe(1);
    });

    it("delivers an organization's events to its subscribers only, and none after unsubscribing", async () => {
      const { store } = await open();
      const a: LiveEvent[] = [];
      const gone: LiveEvent[] = [];
      const b: LiveEvent[] = [];
      const offGone = store.subscribe('org-a', (e) => gone.push(e));
      store.subscribe('org-a', (e) => a.push(e));
      store.subscribe('org-b', (e) => b.push(e));
      // Redis confirms a subscription asynchronously: wait until an event round-trips on each channel.
      const warm = () => {
        for (const org of ['org-a', 'org-b']) store.publish(event(org, 'warm-up')).catch(() => undefined);
        return a.length > 0 && b.length > 0;
      };
      expect(await until(warm, 5000)).toBe(true);
      offGone();
      await store.publish(event('org-b', 'for-b'));
      await store.publish(event('org-a', 'for-a'));
      expect(await until(() => a.some((e) => nameOf(e) === 'for-a') && b.length > 0, 5000)).toBe(true);
      expect(a.filter((e) => nameOf(e) !== 'warm-up')).toEqual([event('org-a', 'for-a')]);
      expect(b.filter((e) => nameOf(e) !== 'warm-up')).toEqual([event('org-b', 'for-b')]);
      expect(gone.filter((e) => nameOf(e) !== 'warm-up')).toEqual([]);
    });

    it('lists active calls per organization, replaces an entry set again, and drops a removed one', async () => {
      const { store } = await open();
      await store.setActiveCall('org-a', 'call-1', { callId: 'call-1', from: '+13125550100' });
      await store.setActiveCall('org-a', 'call-2', { callId: 'call-2', from: '+13125550101' });
      await store.setActiveCall('org-a', 'call-2', { callId: 'call-2', from: '+13125550102' });
      await store.setActiveCall('org-b', 'call-3', { callId: 'call-3', from: '+13125550103' });
      const listed = (await store.activeCalls('org-a')).map((c) => [c.callId, c.from]).sort();
      expect(listed).toEqual([
        ['call-1', '+13125550100'],
        ['call-2', '+13125550102'],
      ]);
      await store.removeActiveCall('org-a', 'call-1');
      expect((await store.activeCalls('org-a')).map((c) => c.callId)).toEqual(['call-2']);
      expect((await store.activeCalls('org-b')).map((c) => c.callId)).toEqual(['call-3']);
      expect(await store.activeCalls('org-c')).toEqual([]);
    });

    it('stops listing an active call whose removal never came once its TTL has passed', async () => {
      const s = await open();
      await s.store.setActiveCall('org-a', 'lost', { callId: 'lost' });
      s.advance(59_000);
      expect((await s.store.activeCalls('org-a')).map((c) => c.callId)).toEqual(['lost']);
      s.advance(2_000);
      expect(await s.store.activeCalls('org-a')).toEqual([]);
    });

    it('stores, reads and forgets small values; an absent key reads as null', async () => {
      const { store } = await open();
      expect(await store.getValue('code:1')).toBeNull();
      await store.setValue('code:1', '123456', 300);
      await store.setValue('code:2', 'other', 300);
      expect(await store.getValue('code:1')).toBe('123456');
      await store.setValue('code:1', '654321', 300);
      expect(await store.getValue('code:1')).toBe('654321');
      await store.deleteValue('code:1');
      expect(await store.getValue('code:1')).toBeNull();
      expect(await store.getValue('code:2')).toBe('other');
    });

    it('keeps a roster lowest score first; adding a member again moves it; removing drops it', async () => {
      const { store } = await open();
      expect(await store.roster('chats')).toEqual([]);
      await store.rosterSet('chats', 'x', 30, 600);
      await store.rosterSet('chats', 'y', 10, 600);
      await store.rosterSet('chats', 'z', 20, 600);
      expect(await store.roster('chats')).toEqual([
        { member: 'y', score: 10 },
        { member: 'z', score: 20 },
        { member: 'x', score: 30 },
      ]);
      await store.rosterSet('chats', 'y', 40, 600);
      await store.rosterRemove('chats', 'z');
      expect(await store.roster('chats')).toEqual([
        { member: 'x', score: 30 },
        { member: 'y', score: 40 },
      ]);
      expect(await store.roster('other')).toEqual([]);
    });

    it('claims a key once only', async () => {
      const { store } = await open();
      expect(await store.claimOnce('ticket:1', 60)).toBe(true);
      expect(await store.claimOnce('ticket:1', 60)).toBe(false);
      expect(await store.claimOnce('ticket:2', 60)).toBe(true);
    });

    it.skipIf(!impl.clockDrivesExpiry)(
      'forgets counters, values, rosters and claims when their time is up',
      async () => {
        const s = await open();
        await s.store.hit('login:a', 60);
        await s.store.setValue('code', 'v', 60);
        await s.store.rosterSet('chats', 'x', 1, 60);
        expect(await s.store.claimOnce('ticket', 60)).toBe(true);
        s.advance(59_000);
        expect(await s.store.peek('login:a')).toBe(1);
        expect(await s.store.getValue('code')).toBe('v');
        expect(await s.store.roster('chats')).toHaveLength(1);
        expect(await s.store.claimOnce('ticket', 60)).toBe(false);
        s.advance(2_000);
        expect(await s.store.peek('login:a')).toBe(0);
        expect((await s.store.hit('login:a', 60)).count).toBe(1);
        expect(await s.store.getValue('code')).toBeNull();
        expect(await s.store.roster('chats')).toEqual([]);
        expect(await s.store.claimOnce('ticket', 60)).toBe(true);
      },
    );

    it('reports its kind and health', async () => {
      const { store } = await open();
      expect(store.kind).toBe(impl.name === 'Redis' ? 'redis' : 'memory');
      expect(await store.ping()).toBe(impl.name === 'Redis' ? 'ok' : 'absent');
    });
  });
}
