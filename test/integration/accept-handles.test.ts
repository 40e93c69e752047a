// Invariant: with extra accept handles (ACCEPT_HANDLES) the product serves requests on every one of them, and once it closes nothing listens on its port.
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';

/** One GET on a connection of its own, so a burst spreads over every handle on the socket. */
function getOnNewConnection(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) =>
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject),
  );
}

describe('ACCEPT_HANDLES', () => {
  it('serves a burst of new connections and releases the port on close', async () => {
    const server = await startTestServer({ env: { ACCEPT_HANDLES: '4' } });
    let closed = false;
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => getOnNewConnection(server.port, '/health')));
      expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
      expect(JSON.parse(answers[0]!.body)).toMatchObject({ status: 'ok' });
      const unknown = await getOnNewConnection(server.port, '/api/no-such-route');
      expect(JSON.parse(unknown.body).error.code).toBeTruthy();

      await server.close();
      closed = true;
      const after = await new Promise<string>((resolve) =>
        net
          .connect(server.port, '127.0.0.1')
          .on('connect', () => resolve('connected'))
          .on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error')),
      );
      expect(after).toBe('ECONNREFUSED');
    } finally {
      if (!closed) await server.close();
    }
  });
});
