import net from 'node:net';
import { spawnNodeScript } from './node-script.js';

/**
 * More than one connection accepted per turn of the event loop.
 *
 * libuv (1.46, Node 20) accepts one connection per listening handle per turn of the loop. A node
 * whose turns stretch to 50–100 ms while it sets up a burst of calls then accepts 10–20 connections
 * a second while 250 arrive (each call opens the webhook's connection and the media stream's), and
 * the rest wait in the kernel's listen queue for up to a second. Every extra handle on the same
 * listening socket is one more connection per turn.
 *
 * Node cannot duplicate a descriptor itself, but handing a listening server to another process and
 * back does (SCM_RIGHTS): a short-lived helper process returns the handle `extra` times and exits.
 * The extra handles pass what they accept to the server's own `connection` handling, so HTTP,
 * upgrades, timeouts and connection tracking are the server's.
 */
export interface ExtraAcceptors {
  /** How many extra handles watch the listening socket (0 when none could be made). */
  readonly count: number;
  /** Stops the extra handles accepting; resolves once the connections they accepted have closed. */
  close(): Promise<void>;
}

/** The server settings net applies to each connection it accepts (http.Server sets these). */
interface AcceptSettings {
  allowHalfOpen?: boolean;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  highWaterMark?: number;
}

/** What each extra handle copies from the server, so its connections are set up as the server's. */
const ACCEPT_SETTINGS: readonly (keyof AcceptSettings)[] = [
  'allowHalfOpen',
  'noDelay',
  'keepAlive',
  'keepAliveInitialDelay',
  'highWaterMark',
];

const NONE: ExtraAcceptors = { count: 0, close: async () => undefined };

/**
 * The helper: each listening handle it is given goes straight back (a new descriptor for the same
 * socket). A connection its copy happens to accept in the meantime is handed back too, not lost.
 */
const HELPER = `process.on('message', (m, server) => {
  server.on('connection', (socket) => process.send('connection', socket));
  process.send('acceptor', server, () => server.close());
});`;

/**
 * Adds `extra` handles to `server`'s listening socket, each handing its connections to `server`'s
 * `connection` event. Never fails the start: without them the server accepts as before.
 */
export async function addAcceptors(
  server: net.Server,
  extra: number,
  opts: { timeoutMs?: number; onError?: (err: Error) => void } = {},
): Promise<ExtraAcceptors> {
  if (extra < 1 || process.platform === 'win32' || !server.listening) return NONE;
  const settings = server as net.Server & AcceptSettings;
  const handles: net.Server[] = [];
  const accept = (socket: net.Socket) => server.emit('connection', socket);
  let settled = false;
  const child = spawnNodeScript(HELPER);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`helper returned ${handles.length}/${extra} handles`)),
        opts.timeoutMs ?? 5000,
      );
      // `on`, not `once`: a later error (a send to a helper that has gone) must not be an unhandled event
      child.on('error', (e) => (clearTimeout(timer), reject(e)));
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`helper exited (${code})`))));
      child.on('message', (kind: unknown, handle: unknown) => {
        if (kind === 'connection' && handle instanceof net.Socket) return accept(handle);
        if (kind !== 'acceptor' || !(handle instanceof net.Server)) return;
        if (settled) return void handle.close(); // late, after a failure: no copy may outlive the server
        for (const key of ACCEPT_SETTINGS) Object.assign(handle, { [key]: settings[key] });
        handle.on('connection', accept);
        handle.on('error', (e) => opts.onError?.(e));
        handles.push(handle);
        if (handles.length === extra) {
          clearTimeout(timer);
          settled = true;
          resolve();
        }
      });
      for (let i = 0; i < extra; i++) child.send('acceptor', server);
    });
  } catch (e) {
    settled = true;
    opts.onError?.(e instanceof Error ? e : new Error(String(e)));
    await Promise.all(handles.map((h) => new Promise((r) => h.close(r))));
    handles.length = 0;
    child.kill();
  }
  // The helper exits by itself once the channel closes: its copies are closed as they are sent.
  if (child.connected) child.disconnect();
  if (!handles.length) return NONE;
  return {
    count: handles.length,
    close: () => Promise.all(handles.map((h) => new Promise((r) => h.close(r)))).then(() => undefined),
  };
}
