/** A TCP proxy the tests control, between the product and a server (PostgreSQL, Redis) that must not be touched. */
import { connect, createServer, type Server, type Socket } from 'node:net';

/** The proxy's state: pass bytes, drop every connection and refuse new ones, or hold bytes (a frozen peer). */
export type ProxyMode = 'open' | 'cut' | 'frozen';

/** A proxy on 127.0.0.1:port forwarding to target. */
export interface TcpProxy {
  port: number;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  /** Resets every connection and refuses new ones (the server went away). */
  cut(): void;
  /** Keeps connections open but forwards nothing, in either direction (a frozen server or a black-holed link). */
  freeze(): void;
  /** Back to normal; bytes held while frozen are delivered. */
  restore(): void;
  close(): Promise<void>;
}

/** Bytes move both ways. */
function flow({ a, b }: { a: Socket; b: Socket }): void {
  a.pipe(b);
  b.pipe(a);
}

/**
 * Nothing moves either way until `flow` again. The pipes are taken down, not just paused: a piped
 * stream that is paused is resumed by its destination's next 'drain', so a paused pipe leaks (a
 * frozen database answered a query whenever the other side had just drained).
 */
function hold({ a, b }: { a: Socket; b: Socket }): void {
  a.unpipe(b);
  b.unpipe(a);
  a.pause();
  b.pause();
}

/** Starts a proxy to `target` on an ephemeral port. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'open';
  const pairs = new Set<{ a: Socket; b: Socket }>();
  const server: Server = createServer((a) => {
    if (mode === 'cut') {
      a.resetAndDestroy();
      return;
    }
    const b = connect(target.port, target.host);
    const pair = { a, b };
    pairs.add(pair);
    if (mode === 'frozen') hold(pair);
    else flow(pair);
    const end = () => {
      pairs.delete(pair);
      a.destroy();
      b.destroy();
    };
    a.on('error', end);
    b.on('error', end);
    a.on('close', end);
    b.on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    get connections() {
      return pairs.size;
    },
    cut() {
      mode = 'cut';
      for (const { a, b } of pairs) {
        a.resetAndDestroy();
        b.destroy();
      }
      pairs.clear();
    },
    freeze() {
      mode = 'frozen';
      for (const pair of pairs) hold(pair);
    },
    restore() {
      mode = 'open';
      for (const pair of pairs) flow(pair);
    },
    async close() {
      for (const { a, b } of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
