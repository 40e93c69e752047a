import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { errors } from '../../lib/index.js';

/** The roles of the dashboard. */
export type Role = 'admin' | 'operator' | 'viewer';

/** What an access token proves about its bearer. */
export interface Principal { userId: string; organizationId: string; role: Role }

/** Signs and verifies short-lived access tokens (HS256). */
export function createAccessTokens(secret: string, ttlSec: number) {
  const key = new TextEncoder().encode(secret);
  return {
    ttlSec,
    async sign(p: Principal): Promise<string> {
      return new SignJWT({ org: p.organizationId, role: p.role })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(p.userId)
        .setIssuedAt()
        .setExpirationTime(`${ttlSec}s`)
        .setIssuer('infinioffice')
        .sign(key);
    },
    async verify(token: string): Promise<Principal> {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: 'infinioffice', algorithms: ['HS256'] });
        const role = payload.role as Role;
        if (!payload.sub || typeof payload.org !== 'string' || !['admin', 'operator', 'viewer'].includes(role)) throw new Error('claims');
        return { userId: payload.sub, organizationId: payload.org, role };
      } catch {
        throw errors.unauthorized('invalid or expired access token');
      }
    },
  };
}
export type AccessTokens = ReturnType<typeof createAccessTokens>;

/** Refresh tokens are stored only as this hash. */
export const hashRefreshToken = (t: string): string => createHash('sha256').update(t).digest('base64url');
