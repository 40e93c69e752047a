// Invariant: no access token travels in a URL. The live-events stream and the browser test call are
// opened with a one-time ticket (POST /api/tickets with the bearer token); a ticket works once, only
// for what it was asked for, and the stream it opens ends when the access token behind it expires.
// (On the old code `GET /api/events?token=<access token>` and `/api/test-call?token=` were accepted,
// and a stream outlived its token for as long as the connection stayed up.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../harness/server.js';
import { registerOrg, ticketFor } from '../harness/client.js';
import { scaled } from '../harness/timing.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { ACCESS_TOKEN_TTL_SEC: '30' } });
});
afterAll(async () => {
  await server?.close();
});

const upgrade = (url: string, protocols?: string[]) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(url, protocols);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => undefined);
  });

describe('one-time tickets instead of access tokens in URLs', () => {
  it('the live stream refuses an access token in the URL and opens with a ticket, once', async () => {
    const org = await registerOrg(server.url);
    expect((await fetch(`${server.url}/api/events?token=${org.accessToken}`)).status).toBe(401);
    const ticket = await ticketFor(server.url, org.accessToken, 'events');
    const ctrl = new AbortController();
    const first = await fetch(`${server.url}/api/events?ticket=${ticket}`, { signal: ctrl.signal });
    expect(first.status).toBe(200);
    ctrl.abort();
    expect((await fetch(`${server.url}/api/events?ticket=${ticket}`)).status).toBe(401);
    // a ticket asked for the test call does not open the stream
    expect(
      (await fetch(`${server.url}/api/events?ticket=${await ticketFor(server.url, org.accessToken, 'test-call')}`))
        .status,
    ).toBe(401);
    // and one needs a valid bearer token to get a ticket at all
    expect(
      (
        await fetch(`${server.url}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"for":"events"}',
        })
      ).status,
    ).toBe(401);
  });

  it('the browser test call refuses an access token in the URL and takes a ticket once', async () => {
    const org = await registerOrg(server.url);
    const ws = server.url.replace(/^http/, 'ws') + '/api/test-call';
    expect(await upgrade(`${ws}?token=${org.accessToken}`)).toBe(401);
    const ticket = await ticketFor(server.url, org.accessToken, 'test-call');
    expect(await upgrade(ws, ['infinioffice.test-call', `ticket.${ticket}`])).toBe(101);
    expect(await upgrade(ws, ['infinioffice.test-call', `ticket.${ticket}`])).toBe(401);
  });

  it(
    'the live stream ends when the access token behind its ticket expires',
    async () => {
      const org = await registerOrg(server.url);
      const issuedAt = Date.now();
      const res = await fetch(
        `${server.url}/api/events?ticket=${await ticketFor(server.url, org.accessToken, 'events')}`,
      );
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      let text = '';
      const ended = (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return true;
          text += new TextDecoder().decode(value);
        }
      })();
      const outcome = await Promise.race([ended, new Promise((r) => setTimeout(() => r(false), scaled(45_000)))]);
      expect(outcome, 'the stream was closed by the server').toBe(true);
      expect(text).toContain('event: expired');
      expect(Date.now() - issuedAt).toBeGreaterThan(25_000);
    },
    scaled(60_000),
  );
});
