// Invariant: no bearer, ICS, acknowledge or refresh token reaches the logs: the request serializer
// logs the URL with secrets redacted and no headers. (On the old code the ICS token and the SSE
// access token in `?token=` were logged verbatim.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/lib/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDatabase } from '../harness/server.js';
import { apiClient, registerOrg, ticketFor } from '../harness/client.js';

const lines: string[] = [];
let server: RunningServer;
let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    DATA_DIR: ':memory:',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_KEY_PREFIX: `io-test-logs-${process.pid}-${Date.now()}:`,
  });
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  server = await startServer(config, { database, logger: createLogger('info', { pretty: false, stream }) });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('request logs', () => {
  it('never contain the access token, the refresh token, the ICS token or an acknowledge token', async () => {
    const org = await registerOrg(server.url);
    const me = await org.api.get('/api/organization');
    const ics = me.body.icsToken as string | undefined;
    const anon = apiClient(server.url);
    await anon.get(`/api/calendar.ics?token=${ics ?? 'ics-secret-value-123'}`);
    // the live-events stream stays open: read its headers, then hang up
    const sse = new AbortController();
    const ticket = await ticketFor(server.url, org.accessToken, 'events');
    const res = await fetch(`${server.url}/api/events?ticket=${ticket}`, { signal: sse.signal });
    expect(res.status).toBe(200);
    sse.abort();
    await anon.get('/api/ack/ack-secret-value-456');
    await anon.post('/api/auth/refresh', { refreshToken: org.refreshToken });
    const log = lines.join('');
    expect(log).toMatch(/calendar\.ics\?token=\[redacted\]/);
    for (const secret of [
      ticket,
      org.accessToken,
      org.refreshToken,
      ics ?? 'ics-secret-value-123',
      'ack-secret-value-456',
    ]) {
      expect(log.includes(secret), `leaked ${secret.slice(0, 8)}…`).toBe(false);
    }
  });
});
