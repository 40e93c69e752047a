// Invariant: a rolling restart of two nodes (each drained with SIGTERM, then started again) under 20 concurrent phone calls drops none: every call that was live on a draining node finishes normally and is recorded, and every new call lands on the live node (through the balancer, or handed back to it by the draining node).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import os from 'node:os';
import { testDatabase } from '../harness/server.js';
import { apiClient } from '../harness/client.js';
import { quiet, tone, until } from '../harness/line.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { schema, type Database } from '../../src/db/index.js';
import { twilioSignature } from '../../src/telephony/index.js';
import { startNode, type ChildNode } from './child.js';
import { TWILIO_TOKEN } from './support.js';
import { VOICE_DEADLINE_SCALE, scaled } from '../harness/timing.js';

// Two real processes share the database and the live store: in the PostgreSQL + Redis pass
// (RELIABILITY_ROLLING=0 skips it). It found calls a draining node had taken marked `interrupted` at
// its restart although their callers finished them normally (2 of ~143 per run): the engine's second
// close returned before the call's end was written, and the node exited with it in flight.
const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL && process.env.RELIABILITY_ROLLING !== '0');
const DEMO_NUMBER = '+13125550199';
const SIM_KEY = 'reliability-simulator-key-0002';
/** What Twilio dials: the balancer in front of both nodes (the test plays the balancer). */
const PUBLIC = 'http://calls.balancer.test';
const CONCURRENT = 20;
const QUESTIONS = ['What are your hours on Saturday?', 'Do you fix water heaters?', 'Where are you located?'];
let db: Database & { url?: string };

interface Node {
  id: string;
  proc: ChildNode;
  up: boolean;
}
interface Placed {
  callId: string;
  node: string;
  ringAt: number;
  redirected: boolean;
  said: string;
  deadAirMs: number;
}

