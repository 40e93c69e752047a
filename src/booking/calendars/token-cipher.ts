/** OAuth tokens at rest: AES-256-GCM with a random 96-bit IV per value, authenticated, versioned. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Seals and opens secrets with one 32-byte key. */
export interface TokenCipher {
  seal(plain: string): string;
  /** Throws when the value was altered or sealed under another key. */
  open(sealed: string): string;
}

const VERSION = 'v1';

/** A cipher over a 32-byte key given as 64 hex characters. */
export function createTokenCipher(keyHex: string): TokenCipher {
  const key = Buffer.from(keyHex, 'hex');
  if (key.length !== 32) throw new Error('the encryption key must be 32 bytes (64 hex characters)');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return [VERSION, iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join(
        '.',
      );
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed token');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
    },
  };
}
