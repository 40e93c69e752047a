import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { addAcceptors, type ExtraAcceptors } from './acceptors.js';

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (open.length) await open.pop()!();
});

/** An HTTP server on an ephemeral port that answers with the path it was asked for. */
async function listening(): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => res.end(`ok ${req.url}`));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  open.push(() => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))));
  return { server, port: (server.address() as net.AddressInfo).port };
}

async function withAcceptors(server: net.Server, extra: number): Promise<ExtraAcceptors> {
  const acceptors = await addAcceptors(server, extra);
  open.push(() => acceptors.close());
  return acceptors;
}

/**
 * Opens `count` connections that are all waiting in the listen queue before the server's loop next
 * polls, then counts the loop's turns until the server has taken every one.
 */
async function turnsToAccept(server: net.Server, port: number, count: number): Promise<number> {
  let accepted = 0;
  const onConnection = () => accepted++;
  server.on('connection', onConnection);
  const sockets = Array.from({ length: count }, () => net.connect(port, '127.0.0.1'));
  open.push(async () => sockets.forEach((s) => s.destroy()));
  // net issues the connects on the next tick; on loopback the kernel completes each handshake there.
  await new Promise((r) => process.nextTick(r));
  const turns = await new Promise<number>((resolve) => {
    let n = 0;
    const turn = () => (++n > 200 || accepted >= count ? resolve(n) : setImmediate(turn));
    setImmediate(turn);
  });
  server.off('connection', onConnection);
  expect(accepted).toBe(count);
  return turns;
}

describe('addAcceptors', () => {
  it('accepts a burst of waiting connections in a few turns of the loop instead of one per turn', async () => {
    const plain = await listening();
    const oneAtATime = await turnsToAccept(plain.server, plain.port, 12);

    const many = await listening();
    expect((await withAcceptors(many.server, 7)).count).toBe(7);
    const eightAtATime = await turnsToAccept(many.server, many.port, 12);

    expect(oneAtATime).toBeGreaterThanOrEqual(12);
    expect(eightAtATime).toBeLessThanOrEqual(4);
  });

  it('serves requests and WebSocket upgrades on every handle, and stops accepting once closed', async () => {
    const { server, port } = await listening();
    const wss = new WebSocketServer({ server });
    wss.on('connection', (ws) => ws.on('message', (m) => ws.send(`echo ${String(m)}`)));
    const acceptors = await withAcceptors(server, 3);

    // Fresh connections each time, so they land on all four handles.
    const agent = new http.Agent({ keepAlive: false });
    const bodies = await Promise.all(
      Array.from(
        { length: 40 },
        (_, i) =>
          new Promise<string>((resolve, reject) =>
            http
              .get({ port, host: '127.0.0.1', path: `/r${i}`, agent }, (res) => {
                let body = '';
                res.on('data', (c) => (body += c)).on('end', () => resolve(body));
              })
              .on('error', reject),
          ),
      ),
    );
    expect(bodies).toEqual(Array.from({ length: 40 }, (_, i) => `ok /r${i}`));

    const echoes = await Promise.all(
      Array.from(
        { length: 12 },
        (_, i) =>
          new Promise<string>((resolve, reject) => {
            const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
            ws.on('open', () => ws.send(`m${i}`));
            ws.on('message', (m) => (resolve(String(m)), ws.close()));
            ws.on('error', reject);
          }),
      ),
    );
    expect(echoes).toEqual(Array.from({ length: 12 }, (_, i) => `echo m${i}`));

    // No copy of the listening socket may outlive the server: the port refuses new connections.
    wss.close();
    await acceptors.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    const refused = await new Promise<string>((resolve) =>
      net
        .connect(port, '127.0.0.1')
        .on('connect', () => resolve('connected'))
        .on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error')),
    );
    expect(refused).toBe('ECONNREFUSED');
  });

  it('leaves the server accepting as before when the extra handles cannot be made', async () => {
    const { server, port } = await listening();
    const errors: Error[] = [];
    const acceptors = await addAcceptors(server, 3, { timeoutMs: 1, onError: (e) => errors.push(e) });
    expect(acceptors.count).toBe(0);
    expect(errors[0]?.message).toMatch(/helper/);
    const res = await fetch(`http://127.0.0.1:${port}/still`);
    expect(await res.text()).toBe('ok /still');
  });

  it('adds nothing to a server that is not listening', async () => {
    const server = http.createServer();
    expect((await addAcceptors(server, 3)).count).toBe(0);
  });
});
