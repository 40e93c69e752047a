/**
 * An origin as browsers send it in `Origin` (scheme://host[:port], lower case, no default port, no
 * path); null when the text is not an http(s) URL or carries a path, query or credentials.
 */
export function normalizeOrigin(text: string): string | null {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) return null;
  return u.origin;
}

/** True when a request's `Origin` is exactly one of the allowed origins (no wildcards: a widget key is public). */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  const o = normalizeOrigin(origin);
  return !!o && allowed.includes(o);
}
