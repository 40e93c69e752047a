/** A private redis-server for fault tests: killed, frozen and restarted at will (never the shared one on 6379). */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

/** Answers a TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** True when redis-server can be started here. */
export async function redisServerAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn('redis-server', ['--version'], { stdio: 'ignore' });
    p.once('error', () => resolve(false));
    p.once('exit', (code) => resolve(code === 0));
  });
}

/** One redis-server process on its own port, with no persistence. */
export interface RedisProcess {
  url: string;
  port: number;
  /** SIGKILL: connections drop at once, nothing answers. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers (a frozen or partitioned Redis). */
  freeze(): void;
  /** SIGCONT after freeze. */
  thaw(): void;
  /** Starts a fresh (empty) server on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function waitListening(port: number, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.write('PING\r\n');
      });
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`redis-server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** Starts redis-server on a free port and waits until it answers PING. */
export async function startRedisProcess(): Promise<RedisProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    await waitListening(port);
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGCONT');
    c.kill('SIGKILL');
    await gone;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    freeze: () => {
      child?.kill('SIGSTOP');
    },
    thaw: () => {
      child?.kill('SIGCONT');
    },
    restart: async () => {
      await kill();
      await start();
    },
    close: kill,
  };
}
