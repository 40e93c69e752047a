// Invariant: when a tool the model called is slow (here: PostgreSQL frozen under the availability lookup), the caller hears a filler line within 1.5 s of finishing their sentence, then the answer once the tool returns — never dead air.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { startTcpProxy, type TcpProxy } from '../fakes/tcp-proxy.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import { ringIn, tone, until, quiet } from '../harness/line.js';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase, type Database } from '../../src/db/index.js';
import { createLogger, fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { OPEN_HOURS, TWILIO_TOKEN, finishedCall, randomNumber } from './support.js';
import { scaled } from '../harness/timing.js';

// Runs in CI's PostgreSQL pass: the tool's database is reached through a proxy the test freezes.
const enabled = Boolean(process.env.DATABASE_URL);
const NUMBER = randomNumber();
let direct: Database & { url?: string };
let proxy: TcpProxy;
let proxied: Database;
let server: RunningServer;
let openai: FakeOpenAi;
let org: Awaited<ReturnType<typeof registerOrg>>;

describe.skipIf(!enabled)('a slow tool call on a live phone call (realtime engine)', () => {
  beforeAll(async () => {
    openai = await startFakeOpenAi();
    direct = await testDatabase();
    const url = new URL(direct.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(proxy.port);
    proxied = await openDatabase({
      kind: 'postgres',
      url: url.toString(),
      poolSize: 10,
      timeouts: { connectMs: 2000, statementMs: 10_000 },
    });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    });
    const providers = createProviders({
      openai: { apiKey: openai.apiKey, baseUrl: `${openai.url}/v1` },
      stt: 'scripted',
      tts: 'flite',
    });
    server = await startServer(config, {
      database: proxied,
      clock: fixedClock(OPEN_HOURS, true),
      providers,
      logger: createLogger('silent', { pretty: false }),
    });
    org = await registerOrg(server.url, {
      industry: 'plumbing',
      timezone: 'America/Chicago',
      name: 'Slow Tool Plumbing',
    });
    expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
    expect((await org.api.put('/api/agent', { engine: 'realtime' })).status).toBe(200);
  }, scaled(60_000));
  afterAll(async () => {
    proxy?.restore();
    await server?.close();
    await proxied?.close();
    await proxy?.close();
    await direct?.close();
    await openai?.close();
  });

  it(
    'the caller hears a filler within 1.5 s of their sentence while the tool waits, then the answer',
    async () => {
      const { peer, callId } = await ringIn(server.url, { authToken: TWILIO_TOKEN, from: '+13125550147', to: NUMBER });
      try {
        expect(await until(() => peer.media.length > 0, scaled(5000))).toBe(true);
        peer.startLine();
        await quiet(peer);
        openai.realtimeTranscripts.push('Can someone come tomorrow morning?');
        openai.realtimeScript.push(
          {
            tool: {
              name: 'check_availability',
              arguments: JSON.stringify({ service: 'Drain cleaning', date: '2026-03-11', partOfDay: 'morning' }),
            },
          },
          { text: 'We have nine or ten tomorrow morning.' },
        );
        // The availability lookup will wait on a frozen database (as on a slow calendar or a stuck query).
        proxy.freeze();
        await peer.say(tone(600));
        const spokeEnd = performance.now();
        const heard = await until(() => peer.framesAfter(spokeEnd).length > 5, scaled(5000));
        expect(heard, 'the caller hears something while the tool is slow').toBe(true);
        const fillerAfterMs = peer.framesAfter(spokeEnd)[0].at - spokeEnd;
        expect(fillerAfterMs).toBeLessThan(scaled(1500));
        await new Promise((r) => setTimeout(r, 1500));
        proxy.restore();
        // The tool returns once the database is back, and the model speaks its answer.
        expect(
          await until(
            () =>
              openai.realtimeEvents.some(
                (e) =>
                  e.type === 'conversation.item.create' &&
                  (e.item as { type?: string }).type === 'function_call_output',
              ),
            scaled(15_000),
          ),
        ).toBe(true);
        await quiet(peer, 1000);
        peer.stop();
        peer.close();
        await peer.closed;
        const detail = await finishedCall(org.api, callId, scaled(15_000));
        expect(detail.events.some((e: any) => e.type === 'filler' && e.data.tool === 'check_availability')).toBe(true);
        expect(detail.events.some((e: any) => e.type === 'tool_call' && e.data.name === 'check_availability')).toBe(
          true,
        );
        expect(detail.turns.some((t: any) => t.role === 'agent' && /nine or ten/.test(t.text))).toBe(true);
        console.log(
          `[reliability] slow tool (database frozen 1.5 s+ under check_availability): first filler frame ${fillerAfterMs.toFixed(0)} ms after the caller's sentence (fake model VAD 300 ms + filler at 700 ms)`,
        );
      } finally {
        proxy.restore();
        peer.close();
      }
    },
    scaled(90_000),
  );
});
