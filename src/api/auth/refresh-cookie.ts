/**
 * The dashboard's refresh token lives in a cookie the page's scripts cannot read: HttpOnly,
 * SameSite=Strict (never sent by another site's page), Secure when served over HTTPS, and scoped to
 * the refresh route (Path=/api/auth/refresh), so no other request carries it. API clients keep the
 * contract's `refreshToken` in the JSON body; a browser asks for the cookie with `X-Session: cookie`
 * and then never sees the token itself.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie's name and the one path it is sent to. */
export const REFRESH_COOKIE = 'io_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth/refresh';
/** The request header by which the dashboard asks for the cookie instead of a token in the body. */
export const SESSION_HEADER = 'x-session';

/** The refresh token from the request's cookie, if any. */
export function refreshTokenFromCookie(req: FastifyRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === REFRESH_COOKIE)
      return decodeURIComponent(part.slice(i + 1).trim()) || undefined;
  }
  return undefined;
}

/** True when the client asked to keep its refresh token in the cookie (the dashboard). */
export const wantsCookie = (req: FastifyRequest): boolean => req.headers[SESSION_HEADER] === 'cookie';

/** Over HTTPS (directly, or through a trusted proxy, or by PUBLIC_URL) the cookie is Secure. */
const isHttps = (req: FastifyRequest, publicUrl?: string) =>
  req.protocol === 'https' || !!publicUrl?.startsWith('https:');

/** Sets (token) or clears (null) the refresh cookie. */
export function setRefreshCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string | null,
  opts: { ttlDays: number; publicUrl?: string },
): void {
  const attrs = [
    `${REFRESH_COOKIE}=${token ? encodeURIComponent(token) : ''}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${token ? opts.ttlDays * 86_400 : 0}`,
    ...(isHttps(req, opts.publicUrl) ? ['Secure'] : []),
  ];
  reply.header('set-cookie', attrs.join('; '));
  reply.header('cache-control', 'no-store');
}

/**
 * A session answer as the client asked for it: with the cookie, the token goes there and leaves the
 * body; without, the body keeps it (API.md's contract).
 */
export function deliverSession<T extends { refreshToken: string }>(
  req: FastifyRequest,
  reply: FastifyReply,
  session: T,
  opts: { ttlDays: number; publicUrl?: string },
  viaCookie = wantsCookie(req),
): T | Omit<T, 'refreshToken'> {
  if (!viaCookie) return session;
  setRefreshCookie(req, reply, session.refreshToken, opts);
  const { refreshToken: _kept, ...rest } = session;
  return rest;
}
