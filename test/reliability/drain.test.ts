// Invariant: SIGTERM drains a node — no new calls (health 503, new callers reach voicemail), a live call that ends within the limit ends normally, one still talking at the limit hears a goodbye and is closed and marked; the process exits 0 with every record written.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiClient } from '../harness/client.js';
import { until } from '../harness/line.js';
import { createProviders } from '../../src/providers/index.js';
import { openDatabase, schema } from '../../src/db/index.js';
import { eq, inArray } from 'drizzle-orm';
import { ACCOUNT_SID, PhoneCall, TWILIO_TOKEN, randomNumber, timed } from './support.js';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { twilioSignature } from '../../src/telephony/index.js';
import { scaled } from '../harness/timing.js';

const DEMO_NUMBER = '+13125550199';
const DRAIN_SEC = 4;

/** `npm start` as a real process (embedded database in `dataDir`), resolved once it listens. */
function start(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      PUBLIC_URL: '',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      DRAIN_TIMEOUT_SEC: String(DRAIN_SEC),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/running at http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}`, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}`));
    });
  });
}

describe('graceful drain on SIGTERM (a real process)', () => {
  it(
    'stops taking calls, lets a short call finish, says goodbye to a long one, records everything and exits 0',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'io-drain-'));
      // The caller's words are not needed: the process runs its own offline providers; ours only label calls.
      const providers = createProviders({});
      try {
        const node = await start(dir);
        const login = await apiClient(node.url).post('/api/auth/login', {
          email: 'owner@demo-plumbing.test',
          password: 'demo-password-123',
        });
        expect(login.status).toBe(200);
        const api = apiClient(node.url, login.body.accessToken);
        expect((await api.put('/api/config', { afterHours: 'answer' })).status).toBe(200);

        const short = new PhoneCall(node.url, DEMO_NUMBER, providers);
        const long = new PhoneCall(node.url, DEMO_NUMBER, providers);
        await short.connect();
        await long.connect();

        const exited = new Promise<number | null>((resolve) => {
          node.child.removeAllListeners('exit');
          node.child.once('exit', (code) => resolve(code));
        });
        const termAt = performance.now();
        node.child.kill('SIGTERM');

        // Draining: the balancer's probe says so at once, and a new caller reaches voicemail, not a stream.
        expect(await until(() => node.output().includes('shutting down'), 5000)).toBe(true);
        const health = await timed(node.url, '/health');
        expect(health.status).toBe(503);
        expect(health.body.status).toBe('draining');
        const fresh = new PhoneCall(node.url, DEMO_NUMBER, providers);
        const twiml = await fresh.ring();
        expect(twiml).toContain('<Record');
        expect(twiml).not.toContain('<Stream');

        // The short call ends on its own within the limit.
        await short.hangUp();

        // The long one is still on the line at the limit: it hears a goodbye, then the node hangs up.
        const heardBefore = long.peer.media.length;
        await long.peer.closed;
        const closedAfterMs = performance.now() - termAt;
        const goodbyeFrames = long.peer.media.length - heardBefore;
        expect(closedAfterMs).toBeGreaterThan(DRAIN_SEC * 1000 - 500);
        expect(goodbyeFrames * 20).toBeGreaterThan(1500);
        long.peer.close();
        expect(await exited).toBe(0);
        const exitMs = performance.now() - termAt;

        const db = await openDatabase({ kind: 'pglite', dir: path.join(dir, 'pglite') });
        try {
          const rows = await db.db
            .select()
            .from(schema.calls)
            .where(inArray(schema.calls.callSid, [short.callSid, long.callSid, fresh.callSid]));
          const bySid = Object.fromEntries(rows.map((r) => [r.callSid, r]));
          expect(bySid[short.callSid].outcome).toBeTruthy();
          expect(bySid[short.callSid].metadata.endReason).toBe('caller_hangup');
          expect(bySid[long.callSid].outcome).toBeTruthy();
          expect(bySid[long.callSid].endedAt).not.toBeNull();
          expect(bySid[long.callSid].metadata.endReason).toBe('node_shutdown');
          expect(bySid[fresh.callSid].status).toBe('voicemail');
          const events = await db.db.select().from(schema.callEvents).where(eq(schema.callEvents.callId, long.callId));
          expect(events.map((e) => e.type)).toContain('node_shutdown');
          const turns = await db.db.select().from(schema.callTurns).where(eq(schema.callTurns.callId, long.callId));
          expect(turns.some((t) => t.role === 'agent' && /end our call/.test(t.text))).toBe(true);
        } finally {
          await db.close();
        }
        console.log(
          `[reliability] drain: health ${health.ms.toFixed(0)} ms (503 draining), long call closed ${(closedAfterMs / 1000).toFixed(1)} s after SIGTERM with ${goodbyeFrames * 20} ms of goodbye, exit 0 after ${(exitMs / 1000).toFixed(1)} s`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    scaled(180_000),
  );
});

describe('a draining node behind a balancer', () => {
  it(
    'hands a new call back to the balancer once, then takes a voicemail if it comes back',
    async () => {
      const PUBLIC = 'https://calls.example.test';
      const server = await startTestServer({ env: { PUBLIC_URL: PUBLIC, TWILIO_AUTH_TOKEN: TWILIO_TOKEN } });
      try {
        const org = await registerOrg(server.url);
        const number = randomNumber();
        expect((await org.api.post('/api/phone-numbers', { e164: number })).status).toBe(201);
        expect(await server.drain(10_000)).toMatchObject({ finished: 0, wrappedUp: 0 });
        const post = async (pathAndQuery: string, sid: string) => {
          const form = {
            CallSid: sid,
            AccountSid: ACCOUNT_SID,
            From: '+13125550142',
            To: number,
            CallStatus: 'ringing',
          };
          const res = await fetch(server.url + pathAndQuery, {
            method: 'POST',
            body: new URLSearchParams(form).toString(),
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': twilioSignature(TWILIO_TOKEN, PUBLIC + pathAndQuery, form),
            },
          });
          expect(res.status).toBe(200);
          return res.text();
        };
        const first = await post('/twilio/voice', 'CA' + 'e'.repeat(32));
        expect(first).toContain(`<Redirect method="POST">${PUBLIC}/twilio/voice?handoff=1</Redirect>`);
        const again = await post('/twilio/voice?handoff=1', 'CA' + 'e'.repeat(32));
        expect(again).toContain('<Record');
        expect(again).not.toContain('<Stream');
      } finally {
        await server.close();
      }
    },
    scaled(60_000),
  );
});
