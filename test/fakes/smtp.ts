/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 for notification tests: it accepts
 * every message, keeps the raw RFC 5322 text and the parsed headers, and can be stopped and started
 * again on the same port to play an outage.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One received message. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Record<string, string>;
  /** The body with quoted-printable soft breaks and escapes decoded (good enough to search text). */
  body: string;
}

/** A fake mail server and what it received. */
export interface FakeSmtp {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Distinct Message-IDs received: what a recipient's mail system sees. */
  distinctMessageIds(): number;
  /** Stops listening (an outage); `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function parseHeaders(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const out: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).toLowerCase()] ??= decodeWords(line.slice(i + 1).trim());
  }
  return out;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) → text. */
const decodeWords = (v: string): string =>
  v.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=(\s+(?==\?))?/gi, (_m, _cs, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );

const decodeQp = (s: string): string =>
  s
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));

/** Starts the fake on an ephemeral port (or `port`). */
export async function startFakeSmtp(port = 0): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  const listen = async (p: number): Promise<number> => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            headers: parseHeaders(raw),
            body: decodeQp(raw),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(p, '127.0.0.1', () => resolve());
    });
    return (server.server.address() as AddressInfo).port;
  };
  const stop = () => new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  const actual = await listen(port);
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    mails,
    distinctMessageIds: () => new Set(mails.map((m) => m.headers['message-id'])).size,
    stop,
    start: async () => {
      await listen(actual);
    },
    close: stop,
  };
}