describe.skipIf(!enabled)('rolling restart of two nodes under live calls', () => {
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it(
    'drains and restarts each node in turn: no call dropped, new calls land on the live node',
    async () => {
      const env = (id: string) => ({
        DATABASE_URL: db.url!,
        REDIS_URL: process.env.REDIS_URL!,
        REDIS_KEY_PREFIX: `io-rr-${process.pid}-${Date.now()}:`,
        NODE_ID: id,
        PUBLIC_URL: PUBLIC,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        SIMULATOR_KEY: SIM_KEY,
        DATA_DIR: ':memory:',
        SEED_DEMO: 'true',
        DRAIN_TIMEOUT_SEC: String(Math.round(scaled(60_000) / 1000)),
        VOICE_DEADLINE_SCALE: String(VOICE_DEADLINE_SCALE),
      });
      const prefix = env('x').REDIS_KEY_PREFIX;
      const start = async (id: string): Promise<Node> => ({
        id,
        proc: await startNode({ ...env(id), REDIS_KEY_PREFIX: prefix }),
        up: true,
      });
      const nodes: Node[] = [await start('rr-a')];
      nodes.push(await start('rr-b'));
      const byId = (id: string) => nodes.find((n) => n.id === id)!;
      try {
        const login = await apiClient(nodes[0].proc.url).post('/api/auth/login', {
          email: 'owner@demo-plumbing.test',
          password: 'demo-password-123',
        });
        expect(login.status).toBe(200);
        const token = login.body.accessToken as string;
        expect((await apiClient(nodes[0].proc.url, token).put('/api/config', { afterHours: 'answer' })).status).toBe(
          200,
        );

        // The balancer: round robin over nodes whose health check answers 200.
        let rr = 0;
        const healthy = async (): Promise<Node> => {
          for (let tries = 0; tries < 200; tries++) {
            for (let i = 0; i < nodes.length; i++) {
              const n = nodes[(rr + i) % nodes.length];
              if (!n.up) continue;
              const ok = await fetch(`${n.proc.url}/health`, { signal: AbortSignal.timeout(scaled(2000)) }).then(
                (r) => r.status === 200,
                () => false,
              );
              if (ok) {
                rr = (rr + i + 1) % nodes.length;
                return n;
              }
            }
            await new Promise((r) => setTimeout(r, 100));
          }
          throw new Error('no healthy node');
        };
        /** Twilio's side of a call: the webhook through the balancer (following a hand-off), then the stream. */
        const ring = async (callSid: string): Promise<{ node: Node; twiml: string; redirected: boolean }> => {
          let path = '/twilio/voice';
          for (let hop = 0; hop < 3; hop++) {
            const node = await healthy();
            const form = {
              CallSid: callSid,
              AccountSid: 'AC' + '1'.repeat(32),
              From: '+13125550142',
              To: DEMO_NUMBER,
              CallStatus: 'ringing',
              Direction: 'inbound',
            };
            const res = await fetch(node.proc.url + path, {
              method: 'POST',
              body: new URLSearchParams(form).toString(),
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'x-twilio-signature': twilioSignature(TWILIO_TOKEN, PUBLIC + path, form),
              },
            });
            const twiml = await res.text();
            if (res.status !== 200) throw new Error(`webhook ${res.status}: ${twiml}`);
            const redirect = twiml.match(/<Redirect[^>]*>([^<]+)<\/Redirect>/)?.[1];
            if (!redirect) return { node, twiml, redirected: hop > 0 };
            path = redirect.replace(PUBLIC, '');
          }
          throw new Error('handed off more than twice');
        };

        const placed: Placed[] = [];
        const dropped: string[] = [];
        let n = 0;
        let stopAt = Infinity;
        const oneCall = async () => {
          const k = n++;
          const callSid = 'CA' + (k.toString(16) + Math.random().toString(16).slice(2)).padEnd(32, '0').slice(0, 32);
          const ringAt = Date.now();
          let peer: FakeTwilioPeer | undefined;
          try {
            const { node, twiml, redirected } = await ring(callSid);
            const streamUrl = twiml.match(/<Stream url="([^"]+)"/)?.[1];
            if (!streamUrl) throw new Error(`no stream (voicemail?) from ${node.id}: ${twiml.slice(0, 160)}`);
            const params = Object.fromEntries(
              [...twiml.matchAll(/<Parameter name="(\w+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]),
            );
            // The balancer forwards the stream to the node that answered the webhook.
            peer = new FakeTwilioPeer(
              streamUrl.replace(PUBLIC.replace(/^http/, 'ws'), node.proc.url.replace(/^http/, 'ws')),
              { headers: { 'x-twilio-signature': twilioSignature(TWILIO_TOKEN, streamUrl) }, callSid },
            );
            await peer.begin(params);
            if (!(await until(() => peer!.media.length > 0, scaled(10_000)))) throw new Error('no greeting');
            peer.startLine();
            await quiet(peer);
            const said = QUESTIONS[k % QUESTIONS.length];
            const r = await apiClient(node.proc.url, token).post(
              `/api/simulator/calls/${params.callId}/say`,
              { texts: [said] },
              { 'x-simulator-key': SIM_KEY },
            );
            if (r.status !== 204) throw new Error(`script ${r.status}`);
            await peer.say(tone(500));
            const spoke = performance.now();
            if (!(await until(() => peer!.framesAfter(spoke).length > 10, scaled(15_000))))
              throw new Error(`no answer on ${node.id}`);
            const deadAirMs = peer.framesAfter(spoke)[0].at - spoke;
            await quiet(peer);
            if (peer.closeInfo) throw new Error(`closed by ${node.id}: ${peer.closeInfo.reason}`);
            peer.stop();
            placed.push({ callId: params.callId, node: node.id, ringAt, redirected, said, deadAirMs });
          } catch (e) {
            dropped.push(`${callSid}: ${(e as Error).message}`);
          } finally {
            peer?.close();
            await peer?.closed;
          }
        };
        const slot = async () => {
          while (Date.now() < stopAt) await oneCall();
        };
        const slots = Array.from({ length: CONCURRENT }, () => slot());
        const settle = () => new Promise((r) => setTimeout(r, scaled(2000)));

        // Each node in turn: SIGTERM (drain: health 503, live calls finish), exit 0, start again.
        const windows: Array<{ id: string; from: number; to: number; exit: number | null }> = [];
        await settle();
        for (const id of ['rr-a', 'rr-b']) {
          const node = byId(id);
          const from = Date.now();
          node.proc.child.kill('SIGTERM');
          // The balancer's next health check sees 503 and stops sending it calls.
          const exit = await node.proc.exited;
          node.up = false;
          const again = await startNode({ ...env(id), REDIS_KEY_PREFIX: prefix });
          node.proc = again;
          node.up = true;
          windows.push({ id, from, to: Date.now(), exit });
          await settle();
        }
        stopAt = Date.now();
        await Promise.all(slots);

        expect(dropped, dropped.join('\n')).toEqual([]);
        expect(windows.map((w) => w.exit)).toEqual([0, 0]);
        // New calls during a node's restart went to the other one.
        for (const w of windows) {
          const during = placed.filter((p) => p.ringAt > w.from + 1000 && p.ringAt < w.to);
          expect(during.length).toBeGreaterThan(0);
          expect(
            during.every((p) => p.node !== w.id),
            `calls rung while ${w.id} restarted`,
          ).toBe(true);
        }
        // Every call is recorded as the caller ended it, with what the caller said.
        const ids = placed.map((p) => p.callId);
        let rows: (typeof schema.calls.$inferSelect)[] = [];
        const until2 = Date.now() + scaled(30_000);
        while (Date.now() < until2) {
          rows = await db.db.select().from(schema.calls).where(inArray(schema.calls.id, ids));
          if (rows.length === ids.length && rows.every((r) => r.outcome)) break;
          await new Promise((r) => setTimeout(r, 300));
        }
        expect(rows.filter((r) => r.outcome).length).toBe(ids.length);
        // None was cut by a node: no goodbye at the drain limit, none interrupted.
        const reasons = rows.reduce<Record<string, number>>((m, r) => {
          const k = `${r.status}/${(r.metadata as { endReason?: string }).endReason ?? '-'}`;
          m[k] = (m[k] ?? 0) + 1;
          return m;
        }, {});
        expect(
          rows.filter(
            (r) =>
              r.status === 'interrupted' ||
              /shutdown|closed/.test(String((r.metadata as { endReason?: string }).endReason)),
          ),
          JSON.stringify(reasons),
        ).toEqual([]);
        let lostTurns = 0;
        for (const p of placed) {
          const turns = await db.db.select().from(schema.callTurns).where(eq(schema.callTurns.callId, p.callId));
          if (!turns.some((t) => t.role === 'caller' && t.text === p.said)) lostTurns++;
        }
        expect(lostTurns).toBe(0);
        const dead = placed.map((p) => p.deadAirMs).sort((a, b) => a - b);
        const perNode = Object.entries(
          placed.reduce<Record<string, number>>((m, p) => ((m[p.node] = (m[p.node] ?? 0) + 1), m), {}),
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        console.log(
          `[reliability] rolling restart: ${placed.length} calls (${perNode}; ${placed.filter((p) => p.redirected).length} handed back by a draining node), 0 dropped, 0 lost turns, ended as ${JSON.stringify(reasons)}; restarts took ${windows.map((w) => `${w.id} ${((w.to - w.from) / 1000).toFixed(1)} s`).join(', ')}; dead air p50 ${dead[Math.floor(dead.length / 2)].toFixed(0)} ms, max ${dead.at(-1)!.toFixed(0)} ms; load avg ${os.loadavg()[0].toFixed(1)}`,
        );
      } finally {
        for (const node of nodes)
          if (node.proc.child.exitCode === null && !node.proc.child.signalCode) node.proc.child.kill('SIGTERM');
        await Promise.all(nodes.map((node) => node.proc.exited));
      }
    },
    scaled(600_000),
  );
});
