import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { errors } from '../../lib/index.js';
import type { TokenVersions } from './token-versions.js';

/** The roles of the dashboard. */
export type Role = 'admin' | 'operator' | 'viewer';

/** What an access token proves about its bearer. */
export interface Principal {
  userId: string;
  organizationId: string;
  role: Role;
}

const ROLES: readonly Role[] = ['admin', 'operator', 'viewer'];
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const ISSUER = 'infinioffice';

/**
 * Signs and verifies short-lived access tokens: compact JWS, HS256, with `sub`, `org`, `role`, `ver`,
 * `iat`, `exp`, `iss`. Done with node:crypto synchronously (a few µs) rather than WebCrypto, whose async
 * thread-pool hop showed up in the API's p99 under load. With `versions`, a token whose `ver` is not
 * its user's current token version (or whose user is gone) is refused like an expired one.
 */
export function createAccessTokens(
  secret: string,
  ttlSec: number,
  now: () => number = Date.now,
  versions?: TokenVersions,
) {
  const mac = (data: string) => createHmac('sha256', secret).update(data).digest();
  return {
    ttlSec,
    /** `version`: the user's token version now (users.token_version). */
    async sign(p: Principal, version = 0): Promise<string> {
      const iat = Math.floor(now() / 1000);
      const payload = Buffer.from(
        JSON.stringify({
          org: p.organizationId,
          role: p.role,
          sub: p.userId,
          ver: version,
          iat,
          exp: iat + ttlSec,
          iss: ISSUER,
        }),
      ).toString('base64url');
      const data = `${HEADER}.${payload}`;
      return `${data}.${mac(data).toString('base64url')}`;
    },
    async verify(token: string): Promise<Principal> {
      const bad = () => errors.unauthorized('invalid or expired access token');
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== HEADER) throw bad();
      const given = Buffer.from(parts[2], 'base64url');
      const expected = mac(`${parts[0]}.${parts[1]}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw bad();
      let c: { sub?: unknown; org?: unknown; role?: unknown; ver?: unknown; exp?: unknown; iss?: unknown };
      try {
        c = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
      } catch {
        throw bad();
      }
      if (c.iss !== ISSUER || typeof c.exp !== 'number' || c.exp * 1000 <= now()) throw bad();
      if (typeof c.sub !== 'string' || typeof c.org !== 'string' || !ROLES.includes(c.role as Role)) throw bad();
      if (versions && (c.ver ?? 0) !== (await versions.current(c.sub))) throw bad();
      return { userId: c.sub, organizationId: c.org, role: c.role as Role };
    },
  };
}
export type AccessTokens = ReturnType<typeof createAccessTokens>;

/** Refresh tokens are stored only as this hash. */
export const hashRefreshToken = (t: string): string => createHash('sha256').update(t).digest('base64url');
