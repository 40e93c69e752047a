/** Helpers shared by the protocol fakes: listen on 127.0.0.1:0, read bodies, synthetic speech. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { pcmToUlaw, tone } from '../../src/audio/index.js';

/** An HTTP + WebSocket server on an ephemeral local port. */
export interface FakeServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts a fake with an HTTP handler and an optional WS handler (`ws` path → handler). */
export async function startFake(
  http: (req: IncomingMessage, res: ServerResponse, body: string, raw: Buffer) => void | Promise<void>,
  ws?: (socket: WebSocket, req: IncomingMessage) => void,
  authorizeUpgrade?: (req: IncomingMessage) => number | null,
  upgradeDelayMs?: () => number,
): Promise<FakeServer> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      const raw = Buffer.concat(chunks);
      await http(req, res, raw.toString('utf8'), raw);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    }
  });
  let wss: WebSocketServer | null = null;
  if (ws) {
    wss = new WebSocketServer({ noServer: true });
    const w = wss;
    server.on('upgrade', (req, socket, head) => {
      const deny = authorizeUpgrade?.(req) ?? null;
      if (deny) {
        socket.end(`HTTP/1.1 ${deny} Denied\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      const accept = () => socket.destroyed || w.handleUpgrade(req, socket, head, (s) => ws(s, req));
      const wait = upgradeDelayMs?.() ?? 0;
      if (wait > 0) setTimeout(accept, wait);
      else accept();
    });
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        // Upgraded sockets are no longer the HTTP server's: end them too, or close() waits forever.
        for (const c of wss?.clients ?? []) c.terminate();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Stand-in speech for a text: a tone of ~60 ms per word (PCM16 at `rate`). */
export function speechFor(text: string, rate = 8000): Int16Array {
  const words = Math.max(1, text.split(/\s+/).filter(Boolean).length);
  return tone(words * 60, 300, rate, 0.3);
}

/** The same as μ-law 8 kHz bytes. */
export function ulawSpeechFor(text: string): Uint8Array {
  return pcmToUlaw(speechFor(text, 8000));
}

/** Sleeps. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
