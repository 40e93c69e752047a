/**
 * A Web Push service on 127.0.0.1, standing in for the browser vendor's: it hands out subscriptions
 * (endpoint + a browser's P-256 key and auth secret), and on every push checks the VAPID token the
 * way a push service does (RFC 8292: ES256 signature by the key in `k=`, audience its own origin,
 * expiry in the future and at most 24 hours away, a mailto:/https: subject) and decrypts the
 * aes128gcm payload as the browser would (RFC 8291/8188). Written from the RFCs, independently of
 * src/notify/web-push.ts.
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One push as the service saw it. */
export interface PushHit {
  path: string;
  status: number;
  /** Why the token or payload was refused (empty when accepted). */
  problems: string[];
  /** The JWT claims and the server's public key (k=). */
  claims: { aud?: string; exp?: number; sub?: string } | null;
  serverKey: string;
  headers: Record<string, string>;
  /** The decrypted payload, parsed when JSON. */
  payload: any;
}

export interface FakePushService {
  url: string;
  hits: PushHit[];
  /** A new browser subscription at /push/<name>. */
  subscribe(name: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  /** Endpoints that answer 410 Gone (the browser unsubscribed). */
  gone: Set<string>;
  close(): Promise<void>;
}

const b64u = (b: Buffer) => b.toString('base64url');

function checkVapid(
  auth: string,
  origin: string,
  nowSec: number,
): { claims: PushHit['claims']; serverKey: string; problems: string[] } {
  const problems: string[] = [];
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(auth);
  if (!m) return { claims: null, serverKey: '', problems: ['Authorization is not "vapid t=…, k=…"'] };
  const [, jwt, k] = m;
  const [h, c, s] = jwt.split('.');
  let header: any;
  let claims: any;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString());
    claims = JSON.parse(Buffer.from(c, 'base64url').toString());
  } catch {
    return { claims: null, serverKey: k, problems: ['JWT is not JSON'] };
  }
  if (header.alg !== 'ES256') problems.push(`alg ${header.alg}`);
  const pub = Buffer.from(k, 'base64url');
  if (pub.length !== 65 || pub[0] !== 4) problems.push('k is not an uncompressed P-256 key');
  else {
    const key = createPublicKey({
      format: 'jwk',
      key: { kty: 'EC', crv: 'P-256', x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33)) },
    });
    if (
      !verify('sha256', Buffer.from(`${h}.${c}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s ?? '', 'base64url'))
    )
      problems.push('bad JWT signature');
  }
  if (claims.aud !== origin) problems.push(`aud ${claims.aud} is not ${origin}`);
  if (typeof claims.exp !== 'number' || claims.exp <= nowSec || claims.exp > nowSec + 24 * 3600)
    problems.push(`exp ${claims.exp} not within 24 h of ${nowSec}`);
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) problems.push(`sub ${claims.sub}`);
  return { claims, serverKey: k, problems };
}

function decrypt(body: Buffer, ua: ECDH, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  if (record.length > rs) throw new Error('more than one record');
  const secret = ua.computeSecret(asPublic);
  const prk = Buffer.from(
    hkdfSync(
      'sha256',
      secret,
      authSecret,
      Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]),
      32,
    ),
  );
  const cek = Buffer.from(hkdfSync('sha256', prk, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', prk, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([d.update(record.subarray(0, record.length - 16)), d.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('last record delimiter missing');
  return plain.subarray(0, end);
}

/** Starts the service; `now` is the clock tokens are checked against (the product's). */
export async function startFakePushService(now: () => Date = () => new Date()): Promise<FakePushService> {
  const browsers = new Map<string, { ecdh: ECDH; auth: Buffer }>();
  const hits: PushHit[] = [];
  const gone = new Set<string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const origin = `http://${req.headers.host}`;
      const v = checkVapid(headers.authorization ?? '', origin, Math.floor(now().getTime() / 1000));
      const problems = [...v.problems];
      let payload: any = null;
      const browser = browsers.get(path);
      if (!browser) problems.push('unknown subscription');
      if (headers['content-encoding'] !== 'aes128gcm') problems.push(`content-encoding ${headers['content-encoding']}`);
      if (!headers.ttl) problems.push('no TTL');
      if (browser && !problems.length) {
        try {
          const text = decrypt(Buffer.concat(chunks), browser.ecdh, browser.auth).toString();
          try {
            payload = JSON.parse(text);
          } catch {
            payload = text;
          }
        } catch (e) {
          problems.push(`cannot decrypt: ${(e as Error).message}`);
        }
      }
      const status = gone.has(path) ? 410 : !browser ? 404 : problems.length ? (v.problems.length ? 403 : 400) : 201;
      hits.push({ path, status, problems, claims: v.claims, serverKey: v.serverKey, headers, payload });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    gone,
    subscribe(name) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      browsers.set(`/push/${name}`, { ecdh, auth });
      return { endpoint: `${url}/push/${name}`, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
