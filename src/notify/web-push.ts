/**
 * Web Push without a vendor library: VAPID (RFC 8292) — an ES256 JWT for the push service's origin,
 * signed with a P-256 key generated once and kept with the other server secrets — and the payload's
 * aes128gcm encryption for one browser (RFC 8291 over RFC 8188), all with node:crypto.
 */
import { createCipheriv, createECDH, createPrivateKey, hkdfSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/** The server's VAPID key pair: the public key as browsers take it (applicationServerKey). */
export interface VapidKeys {
  /** Uncompressed P-256 point, 65 bytes, base64url. */
  publicKey: string;
  privateKey: KeyObject;
}

const b64u = (b: Buffer) => b.toString('base64url');

/** The key pair from its 32-byte private scalar (hex), as kept in server_secrets. */
export function vapidKeysFromPrivate(hex: string): VapidKeys {
  const d = Buffer.from(hex, 'hex');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const pub = ecdh.getPublicKey();
  const privateKey = createPrivateKey({
    format: 'jwk',
    key: { kty: 'EC', crv: 'P-256', d: b64u(d), x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33, 65)) },
  });
  return { publicKey: b64u(pub), privateKey };
}

/**
 * The Authorization header for one push (RFC 8292 §3): `vapid t=<JWT>, k=<public key>`, the JWT's
 * audience the endpoint's origin, valid for 12 hours (at most 24 are allowed), `sub` a contact.
 */
export function vapidAuthorization(endpoint: string, keys: VapidKeys, subject: string, now: Date): string {
  const header = b64u(Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256' })));
  const claims = b64u(
    Buffer.from(
      JSON.stringify({
        aud: new URL(endpoint).origin,
        exp: Math.floor(now.getTime() / 1000) + 12 * 3600,
        sub: subject,
      }),
    ),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), {
    key: keys.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `vapid t=${header}.${claims}.${b64u(signature)}, k=${keys.publicKey}`;
}

/** A browser's subscription keys (PushSubscription.toJSON().keys). */
export interface PushKeys {
  p256dh: string;
  auth: string;
}

const RECORD_SIZE = 4096;

/**
 * Encrypts `plaintext` for one browser (RFC 8291 §3.4): an ephemeral ECDH key with the browser's,
 * mixed with its auth secret into the content key and nonce; one aes128gcm record (RFC 8188 §2)
 * with the ephemeral public key as the key id. Answers the request body.
 */
export function encryptPushPayload(plaintext: Buffer, keys: PushKeys, salt: Buffer = randomBytes(16)): Buffer {
  const uaPublic = Buffer.from(keys.p256dh, 'base64url');
  const authSecret = Buffer.from(keys.auth, 'base64url');
  if (uaPublic.length !== 65 || uaPublic[0] !== 4) throw new Error('p256dh is not an uncompressed P-256 public key');
  if (authSecret.length !== 16) throw new Error('auth is not a 16-byte secret');
  const as = createECDH('prime256v1');
  const asPublic = as.generateKeys();
  const ecdhSecret = as.computeSecret(uaPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  if (plaintext.length + 1 + 16 > RECORD_SIZE - 86) throw new Error('push payload too large');
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  const body = Buffer.concat([
    cipher.update(Buffer.concat([plaintext, Buffer.from([2])])),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const header = Buffer.alloc(21);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header.writeUInt8(asPublic.length, 20);
  return Buffer.concat([header, asPublic, body]);
}
