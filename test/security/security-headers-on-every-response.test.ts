// Invariant: every response carries the security headers — a CSP without inline script and with
// frame-ancestors limited to our own pages, nosniff, a Referrer-Policy — and HSTS when served over
// HTTPS (here: through a trusted proxy saying so). (On the old code none of these headers existed.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await server?.close();
});

describe('security headers', () => {
  it('an API answer, an error and the dashboard page carry CSP, nosniff and Referrer-Policy; no HSTS over plain HTTP', async () => {
    for (const path of ['/health', '/api/me', '/', '/no-such-thing']) {
      const r = await apiClient(server.url).get(path);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'/);
      expect(csp, path).not.toMatch(/unsafe-inline[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
      expect(csp, path).toMatch(/frame-ancestors 'self'/);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(r.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('HSTS when the request came over HTTPS through the trusted proxy', async () => {
    const r = await apiClient(server.url).get('/health', {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.5',
    });
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });
});
